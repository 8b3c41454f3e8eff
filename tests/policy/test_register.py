"""The art. 30 register lists every processing activity with what the law asks, in CSV, JSON and DPV JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib

from waarborg.audiences.cli import main
from waarborg.engine.policy.loader import load_file, load_text
from waarborg.engine.policy.render.register import register_entries, render_register
from waarborg.engine.policy.render.register_words import REGISTER_BASES
from waarborg.engine.policy.render.words import retention_words

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
DPV = rdflib.Namespace("https://w3id.org/dpv#")
EU_GDPR = "https://w3id.org/dpv/legal/eu/gdpr#"


@pytest.mark.promise("S0-25")
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_register_lists_every_purpose_with_categories_basis_retention_and_recipients(example: Path) -> None:
    # Given an example policy
    policy = load_file(example).policy
    # When its register is rendered as JSON
    document = json.loads(render_register(policy, fmt="json"))
    # Then there is one activity per purpose, in order, with everything art. 30 asks for
    activities = {a["purpose"]: a for a in document["activities"]}
    assert list(activities) == list(policy.purposes)
    assert document["controller"]["name"] == policy.organisation.name
    for pid, purpose in policy.purposes.items():
        activity = activities[pid]
        assert activity["legal_basis"] == purpose.basis.value
        record_types = {rid: rt for rid, rt in policy.record_types.items() if rt.purpose == pid}
        categories = {spec.category for rt in record_types.values() for spec in rt.fields.values()}
        if record_types:
            assert {d["category"] for d in activity["personal_data"]} == categories
        for d in activity["personal_data"]:
            assert d["special"] == policy.categories[d["category"]].special
        assert [r["record_type"] for r in activity["retention"]] == list(record_types)
        for row in activity["retention"]:
            rule = policy.retention[record_types[row["record_type"]].retention]
            assert row["words"] == retention_words(policy, rule, "nl")
        assert {r["recipient"] for r in activity["recipients"]} == {
            rid for rid, r in policy.recipients.items() if pid in r.purposes}
        assert activity["security"] == [s.get("nl") for s in policy.statement.security]


@pytest.mark.promise("S0-25")
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_register_csv_has_one_row_per_purpose_with_special_data_flagged(example: Path) -> None:
    policy = load_file(example).policy
    rows = list(csv.DictReader(io.StringIO(render_register(policy, fmt="csv"))))
    assert [r["id"].rsplit("-", 1)[0] for r in rows] == list(policy.purposes)
    for row, purpose in zip(rows, policy.purposes.values(), strict=True):
        assert row["name"] == purpose.label.nl
        assert row["legal_basis"] == str(REGISTER_BASES[purpose.basis.value])  # words, not the code
        assert row["controller"]
        assert (row["special_categories"] == "ja") == ("[bijzonder]" in row["personal_data"])
        assert row["criminal_data"] in ("ja", "nee") and row["sources"]


def test_register_names_the_dpo_and_special_data() -> None:
    policy = load_file(Path(EXAMPLES[0]).parent / "werkzaak.yaml").policy
    benefits = next(e for e in register_entries(policy) if e["purpose"] == "benefits")
    assert benefits["dpo"]["email"] == "privacy@werkzaakrivierenland.nl"
    assert benefits["art9_condition"] == "employment_social_security"
    assert {"category": "health", "label": "Gegevens over je gezondheid en belastbaarheid", "special": True,
            "criminal": False, "national_id": False} in benefits["personal_data"]
    assert benefits["transfers_outside_eea"] == []


def test_activity_id_stays_while_the_activity_stays_and_changes_when_it_changes() -> None:
    # Given the register of seed 000
    source = (Path(EXAMPLES[0]).parent / "ikzorginassen.yaml").read_text(encoding="utf-8")
    before = {e["purpose"]: e["id"] for e in register_entries(load_text(source).policy)}
    assert before == {e["purpose"]: e["id"] for e in register_entries(load_text(source).policy)}
    assert all(i.startswith(f"{p}-") for p, i in before.items())
    # When the tips are kept six months instead of three
    changed = source.replace("  tip_3m:                                # S0-32\n    period: P3M",
                             "  tip_3m:                                # S0-32\n    period: P6M", 1)
    assert changed != source
    after = {e["purpose"]: e["id"] for e in register_entries(load_text(changed).policy)}
    # Then only the tips activity has a new id
    assert {p for p in before if before[p] != after[p]} == {"tips"}


@pytest.mark.promise("S3-05")
def test_werkzaak_register_lists_each_purpose_with_an_allowed_basis() -> None:
    policy = load_file(Path(EXAMPLES[0]).parent / "werkzaak.yaml").policy
    allowed = {"contract", "legal_obligation", "public_task", "consent"}
    activities = json.loads(render_register(policy, fmt="json"))["activities"]
    assert len(activities) == len(policy.purposes) > 0
    for activity in activities:
        assert activity["legal_basis"] in allowed, activity["purpose"]
        assert activity["legal_basis_text"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_jsonld_register_loads_as_dpv_with_one_process_per_purpose(example: Path) -> None:
    # Given an example policy's JSON-LD register
    policy = load_file(example).policy
    graph = rdflib.Graph().parse(data=render_register(policy, fmt="jsonld"), format="json-ld")
    # Then rdflib reads one dpv:Process per purpose
    processes = list(graph.subjects(rdflib.RDF.type, DPV.Process))
    assert len(processes) == len(policy.purposes)
    expected_bases = {
        "consent": "A6-1-a", "contract": "A6-1-b", "legal_obligation": "A6-1-c", "vital_interest": "A6-1-d",
        "public_task": "A6-1-e", "legitimate_interest": "A6-1-f",
    }
    for process in processes:
        identifier = str(graph.value(process, rdflib.URIRef("http://purl.org/dc/terms/identifier")))
        pid = identifier.rsplit("-", 1)[0]
        bases = {str(o) for o in graph.objects(process, DPV.hasLegalBasis)}
        assert f"{EU_GDPR}{expected_bases[policy.purposes[pid].basis.value]}" in bases
        assert graph.value(process, DPV.hasDataController) is not None
        assert graph.value(process, DPV.hasPurpose) is not None
    # And special categories are typed as such
    special = {str(s) for s in graph.subjects(rdflib.RDF.type, DPV.SpecialCategoryPersonalData)}
    assert len(special) == sum(1 for c in policy.categories.values() if c.special)


def test_cli_renders_the_register_from_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "register", "--policy", str(Path(EXAMPLES[0]).parent / "kwartier.yaml"),
                 "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("id,name,controller,")
    assert "\nsupport-" in out
    assert "verwerker" in out and "processor" not in out  # kinds of recipients in words
