from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "waarborg.engine.backups"
    label = "backups"
    default_auto_field = "django.db.models.BigAutoField"
