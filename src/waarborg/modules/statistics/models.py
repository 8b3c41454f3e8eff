"""A page visit, stored already anonymised: nothing here identifies a person.

`ip_prefix` is the address with its host part zeroed (IPv4 /24, IPv6 /48), `user_pseudonym` a keyed
hash of the user name that changes every day (visits of one day can be counted as one visitor, but
not followed across days), and `page` the URL pattern, never the path (paths can hold ids or tokens).
"""

from __future__ import annotations

from django.db import models


class Visit(models.Model):
    id = models.BigAutoField(primary_key=True)
    purpose = models.CharField(max_length=64)  # the policy's statistics purpose, e.g. "statistics"
    at = models.DateTimeField()  # time of the request
    page = models.CharField(max_length=200)
    ip_prefix = models.CharField(max_length=64)
    os = models.CharField(max_length=32)
    browser = models.CharField(max_length=32)
    user_pseudonym = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["at"])]

    def __str__(self) -> str:
        return f"visit {self.id} {self.page}"
