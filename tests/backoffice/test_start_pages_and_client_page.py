"""Where a new user starts: `/` names the organisation and leads to the statement, the portal and the back
office; `/backoffice/` lists what the user's roles open, and the navigation shows only those pages; "Mijn
cliënten" leads to the client's own page in the back office (not the Django admin), whose records are read
through the audited door. On Kwartier's and ikzorginassen's shipped policies, through the test client."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from tests.caseloads.conftest import audit, new_subject
from tests.conftest import activate_example

CLIENT_FILE = {"name": "Jan Jansen", "request": "Hulp bij de administratie", "source": "self"}


def _signed_in(persona: Any) -> Client:
    client = Client()
    client.force_login(persona.user)
    return client


def _nav(page: str) -> list[str]:
    nav = re.search(r'<nav aria-label="Backoffice"[^>]*>(.*?)</nav>', page, re.S)
    assert nav is not None
    return re.findall(r'href="([^"]+)"', nav.group(1))


@pytest.mark.parametrize("example", ["ikzorginassen", "kwartier"])
def test_the_start_page_names_the_organisation_and_leads_to_statement_portal_and_back_office(
        db: Any, example: str) -> None:
    activate_example(example)
    from waarborg.engine.policy.active import current

    name = current().organisation.name
    for lang, words in (("nl", "Privacyverklaring"), ("en", "Privacy statement")):
        page = Client().get("/", {"lang": lang})
        assert page.status_code == 200
        text = page.content.decode()
        assert f"<h1>{name}</h1>" in text.replace("&amp;", "&") and words in text
        for link in ("/privacy/", "/portaal/", "/backoffice/"):
            assert f'href="{link}' in text, link


def test_the_back_office_start_page_sends_visitors_to_log_in(kwartier: dict[str, Any]) -> None:
    answer = Client().get("/backoffice/")
    assert answer.status_code == 302 and answer["Location"].startswith("/backoffice/inloggen")


@pytest.mark.parametrize(("persona", "pages"), [
    ("worker", ["assessments", "caseload", "search"]), ("leader", ["assignments", "search"]),
    ("administration", ["search"]),
    ("privacy_officer", ["queue", "caseload", "breaches", "retention", "holds", "accountability", "search"])])  # support is need-to-know for all
def test_the_start_page_and_the_navigation_list_only_what_the_roles_open(
        kwartier: dict[str, Any], persona: str, pages: list[str]) -> None:
    client = _signed_in(kwartier[persona])
    home = client.get("/backoffice/")
    assert home.status_code == 200
    text = home.content.decode()
    assert re.findall(r'data-page="(\w+)"', text) == pages
    if not pages:
        assert "Uw rollen openen geen pagina van de backoffice" in text
    # every link in the navigation opens, for this user
    for link in _nav(text):
        assert client.get(link).status_code == 200, link
    assert len(_nav(text)) == len(pages)


def test_my_clients_leads_to_the_client_page_which_reads_through_the_audited_door(kwartier: dict[str, Any]) -> None:
    worker = kwartier["worker"]
    # given Sanne took Jan in, with his client file
    jan = new_subject(worker, "support", external_id="kw-77")
    stored = worker.post("/api/v1/records", {"subject": jan, "type": "client_file", "data": CLIENT_FILE},
                         format="json", HTTP_X_PURPOSE="support")
    assert stored.status_code == 201, stored.content
    client = _signed_in(worker)
    # when she opens "Mijn cliënten", the link goes to Jan's page in the back office
    caseload = client.get("/backoffice/mijn-clienten/").content.decode()
    assert f'href="/backoffice/clienten/{jan}"' in caseload and "/admin/" not in caseload
    before = len(audit("record.read", actor="sanne"))
    page = client.get(f"/backoffice/clienten/{jan}")
    # then she sees his summary, her assignment and his file with field labels, and the read is logged
    assert page.status_code == 200
    text = page.content.decode()
    for expected in ("kw-77", "ikzelf", "Jan Jansen", "Hulp bij de administratie", "Naam", "Hulpvraag"):
        assert expected in text, expected
    assert len(audit("record.read", actor="sanne")) == before + 1


def test_a_client_page_of_someone_else_is_refused_and_logged(kwartier: dict[str, Any]) -> None:
    jan = new_subject(kwartier["worker"], "support", external_id="kw-78")
    kwartier["worker"].post("/api/v1/records", {"subject": jan, "type": "client_file", "data": CLIENT_FILE},
                            format="json", HTTP_X_PURPOSE="support")
    # Saskia, of another team, does not have Jan
    page = _signed_in(kwartier["other_team"]).get(f"/backoffice/clienten/{jan}")
    assert page.status_code == 403 and "Jan Jansen" not in page.content.decode()
    assert audit("record.list.refused", actor="saskia") or audit("backoffice.subject.refused", actor="saskia")
    assert Client().get(f"/backoffice/clienten/{jan}").status_code == 302


@pytest.mark.parametrize(("module", "shown"), [("statistics", True), ("research", False)])
def test_a_page_of_a_module_is_in_the_navigation_only_where_the_policy_switches_it_on(
        personas: dict[str, Any], monkeypatch: pytest.MonkeyPatch, module: str, shown: bool) -> None:
    from waarborg.audiences.backoffice import landing

    # given the holds page counted as a page of a module (no module has a back-office page of its own yet),
    # and ikzorginassen's policy, which switches statistics on and has no research
    monkeypatch.setattr(landing, "MODULE_OF", {"holds": module})
    # when its privacy officer opens the back office
    text = _signed_in(personas["privacy_officer"]).get("/backoffice/").content.decode()
    # then the page is listed and linked only where the module is on
    assert ("holds" in re.findall(r'data-page="(\w+)"', text)) is shown
    assert ("/backoffice/bewaarplichten/" in _nav(text)) is shown
