"""Rule data of the entities stage and the matchers compiled from it (built once per process).

- ``data/gazetteer_divisions.yaml`` (:class:`DivisionGazetteer`): China's administrative
  divisions, ``"<code>": <name> [<short form>]``.
- ``data/entities.yaml`` (:class:`EntityRules`): GOV, ORG, LAW and PROGRAM rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal, NamedTuple

import regex
from pydantic import Field, field_validator

from ... import patterncache
from ...ruledata import RuleModel, load

DivisionLevel = Literal["province", "prefecture", "county"]

_NAME = patterncache.compile(r"\p{Han}{2,20}")
_DIVISION_SUFFIXES = ("省", "市", "县", "区", "旗", "州", "盟", "地区", "林区", "特别行政区")


class DivisionGazetteer(RuleModel):
    """``data/gazetteer_divisions.yaml``: division code → official name and optional short form."""

    source: str
    divisions: dict[str, str]
    extra: dict[str, str] = Field(default_factory=dict)
    """Divisions missing from the source table, in the same form."""
    autonomous_levels: list[str]
    """Level words of autonomous divisions, whose names get a derived short form."""
    ethnic_groups: list[str] = Field(default_factory=list)
    """Names of peoples in autonomous divisions' names (白族, 哈尼族, 蒙古): what is left of an
    autonomous prefecture's, county's or banner's name without them and its level word is its
    short form (大理白族自治州 → 大理, 景宁畲族自治县 → 景宁)."""
    short_form_exclusions: list[str] = Field(default_factory=list)
    """Short forms so derived that are ordinary words (通道, 石柱, 河口): not used."""
    not_places: list[str] = Field(default_factory=list)
    """Words that start with a place's name but are no place (大理石, 文山会海)."""

    @field_validator("divisions", "extra")
    @classmethod
    def _entries(cls, value: dict[str, str]) -> dict[str, str]:
        for code, entry in value.items():
            if not (len(code) == 6 and code.isdigit()):
                raise ValueError(f"division code {code!r} is not six digits")
            parts = entry.split()
            if not 1 <= len(parts) <= 2 or not all(_NAME.fullmatch(p) for p in parts):
                raise ValueError(f"{code}: expected '<name> [<short form>]', got {entry!r}")
            if not parts[0].endswith(_DIVISION_SUFFIXES):
                raise ValueError(f"{code}: {parts[0]!r} does not end in a division suffix")
            if len(parts) == 2 and len(parts[1]) >= len(parts[0]):
                raise ValueError(f"{code}: short form {parts[1]!r} is not shorter than the name")
        return value


class GovRules(RuleModel):
    """How government bodies are named."""

    national: dict[str, str]
    leading: list[str]
    state_prefixes: list[str] = Field(default_factory=list)
    collective_levels: list[str] = Field(default_factory=list)
    town_levels: list[str] = Field(default_factory=list)
    town_name_max: int = Field(default=4, ge=2, le=8)
    levels: list[str]
    dept_only_levels: list[str] = Field(default_factory=list)
    """Level words that name a body only before a department (中国气象局; not 中国政府)."""
    bodies: list[str]
    body_prefixes: list[str] = Field(default_factory=list)
    """Words before a level word and ``委`` that belong to the name (团市委, 共青团省委), taken
    at a clause's start or after a stop word (由团市委; not 集团市委)."""
    named_units: list[str] = Field(default_factory=list)
    """Bodies named by a short name of their own, with or without a place (城东派出所,
    杭州铁路运输法院); the name is at most ``unit_name_max`` characters."""
    unit_name_max: int = Field(default=4, ge=2, le=8)
    level_openers: list[str] = Field(default_factory=list)
    """Words after which a level word that ends many ordinary words (州, 区) starts a body
    (报州人民政府, 向区政府; not 神州, 园区)."""
    offices: list[str]
    body_offices: list[str] = Field(default_factory=list)
    """Short names of offices that follow a body only (市委外办, 市委政研室, 市政府外办): a
    level word alone before them is no office (省外办理)."""
    topics: list[str]
    topic_chain_max: int = Field(default=3, ge=1, le=4)
    """Topics, joined by ``topic_joiners`` or written together, that one suffix may follow
    (农业农村 + 和 + 水利 + 局: one merged department)."""
    topic_joiners: list[str] = Field(default_factory=list)
    suffixes: list[str]
    not_before: list[str]
    canonical: dict[str, str]
    central_levels: list[str] = Field(default_factory=list)
    """Level words of central bodies (国家统计局): with ``central_suffixes`` they mark the bodies
    whose branches are named after them (国家统计局湖南调查总队)."""
    central_suffixes: list[str] = Field(default_factory=list)
    """Suffixes of central departments named without a level word (财政部, 海关总署)."""
    branch_regions: list[str] = Field(default_factory=list)
    """Regions that, like a place, may follow a central body before a branch word
    (国家能源局华东监管局)."""
    branch_words: list[str] = Field(default_factory=list)
    """Words after a central body and a place (or region) that name its branch there
    (国家税务总局江苏省税务局, 国家外汇管理局福建省分局, 中国人民银行广东省分行)."""


class OrgRules(RuleModel):
    """How organisations are named."""

    strong_suffixes: list[str]
    known_names: list[str] = Field(default_factory=list)
    """Organisations whose names hold a stop word (中国建设银行): found whole."""
    enterprises: list[str] = Field(default_factory=list)
    """Well-known enterprises named by a short name without any suffix (中国石化, 国家电网):
    found when the name stands alone (a clause's start, punctuation or a stop word before it;
    punctuation, a stop word, a boundary word, a suffix or a branch after it)."""
    enterprise_not_before: list[str] = Field(default_factory=list)
    """Words after an enterprise's short name that make it part of a longer term (京东地区)."""
    suffix_not_before: list[str] = Field(default_factory=list)
    """Characters after a suffix that make it part of a word (员 in 联合会员): no name ends."""
    branch_suffixes: list[str] = Field(default_factory=list)
    branch_gap: int = Field(default=0, ge=0, le=6)
    zone_suffixes: list[str] = Field(default_factory=list)
    """Suffixes of a zone named by a place and a short name (钦州港片区): they need a place and
    1 to ``zone_name_max`` more characters before them (not 长沙片区 alone)."""
    zone_name_max: int = Field(default=3, ge=1, le=6)
    """Characters allowed between a branch's place and its branch word (江苏石油分公司)."""
    bracketed_parts: list[str] = Field(default_factory=list)
    """Words in brackets inside a company's name before a strong suffix (上海电气（集团）有限公司);
    a place there is part of the name too (华为技术（北京）有限公司)."""
    campus_suffixes: list[str] = Field(default_factory=list)
    """Suffixes after which a place in brackets belongs to the name (中国地质大学（武汉）)."""
    affiliation_words: list[str] = Field(default_factory=list)
    """Words after an organisation inside a longer name (首都医科大学附属北京天坛医院): the
    organisation anchors the name."""
    designations: list[str] = Field(default_factory=list)
    """Suffixes after a field's name, which may hold ``field_joiners`` and descriptive words
    (新型电力系统运行与控制全国重点实验室)."""
    field_joiners: list[str] = Field(default_factory=list)
    level_designations: list[str] = Field(default_factory=list)
    """Suffixes that right after a level word (省, 市) name a kind of body, not one
    (河南省实验室, 省实验室; not 之江实验室)."""
    industry_suffixes: list[str]
    place_suffixes: list[str]
    anchors: list[str]
    stop_words: list[str]
    generic_parts: list[str]
    descriptive_parts: list[str]
    generic_names: list[str]
    list_heads: list[str]
    named_list_heads: list[str] = Field(default_factory=list)
    sector_words: list[str] = Field(default_factory=list)
    boundary_words: list[str]
    max_name: int = Field(ge=4, le=40)
    max_item: int = Field(ge=2, le=20)


class LawRules(RuleModel):
    """Document numbers such as 国办发〔2016〕11号 and 财政部 税务总局公告2023年第5号."""

    strip_leading: list[str]
    title_ends: list[str]
    standard_codes: list[str] = Field(default_factory=list)
    """Codes of standards (GB, DB, HJ…): ``GB/T 19001-2016``, ``DB33/T 1212-2020``."""


class ProgramRules(RuleModel):
    """Named initiatives in quotation marks."""

    suffixes: list[str]
    counters: list[str]
    triggers: list[str]
    end_triggers: list[str] = Field(default_factory=list)
    """Verbs that make the quoted name right after them a programme when no word follows the
    closing quotation mark (推进“一件事一次办”。; not 推进“千企百校”对接活动)."""
    designation_followers: list[str] = Field(default_factory=list)
    """Words after a quoted name that make it a designation being awarded, not a programme,
    even after a trigger (开展“绿色矿山”创建活动)."""
    category_words: list[str] = Field(default_factory=list)
    """Nouns of counted things: a quoted abbreviation whose numbered words all end in one is
    a category (“六税两费”, “五险一金”), no programme."""
    followers: list[str] = Field(default_factory=list)
    short_numerals: list[str] = Field(default_factory=list)
    short_followers: list[str] = Field(default_factory=list)
    list_joiners: list[str]
    """Conjunctions between two quoted names of one list (“春雷行动”和“蓝天保卫战”)."""


class EntityRules(RuleModel):
    """``data/entities.yaml``."""

    gov: GovRules
    org: OrgRules
    law: LawRules
    program: ProgramRules


class Place(NamedTuple):
    """A name of the gazetteer: what it stands for."""

    canonical: str
    code: str | None
    """Division code, or None when the name stands for several divisions."""
    level: DivisionLevel
    short: bool


def division_level(code: str) -> DivisionLevel:
    """Province (``330000``), prefecture (``330100``) or county level (``330106``)."""
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` as a character trie; the longest word wins.

    A trie has no unbounded quantifier, so matching cannot backtrack catastrophically; the
    pattern is valid for both ``re`` and ``regex``.
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    escaped: dict[str, str] = {}

    def esc(ch: str) -> str:
        found = escaped.get(ch)
        if found is None:
            found = escaped[ch] = regex.escape(ch)
        return found

    def build(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [esc(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(root)


def words_or_never(words: Iterable[str]) -> str:
    """``trie_pattern(words)``, or a pattern that never matches when there are none."""
    pattern = trie_pattern(words)
    return pattern or r"(?!)"


def _lengths_by(pairs: set[tuple[str, int]]) -> dict[str, tuple[int, ...]]:
    """``key → its lengths, longest first`` of a set of ``(key, length)`` pairs."""
    out: dict[str, list[int]] = {}
    for key, k in sorted(pairs, reverse=True):
        out.setdefault(key, []).append(k)
    return {key: tuple(v) for key, v in out.items()}


class Gazetteer:
    """Exact names found leftmost-longest by dictionary look-ups (fast for thousands of names)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(n for n in names if n)
        self._first = _lengths_by({(n[0], len(n)) for n in self.names})
        self._head = _lengths_by({(n[:2], len(n)) for n in self.names})
        self._last = _lengths_by({(n[-1], len(n)) for n in self.names})
        by_first = self._first
        # A character class of first characters lets the C regex engine skip the rest.
        chars = "".join(sorted(by_first))
        self._first_re = patterncache.compile_re(f"[{re.escape(chars)}]") if chars else None

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """Non-overlapping ``(start, end)`` of names, leftmost first, longest at each start."""
        if self._first_re is None:
            return
        head = self._head
        names = self.names
        search = self._first_re.search
        n = len(text)
        hit = search(text, 0)
        while hit is not None:
            i = hit.start()
            nxt = i + 1
            for k in head.get(text[i : i + 2], ()):
                if i + k <= n and text[i : i + k] in names:
                    yield i, i + k
                    nxt = i + k
                    break
            hit = search(text, nxt)

    def starting_at(self, text: str, start: int, end: int | None = None) -> int | None:
        """End of the longest name starting at ``start`` (not past ``end``), or None."""
        stop = len(text) if end is None else end
        if start >= stop:
            return None
        for k in self._first.get(text[start], ()):
            if start + k <= stop and text[start : start + k] in self.names:
                return start + k
        return None

    def ending_at(self, text: str, end: int, start: int = 0) -> int | None:
        """Start of the longest name ending at ``end`` (not before ``start``), or None."""
        if end <= start:
            return None
        for k in self._last.get(text[end - 1], ()):
            if end - k >= start and text[end - k : end] in self.names:
                return end - k
        return None


@dataclass(frozen=True)
class Matchers:
    """Everything the finders need, compiled once."""

    rules: EntityRules
    places: dict[str, Place]
    divisions: dict[str, tuple[tuple[str, str], ...]]
    place_gaz: Gazetteer
    not_place_gaz: Gazetteer
    gov_re: re.Pattern[str]
    levels: frozenset[str]
    org_suffix_re: re.Pattern[str]
    anchor_gaz: Gazetteer
    stop_re: regex.Pattern[str]
    stop_words: frozenset[str]
    boundary_re: regex.Pattern[str]
    generic_re: regex.Pattern[str]
    descriptive_re: regex.Pattern[str]
    list_re: regex.Pattern[str]
    named_head_re: regex.Pattern[str]
    strong: frozenset[str]
    org_suffixes: tuple[str, ...]
    suffix_gaz: Gazetteer
    known_gaz: Gazetteer
    weak: frozenset[str]
    industry: frozenset[str]
    generic_names: frozenset[str]
    program_suffixes: tuple[str, ...]
    program_joiners: frozenset[str]
    """Conjunctions between two quoted programme names of one list."""
    program_counter_re: regex.Pattern[str]
    trigger_re: regex.Pattern[str]
    law_strip_re: regex.Pattern[str]
    collective: frozenset[str]
    town_levels: frozenset[str]
    branch_re: regex.Pattern[str]
    follower_re: regex.Pattern[str]
    short_program_re: regex.Pattern[str]
    parallel_program_re: regex.Pattern[str]
    short_follower_re: regex.Pattern[str]
    unit_re: regex.Pattern[str]
    standard_re: regex.Pattern[str]
    branch_word_re: re.Pattern[str]
    office_re: re.Pattern[str]
    """An office after a body (办公厅, 办公室)."""
    """A branch word of a central body (调查总队, 监管局, 分行)."""
    region_gaz: Gazetteer
    gov_org_gaz: Gazetteer
    """Central bodies whose names end in an organisation's suffix (中国人民银行): no ORG
    starts with them."""
    """Regions that may stand for the place of a central body's branch (华东)."""
    sector_gaz: Gazetteer
    joined_gaz: Gazetteer
    """Department topics that hold a one-character stop word (林业和草原): inside a name."""
    enterprise_gaz: Gazetteer
    zone_re: re.Pattern[str]
    collective_bracket_re: regex.Pattern[str]
    """A level word and collective level words in brackets ending the text (各县（市、区）)."""
    end_trigger_re: regex.Pattern[str]
    designation_follower_re: regex.Pattern[str]


def _autonomous_short(name: str, peoples: tuple[str, ...], levels: tuple[str, ...]) -> str | None:
    """An autonomous division's name without its peoples and level word (大理白族自治州 → 大理)."""
    level = next((w for w in levels if name.endswith(w)), None)
    if level is None:
        return None
    rest = name[: -len(level)]
    stripped = False
    while True:
        people = next((p for p in peoples if rest.endswith(p) and len(rest) > len(p)), None)
        if people is None:
            break
        rest = rest[: -len(people)]
        stripped = True
    return rest if stripped and len(rest) >= 2 else None


def division_names(gaz: DivisionGazetteer) -> dict[str, list[str]]:
    """Code → the official name and its short forms (written, or derived for autonomous ones).

    A derived short form is left out when it is listed in ``short_form_exclusions`` or is
    already a name of the gazetteer (海南 of 海南藏族自治州 stays the province's).
    """
    entries = {
        code: entry.split() for code, entry in sorted({**gaz.divisions, **gaz.extra}.items())
    }
    taken = {name for parts in entries.values() for name in parts}
    excluded = set(gaz.short_form_exclusions)
    peoples = tuple(sorted(gaz.ethnic_groups, key=len, reverse=True))
    levels = tuple(gaz.autonomous_levels)
    derived: dict[str, list[str]] = {}
    for code, parts in entries.items():
        short = _autonomous_short(parts[0], peoples, levels)
        if short is not None and short not in taken and short not in excluded:
            derived.setdefault(short, []).append(code)
    for short, codes in derived.items():
        for code in codes:
            entries[code] = [*entries[code], short]
    return entries


def _divisions_by_name(entries: dict[str, list[str]]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Every ``(code, official name)`` a name (official or short) can stand for."""
    out: dict[str, list[tuple[str, str]]] = {}
    for code, parts in entries.items():
        for name in parts:
            out.setdefault(name, []).append((code, parts[0]))
    return {k: tuple(v) for k, v in out.items()}


def _places(entries: dict[str, list[str]]) -> dict[str, Place]:
    places: dict[str, Place] = {}
    counts: dict[str, int] = {}
    officials: dict[str, set[str]] = {}
    for parts in entries.values():
        for name in parts:
            counts[name] = counts.get(name, 0) + 1
            officials.setdefault(name, set()).add(parts[0])
    for code, parts in entries.items():
        level = division_level(code)
        for i, name in enumerate(parts):
            if name in places:
                continue
            unique = counts[name] == 1
            # A short form of divisions with different names (吉林: 吉林省, 吉林市) stands for
            # none of them in particular: it is its own canonical name, without a code.
            canonical = parts[0] if len(officials[name]) == 1 else name
            places[name] = Place(
                canonical=canonical, code=code if unique else None, level=level, short=i >= 1
            )
    return places


@cache
def matchers() -> Matchers:
    """The compiled matchers of the packaged rule data."""
    rules = load("entities.yaml", EntityRules)
    gaz = load("gazetteer_divisions.yaml", DivisionGazetteer)
    entries = division_names(gaz)
    places = _places(entries)
    g = rules.gov
    level = trie_pattern(g.levels)
    topic = trie_pattern(g.topics)
    joiner = words_or_never(g.topic_joiners)
    # Merged departments: up to `topic_chain_max` topics before one suffix (农业农村和水利局).
    chain = rf"(?:{topic})(?:(?:{joiner})?(?:{topic})){{0,{g.topic_chain_max - 1}}}"
    body_office = words_or_never(g.body_offices)
    suffix = trie_pattern(g.suffixes)
    body = trie_pattern(g.bodies)
    office = trie_pattern(g.offices)
    national = trie_pattern(g.national)
    stop = trie_pattern(g.not_before)
    first = "".join(sorted({w[0] for w in [*g.national, *g.levels, *g.topics]}))
    # A name never ends in 办 before 公 (能源办公用房: 办公 is a word; offices end in 办公室).
    # The leading class lets the regex engine skip positions that cannot start a match.
    gov = (
        rf"(?=[{first}])(?:(?P<nat>{national})(?:{chain}(?:{suffix})|{body_office})?|(?P<lvl>(?:{level}){{1,3}})?(?P<dept>{chain}(?:{suffix}))"
        rf"|(?P<lvl2>(?:{level}){{1,3}})(?P<body>{body})(?:{chain}(?:{suffix})|{body_office})?)"
        rf"(?:{office})?(?!{stop})(?!(?<=办)公)"
    )
    o = rules.org
    org_suffixes = [*o.strong_suffixes, *o.industry_suffixes, *o.place_suffixes]
    heads = trie_pattern(o.list_heads)
    counters = "".join(rules.program.counters)
    return Matchers(
        rules=rules,
        places=places,
        divisions=_divisions_by_name(entries),
        place_gaz=Gazetteer(places),
        not_place_gaz=Gazetteer(gaz.not_places),
        gov_re=patterncache.compile_re(gov),
        levels=frozenset(g.levels),
        org_suffix_re=patterncache.compile_re(trie_pattern(org_suffixes)),
        anchor_gaz=Gazetteer(list(o.anchors) + list(places)),
        stop_re=patterncache.compile(trie_pattern(o.stop_words)),
        stop_words=frozenset(o.stop_words),
        boundary_re=patterncache.compile(trie_pattern(list(o.stop_words) + list(o.boundary_words))),
        generic_re=patterncache.compile(trie_pattern(o.generic_parts)),
        descriptive_re=patterncache.compile(trie_pattern(o.descriptive_parts)),
        list_re=patterncache.compile(
            rf"等(?P<count>(?:[0-9]{{1,4}}|[一二三四五六七八九十百两几]{{1,3}})[家个所批]?)?"
            rf"(?P<mid>\p{{Han}}{{0,8}}?)(?:{heads})"
        ),
        named_head_re=patterncache.compile(words_or_never(o.named_list_heads)),
        strong=frozenset(o.strong_suffixes),
        org_suffixes=tuple(sorted(set(org_suffixes), key=len, reverse=True)),
        suffix_gaz=Gazetteer(org_suffixes),
        known_gaz=Gazetteer(o.known_names),
        weak=frozenset([*o.industry_suffixes, *o.place_suffixes]) - frozenset(o.strong_suffixes),
        industry=frozenset(o.industry_suffixes),
        generic_names=frozenset(o.generic_names),
        program_suffixes=tuple(sorted(rules.program.suffixes, key=len, reverse=True)),
        program_joiners=frozenset(rules.program.list_joiners),
        program_counter_re=patterncache.compile(
            rf"(?:[二三四五六七八九十百千万两双]{{1,3}}[{counters}]|[0-9]+(?:\+[0-9A-Za-z]+)+$)"
        ),
        trigger_re=patterncache.compile(rf"(?:{trie_pattern(rules.program.triggers)})$"),
        law_strip_re=patterncache.compile(trie_pattern(rules.law.strip_leading)),
        collective=frozenset(g.collective_levels),
        town_levels=frozenset(g.town_levels),
        branch_re=patterncache.compile(words_or_never(o.branch_suffixes)),
        follower_re=patterncache.compile(words_or_never(rules.program.followers)),
        short_program_re=patterncache.compile(
            "[" + regex.escape("".join(rules.program.short_numerals)) + r"]\p{Han}"
            if rules.program.short_numerals
            else r"(?!)"
        ),
        parallel_program_re=patterncache.compile(
            "[" + regex.escape("".join(rules.program.short_numerals)) + r"]\p{Han}"
            "[" + regex.escape("".join(rules.program.short_numerals)) + r"一]\p{Han}"
            if rules.program.short_numerals
            else r"(?!)"
        ),
        short_follower_re=patterncache.compile(words_or_never(rules.program.short_followers)),
        unit_re=patterncache.compile(words_or_never(g.named_units)),
        standard_re=patterncache.compile(
            rf"(?<![A-Za-z0-9/])(?P<code>{trie_pattern(rules.law.standard_codes)})"
            r"(?P<area>[0-9]{2})?(?P<kind>/[TZ])?\s?(?P<num>[0-9]{1,6}(?:\.[0-9]{1,3})?)"
            r"\s?[-－—–]\s?(?P<year>(?:19|20)[0-9]{2})(?![0-9])"
            if rules.law.standard_codes
            else r"(?!)"
        ),
        branch_word_re=patterncache.compile_re(words_or_never(g.branch_words)),
        office_re=patterncache.compile_re(words_or_never(g.offices)),
        region_gaz=Gazetteer(g.branch_regions),
        gov_org_gaz=Gazetteer(n for n in g.national if n.endswith(tuple(o.strong_suffixes))),
        sector_gaz=Gazetteer(o.sector_words),
        joined_gaz=Gazetteer(
            t for t in g.topics if len(t) > 2 and any(w in t[1:-1] for w in o.field_joiners)
        ),
        enterprise_gaz=Gazetteer(o.enterprises),
        zone_re=patterncache.compile_re(words_or_never(o.zone_suffixes)),
        collective_bracket_re=patterncache.compile(
            rf"(?:{level})[(（](?:{level})(?:[、,，](?:{level})){{0,4}}[)）]$"
        ),
        end_trigger_re=patterncache.compile(
            rf"(?:{trie_pattern(rules.program.end_triggers)})$"
            if rules.program.end_triggers
            else r"(?!)"
        ),
        designation_follower_re=patterncache.compile(
            words_or_never(rules.program.designation_followers)
        ),
    )
