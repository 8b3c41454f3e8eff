"""Models of the portal capability.

A citizen account's e-mail address is contact data, which the policy encrypts (S0-21): it is not
kept in the account's plain `email` column but sealed here with the subject's data key, next to a
keyed hash that lets a password-reset request find the account without ever storing the address in
the clear. Crypto-shredding the subject makes the address unreadable as well.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AccountAddress(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="address")
    email_hash = models.CharField(max_length=64, db_index=True)  # keyed hash of the lower-cased address
    sealed = models.BinaryField()

    def __str__(self) -> str:
        return f"address of account {self.user_id}"
