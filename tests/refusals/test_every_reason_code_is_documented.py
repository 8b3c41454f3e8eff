"""docs/api.md lists every reason code the API answers a refusal with: the codes are found in the code itself
(the refusal calls and the disclosure rules), so a new one without a line in the table fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFUSING = re.compile(r"Refusal|Refused|(.*_)?refus(e|ed|al)")  # refused(), refuse(), separation_refusal()...
CODE = re.compile(r"[a-z]+(_[a-z]+)*")
# Action names that refusal helpers take next to the reason (`refuse(actor, "write", ...)`); not reasons.
ACTIONS = {"read", "write", "export", "decide", "disclose", "delete", "assign", "disclosure", "message", "payout",
           "share"}


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level `NAME = "text"`: a reason given by name (`reason=SEPARATION`)."""
    return {target.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
            for target in node.targets if isinstance(target, ast.Name)}


def _strings(node: ast.AST | None, constants: dict[str, str]) -> set[str]:
    """A literal string, a module constant, or either branch of `"a" if ... else "b"`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Name) and node.id in constants:
        return {constants[node.id]}
    if isinstance(node, ast.IfExp):
        return _strings(node.body, constants) | _strings(node.orelse, constants)
    return set()


def _codes_in(tree: ast.Module) -> set[str]:
    constants, found = _constants(tree), set()
    for node in ast.walk(tree):
        name = ""
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None) or ""
        if name and REFUSING.fullmatch(name):
            assert isinstance(node, ast.Call)
            if any((isinstance(part, ast.Call) and getattr(part.func, "id", "") == "Refusal")
                   or (isinstance(part, ast.Name) and part.id.endswith("refusal"))
                   for arg in node.args for part in ast.walk(arg)):
                continue  # `refuse(actor, action, purpose, Refusal(reason, ...))`: the reason is the Refusal's
            for value in [*node.args, *(k.value for k in node.keywords if k.arg == "reason")]:
                found |= {s for s in _strings(value, constants) if CODE.fullmatch(s)}
        # a helper's default reason: `def separation_refusal(..., reason: str = SEPARATION)`
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and REFUSING.fullmatch(node.name):
            named = node.args.args[-len(node.args.defaults):] if node.args.defaults else []
            for arg, default in [*zip(named, node.args.defaults, strict=True),
                                 *zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True)]:
                if arg.arg == "reason":
                    found |= _strings(default, constants)
        # the disclosure rules answer (reason, detail) pairs: a code, then a sentence (not two names)
        if isinstance(node, ast.Return) and node.value is not None:
            for pair in ast.walk(node.value):
                if (isinstance(pair, ast.Tuple) and len(pair.elts) == 2 and isinstance(pair.elts[0], ast.Constant)
                        and isinstance(pair.elts[0].value, str) and re.fullmatch(r"[a-z]+_[a-z_]+", pair.elts[0].value)
                        and not (isinstance(pair.elts[1], ast.Constant) and CODE.fullmatch(str(pair.elts[1].value)))):
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
