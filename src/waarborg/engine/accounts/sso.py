"""Single sign-on for staff: what the identity provider's claims mean here.

Why: an organisation with an identity provider (Keycloak, Entra ID, ...) manages who works there and in which
group in one place; leavers lose access everywhere at once, and the provider's second factor is the one staff
already use. Waarborg keeps its own say over three things:
- which account: the claim `WAARBORG_OIDC_USERNAME_CLAIM` names an EXISTING staff account (`waarborg staff add`
  made it, with the confidentiality declaration on file). A name unknown here is refused, never created:
  access to special-category data starts with an operator's deliberate step, not with a group at the provider.
- which roles: the provider's groups (`WAARBORG_OIDC_ROLE_CLAIM`) map to roles of the active policy through
  `WAARBORG_OIDC_ROLES`; the account's roles become exactly those at each login, so a group removed at the
  provider is a role removed here at the next login. No mapped role: refused.
- whether the provider's second factor counts (`WAARBORG_OIDC_MFA`): with `provider` it does when the ID token
  says one was used (`amr` per RFC 8176, or an `acr` level named in `WAARBORG_OIDC_MFA_VALUES`); a token that
  does not say so gets Waarborg's own second factor on top, exactly as a password login would. With
  `waarborg`, Waarborg's own second factor is always asked too.

This module reads and computes only; `accounts.actions.sso_login` lets the account in and puts it on record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings


def enabled() -> bool:
    return bool(settings.WAARBORG_OIDC_ISSUER)


def password_login_allowed() -> bool:
    """May staff log in with a password (back office, admin)? Always, unless single sign-on replaced it."""
    return bool(settings.WAARBORG_STAFF_PASSWORD_LOGIN) or not enabled()


def role_map(text: str) -> dict[str, list[str]]:
    """`group=role,group=role` as {group: [roles]}; a malformed pair is a configuration error (ValueError)."""
    mapping: dict[str, list[str]] = {}
    for pair in (p.strip() for p in text.split(",")):
        if not pair:
            continue
        group, sep, role = pair.rpartition("=")
        if not sep or not group.strip() or not role.strip():
            raise ValueError(f"WAARBORG_OIDC_ROLES: {pair!r} is not group=role")
        mapping.setdefault(group.strip(), []).append(role.strip())
    return mapping


def claim_values(claims: Mapping[str, Any], name: str) -> list[str]:
    """A claim as a list of strings: providers send a list, a single string, or a space-separated string."""
    value = claims.get(name)
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list | tuple):
        return [str(v) for v in value if isinstance(v, str | int)]
    return []


def roles_from(groups: Iterable[str], policy_roles: Iterable[str], mapping: Mapping[str, list[str]]) -> list[str]:
    """The roles of the policy these provider groups give, in the policy's order. Without a mapping, a group
    whose name is a role id of the policy is that role."""
    held = set(groups)
    wanted = {role for group, roles in mapping.items() if group in held for role in roles} if mapping else held
    return [role for role in policy_roles if role in wanted]


def second_factor_by_provider(id_token: Mapping[str, Any]) -> bool:
    """Did the provider say, in the ID token, that a second factor was used (and may it count here)?"""
    if settings.WAARBORG_OIDC_MFA != "provider":
        return False
    meaning = {v.strip() for v in str(settings.WAARBORG_OIDC_MFA_VALUES).split(",") if v.strip()}
    said = set(claim_values(id_token, "amr"))
    acr = id_token.get("acr")
    if isinstance(acr, str):
        said.add(acr)
    return bool(said & meaning)
