"""Tables whose rows are lines: cells apart by ``|``, tabs or spaces, under a header that names
unit columns, with group rows, blank and page-number lines, wrapped cells and continuation
rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Final

from ... import patterncache
from ...normalize import WorkingText
from ...patterncache import KEEP_GIL
from .compacted import (
    MAX_CONTINUATION,
    PAGE_NUMBER,
    SPACES,
    Block,
    compact,
    gap_text,
    space_only_gap,
    without_role_word,
)
from .lists import with_space_separators
from .names import describe
from .rows import (
    SERIAL,
    Above,
    Cell,
    cell_cut,
    column_label,
    column_labels,
    empty_cell_texts,
    header_cell,
    header_words,
    holds_units,
    is_ditto,
    label_columns,
    row_block,
    unit_pieces,
)
from .rules import compiled
from .units import ends_like_unit

_SPACE_RUN: Final = patterncache.compile(f"[{SPACES}]+")
_RULE_ROW: Final = patterncache.compile(r"^[\s|:\-—]+$")


def _cells(work: WorkingText, start: int, end: int) -> list[tuple[int, int]] | None:
    """The cells of a table row ``norm[start:end]``, stripped.

    Cells are separated by ``|`` or by a tab (which normalization may have dropped next to a
    Chinese character; the original text tells).
    """
    norm = work.norm
    if end <= start:
        return None
    orig = work.span(start, end)
    if "|" not in norm[start:end] and "\t" not in work.text[orig.start : orig.end]:
        return None
    bounds: list[tuple[int, int]] = []  # (end of a cell, start of the next)
    # only a separator, or a place where normalization removed original text, cuts a cell
    at = {i for i in work.gaps_in(start + 1, end)}
    for sep in "|\t":
        i = norm.find(sep, start, end)
        while i >= 0:
            at.add(i)
            i = norm.find(sep, i + 1, end)
    for i in sorted(at):
        if norm[i] in "|\t":
            bounds.append((i, i + 1))
        elif i > start and "\t" in (gap := gap_text(work, i)):
            tabs = gap.rsplit("\n", 1)[-1].count("\t")
            if "\n" in gap and tabs == len(bounds):
                continue  # a line break joined away, tabs back to the same column: a wrapped cell
            bounds.extend([(i, i)] * max(1, tabs))  # two tabs in a row: an empty cell between
    if not bounds:
        return None
    out: list[tuple[int, int]] = []
    a = start
    for e, nxt in [*bounds, (end, end)]:
        x, y = a, e
        while x < y and norm[x] in " *":
            x += 1
        while y > x and norm[y - 1] in " *":
            y -= 1
        out.append((x, y))
        a = nxt
    line = norm[start:end]
    if line.lstrip().startswith("|"):
        out = out[1:]
    if line.rstrip().endswith("|"):
        out = out[:-1]
    return out if len(out) >= 2 else None


_MAX_HEADER_CELL: Final = 8
_HEADER_PUNCT: Final = patterncache.compile(r"[、,;:。()（）]")


def _space_runs(work: WorkingText, start: int, end: int) -> list[tuple[int, int, int]]:
    """The runs of spaces in ``norm[start:end]``: where each cuts, and how many spaces it has.

    Spaces that normalization dropped next to a Chinese character count too (``(k, k, n)``).
    """
    runs = [
        (m.start(), m.end(), m.end() - m.start())
        for m in _SPACE_RUN.finditer(work.norm, start, end, False, KEEP_GIL)
    ]
    runs += [
        (k, k, len(gap_text(work, k)))
        for k in work.gaps_in(start + 1, end)
        if space_only_gap(work, k - 1, k)
    ]
    return runs


def _space_cells(
    work: WorkingText, start: int, end: int, widest: bool = False
) -> list[tuple[int, int]] | None:
    """The cells of a row written with spaces between them (``1  建设中心  县商务局  …``).

    ``widest``: only runs of two or more spaces cut a cell (a table whose header is written so,
    where one space separates units inside a cell).
    """
    cuts = [(a, b) for a, b, n in _space_runs(work, start, end) if not widest or n > 1]
    if not cuts:
        return None
    cuts.sort()
    out: list[tuple[int, int]] = []
    a = start
    for s, e in cuts:
        if s > a:
            out.append((a, s))
        a = max(a, e)
    if end > a:
        out.append((a, end))
    return out if len(out) >= 2 else None


def _space_header(norm: str, cells: list[tuple[int, int]], labels: set[str]) -> dict[int, str]:
    """The unit columns of a space-separated header row, or none when it is not one.

    A header has at least three short cells, one of them a unit label, and no punctuation,
    and none of its other cells looks like a unit (``牵头单位　市发改委`` is a block, not a header).
    """
    texts = [norm[a:b] for a, b in cells]
    cores = [header_cell(t) for t in texts]
    if len(texts) < 3 or any(len(t) > _MAX_HEADER_CELL or _HEADER_PUNCT.search(t) for t in cores):
        return {}
    if any(header_cell(t) not in labels and ends_like_unit(t) for t in texts):
        return {}
    return label_columns(texts, labels)


Row = tuple[list[Cell], dict[int, list[Cell]]]
"""A row's cells, and the cells written as several space-separated pieces (by column)."""


def _merged(cells: list[Cell], k: int, extra: int) -> list[Cell]:
    """``cells`` with the ``extra + 1`` pieces from ``k`` on made one cell."""
    middle = cells[k : k + extra + 1]
    return [*cells[:k], (middle[0][0], middle[-1][1]), *cells[k + extra + 1 :]]


def _space_row(norm: str, cells: list[Cell], header: list[str], columns: dict[int, str]) -> Row:
    """A space-separated row's cells aligned with its ``header``'s columns.

    Spaces inside a cell split it. The extra pieces are taken to be the task's (the text
    column before the unit columns): columns before it are taken from the left and the others
    from the right. When the column before the unit columns is one of short cells
    (``完成时限``), the extra pieces go where no unit falls into a short column and every unit
    column holds units: the task's column first, then the unit columns (the pieces of a unit
    cell written apart by spaces, ``市供销社  市邮政公司``), a participants' column before a
    lead's, a later one before an earlier. A row with fewer cells is read from the left.
    When the task's column comes before the unit columns, the extra pieces stay with the task
    unless those it would take after its own are departments or governments (``推进城市更新
    市住建局  市发改委  市财政局``): then they are a unit cell's, found as above.
    """
    first = min(columns)
    width = len(header)
    if len(cells) <= width or first == 0:
        return cells, {}
    extra = len(cells) - width
    default = _merged(cells, first - 1, extra)
    short = frozenset(compiled().rules.table_short_columns)
    roles = compiled().label_roles
    units = sorted(columns, key=lambda c: (roles.get(columns[c]) == "lead", -c))
    if header[first - 1] in short:
        texts = [k for k in range(first) if header[k] not in short]
        tries = [*reversed(texts), *units]
    elif all(_names_agency(norm[a:b]) for a, b in cells[first : first + extra]):
        tries = units
    else:
        return default, {}
    for k in tries:
        row = _merged(cells, k, extra)
        pieces = cells[k : k + extra + 1]
        if any(ends_like_unit(norm[a:b]) for j, (a, b) in enumerate(row) if header[j] in short):
            continue
        if any(
            not ends_like_unit(norm[a:b])
            for j, (a, b) in enumerate(row)
            if j in columns
            and j != k
            and norm[a:b] not in empty_cell_texts()
            and not is_ditto(norm[a:b])
        ):
            continue
        if k in columns:
            if all(ends_like_unit(norm[a:b]) for a, b in pieces):
                return row, {k: pieces}
            continue
        return row, {}
    return default, {}


def _pieces_in_cells(
    work: WorkingText, cells: list[Cell], columns: dict[int, str]
) -> dict[int, list[Cell]]:
    """The unit cells of a row that single spaces split into units, with their pieces.

    ``广西大学　自治区农业科学院　广西农垦集团有限责任公司``: each piece must be a unit.
    """
    norm = work.norm
    out: dict[int, list[Cell]] = {}
    for k in columns:
        if k >= len(cells):
            continue
        pieces = _space_cells(work, *cells[k])
        if pieces is not None and all(holds_units(norm[a:b]) for a, b in pieces):
            out[k] = pieces
    return out


def _short_cells_fit(norm: str, cells: list[Cell], header: list[str]) -> bool:
    """Whether no cell of a space-separated row under a column of short cells (``序号``,
    ``完成时限``) names a unit: a line of unit names after the table is no row of it."""
    short = compiled().rules.table_short_columns
    return not any(
        header[k] in short and ends_like_unit(norm[a:b])
        for k, (a, b) in enumerate(cells[: len(header)])
    )


def _names_agency(text: str) -> bool:
    """Whether a piece of a row names a department, a government or another unit a table
    lists (``市住建局``, ``广西大学``, ``广西农垦集团有限责任公司``; the rule data's
    ``row_unit_endings``).

    Not a place (``社区``, ``街道``), which a task's words may end with (``建设完整社区``).
    """
    if not ends_like_unit(text):
        return False
    if describe(text).kind == "government_department" or text.endswith("政府"):
        return True
    return text.endswith(_row_unit_endings())


@cache
def _row_unit_endings() -> tuple[str, ...]:
    return tuple(compiled().rules.row_unit_endings)


def table_blocks(work: WorkingText, lo: int, hi: int) -> list[Block]:
    """Rows of a table whose header names unit columns (``| 任务 | 牵头单位 | 配合单位 |``).

    Each row is a block: its unit cells, each read as if written after its column's label.
    Cells are separated by ``|`` or tabs, or by spaces when the header row is written so
    (``序号  重点任务  牵头单位  配合单位  完成时限``, as text taken from a table often is).
    """
    norm = work.norm
    labels = column_labels()
    out: list[Block] = []
    columns: dict[int, str] = {}
    spaced = False
    wide = False
    header: list[str] = []
    width = 0  # cells of the header row of a table with cell separators
    above: Above = {}
    pos = lo
    while pos < hi:
        if not columns and not spaced:
            # outside a table only a line with a unit label may start one (its header)
            m = column_label().search(norm, pos, hi)
            if m is None:
                break
            pos = norm.rfind("\n", pos, m.start()) + 1 or pos
        nl = norm.find("\n", pos, hi)
        end = hi if nl < 0 else nl
        parts: dict[int, list[Cell]] = {}
        cells = _cells(work, pos, end)
        if cells is not None and columns and not spaced:
            # tabs that open the row (an empty first cell) were dropped before Chinese text
            cells = _with_lead_tabs(work, pos, end, cells)
        if cells is None and (spaced or not columns):
            if spaced and not norm[pos:end].strip():
                pos = end + 1
                continue
            cells = _space_cells(work, pos, end)
            if cells is not None and not columns:
                columns = _space_header(norm, cells, labels)
                spaced = bool(columns)
                # a header whose cells are apart by two or more spaces: one space inside a
                # row's cell separates units within it
                wide = spaced and all(n > 1 for _, _, n in _space_runs(work, pos, end))
                above = {}
                header = [header_cell(norm[a:b]) for a, b in cells]
                pos = end + 1
                continue
            if cells is not None and spaced and wide and len(cells) > len(header):
                coarse = _space_cells(work, pos, end, widest=True)
                if coarse is not None and len(coarse) == len(header):
                    cells, parts = coarse, _pieces_in_cells(work, coarse, columns)
            if cells is not None and spaced:
                if len(cells) < len(header):
                    # a cell a line break wrapped (…西藏监 + 管局、西藏银行股份有限公司  2030年12月)
                    wrapped = _wrapped_row(work, cells, end, hi, len(header), _space_cells)
                    if wrapped is not None and _short_cells_fit(norm, wrapped[0], header):
                        cells, end = wrapped
                if not parts:
                    cells, parts = _space_row(norm, cells, header, columns)
                if not _short_cells_fit(norm, cells, header):
                    cells = None  # units where a number or date stands: the signature lines
                elif len(cells) == len(header):
                    cells, end = _last_cell_wrapped(work, cells, end, hi, columns, _space_cells)
            elif cells is not None:
                cells = None
        if cells is None:
            if (
                columns
                and not spaced
                and _blank_or_page(norm, pos, end)
                and _table_goes_on(work, end, hi, width)
            ):
                # a blank line or a page number inside a tab or | table keeps its header when
                # the table goes on after it (a group row, then rows of the header's width)
                pos = end + 1
                continue
            # outside a table (no columns) there is nothing to end
            # a group row (一、提升口岸通关能力) keeps the header, in a table of any kind
            if (spaced or columns) and not _group_row(work, pos, end):
                columns, spaced, above = {}, False, {}
        elif not columns or _header_row(norm, cells, labels):
            columns = label_columns([norm[a:b] for a, b in cells], labels)
            width = len(cells)
            above = {}
        elif not _RULE_ROW.match(norm[pos:end]):
            if not spaced and len(cells) < width:
                wrapped = _wrapped_row(work, cells, end, hi, width)
                if wrapped is not None:
                    cells, end = wrapped
            if not spaced and len(cells) == width:
                cells, end = _last_cell_wrapped(work, cells, end, hi, columns, _cells)
                parts, end = _continuation_rows(work, cells, end, hi, columns)
            block = row_block(norm, cells, columns, spaced, parts, above)
            if block is not None and not spaced:
                # units written apart by spaces inside a cell (县发改局 县财政局 县水务局)
                content = with_space_separators(work, block.content)
                block = replace(block, content=content)
            if block is not None:
                out.append(block)
        pos = end + 1
    return out


def _blank_or_page(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` is a blank line or a page-number line."""
    text = norm[start:end]
    return not text.strip() or PAGE_NUMBER.fullmatch(text) is not None


_MAX_TABLE_GAP: Final = 6
"""Most lines looked at past a blank line inside a table for a row that goes on with it."""


def _table_goes_on(work: WorkingText, end: int, hi: int, width: int) -> bool:
    """Whether a tab or ``|`` table goes on after the blank line ending at ``end``.

    Blank and page-number lines are skipped, and one group row (``六、完善产业治理体系``); the
    next line must be a row with the header's ``width`` cells. A signature, a note or a new
    section's prose is none.
    """
    norm = work.norm
    groups = 0
    for _ in range(_MAX_TABLE_GAP):
        if end >= hi:
            return False
        nl = norm.find("\n", end + 1, hi)
        a, b = end + 1, hi if nl < 0 else nl
        end = b
        if _blank_or_page(norm, a, b):
            continue
        cells = _cells(work, a, b)
        if cells is not None:
            return len(cells) == width
        if groups or not _group_row(work, a, b):
            return False
        groups += 1
    return False


_ROW_HEADING: Final = patterncache.compile(
    r"(?:[(（](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]|(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、](?!\d))"
)
"""A number that opens a row or a group heading (``2``, ``二、``, ``(三)``)."""


def _wrapped_row(
    work: WorkingText,
    cells: list[Cell],
    end: int,
    hi: int,
    width: int,
    cells_of: Callable[[WorkingText, int, int], list[Cell] | None] | None = None,
) -> tuple[list[Cell], int] | None:
    """A row whose last cell a line break wrapped onto the next line, made whole.

    The row ending at ``end`` has fewer cells than the header (``width``); the next line has
    the rest (together one more than the header: the wrapped cell counts on both lines) and
    opens with no row number or group heading. The wrapped cell runs from its start on this
    line to its end on the next; returned with the end of the next line, or None. A next
    line that opens with a header word (``备注``) is no rest of a cell. ``cells_of`` reads the
    next line's cells (by default as the row's: ``|`` or tabs; :func:`_space_cells` for a
    table whose cells are apart by spaces).
    """
    norm = work.norm
    if end >= hi:
        return None
    nl = norm.find("\n", end + 1, hi)
    next_end = hi if nl < 0 else nl
    start = end + 1
    while cells_of is not None and start < next_end and norm[start] in SPACES:
        start += 1  # spaces that open the line cut no cell
    rest = (cells_of or _cells)(work, start, next_end)
    skip = len(cells) - 1  # empty cells before the wrapped cell's column (⇥⇥市人民政府⇥…)
    if rest is not None and len(rest) > skip > 0 and all(b <= a for a, b in rest[:skip]):
        rest = rest[skip:]
    if rest is None or len(cells) + len(rest) != width + 1:
        return None
    first = norm[rest[0][0] : rest[0][1]]
    if not first or SERIAL.fullmatch(first) or _ROW_HEADING.match(first):
        return None
    if header_cell(first) in header_words():
        return None  # a note row (备注 …) or a new header, not the rest of a cell
    joined = (cells[-1][0], rest[0][1])
    return [*cells[:-1], joined, *rest[1:]], next_end


def _next_line(norm: str, end: int, hi: int) -> tuple[int, int] | None:
    """The text of the line after the one ending at ``end`` (spaces stripped), if any."""
    if end >= hi or norm[end] != "\n":
        return None
    nl = norm.find("\n", end + 1, hi)
    b = hi if nl < 0 else nl
    a = end + 1
    while a < b and norm[a] in SPACES:
        a += 1
    return (a, b) if b > a else None


def _last_cell_wrapped(
    work: WorkingText,
    cells: list[Cell],
    end: int,
    hi: int,
    columns: dict[int, str],
    cells_of: Callable[[WorkingText, int, int], list[Cell] | None],
) -> tuple[list[Cell], int]:
    """A row whose last cell, a unit column's, a line break cut (``…省人力资源`` + ``社会保障厅``).

    The next line is one piece (no cell boundary), opens with no row number, group heading or
    header word, and finishes the unit: the cell runs on to its end. Else the row as it is.
    """
    norm = work.norm
    k = len(cells) - 1
    if k not in columns or not cell_cut(norm[slice(*cells[k])]):
        return cells, end
    line = _next_line(norm, end, hi)
    if line is None or line[1] - line[0] > MAX_CONTINUATION or cells_of(work, *line) is not None:
        return cells, end
    text = norm[slice(*line)]
    if SERIAL.fullmatch(text) or _ROW_HEADING.match(text) or header_cell(text) in header_words():
        return cells, end
    joined = compact(norm, cells[k][0], line[1]).s
    if not ends_like_unit(without_role_word(unit_pieces(joined)[-1])):
        return cells, end
    return [*cells[:k], (cells[k][0], line[1])], line[1]


def _cells_after_tabs(work: WorkingText, a: int, b: int) -> list[Cell] | None:
    """The cells of the line ``norm[a:b]``, with the empty cells of the tabs that open it.

    Normalization drops tabs before a Chinese character; the original text tells how many
    stood there (``⇥⇥⇥委``: three empty cells, then ``委``).
    """
    return _with_lead_tabs(work, a, b, _cells(work, a, b))


def _with_lead_tabs(
    work: WorkingText, a: int, b: int, rest: list[Cell] | None
) -> list[Cell] | None:
    """:func:`_cells_after_tabs`, given ``_cells(work, a, b)``."""
    lead = gap_text(work, a).rsplit("\n", 1)[-1].count("\t")
    if not lead:
        return rest
    return [(a, a)] * lead + (rest or [(a, b)])


def _past_page_break(norm: str, end: int, hi: int) -> int:
    """From the end of a row, the end of the blank and page-number lines right after it.

    A page break inside a row (``…、市`` + blank line + ``— 3 —`` + blank line +
    ``| | | 融媒体中心 |``) leaves the rest of the row on the next page. ``end`` itself when no
    such line follows; at most ``_MAX_TABLE_GAP`` lines are skipped.
    """
    k = end
    for _ in range(_MAX_TABLE_GAP):
        if k >= hi or norm[k] != "\n":
            break
        nl = norm.find("\n", k + 1, hi)
        b = hi if nl < 0 else nl
        if b >= hi or not _blank_or_page(norm, k + 1, b):
            break
        k = b
    return k


_MAX_CONTINUATIONS: Final = 3
"""Most continuation rows (``| | | | 委 |``) read after one row of a table."""


def _continuation_rows(
    work: WorkingText, cells: list[Cell], end: int, hi: int, columns: dict[int, str]
) -> tuple[dict[int, list[Cell]], int]:
    """Unit cells a PDF wrapped into rows of their own, each cell in its column.

    A continuation row (``| | | | 委 |``, ``⇥⇥⇥委``) leaves the first column empty and has text
    in a unit column; either it has text in unit columns alone, or one of them finishes a unit
    cell of the row above that a break cut (``省发展改革``; the task's words may go on beside
    it). A row with a task and whole units under an empty first cell is a row of its own (a
    category cell merged over several rows). Returns the pieces of each unit column so
    continued, and where the last such row ends.
    """
    norm = work.norm
    parts: dict[int, list[Cell]] = {}
    for _ in range(_MAX_CONTINUATIONS):
        before = _past_page_break(norm, end, hi)
        line = _next_line(norm, before, hi)
        if line is None:
            break
        nl = norm.find("\n", before + 1, hi)
        line_end = hi if nl < 0 else nl
        rest = _cells_after_tabs(work, before + 1, line_end)
        if rest is not None and len(rest) < len(cells) and _bar_opens(norm, *line, cells):
            rest = [(line[0], line[0]), *rest]  # ``||B`` under ``1|A|C``: its first bar cuts a cell
        if rest is None or len(rest) > len(cells):
            break
        filled = [k for k, (a, b) in enumerate(rest) if b > a]
        units = [k for k in filled if k in columns and cells[k][1] > cells[k][0]]
        if not units or 0 in filled or _header_row(norm, rest, set(columns.values())):
            break
        last = {k: (parts.get(k) or [cells[k]])[-1] for k in units}
        if len(units) < len(filled) and not any(cell_cut(norm[slice(*last[k])]) for k in units):
            break
        for k in units:
            parts.setdefault(k, [cells[k]]).append(rest[k])
        end = line_end
    return parts, end


def _bar_opens(norm: str, a: int, b: int, cells: list[Cell]) -> bool:
    """Whether the line ``norm[a:b]`` opens with ``|`` while the row above (``cells``) does not.

    :func:`_cells` drops the empty cell before a ``|`` that opens a line (a table written
    ``| A | B |``); in a table whose rows open with their first cell (``1|任务|单位``) that bar
    cuts an empty first cell, which a continuation row (``||国家消防救援局``) leaves.
    """
    if not norm.startswith("|", a) or not cells:
        return False
    row = norm.rfind("\n", 0, cells[0][0]) + 1
    return not norm[row : cells[0][0] + 1].lstrip(SPACES).startswith("|")


_MAX_GROUP_ROW: Final = 20
"""Longest group row of a table (``一、政务环境``): a line without cells that keeps the header."""
_PROSE_STOP: Final = patterncache.compile(r"[。!?;]")


def _group_row(work: WorkingText, start: int, end: int) -> bool:
    """Whether a line without cells inside a table is a row of it and keeps the header.

    A group row (``一、政务环境`` followed by empty cells that normalization trimmed) or a
    short line without a sentence stop does; a blank line or a prose paragraph ends the table.
    """
    text = work.norm[start:end].strip()
    if not text:
        return False
    if len(text) <= _MAX_GROUP_ROW and not _PROSE_STOP.search(text):
        return True
    a = work.to_orig(start)
    line_end = work.text.find("\n", a)
    line = work.text[a : len(work.text) if line_end < 0 else line_end]
    return ("\t" in line or "|" in line) and not _PROSE_STOP.search(text)


def _header_row(norm: str, cells: list[tuple[int, int]], labels: set[str]) -> bool:
    """Whether a row is a new header: every cell a header word, one of them a unit label."""
    texts = [header_cell(norm[a:b]) for a, b in cells]
    words = header_words()
    return all(t in words for t in texts if t) and bool(label_columns(texts, labels))
