from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "waarborg.modules.research"
    label = "research"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Onderzoeksprojecten"
