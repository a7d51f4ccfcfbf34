"""Gold annotation files: their Pydantic models, loading, validation and quote location.

A gold file states by hand what a correct extraction of one document contains (see
docs/gold-format.md). Loading validates the YAML against the models below, then locates every
quote in the document's text with white space ignored on both sides. Every problem is reported
as a ``GoldError`` (PP200) naming the file and the entry.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import GoldError
from ..records import Bound, Role, Span

GOLD_SUFFIX = ".gold.yaml"

Value = float | tuple[float, float]
"""A target's value: one number, or ``(low, high)`` for a range."""


class GoldModel(BaseModel):
    """Base of the gold models: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _number(v: Any, what: str) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise ValueError(f"{what} must be a number, got {v!r}")
    return float(v)


def _text(v: Any, what: str) -> str:
    if not isinstance(v, str) or not squash(v):
        raise ValueError(f"{what} must be a non-empty string, got {v!r}")
    return v


class GoldUnit(GoldModel):
    """One unit of a responsibility block."""

    name: str
    role: Role

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, v: Any) -> str:
        return _text(v, "name")


class GoldBlock(GoldModel):
    """A responsibility block: its quote and the units it names, in order."""

    quote: str
    nth: int = Field(default=1, ge=1, strict=True)
    units: list[GoldUnit] = Field(min_length=1)

    @field_validator("quote", mode="before")
    @classmethod
    def _quote(cls, v: Any) -> str:
        return _text(v, "quote")


class GoldTarget(GoldModel):
    """A quantitative target."""

    quote: str
    nth: int = Field(default=1, ge=1, strict=True)
    indicator: str
    value: Value
    unit: str | None
    bound: Bound
    deadline: int | None

    @field_validator("quote", "indicator", mode="before")
    @classmethod
    def _strings(cls, v: Any) -> str:
        return _text(v, "the field")

    @field_validator("unit", mode="before")
    @classmethod
    def _unit(cls, v: Any) -> str | None:
        return None if v is None else _text(v, "unit")

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, v: Any) -> Value:
        if isinstance(v, list | tuple):
            if len(v) != 2:
                raise ValueError(f"a range must be [low, high], got {v!r}")
            low, high = _number(v[0], "low"), _number(v[1], "high")
            if low > high:
                raise ValueError(f"range low {v[0]} is above high {v[1]}")
            return (low, high)
        return _number(v, "value")

    @field_validator("deadline", mode="before")
    @classmethod
    def _deadline(cls, v: Any) -> int | None:
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, int) or not 1900 <= v <= 2200:
            raise ValueError(f"deadline must be a year (1900..2200) or null, got {v!r}")
        return v


class GoldFile(GoldModel):
    """One gold file: the document it annotates, its blocks and its targets."""

    document: str
    version: Literal[1]
    responsibilities: list[GoldBlock] = Field(default_factory=list)
    targets: list[GoldTarget] = Field(default_factory=list)

    @field_validator("document", mode="before")
    @classmethod
    def _document(cls, v: Any) -> str:
        return _text(v, "document")

    @field_validator("responsibilities", "targets", mode="before")
    @classmethod
    def _lists(cls, v: Any) -> Any:
        return [] if v is None else v


# --- locating quotes -----------------------------------------------------------------------


def squash(s: str) -> str:
    """``s`` without white space."""
    return "".join(c for c in s if not c.isspace())


class Squashed:
    """A text with its white space removed, mapping offsets back to the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = [i for i, c in enumerate(text) if not c.isspace()]
        self.squashed = "".join(text[i] for i in self.pos)

    def count(self, quote: str) -> int:
        """How many places ``quote`` starts at (white space ignored)."""
        q = squash(quote)
        n, i = 0, self.squashed.find(q)
        while q and i >= 0:
            n += 1
            i = self.squashed.find(q, i + 1)
        return n

    def locate(self, quote: str, nth: int = 1) -> Span | None:
        """The span of the ``nth`` occurrence of ``quote``, or None."""
        q = squash(quote)
        if not q:
            return None
        i = -1
        for _ in range(nth):
            i = self.squashed.find(q, i + 1)
            if i < 0:
                return None
        return Span(start=self.pos[i], end=self.pos[i + len(q) - 1] + 1)


# --- located gold --------------------------------------------------------------------------


@dataclass(frozen=True)
class LocatedBlock:
    """A gold block with the span its quote occupies in the document."""

    index: int
    entry: GoldBlock
    span: Span


@dataclass(frozen=True)
class LocatedTarget:
    """A gold target with the span its quote occupies in the document."""

    index: int
    entry: GoldTarget
    span: Span


@dataclass(frozen=True)
class Gold:
    """A validated gold file with every quote located in its document's text."""

    path: Path
    document_path: Path
    file: GoldFile
    text: str
    """The document text the quotes were located in."""
    blocks: list[LocatedBlock]
    targets: list[LocatedTarget]


def document_path(gold_path: Path, file: GoldFile) -> Path:
    """The document a gold file names, relative to the gold file's folder."""
    return gold_path.parent / file.document


def _compose(raw_text: str) -> yaml.Node | None:
    try:
        return yaml.compose(raw_text)
    except yaml.YAMLError:
        return None


def _line_of(root: yaml.Node | None, loc: tuple[str | int, ...]) -> int | None:
    """1-based line of the deepest node on the path ``loc`` (a key's line for a field)."""
    node, line = root, None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            hit = next((kv for kv in node.value if kv[0].value == part), None)
            if hit is None:
                break
            line, node = hit[0].start_mark.line + 1, hit[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _quote_of(raw: Any, section: str, index: int) -> str | None:
    try:
        q = raw[section][index]["quote"]
    except (KeyError, IndexError, TypeError):
        return None
    return q if isinstance(q, str) else None


def _short(s: str, n: int = 30) -> str:
    s = squash(s)
    return s if len(s) <= n else s[: n - 1] + "…"


class _Where:
    """Names entries of one gold file in messages: section, index, line and quote."""

    def __init__(self, raw: Any, raw_text: str) -> None:
        self.raw = raw
        self.root = _compose(raw_text)

    def entry(
        self, section: str, index: int, quote: str | None = None, rest: tuple[Any, ...] = ()
    ) -> str:
        """``section[index] (line N, quote “…”)``; the line is that of ``rest`` inside it."""
        if quote is None:
            quote = _quote_of(self.raw, section, index)
        parts = [f"{section}[{index}]"]
        line = _line_of(self.root, (section, index, *rest))
        if line is not None:
            parts.append(f"line {line}")
        if quote:
            parts.append(f"quote “{_short(quote)}”")
        return f"{parts[0]} ({', '.join(parts[1:])})" if len(parts) > 1 else parts[0]


def _pydantic_problem(where: _Where, err: Any) -> str:
    loc = [p for p in err["loc"]]
    prefix = ""
    if len(loc) >= 2 and loc[0] in ("responsibilities", "targets") and isinstance(loc[1], int):
        prefix = where.entry(str(loc[0]), loc[1], rest=tuple(loc[2:])) + ": "
        loc = loc[2:]
    elif loc:
        line = _line_of(where.root, tuple(loc))
        prefix = f"line {line}: " if line is not None else ""
    field = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"{prefix}unknown field '{field}'"
    if kind == "missing":
        return f"{prefix}missing field '{field}'"
    msg = str(err["msg"]).removeprefix("Value error, ")
    if kind in ("literal_error", "enum"):
        msg = f"{msg}, got {err['input']!r}"
    return f"{prefix}{field}: {msg}" if field else f"{prefix}{msg}"


def _parse(p: Path) -> tuple[GoldFile | None, _Where | None, list[str]]:
    """Parse and validate a gold file's YAML; the model, or the problems found."""
    try:
        raw_text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, None, [f"cannot read gold file: {exc}"]
    try:
        raw = yaml.safe_load(raw_text)
    except yaml.YAMLError as exc:
        return None, None, [f"not valid YAML: {' '.join(str(exc).split())}"]
    where = _Where(raw, raw_text)
    if not isinstance(raw, dict):
        return None, where, ["not a mapping of document, version, responsibilities, targets"]
    try:
        return GoldFile.model_validate(raw), where, []
    except ValidationError as exc:
        return None, where, [_pydantic_problem(where, e) for e in exc.errors()]


def _quote_problems(file: GoldFile, where: _Where, sq: Squashed) -> list[str]:
    """Every quote of ``file`` that cannot be located (or two blocks at one place)."""
    problems: list[str] = []
    seen: dict[tuple[int, int], int] = {}
    entries: list[tuple[str, int, GoldBlock | GoldTarget]] = [
        ("responsibilities", i, b) for i, b in enumerate(file.responsibilities)
    ]
    entries += [("targets", i, t) for i, t in enumerate(file.targets)]
    for section, i, entry in entries:
        span = sq.locate(entry.quote, entry.nth)
        name = where.entry(section, i, entry.quote)
        if span is None:
            n = sq.count(entry.quote)
            why = (
                "quote not found in the document"
                if n == 0
                else f"nth is {entry.nth} but the quote occurs {n} time{'s' if n > 1 else ''}"
            )
            problems.append(f"{name}: {why}")
        elif section == "responsibilities":
            key = (span.start, span.end)
            if key in seen:
                problems.append(
                    f"{name}: same place as responsibilities[{seen[key]}] (set nth to tell apart)"
                )
            seen[key] = i
    return problems


def inspect_gold(path: str | Path, text: str | None = None) -> tuple[Gold | None, list[GoldError]]:
    """Load a gold file and locate its quotes in ``text`` (default: its document, read).

    Returns the located gold, or None and one ``GoldError`` (PP200) per problem, each naming
    the file and the entry.
    """
    p = Path(path)
    file, where, problems = _parse(p)
    if file is None or where is None:
        return None, [GoldError(m, path=p) for m in problems]
    doc_path = document_path(p, file)
    if text is None:
        from ..errors import ReadError
        from ..readers import read_path

        if not doc_path.is_file():
            return None, [GoldError(f"document '{file.document}' not found next to it", path=p)]
        try:
            text = read_path(doc_path).text
        except ReadError as exc:
            return None, [GoldError(f"document '{file.document}': {exc}", path=p)]
    sq = Squashed(text)
    problems = _quote_problems(file, where, sq)
    if problems:
        return None, [GoldError(m, path=p) for m in problems]
    blocks = [
        LocatedBlock(i, b, _located(sq, b.quote, b.nth))
        for i, b in enumerate(file.responsibilities)
    ]
    targets = [
        LocatedTarget(i, t, _located(sq, t.quote, t.nth)) for i, t in enumerate(file.targets)
    ]
    return Gold(p, doc_path, file, text, blocks, targets), []


def load_gold(path: str | Path, text: str | None = None) -> Gold:
    """Like ``inspect_gold`` but raising the first problem as a ``GoldError``."""
    gold, errors = inspect_gold(path, text)
    if errors or gold is None:
        first = errors[0]
        more = len(errors) - 1
        if more:
            raise GoldError(f"{first.detail} (and {more} more)", path=path)
        raise first
    return gold


def _located(sq: Squashed, quote: str, nth: int) -> Span:
    span = sq.locate(quote, nth)
    assert span is not None  # checked by _quote_problems
    return span
