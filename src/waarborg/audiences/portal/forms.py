"""Portal forms. Only citizens log in here; staff have the back office and the API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy

from waarborg.audiences.portal.texts import REQUEST_TYPES, word
from waarborg.audiences.web.login import LoginForm


class CitizenLoginForm(LoginForm):
    """Citizens only; every failure is audited, and the shared lockout (waarborg.audiences.web.lockout) applies."""

    action = "portal.login"

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if getattr(user, "kind", "") != "citizen" or user.subject_id is None:
            raise forms.ValidationError(STAFF_ONLY_CITIZENS, code="not_a_citizen")


STAFF_ONLY_CITIZENS = gettext_lazy("Dit portaal is voor burgers; medewerkers gebruiken de backoffice.")


def type_choices(available: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    return [(t, word(REQUEST_TYPES, t)) for t in REQUEST_TYPES if t in available]


class PortalRequestForm(forms.Form):
    type = forms.ChoiceField()
    purpose = forms.ChoiceField(required=False)  # what an objection, restriction or withdrawal is about
    details = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=5000)

    def __init__(self, *args: Any, available: Any = (), purposes: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice = self.fields["type"]
        assert isinstance(choice, forms.ChoiceField)
        choice.choices = type_choices(available)
        self.fields["type"].label = gettext("Soort verzoek")
        self.fields["details"].label = gettext("Toelichting")
        about = self.fields["purpose"]
        assert isinstance(about, forms.ChoiceField)
        about.choices = [("", "-"), *purposes]
        about.label = gettext("Over welk doel (optioneel)")
        if not purposes:
            del self.fields["purpose"]


SECURITY_CONCERN = "security_concern"


class ContactForm(PortalRequestForm):
    """The public contact form (S1-24): files a request without an account. It also takes a report that data
    is not well secured or misused (S1-30): that is no request of a data subject but a possible breach."""

    name = forms.CharField(max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    field_order = ["name", "email", "type", "details"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].label = gettext("Naam")
        self.fields["email"].label = gettext("E-mailadres")
        self.fields["details"].label = gettext("Uw verzoek of vraag")
        self.fields["details"].required = True
        choice = self.fields["type"]
        assert isinstance(choice, forms.ChoiceField)
        choice.choices = [*type_choices(kwargs.get("available", ())),
                          (SECURITY_CONCERN, gettext("Beveiliging of misbruik melden (mogelijk datalek)"))]

