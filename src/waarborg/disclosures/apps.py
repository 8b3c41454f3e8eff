from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "waarborg.disclosures"
    label = "disclosures"
    default_auto_field = "django.db.models.BigAutoField"
