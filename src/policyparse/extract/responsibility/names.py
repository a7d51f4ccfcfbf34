"""Canonical names, kinds and levels of responsible units, from ``data/agencies.yaml``.

The canonical name replaces the end of a unit's name by the standard short form of the
department it names (``省发改委`` → ``省发展改革委``, ``市卫健委`` → ``市卫生健康委``), keeping
whatever comes before (the level prefix or place name) and any bracketed alias after it. Kind
and level are read from the canonical name by the patterns and endings of the same file; a
level the name does not show is None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, TypeVar

from regex import Pattern

from ...normalize import to_halfwidth
from .rules import Kind, Level, agencies
from .units import strip_brackets

_NO_ALIAS_BEFORE: Final = "和、与及"
T = TypeVar("T")


@dataclass(frozen=True)
class NameInfo:
    """What the name of a unit tells."""

    canonical: str
    kind: Kind
    level: Level | None


def canonical(name: str) -> str:
    """The canonical form of a unit name (half-width punctuation)."""
    text = to_halfwidth(name)
    core = strip_brackets(text)
    tail = text[len(core) :]
    return _canonical_core(core) + tail


def _canonical_core(core: str) -> str:
    a = agencies()
    for n in a.variant_lengths:
        if n > len(core):
            continue
        end = core[-n:]
        canon = a.variants.get(end)
        if canon is None:
            continue
        before = core[:-n]
        if before and before[-1] in _NO_ALIAS_BEFORE:
            return core
        return before + canon
    return core


def _first_match(
    core: str, patterns: Sequence[tuple[Pattern[str], T]], endings: Sequence[tuple[str, T]]
) -> T | None:
    """The value of the first pattern found in ``core``, else of the first ending it has."""
    for pattern, value in patterns:
        if pattern.search(core):
            return value
    for ending, value in endings:
        if core.endswith(ending):
            return value
    return None


def kind_of(canonical_name: str) -> Kind:
    """The kind of unit a canonical name names."""
    a = agencies()
    kind = _first_match(strip_brackets(canonical_name), a.kind_patterns, a.kind_endings)
    return kind if kind is not None else "other"


def level_of(canonical_name: str) -> Level | None:
    """The administrative level a canonical name shows, if any."""
    a = agencies()
    return _first_match(strip_brackets(canonical_name), a.level_patterns, a.level_endings)


@lru_cache(maxsize=8192)
def describe(name: str) -> NameInfo:
    """Canonical name, kind and level of a unit (a document names the same units often)."""
    canon = canonical(name)
    return NameInfo(canon, kind_of(canon), level_of(canon))
