from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "waarborg.engine.consent"
    label = "consent"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Toestemming en grondslag"

    def ready(self) -> None:
        from waarborg.engine.consent.gates import GATES
        from waarborg.engine.vault import gates

        # After the vault's own gates (order 100 and below): role refusals come first.
        for gate, order in GATES:
            gates.register(gate, order=order)
        # No signal receivers: the notices a new record makes due are stored by `record_create`, which
        # calls `consent.notices.notices_for_new_record` itself.
