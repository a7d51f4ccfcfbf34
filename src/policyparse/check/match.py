"""Matching extracted records to gold items, each side used at most once.

A responsible unit matches a gold unit when its name equals the gold name (white space
removed) and it lies inside the gold block's quote, or its own block overlaps that quote. A
target matches a gold target when its span (or its quantity's span) overlaps the gold quote and
its value and unit are equal. Among the candidates of a gold item the best is tried first (equal
role; equal deadline and bound), and the assignment is a maximum matching (augmenting paths), so
one greedy choice never leaves another gold item unmatched needlessly.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..records import PolicyDocument, ResponsibleUnit, Span, Target
from .gold import Gold, GoldTarget, GoldUnit, LocatedBlock, LocatedTarget, Value, squash


def overlaps(a: Span, b: Span) -> bool:
    """Whether two half-open spans share at least one character."""
    return a.start < b.end and b.start < a.end


def inside(a: Span, b: Span) -> bool:
    """Whether ``a`` lies within ``b``."""
    return b.start <= a.start and a.end <= b.end


def fold(s: str) -> str:
    """``s`` without white space, full-width forms turned half-width (NFKC)."""
    return unicodedata.normalize("NFKC", squash(s))


def char_f1(predicted: str, gold: str) -> float:
    """Character-level F1 of two strings, as multisets of characters (after ``fold``).

    Two empty strings score 1.0; one empty string scores 0.0.
    """
    p, g = Counter(fold(predicted)), Counter(fold(gold))
    if not p and not g:
        return 1.0
    common = sum((p & g).values())
    if common == 0:
        return 0.0
    precision = common / sum(p.values())
    recall = common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


OPTIONAL_TAIL = "数量"
"""A word the gold format makes optional at the end of a count's indicator."""


def drop_optional_tail(indicator: str) -> str:
    """``indicator`` folded, without a trailing ``数量`` (kept when it is the whole indicator)."""
    s = fold(indicator)
    if s.endswith(OPTIONAL_TAIL) and len(s) > len(OPTIONAL_TAIL):
        return s[: -len(OPTIONAL_TAIL)]
    return s


def indicator_f1(predicted: str, gold: str) -> float:
    """Character F1 of two indicators, each without its optional trailing ``数量``.

    ``新增学位数量`` and ``新增学位`` score 1.0: the gold format lets a count's indicator add
    ``数量`` or leave it out, so neither side is charged for it.
    """
    return char_f1(drop_optional_tail(predicted), drop_optional_tail(gold))


def _close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def value_equal(target: Target, value: Value) -> bool:
    """Whether a target's quantity has the gold value (a number, or a ``(low, high)`` range)."""
    q = target.quantity
    if isinstance(value, tuple):
        return q.value is None and _close(q.low, value[0]) and _close(q.high, value[1])
    return _close(q.value, value)


def value_equal_numbers(a: Value, b: Value) -> bool:
    """Whether two gold values are equal (both numbers, or both ranges)."""
    if isinstance(a, tuple) or isinstance(b, tuple):
        return (
            isinstance(a, tuple)
            and isinstance(b, tuple)
            and _close(a[0], b[0])
            and _close(a[1], b[1])
        )
    return _close(a, b)


def unit_equal(target: Target, unit: str | None) -> bool:
    """Whether a target's quantity has the gold unit (compared after ``fold``)."""
    got = target.quantity.unit
    if got is None or unit is None:
        return (got is None or not fold(got)) and (unit is None or not fold(unit))
    return fold(got) == fold(unit)


def deadline_of(target: Target) -> int | None:
    """The deadline year of a target, or None."""
    return target.deadline.year if target.deadline is not None else None


def assign(candidates: Sequence[Sequence[int]]) -> list[int | None]:
    """A maximum matching of gold items to predictions.

    ``candidates[i]`` lists the predictions gold item ``i`` may take, best first. Returns for
    each gold item the prediction it got, or None.
    """
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(candidates)):
        augment(i, set())
    got: list[int | None] = [None] * len(candidates)
    for j, i in owner.items():
        got[i] = j
    return got


G = TypeVar("G")
P = TypeVar("P")


def pair_up(
    refs: Sequence[G],
    items: Sequence[P],
    candidate: Callable[[G, P], bool],
    rank: Callable[[G, P], tuple[object, ...]],
) -> tuple[list[tuple[G, P]], list[G], list[P]]:
    """Pair gold items with predictions, each at most once: the pairs, the gold items left
    unmatched and the predictions left over.

    ``candidate`` says whether a prediction may match a gold item; among a gold item's
    candidates the one ``rank`` puts first is tried first.
    """
    candidates: list[list[int]] = []
    for ref in refs:
        found = [j for j, item in enumerate(items) if candidate(ref, item)]

        def key(j: int, ref: G = ref) -> tuple[object, ...]:
            return rank(ref, items[j])

        candidates.append(sorted(found, key=key))
    got = assign(candidates)
    used = {j for j in got if j is not None}
    return (
        [(r, items[j]) for r, j in zip(refs, got, strict=True) if j is not None],
        [r for r, j in zip(refs, got, strict=True) if j is None],
        [item for j, item in enumerate(items) if j not in used],
    )


# --- responsible units ---------------------------------------------------------------------


@dataclass(frozen=True)
class GoldUnitRef:
    """One unit of a located gold block."""

    block: LocatedBlock
    index: int

    @property
    def unit(self) -> GoldUnit:
        return self.block.entry.units[self.index]


@dataclass(frozen=True)
class UnitMatch:
    """The outcome of matching a document's responsible units to its gold blocks."""

    pairs: list[tuple[GoldUnitRef, ResponsibleUnit]]
    missed: list[GoldUnitRef]
    false_hits: list[ResponsibleUnit]

    @property
    def role_pairs(self) -> list[tuple[GoldUnitRef, ResponsibleUnit]]:
        """Matched pairs whose roles are equal too."""
        return [(g, u) for g, u in self.pairs if g.unit.role == u.role]


def unit_candidate(ref: GoldUnitRef, unit: ResponsibleUnit) -> bool:
    """Whether a predicted unit may match a gold unit."""
    span = ref.block.span
    placed = inside(unit.span, span) or overlaps(unit.block, span)
    return placed and squash(unit.name) == squash(ref.unit.name)


def match_units(gold: Gold, units: Sequence[ResponsibleUnit]) -> UnitMatch:
    """Match predicted units to the gold units, each at most once."""
    refs = [GoldUnitRef(b, i) for b in gold.blocks for i in range(len(b.entry.units))]

    def rank(ref: GoldUnitRef, u: ResponsibleUnit) -> tuple[bool, bool, int]:
        return (
            u.role != ref.unit.role,
            not inside(u.span, ref.block.span),
            abs(u.span.start - ref.block.span.start),
        )

    pairs, missed, false_hits = pair_up(refs, units, unit_candidate, rank)
    return UnitMatch(pairs=pairs, missed=missed, false_hits=false_hits)


# --- targets -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetMatch:
    """The outcome of matching a document's targets to its gold targets."""

    pairs: list[tuple[LocatedTarget, Target]]
    missed: list[LocatedTarget]
    false_hits: list[Target]

    @property
    def full_pairs(self) -> list[tuple[LocatedTarget, Target]]:
        """Detected pairs whose deadlines are equal too (null equals null)."""
        return [(g, t) for g, t in self.pairs if g.entry.deadline == deadline_of(t)]

    @property
    def bound_pairs(self) -> list[tuple[LocatedTarget, Target]]:
        """Detected pairs whose bounds are equal too."""
        return [(g, t) for g, t in self.pairs if g.entry.bound == t.quantity.bound]


def target_candidate(gold: LocatedTarget, target: Target) -> bool:
    """Whether a predicted target may match (detect) a gold target."""
    placed = overlaps(target.span, gold.span) or overlaps(target.quantity.span, gold.span)
    entry: GoldTarget = gold.entry
    return placed and value_equal(target, entry.value) and unit_equal(target, entry.unit)


def match_targets(gold: Gold, targets: Sequence[Target]) -> TargetMatch:
    """Match predicted targets to the gold targets, each at most once."""

    def rank(g: LocatedTarget, t: Target) -> tuple[bool, bool, float, int]:
        return (
            deadline_of(t) != g.entry.deadline,
            t.quantity.bound != g.entry.bound,
            -indicator_f1(t.indicator, g.entry.indicator),
            abs(t.quantity.span.start - g.span.start),
        )

    pairs, missed, false_hits = pair_up(gold.targets, targets, target_candidate, rank)
    return TargetMatch(pairs=pairs, missed=missed, false_hits=false_hits)


@dataclass(frozen=True)
class DocumentMatch:
    """Both matchings of one document."""

    gold: Gold
    doc: PolicyDocument
    units: UnitMatch
    targets: TargetMatch


def match_document(gold: Gold, doc: PolicyDocument) -> DocumentMatch:
    """Match a document's extracted records to its gold file."""
    return DocumentMatch(
        gold, doc, match_units(gold, doc.responsible_units), match_targets(gold, doc.targets)
    )
