from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "waarborg.engine.oversight"
    label = "oversight"
