"""One sentence per disclosure, consent, objection, restriction, opt-out and notice of an access export, in
Dutch and English, as the subject reads it in the letter: the recipient and the purpose by name, the data
by its category label, the ground in words and every date as "3 december 2026, 14:05" (local time).

The rows themselves (codes, RFC 3339 times) stay in the JSON export for machines; the sentence is added
to each row as `summary`, and the letter shows only that.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.utils.translation import get_language, gettext, gettext_lazy, pgettext_lazy

from waarborg.core.language import each_language
from waarborg.core.times import in_words
from waarborg.engine.policy.schema import Policy
from waarborg.engine.rights.words import REASON_WORDS, category_label, code_words

Words = dict[str, str]

CONSENT_STATUS = {"active": pgettext_lazy("consent status in a sentence", "actief"),
                  "pending_verification": pgettext_lazy("consent status in a sentence", "wacht op controle"),
                  "withdrawn": pgettext_lazy("consent status in a sentence", "ingetrokken"),
                  "refused": pgettext_lazy("consent status in a sentence", "geweigerd")}
NOTICE_KINDS = {"indirect_collection": gettext_lazy("Bericht over gegevens die wij van een ander kregen"),
                "basis_interest": gettext_lazy("Bericht over verwerking op grond van een belang"),
                "refusal_consequences": gettext_lazy("Bericht over de gevolgen van een weigering")}


def _purpose(policy: Policy, purpose_id: str) -> str:
    purpose = policy.purposes.get(purpose_id or "")
    if purpose is not None:
        return purpose.label.get(get_language())
    if not purpose_id:
        return gettext("alle doelen")
    return purpose_id.replace("_", " ")


def _one(policy: Policy, row: dict[str, Any]) -> str:
    """The row as one sentence in the active language."""
    lang = get_language()
    kind, purpose = row.get("kind"), _purpose(policy, str(row.get("purpose") or ""))

    def when(key: str) -> str:
        return in_words(row.get(key), lang)

    if kind == "disclosure":
        data = ", ".join(category_label(policy, c)[lang] for c in row.get("categories") or ())
        reason = code_words(REASON_WORDS, str(row.get("reason") or ""))[lang]
        recipient = row.get("recipient_label") or row.get("recipient")
        return gettext("%(recipient)s, %(at)s: %(data)s. Doel: %(purpose)s. Grond: %(reason)s.") % {
            "recipient": recipient, "at": when("at"), "data": data or "-", "purpose": purpose, "reason": reason}
    if kind == "consent":
        status = str(CONSENT_STATUS.get(str(row.get("status")), row.get("status")))
        text = gettext("Toestemming voor %(purpose)s: %(status)s. Gegeven: %(given)s") % {
            "purpose": purpose, "status": status, "given": when("given_at")}
        if row.get("withdrawn_at"):
            text += gettext("; ingetrokken: %(at)s") % {"at": when("withdrawn_at")}
        return text + "."
    if kind == "objection":
        text = gettext("Bezwaar tegen %(purpose)s, ontvangen %(at)s") % {"purpose": purpose, "at": when("received_at")}
        if row.get("overridden_at"):
            text += gettext("; op %(at)s zijn dwingende redenen vastgelegd om toch door te gaan") % {
                "at": when("overridden_at")}
        return text + "."
    if kind == "restriction":
        text = gettext("Beperking van de verwerking (%(purpose)s) sinds %(at)s") % {"purpose": purpose,
                                                                                   "at": when("set_at")}
        if row.get("lifted_at"):
            text += gettext("; opgeheven op %(at)s") % {"at": when("lifted_at")}
        return text + "."
    if kind == "optout":
        text = gettext("Afgemeld voor berichten (%(purpose)s) sinds %(at)s") % {"purpose": purpose, "at": when("set_at")}
        if row.get("reversed_at"):
            text += gettext("; weer aangemeld op %(at)s") % {"at": when("reversed_at")}
        return text + "."
    if kind in NOTICE_KINDS:  # a notice's own `kind` column names it (the adapter's model name is overwritten)
        label = str(NOTICE_KINDS[str(kind)])
        sent = gettext("verstuurd op %(at)s") % {"at": when("sent_at")} if row.get("sent_at") \
            else gettext("nog niet verstuurd")
        return f"{label} ({purpose}): {sent}."
    return f"{purpose}: {when('at') or when('created_at')}".strip(": ")


def summarise(policy: Policy, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each row with `summary` {nl, en}."""
    return [{**row, "summary": each_language(partial(_one, policy, row))} for row in rows]
