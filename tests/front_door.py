"""Honest proof for `make promises`: which shipped example policies were in force when a test used the front door.

A promise counts as proven only when a passing test drives the public interface while the example policy of
the organisation that made the promise is active, exactly as shipped. This module measures that; it never
takes a test's word for it. A `Recorder` notes, per test (node id), the sha256 of every policy in force:

- HTTP: receivers of Django's `request_started`/`request_finished` (they fire for the test client, DRF's
  APIClient, and the threads of `live_server` that the browser tests talk to) look at the policy the process
  has cached (`waarborg.engine.policy.active.cached()`). They never query: no test's transactions, query counts,
  threads or database blocker are disturbed, and a request that never consulted a policy proves none.
- CLI in-process: `waarborg.audiences.cli.main` is wrapped; before and after the command the same look, plus every
  policy file named on the command line (`render statement --policy FILE`, `policy activate FILE`).
- CLI subprocesses: `python -m waarborg ARGS` (or the `waarborg` script) started while a test is recorded runs
  as `python -c SHIM ARGS` instead: the same `waarborg.audiences.cli.main(ARGS)` in a fresh process, under a recorder
  that appends what it sees to the file named by WAARBORG_FRONT_DOOR_LOG. Only a recording test run starts
  processes this way; the product itself has no hook for any of this.

"Unchanged" means: the sha256 of the policy in force equals the sha256 that the loader
(`waarborg.engine.policy.load_file`) computes for one of the files in `examples/`. This module imports only the
standard library at the top, so the subprocess shim can load it by path before Django is set up.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# Seeds 000..004 in their order (`shipped_policy_of`), then the examples written for issue 15's new constructs.
SHIPPED = ("ikzorginassen", "socialekaart", "wlzclientondersteuning", "werkzaak", "kwartier", "debrug", "lindehof")
LOG_ENV = "WAARBORG_FRONT_DOOR_LOG"
TEST_ENV = "WAARBORG_FRONT_DOOR_TEST"
# Runs `waarborg.audiences.cli.main(sys.argv[1:])` under a recorder (see `child`); loads this file by path, so a
# subprocess needs neither `tests` on its path nor anything of pytest.
_HERE = str(Path(__file__).resolve())
SHIM = (f"import importlib.util as u; s = u.spec_from_file_location('waarborg_front_door', {_HERE!r}); "
        "m = u.module_from_spec(s); s.loader.exec_module(m); m.child()")


def shipped_policy_of(promise_id: str) -> str:
    """The example policy of the organisation whose statement made the promise (`S4-11` -> kwartier)."""
    return SHIPPED[int(promise_id[1])]


@functools.cache
def shipped() -> dict[str, str]:
    """sha256 -> example name, as the loader computes it for each shipped file."""
    from waarborg.engine.policy.loader import load_file

    return {load_file(EXAMPLES / f"{name}.yaml").sha256: name for name in SHIPPED}


def _active_sha256() -> str | None:
    module = sys.modules.get("waarborg.engine.policy.active")  # not imported yet: no policy has been read
    active = module.cached() if module is not None else None
    return active.sha256 if active is not None else None


def _file_sha256(arg: object) -> str | None:
    """The sha256 the loader would give a policy file named on the command line (None for other arguments)."""
    if not isinstance(arg, str | os.PathLike) or not os.fspath(arg).endswith((".yaml", ".yml")):
        return None
    try:
        return hashlib.sha256(Path(arg).read_text(encoding="utf-8").encode()).hexdigest()
    except (OSError, UnicodeDecodeError):
        return None


class Recorder:
    """What the front door saw, per test: the sha256 of each policy in force while the test used it.

    Set `test` to the node id while a test body runs; nothing is recorded while it is None (fixtures, and
    requests of a live server between tests). Used as a context manager, it is listened to while inside.
    """

    def __init__(self, log: Path | None = None, *, writes_log: bool = False) -> None:
        self.test: str | None = None
        self.seen: dict[str, set[str]] = {}
        self.writes_log = writes_log
        if log is None:
            handle, name = tempfile.mkstemp(prefix="waarborg-front-door-", suffix=".jsonl")
            os.close(handle)
            log = Path(name)
        self.log = log
        self._lock = threading.Lock()

    def observe(self, argv: Iterable[object] = ()) -> None:
        test = self.test
        if test is None:
            return
        try:  # never let measuring break what is measured
            hashes = {h for h in (_active_sha256(), *map(_file_sha256, argv)) if h}
        except Exception:  # e.g. a policy module half set up: then there is nothing to see
            return
        with self._lock:
            seen = self.seen.setdefault(test, set())
            new = hashes - seen
            seen |= new
        if new and self.writes_log:
            with self.log.open("a", encoding="utf-8") as out:
                out.write("".join(json.dumps({"test": test, "sha256": h}) + "\n" for h in sorted(new)))

    def collect(self) -> None:
        """Take in what subprocesses appended to the log."""
        try:
            lines = self.log.read_text(encoding="utf-8").splitlines()
        except OSError:
            return
        for line in lines:
            entry = json.loads(line)
            self.seen.setdefault(entry["test"], set()).add(entry["sha256"])

    def policies(self, test: str) -> list[str]:
        """The shipped example policies, unchanged, that were in force when `test` used the front door."""
        names = shipped()
        return sorted({names[h] for h in self.seen.get(test, ()) if h in names})

    def __enter__(self) -> Recorder:
        if not _recorders:
            _install()
        _recorders.append(self)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        _recorders.remove(self)
        if not _recorders:
            _uninstall()
        if not self.writes_log:
            self.collect()


_recorders: list[Recorder] = []
_undo: list[Callable[[], None]] = []


def _observe(argv: Iterable[object] = ()) -> None:
    for recorder in list(_recorders):
        recorder.observe(argv)


def _on_request(sender: Any, **kwargs: Any) -> None:
    _observe()


def _install() -> None:
    from django.core.signals import request_finished, request_started

    import waarborg.audiences.cli

    for signal in (request_started, request_finished):
        signal.connect(_on_request, dispatch_uid="waarborg-front-door")
        _undo.append(functools.partial(signal.disconnect, dispatch_uid="waarborg-front-door"))

    original_main = waarborg.audiences.cli.main

    @functools.wraps(original_main)
    def main(argv: Any = None) -> int:
        arguments = list(argv) if argv is not None else []
        _observe(arguments)
        try:
            return original_main(argv)
        finally:
            _observe(arguments)

    waarborg.audiences.cli.main = main
    _undo.append(functools.partial(setattr, waarborg.audiences.cli, "main", original_main))

    original_init = subprocess.Popen.__init__

    @functools.wraps(original_init)
    def popen_init(self: subprocess.Popen[Any], args: Any, *rest: Any, **kwargs: Any) -> None:
        recorder = next((r for r in reversed(_recorders) if r.test is not None), None)
        shimmed = _shimmed(args) if recorder is not None and len(rest) < 10 else None  # rest[9] would be env
        if recorder is not None and shimmed is not None:
            env = dict(os.environ if kwargs.get("env") is None else kwargs["env"])
            env.update({LOG_ENV: str(recorder.log), TEST_ENV: recorder.test or ""})
            args, kwargs = shimmed, {**kwargs, "env": env}
        original_init(self, args, *rest, **kwargs)

    subprocess.Popen.__init__ = popen_init  # type: ignore[method-assign]
    _undo.append(functools.partial(setattr, subprocess.Popen, "__init__", original_init))


def _uninstall() -> None:
    while _undo:
        _undo.pop()()


def _shimmed(args: Any) -> list[str] | None:
    """`[python, -m, waarborg, *rest]` or `[.../waarborg, *rest]` as `[python, -c, SHIM, *rest]`; else None."""
    if not isinstance(args, list | tuple) or not args:
        return None
    parts = [os.fspath(a) if isinstance(a, os.PathLike) else a for a in args]
    if not all(isinstance(p, str) for p in parts):
        return None
    if Path(parts[0]).name == "waarborg":
        return [sys.executable, "-c", SHIM, *parts[1:]]
    i = 1
    while i < len(parts) - 1:
        if parts[i:i + 2] == ["-m", "waarborg"]:
            return [*parts[:i], "-c", SHIM, *parts[i + 2:]]
        if not parts[i].startswith("-"):
            return None
        i += 2 if parts[i] in ("-W", "-X") else 1  # interpreter options that take a value
    return None


def child() -> None:
    """`python -m waarborg ARGS` of a recorded test: the same command, recording into the test run's log."""
    import importlib.util

    recorder = Recorder(Path(os.environ[LOG_ENV]), writes_log=True)
    recorder.test = os.environ[TEST_ENV]
    spec = importlib.util.find_spec("waarborg")
    if spec is not None and spec.submodule_search_locations:  # what `-m` would have put there
        sys.argv[0] = str(Path(next(iter(spec.submodule_search_locations))) / "__main__.py")
    with recorder:
        import waarborg.audiences.cli

        code = waarborg.audiences.cli.main(sys.argv[1:])
    sys.exit(code)
