"""Secure mail in the browser (S3-41): ask for an access code, then write a message with an attachment.

The pages call the same actions as the API (`codes.code_request`, `messages.secure_message_send`), so
they refuse exactly what the API refuses: the same field limits (read from the API's serializers), the
same virus scan, rate limit and code checks, and the same body limit (the API's 413). A refusal is
shown in the form, in the reader's language (an action's own refusal: Dutch first, as the API words it), next
to everything the person typed; only the file input is empty.

Nothing personal goes into a URL, the session or a log: the address travels from the first step to
the second inside the form, and the confirmation is the answer to the POST itself.

A message above the body limit reaches its page (`refuses_large_bodies_itself`), which reads only the
fields before the file, never the file: the file input is the form's last field, so that is all that
was typed. The rest of the body is left unread; waitress has the whole body before the page runs.

There is no page for reading secure mail: the API lets only staff read a message (GET
secure-mail/messages/{id}, role and purpose checked); nothing is sent *to* a resident this way.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from waarborg.audiences.api.securemail.views import SecureCodeIn, SecureMessageIn
from waarborg.audiences.site.securemail.texts import ERRORS, LABELS, size_words
from waarborg.audiences.web.bodies import body_too_large, refuses_large_bodies_itself
from waarborg.core.errors import Invalid, Refused, TooMany
from waarborg.engine.policy.active import current
from waarborg.engine.vault.access import ensure_logged
from waarborg.modules.securemail import codes, messages


def _limits(*serializers: Any) -> dict[str, int]:
    return {name: int(field.max_length) for serializer in serializers for name, field in serializer().fields.items()
            if getattr(field, "max_length", None)}


# The API's own limits, so the page never accepts what the API would refuse (both agree on name and email).
LIMITS = _limits(SecureCodeIn, SecureMessageIn)


def _text(name: str, *, required: bool = True, **attrs: str) -> forms.CharField:
    widget: forms.Widget = forms.TextInput(attrs=attrs)
    if name == "email":
        widget = forms.EmailInput(attrs=attrs)
    elif name == "message":
        widget = forms.Textarea(attrs={"rows": 8, **attrs})
    return forms.CharField(max_length=LIMITS[name], required=required, widget=widget,
                           error_messages={"required": ERRORS[f"{name}_required"], "max_length": ERRORS["max_length"]})


class _Labelled(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.label = str(LABELS[name])

    def refuse(self, errors: dict[str, list[str]]) -> None:
        """Show an action's field errors at their fields (anything else above the form)."""
        for name, problems in errors.items():
            for problem in problems:
                self.add_error(name if name in self.fields else None, problem)


class CodeForm(_Labelled):
    name = _text("name", required=False, autocomplete="name")  # the API asks for it only with the message
    email = _text("email", autocomplete="email")


class MessageForm(_Labelled):
    # The file input comes last: a page too large to read whole still has everything typed before it.
    name = _text("name", autocomplete="name")
    email = _text("email", autocomplete="email")
    code = _text("code", autocomplete="one-time-code", inputmode="numeric")
    message = _text("message")
    attachment = forms.FileField(required=False, allow_empty_file=False,
                                 error_messages={"empty": ERRORS["attachment_empty"],
                                                 "invalid": ERRORS["attachment_invalid"],
                                                 "missing": ERRORS["attachment_invalid"]})


def _context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    policy = current()
    if not messages.offered(policy):
        raise Http404("secure mail is not part of this policy")
    return {"organisation": policy.organisation,
            "about": policy.purposes[codes.purpose_for(policy=policy)].description.get(get_language()),
            "limit": size_words(settings.DATA_UPLOAD_MAX_MEMORY_SIZE), **extra}


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """Step one: name and address; the code goes to that mailbox, and the message form follows."""
    ctx = _context(request)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                codes.code_request(name=form.cleaned_data["name"], email=form.cleaned_data["email"])
            except Invalid as exc:
                form.refuse(exc.errors)
            except TooMany:
                form.add_error("email", ERRORS["throttled"])
                status = 429
            else:
                write_form = MessageForm(initial=form.cleaned_data)
                return render(request, "securemail/write.html", {**ctx, "form": write_form, "code_sent": True})
    return render(request, "securemail/start.html", {**ctx, "form": form}, status=status)


class _TypedFieldsOnly(FileUploadHandler):
    """For a body above the limit: keep the fields before the first file and stop there, reading no file."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        raise StopUpload(connection_reset=True)  # leaves the rest of the body unread

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        return None

    def file_complete(self, file_size: int) -> None:
        return None


@refuses_large_bodies_itself
@csrf_exempt  # checked in `_write`, once the upload handlers are chosen (CSRF reads the body)
@require_http_methods(["GET", "POST"])
def write(request: HttpRequest) -> HttpResponse:
    """Step two: the code from the mail, the message and an optional attachment."""
    if request.method == "POST" and body_too_large(request):
        request.upload_handlers = [_TypedFieldsOnly(request)]
    return _write(request)


@csrf_protect
def _write(request: HttpRequest) -> HttpResponse:
    ctx = _context(request)
    if request.method == "GET":
        return render(request, "securemail/write.html", {**ctx, "form": MessageForm()})
    form = MessageForm(request.POST, request.FILES)
    if body_too_large(request):  # the API's 413, in words, with the text kept
        form.is_valid()
        form.add_error("attachment", ERRORS["too_large"] % {"limit": ctx["limit"]})
        return render(request, "securemail/write.html", {**ctx, "form": form}, status=413)
    if not form.is_valid():
        return render(request, "securemail/write.html", {**ctx, "form": form}, status=422)
    data = form.cleaned_data
    upload = data.get("attachment")
    attachment = None
    if upload is not None:
        attachment = messages.Upload(filename=upload.name, content_type=upload.content_type or "", data=upload.read())
    try:
        sent = messages.secure_message_send(name=data["name"], email=data["email"], code=data["code"],
                                            message=data["message"], attachment=attachment)
    except Invalid as exc:  # e.g. a virus in the attachment; the code is not spent
        form.refuse(exc.errors)
        return render(request, "securemail/write.html", {**ctx, "form": form}, status=422)
    except Refused as exc:  # a wrong, expired or used code; audited by `code_redeem`
        ensure_logged(exc)
        form.add_error("code", str(exc.detail))
        return render(request, "securemail/write.html", {**ctx, "form": form}, status=403)
    return render(request, "securemail/sent.html", {**ctx, "reference": sent.pk, "received_at": sent.received_at,
                                                    "attachment": upload.name if upload is not None else ""})
