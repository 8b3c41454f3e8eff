"""The container recipe, compose file and systemd units name what exists: the install script the topology
test runs, the gunicorn configuration it uses, and commands the CLI knows. (No Docker engine runs here: the
images themselves are built by whoever deploys; docs/operator.md says so.)"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

from waarborg.audiences.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
SERVICES = {"postgres", "redis", "install", "web", "worker", "scheduler", "proxy"}
OPERATOR_FILES = ("./secrets/", "./waarborg.env", "./policy.yaml")  # made by the operator (docs/operator.md)


def _parses(argv: list[str]) -> None:
    build_parser().parse_args(argv)  # SystemExit(2) on a command the CLI does not know


def test_compose_runs_the_install_script_then_web_worker_and_scheduler() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == SERVICES
    assert services["install"]["command"] == ["/opt/waarborg/deploy/install.sh"]
    for name in ("web", "worker", "scheduler"):
        assert services[name]["depends_on"] == {"install": {"condition": "service_completed_successfully"}}
        assert services[name]["image"] == services["install"]["image"] == "waarborg:latest"
    _parses(services["worker"]["command"][1:])
    _parses(services["scheduler"]["command"][1:])
    proxy = services["proxy"]
    assert proxy["networks"]["waarborg"]["ipv4_address"] == services["web"]["environment"]["WAARBORG_TRUSTED_PROXY"]
    for service in services.values():
        for volume in service.get("volumes", []):
            host = volume.split(":")[0]
            if host.startswith("./") and not host.startswith(OPERATOR_FILES):
                assert (ROOT / host).exists(), host


def test_the_image_is_slim_python_3_11_in_stages_and_runs_unprivileged() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    # a node stage builds the pages' CSS (docs/design.md), then the Python build and the slim runtime
    assert re.findall(r"^FROM (\S+)", dockerfile, re.M) == ["node:20-slim", "python:3.11-slim", "python:3.11-slim"]
    users = re.findall(r"^USER (\S+)", dockerfile, re.M)
    assert users and users[-1] not in ("root", "0")
    for source in re.findall(r"^COPY (?!--from)(.+) \S+$", dockerfile, re.M):
        for path in source.split():
            assert (ROOT / path).exists(), path
    assert 'CMD ["gunicorn", "-c", "/opt/waarborg/deploy/gunicorn.conf.py", "waarborg.wsgi:application"]' in dockerfile


def test_the_systemd_units_start_what_exists() -> None:
    units = sorted((ROOT / "deploy" / "systemd").glob("*.service"))
    assert [u.name for u in units] == ["waarborg-install.service", "waarborg-scheduler.service",
                                       "waarborg-web.service", "waarborg-worker.service"]
    for unit in units:
        [start] = re.findall(r"^ExecStart=(.+)$", unit.read_text(), re.M)
        argv = shlex.split(start)
        for arg in argv:
            if arg.startswith("/opt/waarborg/src/"):
                assert (ROOT / arg.removeprefix("/opt/waarborg/src/")).exists(), arg
        if argv[0].endswith("/waarborg"):
            _parses(argv[1:])
        assert "User=waarborg" in unit.read_text()


def test_the_install_script_uses_commands_the_cli_knows() -> None:
    script = (ROOT / "deploy" / "install.sh").read_text()
    calls = re.findall(r'^\s*"\$waarborg" (.+)$', script, re.M)
    assert [c.split()[0] for c in calls] == ["migrate", "collectstatic", "policy", "check"]
    for call in calls:
        _parses(shlex.split(call))
