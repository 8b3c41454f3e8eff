from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "waarborg.engine.retention"
    label = "retention"
    default_auto_field = "django.db.models.BigAutoField"
    # No signal receivers: a new record restarts its siblings' clocks because `record_create` calls
    # `retention.restart.restart_siblings` itself (S0-30).
