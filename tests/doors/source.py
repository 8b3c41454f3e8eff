"""Reading our own source for the door tests: every module of the product, parsed once.

Paths are found, not listed, so the tests keep working when modules move between folders."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "waarborg"


@dataclass(frozen=True)
class Module:
    path: Path
    tree: ast.Module

    @property
    def name(self) -> str:
        """The dotted module name (waarborg.engine.records.actions)."""
        parts = self.path.relative_to(SRC.parent).with_suffix("").parts
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    @property
    def rel(self) -> str:
        """The path from src/waarborg, with forward slashes (vault/actions.py)."""
        return self.path.relative_to(SRC).as_posix()


@cache
def modules() -> tuple[Module, ...]:
    return tuple(Module(path, ast.parse(path.read_text(), filename=str(path)))
                 for path in sorted(SRC.rglob("*.py")) if "migrations" not in path.parts)


def imported_names(tree: ast.AST) -> Iterator[tuple[str, str, int]]:
    """(module, name, line) for every `from module import name` and `import module` (name "")."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                yield node.module, alias.name, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, "", node.lineno
