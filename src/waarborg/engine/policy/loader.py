"""Read a policy file into a validated `Policy`, or into a list of located problems.

YAML is composed into nodes first so every value keeps its line and column. Shape errors come
from pydantic (their `loc` is mapped back to a node), meaning errors from `rules.py`. All
problems are collected and reported together; a file with any problem loads nothing.

Shape and meaning are reported in one run, so whoever edits a policy fixes everything at once instead
of batch after batch. When the shape is wrong, the entries that failed (the purpose, field, list item...
an error points into) are left out and the rest is validated again, until it validates; the meaning
checks then run on what remains, told what was left out (`LeftOut`) so they do not report the
consequences ("purpose 'x' is not defined" when 'x' was left out for its own error). When no entry can
be left out (`organisation` or `statement` is broken, or a whole required section), only the shape
problems are reported.
"""

from __future__ import annotations

import hashlib
import re
import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError, create_model

from waarborg.engine.policy.schema import Policy

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
        self.problems = sorted(set(problems))
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


MAX_VALUES = 100_000  # far above any real policy (the largest example has about 1,500)


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


def _build(node: yaml.Node, path: Path_, pos: Positions, constructor: yaml.SafeLoader,
           problems: list[Problem]) -> Any:
    # Aliases (*name) reuse a node: a few lines can expand to billions of values ("billion laughs").
    # Every value built counts, so such a file stops with a problem instead of filling the memory.
    if len(pos.values) >= MAX_VALUES:
        raise _TooLarge(node)
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


# libyaml (PyYAML's C loader, in its wheels) gives the same nodes and marks about thirty times faster than the
# pure-Python loader, whose parse was most of the time of loading a policy. But it recurses on the C stack and
# slows down quadratically with depth: 100,000 nested brackets crash it, or take minutes. A policy nests a
# few levels; a text that might nest deeper goes to the pure-Python loader, which stops at Python's recursion
# limit with a clear problem.
_FastLoader: Any = getattr(yaml, "CSafeLoader", None)
_BRACKETS = re.compile(r"[^\[\]{}]+")
_BLOCK_PREFIX = re.compile(r"^[ \t?:-]*", re.MULTILINE)
SHALLOW = 64


def _shallow(text: str) -> bool:
    """True when the text cannot nest deeper than SHALLOW (brackets in strings count too: a safe guess)."""
    depth = deepest = 0
    for char in _BRACKETS.sub("", text):
        depth += 1 if char in "[{" else -1
        deepest = max(deepest, depth)
    if deepest > SHALLOW:
        return False
    return max((len(m) for m in _BLOCK_PREFIX.findall(text)), default=0) <= SHALLOW * 4


def _loader(text: str) -> Any:
    if _FastLoader is None or not _shallow(text):
        return yaml.SafeLoader(text)  # its reader refuses control characters already here
    bad = yaml.reader.Reader.NON_PRINTABLE.search(text)  # the pure reader's check: control characters (NUL...)
    if bad:
        raise yaml.reader.ReaderError("<policy>", bad.start(), ord(bad.group()), "unicode",
                                      "special characters are not allowed")
    return _FastLoader(text)


def parse_yaml(text: str, file: str) -> tuple[Any, Positions, list[Problem]]:
    pos = Positions(file)
    problems: list[Problem] = []
    loader: Any = None
    try:
        loader = _loader(text)
        node = loader.get_single_node()
        if node is None:
            return None, pos, [Problem(file, 1, 1, "the file is empty")]
        data = _build(node, (), pos, loader, problems)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, pos, [Problem(file, line, col, f"YAML syntax: {exc.problem or exc.context}")]
    except yaml.reader.ReaderError as exc:  # a control character (NUL...): a binary file that decoded as UTF-8
        before = text[:exc.position]
        line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        return None, pos, [Problem(file, line, col, f"not a text file: character #x{exc.character:04x} is not "
                                                    "allowed in YAML")]
    except RecursionError:
        return None, pos, [Problem(file, 1, 1, "nested too deeply: a policy nests a few levels, not thousands")]
    except yaml.YAMLError as exc:
        return None, pos, [Problem(file, 1, 1, f"YAML: {exc}")]
    except _TooLarge as exc:
        line, col = _mark(exc.node)
        return None, pos, [Problem(file, line, col, f"more than {MAX_VALUES:,} values (aliases such as *name "
                                                    "expand to copies): a policy is never that large")]
    finally:
        if loader is not None:
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
class LeftOut:
    """What was left out of a policy that failed its shape, so its meaning could still be checked.

    `paths` are paths of the original document; `kept` maps each list that lost items to the original
    indexes of the items that remain, so a path into the checked (reduced) policy can be traced back to
    its line and column. A meaning check that reports something *missing* asks here first whether the
    missing thing may sit in what was left out.
    """

    data: Any = None
    paths: frozenset[Path_] = frozenset()
    kept: dict[Path_, list[int]] = field(default_factory=dict)

    def original(self, path: Path_) -> Path_:
        """The document path of a path into the reduced policy."""
        out: list[str | int] = []
        for part in path:
            prefix = tuple(out)
            if isinstance(part, int) and prefix in self.kept and part < len(self.kept[prefix]):
                part = self.kept[prefix][part]
            out.append(part)
        return tuple(out)

    def may_define(self, section: str, name: str) -> bool:
        """Whether `name` of `section` (a purpose, a category...) may be among what was left out."""
        return (section,) in self.paths or (section, name) in self.paths or name in self._misspelled_names

    def touches(self, path: Path_) -> bool:
        """Whether something at or under `path` (of the reduced policy) was left out."""
        return self.original(path) in self._prefixes

    @cached_property
    def _misspelled_names(self) -> set[str]:
        """The names an unknown top-level key (a misspelled section such as `calender:`) would define."""
        return {name for path in self.paths if len(path) == 1 and path[0] not in Policy.model_fields
                and isinstance(self.data[path[0]], dict) for name in self.data[path[0]]}

    @cached_property
    def _prefixes(self) -> set[Path_]:
        return {path[:depth] for path in self.paths for depth in range(1, len(path) + 1)}

    def values_of(self, key: str) -> list[Any]:
        """Every value written under `key` anywhere in what was left out."""
        return [value for path in self.paths for value in _values_of(_at(self.data, path), key)]


NOTHING_LEFT_OUT = LeftOut()


def _at(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def _values_of(data: Any, key: str) -> Iterator[Any]:
    if isinstance(data, dict):
        for k, value in data.items():
            if k == key:
                yield value
            yield from _values_of(value, key)
    elif isinstance(data, list):
        for item in data:
            yield from _values_of(item, key)


def _options(annotation: Any) -> list[Any]:
    """The types an annotation allows: `Annotated` unwrapped, unions spread out."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _options(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [option for arg in get_args(annotation) for option in _options(arg)]
    return [annotation]


def _child(annotation: Any, part: str | int) -> tuple[Any, bool]:
    """The annotation of `part` under `annotation`, and whether `part` is an item of a mapping or list."""
    for option in _options(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            if part in option.model_fields:
                return option.model_fields[str(part)].annotation, False
        elif get_origin(option) in (dict, Mapping) and isinstance(part, str):
            return get_args(option)[1], True
        elif get_origin(option) is tuple and isinstance(part, int):
            return get_args(option)[0], True
    return None, False


def _entry(path: Path_) -> Path_ | None:
    """The entry to leave out for an error at `path`: the innermost item of a mapping or list
    (a purpose, a field, a history entry...), else an unknown or optional section; None if only a
    required part (organisation, statement, a whole required section) is wrong."""
    annotation: Any = Policy
    entry: Path_ | None = None
    for depth, part in enumerate(path, start=1):
        annotation, item = _child(annotation, part)
        if annotation is None:
            break
        if item:
            entry = path[:depth]
    if entry is None and path and (path[0] not in Policy.model_fields or not Policy.model_fields[str(path[0])].is_required()):
        entry = path[:1]
    return entry


def _without(data: Any, paths: frozenset[Path_], kept: dict[Path_, list[int]], path: Path_ = ()) -> Any:
    """A copy of `data` without `paths`; `kept` records the original indexes of shortened lists."""
    if isinstance(data, dict):
        return {k: _without(v, paths, kept, (*path, k)) for k, v in data.items() if (*path, k) not in paths}
    if isinstance(data, list):
        indexes = [i for i in range(len(data)) if (*path, i) not in paths]
        if len(indexes) < len(data):
            kept[path] = indexes
        return [_without(data[i], paths, kept, (*path, i)) for i in indexes]
    return data


# Leaving entries out may empty a section; that is the loader's doing, not the file's, so the reduced
# policy may have empty sections (a *missing* required section still fails).
_ReducedPolicy = create_model(  # type: ignore[call-overload]
    "ReducedPolicy", __base__=Policy,
    **{name: (info.annotation, ...) for name, info in Policy.model_fields.items()
       if info.is_required() and get_origin(info.annotation) in (dict, Mapping)},
)

# Each round leaves out what failed; one more level of nesting can fail only because its last item
# went (a field, then its record type), so a handful of rounds is plenty.
_MAX_ROUNDS = 8


def _reduce(data: dict[str, Any], exc: ValidationError) -> tuple[Policy, LeftOut] | None:
    """The policy without the entries that fail their shape, and what was left out; None if no such
    policy exists."""
    left_out = NOTHING_LEFT_OUT
    reduced: Any = data
    for _ in range(_MAX_ROUNDS):
        entries = set()
        for error in exc.errors():
            entry = _entry(left_out.original(_document_path(reduced, tuple(error["loc"]))[0]))
            if entry is None:
                return None
            entries.add(entry)
        if entries <= left_out.paths:
            return None
        kept: dict[Path_, list[int]] = {}
        paths = left_out.paths | entries
        reduced = _without(data, paths, kept)
        left_out = LeftOut(data, paths, kept)
        try:
            return _ReducedPolicy.model_validate(reduced), left_out
        except ValidationError as again:
            exc = again
    return None


@dataclass(frozen=True)
class LoadedPolicy:
    policy: Policy
    source: str
    sha256: str
    file: str
    # Valid, but enforcement will refuse what the policy seems to allow (a recipient without the agreement
    # disclosures need): `policy check` and `policy activate` print these, and go on.
    warnings: tuple[Problem, ...] = ()


# The same text loads to the same (deeply immutable) policy: a process that activates a policy and then reads it
# back from the database, or a test suite that activates the same example a thousand times, loads it once.
_LOADED: dict[tuple[str, str], LoadedPolicy] = {}
_LOADED_MAX = 16


def load_text(text: str, file: str = "<policy>") -> LoadedPolicy:
    sha256 = hashlib.sha256(text.encode()).hexdigest()
    loaded = _LOADED.get((sha256, file))
    if loaded is None:
        loaded = _load_text(text, file, sha256)
        if len(_LOADED) >= _LOADED_MAX:
            _LOADED.pop(next(iter(_LOADED)))
        _LOADED[(sha256, file)] = loaded
    return loaded


def _load_text(text: str, file: str, sha256: str) -> LoadedPolicy:
    from waarborg.engine.policy.rules import check_meaning, check_warnings

    data, pos, problems = parse_yaml(text, file)
    if data is None:
        raise PolicyError(problems)
    if not isinstance(data, dict):
        raise PolicyError([*problems, pos.problem((), "a policy is a mapping with organisation, purposes, ...")])
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        problems += _pydantic_problems(exc, data, pos)
        reduced = _reduce(data, exc)
        if reduced is not None:
            problems += check_meaning(*reduced, pos)
        raise PolicyError(problems) from None
    problems += check_meaning(policy, NOTHING_LEFT_OUT, pos)
    if problems:
        raise PolicyError(problems)
    warnings = tuple(sorted(set(check_warnings(policy, pos))))
    return LoadedPolicy(policy, text, sha256, file, warnings)


def load_file(path: str | Path) -> LoadedPolicy:
    file = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise PolicyError([Problem(file, 1, 1, f"cannot read the file: {exc.strerror or exc}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:  # a binary file, or text in another encoding (Latin-1, UTF-16)
        # The file as a whole is the problem (1:1); where reading stopped is in the message.
        before = raw[:exc.start]
        line, col = before.count(b"\n") + 1, exc.start - (before.rfind(b"\n") + 1) + 1
        raise PolicyError([Problem(file, 1, 1, f"not a UTF-8 text file: byte 0x{raw[exc.start]:02x} at line {line}, "
                                               f"column {col} cannot be read (save the policy as UTF-8)")]) from None
    return load_text(text, file)
