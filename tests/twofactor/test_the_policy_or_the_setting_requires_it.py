"""Who is asked: `WAARBORG_STAFF_2FA` (required in production, optional elsewhere, or off), made `required` by
a policy that promises it (`staff: {two_factor: required}`), whatever the environment says. A setting that
is none of the three stops the process at start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from django.test import Client

from tests.conftest import EXAMPLES
from tests.twofactor.conftest import log_in
from waarborg.audiences.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_a_policy_that_requires_it_wins_over_the_setting(db: Any, settings: Any, tmp_path: Path,
                                                         capsys: Any) -> None:
    # given the shipped seed 000 policy with one line more: staff log in with a second factor
    settings.WAARBORG_STAFF_2FA = "off"
    text = yaml.safe_load((EXAMPLES / "ikzorginassen.yaml").read_text(encoding="utf-8"))
    text["staff"] = {"two_factor": "required"}
    policy = tmp_path / "ikzorginassen-2fa.yaml"
    policy.write_text(yaml.safe_dump(text, allow_unicode=True), encoding="utf-8")
    assert main(["policy", "activate", str(policy)]) == 0
    assert main(["staff", "add", "pia", "--role", "privacy_officer"]) == 0
    password = capsys.readouterr().out.split("password (shown once): ")[1].split()[0]
    # when a staff member logs in, though the installation says `off`
    client = Client()
    log_in(client, "pia", password)
    # then she must set up a second factor first
    assert client.get("/backoffice/")["Location"].startswith("/backoffice/tweede-factor/instellen")


def test_a_policy_with_another_word_for_it_is_refused(tmp_path: Path, capsys: Any) -> None:
    text = yaml.safe_load((EXAMPLES / "ikzorginassen.yaml").read_text(encoding="utf-8"))
    text["staff"] = {"two_factor": "sometimes"}
    policy = tmp_path / "bad.yaml"
    policy.write_text(yaml.safe_dump(text, allow_unicode=True), encoding="utf-8")
    assert main(["policy", "check", str(policy)]) == 1
    assert "staff.two_factor: Input should be 'required'" in capsys.readouterr().err


def _setting(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("WAARBORG_", "DATABASE_URL"))}
    base |= {"PYTHONPATH": str(ROOT / "src"), "WAARBORG_HOME": str(tmp_path / "var"), "WAARBORG_CONFIG": ""} | env
    return subprocess.run(
        [sys.executable, "-c", "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='waarborg.settings'; "
                               "django.setup(); from django.conf import settings; print(settings.WAARBORG_STAFF_2FA)"],
        env=base, capture_output=True, text=True, timeout=60, check=False)


def test_the_setting_defaults_and_fails_loudly(tmp_path: Path) -> None:
    assert _setting({"WAARBORG_ENV": "test"}, tmp_path).stdout.strip() == "optional"
    assert _setting({"WAARBORG_ENV": "test", "WAARBORG_STAFF_2FA": "required"}, tmp_path).stdout.strip() == "required"
    production = {"WAARBORG_ENV": "production", "WAARBORG_SECRET_KEY": "x" * 50, "WAARBORG_PUBLIC_URL": "https://p.example.nl",
                  "WAARBORG_MASTER_KEY": "A" * 43 + "=", "DATABASE_URL": f"sqlite:///{tmp_path}/p.db"}
    result = _setting(production, tmp_path)
    assert result.stdout.strip() == "required", result.stderr
    bad = _setting({"WAARBORG_ENV": "test", "WAARBORG_STAFF_2FA": "sometimes"}, tmp_path)
    assert bad.returncode != 0 and "WAARBORG_STAFF_2FA must be one of required, optional, off" in bad.stderr
