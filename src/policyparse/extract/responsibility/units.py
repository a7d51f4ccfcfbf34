"""Reading a block's content: labelled segments, role groups and the units of each group.

The content is the block's compacted text (half-width punctuation). It is read in four steps:
convention statements and clauses that name no unit are cut out; labels (``牵头单位:``) cut it
into segments; role words (``牵头``, ``配合``, ``负责``) cut each segment into groups; each group is
split into units at separators outside brackets, keeping fixed expressions whole, dropping
``等``, and expanding a head word shared by an elliptical coordination.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Final

import regex

from ... import patterncache
from ...patterncache import KEEP_GIL
from ...textscan import bracket_depth
from .compacted import role_words
from .rules import BlockRole, agencies, compiled

CUT: Final = "\x00"
"""Stands for a character cut out of the content (acts as a separator)."""
_OPEN: Final = "(【〔[（<〈"
_CLOSE: Final = ")】〕]）>〉"
_MAX_UNIT: Final = 40
_LEADING_JUNK: Final = ",;、:∶*●■◆◇□•·▲△☆★>-" + CUT
_TRAILING_JUNK: Final = "●■◆◇□•·▲△☆★*-" + CUT
_SEPARATED: Final = patterncache.compile(r"[、,;/\x00]")
_BARE_NAME: Final = patterncache.compile(r"\p{Han}{2,4}")
_FIELD_WORD: Final = patterncache.compile(r"\p{Han}{2,8}")
_LONG_FIELD_WORD: Final = patterncache.compile(r"\p{Han}{9,16}")
"""A field word longer than ``_FIELD_WORD`` allows (``各省级人力资源社会保障``): it must end with
the field of a department ``agencies.yaml`` names."""


@dataclass(slots=True, unsafe_hash=True, init=False)  # own __init__: see compacted.Compact
class Item:
    """One unit of a group: ``s[start:end]`` of the content, plus a shared head word."""

    start: int
    end: int
    head: tuple[int, int] | None = None
    """Where the shared head word added to this unit is written (content offsets)."""

    def __init__(self, start: int, end: int, head: tuple[int, int] | None = None) -> None:
        self.start = start
        self.end = end
        self.head = head


@dataclass(init=False)  # its own __init__: see compacted.Compact
class Group:
    """Units that share one role word or label."""

    items: list[Item]
    role: BlockRole | None
    """The role written for the group (None: no label, no role word)."""
    marked: bool
    """Whether a role word (not only a label) gave the role."""
    detached: bool = False
    """Units before the comma group that a ranked role word ends (``A、B，C参与``: A and B),
    which that role word does not cover."""

    def __init__(
        self, items: list[Item], role: BlockRole | None, marked: bool, detached: bool = False
    ) -> None:
        self.items = items
        self.role = role
        self.marked = marked
        self.detached = detached


@dataclass(init=False)  # its own __init__: see compacted.Compact
class Parsed:
    """The groups of a block and what else its content says."""

    groups: list[Group] = field(default_factory=list)
    convention: bool = False
    role_words: int = 0
    other_text: bool = False
    """Whether a segment or piece was dropped as naming no unit."""
    labels: int = 0
    """How many unit labels (``责任单位:``) the content has."""
    unlabeled_units: bool = False
    """Whether units stand before the first label (or there is no label)."""
    role_object: bool = False
    """Whether a short object after the last role word was cut out (``负责线上线下推广``)."""
    clause_dropped: bool = False
    """Whether a last comma group that names no unit was dropped (``…配合，具体方案另行制定``)."""
    duty_tail: bool = False
    """Whether a duty with its object was cut off a unit's name (``…中心做好数据对接``)."""
    tails: bool = True
    """Whether verb phrases and duties are cut off units' names (not in running sentences)."""

    def __init__(
        self,
        groups: list[Group] | None = None,
        convention: bool = False,
        role_words: int = 0,
        other_text: bool = False,
        labels: int = 0,
        unlabeled_units: bool = False,
        role_object: bool = False,
        clause_dropped: bool = False,
        duty_tail: bool = False,
        tails: bool = True,
    ) -> None:
        self.groups = [] if groups is None else groups
        self.convention = convention
        self.role_words = role_words
        self.other_text = other_text
        self.labels = labels
        self.unlabeled_units = unlabeled_units
        self.role_object = role_object
        self.clause_dropped = clause_dropped
        self.duty_tail = duty_tail
        self.tails = tails


def _cut(s: str) -> tuple[str, list[int]]:
    """``s`` with conventions and noise clauses cut out, and where each convention ended."""
    rules = compiled()
    if rules.convention_hint.search(s) is None and rules.noise_hint.search(s) is None:
        return _open_notes(s), []  # neither a convention nor a noise clause to cut out
    t = list(s)
    conventions: list[int] = []
    for m in rules.convention.finditer(s):
        conventions.append(m.end())
        t[m.start() : m.end()] = CUT * (m.end() - m.start())
    text = "".join(t)
    for m in rules.noise.finditer(text):
        if m.end() > m.start():
            t[m.start() : m.end()] = CUT * (m.end() - m.start())
    return _open_notes("".join(t)), conventions


_NOTE_BRACKET: Final = patterncache.compile(r"(?<=\p{Han})\(([^()]{4,60})\)")
"""A bracket after a unit's name that may hold a note of more units (``unit_notes``)."""


def _open_notes(t: str) -> str:
    """``t`` with the brackets of notes that give the block more units opened.

    ``县农业农村局(以下均需各镇落实,…)``: the note is no part of the unit's name; its brackets
    become separators, so that its units are read as the block's next ones.
    """
    if "(" not in t:
        return t
    note = compiled().unit_note
    out: list[str] | None = None
    for m in _NOTE_BRACKET.finditer(t):
        if note.fullmatch(m.group(1).strip(CUT + ",;、")) is None:
            continue
        out = list(t) if out is None else out
        out[m.start()] = out[m.end() - 1] = CUT
    return t if out is None else "".join(out)


def _segments(t: str) -> list[tuple[int, int, BlockRole | None, bool]]:
    """(start, end, label role, skip) for each labelled part of the content."""
    rules = compiled()
    marks: list[tuple[int, int, BlockRole | None, bool]] = []
    taken: list[tuple[int, int]] = []
    for m in rules.label.finditer(t, 0, None, False, KEEP_GIL):
        marks.append((m.start(), m.end(), rules.label_roles[m.group("label")], False))
        taken.append((m.start(), m.end()))
    unknown: set[int] = set()  # where labels start that the rule data does not know
    # a label the data does not know may be glued to a unit of a labelled list before it
    after = min((b for _a, b in taken), default=len(t))
    # every other label ends with its colon: none is kept when the labels hold every colon
    if not _colons_within(t, taken):
        known = _other_label_words()
        for m in rules.other_label.finditer(t):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            start = m.start()
            if m.group("label") not in known:
                if start >= after:
                    start = _glued_at(t, start, m.end() - 1)
                if m.end() - 1 - start <= _GLUED_WORD[1]:
                    unknown.add(start)
            marks.append((start, m.end(), None, True))
            taken.append((m.start(), m.end()))
        for a, b in _glued_labels(t, taken, after):
            unknown.add(a)
            marks.append((a, b, None, True))
    marks.sort()
    out: list[tuple[int, int, BlockRole | None, bool]] = []
    first = marks[0][0] if marks else len(t)
    if first > 0:
        out.append((0, first, None, False))
    labelled = False
    for k, (a, b, role, skip) in enumerate(marks):
        end = marks[k + 1][0] if k + 1 < len(marks) else len(t)
        if a in unknown and labelled and _units_alone(t, b, end):
            # 牵头:A、B⏎协作:C、D: a label the data does not know, after a unit label, that
            # lists units alone goes on with the list; its units have no rank
            role, skip = "generic", False
        labelled = labelled or role is not None
        out.append((b, end, role, skip))
    return out


_GLUED_REACH: Final = 24
"""Longest run of Han characters read back from a colon for a unit glued to a label."""
_GLUED_WORD: Final = (2, 4)
"""Length of a label word glued to the unit before it (县供销联社协同:)."""
_GLUE_AFTER: Final = ",;、。:∶" + CUT


def _glued_labels(t: str, taken: list[tuple[int, int]], after: int) -> list[tuple[int, int]]:
    """Labels the data does not know, glued to the unit before them: (start, end) of each.

    A line break joined away leaves ``…县供销联社协同:县交通运输局``: a piece that ends with a
    colon and is a unit followed by a word of 2-4 characters that does not end like one is a
    unit, then a label (the unit stays in the list before it). Only after offset ``after``
    (the end of the first unit label).
    """
    out: list[tuple[int, int]] = []
    for colon in _COLON.finditer(t, after):
        k = colon.start()
        if any(a <= k < b for a, b in taken):
            continue
        s = k
        while s > 0 and k - s < _GLUED_REACH and _HAN.fullmatch(t[s - 1]):
            s -= 1
        if s < after or (s > 0 and t[s - 1] not in _GLUE_AFTER):
            continue
        w = _glued_at(t, s, k)
        if w > s:
            out.append((w, k + 1))
    return out


def _glued_at(t: str, s: int, k: int) -> int:
    """Where the label word starts in ``t[s:k]`` (before a colon at ``k``), after a glued unit.

    ``s`` when the text is no unit followed by a label word of 2-4 characters.
    """
    lo, hi = _GLUED_WORD
    for n in range(lo, hi + 1):
        w = k - n
        if w - s >= 2 and ends_like_unit(t[s:w]) and not ends_like_unit(t[w:k]):
            return w
    return s


_HAN: Final = patterncache.compile(r"\p{Han}")
_COLON: Final = patterncache.compile_re("[:∶]")


def _units_alone(t: str, a: int, b: int) -> bool:
    """Whether ``t[a:b]`` is a list of units alone (pieces apart by separators)."""
    pieces = [p for p in regex.split(r"[、,;/。\x00]", t[a:b]) if p]
    return bool(pieces) and all(ends_like_unit(p) and ":" not in p for p in pieces)


@cache
def _other_label_words() -> frozenset[str]:
    return frozenset(compiled().rules.other_labels)


def _colons_within(t: str, spans: list[tuple[int, int]]) -> bool:
    """Whether every colon of ``t`` stands inside one of ``spans``."""
    for colon in ":∶":
        k = t.find(colon)
        while k >= 0:
            if not any(a <= k < b for a, b in spans):
                return False
            k = t.find(colon, k + 1)
    return True


def _role_marks(t: str, a: int, b: int, tails: bool = True) -> list[tuple[int, int, BlockRole]]:
    """(start, end, role) of the role words of ``t[a:b]`` outside brackets, in order.

    A role word takes the modifiers left before it on a unit's name (``…政府跟进落实``); a verb
    phrase of the role tails after a unit, before an end character (``…局组织开展``), is one
    more role word.
    """
    rules = compiled()
    marks: list[tuple[int, int, BlockRole]] = []
    found = role_words(t, a, b) if rules.role_hint.search(t, a, b) else []
    for m in found:
        if _depth_zero(t, a, m.start()):
            start = _residue_start(t, _piece_start(t, a, m.start()), m.start()) if tails else None
            marks.append((m.start() if start is None else start, m.end(), _matched_role(m)))
    if not tails:
        return marks
    ends = {e for _s, e, _r in marks}
    phrases: list[tuple[int, int, BlockRole]] = []
    for v in rules.role_tail_end.finditer(t, a, b):
        e = v.end()
        if e in ends or not _depth_zero(t, a, e):
            continue
        start = verb_tail_start(t, _piece_start(t, a, e), e)
        if start is not None and not any(s < e and start < x for s, x, _r in marks):
            phrases.append((start, e, _tail_role(t[start:e])))
    if phrases:
        marks = sorted(marks + phrases)
    return marks


_PIECE_STOPS: Final = "、,;/。:∶" + CUT + _OPEN + _CLOSE


def _piece_start(t: str, a: int, e: int) -> int:
    """Where the piece of ``t[a:e]`` that ends at ``e`` starts (after a separator)."""
    k = e
    lo = max(a, e - _MAX_UNIT - 8)
    while k > lo and t[k - 1] not in _PIECE_STOPS:
        k -= 1
    return k


_MAX_TAIL: Final = 6
"""Longest verb phrase or run of modifiers cut off a unit's name (an adverb and 4 more)."""


def verb_tail_start(t: str, s: int, e: int) -> int | None:
    """Where a verb phrase of the role tails starts that ends the piece ``t[s:e]`` after a unit.

    The longest phrase whose text before it ends like a unit (``长沙国际会展中心具体承办`` →
    the offset of ``具体``); None when there is none.
    """
    return _cut_start(compiled().role_tail, t, s, e)


def _residue_start(t: str, s: int, e: int) -> int | None:
    """Where modifiers start that a unit's name ``t[s:e]`` holds before a role word at ``e``.

    Only when the piece does not end like a unit, and does without them (``…政府跟进``).
    """
    if e - s < 3 or ends_like_unit(t[s:e]):
        return None
    return _cut_start(compiled().role_residue, t, s, e)


def _cut_start(pattern: regex.Pattern[str], t: str, s: int, e: int) -> int | None:
    for k in range(max(s + 2, e - _MAX_TAIL), e - 1):
        if pattern.fullmatch(t, k, e) is not None and ends_like_unit(t[s:k]):
            return k
    return None


def _tail_role(tail: str) -> BlockRole:
    """The role of a verb phrase: that of the longest role word ending it, else generic."""
    whole = compiled().role_word_whole
    for k in range(len(tail) - 1):
        m = whole.fullmatch(tail, k)
        if m is not None:
            return _matched_role(m)
    return "generic"


def _role_groups(
    t: str,
    a: int,
    b: int,
    label: BlockRole | None,
    parsed: Parsed,
    tails: bool = True,
    conventions: Sequence[int] = (),
) -> None:
    """Cut ``t[a:b]`` (a segment under ``label``) into groups at its role words.

    A role word covers the units back to the role word before it, but not across a ``;`` or
    a convention cut out (``责任单位:A、B,排名第一的为牵头单位;C、D配合``: A and B stay under the
    label). ``conventions``: where the conventions cut out of ``t`` end.
    """
    cur = a
    for start, end, role in _role_marks(t, a, b, tails):
        if start < cur:
            continue
        parsed.role_words += 1
        ranked_label = label is not None and label != "generic"
        opening = (role != "generic" or ranked_label) and cur == a
        # A、B，C参与 (or 责任单位:A、B，C参与): a ranked role word that opens the block or a
        # labelled part (any role word after a ranked label: 配合单位:B，C负责) covers only the
        # comma group it ends (after another role word,
        # A牵头，B、C，D配合, it covers B and C too); units before it under a label keep the
        # label's role
        cut = _last_break(t, cur, start, conventions, commas=opening)
        if cut > cur:
            _add_groups(t, cur, cut, label, False, parsed)
            if opening and label is None:
                parsed.groups[-1].detached = True
            cur = cut + 1
        _add_groups(t, cur, start, role, True, parsed)
        cur = end
    _add_groups(t, cur, b, label, False, parsed)


def _last_break(t: str, a: int, b: int, conventions: Sequence[int], commas: bool) -> int:
    """The last group break in ``t[a:b]`` with text after it, or ``-1``.

    A ``;`` outside brackets (a comma too when ``commas``), or the end of a convention.
    """
    depth = 0
    found = -1
    stops = ",;" if commas else ";"
    for k in range(a, b):
        c = t[k]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif (
            depth == 0 and (c in stops or k + 1 in conventions) and t[k + 1 : b].strip(CUT + ",;、")
        ):
            found = k
    return found


def _add_groups(
    t: str, a: int, b: int, role: BlockRole | None, marked: bool, parsed: Parsed
) -> None:
    """Add the groups of ``t[a:b]`` under ``role`` (none for empty text, which holds no unit)."""
    if a >= b:
        return
    rules = compiled()
    if marked and role in rules.rules.joint_keeps_role:
        # A会同B加强指导: the joint word separates units of one role
        m = _joint_at(t, a, b)
        if m is not None and _depth_zero(t, a, m[0]):
            left = split_units(t, a, m[0], parsed)
            right = split_units(t, m[1], b, parsed)
            if left and right and ends_like_unit(t[a : m[0]]):
                parsed.groups.append(Group(left + right, role, True))
                return
    if role in (None, "generic", "lead"):
        m = _joint_at(t, a, b)
        if m is not None and _depth_zero(t, a, m[0]) and ends_like_unit(t[a : m[0]]):
            left = split_units(t, a, m[0], parsed)
            right = split_units(t, m[1], b, parsed)
            if left and right:
                parsed.groups.append(Group(left, "lead", True))
                parsed.groups.append(Group(right, "participant", True))
                return
    items = split_units(t, a, b, parsed)
    pending: list[Item] = []
    for it in items:
        marker = _item_role(t, it) if rules.rules.item_role_brackets else None
        if marker is not None and marker[0] == it.start:
            parsed.role_words += 1  # a role in brackets alone (（按职责分工）): no unit
            continue
        if marker is None:
            pending.append(it)
            continue
        if pending:
            parsed.groups.append(Group(pending, role, marked))
            pending = []
        parsed.role_words += 1
        parsed.groups.append(Group([Item(it.start, marker[0], it.head)], marker[1], True))
    if pending:
        parsed.groups.append(Group(pending, role, marked))


def _joint_at(t: str, a: int, b: int) -> tuple[int, int] | None:
    """(start, end) of the first joint word of ``t[a:b]`` that is no part of a unit's name.

    ``中国电力企业联合会会同…``: the ``联合`` of a unit ending (``联合会``) joins nothing, nor does
    one that leaves a single character before the next separator (``…合作社联合社``,
    ``…企业联合体``). None when the first joint word opens the text.
    """
    joint = compiled().joint
    endings = _word_lists().unit_endings
    for m in joint.finditer(t, a, b, overlapped=False, concurrent=KEEP_GIL):
        k = m.start()
        if k <= a:
            return None  # 会同… opening the text: no unit before it
        word = m.group()
        if any(e != word and e.startswith(word) and t.startswith(e, k) for e in endings):
            continue
        cut = _separator().search(t, m.end(), b)
        if len(strip_brackets(t[m.end() : b if cut is None else cut.start()])) < _MIN_STEM:
            continue
        return k, m.end()
    return None


def _item_role(t: str, it: Item) -> tuple[int, BlockRole] | None:
    """A role written in brackets at the end of a unit: (where the name ends, the role)."""
    if t[it.end - 1] not in _CLOSE:
        return None  # no bracket at its end
    text = t[it.start : it.end]
    core = strip_brackets(text)
    if len(core) == len(text):
        return None
    inner = text[len(core) + 1 : -1]
    m = compiled().role_word_whole.fullmatch(inner)
    if m is None:
        return None
    return it.start + len(core), _matched_role(m)


def _matched_role(m: regex.Match[str]) -> BlockRole:
    """The role of the role word ``m`` matched (its group is named ``r<index>``)."""
    name = m.lastgroup or "r0"
    return compiled().role_word_roles[int(name[1:])]


def _depth_zero(t: str, a: int, b: int) -> bool:
    return bracket_depth(t, a, b, _OPEN, _CLOSE) == 0


def _one_division(left: str, right: str) -> bool:
    """Whether ``left`` + conjunction + ``right`` is the name of one division of a department.

    ``国有林场和种苗管理处``: what follows the conjunction ends like a division, what stands
    before it does not, nor is it a department, a government or a firm (``林业局和种苗管理处``),
    and neither shows a level (``省``, ``市``, a place name).
    """
    endings = _word_lists().division_endings
    if not endings:
        return False
    right = strip_brackets(right)
    if not right.endswith(endings) or strip_brackets(left).endswith(endings):
        return False
    from .names import kind_of, level_of  # names reads the endings of this module

    if level_of(right) is not None:
        return False
    left = strip_brackets(left)
    # 市林业局国有林场和种苗管理处: the division's name follows the department it belongs to
    for k in range(len(left) - 2, 1, -1):
        head = left[:k]
        if kind_of(head) != "other" and ends_like_unit(head):
            left = left[k:]
            break
    return kind_of(left) == "other" and level_of(left) is None


def ends_like_unit(text: str) -> bool:
    """Whether ``text`` ends like the name of a unit (an agency ending or a place ending)."""
    core = strip_brackets(text)
    if len(core) < 2:
        return False
    return core.endswith(_word_lists().unit_endings)


@dataclass(frozen=True)
class _Words:
    """Word lists of the rule data as tuples, longest first where the first match counts."""

    unit_endings: tuple[str, ...]
    """Unit and place endings."""
    division_endings: tuple[str, ...]
    """Endings of the divisions inside a department (``处``, ``科``)."""
    agency_endings: tuple[str, ...]
    """Unit endings alone (no place endings): the end of an institution's name."""
    place_endings: tuple[str, ...]
    longest_places: tuple[str, ...]
    """Place endings, longest first."""
    shared_heads: tuple[str, ...]
    member_heads: tuple[str, ...]
    member_bodies: tuple[str, ...]
    category_heads: tuple[str, ...]
    short_piece_stops: tuple[str, ...]
    stem_types: tuple[str, ...]
    """Place types a bare stem borrows with a head, longest first."""
    any_heads: tuple[str, ...]
    """Shared, member and category heads."""
    name_heads: tuple[str, ...]
    """Heads of institutions shared by bare names, longest first."""
    head_ends: frozenset[str] | None
    """The last characters of ``any_heads`` (None: one of them is empty)."""


def _last_chars(words: list[str]) -> frozenset[str] | None:
    return frozenset(w[-1] for w in words) if all(words) else None


@cache
def _word_lists() -> _Words:
    r = compiled().rules

    def longest_first(words: list[str]) -> tuple[str, ...]:
        return tuple(sorted(words, key=len, reverse=True))

    return _Words(
        unit_endings=tuple(r.unit_endings) + tuple(r.place_endings),
        division_endings=tuple(r.division_endings),
        agency_endings=tuple(r.unit_endings),
        place_endings=tuple(r.place_endings),
        longest_places=longest_first(r.place_endings),
        shared_heads=longest_first(r.shared_heads),
        member_heads=longest_first(r.member_heads),
        member_bodies=tuple(r.member_bodies),
        category_heads=longest_first(r.category_heads),
        short_piece_stops=tuple(r.short_piece_stops),
        stem_types=longest_first(r.stem_place_types),
        any_heads=tuple(r.shared_heads + r.member_heads + r.category_heads),
        name_heads=longest_first(r.name_heads),
        head_ends=_last_chars(r.shared_heads + r.member_heads + r.category_heads),
    )


def _head_of(text: str, heads: tuple[str, ...]) -> str | None:
    """The first (longest) of ``heads`` that ``text`` ends with and is longer than."""
    if not text.endswith(heads):
        return None
    return next((h for h in heads if text.endswith(h) and len(text) > len(h)), None)


def strip_brackets(text: str) -> str:
    """``text`` without bracketed parts at its end.

    ``省市场监管局〔知识产权局〕`` → ``省市场监管局``.
    """
    core = text
    while core and core[-1] in _CLOSE:
        depth = 0
        for k in range(len(core) - 1, -1, -1):
            if core[k] in _CLOSE:
                depth += 1
            elif core[k] in _OPEN:
                depth -= 1
                if depth == 0:
                    core = core[:k]
                    break
        else:
            return core
    return core


def split_units(t: str, a: int, b: int, parsed: Parsed) -> list[Item]:
    """The units written in ``t[a:b]``."""
    rules = compiled()
    r = rules.rules
    hinted = rules.fixed_hint.search(t, a, b)
    found = rules.fixed.finditer(t, a, b, False, KEEP_GIL) if hinted else ()
    protected = [(m.start(), m.end()) for m in found if m.end() > m.start()]
    pieces: list[tuple[int, int, str]] = []  # (start, end, separator after it)
    depth = 0
    start = a
    k = a
    pi = 0  # the first protected span that does not end before k
    firsts = _conjunction_starts()
    special, next_special = _split_chars()
    if not protected and _split_stops().search(t, a, b) is None:
        # no bracket and no conjunction: the separators alone cut the pieces
        for cut in _separator().finditer(t, a, b):
            pieces.append((start, cut.start(), cut.group()))
            start = cut.end()
        k = b
    while k < b:
        c = t[k]
        while pi < len(protected) and protected[pi][1] <= k:
            pi += 1
        if pi < len(protected) and protected[pi][0] <= k:
            k = protected[pi][1]
            continue
        if c not in special:
            # nothing happens before the next bracket, separator or conjunction (or fixed span)
            m = next_special.search(t, k + 1, b, KEEP_GIL)
            k = b if m is None else m.start()
            if pi < len(protected):
                k = min(k, protected[pi][0])
            continue
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (c in r.separators or c == CUT):
            pieces.append((start, k, c))
            start = k + 1
        elif depth == 0 and c in firsts:
            conj = next((w for w in r.conjunctions if t.startswith(w, k)), None)
            if conj is not None and k > start and k + len(conj) < b:
                left = t[start:k]
                right = _SEPARATED.split(t[k + len(conj) : b], maxsplit=1)[0]
                if (
                    ends_like_unit(left)
                    and ends_like_unit(right)
                    and not _one_division(left, right)
                ):
                    pieces.append((start, k, "和"))
                    start = k + len(conj)
                    k = start
                    continue
        k += 1
    pieces.append((start, b, ""))
    # trim each piece (a prefix or suffix to strip holds a hint, which the whole text then has)
    prefix = rules.strip_prefix_hint
    prefixes = prefix.search(t, a, b) is not None
    suffix = rules.strip_suffix_hint
    suffixes = suffix.search(t, a, b) is not None
    trimmed: list[tuple[int, int, str]] = []
    for s, e, sep in pieces:
        while s < e and t[s] in _LEADING_JUNK:
            s += 1
        while e > s and t[e - 1] in _TRAILING_JUNK:  # the bullet of the next label line
            e -= 1
        m = rules.strip_prefix.match(t, s, e) if prefixes and prefix.search(t, s, e) else None
        if m is not None and m.end() < e:
            s = m.end()
        m = rules.strip_suffix.search(t, s, e) if suffixes and suffix.search(t, s, e) else None
        if m is not None and m.start() > s:
            e = m.start()
        if e > s:
            trimmed.append((s, e, sep))
        elif trimmed and sep:
            trimmed[-1] = (trimmed[-1][0], trimmed[-1][1], sep)
    # a piece of one character (各市、县…) belongs with the next one
    merged: list[tuple[int, int, str]] = []
    k = 0
    while k < len(trimmed):
        s, e, sep = trimmed[k]
        if (
            e - s == 2 - (t[s] != "各")  # one character, besides a 各 before it
            and sep == "、"
            and k + 1 < len(trimmed)
            and not t.startswith(_word_lists().short_piece_stops, trimmed[k + 1][0])
        ):
            nxt = trimmed[k + 1]
            trimmed[k + 1] = (s, nxt[1], nxt[2])
            k += 1
            continue
        merged.append((s, e, sep))
        k += 1
    items: list[Item] = []
    seps: list[str] = []
    words = _label_words()
    openers = rules.duty_opener if parsed.tails else None
    if openers is not None and openers.search(t, a, b) is None:
        openers = None  # no duty to cut off
    for s, e, sep in merged:
        duty = _duty_start(openers, t, s, e) if openers is not None else None
        if duty is not None:
            e = duty
            parsed.duty_tail = True
        if t[e - 1] in _CLOSE:
            e = _without_cut_bracket(t, s, e)
        if e - s > _MAX_UNIT or t[s:e] in words:
            parsed.other_text = True
            continue
        items.append(Item(s, e))
        seps.append(sep)
    return _expand_heads(t, items, seps)


_CUT_BRACKET: Final = CUT + ",;、。 "
"""What is left of a bracket whose convention or notes were cut out (``(下同)``)."""


def _without_cut_bracket(t: str, s: int, e: int) -> int:
    """The end of the unit ``t[s:e]`` without a last bracket that held only what was cut out.

    ``县林业局(位列第一的为牵头单位,其余为配合单位,下同)``: the convention is applied, and its
    bracket is no alias of the unit.
    """
    core = len(strip_brackets(t[s:e]))
    if core == e - s or core < 2:
        return e
    inner = t[s + core + 1 : e - 1]
    if inner and not inner.strip(_CUT_BRACKET):
        return s + core
    return e


_MIN_OBJECT: Final = 2
"""Shortest object of a duty cut off a unit's name (``做好数据对接``)."""


def _duty_start(openers: re.Pattern[str], t: str, s: int, e: int) -> int | None:
    """Where a duty with its object starts that ends the piece ``t[s:e]`` after a unit, or None.

    The first duty word after which at least two characters follow, whose text before ends
    like a unit while the text from it on does not (``市推进办`` and ``…局推进城乡一体化领导小组
    办公室`` keep their names).
    """
    if ends_like_unit(t[s:e]):
        return None
    for m in openers.finditer(t, s + 2, e):
        k = m.start()
        if e - m.end() >= _MIN_OBJECT and ends_like_unit(t[s:k]) and _depth_zero(t, s, k):
            return k
    return None


@cache
def _split_chars() -> tuple[frozenset[str], regex.Pattern[str]]:
    """The characters :func:`split_units` acts on, and a pattern that finds the next one."""
    r = compiled().rules
    chars = frozenset(_OPEN + _CLOSE + r.separators + CUT) | _conjunction_starts()
    return chars, patterncache.compile("[" + "".join(regex.escape(c) for c in sorted(chars)) + "]")


@cache
def _split_stops() -> re.Pattern[str]:
    """The characters :func:`split_units` acts on that cut no piece alone: brackets, and the
    first characters of conjunctions that are no separators."""
    seps = frozenset(compiled().rules.separators + CUT)
    chars = sorted(frozenset(_OPEN + _CLOSE) | (_conjunction_starts() - seps))
    return patterncache.compile_re("[" + "".join(re.escape(c) for c in chars) + "]")


@cache
def _separator() -> re.Pattern[str]:
    """A separator between units, or a character cut out (brackets aside)."""
    chars = sorted(frozenset(compiled().rules.separators + CUT) - frozenset(_OPEN + _CLOSE))
    return patterncache.compile_re(
        "[" + "".join(re.escape(c) for c in chars) + "]" if chars else "(?!)"
    )


@cache
def _conjunction_starts() -> frozenset[str]:
    """The first characters of the conjunctions that may join two units."""
    return frozenset(w[0] for w in compiled().rules.conjunctions if w)


@cache
def _label_words() -> frozenset[str]:
    """Label words, which are never units (a table header: 牵头单位 配合单位 完成时限)."""
    r = compiled().rules
    return frozenset([x.text for x in r.labels] + r.other_labels)


def _expand_heads(t: str, items: list[Item], seps: list[str]) -> list[Item]:
    """Give a shared head word to the bare places before a unit that writes it."""
    out = list(items)
    if len(out) < 2:
        return out  # no unit before another to share its head
    words = _word_lists()
    ends = words.head_ends
    heads_at = (it for it in items if ends is None or t[it.end - 1] in ends)
    if not any(t.endswith(words.any_heads, it.start, it.end) for it in heads_at):
        after = _after_bare_names(t, items, seps)
        if not after:
            return out  # no unit ends with a head word, nor follows a bare name
        if not any(_typed_head(t[it.start : it.end]) for it in after):
            # no unit ends with a head word, nor one a bare name may share with its type
            return _expand_name_heads(t, items, seps, out)
    for j, it in enumerate(items):
        if j == 0 or seps[j - 1] not in ("、", "和"):
            continue  # no unit before it may share its head
        shared = _shared_head(t[it.start : it.end])
        if shared is None:
            continue
        head, typed, suffix = shared
        k = j - 1
        while k >= 0 and k < len(seps) and seps[k] in ("、", "和"):
            prev = t[items[k].start : items[k].end]
            if prev.endswith(words.shared_heads):
                break
            if typed and _bare_stem(prev, typed):
                # 粤海、蛇口街道办事处: the bare stems borrow the place type with the head
                out[k] = Item(items[k].start, items[k].end, (it.end - len(typed), it.end))
            elif suffix and _takes_place_suffix(prev, suffix):
                # 南昌、九江、吉安市人民政府: the bare names share 市 as well as the head
                lent = it.end - len(head) - len(suffix)
                out[k] = Item(items[k].start, items[k].end, (lent, it.end))
            elif _same_place(prev, typed[: len(typed) - len(head)]) or _other_township(
                prev, typed[: len(typed) - len(head)]
            ):
                out[k] = Item(items[k].start, items[k].end, (it.end - len(head), it.end))
            else:
                break
            k -= 1
    out = _expand_member_heads(t, items, seps, out)
    out = _expand_category_heads(t, items, seps, out)
    return _expand_name_heads(t, items, seps, out)


def borrows_head(stem: str, unit: str) -> bool:
    """Whether the bare stem ``stem`` takes the head a later ``unit`` of its list shares.

    ``崇左`` before ``来宾市人民政府`` (``崇左市人民政府``), ``粤海`` before ``蛇口街道办事处``.
    """
    shared = _shared_head(unit)
    if shared is None:
        return False
    _, typed, suffix = shared
    return bool(typed and _bare_stem(stem, typed)) or bool(
        suffix and _takes_place_suffix(stem, suffix)
    )


def _expand_name_heads(t: str, items: list[Item], seps: list[str], out: list[Item]) -> list[Item]:
    """Give the head of an institution named after a place to the bare names before it.

    ``泉阳、露水河林业局`` → ``泉阳林业局``, ``露水河林业局``: a unit that opens with no level and
    is a name of 2-4 characters, then a head of the rule data's ``name_heads`` and what follows
    it (``建设银行县支行``: ``银行县支行``), lends all after the name to each bare name right
    before it (:func:`_bare_name`). A unit that is the head alone (``县农业、林业局``) lends
    nothing.
    """
    if not _word_lists().name_heads:
        return out
    for j in range(len(items) - 1, 0, -1):
        if seps[j - 1] not in ("、", "和") or out[j - 1].head is not None:
            continue
        prev = items[j - 1]
        if not _bare_at(t, prev.start, prev.end):
            continue  # no bare name before the unit
        it = items[j]
        if t.startswith(_LEVEL_CHARS, it.start):
            continue
        n = _name_head_at(t[it.start : it.end])
        if n is None:
            continue
        k = j - 1
        while k >= 0 and seps[k] in ("、", "和") and out[k].head is None:
            if not _bare_name(t[items[k].start : items[k].end]):
                break
            out[k] = Item(items[k].start, items[k].end, (it.start + n, it.end))
            k -= 1
    return out


def _name_head_at(text: str) -> int | None:
    """Where a name head starts in a unit that is a short name and that head, or None.

    The shortest name (2-4 Han characters) after which one of ``name_heads`` starts, the rest
    of the unit ending like one (``露水河林业局`` → 3).
    """
    heads = _word_lists().name_heads
    for n in _STEM_LENGTHS:
        if len(text) <= n or not _BARE_NAME.fullmatch(text, 0, n):
            return None
        if text.startswith(heads, n) and ends_like_unit(text[n:]):
            return n
    return None


_DEPARTMENT_ENDINGS: Final = ("委员会", "局", "厅", "委", "部", "办")


@cache
def _department_fields() -> frozenset[str]:
    """The fields of the departments ``agencies.yaml`` names (``财政厅`` → ``财政``)."""
    out: set[str] = set()
    for name in agencies().variants:
        end = next((e for e in _DEPARTMENT_ENDINGS if name.endswith(e)), "")
        if end and len(name) - len(end) >= _MIN_STEM:
            out.add(name[: -len(end)])
    return frozenset(out)


def _bare_name(name: str) -> bool:
    """Whether ``name`` is a bare name that may take a name head (``泉阳``, ``红旗``, ``工商``).

    A bare stem (:func:`_bare_stem`), or two characters ending with a one-character place
    ending (``红旗``, ``抚州``); not a word that opens a list of others (``其他``), nor the field
    of a department of ``agencies.yaml`` (``财政``, ``税务``: ``财政、税务、人民银行县支行``).
    """
    if name.startswith(_word_lists().short_piece_stops) or name in _department_fields():
        return False  # 其他; 财政 (a department's field, short for 财政局, takes no firm's head)
    if _bare_stem(name, ""):
        return True
    return len(name) == 2 and _place_of(name) == name[-1] and not name.startswith(_LEVEL_CHARS)


def _expand_category_heads(
    t: str, items: list[Item], seps: list[str], out: list[Item]
) -> list[Item]:
    """Give a category head to the field words before it.

    ``各地商务、财政部门`` → ``各地商务部门``, ``财政部门``: a piece before ``、`` that does not end
    like a unit takes the head of the unit after it.
    """
    heads = _word_lists().category_heads
    for j, it in enumerate(items):
        text = t[it.start : it.end]
        head = _head_of(text, heads)
        if head is None:
            continue
        k = j - 1
        while k >= 0 and seps[k] == "、" and out[k].head is None:
            prev = t[items[k].start : items[k].end]
            if ends_like_unit(prev) or not _field_word(prev):
                break
            out[k] = Item(items[k].start, items[k].end, (it.end - len(head), it.end))
            k -= 1
    return out


def _field_word(text: str) -> bool:
    """Whether a piece before a category head is a field word that may take it.

    A word of 2-8 Han characters (``商务``, ``发展和改革``), or a longer one that ends with
    the field of a department of ``agencies.yaml`` (``各省级人力资源社会保障``,
    ``各设区市住房和城乡建设``). A piece that opens with a level of one character joined to it
    (``各市、县商务``) is read from that level on (``县商务``).
    """
    text = text.rpartition("、")[2]
    if _FIELD_WORD.fullmatch(text):
        return True
    if _LONG_FIELD_WORD.fullmatch(text) is None:
        return False
    fields = _department_fields()
    return any(text[-n:] in fields for n in range(_MIN_STEM, len(text) + 1))


def _expand_member_heads(t: str, items: list[Item], seps: list[str], out: list[Item]) -> list[Item]:
    """Give a shared member head to the bodies before it.

    ``省安委会、省减灾委各成员单位`` → ``省安委会各成员单位``, ``省减灾委各成员单位``.
    """
    heads = _word_lists().member_heads
    bodies = _word_lists().member_bodies
    for j, it in enumerate(items):
        text = t[it.start : it.end]
        head = _head_of(text, heads)
        if head is None or not text[: -len(head)].endswith(bodies):
            continue
        k = j - 1
        while k >= 0 and seps[k] in ("、", "和") and out[k].head is None:
            prev = t[items[k].start : items[k].end]
            if not prev.endswith(bodies) or prev.endswith(heads):
                break
            out[k] = Item(items[k].start, items[k].end, (it.end - len(head), it.end))
            k -= 1
    return out


def _place_of(text: str) -> str:
    """The longest place ending ``text`` ends with, or ``""``."""
    return next((e for e in _word_lists().longest_places if text.endswith(e)), "")


def _shared_head(text: str) -> tuple[str, str, str] | None:
    """What a unit that ends with a shared head lends to the units before it, or None.

    ``(head, typed, suffix)``: the head lent to places (``蛇口街道办事处`` → ``办事处``); the
    place type and head lent to bare stems (``街道办事处``, ``镇人民政府``, ``村委会``; empty for
    places of other types), whose type a place must have to take the head; the level suffix
    lent to bare names with the head (``吉安市人民政府`` → ``市``).
    """
    words = _word_lists()
    heads = words.shared_heads
    if not text.endswith(heads):
        return _typed_head(text)
    for head in heads:
        if len(text) <= len(head) or not text.endswith(head):
            continue
        rest = text[: -len(head)]
        place = _place_of(rest)
        kind = next((p for p in words.stem_types if rest.endswith(p)), "")
        own = next((p for p in words.stem_types if head.startswith(p)), kind)
        if kind != own:
            # 桐乡街道办事处: a head with a type of its own makes another type before it part
            # of the stem (桐乡 is the street's name); the same type twice is not (李家村村委会)
            continue
        if kind and len(kind) >= len(place):
            return head, kind + head, ""
        if place:
            return head, "", _level_suffix(rest)
    for head in heads:
        # a head that starts with its own type (大王村委会: 村 and 委会)
        kind = next((p for p in words.stem_types if head.startswith(p)), "")
        if kind and len(text) > len(head) and text.endswith(head):
            return head[len(kind) :], head, ""
    return _typed_head(text)


_LEVEL_CHARS: Final = tuple("省市县区州盟旗乡镇村各")
"""Characters that open a level or a place type rather than a stem (``县财政``, ``乡镇``)."""
_STEM_LENGTHS: Final = range(2, 5)
"""Lengths of the stem of a unit that lends its place type and head (``蓬朗``区域办事处)."""
_MIN_INSTITUTION: Final = 2


def _typed_head(text: str) -> tuple[str, str, str] | None:
    """The place type and institution a unit named after a short stem lends, or None.

    ``蓬朗区域办事处`` → ``办事处``, ``区域办事处``; ``周市镇卫生院`` → ``卫生院``, ``镇卫生院``: a
    stem of 2-4 Han characters, a place type of the rule data, then the name of an institution
    (at least two characters, ending like a department or organ, not like a place). A stem
    that opens with a level (``县乡村振兴局``: 县 and 乡村振兴局) is none.
    """
    words = _word_lists()
    if not text.endswith(words.agency_endings) or text.startswith(_LEVEL_CHARS):
        return None
    for n in _STEM_LENGTHS:
        if not _BARE_NAME.fullmatch(text, 0, n):
            return None
        kind = next((p for p in words.stem_types if text.startswith(p, n)), "")
        rest = text[n + len(kind) :]
        if (
            kind
            and len(rest) >= _MIN_INSTITUTION
            and ends_like_unit(rest)
            and not rest.endswith(words.longest_places)
        ):
            return rest, text[n:], ""
    return None


def _after_bare_names(t: str, items: list[Item], seps: list[str]) -> list[Item]:
    """The units written right after a ``、`` (or ``和``) that follows a short bare name."""
    out: list[Item] = []
    for k in range(1, len(items)):
        prev = items[k - 1]
        if seps[k - 1] in ("、", "和") and _bare_at(t, prev.start, prev.end):
            out.append(items[k])
    return out


def _bare_at(t: str, s: int, e: int) -> bool:
    """Whether ``t[s:e]`` is a short bare name: 2-4 Han characters, not opening with a level."""
    return (
        _MIN_STEM <= e - s <= _STEM_LENGTHS[-1]
        and not t.startswith(_LEVEL_CHARS, s)
        and _BARE_NAME.fullmatch(t, s, e) is not None
    )


def _same_place(name: str, kind: str) -> bool:
    """Whether ``name`` ends with a place, of the type ``kind`` when one is given."""
    place = _place_of(name)
    if not kind:
        return bool(place)
    return len(name) > len(kind) and name.endswith(kind) and len(kind) >= len(place)


def _other_township(name: str, kind: str) -> bool:
    """Whether ``name`` is a town or township of another type than ``kind``, one of the same level.

    ``柳镇`` before ``东关乡人民政府``: it shares the head alone (``柳镇人民政府``).
    """
    types = compiled().rules.township_types
    if kind not in types or not _BARE_NAME.fullmatch(name) or name.startswith(_LEVEL_CHARS):
        return False
    own = next((p for p in types if name.endswith(p)), "")
    return bool(own) and own != kind and len(name) > len(own)


def _bare_stem(name: str, typed: str) -> bool:
    """Whether ``name`` is a bare stem that borrows the place type and head ``typed``.

    2-4 Han characters that do not end like a unit (a name of two characters may end with a
    one-character ending if it names no department, government or firm: ``城关``). A place
    type of another kind after one character is part of the name before a type of two
    characters (``桐乡`` before ``街道办事处``); after a longer stem it is the place's own type
    (``城关镇``).
    """
    if not _BARE_NAME.fullmatch(name) or name.startswith(_LEVEL_CHARS):
        return False  # 县财政: a level and a field, no place's stem
    types = _word_lists().stem_types
    kind = next((p for p in types if name.endswith(p)), "")
    if kind:
        lent = next((p for p in types if typed.startswith(p)), "")
        # 桐乡 before 街道办事处; not 柳镇 before 乡人民政府 (a town beside a township)
        return len(name) - len(kind) == 1 and len(lent) > 1 and lent != kind
    if not ends_like_unit(name):
        return True
    return len(name) == 2 and _place_of(name) == "" and _kind_is_other(name)


def _kind_is_other(name: str) -> bool:
    from .names import describe  # names imports this module

    return describe(name).kind == "other"


def _level_suffix(place: str) -> str:
    """The level suffix a place lends to the bare names before it, or ``""``.

    ``吉安市`` lends ``市``, ``甘孜州`` ``州``, ``黑河地区`` ``地区``, ``马边彝族自治县``
    ``彝族自治县``: a level of the rule data's ``shared_place_levels`` is lent whole, with the
    peoples' names before an autonomous one. A place whose longest ending is a compound zone
    ending (``保定高新区``, ``浦东新区``) lends nothing: its ``区`` belongs to the zone's name;
    nor does a city whose ``州`` is part of its name (``杭州``). A compound ending that would
    leave a stem shorter than ``_MIN_STEM`` is the level's one character (``西城区`` → ``区``).
    """
    rules = compiled()
    ending = next((e for e in _word_lists().longest_places if place.endswith(e)), "")
    if len(ending) > 1 and len(place) - len(ending) < _MIN_STEM:
        ending = ending[-1]  # 西城区: a stem too short for 城区, so the level is 区
    if len(ending) == 1:
        if ending not in rules.rules.shared_place_suffixes:
            return ""
        if ending == "州" and rules.short_city.fullmatch(place) is not None:
            return ""
        return ending
    if ending not in rules.rules.shared_place_levels:
        return ""
    if ending.startswith("自治"):
        m = rules.autonomy_names.search(place, 0, len(place) - len(ending))
        if m is not None and m.start() >= _MIN_STEM:
            return place[m.start() :]
    return ending


_MIN_STEM: Final = 2
"""Shortest name before a lent level or head (``阿坝``, ``泉阳``)."""


def _takes_place_suffix(name: str, suffix: str) -> bool:
    """Whether a bare place name before ``…市人民政府`` lacks the ``市`` it shares."""
    rules = compiled()
    if name.endswith(suffix) or not _BARE_NAME.fullmatch(name):
        return False
    if not ends_like_unit(name) or rules.short_city.fullmatch(name) is not None:
        return True
    # 烟台 ends like 电视台 but names no unit: two characters that are no place or organ
    return len(name) == 2 and _place_of(name) == "" and _kind_is_other(name)


def _cut_role_object(t: str, tails: bool = True) -> tuple[str, bool]:
    """``t`` with a short object after its last role word cut out (``负责线上线下推广``).

    Only when ``t`` does not end with a role word already and the text before the object does.
    """
    rules = compiled()
    if rules.role_hint.search(t) is None:
        return t, False  # no role word for the object to follow
    end = len(t.rstrip(CUT))
    m = rules.role_object.search(t, 0, end, KEEP_GIL)
    if m is None or m.end() != end:
        return t, False
    head = t[: m.start()]
    if not _ends_with_role_word(head) or _ends_with_role_word(t[:end]):
        return t, False
    last = _piece_start(t, 0, end)
    if tails and ends_like_unit(t[last:end]) and verb_tail_start(t, last, end) is None:
        return t, False  # a unit's name that holds a role word (…指导中心, …指导站)
    return head + CUT * (len(t) - len(head)), True


def _ends_with_role_word(text: str) -> bool:
    return any(w.end() == len(text) for w in compiled().role_word.finditer(text))


def parse_content(s: str, tails: bool = True) -> Parsed:
    """Read a block's content into role groups.

    ``tails``: whether verb phrases the role words do not list are cut off units' names
    (:func:`verb_tail_start`); not in running sentences, where they are the sentence's verbs
    (``…要会同各县区做好统筹推进``).
    """
    t, conventions = _cut(s)
    t, role_object = _cut_role_object(t, tails)
    parsed = Parsed(convention=bool(conventions), role_object=role_object, tails=tails)
    for a, b, role, skip in _segments(t):
        if skip:
            if t[a:b].strip(CUT + ",;、"):
                parsed.other_text = True
            continue
        before = len(parsed.groups)
        _role_groups(t, a, b, role, parsed, tails, conventions)
        if role is None:
            parsed.unlabeled_units = parsed.unlabeled_units or len(parsed.groups) > before
        else:
            parsed.labels += 1
    _drop_closing_clause(t, parsed)
    return parsed


def _drop_closing_clause(t: str, parsed: Parsed) -> None:
    """Drop a last comma group that is a clause, not a unit (``…配合，具体方案另行制定``).

    Only the last piece, after a ``,`` and with no role word of its own, which does not end
    like a unit, when the content has a label or names a lead with a role word, and every
    other unit ends like one: the units before it keep their block.
    """
    groups = parsed.groups
    if not groups or groups[-1].marked or not groups[-1].items:
        return
    last = groups[-1].items[-1]
    if ends_like_unit(_named(t, last)) or t[: last.start].rstrip(CUT)[-1:] != ",":
        return
    if not parsed.labels and not any(g.marked and g.role == "lead" for g in groups):
        return
    others = [it for g in groups for it in g.items][:-1]
    if not others or not all(ends_like_unit(_named(t, it)) for it in others):
        return
    groups[-1].items.pop()
    if not groups[-1].items:
        groups.pop()
    parsed.clause_dropped = True


def _named(t: str, it: Item) -> str:
    """The name an item gives, with the head word it shares."""
    return t[it.start : it.end] + (t[it.head[0] : it.head[1]] if it.head is not None else "")
