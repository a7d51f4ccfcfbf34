"""Heading lines: their numbering kind, number and title."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..records.outline import HeadingKind

_CN = "一二三四五六七八九十百零〇两"
_PATTERNS: tuple[tuple[HeadingKind, regex.Pattern[str]], ...] = (
    ("chapter", regex.compile(rf"第[{_CN}\d]{{1,4}}[章编节](?=\s|\S)")),
    ("article", regex.compile(rf"第[{_CN}\d]{{1,4}}条")),
    ("cn_number", regex.compile(r"[一二三四五六七八九十]{1,3}[、.](?![\d])")),
    ("paren_cn", regex.compile(r"[(（][一二三四五六七八九十]{1,3}[)）]")),
    ("paren_arabic", regex.compile(r"[(（]\d{1,2}[)）]")),
    ("arabic", regex.compile(r"\d{1,2}(?:[.、](?![\d%])|\.(?=\s))")),
)
_MARKDOWN = regex.compile(r"(#{1,6})\s*")
_RUN_IN_END = regex.compile(r"[。!?！？]")
_MAX_TITLE = 60


@dataclass(frozen=True)
class Heading:
    """A heading found at the start of a line (offsets into the normalized line)."""

    kind: HeadingKind
    key: str
    """Kind used to rank levels: the numbering kind, or ``md<n>`` for a bare Markdown heading."""
    number_start: int
    number_end: int
    title_start: int
    title_end: int
    run_in: bool
    """True when body text follows the title on the same line."""


def match_heading(line: str) -> Heading | None:
    """The heading a normalized line starts with, if any."""
    pos = 0
    md = _MARKDOWN.match(line)
    md_level = 0
    if md and md.group(1):
        md_level = len(md.group(1))
        pos = md.end()
    for kind, pattern in _PATTERNS:
        m = pattern.match(line, pos)
        if m is None:
            continue
        t0 = m.end()
        while t0 < len(line) and line[t0] in " \t":
            t0 += 1
        if t0 >= len(line) and kind in ("arabic", "cn_number"):
            return None
        return _with_title(line, kind, kind, m.start(), m.end(), t0)
    if md_level:
        return _with_title(line, "markdown", f"md{md_level}", pos, pos, pos)
    return None


def _with_title(
    line: str, kind: HeadingKind, key: str, n0: int, n1: int, t0: int
) -> Heading | None:
    end = len(line.rstrip())
    stop = _RUN_IN_END.search(line, t0)
    if stop is not None and stop.end() < end:
        title_end, run_in = stop.start(), True
    else:
        title_end = stop.start() if stop is not None else end
        run_in = False
    if title_end - t0 > _MAX_TITLE and kind not in ("markdown",):
        # A long line with no early full stop is a numbered paragraph, not a titled item.
        title_end, run_in = t0, True
    return Heading(kind, key, n0, n1, t0, title_end, run_in)
