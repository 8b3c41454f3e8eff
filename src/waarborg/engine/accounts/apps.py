from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "waarborg.engine.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from waarborg.audiences.api import schema  # noqa: F401  (registers the OpenAPI auth scheme)
