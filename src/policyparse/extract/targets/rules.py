"""The targets stage's cue words (``data/targets.yaml``) and the patterns built from them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex
from pydantic import Field

from ... import patterncache, ruledata
from ...patternhints import EndWords, Gated, gated
from ...patternhints import alternation as _alt
from ...ruledata import RuleModel


class TargetRules(RuleModel):
    """Schema of ``data/targets.yaml``."""

    commitment_words: list[str]
    level_verbs: list[str]
    near_level_verbs: list[str]
    not_verbs: list[str]
    change_verbs: list[str]
    action_verbs: list[str]
    indicator_verbs: list[str]
    support_words: list[str]
    support_after_words: list[str]
    finance_words: list[str]
    finance_measures: list[str]
    procedure_patterns: list[str]
    standing_limit_patterns: list[str]
    entry_patterns: list[str]
    past_markers: list[str]
    past_patterns: list[str]
    past_headings: str
    not_past_le: list[str]
    count_units: list[str]
    ignored_units: list[str]
    unit_word_breakers: list[str]
    duration_units: list[str]
    measure_heads: list[str]
    subject_heads: list[str]
    region_prefix: str
    lead_words: list[str]
    tail_words: list[str]
    object_strip: list[str]
    limit_verbs: list[str]
    topic_pattern: str
    value_tail_words: list[str]
    attributive_time: str
    scope_before: str
    weak_past_markers: list[str]
    change_measure: str
    campaign_words: list[str]
    length_measures: list[str]
    item_scope_prefixes: list[str]
    adverbial_leads: list[str]
    setup_verbs: list[str]
    predicate_verbs: list[str]
    goal_nouns: list[str]
    table_base_heads: list[str]
    weak_past_goal_cues: list[str]
    limit_reform_verbs: list[str]
    numberless_threshold: str
    value_lead_words: list[str]
    indicator_tail_patterns: list[str]
    list_sum_word: str
    whole_year_verbs: list[str]
    joiner_words: list[str]
    loan_volume_pattern: str
    loan_rate_words: list[str]
    benefit_cap_pattern: str
    age_qualifier_pattern: str
    relative_total_pattern: str
    unitless_measure_pattern: str
    early_pattern: str = ""
    setup_size_pattern: str = ""
    duty_pattern: str = ""
    closing_headings: str = ""
    lead_in_sentence: str = ""
    issued_title_pattern: str = ""
    prohibition_pattern: str = ""
    prohibition_zone_pattern: str = ""
    partner_verbs: list[str] = Field(default_factory=list)
    place_list_pattern: str = ""
    pricing_rule_pattern: str = ""
    scope_after: str = ""
    word_final_chars: str = ""
    item_final_chars: str = ""
    kept_lead_pattern: str = ""
    one_each_pattern: str = ""
    funding_rate_pattern: str = ""
    body_size_pattern: str = ""
    event_limit_pattern: str = ""
    standard_headings: str = ""
    standard_head_pattern: str = ""
    standard_tail_pattern: str = ""
    design_measure_pattern: str = ""
    per_unit_support_pattern: str = ""
    opening_condition_pattern: str = ""
    condition_limit_pattern: str = ""
    procedure_limit_pattern: str = ""
    caption_pattern: str = ""
    subjectless_share_verbs: list[str] = Field(default_factory=list)
    subject_state_pattern: str = ""
    recurring_limit_pattern: str = ""
    limit_lead_pattern: str = ""
    limit_event_object: str = ""
    limit_helper_pattern: str = ""
    limit_sibling_pattern: str = ""
    limit_scope_pattern: str = ""
    limit_verb_drop: list[str] = Field(default_factory=list)
    mechanism_size_pattern: str = ""
    size_class_words: list[str] = Field(default_factory=list)
    totality_words: list[str] = Field(default_factory=list)
    scope_kept_verbs: list[str] = Field(default_factory=list)
    part_period_pattern: str = ""
    size_class_units: list[str] = Field(default_factory=list)
    rate_subjects: list[str]
    pair_words: dict[str, list[str]] = Field(default_factory=dict)


@dataclass(frozen=True)
class Cues:
    """Compiled cue patterns."""

    raw: TargetRules
    setup_verb: regex.Pattern[str]
    predicate: regex.Pattern[str]
    goal_noun: regex.Pattern[str]
    commitment: regex.Pattern[str]
    level: regex.Pattern[str]
    near_level: EndWords
    not_verbs: tuple[str, ...]
    change: EndWords
    action: regex.Pattern[str]
    action_end: EndWords
    indicator_verbs: frozenset[str]
    support: regex.Pattern[str]
    support_after: regex.Pattern[str]
    # searched in every candidate clause, and rarely found: behind a test for their strings
    finance: Gated
    procedure: Gated
    standing_limit: regex.Pattern[str] | None
    entry: Gated
    past: Gated
    past_heading: regex.Pattern[str]
    past_le: regex.Pattern[str]
    count_units: frozenset[str]
    ignored_units: frozenset[str]
    unit_word_breakers: tuple[str, ...]
    duration_units: frozenset[str]
    lead_at: regex.Pattern[str]
    measure_head: regex.Pattern[str]
    subject_head: regex.Pattern[str]
    region: regex.Pattern[str]
    lead: regex.Pattern[str]
    tail: EndWords
    object_strip: tuple[regex.Pattern[str], ...]
    limit_verb: regex.Pattern[str]
    topic: regex.Pattern[str]
    value_tail: tuple[str, ...] = ()
    attributive_time: regex.Pattern[str] | None = None
    scope_before: regex.Pattern[str] | None = None
    weak_past: regex.Pattern[str] | None = None
    campaign: regex.Pattern[str] | None = None
    length_measure: regex.Pattern[str] | None = None
    item_scope: regex.Pattern[str] | None = None
    adverbial: regex.Pattern[str] | None = None
    table_base_head: regex.Pattern[str] | None = None
    weak_past_goal: regex.Pattern[str] | None = None
    limit_reform: regex.Pattern[str] | None = None
    numberless: regex.Pattern[str] | None = None
    value_lead: frozenset[str] = frozenset()
    indicator_tail: tuple[Gated, ...] = ()
    list_sum: regex.Pattern[str] | None = None
    whole_year: regex.Pattern[str] | None = None
    joiner_words: tuple[str, ...] = ()
    loan_volume: regex.Pattern[str] | None = None
    loan_rate: regex.Pattern[str] | None = None
    benefit_cap: regex.Pattern[str] | None = None
    age_qualifier: regex.Pattern[str] | None = None
    relative_total: regex.Pattern[str] | None = None
    unitless_measure: regex.Pattern[str] | None = None
    early: regex.Pattern[str] | None = None
    closing_heading: regex.Pattern[str] | None = None
    lead_in_sentence: regex.Pattern[str] | None = None
    issued_title: regex.Pattern[str] | None = None
    prohibition: regex.Pattern[str] | None = None
    partner_list: regex.Pattern[str] | None = None
    place_list: regex.Pattern[str] | None = None
    """Places alone, one or a list (``惠城区、惠阳区、大亚湾开发区``), matched whole."""
    """Partners listed before a verb of building together (``南京农业大学、…等高校院所`` before
    ``共建研发平台``), up to the verb."""
    prohibition_zone: regex.Pattern[str] | None = None
    """A ban on what is done within a distance (``严禁在长江干支流岸线1公里范围内新建…``),
    matched in the clause up to the value's end."""
    pricing_rule: regex.Pattern[str] | None = None
    kept_lead: regex.Pattern[str] | None = None
    one_each: regex.Pattern[str] | None = None
    scope_after: regex.Pattern[str] | None = None
    setup_size: regex.Pattern[str] | None = None
    duty: regex.Pattern[str] | None = None
    funding_rate: regex.Pattern[str] | None = None
    body_size: regex.Pattern[str] | None = None
    standard_heading: regex.Pattern[str] | None = None
    standard_head: regex.Pattern[str] | None = None
    standard_tail: regex.Pattern[str] | None = None
    design_measure: regex.Pattern[str] | None = None
    per_unit_support: regex.Pattern[str] | None = None
    opening_condition: regex.Pattern[str] | None = None
    condition_limit: regex.Pattern[str] | None = None
    procedure_limit: regex.Pattern[str] | None = None
    caption: regex.Pattern[str] | None = None
    subjectless_share: tuple[str, ...] = ()
    subject_state: regex.Pattern[str] | None = None
    recurring_limit: regex.Pattern[str] | None = None
    limit_lead: regex.Pattern[str] | None = None
    limit_event_object: regex.Pattern[str] | None = None
    limit_helper: regex.Pattern[str] | None = None
    limit_sibling: regex.Pattern[str] | None = None
    limit_scope: regex.Pattern[str] | None = None
    limit_verb_drop: tuple[str, ...] = ()
    mechanism_size: regex.Pattern[str] | None = None
    size_class: tuple[str, ...] = ()
    totality: frozenset[str] = frozenset()
    scope_kept_verbs: frozenset[str] = frozenset()
    part_period: regex.Pattern[str] | None = None
    size_class_units: frozenset[str] = frozenset()
    event_limit: regex.Pattern[str] | None = None
    topic_probe: regex.Pattern[str] | None = None
    """``topic`` to search a whole stretch with (see :func:`_probe`), or None."""


WHOLE_YEAR = ("全年", "当年")
"""The words ``whole_year`` opens with."""

_LOOKS_OUTSIDE = ("(?<", "(?=", "(?!", "(?r", "$", "^", *(f"\\{c}" for c in "bBAZGmM"))


def _probe(pattern: str) -> regex.Pattern[str] | None:
    """``pattern`` without its leading ``^``: whatever it matches at the start of a piece of a
    stretch, the probe finds in the stretch. Only for a pattern that looks at nothing outside
    the characters it matches (no lookaround, anchor or word boundary; else None)."""
    body = pattern.removeprefix("^")
    if any(x in body for x in _LOOKS_OUTSIDE):
        return None
    return patterncache.compile(body)


def _maybe(pattern: str) -> regex.Pattern[str] | None:
    """``pattern`` compiled, or None for an empty one."""
    return patterncache.compile(pattern) if pattern else None


@cache
def cues() -> Cues:
    """The cue patterns, built once per process."""
    r = ruledata.load("targets.yaml", TargetRules)
    return Cues(
        raw=r,
        commitment=patterncache.compile(_alt(r.commitment_words)),
        level=patterncache.compile(_alt(r.level_verbs)),
        not_verbs=tuple(r.not_verbs),
        near_level=EndWords(r.near_level_verbs),
        change=EndWords(r.change_verbs),
        # 开发区 is no 开发: a not_verbs word is never read as an action verb either
        action=patterncache.compile(rf"(?!{_alt(r.not_verbs)})(?:{_alt(r.action_verbs)})"),
        action_end=EndWords(r.action_verbs),
        indicator_verbs=frozenset(r.indicator_verbs),
        # 补贴性职业技能培训: a word of support made an adjective names a kind of thing
        support=patterncache.compile(rf"(?:{_alt(r.support_words)})(?!性)"),
        support_after=patterncache.compile(rf"(?:{_alt(r.support_after_words)})"),
        # 贷款余额年均增长15%: a finance word inside a measure to reach is no parameter
        finance=gated(
            rf"(?!{_alt(r.finance_measures)})(?:{_alt(r.finance_words)})"
            if r.finance_measures
            else _alt(r.finance_words)
        ),
        procedure=gated("|".join(f"(?:{p})" for p in r.procedure_patterns)),
        standing_limit=patterncache.compile("|".join(f"(?:{p})" for p in r.standing_limit_patterns))
        if r.standing_limit_patterns
        else None,
        entry=gated("|".join(f"(?:{p})" for p in r.entry_patterns)),
        past=gated("|".join([_alt(r.past_markers), *r.past_patterns])),
        past_heading=patterncache.compile(r.past_headings),
        past_le=patterncache.compile(r"(?<=\p{Han})了"),
        count_units=frozenset(r.count_units),
        ignored_units=frozenset(r.ignored_units),
        unit_word_breakers=tuple(r.unit_word_breakers),
        duration_units=frozenset(r.duration_units),
        lead_at=patterncache.compile(rf"(?:{_alt(r.lead_words)})+"),
        # 规模以上工业企业: 规模 before 以上/以下 is a size class, 规模化 an adjective
        measure_head=patterncache.compile(
            # 规模养殖场…配套率: 规模 of a kind of farm is no measure
            rf"^(?:{_alt(r.measure_heads)})(?!以上|以下|化|养殖|种植|经营|流转)"
        ),
        subject_head=patterncache.compile(_alt(r.subject_heads)),
        region=patterncache.compile(rf"^{r.region_prefix}"),
        lead=patterncache.compile(
            rf"^(?:(?!{r.kept_lead_pattern})(?:{_alt(r.lead_words)}))+"
            if r.kept_lead_pattern
            else rf"^(?:{_alt(r.lead_words)})+"
        ),
        tail=EndWords(r.tail_words, repeat=True),
        object_strip=tuple(patterncache.compile(p) for p in r.object_strip),
        limit_verb=patterncache.compile(_alt(r.limit_verbs)),
        topic=patterncache.compile(r.topic_pattern),
        topic_probe=_probe(r.topic_pattern),
        value_tail=tuple(r.value_tail_words),
        attributive_time=_maybe(r.attributive_time),
        scope_before=_maybe(r.scope_before),
        weak_past=patterncache.compile(_alt(r.weak_past_markers)) if r.weak_past_markers else None,
        campaign=patterncache.compile(_alt(r.campaign_words)) if r.campaign_words else None,
        length_measure=patterncache.compile(_alt(r.length_measures)) if r.length_measures else None,
        item_scope=patterncache.compile(rf"^(?:{_alt(r.item_scope_prefixes)})")
        if r.item_scope_prefixes
        else None,
        # 在…主产区建设…: the place or topic before the verb, up to the verb (kept)
        adverbial=patterncache.compile(
            rf"^(?:{_alt(r.adverbial_leads)})[^，,；;。]{{1,30}}?(?=(?:{_alt(r.action_verbs)}))"
        )
        if r.adverbial_leads
        else None,
        setup_verb=patterncache.compile(_alt(r.setup_verbs)),
        predicate=patterncache.compile(_alt(r.predicate_verbs)),
        goal_noun=patterncache.compile(_alt(r.goal_nouns)),
        table_base_head=patterncache.compile(_alt(r.table_base_heads))
        if r.table_base_heads
        else None,
        weak_past_goal=patterncache.compile(_alt(r.weak_past_goal_cues))
        if r.weak_past_goal_cues
        else None,
        limit_reform=patterncache.compile(_alt(r.limit_reform_verbs))
        if r.limit_reform_verbs
        else None,
        numberless=_maybe(r.numberless_threshold),
        value_lead=frozenset(r.value_lead_words),
        indicator_tail=tuple(gated(p) for p in r.indicator_tail_patterns),
        list_sum=_maybe(r.list_sum_word),
        joiner_words=tuple(r.joiner_words),
        # 全年新增普惠小微贷款500亿元: a volume of loans to reach, not a loan parameter
        loan_volume=_maybe(r.loan_volume_pattern),
        loan_rate=patterncache.compile(_alt(r.loan_rate_words)) if r.loan_rate_words else None,
        benefit_cap=_maybe(r.benefit_cap_pattern),
        age_qualifier=patterncache.compile(r.age_qualifier_pattern)
        if r.age_qualifier_pattern
        else None,
        relative_total=patterncache.compile(r.relative_total_pattern)
        if r.relative_total_pattern
        else None,
        unitless_measure=patterncache.compile(r.unitless_measure_pattern)
        if r.unitless_measure_pattern
        else None,
        early=_maybe(r.early_pattern),
        closing_heading=_maybe(r.closing_headings),
        lead_in_sentence=_maybe(r.lead_in_sentence),
        issued_title=_maybe(r.issued_title_pattern),
        prohibition=_maybe(r.prohibition_pattern),
        prohibition_zone=_maybe(r.prohibition_zone_pattern),
        place_list=_maybe(r.place_list_pattern),
        partner_list=patterncache.compile(
            r"^(?:\p{Han}{1,20}、){1,12}\p{Han}{1,20}?等\p{Han}{0,8}?"
            rf"(?=(?<!公)(?:{_alt(r.partner_verbs)}))"
        )
        if r.partner_verbs
        else None,
        pricing_rule=patterncache.compile(r.pricing_rule_pattern)
        if r.pricing_rule_pattern
        else None,
        kept_lead=_maybe(r.kept_lead_pattern),
        one_each=_maybe(r.one_each_pattern),
        scope_after=_maybe(r.scope_after),
        setup_size=_maybe(r.setup_size_pattern),
        duty=_maybe(r.duty_pattern),
        funding_rate=_maybe(r.funding_rate_pattern),
        body_size=_maybe(r.body_size_pattern),
        event_limit=_maybe(r.event_limit_pattern),
        standard_heading=_maybe(r.standard_headings),
        standard_head=_maybe(r.standard_head_pattern),
        standard_tail=_maybe(r.standard_tail_pattern),
        design_measure=_maybe(r.design_measure_pattern),
        per_unit_support=_maybe(r.per_unit_support_pattern),
        opening_condition=_maybe(r.opening_condition_pattern),
        condition_limit=_maybe(r.condition_limit_pattern),
        procedure_limit=_maybe(r.procedure_limit_pattern),
        caption=_maybe(r.caption_pattern),
        subjectless_share=tuple(r.subjectless_share_verbs),
        subject_state=_maybe(r.subject_state_pattern),
        recurring_limit=_maybe(r.recurring_limit_pattern),
        limit_lead=_maybe(r.limit_lead_pattern),
        limit_event_object=_maybe(r.limit_event_object),
        limit_helper=_maybe(r.limit_helper_pattern),
        limit_sibling=_maybe(r.limit_sibling_pattern),
        limit_scope=_maybe(r.limit_scope_pattern),
        limit_verb_drop=tuple(r.limit_verb_drop),
        mechanism_size=_maybe(r.mechanism_size_pattern),
        size_class=tuple(r.size_class_words),
        totality=frozenset(r.totality_words),
        scope_kept_verbs=frozenset(r.scope_kept_verbs),
        part_period=_maybe(r.part_period_pattern),
        size_class_units=frozenset(r.size_class_units),
        # 全年新增城镇就业5万人: the year's total is what is measured, not a time before it
        whole_year=patterncache.compile(
            rf"(?:{_alt(list(WHOLE_YEAR))})(?=(?:{_alt(r.whole_year_verbs)}))"
        )
        if r.whole_year_verbs
        else None,
    )


@dataclass(frozen=True)
class BoundCues:
    """Patterns of bound words (``data/bounds.yaml``) the indicator reader strips or tests."""

    normative: regex.Pattern[str]
    """A value that opens with the bound of a norm (``不低于``, ``控制在``; also ``保持在``)."""
    post: regex.Pattern[str]
    """A suffix bound word at the start of the text after a value (``以上``, ``左右``)."""
    share: regex.Pattern[str]
    """A bound of a share written between two words (``…规模不低于…规模的10%``)."""
    reach: regex.Pattern[str]
    """A ``reach`` word a short verb before the value, at the end of the text before it."""
    each: regex.Pattern[str]
    """A ``reach`` word, ``均`` or ``都`` closing a distributive scope (``每个乡镇至少``)."""
    over_tail: regex.Pattern[str]
    """A lower bound closing the frame before a threshold (``培育营业收入超``)."""
    lead: regex.Pattern[str]
    """A bound word or ``达到`` opening a threshold (``过100亿元``)."""
    place_tail: regex.Pattern[str]
    """A bound word of two characters or more, ``达到`` or ``为``, closing a place written
    before its value (``长春市不低于``)."""
    place_only: regex.Pattern[str]
    """A place alone before its value, with such a word after it."""


_LOWER = ("ge", "gt")
_LIMITS = ("ge", "le")


@cache
def bound_cues() -> BoundCues:
    """The bound-word patterns, built once per process from ``data/bounds.yaml``."""
    from ..quantities.rules import BoundRules

    b = ruledata.load("bounds.yaml", BoundRules)
    han = patterncache.compile(r"\p{Han}+")
    prefix = [w for w in b.prefix if han.fullmatch(w.word)]
    infix = {w.word for w in b.infix}

    def suffix(w: str, not_before: tuple[str, ...]) -> str:
        return regex.escape(w) + (f"(?!{_alt(list(not_before))})" if not_before else "")

    posts = sorted(
        ((w.word, w.not_before) for w in b.suffix if w.word not in infix),
        key=lambda x: (-len(x[0]), x[0]),
    )
    place = _alt(
        [w.word for w in prefix if w.bound != "approx" and len(w.word) >= 2] + ["达到", "为"]
    )
    reach = _alt(b.reach)
    share = _alt([w.word for w in prefix if w.bound in _LIMITS and w.word in b.share_reach])
    return BoundCues(
        normative=patterncache.compile(
            _alt([w.word for w in prefix if w.bound in _LIMITS] + ["保持在"])
        ),
        post=patterncache.compile("^(?:" + "|".join(suffix(w, nb) for w, nb in posts) + ")"),
        share=patterncache.compile(rf"(?<=\p{{Han}}{{2}})(?:{share})(?=\p{{Han}}{{2}})"),
        reach=patterncache.compile(rf"(?:{reach})(?=\p{{Han}}{{1,{b.reach_max}}}$)"),
        each=patterncache.compile(rf"(?:{reach}|均|都)$"),
        over_tail=patterncache.compile(
            rf"(?:{_alt([w.word for w in prefix if w.bound in _LOWER])})$"
        ),
        lead=patterncache.compile(rf"^(?:{_alt([w.word for w in prefix] + ['达到'])})"),
        place_tail=patterncache.compile(rf"(?:{place})$"),
        place_only=patterncache.compile(rf"[^，,；;。：:\d]{{1,10}}?(?:{place})?"),
    )


def is_not_past_le(text: str, i: int) -> bool:
    """Whether the ``了`` at ``text[i]`` belongs to a word that does not mark the past."""
    pair_before = text[max(0, i - 1) : i + 1]
    pair_after = text[i : i + 2]
    words = set(cues().raw.not_past_le)
    return pair_before in words or pair_after in words
