"""Registering, announcing and starting a research project; its pseudonymisation key.

Only a role that grants `write` on the project's purpose (the policy's purpose for the research module's
`profiling` or `research`, `modules.research.purposes`) registers or runs a project. A big-data project starts only after its notice is published and the information
step is recorded (S3-11); until it is started, nothing at all is processed for it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from waarborg.core.errors import Invalid
from waarborg.engine.audit.log import Entry, append
from waarborg.engine.keyring import crypto
from waarborg.engine.vault.access import check, refuse
from waarborg.engine.vault.gates import Refusal
from waarborg.modules.research.models import Project, ProjectKey, purpose_for


def may(actor: Any, action: str, project: Project, purpose: str, verb: str = "") -> None:
    """The caller's role grants `action` on the project's purpose, named as the request's purpose."""
    check(actor, action, purpose)
    if purpose != project.purpose:
        refuse(actor, verb or action, purpose, Refusal("purpose_mismatch", f"Dit project valt onder doel "
                                                       f"'{project.purpose}'. (This project's purpose is "
                                                       f"'{project.purpose}'.)"))


def audit(action: str, actor: Any, project: Project, subject: Any = None, **detail: Any) -> None:
    append(Entry(action=action, actor=actor, purpose=project.purpose, subject=subject,
                 detail={"project": str(project.pk), **detail}))


def project_register(actor: Any, *, name: str, kind: str, purpose: str) -> Project:
    if kind not in Project.Kind.values:
        raise Invalid({"kind": [f"een van / one of {', '.join(Project.Kind.values)}"]})
    check(actor, "write", purpose)
    if purpose != purpose_for(kind):
        refuse(actor, "write", purpose, Refusal("purpose_mismatch", f"Een {kind}-project valt onder doel "
                                                f"'{purpose_for(kind)}'. (Wrong purpose for this kind.)"))
    if not (name or "").strip():
        raise Invalid({"name": ["Geef het project een naam. (Name the project.)"]})
    with transaction.atomic():
        project = Project.objects.create(name=name.strip()[:200], kind=kind, created_at=timezone.now(),
                                         created_by=actor if getattr(actor, "pk", None) else None)
        ProjectKey.objects.create(project=project, wrapped=crypto.wrap(secrets.token_bytes(32)))
        audit("research.project_register", actor, project, kind=kind)
    return project


def notice_publish(actor: Any, project: Project, *, conditions: dict[str, str], points_of_use: list[str],
                   purpose: str) -> Project:
    """The public notice: under which conditions and at which points the data is used (S3-11)."""
    may(actor, "write", project, purpose)
    errors = {}
    if not isinstance(conditions, dict) or not str(conditions.get("nl", "")).strip():
        errors["conditions"] = ["Beschrijf de voorwaarden (ten minste in het Nederlands). (Describe the conditions.)"]
    if not points_of_use or not all(str(p).strip() for p in points_of_use):
        errors["points_of_use"] = ["Noem waar het wordt gebruikt. (Name the points of use.)"]
    if errors:
        raise Invalid(errors)
    with transaction.atomic():
        project.notice = {"conditions": {"nl": conditions["nl"], "en": conditions.get("en", "")},
                          "points_of_use": [str(p).strip() for p in points_of_use]}
        project.notice_published_at = timezone.now()
        project.save(update_fields=["notice", "notice_published_at"])
        audit("research.notice_publish", actor, project, points_of_use=len(points_of_use))
    return project


def information_step_record(actor: Any, project: Project, *, channel: str, at: datetime | None = None,
                            purpose: str) -> Project:
    """Residents and companies were actively informed (letter, website, newsletter...)."""
    may(actor, "write", project, purpose)
    if project.notice_published_at is None:
        refuse(actor, "write", purpose, Refusal("notice_not_published", "Publiceer eerst de kennisgeving. "
                                                "(Publish the notice first.)"))
    if not (channel or "").strip():
        raise Invalid({"channel": ["Hoe is er geïnformeerd? (How were people informed?)"]})
    with transaction.atomic():
        project.informed_at, project.information_channel = at or timezone.now(), channel.strip()[:64]
        project.save(update_fields=["informed_at", "information_channel"])
        audit("research.information_step", actor, project, channel=project.information_channel)
    return project


def project_start(actor: Any, project: Project, *, purpose: str) -> Project:
    may(actor, "write", project, purpose)
    if project.kind == Project.Kind.BIG_DATA:
        if project.notice_published_at is None:
            refuse(actor, "write", purpose, Refusal("notice_not_published", "Een big-data-project start pas na "
                                                    "publicatie van de kennisgeving. (Publish the notice first.)"))
        if project.informed_at is None:
            refuse(actor, "write", purpose, Refusal("not_informed", "Leg eerst vast dat inwoners en bedrijven actief "
                                                    "zijn geïnformeerd. (Record the information step first.)"))
    with transaction.atomic():
        project.status, project.started_at = Project.Status.STARTED, timezone.now()
        project.save(update_fields=["status", "started_at"])
        audit("research.project_start", actor, project)
    return project


def require_started(actor: Any, project: Project, action: str, purpose: str) -> None:
    if project.status != Project.Status.STARTED:
        refuse(actor, action, purpose, Refusal("project_not_started", "Er wordt niets verwerkt zolang het project "
                                               "niet is gestart. (Nothing is processed until the project starts.)"))


def text_key(project: Project, dataset: str) -> bytes:
    """The key under which a dataset's free text gets its pseudonyms (`[NAAM-K7Q2X4PM]`): derived from the
    project's key and the dataset, so the same name links within a dataset and nowhere else."""
    key = crypto.unwrap(bytes(ProjectKey.objects.get(project=project).wrapped))
    return hmac.new(key, f"deidentify:{dataset}".encode(), hashlib.sha256).digest()


def pseudonym(project: Project, reference: str) -> str:
    """A keyed pseudonym (HMAC-SHA-256 with the project's own key): stable within, different between projects."""
    key = crypto.unwrap(bytes(ProjectKey.objects.get(project=project).wrapped))
    return hmac.new(key, str(reference).strip().lower().encode(), hashlib.sha256).hexdigest()[:32]
