"""Rows of other capabilities (disclosures, consent) that belong to one subject, for the access export.

These apps are built alongside this one, so the export does not import their models by name: it
asks the app registry for every model of the app with a `subject` foreign key to the vault's
Subject and lists that subject's rows. Sealed (binary) columns are left out; they are read by the
owning app's own functions, never here. Moments are written in the one time format (UTC, `Z`); a
column naming a staff member (`actor`, `recorded_by`...) says who in words (their roles, "een medewerker"),
never which colleague's account (`words.user_words`).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from waarborg.core.times import rfc3339
from waarborg.engine.policy.active import current
from waarborg.engine.rights.words import user_words
from waarborg.engine.vault.models import Subject


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return rfc3339(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID | Decimal):
        return str(value)
    return value


def _row(obj: models.Model) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if isinstance(field, models.BinaryField) or field.name == "subject":
            continue
        if field.is_relation and field.related_model is _user_model():
            row[field.name] = user_words(current(), getattr(obj, field.name))
            continue
        row[field.name] = _value(getattr(obj, field.attname))
    return row


def _user_model() -> Any:
    return apps.get_model(settings.AUTH_USER_MODEL)


def subject_models(app_label: str) -> list[type[models.Model]]:
    try:
        config = apps.get_app_config(app_label)
    except LookupError:
        return []
    found = []
    for model in config.get_models():
        try:
            field = model._meta.get_field("subject")
        except FieldDoesNotExist:
            continue
        if getattr(field, "related_model", None) is Subject:
            found.append(model)
    return found


def rows_for(app_label: str, subject: Subject) -> list[dict[str, Any]]:
    """Every row of the app's subject-linked models for this subject, tagged with its kind."""
    out = []
    for model in subject_models(app_label):
        staff = [f.name for f in model._meta.concrete_fields if f.is_relation and f.related_model is _user_model()]
        for obj in model._default_manager.filter(subject=subject).select_related(*staff).order_by("pk"):
            out.append({"kind": model._meta.model_name, **_row(obj)})
    return out
