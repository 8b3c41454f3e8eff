from django.apps import AppConfig


class RecordingsConfig(AppConfig):
    name = "waarborg.modules.recordings"
    label = "recordings"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Gespreksopnamen"

    def ready(self) -> None:
        from waarborg.engine.vault import gates
        from waarborg.modules.recordings.gates import immutable_recordings

        # Before the legal-basis gates: an edit of a recording is refused whatever else holds.
        gates.register(immutable_recordings, order=45)
