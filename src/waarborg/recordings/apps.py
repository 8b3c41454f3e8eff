from django.apps import AppConfig


class RecordingsConfig(AppConfig):
    name = "waarborg.recordings"
    label = "recordings"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Gespreksopnamen"

    def ready(self) -> None:
        from waarborg.recordings.gates import immutable_recordings
        from waarborg.vault import gates

        # Before the legal-basis gates: an edit of a recording is refused whatever else holds.
        gates.register(immutable_recordings, order=45)
