"""Where things are in the working copy: sentences, clauses, paragraphs, list items.

The targets stage reads quantities and time expressions from the records of earlier stages;
their spans point into the original text, so they are mapped back onto the working copy
(``ctx.norm``) here, once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from operator import attrgetter
from typing import TYPE_CHECKING, Final

import regex

from ... import patterncache
from ...patterncache import KEEP_GIL
from ...records import Quantity, TimeExpression
from ...textscan import bracket_depth

if TYPE_CHECKING:
    from ...pipeline import Context

CLAUSE_BREAK: Final = frozenset("，,；;：:。!?！？")
LIST_SEP: Final = frozenset("、，,；;")
_OPEN: Final = {
    "（": "）",
    "(": ")",
    "“": "”",
    "「": "」",
    "《": "》",
    "【": "】",
    "〔": "〕",
    "‘": "’",
}
_CLOSE: Final = {v: k for k, v in _OPEN.items()}
_CLAUSE_MARK: Final = patterncache.compile(
    "[" + regex.escape("".join(sorted({'"', ".", *CLAUSE_BREAK, *_OPEN, *_CLOSE}))) + "]"
)
"""The characters :func:`clauses` looks at."""
_DEPTH_MARK: Final = patterncache.compile(
    "[" + regex.escape("".join(sorted({'"', *_OPEN, *_CLOSE}))) + "]"
)
"""The characters that change the depth :func:`depth_map` reports."""
_BREAK_MARK: Final = patterncache.compile("[" + regex.escape("".join(sorted(CLAUSE_BREAK))) + "]")
_ASCII_STOP: Final = patterncache.compile(r"(?<=[\p{Han}”’\"）)%])\.(?=\S)")
"""A half-width full stop written as a Chinese one (``…停车设施.11月底前新增…``, ``…500人次.对…``):
after a Chinese character, a closing mark or ``%``; not in ``3.5`` or ``www.gov.cn``."""


def ascii_stop(text: str, i: int) -> bool:
    """Whether the ``.`` at ``text[i]`` ends a sentence."""
    return bool(_ASCII_STOP.match(text, i, None, KEEP_GIL))


LIST_ITEM: Final = patterncache.compile(
    r"(?:[—–-]{2,3}|[—–·•●▲◆■□○◇※]|[①-⑳]|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|"
    r"\d{1,2}(?:[.．](?!\d)|、)|"
    r"[一二三四五六七八九十]{1,2}是)"
)


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; own __init__ (faster)
class QRef:
    """A quantity record and its offsets in the working copy."""

    rec: Quantity
    start: int
    end: int

    def __init__(self, rec: Quantity, start: int, end: int) -> None:
        self.rec = rec
        self.start = start
        self.end = end


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; own __init__ (faster)
class TRef:
    """A time expression record and its offsets in the working copy."""

    rec: TimeExpression
    start: int
    end: int

    def __init__(self, rec: TimeExpression, start: int, end: int) -> None:
        self.rec = rec
        self.start = start
        self.end = end


@dataclass
class Layout:
    """Sentences, clauses and paragraphs of the working copy, with quantities and times."""

    norm: str
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    quantities: list[QRef]
    times: list[TRef]
    _para_starts: list[int] = field(default_factory=list)
    _q_starts: list[int] = field(default_factory=list)
    _t_starts: list[int] = field(default_factory=list)
    _sent_ends: list[int] | None = field(default=None, init=False, repr=False)
    _starts_ascend: bool = field(default=False, init=False, repr=False)
    work_to_norm: Callable[[int], int] | None = field(default=None, repr=False)
    """The working text's ``to_norm``, for :meth:`to_norm`."""
    _mapped: dict[int, int] = field(default_factory=dict, repr=False)
    para_clauses: dict[int, tuple[list[tuple[int, int]], list[int]]] = field(default_factory=dict)
    """Clauses of each paragraph (by index) and their starts, computed on first use."""
    para_topics: dict[int, list[str]] = field(default_factory=dict)
    """For each paragraph, at ``k``: the last topic (``在…领域，``) its first ``k`` whole
    clauses name, or ''; extended on use."""

    def __post_init__(self) -> None:
        self._para_starts = [p[0] for p in self.paragraphs]
        ends = [e for _s, e in self.sentences]
        # sentences are in order and apart, so their ends ascend and bisect finds the first
        # one ending after an offset; otherwise every sentence is looked at
        self._sent_ends = ends if ends == sorted(set(ends)) else None
        starts = [s for s, _e in self.sentences]
        self._starts_ascend = starts == sorted(starts)
        self._q_starts = [q.start for q in self.quantities]
        self._t_starts = [t.start for t in self.times]

    def to_norm(self, i: int) -> int:
        """``work.to_norm(i)``, kept: the outline's sections and provisions share edges."""
        v = self._mapped.get(i)
        if v is None:
            assert self.work_to_norm is not None
            v = self._mapped[i] = self.work_to_norm(i)
        return v

    def paragraph_index(self, i: int) -> int | None:
        """Index of the paragraph holding offset ``i``."""
        k = bisect_right(self._para_starts, i) - 1
        if k >= 0 and i < self.paragraphs[k][1]:
            return k
        return None

    def sentences_overlapping(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The sentences that share a character with ``[start, end)``, in order."""
        k = bisect_right(self._sent_ends, start) if self._sent_ends is not None else 0
        for ss, se in islice(self.sentences, k, None):
            if ss >= end and self._sent_ends is not None:
                return
            if se > start and ss < end:
                yield ss, se

    def valued_sentences(self) -> list[tuple[int, int]]:
        """The sentences in which a quantity starts, in order."""
        sents = self.sentences
        ends = self._sent_ends
        if ends is None or not self._starts_ascend:
            starts = self._q_starts
            return [(s, e) for s, e in sents if _starts_within(starts, s, e)]
        # starts and ends ascending: the sentences holding an offset are the run from the
        # first one ending after it that start at or before it
        hit: set[int] = set()
        for q0 in self._q_starts:
            k = bisect_right(ends, q0)
            while k < len(sents) and sents[k][0] <= q0:
                hit.add(k)
                k += 1
        return [sents[k] for k in sorted(hit)]

    def quantities_in(self, start: int, end: int) -> list[QRef]:
        """Quantities that lie within ``[start, end)``."""
        lo = bisect_left(self._q_starts, start)
        hi = bisect_left(self._q_starts, end, lo)
        if lo == hi:
            return []
        return [q for q in self.quantities[lo:hi] if q.end <= end]

    def times_in(self, start: int, end: int) -> list[TRef]:
        """Time expressions that lie within ``[start, end)``."""
        lo = bisect_left(self._t_starts, start)
        hi = bisect_left(self._t_starts, end, lo)
        if lo == hi:
            return []  # most asks: a stretch without a time
        return [t for t in self.times[lo:hi] if t.end <= end]


def _starts_within(starts: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted ``starts`` lies within ``[start, end)``."""
    k = bisect_left(starts, start)
    return k < len(starts) and starts[k] < end


_BY_RANGE: Final = attrgetter("start", "end")


def build_layout(ctx: Context) -> Layout:
    """The layout of ``ctx``'s working copy."""
    work = ctx.work
    # every record mapped in one loop: to_norm(start), to_norm(end - 1) + 1
    q_ranges = work.to_norm_ranges([(q.span.start, q.span.end) for q in ctx.quantities])
    quantities = [QRef(q, s, e) for q, (s, e) in zip(ctx.quantities, q_ranges, strict=True)]
    quantities.sort(key=_BY_RANGE)
    t_ranges = work.to_norm_ranges([(t.span.start, t.span.end) for t in ctx.times])
    times = [TRef(t, s, e) for t, (s, e) in zip(ctx.times, t_ranges, strict=True)]
    times.sort(key=_BY_RANGE)
    o = ctx.outline
    sentences = [(s, e) for s, e, _ in o.sentence_ranges]
    paragraphs = [(s, e) for s, e, _ in o.paragraph_ranges]
    # a numbered item whose whole text is its title ("1.高新技术企业数量达到3000家。") is a
    # heading line with no sentence; read it as a sentence of its own
    sent_starts = [a for a, _ in sentences]  # the outline's sentences: in order, apart
    q_starts = [q.start for q in quantities]
    added: list[tuple[int, int]] = []
    sec_ranges = work.to_norm_ranges([(x.span.start, x.span.end) for x in o.sections])
    # each section's start mapped, kept for Layout.to_norm (later stages ask for them again)
    mapped = {x.span.start: s for x, (s, _e) in zip(o.sections, sec_ranges, strict=True)}
    for s, e in sec_ranges:
        k = bisect_left(sent_starts, e) - 1  # the last sentence starting before e
        if (k >= 0 and sentences[k][1] > s) or any(a < e and s < b for a, b in added):
            continue
        j = bisect_left(q_starts, s)
        while j < len(quantities) and quantities[j].start < e and quantities[j].end > e:
            j += 1
        if j < len(quantities) and quantities[j].start < e:
            added.append((s, e))
    sentences.extend(added)
    paragraphs.extend(added)
    sentences.sort()
    paragraphs.sort()
    norm = ctx.norm
    pieces: list[tuple[int, int]] = []
    for sp in sentences:
        if norm.find(".", sp[0], sp[1]) < 0:
            pieces.append(sp)
        else:
            pieces.extend(_split_ascii_stops(norm, *sp))
    sentences = pieces
    sentences, paragraphs = _join_wrapped(ctx.norm, sentences, paragraphs)
    return Layout(
        norm=ctx.norm,
        sentences=sentences,
        paragraphs=paragraphs,
        quantities=quantities,
        times=times,
        work_to_norm=work.to_norm,
        _mapped=mapped,
    )


def _split_ascii_stops(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at the half-width full stops written as Chinese ones inside it (the
    outline reads only ``。！？`` and line ends as stops)."""
    out: list[tuple[int, int]] = []
    pos = start
    i = norm.find(".", start, end)
    while i >= 0:
        if i + 1 < end and ascii_stop(norm, i):
            out.append((pos, i + 1))
            pos = i + 1
        i = norm.find(".", i + 1, end)
    out.append((pos, end))
    return out


_WRAP_MIN_LINE: Final = 20
"""A line at least this long that ends inside a clause is a wrapped line, not a heading."""
_OPEN_END: Final = patterncache.compile(r"[\p{Han}A-Za-z]$")
_GOES_ON: Final = frozenset("，,、")
"""Marks a line may end with inside a sentence that goes on on the next line."""


def _wrapped(norm: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether ``b`` goes on ``a`` across a hard line break (``…覆盖率达到\n80%,…``): one
    line break between them, ``a`` ends a long line inside a clause and ``b`` opens with a
    number that no list mark follows, or ``a`` ends with a comma and ``b`` opens with a
    half-width quotation mark (``…200家,\n"同线同标同质"产品…``)."""
    if b[0] - a[1] != 1 or norm[a[1]] != "\n":
        return False
    line_start = norm.rfind("\n", 0, a[1]) + 1
    if a[1] - line_start < _WRAP_MIN_LINE:
        return False
    if norm[b[0] : b[0] + 1] == '"' and norm[a[1] - 1] in _GOES_ON:
        # …企业200家,\n"同线同标同质"产品企业…: after a comma the sentence goes on, into a
        # name in half-width quotation marks
        return True
    # a match of _OPEN_END is one of the last two characters (``$`` also before a final "\n")
    if not _OPEN_END.search(norm, max(a[0], a[1] - 2), a[1], KEEP_GIL):
        return False
    if not norm[b[0] : b[0] + 1].isdigit():
        return False
    mark = LIST_ITEM.match(norm, b[0])
    # 3.6万亩 is a number, 3.推进… an item
    return mark is None or norm[mark.end() : mark.end() + 1].isdigit()


def _join_wrapped(
    norm: str, sentences: list[tuple[int, int]], paragraphs: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Sentences and paragraphs with those cut by a hard line break joined again."""

    def join(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for sp in spans:
            # _wrapped asks for one character between them first: test that here, cheaply
            if out and sp[0] - out[-1][1] == 1 and _wrapped(norm, out[-1], sp):
                out[-1] = (out[-1][0], sp[1])
            else:
                out.append(sp)
        return out

    return join(sentences), join(paragraphs)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of ``text[start:end]``, split at commas, semicolons, colons and stops outside
    brackets and quotation marks (each clause keeps no trailing mark)."""
    if text.find(".", start, end) < 0 and _DEPTH_MARK.search(text, start, end, KEEP_GIL) is None:
        return _plain_clauses(text, start, end)  # no brackets, quotes or ``.``
    out: list[tuple[int, int]] = []
    stack: list[str] = []
    ascii_quote = False
    part = ""  # the closing bracket of an open ``（其中…`` part, read as a clause of its own
    pos = start
    for m in _CLAUSE_MARK.finditer(text, start, end, False, KEEP_GIL):
        i = m.start()
        c = text[i]
        if c == '"':
            ascii_quote = not ascii_quote
        elif c in "（(" and not (stack or ascii_quote or part) and _PART.match(text, i + 1):
            # 产量达到30万辆（其中纯电动车型占比不低于60%）: a part with a goal of its own
            part = _OPEN[c]
            if i > pos:
                out.append((pos, i))
            pos = i + 1
        elif c == part and not (stack or ascii_quote):
            part = ""
            if i > pos:
                out.append((pos, i))
            pos = i + 1
        elif c in _OPEN:
            stack.append(_OPEN[c])
        elif c in _CLOSE:
            if stack and stack[-1] == c:
                stack.pop()
        elif (c in CLAUSE_BREAK or (c == "." and ascii_stop(text, i))) and not (
            stack or ascii_quote
        ):
            if i > pos:
                out.append((pos, i))
            pos = i + 1
    return _closed(text, out, pos, end)


def _closed(text: str, out: list[tuple[int, int]], pos: int, end: int) -> list[tuple[int, int]]:
    """``out`` with the last clause ``pos..end`` added and clauses too long cut."""
    if end > pos:
        out.append((pos, end))
    if any(e - s > MAX_CLAUSE for s, e in out):
        out = [piece for s, e in out for piece in _cut_long(text, s, e)]
    return out


def _plain_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """:func:`clauses` of a stretch without brackets, quotation marks or ``.``: split at
    every clause mark."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in _BREAK_MARK.finditer(text, start, end, False, KEEP_GIL):
        i = m.start()
        if i > pos:
            out.append((pos, i))
        pos = i + 1
    return _closed(text, out, pos, end)


_PART: Final = patterncache.compile(
    r"其中[:：]?[^（）()，,；;。]{1,40}?(?:不低于|不少于|不超过|不高于|达到|超过|突破|占比|比重|\d)"
)
"""A bracket that opens with ``其中`` and holds a value: a part of the whole before it."""

MAX_CLAUSE: Final = 300
"""A longer run without a clause mark (a run-on list, a table flattened to one line) is read in
pieces of at most this many characters, cut at the last ``、`` or space, so that reading a
document stays linear in its length."""


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    while end - start > MAX_CLAUSE:
        cut = max(
            text.rfind("、", start, start + MAX_CLAUSE), text.rfind(" ", start, start + MAX_CLAUSE)
        )
        if cut <= start:
            cut = start + MAX_CLAUSE
        out.append((start, cut))
        start = cut + 1 if text[cut] in "、 " else cut
    if end > start:
        out.append((start, end))
    return out


def depth_map(text: str) -> list[int]:
    """Bracket and quotation depth at each character of ``text``."""
    if not _DEPTH_MARK.search(text, 0, None, KEEP_GIL):
        return [0] * len(text)
    depths: list[int] = []
    stack: list[str] = []
    ascii_quote = False
    for c in text:
        if c == '"':
            ascii_quote = not ascii_quote
            depths.append(len(stack) + 1)
            continue
        if c in _CLOSE and stack and stack[-1] == c:
            depths.append(len(stack))
            stack.pop()
            continue
        depths.append(len(stack) + (1 if ascii_quote else 0))
        if c in _OPEN:
            stack.append(_OPEN[c])
    return depths


def inside_quote(text: str, start: int, end: int, limit: int = 16) -> bool:
    """Whether ``text[start:end]`` sits inside a short quotation or bracketed name."""
    left = text.rfind("“", max(0, start - limit), start)
    if left >= 0 and "”" not in text[left:start]:
        right = text.find("”", end, end + limit)
        if right >= 0:
            return True
    line_start = text.rfind("\n", 0, start) + 1
    if text.count('"', line_start, start) % 2 == 1 and '"' in text[end : end + limit]:
        return True
    left = text.rfind("〔", max(0, start - 6), start)
    return left >= 0 and "〕" in text[end : end + 3]


def in_brackets(text: str, start: int, i: int) -> bool:
    """Whether offset ``i`` is inside round brackets opened after ``start`` (an aside such as
    ``(品规6个)`` or ``北京(21个)``)."""
    if text.find("(", start, i) < 0 and text.find("（", start, i) < 0:
        return False
    return bracket_depth(text, start, i) > 0
