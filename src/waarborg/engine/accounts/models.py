"""Staff, services and citizens. Roles come from the active policy, by id."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    class Kind(models.TextChoices):
        STAFF = "staff", "Medewerker"
        SERVICE = "service", "Koppeling"
        CITIZEN = "citizen", "Burger"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.STAFF)
    roles = models.JSONField(default=list, blank=True)  # role ids of the active policy
    team = models.CharField(max_length=64, blank=True, default="")
    # S4-08: no personal data until a confidentiality declaration is on file.
    confidentiality_signed_at = models.DateTimeField(null=True, blank=True)
    # A citizen's account is linked to their subject in the vault.
    subject = models.OneToOneField("vault.Subject", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="account")

    @property
    def is_service(self) -> bool:
        return self.kind == self.Kind.SERVICE


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """Only the hash is stored; the key is shown once at creation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    name = models.CharField(max_length=100, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"token {self.prefix}… for {self.user_id}"

    @classmethod
    def issue(cls, user: User, name: str = "") -> tuple[ApiToken, str]:
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, key_hash=hash_token(key), prefix=key[:8], name=name)
        return token, key
