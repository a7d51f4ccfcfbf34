"""Tables written one cell a line (text taken from a Word or web table): a header of header
words on lines of their own, then rows of as many lines.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from ... import patterncache
from ...normalize import WorkingText
from .compacted import SPACES, Block
from .rows import (
    CELL_GOES_ON,
    MIN_LABEL_COLUMN,
    SERIAL,
    Above,
    column_label,
    header_cell,
    header_words,
    label_columns,
    row_block,
)
from .rules import compiled

_SERIAL_MARKS: Final = patterncache.compile(r"[()（）.、]")
_MAX_COLUMNS: Final = 10


def _lines(norm: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The non-empty lines of ``norm[lo:hi]``, stripped of spaces."""
    out: list[tuple[int, int]] = []
    pos = lo
    while pos < hi:
        nl = norm.find("\n", pos, hi)
        end = hi if nl < 0 else nl
        a, b = pos, end
        while a < b and norm[a] in SPACES:
            a += 1
        while b > a and norm[b - 1] in SPACES:
            b -= 1
        if b > a:
            out.append((a, b))
        pos = end + 1
    return out


_MAX_HEADER_NOTE: Final = 10
"""Longest note in brackets at the end of a header cell (``_HEADER_NOTE``)."""


def _is_header_word(norm: str, line: tuple[int, int], words: frozenset[str]) -> bool:
    """Whether a line is one of the header ``words`` (a long line is not, seen at once)."""
    a, b = line
    if b - a > _MAX_HEADER_NOTE + _longest(words):
        core = norm[a:b].strip("* ")
        if len(core) > _MAX_HEADER_NOTE + _longest(words):
            return False
    return header_cell(norm[a:b]) in words


@cache
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=0)


def _serial_number(text: str) -> int | None:
    if not SERIAL.fullmatch(text):
        return None
    digits = _SERIAL_MARKS.sub("", text)
    return int(digits) if digits.isdigit() else "一二三四五六七八九十".find(digits) + 1 or None


def _wrapped_cells_merged(norm: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines with a cell wrapped over two lines made one (``区住建交通局、`` + ``各街道办事处``)."""
    out: list[tuple[int, int]] = []
    for a, b in lines:
        if out and norm[out[-1][1] - 1] in CELL_GOES_ON:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def column_table_blocks(work: WorkingText, lo: int, hi: int) -> list[Block]:
    """Rows of a table written one cell a line (text taken from a Word or web table).

    The header is a run of at least three lines that are each a header word (a unit label, a
    label that names no unit, or a word such as ``序号``, ``重点任务``, ``完成时限``), one of them
    a unit label. The rows follow, each as many lines as the header; when the first column
    numbers the rows, a row runs to the next number, and a row whose cell count differs (an
    empty cell left out) is skipped. The table ends at the first row that does not fit.
    """
    norm = work.norm
    unit_labels = {x.text for x in compiled().rules.labels if len(x.text) >= MIN_LABEL_COLUMN}
    if not _label_line(norm, lo, hi, unit_labels):
        return []  # a header names a unit column, on a line of its own
    words = header_words()
    lines = _wrapped_cells_merged(norm, _lines(norm, lo, hi))
    out: list[Block] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and j - i < _MAX_COLUMNS and _is_header_word(norm, lines[j], words):
            j += 1
        header = [norm[slice(*ln)] for ln in lines[i:j]]
        columns = label_columns(header, unit_labels)
        if len(header) < 3 or not columns:
            i = max(j, i + 1)
            continue
        width = len(header)
        above: Above = {}
        k = j
        while k < len(lines):
            first = _serial_number(norm[slice(*lines[k])])
            e = k + width
            if first is not None:
                # a numbered row runs to the next number (within twice its width)
                nxt = k + 1
                while (
                    nxt < len(lines)
                    and nxt - k <= 2 * width
                    and _serial_number(norm[slice(*lines[nxt])]) != first + 1
                ):
                    nxt += 1
                found = nxt < len(lines) and nxt - k <= 2 * width
                e = nxt if found else min(e, len(lines))
            row = lines[k:e]
            block = row_block(norm, row, columns, True, None, above) if len(row) == width else None
            if block is None and (first is None or len(row) == width):
                break
            if block is not None:
                out.append(block)
            k = e
        i = max(k, j)
    return out


def _label_line(norm: str, lo: int, hi: int, labels: set[str]) -> bool:
    """Whether a line of ``norm[lo:hi]`` is a header cell that is one of the unit ``labels``.

    Such a line holds the label at its start (after spaces and ``*``), where the first label
    that :func:`column_label` finds on the line starts.
    """
    if any(x[:1] in SPACES + "*" for x in labels):
        return True  # a label that starts like the spaces before it: no shortcut
    for m in column_label().finditer(norm, lo, hi):
        a = max(lo, norm.rfind("\n", lo, m.start()) + 1)
        e = norm.find("\n", m.end(), hi)
        if header_cell(norm[a : hi if e < 0 else e].strip(SPACES)) in labels:
            return True
    return False
