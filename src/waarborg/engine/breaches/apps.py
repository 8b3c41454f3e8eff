from django.apps import AppConfig


class BreachesConfig(AppConfig):
    name = "waarborg.engine.breaches"
    label = "breaches"
    default_auto_field = "django.db.models.BigAutoField"
