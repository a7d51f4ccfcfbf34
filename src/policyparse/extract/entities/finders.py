"""Finding entity candidates in the working copy, one finder per kind of evidence.

Each finder returns :class:`Candidate` objects with offsets into the normalized text; the
stage resolves overlaps and nesting (:mod:`.resolve`) and turns them into records.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Final

import regex

from ... import patterncache
from ...records.entity import EntityLabel, EntitySource
from .rules import Matchers

_TITLE: Final = patterncache.compile(r"《((?:[^《》\n]|《[^《》\n]{0,80}》){1,150})》")
_DOC_NUMBER: Final = patterncache.compile(
    r"(\p{Han}{1,10})[〔\[［【(]\s?((?:19|20)[0-9]{2})\s?[〕\]］】)]\s?第?([0-9]{1,5})\s?号"
)
_ORDER_NUMBER: Final = patterncache.compile(
    r"(\p{Han}{2,16}?)(公告|令)\s?(?:((?:19|20)[0-9]{2})\s?年\s?)?第\s?([0-9]{1,5})\s?号"
)
_QUOTED: Final = patterncache.compile(
    r"“([^“”\n]{1,24})”|\"([^\"\n]{1,24})\"|「([^「」\n]{1,24})」"
)
_QUOTE_JOINER: Final = patterncache.compile(r"、?")
"""Between two quoted names of one list (“揭榜挂帅”“赛马”): the second is a programme too."""
_FIVE_YEAR: Final = patterncache.compile(r"十[一二三四五六七八九]?五")
_NON_NAME: Final = patterncache.compile(r"(?r)[^\p{Han}A-Za-z0-9]|[的等]|之(?!江)")
"""Searched backwards: the last character no name contains (``的``, ``等``; ``之`` but in
``之江``)."""
_HAN: Final = patterncache.compile(r"\p{Han}")
_BRACKETED: Final = patterncache.compile(
    r"(?r)(\p{Han}{2,8})[（(](\p{Han}{2,8})[）)]\p{Han}{0,12}$"
)
"""Searched backwards: an anchor and a place in brackets before a name (中国（湖南）自由…)."""
_COUNTED: Final = patterncache.compile(r"[0-9]+[年月日个家项所批名座]")
"""A number with a counter or a date word ends the text before a name (2025年建成…)."""
_WORD_FINAL_LEVELS: Final = frozenset(["区", "州", "镇", "乡", "旗", "盟"])
"""Level words that end many ordinary words (园区, 社区, 神州): after a Chinese character that
is not a place they start no government body."""


@dataclass(frozen=True)
class Candidate:
    """A possible entity: label, offsets in the working copy and how it was found."""

    label: EntityLabel
    start: int
    end: int
    source: EntitySource
    canonical: str | None = None
    code: str | None = None
    quoted: bool = False
    """Found between quotation marks (placed before unquoted candidates)."""


def find_places(norm: str, m: Matchers) -> list[Candidate]:
    """GPE: every gazetteer name (official names and short forms), longest first."""
    out: list[Candidate] = []
    for s, e in m.place_gaz.finditer(norm):
        name = norm[s:e]
        word_end = m.not_place_gaz.starting_at(norm, s)
        if word_end is not None and word_end > e:
            continue  # 大理石, 文山会海: a word that starts with a place's name
        place = m.places[name]
        cand = Candidate("GPE", s, e, "gazetteer", place.canonical, place.code)
        prev = out[-1] if out else None
        if prev is not None and prev.end == s and prev.code is not None:
            # A place right after its parent (北京市朝阳区): the division under that parent.
            # None there means the name is part of something else (绍兴滨海新区).
            scope = prev.code[:2] if prev.code[2:] == "0000" else prev.code[:4]
            under = [(c, n) for c, n in m.divisions[name] if c.startswith(scope) and c != prev.code]
            if not under:
                continue
            if len(under) == 1:
                cand = Candidate("GPE", s, e, "gazetteer", under[0][1], under[0][0])
        out.append(cand)
    return out


def find_gov(norm: str, m: Matchers) -> list[Candidate]:
    """GOV: central bodies by name, and level/place + department or body (省科技厅, 市人民政府)."""
    g = m.rules.gov
    out: list[Candidate] = []
    central: list[Candidate] = []
    central_ends = tuple(g.central_suffixes)
    ends: set[int] = set()  # where the bodies found so far end
    for hit in m.gov_re.finditer(norm):
        if out:
            ends.add(out[-1].end)  # at most one body is added per match
        text = hit.group()
        nat = hit.group("nat")
        if nat:
            canonical = g.national[nat] + text[len(nat) :]
            start = _state_prefix(norm, hit.start(), m)
            out.append(Candidate("GOV", start, hit.end(), "gazetteer", canonical))
            central.append(out[-1])
            continue
        zone = _zone_committee(norm, hit.end(), m)
        if zone is not None:
            # 绵阳科技城管委会: a zone's committee, not 科技 + 城管委 before 会
            out.append(Candidate("GOV", zone, hit.end() + 1, "pattern", norm[zone : hit.end() + 1]))
            continue
        lvl = hit.group("lvl") or hit.group("lvl2") or ""
        if hit.group("lvl2") and lvl.startswith(tuple(g.dept_only_levels)):
            continue  # 中国政府网: 中国 names a body only before a department
        core = hit.group("dept") or hit.group("body") or ""
        start = hit.start()
        rest = text[len(lvl) + len(core) :]
        head = lvl
        # A place before the level word or the department: 浙江省科技厅, 杭州市人民政府.
        lvl_end = start + len(lvl)
        p_start = m.place_gaz.ending_at(norm, lvl_end, max(0, start - 12)) if lvl else None
        if p_start is not None and _opener_place(norm, p_start, start, ends, m):
            p_start = None  # 县农业农村局和县水利局: 和 joins two bodies, no 和县 here
        if p_start is not None and p_start < start:
            head = m.places[norm[p_start:lvl_end]].canonical
            start = p_start
        else:
            p_start = m.place_gaz.ending_at(norm, start, max(0, start - 12))
            if p_start is not None:
                head = m.places[norm[p_start:start]].canonical + lvl
                start = p_start
        if head == lvl and lvl in m.collective:
            continue  # 乡镇人民政府, 市县政府: many bodies, none named
        pre = _body_prefix(norm, start, m) if head == lvl and hit.group("body") == "委" else None
        if pre is not None:
            # 团市委, 共青团省委: the league's committee of a level
            out.append(Candidate("GOV", pre, hit.end(), "pattern", norm[pre : hit.end()]))
            continue
        after_han = start > 0 and _HAN.match(norm, start - 1) and norm[start - 1] not in m.levels
        if after_han and head == lvl and _after_opener(norm, start, m):
            after_han = False  # 报州人民政府, 向区政府: the level word starts the body
        tl = next((t for t in m.town_levels if lvl.endswith(t)), None) if head == lvl else None
        town = None
        if tl is not None and after_han and hit.group("body"):
            town = _town_start(norm, start + len(lvl) - len(tl), m)
        if town is not None and tl is not None:
            # A town or subdistrict named before its level word: 莫干山镇人民政府, 乌镇镇.
            head = norm[town : start + len(lvl) - len(tl)] + tl
            start = town
        elif head == lvl and lvl in m.town_levels:
            continue  # 镇人民政府, 街道办事处 without a name: the towns of a county at large
        elif head == lvl and after_han:
            # A level word at the end of a longer word: 高新区管委会, 园区, 社区.
            zone = _name_start(norm, start + len(lvl), 12, m)
            if norm[zone : start + len(lvl)].endswith(tuple(m.rules.org.place_suffixes)):
                if zone < start:
                    head = norm[zone : start + len(lvl)]
                    start = zone
            elif lvl in _WORD_FINAL_LEVELS:
                continue
        if not head and m.collective_bracket_re.search(norm, max(0, start - 16), start):
            continue  # 各县（市、区）农业农村局: the departments of many divisions, none named
        # Places written one after another: 四川省成都市郫都区人民政府.
        while start > 0 and (head or lvl):
            outer = m.place_gaz.ending_at(norm, start, max(0, start - 12))
            if outer is None:
                break
            head = m.places[norm[outer:start]].canonical + head
            start = outer
        if not head and core in m.rules.gov.bodies:
            continue
        if not head and not lvl and len(core) <= 2 and not _free_start(norm, start, m):
            continue  # 改编办法: a one-character topic without a level inside a word
        if not head and not lvl and _situation(norm, hit.end()):
            continue  # 稳定社会保障局面: 局面 (a situation), no bureau
        if not head and not lvl:
            start = _state_prefix(norm, start, m)  # 中华人民共和国财政部
        for word in g.leading:
            if head and norm.startswith(word, start - len(word)) and start >= len(word):
                start -= len(word)
                head = word + head
                break
        canonical = head + _canonical_department(core, m) + rest
        out.append(Candidate("GOV", start, hit.end(), "pattern", canonical))
        if head == lvl and (lvl in g.central_levels or (not lvl and core.endswith(central_ends))):
            central.append(out[-1])
    out.extend(_named_units(norm, m, out))
    out.extend(b for c in central if (b := _central_branch(norm, c, m)) is not None)
    return out


def _situation(norm: str, end: int) -> bool:
    """Whether a name ending in 局 at ``end`` is the word 局面 (not 局 + 面向, 面临, 面对)."""
    return (
        norm.startswith("局", end - 1)
        and norm.startswith("面", end)
        and not norm.startswith(("面向", "面临", "面对"), end)
    )


def _zone_committee(norm: str, end: int, m: Matchers) -> int | None:
    """Start of a zone's name when ``管委`` ends at ``end`` before ``会`` and a zone's name
    (a park suffix after at least two characters: 绵阳科技城) comes before it, or None."""
    if not (norm.startswith("管委", end - 2) and norm.startswith("会", end)):
        return None
    start = _name_start(norm, end - 2, 12, m)
    while (outer := m.place_gaz.ending_at(norm, start, max(0, start - 12))) is not None:
        start = outer
    name = norm[start : end - 2]
    suffix = next((x for x in m.org_suffixes if name.endswith(x)), None)
    if suffix is None or suffix not in m.rules.org.place_suffixes or len(name) < len(suffix) + 2:
        return None
    return start


def _canonical_department(core: str, m: Matchers) -> str:
    """The full form of a department's name as written (发展改革委 → 发展和改革委员会); in a
    merged name, of its last part after a joiner (卫生健康和医保局 → 卫生健康和医疗保障局)."""
    canonical = m.rules.gov.canonical
    if core in canonical:
        return canonical[core]
    for joiner in m.rules.gov.topic_joiners:
        i = core.rfind(joiner)
        if i > 0 and core[i + len(joiner) :] in canonical:
            return core[: i + len(joiner)] + canonical[core[i + len(joiner) :]]
    return core


def _opener_place(norm: str, p_start: int, start: int, ends: set[int], m: Matchers) -> bool:
    """Whether a place ending in the level word at ``start`` is a level opener and that level
    word (和县, 会同县) right after a body just found (one of ``ends``): the opener joins two
    bodies there."""
    return p_start in ends and norm[p_start:start] in m.rules.gov.level_openers


def _central_branch(norm: str, c: Candidate, m: Matchers) -> Candidate | None:
    """A central body's branch: the body, places or a region, and a branch word
    (国家税务总局江苏省税务局, 国家统计局湖南调查总队, 国家能源局华东监管局), or None."""
    pos = c.end + 1 if norm.startswith("驻", c.end) else c.end  # 商务部驻南京特派员办事处
    first = pos
    while (nxt := m.place_gaz.starting_at(norm, pos)) is not None:
        pos = nxt
    if pos == first:
        nxt = m.region_gaz.starting_at(norm, pos)
        if nxt is None:
            return None
        pos = nxt
    hit = m.branch_word_re.match(norm, pos)
    if hit is None:
        return None
    end = hit.end()
    inner = m.branch_word_re.match(norm, end)
    if inner is not None:
        end = inner.end()  # 人民银行陕西省分行营业管理部
    office = m.office_re.match(norm, end)
    if office is not None:
        end = office.end()  # 国家税务总局江苏省税务局办公室
    canonical = (c.canonical or norm[c.start : c.end]) + norm[c.end : end]
    return Candidate("GOV", c.start, end, "pattern", canonical)


def _after_opener(norm: str, start: int, m: Matchers) -> bool:
    """Whether a word of ``gov.level_openers`` ends right at ``start`` (报 in 报州人民政府)."""
    return any(norm.startswith(w, start - len(w)) for w in m.rules.gov.level_openers)


def _free_start(norm: str, start: int, m: Matchers) -> bool:
    """Whether a name may start at ``start``: a clause's start, punctuation or a stop word
    before it."""
    if start == 0 or not _HAN.match(norm, start - 1):
        return True
    return any(norm[max(0, start - k) : start] in m.stop_words for k in (1, 2, 3, 4))


def _body_prefix(norm: str, start: int, m: Matchers) -> int | None:
    """Start of a word of ``gov.body_prefixes`` right before ``start`` (团 in 团市委), or None.

    The word starts a clause or follows a stop word (由团市委); not 集团市委."""
    for word in m.rules.gov.body_prefixes:
        s = start - len(word)
        if s < 0 or not norm.startswith(word, s):
            continue
        if s == 0 or not _HAN.match(norm, s - 1):
            return s
        if any(norm[max(0, s - k) : s] in m.stop_words for k in (1, 2, 3)):
            return s  # 由团市委, 会同团县委
    return None


def _named_units(norm: str, m: Matchers, found: list[Candidate]) -> list[Candidate]:
    """GOV: a body named by a short name of its own (城东派出所, 杭州铁路运输法院)."""
    g = m.rules.gov
    ends = {c.end for c in found}
    out: list[Candidate] = []
    for hit in m.unit_re.finditer(norm):
        s = hit.start()
        lo = max(0, s - g.unit_name_max)
        # A body found just before ends the text before the name (市公安局城东派出所).
        lo = max([lo, *(x for x in ends if lo <= x < s)])
        start = _town_start(norm, s, m, g.unit_name_max, lo)
        if start is None:
            continue
        while start > 0:
            outer = m.place_gaz.ending_at(norm, start, max(0, start - 12))
            if outer is None:
                break
            start = outer
        out.append(Candidate("GOV", start, hit.end(), "pattern", norm[start : hit.end()]))
    return out


def _state_prefix(norm: str, start: int, m: Matchers) -> int:
    """Start of a central body's name with the state's name before it (中华人民共和国财政部)."""
    for word in m.rules.gov.state_prefixes:
        if start >= len(word) and norm.startswith(word, start - len(word)):
            return start - len(word)
    return start


def _town_start(
    norm: str, end: int, m: Matchers, limit: int | None = None, floor: int = 0
) -> int | None:
    """Start of a town's or subdistrict's own name ending at ``end`` (莫干山 in 莫干山镇), or None.

    The name is at most ``gov.town_name_max`` characters after the last stop word; a place of
    the gazetteer inside that window ends the text before it (德清县莫干山镇: the county is
    taken as the place before the town).
    """
    lo = max(floor, _name_start(norm, end, limit or m.rules.gov.town_name_max, m))
    for q in range(end - 2, lo, -1):
        if m.place_gaz.ending_at(norm, q, max(0, q - 12)) is not None:
            lo = q
            break
    name = norm[lo:end]
    if len(name) < 2 or _generic(name, m) or all(c in m.levels for c in name):
        return None
    return lo


def _name_start(norm: str, end: int, limit: int, m: Matchers, min_len: int = 2) -> int:
    """Where a name ending at ``end`` starts: after punctuation or the last stop word.

    A stop word that would leave fewer than ``min_len`` characters is taken as part of the
    name (``和`` in ``新和成``), and so is a one-character stop word right after the first
    character of a clause or after a stop word (``为`` in ``引导华为技术有限公司``).
    """
    j = _bare_start(norm, end, limit)
    cut = j
    clause = j == 0 or not _HAN.match(norm, j - 1)
    for hit in m.stop_re.finditer(norm, j, end):
        if _inside_joined(norm, hit.start(), hit.end(), j, end, m):
            continue  # 和 in 云南省林业和草原科学院: part of a department's topic
        after_cut = cut > j or clause
        if after_cut and hit.start() == cut + 1 and hit.end() == cut + 2:
            continue
        if end - hit.end() >= min_len:
            cut = hit.end()
    for hit in _COUNTED.finditer(norm, cut, end):
        if end - hit.end() >= min_len:
            cut = hit.end()
    return cut


def _inside_joined(norm: str, s: int, e: int, lo: int, hi: int, m: Matchers) -> bool:
    """Whether ``norm[s:e]`` lies inside a topic holding a stop word (林业和草原) in ``lo..hi``,
    or joins two sectors after an anchor (和 in 中国石油和化学工业联合会)."""
    for p in range(max(lo, s - 8), s):
        end = m.joined_gaz.starting_at(norm, p, hi)
        if end is not None and end >= e:
            return True
    if norm[s:e] not in m.rules.org.field_joiners:
        return False
    first = m.sector_gaz.ending_at(norm, s, lo)
    return (
        first is not None
        and m.sector_gaz.starting_at(norm, e, hi) is not None
        and m.anchor_gaz.ending_at(norm, first, lo) is not None
    )


def _generic(name: str, m: Matchers, anchored: bool = False) -> bool:
    """Whether a name part is a description rather than a name."""
    if name in m.generic_names or m.generic_re.search(name) is not None:
        return True
    return not anchored and m.descriptive_re.search(name) is not None


def _ends_name(norm: str, end: int, m: Matchers) -> bool:
    """Whether a weak suffix at ``norm[:end]`` can close a name (no word runs on after it)."""
    if end >= len(norm) or not _HAN.match(norm, end):
        return True
    return m.boundary_re.match(norm, end) is not None


def _suffix_org(norm: str, s: int, e: int, m: Matchers) -> Candidate | None:
    suffix = norm[s:e]
    o = m.rules.org
    if norm.startswith(tuple(o.suffix_not_before), e):
        return None  # 联合会员: 会员, not a federation
    weak = suffix in m.weak
    if weak and not _ends_name(norm, e, m) and _branch_end(norm, e, m) is None:
        return None
    inner = _INNER_BRACKET.search(norm, max(0, s - 10), s) if suffix in m.strong else None
    if inner is not None and (inner.group(1) in o.bracketed_parts or inner.group(1) in m.places):
        s = inner.start()  # 上海电气（集团）有限公司, 华为技术（北京）有限公司: ends before it
    field = suffix in o.designations
    start = _name_start(norm, s, o.max_name, m)
    if field:
        start = _field_start(norm, start, s, m)
    aff = _affiliation_start(norm, start, s, m)
    if aff is not None and aff < start:
        start = aff  # 华中科技大学同济医学院附属协和医院: 同 is no stop word there
    bracketed = _BRACKETED.search(norm, max(0, start - 16), start)
    if bracketed is not None and bracketed.group(2) in m.places:
        # 中国（湖南）自由贸易试验区: an anchor, a place in brackets, then the name.
        anchor = m.anchor_gaz.ending_at(norm, bracketed.end(1), bracketed.start(1))
        own = norm[bracketed.end() : s] if bracketed.end() == start else ""
        if anchor is not None and len(own) >= 2 and not _generic(own, m, anchored=True):
            return Candidate("ORG", anchor, e, "pattern")
    de = start == s and s >= 2 and norm[s - 1] == "的" and _HAN.match(norm, s - 2) is not None
    if de and (s == 2 or not _HAN.match(norm, s - 3)):
        start = s - 2  # one character and 的 opening a clause: 、美的集团
    else:
        de = False
    name = norm[start:s]
    if len(name) < 2 or (not de and _ends_in_stop_word(norm, start, s, m)):
        return None
    anchor_end = m.anchor_gaz.starting_at(norm, start, s)
    anchored = anchor_end is not None or _affiliated(name, m)
    if weak and (not anchored or name in ("国家", "中国")):
        return None
    if weak and anchor_end is not None and norm[start:anchor_end] not in m.places:
        rest = norm[anchor_end:s]
        if rest and (rest in m.generic_names or _generic(rest, m)):
            return None  # 国家医学中心: an anchor that is no place and a description
    if not (anchored or field) and len(name) > o.max_item:
        return None
    if _generic(name, m, anchored or (field and len(name) >= 4)):
        return None
    if _all_places(norm, start, e, m):
        return None  # 天津滨海新区, 苏州工业园区: divisions, not organisations
    if suffix in o.level_designations and norm[s - 1] in "省市":
        return None  # 河南省实验室, 省实验室: a kind of laboratory (the place alone is named)
    return Candidate("ORG", start, e, "pattern")


def _field_start(norm: str, start: int, end: int, m: Matchers) -> int:
    """Start of a field's name before a designation, across joiners (运行与控制全国重点实验室).

    The text before a joiner is taken when it does not end in an organisation's suffix
    (清华大学与…: two names).
    """
    o = m.rules.org
    while (
        start >= 2
        and norm[start - 1] in o.field_joiners
        and _HAN.match(norm, start - 2)
        and m.suffix_gaz.ending_at(norm, start - 1) is None
    ):
        room = o.max_name - (end - start) - 1
        new = _name_start(norm, start - 1, room, m) if room >= 2 else start - 1
        if new >= start - 2:
            break
        start = new
    return start


def _affiliation_start(norm: str, start: int, s: int, m: Matchers) -> int | None:
    """Start of an organisation and an affiliation word before a name ending at ``s``
    (华中科技大学同济医学院 in …附属协和医院), or None.

    The name found so far (from ``start``) must hold the affiliation word: a stop word
    after it ends the text before the name (…附属华山医院牵头建设国家医学中心)."""
    lo = _bare_start(norm, s, m.rules.org.max_name + 8)
    for word in m.rules.org.affiliation_words:
        i = norm.rfind(word, lo, s)
        if i < start or s - i - len(word) < 2:
            continue
        k = m.suffix_gaz.ending_at(norm, i, lo)
        if k is None or norm[k:i] not in m.strong:
            continue
        inner = _suffix_org(norm, k, i, m)
        if inner is not None:
            return inner.start
    return None


def _affiliated(name: str, m: Matchers) -> bool:
    """Whether a name holds an organisation and an affiliation word (首都医科大学附属北京天坛)."""
    for word in m.rules.org.affiliation_words:
        i = name.find(word)
        if i < 2 or len(name) - i - len(word) < 2:
            continue
        k = m.suffix_gaz.ending_at(name, i)
        if k is not None and k >= 2 and name[k:i] in m.strong:
            return True
    return False


def _ends_in_stop_word(norm: str, start: int, end: int, m: Matchers) -> bool:
    """Whether a name part ends in a stop word (高校和 in 高校和医院), which no name does.

    A place followed by two or more characters may end in a one-character stop word: 和 in
    北京协和医院.
    """
    name = norm[start:end]
    if not any(name[-k:] in m.stop_words for k in (1, 2, 3)):
        return False
    for word in m.rules.org.affiliation_words:
        i = name.rfind(word)
        if i >= 2 and len(name) - i - len(word) >= 2 and name[-2:] not in m.stop_words:
            return False  # 附属协和: after an affiliation word, as after a place
    place_end = m.place_gaz.starting_at(norm, start, end)
    if place_end is None or end - place_end < 2 or name[-2:] in m.stop_words:
        return True
    if m.place_gaz.starting_at(norm, place_end, end) is not None:
        return True  # 浙江省嘉善县为: places and a stop word, no name
    return name[-3:] in m.stop_words


def _branch_end(norm: str, end: int, m: Matchers) -> int | None:
    """End of a place and a branch word right at ``end`` (浙江省分行, 长沙片区), or None."""
    place_end = m.place_gaz.starting_at(norm, end)
    if place_end is None:
        return None
    for pos in range(place_end, place_end + m.rules.org.branch_gap + 1):
        if pos > place_end and (
            not _HAN.match(norm, pos - 1) or m.stop_re.search(norm, place_end, pos) is not None
        ):
            return None
        hit = m.branch_re.match(norm, pos)
        if hit is not None:
            return hit.end()  # 浙江省分行, 江苏石油分公司
    return None


def _branch(norm: str, cand: Candidate, m: Matchers) -> Candidate:
    """The organisation and its branch, when a place and a branch word follow (…浙江省分行)."""
    end = _branch_end(norm, cand.end, m)
    if end is None:
        return cand
    return Candidate("ORG", cand.start, end, cand.source)


_INNER_BRACKET: Final = patterncache.compile(r"\((\p{Han}{2,8})\)$")
"""A word in brackets right before a company's suffix: 集团 in 上海电气（集团）有限公司."""
_CAMPUS: Final = patterncache.compile(r"\((\p{Han}{2,8})\)")


def _campus(norm: str, cand: Candidate, m: Matchers) -> Candidate:
    """A university and its campus, when a place in brackets follows (中国地质大学（武汉）)."""
    if not norm[cand.start : cand.end].endswith(tuple(m.rules.org.campus_suffixes)):
        return cand
    hit = _CAMPUS.match(norm, cand.end)
    if hit is None or hit.group(1) not in m.places:
        return cand
    return Candidate("ORG", cand.start, hit.end(), cand.source)


def _all_places(norm: str, start: int, end: int, m: Matchers) -> bool:
    """Whether ``norm[start:end]`` is a run of gazetteer names, each inside the one before."""
    names: list[str] = []
    pos = end
    while pos > start:
        p = m.place_gaz.ending_at(norm, pos, start)
        if p is None:
            return False
        names.insert(0, norm[p:pos])
        pos = p
    for outer, inner in pairwise(names):
        scopes = {c[:2] if c[2:] == "0000" else c[:4] for c, _ in m.divisions[outer]}
        if not any(c[:2] in scopes or c[:4] in scopes for c, _ in m.divisions[inner]):
            return False
    return True


def find_orgs(norm: str, m: Matchers) -> list[Candidate]:
    """ORG: a name part before an organisation suffix (武汉大学, 绿叶制药, 杭州医药港)."""
    out: list[Candidate] = []
    for hit in m.org_suffix_re.finditer(norm):
        cand = _suffix_org(norm, hit.start(), hit.end(), m)
        if cand is not None:
            out.append(_campus(norm, _branch(norm, cand, m), m))
    out.extend(_known_orgs(norm, m))
    out.extend(_enterprises(norm, m))
    out.extend(_zones(norm, m))
    out.extend(_listed_orgs(norm, m))
    # 中国人民银行广东省分行: a central body and its branch (GOV), no bank.
    return [c for c in out if m.gov_org_gaz.starting_at(norm, c.start, c.end) is None]


def _enterprises(norm: str, m: Matchers) -> list[Candidate]:
    """ORG: well-known enterprises named alone by a short name (中国石化, 国家电网在…)."""
    out: list[Candidate] = []
    for s, e in m.enterprise_gaz.finditer(norm):
        if not _free_start(norm, s, m):
            continue  # 完美的: part of a longer word
        for _ in range(3):  # 云南白药 + 集团 + 股份有限公司
            nxt = m.suffix_gaz.starting_at(norm, e)
            if nxt is None or norm[e:nxt] not in m.strong:
                break
            e = nxt
        if _runs_on(norm, e, m) and _branch_end(norm, e, m) is None:
            continue  # 中国石化行业, 中国石油化工: a word runs on
        out.append(_branch(norm, Candidate("ORG", s, e, "gazetteer"), m))
    return out


def _runs_on(norm: str, end: int, m: Matchers) -> bool:
    """Whether the text at ``end`` goes on with a word that makes a short name part of a longer
    term: an industry, an organisation's suffix, a description (行业, 化工, 产业园, 企业)."""
    if _ends_name(norm, end, m):
        return False
    return (
        norm[end] in "业类"
        or norm.startswith(tuple(m.rules.org.enterprise_not_before), end)
        or m.sector_gaz.starting_at(norm, end) is not None
        or m.suffix_gaz.starting_at(norm, end) is not None
        or m.generic_re.match(norm, end) is not None
        or m.descriptive_re.match(norm, end) is not None
    )


def _zones(norm: str, m: Matchers) -> list[Candidate]:
    """ORG: a zone named by a place and a short name before its suffix (钦州港片区)."""
    o = m.rules.org
    out: list[Candidate] = []
    for hit in m.zone_re.finditer(norm):
        s = hit.start()
        for gap in range(1, o.zone_name_max + 1):
            q = s - gap
            if q < 1 or not _HAN.match(norm, q) or m.stop_re.search(norm, q, s) is not None:
                break
            p = m.place_gaz.ending_at(norm, q, max(0, q - 12))
            if p is None:
                continue
            while p > 0 and (outer := m.place_gaz.ending_at(norm, p, max(0, p - 12))) is not None:
                p = outer  # 广西钦州港片区
            if _free_start(norm, p, m):
                out.append(Candidate("ORG", p, hit.end(), "pattern"))
            break
    return out


def _known_orgs(norm: str, m: Matchers) -> list[Candidate]:
    """ORG: well-known names that hold a stop word, with the suffixes and branch after them."""
    out: list[Candidate] = []
    for s, e in m.known_gaz.finditer(norm):
        for _ in range(3):  # 中国交通建设 + 集团 + 有限公司
            nxt = m.suffix_gaz.starting_at(norm, e)
            if nxt is None or norm[e:nxt] not in m.strong:
                break
            e = nxt
        out.append(_branch(norm, Candidate("ORG", s, e, "gazetteer"), m))
    return out


def _listed_orgs(norm: str, m: Matchers) -> list[Candidate]:
    """ORG: items of a list closed by 等 and a head such as 企业 (新和成、康恩贝等11家企业)."""
    o = m.rules.org
    out: list[Candidate] = []
    for hit in m.list_re.finditer(norm):
        if m.stop_re.search(hit.group("mid")):
            continue  # 等 closes a clause here, not a list of names (…等加强与企业合作)
        items: list[tuple[int, int]] = []
        pos = hit.start()
        while pos > 0:
            start = _name_start(norm, pos, o.max_item + 4, m)
            if start == pos:
                start = _de_name_start(norm, pos, m)  # 美的 in 推动美的、格力等家电企业
            k = m.suffix_gaz.ending_at(norm, pos, start)
            whole = _suffix_org(norm, k, pos, m) if k is not None and k >= start else None
            if whole is not None and whole.start < start:
                start = whole.start  # 北京协和医院: the organisation's own start
            items.append((start, pos))
            if (
                start > 0
                and start == _bare_start(norm, pos, o.max_item + 4)
                and (norm[start - 1] == "、")
            ):
                pos = start - 1
                continue
            break
        sectors = tuple(m.rules.org.sector_words)
        counted = hit.group("count") is not None
        mid = hit.group("mid")
        sector_mid = bool(mid) and mid.endswith(sectors) and mid not in ("产业", "行业", "领域")
        if not counted and (m.named_head_re.match(norm, hit.start() + 1) is not None or sector_mid):
            # 比亚迪、宁德时代等龙头企业, 美的、格力等家电企业;
            # not 钢铁、石化等龙头企业 (industries)
            counted = not any(_sector(norm[a:b], m) for a, b in items)
        named = any(
            (k := m.suffix_gaz.ending_at(norm, b, a)) is not None and k - a >= 2 for a, b in items
        ) or (len(items) > 1 and any(_place_named(norm, a, b, m) for a, b in items))
        if not (counted or named):
            continue
        for a, b in items:
            name = norm[a:b]
            if not 2 <= len(name) <= o.max_item or name in m.places:
                continue
            if _generic(name, m, anchored=len(items) > 1 and not m.descriptive_re.match(name)):
                continue
            if name in m.org_suffixes:
                continue
            if m.gov_re.fullmatch(name) or name.isdigit():
                continue
            out.append(Candidate("ORG", a, b, "pattern"))
    return out


def _sector(item: str, m: Matchers) -> bool:
    """Whether a list item names an industry (钢铁, 新能源汽车, 高端装备), not a company
    (长城汽车)."""
    sectors = m.rules.org.sector_words
    if item in sectors:
        return True
    word = next((w for w in sorted(sectors, key=len, reverse=True) if item.endswith(w)), None)
    if word is None:
        return False
    rest = item[: -len(word)]
    return not rest or rest in sectors or _generic(rest, m) or _sector(rest, m)


def _de_name_start(norm: str, end: int, m: Matchers) -> int:
    """Start of a name of one character and ``的`` ending at ``end`` after a clause's start or a
    stop word (美的 in 推动美的、), or ``end``."""
    s = end - 2
    if s < 0 or norm[end - 1] != "的" or not _HAN.match(norm, s):
        return end
    if s == 0 or not _HAN.match(norm, s - 1):
        return s
    if any(norm[max(0, s - k) : s] in m.stop_words for k in (1, 2, 3)):
        return s
    return end


def _place_named(norm: str, start: int, end: int, m: Matchers) -> bool:
    """Whether a list item is a place and a name after it (青岛啤酒, 贵州茅台): a company."""
    p = m.place_gaz.starting_at(norm, start, end)
    if p is None or end - p < 2 or m.place_gaz.starting_at(norm, p, end) is not None:
        return False
    rest = norm[p:end]
    return not _generic(rest, m) and not rest.endswith(tuple(m.rules.org.sector_words))


def _bare_start(norm: str, end: int, limit: int) -> int:
    """Start of the run of name characters ending at ``end`` (at most ``limit`` long)."""
    lo = max(0, end - limit)
    hit = _NON_NAME.search(norm, lo, end)
    return hit.end() if hit else lo


def find_laws(norm: str, m: Matchers) -> list[Candidate]:
    """LAW: titles in 《》 (one level of nesting) and document numbers (国办发〔2016〕11号)."""
    out: list[Candidate] = []
    for hit in _TITLE.finditer(norm):
        title = hit.group(1).strip()
        if title:
            out.append(Candidate("LAW", hit.start(1), hit.end(1), "pattern", title))
    for hit in _DOC_NUMBER.finditer(norm):
        start = _number_prefix(norm, hit.start(1), hit.end(1), m)
        if start is None:
            continue
        canonical = f"{norm[start : hit.end(1)]}〔{hit.group(2)}〕{int(hit.group(3))}号"
        out.append(Candidate("LAW", start, hit.end(), "pattern", canonical))
    for hit in m.standard_re.finditer(norm):
        # GB/T 19001-2016, DB33/T 1212-2020
        canonical = regex.sub(r"[－—–]", "-", regex.sub(r"\s+", " ", hit.group()))
        out.append(Candidate("LAW", hit.start(), hit.end(), "pattern", canonical))
    for hit in _ORDER_NUMBER.finditer(norm):
        # 财政部 税务总局公告2023年第5号, 国家药监局令第5号
        start = _number_prefix(norm, hit.start(1), hit.end(1), m)
        if start is None:
            continue
        year = f"{hit.group(3)}年" if hit.group(3) else ""
        canonical = f"{norm[start : hit.end(1)]}{hit.group(2)}{year}第{int(hit.group(4))}号"
        out.append(Candidate("LAW", start, hit.end(), "pattern", canonical))
    return out


def _number_prefix(norm: str, start: int, end: int, m: Matchers) -> int | None:
    """Where the issuer's abbreviation before a document number starts, or None."""
    law = m.rules.law
    cut = _name_start(norm, end, end - start, m)
    if cut < end - 1:
        start = max(start, cut)
    prefix = norm[start:end]
    # A title written just before the number ends before it: …的通知 浙政办发〔2022〕30号.
    for word in law.title_ends:
        i = prefix.rfind(word)
        if i >= 0 and end - (start + i + len(word)) >= 2:
            start += i + len(word)
            prefix = norm[start:end]
    # The prefix starts after the last word that ends the text before it (…优惠按财税〔2019〕13号).
    cut = start
    for lead in m.law_strip_re.finditer(norm, start, end):
        if end - lead.end() >= 2:
            cut = lead.end()
    start = cut
    return start if end - start >= 2 else None


def find_quoted(norm: str, m: Matchers) -> list[Candidate]:
    """PROGRAM (and ORG) names in quotation marks: “雄鹰行动”, “十大楚药”, “富阳药谷”."""
    out: list[Candidate] = []
    last_program = -1
    for hit in _QUOTED.finditer(norm):
        group = next(i for i in (1, 2, 3) if hit.group(i) is not None)
        text = hit.group(group)
        start, end = hit.start(group), hit.end(group)
        if len(text.strip()) < 2 or _FIVE_YEAR.fullmatch(text):
            continue
        k = m.suffix_gaz.ending_at(text, len(text))
        org = text[k:] if k is not None else None
        plain = not any(c in text for c in "+＋、，,")
        if (
            org
            and org not in m.industry
            and plain
            and len(text) >= len(org) + 2
            and not _generic(text[: -len(org)], m)
        ):
            out.append(Candidate("ORG", start, end, "pattern", quoted=True))
            continue
        before = norm[max(0, hit.start() - 6) : hit.start()]
        if _category(text, m):
            continue  # “六税两费”, “五险一金”: counted things, no programme
        designation = m.designation_follower_re.match(norm, hit.end()) is not None
        closed = _HAN.match(norm, _quotes_end(norm, hit.end())) is None
        if (
            text.endswith(m.program_suffixes)
            or m.program_counter_re.match(text)
            or m.parallel_program_re.fullmatch(text)
            or (m.short_program_re.fullmatch(text) and m.short_follower_re.match(norm, hit.end()))
            or (m.trigger_re.search(before) and not designation)
            or (m.end_trigger_re.search(before) and closed)
            or m.follower_re.match(norm, hit.end())
            or (last_program >= 0 and _QUOTE_JOINER.fullmatch(norm, last_program, hit.start()))
            or (
                last_program >= 0
                and norm[last_program : hit.start()] in m.program_joiners
                and not _HAN.match(norm, hit.end())
            )
        ):
            out.append(Candidate("PROGRAM", start, end, "pattern", text, quoted=True))
            last_program = hit.end()
    return out


def _category(text: str, m: Matchers) -> bool:
    """Whether a quoted numbered abbreviation counts things (“六税两费”: taxes and fees)."""
    words = m.rules.program.category_words
    if not words:
        return False
    if m.parallel_program_re.fullmatch(text):
        return text[1] in words and text[3] in words
    if m.short_program_re.fullmatch(text):
        return text[1] in words
    return False


def _quotes_end(norm: str, pos: int) -> int:
    """End of the quoted names written right after ``pos`` (“产业教授”“科技副总”机制)."""
    for _ in range(8):
        nxt = _QUOTED.match(norm, pos + 1 if norm.startswith("、", pos) else pos)
        if nxt is None:
            break
        pos = nxt.end()
    return pos
