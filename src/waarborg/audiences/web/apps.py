"""`audiences.web` as a Django app only for what every page shares: the page skeleton (`waarborg/page.html`), the
error pages, the accessibility statement's template and the static style sheets (docs/design.md)."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "waarborg.audiences.web"
    label = "web"
