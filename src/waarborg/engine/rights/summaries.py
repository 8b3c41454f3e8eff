"""One sentence per disclosure, consent, objection, restriction, opt-out and notice of an access export, in
Dutch and English, as the subject reads it in the letter: the recipient and the purpose by name, the data
by its category label, the ground in words and every date as "3 december 2026, 14:05" (local time).

The rows themselves (codes, RFC 3339 times) stay in the JSON export for machines; the sentence is added
to each row as `summary`, and the letter shows only that.
"""

from __future__ import annotations

from typing import Any

from waarborg.core.times import in_words
from waarborg.engine.policy.schema import Policy
from waarborg.engine.rights.words import REASON_WORDS, category_label, code_words

Words = dict[str, str]

CONSENT_STATUS = {"active": ("actief", "active"), "pending_verification": ("wacht op controle", "awaiting a check"),
                  "withdrawn": ("ingetrokken", "withdrawn"), "refused": ("geweigerd", "refused")}
NOTICE_KINDS = {"indirect_collection": ("Bericht over gegevens die wij van een ander kregen",
                                        "Notice about data we received from someone else"),
                "basis_interest": ("Bericht over verwerking op grond van een belang",
                                   "Notice about processing on the ground of an interest"),
                "refusal_consequences": ("Bericht over de gevolgen van een weigering",
                                         "Notice about the consequences of a refusal")}


def _purpose(policy: Policy, purpose_id: str, lang: str) -> str:
    purpose = policy.purposes.get(purpose_id or "")
    if purpose is not None:
        return purpose.label.get(lang)
    if not purpose_id:
        return "alle doelen" if lang == "nl" else "all purposes"
    return purpose_id.replace("_", " ")


def _one(policy: Policy, row: dict[str, Any], lang: str) -> str:
    nl = lang == "nl"
    kind, purpose = row.get("kind"), _purpose(policy, str(row.get("purpose") or ""), lang)

    def when(key: str) -> str:
        return in_words(row.get(key), lang)

    if kind == "disclosure":
        data = ", ".join(category_label(policy, c)[lang] for c in row.get("categories") or ())
        reason = code_words(REASON_WORDS, str(row.get("reason") or ""))[lang]
        recipient = row.get("recipient_label") or row.get("recipient")
        return (f"{recipient}, {when('at')}: {data or '-'}. Doel: {purpose}. Grond: {reason}." if nl
                else f"{recipient}, {when('at')}: {data or '-'}. Purpose: {purpose}. Ground: {reason}.")
    if kind == "consent":
        status = CONSENT_STATUS.get(str(row.get("status")), (str(row.get("status")),) * 2)[0 if nl else 1]
        text = (f"Toestemming voor {purpose}: {status}. Gegeven: {when('given_at')}" if nl
                else f"Consent for {purpose}: {status}. Given: {when('given_at')}")
        if row.get("withdrawn_at"):
            text += f"; ingetrokken: {when('withdrawn_at')}" if nl else f"; withdrawn: {when('withdrawn_at')}"
        return text + "."
    if kind == "objection":
        text = (f"Bezwaar tegen {purpose}, ontvangen {when('received_at')}" if nl
                else f"Objection to {purpose}, received {when('received_at')}")
        if row.get("overridden_at"):
            text += (f"; op {when('overridden_at')} zijn dwingende redenen vastgelegd om toch door te gaan" if nl
                     else f"; on {when('overridden_at')} compelling grounds to continue were recorded")
        return text + "."
    if kind == "restriction":
        text = (f"Beperking van de verwerking ({purpose}) sinds {when('set_at')}" if nl
                else f"Restriction of processing ({purpose}) since {when('set_at')}")
        if row.get("lifted_at"):
            text += f"; opgeheven op {when('lifted_at')}" if nl else f"; lifted on {when('lifted_at')}"
        return text + "."
    if kind == "optout":
        text = (f"Afgemeld voor berichten ({purpose}) sinds {when('set_at')}" if nl
                else f"Opted out of messages ({purpose}) since {when('set_at')}")
        if row.get("reversed_at"):
            text += f"; weer aangemeld op {when('reversed_at')}" if nl else f"; opted in again on {when('reversed_at')}"
        return text + "."
    if kind in NOTICE_KINDS:  # a notice's own `kind` column names it (the adapter's model name is overwritten)
        label = NOTICE_KINDS[str(kind)][0 if nl else 1]
        sent = (f"verstuurd op {when('sent_at')}" if nl else f"sent on {when('sent_at')}") if row.get("sent_at") \
            else ("nog niet verstuurd" if nl else "not sent yet")
        return f"{label} ({purpose}): {sent}."
    return f"{purpose}: {when('at') or when('created_at')}".strip(": ")


def summarise(policy: Policy, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each row with `summary` {nl, en}."""
    out = []
    for row in rows:
        out.append({**row, "summary": {"nl": _one(policy, row, "nl"), "en": _one(policy, row, "en")}})
    return out
