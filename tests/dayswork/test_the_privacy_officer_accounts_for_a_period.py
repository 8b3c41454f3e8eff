"""The privacy officer's charts and accountability report, on ikzorginassen's shipped policy: requests answered
within the deadline per month, records removed per retention rule, refusals per reason, breaches and their time
to report. Each chart is an SVG image with a name and a table beside it; the report is a PDF with the same
figures (read back with pdftotext), from the back office and from `waarborg report accountability`."""

from __future__ import annotations

import re
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from tests.dayswork.conftest import signed_in
from tests.rights.conftest import HELPDESK, audit, colleague, file_request, verified_request


def _period() -> dict[str, str]:
    today = timezone.localdate()
    return {"van": (today - timedelta(days=500)).isoformat(), "tot": (today + timedelta(days=1)).isoformat()}


@pytest.fixture
def a_year_of_work(personas: dict[str, Any], anna: Any, bert: Any) -> dict[str, Any]:
    """Two requests (one answered in time), a swept helpdesk ticket, a refusal, a breach reported in 20 hours."""
    from waarborg.engine.records.actions import record_create
    from waarborg.engine.retention.sweep import sweep_expired

    officer = personas["privacy_officer"]
    registrar = colleague(officer)
    answered = verified_request(officer, anna, registrar=registrar)
    assert officer.post(f"/api/v1/requests/{answered}/answer", {"nl": "Hierbij uw gegevens.", "en": "Your data."},
                        format="json").status_code in (200, 201)
    file_request(registrar, bert, type="rectification")
    record_create(personas["caseworker"].user, subject=bert, type="helpdesk_ticket", data=HELPDESK,
                  purpose="helpdesk", collected_at=timezone.now() - timedelta(days=400))
    sweep_expired()
    assert personas["outsider"].get(f"/api/v1/subjects/{anna.pk}/records", {"purpose": "eligibility"}).status_code == 403
    breach = officer.post("/api/v1/breaches", {"aware_at": (timezone.now() - timedelta(hours=30)).isoformat(),
                                               "kind": "misaddressed_email", "description": "Verkeerde ontvanger"},
                          format="json").data["id"]
    return {"officer": officer, "breach": breach}


def test_the_charts_page_shows_four_named_charts_each_with_its_table(a_year_of_work: dict[str, Any]) -> None:
    page = signed_in(a_year_of_work["officer"]).get("/backoffice/verantwoording/", _period())
    assert page.status_code == 200
    text = page.content.decode()
    charts = re.findall(r'<svg [^>]*id="(chart-\w+)" role="img" aria-labelledby="\1-title \1-desc"', text)
    assert charts == ["chart-requests", "chart-retention", "chart-refusals", "chart-breaches"]
    for ident in charts:
        assert f'<title id="{ident}-title">' in text and f'<desc id="{ident}-desc">' in text
        assert f'<table id="{ident}-table">' in text
    assert "style=" not in text  # the Content Security Policy runs no style attribute
    # the figures: 2 requests of which 1 answered in time; the swept ticket under its rule; the refusal
    assert "2 verzoeken, waarvan 1 binnen de termijn beantwoord." in text
    assert re.search(r'<th scope="row">[^<]*</th><td>1</td><td>0</td>', text)  # helpdesk_1y: 1 deleted
    # in words, never as codes: the refusal's reason, the rule that has no label of its own (helpdesk_1y)
    assert re.search(r'<th scope="row">Rol geeft geen recht</th><td>\d+</td>', text)
    assert '<th scope="row">Helpdeskvraag</th><td>1</td><td>0</td>' in text
    assert "role_not_granted" not in text and "helpdesk_1y" not in text
    assert "1 nog niet gemeld" in text
    assert audit("report.accountability", actor="pia")[0].detail["format"] == "html"


def test_the_report_is_a_pdf_with_the_same_figures(a_year_of_work: dict[str, Any], tmp_path: Path) -> None:
    officer = signed_in(a_year_of_work["officer"])
    page = officer.get("/backoffice/verantwoording/", _period()).content.decode()
    link = re.search(r'href="(/backoffice/verantwoording/verslag\.pdf\?[^"]+)" id="report-pdf"', page)
    assert link is not None
    answer = officer.get(link.group(1).replace("&amp;", "&"))
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=answer.content, capture_output=True,
                          check=True).stdout.decode()
    for expected in ("Verantwoording privacy", "Verzoeken van betrokkenen per maand van ontvangst",
                     "2 verzoeken, waarvan 1 binnen de termijn beantwoord", "Weigeringen per reden",
                     "Rol geeft geen recht", "Datalekken: uren tot de melding aan de AP", "op tijd beantwoord"):
        assert expected in text, expected
    assert "Anna" not in text and "Vries" not in text


def test_the_report_from_the_command_line(a_year_of_work: dict[str, Any], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from waarborg.audiences.cli import main

    out = tmp_path / "verantwoording.pdf"
    period = _period()
    assert main(["report", "accountability", "--from", period["van"], "--to", period["tot"], "--lang", "en",
                 "-o", str(out)]) == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True).stdout.decode()
    assert "Privacy accountability" in text and "Refusals by reason" in text
    assert "Role grants no right" in " ".join(text.split()), text
    assert [e.actor for e in audit("report.accountability")] == ["system:cli"]
    assert main(["report", "accountability", "--from", "2027-02-01", "--to", "2027-01-01", "-o", str(out)]) == 1
    assert "--to must lie after --from" in capsys.readouterr().err


def test_only_the_privacy_officer_sees_the_account(personas: dict[str, Any]) -> None:
    from django.test import Client

    assert Client().get("/backoffice/verantwoording/").status_code == 302
    for path in ("/backoffice/verantwoording/", "/backoffice/verantwoording/verslag.pdf"):
        assert signed_in(personas["assessor"]).get(path).status_code == 403
    assert audit("backoffice.accountability.refused", actor="anna")
