"""Finding responsibility blocks in the working copy: bracketed blocks and label lines.

A block is found here as a span of the working copy with its content compacted (white space
and page-number lines between its parts removed, each character keeping its offset). Whether a
bracket without a label really is a block is decided after its units are read (``units``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import accumulate
from typing import overload

import regex

from ... import patterncache
from ...normalize import WorkingText
from ...patterncache import KEEP_GIL
from ...patternhints import LABEL_LEAD, anchored_matches
from .names import describe
from .rules import compiled
from .units import borrows_head, ends_like_unit

OPENERS = "(【〔["
CLOSERS = ")】〕]"
_OPENER = patterncache.compile_re(f"[{re.escape(OPENERS)}]")
_MAX_BLOCK = 600
"""Longest block read (characters of the working copy)."""
_MAX_CONTINUATION = 80
"""Longest tail of a block on the line after a line or page break."""
_MAX_BREAK_LINES = 6
_MAX_UNLABELED = 300
"""Longest bracket without a label that may be a block."""
_LABEL_PEEK = 24
_BULLETS = " \t●■◆◇□•·▲△☆★>*-"

_PAGE_NUMBER = patterncache.compile(
    r"[ \t]*(?:[-—–－─]{0,3}[ \t]*\d{1,4}[ \t]*[-—–－─]{0,3}|第\d{1,4}页(?:[,/ ]*共\d{1,4}页)?"
    r"|\d{1,4}[ \t]*/[ \t]*\d{1,4})[ \t]*(?=\n|$)"
)
_REMOVED = patterncache.compile(r"\n(?:" + _PAGE_NUMBER.pattern + r")?|[^\S\n]+")
"""White space, and page-number lines after a line break: not part of a block's text."""
_ANY_SPACE = patterncache.compile_re(r"\s")
"""White space as ``re`` reads it (all that ``regex`` reads as such, and more): text without
any holds no match of ``_REMOVED``."""
_HEADING_IN_TEXT = patterncache.compile(
    r"[(（][一二三四五六七八九十]{1,3}[)）]|(?<![\d.])\d{1,2}[.、](?![\d%])"
    r"|(?<![\p{Han}])[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百\d]{1,4}[章条节]"
)
_STOP = "。!?"


@dataclass(frozen=True)
class Compact:
    """Text without white space, each character with its working-copy offset."""

    s: str
    pos: Sequence[int]
    """A ``range`` when nothing was removed, else a tuple."""

    def span(self, a: int, b: int) -> tuple[int, int]:
        """The working-copy range of ``s[a:b]`` (``b > a``)."""
        return self.pos[a], self.pos[b - 1] + 1


@dataclass(frozen=True)
class Block:
    """A candidate block: its working-copy range and content."""

    start: int
    end: int
    content: Compact
    form: str
    """``bracket`` or ``line``."""
    closed: bool
    """For a bracket: whether its closing bracket was found."""
    labeled: bool
    """Whether the content starts with a unit label (``责任单位:``)."""
    after_stop: bool
    """Whether the block follows the end of a sentence or starts a line."""
    line_end: bool = False
    """For a bracket without its closing bracket: whether its content runs to the end of its
    line (or to a heading number on the next), rather than stopping at a full stop."""
    in_clause: bool = False
    """For a closed bracket without a label that does not follow the end of a sentence:
    whether it stands inside a clause, right after a role word or verb (``参与（…）``) or
    right before more words of the clause (``…作用（…）推动…``)."""
    verb_before: bool = False
    """Whether a role word or verb ends right before the bracket (``参与（…）``)."""


class Pieces(Sequence[int]):
    """The offsets of compacted text, kept as the pieces it was cut into (no tuple per character).

    Indexing is by bisection: for a whole document, whose offsets are looked up rarely.
    """

    def __init__(self, starts: list[int], offsets: list[int], length: int) -> None:
        self._starts = starts
        """Where each piece starts in the compacted text."""
        self._offsets = offsets
        """Where each piece starts in the working copy."""
        self._len = length

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, k: int) -> int: ...
    @overload
    def __getitem__(self, k: slice) -> Sequence[int]: ...
    def __getitem__(self, k: int | slice) -> int | Sequence[int]:
        if isinstance(k, slice):
            return tuple(self[i] for i in range(*k.indices(self._len)))
        if k < 0:
            k += self._len
        if not 0 <= k < self._len:
            raise IndexError(k)
        j = bisect_right(self._starts, k) - 1
        return self._offsets[j] + k - self._starts[j]


_LAZY_LENGTH = 4 * _MAX_BLOCK
"""Compacted text at least this long keeps its offsets as :class:`Pieces`."""


def compact(norm: str, start: int, end: int, lazy: bool = False) -> Compact:
    """``norm[start:end]`` without white space and page-number lines.

    ``lazy``: keep the offsets as :class:`Pieces` whatever the length (for a whole document,
    whose offsets are looked up rarely).
    """
    end = min(end, len(norm))
    if _ANY_SPACE.search(norm, start, end) is None:
        return Compact(norm[start:end], range(start, max(start, end)))
    removed = [m.span() for m in _REMOVED.finditer(norm, start, end)]
    if not removed:
        return Compact(norm[start:end], range(start, max(start, end)))
    # the kept pieces run from the end of one removed run to the start of the next
    begins = [start] + [e for _, e in removed]
    ends = [s for s, _ in removed] + [end]
    kept = [(a, b) for a, b in zip(begins, ends, strict=True) if b > a]
    text = "".join([norm[a:b] for a, b in kept])
    if lazy or len(text) >= _LAZY_LENGTH:
        starts = list(accumulate((b - a for a, b in kept[:-1]), initial=0))
        return Compact(text, Pieces(starts, [a for a, _ in kept], len(text)))
    pos: list[int] = []
    for a, b in kept:
        pos.extend(range(a, b))
    return Compact(text, tuple(pos))


def _skip_break(norm: str, i: int) -> int:
    """From a line break at ``i``, the first offset of the next line with text (or -1)."""
    n = len(norm)
    lines = 0
    while i < n and lines <= _MAX_BREAK_LINES:
        if norm[i] == "\n":
            lines += 1
            m = _PAGE_NUMBER.match(norm, i + 1)
            i = m.end() if m is not None and m.end() > i + 1 else i + 1
            continue
        if norm[i] in " \t":
            i += 1
            continue
        return i
    return -1


def _continues(norm: str, k: int, depth: int = 0) -> int:
    """If the lines from ``k`` on finish an interrupted bracket, the offset of its close.

    The bracket goes on over line and page breaks while the lines hold no full stop and start
    no heading, for at most ``_MAX_BREAK_LINES`` lines and ``_MAX_CONTINUATION`` characters
    after each break.
    """
    breaks = 0
    j = k
    budget = k + _MAX_CONTINUATION
    limit = len(norm)
    while j < min(limit, budget):
        if (j == k or norm[j - 1] == "\n") and _HEADING_IN_TEXT.match(norm, j):
            return -1
        c = norm[j]
        if c == "\n":
            breaks += 1
            nxt = _skip_break(norm, j)
            if breaks > _MAX_BREAK_LINES or nxt < 0 or _HEADING_IN_TEXT.match(norm, nxt):
                return -1
            j = nxt
            budget = j + _MAX_CONTINUATION
            continue
        if c in _STOP:
            return -1
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            if depth == 0:
                return j
            depth -= 1
        j += 1
    return -1


_MAX_DEPTH = 6
"""Brackets nested deeper than this inside a block end it unclosed (keeps nested runs linear)."""


_CLOSE_EVENT = patterncache.compile_re(f"[{re.escape(OPENERS + CLOSERS + _STOP)}\n]")
"""The characters :func:`_close` acts on."""


def _close(norm: str, i: int) -> tuple[int, bool]:
    """The offset of the bracket closing ``norm[i]``, or where an unclosed one stops."""
    depth = 0
    j = i + 1
    limit = min(len(norm), i + _MAX_BLOCK)
    while True:
        m = _CLOSE_EVENT.search(norm, j, limit)
        if m is None:
            return limit, False
        j = m.start()
        c = norm[j]
        if c in OPENERS:
            depth += 1
            if depth > _MAX_DEPTH:
                return j, False  # brackets nested this deep hold no unit list
        elif c in CLOSERS:
            if depth == 0:
                return j, True
            depth -= 1
        elif c == "\n":
            k = _skip_break(norm, j)
            if k >= 0:
                close = _continues(norm, k, depth)
                if close >= 0:
                    return close, True
            return j, False
        elif c in _STOP and not _label_at(norm, j + 1):
            return j, False
        j += 1


def _label_at(norm: str, i: int) -> bool:
    """Whether a unit label starts at ``norm[i]`` (seen at once when its first character
    cannot start one)."""
    rules = compiled()
    firsts = rules.label_firsts
    if firsts is not None and norm[i : i + 1] not in firsts:
        return False
    return rules.label.match(norm, i) is not None


def _extend_unclosed(norm: str, start: int, stop: int) -> int:
    """An unclosed bracket's content goes on over the lines that continue its list."""
    lines = 0
    while stop < len(norm) and norm[stop] == "\n" and stop - start < _MAX_BLOCK:
        lines += 1
        k = _skip_break(norm, stop)
        if lines > _MAX_BREAK_LINES or k < 0 or not _line_goes_on(norm, start, stop, k):
            break
        e = k
        while e < len(norm) and norm[e] != "\n" and norm[e] not in _STOP:
            e += 1
        stop = e
    return stop


def _unclosed_end(norm: str, start: int, end: int) -> int:
    """Where an unclosed block's content stops: before a heading number inside it."""
    m = _HEADING_IN_TEXT.search(norm, start, end)
    return m.start() if m is not None else end


def joined_break(work: WorkingText, i: int) -> bool:
    """Whether normalization removed a line break right before ``norm[i]`` (a joined word)."""
    if i <= 0 or i >= len(work.norm):
        return False
    a, b = work.to_orig(i - 1), work.to_orig(i)
    return b - a > 1 and "\n" in work.text[a + 1 : b]


def _last_piece(norm: str, start: int, j: int) -> str:
    k = j
    while k > start and norm[k - 1] not in "、,;:" + OPENERS:
        k -= 1
    return norm[k:j]


def _stop_at_joined_break(work: WorkingText, start: int, end: int) -> int:
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
            and _depth(norm, start, j) == 0
            and not _label_across(norm, j, j)
            and not _list_goes_on(norm, j)
        ):
            return j
    return end


def _depth(norm: str, start: int, j: int) -> int:
    depth = 0
    for c in norm[start:j]:
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth = max(0, depth - 1)
    return depth


_MAX_LIST_LINE = 200
_LIST_SEPARATORS = patterncache.compile(r"[、,;]")


_LABEL_WORD = patterncache.compile(r"[ \t]*(\p{Han}{2,4})[ \t]*[:∶]")


@cache
def _other_label_words() -> frozenset[str]:
    return frozenset(compiled().rules.other_labels)


def _list_goes_on(norm: str, k: int) -> bool:
    """Whether the text from ``k`` to the end of its line or sentence is a list of units."""
    rules = compiled()
    j = k
    limit = min(len(norm), k + _MAX_LIST_LINE)
    while j < limit and norm[j] != "\n" and norm[j] not in _STOP:
        j += 1
    if j >= limit and j < len(norm):
        return False
    text = rules.label.sub(";", norm[k:j])
    m = _LABEL_WORD.match(text)
    if m is not None and m.group(1) not in _other_label_words():
        text = text[m.end() :]  # a label the data does not know, then units (协作:C、D)
    pieces = [w for w in (_without_role_word(p.strip()) for p in _LIST_SEPARATORS.split(text)) if w]
    if j < len(norm) and norm[j] == "\n" and len(pieces) > 1 and not ends_like_unit(pieces[-1]):
        pieces = pieces[:-1]  # the line may end inside a unit cut by the next break
    # a piece with a colon left after the unit labels went opens another field (说明:…)
    return bool(pieces) and all(ends_like_unit(p) and ":" not in p for p in pieces)


_MAX_WORD_TAIL = 15
_LABEL_REACH = 8


def _label_across(norm: str, j: int, k: int) -> bool:
    """Whether a unit label is cut by the line break between ``j`` and ``k`` (``责任部\\n门:``)."""
    before = norm[max(0, j - _LABEL_REACH) : j].rstrip()
    joined = before + norm[k : k + _LABEL_REACH + 2]
    return any(m.start() < len(before) < m.end() for m in compiled().label.finditer(joined))


def _word_goes_on(norm: str, piece: str, k: int) -> bool:
    """Whether a unit cut by a line break goes on at ``k`` (``市大`` + ``数据局、…``)."""
    if not piece or _HEADING_IN_TEXT.match(norm, k):
        return False
    j = k
    while j < len(norm) and j - k <= _MAX_WORD_TAIL and norm[j] not in "、,;:\n" + _STOP:
        j += 1
    if j - k > _MAX_WORD_TAIL:
        return False
    tail = _without_role_word(norm[k:j])
    if ends_like_unit(piece):
        # 管委 + 会: the piece was a unit already, but the break cut a longer one
        return ends_like_unit(piece + tail) and not ends_like_unit(tail)
    return ends_like_unit(piece + tail)


def _without_role_word(text: str) -> str:
    """``text`` without a role word at its end (``区司法局配合`` → ``区司法局``)."""
    m = compiled().role_word.search(text)
    return text[: m.start()] if m is not None and m.end() == len(text) else text


def _after_bullets(norm: str, k: int) -> int:
    """Where the text after the bullets at ``norm[k]`` starts (``◆责任单位:`` → ``责任单位:``)."""
    while k < len(norm) and norm[k] in _BULLETS:
        k += 1
    return k


def _line_goes_on(norm: str, start: int, j: int, k: int) -> bool:
    """Whether a list of units that started at ``start`` goes on after the break at ``j``.

    ``k`` is where the next line's text starts. It goes on after a separator or a label, inside
    brackets, through a unit label or a word cut by the break, or into a line that is itself a
    list of units.
    """
    if _HEADING_IN_TEXT.match(norm, k):
        return False
    before = norm[start:j].rstrip()
    return (
        not before
        or before[-1] in "、,;:"
        or norm[k] in "、,;" + OPENERS + CLOSERS
        or compiled().label.match(norm, _after_bullets(norm, k)) is not None
        or compiled().role_word.match(norm, k) is not None
        or _label_across(norm, j, k)
        or _depth(norm, start, j) > 0
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


def _gap(work: WorkingText, i: int) -> str:
    """The original text removed between ``norm[i - 1]`` and ``norm[i]``."""
    if i <= 0 or i >= len(work.norm):
        return ""
    a, b = work.to_orig(i - 1), work.to_orig(i)
    return work.text[a + 1 : b]


def _is_space_gap(gap: str) -> bool:
    return bool(gap) and not gap.strip()


def _spaced(work: WorkingText, pos: Sequence[int], k: int) -> bool:
    """Whether white space stood before the ``k``-th character of compacted text."""
    return pos[k] - pos[k - 1] > 1 or _is_space_gap(_gap(work, pos[k]))


def with_bare_label_colons(work: WorkingText, content: Compact) -> Compact:
    """``content`` with a colon after each label written without one (``牵头单位　市发改委``).

    A label counts when white space stands after it in the original and it opens the content
    or follows white space or a separator.
    """
    s, pos = content.s, content.pos
    inserts: list[int] = []
    for m in compiled().bare_label.finditer(s):
        b, e = m.start(), m.end()
        if e >= len(s) or not _spaced(work, pos, e):
            continue
        if b > 0 and s[b - 1] not in "、,;。" and not _spaced(work, pos, b):
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


_SPACES = " \t\u3000\xa0"
_SPACE_RUN = patterncache.compile(f"[{_SPACES}]+")
_PIECE_END = "、,;:。" + OPENERS + CLOSERS


def _space_only_gap(work: WorkingText, a: int, b: int) -> bool:
    """Whether only spaces (no line break) stood between ``norm[a]`` and ``norm[b]``."""
    if b == a + 1 and not work.gap_before(b):
        return False
    gap = work.text[work.to_orig(a) + 1 : work.to_orig(b)]
    return bool(gap) and all(c in _SPACES for c in gap)


_INDENT = " \u3000\xa0"
_MIN_INDENT = 2
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
        if _space_only_gap(work, pos[k - 1], pos[k]):
            gaps.append(k)
        elif _indented_break(work, pos[k - 1], pos[k]):
            gaps.append(k)
            indented.add(k)
    if not gaps:
        return content
    inserts: list[tuple[int, str]] = []
    for n, k in enumerate(gaps):
        if k in indented and s[k - 1] in CLOSERS and _depth(s, 0, k) == 0:
            # 责任单位：县住建局（牵头）⏎　　县自然资源局: a unit with its bracket, then the next
            # unit on an indented line
            a = k
            while a > 0 and s[a - 1] not in "、,;:。":
                a -= 1
            e = _piece_end(s, k, gaps[n + 1] if n + 1 < len(gaps) else len(s))
            if ends_like_unit(s[a:k]) and ends_like_unit(_without_role_word(s[k:e])):
                inserts.append((k, "、"))
            continue
        if s[k - 1] in _PIECE_END or s[k] in _PIECE_END or _depth(s, 0, k) > 0:
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
        left = _without_role_word(s[a:k])
        right = _without_role_word(s[k:e])
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
    return rules.other_label.match(";" + s[k : k + _LABEL_PEEK], 1) is not None


_MAX_HEADER = 40
"""Longest running header (a line printed on every page) next to a page number."""
_HEADER_PUNCTUATION = frozenset('。，,；;：:！？!?、“”"()（）')


def _back_over_space(norm: str, j: int) -> int:
    while j >= 0 and norm[j] in " \t\n":
        j -= 1
    return j


def _back_over_page_furniture(norm: str, j: int) -> int:
    """``j`` moved back over a page break: a page-number line and the running headers around it.

    ``norm[j]`` ends a line. Lines are skipped only when one of them is a page number; a line
    counts as a running header when it is short and holds no punctuation.
    """
    k = j
    best = j
    page = False
    headers = 0
    for _ in range(4):
        start = norm.rfind("\n", 0, k + 1) + 1
        line = norm[start : k + 1].strip()
        if not page and _PAGE_NUMBER.fullmatch(line):
            page = True
        elif headers < 2 and 0 < len(line) <= _MAX_HEADER and not _HEADER_PUNCTUATION & set(line):
            headers += 1
        else:
            break
        k = _back_over_space(norm, start - 1)
        if page:
            best = k
        if k < 0:
            break
    return best


def _after_stop(norm: str, i: int) -> bool:
    """Whether ``norm[i]`` follows the end of a sentence (line and page breaks skipped)."""
    j = _back_over_space(norm, i - 1)
    if j >= 0 and "\n" in norm[j:i]:
        j = _back_over_page_furniture(norm, j)
    return j < 0 or norm[j] in "。;!?:*" or norm[j] in CLOSERS


def _opens_with_label(norm: str, i: int, end: int) -> bool:
    """Whether the bracket at ``norm[i]`` opens with a label (read up to ``end``).

    A first character that is no white space and cannot start a label tells without
    compacting the text.
    """
    rules = compiled()
    first = norm[i + 1 : i + 2]
    firsts = rules.label_firsts
    if firsts is not None and not first.isspace() and first not in firsts:
        return False
    peek = min(end, i + _LABEL_PEEK, len(norm))
    return rules.label.match(compact(norm, i + 1, peek).s) is not None


def _names_no_unit(s: str) -> bool:
    """Whether the content of a closed bracket without a label cannot be a block.

    It has no label (nor one written without its colon), no unit ending and no head word.
    Inserting colons after bare labels and separators between units cannot add one, so the
    bracket would be dropped after them (the responsibility stage's ``_cannot_be_block``).
    """
    rules = compiled()
    if rules.unit_hint.search(s) is not None:
        return False
    if rules.label_firsts is not None and rules.label_firsts.isdisjoint(s):
        return True  # no character a label (written with its colon or without) starts with
    return rules.label.search(s) is None and rules.bare_label.search(s) is None


def may_hold_label(s: str) -> bool:
    """Whether ``s`` holds a unit label (seen at once when no character one starts with is)."""
    firsts = compiled().label_firsts
    return (firsts is None or not firsts.isdisjoint(s)) and compiled().label.search(s) is not None


_VERB_BEFORE = 6
"""Longest role word or verb read right before a bracket (``按职责参与``)."""


def _verb_before(norm: str, i: int) -> bool:
    """Whether a role word or a verb of the role tails ends right before ``norm[i]``."""
    rules = compiled()
    whole, tail = rules.role_word_whole, rules.role_tail
    return any(
        whole.fullmatch(norm, k, i, KEEP_GIL) is not None
        or tail.fullmatch(norm, k, i, KEEP_GIL) is not None
        for k in range(max(0, i - _VERB_BEFORE), i - 1)
    )


def _words_follow(norm: str, end: int) -> bool:
    """Whether a Han character follows a closing bracket at once (the clause goes on)."""
    return end < len(norm) and _HAN.match(norm, end) is not None


_HAN = patterncache.compile(r"\p{Han}")


def bracket_blocks(work: WorkingText, lo: int, hi: int) -> list[Block]:
    """Every bracket in ``norm[lo:hi]`` that may be a block, in order.

    A bracket that opens with a unit label is taken whole (the brackets inside it are not
    candidates); one without its closing bracket must open with a label, or follow the end of
    a sentence and hold a role word or run to the end of its line (or a heading number), to be
    read as a list of units alone (``_is_block``). A closed bracket without a label whose
    content names no unit (``_names_no_unit``) is left out.
    """
    rules = compiled()
    norm = work.norm
    out: list[Block] = []
    i = lo
    while i < hi:
        m = _OPENER.search(norm, i, hi)
        if m is None:
            break
        i = m.start()
        close, closed = _close(norm, i)
        at_line_end = False
        labeled = _opens_with_label(norm, i, close if closed else i + _LABEL_PEEK)
        if not closed:
            if not labeled and not _after_stop(norm, i):
                i += 1
                continue
            at_line_end = close >= len(norm) or norm[close] == "\n"
            close = _extend_unclosed(norm, i + 1, close)
            if (
                not labeled
                and not at_line_end
                and rules.role_word.search(compact(norm, i + 1, close).s) is None
            ):
                i += 1
                continue
        elif not labeled and close - i > _MAX_UNLABELED:
            i += 1
            continue
        line_end = not closed and at_line_end
        stop = close if closed else _unclosed_end(norm, i + 1, close)
        raw = compact(norm, i + 1, stop)
        if closed and not labeled and _names_no_unit(raw.s):
            i += 1
            continue
        content = with_bare_label_colons(work, raw)
        content = with_space_separators(work, content)
        if not labeled and content.s[:1] and rules.label.match(content.s) is not None:
            labeled = True
        if not closed and content.s:
            cut_at = _stop_at_joined_break(work, i + 1, content.pos[-1] + 1)
            keep = sum(1 for p in content.pos if p < cut_at)
            if keep < len(content.s):
                line_end = True  # cut where the original line ends (a break joined as a wrap)
            content = Compact(content.s[:keep], content.pos[:keep])
        if not content.s:
            i += 1
            continue
        end = close + 1 if closed else content.pos[-1] + 1
        after = _after_stop(norm, i)
        verb = closed and not labeled and not after and _verb_before(norm, i)
        inside = verb or (closed and not labeled and not after and _words_follow(norm, end))
        out.append(
            Block(i, end, content, "bracket", closed, labeled, after, line_end, inside, verb)
        )
        i = end if labeled else i + 1
    return out


def _line_start_matches(
    pattern: regex.Pattern[str],
    norm: str,
    lo: int,
    hi: int,
    at: re.Pattern[str] | None = None,
) -> list[regex.Match[str]]:
    """``pattern.finditer(norm, lo, hi)`` for a pattern that matches only from a line's start
    (it opens with ``(?<=^|\n)``): tried at each line start alone.

    ``at``, when given, matches at the line break before every line start a match can start
    at (``Compiled.label_start_at``): the other lines are not tried.
    """
    out: list[regex.Match[str]] = []
    start = lo
    if lo > 0 and norm[lo - 1] != "\n":
        nl = norm.find("\n", lo, hi)
        start = hi if nl < 0 else nl + 1
    last = lo
    while start < hi:
        if start >= last and (at is None or start == 0 or at.match(norm, start - 1) is not None):
            m = pattern.match(norm, start, hi)
            if m is not None:
                out.append(m)
                last = m.end()
        nl = norm.find("\n", start, hi)
        if nl < 0:
            break
        start = nl + 1
    return out


def _label_start_matches(norm: str, lo: int, hi: int) -> list[regex.Match[str]]:
    """``label_start.finditer(norm, lo, hi)``, tried only where a match can start.

    A match starts at the start of the text, or after a line break or ``。``/``;`` that a
    character able to open it follows (``Compiled.label_start_at``).
    """
    rules = compiled()
    if rules.label_start_at is None:
        return list(rules.label_start.finditer(norm, lo, hi))
    out: list[regex.Match[str]] = []
    last = lo
    if lo == 0 and hi > 0:
        m = rules.label_start.match(norm, 0, hi)
        if m is not None:
            out.append(m)
            last = m.end()
    for c in rules.label_start_at.finditer(norm, max(lo - 1, 0), hi):
        p = c.end()
        if p < last:
            continue
        m = rules.label_start.match(norm, p, hi)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def _label_matches(norm: str, lo: int, hi: int) -> list[regex.Match[str]]:
    """``label.finditer(norm, lo, hi)``, tried only near label texts."""
    rules = compiled()
    if rules.label_words is None:
        return list(rules.label.finditer(norm, lo, hi))
    return anchored_matches(
        rules.label, rules.label_words, norm, lo, hi, LABEL_LEAD, rules.label_firsts
    )


def line_blocks(work: WorkingText, lo: int, hi: int) -> list[Block]:
    """Blocks written as label lines (``牵头单位:…;责任单位:…``), not in brackets."""
    rules = compiled()
    norm = work.norm
    out: list[Block] = []
    last = -1
    starts = [(m.start(), m.end()) for m in _label_start_matches(norm, lo, hi)]
    for m in _line_start_matches(rules.bare_label_start, norm, lo, hi, rules.label_start_at):
        if _is_space_gap(_gap(work, m.end())):
            starts.append((m.start(), m.end()))
    for m in _label_matches(norm, lo, hi):
        if _field_after_spaces(work, m.start()):
            starts.append((m.start(), m.end()))
    for start, label_end in sorted(starts):
        if start < last:
            continue
        while norm[start] in _BULLETS:
            start += 1
        j = start
        lines = 0
        while j < min(hi, start + _MAX_BLOCK):
            c = norm[j]
            if c in _STOP:
                break
            if c == "\n":
                k = _skip_break(norm, j)
                lines += 1
                if k >= 0 and lines <= _MAX_BREAK_LINES and _line_goes_on(norm, label_end, j, k):
                    j = k
                    continue
                break
            j += 1
        stop = _stop_at_joined_break(work, label_end, _unclosed_end(norm, label_end, j))
        content = with_bare_label_colons(work, compact(norm, start, stop))
        content = with_space_separators(work, content)
        while content.s and content.s[-1] in ",;、:":
            content = Compact(content.s[:-1], content.pos[:-1])
        if not content.s or rules.label.match(content.s) is None:
            continue
        last = content.pos[-1] + 1
        out.append(Block(start, last, content, "line", True, True, _after_stop(norm, start)))
    return out


def _field_after_spaces(work: WorkingText, i: int) -> bool:
    """Whether ``norm[i]`` starts a field written after spaces on a line of fields.

    ``责任领导：刘建华　责任单位：县行政审批局　完成时限：…``: the label follows spaces, and the
    line before it, outside brackets, already holds a field with a colon.
    """
    norm = work.norm
    if i <= 0 or not _space_only_gap(work, i - 1, i):
        return False
    line_start = norm.rfind("\n", 0, i) + 1
    before = norm[line_start:i]
    return ":" in before and _depth(norm, line_start, i) == 0


def sentence_blocks(
    work: WorkingText, lo: int, hi: int, whole: Compact | None = None
) -> list[Block]:
    """Sentences that assign units to the later tasks (``以下各项均由…落实，不再列出``).

    ``whole`` is ``compact(work.norm, lo, hi)``, when the caller has it already.
    """
    if whole is None:
        whole = compact(work.norm, lo, hi)
    out: list[Block] = []
    for m in compiled().assignment.finditer(_without_conventions(whole.s)):
        if m.end() <= m.start():
            continue
        start, end = whole.span(m.start(), m.end())
        if m.start() > 0 and not _clause_start(whole.s[m.start() - 1], work.norm, start):
            continue  # 达到95%以上: a bound word, no opener
        if _crosses_cells(work, start, end):
            continue
        content = Compact(m.group(), whole.pos[m.start() : m.end()])
        out.append(Block(start, end, content, "sentence", True, False, True))
    return out


_LINE_GOES_ON = "、,(（"
"""Characters that end a line whose sentence goes on on the next (a wrapped list)."""


def _clause_start(before: str, norm: str, i: int) -> bool:
    """Whether an opener at ``norm[i]``, after the text character ``before``, opens a clause.

    At a line start, or after punctuation; not after a word, a digit or ``%`` (``5万吨以上``,
    ``达到95%以上``, ``各地级以上市``).
    """
    if not before.isalnum() and before not in "%％‰":
        return True
    j = i - 1
    while j >= 0 and norm[j] in _SPACES:
        j -= 1
    return j >= 0 and norm[j] == "\n"


def _crosses_cells(work: WorkingText, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` runs across table cells or rows.

    A tab or ``|`` (in the working copy or, dropped by normalization, in the original text)
    separates cells; a line break does too unless the line ends in the middle of a list.
    """
    norm = work.norm
    if "|" in norm[start:end] or "\t" in norm[start:end]:
        return True
    orig = work.span(start, end)
    if "\t" in work.text[orig.start : orig.end]:
        return True
    i = norm.find("\n", start, end)
    while i >= 0:
        if i == start or norm[i - 1] not in _LINE_GOES_ON:
            return True
        i = norm.find("\n", i + 1, end)
    return False


def _without_conventions(s: str) -> str:
    """``s`` with every first-is-lead convention written over with full stops.

    The role word of a convention (``以下各项任务后括号中所列单位，列第一位者为牵头单位``) assigns
    no unit, so no assignment sentence may end with it or run through it.
    """
    rules = compiled()
    if rules.convention_hint.search(s) is None:
        return s
    spans = [m.span() for m in rules.convention.finditer(s) if m.end() > m.start()]
    if not spans:
        return s
    parts: list[str] = []
    last = 0
    for a, b in spans:
        parts.append(s[last:a])
        parts.append("。" * (b - a))
        last = b
    parts.append(s[last:])
    return "".join(parts)


def dash_blocks(work: WorkingText, lo: int, hi: int) -> list[Block]:
    """Lists of units after a dash that closes a task (``…。——市教育局、市财政局``).

    The list runs from the dash to the end of its line (or a full stop); it is kept only when
    it consists of units (and role words) alone (``_is_block``).
    """
    norm = work.norm
    out: list[Block] = []
    for m in compiled().dash.finditer(norm, lo, hi):
        a = m.end()
        b = a
        while b < hi and norm[b] != "\n" and norm[b] not in _STOP:
            b += 1
        e = b + 1 if b < hi and norm[b] in _STOP else b
        if e < len(norm) and norm[e] not in "\n" + _SPACES:
            continue  # the list must end its line (…。——市教育局。+ new line)
        while b > a and norm[b - 1] in _SPACES:
            b -= 1
        content = compact(norm, a, b)
        if content.s:
            out.append(Block(m.start(), b, content, "dash", True, False, True))
    return out


def duty_heading_blocks(work: WorkingText, lo: int, hi: int) -> list[Block]:
    """Provisions that open with their units and a colon (``(一)市教育局:负责统筹…``).

    The line starts with a number, the units stand before the colon and a duty word
    (``负责``, ``承担``) opens the text after it; the block is the units and the colon, kept
    only when it holds units alone (``_is_block``).
    """
    out: list[Block] = []
    for m in compiled().duty_heading.finditer(work.norm, lo, hi):
        a, b = m.span("units")
        content = compact(work.norm, a, b)
        if content.s:
            out.append(Block(a, m.end(), content, "heading", True, False, True))
    return out


_MAX_ROLE_SENTENCE = 100
_ROLE_SENTENCE = patterncache.compile_re(r"。[^。!?\n]{4,100}(?=[。!?]|\n|$)")
"""A full stop and the sentence after it on the same line (``re`` scans such a plain pattern
faster than ``regex``)."""


def _sentences_after_stops(norm: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The sentences that follow a ``。`` on the same line in ``norm[lo:hi]``.

    A sentence that a line break cut (text wrapped as in a PDF) is given twice: up to the
    break, and on to its full stop on a later line (``_wrapped_on``).
    """
    out: list[tuple[int, int]] = []
    for m in _ROLE_SENTENCE.finditer(norm, max(lo - 1, 0), hi):
        a, b = m.start() + 1, m.end()
        if b < hi and norm[b] == "\n":
            end = _wrapped_on(norm, a, b, hi)
            if end > b:
                out.append((a, end))
        out.append((a, b))
    return out


def _wrapped_on(norm: str, a: int, b: int, hi: int) -> int:
    """Where a sentence cut by line breaks at ``b`` ends: at its full stop on a later line.

    It goes on over single line breaks (not a blank line, not into a heading number or a
    bracket) for at most ``_MAX_ROLE_SENTENCE`` characters; ``b`` when it does not end so.
    """
    j = b
    while j < hi and norm[j] == "\n" and j - a < _MAX_ROLE_SENTENCE:
        k = j + 1
        while k < hi and norm[k] in _SPACES:
            k += 1
        if k >= hi or norm[k] in "\n" + OPENERS or _HEADING_IN_TEXT.match(norm, k):
            return b
        j = k
        while j < hi and norm[j] != "\n" and norm[j] not in _STOP and j - a < _MAX_ROLE_SENTENCE:
            j += 1
        if j < hi and norm[j] in _STOP:
            return j
    return b


_MIN_CUT_ROLE_WORDS = 2
"""Role words a sentence must hold up to a cut before a purpose clause (a lead and the others)."""


def _role_cuts(norm: str, b: int, words: list[regex.Match[str]]) -> list[int]:
    """Where a sentence of units and roles may end before a clause that goes on (latest first).

    ``由A、B共同牵头，C、D参与，构建…``: after a role word followed by a comma and more text,
    from the second role word on (``由A牵头，会同B制定…`` names the subject of a sentence, not a
    block), and not before a joint word that goes on assigning (``，会同B…``). ``words``: the
    role words of the sentence, ``role_word.finditer(norm, a, b)``.
    """
    rules = compiled()
    cuts: list[int] = []
    for n, m in enumerate(words, start=1):
        e = m.end()
        if n < _MIN_CUT_ROLE_WORDS or e >= b - 1 or norm[e] != ",":
            continue
        rest = e + 1
        while rest < b and norm[rest] in _SPACES:
            rest += 1
        if rest < b and rules.joint.match(norm, rest) is None:
            cuts.append(e)
    return cuts[::-1]


def role_sentence_blocks(work: WorkingText, lo: int, hi: int) -> list[Block]:
    """Sentences after a task that only name units and their roles (``…。A牵头，B、C配合。``).

    A candidate follows a full stop on the same line and holds a role word; it is kept only
    when it consists of units and role words alone (``_is_block``). A sentence that goes on
    after its units and roles with a purpose clause (``…，C、D参与，构建…体系。``) gives a
    shorter candidate too, up to the role word before the clause (``_role_cuts``).
    """
    norm = work.norm
    rules = compiled()
    out: list[Block] = []
    hint = rules.role_hint
    for a, b in _sentences_after_stops(norm, lo, hi):
        if hint.search(norm, a, b) is None:
            continue  # no role word in it (seen before its spaces are trimmed)
        while a < b and norm[a] in _SPACES:
            a += 1
        while b > a and norm[b - 1] in _SPACES:
            b -= 1
        if b - a < 4 or norm[a] in OPENERS or rules.role_hint.search(norm, a, b) is None:
            continue
        words = list(rules.role_word.finditer(norm, a, b))
        if not words:
            continue
        for e in [b, *_role_cuts(norm, b, words)]:
            content = compact(norm, a, e)
            if content.s:
                out.append(Block(a, e, content, "role_sentence", True, False, True))
    return out


_RULE_ROW = patterncache.compile(r"^[\s|:\-—]+$")


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
        elif i > start and "\t" in (gap := _gap(work, i)):
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


_MAX_HEADER_CELL = 8
_HEADER_PUNCT = patterncache.compile(r"[、,;:。()（）]")


def _space_runs(work: WorkingText, start: int, end: int) -> list[tuple[int, int, int]]:
    """The runs of spaces in ``norm[start:end]``: where each cuts, and how many spaces it has.

    Spaces that normalization dropped next to a Chinese character count too (``(k, k, n)``).
    """
    runs = [
        (m.start(), m.end(), m.end() - m.start())
        for m in _SPACE_RUN.finditer(work.norm, start, end)
    ]
    runs += [
        (k, k, len(_gap(work, k)))
        for k in work.gaps_in(start + 1, end)
        if _space_only_gap(work, k - 1, k)
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


_HEADER_NOTE = patterncache.compile(r"[(（〔\[][\p{Han}、/]{1,8}[)）〕\]]$")


def _header_cell(text: str) -> str:
    """A header cell without a note in brackets at its end (``牵头单位（部门）`` → ``牵头单位``)."""
    return _HEADER_NOTE.sub("", text.strip("* "))


def _label_columns(texts: list[str], labels: set[str]) -> dict[int, str]:
    """The columns whose header cell is a unit label, with the label."""
    out: dict[int, str] = {}
    for k, t in enumerate(texts):
        cell = _header_cell(t)
        if cell in labels:
            out[k] = cell
    return out


def _space_header(norm: str, cells: list[tuple[int, int]], labels: set[str]) -> dict[int, str]:
    """The unit columns of a space-separated header row, or none when it is not one.

    A header has at least three short cells, one of them a unit label, and no punctuation,
    and none of its other cells looks like a unit (``牵头单位　市发改委`` is a block, not a header).
    """
    texts = [norm[a:b] for a, b in cells]
    cores = [_header_cell(t) for t in texts]
    if len(texts) < 3 or any(len(t) > _MAX_HEADER_CELL or _HEADER_PUNCT.search(t) for t in cores):
        return {}
    if any(_header_cell(t) not in labels and ends_like_unit(t) for t in texts):
        return {}
    return _label_columns(texts, labels)


Cell = tuple[int, int]
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
            and norm[a:b] not in _empty_cells()
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
        if pieces is not None and all(_holds_units(norm[a:b]) for a, b in pieces):
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


_SERIAL = patterncache.compile(r"[(（]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）.、]?")
_SERIAL_MARKS = patterncache.compile(r"[()（）.、]")
_MAX_COLUMNS = 10


@cache
def _header_words() -> frozenset[str]:
    r = compiled().rules
    return frozenset([x.text for x in r.labels] + r.other_labels + r.table_header_words)


def _lines(norm: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The non-empty lines of ``norm[lo:hi]``, stripped of spaces."""
    out: list[tuple[int, int]] = []
    pos = lo
    while pos < hi:
        nl = norm.find("\n", pos, hi)
        end = hi if nl < 0 else nl
        a, b = pos, end
        while a < b and norm[a] in _SPACES:
            a += 1
        while b > a and norm[b - 1] in _SPACES:
            b -= 1
        if b > a:
            out.append((a, b))
        pos = end + 1
    return out


_MAX_HEADER_NOTE = 10
"""Longest note in brackets at the end of a header cell (``_HEADER_NOTE``)."""


def _is_header_word(norm: str, line: tuple[int, int], words: frozenset[str]) -> bool:
    """Whether a line is one of the header ``words`` (a long line is not, seen at once)."""
    a, b = line
    if b - a > _MAX_HEADER_NOTE + _longest(words):
        core = norm[a:b].strip("* ")
        if len(core) > _MAX_HEADER_NOTE + _longest(words):
            return False
    return _header_cell(norm[a:b]) in words


@cache
def _longest(words: frozenset[str]) -> int:
    return max(map(len, words), default=0)


def _serial_number(text: str) -> int | None:
    if not _SERIAL.fullmatch(text):
        return None
    digits = _SERIAL_MARKS.sub("", text)
    return int(digits) if digits.isdigit() else "一二三四五六七八九十".find(digits) + 1 or None


_CELL_GOES_ON = "、,"


def _wrapped_cells_merged(norm: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines with a cell wrapped over two lines made one (``区住建交通局、`` + ``各街道办事处``)."""
    out: list[tuple[int, int]] = []
    for a, b in lines:
        if out and norm[out[-1][1] - 1] in _CELL_GOES_ON:
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
    unit_labels = {x.text for x in compiled().rules.labels if len(x.text) >= _MIN_LABEL_COLUMN}
    if not _label_line(norm, lo, hi, unit_labels):
        return []  # a header names a unit column, on a line of its own
    words = _header_words()
    lines = _wrapped_cells_merged(norm, _lines(norm, lo, hi))
    out: list[Block] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and j - i < _MAX_COLUMNS and _is_header_word(norm, lines[j], words):
            j += 1
        header = [norm[slice(*ln)] for ln in lines[i:j]]
        columns = _label_columns(header, unit_labels)
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
            block = _row_block(norm, row, columns, True, None, above) if len(row) == width else None
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
    that :func:`_column_label` finds on the line starts.
    """
    if any(x[:1] in _SPACES + "*" for x in labels):
        return True  # a label that starts like the spaces before it: no shortcut
    for m in _column_label().finditer(norm, lo, hi):
        a = max(lo, norm.rfind("\n", lo, m.start()) + 1)
        e = norm.find("\n", m.end(), hi)
        if _header_cell(norm[a : hi if e < 0 else e].strip(_SPACES)) in labels:
            return True
    return False


@cache
def _column_label() -> re.Pattern[str]:
    """Any unit label long enough to head a table column (words alone: ``re`` is faster)."""
    texts = [x.text for x in compiled().rules.labels if len(x.text) >= _MIN_LABEL_COLUMN]
    return patterncache.compile_re("|".join(sorted(map(re.escape, texts), key=len, reverse=True)))


@cache
def _column_labels() -> set[str]:
    """The labels that may head a column of units."""
    return {x.text for x in compiled().rules.labels if len(x.text) >= _MIN_LABEL_COLUMN}


def table_blocks(work: WorkingText, lo: int, hi: int) -> list[Block]:
    """Rows of a table whose header names unit columns (``| 任务 | 牵头单位 | 配合单位 |``).

    Each row is a block: its unit cells, each read as if written after its column's label.
    Cells are separated by ``|`` or tabs, or by spaces when the header row is written so
    (``序号  重点任务  牵头单位  配合单位  完成时限``, as text taken from a table often is).
    """
    norm = work.norm
    labels = _column_labels()
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
            m = _column_label().search(norm, pos, hi)
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
                header = [_header_cell(norm[a:b]) for a, b in cells]
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
            columns = _label_columns([norm[a:b] for a, b in cells], labels)
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
            block = _row_block(norm, cells, columns, spaced, parts, above)
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
    return not text.strip() or _PAGE_NUMBER.fullmatch(text) is not None


_MAX_TABLE_GAP = 6
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


_ROW_HEADING = patterncache.compile(
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
    while cells_of is not None and start < next_end and norm[start] in _SPACES:
        start += 1  # spaces that open the line cut no cell
    rest = (cells_of or _cells)(work, start, next_end)
    skip = len(cells) - 1  # empty cells before the wrapped cell's column (⇥⇥市人民政府⇥…)
    if rest is not None and len(rest) > skip > 0 and all(b <= a for a, b in rest[:skip]):
        rest = rest[skip:]
    if rest is None or len(cells) + len(rest) != width + 1:
        return None
    first = norm[rest[0][0] : rest[0][1]]
    if not first or _SERIAL.fullmatch(first) or _ROW_HEADING.match(first):
        return None
    if _header_cell(first) in _header_words():
        return None  # a note row (备注 …) or a new header, not the rest of a cell
    joined = (cells[-1][0], rest[0][1])
    return [*cells[:-1], joined, *rest[1:]], next_end


def _cell_cut(text: str) -> bool:
    """Whether a unit cell's text stops inside a unit (``省发展改革``, ``市财政局、``)."""
    if not text or text in _empty_cells() or is_ditto(text):
        return False
    if text[-1] in _CELL_GOES_ON:
        return True
    pieces = _unit_pieces(text)
    return bool(pieces) and not ends_like_unit(_without_role_word(pieces[-1]))


def _next_line(norm: str, end: int, hi: int) -> tuple[int, int] | None:
    """The text of the line after the one ending at ``end`` (spaces stripped), if any."""
    if end >= hi or norm[end] != "\n":
        return None
    nl = norm.find("\n", end + 1, hi)
    b = hi if nl < 0 else nl
    a = end + 1
    while a < b and norm[a] in _SPACES:
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
    if k not in columns or not _cell_cut(norm[slice(*cells[k])]):
        return cells, end
    line = _next_line(norm, end, hi)
    if line is None or line[1] - line[0] > _MAX_CONTINUATION or cells_of(work, *line) is not None:
        return cells, end
    text = norm[slice(*line)]
    if _SERIAL.fullmatch(text) or _ROW_HEADING.match(text) or _header_cell(text) in _header_words():
        return cells, end
    joined = compact(norm, cells[k][0], line[1]).s
    if not ends_like_unit(_without_role_word(_unit_pieces(joined)[-1])):
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
    lead = _gap(work, a).rsplit("\n", 1)[-1].count("\t")
    if not lead:
        return rest
    return [(a, a)] * lead + (rest or [(a, b)])


_MAX_CONTINUATIONS = 3
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
        line = _next_line(norm, end, hi)
        if line is None:
            break
        nl = norm.find("\n", end + 1, hi)
        line_end = hi if nl < 0 else nl
        rest = _cells_after_tabs(work, end + 1, line_end)
        if rest is None or len(rest) > len(cells):
            break
        filled = [k for k, (a, b) in enumerate(rest) if b > a]
        units = [k for k in filled if k in columns and cells[k][1] > cells[k][0]]
        if not units or 0 in filled or _header_row(norm, rest, set(columns.values())):
            break
        last = {k: (parts.get(k) or [cells[k]])[-1] for k in units}
        if len(units) < len(filled) and not any(_cell_cut(norm[slice(*last[k])]) for k in units):
            break
        for k in units:
            parts.setdefault(k, [cells[k]]).append(rest[k])
        end = line_end
    return parts, end


_MIN_LABEL_COLUMN = 4
_MAX_GROUP_ROW = 20
"""Longest group row of a table (``一、政务环境``): a line without cells that keeps the header."""
_PROSE_STOP = patterncache.compile(r"[。!?;]")


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
    texts = [_header_cell(norm[a:b]) for a, b in cells]
    words = _header_words()
    return all(t in words for t in texts if t) and bool(_label_columns(texts, labels))


def _unit_pieces(text: str) -> list[str]:
    """The pieces of a cell between separators, without a trailing 等 (``县商务局等``)."""
    rules = compiled()
    out: list[str] = []
    for p in _LIST_SEPARATORS.split(text):
        m = rules.strip_suffix.search(p)
        core = p[: m.start()] if m is not None and m.start() > 0 else p
        if core:
            out.append(core)
    return out


@cache
def _empty_cells() -> frozenset[str]:
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
        if chars and c.s and not _cell_cut("".join(chars)):
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


_NO_UNITS = Compact("", ())
Above = dict[int, Compact]
"""The units' text of each unit column in the row above (a ditto cell resolved), by column."""


def _holds_units(text: str) -> bool:
    """Whether every piece of a unit cell is a unit, or a stem a later one lends its head to.

    ``自治区财政厅、崇左、来宾市人民政府``: ``崇左`` takes ``市人民政府`` from the unit after it.
    """
    pieces = [_without_role_word(p) for p in _unit_pieces(text)]
    units = [ends_like_unit(p) for p in pieces]
    return all(
        ok or any(units[j] and borrows_head(p, pieces[j]) for j in range(k + 1, len(pieces)))
        for k, (p, ok) in enumerate(zip(pieces, units, strict=True))
    )


def _row_block(
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
            if not cell.s or cell.s in _empty_cells():
                continue
            if spaced and not _holds_units(cell.s):
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
