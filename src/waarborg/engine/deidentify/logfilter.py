"""Log scrubbing: no BSN, IBAN, e-mail address, phone number, document number, postcode or licence plate
reaches a log, whatever the code logged.

`Scrub` is a `logging.Filter` on the handlers in settings.LOGGING, so every record that any logger sends
there (the project's, Django's, the root's) passes through it: the message with its arguments filled in,
the exception text and the stack are run through the de-identifier and replaced by tags (`[BSN-1]`).

Only the categories with a shape are scrubbed (`STRUCTURED`). Log messages are English and written by
code, full of capitalised words (`Internal Server Error`, class names, paths): the name finder would tag
half of them and make the logs useless, while the rule of the product is that code never logs personal
data in the first place. This filter is the safety net for what slips through: numbers typed into free
text, an address in an exception from a library.
"""

from __future__ import annotations

import logging

from waarborg.engine.deidentify import STRUCTURED, deidentify


def scrub(text: str) -> str:
    return deidentify(text, categories=STRUCTURED).text


class Scrub(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed format: keep what there is, still scrubbed
            message = f"{record.msg} {record.args}"
        record.msg, record.args = scrub(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True
