"""The access gate that keeps final decisions out of ordinary record writes (S0-40, S1-17).

A record of a human-decision purpose may not be written with a final outcome (`status` granted
or rejected) through the vault: not by an import, a job, a service token or a person. The only
way to an outcome is `decision_set`, which records the reviewer and the reasoning.
"""

from __future__ import annotations

from waarborg.decisions.models import Decision
from waarborg.vault.gates import AccessContext, Refusal

OUTCOME_FIELD = "status"


def final_outcome_only_by_decision(ctx: AccessContext) -> Refusal | None:
    if ctx.action != "write" or OUTCOME_FIELD not in ctx.fields:
        return None
    record_type = ctx.record_type or getattr(ctx.record, "type", "")
    spec = ctx.policy.record_types.get(record_type)
    if spec is None or not ctx.policy.purposes[spec.purpose].human_decision:
        return None
    if ctx.fields[OUTCOME_FIELD] not in Decision.Outcome.values:
        return None
    return Refusal("human_decision_required",
                   "Toekennen of afwijzen kan alleen via een beslissing van een medewerker, met motivering. / "
                   "Only a person's decision, with reasoning, can grant or reject.")
