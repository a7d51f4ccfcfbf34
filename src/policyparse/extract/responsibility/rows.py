"""Table rows as blocks, for every table layout: header cells and unit columns, the pieces of
a unit cell, placeholder and ditto cells, and the block of one row.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from ... import patterncache
from ...patterncache import KEEP_GIL
from .compacted import Block, Compact, compact, without_role_word
from .lists import LIST_SEPARATORS
from .rules import compiled
from .units import borrows_head, ends_like_unit

_HEADER_NOTE: Final = patterncache.compile(r"[(（〔\[][\p{Han}、/]{1,8}[)）〕\]]$")


def header_cell(text: str) -> str:
    """A header cell without a note in brackets at its end (``牵头单位（部门）`` → ``牵头单位``)."""
    return _HEADER_NOTE.sub("", text.strip("* "), 0, None, None, KEEP_GIL)


def label_columns(texts: list[str], labels: set[str]) -> dict[int, str]:
    """The columns whose header cell is a unit label, with the label."""
    out: dict[int, str] = {}
    for k, t in enumerate(texts):
        cell = header_cell(t)
        if cell in labels:
            out[k] = cell
    return out


Cell = tuple[int, int]
SERIAL: Final = patterncache.compile(r"[(（]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）.、]?")


@cache
def header_words() -> frozenset[str]:
    r = compiled().rules
    return frozenset([x.text for x in r.labels] + r.other_labels + r.table_header_words)


CELL_GOES_ON: Final = "、,"


@cache
def column_label() -> re.Pattern[str]:
    """Any unit label long enough to head a table column (words alone: ``re`` is faster)."""
    texts = [x.text for x in compiled().rules.labels if len(x.text) >= MIN_LABEL_COLUMN]
    return patterncache.compile_re("|".join(sorted(map(re.escape, texts), key=len, reverse=True)))


@cache
def column_labels() -> set[str]:
    """The labels that may head a column of units."""
    return {x.text for x in compiled().rules.labels if len(x.text) >= MIN_LABEL_COLUMN}


def cell_cut(text: str) -> bool:
    """Whether a unit cell's text stops inside a unit (``省发展改革``, ``市财政局、``)."""
    if not text or text in empty_cell_texts() or is_ditto(text):
        return False
    if text[-1] in CELL_GOES_ON:
        return True
    pieces = unit_pieces(text)
    return bool(pieces) and not ends_like_unit(without_role_word(pieces[-1]))


MIN_LABEL_COLUMN: Final = 4


def unit_pieces(text: str) -> list[str]:
    """The pieces of a cell between separators, without a trailing 等 (``县商务局等``)."""
    rules = compiled()
    out: list[str] = []
    for p in LIST_SEPARATORS.split(text):
        m = rules.strip_suffix.search(p)
        core = p[: m.start()] if m is not None and m.start() > 0 else p
        if core:
            out.append(core)
    return out


@cache
def empty_cell_texts() -> frozenset[str]:
    """Cell contents that stand for an empty cell (``—``, ``无``)."""
    return frozenset(compiled().rules.empty_cells)


def _cell_content(norm: str, cell: Cell, pieces: list[Cell] | None) -> Compact:
    """A cell's compacted text, from its pieces when it was written in several.

    Pieces written apart by spaces are joined by ``、``; a piece that goes on with a unit a
    break cut (``省发展改革`` + ``委``) is joined to it directly.
    """
    if not pieces:
        return compact(norm, *cell)
    chars: list[str] = []
    pos: list[int] = []
    for a, b in pieces:
        c = compact(norm, a, b)
        if chars and c.s and not cell_cut("".join(chars)):
            chars.append("、")
            pos.append(c.pos[0])
        chars.append(c.s)
        pos.extend(c.pos)
    return Compact("".join(chars), tuple(pos))


@cache
def _ditto_cells() -> frozenset[str]:
    """Cell contents that mean the same as the row above (``同上``)."""
    return frozenset(compiled().rules.ditto_cells)


def is_ditto(text: str) -> bool:
    """Whether a cell's text means "the same as the row above" (``同上``, ``同上。``)."""
    return text.strip(" 。.") in _ditto_cells()


_NO_UNITS: Final = Compact("", ())
Above = dict[int, Compact]
"""The units' text of each unit column in the row above (a ditto cell resolved), by column."""


def holds_units(text: str) -> bool:
    """Whether every piece of a unit cell is a unit, or a stem a later one lends its head to.

    ``自治区财政厅、崇左、来宾市人民政府``: ``崇左`` takes ``市人民政府`` from the unit after it.
    """
    pieces = [without_role_word(p) for p in unit_pieces(text)]
    units = [ends_like_unit(p) for p in pieces]
    return all(
        ok or any(units[j] and borrows_head(p, pieces[j]) for j in range(k + 1, len(pieces)))
        for k, (p, ok) in enumerate(zip(pieces, units, strict=True))
    )


def row_block(
    norm: str,
    cells: list[Cell],
    columns: dict[int, str],
    spaced: bool = False,
    parts: dict[int, list[Cell]] | None = None,
    above: Above | None = None,
) -> Block | None:
    """A table row's block: its unit cells, each after its column's label.

    A ditto cell (``同上``) takes the text of the same column in the row above, as ``above``
    holds it, with that row's offsets: a unit it inherits is written there. ``above`` is
    updated with this row's cells (a row that is no block of units leaves it as it was).
    """
    chars: list[str] = []
    pos: list[int] = []
    spans: list[tuple[int, int]] = []
    resolved: Above = {}
    for k, label in sorted(columns.items()):
        resolved[k] = _NO_UNITS
        if k >= len(cells) or cells[k][1] <= cells[k][0]:
            continue
        a, b = cells[k]
        cell = _cell_content(norm, (a, b), (parts or {}).get(k))
        if is_ditto(cell.s):
            spans.append((a, b))  # the ditto cell is part of this row's block
            cell = (above or {}).get(k, _NO_UNITS)
            resolved[k] = cell
            if not cell.s:
                continue
        else:
            if not cell.s or cell.s in empty_cell_texts():
                continue
            if spaced and not holds_units(cell.s):
                return None  # a space-separated row must hold units where the header says so
            resolved[k] = cell
            spans.append((a, max(b, cell.pos[-1] + 1)))  # on to a continuation row's piece
        if chars:
            chars.append(";")
            pos.append(a)
        chars.extend(label + ":")
        pos.extend([a] * (len(label) + 1))
        chars.extend(cell.s)
        pos.extend(cell.pos)
    if above is not None:
        above.clear()
        above.update(resolved)
    if not chars:
        return None
    content = Compact("".join(chars), tuple(pos))
    return Block(spans[0][0], max(e for _, e in spans), content, "table", True, True, True)
