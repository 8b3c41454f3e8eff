"""The unsubscribe link: a signed token naming the subject and the purpose, no login needed.

Signed with Django's signing (the SECRET_KEY), so it cannot be forged or pointed at someone else.
It does not expire: an old newsletter's link must still work (art. 7(3)).
"""

from __future__ import annotations

from typing import Any

from django.core import signing

SALT = "waarborg.modules.mailings.unsubscribe"


def unsubscribe_token(subject_id: Any, purpose: str) -> str:
    return signing.dumps({"s": str(subject_id), "p": purpose}, salt=SALT, compress=True)


def read_token(token: str) -> tuple[str, str] | None:
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("s"), str) or not isinstance(data.get("p"), str):
        return None
    return data["s"], data["p"]
