"""Indicator tables (``专栏``): rows of bare numbers under a header of years.

A table is read in one of two layouts of the working copy:

- one row a line, cells split by ``|``, ``｜`` or tabs (``指标 | 2020年 | 2025年 | 属性``);
- one cell a line, as the HTML and DOCX readers write table cells: a run of short header lines
  (``指标``, ``2020年``, ``2025年``) followed by rows of as many lines;
- one row a line, cells split by runs of spaces or tabs (``序号 指标名称 单位 2023年 2025年``,
  as text taken from a PDF or a word processor writes a table). Normalization drops white space
  next to Chinese characters, so this layout is read from the original text (made half-width)
  and its cells are mapped back to the working copy.

The header must name an indicator column (``指标``, ``主要指标``, ``指标名称`` …; failing one, a
column named by kind in its first two cells: ``类别``, ``名称``, ``内容`` …) and at least one
column headed by a year. In a table one row a line, a header of year cells alone heads a table
whose first column is the label (its header cell left empty). A row's unit is the bracketed
unit ending its indicator cell (``农村生活污水治理率（%）``) or the cell of a ``单位`` column.
Each numeric cell of a year column is a value, and so is each cell of a column of average
growth or of a five-year total
(``年均增长``, ``累计``, ``年均增长/累计``), reached by the last year column; a leading
``≥``/``≤``/``>``/``<`` or a trailing ``以上``/``以下``/``左右`` is its bound. A cell may carry
its own ``%`` (``1%`` in a growth column), which wins over the row's unit. Rows with fewer
cells than the header (a merged category cell) are aligned from the right.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final

import regex

from ... import patterncache
from ...patterncache import KEEP_GIL
from ...textscan import char_offsets

if TYPE_CHECKING:
    from ...normalize import WorkingText

_SPLIT_CHARS: Final = "|｜\t"
_SPLIT: Final = patterncache.compile("[" + "".join(regex.escape(c) for c in _SPLIT_CHARS) + "]")
_YEAR_HEAD: Final = patterncache.compile(
    r"^(?:(?:目标|预期|规划|基期|现状|实际)值?|基数)?[(（]?(?P<y>(?:19|20)\d{2})年?(?:底|末)?[)）]?"
    r"(?:[(（]?(?:目标值?|预期值?|规划值?|基[期数]值?|现状值?|实际值?)[)）]?)?$"
)
_SPAN_HEAD: Final = patterncache.compile(
    r"^(?:[“\x22]?十[一二三四五六七八九]五[”\x22]?|五年)?(?:年均(?:增长|增速)?(?:率)?|累计(?:增长|值)?)"
    r"(?:[/／、]?[(（〔]?(?:年均(?:增长|增速)?|累计)[)）〕]?)?(?:[(（]%[)）])?$"
)
"""A column of average growth or of a total over the plan period (``年均增长/累计``): its
values are reached by the last year column."""
_LABEL_HEAD: Final = patterncache.compile(r"^(?:主要)?指标(?:名称)?$|^(?:项目|指标项)$")
# a header with no indicator column names its label column by kind (类别 | 2026年 | 2027年)
_KIND_HEAD: Final = patterncache.compile(
    r"^(?:类别|分类|类型|名称|项目名称|内容|指标内容|建设内容|工作内容)$"
)
_UNIT_HEAD: Final = patterncache.compile(r"^(?:计量)?单位$")
_UNIT_TAIL: Final = patterncache.compile(r"[(（](?P<u>[^()（）]{1,8})[)）]$")
_VALUE: Final = patterncache.compile(
    r"^(?P<pre>≥|≤|>|<|＞|＜|大于|小于|不低于|不高于|不少于|不超过)?"
    r"[\[〔【(（]?(?P<num>\d+(?:\.\d+)?)(?P<pct>[%％])?[\]〕】)）]?"
    r"(?P<suf>以上|以下|以内|左右)?$"
)
_MAX_CELL: Final = 40
_NOT_UNIT: Final = patterncache.compile(
    r"累计|累计值|累计数|五年累计|年均|新增|当年|年度|预期性|约束性|(?:含|包含|包括|其中)\p{Han}{0,6}"
)
"""A bracket ending an indicator cell that notes how it is counted, not its unit."""
_NO_UNIT: Final = frozenset(("—", "——", "-", "--", "－", "–", "/", "／", "无"))
"""Unit cells that say the indicator has no unit."""
"""Longest header cell of a one-cell-a-line table."""

BOUND_SIGNS: Final = {
    "≥": "ge",
    "不低于": "ge",
    "不少于": "ge",
    "以上": "ge",
    "≤": "le",
    "不高于": "le",
    "不超过": "le",
    "以下": "le",
    "以内": "le",
    ">": "gt",
    "＞": "gt",
    "大于": "gt",
    "<": "lt",
    "＜": "lt",
    "小于": "lt",
    "左右": "approx",
}


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; own __init__ (faster)
class Cell:
    """One cell: its offsets in the text (white space trimmed) and its text."""

    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text


@dataclass(frozen=True, slots=True)
class ValueCell:
    """A numeric cell of a year column."""

    year: int
    header: Cell
    cell: Cell
    num: str
    num_start: int
    """Where the number (with a bound sign before it) starts."""
    bound: str
    """``eq``, ``ge``, ``gt``, ``le``, ``lt`` or ``approx``."""
    unit: str | None = None
    """The cell's own unit (``1%`` in a ``亿立方米`` row), which wins over the row's."""


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its line range, indicator cell, unit and values."""

    start: int
    end: int
    label: Cell
    indicator: str
    """The indicator cell without its bracketed unit and white space."""
    unit: str | None
    values: tuple[ValueCell, ...]
    years: tuple[int, ...] = ()
    """The distinct years of the header's year columns, in order."""


def _cells(t: str, start: int, end: int) -> list[Cell]:
    out: list[Cell] = []
    pos = start
    for m in [*_SPLIT.finditer(t, start, end), None]:
        stop = m.start() if m is not None else end
        a, b = pos, stop
        while a < b and t[a].isspace():
            a += 1
        while b > a and t[b - 1].isspace():
            b -= 1
        out.append(Cell(a, b, t[a:b]))
        if m is not None:
            pos = m.end()
    # a separator that opens or closes the line leaves an empty edge cell
    while out and not out[0].text:
        out.pop(0)
    while out and not out[-1].text:
        out.pop()
    return out


_WHITE_SPACE: Final = patterncache.compile(r"\s+")
_HAN: Final = patterncache.compile(r"\p{Han}")


def _lines(t: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    while (nl := t.find("\n", pos)) >= 0:
        out.append((pos, nl))
        pos = nl + 1
    out.append((pos, len(t)))
    return out


def _lines_with(t: str, lines: list[tuple[int, int]], offsets: Iterable[int]) -> list[bool]:
    """Per line of ``lines`` (all the lines of ``t``): whether one of ``offsets`` is in it."""
    starts = [s for s, _ in lines]
    out = [False] * len(lines)
    for i in offsets:
        out[bisect_right(starts, i) - 1] = True
    return out


@dataclass(frozen=True, slots=True)
class _Header:
    label: int
    unit: int | None
    years: tuple[tuple[int, int, Cell], ...]
    width: int


def _header(cells: list[Cell], implicit: bool = False) -> _Header | None:
    """The header a line's cells make, or None; with ``implicit``, a line of year cells alone
    heads a table whose label column has no header cell (``  2026年  2027年  2028年`` over
    ``试点项目（个）  30  60  100``)."""
    label = unit = None
    years: list[tuple[int, int, Cell]] = []
    spans: list[tuple[int, Cell]] = []
    kind: int | None = None
    for i, c in enumerate(cells):
        text = _WHITE_SPACE.sub("", c.text)
        if label is None and _LABEL_HEAD.match(text):
            label = i
        elif kind is None and label is None and i <= 1 and _KIND_HEAD.match(text):
            kind = i
        elif unit is None and _UNIT_HEAD.match(text):
            unit = i
        else:
            m = _YEAR_HEAD.match(text)
            if m:
                years.append((i, int(m.group("y")), c))
            elif _SPAN_HEAD.match(text):
                spans.append((i, c))
    if label is None:
        label = kind
    if label is None and implicit and len(years) >= 2 and len(years) == len(cells):
        shifted = tuple((i + 1, y, c) for i, y, c in years)
        return _Header(0, None, shifted, len(cells) + 1)
    if label is None or not years:
        return None
    last = max(y for _, y, _ in years)
    years.extend((i, last, c) for i, c in spans)
    years.sort(key=lambda y: y[0])
    return _Header(label, unit, tuple(years), len(cells))


def _row(t: str, h: _Header, cells: list[Cell], start: int, end: int) -> Row | None:
    if not cells or len(cells) > h.width:
        return None
    shift = h.width - len(cells)
    if h.label - shift < 0:
        return None

    def cell(i: int) -> Cell | None:
        j = i - shift
        return cells[j] if 0 <= j < len(cells) else None

    lab = cell(h.label)
    if lab is None or not _HAN.search(lab.text):
        return None
    indicator = _WHITE_SPACE.sub("", lab.text)
    unit: str | None = None
    um = _UNIT_TAIL.search(indicator)
    if um and _NOT_UNIT.fullmatch(um.group("u")):
        um = None  # 新增高效节水灌溉面积（累计）: a note on the measure, kept as written
    if um:
        unit = um.group("u")
        indicator = indicator[: um.start()]
    if h.unit is not None:
        uc = cell(h.unit)
        if uc is not None and uc.text.strip():
            unit = _WHITE_SPACE.sub("", uc.text)
    if unit is not None:
        unit = unit.replace("％", "%")
        if unit in _NO_UNIT:
            unit = None  # a dash in the unit cell: the indicator has no unit (系数 | — | 0.56)
    values: list[ValueCell] = []
    for i, year, head in h.years:
        c = cell(i)
        if c is None:
            continue
        text = _WHITE_SPACE.sub("", c.text)
        m = _VALUE.match(text)
        if m is None:
            continue
        sign = m.group("pre") or m.group("suf")
        bound = BOUND_SIGNS.get(sign, "eq") if sign else "eq"
        own = "%" if m.group("pct") else None
        values.append(ValueCell(year, head, c, m.group("num"), c.start, bound, own))
    if not indicator or not values:
        return None
    years = tuple(sorted({y for _, y, _ in h.years}))
    return Row(start, end, lab, indicator, unit, tuple(values), years)


def find_tables(t: str, work: WorkingText | None = None) -> list[Row]:
    """The data rows of every indicator table in the working copy ``t``.

    With ``work`` (the working text ``t`` was made from), tables whose cells are split by
    white space in the original are read too.
    """
    return list(_tables(t, work))


@lru_cache(maxsize=2)
def _tables(t: str, work: WorkingText | None) -> tuple[Row, ...]:
    """:func:`find_tables`, kept for the stage that asks next (quantities, then targets)."""
    rows = _split_rows(t)
    if work is not None and len(work.norm) == len(t):
        seen = {r.label.start for r in rows}
        rows.extend(r for r in _spaced_rows(t, work) if r.label.start not in seen)
        rows.sort(key=lambda r: r.start)
    return tuple(rows)


_SPACED: Final = patterncache.compile(r"[ \t]+")
_BAR: Final = patterncache.compile(r"[|｜]")


def _spaced_cells(orig: str, s: int, e: int) -> list[tuple[int, int]]:
    """The cells of an original line split by runs of white space (edges trimmed)."""
    out: list[tuple[int, int]] = []
    pos = s
    for m in [*_SPACED.finditer(orig, s, e, False, KEEP_GIL), None]:
        stop = m.start() if m is not None else e
        if stop > pos:
            out.append((pos, stop))
        if m is None:
            break
        pos = m.end()
    return out


def _spaced_rows(t: str, work: WorkingText) -> list[Row]:
    """Rows of tables split by white space in the original text, in working-copy offsets."""
    orig = work.halfwidth

    def to_cells(pairs: list[tuple[int, int]]) -> list[Cell] | None:
        out: list[Cell] = []
        for a, b in pairs:
            na, nb = work.to_norm(a), work.to_norm(b - 1) + 1
            if nb <= na or t[na:nb] != orig[a:b]:
                return None
            out.append(Cell(na, nb, t[na:nb]))
        return out

    rows: list[Row] = []
    lines = _lines(orig)
    may_head = _lines_with(orig, lines, char_offsets(orig, _HEAD_CHARS))
    i = 0
    while i < len(lines):
        s, e = lines[i]
        implicit = not may_head[i]
        if implicit and not _YEAR_LINE.match(orig, s, e, KEEP_GIL):
            i += 1
            continue
        pairs = _spaced_cells(orig, s, e)
        h = None
        if len(pairs) >= (2 if implicit else 3) and not _BAR.search(orig, s, e):
            cells = to_cells(pairs)
            h = _header(cells, implicit) if cells is not None else None
        if h is None:
            i += 1
            continue
        j = i + 1
        while j < len(lines):
            rs, re_ = lines[j]
            cells = to_cells(_spaced_cells(orig, rs, re_))
            r = None
            if cells:
                r = _row(t, h, cells, cells[0].start, cells[-1].end)
            if r is None:
                # a row with no number (单位GDP…降低 | % | — | 完成州下达任务) is skipped
                if cells and _numberless_row(h, cells):
                    j += 1
                    continue
                # a category line of one short cell (健康水平) inside the table
                if cells and _category_line(cells) and _next_row(t, h, to_cells, orig, lines, j):
                    j += 1
                    continue
                break
            rows.append(r)
            j += 1
        i = j
    return rows


_CATEGORY_MAX: Final = 10
"""Longest category line (one cell, no digit) inside a table split by white space."""


def _category_line(cells: list[Cell]) -> bool:
    """Whether a line is one short digit-free cell of Chinese text (``健康水平``)."""
    if len(cells) != 1:
        return False
    text = cells[0].text
    return (
        len(text) <= _CATEGORY_MAX
        and _HAN.search(text) is not None
        and _DIGIT.search(text) is None
        and _CELL_STOP.search(text) is None
    )


def _next_row(
    t: str,
    h: _Header,
    to_cells: Callable[[list[tuple[int, int]]], list[Cell] | None],
    orig: str,
    lines: list[tuple[int, int]],
    j: int,
) -> bool:
    """Whether the line after line ``j`` is a row of the table headed ``h``."""
    if j + 1 >= len(lines):
        return False
    cells = to_cells(_spaced_cells(orig, *lines[j + 1]))
    if not cells:
        return False
    return _row(t, h, cells, cells[0].start, cells[-1].end) is not None


_PLACEHOLDER_MAX: Final = 12
"""Longest text of a year cell of a row with no number (``—``, ``完成州下达任务``)."""
_CELL_STOP: Final = patterncache.compile(r"[，,。；;：:！？!?]")


def _numberless_row(h: _Header, cells: list[Cell]) -> bool:
    """Whether ``cells`` are a whole row of the table headed ``h`` whose year cells hold no
    number (a dash or a few words): a row that gives no value, not the end of the table."""
    if len(cells) != h.width or not _HAN.search(cells[h.label].text):
        return False
    if len(cells[h.label].text) > _MAX_CELL:
        return False
    for i, _year, _head in h.years:
        text = cells[i].text
        if len(text) > _PLACEHOLDER_MAX or _CELL_STOP.search(text) or _DIGIT.search(text):
            return False
    return True


_DIGIT: Final = patterncache.compile(r"\d")


_YEAR_LINE: Final = patterncache.compile(r"[ \t|｜]*(?:19|20)\d{2}年")
"""A line that opens with a year: it may head a table whose label column has no header."""

_HEAD_CHARS: Final = "指项类名容"
"""A line without one of these cannot hold a header's indicator cell (``_LABEL_HEAD``: 指标,
项目 …; ``_KIND_HEAD``: 类别, 名称, 内容 …): a quick test before it is split into cells."""


def _split_rows(t: str) -> list[Row]:
    lines = _lines(t)
    # which lines hold a cell separator or a header character: one scan of the whole text
    split = _lines_with(t, lines, char_offsets(t, _SPLIT_CHARS))
    may_head = _lines_with(t, lines, char_offsets(t, _HEAD_CHARS))
    rows: list[Row] = []
    i = 0
    while i < len(lines):
        s, e = lines[i]
        # one row a line
        if split[i]:
            if may_head[i]:
                h = _header(_cells(t, s, e))
            else:
                h = _header(_cells(t, s, e), True) if _YEAR_LINE.match(t, s, e) else None
            if h is not None:
                j = i + 1
                while j < len(lines):
                    rs, re_ = lines[j]
                    if not split[j]:
                        break
                    r = _row(t, h, _cells(t, rs, re_), rs, re_)
                    if r is not None:
                        rows.append(r)
                    j += 1
                i = j
                continue
        # one cell a line
        found = _cell_lines(t, lines, i)
        if found is not None:
            got, i = found
            rows.extend(got)
            continue
        i += 1
    return rows


def _line_cell(t: str, s: int, e: int) -> Cell | None:
    line = t[s:e]
    text = line.strip()  # strips what ``str.isspace`` calls white space
    if not text:
        return None
    a = s + len(line) - len(line.lstrip())
    return Cell(a, a + len(text), text)


_OTHER_HEADS: Final = patterncache.compile(
    r"^(?:序号|编号|类别|分类|领域|类型|属性|指标属性|指标性质|性质|备注|说明|年均增长|年均增速|"
    r"累计|目标值|现状值|基期值|预期值)$"
)


_HEAD_WORD: Final = patterncache.compile(
    "|".join(
        f"(?:{p.pattern})"
        for p in (_YEAR_HEAD, _SPAN_HEAD, _LABEL_HEAD, _KIND_HEAD, _UNIT_HEAD, _OTHER_HEADS)
    )
)
"""One of the header patterns (each anchored at both ends) in one match."""


def _is_head_word(text: str) -> bool:
    """Whether a line can be a header cell of a one-cell-a-line table."""
    squashed = _WHITE_SPACE.sub("", text, 0, None, None, KEEP_GIL)
    return _HEAD_WORD.match(squashed, 0, None, KEEP_GIL) is not None


def _cell_lines(t: str, lines: list[tuple[int, int]], i: int) -> tuple[list[Row], int] | None:
    s, e = lines[i]
    if e - s > _MAX_CELL and not t[s].isspace() and not t[e - 1].isspace():
        return None  # too long a header cell, with nothing to strip (cheap test before a copy)
    first = t[s:e].strip()  # the text of ``_line_cell``, without making the cell
    if not first or len(first) > _MAX_CELL or not _is_head_word(first):
        return None
    # the header: consecutive short lines holding a label column and a year column, ending
    # where the next line would no longer be a header word
    head: list[Cell] = []
    j = i
    while j < len(lines) and len(head) < 12:
        c = _line_cell(t, *lines[j])
        if c is None or not _is_head_word(c.text):
            break
        head.append(c)
        j += 1
    h = _header(head)
    if h is None or h.width < 2:
        return None
    rows: list[Row] = []
    k = j
    while k + h.width <= len(lines):
        cells = [_line_cell(t, *lines[m]) for m in range(k, k + h.width)]
        if any(c is None for c in cells):
            break
        got = [c for c in cells if c is not None]
        r = _row(t, h, got, lines[k][0], lines[k + h.width - 1][1])
        if r is None:
            if _numberless_row(h, got) and _next_is_row(t, lines, h, k + h.width):
                k += h.width  # a row with no number, followed by one with a value
                continue
            break
        rows.append(r)
        k += h.width
    if not rows:
        return None
    return rows, k


def _next_is_row(t: str, lines: list[tuple[int, int]], h: _Header, k: int) -> bool:
    """Whether the ``h.width`` lines from line ``k`` make a row with a value."""
    if k + h.width > len(lines):
        return False
    cells = [_line_cell(t, *lines[m]) for m in range(k, k + h.width)]
    got = [c for c in cells if c is not None]
    return (
        len(got) == h.width and _row(t, h, got, lines[k][0], lines[k + h.width - 1][1]) is not None
    )
