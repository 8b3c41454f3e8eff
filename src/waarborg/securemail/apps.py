from django.apps import AppConfig


class SecureMailConfig(AppConfig):
    name = "waarborg.securemail"
    label = "securemail"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Veilig mailen, vragen en formulieren"
