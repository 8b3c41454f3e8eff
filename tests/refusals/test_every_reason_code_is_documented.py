"""docs/api.md lists every reason code the API answers a refusal with: the codes are found in the code itself
(the refusal calls and the disclosure rules), so a new one without a line in the table fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFUSING = {"Refusal", "Refused", "refused", "refuse", "_refuse"}
CODE = re.compile(r"[a-z]+(_[a-z]+)*")
# Action names that refusal helpers take next to the reason (`refuse(actor, "write", ...)`); not reasons.
ACTIONS = {"read", "write", "export", "decide", "disclose", "delete", "assign", "disclosure", "message", "payout",
           "share"}


def _strings(node: ast.AST) -> set[str]:
    """A literal string argument, or either branch of `"a" if ... else "b"`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body) | _strings(node.orelse)
    return set()


def _codes_in(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in REFUSING:
            for value in [*node.args, *(k.value for k in node.keywords if k.arg == "reason")]:
                found |= {s for s in _strings(value) if CODE.fullmatch(s)}
        # the disclosure rules answer (reason, detail) pairs
        if isinstance(node, ast.Return) and node.value is not None:
            for pair in ast.walk(node.value):
                if (isinstance(pair, ast.Tuple) and len(pair.elts) == 2 and isinstance(pair.elts[0], ast.Constant)
                        and isinstance(pair.elts[0].value, str) and re.fullmatch(r"[a-z]+_[a-z_]+", pair.elts[0].value)):
                    found.add(pair.elts[0].value)
    return found


def test_every_reason_code_in_the_code_has_a_line_in_docs_api_md() -> None:
    codes: set[str] = set()
    for path in (ROOT / "src" / "waarborg").rglob("*.py"):
        codes |= _codes_in(ast.parse(path.read_text(encoding="utf-8")))
    codes -= ACTIONS
    table = (ROOT / "docs" / "api.md").read_text(encoding="utf-8").split("## Reason codes", 1)[1]
    documented = set(re.findall(r"`([a-z_]+)`", "\n".join(line.split("|")[1] for line in table.splitlines()
                                                         if line.startswith("| `"))))
    assert {"restricted", "reason_not_allowed", "no_agreement", "unknown_purpose"} <= codes
    assert codes <= documented, sorted(codes - documented)
