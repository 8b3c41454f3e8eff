"""A subject group declares how its members exercise their rights (`subject_groups.*.channels`); a request that
arrives another way is refused (403 `group_channel_not_offered`) and on record, and the statement's rights text says
which ways each group has. On Lindehof's shipped policy: clients call, write or come by; relatives call or e-mail.
The API and the back office show the group in words."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.conftest import Persona, activate_example, make_staff


def _subject(worker: Persona, purpose: str, **body: Any) -> str:
    answer = worker.post("/api/v1/subjects", body, format="json", HTTP_X_PURPOSE=purpose)
    assert answer.status_code == 201, answer.content
    return str(answer.json()["id"])


def _file(officer: Persona, subject: str, channel: str) -> Any:
    return officer.post("/api/v1/requests", {"subject": subject, "type": "access", "channel": channel},
                        format="json")


@pytest.fixture
def lindehof(db: Any) -> dict[str, Any]:
    activate_example("lindehof")
    esther = Persona(*make_staff("esther", ["carer"], team="team_oost"))
    pia = Persona(*make_staff("pia", ["privacy_officer"]))
    client = _subject(esther, "home_care", external_id="cl-1")
    relative = _subject(esther, "contact_persons", external_id="cp-1", group="relatives")
    return {"esther": esther, "pia": pia, "client": client, "relative": relative}


def test_a_request_through_a_way_the_subjects_group_does_not_have_is_refused_and_on_record(
        lindehof: dict[str, Any]) -> None:
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.rights.models import Request

    pia = lindehof["pia"]
    # given a client (calls, writes or comes by) and a relative (calls or e-mails)
    # when the privacy officer registers a client's request that came through the portal, or by e-mail
    for channel in ("portal", "email"):
        answer = _file(pia, lindehof["client"], channel)
        # then it is refused, with the reason and the ways the group does have
        assert answer.status_code == 403, answer.content
        assert answer.json()["reason"] == "group_channel_not_offered"
        came = {"portal": ("via het portaal", "through the portal"), "email": ("per e-mail", "by e-mail")}[channel]
        assert answer.json()["detail"].startswith(f"Dit verzoek kwam {came[0]} binnen.")
        assert f"(This request came in {came[1]}." in answer.json()["detail"]
        assert "Cliënten kunnen alleen bellen, een brief sturen of langskomen." in answer.json()["detail"]
        assert "Clients can only call, send a letter or visit us." in answer.json()["detail"]
    entries = AuditEntry.objects.filter(action="request.create.refused", reason="group_channel_not_offered")
    assert sorted(e.detail["channel"] for e in entries) == ["email", "portal"]
    assert all(e.detail["group"] == "clients" and e.detail["offered"] == ["phone", "post", "in_person"]
               and e.subject_pseudonym for e in entries)
    assert not Request.objects.exists()
    # and the ways the group has are accepted: a letter is post
    for channel in ("letter", "phone", "in_person"):
        assert _file(pia, lindehof["client"], channel).status_code == 201
    # a relative's e-mail is one of their ways, their letter is not
    assert _file(pia, lindehof["relative"], "email").status_code == 201
    assert _file(pia, lindehof["relative"], "post").json()["reason"] == "group_channel_not_offered"


def test_a_policy_whose_groups_name_no_ways_keeps_the_rights_sections_channels(db: Any) -> None:
    from waarborg.engine.policy.active import current

    activate_example("kwartier")  # no subject groups at all
    assert current().group_channels("") is None


def test_the_statement_tells_each_group_its_own_ways() -> None:
    from tests.conftest import EXAMPLES
    from waarborg.engine.policy.loader import load_file
    from waarborg.engine.policy.render.statement import render_statement

    policy = load_file(EXAMPLES / "lindehof.yaml").policy
    nl = render_statement(policy, "nl", "md")
    en = render_statement(policy, "en", "md")
    # each group: the ways it has, and where (the number, the address, the e-mail), nothing it does not have
    assert "Cliënten kunnen alleen bellen, een brief sturen of langskomen. Bel 0570 61 20 00, schrijf naar Postbus 120, 7400 AC Deventer of kom langs op Lindelaan 21, 7411 KL Deventer." in nl
    assert ("Familie en mantelzorgers kunnen alleen bellen of mailen. Bel 0570 61 20 00 of mail naar "
            "privacy@lindehofthuiszorg.nl.") in nl
    assert ("Medewerkers kunnen alleen mailen of langskomen. Mail naar privacy@lindehofthuiszorg.nl of kom langs op "
            "Lindelaan 21, 7411 KL Deventer.") in nl
    assert "Clients can only call, send a letter or visit us. Call 0570 61 20 00, write to Postbus 120, 7400 AC Deventer or visit us at Lindelaan 21, 7411 KL Deventer." in en, en
    # no line tells every reader to use a way some group does not have
    assert "Bel 0570 61 20 00, mail naar" not in nl and "Voor een verzoek kunt u" not in nl


def test_the_api_shows_the_group_of_a_record_and_a_subject_in_words(lindehof: dict[str, Any]) -> None:
    esther = lindehof["esther"]
    stored = esther.post("/api/v1/records", {"subject": lindehof["relative"], "type": "contact_person", "data": {
        "name": "Marieke Jansen", "phone": "06 12345678", "relation": "kind"}}, format="json",
        HTTP_X_PURPOSE="contact_persons")
    assert stored.status_code == 201, stored.content
    record = esther.get(f"/api/v1/records/{stored.json()['id']}", {"purpose": "contact_persons"})
    assert record.status_code == 200
    assert (record.json()["group"], record.json()["group_label"]) == ("relatives", "Familie en mantelzorgers")
    english = esther.get(f"/api/v1/records/{stored.json()['id']}", {"purpose": "contact_persons"},
                         HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["group_label"] == "Relatives and informal carers"
    found = esther.get("/api/v1/subjects", {"external_id": "cl-1"}, HTTP_X_PURPOSE="home_care")
    assert found.status_code == 200, found.content
    assert [(s["group"], s["group_label"]) for s in found.json()] == [("clients", "Cliënten")]


def test_the_back_office_shows_the_group_in_words(lindehof: dict[str, Any]) -> None:
    from waarborg.engine.accounts.models import User

    esther = lindehof["esther"]
    esther.post("/api/v1/records", {"subject": lindehof["client"], "type": "care_report",
                                    "data": {"report": "Kennismaking"}}, format="json", HTTP_X_PURPOSE="home_care")
    browser = Client()
    browser.force_login(User.objects.get(username="esther"))
    page = browser.get(f"/backoffice/clienten/{lindehof['client']}")
    assert page.status_code == 200, page.status_code
    html = page.content.decode()
    assert '<span data-group>Cliënten</span>' in html and "clients" not in html


def test_in_the_portal_a_group_without_it_is_refused_and_a_group_with_it_files(
        db: Any, tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """Lindehof as it would be with a portal that only relatives use: a client logged in anyway is refused."""
    from tests.conftest import EXAMPLES
    from waarborg.audiences.cli import main
    from waarborg.engine.accounts.models import User
    from waarborg.engine.audit.models import AuditEntry
    from waarborg.engine.rights.models import Request
    from waarborg.engine.vault.models import Subject

    text = (EXAMPLES / "lindehof.yaml").read_text(encoding="utf-8")
    text = text.replace("  channels: [phone, post, email, in_person]\n",
                        "  channels: [phone, post, email, in_person, portal]\n", 1)
    text = text.replace("    channels: [phone, email]\n", "    channels: [phone, email, portal]\n", 1)
    path = tmp_path / "lindehof-portal.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["policy", "activate", str(path)]) == 0
    capsys.readouterr()
    esther = Persona(*make_staff("esther", ["carer"], team="team_oost"))
    client = Subject.objects.get(pk=_subject(esther, "home_care", external_id="cl-1"))
    relative = Subject.objects.get(pk=_subject(esther, "contact_persons", external_id="cp-1", group="relatives"))

    def portal(subject: Any, username: str) -> Client:
        User.objects.create_user(username=username, password="zeer-geheim-wachtwoord-17",
                                 kind=User.Kind.CITIZEN, subject=subject)
        browser = Client()
        assert browser.post("/portaal/inloggen", {"username": username,
                                                   "password": "zeer-geheim-wachtwoord-17"}).status_code == 302
        return browser

    # a client posts a request in the portal: refused, with the ways clients have, and on record
    answer = portal(client, "jansen").post("/portaal/", {"type": "access", "details": ""})
    assert answer.status_code == 403
    assert "Cliënten kunnen alleen bellen, een brief sturen of langskomen." in answer.content.decode()
    assert AuditEntry.objects.filter(action="request.create.refused", reason="group_channel_not_offered").count() == 1
    # a relative may: the request is filed through the portal
    filed = portal(relative, "marieke").post("/portaal/", {"type": "access", "details": ""})
    assert filed.status_code == 302, filed.content
    assert list(Request.objects.values_list("subject_id", "channel")) == [(relative.pk, "portal")]


def test_the_admins_record_and_subject_pages_show_the_group_in_words(lindehof: dict[str, Any]) -> None:
    from waarborg.engine.accounts.models import User

    stored = lindehof["esther"].post("/api/v1/records", {"subject": lindehof["client"], "type": "care_report",
                                                         "data": {"report": "Kennismaking"}}, format="json",
                                     HTTP_X_PURPOSE="home_care")
    assert stored.status_code == 201, stored.content
    browser = Client()
    browser.force_login(User.objects.get(username="esther"))
    record = browser.get(f"/admin/vault/record/{stored.json()['id']}/change/")
    assert record.status_code == 200, record.status_code
    assert "<span data-group>Cliënten</span>" in record.content.decode()
    subjects = browser.get("/admin/vault/subject/")
    assert subjects.status_code == 200 and "Cliënten" in subjects.content.decode()


def test_the_portal_page_without_a_form_tells_each_group_its_own_ways(db: Any) -> None:
    # Given Lindehof, whose clients may not e-mail, and no request form on its website
    from django.test import Client

    activate_example("lindehof")
    # When a visitor opens the portal's contact page
    page = Client().get("/portaal/contact")
    text = page.content.decode()
    # Then each group reads its own ways and where, and no line tells every reader to e-mail
    assert page.status_code == 200
    assert "Cliënten kunnen alleen bellen, een brief sturen of langskomen." in text
    assert "Familie en mantelzorgers kunnen alleen bellen of mailen." in text
    assert "mail naar privacy@lindehofthuiszorg.nl of schrijf" not in text
