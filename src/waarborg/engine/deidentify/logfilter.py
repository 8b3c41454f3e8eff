"""Log scrubbing: no BSN, IBAN, e-mail address, phone number, document number, postcode or licence plate
reaches a log, whatever the code logged.

`Scrub` is a `logging.Filter` on the handlers in settings.LOGGING, so every record that any logger sends
there (the project's, Django's, the root's) passes through it: the message with its arguments filled in,
the exception text and the stack are run through the de-identifier and replaced by tags (`[BSN-1]`).

Only the categories with a shape are scrubbed (`STRUCTURED`). Log messages are English and written by
code, full of capitalised words (`Internal Server Error`, class names, paths): the name finder would tag
half of them and make the logs useless, while the rule of the product is that code never logs personal
data in the first place. This filter is the safety net for what slips through: numbers typed into free
text, an address in an exception from a library. Numbers glued to letters (`bsn123456782.tel0612345678.nl`
in a host name) are scrubbed too: a 9-digit run that passes the BSN 11-proof, and a Dutch phone number.
"""

from __future__ import annotations

import logging
import re

from waarborg.engine.deidentify import STRUCTURED, deidentify

# Numbers glued to letters, which the de-identifier leaves (in prose `abc123456782` is a code, not a BSN): in a log
# line they are often a host name or a path that carries what was typed (`bsn123456782.example`).
_GLUED = re.compile(r"(?<!\d)(?:\+31|0031|0)?\d{8,9}(?!\d)")


def scrub(text: str) -> str:
    return _GLUED.sub(_glued, deidentify(text, categories=STRUCTURED).text)


def _glued(m: re.Match[str]) -> str:
    from waarborg.engine.deidentify.patterns import valid

    digits = m.group()
    if len(digits) == 9 and valid("bsn")(digits):
        return "[BSN]"
    if digits.startswith(("0", "+31", "0031")) and len(digits.lstrip("+")) >= 10:
        return "[TELEFOON]"  # 0612345678, +31612345678, 0031612345678
    return digits


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
