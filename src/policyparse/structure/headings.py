"""Heading lines: their numbering kind, number and title.

A heading is recognised at the start of a normalized line by its number alone (``一、``,
``（一）``, ``1.``, ``（1）``, ``①``, ``第一章``, ``第一节``, ``第一条``, a Markdown ``#`` or a
``——`` lead); the title runs to the first full stop (or an early colon), and whatever follows
on the same line is body text (a *run-in* heading). Every pattern is anchored and bounded, so
matching a line costs time linear in its length.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

import regex

from .. import patterncache
from ..patterncache import KEEP_GIL
from ..records.outline import HeadingKind

LineKind = HeadingKind | Literal["dash"]
"""A heading kind, or ``dash`` for a ``——`` lead item (a list item, not a section)."""

_CN: Final = "一二三四五六七八九十百零〇两"
_CN_SMALL: Final = "一二三四五六七八九十"
_CIRCLED: Final = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# (kind, level key, pattern); the first that matches wins. A pattern matches the number only.
_PATTERNS: tuple[tuple[LineKind, str, regex.Pattern[str]], ...] = (
    ("chapter", "chapter_编", patterncache.compile(rf"第[{_CN}\d]{{1,6}}编(?![\d])")),
    ("chapter", "chapter_部分", patterncache.compile(rf"第[{_CN}\d]{{1,6}}部分(?![\d])")),
    ("chapter", "chapter_章", patterncache.compile(rf"第[{_CN}\d]{{1,6}}章(?![\d])")),
    ("chapter", "chapter_节", patterncache.compile(rf"第[{_CN}\d]{{1,6}}节(?![\d])")),
    ("article", "article", patterncache.compile(rf"第[{_CN}\d]{{1,6}}条(?![\d])")),
    # 一、 一. (a title may start with a digit: 一、2025年发展目标); never 一是 or 一批
    (
        "cn_number",
        "cn_number",
        patterncache.compile(
            rf"[{_CN_SMALL}]{{1,3}}(?:、(?![{_CN_SMALL}]{{1,2}}[季月类级产]|[、.])|\.(?![\d%.、]))"
        ),
    ),
    ("paren_cn", "paren_cn", patterncache.compile(rf"[(（〔][{_CN_SMALL}]{{1,3}}[)）〕]")),
    ("paren_arabic", "paren_arabic", patterncache.compile(r"[(（]\d{1,2}[)）]")),
    ("paren_arabic", "circled", patterncache.compile(rf"[{_CIRCLED}]")),
    # 1. 1、 (not 1.5万亩, not 3%); 1) as a right-bracket-only variant
    ("arabic", "arabic", patterncache.compile(r"\d{1,2}(?:[.、](?![\d%.、])|\.(?=\s))")),
    ("arabic", "arabic_rp", patterncache.compile(r"\d{1,2}[)）](?![\d%])")),
    ("dash", "dash", patterncache.compile(r"(?:——|--{1,2}|—)(?=[^\s—\-])")),
)
# the characters a numbered heading can start with (besides digits)
_STARTS: Final = frozenset(f"第{_CN_SMALL}(（〔{_CIRCLED}—-")
_Pattern = tuple[LineKind, str, regex.Pattern[str]]


def _starting_with(chars: str, keys: set[str]) -> dict[str, tuple[_Pattern, ...]]:
    found = tuple(p for p in _PATTERNS if p[1] in keys)
    return dict.fromkeys(chars, found)


# the patterns that can match at each first character, in the order of _PATTERNS
_BY_FIRST: dict[str, tuple[_Pattern, ...]] = {
    **_starting_with("第", {"chapter_编", "chapter_部分", "chapter_章", "chapter_节", "article"}),
    **_starting_with(_CN_SMALL, {"cn_number"}),
    **_starting_with("(（〔", {"paren_cn", "paren_arabic"}),
    **_starting_with(_CIRCLED, {"circled"}),
    **_starting_with("—-", {"dash"}),
}
_DIGIT_FIRST: Final = tuple(p for p in _PATTERNS if p[1] in ("arabic", "arabic_rp"))
# patterns of literal characters only run on the standard ``re`` engine (the same matches,
# and several times less overhead per call than ``regex``)
_MARKDOWN: Final = patterncache.compile_re(r"(#{1,6})[ \t]*")
_BOLD: Final = patterncache.compile_re(r"(?:\*\*|__)")
_RUN_IN_END: Final = patterncache.compile_re(r"[。!?！？]")
_COLON: Final = patterncache.compile_re(r"[:：]")
_TITLE_STOP: Final = patterncache.compile_re(r"[。!?！？:：]")
"""A ``_RUN_IN_END`` or a ``_COLON`` match."""
_CAPTION: Final = patterncache.compile_re(r"【[^【】\n]{1,20}】")
_TITLE_TRIM: Final = "*_ \t"
_TITLE_END_TRIM: Final = "*_ \t;；,，、"
_MAX_TITLE: Final = 60
_MAX_COLON_TITLE: Final = 20
# a chapter, section or article number needs a title or text after it, not a unit
_CHAPTER_NEXT: Final = patterncache.compile(r"[\s\p{Han}“\"《(（【]")


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; own __init__ as outline.Line
class Heading:
    """A heading found at the start of a line (offsets into the normalized line)."""

    kind: LineKind
    key: str
    """Kind used to rank levels: the numbering kind, or ``md<n>`` for a bare Markdown heading."""
    number_start: int
    number_end: int
    title_start: int
    title_end: int
    run_in: bool
    """True when body text follows the title on the same line."""

    def __init__(
        self,
        kind: LineKind,
        key: str,
        number_start: int,
        number_end: int,
        title_start: int,
        title_end: int,
        run_in: bool,
    ) -> None:
        self.kind = kind
        self.key = key
        self.number_start = number_start
        self.number_end = number_end
        self.title_start = title_start
        self.title_end = title_end
        self.run_in = run_in


def match_heading(line: str) -> Heading | None:
    """The heading a normalized line starts with, if any."""
    pos = 0
    md_level = 0
    if line.startswith("#"):
        md = _MARKDOWN.match(line)
        if md and md.group(1):
            md_level = len(md.group(1))
            pos = md.end()
    if line.startswith(("**", "__"), pos):
        bold = _BOLD.match(line, pos)
        if bold is not None:
            pos = bold.end()
    first = line[pos : pos + 1]
    if first in _STARTS or first.isdigit():
        found = _numbered(line, pos, _candidates(line, pos, first))
        if found is not None:
            return found
    if md_level:
        return _with_title(line, "markdown", f"md{md_level}", pos, pos, pos)
    return None


_CHAPTER_RUN: Final = frozenset(_CN)
_CN_RUN: Final = frozenset(_CN_SMALL)
_CN_MARKS: Final = frozenset("、.")
_DIGIT_MARKS: Final = frozenset(".、)）")
_CHAPTER_BY_WORD: Final = {
    p[1].removeprefix("chapter_")[:1] if p[0] == "chapter" else "条": (p,)
    for p in _PATTERNS
    if p[0] in ("chapter", "article")
}
"""The 第 pattern for the first character after the number (编, 部, 章, 节, 条)."""
_NONE: tuple[_Pattern, ...] = ()


def _run_end(line: str, i: int, chars: frozenset[str], digits: bool, most: int) -> int:
    """The end of the run from ``i`` of ``chars`` (and decimal digits when ``digits``),
    looked at for ``most + 1`` characters at most."""
    stop = min(len(line), i + most + 1)
    while i < stop and (line[i] in chars or (digits and line[i].isdecimal())):
        i += 1
    return i


def _candidates(line: str, pos: int, first: str) -> tuple[_Pattern, ...]:
    """The patterns that can match at ``pos`` (``first`` is ``line[pos]``), in order: a cheap
    look at the characters after the number leaves out the ones that cannot."""
    if first == "第":
        # 第 + 1-6 of [_CN or a digit] + the word: the word stands right after the whole run
        end = _run_end(line, pos + 1, _CHAPTER_RUN, True, 6)
        if not 1 <= end - pos - 1 <= 6:
            return _NONE
        return _CHAPTER_BY_WORD.get(line[end : end + 1], _NONE)
    if first in _CN_RUN:
        # 1-3 of _CN_SMALL, then 、 or . (neither is in the run)
        end = _run_end(line, pos, _CN_RUN, False, 3)
        return _BY_FIRST[first] if end - pos <= 3 and line[end : end + 1] in _CN_MARKS else _NONE
    if first.isdigit() and first not in _BY_FIRST:
        # 1-2 digits, then . 、 ) or ）
        nxt = line[pos + 1 : pos + 2]
        if nxt in _DIGIT_MARKS or (nxt.isdecimal() and line[pos + 2 : pos + 3] in _DIGIT_MARKS):
            return _DIGIT_FIRST
        return _NONE
    return _BY_FIRST.get(first) or _DIGIT_FIRST


def _numbered(line: str, pos: int, patterns: tuple[_Pattern, ...]) -> Heading | None:
    for kind, key, pattern in patterns:
        m = pattern.match(line, pos, None, KEEP_GIL)
        if m is None:
            continue
        t0 = m.end()
        while t0 < len(line) and line[t0] in " \t":
            t0 += 1
        inner = _BOLD.match(line, t0)
        if inner is not None:
            t0 = inner.end()
            while t0 < len(line) and line[t0] in " \t":
                t0 += 1
        rest = len(line.rstrip(_TITLE_TRIM))
        if t0 >= rest and kind in ("arabic", "cn_number", "dash", "article"):
            return None
        if (
            kind in ("chapter", "article")
            and t0 == m.end()
            and t0 < len(line)
            and not _CHAPTER_NEXT.match(line, t0)
        ):
            return None
        if kind == "article":
            return _article(line, m.start(), m.end(), t0)
        return _with_title(line, kind, key, m.start(), m.end(), t0)
    return None


def _article(line: str, n0: int, n1: int, t0: int) -> Heading:
    """An article's text is body text; only a bracketed caption (``【立法目的】``) is a title."""
    cap = _CAPTION.match(line, t0)
    if cap is not None:
        t1 = cap.end() - 1
        return Heading("article", "article", n0, n1, t0 + 1, t1, cap.end() < len(line))
    return Heading("article", "article", n0, n1, t0, t0, True)


def _with_title(line: str, kind: LineKind, key: str, n0: int, n1: int, t0: int) -> Heading | None:
    end = len(line.rstrip(_TITLE_TRIM))
    # the first full stop or colon; a colon counts only early (else the first full stop does)
    stop = _TITLE_STOP.search(line, t0, min(end, t0 + _MAX_TITLE + 1))
    if stop is not None and line[stop.start()] in ":：" and stop.start() > t0 + _MAX_COLON_TITLE:
        stop = _RUN_IN_END.search(line, stop.end(), min(end, t0 + _MAX_TITLE + 1))
    if stop is not None:
        title_end = stop.start()
        run_in = stop.end() < end
    elif end - t0 > _MAX_TITLE and kind != "markdown":
        # a long line with no early full stop is a numbered paragraph, not a titled item
        title_end, run_in = t0, True
    else:
        title_end, run_in = end, False
    while title_end > t0 and line[title_end - 1] in _TITLE_END_TRIM:
        title_end -= 1
    return Heading(kind, key, n0, n1, t0, title_end, run_in)
