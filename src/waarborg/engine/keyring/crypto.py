"""Envelope encryption: AES-GCM with a per-subject data key, wrapped by the master key.

- `seal(subject, values)` / `open_sealed(subject, blob)` encrypt a dict of protected fields.
- Each blob is `version(1) | nonce(12) | ciphertext+tag`; the record or subject id is the
  associated data, so a blob copied onto another row does not decrypt.
- `shred(subject)` deletes the wrapped key: every copy of the subject's sealed data, in the
  database and in backups, is unreadable from then on.
- `keyed_hash` gives look-up values (BSN) and pseudonyms without storing the clear value.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from collections.abc import Callable
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

VERSION = b"\x01"


class KeyDestroyed(Exception):
    """The subject's data key was destroyed (crypto-shredded); its sealed data is gone."""


def _master() -> bytes:
    return bytes(settings.MASTER_KEY)


def master_key_id(master: bytes | None = None) -> str:
    return hashlib.sha256(b"waarborg-key-id" + (master or _master())).hexdigest()[:16]


_roots: dict[str, bytes] = {}


class StaleMasterKey(RuntimeError):
    """The configured master key is not the one the key ring was last rotated to."""


def derivation_root(master: bytes | None = None) -> bytes:
    """The root of every derived key (see vault.models.DerivationRoot); cached per master key."""
    key = master or _master()
    key_id = master_key_id(key)
    if key_id not in _roots:
        from waarborg.engine.vault.models import DerivationRoot

        row = DerivationRoot.objects.filter(pk=1).first()
        if row is None:
            root = key
        elif row.master_key_id == key_id:
            root = unwrap(bytes(row.wrapped), key)
        else:
            raise StaleMasterKey("the master key was rotated: configure the new WAARBORG_MASTER_KEY")
        _roots[key_id] = root
    return _roots[key_id]


def forget_roots() -> None:
    _roots.clear()


def _derive(purpose: bytes) -> bytes:
    return hmac.new(derivation_root(), purpose, hashlib.sha256).digest()


def derive(purpose: bytes) -> bytes:
    """A key for one purpose (e.g. backups), stable across master-key rotations."""
    return _derive(purpose)


def sealed_root() -> dict[str, str]:
    """The derivation root wrapped under the configured master key, with that key's id: what a backup carries,
    so that a new, empty database (which has no key ring yet) can derive the backup's key with that master key."""
    master = _master()
    return {"master_key_id": master_key_id(master),
            "wrapped": base64.b64encode(wrap(derivation_root(master), master)).decode()}


class OtherMasterKey(Exception):
    """What is to be opened was sealed under another master key than the configured one."""


def derive_from(sealed: dict[str, str], purpose: bytes) -> bytes:
    """`derive`, from a root carried by `sealed_root` instead of the database's key ring."""
    master = _master()
    if sealed.get("master_key_id") != master_key_id(master):
        raise OtherMasterKey(sealed.get("master_key_id", ""))
    try:
        root = unwrap(base64.b64decode(sealed["wrapped"]), master)
    except (InvalidTag, ValueError, KeyError) as exc:
        raise OtherMasterKey(sealed.get("master_key_id", "")) from exc
    return hmac.new(root, purpose, hashlib.sha256).digest()


def keyed_hash(value: str, domain: str = "bsn") -> str:
    """A stable keyed hash for look-ups (never reversible without the master key)."""
    return hmac.new(_derive(b"lookup:" + domain.encode()), value.encode(), hashlib.sha256).hexdigest()


def pseudonym(subject_id: Any) -> str:
    """The subject's pseudonym in the audit and processing logs."""
    return pseudonymiser()(subject_id)


def pseudonymiser() -> Callable[[Any], str]:
    """`pseudonym` for many subjects: the key is derived once, at the first subject (bulk audit appends,
    the sweep), and not at all when there is none (entries of a key rotation name no subject)."""
    key: list[bytes] = []

    def pseudonym_of(subject_id: Any) -> str:
        if not key:
            key.append(_derive(b"lookup:pseudonym"))
        return hmac.digest(key[0], str(subject_id).encode(), "sha256").hex()[:32]

    return pseudonym_of


def wrap(data_key: bytes, master: bytes | None = None) -> bytes:
    nonce = os.urandom(12)
    return VERSION + nonce + AESGCM(master or _master()).encrypt(nonce, data_key, b"subject-key")


def unwrap(wrapped: bytes, master: bytes | None = None) -> bytes:
    wrapped = bytes(wrapped)
    return AESGCM(master or _master()).decrypt(wrapped[1:13], wrapped[13:], b"subject-key")


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def encrypt(key: bytes, payload: dict[str, Any], context: str) -> bytes:
    nonce = os.urandom(12)
    raw = json.dumps(payload, separators=(",", ":"), sort_keys=True, default=str).encode()
    return VERSION + nonce + AESGCM(key).encrypt(nonce, raw, context.encode())


def decrypt(key: bytes, blob: bytes, context: str) -> dict[str, Any]:
    blob = bytes(blob)
    if blob[:1] != VERSION:
        raise ValueError("unknown sealed format")
    try:
        raw = AESGCM(key).decrypt(blob[1:13], blob[13:], context.encode())
    except InvalidTag as exc:
        raise ValueError("sealed data does not match its key or context") from exc
    result: dict[str, Any] = json.loads(raw)
    return result


def system_key() -> bytes:
    """A key for data that belongs to no subject (e.g. sealed values in the audit log)."""
    return _derive(b"system-data-key")
