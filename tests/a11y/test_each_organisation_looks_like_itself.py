"""Each organisation's pages wear its own colours (organisation.theme of its policy, docs/design.md), from a style
sheet of their own (no inline style), and a policy whose colours would make text unreadable does not load."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from tests.conftest import EXAMPLES, activate_example

ORGANISATIONS = ("ikzorginassen", "kwartier", "socialekaart", "werkzaak", "wlzclientondersteuning")


def test_the_five_example_organisations_each_have_their_own_colours(db: Any) -> None:
    from waarborg.engine.policy.active import current

    seen: dict[str, str] = {}
    for name in ORGANISATIONS:
        # given the organisation's policy
        activate_example(name)
        policy = current()
        # when a visitor opens its start page
        page = Client().get("/").content.decode()
        # then the page links the organisation's style sheet, which sets its primary colour over the tokens
        url = re.search(r'<link rel="stylesheet" href="(/thema/\w+\.css)">', page)
        assert url is not None, name
        answer = Client().get(url.group(1))
        css = answer.content.decode()
        assert answer.status_code == 200 and answer["Content-Type"].startswith("text/css")
        assert f"--waarborg-primary: {policy.organisation.theme.primary};" in css
        assert "--basis-color-action-1-inverse-bg-default" in css and "immutable" in answer["Cache-Control"]
        assert policy.organisation.name in page and "style=" not in page
        seen[name] = url.group(1)
    assert len(set(seen.values())) == len(ORGANISATIONS)
    # a logo is drawn beside the name, from the policy itself (nothing from another host)
    activate_example("socialekaart")
    assert '<img class="waarborg-brand__logo" src="data:image/svg+xml;base64,' in Client().get("/").content.decode()


@pytest.mark.parametrize(("theme", "problem"), [
    ('{primary: "#ffcc00"}', "white text on #ffcc00 has a contrast of 1.5:1, below 4.5:1"),
    ('{background: "#555555"}', "text on #555555 has a contrast of"),
    ('{primary: red}', "a colour is written as #rrggbb"),
    ('{logo: "https://example.org/logo.png"}', "a logo is a data:image/svg+xml;base64"),
])
def test_a_theme_that_would_be_unreadable_is_refused_with_its_line(theme: str, problem: str) -> None:
    from waarborg.engine.policy.loader import PolicyError, load_text

    source = (EXAMPLES / "kwartier.yaml").read_text(encoding="utf-8")
    source = re.sub(r"  theme:[^\n]*\n(    [^\n]*\n)+", f"  theme: {theme}\n", source, count=1)
    with pytest.raises(PolicyError) as refused:
        load_text(source, "kwartier.yaml")
    assert problem in str(refused.value) and "kwartier.yaml:" in str(refused.value)
