"""Blocks in running text outside brackets and label lines: assignment sentences
(``以下各项均由…落实``), sentences and clauses of units and roles (``…。A牵头，B配合。``,
``…，由A会同B负责。``), dash lists (``…。——市教育局、市财政局``) and provisions that open with
their units (``（一）市教育局：负责…``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import Final

import regex

from ... import patterncache
from ...normalize import WorkingText
from ...patterncache import KEEP_GIL
from ...patternhints import required_strings
from .compacted import (
    HEADING_IN_TEXT,
    OPENERS,
    SPACES,
    STOP,
    Block,
    Compact,
    compact,
    role_words,
)
from .rules import compiled


def sentence_blocks(
    work: WorkingText, lo: int, hi: int, whole: Compact | None = None
) -> list[Block]:
    """Sentences that assign units to the later tasks (``以下各项均由…落实，不再列出``).

    ``whole`` is ``compact(work.norm, lo, hi)``, when the caller has it already.
    """
    if whole is None:
        whole = compact(work.norm, lo, hi)
    out: list[Block] = []
    s = _without_conventions(whole.s)
    for m in compiled().assignment.finditer(s):
        if m.end() <= m.start():
            continue
        start, end = whole.span(m.start(), m.end())
        if m.start() > 0 and not _clause_start(whole.s[m.start() - 1], work.norm, start):
            continue  # 达到95%以上: a bound word, no opener
        for body, e in _assignment_ends(s, m.end()):
            start, end = whole.span(m.start(), body)
            if _crosses_cells(work, start, end):
                continue
            if e > body:
                end = whole.span(body, e)[1]
                if _crosses_cells(work, start, end, lines=False):
                    continue
            content = Compact(s[m.start() : e], whole.pos[m.start() : e])
            out.append(Block(start, end, content, "sentence", True, False, True))
    return out


_MAX_ASSIGNMENT_GROUPS: Final = 3
"""Role groups read after the first of an assignment sentence."""


def _assignment_ends(s: str, e: int) -> list[tuple[int, int]]:
    """Where an assignment sentence whose first role group ends at ``s[e]`` may end.

    ``(body, end)`` pairs, latest first: after each further role group
    (``…牵头，省财政厅、省供销社配合``) and at ``e``; ``end`` takes in the words that close the
    sentence (``，以下不再逐项列出``) when they follow.
    """
    rules = compiled()
    ends = [e]
    for _ in range(_MAX_ASSIGNMENT_GROUPS):
        g = rules.assignment_group.match(s, ends[-1])
        if g is None or g.end() <= ends[-1]:
            break
        ends.append(g.end())
    out: list[tuple[int, int]] = []
    for k in reversed(ends):
        tail = rules.assignment_tail.match(s, k)
        out.append((k, k if tail is None else tail.end()))
    return out


_LINE_GOES_ON: Final = "、,(（"
"""Characters that end a line whose sentence goes on on the next (a wrapped list)."""


def _clause_start(before: str, norm: str, i: int) -> bool:
    """Whether an opener at ``norm[i]``, after the text character ``before``, opens a clause.

    At a line start, or after punctuation; not after a word, a digit or ``%`` (``5万吨以上``,
    ``达到95%以上``, ``各地级以上市``).
    """
    if not before.isalnum() and before not in "%％‰":
        return True
    j = i - 1
    while j >= 0 and norm[j] in SPACES:
        j -= 1
    return j >= 0 and norm[j] == "\n"


def _crosses_cells(work: WorkingText, start: int, end: int, lines: bool = True) -> bool:
    """Whether ``norm[start:end]`` runs across table cells or rows.

    A tab or ``|`` (in the working copy or, dropped by normalization, in the original text)
    separates cells; a line break does too unless the line ends in the middle of a list
    (``lines`` false: a line break never does, as inside the closing words of a sentence).
    """
    norm = work.norm
    if "|" in norm[start:end] or "\t" in norm[start:end]:
        return True
    orig = work.span(start, end)
    if "\t" in work.text[orig.start : orig.end]:
        return True
    if not lines:
        return False
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
        while b < hi and norm[b] != "\n" and norm[b] not in STOP:
            b += 1
        e = b + 1 if b < hi and norm[b] in STOP else b
        if e < len(norm) and norm[e] not in "\n" + SPACES:
            continue  # the list must end its line (…。——市教育局。+ new line)
        while b > a and norm[b - 1] in SPACES:
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


_MAX_ROLE_SENTENCE: Final = 100
_ROLE_SENTENCE: Final = patterncache.compile_re(r"。[^。!?\n]{4,100}(?=[。!?]|\n|$)")
"""A full stop and the sentence after it on the same line (``re`` scans such a plain pattern
faster than ``regex``)."""


@cache
def _role_clause() -> re.Pattern[str]:
    """A comma or semicolon, then a clause that opens with ``role_clause_opener`` (``，由…``)
    and runs to the end of its sentence on the same line."""
    opener = compiled().rules.role_clause_opener
    return patterncache.compile_re(rf"[,;](?={opener})[^。!?\n]{{4,100}}(?=[。!?]|\n|$)")


@cache
def _unit_clause() -> re.Pattern[str]:
    """A comma or semicolon, then a clause that does not open with ``role_clause_opener`` and
    runs to the next semicolon or the end of its sentence on the same line (group 1:
    ``…工业化，县住建局负责；…``); or a full stop, then a clause up to a semicolon (group 2:
    ``…管理。县住建局负责；…``)."""
    opener = compiled().rules.role_clause_opener
    return patterncache.compile_re(
        rf"[,;](?!{opener})(?=([^。!?\n;]{{4,{_MAX_UNIT_CLAUSE}}})(?:[;。!?]|\n|$))"
        rf"|。(?=([^。!?\n;]{{4,{_MAX_UNIT_CLAUSE}}});)"
    )


_MAX_UNIT_CLAUSE: Final = 60
"""Longest clause of units and roles between commas, semicolons and full stops."""


def _unit_clauses(
    norm: str, lo: int, hi: int, hints: list[int] | None = None
) -> list[tuple[int, int, bool]]:
    """The clauses of :func:`_unit_clause` in ``norm[lo:hi]``: ``(start, end, False)``.

    ``hints``: as for :func:`_sentences_after_stops`; the pattern is then tried only where a
    clause can hold one of them (each match is the one character before its clause, and a
    clause is at most ``_MAX_UNIT_CLAUSE`` long).
    """
    out: list[tuple[int, int, bool]] = []
    subject = compiled().task_subject
    clause = _unit_clause()
    start = max(lo - 1, 0)
    windows = [(start, hi)] if hints is None else _windows(hints, start, _MAX_UNIT_CLAUSE)
    for w0, w1 in windows:
        m = clause.search(norm, w0, hi)
        while m is not None and m.start() < w1:
            k = 1 if m.group(1) is not None else 2
            a, b = m.start() + 1, m.end(k)
            near = hints is None or _hint_within(hints, a, b)
            if near and b <= hi and subject.match(norm, a, b, KEEP_GIL) is None:
                # …，日常工作由市民政局负责: a task written as the subject before 由 makes it prose
                out.append((a, b, False))  # read as a clause, also after a full stop
            m = clause.search(norm, m.end(), hi)
    return out


def _windows(starts: list[int], lo: int, reach: int) -> list[tuple[int, int]]:
    """The disjoint ranges, in order, of the offsets at most ``reach`` characters before one
    of the sorted offsets ``starts`` (from ``lo`` on)."""
    out: list[tuple[int, int]] = []
    for s in starts:
        a = max(lo, s - reach)
        if a >= s:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], s)
        else:
            out.append((a, s))
    return out


def _sentences_after_stops(
    norm: str, lo: int, hi: int, hints: list[int] | None = None
) -> list[tuple[int, int, bool]]:
    """The sentences that follow a ``。`` on the same line in ``norm[lo:hi]``.

    A clause that opens with ``由`` after a comma or semicolon and closes its sentence
    (``…列支，由A会同B负责。``) is given too, marked as not following a full stop, and so is
    any clause between commas, semicolons and full stops (``…，县住建局负责；…``;
    ``_unit_clauses``). A sentence
    that a line break cut (text wrapped as in a PDF) is given twice: up to the break, and on
    to its full stop on a later line (``_wrapped_on``). Each comes with whether it follows a
    full stop. ``hints``: where a match of ``role_hint`` may start in ``norm[lo:hi]``
    (:func:`_hint_starts`); a sentence in which none starts (no role word) is left out.
    """
    out: list[tuple[int, int, bool]] = []
    start = max(lo - 1, 0)
    for pattern, after_stop in ((_ROLE_SENTENCE, True), (_role_clause(), False)):
        for m in pattern.finditer(norm, start, hi):
            a, b = m.start() + 1, m.end()
            if b < hi and norm[b] == "\n":
                end = _wrapped_on(norm, a, b, hi)
                if end > b and (hints is None or _hint_within(hints, a, end)):
                    out.append((a, end, after_stop))
            if hints is None or _hint_within(hints, a, b):
                out.append((a, b, after_stop))
    out.extend(_unit_clauses(norm, lo, hi, hints))
    return out


_PLAIN_HINT_SYNTAX: Final = frozenset(".^$*+?{}[]()\\")
"""Syntax that a hint pattern of plain words joined by ``|`` does not hold."""


def _hint_starts(norm: str, lo: int, hi: int, ends: list[int] | None = None) -> list[int] | None:
    """Every offset of ``norm[lo:hi]`` where a match of ``role_hint`` starts, in order.

    The hint is plain words joined by ``|`` (``rules._hint``): it matches in ``norm[a:b]``
    (``lo <= a``, ``b <= hi``) only at one of these offsets, so a stretch with none holds no
    role word. Overlapping words count (``牵头`` inside ``总牵头``). None when the hint is no
    such list of words (or matches the empty string): then every stretch may hold one.
    ``ends``, when given, gets the end of the word found at each start (the longest there).
    """
    hint = compiled().role_hint
    if hint.match("") is not None or not _PLAIN_HINT_SYNTAX.isdisjoint(hint.pattern):
        return None
    starts: list[int] = []
    m = hint.search(norm, lo, hi)
    while m is not None:
        starts.append(m.start())
        if ends is not None:
            ends.append(m.end())
        m = hint.search(norm, m.start() + 1, hi)
    return starts


def _holds_hint(norm: str, starts: list[int] | None, ends: list[int], a: int, b: int) -> bool:
    """Whether ``role_hint.search(norm, a, b)`` finds a word, read off the starts and ends that
    :func:`_hint_starts` gave for a range holding ``norm[a:b]``.

    A word found at a start in ``[a, b)`` that ends by ``b`` shows one; with no start there
    none fits; only when every word found there runs past ``b`` (a shorter word may still fit)
    is the hint searched.
    """
    if starts is not None:
        k = bisect_left(starts, a)
        if k == len(starts) or starts[k] >= b:
            return False
        while k < len(starts) and starts[k] < b:
            if ends[k] <= b:
                return True
            k += 1
    return compiled().role_hint.search(norm, a, b) is not None


@cache
def _subject_words() -> tuple[str, ...] | None:
    """Strings one of which every match of ``task_subject`` holds (None: not known)."""
    words = required_strings(compiled().rules.task_subject)
    return None if words is None or "" in words else tuple(sorted(words))


def _may_hold_subject(norm: str, a: int, b: int) -> bool:
    """Whether ``norm[a:b]`` may hold a match of ``task_subject``: one of its words is in it."""
    words = _subject_words()
    if words is None:
        return True
    return any(norm.find(w, a, b) >= 0 for w in words)


def _hint_within(starts: list[int], a: int, b: int) -> bool:
    """Whether one of the sorted offsets ``starts`` lies in ``[a, b)``."""
    k = bisect_left(starts, a)
    return k < len(starts) and starts[k] < b


def _wrapped_on(norm: str, a: int, b: int, hi: int) -> int:
    """Where a sentence cut by line breaks at ``b`` ends: at its full stop on a later line.

    It goes on over single line breaks (not a blank line, not into a heading number or a
    bracket) for at most ``_MAX_ROLE_SENTENCE`` characters; ``b`` when it does not end so.
    """
    j = b
    while j < hi and norm[j] == "\n" and j - a < _MAX_ROLE_SENTENCE:
        k = j + 1
        while k < hi and norm[k] in SPACES:
            k += 1
        if k >= hi or norm[k] in "\n" + OPENERS or HEADING_IN_TEXT.match(norm, k):
            return b
        j = k
        while j < hi and norm[j] != "\n" and norm[j] not in STOP and j - a < _MAX_ROLE_SENTENCE:
            j += 1
        if j < hi and norm[j] in STOP:
            return j
    return b


_MIN_CUT_ROLE_WORDS: Final = 2
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
        while rest < b and norm[rest] in SPACES:
            rest += 1
        if rest < b and rules.joint.match(norm, rest) is None:
            cuts.append(e)
    return cuts[::-1]


def role_sentence_blocks(work: WorkingText, lo: int, hi: int) -> list[Block]:
    """Sentences after a task that only name units and their roles (``…。A牵头，B、C配合。``).

    A candidate follows a full stop on the same line, or is a clause after a comma that
    opens with ``由`` and closes its sentence (``…列支，由A会同B负责。``: ``after_stop`` false),
    and holds a role word; it is kept only when it consists of units and role words alone
    (``_is_block``), a clause after a comma only inside a provision. A sentence that goes on
    after its units and roles with a purpose clause (``…，C、D参与，构建…体系。``) gives a
    shorter candidate too, up to the role word before the clause (``_role_cuts``). The task
    written as the subject before ``由`` (``评估验收工作由…``) is left out of the block.
    """
    norm = work.norm
    rules = compiled()
    out: list[Block] = []
    hint_ends: list[int] = []
    hints = _hint_starts(norm, max(lo - 1, 0), hi, hint_ends)
    for a, b, after_stop in _sentences_after_stops(norm, lo, hi, hints):
        if not _holds_hint(norm, hints, hint_ends, a, b):
            continue  # no role word in it (seen before its spaces are trimmed)
        while a < b and norm[a] in SPACES:
            a += 1
        while b > a and norm[b - 1] in SPACES:
            b -= 1
        subject = rules.task_subject.match(norm, a, b) if _may_hold_subject(norm, a, b) else None
        if subject is not None:
            a = subject.end()  # 评估验收工作由A会同B负责: the block starts at 由
        if b - a < 4 or norm[a] in OPENERS or not _holds_hint(norm, hints, hint_ends, a, b):
            continue
        words = role_words(norm, a, b)
        if not words:
            continue
        for e in [b, *_role_cuts(norm, b, words)]:
            content = compact(norm, a, e)
            if content.s:
                out.append(Block(a, e, content, "role_sentence", True, False, after_stop))
    return out
