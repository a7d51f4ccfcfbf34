"""Label lines: blocks written as ``牵头单位:…;责任单位:…`` at a line start or after a full
stop, with or without bullets, colons or white space after the label.
"""

from __future__ import annotations

import re

import regex

from ...normalize import WorkingText
from ...patternhints import LABEL_LEAD, anchored_matches
from .compacted import (
    BULLETS,
    MAX_BLOCK,
    MAX_BREAK_LINES,
    STOP,
    Block,
    Compact,
    bracket_depth,
    compact,
    follows_stop,
    gap_text,
    is_space_gap,
    skip_break,
    space_only_gap,
)
from .lists import (
    line_goes_on,
    stop_at_joined_break,
    unclosed_end,
    with_bare_label_colons,
    with_space_separators,
)
from .rules import compiled


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
        if is_space_gap(gap_text(work, m.end())):
            starts.append((m.start(), m.end()))
    for m in _label_matches(norm, lo, hi):
        if _field_after_spaces(work, m.start()):
            starts.append((m.start(), m.end()))
    for start, label_end in sorted(starts):
        if start < last:
            continue
        while norm[start] in BULLETS:
            start += 1
        j = start
        lines = 0
        while j < min(hi, start + MAX_BLOCK):
            c = norm[j]
            if c in STOP:
                break
            if c == "\n":
                k = skip_break(norm, j)
                lines += 1
                if k >= 0 and lines <= MAX_BREAK_LINES and line_goes_on(norm, label_end, j, k):
                    j = k
                    continue
                break
            j += 1
        stop = stop_at_joined_break(work, label_end, unclosed_end(norm, label_end, j))
        content = with_bare_label_colons(work, compact(norm, start, stop))
        content = with_space_separators(work, content)
        while content.s and content.s[-1] in ",;、:":
            content = Compact(content.s[:-1], content.pos[:-1])
        if not content.s or rules.label.match(content.s) is None:
            continue
        last = content.pos[-1] + 1
        out.append(Block(start, last, content, "line", True, True, follows_stop(norm, start)))
    return out


def _field_after_spaces(work: WorkingText, i: int) -> bool:
    """Whether ``norm[i]`` starts a field written after spaces on a line of fields.

    ``责任领导：刘建华　责任单位：县行政审批局　完成时限：…``: the label follows spaces, and the
    line before it, outside brackets, already holds a field with a colon.
    """
    norm = work.norm
    if i <= 0 or not space_only_gap(work, i - 1, i):
        return False
    line_start = norm.rfind("\n", 0, i) + 1
    before = norm[line_start:i]
    return ":" in before and bracket_depth(norm, line_start, i) == 0
