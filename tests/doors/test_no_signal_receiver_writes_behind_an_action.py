"""No signal receiver writes behind an action's back (issue 18, STYLE "One action layer is the only writer").

What creating a record sets going (a restarted clock, a notice due, a citizen account) is called by
`record_create` itself. So src/ holds no receiver of a model signal (`post_save`, `pre_save`, `m2m_changed`,
`post_delete`...) or of any other Django signal, except the ones listed in ALLOWED, each with the reason it
writes nothing. Sending a signal (`user_login_failed.send` for the lockout) is not receiving one.
"""

from __future__ import annotations

import ast

from tests.doors.source import imported_names, modules

# (module, signal) -> why this receiver writes nothing. Keep it short; an entry needs a reason a reviewer accepts.
ALLOWED: dict[tuple[str, str], str] = {}

SIGNAL_MODULES = ("django.db.models.signals", "django.core.signals", "django.contrib.auth.signals",
                  "django.db.backends.signals", "django.test.signals", "django.dispatch")


def receivers(tree: ast.AST) -> list[tuple[str, int]]:
    """(signal, line) for each receiver this source connects: `signal.connect(...)` on a name imported from
    Django's signal modules (or any `.connect` naming a `sender=`/`dispatch_uid=`), and `@receiver(signal)`."""
    signals = {name for module, name, _ in imported_names(tree)
               if module in SIGNAL_MODULES or module.endswith(".signals")}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect":
            target = node.func.value
            name = target.id if isinstance(target, ast.Name) else target.attr if isinstance(target, ast.Attribute) else ""
            if name in signals or any(k.arg in ("sender", "dispatch_uid") for k in node.keywords):
                found.append((name or ast.unparse(target), node.lineno))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                call = decorator.func if isinstance(decorator, ast.Call) else decorator
                if (isinstance(call, ast.Name) and call.id == "receiver") or (
                        isinstance(call, ast.Attribute) and call.attr == "receiver"):
                    args = decorator.args if isinstance(decorator, ast.Call) else []
                    found.append((ast.unparse(args[0]) if args else "?", node.lineno))
    return found


def test_the_scanner_finds_the_receivers_the_old_apps_had() -> None:
    # given the wiring retention, consent and the portal had before issue 18 (and a decorated receiver)
    old = '''
def ready(self):
    from django.db.models.signals import post_save
    post_save.connect(restart_siblings, sender=Record, dispatch_uid="retention.restart_siblings")

from django.dispatch import receiver
from django.db.models import signals

@receiver(signals.m2m_changed, sender=Thing)
def on_change(sender, **kwargs): ...
'''
    # then the scanner names each of them
    assert sorted(signal for signal, _ in receivers(ast.parse(old))) == ["post_save", "signals.m2m_changed"]
    # and sending a signal, or connecting to a database, is no receiver
    assert receivers(ast.parse("from django.contrib.auth.signals import user_login_failed\n"
                               "user_login_failed.send(sender=__name__)\nsqlite3.connect(path)\n")) == []


def test_no_module_in_src_receives_a_signal_except_the_allowed_ones() -> None:
    found = {(module.name, signal): f"{module.rel}:{line}"
             for module in modules() for signal, line in receivers(module.tree)}
    unexpected = {key: where for key, where in found.items() if key not in ALLOWED}
    assert unexpected == {}, ("a signal receiver writes behind an action's back: call it from the action instead, "
                              f"or list it in ALLOWED with why it writes nothing: {unexpected}")
    assert set(ALLOWED) <= set(found), "ALLOWED names a receiver that is gone: remove it from the list"
