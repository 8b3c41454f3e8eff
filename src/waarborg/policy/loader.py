"""Read a policy file into a validated `Policy`, or into a list of located problems.

YAML is composed into nodes first so every value keeps its line and column. Shape errors come
from pydantic (their `loc` is mapped back to a node), meaning errors from `rules.py`. All
problems are collected and reported together; a file with any problem loads nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from waarborg.policy.schema import Policy

Path_ = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class PolicyError(Exception):
    """The policy file has problems; `problems` lists each with its location."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Positions:
    """Where each path of the document starts (1-based line and column)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}

    def at(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))

    def problem(self, path: Path_, message: str, *, key: bool = False) -> Problem:
        line, column = self.at(path, key=key)
        return Problem(self.file, line, column, message)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(node: yaml.Node, path: Path_, pos: Positions, constructor: yaml.SafeLoader,
           problems: list[Problem]) -> Any:
    pos.values[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node, deep=True)
            if isinstance(key, (int, float, bool)) or key is None:
                key = str(key)
            child = (*path, key)
            if key in result:
                line, col = _mark(key_node)
                problems.append(Problem(pos.file, line, col, f"duplicate key {key!r}"))
                continue
            pos.keys[child] = _mark(key_node)
            result[key] = _build(value_node, child, pos, constructor, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), pos, constructor, problems) for i, item in enumerate(node.value)]
    return constructor.construct_object(node, deep=True)


def parse_yaml(text: str, file: str) -> tuple[Any, Positions, list[Problem]]:
    pos = Positions(file)
    problems: list[Problem] = []
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, pos, [Problem(file, 1, 1, "the file is empty")]
        data = _build(node, (), pos, loader, problems)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, pos, [Problem(file, line, col, f"YAML syntax: {exc.problem or exc.context}")]
    finally:
        loader.dispose()
    return data, pos, problems


def _document_path(data: Any, loc: tuple[Any, ...]) -> tuple[Path_, Any]:
    """Map pydantic's loc onto the document; union branch names (not in the data) are skipped."""
    path: list[str | int] = []
    current = data
    last: Any = None
    for part in loc:
        if (isinstance(current, dict) and part in current) or (isinstance(current, list) and isinstance(part, int) and part < len(current)):
            path.append(part)
            current = current[part]
        elif isinstance(part, str) and re.fullmatch(r"[a-z][a-z0-9_]*", part):
            last = part  # a key that is not in the document (missing or extra)
    return tuple(path), last


def _pydantic_problems(exc: ValidationError, data: Any, pos: Positions) -> list[Problem]:
    problems = []
    for error in exc.errors():
        path, absent = _document_path(data, tuple(error["loc"]))
        kind = error["type"]
        where = ".".join(str(p) for p in path) or "(top)"
        if kind == "extra_forbidden":
            problems.append(pos.problem(path, f"{where}: unknown key {path[-1]!r}", key=True))
        elif kind == "missing":
            name = absent or "?"
            problems.append(pos.problem(path, f"{where}: required key {name!r} is missing"))
        else:
            message = error["msg"].removeprefix("Value error, ")
            problems.append(pos.problem(path, f"{where}: {message}"))
    # A union reports each branch; keep one message per location.
    unique: dict[tuple[int, int, str], Problem] = {}
    for problem in problems:
        unique.setdefault((problem.line, problem.column, problem.message), problem)
    return list(unique.values())


@dataclass(frozen=True)
class LoadedPolicy:
    policy: Policy
    source: str
    sha256: str
    file: str


def load_text(text: str, file: str = "<policy>") -> LoadedPolicy:
    from waarborg.policy.rules import check_meaning

    data, pos, problems = parse_yaml(text, file)
    if data is None:
        raise PolicyError(problems)
    if not isinstance(data, dict):
        raise PolicyError([*problems, pos.problem((), "a policy is a mapping with organisation, purposes, ...")])
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        raise PolicyError(problems + _pydantic_problems(exc, data, pos)) from None
    problems += check_meaning(policy, pos)
    if problems:
        raise PolicyError(problems)
    return LoadedPolicy(policy, text, hashlib.sha256(text.encode()).hexdigest(), file)


def load_file(path: str | Path) -> LoadedPolicy:
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError([Problem(file, 1, 1, f"cannot read the file: {exc}")]) from None
    return load_text(text, file)
