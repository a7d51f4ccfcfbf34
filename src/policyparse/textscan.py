"""Small text scans shared by the outline and the extract stages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Final

from . import patterncache


def char_offsets(t: str, chars: str) -> Iterator[int]:
    """Every offset of one of ``chars`` in ``t`` (character by character, not in order)."""
    for c in chars:
        i = t.find(c)
        while i >= 0:
            yield i
            i = t.find(c, i + 1)


def bracket_depth(text: str, start: int, end: int, opens: str = "(（", closes: str = ")）") -> int:
    """How many brackets opened in ``text[start:end]`` are still open at ``end``.

    ``opens`` and ``closes`` are the opening and closing characters counted; a closing one with
    none open is passed over, as a stray bracket in running text (``1）…``).
    """
    depth = 0
    for m in _brackets(opens, closes).finditer(text, start, end):
        if m.group() in opens:
            depth += 1
        elif depth:
            depth -= 1
    return depth


@cache
def _brackets(opens: str, closes: str) -> re.Pattern[str]:
    return patterncache.compile_re("[" + re.escape(opens + closes) + "]")


CELL_GAP: Final = patterncache.compile_re(r"(?<=\S)(?:\t|[ \u3000]*(?:  |\u3000)[ \u3000]*)(?=\S)")
"""A cell break of a table row in the original text: a tab, two spaces or a full-width space
between two characters."""


def row_cells(line: str) -> list[str]:
    """The cells of ``line`` of the original text, split at its cell breaks."""
    return CELL_GAP.split(line.strip())


def is_cell_row(line: str) -> bool:
    """Whether ``line`` of the original text is a row of three cells or more."""
    if "\t" not in line and "  " not in line and "\u3000" not in line.strip():
        return False
    gaps = CELL_GAP.finditer(line.strip())
    return next(gaps, None) is not None and next(gaps, None) is not None


def is_wide_gap(gap: str) -> bool:
    """Whether ``gap``, white space that normalization took out, parts two cells."""
    return ("  " in gap or "\u3000" in gap or "\t" in gap) and not gap.strip()
