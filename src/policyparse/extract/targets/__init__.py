"""The targets stage: quantitative goals (and baselines) from the quantities and times.

For each sentence: drop the quantities that cannot be goals (:mod:`.select`), decide whether
the sentence speaks of the future or of the present and past, read each remaining quantity's
indicator (:mod:`.indicator`), find its deadline (:mod:`.deadline`), and add a ``Target`` or a
``Baseline`` record. Cue words live in ``data/targets.yaml``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

import regex

from ... import patterncache
from ...patterncache import KEEP_GIL
from ...records import Baseline, Deadline, Span, Target
from ...records.base import trusted
from ...textscan import is_cell_row, is_wide_gap
from .deadline import DeadlineFinder, Found
from .geometry import Layout, QRef, TRef, build_layout, clauses
from .indicator import SentenceReader
from .reading import Reading
from .rules import cues
from .select import (
    drop_reason,
    is_deadline_word,
    limit_bound,
    past_year,
    procedure_limit,
    qualifiers,
    spread_prefix_bound,
    statement_year,
)
from .table import read_tables
from .trim import TimeRanges, _bare_unit

if TYPE_CHECKING:
    from ...pipeline import Context

__all__ = ["run"]

_WS: Final = patterncache.compile(r"\s+")
_MULTIPLE: Final = patterncache.compile(r"倍增|翻一番|翻番|翻两番")
_ANAPHOR: Final = patterncache.compile(
    r"^(?:该|这一|此|上述|这个|这项)(?P<w>比例|比重|占比|比率|指标|数量|规模|水平|数值|率)$"
)
_RATIO_HEADS: Final = ("占比", "比例", "比重", "比率", "率")
_NOTE: Final = patterncache.compile(r"\s*(?:注|说明|备注|附注)\s*[:：\d]")
_TITLE_END: Final = patterncache.compile(r"[。，,；;：:！？!?]|(?<=[\p{Han}”）)])\.")


def run(ctx: Context) -> None:
    """Add ``Target`` and ``Baseline`` records to ``ctx``."""
    if not ctx.quantities:
        return
    lay = build_layout(ctx)
    finder = DeadlineFinder(ctx, lay)
    c = cues()
    norm = lay.norm
    time_ranges = TimeRanges(
        [(t.start, t.end) for t in lay.times if t.rec.kind not in ("recurrence", "duration")]
    )
    past_sections, standard_sections = _past_sections(ctx, lay)
    headings = {p.id: p.heading for p in ctx.outline.provisions}
    rows = read_tables(ctx, lay, finder.ref)

    def is_row(a: int, b: int, gap: bool = False) -> bool:
        """Whether working-copy line ``a..b`` is a table row (cells split by tabs or bars, or
        by runs of spaces at least twice in the line); with ``gap``, whether a cell break
        stands just before offset ``a``."""
        if gap:
            at = ctx.span(a, a).start
            return (
                ctx.text[max(0, at - 1) : at + 1].find("\t") >= 0
                or norm[a : a + 1] == "|"
                or ctx.text[max(0, at - 2) : at].endswith(("  ", "\u3000"))
            )
        if b <= a:
            return False
        sp = ctx.span(a, b)
        line = ctx.text[sp.start : sp.end]
        return "\t" in line or "|" in norm[a:b] or is_cell_row(line)

    # a sentence in which no quantity starts gives no record: skip it before cutting it up
    for ss, se in _bounded(norm, lay.valued_sentences(), is_row):
        qs = lay.quantities_in(ss, se)
        if rows:
            qs = [q for q in qs if not any(a <= q.start < b for a, b in rows)]
        if not qs or _NOTE.match(norm, norm.rfind("\n", 0, ss) + 1, None, KEEP_GIL):
            continue  # a note under a table ("说明：〔〕内为五年累计数") states no goal
        whole = clauses(norm, ss, se)
        cls, parents = _cell_cut(ctx, whole, ss, se)
        times = lay.times_in(ss, se)
        # a sentence that states who may apply gives no goal, but for a time limit for
        # completing a procedure (申请共享的数据，…应在5个工作日内予以答复)
        entry = _entry_condition(ctx, norm, ss, se, headings)
        if entry and not any(procedure_limit(norm, q, (ss, se)) for q in qs):
            continue
        if standard_sections and any(a <= ss < b for a, b in standard_sections):
            continue  # a section of building or funding standards (建设内容与标准)
        year = finder.past_year(ss, se)
        committed = _commitment(norm, ss, se) is not None
        if year is not None or (past_sections and any(a <= ss < b for a, b in past_sections)):
            past = True
        elif finder.past_marker(ss, se):
            # a marker of the past in a sentence under a deadline ahead is no statement
            past = (
                not _has_future(finder, times)
                and not _future_context(finder, finder.own(ss, se))
                and not committed
            )
        else:
            past = False
        if not past and not committed and finder.own(ss, se) is None:
            # no deadline, no commitment: a paragraph dated in the past before this sentence
            # sets the tense (a dated statement written after it, "…站点300个以上。2020年，
            # 全省快递业务量达到10.6亿件", does not reach back)
            pi = lay.paragraph_index(ss)
            if pi is not None:
                ps, pe = lay.paragraphs[pi]
                ptimes = [t for t in lay.times_in(ps, pe) if t.start < ss]
                year = past_year(norm, ptimes, finder.ref, ps)
                past = year is not None
        reader = SentenceReader(norm, cls, time_ranges, qs)
        accepted_any = False
        for ci, (cs, ce) in enumerate(cls):
            cq = [q for q in qs if cs <= q.start and q.end <= ce]
            if not cq:
                continue
            quals = qualifiers(norm, cq, (cs, ce))
            chosen: list[QRef] = []
            for k, q in enumerate(cq):
                if k in quals or drop_reason(norm, q, (cs, ce), times, (ss, se)) is not None:
                    continue
                if entry and not procedure_limit(norm, q, (cs, ce)):
                    continue
                if _MULTIPLE.fullmatch(
                    norm[q.start : q.end].strip(), 0, None, KEEP_GIL
                ) and _value_follows(norm, cls, ci, qs):
                    continue
                chosen.append(q)
            if not chosen:
                continue
            chosen = limit_bound(norm, spread_prefix_bound(norm, chosen), (cs, ce))
            readings = reader.read(ci, chosen)
            for r in readings:
                if not r.indicator:
                    continue
                anaphor = _ANAPHOR.match(r.indicator, 0, None, KEEP_GIL)
                if anaphor:
                    named = _antecedent(norm, lay, ss, anaphor.group("w"))
                    if named:
                        r.indicator = named
                        r.ind_start = r.ind_end = None
                topic = _topic(norm, lay, r.q.start)
                if topic and not c.region.match(r.indicator) and topic[:2] not in r.indicator:
                    r.indicator = topic + r.indicator
                    r.ind_start = r.ind_end = None
                if past:
                    y = statement_year(norm, times, r.q.start)
                    _add_baseline(ctx, r, y if y is not None else year)
                    continue
                # the deadline cell of a table row counts as the value's clause
                found = finder.find(r.q.start, whole[parents[ci]], (ss, se))
                cm = _commitment(norm, ss, r.q.start) or _lead_commitment(norm, lay, found)
                if not (found or cm or r.governed or accepted_any):
                    continue
                if (
                    not (found or cm)
                    and c.setup_size is not None
                    and c.setup_size.search(norm, max(cs, r.q.start - 8), r.q.start)
                ):
                    continue  # 设立规模50亿元的…基金 among measures: money set aside
                if (
                    not (found or cm)
                    and c.duty is not None
                    and c.duty.search(norm, max(cs, r.q.start - 8), r.q.start)
                    and not procedure_limit(norm, r.q, (cs, ce))
                ):
                    continue  # 参与项目的规模应在5000亩以上: a standard to meet, no goal
                if (
                    not (found or cm)
                    and r.q.rec.bound in ("ge", "gt", "le", "lt")
                    and r.indicator.endswith(_SIZE_STANDARDS)
                ):
                    continue  # 村级…服务站点建设面积不低于20平方米: a size each one must have
                if (found is None or found.inherited) and _prohibited(norm, cs, r.q.start):
                    continue  # 投资比例不得超过总额的10%: a standing rule of prohibition
                accepted_any = True
                # the period a document states for itself (its title, 规划期为…) gives no
                # deadline: FORMAT.md's deadline comes from the text around the target
                _add_target(ctx, r, finder.record(found), cm.group(0) if cm else None)
    if rows:
        # table rows were read first: put every record back in document order
        ctx.targets.sort(key=lambda t: t.span.start)
        ctx.baselines.sort(key=lambda b: b.span.start)


_SIZE_STANDARDS: Final = (
    "建设面积",
    "建筑面积",
    "使用面积",
    "占地面积",
    "营业面积",
    "宽度",
    "净高",
    "层高",
    "间距",
)
"""Measures of the size of each building or site: with a bound word and neither deadline nor
commitment, a standard to meet."""
_NUMBER_START: Final = patterncache.compile(r"[\d零〇一二两三四五六七八九十百千]")


def _prohibited(norm: str, cs: int, q_start: int) -> bool:
    """Whether a bound of prohibition (``不得超过``) stands right before the value at
    ``q_start``, or before the whole its share is of (``不得超过本企业净资产的50%``)."""
    pat = cues().prohibition
    # the quantity may open with its bound word (不得少于200米): read up to its number
    m = _NUMBER_START.search(norm, q_start, q_start + 8, KEEP_GIL)
    end = m.start() if m is not None else q_start
    lo = max(cs, q_start - 26)
    window = norm[lo:end]
    if pat is None or ("不" not in window and "禁" not in window):
        return False
    return pat.search(norm, lo, end) is not None


def _antecedent(norm: str, lay: Layout, ss: int, word: str) -> str | None:
    """What ``该比例`` refers to: the measure an earlier sentence of the paragraph opens with
    (``公办园在园幼儿占比是衡量普惠水平的重要指标。到2025年，该比例要达到50%以上``)."""
    pi = lay.paragraph_index(ss)
    if pi is None:
        return None
    ps = lay.paragraphs[pi][0]
    heads = _RATIO_HEADS if word in _RATIO_HEADS else (word,)
    pattern = patterncache.compile(
        r"[^，,。；;：:\n]{2,30}?(?:" + "|".join(regex.escape(h) for h in heads) + ")"
    )
    earlier = [(a, b) for a, b in lay.sentences if ps <= a < ss]
    for a, b in reversed(earlier):
        start = a
        while start < b and norm[start] in " \t、":
            start += 1
        m = pattern.match(norm, start, b)
        if m:
            return cues().lead.sub("", m.group(0)).strip() or None
    return None


def _has_future(finder: DeadlineFinder, times: list[TRef]) -> bool:
    for t in times:
        y = finder.usable(t)
        if (
            y is not None
            and is_deadline_word(finder.norm, t)
            and (finder.ref is None or y >= finder.ref)
        ):
            return True
    return False


def _entry_condition(
    ctx: Context, norm: str, ss: int, se: int, headings: dict[str, str | None]
) -> bool:
    """A sentence that states who may apply, or stands in an item headed so."""
    c = cues()
    if c.entry.search(norm, ss, se):
        return True
    # 新建技工院校的，占地面积不少于150亩: whom the rest of the sentence applies to
    if (
        c.opening_condition is not None
        and norm.find("的", ss, ss + 30) >= 0
        and c.opening_condition.match(norm, ss, se)
    ):
        return True
    pid = ctx.outline.provision_at(ss)
    if pid is None:
        return False
    heading = headings.get(pid)
    if not heading:
        return False
    if c.standard_heading is not None and c.standard_heading.search(
        heading.rstrip("。.：: "), 0, None, KEEP_GIL
    ):
        return True  # （四）投入标准。…: the figures of an item on standards
    return bool(c.entry.search(heading))


def _future_context(finder: DeadlineFinder, found: Found | None) -> bool:
    """Whether the deadline a sentence finds for itself (``found``) is ahead."""
    return (
        found is not None
        and found.time is not None
        and is_deadline_word(finder.norm, found.time)
        and (finder.ref is None or found.year >= finder.ref)
    )


MAX_SENTENCE: Final = 1000
"""A longer sentence (a run-on list, a table flattened to one line) is read in pieces of at most
this many characters, cut after a clause mark, so that reading stays linear in its length."""


_SERIAL: Final = patterncache.compile(r"\d{1,3}(?=\p{Han})")


def _row_split(norm: str, ss: int, se: int, is_row: Callable[..., bool]) -> list[tuple[int, int]]:
    """``ss..se`` cut at each line break next to a tab-separated table row: a row
    (``2\t打造冰雪主题精品旅游线路10条以上\t…``) shares no indicator with the row above it."""
    nl = norm.find("\n", ss, se)
    if nl < 0:
        return [(ss, se)]
    out: list[tuple[int, int]] = []
    start = ss
    line_start = norm.rfind("\n", 0, ss) + 1
    while nl >= 0:
        nxt = norm.find("\n", nl + 1)
        line_end = nxt if nxt >= 0 else len(norm)
        if is_row(line_start, nl) or is_row(nl + 1, line_end):
            if nl > start:
                out.append((start, nl))
            start = nl + 1
            m = _SERIAL.match(norm, start, line_end)
            if m is not None and is_row(m.end(), m.end() + 1, True):
                start = m.end()  # the row's number cell (2\t打造…) is no part of it
        line_start = nl + 1
        nl = norm.find("\n", nl + 1, se)
    if se > start:
        out.append((start, se))
    return out


def _cell_cut(
    ctx: Context, cls: list[tuple[int, int]], ss: int, se: int
) -> tuple[list[tuple[int, int]], list[int]]:
    """``cls`` cut at each cell break of a table row (a tab of the original, a ``|``, a run of
    spaces in a row of cells apart by spaces), with
    the index into ``cls`` of the clause each piece was cut from: a target's indicator never
    runs from its task cell into the deadline or unit cells after it
    (``完成30个老旧小区…设施建设\t2029年9月底前\t区住房建设委``)."""
    sp = ctx.span(ss, se)
    text = ctx.text
    spaced = any(is_cell_row(ln) for ln in text[sp.start : sp.end].split("\n"))
    if text.find("\t", sp.start, sp.end) < 0 and ctx.norm.find("|", ss, se) < 0 and not spaced:
        return cls, list(range(len(cls)))
    work, norm = ctx.work, ctx.norm
    breaks: list[int] = []
    for i in work.gaps_in(ss + 1, se):
        a, b = work.to_orig(i - 1) + 1, work.to_orig(i)
        if text.find("\t", a, b) >= 0 or (spaced and is_wide_gap(text[a:b])):
            breaks.append(i)
    for i in range(ss, se):
        if norm[i] in "\t|":
            breaks.append(i)
    if not breaks:
        return cls, list(range(len(cls)))
    breaks.sort()
    out: list[tuple[int, int]] = []
    parents: list[int] = []
    for k, (cs, ce) in enumerate(cls):
        pos = cs
        for i in breaks:
            if pos < i < ce:
                piece = _trim(norm, pos, i)
                if piece is not None:
                    out.append(piece)
                    parents.append(k)
                pos = i
        piece = _trim(norm, pos, ce)
        if piece is not None:
            out.append(piece)
            parents.append(k)
    return out, parents


def _trim(norm: str, a: int, b: int) -> tuple[int, int] | None:
    """``a..b`` without the cell marks and white space at its edges, or None when empty."""
    while a < b and (norm[a] in "\t|" or norm[a].isspace()):
        a += 1
    while b > a and (norm[b - 1] in "\t|" or norm[b - 1].isspace()):
        b -= 1
    return (a, b) if b > a else None


def _bounded(
    norm: str, sentences: list[tuple[int, int]], is_row: Callable[..., bool]
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for whole in sentences:
        for ss, se in _row_split(norm, *whole, is_row):
            _cut_long(norm, ss, se, out)
    return out


def _cut_long(norm: str, ss: int, se: int, out: list[tuple[int, int]]) -> None:
    """Append ``ss..se`` to ``out`` in pieces of at most ``MAX_SENTENCE`` characters."""
    while se - ss > MAX_SENTENCE:
        window = norm[ss : ss + MAX_SENTENCE]
        cut = max(window.rfind(m) for m in "，,；;、 ")
        cut = ss + cut + 1 if cut > 0 else ss + MAX_SENTENCE
        out.append((ss, cut))
        ss = cut
    out.append((ss, se))


def _topic(norm: str, lay: Layout, i: int) -> str:
    """The field named by the last ``在…领域，`` of the paragraph before offset ``i``."""
    pi = lay.paragraph_index(i)
    if pi is None:
        return ""
    probe = cues().topic_probe
    if probe is not None and probe.search(norm, lay.paragraphs[pi][0], i + 1, KEEP_GIL) is None:
        return ""  # no clause of the paragraph up to i can name a topic
    kept = lay.para_clauses.get(pi)
    if kept is None:
        cls = clauses(norm, *lay.paragraphs[pi])
        kept = lay.para_clauses[pi] = (cls, [s for s, _e in cls])
    cls, starts = kept
    n = bisect_right(starts, i)  # the clauses starting at or before i (in order, apart)
    if n == 0:
        return ""
    cs, ce = cls[n - 1]
    if ce <= i:
        return _whole_topic(norm, lay, pi, n)
    # the clause holding i is read up to i, as if the paragraph ended there
    return _topic_of(cues().topic, norm[cs : i + 1]) or _whole_topic(norm, lay, pi, n - 1)


def _whole_topic(norm: str, lay: Layout, pi: int, n: int) -> str:
    """The last topic the first ``n`` clauses of paragraph ``pi``, each read whole (with its
    mark), name, or ''."""
    acc = lay.para_topics.setdefault(pi, [""])
    cls = lay.para_clauses[pi][0]
    pattern = cues().topic
    while len(acc) <= n:
        cs, ce = cls[len(acc) - 1]
        acc.append(_topic_of(pattern, norm[cs : ce + 1]) or acc[-1])
    return acc[n]


def _topic_of(pattern: regex.Pattern[str], text: str) -> str:
    m = pattern.match(text)
    return m.group(1) + m.group(2) if m else ""


def _value_follows(norm: str, cls: list[tuple[int, int]], ci: int, qs: list[QRef]) -> bool:
    """``实现倍增，达到2500亿元``: the next clause gives the same indicator a number."""
    if ci + 1 >= len(cls):
        return False
    s, e = cls[ci + 1]
    if not any(s <= q.start < e for q in qs):
        return False
    head = norm[s:e].lstrip()
    c = cues()
    # 翻一番，三年累计新招聘教师…: a span of years opening the next clause is no level
    return bool(c.level.match(head)) or any(
        q.start == s and (q.rec.unit or "") not in c.duration_units for q in qs
    )


def _commitment(norm: str, start: int, end: int) -> regex.Match[str] | None:
    """The last commitment word written before a value in its sentence."""
    last = None
    for m in cues().commitment.finditer(norm, start, end, False, KEEP_GIL):
        last = m
    return last


def _lead_commitment(norm: str, lay: Layout, found: Found | None) -> regex.Match[str] | None:
    """A commitment word written with an inherited deadline (``力争到2030年，…：``)."""
    if found is None or not found.inherited or found.time is None:
        return None
    for ss, _se in lay.sentences_overlapping(found.time.start, found.time.start + 1):
        return cues().commitment.search(norm, ss, found.time.end, KEEP_GIL)
    return None


def _past_sections(
    ctx: Context, lay: Layout
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The working-copy ranges of sections about the past (``发展基础``) and of sections that
    set standards (``建设内容与标准``)."""
    c = cues()
    out = []
    standard = []
    for sec in ctx.outline.sections:
        # an item whose title runs on into its text (2.垃圾分类.…对分类成效突出的小区…) is
        # read by the words before its first stop
        title = _TITLE_END.split(sec.title, maxsplit=1)[0].rstrip()
        if c.past_heading.search(title, 0, None, KEEP_GIL):
            out.append((lay.to_norm(sec.body.start), lay.to_norm(sec.body.end)))
        elif c.standard_heading is not None and c.standard_heading.search(title, 0, None, KEEP_GIL):
            standard.append((lay.to_norm(sec.body.start), lay.to_norm(sec.body.end)))
    return out, standard


_SHORT_MEASURE: Final = patterncache.compile(r"\p{Han}{3,4}")


def _named_before(ctx: Context, r: Reading) -> str | None:
    """The indicator of an earlier target of the document that a measure of three or four
    characters written alone repeats without its subject (``年业务量`` after
    ``低空物流年业务量``), or None. Counts are left alone: a count of the same noun may be of
    another kind or place."""
    ind = r.indicator
    if (
        not _SHORT_MEASURE.fullmatch(ind, 0, None, KEEP_GIL)
        or _bare_unit(r.q.rec.unit or "") in cues().count_units
    ):
        return None
    for t in reversed(ctx.targets):
        if t.indicator.endswith(ind) and len(t.indicator) >= len(ind) + 2:
            return t.indicator
    return None


def _add_target(
    ctx: Context, r: Reading, deadline: Deadline | None, commitment: str | None
) -> None:
    start = min(r.start, r.q.start)
    end = max(r.end, r.q.end)
    named = _named_before(ctx, r)
    if named is not None:
        r.indicator = named  # 年业务量较2027年翻一番 after 低空物流年业务量达到五亿件左右
        r.ind_start = r.ind_end = None
    ind_span = (
        ctx.span(r.ind_start, r.ind_end)
        if r.ind_start is not None and r.ind_end is not None and r.ind_end > r.ind_start
        else None
    )
    # every value is of its field's type by construction (spans of the working copy, the
    # quantity and deadline records, strings): the record needs no validation
    ctx.targets.append(
        trusted(
            Target,
            {
                "span": ctx.span(start, end),
                "indicator": _as_written(ctx, r, ind_span),
                "quantity": r.q.rec,
                "deadline": deadline,
                "provision": ctx.outline.provision_at(r.q.start),
                "indicator_span": ind_span,
                "commitment": commitment,
            },
        )
    )


def _as_written(ctx: Context, r: Reading, span: Span | None = None) -> str:
    """The indicator with its written stretch in the original's characters (full-width
    brackets kept), when it was read from one stretch of the text (``span``: that stretch's
    span, when known)."""
    if r.ind_start is None or r.ind_end is None or r.ind_end <= r.ind_start:
        return _restored(ctx, r, r.indicator)
    piece = ctx.norm[r.ind_start : r.ind_end]
    if not r.indicator.startswith(piece):
        return _restored(ctx, r, r.indicator)
    if span is None:
        span = ctx.span(r.ind_start, r.ind_end)
    written = _WS.sub("", ctx.text[span.start : span.end])
    if len(written) != len(piece):
        return r.indicator
    return written + r.indicator[len(piece) :]


_HALF_MARKS: Final = patterncache.compile(r"[()\[\]:;,?!]")


def _restored(ctx: Context, r: Reading, indicator: str) -> str:
    """An assembled indicator with the marks the working copy made half-width written as in
    the stretch it was read from (``每个县（市、区）规范化分拣中心``), or, for a part borrowed
    from a clause before it (``可循环中转袋（笼车）使用率``), as written in the text before."""
    if not _HALF_MARKS.search(indicator, 0, None, KEEP_GIL):
        return indicator
    a, b = min(r.start, r.q.start), max(r.end, r.q.end)
    table: dict[int, str] = {}
    for lo in (a, max(0, a - _RESTORE_REACH)):
        _written_marks(ctx, lo, b, table)
        if all(ord(ch) in table for ch in _HALF_MARKS.findall(indicator)):
            break
    return indicator.translate(table) if table else indicator


_RESTORE_REACH: Final = 200
"""How far before a reading's stretch a borrowed part's marks are looked for."""


def _written_marks(ctx: Context, a: int, b: int, table: dict[int, str]) -> None:
    """Add to ``table`` how each half-width mark of ``norm[a:b]`` is written in the text (the
    nearest first: a mark already in ``table`` keeps its writing)."""
    sp = ctx.span(a, b)
    written = _WS.sub("", ctx.text[sp.start : sp.end])
    normed = _WS.sub("", ctx.norm[a:b])
    if len(written) != len(normed):
        return
    for n, w in zip(normed, written, strict=True):
        if n != w and _HALF_MARKS.fullmatch(n):
            table.setdefault(ord(n), w)


def _add_baseline(ctx: Context, r: Reading, year: int | None) -> None:
    start = min(r.start, r.q.start)
    end = max(r.end, r.q.end)
    ctx.baselines.append(
        trusted(
            Baseline,
            {
                "span": ctx.span(start, end),
                "indicator": _as_written(ctx, r),
                "quantity": r.q.rec,
                "year": year,
                "provision": ctx.outline.provision_at(r.q.start),
            },
        )
    )
