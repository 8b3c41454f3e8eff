"""Virus scanning of uploaded documents before they are stored (S2-24: "virusscanners").

With `WAARBORG_CLAMD` set (`unix:/run/clamav/clamd.ctl` or `tcp:127.0.0.1:3310`) every upload is streamed
to ClamAV's daemon (INSTREAM). Without it, only the built-in signatures below are checked: the EICAR
test file, so the refusal path can be proven anywhere. Production installations should run clamd.
An unreachable clamd refuses the upload (fail closed) rather than storing it unscanned.
"""

from __future__ import annotations

import socket
import struct

from django.conf import settings

from waarborg.core.errors import Invalid

_EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
_SIGNATURES = {"Eicar-Test-Signature": _EICAR}


class ScanUnavailable(Exception):
    pass


def _clamd(data: bytes, address: str) -> str | None:
    kind, _, where = address.partition(":")
    family = socket.AF_UNIX if kind == "unix" else socket.AF_INET
    target: str | tuple[str, int] = where
    if kind == "tcp":
        host, _, port = where.rpartition(":")
        target = (host, int(port))
    try:
        with socket.socket(family, socket.SOCK_STREAM) as conn:
            conn.settimeout(30)
            conn.connect(target)
            conn.sendall(b"zINSTREAM\0")
            for start in range(0, len(data), 65536):
                chunk = data[start:start + 65536]
                conn.sendall(struct.pack(">I", len(chunk)) + chunk)
            conn.sendall(struct.pack(">I", 0))
            answer = conn.recv(4096).rstrip(b"\0").decode(errors="replace")
    except OSError as exc:
        raise ScanUnavailable("the virus scanner cannot be reached") from exc
    if answer.endswith("FOUND"):
        return answer.split(":", 1)[-1].removesuffix("FOUND").strip()
    if not answer.endswith("OK"):
        raise ScanUnavailable("the virus scanner gave no verdict")
    return None


def threat_in(data: bytes) -> str | None:
    """The name of the threat found in `data`, or None when it is clean."""
    address = getattr(settings, "WAARBORG_CLAMD", "") or ""
    if address:
        return _clamd(data, address)
    for name, signature in _SIGNATURES.items():
        if signature in data:
            return name
    return None


def ensure_clean(data: bytes, field: str = "file") -> None:
    """422 for an infected upload (the threat's name only, never the content); nothing is stored."""
    try:
        threat = threat_in(data)
    except ScanUnavailable:
        raise Invalid({field: ["Het bestand kon niet op virussen worden gecontroleerd. (The file could not be "
                               "scanned for viruses.)"]}) from None
    if threat:
        raise Invalid({field: [f"Het bestand bevat een virus ({threat}) en is niet opgeslagen. "
                               f"(The file contains a virus and was not stored.)"]})
