"""Profiling inside a project (S3-09, S3-10): only people who were told in advance and consented.

Who may be profiled is decided here and only here: the other capabilities (benefits, reintegration,
decisions) never import this module or ask about the profiling consent (a consent for the policy's purpose
for `profiling`, `modules.research.purposes`), so refusing or withdrawing
it cannot change a case's outcome. Subjects who do not qualify are simply not processed; only their
number is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from waarborg.engine.consent import state
from waarborg.engine.vault.access import refuse
from waarborg.engine.vault.gates import Refusal
from waarborg.engine.vault.models import Subject
from waarborg.modules.research.models import ProfilingNotice, ProfilingRun, Project, purpose_for
from waarborg.modules.research.projects import audit, may, pseudonym, require_started


def _profiling(actor: Any, project: Project, purpose: str) -> None:
    if project.kind != Project.Kind.PROFILING:
        refuse(actor, "write", purpose, Refusal("purpose_mismatch", "Dit is geen profileringsproject. "
                                                "(Not a profiling project.)"))


def notice_record(actor: Any, project: Project, subject: Subject, *, informed_at: datetime | None = None,
                  channel: str = "", purpose: str) -> ProfilingNotice:
    """The subject was actively informed about this project's profiling, before being asked to consent."""
    may(actor, "write", project, purpose)
    _profiling(actor, project, purpose)
    with transaction.atomic():
        notice = ProfilingNotice.objects.create(project=project, subject=subject,
                                                informed_at=informed_at or timezone.now(), channel=channel[:32],
                                                recorded_by=actor if getattr(actor, "pk", None) else None)
        audit("research.profiling_notice", actor, project, subject=subject, notice=notice.pk,
              channel=notice.channel)
    return notice


def eligible(project: Project, subjects: Iterable[Any], at: datetime | None = None) -> list[Any]:
    """Subjects told about this project *before* they consented, whose profiling consent is active now.

    "Vooraf actief geïnformeerd ... en hen wordt toestemming gevraagd": the notice precedes the consent.
    """
    ids = [getattr(s, "pk", s) for s in subjects]
    moment = at or timezone.now()
    first_told = {str(row["subject_id"]): row["first"] for row in
                  ProfilingNotice.objects.filter(project=project, subject__in=ids, informed_at__lte=moment)
                  .values("subject_id").annotate(first=Min("informed_at"))}
    consented: dict[str, datetime] = {}
    for subject_id, given_at in (state.active_consents(purpose_for(Project.Kind.PROFILING), moment).filter(subject__in=ids)
                                 .values_list("subject_id", "given_at")):
        consented[str(subject_id)] = max(given_at, consented.get(str(subject_id), given_at))
    return [pk for pk in ids if str(pk) in first_told and str(pk) in consented
            and first_told[str(pk)] <= consented[str(pk)]]


def profiling_run(actor: Any, project: Project, subjects: Iterable[Any], *, purpose: str) -> ProfilingRun:
    may(actor, "write", project, purpose)
    _profiling(actor, project, purpose)
    require_started(actor, project, "write", purpose)
    candidates = list(dict.fromkeys(getattr(s, "pk", s) for s in subjects))
    chosen = eligible(project, candidates)
    with transaction.atomic():
        run = ProfilingRun.objects.create(project=project, run_at=timezone.now(),
                                          run_by=actor if getattr(actor, "pk", None) else None,
                                          included=[pseudonym(project, str(pk)) for pk in chosen],
                                          excluded=len(candidates) - len(chosen))
        audit("research.profile", actor, project, run=run.pk, included=len(chosen), excluded=run.excluded)
    return run
