"""The access gate that keeps final decisions with people (S0-40, S1-17, AVG art. 22).

A record of a human-decision purpose may carry a final outcome (`status` granted or rejected) only
when a person whose role grants `decide` on that purpose writes it: never an import or job
(`"system:..."`), never a service token, never staff without the deciding role. The preferred way
is `decision_set`, which also records the reasoning; a decider typing the outcome into the record
is still a human decision, with the reviewer in the record's audit entry.
"""

from __future__ import annotations

from waarborg.engine.decisions.models import Decision
from waarborg.engine.vault.gates import AccessContext, Refusal

OUTCOME_FIELD = "status"


def _decider(ctx: AccessContext, purpose: str) -> bool:
    actor = ctx.actor
    if isinstance(actor, str) or actor is None or getattr(actor, "kind", "") != "staff":
        return False
    return bool(ctx.policy.grants(actor, "decide", purpose))


def final_outcome_only_by_a_person(ctx: AccessContext) -> Refusal | None:
    if ctx.action != "write" or not isinstance(ctx.fields, dict) or OUTCOME_FIELD not in ctx.fields:
        return None
    record_type = ctx.record_type or getattr(ctx.record, "type", "")
    spec = ctx.policy.record_types.get(record_type)
    if spec is None or not ctx.policy.purposes[spec.purpose].human_decision:
        return None
    if ctx.fields[OUTCOME_FIELD] not in Decision.Outcome.values or _decider(ctx, spec.purpose):
        return None
    return Refusal("human_decision_required",
                   "Toekennen of afwijzen doet alleen een medewerker met de beslisrol. / "
                   "Only a person with the deciding role can grant or reject.")
