from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "waarborg.audiences.api"
    label = "api"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db import models
        from rest_framework.serializers import ModelSerializer

        from waarborg.audiences.api import schema  # noqa: F401  (registers the OpenAPI auth scheme)
        from waarborg.audiences.api.times import DateTimeField

        # A ModelSerializer's date-time fields follow the platform's one time format too (waarborg.core.times).
        ModelSerializer.serializer_field_mapping[models.DateTimeField] = DateTimeField
