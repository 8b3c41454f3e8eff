"""A free-text field of a record where it leaves the file: for a dataset, a report or an anonymised record.

The policy says per field what happens (`FieldSpec.deidentify`, docs/policy.md): `redact` runs the text
through the de-identifier (every person, address, number... replaced, the subject included: outside the
file nobody's data stays), `drop` leaves the field out, `keep` passes it as written. Fields that are not
free text (numbers, dates, choices) pass unchanged: what happens to them is the caller's own rule
(generalising, banding). An export to the subject redacts only the other people: `rights.redaction`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from waarborg.engine.deidentify import Replacer, deidentify

if TYPE_CHECKING:
    from waarborg.engine.policy.schema import FieldSpec


class _Dropped:
    def __repr__(self) -> str:
        return "DROPPED"


DROPPED: Final = _Dropped()


def leaving(spec: FieldSpec | None, value: Any, replacer: Replacer | None = None) -> Any:
    """`value` as it may leave the file, or `DROPPED`. `replacer`: tags numbered across one record or report
    (`Replacer("tag", None)`), or pseudonyms under a dataset's key (`Replacer("pseudonym", key)`)."""
    if spec is None or spec.free_text == "keep" or value is None:
        return value
    if spec.free_text == "drop":
        return DROPPED
    if not isinstance(value, str):
        return value
    return deidentify(value, replacer=replacer or Replacer("tag", None)).text
