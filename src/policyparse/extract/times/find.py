"""Finding time expressions: spans in the working copy and how their parts are written.

Two passes. ``find_atoms`` finds the smallest units (a calendar point such as ``2025年底``, a
plan name such as ``“十四五”期间``, a limit such as ``30个工作日内``, a recurrence such as
``每季度``). ``find_times`` then joins them with the words around them into expressions: a
range (``2021年至2025年``), a deadline (``到2025年``, ``9月底前``), a start (``自2024年3月1日起``),
a start with a limit (``2020年起3年内``). Values are worked out in :mod:`.resolve`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final, Literal

import regex

from ... import patterncache
from ...numerals import parse_number
from ...patterncache import KEEP_GIL
from ...patternhints import alternation, literal_trie
from ...textscan import char_offsets
from .rules import TimeRules, rules

AtomType = Literal[
    "point",  # a calendar point or stretch: 2025年, 2024年3月1日, 今年底, 二季度, 6月底
    "range",  # 2021—2025年 (first year without 年)
    "plan",  # “十四五”, 十四五期间, “十三五”末
    "festival",  # 春节, 国庆节
    "named",  # 本世纪中叶
    "limit",  # 30个工作日内, 不超过3个月, 3年内
    "relperiod",  # 今后五年
    "effort",  # 用3年时间
    "recurrence",  # 每季度, 按月
    "docstart",  # 自印发之日起
]

Role = Literal[
    "point", "range", "deadline", "start", "start_limit", "limit", "relperiod", "effort",
    "recurrence",
]  # fmt: skip

_COUNTED_NEXT: Final = patterncache.compile(
    r"[\d一二三四五六七八九十百千万亿个年月日天%名家项人元]"
)
_BEFORE_WORD: Final = patterncache.compile(r"前|之前|以前")
_TO_YEAR_END: Final = patterncache.compile(r"[到至年]$")

_NUM: Final = r"(?:\d{1,4}(?:\.\d+)?|[零〇一二三四五六七八九十百两]{1,4})"
_NUM_FIRST: Final = r"\d零〇一二三四五六七八九十百两"
"""The characters a ``_NUM`` match starts with (a character class body)."""
_NUM_CHARS: Final = _NUM_FIRST + "."
"""The characters a ``_NUM`` match is made of."""
_FEW: Final = r"(?:\d{1,2}|[一二三四五六七八九十两]{1,2})"
"""A small number (of years): one or two digits or Chinese numerals."""
_RANGE_SEP: Final = r"(?:至|到|-|—|–|~|～)"
_RANGE_SEP_CHARS: Final = "至到-—–~～"
"""The characters of ``_RANGE_SEP``."""
_CN_DIGIT: Final = "〇○零一二三四五六七八九"
_MONTH: Final = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY: Final = (
    r"3[01]|[12]\d|0?[1-9]"
    r"|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
)
_QUARTER: Final = r"[一二三四1-4]"
# A day of a lunar month: 初一..初十, 十一..十九, 二十, 廿一/二十一..廿九, 三十.
_LUNAR_DAY: Final = (
    r"初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?"
    r"|廿[一二三四五六七八九]|三十"
)
# A month, or a span of months of one year (1-6月, 1至9月份).
_MONTH_TO: Final = rf"(?:(?:[-—–~～至到])(?P<m2>{_MONTH}))?月份?"


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; own __init__ (faster)
class Atom:
    """A smallest time unit found in the working copy, with its written parts."""

    start: int
    end: int
    type: AtomType
    parts: dict[str, str] = field(hash=False, compare=False)

    def __init__(
        self, start: int, end: int, type: AtomType, parts: dict[str, str] | None = None
    ) -> None:
        self.start = start
        self.end = end
        self.type = type
        self.parts = {} if parts is None else parts


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; own __init__ (faster)
class Found:
    """A time expression's span in the working copy, its role and the atoms it is built of."""

    start: int
    end: int
    role: Role
    atoms: tuple[Atom, ...]
    prefix: str = ""
    """The word written before the atoms (``到``, ``截至``, ``自``)."""
    suffix: str = ""
    """The word written after them (``前``, ``底前``, ``起``)."""
    not_window: bool = False
    """For a limit: it counts from an event written before it (``获批后3年内``) or is a stated
    length (``有效期为5年内``), so it is no window from the document's anchor year."""

    def __init__(
        self,
        start: int,
        end: int,
        role: Role,
        atoms: tuple[Atom, ...],
        prefix: str = "",
        suffix: str = "",
        not_window: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.role = role
        self.atoms = atoms
        self.prefix = prefix
        self.suffix = suffix
        self.not_window = not_window


@dataclass(frozen=True, slots=True)
class _Lead:
    """What comes before a word every match of an atom pattern holds (a unit word): the
    pattern is tried only where a match can start in the run of characters allowed before
    such a word (see :func:`_lead_matches`)."""

    words: tuple[tuple[str, tuple[str, ...]], ...]
    """The words by their first character."""
    run: regex.Pattern[str]
    """A reversed pattern reading back over the characters allowed before a word."""
    start: regex.Pattern[str]
    """A character a match can start with."""


def _char_class(words: Iterable[str], classes: str) -> str:
    """A character class of the characters of ``words`` and the class body ``classes``."""
    chars = sorted({c for w in words for c in w})
    return "[" + "".join(c if c.isalnum() else "\\" + c for c in chars) + classes + "]"


def _lead(
    words: Iterable[str],
    before: Iterable[str],
    before_classes: str,
    first: Iterable[str],
    first_classes: str = "",
) -> _Lead:
    """A ``_Lead`` for matches holding one of ``words`` with nothing before it but characters
    of the words ``before`` and of the class body ``before_classes``, and starting with a
    first character of ``first`` or one of ``first_classes``."""
    by_first: dict[str, set[str]] = {}
    for w in words:
        by_first.setdefault(w[0], set()).add(w)
    return _Lead(
        tuple((c, tuple(sorted(ws))) for c, ws in sorted(by_first.items())),
        patterncache.compile(rf"(?r){_char_class(before, before_classes)}*"),
        patterncache.compile(_char_class([w[0] for w in first if w], first_classes)),
    )


@dataclass(frozen=True, slots=True)
class _Patterns:
    atoms: tuple[tuple[AtomType, regex.Pattern[str]], ...]
    needles: tuple[tuple[str, ...], ...]
    """Per atom pattern: words one of which every match holds (empty: none known), so that a
    pattern is not run over a text holding none of them."""
    anchored: tuple[bool, ...]
    """Per atom pattern: whether every match starts with one of its ``needles``, so that it is
    tried only where one of them is written (see :func:`_matches`)."""
    after: tuple[str, ...]
    """Per atom pattern: characters one of which stands right before every match (``""``: none
    known), so that it is tried only right after one of them."""
    anchor_re: re.Pattern[str] | None
    """The ``needles`` of every ``anchored`` pattern in one alternation: one scan finds where
    any of them starts (see :func:`_needle_hits`)."""
    leads: tuple[_Lead | None, ...]
    """Per atom pattern: the words its matches hold and what may stand before them, so that
    it is tried only right before such a word (``None``: scanned as usual)."""
    group_names: tuple[tuple[str, ...] | None, ...]
    """Per atom pattern: its group names in the order of their numbers (``None`` when they are
    not numbered one by one in that order), to read a match with ``groups()`` (see
    :func:`_groupdict`)."""
    deadline_prefix: regex.Pattern[str]
    deadline_suffix: regex.Pattern[str]
    start_prefix: regex.Pattern[str]
    start_suffix: regex.Pattern[str]
    connector: regex.Pattern[str]
    closer: regex.Pattern[str]
    limit_gap: regex.Pattern[str]
    event_before: regex.Pattern[str]
    past_before: regex.Pattern[str]
    limit_lead: regex.Pattern[str]
    month_day: regex.Pattern[str]
    plan_name: regex.Pattern[str] | None
    """A noun of a name a few Chinese characters on (``职业教育国家规划教材``), matched where a
    plan name ends; ``None`` without ``plan_name_nouns``."""


def _year_tail(r: TimeRules) -> str:
    """What may follow ``年``: a quarter, a half, a modifier, or a month with day and modifier."""
    ymods = alternation(r.year_modifiers)
    mmods = alternation(r.month_modifiers)
    early = r.not_after_early
    return (
        rf"(?:(?P<qt>第?(?P<q>{_QUARTER})季度(?P<qm>末|初)?)"
        rf"|前(?P<qn>[二三])季度"
        rf"|(?P<ymod>{ymods})(?!(?<=初){early})"
        rf"|(?P<m>{_MONTH}){_MONTH_TO}"
        rf"(?:(?P<d>{_DAY})[日号])?(?:(?P<mm>{mmods})(?!(?<=初){early}))?)?"
    )


@cache
def patterns() -> _Patterns:
    """The compiled patterns, built once from ``data/times.yaml``."""
    r = rules()
    tail = _year_tail(r)
    mmods = alternation(r.month_modifiers)
    early = r.not_after_early
    pp = r.plan_periods
    plan_words = alternation([*pp.period_words, *pp.end_words, *pp.begin_words, *pp.since_words])
    units = alternation(r.limit_units)
    before = alternation(r.limit_before)
    after = alternation(r.limit_after)
    frac = alternation(r.fraction_words)
    rec_units = alternation(r.recurrence_units)
    doc_start = (
        rf"自(?:本(?:{alternation(r.document_words)}))?(?:{alternation(r.document_start_verbs)})之日起"
        rf"|(?:{alternation(r.start_prefixes)})?即日起(?!{r.not_after_since})"
    )
    lunar_day = _LUNAR_DAY
    lunar_num = r"十[一二]|[一二三四五六七八九十]"
    lunar_names = alternation(r.lunar_month_names)
    lunar = (
        # 农历八月十五; 正月十五, 腊月二十三; 五月初五 (a day with 初 is lunar only)
        rf"(?P<lp>{alternation(r.lunar_prefixes)})(?P<lm>{lunar_names}|{lunar_num})月(?P<ld>{lunar_day})"
        rf"|(?P<lm>{lunar_names})月(?P<ld>{lunar_day})"
        rf"|(?<![\d〇○零一二三四五六七八九十])(?P<lm>{lunar_num})月(?P<ld>初[一二三四五六七八九十])"
    )
    atoms: list[tuple[AtomType, regex.Pattern[str]]] = [
        (
            "point",
            patterncache.compile(
                rf"(?:(?<!\d)(?P<y>(?:19|20)\d\d)|(?<![{_CN_DIGIT}十])(?P<cy>[{_CN_DIGIT}]{{4}}))"
                rf"年(?![版代级]|第\d{{1,4}}号)(?P<yd>度)?{tail}"
            ),
        ),
        (
            "point",
            patterncache.compile(
                r"(?<![\d.\-/:])(?P<iy>(?:19|20)\d\d)(?P<sep>[-/.])(?P<im>0?[1-9]|1[0-2])"
                r"(?P=sep)(?P<id>3[01]|[12]\d|0?[1-9])(?![\d.\-/])"
            ),
        ),
        (
            "range",
            patterncache.compile(
                r"(?<![\d\-])(?P<y1>(?:19|20)\d\d) ?(?:[-—–~～－至到一]{1,2}) ?"
                r"(?P<y2>(?:19|20)\d\d)年(?![版代级])度?"
            ),
        ),
        (
            "range",
            patterncache.compile(
                r"(?<=[(\[【〔])(?P<y1>(?:19|20)\d\d) ?(?:[-—–~～－至到]{1,2}) ?"
                r"(?P<y2>(?:19|20)\d\d)(?:年度?)?(?=[)\]】〕])"
            ),
        ),
        (
            "plan",
            patterncache.compile(
                rf"第(?P<ord>十[一二三四五六七八九]|[一二三四五六七八九十])个五年(?:规划|计划)"
                rf"(?P<pw>{plan_words})?"
            ),
        ),
        (
            "point",
            patterncache.compile(
                rf"(?<!{r.relative_year_not_after})"
                rf"(?P<ry>{alternation([*r.relative_years, *r.context_years])}){tail}"
            ),
        ),
        (
            "point",
            patterncache.compile(
                rf"(?<![\d〇○零一二三四五六七八九十百两半几多数近每个今明本当去上后前同该次全第])"
                rf"(?P<bw>{alternation(r.bare_year_words)})(?!(?<=初){early})(?!(?<=全年)[龄候级])"
            ),
        ),
        (
            "point",
            patterncache.compile(
                # 季度 outside the alternation lets the engine search for it as a literal
                rf"(?<![\d〇○零一二三四五六七八九十每按个前第季])"
                rf"(?:第?(?P<q>{_QUARTER})|前(?P<qn>[二三]))季度(?(q)(?P<qm>末|初)?)"
            ),
        ),
        (
            "point",
            patterncache.compile(
                # a half-width stop after a word may end a sentence (停车设施.11月底前); after
                # a digit it is a decimal point (3.11月)
                rf"(?<![\d个第/〇○零一二三四五六七八九十统单])(?<!\d\.)(?P<m>{_MONTH}){_MONTH_TO}"
                rf"(?:(?P<d>{_DAY})[日号])?(?:(?P<mm>{mmods})(?!(?<=初){early}))?"
                r"(?![度刊报薪])"
            ),
        ),
        (
            "plan",
            patterncache.compile(
                r"(?<![一二三四五六七八九十百千万零〇两\d第])(?P<q1>[“\"‘「]?)"
                r"(?P<ord>十[一二三四五六七八九]|[一二三四五六七八九十])五(?P<q2>[”\"’」]?)"
                rf"(?P<pw>{plan_words})?"
            ),
        ),
        (
            "festival",
            patterncache.compile(
                rf"(?<![一二三四五六七八九十])(?P<fest>{alternation(r.festivals)})"
            ),
        ),
        ("named", patterncache.compile(rf"(?P<named>{alternation(r.named_years)})")),
        (
            "limit",
            patterncache.compile(
                rf"(?P<lb>{before})?(?<![\d.])(?P<ln>{_NUM}|{frac})"
                rf"(?:{_RANGE_SEP}(?P<ln2>{_NUM}))?(?P<lu>{units})"
                rf"(?:(?P<la>{after})(?!(?<=内){r.not_after_inside}))?"
            ),
        ),
        (
            "relperiod",
            patterncache.compile(
                rf"(?P<rpw>{alternation(r.relative_period_words)})(?P<rn>{_NUM})"
                rf"(?:{_RANGE_SEP}(?P<rn2>{_NUM}))?个?年(?P<rt>内|间|里)?"
            ),
        ),
        (
            "effort",
            patterncache.compile(
                rf"(?P<eb>{alternation(r.relative_effort.before)})(?P<en>{_NUM}|{frac})"
                rf"(?:{_RANGE_SEP}(?P<en2>{_NUM}))?个?年(?P<ea>{alternation(r.relative_effort.after)})"
            ),
        ),
        (
            "recurrence",
            patterncache.compile(
                rf"(?:(?P<rp>{alternation(r.recurrence_prefixes)})(?P<rn>{_NUM})?(?P<ru>{rec_units})"
                rf"|(?P<bp>{alternation(r.recurrence_by_prefix)})(?P<ru>{alternation(r.recurrence_by_units)}))"
                rf"(?!{r.recurrence_not_before})(?P<rmod>末|初|底)?"
            ),
        ),
        ("docstart", patterncache.compile(doc_start)),
        # a lunar date: a festival-like atom without a name (``fest``)
        ("festival", patterncache.compile(rf"(?:{lunar})日?(?![\d一二三四五六七八九十])")),
        # 三年新增…, 三年累计…: a bare number of years opening a clause, a deadline as 三年内
        (
            "effort",
            patterncache.compile(
                rf"(?:(?<=[，,。；;：:\n])|(?<![\s\S]))(?P<en>{_FEW})(?:{_RANGE_SEP}(?P<en2>{_FEW}))?年"
                rf"(?=(?P<ec>{alternation(r.relative_count_words) or '(?!)'}))"
            ),
        ),
    ]
    # by position in ``atoms``: the words every match starts with, and (second dict) words
    # every match holds somewhere; words written everywhere (用 of ``relative_effort``) are
    # left out (see ``_needle_starts`` for the cost of a list)
    starts: dict[int, list[str]] = {
        5: [*r.relative_years, *r.context_years],
        6: list(r.bare_year_words),
        10: list(r.festivals),
        11: list(r.named_years),
        13: list(r.relative_period_words),
        15: [*r.recurrence_prefixes, *r.recurrence_by_prefix],
    }
    holds: dict[int, list[str]] = {
        7: ["季度"],
        16: ["之日起", "即日起"],
        17: [*r.lunar_prefixes, *(f"{w}月" for w in r.lunar_month_names), "月初"],
    }
    # by position in ``atoms``: patterns whose matches hold a word (a date separator, 年, a
    # limit's unit, 月) with only a few kinds of characters before it; limits (不超过3个月) and
    # efforts (用3年时间): a bound or lead word, numbers and a range separator
    num_run = _NUM_CHARS + regex.escape(_RANGE_SEP_CHARS)
    fracs = list(r.fraction_words)
    effort_before = r.relative_effort.before
    lunar_lead = [*r.lunar_prefixes, *r.lunar_month_names, *"一二三四五六七八九十"]
    leads = {
        # 2024-03-01: digits before the first separator
        1: _lead(["-", "/", "."], [], r"\d", ["1", "2"]),
        # 2021—2025年: years, a separator and spaces before 年
        2: _lead(["年"], [" -—–~～－至到一"], r"\d", ["1", "2"]),
        12: _lead(r.limit_units, [*r.limit_before, *fracs], num_run, [*r.limit_before, *fracs],
                  _NUM_FIRST),
        14: _lead(["年"], [*effort_before, *fracs, "个"], num_run, effort_before),
        # 农历八月十五, 正月十五, 五月初五: a prefix and the month before 月
        17: _lead(["月"], lunar_lead, "", lunar_lead),
        # 三年新增: numbers and a range separator before 年 and a count word
        18: _lead([f"年{w}" for w in r.relative_count_words] or ["年"], [], num_run, [],
                  _NUM_FIRST),
    }  # fmt: skip
    anchor_words = tuple(sorted({w for ws in starts.values() for w in ws if w}))
    not_before = r.not_after_before
    return _Patterns(
        atoms=tuple(atoms),
        needles=tuple(
            tuple(w for w in starts.get(i, holds.get(i, ())) if w) for i in range(len(atoms))
        ),
        anchored=tuple(i in starts and all(starts[i]) for i in range(len(atoms))),
        after=tuple("([【〔" if i == 3 else "" for i in range(len(atoms))),
        anchor_re=_needles_re(anchor_words) if anchor_words else None,
        leads=tuple(leads.get(i) for i in range(len(atoms))),
        group_names=tuple(_numbered_names(pat) for _, pat in atoms),
        deadline_prefix=patterncache.compile(rf"(?P<w>{alternation(r.deadline_prefixes)}) ?$"),
        deadline_suffix=patterncache.compile(
            rf" ?(?P<w>{alternation(r.deadline_suffixes)})(?!(?<=前)(?:{not_before}))"
            rf"(?!(?<=内){r.not_after_inside})"
        ),
        start_prefix=patterncache.compile(rf"(?P<w>{alternation(r.start_prefixes)}) ?$"),
        start_suffix=patterncache.compile(
            rf" ?(?P<w>{alternation(r.start_suffixes)})(?!(?<=起){r.not_after_since})"
        ),
        connector=patterncache.compile(rf" ?(?:{alternation(r.range_connectors)}) ?"),
        closer=patterncache.compile(rf"^(?:{alternation(r.range_closers)})"),
        limit_gap=patterncache.compile(r"[,，]?(?:利用|经过|用|在)?"),
        event_before=patterncache.compile(
            rf"(?:{alternation(r.event_markers)})的?[,，]?(?:在|的)?$"
        ),
        past_before=patterncache.compile(rf"(?:{alternation(r.past_words)})$"),
        limit_lead=patterncache.compile(rf"(?:{alternation(r.limit_lead_words)})$"),
        plan_name=(
            patterncache.compile(
                rf"[”\"’」]?\p{{Han}}{{0,{r.plan_name_reach}}}?(?:{alternation(r.plan_name_nouns)})"
            )
            if r.plan_name_nouns
            else None
        ),
        month_day=patterncache.compile(
            rf"(?:(?:{_DAY})[日号](?![\d一二三四五六七八九十])"
            + (rf"|{alternation(r.recurrence_month_days)}" if r.recurrence_month_days else "")
            + ")"
        ),
    )


def _numbered_names(pat: regex.Pattern[str]) -> tuple[str, ...] | None:
    """The group names of ``pat`` if its groups are numbered 1, 2 … in the order of the names
    (a name used twice has one number), else ``None``."""
    index = pat.groupindex
    if list(index.values()) != list(range(1, pat.groups + 1)):
        return None
    return tuple(index)


def _groupdict(m: regex.Match[str], names: tuple[str, ...] | None) -> dict[str, Any]:
    """``m.groupdict()`` (same keys in the same order), built from ``m.groups()``: ``regex``
    makes the dict itself many times slower."""
    if names is None:
        return m.groupdict()
    return dict(zip(names, m.groups(), strict=True))


def _accept(atom_type: AtomType, g: dict[str, Any], m: regex.Match[str], norm: str) -> bool:
    """Checks that a pattern alone cannot express (``g``: the groups of ``m`` by name)."""
    r = rules()
    chinese_month_alone = (
        atom_type == "point"
        and "m" in g
        and g["m"] is not None
        and not (g.get("y") or g.get("cy") or g.get("ry") or g.get("d") or g.get("mm"))
        and not g["m"].isdigit()
    )
    if chinese_month_alone:
        # A Chinese-numeral month alone (统一月报) is too weak; 九月底, 十二月三十一日 count.
        return norm.startswith("前", m.end())
    if atom_type == "range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        return y1 < y2 <= y1 + 50
    if atom_type == "effort" and g.get("ec"):
        n = parse_number(g["en"])
        return n is not None and 1 <= n <= r.relative_count_max
    if atom_type == "plan":
        if not g.get("pw") and _plan_name_after(norm, m.end()):
            return False  # “十四五”职业教育国家规划教材: part of a name
        quoted = bool(g.get("q1")) and bool(g.get("q2"))
        if quoted or g.get("pw") or "q1" not in g:
            return True
        nxt = norm[m.end() : m.end() + 1]
        ordinal = parse_number(g["ord"]) or 0
        return ordinal >= r.plan_periods.bare_min_ordinal and not _COUNTED_NEXT.match(nxt)
    if atom_type == "limit":
        unit = r.limit_units[g["lu"]]
        if unit.needs_bound and not (g["lb"] or g["la"]):
            lead = patterns().limit_lead.search(norm, max(0, m.start() - 6), m.start())
            if lead is None:
                return False
        if unit.unit == "年" and len(g["ln"]) >= 3:
            return False  # 2025年内 is a point with 内, not 2025 years
        # 近3年内: a window in the past.
        past = patterns().past_before.search(norm, max(0, m.start() - 2), m.start())
        return not (unit.unit == "年" and past)
    if atom_type == "festival" and "fest" in g and g["fest"] is not None:
        after = norm[m.end() : m.end() + 2]
        before = norm[max(0, m.start() - 2) : m.start()]
        return bool(_BEFORE_WORD.match(after) or _TO_YEAR_END.search(before))
    return True


def _plan_name_after(norm: str, pos: int) -> bool:
    """Whether a noun of a name (``规划教材``) follows a plan name ending at ``pos`` within a few
    Chinese characters."""
    pat = patterns().plan_name
    return pat is not None and pat.match(norm, pos) is not None


def _matches(
    pat: regex.Pattern[str],
    norm: str,
    needles: tuple[str, ...],
    anchored: bool,
    lead: _Lead | None = None,
    after: str = "",
    hits: list[int] | None = None,
) -> Iterable[regex.Match[str]]:
    """``pat.finditer(norm)``, sped up by words its matches hold (or start with).

    A pattern is run only over a text holding one of its ``needles``; an ``anchored`` one is
    tried only where one of them starts (among ``hits``, every offset where a needle of any
    anchored pattern starts, when given), each match resuming after the last as in
    ``finditer`` (a bare alternation scan costs far more than ``str.find``); one with a
    ``lead`` only where its ``_lead_matches`` says, one with characters ``after`` only right
    after one of them.
    """
    if lead is not None:
        return _lead_matches(pat, norm, lead)
    if after:
        return _tried_at(pat, norm, sorted(i + 1 for i in char_offsets(norm, after)))
    if not needles:
        return pat.finditer(norm)
    if not anchored:
        return pat.finditer(norm) if any(w in norm for w in needles) else ()
    if hits is None:
        return _tried_at(pat, norm, _needle_starts(norm, needles))
    return _tried_at(pat, norm, [i for i in hits if norm.startswith(needles, i)])


def _tried_at(pat: regex.Pattern[str], norm: str, starts: Iterable[int]) -> list[regex.Match[str]]:
    """``pat.finditer(norm)`` when every match starts at one of ``starts`` (in order): tried at
    each, resuming after the last match. The pattern must not match an empty string."""
    out: list[regex.Match[str]] = []
    last = 0
    for i in starts:
        if i < last:
            continue
        m = pat.match(norm, i, None, KEEP_GIL)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def _needle_hits(norm: str, anchor_re: re.Pattern[str] | None) -> list[int]:
    """Every offset where a word of ``anchor_re`` starts, in order (overlaps included)."""
    out: list[int] = []
    if anchor_re is None:
        return out
    search = anchor_re.search
    pos = 0
    while (m := search(norm, pos)) is not None:
        out.append(m.start())
        pos = m.start() + 1
    return out


def _lead_matches(pat: regex.Pattern[str], norm: str, lead: _Lead) -> list[regex.Match[str]]:
    """``pat.finditer(norm)`` for a pattern whose matches hold a word of ``lead`` with only
    ``lead.run`` characters before it: tried at each offset of such a run before a first
    character of the words, each match resuming after the last as in ``finditer`` (a
    pattern opening with a class of common characters costs far more to scan for). The
    pattern must not match an empty string."""
    starts: set[int] = set()
    add = starts.add
    run = lead.run.match
    # ``lead.start`` is one character class: the offsets of a run where a match can start
    # are those its search over the run finds
    can_start = lead.start.search
    for c, words in lead.words:
        u = norm.find(c)
        while u >= 0:
            if norm.startswith(words, u):
                begin = run(norm, 0, u, KEEP_GIL)
                i = begin.start() if begin is not None else u  # a reversed ``[…]*`` always matches
                while i < u:
                    m = can_start(norm, i, u, KEEP_GIL)
                    if m is None:
                        break
                    i = m.start()
                    add(i)
                    i += 1
            u = norm.find(c, u + 1)
    return _tried_at(pat, norm, sorted(starts))


_MANY_NEEDLES: Final = 8
"""From this many needles on, one scan for all of them beats a ``str.find`` pass for each."""


@cache
def _needles_re(needles: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching where one of ``needles`` starts (a trie: a faster scan)."""
    return patterncache.compile_re(literal_trie(needles))


def _needle_starts(norm: str, needles: tuple[str, ...]) -> list[int]:
    """Every offset where one of ``needles`` starts, in order (overlaps included)."""
    if len(needles) >= _MANY_NEEDLES:
        out: list[int] = []
        search = _needles_re(needles).search
        pos = 0
        while (m := search(norm, pos)) is not None:
            out.append(m.start())
            pos = m.start() + 1  # a search from each next offset finds overlapping ones too
        return out
    starts: set[int] = set()
    for w in needles:
        i = norm.find(w)
        while i >= 0:
            starts.add(i)
            i = norm.find(w, i + 1)
    return sorted(starts)


def find_atoms(norm: str, skip: Sequence[tuple[int, int]] = ()) -> list[Atom]:
    """Every atom in ``norm``, overlaps settled leftmost-longest, none inside ``skip``."""
    found: list[Atom] = []
    p = patterns()
    hits = _needle_hits(norm, p.anchor_re)
    for (atom_type, pat), needles, anchored, lead, after, names in zip(
        p.atoms, p.needles, p.anchored, p.leads, p.after, p.group_names, strict=True
    ):
        for m in _matches(pat, norm, needles, anchored, lead, after, hits):
            if m.end() <= m.start():
                continue
            g = _groupdict(m, names)
            if not _accept(atom_type, g, m, norm):
                continue
            parts = {k: v for k, v in g.items() if v}
            found.append(Atom(m.start(), m.end(), atom_type, parts))
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Atom] = []
    last_end = -1
    k = 0
    for atom in found:
        if atom.start < last_end:
            continue
        while k < len(skip) and skip[k][1] <= atom.start:
            k += 1
        if k < len(skip) and skip[k][0] < atom.end and atom.start < skip[k][1]:
            continue
        out.append(atom)
        last_end = atom.end
    return out


_POINTLIKE: Final = ("point", "plan", "festival", "named")


def _has_year(a: Atom) -> bool:
    """A point with its year written (absolute or relative), so a range can start there."""
    return a.type == "point" and bool({"y", "cy", "iy", "ry"} & a.parts.keys())


def _can_range(a: Atom, b: Atom) -> bool:
    """Whether ``a`` can open a range closed by ``b``: ``a`` has a year, or both are months."""
    if _has_year(a):
        return True
    return _no_year(a) and _no_year(b) and "m" in a.parts and "m" in b.parts


def _no_year(a: Atom) -> bool:
    """A point without a year of its own (``6月底``, ``二季度``)."""
    return a.type == "point" and not ({"y", "cy", "iy", "ry"} & a.parts.keys())


def _prefix(pat: regex.Pattern[str], norm: str, start: int, floor: int) -> regex.Match[str] | None:
    lo = max(floor, start - 6)
    return pat.search(norm, lo, start)


def _year_festival(norm: str, year: Atom, fest: Atom, floor: int) -> Found:
    """A festival of a written year (``2024年春节前``), as a point or a deadline."""
    p = patterns()
    s, e = year.start, fest.end
    role: Role = "point"
    prefix = suffix = ""
    dp = _prefix(p.deadline_prefix, norm, s, floor)
    if dp:
        role, prefix, s = "deadline", dp["w"], dp.start()
    ds = p.deadline_suffix.match(norm, e)
    if ds:
        role, suffix, e = "deadline", ds["w"], ds.end()
    return Found(s, e, role, (fest, year), prefix, suffix)


def _words_around(norm: str, a: Atom, floor: int) -> tuple[int, int, Role, str, str]:
    """The role the words around a point give it: deadline (到…, …前), start (自…起) or none.

    Returns the widened span, the role, and the words before and after.
    """
    p = patterns()
    r = rules()
    s, e = a.start, a.end
    prefix = suffix = ""
    role: Role = "point" if a.type != "range" else "range"
    if a.type == "docstart":
        return s, e, "start", "自", ""
    if a.parts.get("bw") in r.bare_deadline_words:
        return s, e, "deadline", "", ""
    dp = _prefix(p.deadline_prefix, norm, s, floor)
    if dp and not (dp.start("w") > 0 and norm[dp.start("w") - 1] in r.verb_before_prefix):
        role, prefix, s = "deadline", dp["w"], dp.start()
    ds = p.deadline_suffix.match(norm, e)
    if ds and a.type != "range":
        role, suffix, e = "deadline", ds["w"], ds.end()
    if role == "point" and a.type in ("point", "plan"):
        if a.type == "plan" and a.parts.get("pw") in r.plan_periods.since_words:
            role = "start"
        ss = p.start_suffix.match(norm, e)
        if ss:
            role, suffix, e = "start", ss["w"], ss.end()
            sp = _prefix(p.start_prefix, norm, s, floor)
            if sp:
                prefix, s = sp["w"], sp.start()
    return s, e, role, prefix, suffix


def find_times(norm: str, skip: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """Time expressions in ``norm``: atoms joined with the words around them."""
    p = patterns()
    atoms = find_atoms(norm, skip)
    out: list[Found] = []
    floor = 0  # nothing before this offset may be taken into a new expression
    i = 0
    while i < len(atoms):
        a = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        if (
            a.type == "point"
            and nxt is not None
            and nxt.type == "festival"
            and nxt.start == a.end
            and a.parts.keys() <= {"y", "cy", "ry"}
        ):
            # 2024年春节前: the festival of that year.
            found = _year_festival(norm, a, nxt, floor)
            out.append(found)
            floor = found.end
            i += 2
            continue
        # A range: point, connector, point (the second may leave out the year).
        if a.type == "point" and nxt is not None and nxt.type == "point" and _can_range(a, nxt):
            gap = p.connector.fullmatch(norm, a.end, nxt.start)
            if gap:
                s, e = a.start, nxt.end
                pre = _prefix(p.start_prefix, norm, s, floor)
                if pre:
                    s = pre.start()
                close = p.closer.match(norm[e : e + 1])
                if close:
                    e += close.end()
                out.append(Found(s, e, "range", (a, nxt), prefix=pre["w"] if pre else ""))
                floor = e
                i += 2
                continue
        if a.type == "docstart" and nxt is not None and nxt.type == "point":
            # 即日起至2024年12月31日, 自印发之日起至12月31日止: a period from the document's day
            gap = p.connector.fullmatch(norm, a.end, nxt.start)
            if gap and gap.end() > gap.start():
                e = nxt.end
                close = p.closer.match(norm[e : e + 1])
                if close:
                    e += close.end()
                out.append(Found(a.start, e, "range", (a, nxt)))
                floor = e
                i += 2
                continue
        if a.type in _POINTLIKE or a.type == "range" or a.type == "docstart":
            s, e, role, prefix, suffix = _words_around(norm, a, floor)
            # A start with a limit right after it: 2020年起3年内, 自印发之日起30日内.
            if role == "start" and nxt is not None and nxt.type in ("limit", "effort"):
                gap = p.limit_gap.fullmatch(norm, e, nxt.start)
                if gap:
                    out.append(Found(s, nxt.end, "start_limit", (a, nxt), prefix, suffix))
                    floor = nxt.end
                    i += 2
                    continue
            if role == "point" and a.type == "festival" and "fest" in a.parts:
                floor = max(floor, a.start)
                i += 1
                continue
            out.append(Found(s, e, role, (a,), prefix, suffix))
            floor = e
            i += 1
            continue
        if a.type == "recurrence" and nxt is not None and _no_year(nxt) and nxt.start == a.end:
            # 每年3月底前, 每季度末: the point belongs to the recurrence.
            e = nxt.end
            ds = p.deadline_suffix.match(norm, e)
            if ds:
                e = ds.end()
            out.append(Found(a.start, e, "recurrence", (a, nxt)))
            floor = e
            i += 2
            continue
        if a.type == "limit":
            lead = p.limit_lead.search(norm, max(0, a.start - 6), a.start)
            not_window = event_before(norm, a.start) or lead is not None
            out.append(Found(a.start, a.end, "limit", (a,), not_window=not_window))
        elif a.type == "relperiod":
            out.append(Found(a.start, a.end, "relperiod", (a,)))
        elif a.type == "effort":
            out.append(Found(a.start, a.end, "effort", (a,)))
        elif a.type == "recurrence":
            e = _recurrence_end(norm, a, nxt)
            out.append(Found(a.start, e, "recurrence", (a,)))
            floor = e
            i += 1
            continue
        floor = a.end
        i += 1
    return out


def _recurrence_end(norm: str, a: Atom, nxt: Atom | None) -> int:
    """End of a recurrence with the day of the month and the deadline word after it.

    每月5日前, 每月10号前, 每月上旬, 每月底前, 每季度末前: the day (after a monthly
    recurrence) and a deadline word belong to it; a limit found right after it (每月5日内)
    stays its own expression.
    """
    p = patterns()
    e = a.end
    if rules().recurrence_units[a.parts["ru"]] == "month" and not a.parts.get("rmod"):
        day = p.month_day.match(norm, e)
        if day is not None and (nxt is None or nxt.start >= day.end()):
            e = day.end()
    if e > a.end or a.parts.get("rmod"):
        ds = p.deadline_suffix.match(norm, e)
        if ds is not None and (nxt is None or nxt.start >= ds.end()):
            e = ds.end()
    return e


def event_before(norm: str, start: int) -> bool:
    """Whether a limit at ``start`` counts from an event (``获批后3年内``)."""
    return bool(patterns().event_before.search(norm, max(0, start - 6), start))
