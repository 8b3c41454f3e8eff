"""The citizen portal's pages, templates and static files."""

from django.apps import AppConfig


class PortalPagesConfig(AppConfig):
    name = "waarborg.audiences.portal"
    label = "portal_pages"
