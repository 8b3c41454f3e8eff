"""The back office in the Django admin: staff browse subjects and records, never around the vault.

The admin must not become a side door (issue 3, S4-07/S4-11): it is read-only for everyone
(no add, change or delete: corrections go through `record_update`), lists only what the staff
member's roles may read (need-to-know purposes only for assigned subjects), never shows sealed
values, BSN hashes or record data in lists, and opens a record's data only through
`vault.actions.record_read`, which checks the gates and writes the audit entry.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from waarborg.audiences.web.login import AdminLoginForm
from waarborg.core.errors import Refused
from waarborg.engine.accounts.sso import password_login_allowed
from waarborg.engine.keyring.crypto import KeyDestroyed
from waarborg.engine.policy.active import active
from waarborg.engine.records.actions import field_classes, record_read
from waarborg.engine.vault.access import ensure_logged
from waarborg.engine.vault.authorisation import assigned_subjects, needs_assignment
from waarborg.engine.vault.models import Record, Subject
from waarborg.engine.vault.reads import record_browse

# The admin's login is audited and locked out like every other door (waarborg.audiences.web.lockout); after it,
# a staff member who needs a second factor enters it on the back office's code page before any admin page opens
# (waarborg.audiences.web.twofactor).
admin.site.login_form = AdminLoginForm
_admin_login = admin.site.login


def _login(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
    """With staff passwords switched off, the admin's password form could only refuse: the back office's login
    page offers the organisation's sign-in instead, and leads back to the admin. (A password posted anyway is
    still refused and on record, by the form.)"""
    if request.method == "GET" and not password_login_allowed() and not request.user.is_authenticated:
        target = request.GET.get("next") or reverse("admin:index")
        return HttpResponseRedirect(f"{reverse('backoffice:login')}?next={quote(target)}")
    return _admin_login(request, extra_context)


admin.site.login = _login  # type: ignore[method-assign]
# Second-factor devices are no one's to browse or edit in the admin (their secrets would let anyone make codes):
# their owner enrols, an operator resets (`waarborg staff 2fa-reset`).
for _device in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device):
        admin.site.unregister(_device)


def _may_browse(user: Any) -> bool:
    return bool(user.is_active and user.is_staff and getattr(user, "kind", "") == "staff"
                and user.confidentiality_signed_at and active().policy.granted_purposes(user, "read"))


def _visible(user: Any) -> Q:
    """Records the user's roles may read; on need-to-know purposes only of assigned subjects."""
    policy = active().policy
    visible = Q(pk__in=[])
    for purpose in policy.granted_purposes(user, "read"):
        if needs_assignment(policy, user, "read", purpose):
            visible |= Q(purpose=purpose, subject_id__in=assigned_subjects(user, purpose))
        else:
            visible |= Q(purpose=purpose)
    return visible


class ReadOnly(admin.ModelAdmin):
    actions = None

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _may_browse(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _may_browse(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Record)
class RecordAdmin(ReadOnly):
    list_display = ("id", "type", "purpose", "subject_id", "collected_at", "expires_at", "source_kind", "channel")
    list_filter = ("purpose", "type")
    fields = ("id", "type", "purpose", "subject", "collected_at", "expires_at", "source_kind", "channel")
    ordering = ("-collected_at",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Record]:
        return super().get_queryset(request).filter(_visible(request.user))

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        if _may_browse(request.user):
            # Which records exist is itself personal data: browsing the list is logged too.
            record_browse(request.user, filters=[k for k in request.GET if k != "p"])
        return super().changelist_view(request, extra_context)

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "",
                    extra_context: dict[str, Any] | None = None) -> HttpResponse:
        if not _may_browse(request.user):
            raise PermissionDenied
        record = Record.objects.select_related("subject").filter(pk=object_id).first()
        if record is None:
            raise Http404("record")
        try:
            data = record_read(request.user, record, record.purpose)
        except Refused as exc:
            ensure_logged(exc)
            raise PermissionDenied(exc.reason) from None
        except KeyDestroyed:
            data = None
        policy = active().policy
        classes = field_classes(policy, record.type) if record.type in policy.record_types else {}
        rows = [(name, classes.get(name, {}), value) for name, value in (data or {}).items()]
        group = record.group or getattr(record.subject, "group", "")
        context = {**self.admin_site.each_context(request), "opts": self.opts, "record": record,
                   "group_label": policy.group_label(group, get_language() or "nl") if policy.subject_groups else "",
                   "rows": rows, "shredded": data is None, "title": str(record), **(extra_context or {})}
        return TemplateResponse(request, "backoffice/record.html", context)


@admin.register(Subject)
class SubjectAdmin(ReadOnly):
    list_display = ("id", "group_words", "created_at", "erased_at")
    fields = ("id", "group_words", "created_at", "erased_at")
    readonly_fields = ("group_words",)
    ordering = ("-created_at",)

    @admin.display(description=_("Groep"))
    def group_words(self, subject: Subject) -> str:
        """The subject's group in words (Cliënten), never its key; "-" where the policy has no groups."""
        policy = active().policy
        return policy.group_label(subject.group, get_language() or "nl") if policy.subject_groups else "-"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Subject]:
        mine = Record.objects.filter(_visible(request.user)).values("subject_id")
        return super().get_queryset(request).filter(pk__in=mine)
