from django.apps import AppConfig


class MailingsConfig(AppConfig):
    name = "waarborg.modules.mailings"
    label = "mailings"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Mailings en nieuwsbrieven"
