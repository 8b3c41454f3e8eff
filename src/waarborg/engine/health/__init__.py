"""Health and metrics for load balancers and monitoring: `/health/live`, `/health/ready`, `/metrics`.

They are answered first in the middleware chain (`ProbesMiddleware`), before host checks and the HTTPS
redirect, because a load balancer probes over plain HTTP with its own Host header. They never hold
personal data: only counts, states and ages.
"""
