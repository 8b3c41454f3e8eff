"""Who may a mailing or a job for a purpose reach? The gates' questions, asked for many subjects at once.

Mailings (newsletter, "nieuwe mogelijkheden", service information) and batch jobs call
`eligible_subjects` and skip the rest silently; `exclusions` says why each one was left out. The
reasons are the gates' codes, so a forced attempt on a left-out subject is refused for the same
reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from waarborg.engine.consent import state
from waarborg.engine.policy.active import current
from waarborg.engine.policy.schema import LegalBasis


def exclusions(purpose: str, subject_ids: Iterable[Any], at: Any = None) -> dict[str, str]:
    """subject id -> reason code for every subject the purpose may not reach now."""
    spec = current().purposes.get(purpose)
    ids = [str(s) for s in subject_ids]
    if spec is None:
        return dict.fromkeys(ids, "no_legal_basis")
    out: dict[str, str] = {}

    def leave_out(found: set[str], reason: str) -> None:
        for subject_id in found:
            out.setdefault(subject_id, reason)

    if not state.legal_claims(spec):
        leave_out(state.restricted_subjects(purpose, ids, at), "restricted")
    if state.objectable(spec):
        leave_out(state.subject_ids(state.objections(purpose), ids), "objected")
    consenting = state.subject_ids(state.active_consents(purpose, at), ids)
    if spec.basis is LegalBasis.CONSENT:
        leave_out(set(ids) - consenting, "no_active_consent")
    if spec.minors_need_parent:
        guarded = _guarded(purpose, ids, at)
        leave_out({s for s in ids if s not in guarded and state.is_minor(s, spec, at)}, "no_active_consent")
    if spec.service_information:
        leave_out(state.subject_ids(state.optouts(purpose), ids), "opted_out")
    return out


def eligible_subjects(purpose: str, subject_ids: Iterable[Any], at: Any = None) -> list[str]:
    """The subjects (ids, input order) a mailing or job for `purpose` may include."""
    ids = [str(s) for s in subject_ids]
    left_out = exclusions(purpose, ids, at)
    return [s for s in ids if s not in left_out]


def _guarded(purpose: str, ids: list[Any], at: Any) -> set[str]:
    """Subjects with an active consent signed by a parent or guardian (filtered here, not in SQL:
    SQLite has no JSON containment lookup)."""
    rows = state.active_consents(purpose, at).filter(subject__in=ids).values_list("subject_id", "signatory_roles")
    return {str(s) for s, roles in rows if set(roles or []) & set(state.GUARDIANS)}
