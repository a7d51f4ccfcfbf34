"""Lists of units inside a block: where a list goes on over a line break, and where white
space stands for a separator (a colon after a bare label, a ``、`` between two units).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Final

from ... import patterncache
from ...normalize import WorkingText
from ...patterncache import KEEP_GIL
from .compacted import (
    BULLETS,
    CLOSERS,
    HEADING_IN_TEXT,
    LABEL_PEEK,
    OPENERS,
    STOP,
    Compact,
    bracket_depth,
    joined_break,
    space_only_gap,
    spaced_before,
    without_role_word,
)
from .rules import compiled
from .units import ends_like_unit


def unclosed_end(norm: str, start: int, end: int) -> int:
    """Where an unclosed block's content stops: before a heading number inside it."""
    m = HEADING_IN_TEXT.search(norm, start, end)
    return m.start() if m is not None else end


def _last_piece(norm: str, start: int, j: int) -> str:
    k = j
    while k > start and norm[k - 1] not in "、,;:" + OPENERS:
        k -= 1
    return norm[k:j]


def stop_at_joined_break(work: WorkingText, start: int, end: int) -> int:
    """Where a block's content runs into the next line through a joined line break.

    Normalization joins a line that ends in a Han character to the next one (a word broken
    by the break). When the text before the break already ends like a unit, the block ended
    there and the next line is new text.
    """
    norm = work.norm
    for j in work.gaps_in(start + 1, end):  # a joined break removed text before norm[j]
        if (
            joined_break(work, j)
            and ends_like_unit(_last_piece(norm, start, j))
            and bracket_depth(norm, start, j) == 0
            and not _label_across(norm, j, j)
            and not _list_goes_on(norm, j)
        ):
            return j
    return end


_MAX_LIST_LINE: Final = 200
LIST_SEPARATORS: Final = patterncache.compile(r"[、,;]")


_LABEL_WORD: Final = patterncache.compile(r"[ \t]*(\p{Han}{2,4})[ \t]*[:∶]")


@cache
def _other_label_words() -> frozenset[str]:
    return frozenset(compiled().rules.other_labels)


def _list_goes_on(norm: str, k: int) -> bool:
    """Whether the text from ``k`` to the end of its line or sentence is a list of units."""
    rules = compiled()
    j = k
    limit = min(len(norm), k + _MAX_LIST_LINE)
    while j < limit and norm[j] != "\n" and norm[j] not in STOP:
        j += 1
    if j >= limit and j < len(norm):
        return False
    text = rules.label.sub(";", norm[k:j])
    m = _LABEL_WORD.match(text)
    if m is not None and m.group(1) not in _other_label_words():
        text = text[m.end() :]  # a label the data does not know, then units (协作:C、D)
    pieces = [w for w in (without_role_word(p.strip()) for p in LIST_SEPARATORS.split(text)) if w]
    if j < len(norm) and norm[j] == "\n" and len(pieces) > 1 and not ends_like_unit(pieces[-1]):
        pieces = pieces[:-1]  # the line may end inside a unit cut by the next break
    # a piece with a colon left after the unit labels went opens another field (说明:…)
    return bool(pieces) and all(ends_like_unit(p) and ":" not in p for p in pieces)


_MAX_WORD_TAIL: Final = 15
_LABEL_REACH: Final = 8


def _label_across(norm: str, j: int, k: int) -> bool:
    """Whether a unit label is cut by the line break between ``j`` and ``k`` (``责任部\\n门:``)."""
    before = norm[max(0, j - _LABEL_REACH) : j].rstrip()
    joined = before + norm[k : k + _LABEL_REACH + 2]
    return any(m.start() < len(before) < m.end() for m in compiled().label.finditer(joined))


def _word_goes_on(norm: str, piece: str, k: int) -> bool:
    """Whether a unit cut by a line break goes on at ``k`` (``市大`` + ``数据局、…``)."""
    if not piece or HEADING_IN_TEXT.match(norm, k):
        return False
    j = k
    while j < len(norm) and j - k <= _MAX_WORD_TAIL and norm[j] not in "、,;:\n" + STOP:
        j += 1
    if j - k > _MAX_WORD_TAIL:
        return False
    tail = without_role_word(norm[k:j])
    if ends_like_unit(piece):
        # 管委 + 会: the piece was a unit already, but the break cut a longer one
        return ends_like_unit(piece + tail) and not ends_like_unit(tail)
    return ends_like_unit(piece + tail)


def _after_bullets(norm: str, k: int) -> int:
    """Where the text after the bullets at ``norm[k]`` starts (``◆责任单位:`` → ``责任单位:``)."""
    while k < len(norm) and norm[k] in BULLETS:
        k += 1
    return k


def line_goes_on(norm: str, start: int, j: int, k: int) -> bool:
    """Whether a list of units that started at ``start`` goes on after the break at ``j``.

    ``k`` is where the next line's text starts. It goes on after a separator or a label, inside
    brackets, through a unit label or a word cut by the break, or into a line that is itself a
    list of units.
    """
    if HEADING_IN_TEXT.match(norm, k):
        return False
    before = norm[start:j].rstrip()
    return (
        not before
        or before[-1] in "、,;:"
        or norm[k] in "、,;" + OPENERS + CLOSERS
        or compiled().label.match(norm, _after_bullets(norm, k)) is not None
        or compiled().role_word.match(norm, k) is not None
        or _label_across(norm, j, k)
        or bracket_depth(norm, start, j) > 0
        or _word_goes_on(norm, _last_piece(norm, start, j), k)
        or (not _blank_line(norm, j, k) and _list_goes_on(norm, k))
    )


def _blank_line(norm: str, j: int, k: int) -> bool:
    """Whether an empty line, and no page-number line, stands between ``norm[j]`` and ``norm[k]``.

    A paragraph break: a list of units after it (the signature under the last block,
    ``中共某市委办公室``) is new text, not the list going on; a page break is not one.
    """
    lines = norm[j + 1 : k].split("\n")[:-1]
    if not lines:
        return False
    return all(not ln.strip() for ln in lines)


def with_bare_label_colons(work: WorkingText, content: Compact) -> Compact:
    """``content`` with a colon after each label written without one (``牵头单位　市发改委``).

    A label counts when white space stands after it in the original and it opens the content
    or follows white space or a separator.
    """
    s, pos = content.s, content.pos
    inserts: list[int] = []
    for m in compiled().bare_label.finditer(s, 0, None, False, KEEP_GIL):
        b, e = m.start(), m.end()
        if e >= len(s) or not spaced_before(work, pos, e):
            continue
        if b > 0 and s[b - 1] not in "、,;。" and not spaced_before(work, pos, b):
            continue
        inserts.append(e)
    if not inserts:
        return content
    chars = list(s)
    new_pos = list(pos)
    for e in reversed(inserts):
        chars.insert(e, ":")
        new_pos.insert(e, new_pos[e - 1])
    return Compact("".join(chars), tuple(new_pos))


_PIECE_END: Final = "、,;:。" + OPENERS + CLOSERS


_INDENT: Final = " \u3000\xa0"
_MIN_INDENT: Final = 2
"""Spaces (an ideographic space counts for two) that open a line listing the next unit."""


def _indented_break(work: WorkingText, a: int, b: int) -> bool:
    """Whether one line break, then an indentation, stood between ``norm[a]`` and ``norm[b]``.

    ``责任单位：县统计局⏎　　　　　县工信局``: units listed one a line, aligned under the first.
    """
    gap = work.text[work.to_orig(a) + 1 : work.to_orig(b)]
    head, brk, indent = gap.partition("\n")
    if not brk or head.strip(_INDENT + "\r") or not indent or indent.strip(_INDENT):
        return False
    return indent.count("\u3000") * 2 + len(indent.replace("\u3000", "")) >= _MIN_INDENT


def _piece_end(s: str, k: int, stop: int) -> int:
    """Where the piece of ``s`` that starts at ``k`` ends (a separator, or ``stop``)."""
    e = k
    while e < stop and s[e] not in "、,;:。":
        e += 1
    return e


def with_space_separators(work: WorkingText, content: Compact) -> Compact:
    """``content`` with a ``、`` where only spaces separate two units (``县民政局　县财政局``).

    The text before the spaces and the text after them (to the next separator or spaces) must
    both end like a unit, outside brackets, and the text after them must not open a label.
    """
    s, pos = content.s, content.pos
    rules = compiled()
    gaps: list[int] = []
    indented: set[int] = set()
    for k in _possible_gaps(work, pos):
        if space_only_gap(work, pos[k - 1], pos[k]):
            gaps.append(k)
        elif _indented_break(work, pos[k - 1], pos[k]):
            gaps.append(k)
            indented.add(k)
    if not gaps:
        return content
    inserts: list[tuple[int, str]] = []
    for n, k in enumerate(gaps):
        if k in indented and s[k - 1] in CLOSERS and bracket_depth(s, 0, k) == 0:
            # 责任单位：县住建局（牵头）⏎　　县自然资源局: a unit with its bracket, then the next
            # unit on an indented line
            a = k
            while a > 0 and s[a - 1] not in "、,;:。":
                a -= 1
            e = _piece_end(s, k, gaps[n + 1] if n + 1 < len(gaps) else len(s))
            if ends_like_unit(s[a:k]) and ends_like_unit(without_role_word(s[k:e])):
                inserts.append((k, "、"))
            continue
        if s[k - 1] in _PIECE_END or s[k] in _PIECE_END or bracket_depth(s, 0, k) > 0:
            continue
        if rules.label.match(s, k) is not None or _other_label_at(s, k):
            inserts.append((k, ";"))  # a field written after spaces: 县税务局　完成时限:…
            continue
        a = k
        while a > 0 and s[a - 1] not in _PIECE_END:
            a -= 1
        if a > 0 and s[a - 1] in CLOSERS and not (k in indented and (a, "、") in inserts):
            continue  # after a bracket, unless a unit was cut off there (one a line)
        e = _piece_end(s, k, gaps[n + 1] if n + 1 < len(gaps) else len(s))
        left = without_role_word(s[a:k])
        right = without_role_word(s[k:e])
        if left == s[a:k] and ends_like_unit(left) and ends_like_unit(right):
            inserts.append((k, "、"))
    if not inserts:
        return content
    chars = list(s)
    new_pos = list(pos)
    for k, sep in reversed(inserts):
        chars.insert(k, sep)
        new_pos.insert(k, new_pos[k - 1])
    return Compact("".join(chars), tuple(new_pos))


def _possible_gaps(work: WorkingText, pos: Sequence[int]) -> list[int]:
    """The ``k`` at which original text may have stood between ``pos[k - 1]`` and ``pos[k]``.

    Those where compaction skipped characters, and those where normalization removed some.
    """
    if not pos:
        return []
    if isinstance(pos, range):
        return [i - pos.start for i in work.gaps_in(pos.start + 1, pos.stop)]
    removed = set(work.gaps_in(min(pos), max(pos) + 1))
    return [k for k in range(1, len(pos)) if pos[k] - pos[k - 1] != 1 or pos[k] in removed]


def _other_label_at(s: str, k: int) -> bool:
    """Whether a label that names no unit (``完成时限:``) starts at ``s[k]``."""
    rules = compiled()
    return rules.other_label.match(";" + s[k : k + LABEL_PEEK], 1) is not None
