"""Schemas of ``data/responsibility.yaml`` and ``data/agencies.yaml``, and their compiled form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

import regex
from pydantic import Field

from ... import patterncache, ruledata
from ...patternhints import first_char_class, loose_gate, required_strings
from ...ruledata import RuleModel

BlockRole = Literal["lead", "participant", "guide", "generic", "support"]
Kind = Literal["government_department", "peoples_government", "enterprise", "other"]
Level = Literal["national", "provincial", "municipal", "county"]


class LabelRule(RuleModel):
    """A label that opens a list of units (``牵头单位:``) and the role it gives them."""

    text: str
    role: BlockRole


class RoleWordRule(RuleModel):
    """A role word written after a group of units (``牵头``, ``配合``, ``负责``)."""

    pattern: str
    role: BlockRole


class RoleTailRules(RuleModel):
    """Verb phrases after a unit that the role words do not list (``组织开展``)."""

    modifiers: list[str] = Field(default_factory=list)
    verbs: list[str] = Field(default_factory=list)


class ResponsibilityRules(RuleModel):
    """Schema of ``data/responsibility.yaml``."""

    labels: list[LabelRule]
    other_labels: list[str]
    other_label: str
    assignment_sentences: list[str]
    assignment_groups: str = "(?!)"
    assignment_tail: str = "(?!)"
    unit_notes: str = "(?!)"
    role_words: list[RoleWordRule]
    role_word_end: str
    item_role_brackets: bool = True
    joint_words: list[str]
    conventions: list[str]
    noise_clauses: list[str]
    strip_prefixes: list[str]
    strip_suffixes: list[str]
    separators: str
    conjunctions: list[str]
    fixed_expressions: list[str]
    shared_heads: list[str]
    place_endings: list[str]
    unit_endings: list[str]
    division_endings: list[str] = Field(default_factory=list)
    not_block_starts: list[str]
    table_header_words: list[str] = Field(default_factory=list)
    shared_place_suffixes: str = ""
    shared_place_levels: list[str] = Field(default_factory=list)
    autonomy_peoples: list[str] = Field(default_factory=list)
    name_heads: list[str] = Field(default_factory=list)
    stem_place_types: list[str] = Field(default_factory=list)
    township_types: list[str] = Field(default_factory=list)
    label_notes: list[str] = Field(default_factory=list)
    member_heads: list[str] = Field(default_factory=list)
    category_heads: list[str] = Field(default_factory=list)
    member_bodies: list[str] = Field(default_factory=list)
    short_city_names: str = "(?!)"
    empty_cells: list[str] = Field(default_factory=list)
    ditto_cells: list[str] = Field(default_factory=list)
    role_adverbs: list[str] = Field(default_factory=list)
    role_objects: str = "(?!)"
    role_tails: RoleTailRules = Field(default_factory=RoleTailRules)
    joint_keeps_role: list[BlockRole] = Field(default_factory=list)
    table_short_columns: list[str] = Field(default_factory=list)
    row_unit_endings: list[str] = Field(default_factory=list)
    firm_short_endings: list[str] = Field(default_factory=list)
    short_piece_stops: list[str] = Field(default_factory=list)
    dash_leads: list[str] = Field(default_factory=list)
    role_clause_opener: str = "(?!)"
    task_subject: str = "(?!)"
    subject_by: str = "(?!)"
    duty_heading_number: str = "(?!)"
    duty_words: list[str] = Field(default_factory=list)
    duty_openers: list[str] = Field(default_factory=list)


class KindPattern(RuleModel):
    """A name pattern that decides a unit's kind."""

    pattern: str
    kind: Kind


class KindRules(RuleModel):
    """Kinds by pattern, then by the end of the name."""

    patterns: list[KindPattern]
    endings: dict[Kind, list[str]]


class LevelPattern(RuleModel):
    """A name pattern that decides a unit's level (null: the text does not tell)."""

    pattern: str
    level: Level | None


class LevelRules(RuleModel):
    """Levels by pattern, then by endings that only one level uses."""

    patterns: list[LevelPattern]
    endings: dict[Level, list[str]]


class AgencyRules(RuleModel):
    """Schema of ``data/agencies.yaml``."""

    aliases: dict[str, list[str]]
    kinds: KindRules
    levels: LevelRules
    provinces: list[str]


_MIN_BARE_LABEL = 4
"""Shortest label that may be written without a colon (not 牵头 or 配合 alone)."""


def _alt(items: list[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


def _hint(pattern: str) -> re.Pattern[str]:
    """A pattern that finds one of the strings every match of ``pattern`` holds.

    A plain alternation of strings, which the standard ``re`` module searches fastest.
    """
    strings = required_strings(pattern)
    if strings is None:
        return patterncache.compile_re("")
    return patterncache.compile_re(
        "|".join(re.escape(w) for w in sorted(strings, key=lambda w: (-len(w), w)))
    )


@dataclass(frozen=True)
class Compiled:
    """The rule data of ``responsibility.yaml``, compiled once."""

    rules: ResponsibilityRules
    label: regex.Pattern[str]
    """A unit label with its colon (or in 【…】 or […]); group ``label``."""
    label_firsts: frozenset[str] | None
    """The characters a match of ``label`` or ``bare_label`` can start with (None: any, for an
    empty label or one that is not plain text)."""
    other_label: regex.Pattern[str]
    label_roles: dict[str, BlockRole]
    role_word: regex.Pattern[str]
    """Role words, each in a named group ``r<i>``; followed by an end character or the end."""
    role_word_roles: list[BlockRole]
    role_word_firsts: re.Pattern[str] | None
    """The characters a match of ``role_word`` starts with, as a class (None: not known)."""
    role_word_gate: re.Pattern[str] | None
    """Matches wherever ``role_word`` matches, faster (None: no such pattern)."""
    role_hint: re.Pattern[str]
    """Finds a string that every match of ``role_word`` holds (text without one holds no
    role word); matches anywhere when the role words do not tell."""
    role_word_whole: regex.Pattern[str]
    """A role word alone (the whole of a bracket after a unit)."""
    role_object: regex.Pattern[str]
    """A short object after the last role word of a block (``负责线上线下推广``)."""
    role_tail: regex.Pattern[str]
    """A verb phrase of the role tails, whole (an adverb, a modifier, then a verb)."""
    role_residue: regex.Pattern[str]
    """Modifiers of the role tails, whole (an adverb, then one or two modifiers)."""
    role_tail_end: re.Pattern[str]
    """A tail verb before a role word's end character or the end of the text."""
    convention: regex.Pattern[str]
    noise: regex.Pattern[str]
    strip_prefix: regex.Pattern[str]
    strip_suffix: regex.Pattern[str]
    fixed: regex.Pattern[str]
    fixed_hint: re.Pattern[str]
    convention_hint: re.Pattern[str]
    noise_hint: re.Pattern[str]
    strip_prefix_hint: re.Pattern[str]
    strip_suffix_hint: re.Pattern[str]
    """Like ``role_hint``, for ``fixed``, ``convention``, ``noise``, ``strip_prefix`` and
    ``strip_suffix``: text without a match of one holds no match (none but an empty one) of
    the other."""
    short_city: regex.Pattern[str]
    """A place name that ends like a place ending but lacks its 市 (``赣州``)."""
    autonomy_names: regex.Pattern[str]
    """The names of the peoples written before an autonomous level (``彝族``), at the end."""
    joint: regex.Pattern[str]
    bare_label: regex.Pattern[str]
    """A unit label with no colon (``牵头单位 市发改委``: white space in the original instead)."""
    assignment: regex.Pattern[str]
    """A sentence that assigns units to the later tasks (``以下各项均由…落实，不再列出``)."""
    assignment_group: regex.Pattern[str]
    """One more role group of an assignment sentence (``，省财政厅、省供销社配合``)."""
    assignment_tail: regex.Pattern[str]
    """The words that close an assignment sentence (``，以下不再逐项列出``)."""
    unit_note: regex.Pattern[str]
    """A bracket's content that assigns more units to the block (``以下均需各镇落实``)."""
    task_subject: regex.Pattern[str]
    """The task written as the subject before ``由`` (``评估验收工作``由…)."""
    subject_by: regex.Pattern[str]
    """A ``由`` inside a unit of a sentence: the sentence's subject stands before it."""
    dash: regex.Pattern[str]
    """A dash that opens a list of units after a full stop (``。——市教育局``)."""
    duty_heading: regex.Pattern[str]
    """A line that opens with a number, then units and a colon before a duty word; group
    ``units`` (``(一)市教育局:负责…``)."""
    unit_hint: re.Pattern[str]
    """Any unit or place ending or shared head word: text without one names no unit (words
    alone, which ``re`` searches faster than ``regex``)."""
    label_start: regex.Pattern[str]
    bare_label_start: regex.Pattern[str]
    """A label with no colon at the start of a line (white space must follow it)."""
    """A label at the start of a line-form block (after a line start or a full stop)."""
    label_words: re.Pattern[str] | None
    """The label texts alone, when they are plain text (None otherwise): a match of ``label``
    holds one, at most two characters after its start."""
    duty_opener: re.Pattern[str] | None
    """The words that open a duty after a unit's name (None: the rule data lists none)."""
    label_start_at: re.Pattern[str] | None
    """Finds a line break or a ``。``/``;`` followed by a character that a match of
    ``label_start`` or ``bare_label_start`` can open with, right before where the match would
    start (None: the labels are not plain text, so the characters are not known)."""


_LINE_BULLETS = "●■◆◇□•·▲△☆★>*-"
"""Bullets before a label at the start of a line."""
_STOP_BULLETS = "●■◆◇□•·▲△☆★"
"""Bullets before a label after a full stop."""
_REGEX_SYNTAX = frozenset(".^$*+?{}[]\\|()")


def _plain(texts: list[str]) -> bool:
    """Whether texts written into a pattern match themselves alone (no regex syntax)."""
    return all(texts) and not any(_REGEX_SYNTAX & set(x) for x in texts)


def _words(texts: list[str]) -> re.Pattern[str] | None:
    """A pattern that finds any of the plain ``texts`` (None: they are not plain)."""
    if not texts or not _plain(texts):
        return None
    return patterncache.compile_re(
        "|".join(re.escape(x) for x in sorted(texts, key=len, reverse=True))
    )


def _label_start_at(labels: list[str]) -> re.Pattern[str] | None:
    """The pattern of ``Compiled.label_start_at`` for these label texts."""
    if not _plain(labels):
        return None
    firsts = " \t" + _LINE_BULLETS + "【[*" + "".join(x[0] for x in labels)
    chars = "".join(re.escape(c) for c in sorted(set(firsts)))
    return patterncache.compile_re(f"[\n。;](?=[{chars}])")


@cache
def compiled() -> Compiled:
    """Compile ``responsibility.yaml``."""
    r = ruledata.load("responsibility.yaml", ResponsibilityRules)
    labels = _alt([x.text for x in r.labels])
    note = rf"(?:\((?:{_alt(r.label_notes)})\))?" if r.label_notes else ""
    # 为 stands for the colon after a label (责任单位为…); after a short one, a word of prose
    # too (以协同为核心), only when no Han character stands before it (牵头为市发改委)
    long_labels = _alt([x.text for x in r.labels if len(x.text) >= _MIN_BARE_LABEL] or ["(?!)"])
    short_labels = _alt([x.text for x in r.labels if len(x.text) < _MIN_BARE_LABEL] or ["(?!)"])
    said = rf"(?<=(?:{long_labels}|(?<!\p{{Han}})(?:{short_labels})){note}\*{{0,2}}[ \t]{{0,2}})为"
    # a dash written for the colon (牵头单位——区应急管理局), before the unit it opens
    colon = rf"(?:[:∶]|[—－]{{1,2}}(?=\p{{Han}})|{said}(?=\p{{Han}}))"
    label = patterncache.compile(
        rf"(?:【(?P<label>{labels})】|\[(?P<label>{labels})\]"
        rf"|\*{{0,2}}(?P<label>{labels}){note}\*{{0,2}}[ \t]{{0,2}}{colon}\*{{0,2}})"
    )
    other = patterncache.compile(
        rf"(?:(?P<label>{_alt(r.other_labels)})|(?<=^|[,;、。\x00])(?P<label>{r.other_label}))"
        r"[ \t]{0,2}[:∶]"
    )
    assignment = patterncache.compile("|".join(f"(?:{p})" for p in r.assignment_sentences))
    groups = "|".join(f"(?P<r{i}>{w.pattern})" for i, w in enumerate(r.role_words))
    end = regex.escape(r.role_word_end)
    adverbs = f"(?:{_alt(r.role_adverbs)})?" if r.role_adverbs else ""
    role_word = patterncache.compile(rf"{adverbs}(?:{groups})(?=[{end}\x00]|$)")
    convention = patterncache.compile("|".join(f"(?:{c})" for c in r.conventions))
    noise = patterncache.compile("|".join(f"(?:{c})" for c in r.noise_clauses))
    # the task written as the subject before 由 (评估验收工作由…) is cut off the first unit too
    prefixes = [*r.strip_prefixes, f"(?:{r.task_subject})(?:交由|由)"]
    strip_prefix = patterncache.compile("(?:" + "|".join(f"(?:{p})" for p in prefixes) + ")")
    strip_suffix = patterncache.compile(
        "(?:" + "|".join(f"(?:{p})" for p in r.strip_suffixes) + ")$"
    )
    fixed = patterncache.compile("|".join(f"(?:{p})" for p in r.fixed_expressions))
    joint = patterncache.compile(_alt(r.joint_words))
    bare = _alt([x.text for x in r.labels if len(x.text) >= _MIN_BARE_LABEL])
    bare_label_start = patterncache.compile(
        rf"(?<=^|\n)[ \t]{{0,8}}(?:[{_LINE_BULLETS}]{{1,2}}[ \t]{{0,2}})?(?>{bare})(?![:∶*】])"
    )
    label_start = patterncache.compile(
        rf"(?:(?<=^|\n)[ \t]{{0,8}}(?:[{_LINE_BULLETS}]{{1,2}}[ \t]{{0,2}})?"
        rf"|(?<=[。;])(?:[{_STOP_BULLETS}]{{1,2}}[ \t]{{0,2}})?)"
        rf"(?:【(?:{labels})】|\[(?:{labels})\]|\*{{0,2}}(?:{labels}){note}\*{{0,2}}\s{{0,3}}{colon})"
    )
    dashes = _alt([regex.escape(d) for d in r.dash_leads]) if r.dash_leads else "(?!)"
    duties = _alt(r.duty_words) if r.duty_words else "(?!)"
    duty_heading = patterncache.compile(
        rf"(?<=^|\n)[ \t\u3000]{{0,8}}{r.duty_heading_number}[ \t\u3000]{{0,2}}"
        rf"(?P<units>[^:。;!?\n]{{2,60}}?)[ \t]{{0,2}}:(?=[ \t]{{0,2}}(?:{duties}))"
    )
    tails = r.role_tails
    mods = f"(?:{_alt(tails.modifiers)})" if tails.modifiers else "(?!)"
    verbs = f"(?:{_alt(tails.verbs)})" if tails.verbs else "(?!)"
    return Compiled(
        rules=r,
        role_tail=patterncache.compile(rf"{adverbs}{mods}?{verbs}"),
        role_residue=patterncache.compile(rf"{adverbs}{mods}{mods}?"),
        role_tail_end=patterncache.compile_re(
            rf"{verbs}(?=[{re.escape(r.role_word_end)}\x00]|$)" if tails.verbs else "(?!)"
        ),
        dash=patterncache.compile(
            rf"(?<=[。;!?][ \t\u3000]{{0,4}}\n?[ \t\u3000]{{0,8}})(?:{dashes})"
            rf"[ \t\u3000]{{0,2}}(?=\p{{Han}})"
        ),
        duty_heading=duty_heading,
        label=label,
        label_firsts=(
            frozenset("【[*" + "".join(x.text[0] for x in r.labels))
            if _plain([x.text for x in r.labels])
            else None
        ),
        other_label=other,
        label_roles={x.text: x.role for x in r.labels},
        role_word=role_word,
        role_word_roles=[w.role for w in r.role_words],
        role_word_firsts=first_char_class(role_word.pattern),
        role_word_gate=loose_gate(role_word.pattern),
        role_hint=_hint(role_word.pattern),
        role_word_whole=patterncache.compile(rf"(?:{groups})"),
        role_object=patterncache.compile(r.role_objects),
        convention=convention,
        noise=noise,
        strip_prefix=strip_prefix,
        strip_suffix=strip_suffix,
        short_city=patterncache.compile(r.short_city_names),
        autonomy_names=patterncache.compile(
            rf"(?:(?:{_alt(r.autonomy_peoples)})族){{1,3}}$" if r.autonomy_peoples else "(?!)"
        ),
        fixed=fixed,
        fixed_hint=_hint(fixed.pattern),
        convention_hint=_hint(convention.pattern),
        noise_hint=_hint(noise.pattern),
        strip_prefix_hint=_hint(strip_prefix.pattern),
        strip_suffix_hint=_hint(strip_suffix.pattern),
        joint=joint,
        assignment=assignment,
        assignment_group=patterncache.compile(r.assignment_groups),
        assignment_tail=patterncache.compile(r.assignment_tail),
        unit_note=patterncache.compile(r.unit_notes),
        task_subject=patterncache.compile(r.task_subject),
        subject_by=patterncache.compile(r.subject_by),
        bare_label=patterncache.compile(rf"(?>{bare})(?![:∶*】])"),
        unit_hint=patterncache.compile_re(
            _alt(
                [re.escape(w) for w in r.unit_endings + r.place_endings]
                + [re.escape(w) for w in r.shared_heads + r.member_heads + r.category_heads]
            )
        ),
        label_start=label_start,
        bare_label_start=bare_label_start,
        label_words=_words([x.text for x in r.labels]),
        label_start_at=_label_start_at([x.text for x in r.labels]),
        duty_opener=_words(r.duty_openers),
    )


@dataclass(frozen=True)
class CompiledAgencies:
    """The rule data of ``agencies.yaml``, compiled once."""

    rules: AgencyRules
    variants: dict[str, str]
    """Every written variant (canonical forms included) → its canonical form."""
    variant_lengths: tuple[int, ...]
    """Distinct variant lengths, longest first."""
    kind_patterns: list[tuple[regex.Pattern[str], Kind]]
    kind_endings: list[tuple[str, Kind]]
    level_patterns: list[tuple[regex.Pattern[str], Level | None]]
    level_endings: list[tuple[str, Level]]


@cache
def agencies() -> CompiledAgencies:
    """Compile ``agencies.yaml``."""
    a = ruledata.load("agencies.yaml", AgencyRules)
    variants: dict[str, str] = {}
    for canon, written in a.aliases.items():
        variants.setdefault(canon, canon)
        for w in written:
            variants[w] = canon
    provinces = _alt(a.provinces)
    kind_endings = sorted(
        ((e, k) for k, es in a.kinds.endings.items() for e in es), key=lambda x: -len(x[0])
    )
    level_endings = sorted(
        ((e, lv) for lv, es in a.levels.endings.items() for e in es), key=lambda x: -len(x[0])
    )
    return CompiledAgencies(
        rules=a,
        variants=variants,
        variant_lengths=tuple(sorted({len(v) for v in variants}, reverse=True)),
        kind_patterns=[(patterncache.compile(p.pattern), p.kind) for p in a.kinds.patterns],
        kind_endings=kind_endings,
        level_patterns=[
            (patterncache.compile(p.pattern.replace("PROVINCE", provinces)), p.level)
            for p in a.levels.patterns
        ],
        level_endings=level_endings,
    )
