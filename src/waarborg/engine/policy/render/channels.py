"""The ways people reach the organisation (channels), in words: as a noun ("telefoon"), as what one does to file
a request ("bellen") and as where to go ("bel 0570 61 20 00"). Used by the statement, the portal and the back office.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import pgettext_lazy

CHANNELS: dict[str, Any] = {
    "website": pgettext_lazy("channel", "de website"),
    "portal": pgettext_lazy("channel", "het portaal (Mijn omgeving)"),
    "email": pgettext_lazy("channel", "e-mail"),
    "chat": pgettext_lazy("channel", "chat"),
    "phone": pgettext_lazy("channel", "telefoon"),
    "post": pgettext_lazy("channel", "post"),
    "in_person": pgettext_lazy("channel", "langskomen"),
    "intermediary": pgettext_lazy("channel", "een tussenpersoon"),
    "contact_form": pgettext_lazy("channel", "het reactieformulier op de contactpagina"),
    "api": pgettext_lazy("channel", "een koppeling"),
}

# A channel as what one can do to file a request, after "U kunt" ("bellen, een brief sturen of langskomen").
CHANNEL_WAYS: dict[str, Any] = {
    "website": pgettext_lazy("way to file a request", "de website gebruiken"),
    "portal": pgettext_lazy("way to file a request", "het portaal (Mijn omgeving) gebruiken"),
    "email": pgettext_lazy("way to file a request", "mailen"),
    "chat": pgettext_lazy("way to file a request", "chatten"),
    "phone": pgettext_lazy("way to file a request", "bellen"),
    "post": pgettext_lazy("way to file a request", "een brief sturen"),
    "in_person": pgettext_lazy("way to file a request", "langskomen"),
    "intermediary": pgettext_lazy("way to file a request", "een tussenpersoon vragen"),
    "contact_form": pgettext_lazy("way to file a request", "het reactieformulier op de contactpagina invullen"),
    "api": pgettext_lazy("way to file a request", "een koppeling gebruiken"),
}

# Where to reach us through a channel, with its detail (the number, address) and without one.
CHANNEL_REACH: dict[str, tuple[Any, Any]] = {
    "phone": (pgettext_lazy("where to file a request", "bel %(to)s"), pgettext_lazy("where to file a request", "bel ons")),
    "email": (pgettext_lazy("where to file a request", "mail naar %(to)s"),
              pgettext_lazy("where to file a request", "mail ons")),
    "post": (pgettext_lazy("where to file a request", "schrijf naar %(to)s"),
             pgettext_lazy("where to file a request", "stuur ons een brief")),
    "in_person": (pgettext_lazy("where to file a request", "kom langs op %(to)s"),
                  pgettext_lazy("where to file a request", "kom langs")),
}
