"""Encrypted backup files: `WBK1 | header length | header JSON | chunks`.

Each chunk is AES-GCM under a key derived from the key ring's root, with nonce = file prefix (8 random
bytes) + chunk counter, and the header plus a "last chunk" flag as associated data: a truncated,
reordered or altered file does not decrypt.

The header carries that root wrapped under the master key of the moment (`keyring.crypto.sealed_root`), so a
backup opens with that master key alone, in a new, empty database too: after a key rotation the database's
own root is wrapped under the new key, while a new database has none and would derive from the master key
itself. Backups from before version 2 of the header derive from the database's key ring, as they always did.
"""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"WBK1"
CHUNK = 1024 * 1024


class BackupCorrupt(Exception):
    pass


_PURPOSE = b"waarborg-backup-key"


def _key(header: dict[str, Any], name: str) -> bytes:
    from waarborg.engine.keyring.crypto import OtherMasterKey, derive, derive_from

    if "root" not in header:  # a backup from before the root travelled with it
        return derive(_PURPOSE)
    try:
        return derive_from(header["root"], _PURPOSE)
    except OtherMasterKey:
        from waarborg.engine.keyring.crypto import master_key_id

        raise BackupCorrupt(
            f"{name} was made under another master key (key id {header['root'].get('master_key_id', '?')}) than "
            f"the one configured now (key id {master_key_id()}): restore or check it with the key that was "
            "configured when it was taken (before a later rotation: the old key; after one: the new key)") from None


def write(plain: Path, target: Path, header: dict[str, Any]) -> None:
    from waarborg.engine.keyring.crypto import sealed_root

    header = {**header, "root": sealed_root()}
    head = json.dumps(header, sort_keys=True).encode()
    prefix = os.urandom(8)
    aes = AESGCM(_key(header, target.name))
    size = plain.stat().st_size
    tmp = target.with_suffix(".partial")
    with plain.open("rb") as src, tmp.open("wb") as out:
        out.write(MAGIC + struct.pack(">I", len(head)) + head + prefix)
        counter = 0
        done = 0
        while True:
            block = src.read(CHUNK)
            done += len(block)
            last = done >= size
            nonce = prefix + struct.pack(">I", counter)
            sealed = aes.encrypt(nonce, block, head + (b"L" if last else b"C"))
            out.write(struct.pack(">I", len(sealed)) + sealed)
            counter += 1
            if last:
                break
        out.flush()
        os.fsync(out.fileno())
    os.chmod(tmp, 0o600)
    tmp.rename(target)


def read_header(path: Path) -> dict[str, Any]:
    with path.open("rb") as src:
        if src.read(4) != MAGIC:
            raise BackupCorrupt(f"{path.name} is not a Waarborg backup")
        (length,) = struct.unpack(">I", src.read(4))
        header: dict[str, Any] = json.loads(src.read(length))
        return header


def decrypt(path: Path, target: Path) -> dict[str, Any]:
    with path.open("rb") as src, target.open("wb") as out:
        if src.read(4) != MAGIC:
            raise BackupCorrupt(f"{path.name} is not a Waarborg backup")
        (length,) = struct.unpack(">I", src.read(4))
        head = src.read(length)
        try:
            aes = AESGCM(_key(json.loads(head), path.name))
        except ValueError:
            raise BackupCorrupt(f"{path.name} has an unreadable header") from None
        prefix = src.read(8)
        counter = 0
        while True:
            raw = src.read(4)
            if len(raw) < 4:
                raise BackupCorrupt(f"{path.name} is truncated")
            (n,) = struct.unpack(">I", raw)
            sealed = src.read(n)
            nonce = prefix + struct.pack(">I", counter)
            try:
                out.write(aes.decrypt(nonce, sealed, head + b"C"))
            except Exception:
                try:
                    out.write(aes.decrypt(nonce, sealed, head + b"L"))
                except Exception as exc:
                    raise BackupCorrupt(f"{path.name} does not decrypt (wrong master key or altered file)") from exc
                break
            counter += 1
    result: dict[str, Any] = json.loads(head)
    return result
