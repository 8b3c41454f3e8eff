from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "waarborg.portal"
    label = "portal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from waarborg.portal.accounts import on_record_created
        from waarborg.vault.models import Record

        # S0-13: the first application creates the citizen's account (see portal.accounts).
        post_save.connect(on_record_created, sender=Record, dispatch_uid="portal-account-on-first-record")
