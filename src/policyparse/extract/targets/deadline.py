"""Deadlines: the year written in a target's sentence, or inherited from where it stands.

Search order: the target's own sentence (the nearest usable year before the value, else one
after it in the same clause); earlier sentences of its paragraph, then later ones; the
lead-in of the list its paragraph belongs to (``到2025年，…`` followed by ``——`` items); a
lead-in paragraph of its provision ending with a colon; the opening text and heading of
each enclosing provision and section. A year never comes from a sibling numbered item or a
sibling list item.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...numerals import parse_number
from ...records import Deadline, Meta
from .geometry import LIST_ITEM, Layout, TRef
from .rules import cues
from .select import (
    bracket_note,
    is_attributive,
    is_comparison,
    is_deadline_word,
    past_marker,
    past_year,
    valid_year,
)

if TYPE_CHECKING:
    from ...pipeline import Context


def reference_year(meta: Meta) -> int | None:
    """The year the document counts from: its stated start year, else its date's year."""
    if meta.start_year:
        return meta.start_year
    if meta.date:
        try:
            return int(meta.date[:4])
        except ValueError:
            return None
    return None


@dataclass
class Found:
    """A deadline year and the time expression it came from."""

    year: int
    time: TRef | None
    """The time expression of the year; None for the document's plan period."""
    inherited: bool
    at: tuple[int, int] | None = None
    """Working-copy range of a relative span read by this stage (``三年累计``), when
    ``time`` is None."""


class DeadlineFinder:
    """Finds the deadline of a value at a working-copy offset."""

    def __init__(self, ctx: Context, layout: Layout) -> None:
        self.ctx = ctx
        self.lay = layout
        self.ref = reference_year(ctx.meta)
        self.norm = layout.norm
        self._stating: dict[tuple[int, int], bool] = {}
        self._own: dict[tuple[int, int], Found | None] = {}
        self._outline: _OutlineRanges | None = None

    def usable(self, t: TRef) -> int | None:
        """The year ``t`` can give as a deadline, or None (no year, a base, the past)."""
        y = valid_year(t)
        if y is None or is_comparison(self.norm, t):
            return None
        if self.ref is not None and y < self.ref:
            if not (is_deadline_word(self.norm, t) and t.rec.kind != "period"):
                return None
            if is_attributive(self.norm, t):
                return None  # 完成2005年底前建成的小区改造: a past date naming a kind of thing
        return y

    def _last_in(self, start: int, end: int) -> Found | None:
        best: Found | None = None
        for t in self.lay.times_in(start, end):
            if bracket_note(self.norm, start, t):
                continue  # 达到62%（2023年为51.7%）: the year of a baseline aside
            y = self.usable(t)
            if y is not None:
                best = Found(y, t, True)
        return best

    def _statements(self, start: int, end: int) -> Iterator[tuple[int, int, list[TRef]]]:
        """The parts of ``start..end`` in sentences that state no facts of the present or past
        (``2024年全县旅游总收入为52亿元，比上年增长12%。``), with their times."""
        for ss, se in self.lay.sentences_overlapping(start, end):
            a, b = max(ss, start), min(se, end)
            times = self.lay.times_in(a, b)
            stating = self._stating.get((a, b))
            if stating is None:
                stating = self._stating[a, b] = past_year(
                    self.norm, times, self.ref, a
                ) is None and not past_marker(self.norm, a, b, times)
            if stating:
                yield a, b, times

    def _last_in_statements_skipped(self, start: int, end: int) -> Found | None:
        """The last usable year of the sentences in ``start..end`` that state no facts of the
        present or past (such a sentence gives the sentences after it no deadline)."""
        best: Found | None = None
        for a, b, _times in self._statements(start, end):
            found = self._last_in(a, b)
            if found is not None:
                best = found
        return best

    def _first_in_statements_skipped(self, start: int, end: int) -> Found | None:
        """The first usable year of the sentences in ``start..end`` that state no facts of the
        present or past."""
        for _a, _b, times in self._statements(start, end):
            for t in times:
                y = self.usable(t)
                if y is not None:
                    return Found(y, t, True)
        return None

    def own(self, ss: int, se: int) -> Found | None:
        """The deadline sentence ``ss..se`` finds for its start, no later sentence reaching
        back (what the tense tests ask; kept, so ask as often as needed)."""
        if (ss, se) not in self._own:
            self._own[ss, se] = self.find(ss, (ss, se), (ss, se), later=False)
        return self._own[ss, se]

    def find(
        self,
        q_start: int,
        clause: tuple[int, int],
        sentence: tuple[int, int],
        plan_period: bool = False,
        later: bool = True,
    ) -> Found | None:
        """The deadline of the value at ``q_start``; with ``plan_period``, the last year of the
        period the document states for itself (its title or ``规划期为…``) when nothing nearer
        gives one. ``later`` lets a year of a later sentence of the paragraph reach back; the
        tense tests leave it out (a later deadline does not make a dated statement a goal)."""
        found = self._find(q_start, clause, sentence, later)
        if found is None and plan_period and self.ctx.meta.plan_period is not None:
            return Found(self.ctx.meta.plan_period.end, None, True)
        return found

    def _find(
        self, q_start: int, clause: tuple[int, int], sentence: tuple[int, int], later: bool
    ) -> Found | None:
        found = self._last_in(sentence[0], q_start)
        if found is not None:
            found.inherited = False
            return found
        for t in self.lay.times_in(q_start, clause[1]):
            y = self.usable(t)
            if y is not None:
                return Found(y, t, False)
        rel = self._relative_total(clause[0], q_start)
        if rel is not None:
            return rel
        # a deadline later in the sentence reaches the values before it
        # (吸纳就业人数年均增长10%，到2024年从业人员达到3—4万人)
        for t in self.lay.times_in(clause[1], sentence[1]):
            y = self.usable(t)
            if y is not None and is_deadline_word(self.norm, t):
                return Found(y, t, False)
        pi = self.lay.paragraph_index(q_start)
        if pi is None:
            return None
        ps, _pe = self.lay.paragraphs[pi]
        found = self._last_in_statements_skipped(ps, sentence[0])
        if found is not None:
            return found
        # a year of a later sentence of the paragraph reaches back (FORMAT.md: a year reaches
        # the targets of its own paragraph): 每年新增…站点300个以上。推动…于2025年底前投入运营
        found = self._first_in_statements_skipped(sentence[1], _pe) if later else None
        if found is not None:
            return found
        prov = self._provision(q_start)
        # lines of one list joined by semicolons: "…保持在99%以上；\n高中阶段…"
        j = pi - 1
        while j >= 0 and _ends_with(self.norm, self.lay.paragraphs[j][1], ";；"):
            s, e = self.lay.paragraphs[j]
            if self._provision(s) != prov:
                break
            found = self._last_in(s, e)
            if found is not None:
                return found
            j -= 1
        # the lead-in of a list: walk back over sibling items to the paragraph that opens it
        k = pi
        while k >= 0 and LIST_ITEM.match(self.norm, self.lay.paragraphs[k][0]):
            k -= 1
        if k < pi and k >= 0 and self._provision(self.lay.paragraphs[k][0]) == prov:
            s, e = self.lay.paragraphs[k]
            found = self._last_in(s, e)
            if found is not None:
                return found
        # a lead-in paragraph of the same provision that ends with a colon
        for j in range(pi - 1, -1, -1):
            s, e = self.lay.paragraphs[j]
            if self._provision(s) != prov:
                break
            if self.norm[s:e].rstrip().endswith((":", "：")):
                found = self._last_in(s, e)
                if found is not None:
                    return found
                break
        return self._from_outline(q_start)

    def _relative_total(self, start: int, q_start: int) -> Found | None:
        """``三年累计培训养老护理员3万人次``: a total over N years counted from the document's
        start year (or its date's year), that year being the first."""
        pat = cues().relative_total
        if pat is None or self.ref is None:
            return None
        last = None
        for m in pat.finditer(self.norm, start, q_start):
            last = m
        if last is None:
            return None
        n = parse_number(last.group("n"))
        if n is None or not 1 <= n <= 20:
            return None
        return Found(self.ref + int(n) - 1, None, False, (last.start(), last.end()))

    def _provision(self, i: int) -> str | None:
        return self.ctx.outline.provision_at(i)

    def _from_outline(self, q_start: int) -> Found | None:
        """Opening text (up to its first sub-item) and headings of enclosing items."""
        if self._outline is None:
            self._outline = _OutlineRanges(self.ctx)
        ol = self._outline
        inner = [k for k, (s, e, _pid) in enumerate(ol.provisions) if s <= q_start < e]
        for k in reversed(inner):
            s, _e, _pid = ol.provisions[k]
            child = ol.first_child[k]
            if child is not None and q_start >= child:
                found = self._last_in(s, child)
                if found is not None:
                    return found
            elif (head := ol.heading[k]) is not None:
                found = self._last_in(*head)
                if found is not None:
                    return found
        # headings of enclosing sections
        for k in reversed([k for k, (bs, be) in enumerate(ol.section_body) if bs <= q_start < be]):
            hs, he = ol.section_head[k]
            if hs <= q_start < he:
                continue
            found = self._last_in(hs, he)
            if found is not None:
                return found
            # the section's opening text, up to its first sub-heading or item, when the
            # value stands under one (到2025年，…具体目标： followed by 1. 2. 3. items)
            first = ol.section_first_item[k]
            if first is not None and q_start >= first:
                found = self._last_in(he, first)
                if found is not None:
                    return found
        return None


class _OutlineRanges:
    """The outline's provisions and sections as working-copy ranges, mapped once."""

    def __init__(self, ctx: Context) -> None:
        o = ctx.outline
        to_norm = ctx.work.to_norm
        self.provisions = o.provision_ranges
        by_id = {p.id: p for p in o.provisions}
        self.heading: list[tuple[int, int] | None] = []
        for _s, _e, pid in self.provisions:
            hsp = by_id[pid].heading_span
            self.heading.append(None if hsp is None else (to_norm(hsp.start), to_norm(hsp.end)))
        starts = sorted(s for s, _e, _p in self.provisions)
        # the first item starting inside each provision (its first sub-item), if any
        self.first_child = [_first_between(starts, s, e) for s, e, _p in self.provisions]
        secs = o.sections
        self.section_body = [(to_norm(x.body.start), to_norm(x.body.end)) for x in secs]
        self.section_head = [(to_norm(x.span.start), to_norm(x.span.end)) for x in secs]
        # the first sub-heading or item after each section's heading, within its body
        child_heads: dict[str, list[int]] = {}
        for x, (hs, _he) in zip(secs, self.section_head, strict=True):
            if x.parent is not None:
                child_heads.setdefault(x.parent, []).append(hs)
        self.section_first_item: list[int | None] = []
        for x, (_bs, be), (_hs, he) in zip(secs, self.section_body, self.section_head, strict=True):
            cands = [c for c in child_heads.get(x.id, []) if c > he]
            item = _first_between(starts, he, be)
            if item is not None:
                cands.append(item)
            self.section_first_item.append(min(cands) if cands else None)


def _ends_with(text: str, end: int, marks: str) -> bool:
    """Whether ``text[:end].rstrip()`` ends with one of ``marks`` (without copying it)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end > 0 and text[end - 1] in marks


def _first_between(starts: list[int], lo: int, hi: int) -> int | None:
    """The least of the sorted ``starts`` strictly between ``lo`` and ``hi``, or None."""
    k = bisect_right(starts, lo)
    return starts[k] if k < len(starts) and starts[k] < hi else None


def to_deadline(ctx: Context, found: Found | None) -> Deadline | None:
    """The record of a found deadline."""
    if found is None:
        return None
    if found.time is not None:
        span = ctx.span(found.time.start, found.time.end)
    elif found.at is not None:
        span = ctx.span(*found.at)
    else:
        span = None
    return Deadline(year=found.year, span=span, inherited=found.inherited)
