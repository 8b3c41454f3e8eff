from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "waarborg.engine.decisions"
    label = "decisions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from waarborg.engine.decisions.gates import final_outcome_only_by_a_person
        from waarborg.engine.vault.gates import register

        register(final_outcome_only_by_a_person, order=300)
