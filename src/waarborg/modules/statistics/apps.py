from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "waarborg.modules.statistics"
    label = "statistics"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Websitestatistieken en cookies"
