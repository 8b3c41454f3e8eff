from django.apps import AppConfig


class SecureMailConfig(AppConfig):
    name = "waarborg.modules.securemail"
    label = "securemail"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Veilig mailen, vragen en formulieren"

    def ready(self) -> None:
        from waarborg.modules.securemail import outbox

        outbox.register()  # secure mail as a way to send the answer to a rights request, where offered
