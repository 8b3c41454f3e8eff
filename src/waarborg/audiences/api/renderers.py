"""The API's JSON renderer (REST_FRAMEWORK's default): a datetime a view puts into an answer is written by
the platform's one rule (waarborg.core.times). Kept apart from api.times: DRF imports it while it sets up."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

from waarborg.core.times import rfc3339


class TimesJSONEncoder(JSONEncoder):
    def default(self, obj: Any) -> Any:
        if isinstance(obj, datetime) and timezone.is_aware(obj):
            return rfc3339(obj)
        return super().default(obj)


class JSONRenderer(renderers.JSONRenderer):
    encoder_class = TimesJSONEncoder
