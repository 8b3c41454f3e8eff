"""`scripts/promises.py`: a promise is proven only by a passing test that used the public interface under the
shipped policy of the organisation that made it; otherwise unit-only or missing, counted per seed."""

from __future__ import annotations

from typing import Any

from scripts.promises import lines

IDS = ["S0-01", "S0-02", "S0-03", "S4-01"]
API = "tests/a.py::test_through_the_api"
UNIT = "tests/b.py::test_an_internal_function"


def _leg(**tests: dict[str, Any]) -> dict[str, Any]:
    return {pid: dict(results) for pid, results in tests.items()}


def _result(passed: bool = True, *front_door: str) -> dict[str, Any]:
    return {"passed": passed, "front_door": list(front_door)}


def test_a_promise_is_proven_by_a_front_door_test_under_its_own_shipped_policy_listed_first() -> None:
    # Given S0-01 has a test through the API under ikzorginassen and one through an internal function
    report = {"S0-01": {UNIT: _result(True), API: _result(True, "ikzorginassen")}}
    # When the report is printed
    printed = lines([report], IDS)
    # Then S0-01 is proven, the qualifying test first
    assert printed[0] == f"S0-01 proven {API} {UNIT}"


def test_front_door_under_another_organisations_policy_is_unit_only() -> None:
    # Given kwartier's promise is tested through the API, but under ikzorginassen's policy
    report = {"S4-01": {API: _result(True, "ikzorginassen")}, "S0-02": {UNIT: _result(True)}}
    printed = lines([report], IDS)
    # Then both are unit-only, with the tests that pass
    assert f"S4-01 unit-only {API}" in printed
    assert f"S0-02 unit-only {UNIT}" in printed


def test_a_failing_marked_test_or_none_at_all_is_missing() -> None:
    report = {"S0-01": {API: _result(True, "ikzorginassen"), UNIT: _result(False)}}
    printed = lines([report], IDS)
    assert printed[0] == "S0-01 missing"
    assert printed[2] == "S0-03 missing"


def test_legs_merge_a_test_must_pass_on_every_leg_and_qualify_on_one() -> None:
    # Given the SQLite leg saw the front door and PostgreSQL skipped nothing but saw no policy
    sqlite = {"S0-01": {API: _result(True, "ikzorginassen")}, "S0-02": {API: _result(True, "ikzorginassen")},
              "S0-03": {API: _result(True, "ikzorginassen")}}
    postgres = {"S0-01": {API: _result(True)}, "S0-02": {API: _result(False, "ikzorginassen")}}
    printed = lines([sqlite, postgres], IDS)
    # Then passing on both and qualifying on one proves; failing on one leg is missing; one leg alone counts
    assert printed[:3] == [f"S0-01 proven {API}", "S0-02 missing", f"S0-03 proven {API}"]


def test_the_summary_counts_proven_unit_only_and_missing_per_seed() -> None:
    report = {"S0-01": {API: _result(True, "ikzorginassen")}, "S0-02": {UNIT: _result(True)},
              "S4-01": {API: _result(True, "kwartier")}}
    printed = lines([report], IDS)
    assert printed[-2:] == ["seed 000: 1/3 proven, 1 unit-only, 1 missing",
                            "seed 004: 1/1 proven, 0 unit-only, 0 missing"]


def test_a_report_without_front_door_measurement_proves_nothing_but_still_counts_passes() -> None:
    printed = lines([{"S0-01": {API: True}, "S0-02": {API: False}}], IDS)
    assert printed[:2] == [f"S0-01 unit-only {API}", "S0-02 missing"]
