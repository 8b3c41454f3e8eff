"""Views and pages never write (issue 18 item 4, STYLE "One action layer is the only writer").

Every module that answers HTTP with a view or a page (API views, the back office, the portal, the public
pages; not the middleware of the web audience, nor the command line) hands writes to a
domain function: an action, or a read that puts itself on record (`vault.reads`, `retention.reading`,
`breaches.reading`...). Checked on the source: no ORM write method is called there (`.save()`, `.create()`,
`.update()`, `.delete()`, `bulk_*`, `get_or_create`...), no password is set, and nothing is appended to the
audit log directly (`waarborg.engine.audit.log`'s `append`/`append_many`/`Entry` are not even imported).
"""

from __future__ import annotations

import ast

from tests.doors.source import Module, imported_names, modules

WRITES = frozenset({"save", "create", "update", "delete", "bulk_create", "bulk_update", "get_or_create",
                    "update_or_create", "set_password", "set_unusable_password"})
AUDIT_WRITERS = frozenset({"append", "append_many", "Entry"})
# Every module of these audiences is a view or page (or its form, serializer, text or tag). Not here: the web
# plumbing (`audiences/web`: middleware, the login form that records logins through an action) and the CLI.
HTTP_WINGS = ("audiences/api/", "audiences/site/", "audiences/portal/", "audiences/backoffice/")
# (module path, line) -> why this call is no write. Keep it empty unless a reviewer agrees.
ALLOWED: dict[tuple[str, int], str] = {}


def is_http(module: Module) -> bool:
    rel = module.rel
    if "migrations" in rel or rel.endswith(("/apps.py", "/models.py", "/__init__.py")):
        return False
    return rel.startswith(HTTP_WINGS)


def writes(tree: ast.AST) -> list[tuple[str, int]]:
    """(what, line) for every ORM write call and every direct audit append in this source."""
    found = [(f"import {name} from waarborg.engine.audit.log", line) for module, name, line in imported_names(tree)
             if module == "waarborg.engine.audit.log" and name in AUDIT_WRITERS]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES:
            found.append((f"{ast.unparse(node.func.value)[:40]}.{node.func.attr}()", node.lineno))
    return found


def test_the_scanner_finds_the_writes_views_had() -> None:
    old = '''
from waarborg.engine.audit.log import Entry, append

def form_valid(self, form):
    with transaction.atomic():
        response = super().form_valid(form)
        append(Entry(action="account.password_set", actor=form.user))
    form.user.set_password("x")
    Delivery.objects.create(request=req)
    Record.objects.filter(pk=pk).update(plain={})
    return response
'''
    assert sorted(what for what, _ in writes(ast.parse(old))) == [
        "Delivery.objects.create()", "Record.objects.filter(pk=pk).update()", "form.user.set_password()",
        "import Entry from waarborg.engine.audit.log", "import append from waarborg.engine.audit.log"]
    assert writes(ast.parse("rows.append(row)\nactions.request_read(user, req)\n")) == []


def test_the_scan_covers_the_views_and_pages_and_no_domain_module() -> None:
    http = [m for m in modules() if is_http(m)]
    # every view and page module (about thirty when this was written), wherever the layers put them
    assert len(http) >= 30
    assert {"views_export", "views_account", "views_holds", "pages", "pickup", "admin"} <= {m.path.stem for m in http}
    assert not [m.rel for m in http if m.path.stem in ("accounts", "actions", "reads", "models")]


def test_no_view_or_page_writes() -> None:
    found = {f"{m.rel}:{line}": what for m in modules() if is_http(m) for what, line in writes(m.tree)
             if (m.rel, line) not in ALLOWED}
    assert found == {}, f"a view or page writes: move it into an action of its domain: {found}"
