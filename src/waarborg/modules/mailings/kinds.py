"""Which message types may go to an address collected for a purpose (S1-09, S0-16, S2-12).

The table is by purpose id (the seeds' names), then by what the policy says of the purpose: a
`service_information` purpose allows service information, a `marketing` purpose its newsletter. A
purpose not covered allows nothing: mailing an address needs a reason the policy gave.
"""

from __future__ import annotations

from waarborg.engine.policy.schema import Policy

MESSAGE_TYPES = {
    "newsletter": "Nieuwsbrief / newsletter",
    "service_information": "Informatie over nieuwe mogelijkheden en diensten / service information",
    "marketing": "Aanbiedingen / marketing",
    "feedback_outcome": "Wat er met uw opmerking is gedaan / feedback outcome",
    "additional_information": "Verzoek om aanvullende informatie / request for additional information",
    "reply": "Antwoord op uw bericht / reply",
    "event_information": "Informatie over de bijeenkomst / event information",
    "verification": "Controle van gegevens / verification",
}
# Bulk types: each message carries an unsubscribe link and the List-Unsubscribe header.
BULK = ("newsletter", "service_information", "marketing")

BY_PURPOSE: dict[str, tuple[str, ...]] = {
    "newsletter": ("newsletter",),
    "feedback": ("feedback_outcome", "additional_information"),  # S1-09: nothing else, ever
    "tips": ("reply",),
    "helpdesk": ("reply", "additional_information"),
    "events": ("event_information",),
    "verification": ("verification",),
    "questions": ("reply", "additional_information"),
}


def allowed(policy: Policy, purpose: str) -> tuple[str, ...]:
    spec = policy.purposes.get(purpose)
    if spec is None:
        return ()
    if purpose in BY_PURPOSE:
        return BY_PURPOSE[purpose]
    kinds: list[str] = []
    if spec.service_information:
        kinds.append("service_information")
    if spec.marketing:
        kinds.append("newsletter")
    return tuple(kinds)
