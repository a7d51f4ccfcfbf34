"""The working copy: normalized text with an offset map back to the original.

``text`` is never changed. Stages read ``WorkingText.norm`` and turn their spans back into
offsets of ``text`` with :meth:`WorkingText.span`.

What normalization does:
- full-width ASCII (``０-９``, ``Ａ-Ｚ``, ``％``, ``（）``, ``：``, ``；``, ``，`` …) → half-width,
  ideographic and no-break spaces → plain spaces (one character for one, offsets unchanged);
- horizontal white space next to a Chinese character is dropped (``超 5000 亿元`` → ``超5000亿元``);
- a word broken by a line or page break inside running text is joined (``核\\n\\n酸药物``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Final

from . import patterncache
from .patterncache import KEEP_GIL
from .records import Span
from .records.base import fields_of, set_dict, set_extra, set_fields_set, set_private, trusted

_FULLWIDTH: Final = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})
_FULLWIDTH.update({0xFE30: 0x3A})
_HALF: Final = {chr(k): chr(v) for k, v in _FULLWIDTH.items()}
_WIDE: Final = frozenset(_HALF)
# the standard library scans a character class several times faster than ``set & text``
_WIDE_RE: Final = patterncache.compile_re("[" + "".join(sorted(_WIDE)) + "]")

_CJK: Final = (
    r"\p{Han}\u3001\u3002\u300a-\u300f\u3010\u3011\u3014\u3015\u201c\u201d\u2018\u2019\u2014\u2026"
)
# White space with a Chinese character on one side, or at a line's edge.
_SPACE_RUN: Final = patterncache.compile(
    rf"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])|(?<=^|\n)[ \t]+|[ \t]+(?=\n|$)"
)
_BLANK_RUN: Final = patterncache.compile_re(r"[ \t]+")


def _space_runs(text: str) -> list[tuple[int, int]]:
    """The ``_SPACE_RUN`` matches of ``text``.

    Each is a whole run of blanks (its conditions look only around the run), so the pattern
    is tried only where a run starts; runs are found with ``str.find`` (far faster than a scan
    for a character class).
    """
    out: list[tuple[int, int]] = []
    find = text.find
    space, tab = find(" "), find("\t")
    i = 0
    while True:
        if 0 <= space < i:
            space = find(" ", i)
        if 0 <= tab < i:
            tab = find("\t", i)
        if space < 0 and tab < 0:
            return out
        start = tab if space < 0 or 0 <= tab < space else space
        m = _SPACE_RUN.match(text, start, None, KEEP_GIL)
        if m is not None:
            out.append(m.span())
        run = _BLANK_RUN.match(text, start)
        i = run.end() if run is not None else start + 1


_LINE_END_PUNCT: Final = set('。；;：:！!？?）)】」』”"…—-')
_HEADING_START: Final = patterncache.compile(
    r"[#＃]|第[一二三四五六七八九十百零〇两\d]{1,6}(?:[章节条编]|部分)|[一二三四五六七八九十]{1,3}[、.]"
    r"|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、](?!\d)|[—-]{2}"
)
_MIN_BROKEN_LINE: Final = 24
# a page number between two halves of a sentence in text taken from a PDF: - 3 -, —3—, 第3页
_PAGE_NUMBER: Final = patterncache.compile(
    r"[ \t]*(?:[-—–][ \t]*\d{1,4}[ \t]*[-—–]"
    r"|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*共[ \t]*\d{1,4}[ \t]*页)?)[ \t]*(?=\n|$)"
)
# what a line cut by a wrap may end with, and what the next line may start with
_WRAP_END: Final = patterncache.compile(r"[\p{Han}，,、“《(（]")
_WRAP_START: Final = patterncache.compile(r"[\p{Han}“《\"]")


def to_halfwidth(text: str) -> str:
    """Full-width ASCII and wide spaces as their half-width forms (same length)."""
    # str.replace per wide character present is several times faster than translate(); the
    # next one is searched for from the last (no list of every wide character is made)
    search = _WIDE_RE.search
    m = search(text)
    while m is not None:
        c = m.group()
        text = text.replace(c, _HALF[c])
        m = search(text, m.start() + 1)
    return text


_validate_span = Span.__pydantic_validator__.validate_python
_SPAN_FIELDS: Final = fields_of(Span)
_new = object.__new__


@lru_cache(maxsize=8192)
def _span(start: int, end: int) -> Span:
    """A valid ``Span`` (shared: spans are frozen, and stages ask for the same ones).

    Offsets that are plain ints with ``0 <= start <= end`` are valid by definition, so the
    record is made without running its validators; anything else is validated (and refused
    as the model refuses it).
    """
    if type(start) is int and type(end) is int and 0 <= start <= end:
        return trusted(Span, {"start": start, "end": end})
    span: Span = _validate_span({"start": start, "end": end})
    return span


@dataclass(frozen=True)
class WorkingText:
    """Normalized text and the map from its offsets to the original's."""

    text: str
    norm: str
    _norm_starts: tuple[int, ...]
    _orig_starts: tuple[int, ...]
    halfwidth: str = field(repr=False, compare=False)
    """``text`` with full-width ASCII as half-width (:func:`to_halfwidth`), same offsets."""

    def to_orig(self, i: int) -> int:
        """Offset in ``text`` of the character at ``norm[i]`` (``len(norm)`` → ``len(text)``)."""
        if i >= len(self.norm):
            return len(self.text)
        k = bisect_right(self._norm_starts, i) - 1
        return self._orig_starts[k] + (i - self._norm_starts[k])

    def gap_before(self, i: int) -> bool:
        """Whether normalization removed original text between ``norm[i - 1]`` and ``norm[i]``."""
        k = bisect_left(self._norm_starts, i)
        return 0 < i < len(self.norm) and k < len(self._norm_starts) and self._norm_starts[k] == i

    def gaps_in(self, start: int, end: int) -> list[int]:
        """The offsets ``i`` in ``start..end-1`` with :meth:`gap_before` true, in order."""
        lo = bisect_left(self._norm_starts, max(start, 1))
        hi = bisect_left(self._norm_starts, min(end, len(self.norm)))
        return list(self._norm_starts[lo:hi])

    def span(self, start: int, end: int) -> Span:
        """The span of ``text`` that ``norm[start:end]`` came from."""
        if end <= start:
            o = self.to_orig(start)
            return _span(o, o)
        # to_orig(start) and to_orig(end - 1) + 1, inlined: this runs for every record
        n = len(self.norm)
        ns, os_ = self._norm_starts, self._orig_starts
        last = end - 1
        if start < n:
            k = bisect_right(ns, start) - 1
            a = os_[k] + (start - ns[k])
            if last < n:
                # most spans lie in one piece of the map: then ``last`` is in piece ``k`` too
                if k + 1 < len(ns) and ns[k + 1] <= last:
                    k = bisect_right(ns, last) - 1
                return _span(a, os_[k] + (last - ns[k]) + 1)
        else:
            a = len(self.text)
        return _span(a, len(self.text) + 1)  # ``last`` past the working copy's end

    def spans(self, ranges: Iterable[tuple[int, int]]) -> list[Span]:
        """:meth:`span` of each ``(start, end)`` of ``ranges``, in one loop.

        The spans are made afresh, not taken from or put in the shared cache: this is for
        many new ranges at once (a document's sentences), which later stages rarely ask for.
        """
        n = len(self.norm)
        tail = len(self.text)
        ns, os_ = self._norm_starts, self._orig_starts
        out: list[Span] = []
        add = out.append
        every = _SPAN_FIELDS
        new, sd, sf, se, sp = _new, set_dict, set_fields_set, set_extra, set_private
        for start, end in ranges:
            if end <= start or type(start) is not int or type(end) is not int or start < 0:
                add(self.span(start, end))
                continue
            last = end - 1
            if start < n:
                k = bisect_right(ns, start) - 1
                a = os_[k] + (start - ns[k])
                if last < n:
                    if k + 1 < len(ns) and ns[k + 1] <= last:
                        k = bisect_right(ns, last) - 1  # else ``last`` is in ``start``'s piece
                    b = os_[k] + (last - ns[k])
                else:
                    b = tail
            else:
                a = b = tail
            if a < 0 or b < a:  # never for a map of this module's making; refused as span's
                add(_span(a, b + 1))
                continue
            # int offsets, 0 <= a <= b: a valid span (what ``_span`` makes, inlined)
            span = new(Span)
            sd(span, {"start": a, "end": b + 1})
            sf(span, every)
            se(span, None)
            sp(span, None)
            add(span)
        return out

    def to_norm(self, orig: int) -> int:
        """Offset in ``norm`` of the first kept character at or after ``text[orig]``."""
        k = bisect_right(self._orig_starts, orig) - 1
        return 0 if k < 0 else self._norm_in(k, orig)

    def _norm_in(self, k: int, orig: int) -> int:
        """:meth:`to_norm` of ``orig`` in piece ``k`` of the map (``k >= 0``): its offset in the
        piece, at most the piece's length (a dropped character maps to the next kept one)."""
        ns = self._norm_starts
        base = ns[k]
        seg_len = (ns[k + 1] if k + 1 < len(ns) else len(self.norm)) - base
        delta = orig - self._orig_starts[k]
        return base + (delta if delta < seg_len else seg_len)

    def to_norm_ranges(self, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """Each ``(start, end)`` of ``ranges`` (offsets of ``text``) as ``(s, e)`` of ``norm``:
        ``s = to_norm(start)``, ``e = to_norm(end - 1) + 1`` and never below ``s`` (``s`` for an
        empty range), in one loop (a stage maps every record of a kind at once)."""
        os_ = self._orig_starts
        count = len(os_)
        norm_in = self._norm_in
        out: list[tuple[int, int]] = []
        add = out.append
        for start, end in ranges:
            k = bisect_right(os_, start) - 1
            s = 0 if k < 0 else norm_in(k, start)
            if end <= start:
                add((s, s))
                continue
            last = end - 1
            if k + 1 < count and os_[k + 1] <= last:
                k = bisect_right(os_, last) - 1  # else ``last`` is in ``start``'s piece
            e = 1 if k < 0 else norm_in(k, last) + 1
            add((s, e if e > s else s))
        return out


def _skip_blank(text: str, j: int) -> int:
    n = len(text)
    while j < n and text[j] in "\n \t\f":
        j += 1
    return j


_WRAP_END_DIGIT: Final = patterncache.compile(r"[\d%.]")
_SENTENCE_END: Final = set("。；;：:！!？?")


_TITLE_STOPS: Final = frozenset("。，,；;：:")
"""Marks no title line holds."""


def title_lines(text: str, count: int = 8) -> set[str]:
    """The first non-blank lines of ``text`` without a comma or stop in them (of 8 characters or
    more), and each two adjacent ones joined, as a title broken over two lines is written again
    in a running header."""
    first: list[str] = []
    if count > 0:  # the first ``count`` non-blank lines, stripped (no line read past them)
        for raw in text[:3000].split("\n"):
            ln = raw.strip()
            if ln:
                first.append(ln)
                if len(first) == count:
                    break
    else:
        first = [ln.strip() for ln in text[:3000].split("\n") if ln.strip()][:count]
    first = [ln for ln in first if _TITLE_STOPS.isdisjoint(ln)]
    out = {ln for ln in first if len(ln) >= 8}
    out.update(a + b for a, b in pairwise(first) if len(a + b) >= 8)
    return out


def _wrap_width(text: str) -> int | None:
    """The width of a hard-wrapped text (a PDF's lines): most prose lines end mid-sentence, run
    straight on into the next line, and are of one width (within two characters); else ``None``."""
    lines = [ln.strip() for ln in text.split("\n")]
    prose = 0
    widths: list[int] = []
    for a, b in pairwise(lines):
        if len(a) < 8 or not b or " " in a or _HEADING_START.match(a, 0, None, KEEP_GIL):
            continue
        prose += 1
        if a[-1] not in _SENTENCE_END:
            widths.append(len(a))
    if prose < 12 or len(widths) < 0.6 * prose:
        return None
    widths.sort()
    width = widths[len(widths) // 2]
    even = sum(1 for w in widths if abs(w - width) <= 2)
    return width if width >= 12 and even >= 0.55 * len(widths) else None


_INDENT: Final = 2
"""Leading spaces (``　　`` is two) that start a paragraph."""
_LABEL_LINE: Final = patterncache.compile(r"\p{Han}{1,8}[:：]")
# a number (or a ratio, 1:1) with its unit or the word after it
_NUMBER_UNIT: Final = patterncache.compile(r"\d+(?:[.:]\d+)?(?:%|‰|\p{Han})")
_NUMBER_GOES_ON: Final = patterncache.compile(r"\d*(?:\.\d+)?(?:%|‰|\p{Han})")
_DATE_LINE: Final = patterncache.compile(r"\d{4}年\d{1,2}月\d{1,2}日[ \t]*(?=\n|$)")
_CELL_STOP: Final = set("。；;！!？?")
_HAN: Final = patterncache.compile(r"\p{Han}")
_COMMAS: Final = set("，,")


def _indent(text: str, j: int) -> int:
    """How many spaces or tabs stand before ``text[j]`` on its line."""
    k = j
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return j - k


def _line_at(text: str, j: int) -> str:
    """The line holding ``text[j]``, stripped."""
    end = text.find("\n", j)
    return text[text.rfind("\n", 0, j) + 1 : len(text) if end < 0 else end].strip()


def _cell_like(line: str) -> bool:
    """A line that may be one cell of a table written one cell a line: short, no stop."""
    return (
        0 < len(line) < _MIN_BROKEN_LINE
        and not _CELL_STOP & set(line)
        and not _HEADING_START.match(line)
    )


def _starts_paragraph(text: str, pos: int, nl: int, j: int) -> bool:
    """Whether the line at ``j`` starts a new paragraph rather than going on with ``text[pos:nl]``.

    It does when it is indented (``　　``) deeper than the line before or after a blank line, or
    starts with a label (``说明：``) after a blank line.
    """
    blank = text.count("\n", nl, j) > 1
    indent = _indent(text, j)
    raw = text[pos:nl]
    if indent >= _INDENT and (blank or indent > len(raw) - len(raw.lstrip(" \t"))):
        return True
    return blank and _LABEL_LINE.match(text, j) is not None


def _in_cell_column(prev: str, text: str, j: int) -> bool:
    """Whether a line sits in a table written one cell a line (text taken from a Word table).

    The line before it and the two lines from ``j`` on are each short and hold no stop, and
    the two next to it no comma, as the cells around a long task cell do (``1`` / task /
    ``区住建交通局`` / ``区财政局、…``).
    """
    nxt = _line_at(text, j)
    e = text.find("\n", j)
    if e < 0 or not _cell_like(prev) or not _cell_like(nxt) or _COMMAS & set(prev + nxt):
        return False
    after = _skip_blank(text, e)
    return after < len(text) and _cell_like(_line_at(text, after))


_UNIT_AFTER_CUT: Final = patterncache.compile(r"[年月日号%‰万亿](?![年月日号])")


@lru_cache(maxsize=1)
def _unit_words() -> tuple[dict[str, tuple[str, ...]], int]:
    """The unit words of the quantities stage (``data/units.yaml``, through its rules loader),
    each with the words after it that make it another word (``人`` before ``民``), and the
    length of the longest. One-letter units read only right after the number (``standalone``)
    and units read only after a measure word are left out; the measure word (``个``) and the
    magnitudes are in."""
    from .extract.quantities.rules import rules  # imported late: that package imports this one

    r = rules()
    words = {
        unit: e.not_before
        for unit, e in r.units.items()
        if not e.standalone and not e.only_after_measure_word
    }
    words.setdefault(r.measure_word, ())
    for magnitude in r.magnitudes:
        words.setdefault(magnitude, ())
    return words, max(map(len, words), default=0)


def _unit_at(text: str, j: int) -> bool:
    """Whether ``text[j:]`` starts with a unit word (the longest that fits a bounded prefix and
    is not the start of another word, ``人民`` being no ``人``)."""
    words, longest = _unit_words()
    head = text[j : j + longest]
    for n in range(len(head), 0, -1):
        stop = words.get(head[:n])
        if stop is None:
            continue
        if not any(text.startswith(w, j + n) for w in stop):
            return True
    return False


_BODY_PUNCT: Final = set("。；;！!？?")
_CLAUSE_PUNCT: Final = set("，,")


def _body_after_heading(line: str, wrapped: bool) -> bool:
    """Whether a line that starts with a heading number also carries body text: its title
    closes with a stop and text follows (``（二）改造老旧工程。对建成…``), an article number
    has text after it (``第五条　…``), or, in a line of a hard-wrapped text, the text after the
    number holds a comma. A line holding only a heading (``一、主要目标``) carries none."""
    m = _HEADING_START.match(line)
    if m is None:
        return True
    rest = set(line[m.end() : -1])
    if m.group().endswith("条") and rest - {" ", "\t"}:
        return True  # an article has no title: what follows its number is its text
    return bool(rest & _BODY_PUNCT) or (wrapped and bool(rest & _CLAUSE_PUNCT))


def _after_words(line: str) -> bool:
    """Whether ``line`` ends in a number written right after a Chinese character, with no
    blank in the line (a table row split by blanks, a lone number cell are not)."""
    if " " in line or "\t" in line:
        return False
    k = len(line)
    while k > 0 and (line[k - 1].isdigit() or line[k - 1] == "."):
        k -= 1
    return 0 < k < len(line) and len(line) - k <= 12 and _HAN.match(line[k - 1]) is not None


def _broken_word_gaps(text: str) -> list[tuple[int, int]]:
    """Line breaks (with blank lines, or a page number, between) that cut running text in two.

    A long prose line may be cut anywhere, also before a number with its unit (``达到\n95%``);
    in a hard-wrapped text (:func:`_wrap_width`) a line of the wrap width may also be cut
    without a comma in it or after a digit (``达到350\n亿元``). A line that starts a paragraph
    (:func:`_starts_paragraph`) and a cell of a table written one cell a line are never joined.
    """
    gaps: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    width = _wrap_width(text)
    heads = title_lines(text)
    prev = ""
    while True:
        nl = text.find("\n", pos)
        if nl < 0:
            break
        line = text[pos:nl].strip()
        if not line:
            pos = nl + 1
            continue
        if line[-1] in _LINE_END_PUNCT:  # never joined (tested first: most lines end so)
            prev = line
            pos = nl + 1
            continue
        j = _skip_blank(text, nl)
        h_end = text.find("\n", j)
        if width is not None and h_end > 0 and text[j:h_end].strip() in heads:
            # a running header that repeats the title, before the page number (PDF text)
            after = _skip_blank(text, h_end)
            if _PAGE_NUMBER.match(text, after):
                j = after
        page = _PAGE_NUMBER.match(text, j, None, KEEP_GIL)
        if page is not None:
            j = _skip_blank(text, page.end())
        breaks = text.count("\n", nl, j)
        prose = (
            len(line) >= _MIN_BROKEN_LINE
            and _WRAP_END.match(line[-1], 0, None, KEEP_GIL) is not None
            and any(p in line for p in "。，,；;")
        )
        # a number cut in two (达到3\n0%, 到2026\n年底): a prose line ending in a digit, and a
        # next line that goes on with digits and a unit, or with the unit itself
        digit_cut = (
            len(line) >= _MIN_BROKEN_LINE
            and line[-1].isdigit()
            and any(p in line for p in "。，,；;")
            and _NUMBER_GOES_ON.match(text, j) is not None
            and _DATE_LINE.match(text, j) is None
        )
        # a short line cut inside a number written after words (力争到2026\n年): the number
        # follows a Chinese character and the next line starts with its unit
        digit_cut = digit_cut or (
            (breaks == 1 or page is not None)
            and line[-1].isdigit()
            and _after_words(line)
            and (_UNIT_AFTER_CUT.match(text, j) is not None or _unit_at(text, j))
        )
        wrapped = (
            width is not None
            and len(line) >= width - 3
            and " " not in line
            and (breaks == 1 or page is not None)
            and line not in heads
            and (_WRAP_END.match(line[-1]) or _WRAP_END_DIGIT.match(line[-1])) is not None
        )
        if (
            j < n
            and breaks <= (6 if page else 3)
            and line[-1] not in _LINE_END_PUNCT
            and (prose or wrapped or digit_cut)
            # 2.培育…比重达到3\n0%; （二）改造…工程。对建成…不足的\n工程实施改造
            and (
                digit_cut
                or not _HEADING_START.match(line)
                # a heading line goes on only across a bare line break or a page break
                or ((breaks == 1 or page is not None) and _body_after_heading(line, wrapped))
            )
            and (
                _WRAP_START.match(text, j)
                or digit_cut
                or (width is not None and len(line) >= width - 3 and text[j : j + 1].isdigit())
                or (
                    prose
                    and _HAN.match(line[-1]) is not None
                    and _NUMBER_UNIT.match(text, j) is not None
                    and _DATE_LINE.match(text, j) is None
                )
            )
            and not _HEADING_START.match(text, j)
            and (page is not None or not _starts_paragraph(text, pos, nl, j))
            and (wrapped or not _in_cell_column(prev, text, j))
        ):
            gaps.append((nl, j))
        prev = line
        pos = nl + 1
    return gaps


def normalize(text: str) -> WorkingText:
    """Build the working copy of ``text``."""
    half = to_halfwidth(text)
    removed = _space_runs(half)
    removed += _broken_word_gaps(half)
    removed.sort()
    pieces: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    pos = 0
    out = 0
    for s, e in removed:
        if e <= pos:
            continue
        s = max(s, pos)
        if s > pos:
            norm_starts.append(out)
            orig_starts.append(pos)
            pieces.append(half[pos:s])
            out += s - pos
        pos = e
    if pos < len(half) or not norm_starts:
        norm_starts.append(out)
        orig_starts.append(pos)
        pieces.append(half[pos:])
    return WorkingText(text, "".join(pieces), tuple(norm_starts), tuple(orig_starts), half)
