"""The responsibility stage: every 责任单位 block, every unit in it, its role and its task.

Steps: find candidate blocks (``brackets``, ``label_lines``, ``sentences``, ``tables``,
``column_tables``, on the compacted text of ``compacted``), read their content into role
groups and units (``units``), keep the candidates that are blocks, give roles (``roles``, with
the document's first-is-lead convention), then name each unit (``names``) and link it to the
provision its block closes.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Final

import regex

from ... import patterncache
from ...patterncache import KEEP_GIL
from ...records import ResponsibleUnit
from ...records.base import trusted
from .brackets import bracket_blocks, may_hold_label
from .column_tables import column_table_blocks
from .compacted import Block, Compact, compact
from .label_lines import line_blocks
from .names import describe
from .roles import assign_roles, convention_applies, convention_positions
from .rules import compiled
from .sentences import dash_blocks, duty_heading_blocks, role_sentence_blocks, sentence_blocks
from .tables import table_blocks
from .units import Item, Parsed, ends_like_unit, parse_content

if TYPE_CHECKING:
    from ...pipeline import Context

__all__ = ["run"]

_AGENCY_KINDS: Final = ("government_department", "peoples_government")
_TAIL_FORMS: Final = frozenset({"bracket", "line", "table", "dash"})
"""Forms of blocks whose units may carry a verb phrase the role words do not list."""


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; see Compact for __init__
class Found:
    """A block that was kept, with its parsed content."""

    block: Block
    parsed: Parsed

    def __init__(self, block: Block, parsed: Parsed) -> None:
        self.block = block
        self.parsed = parsed


def _item_text(s: str, item: Item) -> str:
    """The unit ``item`` names, with the head word it shares (``合肥`` → ``合肥市政府``)."""
    text = s[item.start : item.end]
    if item.head is not None:
        text += s[item.head[0] : item.head[1]]
    return text


def _is_block(b: Block, p: Parsed, convention: bool) -> bool:
    items = [_item_text(b.content.s, i) for g in p.groups for i in g.items]
    if not items:
        return False
    if b.form in _RUNNING and _subject_before(items):
        return False  # 本方案确定的各项任务在县域范围内由…负责: a sentence's subject and verb
    if b.form == "role_sentence":
        # a clause inside a sentence (…，县城管局负责；): a unit in it leads, guides or is
        # responsible (…制定方案，市财政局配合；: none), and every unit is a department or
        # shows its level (…，政府负责，社会协同，…: a slogan)
        if (
            not b.after_stop
            and not _opens_by(b.content.s)
            and (not _assigns(p) or not all(_firm(t) for t in items))
        ):
            return False
        return _units_and_roles_only(p, items)
    if b.form in ("dash", "heading"):
        return _units_only(p, items)
    if b.labeled or (p.labels and not p.unlabeled_units):
        # A label opens the block, or follows only parts that name no unit (完成时限:…).
        return True
    if b.form == "sentence":
        return all(ends_like_unit(t) for t in items)

    if b.form != "bracket" or p.other_text:
        return False
    if b.in_clause and not _assigns_in_clause(b, p, items):
        return False
    if b.content.s.startswith(tuple(compiled().rules.not_block_starts)):
        return False
    if not _units_listed(items):
        return False
    # No label and no role word: only a list of units closing a sentence, mostly departments
    # (at least one when the document says how its lists of units are ranked).
    agencies = sum(_official(t) for t in items)
    enough = agencies > 0 if convention else _OFFICIAL_SHARE * len(items) <= agencies
    if p.clause_dropped:
        # …配合，具体方案另行制定: the units before the clause, mostly departments
        return b.closed and enough
    if p.role_object or p.duty_tail:
        # a role word with an object (…分别负责线上线下推广), or a unit with its duty
        # (…中心做好数据对接): as a bracket without role word
        return b.closed and b.after_stop and enough
    if p.role_words > 0 and any(g.marked and g.items for g in p.groups):
        # Without its closing bracket, only a block that closes a sentence.
        return b.closed or b.after_stop or b.para_end
    # Without its closing bracket, a list of units alone that runs to the end of its line
    # (after the end of a sentence, or closing its paragraph with two units or more).
    return (
        (b.closed or (b.line_end and not p.role_words))
        and (b.after_stop or (b.para_end and _departments(items)))
        and enough
    )


def _departments(items: list[str]) -> bool:
    """Whether a list of two units or more is at least half departments.

    So must be an unclosed bracket without role words that closes its paragraph rather than
    following the end of a sentence: ``…每4年举办一次（与…错年举办`` is a note, and
    ``…产业园区（高新区、经开区`` names the parks meant.
    """
    if len(items) < _MIN_PARA_END_UNITS:
        return False
    found = sum(describe(t).kind == "government_department" for t in items)
    return 2 * found >= len(items)


_MIN_PARA_END_UNITS: Final = 2
"""Units an unclosed bracket without role words must list to close its paragraph as a block."""


_RUNNING: Final = frozenset({"sentence", "role_sentence"})
"""Forms of blocks written in running text, outside brackets and label lines."""


def _subject_before(items: list[str]) -> bool:
    """Whether a unit of a sentence holds a ``由`` with words before it (the subject)."""
    by = compiled().subject_by
    return any(by.search(t, 0, None, KEEP_GIL) is not None for t in items)


_ASSIGNING: Final = frozenset({"lead", "generic", "guide"})
"""Roles that assign a task (a unit that only takes part or supports assigns none alone)."""


def _assigns(p: Parsed) -> bool:
    """Whether a unit of the block leads, guides or is responsible."""
    return any(g.items and g.role in _ASSIGNING for g in p.groups)


@cache
def _by_opener() -> re.Pattern[str]:
    return patterncache.compile_re(compiled().rules.role_clause_opener)


def _opens_by(s: str) -> bool:
    """Whether a clause opens with ``由`` (``role_clause_opener``: ``并由``, ``均由`` …)."""
    return _by_opener().match(s) is not None


def _assigns_in_clause(b: Block, p: Parsed, items: list[str]) -> bool:
    """Whether a bracket without a label inside a clause still assigns the task.

    Not when words of the clause follow it at once (``…作用（…）推动…``: it explains a noun);
    after a role word or verb (``参与（政策性银行支持）``), only when it names a unit that leads,
    guides or is responsible, and no unit's name opens with a role word
    (``协同（支持龙头企业牵头）``: a verb and its object).
    """
    if not b.verb_before:
        return False
    if not _assigns(p):
        return False
    whole = compiled().role_word_whole
    return not any(whole.match(t) is not None for t in items)


def _cannot_be_block(b: Block) -> bool:
    """Whether a bracket without a label cannot be a block, seen without reading its content.

    Such a bracket is kept only when a unit in it ends like one. A unit's name is a piece of
    the content, or a piece and a head word it shares: a content without any unit ending or
    head word names no unit, and one without a label has no labelled part.
    """
    if b.form != "bracket" or b.labeled:
        return False
    rules = compiled()
    s = b.content.s
    return rules.unit_hint.search(s) is None and not may_hold_label(s)


def _units_and_roles_only(p: Parsed, items: list[str]) -> bool:
    """Whether a sentence consists of units and role words alone, mostly departments.

    Every group must end with its role word (``市商务局牵头，市财政局、市经信局配合``), so a
    sentence with a verb and an object (``市口岸办会同宁波海关制定具体方案``) is not a block.
    """
    if p.other_text or p.labels or p.role_object or p.clause_dropped or not p.role_words:
        return False  # 由A牵头，建立…: a clause after the role word, A the subject of a sentence
    if not all(g.marked for g in p.groups if g.items):
        return False
    if not all(ends_like_unit(t) for t in items):
        return False
    return _OFFICIAL_SHARE * len(items) <= sum(_official(t) for t in items)


def _units_only(p: Parsed, items: list[str]) -> bool:
    """Whether a dash list or a provision's opening names units alone, mostly departments.

    Role words may follow the units (``——市教育局牵头，市财政局配合``); a label, a duty after a
    unit (``——市发改委牵头制定方案``) or any other text (``——这是一项长期任务``) rules it out.
    """
    if p.other_text or p.labels or p.role_object or p.duty_tail:
        return False
    if not all(ends_like_unit(t) for t in items):
        return False
    if not any(_firm(t) for t in items):
        return False  # ——建设一批产业园区: a place ending alone is no unit here
    return _OFFICIAL_SHARE * len(items) <= sum(_official(t) for t in items)


def _firm(name: str) -> bool:
    """Whether a unit's name shows a department, or the level of a government or organ."""
    info = describe(name)
    return info.kind == "government_department" or info.level is not None


_LEVEL_START: Final = patterncache.compile(r"(?:各|省|市|县|区|州|盟|旗|乡|镇)\p{Han}{2,11}")
_MIN_KNOWN_SHARE: Final = 2 / 3
_OFFICIAL_SHARE: Final = 1 / 3
"""Share of departments or governments in a bracket of units without label or role word."""


_COMPANY: Final = patterncache.compile(r"(?:有限公司|有限责任公司|股份公司|集团公司|分公司)$")
"""A company under its registered name (``国家电网有限公司``) or a branch of one
(``中国移动某某分公司``), not a kind of firm."""


def _units_listed(items: list[str]) -> bool:
    """Whether every item of a bracket without a label names a unit.

    An item ends like a unit, or, in a list of at least three items of which at least two
    thirds end like units, starts with a level or a place word (``市新华书店`` beside
    ``市文化广电旅游局``): a unit whose ending the rule data does not list. In such a list
    that names a firm (``海尔集团``), a company's short name counts too (``格力电器``;
    ``firm_short_endings``).
    """
    known = sum(ends_like_unit(t) for t in items)
    if known == len(items):
        return True
    if len(items) < 3 or known < _MIN_KNOWN_SHARE * len(items):
        return False
    firms = any(describe(t).kind == "enterprise" for t in items)
    short = _short_firm()
    return all(
        ends_like_unit(t) or _LEVEL_START.fullmatch(t) or (firms and short.fullmatch(t) is not None)
        for t in items
    )


@cache
def _short_firm() -> regex.Pattern[str]:
    """A company's short name: 2-6 Han characters, then an ending of ``firm_short_endings``."""
    endings = compiled().rules.firm_short_endings
    if not endings:
        return patterncache.compile("(?!)")
    alt = "|".join(regex.escape(e) for e in sorted(endings, key=len, reverse=True))
    return patterncache.compile(rf"\p{{Han}}{{2,6}}?(?:{alt})")


def _official(name: str) -> bool:
    """Whether a unit is a department or government, or another organ of a stated level.

    Party organs (``市委宣传部``), people's organizations (``省妇联``) and public institutions
    (``市融媒体中心``) whose name shows an administrative level count as well, and so do
    companies under their registered names (``国家电网有限公司``).
    """
    info = describe(name)
    if info.kind in _AGENCY_KINDS:
        return True
    if info.kind == "enterprise":
        return _COMPANY.search(name) is not None
    return info.kind == "other" and info.level is not None


def _closes_task(norm: str, line_start: int, b: Block) -> bool:
    """Whether a bracket closes a sentence of task text on its line.

    A task line with contact details in it (``…（电话：010-…）。（商务部负责）``) is marked as
    web-page debris, but its block is kept; a footer line (``主办单位：…　电话：…``) has none.
    """
    return b.form == "bracket" and b.after_stop and "。" in norm[line_start : b.start]


def _debris_ranges(ctx: Context) -> list[tuple[int, int]]:
    return sorted((ln.start, ln.end) for ln in ctx.outline.lines if ln.debris)


def _line_at(lines: list[tuple[int, int]], i: int) -> tuple[int, int] | None:
    """The line of ``lines`` (sorted, disjoint) that holds offset ``i``, if any."""
    k = bisect_right(lines, (i, sys.maxsize)) - 1
    if k >= 0 and lines[k][0] <= i < lines[k][1]:
        return lines[k]
    return None


def find_blocks(ctx: Context) -> list[Found]:
    """The responsibility blocks of the document, in order."""
    whole = compact(ctx.norm, 0, len(ctx.norm), lazy=True)
    return _find_blocks(ctx, whole, convention_positions(ctx.norm, whole))


def _find_blocks(ctx: Context, whole: Compact, conventions: list[int]) -> list[Found]:
    """:func:`find_blocks`, given the compacted document and its conventions' offsets."""
    norm = ctx.norm
    debris = _debris_ranges(ctx)
    rows = table_blocks(ctx.work, 0, len(norm))
    candidates = sorted(
        bracket_blocks(ctx.work, 0, len(norm))
        + line_blocks(ctx.work, 0, len(norm))
        + _outside_rows(sentence_blocks(ctx.work, 0, len(norm), whole), rows)
        + role_sentence_blocks(ctx.work, 0, len(norm))
        + rows
        + column_table_blocks(ctx.work, 0, len(norm))
        + dash_blocks(ctx.work, 0, len(norm))
        + duty_heading_blocks(ctx.work, 0, len(norm)),
        key=lambda b: (b.start, -b.end),
    )
    out: list[Found] = []
    read: dict[tuple[str, bool], Parsed] = {}  # contents read already (brackets repeat)
    last_end = -1
    for b in candidates:
        if b.start < last_end:
            continue
        line = _line_at(debris, b.start)
        if line is not None and not _closes_task(norm, line[0], b):
            continue
        if _cannot_be_block(b):
            continue
        if (
            b.form == "role_sentence"
            and not b.after_stop
            and ctx.outline.provision_at(b.start) is None
        ):
            continue  # …，由A负责: a clause after a comma assigns the task of a provision only
        key = (b.content.s, b.form in _TAIL_FORMS)
        parsed = read.get(key)
        if parsed is None:
            parsed = read[key] = parse_content(*key)
        if _is_block(b, parsed, any(p < b.end for p in conventions)):
            out.append(Found(b, parsed))
            last_end = b.end
    return out


def _outside_rows(sentences: list[Block], rows: list[Block]) -> list[Block]:
    """The assignment sentences that overlap no table row: a row's block wins over them."""
    if not sentences or not rows:
        return sentences
    return [s for s in sentences if not any(r.start < s.end and s.start < r.end for r in rows)]


def _original(text: str, to_orig: Callable[[int], int], pos: Sequence[int], a: int, b: int) -> str:
    """The original characters of content characters ``a..b-1`` (offsets ``pos``)."""
    if isinstance(pos, range) and b > a:
        o0, o1 = to_orig(pos[a]), to_orig(pos[b - 1])
        if o1 - o0 == b - 1 - a:  # offsets only grow: nothing stands between them
            return text[o0 : o1 + 1]
    return "".join(text[to_orig(pos[k])] for k in range(a, b))


def run(ctx: Context) -> None:
    """Add a ``ResponsibleUnit`` for every unit of every responsibility block."""
    whole = compact(ctx.norm, 0, len(ctx.norm), lazy=True)
    positions = convention_positions(ctx.norm, whole)
    found = _find_blocks(ctx, whole, positions)
    if not found:
        return
    text = ctx.text
    to_orig = ctx.work.to_orig
    ranges = [(f.block.start, f.block.end) for f in found]
    for f in found:
        b, p = f.block, f.parsed
        convention = p.convention or convention_applies(positions, (b.start, b.end), ranges)
        roles = assign_roles(p.groups, convention)
        block_span = ctx.span(b.start, b.end)
        provision = ctx.outline.provision_at(b.start)
        c = b.content
        seen: set[str] = set()
        for g, group_roles in zip(p.groups, roles, strict=True):
            for item, role in zip(g.items, group_roles, strict=True):
                name = _original(text, to_orig, c.pos, item.start, item.end)
                if item.head is not None:
                    name += _original(text, to_orig, c.pos, *item.head)
                if name in seen:  # named twice in one block (以下均需各镇街落实): one unit
                    continue
                seen.add(name)
                info = describe(name)
                s0, s1 = c.span(item.start, item.end)
                # made without validation (``records.base.trusted``): every value has its
                # field's type already (spans from ``ctx.span``, a role of ``assign_roles``,
                # kind and level from validated rule data); tests/test_responsibility_trusted.py
                # checks the records equal validated ones.
                ctx.responsible_units.append(
                    trusted(
                        ResponsibleUnit,
                        {
                            "span": ctx.span(s0, s1),
                            "name": name,
                            "role": role,
                            "block": block_span,
                            "provision": provision,
                            "canonical": info.canonical,
                            "kind": info.kind,
                            "level": info.level,
                        },
                    )
                )
