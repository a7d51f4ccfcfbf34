"""Targets and baselines of indicator tables (``专栏`` rows: ``指标 | 2020年 | 2025年``).

The quantities stage reads each numeric cell of a year column with its row's unit
(:mod:`..quantities.table`). Here each row gives a target for every year column at or after
the document's own year (the later of its stated start year and the year of its date), with
that year as its deadline, and a baseline for every earlier year column and for every column
whose header calls it a base (``基期``, ``现状``, ``基数``, ``完成``: ``table_base_heads`` in
``data/targets.yaml``). Without any year the last year column is the target and the others
are baselines. Of two year columns, the earlier one at the stated start year is the base
(``2023年 | 2025年`` in a 2023–2025 plan) unless its header calls it a goal (``2023年目标``) or
the text outside the tables writes that year as a deadline (``到2025年底，…`` in a 2025–2027
plan with ``2025年 | 2027年``: two stages, each column a goal with its own deadline).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ... import patterncache
from ...records import Baseline, Deadline, Target
from ..quantities.table import Row, find_tables
from .geometry import Layout, QRef
from .rules import cues
from .select import is_deadline_word, valid_year

if TYPE_CHECKING:
    from ...pipeline import Context
    from ...records import Meta


_GOAL_HEAD: Final = patterncache.compile(r"目标|预期|规划")
# 年均增长 | 年均增速: a column of average change; its cells measure the change of the row
_GROWTH_HEAD: Final = patterncache.compile(
    r"(?:年均|年平均|平均每年)(?:增长率|增长|增速|增幅|下降|降低)"
)
_YEAR_HEAD: Final = patterncache.compile(r"\d{4}")
# 地区生产总值增长（%）: a row that already names a change keeps its own indicator
_CHANGE_WORD: Final = patterncache.compile(r"增长|增速|增幅|下降|降低|减少|提高|提升")


def _stated_deadlines(lay: Layout, rows: list[tuple[int, int]]) -> set[int]:
    """The years the text outside the tables writes as deadlines (``到2025年底``)."""
    out: set[int] = set()
    for t in lay.times:
        if t.rec.kind == "period" or any(a <= t.start < b for a, b in rows):
            continue
        y = valid_year(t)
        if y is not None and is_deadline_word(lay.norm, t):
            out.add(y)
    return out


def document_year(meta: Meta, ref: int | None) -> int | None:
    """The year a document is written in: the later of its start year and its date's year."""
    years = [y for y in (ref, meta.start_year) if y is not None]
    if meta.date and meta.date[:4].isdigit():
        years.append(int(meta.date[:4]))
    return max(years) if years else None


def read_tables(ctx: Context, lay: Layout, ref: int | None) -> list[tuple[int, int]]:
    """Add the targets and baselines of every table row; the rows' working-copy ranges."""
    year = document_year(ctx.meta, ref)
    base_head = cues().table_base_head
    by_start = {q.start: q for q in lay.quantities}
    rows = find_tables(lay.norm, ctx.work)
    ranges = [(row.start, row.end) for row in rows]
    stated = _stated_deadlines(lay, ranges) if rows else set()
    support = cues().support
    for row in rows:
        last = max(v.year for v in row.values)
        # 发放城镇住房保障家庭租赁补贴 | 户 | 9500: benefits handed out, as in running text
        handed_out = support.search(row.indicator) is not None
        # of two year columns, one at the start year is the base, unless its header calls it
        # a goal or the text sets goals for that year (到2025年底，…)
        base = (
            row.years[0]
            if len(row.years) == 2 and row.years[0] == ref and ref not in stated
            else None
        )
        for v in row.values:
            q = by_start.get(v.num_start)
            if q is None or q.end > v.cell.end:
                continue
            ahead = v.year >= year if year is not None else v.year == last
            if v.year == base and not _GOAL_HEAD.search(v.header.text):
                ahead = False
            if base_head is not None and base_head.search(v.header.text):
                ahead = False
            if ahead and handed_out:
                continue
            if ahead:
                # a rate in it is the change (1%); a bracketed total ([5] 座) is a count
                growth = (
                    _GROWTH_HEAD.search(v.header.text)
                    if (q.rec.unit or "") in ("%", "‰", "百分点")
                    else None
                )
                _target(
                    ctx,
                    row,
                    q,
                    v.year,
                    v.header.start,
                    v.header.end,
                    growth.group(0) if growth and not _YEAR_HEAD.search(v.header.text) else "",
                )
            else:
                _baseline(ctx, row, q, v.year)
    return ranges


def _indicator_span(ctx: Context, row: Row) -> tuple[int, int]:
    s = row.label.start
    return s, s + len(row.indicator) if ctx.norm[
        s : s + len(row.indicator)
    ] == row.indicator else row.label.end


_PART_MARK: Final = patterncache.compile(r"^\s*其中\s*[:：]\s*")


def _row_indicator(ctx: Context, row: Row) -> tuple[str, int, int]:
    """A row's indicator and its span, without a leading ``其中：`` (a part of the row above,
    ``其中：高速铁路（公里）``)."""
    s, e = _indicator_span(ctx, row)
    m = _PART_MARK.match(row.indicator)
    if m is None or m.end() >= len(row.indicator):
        return row.indicator, s, e
    text = row.indicator[m.end() :]
    if e - s == len(row.indicator):
        s += m.end()
    return text, s, e


def _target(
    ctx: Context, row: Row, q: QRef, year: int, hs: int, he: int, measure: str = ""
) -> None:
    """Add the target of one cell; ``measure`` is a change its column's header names
    (``年均增长``), added to the row's indicator."""
    indicator, s, e = _row_indicator(ctx, row)
    if measure and not _CHANGE_WORD.search(indicator):
        indicator, e = indicator + measure, s  # assembled: no single span
    ctx.targets.append(
        Target(
            span=ctx.span(row.label.start, q.end),
            indicator=indicator,
            quantity=q.rec,
            deadline=Deadline(year=year, span=ctx.span(hs, he), inherited=True),
            provision=ctx.outline.provision_at(q.start),
            indicator_span=ctx.span(s, e) if e > s else None,
        )
    )


def _baseline(ctx: Context, row: Row, q: QRef, year: int) -> None:
    ctx.baselines.append(
        Baseline(
            span=ctx.span(row.label.start, q.end),
            indicator=_row_indicator(ctx, row)[0],
            quantity=q.rec,
            year=year,
            provision=ctx.outline.provision_at(q.start),
        )
    )
