"""Passkeys (WebAuthn) as a staff member's second factor: the name the browser shows for the relying party.

django-otp-webauthn runs the ceremonies (its settings in `waarborg.settings`: the relying party is the host of
WAARBORG_PUBLIC_URL, the only origin that may answer). The pages and the ceremony endpoints are
`audiences.backoffice.views_passkeys`; who must enter a second factor at all is `engine.accounts.twofactor`.
"""

from __future__ import annotations

from django.http import HttpRequest


def rp_name(request: HttpRequest) -> str:
    """The organisation's name, as every page shows it."""
    from waarborg.audiences.web.theme import current_look

    return current_look().name
