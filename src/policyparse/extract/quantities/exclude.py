"""What a number is not: dates, years, phone and document numbers, ordinals, names, markers.

``Exclusions`` is built once per text; it answers, for a number found at an offset, whether
that number is something other than a quantity and, if so, what (``phone``, ``date``, ``year``,
``doc_number``, ``ordinal``, ``name``, ``marker``, ``part``).
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Iterable
from typing import Final

import regex

from ...patterncache import KEEP_GIL
from .rules import Rules

_CN_NUMERAL: Final = frozenset("零〇一二三四五六七八九两十百千万亿")
_DIGITS: Final = frozenset("0123456789")


def _is_ascii_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


_LINE_START: Final = "(?m)^"


def _scan(pat: regex.Pattern[str], text: str) -> Iterable[regex.Match[str]]:
    """``pat.finditer(text)``; a pattern opening with ``(?m)^`` is tried at line starts only
    (far cheaper than a scan that tries every offset), resuming after each match."""
    if not pat.pattern.startswith(_LINE_START):
        return pat.finditer(text)
    out: list[regex.Match[str]] = []
    last = pos = 0
    while True:
        if pos >= last:
            m = pat.match(text, pos, None, KEEP_GIL)
            if m is not None:
                if m.end() == m.start():
                    return pat.finditer(text)  # an empty match: leave it to finditer's rules
                out.append(m)
                last = m.end()
        nl = text.find("\n", pos)
        if nl < 0:
            return out
        pos = nl + 1


def _near(
    pat: regex.Pattern[str], text: str, needles: tuple[str, ...], reach: int
) -> Iterable[regex.Match[str]]:
    """``pat.finditer(text)`` for a pattern whose every match has one of ``needles`` less than
    ``reach`` from its start (either way) and looks no farther: searched only around them
    (see :func:`_near_offsets`)."""
    return _near_offsets(pat, text, _needle_offsets(text, needles, sys.maxsize), reach)


def _near_offsets(
    pat: regex.Pattern[str], text: str, offsets: list[int], reach: int
) -> Iterable[regex.Match[str]]:
    """``pat.finditer(text)`` for a pattern whose every match has a needle less than ``reach``
    from its start (either way) and looks no farther: searched only around ``offsets``, every
    offset where a needle starts, in order (see :func:`_needle_offsets`).

    A match starting before ``o - reach``, for the first offset ``o`` left to look at, would
    hold no needle; one starting up to ``o + reach`` is found as a whole-text search finds
    it, the search stopping far enough after ``o`` for nothing it looks at to be cut off.
    """
    out: list[regex.Match[str]] = []
    n = len(text)
    count = len(offsets)
    pos = k = 0
    while True:
        after = pos - reach
        while k < count and offsets[k] < after:
            k += 1
        if k == count:
            return out
        o = offsets[k]
        m = pat.search(text, max(pos, o - reach), min(n, o + 2 * reach + 1), KEEP_GIL)
        if m is not None and m.start() <= o + reach:
            if m.end() == m.start():
                return pat.finditer(text)  # an empty match: leave it to finditer's rules
            out.append(m)
            pos = m.end()
        else:
            pos = max(pos, o + reach + 1)


_CHARS_PER_SEARCH: Final = 400
"""About how many characters a whole-text scan reads in the time a search near a needle
takes: a text with more characters than this many per needle is searched near its needles."""


def _held(text: str, needles: tuple[str, ...], cap: int) -> int:
    """How many times ``needles`` occur in ``text`` (as ``str.count`` counts), or ``cap``
    (at least 1) once that many are found: the finds stop there, where a count would read
    the whole text."""
    held = 0
    find = text.find
    for w in needles:
        i = find(w)
        while i >= 0:
            held += 1
            if held >= cap:
                return held
            i = find(w, i + len(w))
    return held


def _needle_offsets(text: str, needles: tuple[str, ...], cap: int) -> list[int]:
    """Every offset where one of ``needles`` starts in ``text`` (overlaps included), in order,
    or the first ``cap`` (at least 1) found, unordered, once that many are found: the finds
    stop there, where finding all would read the whole text."""
    out: list[int] = []
    find = text.find
    for w in needles:
        i = find(w)
        while i >= 0:
            out.append(i)
            if len(out) >= cap:
                return out
            i = find(w, i + 1)
    out.sort()
    return out


_MANY_NEEDLES: Final = 4
"""From this many needles on, finding every one of them takes longer than a whole-text scan
(a ``str.find`` pass over a text costs about a quarter of a pattern's scan): such a pattern is
scanned once a needle shows it can match."""


_SERIAL_REACH: Final = 12
"""How many characters before a number a ``serial_counts`` ``before`` pattern reads."""


class Exclusions:
    """The excluded stretches of one text, and checks around a number."""

    def __init__(self, text: str, r: Rules) -> None:
        self.text = text
        self.r = r
        spans: list[tuple[int, int, str]] = []
        reaches = r.exclusion_reach or (None,) * len(r.exclusion_res)
        # below this many needles a text is searched near them (see ``_CHARS_PER_SEARCH``)
        few = (len(text) - 1) // _CHARS_PER_SEARCH + 1
        for (kind, pat), needles, reach in zip(
            r.exclusion_res, r.exclusion_needles, reaches, strict=True
        ):
            # many needles take longer to find than a scan (see ``_MANY_NEEDLES``)
            near_reach = reach if len(needles) < _MANY_NEEDLES else None
            offsets = _needle_offsets(text, needles, few if near_reach is not None else 1)
            if needles and not offsets:
                continue  # no match can be found without one of them
            if needles and near_reach is not None and len(offsets) < few:
                # few needles: search near them
                found = _near_offsets(pat, text, offsets, near_reach)
            else:
                found = _scan(pat, text)
            spans.extend((m.start(), m.end(), kind) for m in found if m.end() > m.start())
        spans.extend((m.start(), m.end(), "name") for m in r.set_phrase_re.finditer(text))
        spans.sort()
        self._spans = spans
        self._starts = [s for s, _, _ in spans]
        # the longest excluded stretch bounds how far back one can start and still cover i
        self._longest = max((e - s for s, e, _ in spans), default=0)
        # a quote whose opening mark is not in the text cannot hold a span
        self._quotes = tuple(q for q in r.quotes if q.open in text)

    def covering(self, i: int) -> str | None:
        """The kind of an excluded stretch that holds offset ``i``."""
        k = bisect_right(self._starts, i) - 1
        while k >= 0 and self._spans[k][0] >= i - self._longest:
            s, e, kind = self._spans[k]
            if s <= i < e:
                return kind
            k -= 1
        return None

    def number(self, start: int, end: int) -> str | None:
        """Why the number ``text[start:end]`` is not a quantity, or ``None``."""
        t = self.text
        tok = t[start:end]
        prev = t[start - 1] if start else ""
        nxt = t[end] if end < len(t) else ""
        kind = self.covering(start)
        if kind:
            return kind
        if t.endswith(self.r.ordinal_prefixes, 0, start):
            return "ordinal"
        if t.startswith(self.r.serial_suffixes, end) and not self._serial_count(start, end):
            return "name"
        if prev in self.r.name_joiners or nxt in self.r.name_joiners:
            return "name"
        if tok[0] in _DIGITS:
            if _is_ascii_letter(prev):
                return "name"
            if start >= 2 and prev in "-_" and t[start - 2].isascii() and t[start - 2].isalnum():
                return "part"
            if start >= 2 and prev in "./:" and t[start - 2] in _DIGITS:
                return "part"
        elif prev in _CN_NUMERAL or (len(tok) == 1 and prev in self.r.word_parts.get(tok, ())):
            return "part"
        return None

    def _serial_count(self, start: int, end: int) -> bool:
        """Whether the number ``text[start:end]`` before a serial suffix counts what is held so
        many times (``培训20期``, ``举办20期培训班``) rather than names one (``二期项目``)."""
        t = self.text
        for suffix, before, after in self.r.serial_counts:
            if not t.startswith(suffix, end):
                continue
            if before is not None and before.search(t, max(0, start - _SERIAL_REACH), start):
                return True
            if after is not None and after.match(t, end + len(suffix)):
                return True
        return False

    def span(self, start: int, end: int) -> str | None:
        """Why the quantity ``text[start:end]`` is a name (inside short quotes or a title)."""
        t = self.text
        for q in self._quotes:
            lo = max(0, start - q.max_len)
            if q.open == q.close:
                line_start = t.rfind("\n", 0, start) + 1
                if t.count(q.open, line_start, start) % 2 == 0:
                    continue
                o = t.rfind(q.open, lo, start)
            else:
                o = t.rfind(q.open, lo, start)
                if o < 0 or t.find(q.close, o + 1, start) >= 0:
                    continue
            if o < 0 or t.find("\n", o, start) >= 0:
                continue
            c = t.find(q.close, end, o + 1 + q.max_len + 1)
            if c < 0 or t.find("\n", end, c) >= 0:
                continue
            if q.open != q.close and t.find(q.open, end, c) >= 0:
                continue
            return "name"
        return None
