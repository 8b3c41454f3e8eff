"""Which message types may go to an address collected for a purpose (S1-09, S0-16, S2-12).

The policy names the purposes whose addresses the mailings module may write to, each as the kind of address
it is (`modules.mailings.purposes`: `feedback: feedback` says the purpose `feedback` holds feedback
addresses); the table below gives each kind its message types. A purpose the policy marks
`service_information` allows service information, one marked `marketing` its newsletter. A purpose not
covered allows nothing: mailing an address needs a reason the policy gave.
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

# The kinds of address (the mailings module's purposes in the policy language) and what each may receive.
BY_KIND: dict[str, tuple[str, ...]] = {
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
    module = policy.module("mailings")
    if spec is None or not module.on:
        return ()
    kind = module.part_of(purpose)
    if kind is not None:
        return BY_KIND[kind]
    kinds: list[str] = []
    if spec.service_information:
        kinds.append("service_information")
    if spec.marketing:
        kinds.append("newsletter")
    return tuple(kinds)
