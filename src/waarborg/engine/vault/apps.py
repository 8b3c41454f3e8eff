from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "waarborg.engine.vault"
    label = "vault"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from waarborg.engine.vault.authorisation import register_all

        register_all()
