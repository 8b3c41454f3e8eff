"""No BSN, IBAN, e-mail address or phone number reaches the log, whether in a message, its arguments or an
exception; proven on the handler that settings.LOGGING configures for the root and Django's loggers."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from waarborg.engine.deidentify.logfilter import Scrub

BSN, IBAN, EMAIL, PHONE = "123456782", "NL91 ABNA 0417 1643 00", "fatima.elamrani@hotmail.com", "06-12345678"


@pytest.fixture
def log_output(settings: object) -> Iterator[io.StringIO]:
    """What the configured console handler writes, captured."""
    handlers = [h for h in logging.getLogger().handlers if any(isinstance(f, Scrub) for f in h.filters)]
    assert handlers, "settings.LOGGING puts no scrubbing handler on the root logger"
    handler = handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    # Swapped directly, not with setStream(): that flushes the old stream, which may be a capture file
    # another test has closed since Django configured logging.
    old, handler.stream = handler.stream, buffer
    try:
        yield buffer
    finally:
        handler.stream = old


def _assert_clean(output: str) -> None:
    for value in (BSN, IBAN, EMAIL, PHONE, "0417 1643", "fatima.elamrani"):
        assert value not in output, f"{value!r} reached the log: {output}"


def test_a_log_call_with_personal_data_in_message_and_arguments_is_scrubbed(log_output: io.StringIO) -> None:
    # when code logs personal data, in the message and as arguments
    logging.getLogger("waarborg.engine.vault").warning(
        f"client BSN {BSN} mailed from %s, phone %s, IBAN %s", EMAIL, PHONE, IBAN
    )
    # then the log holds tags instead
    output = log_output.getvalue()
    _assert_clean(output)
    assert "client BSN [BSN-1] mailed from [EMAIL-1], phone [TELEFOON-1], IBAN [IBAN-1]" in output


def test_an_exception_message_with_personal_data_is_scrubbed(log_output: io.StringIO) -> None:
    # when an exception that carries personal data is logged with its traceback
    try:
        raise ValueError(f"cannot pay {IBAN} for {EMAIL} (BSN {BSN}, {PHONE})")
    except ValueError:
        logging.getLogger("waarborg.engine.jobs").exception("payout failed")
    # then neither the traceback nor the message holds it
    output = log_output.getvalue()
    assert "Traceback" in output and "ValueError: cannot pay [IBAN-1]" in output
    _assert_clean(output)


def test_djangos_own_loggers_go_through_the_scrubbing_handler(log_output: io.StringIO) -> None:
    logging.getLogger("django.request").error("Internal Server Error: /api/v1/subjects?bsn=%s&mail=%s", BSN, EMAIL)
    output = log_output.getvalue()
    assert "Internal Server Error: /api/v1/subjects?bsn=[BSN-1]" in output
    _assert_clean(output)


def test_a_bad_host_with_numbers_glued_to_letters_is_scrubbed(log_output: io.StringIO, client: object, db: object) -> None:
    """A user trial put `bsn123456782.tel0612345678.nl` in the Host header: Django logged it as it was."""
    # when a request names a host that carries a BSN and a phone number glued to letters
    client.get("/", HTTP_HOST="bsn123456782.tel0612345678.nl")  # type: ignore[attr-defined]
    # then the log says the host was refused, without the numbers
    output = log_output.getvalue()
    assert "bsn[BSN].tel[TELEFOON].nl" in output, output
    assert "123456782" not in output and "0612345678" not in output
