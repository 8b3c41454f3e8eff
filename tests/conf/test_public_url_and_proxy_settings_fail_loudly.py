"""WAARBORG_PUBLIC_URL and WAARBORG_TRUSTED_PROXY: a wrong value stops the process at start, naming it."""

from __future__ import annotations

import re

import pytest

from waarborg.audiences.web.proxy import allowed_hosts, networks, public_url
from waarborg.conf.env import ConfigError


@pytest.mark.parametrize(("value", "production", "problem"), [
    (None, True, "WAARBORG_PUBLIC_URL is required when WAARBORG_ENV=production"),
    ("http://privacy.example.nl", True, "must be https:// when WAARBORG_ENV=production"),
    ("https://privacy.example.nl/portaal", False, "must be an origin only"),
    ("ftp://privacy.example.nl", False, "must start with https://"),
    ("privacy.example.nl", False, "must start with https://"),
    ("https://privacy.example.nl:99999", False, "must be a URL like"),
])
def test_a_wrong_public_url_names_the_variable(value: str | None, production: bool, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        public_url(value, production=production)


def test_the_public_url_is_the_first_allowed_host_and_is_kept_as_an_origin() -> None:
    origin = public_url("https://Privacy.Example.nl:8443/", production=True)
    assert origin == "https://privacy.example.nl:8443"
    assert allowed_hosts(origin, "intern.example.nl, privacy.example.nl") == ["privacy.example.nl", "intern.example.nl"]
    assert public_url(None, production=False) == "http://127.0.0.1:8000"


def test_a_trusted_proxy_that_is_no_address_fails_loudly() -> None:
    assert [str(n) for n in networks("WAARBORG_TRUSTED_PROXY", "127.0.0.1, 10.0.0.0/8,::1")] == [
        "127.0.0.1/32", "10.0.0.0/8", "::1/128"]
    with pytest.raises(ConfigError, match=re.escape("WAARBORG_TRUSTED_PROXY: 'proxy.intern' is not an IP address or network")):
        networks("WAARBORG_TRUSTED_PROXY", "proxy.intern")
