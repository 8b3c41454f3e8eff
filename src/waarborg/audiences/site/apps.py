"""The public pages: the statement, the sociale kaart, tips, cookies, unsubscribe."""

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "waarborg.audiences.site"
    label = "site"
