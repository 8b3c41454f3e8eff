"""Who may see the breach register: whoever manages breaches (a privacy officer, or a role that names
`breaches` in `manages`), and whoever oversees (the DPO sees all, S3-28). Keeping it is `policy.manages`."""

from __future__ import annotations

from waarborg.core.actors import Actor
from waarborg.engine.policy.schema import Policy


def sees_breaches(actor: Actor, policy: Policy) -> bool:
    return policy.manages(actor, "breaches") or policy.oversees(actor)
