"""Resolving candidates: overlaps, nesting and order."""

from __future__ import annotations

from bisect import bisect_left, insort
from typing import Final

from .finders import Candidate

_LABEL_RANK: Final = {"LAW": 0, "PROGRAM": 1, "GOV": 2, "ORG": 3, "GPE": 4}


class _Intervals:
    """Non-overlapping intervals kept sorted by start, with overlap queries."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.items: dict[int, Candidate] = {}

    def overlapping(self, start: int, end: int) -> list[Candidate]:
        i = bisect_left(self.starts, start)
        out: list[Candidate] = []
        if i > 0:
            prev = self.items[self.starts[i - 1]]
            if prev.end > start:
                out.append(prev)
        while i < len(self.starts) and self.starts[i] < end:
            out.append(self.items[self.starts[i]])
            i += 1
        return out

    def add(self, c: Candidate) -> None:
        insort(self.starts, c.start)
        self.items[c.start] = c


def resolve(cands: list[Candidate]) -> list[tuple[Candidate, bool]]:
    """Keep a consistent set of candidates, each with whether it is nested.

    LAW spans (bracketed titles, document numbers) are placed first, then quoted names, then
    the rest longest first. A candidate that overlaps no placed top-level entity becomes one;
    one lying inside a top-level entity of another label becomes nested in it (one level
    deep); anything else (crossing boundaries, or the same label inside itself) is dropped.
    """
    order = sorted(
        {(c.label, c.start, c.end): c for c in cands if c.end > c.start}.values(),
        key=lambda c: (
            0 if c.label == "LAW" else 1 if c.quoted else 2,
            -(c.end - c.start),
            _LABEL_RANK[c.label],
            c.start,
        ),
    )
    top = _Intervals()
    nested = _Intervals()
    for c in order:
        over = top.overlapping(c.start, c.end)
        if not over:
            top.add(c)
            continue
        if len(over) == 1:
            outer = over[0]
            inside = outer.start <= c.start and c.end <= outer.end
            inside = inside and (c.start, c.end) != (outer.start, outer.end)
            if inside and outer.label != c.label and not nested.overlapping(c.start, c.end):
                nested.add(c)
    out = [(c, False) for c in top.items.values()] + [(c, True) for c in nested.items.values()]
    out.sort(key=lambda x: (x[0].start, -(x[0].end - x[0].start)))
    return out
