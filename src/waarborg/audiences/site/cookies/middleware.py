"""Public pages: record the visit (anonymised at once) and add the cookie banner.

The privacy statement is rendered from the policy alone (the CLI prints the same HTML), so the
banner is added here, at the HTTP edge, to every public HTML page: just before `</body>`.
Neither step may break a page: a failed visit insert is logged and the page is served.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import NoReverseMatch

from waarborg.audiences.web.headers import allow, origin_of
from waarborg.engine.policy.active import NoActivePolicy, current
from waarborg.engine.policy.schema import Policy
from waarborg.modules.statistics.cookies import banner_for
from waarborg.modules.statistics.visits import client_address, visit_record

log = logging.getLogger(__name__)
NOT_PUBLIC = ("/api/", "/admin/", "/static/")
_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


class PublicPagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(NOT_PUBLIC):
            return response
        try:
            policy = current()
        except NoActivePolicy:
            return response
        self.record(request, response, policy)
        self.add_banner(request, response, policy)
        return response

    def record(self, request: HttpRequest, response: HttpResponse, policy: Policy) -> None:
        match = request.resolver_match
        if request.method not in ("GET", "HEAD") or response.status_code >= 400 or match is None:
            return
        user = getattr(request, "user", None)
        username = user.get_username() if user is not None and user.is_authenticated else ""
        try:
            visit_record(policy, page="/" + match.route, address=client_address(request),
                         user_agent=request.headers.get("User-Agent", ""), username=username)
        except DatabaseError:
            log.exception("visit not recorded")

    def add_banner(self, request: HttpRequest, response: HttpResponse, policy: Policy) -> None:
        if (response.streaming or response.status_code != 200 or getattr(response, "cookie_banner", True) is False
                or not response.get("Content-Type", "").startswith("text/html")):
            return
        banner = banner_for(policy, request)
        if not banner.needed:
            return
        try:
            html = render_to_string("statistics/banner.html", {"banner": banner, "next": request.get_full_path()})
        except NoReverseMatch:  # a site without the cookie page (/cookies/) has nowhere to post a choice
            return
        # The scripts of the social buttons the visitor accepted: this answer's policy allows their origins.
        allow(response, script_src=[origin_of(src) for src in banner.scripts])
        content = response.content
        ends = list(_BODY_END.finditer(content))
        if not ends:
            return
        at = ends[-1].start()
        response.content = content[:at] + html.encode(response.charset or "utf-8") + content[at:]
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
