"""A real Redis for the tests that need one: redis-server from the OS (README's fresh-machine list), started
on a free port for the test and stopped after it. Missing: a skip on a developer's machine, a failure with
CI=true (a test that silently does not run proves nothing)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"


def require_redis() -> None:
    if not Path(REDIS).exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("redis-server is required in CI (apt-get install redis-server)")
        pytest.skip("no redis-server (apt-get install redis-server)")


@contextmanager
def redis_server(directory: Path) -> Iterator[str]:
    """Start redis-server; yields its URL."""
    require_redis()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(directory)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
