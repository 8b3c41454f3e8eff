"""The audit log's two keys, both kept outside the database.

- The **entry key** (HMAC-SHA256) gives every entry its MAC. Whoever can write to the database but does not
  hold the master key cannot make a MAC that verifies: a forged, altered or renumbered entry is named.
- The **checkpoint key** (Ed25519) signs the checkpoints, the statements of how far the log reached and what
  its head was, which are also written outside the database. Only its public half is needed to check them
  (`waarborg audit public-key`), so the FG or the Autoriteit Persoonsgegevens can check an export without
  any secret.

Both derive from the master key's derivation root (`vault.crypto.derive`), like the backup key and the
pseudonyms: nothing new to generate, configure or back up, and they stay the same across a master-key
rotation. The root is stored in the database only wrapped by the master key, which lives in the home or the
environment (`WAARBORG_MASTER_KEY`), never in the database.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from waarborg.engine.keyring import crypto


def entry_key() -> bytes:
    """The HMAC key of the entries (derived at each call: one HMAC, and always from the current root)."""
    return crypto.derive(b"audit-entry-mac")


def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(crypto.derive(b"audit-checkpoint-signing"))


def public_key() -> Ed25519PublicKey:
    return signing_key().public_key()


def public_key_text(key: Ed25519PublicKey | None = None) -> str:
    """The public key as PEM (SubjectPublicKeyInfo), what `waarborg audit public-key` prints."""
    pem = (key or public_key()).public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return pem.decode()


def key_id(key: Ed25519PublicKey | None = None) -> str:
    raw = (key or public_key()).public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def load_public_key(pem: str) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem.encode())
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def sign(message: bytes) -> str:
    return base64.b64encode(signing_key().sign(message)).decode()


def verify(message: bytes, signature: str, public: Ed25519PublicKey | None = None) -> bool:
    """Whether `signature` (base64) is the checkpoint key's signature of `message`."""
    try:
        (public or public_key()).verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, ValueError):
        return False
    return True
