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
from typing import Literal

import regex
from pydantic import Field, field_validator

from ...ruledata import RuleModel, load

DivisionLevel = Literal["province", "prefecture", "county"]

_NAME = regex.compile(r"\p{Han}{2,20}")
_DIVISION_SUFFIXES = ("省", "市", "县", "区", "旗", "州", "盟", "地区", "林区", "特别行政区")


class DivisionGazetteer(RuleModel):
    """``data/gazetteer_divisions.yaml``: division code → official name and optional short form."""

    source: str
    divisions: dict[str, str]
    extra: dict[str, str] = Field(default_factory=dict)
    """Divisions missing from the source table, in the same form."""

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
    bodies: list[str]
    offices: list[str]
    topics: list[str]
    suffixes: list[str]
    not_before: list[str]
    canonical: dict[str, str]


class OrgRules(RuleModel):
    """How organisations are named."""

    strong_suffixes: list[str]
    branch_suffixes: list[str] = Field(default_factory=list)
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


class ProgramRules(RuleModel):
    """Named initiatives in quotation marks."""

    suffixes: list[str]
    counters: list[str]
    triggers: list[str]
    followers: list[str] = Field(default_factory=list)
    short_numerals: list[str] = Field(default_factory=list)
    short_followers: list[str] = Field(default_factory=list)


class EntityRules(RuleModel):
    """``data/entities.yaml``."""

    gov: GovRules
    org: OrgRules
    law: LawRules
    program: ProgramRules


@dataclass(frozen=True)
class Place:
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

    def build(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [regex.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(root)


class Gazetteer:
    """Exact names found leftmost-longest by dictionary look-ups (fast for thousands of names)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(n for n in names if n)
        by_first: dict[str, set[int]] = {}
        by_head: dict[str, set[int]] = {}
        by_last: dict[str, set[int]] = {}
        for n in self.names:
            by_first.setdefault(n[0], set()).add(len(n))
            by_head.setdefault(n[:2], set()).add(len(n))
            by_last.setdefault(n[-1], set()).add(len(n))
        self._first = {c: tuple(sorted(v, reverse=True)) for c, v in by_first.items()}
        self._head = {c: tuple(sorted(v, reverse=True)) for c, v in by_head.items()}
        self._last = {c: tuple(sorted(v, reverse=True)) for c, v in by_last.items()}
        # A character class of first characters lets the C regex engine skip the rest.
        chars = "".join(sorted(by_first))
        self._first_re = re.compile(f"[{re.escape(chars)}]") if chars else None

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
    weak: frozenset[str]
    industry: frozenset[str]
    generic_names: frozenset[str]
    program_suffixes: tuple[str, ...]
    program_counter_re: regex.Pattern[str]
    trigger_re: regex.Pattern[str]
    law_strip_re: regex.Pattern[str]
    collective: frozenset[str]
    town_levels: frozenset[str]
    branch_re: regex.Pattern[str]
    follower_re: regex.Pattern[str]
    short_program_re: regex.Pattern[str]
    short_follower_re: regex.Pattern[str]


def _divisions_by_name(gaz: DivisionGazetteer) -> dict[str, tuple[tuple[str, str], ...]]:
    """Every ``(code, official name)`` a name (official or short) can stand for."""
    out: dict[str, list[tuple[str, str]]] = {}
    for code, entry in sorted({**gaz.divisions, **gaz.extra}.items()):
        parts = entry.split()
        for name in parts:
            out.setdefault(name, []).append((code, parts[0]))
    return {k: tuple(v) for k, v in out.items()}


def _places(gaz: DivisionGazetteer) -> dict[str, Place]:
    places: dict[str, Place] = {}
    counts: dict[str, int] = {}
    entries = {**gaz.divisions, **gaz.extra}
    for entry in entries.values():
        for name in entry.split():
            counts[name] = counts.get(name, 0) + 1
    for code, entry in sorted(entries.items()):
        parts = entry.split()
        level = division_level(code)
        for i, name in enumerate(parts):
            if name in places:
                continue
            unique = counts[name] == 1
            places[name] = Place(
                canonical=parts[0], code=code if unique else None, level=level, short=i == 1
            )
    return places


@cache
def matchers() -> Matchers:
    """The compiled matchers of the packaged rule data."""
    rules = load("entities.yaml", EntityRules)
    gaz = load("gazetteer_divisions.yaml", DivisionGazetteer)
    places = _places(gaz)
    g = rules.gov
    level = trie_pattern(g.levels)
    topic = trie_pattern(g.topics)
    suffix = trie_pattern(g.suffixes)
    body = trie_pattern(g.bodies)
    office = trie_pattern(g.offices)
    national = trie_pattern(g.national)
    stop = trie_pattern(g.not_before)
    first = "".join(sorted({w[0] for w in [*g.national, *g.levels, *g.topics]}))
    # The leading class lets the regex engine skip positions that cannot start a match.
    gov = (
        rf"(?=[{first}])(?:(?P<nat>{national})|(?P<lvl>(?:{level}){{1,3}})?(?P<dept>{topic}{suffix})"
        rf"|(?P<lvl2>(?:{level}){{1,3}})(?P<body>{body})(?:{topic}{suffix})?)(?:{office})?(?!{stop})"
    )
    o = rules.org
    org_suffixes = [*o.strong_suffixes, *o.industry_suffixes, *o.place_suffixes]
    heads = trie_pattern(o.list_heads)
    counters = "".join(rules.program.counters)
    return Matchers(
        rules=rules,
        places=places,
        divisions=_divisions_by_name(gaz),
        place_gaz=Gazetteer(places),
        gov_re=re.compile(gov),
        levels=frozenset(g.levels),
        org_suffix_re=re.compile(trie_pattern(org_suffixes)),
        anchor_gaz=Gazetteer(list(o.anchors) + list(places)),
        stop_re=regex.compile(trie_pattern(o.stop_words)),
        stop_words=frozenset(o.stop_words),
        boundary_re=regex.compile(trie_pattern(list(o.stop_words) + list(o.boundary_words))),
        generic_re=regex.compile(trie_pattern(o.generic_parts)),
        descriptive_re=regex.compile(trie_pattern(o.descriptive_parts)),
        list_re=regex.compile(
            rf"等(?P<count>(?:[0-9]{{1,4}}|[一二三四五六七八九十百两几]{{1,3}})[家个所批]?)?"
            rf"(?P<mid>\p{{Han}}{{0,8}}?)(?:{heads})"
        ),
        named_head_re=regex.compile(
            trie_pattern(o.named_list_heads) if o.named_list_heads else r"(?!)"
        ),
        strong=frozenset(o.strong_suffixes),
        org_suffixes=tuple(sorted(set(org_suffixes), key=len, reverse=True)),
        suffix_gaz=Gazetteer(org_suffixes),
        weak=frozenset([*o.industry_suffixes, *o.place_suffixes]) - frozenset(o.strong_suffixes),
        industry=frozenset(o.industry_suffixes),
        generic_names=frozenset(o.generic_names),
        program_suffixes=tuple(sorted(rules.program.suffixes, key=len, reverse=True)),
        program_counter_re=regex.compile(
            rf"(?:[二三四五六七八九十百千万两双]{{1,3}}[{counters}]|[0-9]+(?:\+[0-9A-Za-z]+)+$)"
        ),
        trigger_re=regex.compile(rf"(?:{trie_pattern(rules.program.triggers)})$"),
        law_strip_re=regex.compile(trie_pattern(rules.law.strip_leading)),
        collective=frozenset(g.collective_levels),
        town_levels=frozenset(g.town_levels),
        branch_re=regex.compile(trie_pattern(o.branch_suffixes) if o.branch_suffixes else r"(?!)"),
        follower_re=regex.compile(
            trie_pattern(rules.program.followers) if rules.program.followers else r"(?!)"
        ),
        short_program_re=regex.compile(
            "[" + regex.escape("".join(rules.program.short_numerals)) + r"]\p{Han}"
            if rules.program.short_numerals
            else r"(?!)"
        ),
        short_follower_re=regex.compile(
            trie_pattern(rules.program.short_followers)
            if rules.program.short_followers
            else r"(?!)"
        ),
    )
