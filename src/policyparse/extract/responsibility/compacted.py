"""Compacted text and candidate blocks: the types and text helpers every block form uses.

A block is found as a span of the working copy with its content compacted (white space and
page-number lines between its parts removed, each character keeping its offset). Whether a
candidate really is a block is decided after its units are read (``units``). The forms are
found by ``brackets``, ``label_lines``, ``sentences``, ``tables`` and ``column_tables``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Final, overload

import regex

from ... import patterncache, textscan
from ...normalize import WorkingText
from ...patternhints import first_char_matches
from .rules import compiled

OPENERS: Final = "(【〔["
CLOSERS: Final = ")】〕]"
MAX_BLOCK: Final = 600
"""Longest block read (characters of the working copy)."""
MAX_CONTINUATION: Final = 80
"""Longest tail of a block on the line after a line or page break."""
MAX_BREAK_LINES: Final = 6
LABEL_PEEK: Final = 24
BULLETS: Final = " \t●■◆◇□•·▲△☆★>*-"

PAGE_NUMBER: Final = patterncache.compile(
    r"[ \t]*(?:[-—–－─]{0,3}[ \t]*\d{1,4}[ \t]*[-—–－─]{0,3}|第\d{1,4}页(?:[,/ ]*共\d{1,4}页)?"
    r"|\d{1,4}[ \t]*/[ \t]*\d{1,4})[ \t]*(?=\n|$)"
)
_REMOVED: Final = patterncache.compile(r"\n(?:" + PAGE_NUMBER.pattern + r")?|[^\S\n]+")
"""White space, and page-number lines after a line break: not part of a block's text."""
_ANY_SPACE: Final = patterncache.compile_re(r"\s")
"""White space as ``re`` reads it (all that ``regex`` reads as such, and more): text without
any holds no match of ``_REMOVED``."""
HEADING_IN_TEXT: Final = patterncache.compile(
    r"[(（][一二三四五六七八九十]{1,3}[)）]|(?<![\d.])\d{1,2}[.、](?![\d%])"
    r"|(?<![\p{Han}])[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百\d]{1,4}[章条节]"
)
STOP: Final = "。!?"


# The small classes the stages make by the thousand are read-only dataclasses (not frozen)
# with their own ``__init__``: compiled, it makes an object in a tenth of the time the
# dataclass's generated one (plain Python, and for a frozen one ``object.__setattr__`` per
# field) takes. Each parameter is named as its field, so ``dataclasses.replace`` works.
@dataclass(slots=True, unsafe_hash=True, init=False)
class Compact:
    """Text without white space, each character with its working-copy offset."""

    s: str
    pos: Sequence[int]
    """A ``range`` when nothing was removed, else a tuple."""

    def __init__(self, s: str, pos: Sequence[int]) -> None:
        self.s = s
        self.pos = pos

    def span(self, a: int, b: int) -> tuple[int, int]:
        """The working-copy range of ``s[a:b]`` (``b > a``)."""
        return self.pos[a], self.pos[b - 1] + 1


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; see Compact for __init__
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
    para_end: bool = False
    """For a bracket without its closing bracket that does not follow the end of a sentence:
    whether its list runs to the end of its paragraph (a blank line, a heading number or the
    end of the text follows), closing the paragraph's text (``…“一窗通办”（A、B、C``)."""

    def __init__(
        self,
        start: int,
        end: int,
        content: Compact,
        form: str,
        closed: bool,
        labeled: bool,
        after_stop: bool,
        line_end: bool = False,
        in_clause: bool = False,
        verb_before: bool = False,
        para_end: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.content = content
        self.form = form
        self.closed = closed
        self.labeled = labeled
        self.after_stop = after_stop
        self.line_end = line_end
        self.in_clause = in_clause
        self.verb_before = verb_before
        self.para_end = para_end


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


_LAZY_LENGTH: Final = 4 * MAX_BLOCK
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


def skip_break(norm: str, i: int) -> int:
    """From a line break at ``i``, the first offset of the next line with text (or -1)."""
    n = len(norm)
    lines = 0
    while i < n and lines <= MAX_BREAK_LINES:
        if norm[i] == "\n":
            lines += 1
            m = PAGE_NUMBER.match(norm, i + 1)
            i = m.end() if m is not None and m.end() > i + 1 else i + 1
            continue
        if norm[i] in " \t":
            i += 1
            continue
        return i
    return -1


def joined_break(work: WorkingText, i: int) -> bool:
    """Whether normalization removed a line break right before ``norm[i]`` (a joined word)."""
    if i <= 0 or i >= len(work.norm):
        return False
    a, b = work.to_orig(i - 1), work.to_orig(i)
    return b - a > 1 and "\n" in work.text[a + 1 : b]


def bracket_depth(norm: str, start: int, j: int) -> int:
    """How many of the brackets opened in ``norm[start:j]`` are open at ``j``."""
    return textscan.bracket_depth(norm, start, j, OPENERS, CLOSERS)


def role_words(t: str, a: int, b: int) -> list[regex.Match[str]]:
    """``role_word.finditer(t, a, b)``, the pattern tried only where a role word can start."""
    rules = compiled()
    if rules.role_word_firsts is None:
        return list(rules.role_word.finditer(t, a, b))
    return first_char_matches(
        rules.role_word, rules.role_word_firsts, t, a, b, rules.role_word_gate
    )


def without_role_word(text: str) -> str:
    """``text`` without a role word at its end (``区司法局配合`` → ``区司法局``)."""
    m = compiled().role_word.search(text)
    return text[: m.start()] if m is not None and m.end() == len(text) else text


def gap_text(work: WorkingText, i: int) -> str:
    """The original text removed between ``norm[i - 1]`` and ``norm[i]``."""
    if i <= 0 or i >= len(work.norm):
        return ""
    a, b = work.to_orig(i - 1), work.to_orig(i)
    return work.text[a + 1 : b]


def is_space_gap(gap: str) -> bool:
    return bool(gap) and not gap.strip()


def spaced_before(work: WorkingText, pos: Sequence[int], k: int) -> bool:
    """Whether white space stood before the ``k``-th character of compacted text."""
    return pos[k] - pos[k - 1] > 1 or is_space_gap(gap_text(work, pos[k]))


SPACES: Final = " \t\u3000\xa0"


def space_only_gap(work: WorkingText, a: int, b: int) -> bool:
    """Whether only spaces (no line break) stood between ``norm[a]`` and ``norm[b]``."""
    if b == a + 1 and not work.gap_before(b):
        return False
    gap = work.text[work.to_orig(a) + 1 : work.to_orig(b)]
    return bool(gap) and all(c in SPACES for c in gap)


_MAX_HEADER: Final = 40
"""Longest running header (a line printed on every page) next to a page number."""
_HEADER_PUNCTUATION: Final = frozenset('。，,；;：:！？!?、“”"()（）')


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
        if not page and PAGE_NUMBER.fullmatch(line):
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


def follows_stop(norm: str, i: int) -> bool:
    """Whether ``norm[i]`` follows the end of a sentence (line and page breaks skipped)."""
    j = _back_over_space(norm, i - 1)
    if j >= 0 and "\n" in norm[j:i]:
        j = _back_over_page_furniture(norm, j)
    return j < 0 or norm[j] in "。;!?:*" or norm[j] in CLOSERS
