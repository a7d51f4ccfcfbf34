"""Deadlines: the year written in a target's sentence, or inherited from where it stands.

Search order: the target's own sentence (the nearest usable year before the value, else one
after it in the same clause); earlier sentences of its paragraph, then later ones; the
lead-in of the list its paragraph belongs to (``到2025年，…`` followed by ``——`` items); a
lead-in paragraph of its provision ending with a colon; the opening text and heading of
each enclosing provision and section. A year never comes from a sibling numbered item or a
sibling list item.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ... import patterncache
from ...numerals import parse_number
from ...patterncache import KEEP_GIL
from ...records import Deadline, Meta, Section
from ...records.base import trusted
from .geometry import LIST_ITEM, Layout, TRef, in_brackets
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
from .trim import numbered_before_digit

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


@dataclass(init=False)  # its own __init__ (faster)
class Found:
    """A deadline year and the time expression it came from."""

    year: int
    time: TRef | None
    """The time expression of the year; None for the document's plan period."""
    inherited: bool
    at: tuple[int, int] | None = None
    """Working-copy range of a relative span read by this stage (``三年累计``), when
    ``time`` is None."""

    def __init__(
        self, year: int, time: TRef | None, inherited: bool, at: tuple[int, int] | None = None
    ) -> None:
        self.year = year
        self.time = time
        self.inherited = inherited
        self.at = at


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
        # what the lookups below found for a range (their results are never changed)
        self._last: dict[tuple[int, int], Found | None] = {}
        self._last_stated: dict[tuple[int, int], Found | None] = {}
        self._first_stated: dict[tuple[int, int], Found | None] = {}
        self._usable: dict[int, int | None] = {}
        self._past_year: dict[tuple[int, int], int | None] = {}
        self._past_marker: dict[tuple[int, int], bool] = {}
        self._records: dict[tuple[int, tuple[int, int] | None, bool], Deadline] = {}
        self._lead_ins: dict[tuple[int, str | None], Found | None] = {}
        self._parents = {p.id: p.parent for p in ctx.outline.provisions}
        self._openings: list[tuple[int, int, Found]] | None = None
        self._items: dict[int, bool] = {}

    def record(self, found: Found | None) -> Deadline | None:
        """:func:`to_deadline` of ``found``; one record for every target with the same
        deadline (records are frozen)."""
        if found is None:
            return None
        at = (found.time.start, found.time.end) if found.time is not None else found.at
        key = (found.year, at, found.inherited)
        kept = self._records.get(key)
        if kept is None:
            kept = self._records[key] = _deadline_of(self.ctx, found)
        return kept

    def past_year(self, a: int, b: int) -> int | None:
        """:func:`.select.past_year` of ``a..b`` and its times (kept)."""
        key = (a, b)
        if key not in self._past_year:
            self._past_year[key] = past_year(self.norm, self.lay.times_in(a, b), self.ref, a)
        return self._past_year[key]

    def past_marker(self, a: int, b: int) -> bool:
        """:func:`.select.past_marker` of ``a..b`` and its times (kept)."""
        key = (a, b)
        if key not in self._past_marker:
            self._past_marker[key] = past_marker(self.norm, a, b, self.lay.times_in(a, b))
        return self._past_marker[key]

    def usable(self, t: TRef) -> int | None:
        """The year ``t`` can give as a deadline, or None (no year, a base, the past)."""
        key = id(t)  # the layout holds every TRef for the finder's lifetime
        if key not in self._usable:
            self._usable[key] = self._usable_year(t)
        return self._usable[key]

    def _usable_year(self, t: TRef) -> int | None:
        y = valid_year(t)
        if y is None or is_comparison(self.norm, t):
            return None
        if self.ref is not None and y < self.ref:
            if not (is_deadline_word(self.norm, t) and t.rec.kind != "period"):
                return None
            if is_attributive(self.norm, t):
                return None  # 完成2005年底前建成的小区改造: a past date naming a kind of thing
        return y

    def _closed_off(self, t: TRef, sentence: tuple[int, int], q_start: int) -> bool:
        """Whether the year ``t`` follows a value of its sentence and a semicolon stands
        between it and the value at ``q_start``."""
        if self.norm.find("；", t.end, q_start) < 0 and self.norm.find(";", t.end, q_start) < 0:
            return False
        return any(q.end <= t.start for q in self.lay.quantities_in(sentence[0], t.start))

    def _last_in(self, start: int, end: int) -> Found | None:
        """The last usable year in ``start..end`` (kept: shared, never to be changed)."""
        key = (start, end)
        if key not in self._last:
            self._last[key] = self._last_year_in(start, end)
        return self._last[key]

    def _last_year_in(self, start: int, end: int) -> Found | None:
        best: Found | None = None
        for t in self.lay.times_in(start, end):
            if bracket_note(self.norm, start, t):
                continue  # 达到62%（2023年为51.7%）: the year of a baseline aside
            if self._closed_part(start, end, t):
                continue  # 新建…6000个（其中2027年前完成4000个），…: the year of that part only
            y = self.usable(t)
            if y is not None:
                best = Found(y, t, True)
        return best

    def _closed_part(self, start: int, end: int, t: TRef) -> bool:
        """Whether ``t`` stands in a bracket opening with ``其中`` (a part of the goal before
        it) that closes before ``end``."""
        norm = self.norm
        if not in_brackets(norm, start, t.start):
            return False
        opened = max(norm.rfind("（", start, t.start), norm.rfind("(", start, t.start))
        if opened < 0 or not norm.startswith("其中", opened + 1):
            return False
        closes = [i for i in (norm.find("）", t.end, end), norm.find(")", t.end, end)) if i >= 0]
        return bool(closes)

    def _statements(self, start: int, end: int) -> Iterator[tuple[int, int, list[TRef]]]:
        """The parts of ``start..end`` in sentences that state no facts of the present or past
        (``2024年全县旅游总收入为52亿元，比上年增长12%。``), with their times."""
        for ss, se in self.lay.sentences_overlapping(start, end):
            a, b = max(ss, start), min(se, end)
            times = self.lay.times_in(a, b)
            stating = self._stating.get((a, b))
            if stating is None:
                stating = self._stating[a, b] = self.past_year(
                    a, b
                ) is None and not self.past_marker(a, b)
            if stating:
                yield a, b, times

    def _last_in_statements_skipped(self, start: int, end: int) -> Found | None:
        """The last usable year of the sentences in ``start..end`` that state no facts of the
        present or past (such a sentence gives the sentences after it no deadline)."""
        key = (start, end)
        if key in self._last_stated:
            return self._last_stated[key]
        best: Found | None = None
        for a, b, _times in self._statements(start, end):
            found = self._last_in(a, b)
            if found is not None:
                best = found
        self._last_stated[key] = best
        return best

    def _first_in_statements_skipped(self, start: int, end: int) -> Found | None:
        """The first usable year of the sentences in ``start..end`` that state no facts of the
        present or past."""
        key = (start, end)
        if key not in self._first_stated:
            self._first_stated[key] = self._first_year_stated(start, end)
        return self._first_stated[key]

    def _first_year_stated(self, start: int, end: int) -> Found | None:
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
        if found is not None:
            early = cues().early
            m = (
                early.search(self.norm, max(clause[0], q_start - 12), q_start, KEEP_GIL)
                if early
                else None
            )
            n = parse_number(m.group("n")) if m is not None else None
            if m is not None and n is not None and 1 <= n < 20:
                # 配套率提前一年达到100% under 到2020年: a year before the deadline in force
                # (the span is those words, as for 三年累计)
                return Found(found.year - int(n), None, found.inherited, (m.start(), m.end()))
        return found

    def _find(
        self, q_start: int, clause: tuple[int, int], sentence: tuple[int, int], later: bool
    ) -> Found | None:
        paired = self._paired(q_start, clause, sentence)
        if paired is not None:
            return paired
        found = self._last_in(sentence[0], q_start)
        while (
            found is not None
            and found.time is not None
            and self._closed_off(found.time, sentence, q_start)
        ):
            # 今年…突破1500家，到2020年达到2000家；新增…100户: a year written after a value of
            # the sentence belongs to its own stretch, which the semicolon closes
            found = self._last_in(sentence[0], found.time.start)
        if found is not None and found.time is not None:
            # 到2027年，…450万亩以上，其中2026年新增120万亩；冬小麦…: the year of a part
            # (其中…) reaches no value past the semicolon that closes it
            t = found.time
            part = self.norm.rfind("其中", max(sentence[0], t.start - 3), t.start)
            if part >= 0 and _SEMICOLON.search(self.norm, t.end, q_start):
                whole = self._last_in(sentence[0], part)
                if whole is not None:
                    found = whole
        if found is not None:
            return Found(found.year, found.time, False, found.at)
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
                later_year = Found(y, t, False)
                if _SEMICOLON.search(self.norm, q_start, t.start) is None:
                    return later_year
                # 开通…航线60条；到2026年，…翻一番 under 到2027年…具体目标是：: the year in
                # force where the value stands wins over one written after a semicolon
                return self._in_force(q_start, sentence) or later_year
        return self._in_force(q_start, sentence, later)

    def _paired(
        self, q_start: int, clause: tuple[int, int], sentence: tuple[int, int]
    ) -> Found | None:
        """A year of a list of years opening a clause (``2025年、2026年和2027年，``) paired in
        order with a value of a ``分别`` list of as many values after it
        (``…分别达到1500家、1800家和2000家``)."""
        norm = self.norm
        fb = norm.rfind("分别", clause[0], q_start)
        if fb < 0:
            return None
        years = self._year_list(sentence[0], fb)
        if years is None:
            return None
        ends: list[int] = []
        index = None
        for q in self.lay.quantities_in(fb + 2, clause[1]):
            if ends and not _LIST_JOIN.fullmatch(norm, ends[-1], q.start):
                break
            if not ends and q.start > fb + _FENBIE_REACH:
                return None  # 分别 is no part of this list
            if q.start == q_start:
                index = len(ends)
            ends.append(q.end)
        if index is None or len(ends) != len(years):
            return None
        y, t = years[index]
        return Found(y, t, False)

    def _year_list(self, start: int, end: int) -> list[tuple[int, TRef]] | None:
        """The last list of two or more years in ``start..end`` that ends a clause, each with
        its time (``2025年、2026年和2027年，``), or None."""
        norm = self.norm
        best: list[tuple[int, TRef]] | None = None
        run: list[tuple[int, TRef]] = []
        for t in self.lay.times_in(start, end):
            y = self.usable(t)
            if y is None:
                run = []
                continue
            if run and not _LIST_JOIN.fullmatch(norm, run[-1][1].end, t.start):
                run = []
            run.append((y, t))
            # the list ends a clause, or stands just before 分别 (投入强度2026年、2027年分别达到…)
            # or before a scope word and 分别 (2026年、2027年全省分别开展…)
            if len(run) >= 2 and (_CLAUSE_END.match(norm, t.end) or _scope_gap(norm[t.end : end])):
                best = list(run)
        return best

    def _in_force(
        self, q_start: int, sentence: tuple[int, int], later: bool = False
    ) -> Found | None:
        """The year the paragraph, list lead-in or outline around the value gives it."""
        pi = self.lay.paragraph_index(q_start)
        if pi is None:
            return None
        ps, _pe = self.lay.paragraphs[pi]
        found = self._last_in_statements_skipped(ps, sentence[0])
        if found is not None:
            return found
        # a year of a later sentence of the paragraph reaches back (FORMAT.md: a year reaches
        # the targets of its own paragraph): 每年新增…站点300个以上。推动…于2025年底前投入运营
        after = self._first_in_statements_skipped(sentence[1], _pe) if later else None
        prov = self._provision(q_start)
        key = (pi, prov)
        if key not in self._lead_ins:
            self._lead_ins[key] = self._lead_in(pi, prov)
        found = self._lead_ins[key]
        if found is None:
            found = self._from_outline(q_start)
        if found is None:
            found = self._opening(q_start)
        if after is not None:
            at = after.time.start if after.time is not None else q_start
            if found is None or not _SEMICOLON.search(self.norm, q_start, at):
                return after
        # a year in force from the lead-in wins over one written after a semicolon later on
        return found if found is not None else after

    def _lead_in(self, pi: int, prov: str | None) -> Found | None:
        """The year of a paragraph of provision ``prov`` that leads in to paragraph ``pi``."""
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
        while k >= 0 and self._list_item(self.lay.paragraphs[k][0]):
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
            if _ends_with(self.norm, e, ":：", s):
                return self._last_in(s, e)
        return self._items_lead_in(pi, prov)

    def _list_item(self, start: int) -> bool:
        """Whether the paragraph at ``start`` opens with a list mark (``2.60岁以上…`` between
        ``1.…`` and ``3.…`` too); kept, as the walks back over a list ask again."""
        kept = self._items.get(start)
        if kept is None:
            kept = LIST_ITEM.match(self.norm, start, None, KEEP_GIL) is not None
            kept = kept or numbered_before_digit(self.norm, start) > start
            self._items[start] = kept
        return kept

    def _items_lead_in(self, pi: int, prov: str | None) -> Found | None:
        """The year of the paragraph that leads in with a colon to a run of numbered items
        (``到2027年，…具体目标是：`` / ``1.…`` / ``2.…``), over the earlier siblings of ``prov``."""
        if prov is None:
            return None
        parent = self._parents.get(prov)
        for j in range(pi - 1, -1, -1):
            s, e = self.lay.paragraphs[j]
            pj = self._provision(s)
            if pj == parent:
                if _ends_with(self.norm, e, ":：", s):
                    return self._last_in(s, e)
                return None
            # an earlier sibling item or a part of one: walk on; anything else ends the run
            while pj is not None and self._parents.get(pj) != parent:
                pj = self._parents.get(pj)
            if pj is None:
                return None
        return None

    def _opening(self, q_start: int) -> Found | None:
        """The year of an opening lead-in whose reach holds ``q_start``."""
        if self._openings is None:
            self._openings = self._opening_lead_ins()
        for lo, hi, found in self._openings:
            if lo <= q_start < hi:
                return found
        return None

    def _opening_lead_ins(self) -> list[tuple[int, int, Found]]:
        """Lead-in paragraphs that end with a colon, state a year in their last sentence and
        open a run of headings or top-level items (``现将2025年…工作要点明确如下：`` / ``一、…``),
        each with the stretch it reaches: its units up to a closing one (``保障措施``,
        ``工作要求``), the end of the section around them, or the next such lead-in."""
        o = self.ctx.outline
        to_norm = self.lay.to_norm
        closing = cues().closing_heading
        # units that may follow a lead-in: (start, parent key, closing?, scope end)
        units: list[tuple[int, str, bool, int]] = []
        bodies = {x.id: to_norm(x.body.end) for x in o.sections}
        end_all = len(self.norm)
        for x in o.sections:
            shut = bool(closing and closing.search(x.title, 0, None, KEEP_GIL))
            scope = bodies.get(x.parent, end_all) if x.parent else end_all
            units.append((to_norm(x.span.start), f"s:{x.parent}", shut, scope))
        for p in o.provisions:
            if p.parent is not None:
                continue
            shut = bool(closing and p.heading and closing.search(p.heading, 0, None, KEEP_GIL))
            scope = bodies.get(p.section, end_all) if p.section else end_all
            units.append((to_norm(p.span.start), f"p:{p.section}", shut, scope))
        units.sort()
        starts = [u[0] for u in units]
        out: list[tuple[int, int, Found]] = []
        paras = self.lay.paragraphs
        lead_in = cues().lead_in_sentence
        for j, (s, e) in enumerate(paras[:-1]):
            colon = _ends_with(self.norm, e, ":：")
            if not colon and (lead_in is None or not _ends_with(self.norm, e, "。.")):
                continue
            k = bisect_right(starts, e - 1)
            if k >= len(units) or units[k][0] > paras[j + 1][0] + 2:
                continue  # the next paragraph opens no heading or item
            last = None
            for ss, _se in self.lay.sentences_overlapping(s, e):
                last = ss
            found = None
            a = max(s, last if last is not None else s)
            if not colon and (lead_in is None or lead_in.search(self.norm, a, e, KEEP_GIL) is None):
                continue  # a sentence ending with a stop leads in only in so many words
            issued = any(self._issued_year(t, e) for t in self.lay.times_in(a, e))
            if not issued and (self.past_year(a, e) is not None or self.past_marker(a, e)):
                # a sentence stating the past leads in to no goals (one issuing the text
                # after it, 《…》已经…通过，现印发给你们, states its approval, not a past)
                continue
            for t in self.lay.times_in(a, e):
                quoted = self.norm.rfind("《", a, t.start) > self.norm.rfind("》", a, t.start)
                if quoted and not self._issued_year(t, e):
                    continue  # 为贯彻落实《…规划（2021—2025年）》: the period of another text
                y = self.usable(t)
                if y is not None:
                    found = Found(y, t, True)
            if found is None:
                continue
            key, scope = units[k][1], units[k][3]
            hi = scope
            for u in units[k + 1 :]:
                if u[0] >= scope:
                    break
                if u[1] == key and u[2]:
                    hi = u[0]
                    break
            if out and out[-1][1] > s:
                out[-1] = (out[-1][0], s, out[-1][2])  # another lead-in ends the one before
            out.append((e, hi, Found(found.year, found.time, True)))
        return out

    def _issued_year(self, t: TRef, end: int) -> bool:
        """Whether the year ``t``, inside a quoted title, is the one year of the text the
        sentence issues (``《2026年县政府重点工作要点》已经…，现印发给你们``)."""
        pat = cues().issued_title
        if pat is None or t.rec.kind != "year":
            return False
        close = self.norm.find("》", t.end, end)
        return close >= 0 and pat.match(self.norm, close, end) is not None

    def _relative_total(self, start: int, q_start: int) -> Found | None:
        """``三年累计培训养老护理员3万人次``: a total over N years counted from the document's
        start year (or its date's year), that year being the first."""
        pat = cues().relative_total
        if pat is None or self.ref is None:
            return None
        last = None
        # the words after the years may be the value itself (三年翻一番)
        for m in pat.finditer(self.norm, start, q_start + 3, False, KEEP_GIL):
            if m.end() <= q_start:
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
            self._outline = _OutlineRanges(self.ctx, self.lay)
        ol = self._outline
        for lo, hi, kept in ol.answers:
            if lo <= q_start < hi:
                return kept
        span = ol.stretch(q_start)
        found = self._outline_year(ol, q_start, span)
        ol.answers.append((span[0], span[1], found))
        return found

    def _outline_year(self, ol: _OutlineRanges, q_start: int, span: list[int]) -> Found | None:
        """:meth:`_from_outline` read afresh. ``span`` (the stretch around ``q_start`` in which
        no item starts or ends) is narrowed to where every test made here comes out the same,
        so that any offset in it has the same answer."""

        def test(v: int) -> None:  # a test of q_start >= v
            if v <= q_start:
                span[0] = max(span[0], v)
            else:
                span[1] = min(span[1], v)

        inner = [k for k, (s, e, _pid) in enumerate(ol.provisions) if s <= q_start < e]
        for k in reversed(inner):
            s, _e, _pid = ol.provisions[k]
            child = ol.first_child(k)
            if child is not None:
                test(child)
            if child is not None and q_start >= child:
                found = self._last_in(s, child)
                if found is not None:
                    return found
            elif (head := ol.heading(k)) is not None:
                found = self._last_in(*head)
                if found is not None:
                    return found
        # headings of enclosing sections
        for k in reversed([k for k, (bs, be) in enumerate(ol.section_body) if bs <= q_start < be]):
            hs, he = ol.section_head(k)
            test(hs)
            test(he)
            if hs <= q_start < he:
                continue
            found = self._last_in(hs, he)
            if found is not None:
                return found
            # the section's opening text, up to its first sub-heading or item, when the
            # value stands under one (到2025年，…具体目标： followed by 1. 2. 3. items)
            first = ol.section_first_item(k)
            if first is not None:
                test(first)
            if first is not None and q_start >= first:
                found = self._last_in(he, first)
                if found is not None:
                    return found
        return None


class _OutlineRanges:
    """The outline's provisions and sections as working-copy ranges, each mapped on first
    use (most values ask about a few enclosing items only)."""

    def __init__(self, ctx: Context, lay: Layout) -> None:
        o = ctx.outline
        self._norm = lay.to_norm
        self.provisions = o.provision_ranges
        by_id = {p.id: p for p in o.provisions}
        self._heading_spans = [by_id[pid].heading_span for _s, _e, pid in self.provisions]
        self._headings: dict[int, tuple[int, int] | None] = {}
        self._starts = sorted(s for s, _e, _p in self.provisions)
        self._sections = o.sections
        self.section_body = [(self._norm(x.body.start), self._norm(x.body.end)) for x in o.sections]
        self._children: dict[str, list[Section]] = {}
        for x in o.sections:
            if x.parent is not None:
                self._children.setdefault(x.parent, []).append(x)
        self._first_items: dict[int, int | None] = {}
        # where an item (provision or section body) starts or ends: between two of them,
        # the same items hold an offset
        self._edges = sorted(
            {x for s, e, _p in self.provisions for x in (s, e)}
            | {x for be in self.section_body for x in be}
        )
        self.answers: list[tuple[int, int, Found | None]] = []
        """Stretches of offsets and the year :meth:`DeadlineFinder._from_outline` found for
        each."""

    def stretch(self, i: int) -> list[int]:
        """``[lo, hi]``: the stretch around offset ``i`` in which no item starts or ends."""
        k = bisect_right(self._edges, i)
        lo = self._edges[k - 1] if k > 0 else -1
        hi = self._edges[k] if k < len(self._edges) else sys.maxsize
        return [lo, hi]

    def heading(self, k: int) -> tuple[int, int] | None:
        """The heading of provision ``k``, if it has one."""
        if k not in self._headings:
            hsp = self._heading_spans[k]
            self._headings[k] = (
                None if hsp is None else (self._norm(hsp.start), self._norm(hsp.end))
            )
        return self._headings[k]

    def first_child(self, k: int) -> int | None:
        """The first item starting inside provision ``k`` (its first sub-item), if any."""
        s, e, _pid = self.provisions[k]
        return _first_between(self._starts, s, e)

    def section_head(self, k: int) -> tuple[int, int]:
        """The heading of section ``k``."""
        x = self._sections[k]
        return self._norm(x.span.start), self._norm(x.span.end)

    def section_first_item(self, k: int) -> int | None:
        """The first sub-heading or item after the heading of section ``k``, within its
        body."""
        if k not in self._first_items:
            he = self.section_head(k)[1]
            x = self._sections[k]
            cands = [
                c
                for c in (self._norm(y.span.start) for y in self._children.get(x.id, []))
                if c > he
            ]
            item = _first_between(self._starts, he, self.section_body[k][1])
            if item is not None:
                cands.append(item)
            self._first_items[k] = min(cands) if cands else None
        return self._first_items[k]


_SEMICOLON: Final = patterncache.compile(r"[；;]")
_LIST_JOIN: Final = patterncache.compile(r"(?:以上|以下|以内|左右)?(?:[、，,]|和|及|与|以及)")
_CLAUSE_END: Final = patterncache.compile(r"(?:底|末)?(?:前)?[，,：:]")


def _ends_with(text: str, end: int, marks: str, start: int = 0) -> bool:
    """Whether ``text[start:end].rstrip()`` ends with one of ``marks`` (without copying
    it)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1] in marks


def _first_between(starts: list[int], lo: int, hi: int) -> int | None:
    """The least of the sorted ``starts`` strictly between ``lo`` and ``hi``, or None."""
    k = bisect_right(starts, lo)
    return starts[k] if k < len(starts) and starts[k] < hi else None


def to_deadline(ctx: Context, found: Found | None) -> Deadline | None:
    """The record of a found deadline."""
    return None if found is None else _deadline_of(ctx, found)


def _deadline_of(ctx: Context, found: Found) -> Deadline:
    if found.time is not None:
        span = ctx.span(found.time.start, found.time.end)
    elif found.at is not None:
        span = ctx.span(*found.at)
    else:
        span = None
    if type(found.year) is int and type(found.inherited) is bool:
        # a year and a flag of their fields' types, a span of the working copy: valid
        return trusted(Deadline, {"year": found.year, "span": span, "inherited": found.inherited})
    return Deadline(year=found.year, span=span, inherited=found.inherited)


_FENBIE_REACH: Final = 30
"""How far after 分别 the first value of its list may stand (the verb and object between:
``分别开展高校毕业生专项技能培训3万人次``)."""


def _scope_gap(gap: str) -> bool:
    """Whether ``gap`` (between a list of years and 分别) is empty or a scope word alone."""
    gap = gap.strip()
    if not gap or (len(gap) <= 4 and cues().region.fullmatch(gap) is not None):
        return True
    # a subject and indicator (2026年、2028年全国技工院校在校生规模分别达到…): the years open
    # the clause that 分别 pairs with its values
    return len(gap) <= _GAP_MAX and _GAP_STOP.search(gap) is None


_GAP_MAX: Final = 24
"""Longest subject and indicator between a list of years and 分别."""
_GAP_STOP: Final = patterncache.compile(r"[\d，,。；;：:、！？!?（(]")
