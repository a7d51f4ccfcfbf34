"""Rule data of the quantities stage: schemas of its YAML files and the patterns built from them."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import regex
from pydantic import Field, field_validator

from ... import patterncache
from ...numerals import NUMBER_MAX_LEN, NUMBER_PATTERN
from ...records.base import Bound
from ...ruledata import RuleModel, load

# The standard library's pattern parser, used only to bound how far a pattern can reach; when
# a Python lacks it, every pattern is scanned whole.
_sre_parser: Any = patterncache.stdlib_module("re._parser", "sre_parse")
_sre_constants: Any = patterncache.stdlib_module("re._constants", "sre_constants")

Kind = Literal["money", "percent", "multiple", "duration", "count", "amount", "return_period"]


class UnitEntry(RuleModel):
    """One unit word."""

    unit: str
    kind: Kind
    yuan: float | None = None
    magnitude: bool = True
    after_measure_word: bool = False
    only_after_measure_word: bool = False
    needs_suffix: bool = False
    not_before: tuple[str, ...] = ()
    standalone: bool = False
    """Read only right after the number or its magnitude (no space) and when no Latin letter
    or digit follows (``8000P以上``; not ``3 P`` or ``3PB``): for one-letter units."""
    bounded_end: bool = False
    """Read only with a bound word before the number or after the unit, and only where its
    clause ends right after them (``压缩至三级以内。``, ``不超过3级，``): before a noun the
    number and unit name a grade (``二级以上医院``, ``三级甲等``), no quantity."""
    clause_end: bool = False
    """Read only where its clause ends right after the unit (or a bound word after it):
    ``累计达到70类。``; before a noun the number names a class (``一类新药``), no quantity."""


class CompoundUnits(RuleModel):
    """Compound units written with a dot between two unit words (``人·次``, ``吨·公里``)."""

    dots: list[str]
    """The dots that may join the two words (``·``, ``•``, ``・``)."""
    first: dict[str, Kind]
    """The words a compound unit may start with, each with the kind it gives the unit."""
    second: list[str]
    """The words a compound unit may end with."""


class UnitRules(RuleModel):
    """``data/units.yaml``."""

    magnitudes: dict[str, float]
    measure_word: str
    per: list[str]
    units: list[UnitEntry]
    unitless_indicators: list[str] = Field(default_factory=list)
    """Endings of an indicator-table row's indicator that measure without a unit (指数):
    such a row's numbers are quantities with no unit."""
    unitless_verbs: list[str] = Field(default_factory=list)
    """Goal verbs (提高到, 达到) after which a bare number is a quantity without a unit when
    the text right before the verb ends with one of ``unitless_indicators``."""
    unitless_names: str = ""
    """A regular expression of index names written in Latin capitals (``PUE``, ``(PUE)``):
    a bare number after one of ``unitless_verbs`` right after such a name is a quantity
    without a unit too (``新建大型数据中心PUE不高于1.2``); empty for none."""
    compound: CompoundUnits | None = None
    """Compound units written with a dot (``人·次``): read as one unit, as written."""
    alternatives_in_text: bool = True
    """Whether a count unit in brackets right after a count unit in running text is part of
    the unit (``3.5万套（间）以上`` → ``万套(间)``, ``ge``). A table's unit cell (``套（间）``)
    is always read whole."""


class BoundWord(RuleModel):
    """A bound word and where it does not apply."""

    word: str
    bound: Bound
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    kinds: tuple[Kind, ...] = ()
    not_kinds: tuple[Kind, ...] = ()


class BoundRules(RuleModel):
    """``data/bounds.yaml``."""

    prefix: list[BoundWord]
    suffix: list[BoundWord]
    infix: list[BoundWord]
    range_separators: list[str]
    bare_range_separators: list[str]
    change_from: list[str]
    """Words that make ``3家至5家`` a change (从3家到5家), not a range."""
    change_from_reach: int
    reach: list[str]
    """Prefix words that bound a number across a short verb (至少办好一所)."""
    reach_max: int
    """How many characters may stand between a ``reach`` word and the number."""
    object_reach_max: int = 0
    """How many characters may stand between a ``reach`` word and a count written after its
    noun that closes its clause (至少配备农业科技特派员10名)."""
    share_reach: list[str] = Field(default_factory=list)
    """Prefix words that bound a share of a base written before the number
    (不低于高等职业教育招生规模的10%)."""
    share_reach_max: int = 0
    """How many characters the base may have."""


class ExclusionPattern(RuleModel):
    """A pattern whose matches hold numbers that are not quantities."""

    kind: Literal["phone", "date", "year", "doc_number", "name", "marker"]
    pattern: str
    needles: tuple[str, ...] = ()
    """Words one of which every match holds: a text holding none of them is not scanned."""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        patterncache.compile(v)
        return v


class QuoteMarks(RuleModel):
    """A pair of quotation marks and the longest phrase read as a name inside them."""

    open: str
    close: str
    max_len: int


class SerialCount(RuleModel):
    """Where a number before a serial suffix counts (``培训20期``) rather than names one
    (``二期项目``)."""

    suffix: str
    """The serial suffix (``期``)."""
    before: str = ""
    """A regular expression that, matching the few characters right before the number (it
    should end with ``$``), makes the number a count: what is held so many times (``培训``)."""
    after: str = ""
    """A regular expression that, matching right after the suffix, makes the number a count
    (``20期培训班``)."""

    @field_validator("before", "after")
    @classmethod
    def _compiles(cls, v: str) -> str:
        if v:
            patterncache.compile(v)
        return v


class ExclusionRules(RuleModel):
    """``data/quantity_exclusions.yaml``."""

    patterns: list[ExclusionPattern]
    set_phrases: list[str]
    word_parts: dict[str, list[str]]
    ordinal_prefixes: list[str]
    serial_suffixes: list[str]
    serial_counts: list[SerialCount] = Field(default_factory=list)
    """Suffixes of ``serial_suffixes`` after which a number counts in some contexts."""
    name_joiners: list[str]
    name_quotes: list[QuoteMarks]
    article_numerals: list[str]
    """A lone numeral that, before a count word and with no bound word, is an article
    (建成一个…平台) rather than a count."""
    article_units: list[str]
    """The count words after which ``article_numerals`` read as articles."""
    article_heads: list[str]
    """Nouns of arrangements (制度, 机制): a lone numeral counting one of them is an article
    even after 每 (每个县建设一项…制度)."""


class QuantityWord(RuleModel):
    """A word that states a quantity without digits (一半, 倍增)."""

    word: str
    value: float
    unit: str
    kind: Kind
    bound: Bound = "eq"
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()


class FractionDenominator(RuleModel):
    """A denominator word of ``X分之Y`` with the unit it gives (百分之 → %)."""

    word: str
    unit: str
    scale: float


class Doubling(RuleModel):
    """翻N番: the verb, the noun and the unit of the result."""

    verb: str
    noun: str
    unit: str


class QuantityWords(RuleModel):
    """``data/quantity_words.yaml``."""

    words: list[QuantityWord]
    fraction_denominators: list[FractionDenominator]
    fraction_unit: str
    doubling: Doubling


def _longest_first(words: list[str]) -> list[str]:
    """The words once each, longest first, then in code-point order (the same every run)."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def _alternation(words: list[str]) -> str:
    return "|".join(map(regex.escape, _longest_first(words)))


def _literal_re(words: list[str]) -> re.Pattern[str]:
    """The words as one alternation, longest first (the ``_alternation`` order).

    Compiled with ``re``: on plain words it matches as ``regex`` does and scans a text for
    them about twice as fast.
    """
    return patterncache.compile_re("|".join(map(re.escape, _longest_first(words))))


SerialCounts = tuple[tuple[str, regex.Pattern[str] | None, regex.Pattern[str] | None], ...]
"""Per serial suffix: the suffix and the patterns before and after it that make a count."""


@dataclass(frozen=True)
class Rules:
    """Everything the stage needs, loaded and compiled once."""

    units: dict[str, UnitEntry]
    magnitudes: dict[str, float]
    measure_word: str
    prefix: dict[str, BoundWord]
    prefix_max: int
    suffix_re: re.Pattern[str]
    suffix: dict[str, BoundWord]
    infix: dict[str, BoundWord]
    separators: frozenset[str]
    bare_separators: frozenset[str]
    change_from: frozenset[str]
    change_from_reach: int
    number_re: regex.Pattern[str]
    unit_starts: frozenset[str]
    """Characters a unit (with magnitude, infix or measure word) can start with."""
    unit_re: re.Pattern[str]
    """The unit after a number; its groups, in order, are ``UNIT_GROUPS``."""
    plain_unit_re: re.Pattern[str]
    per_re: re.Pattern[str]
    alt_unit_re: re.Pattern[str]
    """A count unit in brackets (``（间）``, ``（次）``) right after a count unit: an alternative,
    part of the unit."""
    alternatives_in_text: bool
    """Whether ``alt_unit_re`` is read after a unit in running text (always in a table's
    unit cell)."""
    exclusion_res: tuple[tuple[str, regex.Pattern[str]], ...]
    exclusion_needles: tuple[tuple[str, ...], ...]
    """Per pattern of ``exclusion_res``: words one of which every match holds (empty: none
    known); a text holding none of them is not scanned with that pattern."""
    set_phrase_re: re.Pattern[str]
    word_parts: dict[str, frozenset[str]]
    ordinal_prefixes: tuple[str, ...]
    serial_suffixes: tuple[str, ...]
    name_joiners: frozenset[str]
    quotes: tuple[QuoteMarks, ...]
    article_numerals: frozenset[str]
    article_units: frozenset[str]
    article_heads: tuple[str, ...]
    reach: tuple[str, ...]
    reach_max: int
    share_reach: tuple[str, ...]
    share_reach_max: int
    object_reach_max: int
    words: dict[str, QuantityWord]
    word_re: re.Pattern[str]
    fraction_re: regex.Pattern[str]
    denominators: dict[str, FractionDenominator]
    fraction_unit: str
    doubling_re: regex.Pattern[str]
    doubling_unit: str
    unitless_indicators: tuple[str, ...] = ()
    """Indicator endings of table rows whose numbers have no unit (``指数``)."""
    serial_counts: SerialCounts = ()
    """Per suffix of ``SerialCount``: the suffix and its compiled ``before`` and ``after``."""
    unitless_named: bool = False
    """Whether index names (``PUE``) also measure without a unit: the quick test of
    ``unitless_indicators`` words cannot skip a text then."""
    unitless_verbs: tuple[str, ...] = ()
    """The goal verbs after which an indicator ending or index name takes a bare number
    (``系数提高到0.58``, ``PUE不高于1.2``), longest first."""
    unitless_verb_re: re.Pattern[str] | None = None
    """One of ``unitless_verbs`` right before a digit, where such a number starts; ``None``
    without the verbs, or without indicator endings and names."""
    unitless_tail_re: regex.Pattern[str] | None = None
    """The bare number (group 1), matched where a goal verb ends: no digit, point or Latin
    letter continues it."""
    unitless_name_re: regex.Pattern[str] | None = None
    """The index names, for a full match just before a goal verb."""
    unitless_name_reach: int = 0
    """The longest text ``unitless_name_re`` can match (0: no names)."""
    prefix_words: tuple[str, ...] = ()
    """The keys of ``prefix``, for a quick ``str.endswith`` test."""
    fraction_reach: int = 0
    """More than the longest stretch a ``fraction_re`` match (with its lookahead) can take up
    before or after the ``分之`` or ``/`` it holds."""
    suffix_starts: frozenset[str] | None = None
    """The first characters of the suffix bound words, for a quick test before ``suffix_re``
    (``None``: no such test)."""
    exclusion_reach: tuple[int | None, ...] = ()
    """Per pattern of ``exclusion_res``: how far from where a match starts it (lookarounds
    included) can look, either way (``None``: no bound known), so that it is searched only
    near its needles (see ``exclude._near``)."""


_NOT_RE = patterncache.compile_re(r"\(\?[a-zA-Z^-]|\{(?!\d)")
"""Syntax ``re`` would read differently from ``regex`` (inline flags, fuzzy matching)."""
_PROPERTY = patterncache.compile_re(r"(?<!\\)\\[pP]\{[^{}]*\}")
"""A ``regex`` property class (``\\p{Han}``), which ``re`` cannot read: one character wide."""


def _reach(pattern: str) -> int | None:
    """How far from where a match of ``pattern`` starts it can look, either way: the most it
    can consume, lookarounds counted as if consumed, plus one character each side for word
    boundaries (a property class, ``\\p{Han}``, is one character). ``None`` when unbounded or
    not known (``re`` cannot read the pattern)."""
    plain = _PROPERTY.sub(".", pattern)
    if _sre_parser is None or _sre_constants is None or _NOT_RE.search(plain):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = _sre_parser.parse(plain)
    except (re.error, Warning):
        return None
    width = _widest(parsed)
    return None if width is None else width + 2


def _widest(items: Any) -> int | None:
    """The most characters a parsed (``re._parser``) sequence can take up, or ``None``."""
    c = _sre_constants
    total = 0
    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN, c.CATEGORY):
            w: int | None = 1
        elif op is c.AT:
            w = 0
        elif op is c.SUBPATTERN:
            w = _widest(av[3])
        elif op is getattr(c, "ATOMIC_GROUP", None):
            w = _widest(av)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            w = _widest(av[1])
        elif op is c.BRANCH:
            ws = [_widest(a) for a in av[1]]
            w = None if any(x is None for x in ws) else max(x for x in ws if x is not None)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            inner = _widest(av[2])
            w = None if inner is None or av[1] is c.MAXREPEAT else av[1] * inner
        else:
            return None  # a back reference, a conditional or an unknown node
        if w is None:
            return None
        total += w
    return total


UNIT_GROUPS = ("mag", "inf", "mw", "inf2", "after", "unit")
"""The groups of ``Rules.unit_re`` in order, so a match is read with one ``groups()`` call."""


def _words_re(pattern: str) -> re.Pattern[str]:
    """A pattern of literal word alternations, matched at one offset at a time.

    Compiled with ``re``: on such a pattern it finds what ``regex`` finds, about three times
    as fast.
    """
    return patterncache.compile_re(pattern)


_UNITLESS_NUMBER = r"(?P<num>\d{1,9}(?:\.\d{1,6})?)(?![\d.A-Za-z])"
"""The bare number after a goal verb: no digit, point or Latin letter continues it."""


def _compounds(u: UnitRules) -> tuple[str, dict[str, UnitEntry]]:
    """The pattern of the compound units of ``u`` (empty without them) and an entry for
    each way of writing one (``人·次``, ``人•次``).

    A compound takes its kind from ``compound.first`` and whether 万/亿 may stand before it
    from its first word's own entry; a second word that is a unit of its own keeps its
    ``not_before`` words (``5吨·天然气`` is no compound).
    """
    c = u.compound
    if c is None or not c.first or not c.second or not c.dots:
        return "", {}
    known = {e.unit: e for e in u.units}
    seconds = []
    for w in sorted(set(c.second), key=lambda w: (-len(w), w)):
        tail = known.get(w)
        stop = _alternation(list(tail.not_before)) if tail is not None and tail.not_before else ""
        seconds.append(regex.escape(w) + (f"(?!{stop})" if stop else ""))
    pattern = f"(?:{_alternation(list(c.first))})(?:{_alternation(c.dots)})(?:{'|'.join(seconds)})"
    entries: dict[str, UnitEntry] = {}
    for first, kind in c.first.items():
        head = known.get(first)
        magnitude = head.magnitude if head is not None else True
        for dot in c.dots:
            for second in c.second:
                word = first + dot + second
                entries[word] = UnitEntry(unit=word, kind=kind, magnitude=magnitude)
    return pattern, entries


@cache
def rules() -> Rules:
    """The stage's rules (loaded once per process)."""
    u = load("units.yaml", UnitRules)
    b = load("bounds.yaml", BoundRules)
    x = load("quantity_exclusions.yaml", ExclusionRules)
    w = load("quantity_words.yaml", QuantityWords)
    compound, compound_units = _compounds(u)
    units = {**compound_units, **{e.unit: e for e in u.units}}
    mags = _alternation(list(u.magnitudes))
    infix = _alternation([i.word for i in b.infix])
    after_mw = _alternation([e.unit for e in u.units if e.after_measure_word])
    all_units = _alternation([e.unit for e in u.units if not e.only_after_measure_word])
    if compound:
        all_units = f"{compound}|{all_units}"  # 人·次 before 人
    mw = regex.escape(u.measure_word)
    unit_re = _words_re(
        rf"(?P<mag>{mags})?(?P<inf>{infix})?"
        rf"(?:(?P<mw>{mw})(?P<inf2>{infix})?(?P<after>{after_mw})|(?P<unit>{all_units}))"
    )
    assert tuple(unit_re.groupindex) == UNIT_GROUPS
    plain_unit_re = _words_re(rf"(?P<mag>{mags})?(?P<inf>{infix})?(?P<unit>{mw})")
    seps = _alternation(b.range_separators)
    number_re = patterncache.compile(rf"(?P<num>{NUMBER_PATTERN})(?:\s?(?P<sep>{seps})\s?)?")
    denoms = {d.word: d for d in w.fraction_denominators}
    fraction_re = patterncache.compile(
        rf"(?P<den>{NUMBER_PATTERN}|{_alternation(list(denoms))})分之(?P<num>{NUMBER_PATTERN}|百)"
        r"|(?<![\d./])(?P<anum>\d{1,3}(?:\.\d{1,3})?)/(?P<aden>\d{1,4})(?P<amag>[万千亿]?)(?![\d./])"
    )
    d = w.doubling
    doubling_re = patterncache.compile(
        rf"{regex.escape(d.verb)}了?(?P<n>[一两二三四五六七八九十]|\d{{1,2}})?{regex.escape(d.noun)}"
    )
    return Rules(
        units=units,
        magnitudes=dict(u.magnitudes),
        measure_word=u.measure_word,
        prefix={p.word: p for p in b.prefix},
        prefix_max=max(len(p.word) for p in b.prefix),
        suffix_re=_words_re(_alternation([s.word for s in b.suffix])),
        suffix={s.word: s for s in b.suffix},
        suffix_starts=(
            frozenset(s.word[0] for s in b.suffix) if all(s.word for s in b.suffix) else None
        ),
        infix={i.word: i for i in b.infix},
        separators=frozenset(b.range_separators),
        bare_separators=frozenset(b.bare_range_separators),
        change_from=frozenset(b.change_from),
        change_from_reach=b.change_from_reach,
        number_re=number_re,
        unit_starts=frozenset(
            [e.unit[0] for e in u.units]
            + [w[0] for w in (u.compound.first if u.compound else ())]
            + [m[0] for m in u.magnitudes]
            + [i.word[0] for i in b.infix]
            + [u.measure_word[0], " "]
        ),
        unit_re=unit_re,
        plain_unit_re=plain_unit_re,
        alt_unit_re=_words_re(
            "[(（](?:"
            + _alternation([e.unit for e in u.units if e.kind == "count" and not e.bounded_end])
            + ")[)）]"
        ),
        alternatives_in_text=u.alternatives_in_text,
        per_re=_words_re(rf"/(?:{compound + '|' if compound else ''}{_alternation(u.per)})"),
        exclusion_res=tuple((p.kind, patterncache.compile(p.pattern)) for p in x.patterns),
        exclusion_needles=tuple(p.needles for p in x.patterns),
        exclusion_reach=tuple(_reach(p.pattern) for p in x.patterns),
        set_phrase_re=_literal_re(x.set_phrases),
        word_parts={k: frozenset(v) for k, v in x.word_parts.items()},
        ordinal_prefixes=tuple(x.ordinal_prefixes),
        serial_suffixes=tuple(x.serial_suffixes),
        name_joiners=frozenset(x.name_joiners),
        quotes=tuple(x.name_quotes),
        article_numerals=frozenset(x.article_numerals),
        article_units=frozenset(x.article_units),
        article_heads=tuple(x.article_heads),
        serial_counts=tuple(
            (
                sc.suffix,
                patterncache.compile(sc.before) if sc.before else None,
                patterncache.compile(sc.after) if sc.after else None,
            )
            for sc in x.serial_counts
        ),
        reach=tuple(sorted(b.reach, key=len, reverse=True)),
        reach_max=b.reach_max,
        share_reach=tuple(sorted(b.share_reach, key=len, reverse=True)),
        share_reach_max=b.share_reach_max,
        object_reach_max=b.object_reach_max,
        words={q.word: q for q in w.words},
        word_re=_literal_re([q.word for q in w.words]),
        fraction_re=fraction_re,
        denominators=denoms,
        fraction_unit=w.fraction_unit,
        doubling_re=doubling_re,
        doubling_unit=d.unit,
        prefix_words=tuple(p.word for p in b.prefix),
        unitless_indicators=tuple(u.unitless_indicators),
        unitless_named=bool(u.unitless_names),
        unitless_verbs=tuple(_longest_first(u.unitless_verbs)),
        unitless_verb_re=(
            patterncache.compile_re(
                "(?:" + "|".join(map(re.escape, _longest_first(u.unitless_verbs))) + r")(?=\d)"
            )
            if u.unitless_verbs and (u.unitless_indicators or u.unitless_names)
            else None
        ),
        unitless_tail_re=patterncache.compile(_UNITLESS_NUMBER),
        unitless_name_re=patterncache.compile(u.unitless_names) if u.unitless_names else None,
        unitless_name_reach=(_reach(u.unitless_names) or 12) if u.unitless_names else 0,
        fraction_reach=2 * max(NUMBER_MAX_LEN, *(len(k) for k in denoms)) + 8,
    )
