from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "waarborg.retention"
    label = "retention"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from waarborg.retention.restart import restart_siblings
        from waarborg.vault.models import Record

        # S0-30: a new record restarts the clocks of the subject's other records of that purpose.
        # record_create (vault) only asks for the new record's own expiry; this hook, inside the same
        # transaction, moves the siblings' clocks.
        post_save.connect(restart_siblings, sender=Record, dispatch_uid="retention.restart_siblings")
