"""Bracketed blocks: ``（责任单位：…）``, ``（…负责）``, ``（市委宣传部、市文明办）``, closed or
not."""

from __future__ import annotations

import re
from typing import Final

from ... import patterncache
from ...normalize import WorkingText
from ...patterncache import KEEP_GIL
from .compacted import (
    CLOSERS,
    HEADING_IN_TEXT,
    LABEL_PEEK,
    MAX_BLOCK,
    MAX_BREAK_LINES,
    MAX_CONTINUATION,
    OPENERS,
    SPACES,
    STOP,
    Block,
    Compact,
    compact,
    follows_stop,
    skip_break,
)
from .lists import (
    line_goes_on,
    stop_at_joined_break,
    unclosed_end,
    with_bare_label_colons,
    with_space_separators,
)
from .rules import compiled

_OPENER: Final = patterncache.compile_re(f"[{re.escape(OPENERS)}]")
_MAX_UNLABELED: Final = 300
"""Longest bracket without a label that may be a block."""


def _continues(norm: str, k: int, depth: int = 0) -> int:
    """If the lines from ``k`` on finish an interrupted bracket, the offset of its close.

    The bracket goes on over line and page breaks while the lines hold no full stop and start
    no heading, for at most ``MAX_BREAK_LINES`` lines and ``MAX_CONTINUATION`` characters
    after each break.
    """
    breaks = 0
    j = k
    budget = k + MAX_CONTINUATION
    limit = len(norm)
    while j < min(limit, budget):
        if (j == k or norm[j - 1] == "\n") and HEADING_IN_TEXT.match(norm, j):
            return -1
        c = norm[j]
        if c == "\n":
            breaks += 1
            nxt = skip_break(norm, j)
            if breaks > MAX_BREAK_LINES or nxt < 0 or HEADING_IN_TEXT.match(norm, nxt):
                return -1
            j = nxt
            budget = j + MAX_CONTINUATION
            continue
        if c in STOP:
            return -1
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            if depth == 0:
                return j
            depth -= 1
        j += 1
    return -1


_MAX_DEPTH: Final = 6
"""Brackets nested deeper than this inside a block end it unclosed (keeps nested runs linear)."""


_CLOSE_EVENT: Final = patterncache.compile_re(f"[{re.escape(OPENERS + CLOSERS + STOP)}\n]")
"""The characters :func:`_close` acts on."""


def _close(norm: str, i: int) -> tuple[int, bool]:
    """The offset of the bracket closing ``norm[i]``, or where an unclosed one stops."""
    depth = 0
    j = i + 1
    limit = min(len(norm), i + MAX_BLOCK)
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
            k = skip_break(norm, j)
            if k >= 0:
                close = _continues(norm, k, depth)
                if close >= 0:
                    return close, True
            return j, False
        elif c in STOP and not _label_at(norm, j + 1):
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
    while stop < len(norm) and norm[stop] == "\n" and stop - start < MAX_BLOCK:
        lines += 1
        k = skip_break(norm, stop)
        if lines > MAX_BREAK_LINES or k < 0 or not line_goes_on(norm, start, stop, k):
            break
        e = k
        while e < len(norm) and norm[e] != "\n" and norm[e] not in STOP:
            e += 1
        stop = e
    return stop


def _ends_paragraph(norm: str, k: int) -> bool:
    """Whether the line ending at ``norm[k]`` ends its paragraph: the text ends, or a blank
    line or a heading number follows."""
    if k >= len(norm):
        return True
    if norm[k] != "\n":
        return False
    j = k + 1
    while j < len(norm) and norm[j] in SPACES:
        j += 1
    return j >= len(norm) or norm[j] == "\n" or HEADING_IN_TEXT.match(norm, j) is not None


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
    peek = min(end, i + LABEL_PEEK, len(norm))
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


_VERB_BEFORE: Final = 6
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


_HAN: Final = patterncache.compile(r"\p{Han}")


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
        labeled = _opens_with_label(norm, i, close if closed else i + LABEL_PEEK)
        para_end = False
        if not closed:
            at_line_end = close >= len(norm) or norm[close] == "\n"
            close = _extend_unclosed(norm, i + 1, close)
            if not labeled and not follows_stop(norm, i):
                # …推动“一窗通办”（A、B、C + blank line: the list closes its paragraph
                para_end = at_line_end and _ends_paragraph(norm, close)
                if not para_end:
                    i += 1
                    continue
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
        stop = close if closed else unclosed_end(norm, i + 1, close)
        raw = compact(norm, i + 1, stop)
        if closed and not labeled and _names_no_unit(raw.s):
            i += 1
            continue
        content = with_bare_label_colons(work, raw)
        content = with_space_separators(work, content)
        if not labeled and content.s[:1] and rules.label.match(content.s) is not None:
            labeled = True
        if not closed and content.s:
            cut_at = stop_at_joined_break(work, i + 1, content.pos[-1] + 1)
            keep = sum(1 for p in content.pos if p < cut_at)
            if keep < len(content.s):
                line_end = True  # cut where the original line ends (a break joined as a wrap)
            content = Compact(content.s[:keep], content.pos[:keep])
        if not content.s:
            i += 1
            continue
        end = close + 1 if closed else content.pos[-1] + 1
        after = follows_stop(norm, i)
        verb = closed and not labeled and not after and _verb_before(norm, i)
        inside = verb or (closed and not labeled and not after and _words_follow(norm, end))
        out.append(
            Block(
                i, end, content, "bracket", closed, labeled, after, line_end, inside, verb, para_end
            )
        )
        i = end if labeled else i + 1
    return out
