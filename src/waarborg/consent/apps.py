from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "waarborg.consent"
    label = "consent"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Toestemming en grondslag"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from waarborg.consent.gates import GATES
        from waarborg.consent.notices import on_record_created
        from waarborg.vault import gates
        from waarborg.vault.models import Record

        # After the vault's own gates (order 100 and below): role refusals come first.
        for gate, order in GATES:
            gates.register(gate, order=order)
        post_save.connect(on_record_created, sender=Record, dispatch_uid="consent.notices")
