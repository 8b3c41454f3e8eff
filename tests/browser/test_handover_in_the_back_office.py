"""In a real browser: a Kwartier team leader hands over a leaving social worker's cases to another team in
one step; the leaver's caseload is empty at once, the receiving team's members find the cases in theirs."""

from __future__ import annotations

from typing import Any

import pytest

from tests.caseloads.conftest import new_subject, records

PASSWORD = "backoffice-wachtwoord-9"


def _log_in(browser: Any, url: str, persona: Any, to: str) -> Any:
    """Log in (landing on the start page, the day's work) and open the page `to`."""
    persona.user.set_password(PASSWORD)
    persona.user.save()
    page = browser.new_context(locale="nl-NL").new_page()
    page.goto(f"{url}/backoffice/inloggen")
    page.get_by_label("Gebruikersnaam").fill(persona.user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{url}/backoffice/")
    page.goto(f"{url}{to}")
    return page


@pytest.mark.promise("S4-11")
@pytest.mark.django_db(transaction=True)
def test_a_team_leader_hands_over_a_leavers_cases_in_one_step(
        live_server: Any, browser: Any, kwartier: dict[str, Any]) -> None:
    cases = [new_subject(kwartier["worker"], "support", external_id=f"kw-10{n}") for n in range(2)]

    # the leaver sees her two clients
    leaver = _log_in(browser, live_server.url, kwartier["worker"], "/backoffice/mijn-clienten/")
    leaver.get_by_role("heading", level=1, name="Mijn cliënten").wait_for()
    assert leaver.locator("#caseload tr[data-assignment]").count() == 2

    # the team leader opens the assignments and hands over everything of Sanne to Wijkteam Zuid
    leader = _log_in(browser, live_server.url, kwartier["leader"], "/backoffice/toewijzingen/")
    leader.get_by_role("heading", level=1, name="Toewijzingen").wait_for()
    form = leader.locator("#handover-form")
    form.get_by_label("Van").select_option("sanne")
    form.get_by_label("of naar een team").select_option("wijkteam_zuid")
    form.get_by_role("button", name="Overdragen").click()
    leader.get_by_text("2 cliënt(en) van sanne overgedragen").wait_for()
    rows = leader.locator("#assignments tr[data-assignment]")
    assert rows.count() == 2 and "team wijkteam_zuid" in rows.first.inner_text()

    # her caseload is empty at once, and the API refuses her
    leaver.reload()
    assert leaver.get_by_text("Er staan nu geen cliënten op uw naam").is_visible()
    assert all(records(kwartier["worker"], case, "support").status_code == 403 for case in cases)

    # a member of Wijkteam Zuid finds both cases in hers
    successor = _log_in(browser, live_server.url, kwartier["other_team"], "/backoffice/mijn-clienten/")
    successor.get_by_role("heading", level=1, name="Mijn cliënten").wait_for()
    assert {successor.locator("#caseload tr[data-assignment]").nth(i).get_attribute("data-subject")
            for i in range(2)} == set(cases)
