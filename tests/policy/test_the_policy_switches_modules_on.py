"""The policy's `modules` section: which organisation modules it uses and under which of its purposes each
works. `waarborg policy check` reports a wrong section as FILE:LINE:COLUMN like every other problem; the
compiled policy answers `policy.module(name)`; a policy without the section (one written before it) keeps the
modules it had, found from its purposes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from waarborg.audiences.cli import main
from waarborg.core.errors import NotFound
from waarborg.engine.policy.loader import load_file, load_text
from waarborg.engine.policy.modules import CATALOGUE

SHIPPED = ("ikzorginassen", "socialekaart", "wlzclientondersteuning", "werkzaak", "kwartier")


def _written(tmp_path: Path, example: str, old: str, new: str) -> Path:
    text = (EXAMPLES / f"{example}.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / f"{example}.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str, after: str = "") -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(after)) if after else 0
    return next(i for i, line in enumerate(lines[start:], start + 1) if needle in line)


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["policy", "check", str(path)]) == 1
    return capsys.readouterr().err.splitlines()


def test_a_module_purpose_that_does_not_exist_is_reported_at_its_place(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # given werkzaak's policy with research's profiling named as a purpose the policy does not have
    path = _written(tmp_path, "werkzaak", "purposes: {research: research, profiling: profiling}",
                    "purposes: {research: research, profiling: profiling_2026}")
    line = _line_of(path, "profiling: profiling_2026")
    column = path.read_text(encoding="utf-8").splitlines()[line - 1].index("profiling_2026") + 1
    # when it is checked, then the one problem is named at the value, and nothing is activated
    assert _check(path, capsys) == [f"{path}:{line}:{column}: module 'research' works under purpose "
                                    "'profiling_2026' for profiling, which is not defined"]
    assert main(["policy", "activate", str(path)]) == 1


def test_an_unknown_module_or_part_and_a_missing_part_are_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _written(tmp_path, "werkzaak", """  recordings:                              # S3-34..S3-39
    purposes: {recordings: recordings}
  research:                                # S3-09..S3-16: off until a project is registered and started
    purposes: {research: research, profiling: profiling}""", """  recording:
    purposes: {recordings: recordings}
  research:
    purposes: {research: research, profile: profiling}""")
    errors = _check(path, capsys)
    research = _line_of(path, "  research:", after="modules:")
    assert errors == [
        f"{path}:{_line_of(path, '  recording:', after='modules:')}:3: unknown module 'recording': the modules are "
        f"{', '.join(CATALOGUE)}",
        f"{path}:{research}:3: module 'research' needs a purpose for profiling: name it under "
        "modules.research.purposes (profiling: <purpose id>)",
        f"{path}:{research + 1}:36: module 'research' has no purpose 'profile': its purposes are research, profiling",
    ]


def test_visits_are_counted_only_under_a_statistics_purpose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _written(tmp_path, "werkzaak", "purposes: {visits: statistics}", "purposes: {visits: questions}")
    [error] = _check(path, capsys)
    assert error.endswith("module 'statistics' keeps visits under purpose 'questions', which is not a statistics "
                          "purpose: mark it statistics: true (never given to anyone but a processor)")


def test_the_tip_form_needs_the_tips_module(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _written(tmp_path, "ikzorginassen", """  tips:                                    # the tip form at /tip/ (S0-32)
    purposes: {tips: tips}
""", "")
    [error] = _check(path, capsys)
    assert error == (f"{path}:{_line_of(path, 'public_form: tip')}:18: record type 'tip' is the tip form, but the "
                     "tips module is not switched on: add tips under modules")


def test_the_compiled_policy_answers_which_modules_are_on_and_their_purposes() -> None:
    policy = load_file(EXAMPLES / "werkzaak.yaml").policy

    research = policy.module("research")
    assert research.on and dict(research.purposes) == {"research": "research", "profiling": "profiling"}
    assert research.purpose("profiling") == "profiling" and research.part_of("research") == "research"
    listings = policy.module("listings")
    assert not listings.on and listings.purpose("listing") is None
    with pytest.raises(NotFound):
        listings.require("listing")
    with pytest.raises(TypeError):
        research.purposes["profiling"] = "elsewhere"  # type: ignore[index]


def _without_section(example: str) -> str:
    text = (EXAMPLES / f"{example}.yaml").read_text(encoding="utf-8")
    start, end = text.index("\nmodules:"), text.index("\nrecord_types:")
    return text[:start] + text[end:]


# Where a shipped policy now says less than its purposes used to switch on, and why nothing could be done there.
DROPPED = {("kwartier", "mailings"), ("socialekaart", "statistics")}


@pytest.mark.parametrize("example", SHIPPED)
def test_a_policy_without_the_section_keeps_the_modules_its_purposes_gave_it(example: str) -> None:
    # given a shipped policy as it was before the section existed, and as shipped
    before = load_text(_without_section(example), f"{example}.yaml").policy
    now = load_file(EXAMPLES / f"{example}.yaml").policy
    assert before.modules is None and now.modules is not None
    # then every module is on, with the same purposes, exactly where it was
    for name in CATALOGUE:
        if (example, name) in DROPPED:
            assert before.module(name).on and not now.module(name).on
        else:
            assert before.module(name) == now.module(name), name


def test_what_the_shipped_policies_dropped_could_do_nothing() -> None:
    from waarborg.modules.mailings.kinds import allowed
    from waarborg.modules.statistics.reports import policy_fields

    # Kwartier's mailings allowed no message for any of its purposes (no newsletter, no service information)
    kwartier = load_text(_without_section("kwartier"), "kwartier.yaml").policy
    assert all(allowed(kwartier, purpose) == () for purpose in kwartier.purposes)
    # the sociale kaart's usage purpose has no field for the municipal policy report
    sociale_kaart = load_text(_without_section("socialekaart"), "socialekaart.yaml").policy
    reports = sociale_kaart.module("statistics").purpose("reports")
    assert reports == "site_usage"
    assert not [rt for rt in policy_fields(sociale_kaart) if sociale_kaart.record_types[rt].purpose == reports]


def test_an_empty_section_switches_every_module_off() -> None:
    text = _without_section("ikzorginassen").replace("\nrecord_types:", "\nmodules: {}\nrecord_types:", 1)
    text = text.replace("    public_form: tip ", "    # ")  # the tip form needs the tips module
    policy = load_text(text).policy
    assert not any(policy.module(name).on for name in CATALOGUE)


def test_the_mailings_module_knows_a_message_type_for_every_kind_of_address_the_policy_can_name() -> None:
    from waarborg.modules.mailings.kinds import BY_KIND

    assert set(BY_KIND) == {part.name for part in CATALOGUE["mailings"]}
