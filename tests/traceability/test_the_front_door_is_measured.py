"""`make promises` measures, per test, under which shipped policy the public interface was used
(tests/front_door.py): HTTP through Django, the CLI in-process and as a subprocess; nothing else counts."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from rest_framework.test import APIClient

import waarborg.audiences.cli
from tests.conftest import EXAMPLES, activate_example
from tests.front_door import SHIM, Recorder, _shimmed

TEST = "tests/example.py::test_a_promise"


@pytest.fixture
def recorder(tmp_path: Path) -> Recorder:
    """Listens while inside `with recorder:`, as the test body of TEST."""
    recording = Recorder(tmp_path / "front-door.jsonl")
    recording.test = TEST
    return recording


def _activate_changed_copy(name: str) -> None:
    from waarborg.engine.policy.active import activate
    from waarborg.engine.policy.loader import load_text

    source = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
    activate(load_text(source + "\n# a local change\n", f"{name}.yaml"))


@pytest.mark.django_db
def test_an_api_client_request_under_the_shipped_policy_counts_for_that_organisation(recorder: Recorder) -> None:
    # Given kwartier's shipped policy is active
    activate_example("kwartier")
    # When the test asks the platform over HTTP
    with recorder:
        assert APIClient().get("/privacy/").status_code == 200
    # Then it used the front door under kwartier's policy, and no other
    assert recorder.policies(TEST) == ["kwartier"]


@pytest.mark.django_db
def test_an_internal_call_does_not_count(recorder: Recorder) -> None:
    from waarborg.engine.policy.active import current

    activate_example("kwartier")
    with recorder:
        assert current().organisation.id
    assert recorder.policies(TEST) == []


@pytest.mark.django_db
def test_a_changed_copy_of_a_shipped_policy_does_not_count(recorder: Recorder) -> None:
    # Given a copy of kwartier's policy with one line added is active
    _activate_changed_copy("kwartier")
    # When the test asks over HTTP
    with recorder:
        assert APIClient().get("/privacy/").status_code == 200
    # Then the request was seen, but under no shipped policy
    assert len(recorder.seen[TEST]) == 1
    assert recorder.policies(TEST) == []


@pytest.mark.django_db
def test_nothing_counts_outside_a_test_body(recorder: Recorder) -> None:
    activate_example("kwartier")
    recorder.test = None
    with recorder:
        assert APIClient().get("/privacy/").status_code == 200
    assert recorder.seen == {}


@pytest.mark.django_db
def test_the_cli_in_process_counts_for_the_active_policy_and_for_a_policy_file_it_is_given(
        recorder: Recorder, capsys: pytest.CaptureFixture[str]) -> None:
    # Given werkzaak's shipped policy is active
    activate_example("werkzaak")
    # When the sweep runs and a statement is rendered from socialekaart's file, through `waarborg.audiences.cli.main`
    with recorder:
        assert waarborg.audiences.cli.main(["sweep", "--dry-run"]) == 0
        assert waarborg.audiences.cli.main(["render", "statement", "--policy", str(EXAMPLES / "socialekaart.yaml")]) == 0
    # Then both count
    assert recorder.policies(TEST) == ["socialekaart", "werkzaak"]
    assert "Privacyverklaring" in capsys.readouterr().out


def test_a_cli_subprocess_records_into_the_test_runs_log(recorder: Recorder) -> None:
    # When a test runs `python -m waarborg policy check FILE` on wlzclientondersteuning's shipped file
    with recorder:
        done = subprocess.run([sys.executable, "-m", "waarborg", "policy", "check",
                               str(EXAMPLES / "wlzclientondersteuning.yaml")],
                              capture_output=True, text=True, check=False, timeout=120)
    # Then the command did its work as usual, and its use of the policy is measured
    assert done.returncode == 0, done.stderr
    assert recorder.policies(TEST) == ["wlzclientondersteuning"]


@pytest.mark.django_db(transaction=True)
def test_requests_to_the_live_server_thread_count(recorder: Recorder, live_server: Any) -> None:
    # Given socialekaart's shipped policy is active and a live server runs in a thread of its own
    activate_example("socialekaart")
    # When the test visits two pages over a real socket (the server thread notes the policy it read at the
    # end of the first request; the test only waits for the start of the second, as a browser would)
    with recorder:
        for _ in range(2):
            with urllib.request.urlopen(f"{live_server.url}/privacy/", timeout=30) as answer:  # noqa: S310
                assert answer.status == 200
    # Then the server thread's requests count for the test
    assert recorder.policies(TEST) == ["socialekaart"]


def test_only_waarborg_commands_are_run_under_the_shim() -> None:
    python = sys.executable
    assert _shimmed([python, "-m", "waarborg", "sweep"]) == [python, "-c", SHIM, "sweep"]
    assert _shimmed([python, "-W", "ignore", "-m", "waarborg", "sweep"]) == [python, "-W", "ignore", "-c", SHIM, "sweep"]
    assert _shimmed(["/venv/bin/waarborg", "audit", "verify"]) == [python, "-c", SHIM, "audit", "verify"]
    assert _shimmed([python, "-m", "django", "migrate"]) is None
    assert _shimmed([python, "tests/tool.py", "-m", "waarborg"]) is None
    assert _shimmed(["pdftotext", "-", "-"]) is None
    assert _shimmed("python -m waarborg sweep") is None


def test_leaving_the_last_recorder_puts_the_cli_and_subprocess_back(tmp_path: Path) -> None:
    from tests import front_door

    if front_door._recorders:
        pytest.skip("a recording run (make promises) keeps its own recorder installed")
    main, init = waarborg.audiences.cli.main, subprocess.Popen.__init__
    with Recorder(tmp_path / "log.jsonl"):
        assert waarborg.audiences.cli.main is not main and subprocess.Popen.__init__ is not init
    assert waarborg.audiences.cli.main is main and subprocess.Popen.__init__ is init


SESSION = '''
from pathlib import Path

import pytest
from waarborg.audiences.cli import main  # imported at collection: the recorded one all the same

from waarborg.engine.policy.loader import load_file

KWARTIER = Path({examples!r}) / "kwartier.yaml"


@pytest.mark.promise("S4-01", "S0-01")
def test_through_the_cli() -> None:
    assert main(["policy", "check", str(KWARTIER)]) == 0


@pytest.mark.promise("S4-01", "S4-02")
def test_through_an_internal_function() -> None:
    assert load_file(KWARTIER).policy.organisation.id
'''


def test_a_whole_recording_run_reports_what_each_promise_test_did(tmp_path: Path) -> None:
    from scripts.promises import lines

    # Given a test file with a CLI test and an internal one, run as `make promises` runs the suite
    (tmp_path / "test_session.py").write_text(SESSION.format(examples=str(EXAMPLES)), encoding="utf-8")
    root = EXAMPLES.parent
    report = tmp_path / "report.json"
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-c", str(root / "pyproject.toml"),
                           "--rootdir", str(root), f"--promises-report={report}", str(tmp_path / "test_session.py")],
                          cwd=root, capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    # Then the CLI test proves kwartier's S4-01, and nothing proves S4-02 or seed 000's S0-01 through the front door
    printed = lines([json.loads(report.read_text(encoding="utf-8"))], ["S0-01", "S4-01", "S4-02"])
    shown = [[pid, status] + [test.rsplit("::", 1)[1] for test in tests] for pid, status, *tests in map(str.split, printed[:3])]
    assert shown == [["S0-01", "unit-only", "test_through_the_cli"],
                         ["S4-01", "proven", "test_through_the_cli", "test_through_an_internal_function"],
                         ["S4-02", "unit-only", "test_through_an_internal_function"]]
