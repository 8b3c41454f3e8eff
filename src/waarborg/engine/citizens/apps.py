from django.apps import AppConfig


class CitizensConfig(AppConfig):
    name = "waarborg.engine.citizens"
    label = "portal"
    default_auto_field = "django.db.models.BigAutoField"
    # No signal receivers: the first application creates the citizen's account because `record_create`
    # calls `portal.accounts.account_for_new_record` itself (S0-13).
