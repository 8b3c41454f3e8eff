from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "waarborg.engine.disclosures"
    label = "disclosures"
    default_auto_field = "django.db.models.BigAutoField"
