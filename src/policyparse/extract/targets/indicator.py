"""Reading the indicator of each target (or baseline) of one sentence.

The indicator is taken from the clause in the document's words and made whole where the
sentence shares or spreads it:

- ``全省医药工业产值达到4000亿元``: the text before the level verb;
- ``获批一类新药10个``, ``新增10家链主企业``: what is counted, with the verb that defines it;
- ``…，创新医疗器械10个``: a sibling without a verb takes the verb (and subject) of the one
  before it; ``超100亿元企业3-5家`` takes the frame before the earlier sibling's threshold;
- ``营业收入利润率达到20%`` after ``全省医药工业产值…``: a bare measure takes the subject;
- ``A、B、C主营业务收入分别达到…``, ``过100亿元、50亿元的企业数量分别达到…``: one indicator
  per value;
- ``…，达到2500亿元``, ``整体用时压缩至…``: an empty or bare subject is read from the
  clause before.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache
from itertools import accumulate

import regex

from ... import patterncache
from ...patterncache import KEEP_GIL
from .geometry import LIST_ITEM, QRef, depth_map
from .indicator_words import words
from .rules import WHOLE_YEAR, cues
from .select import is_limit

_POST_BOUND = patterncache.compile(r"^(?:及以上|以上|左右|以内|之内|内)")
_WORD_START = patterncache.compile(r"[\p{Han}“\"《(（]")
# 和海洋生物医药、海洋文旅等 at the end of a noun: the names of the next count's list
_THRESHOLD_AT = patterncache.compile(
    r"(?:超过|超|过|高于|达)[\d零一二两三四五六七八九十百千万亿]{1,8}(?:\.\d{1,4})?\p{Han}{0,3}?元?\p{Han}"
)
_NEXT_LIST = patterncache.compile(
    r"(?:以及|和|及|与|、)[^和及与、，,；;]{1,16}(?:、[^和及与、，,；;]{1,16}){0,8}等$"
)
_TRAILING_OVER = patterncache.compile(r"(?:超过|超|过|高于|不低于)$")
_ALL_HAN = patterncache.compile(r"\p{Han}+")
_SETTLE_VERBS = ("入驻", "进驻", "入园", "入区", "入孵")
_FOR_WHOM_PART = patterncache.compile(r"(?:面向|针对|用于|服务于?)\p{Han}{2,12}")
_PLACE_PREPOSITION = patterncache.compile(r"(?:在|与|同|和|跟|向)")
_YEAR_ONLY = patterncache.compile(r"\d{4}年(?:底|末)?")
_YEAR_JOIN = patterncache.compile(r"\s?(?:[、，,]|和|及|与)\s?")
# a Chinese character that starts no number (超采, against 超百万, 达五成, 超亿元)
_HAN_WORD = patterncache.compile(r"(?![零〇一二三四五六七八九十百千万亿两半几数近约逾])\p{Han}")
_MEASURE_END = patterncache.compile(r"[率比量数值额度]$")
_LEADING_BOUND = patterncache.compile(r"^(?:超过|超|过|高于|不低于|不少于|达到|约|近)")

_STRIP = " \t\n、，,；;：:和及与或并且"
_PUNCT = " \t\n、，,；;：:"
_TIME_LEAD = patterncache.compile(
    r"(?:(?:力争|争取|确保|预计|计划|努力)?(?:到|至|在|于)?"
    r"(?:(?:\d{4}(?!\d)|“?十[一二三四五六]五”?)[年]?(?:年底|底|末|前|以前|期间|内|时)?(?:前)?"
    # 11月底前新增…, 年内完成…: a time of the document's own year, whether or not the times
    # stage read it
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份|底|末|中旬|上旬|下旬)?(?:前|以前|之前)"
    # 全年新增城镇就业, 当年新增…比例: a whole year before a verb is part of the measure
    r"|年内|年底前|年末前|(?:全年|当年)(?!\p{Han})))"
)
_COUNT_END = patterncache.compile(r"(?:数量|总数|总量|个数|数目|人数|家数|数|量|规模|总规模)$")
_RATIO_END = patterncache.compile(r"(?:比例|比重|占比|率|份额|水平|程度|强度|幅度)$")
_QUOTE_LIST = patterncache.compile(r"“[^”]{0,40}、[^”]{0,40}”$")
_LIMIT_LEAD = patterncache.compile(r"在[^在]{0,20}?(?:后|起|之日起|内)?$")
_ANZHAO = patterncache.compile(r"(?:按照|按)(?P<base>[^，,；;]{1,20}?)的$")
_NORMATIVE = patterncache.compile(
    r"不低于|不少于|不超过|不高于|至少|最多|控制在|压缩至|压缩到|压减至|压减到|缩短至|缩短到|保持在"
)
_COMPARE_ONLY = patterncache.compile(
    r"(?:(?:较|(?<!占)比|相比)(?:上年度?|去年|上一年|\d{4}年(?:底|末)?|“?十[一二三四五]五”?末))?"
    r"(?:年均|平均|同比|累计)?"
)
_SPACES = patterncache.compile(r"\s*")
# adverbs and verbs of a task that open the predicate of a clause (可循环中转袋（笼车）全面替代…,
# 企业入驻相关证照事项实行…)
_PREDICATE_LEAD = patterncache.compile(
    r"全面|基本|进一步|逐步|普遍|大幅|持续|不断|稳步|有效|明显|加快|积极|全部|均|已|将|要|应"
    r"|实行|推行|实施|推进|落实"
)
_LIMIT_END = patterncache.compile(r"(?:时限|用时|时间)$")
_SUBJECT_TEXT = patterncache.compile(r"[\p{Han}（）()“”《》\w]+")


def _opens_qizhong(text: str, i: int) -> bool:
    r"""Whether ``其中`` follows offset ``i`` after white space (the same as matching
    ``\s*其中`` there, without a scan of the rest of a long text for ``其中``)."""
    m = _SPACES.match(text, i)
    return m is not None and text.startswith("其中", m.end())


_CHANGE_TAIL = patterncache.compile(
    r"(?:年均|平均|同比)?(?:增长|下降|降低|减少|提高|提升|增加)幅度$"
)
_LIST_SPLIT = patterncache.compile(r"、|以及|和|及|与")
# a part after 其中 that is a share of the whole (其中高端药械制造占比) takes the whole as
# its frame; a part measured on its own (其中水稻耕种收综合机械化率, 其中示范性服务中心) does not
_TREND_TAIL = patterncache.compile(
    r"(?:要|将|应)?(?:持续|稳步|不断|逐步|进一步|明显|显著|大幅|有效)"
    r"(?:提高|提升|增加|增长|下降|降低|减少|改善|扩大|优化)$"
)
_REACH = patterncache.compile(r"(?:至少|不少于|最少)(?=\p{Han}{1,3}$)")
_CHANGE_AFTER = patterncache.compile(
    r"(?:年均|平均|同比)?(?:增长|下降|降低|减少|提高|提升|增加|缩短|压减|削减)(?=\s?[\d一二三四五六七八九十两])"
)
_BASE_TIME_WORDS = r"\d{4}年(?:底|末)?|上年度?|去年|上一年|“?十[一二三四五六]五”?(?:末|期末)?"
_COMPARE_TAIL = patterncache.compile(
    r"(?:(?:(?<!占)比|较|相比|相较于?)(?:\d{4}年(?:底|末)?|上年度?|去年|上一年|“?十[一二三四五六]五”?(?:末|期末)?)"
    r"|同比|环比"
    # 产值在2025年基础上翻一番: the base year of a multiple, written as a base
    r"|在(?:\d{4}年(?:底|末)?|上年度?|“?十[一二三四五六]五”?(?:末|期末)?)(?:的)?基础上)$"
)
_COMPARE_BASE = patterncache.compile(
    r"^(?:(?:较|(?<!占)比|相比)(?:上年度?|去年|上一年|\d{4}年(?:底|末)?|“?十[一二三四五]五”?末)|同比|环比)"
)
_COMPARE_BEFORE_CHANGE = patterncache.compile(
    rf"(?:(?<!占)比|较|相比)(?:{_BASE_TIME_WORDS})(?=(?:新增|增加|减少|增长|提高|下降)$)"
)
_DUN = patterncache.compile(r"、")
_NUMBERLESS_OVER = patterncache.compile(r"(?:超过|超|过)")
_AND_STRONG = patterncache.compile(r"以及|和|与")
_AND_WEAK = patterncache.compile(r"及")
_JUN = patterncache.compile(
    r"(?:均|(?<=\p{Han})各)(?:要|应|将)?(?:达到|达|控制在|保持在|稳定在|不低于|不少于|不超过|不高于|提高到|提高至|"
    r"提升到|提升至|降至|降到|低于|高于|超过|在|为)?$"
)
# an item that ends in a measure word is written whole (…普及率, …比例, …人数)
_WHOLE_END = patterncache.compile(
    r"(?:率|比例|比重|占比|份额|人数|数量|总量|指数|面积|密度|浓度|强度)$"
)
_OWN_SUBJECT = patterncache.compile(r"(\p{Han}{2,12})的")
_SHARE = patterncache.compile(r"^占|(?:占比|比重|比例|份额)$")
_OWN_WHOLE = patterncache.compile(r"\p{Han}占\p{Han}{2,}(?:比重|比例|份额)$")
_BASE_TIME = r"(?:\d{4}年(?:底|末)?|上年度?|去年|上一年|“?十[一二三四五六]五”?(?:末|期末)?)"
_FOR_WHOM_LEAD = patterncache.compile(r"(?:每年|年内|全年|当年)?")
_FROM_DATED = patterncache.compile(rf"[由从]{_BASE_TIME}的$")
_TOTAL_BEFORE = patterncache.compile(r"(累计|总计|合计|共计)(?:将|要|可)?$")
_FROM_NOW = patterncache.compile(r"[由从](?:目前|现在|现有|当前|现阶段|原来|原有)的?$")
_MULTIPLE_BASE = patterncache.compile(rf"[，,]?(?:是|为|相当于|达到){_BASE_TIME}的$")


_CHANGE_END = patterncache.compile(
    r"(?:年均|平均|同比|累计)?(?:增长|增速|下降|降低|减少|提高|提升|增加)(?:幅度|率)?$"
)
_RATE_UNITS = frozenset(("%", "百分点", "倍", "成", "‰"))


_GAP_YEAR = patterncache.compile(r"(?<![\d.])(?:到|至)?(?:19|20)\d{2}年(?:底|末)?(?:前)?")
"""A deadline year between two values of one indicator (``…左右，2030年实现…``)."""


def _is_rate(q: QRef) -> bool:
    """Whether the value is a rate or a multiple (it may be a change of a level)."""
    return (q.rec.unit or "") in _RATE_UNITS


def unit_is_multiple(q: QRef) -> bool:
    """Whether the value is a multiple (``2.5倍``)."""
    return (q.rec.unit or "") == "倍"


@dataclass
class Reading:
    """One quantity's indicator, the stretch of text it was read from, and how."""

    q: QRef
    indicator: str
    start: int
    """Start (working copy) of the target's stretch of text."""
    end: int
    ind_start: int | None
    ind_end: int | None
    governed: bool
    """Whether a verb, a limit or a list construction makes the quantity a goal."""
    pre: str = ""
    pre_start: int = 0
    frame: str = ""
    """Subject and verb that a following sibling may share."""
    qual_head: str = ""
    """What comes before the threshold of a qualified count (``营业收入`` in
    ``营业收入超500亿元企业``), for siblings that leave it out."""
    group: int = 0
    """The ``分别`` list the reading belongs to (0: none)."""
    item: str = ""
    """The reading's own item of its ``分别`` list (``乡镇卫生院``), without the head the items
    share or the scope word before the list."""
    counted: str = ""
    """What the items of a list with a verb alone count (``高标准农田`` in ``甲镇、乙镇分别新建
    3万亩、2万亩``), for the lists after it."""


class TimeRanges:
    """The sorted ranges of a document's time expressions, to skip those at an offset."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self._max_end = list(accumulate((e for _, e in self.ranges), max))

    def skip(self, pos: int) -> int:
        """``pos`` moved past every range holding it, in order (adjacent ones too)."""
        # the ranges before k all end at or before pos: none can hold it, now or later
        for s, e in self.ranges[bisect_right(self._max_end, pos) :]:
            if s > pos:
                break
            if pos < e:
                pos = e
        return pos


@cache
def _shared_preposition() -> regex.Pattern[str]:
    """The ``shared_prepositions`` of ``indicator_words.yaml``, longest first."""
    items = sorted(set(words().shared_prepositions), key=lambda w: (-len(w), w))
    return patterncache.compile("|".join(regex.escape(w) for w in items) or "(?!)")


@cache
def _article() -> regex.Pattern[str]:
    """The article number pattern of ``indicator_words.yaml``."""
    return patterncache.compile(words().article_pattern)


def _lead_stop(pattern: regex.Pattern[str], text: str, pos: int) -> int:
    """Where a run of lead words matched by ``pattern`` at ``pos`` ends, without cutting a word
    that only opens with a lead word (``使用率``: ``使`` is no lead there); ``pos`` when none."""
    m = pattern.match(text, pos, None, KEEP_GIL)
    end = m.end() if m else pos
    not_lead = words().not_lead_words
    while end > pos:
        cut = next(
            (
                j
                for w in not_lead
                for j in range(max(pos, end - len(w) + 1), end)
                if text.startswith(w, j)
            ),
            None,
        )
        if cut is None:
            return end
        m = pattern.match(text, pos, cut)
        end = m.end() if m else pos
    return end


def _drop_lead(s: str) -> str:
    """``s`` without the lead words it opens with (``推动``, ``其中``, ``使``, …)."""
    return s[_lead_stop(cues().lead, s, 0) :]


def _lstrip_lead(text: str, pos: int, times: TimeRanges) -> int:
    """Skip separators, lead words, commitments and time expressions at ``pos``."""
    c = cues()
    norm = text
    while True:
        before = pos
        while pos < len(norm) and norm[pos] in _STRIP and not norm.startswith(c.joiner_words, pos):
            pos += 1
        if (
            c.whole_year is not None
            and norm.startswith(WHOLE_YEAR, pos)
            and c.whole_year.match(norm, pos)
        ):
            return pos  # 全年新增城镇就业5万人: the year's total is what is measured
        pos = times.skip(pos)
        if c.kept_lead is not None and c.kept_lead.match(norm, pos):
            return pos  # 计划烧除面积: the lead word names the measure
        m = LIST_ITEM.match(norm, pos)
        if m and m.end() > pos:
            pos = m.end()
        m = _article().match(norm, pos)
        if m and m.end() > pos:
            pos = m.end()  # 第十条　每年组织…: an article number is no part of the indicator
        m = _TIME_LEAD.match(norm, pos)
        if m and m.end() > pos:
            pos = m.end()
        pos = _lead_stop(c.lead_at, norm, pos)
        m = c.commitment.match(norm, pos)
        if m:
            pos = m.end()
        if c.relative_total is not None:
            m = c.relative_total.match(norm, pos)
            if m:
                pos = m.end()  # 三年累计培训…: the span of years is the deadline
        if pos == before:
            return pos


def _strip_tail(s: str) -> str:
    c = cues()
    s = s.rstrip(" \t\n、，,；;：:")
    for p in c.indicator_tail:
        cut = p.sub("", s)
        if len(cut) >= 2:
            s = cut
    s = s.rstrip(_STRIP)
    if s.endswith(("年均", "平均", "人均", "户均")):
        return s
    s = c.tail.sub("", s)
    # 公共数据开放数量比2022年翻一番: the base of the comparison is no part of the indicator
    cut = _COMPARE_TAIL.sub("", s)
    if len(cut) >= 2:
        s = cut
    # 接种率以乡镇（街道）为单位保持在90%以上: an adverbial before the verb goes
    for p in c.indicator_tail:
        cut = p.sub("", s)
        if len(cut) >= 2:
            s = cut
    return s.rstrip(_STRIP)


def _last_verb(
    pattern: regex.Pattern[str], text: str, base: int, qs: list[QRef], bound: bool = True
) -> regex.Match[str] | None:
    """The last match of ``pattern`` in ``text`` outside brackets, not used as a bound word
    of a quantity (``超100亿元``)."""
    depth: list[int] | None = None  # mapped at the first match only
    best = None
    for m in pattern.finditer(text, overlapped=True):
        if depth is None:
            depth = depth_map(text)
        if depth[m.start()] > 0 or text.startswith(cues().not_verbs, m.start()):
            continue
        if m.end() - m.start() == 1 and pattern is cues().level and _HAN_WORD.match(text, m.end()):
            continue  # 地下水超采量, 超算中心: a one-character verb is one only before a number
        a, b = base + m.start(), base + m.end()
        if any(q.start <= a < q.end for q in qs):
            continue
        numberless = cues().numberless
        if (
            numberless is not None
            and pattern is cues().level
            and numberless.match(text, m.end())
            and not any(q.start == b for q in qs)
        ):
            continue  # 超亿元的文旅企业: a threshold without a number qualifies a noun
        if bound and any(q.start == b or (q.start <= b <= q.end) for q in qs):
            continue
        if best is not None and best.start() < m.start() and m.end() <= best.end():
            continue  # 下降到: the longer verb it is part of stays
        if best is not None and best.start() < m.start() < best.end():
            continue  # 集聚集成电路企业: 聚集 crosses the verb 集聚 read before it
        if (
            best is None
            or m.start() > best.start()
            or (m.start() == best.start() and m.end() > best.end())
        ):
            best = m
    return best


# examples before the class they belong to (钢铁、水泥等重点行业); not a phrase led by a
# preposition (至日韩、东南亚等地的国际航线) nor 等 of a rank, a count or 等地/等方面
_EXAMPLES = patterncache.compile(
    r"^(?![至到在对向与和从由])(?:\p{Han}{1,12}、){1,12}\p{Han}{1,12}等"
    r"(?!级|次|额|量|同|于|地|的|方面|\p{Han}?[\d一二三四五六七八九十两])"
)
_NOT_ADVERBIAL = patterncache.compile(r"在(?:园|校|读|岗|职|线|建|编|册|库|营|运|用|研|途)")


def _drop_adverbial(s: str) -> str:
    """``s`` without an adverbial of place or topic before its verb (``在大豆、油菜主产区``
    before ``建设…示范县``, ``围绕…三大产业链`` before ``开展…活动``)."""
    c = cues()
    if c.adverbial is None or _NOT_ADVERBIAL.match(s):
        return s
    m = c.adverbial.match(s)
    return s[m.end() :] if m and m.end() < len(s) else s


def _instances(s: str, end: int) -> bool:
    """Whether the examples ``s[:end]`` (ending in ``等``) are instances of the class written
    after them, each ending in a character of its name (``塔里木河、伊犁河等主要河流``), rather
    than fields that qualify it (``电解铝、磷化工等重点行业``, ``低空旅游、应急救援等…场景``),
    which stay; a long run of examples (more than three) goes all the same."""
    head = s[end : end + 8]
    items = s[: end - 1].split("、")
    return len(items) > 3 or all(item and item[-1] in head for item in items)


_PEOPLE_CLASS = patterncache.compile(r"\p{Han}{0,8}?(?:从业人员|人员|人才|工作者)")
_PERSON_END = patterncache.compile(r"[员师家者匠工手长士医]等")


def _drop_leading_verb(s: str) -> str:
    """Drop an adverbial and an action verb at the start that do not define what is counted."""
    c = cues()
    s = _drop_lead(s)
    # 塔里木河、伊犁河等主要河流…: the examples before 等 go, the class they name stays
    m = _EXAMPLES.match(s)
    if m is not None and len(s) - m.end() >= 4 and _instances(s, m.end()):
        s = s[m.end() :]
    s = _drop_adverbial(s)
    m = c.action.match(s)
    if (
        m
        and m.group(0) not in c.indicator_verbs
        and not _RELATIVE_AFTER.match(s, m.end())
        # 获得养老服务认证的机构: a state reached that says which ones count
        and not (m.group(0) in words().status_verbs and _STATUS_OBJECT.match(s, m.end()))
    ):
        rest = s[m.end() :]
        # 遴选推广优秀解决方案: a second verb in a row goes too
        m2 = c.action.match(rest)
        if m2 and m2.group(0) not in c.indicator_verbs and m2.end() + 2 <= len(rest):
            rest = rest[m2.end() :]
        if rest:
            return rest
    # 全市建成医养结合机构40家: the scope word stays, the verb goes
    rm = c.region.match(s)
    if rm is not None:
        m = c.action.match(s, rm.end())
        if m and m.group(0) not in c.indicator_verbs and m.end() < len(s):
            return s[: rm.end()] + s[m.end() :]
    # 每个县（市、区）至少建成1个县级冷链配送中心: a distributive scope stays, so does the verb
    # that defines the count; a bound word and a verb that only brings it about go
    em = _EACH_SCOPE.match(s)
    if em is not None:
        for m in c.action.finditer(s, em.end(), min(len(s), em.end() + 14)):
            scope = s[: m.start()]
            if "，" in scope or "," in scope:
                break
            if m.group(0) in c.indicator_verbs or m.end() >= len(s):
                break
            cut = _EACH_BOUND.sub("", scope)
            if len(cut) >= em.end():
                return cut + s[m.end() :]
            break
    return s


def _base(indicator: str) -> str:
    """An indicator without an added ``数量`` or change measure (``…年均增长幅度``)."""
    return _CHANGE_TAIL.sub("", indicator.removesuffix("数量"))


def _drop_any_verb(s: str) -> str:
    """``s`` without an action verb at its start, even one that defines a count."""
    m = cues().action.match(s)
    return s[m.end() :] if m and m.end() < len(s) else s


def _bare_unit(unit: str) -> str:
    """A unit without a magnitude word in front (``万名`` → ``名``)."""
    return unit[1:] if len(unit) > 1 and unit[0] in "万亿千百" else unit


def _opens_verb(frame: str) -> bool:
    """Whether ``frame`` opens with an action verb (after lead and total words)."""
    c = cues()
    rest = _drop_lead(frame)
    tm = _TOTAL_LEAD.match(rest)
    if tm is not None:
        rest = rest[tm.end() :]
    return c.action.match(rest) is not None


def _finish(ind: str, q: QRef) -> str:
    c = cues()
    ind = ind.strip(_STRIP)
    if "等" in ind and "、" in ind:
        # 废钢铁、废铜…等9种主要再生资源循环利用量: the count of kinds names the measure; the
        # list before it only gives examples
        m = _EXAMPLES_BEFORE_COUNT.search(ind)
        if m is not None and len(ind) - m.end() >= 4:
            ind = ind[: m.start()] + ind[m.end() :]
    unit = q.rec.unit or ""
    bare = unit[1:] if len(unit) > 1 and unit[0] in "万亿千百" else unit
    if bare in c.count_units and bare != "人" and ind and not _COUNT_END.search(ind):
        ind += "数量"
    elif unit == "%" and ind.endswith("的"):
        # 招生规模不低于高等职业教育招生规模的10%: the share of the one in the other
        ind = _SHARE_BOUND.sub("占", ind, count=1) + "比例"
    return ind


_EXAMPLES_BEFORE_COUNT = patterncache.compile(
    r"(?:[^、，,；;：:等]{1,10}、){1,20}[^、，,；;：:等]{1,10}等"
    r"(?=[\d一二三四五六七八九十两]{1,2}(?:种|类|个|项|大|条|家|所|批))"
)
_SHARE_BOUND = patterncache.compile(r"(?<=\p{Han}{2})(?:不低于|不少于|不高于|不超过)(?=\p{Han}{2})")


_COUNTED_AFTER = patterncache.compile(r"\p{Han}{2,16}")


def _with_measure(name: str, whole: str) -> str:
    """``name`` (a kind of the whole's subject, with no measure of its own) followed by the
    measure of ``whole``: the part of it after the longest ending word they share."""
    if _WHOLE_END.search(name) or name.endswith("率"):
        return name
    for k in range(min(len(name), 6), 1, -1):
        at = whole.find(name[-k:])
        if at >= 0:
            measure = whole[at + k :]
            if len(measure) >= 2 and (_WHOLE_END.search(measure) or measure.endswith("率")):
                return name + measure
            return name
    # no word in common: the whole's measure without its scope word (全省…综合利用率)
    rm = cues().region.match(whole)
    measure = whole[rm.end() :] if rm is not None else ""
    if len(measure) >= 4 and (_WHOLE_END.search(measure) or measure.endswith("率")):
        return name + measure
    return name


def _swap_scope(scope: str, before: str) -> str | None:
    """``before`` with its level word replaced by ``scope`` when ``scope`` is a level word
    alone (``省级`` after ``国家级水产健康养殖示范场``), else None."""
    words = [w for w in cues().raw.item_scope_prefixes if w.endswith("级")]
    rm = cues().region.match(scope)
    if rm is not None:
        scope = scope[rm.end() :]  # 全市创建国家级…8个、省级20个: the frame came with it
    vm = cues().action.match(scope)
    if vm is not None and vm.end() < len(scope) and before.startswith(vm.group(0)):
        scope = scope[vm.end() :]  # 新建国家级…3个、省级5个: the shared verb came with it
    if scope not in words:
        return _swap_quoted(scope, before, words)
    run = _level_run(words).search(before)
    if run is not None and scope in _LEVEL_SPLIT.split(run.group(0)):
        # 其中国家级1家 after 培育国家级、省级龙头企业5家: one level of the list
        return (before[: run.start()] + scope + before[run.end() :]).removesuffix("数量")
    for w in sorted(words, key=len, reverse=True):
        at = before.find(w)
        if at >= 0 and w != scope:
            return (before[:at] + scope + before[at + len(w) :]).removesuffix("数量")
    return None


_LEVEL_SPLIT = patterncache.compile(r"[、和及与]")


def _level_run(words: list[str]) -> regex.Pattern[str]:
    """A list of two or more level words (``国家级、省级``)."""
    return _level_run_of(tuple(words))


@cache
def _level_run_of(words: tuple[str, ...]) -> regex.Pattern[str]:
    alt = "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return patterncache.compile(rf"(?:{alt})(?:[、和及与](?:{alt})){{1,6}}")


_QUOTED = patterncache.compile(r"“[^“”]{1,16}”")


def _swap_quoted(scope: str, before: str, words: list[str]) -> str | None:
    """``市级示范乡镇`` after ``省级“四好农村路”示范乡镇``: the same thing at another level,
    written without the quoted name it shares; ``before`` at that level, or None."""
    if "“" not in before:
        return None
    base = before.removesuffix("数量")
    for w2 in sorted(words, key=len, reverse=True):
        if not scope.startswith(w2) or len(scope) - len(w2) < 2:
            continue
        for w1 in sorted(words, key=len, reverse=True):
            at = base.find(w1)
            if at < 0 or w1 == w2:
                continue
            cand = base[:at] + w2 + base[at + len(w1) :]
            if _QUOTED.sub("", cand[at:]) == scope:
                return cand
        return None
    return None


def _defining(frame: str) -> bool:
    """Whether the verb ending ``frame`` defines what is counted (``新增``, ``引进``)."""
    c = cues()
    m = c.action_end.search(frame)
    return m is not None and m.group(0) in c.indicator_verbs


_TOWARDS = patterncache.compile(r"向\p{Han}{1,16}(?:拓展|延伸|转型|发展|进军|迈进|升级)$")


def _is_predicate(obj: str) -> bool:
    """Whether an earlier clause's object is a task of its own (a verb after its noun, an
    adverbial lead such as ``围绕…``), not a noun a bare measure could measure."""
    c = cues()
    if c.adverbial is not None and c.adverbial.match(obj):
        return True
    return bool(_TOWARDS.search(obj) or c.action.search(obj, 1))


def subject_of(indicator: str) -> str:
    """The subject part of an indicator that starts with a scope word: ``全省医药工业``; else
    what stands before its measure word (``全县粮食`` of ``全县粮食播种面积``)."""
    c = cues()
    m = c.region.match(indicator)
    h = c.subject_head.search(indicator, m.end() if m else 0)
    if h is None or h.end() >= len(indicator):
        start = m.end() if m else 0
        for k in range(start + 1, len(indicator) - 1):
            if c.measure_head.match(indicator[k:]):
                return indicator[:k]
        return m.group(0) if m else ""
    return indicator[: h.end()]


def object_of(clause: str) -> str:
    """What an earlier clause speaks of, as a subject for an elliptical one."""
    c = cues()
    s = clause.strip(_STRIP)
    s = _drop_lead(s)
    lv = c.level.search(s)
    if lv and lv.start() > 0:
        return _strip_tail(s[: lv.start()])
    for _ in range(3):
        before = s
        for p in c.object_strip:
            s = p.sub("", s, count=1)
        if s == before:
            break
    for p in c.object_strip[2:]:
        s = p.sub("", s)
    s = cues().setup_verb.sub("", s, count=1)
    s = _QUOTE_LIST.sub("", s)
    # 学历的比例持续提高，到2024年达到80%: the trend is no part of what is measured
    trimmed = _TREND_TAIL.sub("", s)
    if len(trimmed) >= 2:
        s = trimmed
    return s.strip(_STRIP)


class SentenceReader:
    """Reads the indicators of the chosen quantities of one sentence, clause by clause."""

    def __init__(
        self,
        norm: str,
        clauses: list[tuple[int, int]],
        times: TimeRanges,
        all_qs: list[QRef],
    ) -> None:
        self.norm = norm
        self.clauses = clauses
        self.times = times
        self.all_qs = all_qs  # in document order
        self._q_starts = [x.start for x in all_qs]
        self._starts = frozenset(self._q_starts)
        self.readings: list[Reading] = []
        self._lead_end: dict[int, int] = {}
        self._groups = 0
        self._thing = ""
        """What the last list read by :meth:`_counted_before` counts."""

    def _past_lead(self, pos: int) -> int:
        """:func:`_lstrip_lead` at ``pos``, kept (a clause's first value starts where its
        body does, so the same offset is asked twice)."""
        end = self._lead_end.get(pos)
        if end is None:
            end = self._lead_end[pos] = _lstrip_lead(self.norm, pos, self.times)
            self._lead_end[end] = end  # nothing is left to skip where it stops
        return end

    def _between(self, after: int, before: int) -> list[QRef]:
        """The quantities of the sentence that start after ``after`` and before ``before``."""
        return self.all_qs[
            bisect_right(self._q_starts, after) : bisect_left(self._q_starts, before)
        ]

    def read(self, ci: int, chosen: list[QRef]) -> list[Reading]:
        """Readings for the chosen quantities of clause ``ci`` (in order)."""
        cs, ce = self.clauses[ci]
        norm = self.norm
        body = self._past_lead(cs)
        broken = self._broken_start(cs) if ci == 0 else cs
        if broken < cs:
            # 县级地质灾害应急响应到\n场时间不超过2小时: a line break inside the indicator
            body = self._past_lead(broken)
        out: list[Reading] = []
        fb = norm.find("分别", body, chosen[0].start) if chosen else -1
        each = self._read_each(ci, body, chosen) if fb < 0 and len(chosen) == 1 else None
        if each is not None:
            out = each
        elif fb >= 0:
            out = self._read_fenbie(ci, body, fb, chosen)
        else:
            seg = body
            lead_in: str | None = None
            part_of = bool(self.readings) and _opens_qizhong(norm, cs)
            whole = self.readings[-1].indicator.removesuffix("数量") if part_of else ""
            for k, q in enumerate(chosen):
                nxt = chosen[k + 1].start if k + 1 < len(chosen) else ce
                r = self._read_one(ci, seg, q, nxt, ce)
                if (
                    part_of
                    and not r.indicator.startswith(whole)
                    and _SHARE.search(r.indicator)
                    # 其中基础研究经费占研发经费比重: a share with its own whole stands alone
                    and not _OWN_WHOLE.search(r.indicator)
                    # 床位总数…，其中护理型床位占比: a part that names the whole's noun, or
                    # a noun of its own qualified with 的, is written whole
                    and not _names_whole(r.indicator, whole)
                ):
                    r.indicator = f"{whole}中{r.indicator}"
                    r.ind_start = r.ind_end = None
                elif part_of and (r.q.rec.unit or "") == (self.readings[-1].q.rec.unit or ""):
                    # 提供就业岗位不少于3万个，其中面向高校毕业生不少于1.2万个: those for whom
                    # a part is meant, then the thing the whole counts
                    aim = _FOR_WHOM_PART.fullmatch(r.indicator.removesuffix("数量"))
                    vm = _last_verb(cues().action, whole, 0, [], False) if aim else None
                    if aim is not None and vm is not None and len(whole) - vm.end() >= 2:
                        r.indicator = _finish(aim.group(0) + whole[vm.end() :], r.q)
                        r.ind_start = r.ind_end = None
                bare_verb = _BARE_VERB.fullmatch(r.indicator.removesuffix("数量"))
                prev = self.readings[-1] if self.readings else None
                if (
                    bare_verb is not None
                    and prev is not None
                    and cues().action.fullmatch(bare_verb.group("v")) is not None
                    and _bare_unit(prev.q.rec.unit or "") == _bare_unit(q.rec.unit or "")
                ):
                    # 累计开展补贴性职业技能培训7500万人次，年均培训1500万人次: the verb alone
                    # takes the object it has in the target before
                    verb = bare_verb.group("v")
                    thing = self._counted_thing(prev)
                    if verb not in thing:
                        whole = _TOTAL_LEAD.sub("", prev.indicator.removesuffix("数量"), count=1)
                        thing = _drop_leading_verb(whole)
                        if verb not in thing and whole.startswith(verb):
                            thing = f"{verb}{thing}"  # 累计培育…企业500家，年均培育100家
                    if verb in thing and len(thing) > len(verb):
                        r.indicator = _finish(f"{bare_verb.group('lead') or ''}{thing}", q)
                        r.ind_start = r.ind_end = None
                if lead_in is None and ci > 0:
                    lead_in = self._colon_lead(ci)
                if lead_in and _PLACE_ONLY.fullmatch(norm, r.pre_start, q.start):
                    # 占比分别为：长春市不低于80%，吉林市不低于60%: each place takes the
                    # measure the lead-in names
                    place = norm[r.pre_start : q.start].strip(_STRIP)
                    place = _LEADING_BOUND_TAIL.sub("", place)
                    r.indicator = f"{place}{lead_in}"
                    r.ind_start = r.ind_end = None
                spread = self._spread_jun([r])
                _close_breaks(spread)
                out.extend(spread)
                self.readings.extend(spread)
                seg = max(r.end, q.end)
            _share_predicate(out)
            return out
        out = self._spread_jun(out)
        _close_breaks(out)
        self.readings.extend(out)
        return out

    def _read_each(self, ci: int, body: int, chosen: list[QRef]) -> list[Reading] | None:
        """``魏庄镇、褚集镇、万福镇各新建2万亩``: one value for each listed item (各 = each),
        a reading per item; None when the clause is no such list."""
        norm = self.norm
        q = chosen[0]
        ge = norm.find("各", body, q.start)
        if ge <= body or norm.find("、", body, ge) < 0:
            return None
        parts = norm[body:ge].split("、")
        if len(parts) > 12 or not all(_EACH_ITEM.fullmatch(p) for p in parts):
            return None
        c = cues()
        mid = _strip_tail(norm[ge + 1 : q.start].strip(_STRIP))
        am = c.action.match(mid)
        if am is None:
            return None
        post = norm[q.end : self.clauses[ci][1]].strip(_STRIP)
        if am.end() == len(mid) and _COUNTED_AFTER.fullmatch(post):
            # 甲镇、乙镇各建成1个冷链集配中心: the thing counted is written after the value
            thing = post
            names = [f"{p}{mid}{post}" for p in parts]
        elif am.end() == len(mid):
            # a verb alone: the thing counted before in the sentence, in the same unit
            prev = self.readings[-1] if self.readings else None
            if prev is None or _bare_unit(prev.q.rec.unit or "") != _bare_unit(q.rec.unit or ""):
                return None
            thing = self._counted_thing(prev)
            if len(thing) < 2:
                return None
            names = [f"{p}{mid}{thing}" for p in parts]
        else:
            thing = ""
            names = [f"{p}{mid}" for p in parts]
        self._groups += 1
        out: list[Reading] = []
        for p, name in zip(parts, names, strict=True):
            r = Reading(q, _finish(name, q), body, q.end, None, None, True, norm[body:ge], body)
            r.group, r.item, r.counted = self._groups, p, thing
            out.append(r)
        return out

    def _colon_lead(self, ci: int) -> str:
        """The measure of a lead-in clause ``…占比分别为：`` before clause ``ci`` in the
        sentence (``""`` when there is none)."""
        norm = self.norm
        for k in range(ci - 1, -1, -1):
            ls, le = self.clauses[k]
            if norm[le : le + 1] in ("：", ":"):
                m = _COLON_LEAD.search(norm, ls, le)
                if m is None:
                    return ""
                subject = _strip_tail(_drop_lead(norm[self._past_lead(ls) : m.start()]))
                # 全省…占比分别为：长春市…: each place is a part of the whole region
                return cues().region.sub("", subject.strip(_STRIP), count=1)
        return ""

    def _broken_start(self, cs: int) -> int:
        """Where the clause starting at ``cs`` really starts when a hard line break cut it
        from its first words: the line before ends in a Chinese character after a clause
        mark (running text, not a heading), and its last piece holds no value; else ``cs``."""
        norm = self.norm
        j = cs
        while j > 0 and norm[j - 1] in " \t":
            j -= 1
        if j == 0 or norm[j - 1] != "\n" or LIST_ITEM.match(norm, cs):
            return cs
        j -= 1
        while j > 0 and norm[j - 1] in " \t\r":
            j -= 1
        if j == 0 or not _ALL_HAN.fullmatch(norm[j - 1]):
            return cs
        line_start = norm.rfind("\n", 0, j) + 1
        mark = max(norm.rfind(ch, line_start, j) for ch in "，,；;")
        if mark < 0 or not 2 <= j - mark - 1 <= 30:
            return cs
        if _DIGIT.search(norm, mark, j):
            return cs  # the piece holds a value of its own
        return mark + 1

    def _spread_jun(self, out: list[Reading]) -> list[Reading]:
        """``小学、初中大班额比例均控制在5%以内``: one value for each listed subject."""
        spread: list[Reading] = []
        for r in out:
            pre = self.norm[r.start : r.q.start]
            m = _JUN.search(pre)
            if m is None and "、" in r.indicator and "分别" not in pre:
                whole = _whole_measures(r.indicator)
                if whole is not None:
                    # 钢铁行业吨钢取水量、造纸行业主要产品单位取水量下降10%: measures written
                    # whole, each with its own subject, share the one value
                    for name in whole:
                        spread.append(replace(r, indicator=name, ind_start=None, ind_end=None))
                    continue
            if m is None or "、" not in r.indicator or "分别" in pre:
                spread.append(r)
                continue
            # 示范企业、园区各50家: the measure word added to a count is every item's
            counted = _bare_unit(r.q.rec.unit or "") in cues().count_units
            body = r.indicator.removesuffix("数量") if counted else r.indicator
            suffix = r.indicator[len(body) :]
            depth = depth_map(body)
            n = 1 + sum(1 for i, ch in enumerate(body) if ch == "、" and depth[i] == 0)
            names = self._split_items(body, n, counted)
            if names is None:
                spread.append(r)
                continue
            for name in names:
                ind = f"{name}{suffix}"
                spread.append(replace(r, indicator=ind, ind_start=None, ind_end=None))
        return spread

    # -- one value -------------------------------------------------------------------------

    def _listed_verb(self, ci: int, pre: str, post: str, unit: str) -> tuple[str, str] | None:
        """The action verb a clause opens with, when ``pre`` (the text before a count that comes
        before its noun, ``post``) is a list of names (``A、B``, ``C、D等``) after it: the verb
        frames the count, the names are examples of what is counted; with the list when it is
        one of levels (``国家级、省级``), which qualify the noun and stay. None otherwise."""
        if "、" not in pre and not pre.endswith("等"):
            return None
        c = cues()
        if _bare_unit(unit) not in c.count_units or not post or not _WORD_START.match(post):
            return None
        if c.level.match(post) or c.level.search(pre):
            return None
        cs = self.clauses[ci][0]
        head = _drop_lead(c.region.sub("", _drop_lead(self.norm[cs : cs + 24].lstrip(_PUNCT))))
        am = c.action.match(head)
        if am is None or not c.action_end.search(am.group(0)):
            return None
        # 建成国家级、省级2个现代农业产业园: levels of the noun, no names of examples
        own = _drop_lead(c.region.sub("", _drop_lead(pre.strip(_PUNCT))))
        own = own.removeprefix(am.group(0)).removesuffix("等")
        items = _LEVEL_SPLIT.split(own)
        if all(it in c.raw.item_scope_prefixes for it in items):
            return am.group(0), own
        return am.group(0), ""

    def _read_one(self, ci: int, seg: int, q: QRef, nxt: int, ce: int) -> Reading:
        c = cues()
        norm = self.norm
        seg = self._past_lead(seg)
        seg = min(seg, q.start)
        pre_raw = norm[seg : q.start]
        for x in self._between(seg, q.start):
            # 时限由二十个工作日压缩至十个工作日: the level it starts from is no part of it
            if seg < x.start and x.end <= q.start and norm[x.start - 1] in "由从":
                pre_raw = norm[seg : x.start - 1]
                break
            # 本地配套率由目前的35%提高到50%: a level of the present it starts from
            nm = _FROM_NOW.search(norm, max(seg, x.start - 7), x.start)
            if seg < x.start and x.end <= q.start and nm is not None:
                pre_raw = norm[seg : nm.start()]
                break
            # 普及率由2023年的86.4%提高到90%: so is a level dated in the base year
            fm = _FROM_DATED.search(norm, max(seg, x.start - 14), x.start)
            if seg < x.start and x.end <= q.start and fm is not None:
                pre_raw = norm[seg : fm.start()]
                break
        # 算力总规模是2024年的2.5倍: the base a multiple is taken of is no part of it
        if unit_is_multiple(q):
            pre_raw = _MULTIPLE_BASE.sub("", pre_raw)
        pre = pre_raw.rstrip(" ")
        post_end = nxt
        post = norm[q.end : post_end]
        post_clean = _POST_BOUND.sub("", post)
        post_off = q.end + (len(post) - len(post_clean))
        post_clean = post_clean.rstrip(_STRIP)
        unit = q.rec.unit or ""
        prev = self.readings[-1] if self.readings else None
        in_pre = [x for x in self._between(seg - 1, q.start) if x.end <= q.start]

        # a time limit: 在申报后10个工作日内办结
        if is_limit(norm, q, self.clauses[ci]) and not _last_verb(c.level, pre, seg, in_pre):
            subj = _LIMIT_LEAD.sub("", pre).strip(_STRIP)
            subj = _drop_lead(subj)
            if not subj:
                subj = self._earlier_object(ci)
            lv = c.limit_verb.search(post)
            verb = lv.group(0) if lv else ""
            return Reading(
                q,
                f"{subj}{verb}时限",
                seg,
                max(q.end, q.end + (lv.end() if lv else 0)),
                None,
                None,
                True,
                pre,
                seg,
            )

        # 按照核定床位的10%设置研究型床位
        m = _ANZHAO.search(pre)
        if m and unit == "%" and post_clean:
            who = _drop_lead(pre[: m.start()].strip(_STRIP))
            thing = _drop_leading_verb(post_clean)
            if thing != post_clean:
                ind = f"{who}{thing}占{m.group('base')}的比例"
                return Reading(q, ind, seg, q.end + len(post), None, None, True, pre, seg)

        lv = _last_verb(c.level, pre, seg, in_pre)
        near = c.near_level.search(pre)
        # 年均增长5.5%左右，2030年突破1.1万亿元: the level verb is the bound word the value
        # opens with, and only a year stands before it
        opens_level = (
            lv is None
            and near is None
            and c.level.match(norm, q.start) is not None
            and not pre.strip(_STRIP + "年0123456789")
        )
        # value before what it counts: 新增10家链主企业, 90%以上重大专利到期药物实现仿制上市
        # 每个乡镇至少有1所公办中心幼儿园: 至少有 frames the count as a verb does
        ends_with_action = bool(pre and (c.action_end.search(pre) or _HAS_END.search(pre)))
        # 完成全区200栋以上商务楼宇信息入库: a verb and a scope word before the value
        verb_scope = _verb_scope(pre.strip(_STRIP)) if pre and not ends_with_action else None
        lead_q = post_off in self._starts
        # 每年为1万户特殊困难老年人家庭实施适老化改造: whom the count is done for, then the verb
        for_whom = bool(
            pre.endswith("为")
            and _FOR_WHOM_LEAD.fullmatch(pre[:-1].strip(_STRIP))
            and _bare_unit(unit) in c.count_units
            and c.action.search(post_clean)
        )
        if for_whom:
            pre = pre[:-1]
        # 与10个以上主要客源城市建立旅游合作关系, 在30个左右城市开展…试点: the places or partners
        # counted, then the verb and object done in or with each of them
        with_each = (
            _PLACE_PREPOSITION.fullmatch(
                (pre if pre.strip(_STRIP) else norm[self.clauses[ci][0] : q.start]).strip(_PUNCT)
            )
            is not None
            and _bare_unit(unit) in c.count_units
            and bool(post_clean)
            and _WORD_START.match(post_clean) is not None
        )
        if with_each:
            am = c.action.search(post_clean, 1)
            if am is not None and am.end() < len(post_clean):
                noun = post_clean[: am.start()].removeprefix("的")
                ind = _finish(f"{post_clean[am.start() :]}的{noun}", q)
                r = Reading(q, ind, seg, post_off + len(post_clean), None, None, True, pre, seg)
                r.frame = ""
                return r
        # 形成A、B2个千亿级产业集群和C、D等5个百亿级产业集群: the names listed before a count
        # that comes before its noun; the clause's action verb alone frames it
        listed = self._listed_verb(ci, pre, post_clean, unit)
        if listed is not None:
            pre = listed[0]
            ends_with_action = True
            # …产业集群和C、D等: the next count's list of names is no part of this noun
            nm = _NEXT_LIST.search(post_clean)
            if nm is not None and nm.start() >= 2:
                post_clean = post_clean[: nm.start()]
        q_first = bool(
            post_clean
            and _WORD_START.match(post_clean)
            and (_bare_unit(unit) in c.count_units or unit in ("%", "成"))
            # 2—3个超千亿元产业集群: 超 is the bound of the threshold after the count
            and (lead_q or not c.level.match(post_clean))
            # 全市90%以上的社区卫生服务站…: a scope word alone before a share
            and (
                not pre.strip(_STRIP)
                or ends_with_action
                or verb_scope is not None
                or for_whom
                or (unit in ("%", "成") and c.region.fullmatch(pre.strip(_STRIP)) is not None)
            )
        )
        if q_first:
            noun = post_clean.removeprefix("的")
            vm = c.level.search(noun, 2) if pre and _HAS_END.search(pre) else None
            if vm is not None and vm.end() < len(noun):
                # 至少有1家县级医院达到三级医院服务能力: those that reach it are counted
                noun = f"{noun[vm.start() :]}的{noun[: vm.start()]}"
            if listed is not None:
                noun = listed[1] + noun  # 建成国家级、省级2个…产业园: the levels stay
            # 每个乡镇至少建有1所…: the bound word is the value's, not the indicator's
            raw = pre.strip(_PUNCT)
            # 惠及不少于5万名老年人: a verb ending in 及 keeps it
            frame = _REACH.sub("", raw if c.action_end.search(raw) else pre.strip(_STRIP))
            # 在数字经济、新型工业化领域打造3—5个创新联合体: the topic before the verb goes
            frame = _drop_adverbial(frame) if c.action_end.search(frame) else frame
            verb_m = c.action_end.search(frame) if frame else None
            if frame and verb_m and verb_m.start() == 0 and frame not in c.indicator_verbs:
                frame = ""
            elif (
                verb_m
                and _EACH_SCOPE.match(frame)
                and verb_m.group(0) not in c.indicator_verbs
                and len(_EACH_BOUND.sub("", frame[: verb_m.start()])) >= 2
            ):
                # 每个乡镇至少办好1所公办中心幼儿园: the scope stays, the verb that only
                # brings the thing about goes
                frame = _EACH_BOUND.sub("", frame[: verb_m.start()])
            if verb_scope is not None:
                verb, scope = verb_scope
                frame = f"{verb}{scope}" if verb in c.indicator_verbs else scope
                verb_m = c.action.match(verb)
            if not frame and prev is not None and prev.frame and not for_whom and listed is None:
                frame = prev.frame
            if unit in ("%", "成"):
                ind = noun if _RATIO_END.search(noun) else f"{noun}的比例"
                ind = f"{frame}{ind}" if frame and frame in c.indicator_verbs else ind
                ind = ind.strip(_STRIP)
            else:
                ind = _finish(f"{frame}{noun}", q)
            r = Reading(
                q,
                ind,
                seg,
                post_off + len(post_clean),
                None,
                None,
                bool(frame)
                or prev is not None
                or bool(verb_m)
                # 三分之一以上的乡镇卫生院达到推荐标准: the verb after the noun governs a share
                or (unit in ("%", "成") and c.level.search(post_clean) is not None),
                pre,
                seg,
            )
            r.frame = pre.strip(_STRIP) if verb_m else (prev.frame if prev else "")
            if verb_m and r.frame and r.frame not in c.indicator_verbs:
                vm = c.action_end.search(r.frame)
                if vm and vm.start() == 0:
                    r.frame = ""
            return r

        if lv is not None or near is not None or opens_level:
            vstart = lv.start() if lv is not None else len(pre)
            vtext = lv.group(0) if lv is not None else ""
            if near is not None and (lv is None or near.start() >= lv.end()):
                vstart, vtext = near.start(), near.group(0)
            stated = _strip_tail(pre[:vstart])
            subject = stated
            # 塔里木河、伊犁河等主要河流…防洪标准: the examples before 等 go
            em = _EXAMPLES.match(subject)
            drop = (
                em.end()
                if em is not None and len(subject) - em.end() >= 4 and _instances(subject, em.end())
                else 0
            )
            subject = subject[drop:]
            # 实现工业总产值2150.71亿元: what is measured is written after the verb
            between = pre[vstart + len(vtext) :].strip(_STRIP)
            # 控制在日均300吨以内: a word qualifying the value is no part of the measure
            joined = bool(
                between
                and between not in c.value_lead
                and not c.level.search(between)
                and not in_pre
            )
            if joined:
                # 能效达到标杆水平的产能比例: a verb inside a clause qualifying the measure
                verb = vtext if "的" in between else ""
                subject = f"{subject}{verb}{between}"
            ind_start: int | None = None if joined else seg + drop
            if not subject:
                subject = self._shared_subject(ci, prev)
                tm = _TOTAL_BEFORE.search(pre, 0, vstart)
                if tm is not None and prev is not None and subject == prev.indicator:
                    # 新增…示范区5个，累计达到33个: the total of the thing, not the new ones
                    thing = subject.removesuffix("数量")
                    if c.action.match(thing) and not thing.startswith(tm.group(1)):
                        subject = tm.group(1) + _drop_any_verb(thing)
                if prev is not None and _is_rate(prev.q) and not _is_rate(q):
                    # 年均增长8%以上，力争达到1.5万元: the level, not the growth, of the subject
                    level = _CHANGE_END.sub("", subject)
                    level = _COMPARE_TAIL.sub("", level)
                    if len(level) >= 2:
                        subject = level
                ind_start = None
            else:
                full = self._complete(subject, prev, ci)
                if full != subject:
                    subject, ind_start = full, None
            ind = _finish(subject, q)
            ind_end = seg + len(stated) if ind_start is not None else None
            r = Reading(q, ind, seg, q.end, ind_start, ind_end, True, pre, seg)
            r.frame = ""
            return r

        # change verb right before the value: 能耗下降20%
        ch = c.change.search(pre)
        if ch and pre and unit in ("%", "百分点", "倍", "成"):
            subject = _strip_tail(pre[: ch.start()])
            if _COMPARE_ONLY.fullmatch(subject):
                # 同比增长5% after 税收收入4.2亿元: the base of the comparison is dropped, 年均
                # is kept
                subject = self._shared_subject(ci, prev) + _COMPARE_BASE.sub("", subject)
            elif prev is not None and c.measure_head.match(subject):
                # 省属企业资产总额突破…，利润总额年均增长8%: the measure of the same subject
                subject = self._complete(subject, prev, ci)
            ind = f"{subject}{ch.group(0)}{cues().raw.change_measure}"
            return Reading(q, ind, seg, q.end, None, None, True, pre, seg)

        # what is counted, then the value: 获批一类新药10个
        stated = _strip_tail(pre.lstrip(_STRIP))
        noun = stated
        lead_off = len(pre) - len(pre.lstrip(_STRIP))
        am = _last_verb(c.action, noun, seg + lead_off, in_pre, False) if noun else None
        if am is not None and 0 < len(noun) - am.end() <= 2:
            # 新建国家级高技能人才培训基地: a verb before a one-word head (培训基地) is part of
            # a compound noun; the verb that opens the clause governs it
            first = c.action.match(noun)
            if first is not None and first.end() < am.start():
                am = first
        bound_verb = bool(_NORMATIVE.match(norm, q.start))
        governed = am is not None or bound_verb
        frame = noun[: am.end()] if am is not None else ""
        qual_head = ""
        exact = True
        counted = unit in c.count_units
        # 示范校比2023年增加30所: the base of the comparison is no part of what is counted
        cut = _COMPARE_BEFORE_CHANGE.sub("", noun)
        if cut != noun and len(cut) >= 4:
            noun, exact = cut, False
        if in_pre:
            # the frame before a threshold: 培育营业收入|超500亿元企业
            qual_head = norm[seg + lead_off : in_pre[0].start]
            qual_head = _TRAILING_OVER.sub("", qual_head)
        part = _opens_qizhong(norm, self.clauses[ci][0])
        over = _NUMBERLESS_OVER.match(noun)
        if prev is not None and am is None:
            if (
                not in_pre
                and prev.qual_head
                and over is not None
                and c.numberless is not None
                and c.numberless.match(noun, over.end())
            ):
                # 超亿元的企业60家 after 营业收入超10亿元的企业15家: the same frame
                noun = prev.qual_head + noun
                qual_head = prev.qual_head
                exact = False
                governed = True
            elif in_pre and qual_head.strip(_STRIP) in ("", "超", "过", "超过"):
                # 超100亿元企业3-5家 after 培育营业收入超500亿元企业1家
                head = prev.qual_head
                if head:
                    noun = head + noun
                    qual_head = head
                    exact = False
                    governed = True
            elif (
                prev.frame
                # 避险搬迁800户、3200人左右: a value with no noun counts the same thing again
                and noun.strip(_STRIP)
                # 全市新能源汽车领域有效发明专利突破1.5万件: a level to reach, with its own
                # subject
                and not _ends_with_level(pre)
                and not c.level.match(norm, q.start)
                and (
                    (_bare_unit(unit) in c.count_units and (prev.q.rec.unit or "") in c.count_units)
                    # 累计整治修复岸线20公里、滨海湿地1500公顷: a second amount of the same work
                    or (
                        q.rec.kind == "amount"
                        and prev.q.rec.kind == "amount"
                        and not counted
                        and norm[prev.q.end : max(seg, prev.q.end + 1)].strip(" ") == "、"
                        # 县乡道改造提升180公里、通自然村硬化路420公里: a frame that opens with
                        # its own object is the first item's alone
                        and _opens_verb(prev.frame)
                    )
                )
                # 其中整机制造企业5-8家 after 聚集…企业150家: a part is counted in its own
                # words, unless the verb defines what is counted (新增…，其中全国重点实验室3个)
                and not (part and not _defining(prev.frame))
            ):
                noun = _shared_modifier(noun, prev.indicator.removesuffix("数量"), prev.frame)
                noun = prev.frame + noun
                frame = prev.frame
                exact = False
                governed = True
        # a bare value in a list after another: 年均增长12.6%、12.0%和13.4%
        if not noun.strip(_STRIP) and prev is not None and prev.q.end <= q.start:
            gap = norm[prev.q.end : q.start]
            # 力争达到4.5万人、确保4万人: a second level of the same indicator; 突破1500亿元，
            # 是2024年的1.6倍: a multiple of it
            bare_gap = c.level.sub("", c.commitment.sub("", _POST_BOUND.sub("", gap)))
            if unit_is_multiple(q):
                bare_gap = _MULTIPLE_BASE.sub("", bare_gap.rstrip())
            # 年均增长5.5%左右，2030年实现1.1万亿元: the year of the level is its deadline
            bare_gap = _GAP_YEAR.sub("", bare_gap)
            if gap and all(ch in _STRIP for ch in bare_gap) and prev.indicator:
                indicator = prev.indicator
                if _is_rate(prev.q) and not _is_rate(q):
                    # 年均增长8%以上，力争实现1.5万元: the level, not the growth, of the subject
                    level = _COMPARE_TAIL.sub("", _CHANGE_END.sub("", indicator))
                    if len(level) >= 2:
                        indicator = level
                r = Reading(q, indicator, seg, q.end, None, None, prev.governed, pre, seg)
                r.frame, r.qual_head = prev.frame, prev.qual_head
                return r
        # 形成总规模500亿元的医药健康产业母子基金群: the thing after 的, then the measure
        if not noun or (post_clean.startswith("的") and not counted):
            thing = post_clean[1:] if post_clean.startswith("的") else ""
            vm = _HAVE_END.search(noun) if thing else None
            if vm is not None:
                # 电网基本具备5%以上的尖峰负荷响应能力: the subject, then the thing it has
                noun = noun[: vm.start()] + thing
                exact = False
            elif thing:
                attr = _drop_leading_verb(noun)
                noun = thing + attr
                exact = False
        if (
            counted
            and noun.endswith("的")
            and prev is not None
            and (prev.q.rec.unit or "") in c.count_units
        ):
            # 超1亿元的50家 after 年营业收入超10亿元的体育企业10家, 其中年销售收入过亿元的2家
            # after 培育…种业企业5家: a qualifier with no noun counts the noun counted before
            thing = prev.indicator.removesuffix("数量")
            at = thing.rfind("的")
            # 超千亿元的2家 after 营业收入超百亿元的民营企业15家: a threshold without its
            # measure takes the measure the threshold before was written with
            om = _NUMBERLESS_OVER.match(noun)
            measure = _threshold_measure(thing[:at]) if om is not None and at >= 0 else ""
            thing = thing[at + 1 :] if at >= 0 else _drop_any_verb(_drop_lead(thing))
            if len(thing) >= 2:
                noun, exact, governed = measure + noun + thing, False, True
        if am is not None and noun is stated and am.end() < len(noun):
            # 培训导游、民宿管家等旅游从业人员3000人次: examples of the people counted go
            rest = noun[am.end() :]
            em = _EXAMPLES.match(rest)
            if (
                em is not None
                and len(rest) - em.end() >= 2
                and _PERSON_END.match(rest, em.end() - 2)
                and _PEOPLE_CLASS.fullmatch(rest, em.end())
            ):
                noun, exact = noun[: am.end()] + rest[em.end() :], False
        ind = _drop_leading_verb(noun)
        if prev is not None and noun.startswith(_SETTLE_VERBS):
            # 建成…创业园10个，入驻创业团队不少于800个: the verb tells where they settle
            ind = noun
        swapped = _swap_scope(ind, prev.indicator) if prev is not None else None
        if swapped is not None:
            # 创建国家级…示范场5个、省级10个: the same thing at another level
            ind, noun, exact, governed = swapped, swapped, False, True
        # what the stated text (not the assembled noun) reads as: the indicator span's end
        stated_ind = ind if noun == stated else None
        total = _TOTAL_LEAD.match(ind)
        total_word = total.group(0) if total is not None else ""
        if (
            prev is not None
            and prev.indicator
            and _verbs_only(ind, len(total_word))
            and (prev.q.rec.unit or "") == unit
        ):
            # 年内完成加装电梯15部，9月底前完成8部: a verb alone counts the same thing;
            # 建成投用立体停车库15座；到2025年，累计建成30座以上: a total of it
            thing = prev.indicator.removesuffix("数量")
            if total_word and not thing.startswith(total_word):
                thing = (
                    total_word + _drop_any_verb(thing)
                    if c.action.match(thing)
                    else total_word + thing
                )
            elif not total_word:
                # 累计新增…450万亩以上，其中2026年新增120万亩: one year's part is no total
                rm = c.region.match(thing)
                k = rm.end() if rm is not None else 0
                tm = _TOTAL_LEAD.match(thing, k)
                if tm is not None and tm.end() < len(thing):
                    thing = thing[:k] + thing[tm.end() :]
            ind, exact, governed = thing, False, True
        if ind != noun and exact:
            if noun.endswith(ind):
                lead_off += len(noun) - len(ind)
            else:
                exact = False  # 全市建成医养结合机构: assembled from two stretches
        if exact:
            full = self._complete(ind, prev, ci)
            if full == ind and counted:
                # 开展快递包装减量化试点，培育试点企业50家: the counted noun opens with the word
                # the task before ends with, whose modifier it shares
                full = self._overlap_object(ind, ci, prev)
            if full != ind:
                ind, exact = full, False
        qh = _drop_leading_verb(qual_head.strip(_STRIP)) if qual_head else ""
        ind = _finish(ind, q)
        r = Reading(
            q,
            ind,
            seg,
            q.end,
            seg + lead_off if exact else None,
            seg
            + lead_off
            + len(stated_ind if stated_ind is not None else _drop_leading_verb(stated))
            if exact
            else None,
            governed,
            pre,
            seg,
        )
        r.frame = frame
        r.qual_head = qh
        return r

    def _complete(self, subject: str, prev: Reading | None, ci: int) -> str:
        """An indicator that leaves out what it measures, made whole from the target before it
        in the sentence or the clause before: ``营业收入利润率`` → ``全省医药工业营业收入利润率``,
        ``占…比重``, ``总投资`` after a count, ``农村`` after ``城市…覆盖率``."""
        c = cues()
        if c.region.match(subject):
            return subject
        if (
            prev is not None
            and subject.startswith(_SETTLE_VERBS)
            and _bare_unit(prev.q.rec.unit or "") in c.count_units
        ):
            # 建成“工业上楼”示范园区2个，入驻企业达到60家: the firms settled in those parks
            place = _drop_any_verb(_base(prev.indicator))
            if len(place) >= 2 and not place.startswith(_SETTLE_VERBS):
                return place + subject
        owned = self._stem_owner(subject, prev, ci)
        if owned:
            return owned
        if _short_rate(subject) and not _names_own_subject(subject):
            # 可循环中转袋（笼车）全面替代一次性塑料编织袋，使用率达到100%: the rate of the
            # subject of the task just before, not of an earlier target
            between = self._between_subject(ci, prev)
            if between:
                return between + subject
        if len(subject) <= 6 and _LIMIT_END.search(subject) and _ALL_HAN.fullmatch(subject):
            # 工程建设项目施工许可事项推行…，审批时限压缩至5个工作日: the time of that task
            between = self._between_subject(ci, prev)
            if between:
                return between + subject
        base = _base(prev.indicator) if prev is not None else ""
        if subject.startswith("占") and prev is not None:
            # 年均增长7%左右，占全市生产总值比重…: the share of the level, not of the growth
            level = _COMPARE_TAIL.sub("", _CHANGE_END.sub("", base)) if _is_rate(prev.q) else base
            level = level if len(level) >= 2 else base
            # 全市海洋生产总值…，占地区生产总值比重…: the borrowed measure without its scope word
            rm = c.region.match(level)
            if rm is not None and len(level) - rm.end() >= 2:
                level = level[rm.end() :]
            return level + subject
        head = c.measure_head.match(subject)
        if head is not None and (
            "的" in subject[head.end() :] or _THRESHOLD_AT.match(subject, head.end())
        ):
            # 营业收入超10亿元的数字经济龙头企业, 培育产值超百亿元企业3家: the measure qualifies
            # the counted noun
            return subject
        if head is not None:
            if prev is not None:
                counted = (prev.q.rec.unit or "") in c.count_units
                subj = _drop_any_verb(base) if counted else subject_of(prev.indicator)
                return subj + subject if subj else subject
            if head.end() == len(subject) and ci > 0:
                obj = self._earlier_object(ci)
                made = _drop_leading_verb(obj) if c.action.match(obj) else obj
                if made != obj and _COUNT_END.search(subject):
                    # 培育全程机械化综合农事服务中心，到2028年总数达到2万个: the count of what
                    # the task brings about
                    return made + subject
                if _is_predicate(obj):
                    # 推动…企业向航空器零部件领域拓展，本地配套率…: a task, not what is measured;
                    # 企业入驻相关证照事项实行…，办理时限压缩至…: the subject of that task
                    between = self._between_subject(ci, prev) if _LIMIT_END.search(subject) else ""
                    return between + subject
                return obj + subject
            return subject
        if prev is None:
            return subject
        prev_unit = prev.q.rec.unit or ""
        if subject.startswith(tuple(c.raw.rate_subjects)):
            return subject  # 设备完好率, 群众满意率: a rate that names its own subject
        if (
            len(subject) <= 5
            and subject.endswith("率")
            and prev.frame
            and (prev_unit in c.count_units or prev_unit.endswith(("人次", "人")))
        ):
            # 持证上岗率 after 培训养老护理员1500人次: a rate of the people just counted
            return _drop_any_verb(base) + subject
        if (
            len(subject) <= 3
            and (prev.q.rec.unit or "") in ("%", "‰", "百分点", "成")
            and not c.measure_head.search(subject)
            and _ALL_HAN.fullmatch(subject)
            and not _MEASURE_END.search(subject)
        ):
            # 农村 after 城市社区养老服务设施覆盖率: the same measure of a sibling subject
            cut = _snap(base, len(subject)) if len(base) > len(subject) else 0
            rest = base[cut:] if cut == len(subject) else base
            return subject + rest
        timed = _timed_sibling(subject, base) if prev_unit == "%" else ""
        if timed:
            return timed
        if (
            # 规范化建设率: a manner in 化 before the rate's own two characters
            (len(subject) <= 5 or (len(subject) == 6 and subject[2] == "化"))
            and subject.endswith("率")
            and _ALL_HAN.fullmatch(subject)
            and prev_unit == "%"
            and base.endswith("率")
            and len(base) >= len(subject) + 4
            and not c.subject_head.search(subject)
            and not (c.item_scope is not None and c.item_scope.match(subject))
        ):
            # 建档率达到90%，动态使用率达到65%: a second rate of the same subject
            if base.endswith(subject):
                return base  # 排污口整治完成率…；到2026年，整治完成率: the same rate again
            if _names_own_subject(subject):
                return subject  # 农膜回收率 after 畜禽粪污综合利用率: a subject of its own
            owner = self._sentence_subject(_measure_owner(base))
            if owner:
                return _join_overlap(owner, subject)
        if (
            len(subject) <= 8
            and subject.endswith("率")
            and _ALL_HAN.fullmatch(subject)
            and subject.startswith(tuple(words().rate_manners))
            and not c.subject_head.search(subject)
        ):
            # 全市规上民营工业企业技改投资年均增长10%以上，…数字化改造覆盖率达到95%: a rate
            # opening with a word of manner measures the subject of the target before
            owner = _head_run(prev.indicator)
            if owner:
                return owner + subject
        return subject

    def _sentence_subject(self, owner: str) -> str:
        """``owner`` cut to the subject the sentence's earlier indicators open with
        (``糖料蔗`` of ``糖料蔗良种`` after ``全区糖料蔗种植面积…，糖料蔗良种覆盖率…``): a rate
        written after them measures the subject, not the modifier of the rate before it."""
        if len(self.readings) < 2 or not owner:
            return owner
        region = cues().region
        names = []
        for r in self.readings:
            name = r.indicator
            m = region.match(name)
            names.append(name[m.end() :] if m else name)
        common = _common_prefix(names)
        if 2 <= len(common) < len(owner) and owner.startswith(common):
            return common
        return owner

    def _overlap_object(self, noun: str, ci: int, prev: Reading | None) -> str:
        """``noun`` with the modifier of the object of the clause before when that object ends
        with the word (two or three characters) ``noun`` opens with: ``试点企业`` after
        ``开展快递包装减量化试点`` → ``快递包装减量化试点企业``; ``noun`` itself otherwise (the
        clause before holds a value, or no word is shared)."""
        if ci == 0 or not 3 <= len(noun) <= 6 or not _ALL_HAN.fullmatch(noun):
            return noun
        s, e = self.clauses[ci - 1]
        if (prev is not None and prev.q.end > s) or self._between(s - 1, e):
            return noun
        body = self._past_lead(s)
        text = self.norm[body:e].strip(_STRIP)
        if not text or _drop_adverbial(text) != text:
            return noun
        obj = object_of(text)
        if body == s and cues().action.match(text) is None:
            return noun  # a clause that opens with no verb of a task names no object
        for k in (3, 2):
            w = noun[:k]
            if len(noun) > k and len(obj) >= k + 2 and obj.endswith(w) and _ALL_HAN.fullmatch(obj):
                return obj[:-k] + noun
        return noun

    def _between_subject(self, ci: int, prev: Reading | None) -> str:
        """The subject of the clause just before clause ``ci`` when that clause holds no value
        and stands after the target before (``可循环中转袋（笼车）全面替代…，使用率达到100%``:
        ``可循环中转袋（笼车）``); '' when there is none."""
        if ci == 0:
            return ""
        s, e = self.clauses[ci - 1]
        if (prev is not None and prev.q.end > s) or self._between(s - 1, e):
            return ""
        s = self._past_lead(s)
        text = self.norm[s:e].rstrip(_STRIP)
        c = cues()
        if not text or c.action.match(text) or c.level.match(text) or _drop_adverbial(text) != text:
            return ""
        cuts = [
            m.start()
            # an action verb may stand inside a noun (入驻, 服务): only a level verb, an adverb
            # or a verb of a task opens the predicate
            for p in (c.level, _PREDICATE_LEAD)
            if (m := p.search(text, 2)) is not None
        ]
        if not cuts:
            return ""
        subj = text[: min(cuts)]
        opened = subj.count("（") + subj.count("(")
        closed = subj.count("）") + subj.count(")")
        if not 2 <= len(subj) <= 24 or opened != closed or not _SUBJECT_TEXT.fullmatch(subj):
            return ""
        return subj

    def _stem_owner(self, subject: str, prev: Reading | None, ci: int) -> str:
        """A short rate named by the verb of the task before it (``全面完成禁养区内养殖设施
        清退工作，清退率达到100%``; ``天然林管护面积…，管护率保持在100%``) with what that
        task works on; "" when there is none."""
        if not (2 < len(subject) <= 5 and subject.endswith("率") and _ALL_HAN.fullmatch(subject)):
            return ""
        stem = subject[:2]
        if len(subject) == 5:
            # 每年组织护林员、扑火队员业务培训，培训合格率…: the object of the task's verb
            return self._task_object(stem, ci) + subject if ci > 0 and prev is None else ""

        sources = [prev.indicator] if prev is not None else []
        if ci > 0:
            s, e = self.clauses[ci - 1]
            sources.append(self.norm[s:e].strip(_STRIP))
        for src in sources:
            at = src.find(stem)
            if at <= 0:
                continue
            owner = _drop_leading_verb(_drop_lead(src[:at])).strip(_STRIP)
            if len(owner) >= 2 and _ALL_HAN.fullmatch(owner):
                return owner + subject
        return ""

    def _task_object(self, stem: str, ci: int) -> str:
        """What the task of the clause before works on, when that clause ends with ``stem``
        (``每年组织护林员、扑火队员业务培训`` → ``护林员、扑火队员业务``); '' otherwise."""
        s, e = self.clauses[ci - 1]
        src = self.norm[s:e].strip(_STRIP)
        if not src.endswith(stem):
            return ""
        head = src[: -len(stem)]
        verbs = list(cues().action.finditer(head))
        if not verbs:
            return ""
        owner = head[verbs[-1].end() :]
        ok = 2 <= len(owner) <= 16 and all(_ALL_HAN.fullmatch(p) for p in owner.split("、"))
        return owner if ok else ""

    def _shared_subject(self, ci: int, prev: Reading | None) -> str:
        if prev is not None:
            return prev.indicator
        return self._earlier_object(ci)

    def _earlier_object(self, ci: int) -> str:
        if ci == 0:
            return ""
        s, e = self.clauses[ci - 1]
        return object_of(self.norm[s:e])

    # -- 分别 lists --------------------------------------------------------------------------

    def _read_fenbie(self, ci: int, body: int, fb: int, chosen: list[QRef]) -> list[Reading]:
        c = cues()
        norm = self.norm
        _cs, _ce = self.clauses[ci]
        years_at = self._year_run_before(body, fb)
        subject = norm[body:years_at]
        lv = c.level.search(subject)
        if lv is not None and lv.end() == len(subject):
            subject = subject[: lv.start()]
        subject = _strip_tail(subject)
        if subject.startswith("在") and "、" in subject and not _NOT_ADVERBIAL.match(subject):
            # 在涪城区、游仙区、安州区分别启动…: places listed after 在, each its own subject
            subject = subject[1:]
        n = len(chosen)
        quals = [x for x in self._between(body - 1, fb) if x.end <= fb]
        names: list[str] | None = None
        if len(quals) == n and n > 1:
            first = quals[0]
            lead = norm[body : first.start]
            tail = norm[quals[-1].end : body + len(subject)]
            core0 = norm[first.start : first.end]
            bm = _LEADING_BOUND.match(core0)
            bound_word = bm.group(0) if bm else ""
            names = []
            for x in quals:
                core = _LEADING_BOUND.sub("", norm[x.start : x.end])
                names.append(f"{lead}{bound_word}{core}{tail}".strip(_STRIP))
        else:
            counts = all(_bare_unit(q.rec.unit or "") in c.count_units for q in chosen)
            names = self._split_items(subject, n, counts)
        split = names is not None
        if names is None:
            names = self._carried(subject, n)
        if names is None:
            names = _pair_split(subject, n)
            split = names is not None
        if names is None:
            bare = _drop_lead(subject).strip(_STRIP)
            # 2026年、2027年全省分别开展…培训3万人次、4万人次: a scope word alone is no subject;
            # 每年分别培训…1万人次、1.2万人次: nor is a period the values recur in
            if (
                bare
                and len(bare) <= 4
                and (c.region.fullmatch(bare) or _PERIOD_ONLY.fullmatch(bare))
            ):
                bare = ""
            if bare and n == 1 and chosen:
                # 各省（区、市）分别建设省级公共实训基地不少于5个: 分别 = each; the verb and
                # object after it are what is counted
                mid = _strip_tail(norm[fb + 2 : chosen[0].start].strip(_STRIP))
                post = norm[chosen[0].end : _ce].strip(_STRIP)
                if mid and _verbs_alone(mid) and _COUNTED_AFTER.fullmatch(post):
                    mid += post  # 各乡镇分别建成1个以上标准化卫生院: the noun after the value
                if mid and c.action.match(mid) is not None and not c.level.match(mid):
                    subject = f"{subject}{mid}"
                    bare = subject
            if not bare and chosen:
                # 2026年、2027年、2028年分别新建城市书房3个、4个和5个: with only years before
                # 分别, the verb and object after it name what every value counts
                bare = norm[fb + 2 : chosen[0].start].strip(_STRIP)
                subject = bare
            names = [subject] * n
        # 排放总量比2020年分别下降8%、10%: each indicator is an amount of change
        ch = _CHANGE_AFTER.match(norm, fb + 2)
        # 覆盖率分别达到城区学校的90%、农村学校的60%: each value names its own subject
        owns = self._own_subjects(fb + 2, chosen)
        counted = self._counted_before(subject, fb, chosen)
        if counted is not None:
            # 培育试点企业50家，其中京津冀、长三角分别培育8家、12家: places with a verb alone
            # count the thing counted before
            names, split, owns = counted, True, None
        elif owns is not None:
            names = [f"{own}{names[k]}" for k, own in enumerate(owns)]
        elif split and chosen:
            # 三个镇分别清退禁养区渔排1.5万口、…: the verb and its object after 分别 count
            # the same thing for every item
            mid = norm[fb + 2 : chosen[0].start].strip(_STRIP)
            # 分别累计达到5个和10个: a total word before the level verb is no verb of its own
            tm = _TOTAL_LEAD.match(mid)
            verb = mid[tm.end() :] if tm is not None else mid
            if (
                _COUNTED_AFTER.fullmatch(mid)
                and not (
                    c.level.match(verb) or verb.startswith(tuple(c.raw.near_level_verbs)) or ch
                )
                and (
                    all(_bare_unit(q.rec.unit or "") in c.count_units for q in chosen)
                    # 甲县、乙县分别新建改造供水管网60公里、45公里: an action verb with its
                    # object is every item's amount, whatever its unit
                    or (c.action.match(mid) is not None and not any(_is_rate(q) for q in chosen))
                )
            ):
                names = [f"{name}{mid}" for name in names]
        if split and self.readings and _opens_qizhong(norm, _cs) and counted is None:
            # 畜牧大县畜禽粪污综合利用率达到90%，其中生猪、奶牛养殖大县分别达到92%、95%:
            # parts named by kind take the measure of the whole
            whole = self.readings[-1].indicator
            names = [_with_measure(name, whole) for name in names]
        items = _own_items(names) if split else [""] * n
        self._groups += 1
        out: list[Reading] = []
        for k, q in enumerate(chosen):
            ind = _finish(_drop_leading_verb(_drop_lead(names[k])), q)
            if ch and (q.rec.unit or "") in ("%", "百分点", "倍", "成"):
                ind = f"{ind}{ch.group(0)}{cues().raw.change_measure}"
            r = Reading(q, ind, body, q.end, None, None, True, subject, body)
            r.group, r.item = self._groups, items[k]
            if counted is not None:
                r.counted = self._thing
            out.append(r)
        return out

    def _year_run_before(self, body: int, fb: int) -> int:
        """Where a list of two or more years written just before ``分别`` at ``fb`` starts
        (``研发经费投入强度2026年、2027年、2028年分别达到…``: each value has its own year, which
        is no part of the indicator); ``fb`` when none."""
        norm = self.norm
        ranges = self.times.ranges
        k = bisect_left(ranges, (fb, fb)) - 1
        end, start, count = fb, fb, 0
        while k >= 0:
            s, e = ranges[k]
            if s < body or e > end:
                break
            gap = norm[e:end]
            # 2026年、2027年全省分别开展…: a scope word may stand between the years and 分别
            if count == 0:
                if gap.strip() and not (
                    len(gap.strip()) <= 4 and cues().region.fullmatch(gap.strip())
                ):
                    break
            elif not _YEAR_JOIN.fullmatch(gap):
                break
            if not _YEAR_ONLY.fullmatch(norm, s, e):
                break
            start, end, count = s, s, count + 1
            k -= 1
        return start if count >= 2 else fb

    def _counted_before(self, subject: str, fb: int, chosen: list[QRef]) -> list[str] | None:
        """``京津冀、长三角、粤港澳大湾区分别培育8家、12家和10家以上`` after ``培育试点企业50家``:
        listed items with only a verb after ``分别`` count what the target before counts; each
        item whole, the verb kept when it defines what is counted. None otherwise."""
        c = cues()
        if not self.readings or not chosen:
            return None
        prev = self.readings[-1]
        mid = self.norm[fb + 2 : chosen[0].start].strip(_STRIP)
        if not mid or not _verbs_alone(mid):
            return None
        units = [_bare_unit(q.rec.unit or "") for q in [prev.q, *chosen]]
        # 新建高标准农田26.5万亩，…：甲镇、乙镇分别新建3.2万亩、2.8万亩: amounts in the unit of
        # the whole are its parts too
        same = len(set(units)) == 1 and all(q.rec.kind == "amount" for q in [prev.q, *chosen])
        if not same and not all(u in c.count_units for u in units):
            return None
        parts = _list_parts(subject, len(chosen))
        if parts is None or any(_ends_in_measure(p) for p in parts):
            return None
        thing = self._counted_thing(prev)
        if len(thing) < 2:
            return None
        self._thing = thing
        verb = mid if mid in c.indicator_verbs else ""
        return [f"{p}{verb}{thing}" for p in parts]

    @staticmethod
    def _counted_thing(prev: Reading) -> str:
        """What the target ``prev`` counts, without its subject and verb."""
        if prev.counted:
            return prev.counted
        thing = prev.indicator.removesuffix("数量")
        if prev.frame and thing.startswith(prev.frame):
            thing = thing[len(prev.frame) :]
        return _drop_leading_verb(thing)

    def _carried(self, subject: str, n: int) -> list[str] | None:
        """The subjects of a ``分别`` list of ``n`` values that names none, from the ``分别``
        list of ``n`` values just before it in the sentence: ``年均分别增长15%和18%`` after
        ``游客人次和旅游总花费分别达到…`` measures the growth of each; ``其中达到推荐标准的
        比例分别不低于25%、30%`` after ``乡镇卫生院、社区卫生服务中心…分别达到…`` takes each
        listed item."""
        c = cues()
        rs = self.readings
        if len(rs) < n or c.region.match(subject):
            return None
        group = rs[-n:]
        g = group[0].group
        if g == 0 or any(r.group != g for r in group) or (len(rs) > n and rs[-n - 1].group == g):
            return None
        bare = _drop_lead(subject).strip(_STRIP)
        if not bare or _COMPARE_ONLY.fullmatch(bare):
            return [r.indicator.removesuffix("数量") + bare for r in group]
        # a predicate without its subject: 达到推荐标准的比例, 具有…学历的比例
        led = c.level.match(bare) or c.predicate.match(bare)
        if led and all(r.item for r in group) and not c.subject_head.search(bare):
            return [r.item + bare for r in group]
        return None

    def _own_subjects(self, start: int, chosen: list[QRef]) -> list[str] | None:
        """The subject each value of a ``分别`` list writes before it with ``的``
        (``分别达到城区学校的90%、农村学校的60%`` → 城区学校, 农村学校), or None."""
        c = cues()
        norm = self.norm
        owns: list[str] = []
        pos = start
        for q in chosen:
            gap = norm[pos : q.start]
            lv = c.level.match(gap)
            if lv is not None:
                gap = gap[lv.end() :]
            gap = gap.strip(_STRIP)
            m = _OWN_SUBJECT.fullmatch(gap)
            if m is None:
                return None
            owns.append(m.group(1))
            pos = q.end
        return owns

    def _split_items(self, subject: str, n: int, counts: bool = False) -> list[str] | None:
        c = cues()
        parts = _list_parts(subject, n)
        if parts is None:
            return None
        prefix = ""
        rm = c.region.match(parts[0])
        if rm:
            prefix = rm.group(0)
            parts[0] = parts[0][rm.end() :]
        pm = _shared_preposition().match(parts[0])
        if (
            pm is not None
            and len(parts[0]) >= pm.end() + 2
            and not any(_shared_preposition().match(p) for p in parts[1:])
        ):
            # 至赣州、三明、龙岩的…班列年开行量: the destination word is every item's
            prefix += pm.group(0)
            parts[0] = parts[0][pm.end() :]
        heads = cues().raw.subject_heads
        first_head = next((h for h in heads if parts[0].endswith(h)), "")
        if (
            first_head
            and len(parts[0]) > len(first_head) + 1
            and all(p in heads and p != first_head for p in parts[1:])
        ):
            # 示范企业、园区各50家: the modifier of the first kind is every kind's
            shared = parts[0][: -len(first_head)]
            return [f"{prefix}{parts[0]}", *(f"{prefix}{shared}{p}" for p in parts[1:])]
        if counts:
            whole = self._whole_counted(parts)
            if whole is not None:
                return [f"{prefix}{p}" for p in whole]
        subj = _measure_subject(parts[0])
        if subj and all(c.measure_head.fullmatch(p) for p in parts[1:]):
            # 茶叶产量、产值: bare measures after the first take the subject it opens with
            return [f"{prefix}{parts[0]}", *(f"{prefix}{subj}{p}" for p in parts[1:])]
        if len(parts[0]) >= 4 and _WHOLE_END.search(parts[0]):
            # 农村自来水普及率、农村卫生厕所普及率: every item is written whole;
            # 中小学（含教学点）千兆宽带接入率、多媒体教室覆盖率: a subject with its bracketed
            # scope note before the first measure is shared
            shared = _bracketed_subject(parts[0])
            if shared and not any(_BRACKETS.search(p) for p in parts[1:]):
                return [f"{prefix}{parts[0]}", *(f"{prefix}{shared}{p}" for p in parts[1:])]
            # 规模以上轻工企业数字化研发设计工具普及率、关键工序数控化率: the kind of subject
            # that opens the first measure is every measure's, when the others name none
            shared = _head_subject(parts[0])
            if shared and all(_bare_measure(p) for p in parts[1:]):
                return [f"{prefix}{parts[0]}", *(f"{prefix}{shared}{p}" for p in parts[1:])]
            return [f"{prefix}{p}" for p in parts]
        scope = c.item_scope
        sm = scope.match(parts[0]) if scope is not None else None
        whole_items = len({p[-2:] for p in parts}) == 1 and all(len(p) >= 4 for p in parts)
        if (
            sm
            and scope is not None
            and len(parts[0]) > sm.end() + 1
            and not scope.match(parts[-1])
            # 城镇老旧小区改造、城中村改造和危旧房改造: items written whole keep their words
            and not whole_items
        ):
            # 城区小学、初中大班额比例: the scope of the first item is every item's
            prefix += sm.group(0)
            parts[0] = parts[0][sm.end() :]
        others = parts[:-1]
        avg = sum(len(p) for p in others) / len(others)
        last = parts[-1]
        split = _head_at(last)
        if split is not None:
            own, head = split
            # 乡镇卫生院和社区卫生服务中心服务能力达到…的比例: what follows the last item's
            # head word is every item's (服务能力)
            own, more = _item_at_head(own, others)
            return [f"{prefix}{p}{more}{head}" for p in [*others, own]]
        sides = _two_sided(others, last) if _shared_ending(others, last) is None else None
        if sides is not None:
            # 主要农作物化肥、农药使用量: the scope before the first item and the measure after
            # the last are every item's
            shared, own, tail = sides
            return [
                f"{prefix}{others[0]}{tail}",
                *(f"{prefix}{shared}{p}{tail}" for p in [*others[1:], own]),
            ]
        if len(last) <= avg:
            # 接待游客人次和旅游总花费: the last item is no longer than the others, so no
            # shared head follows it: every item is written whole
            return [f"{prefix}{p}" for p in parts]
        cut = _shared_ending(others, last)
        if cut is None:
            parallel = _parallel_items(others, last)
            if parallel is not None:
                return [f"{prefix}{p}" for p in parallel]
            cut = _snap(last, round(avg))
        own, head = last[:cut], last[cut:]
        items = [*others, own]
        return [f"{prefix}{p}{head}" for p in items]

    def _whole_counted(self, parts: list[str]) -> list[str] | None:
        """``认定省级智能工厂、数字化车间和工业互联网标杆示范企业分别不少于100个、300个和50家``:
        counted things written whole (each of four characters or more, the last without a
        measure word), sharing the verb and scope word of the first; None otherwise."""
        c = cues()
        last = parts[-1]
        if _COUNT_END.search(last) or _RATIO_END.search(last):
            return None
        first = parts[0]
        vm = c.action.match(first)
        shared = vm.group(0) if vm is not None and vm.end() < len(first) else ""
        rest = first[len(shared) :]
        sm = c.item_scope.match(rest) if c.item_scope is not None else None
        # 完成城镇老旧小区改造、城中村改造和危旧房改造: items with one ending share no scope
        same_end = len({p[-2:] for p in [rest, *parts[1:]]}) == 1
        if sm is not None and sm.end() < len(rest) and not same_end:
            shared += sm.group(0)
            rest = rest[sm.end() :]
        bare = [rest, *parts[1:-1]]
        if min(len(p) for p in bare) < 4:
            return None
        out = [first]
        for p in parts[1:]:
            own_verb = c.action.match(p) is not None
            own_scope = c.item_scope is not None and c.item_scope.match(p) is not None
            out.append(p if own_verb or own_scope else f"{shared}{p}")
        return out


_OF_SHARE = "的比例"


_MEASURE_TAIL = patterncache.compile(r"\p{Han}{2}[量率]$")


def _verbs_alone(text: str) -> bool:
    """Whether ``text`` is one action verb or two in a row (``新建改造``)."""
    act = cues().action
    m = act.match(text)
    if m is None:
        return False
    return m.end() == len(text) or act.fullmatch(text, m.end()) is not None


_HAS_END = patterncache.compile(r"(?:至少|均|都|各|全部|要|应)有$")
_HAVE_END = patterncache.compile(r"(?:基本|全面|初步|普遍|逐步)?(?:具备|形成|拥有)$")
_BARE_VERB = patterncache.compile(r"(?P<lead>年均|每年|平均每年|全年)?(?P<v>\p{Han}{2})")
_EACH_ITEM = patterncache.compile(r"\p{Han}{2,8}")
_COLON_LEAD = patterncache.compile(r"分别(?:为|是|达到|达|不低于|不少于)?$")
_PLACE_ONLY = patterncache.compile(
    r"[^，,；;。：:\d]{1,10}?(?:不低于|不少于|不超过|不高于|达到|为|超过|低于)?"
)
_LEADING_BOUND_TAIL = patterncache.compile(r"(?:不低于|不少于|不超过|不高于|达到|为|超过|低于)$")
_PERIOD_ONLY = patterncache.compile(r"(?:每|平均每)(?:年|月|季度|年度|周)|年均|全年")


def _pair_split(subject: str, n: int) -> list[str] | None:
    """``城乡居民人均可支配收入`` before a ``分别`` list of two values: ``城镇居民…`` and
    ``农村居民…``, from the first pair word (``pair_words``) it holds; None otherwise."""
    pairs = cues().raw.pair_words
    if n != 2 or not pairs:
        return None
    best: tuple[int, str] | None = None
    for word in pairs:
        at = subject.find(word)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, word)
    if best is None:
        return None
    at, word = best
    parts = pairs[word]
    if len(parts) != 2:
        return None
    return [subject[:at] + p + subject[at + len(word) :] for p in parts]


def _ends_in_measure(item: str) -> bool:
    """Whether a listed item ends with a measure (``…使用量``, ``…加装率``, ``…比例``)."""
    return bool(_WHOLE_END.search(item) or _MEASURE_TAIL.search(item))


def _two_sided(others: list[str], last: str) -> tuple[str, str, str] | None:
    """A list whose first item opens with a scope and whose last item ends with the measure,
    both shared by every item: ``主要农作物化肥、农药使用量`` → (``主要农作物``, ``农药``,
    ``使用量``); ``新购置的大中型拖拉机、联合收割机北斗终端加装率`` → (``新购置的``,
    ``联合收割机``, ``北斗终端加装率``). The last item is cut where it ends with the first
    item's last character (拖拉机, 联合收割机), else before a known measure word or its last
    three characters (a verb and 量 or 率); the scope is what comes before ``的`` in the first
    item, else what is left of it before as many characters as the last item's own part has.
    None when the first item ends with a measure itself or no cut is found."""
    first = others[0]
    if _ends_in_measure(first) or not _ends_in_measure(last) or len(last) < 5:
        return None
    de = first.find("的")
    avg = sum(len(p) for p in others) / len(others)
    if not all(_ALL_HAN.fullmatch(p) or "的" in p for p in [*others, last]):
        return None
    c = cues()
    cut = None
    scoped = 2 <= de < len(first) - 2
    at = last.find(first[-1], 1, len(last) - 3) if scoped else -1
    if at >= 1:
        cut = at + 1
    if cut is None:
        cut = next((k for k in range(2, len(last) - 1) if c.measure_head.match(last[k:])), None)
    if cut is None and _MEASURE_TAIL.search(last) and len(last) >= 5:
        cut = len(last) - 3
    if cut is None:
        return None
    own, tail = last[:cut], last[cut:]
    # a last item whose own part is longer than the others, with no scope in 的 before the
    # first, is cut by length (小麦、玉米耕种收综合机械化率)
    if len(tail) < 2 or (len(own) > avg and not scoped):
        return None
    if scoped:
        shared = first[: de + 1]
    elif (
        len(own) <= 3 and len(first) >= len(own) + 2 and all(len(p) == len(own) for p in others[1:])
    ):
        shared = first[: -len(own)]
    else:
        shared = ""
    if any(p.startswith(shared) for p in [*others[1:], own]) and shared:
        shared = ""
    return shared, own, tail


def _item_at_head(own: str, others: list[str]) -> tuple[str, str]:
    """The last item of a list cut after its head word when words follow that the others
    leave out (``社区卫生服务中心|服务能力`` after ``乡镇卫生院``): (item, the words after it)."""
    avg = sum(len(p) for p in others) / len(others)
    if len(own) < avg + 3:
        return own, ""
    best = None
    for h in words().item_heads:
        at = own.rfind(h, 0, len(own) - 2)
        if at >= 1 and (best is None or at + len(h) > best):
            best = at + len(h)
    if best is None or len(own) - best < 2:
        return own, ""
    return own[:best], own[best:]


def _common_prefix(names: list[str]) -> str:
    """The characters every name opens with."""
    first, last = min(names), max(names)
    k = 0
    while k < min(len(first), len(last)) and first[k] == last[k]:
        k += 1
    return first[:k]


def _close_breaks(readings: list[Reading]) -> None:
    """Indicators without the white space of a hard line break inside them
    (``…应急响应到\n场时间`` → ``…应急响应到场时间``): such an indicator is assembled."""
    for r in readings:
        if _INNER_SPACE.search(r.indicator):
            r.indicator = _INNER_SPACE.sub("", r.indicator)
            r.ind_start = r.ind_end = None


def _verb_scope(pre: str) -> tuple[str, str] | None:
    """``pre`` read as an action verb and a scope word (``完成全区``): (verb, scope), or None."""
    c = cues()
    m = c.action.match(pre)
    if m is None or m.end() >= len(pre):
        return None
    rest = pre[m.end() :]
    return (m.group(0), rest) if c.region.fullmatch(rest) else None


def _ends_with_level(pre: str) -> bool:
    """Whether the text before a value ends with a level verb (``…有效发明专利突破``)."""
    text = pre.rstrip(_STRIP)
    level = cues().level
    return any(level.fullmatch(text[-k:]) for k in range(1, min(4, len(text)) + 1))


def _short_rate(subject: str) -> bool:
    """Whether ``subject`` is a short rate of Chinese characters (``使用率``, ``动态使用率``)."""
    return 2 < len(subject) <= 6 and subject.endswith("率") and bool(_ALL_HAN.fullmatch(subject))


def _names_own_subject(rate: str) -> bool:
    """Whether a short rate opens with a subject of its own before its verb (``农膜回收率``),
    not with a word of manner (``动态使用率``, ``规范化建设率``: ``rate_manners``)."""
    lead = rate[:-3]
    return len(lead) >= 2 and lead not in words().rate_manners


def _names_whole(part: str, whole: str) -> bool:
    """Whether a share after ``其中`` names what it is a part of itself: it repeats a word
    (two characters) of the whole (``护理型床位占比`` after ``养老机构床位总数``) or qualifies a
    noun of its own with ``的`` (``3.5米以上路面宽度的村道占比``)."""
    body = _RATIO_END.sub("", part)
    if "的" in body:
        return True
    pairs = {whole[k : k + 2] for k in range(len(whole) - 1)}
    return any(
        body[k : k + 2] in pairs and _ALL_HAN.fullmatch(body[k : k + 2])
        for k in range(len(body) - 1)
    )


def _own_items(names: list[str]) -> list[str]:
    """Each name without the ending all share and the scope word before the list."""
    shortest = min(len(x) for x in names)
    k = 0
    while k < shortest - 1 and len({x[len(x) - 1 - k] for x in names}) == 1:
        k += 1
    region = cues().region
    out = []
    for x in names:
        own = x[: len(x) - k] if k else x
        m = region.match(own)
        out.append(own[m.end() :] if m and m.end() < len(own) else own)
    return out


_FIELD_HEAD = patterncache.compile(r"领域|行业|方向")
_LEVEL_SCOPE = patterncache.compile(r"\p{Han}{1,3}级(?:及)?以上")
_EACH_SCOPE = patterncache.compile(r"(?:每个|各)\p{Han}")
_EACH_BOUND = patterncache.compile(r"(?:至少|不少于|最少|均|都)$")
_DIGIT = patterncache.compile(r"[\d%％]")
_INNER_SPACE = patterncache.compile(r"[ \t\r]*\n\s*")
# 完成登记的数据资产: a verb with a short word before 的 qualifies the noun after it
_RELATIVE_AFTER = patterncache.compile(r"\p{Han}{1,2}的(?=\p{Han})")
_STATUS_OBJECT = patterncache.compile(r"[^，,；;。的]{2,16}的(?=\p{Han})")
_TOTAL_LEAD = patterncache.compile(r"累计|合计|共计|总计")


def _shared_modifier(noun: str, prev: str, frame: str) -> str:
    """``示范单位`` after ``新认定国家体育产业示范基地``: a noun that opens with a word of the
    noun counted before it, and names no scope of its own, takes the modifier written before
    that word (``国家体育产业示范单位``)."""
    c = cues()
    body = prev[len(frame) :] if frame and prev.startswith(frame) else prev
    # 创建省级以上节水型企业300家、节水型工业园区12个: a level scope (…级以上) that opens the
    # noun before is the sibling's too, when it names no scope or level of its own
    lm = _LEVEL_SCOPE.match(body)
    if (
        lm is not None
        and lm.end() + 2 <= len(body)
        and 2 <= len(noun) <= 12
        and _ALL_HAN.fullmatch(noun)
        and "级" not in noun
        and not c.region.match(noun)
        and not (c.item_scope is not None and c.item_scope.match(noun))
    ):
        return body[: lm.end()] + noun
    if (
        not 2 <= len(noun) <= 6
        or not _ALL_HAN.fullmatch(noun)
        or (c.item_scope is not None and c.item_scope.match(noun))
        or c.region.match(noun)
    ):
        return noun
    for n in range(len(noun) - 1, 1, -1):
        at = body.find(noun[:n])
        # the shared word is followed by one head word in each (示范|基地, 示范|单位); 电商直播
        # 基地 after 农村电商示范村 is a thing of its own
        if (
            at >= 2
            and _ALL_HAN.fullmatch(body[:at])
            and len(noun) - n <= 2
            and len(body) - at - n <= 2
        ):
            return body[:at] + noun
    # 引进培育数据领域高层次人才500名、专业技术人才2万名: a field (a subject head word) that
    # opens the noun before is the sibling's too
    h = _FIELD_HEAD.search(body)
    if (
        h is not None
        and h.start() >= 2
        and len(body) - h.end() >= 2
        and _ALL_HAN.fullmatch(body[: h.end()])
        and c.subject_head.search(noun) is None
    ):
        return body[: h.end()] + noun
    return noun


def _whole_measures(indicator: str) -> list[str] | None:
    """The measures of ``A行业…取水量、B行业…取水量下降``: items split at ``、`` that each
    name a subject of their own (a subject head word followed by a measure) and end with the
    same measure word; a change verb after the last is every item's. None otherwise."""
    c = cues()
    change = c.change.search(indicator)
    tail = change.group(0) if change is not None else ""
    body = indicator[: len(indicator) - len(tail)] if tail else indicator
    depth = depth_map(body)
    n = 1 + sum(1 for i, ch in enumerate(body) if ch == "、" and depth[i] == 0)
    parts = _list_parts(body, n) if n >= 2 else None
    if parts is None or len(parts) != n or any(len(p) < 6 for p in parts):
        return None
    if len({p[-2:] for p in parts}) != 1 or not _MEASURE_END.search(parts[0]):
        return None
    for p in parts:
        h = c.subject_head.search(p)
        if h is None or h.start() < 1 or len(p) - h.end() < 3:
            return None
    return [f"{p}{tail}" for p in parts]


_MEASURE_END = patterncache.compile(r"(?:量|率|比重|比例|占比|强度|指数|能耗|水耗|物耗|浓度|密度)$")


def _share_predicate(readings: list[Reading]) -> None:
    """``90%以上的社区卫生服务站和80%以上的村卫生室能够提供中医药服务``: shares listed
    before their nouns take the predicate written after the last noun."""
    for a, b in itertools.pairwise(readings):
        if not (a.indicator.endswith(_OF_SHARE) and b.indicator.endswith(_OF_SHARE)):
            continue
        if a.q.rec.unit != "%" or b.q.rec.unit != "%":
            continue
        body = b.indicator.removesuffix(_OF_SHARE)
        m = cues().predicate.search(body, 1)
        if m is None or cues().predicate.search(a.indicator.removesuffix(_OF_SHARE)) is not None:
            continue
        noun = a.indicator.removesuffix(_OF_SHARE)
        a.indicator = f"{noun}{body[m.start() :]}{_OF_SHARE}"
        a.ind_start = a.ind_end = None


_BRACKETS = patterncache.compile(r"[（(]")


_ADJ_END = patterncache.compile(r"\p{Han}{1,2}化$")


def _measure_owner(indicator: str) -> str:
    """What a rate measures (``居民电子健康档案`` of ``居民电子健康档案建档率``): the subject
    before a known measure word, else the text before its last three characters (a rate is
    most often a two-character word with 率) without an adjective in 化; '' when too short."""
    owner = subject_of(indicator)
    region = cues().region.fullmatch(owner) if owner else None
    if not owner or region is not None or len(owner) >= len(indicator) - 1:
        owner = indicator[:-3]
        cut = _ADJ_END.sub("", owner)
        if len(cut) >= 2:
            owner = cut
    return owner if len(owner) >= 2 else ""


def _head_at(last: str) -> tuple[str, str] | None:
    """The last item of a list and the head the items share, cut where the text says so:
    at a number of kinds summing up the list (``草畜|三大主导|产业产值``: the words from the
    number to a subject head word go), or at a level verb that opens the shared predicate
    (``社区卫生服务中心|达到服务能力基本标准的比例``); None when neither is written."""
    c = cues()
    sm = c.list_sum.search(last, 1) if c.list_sum is not None else None
    if sm is not None and sm.end() < len(last):
        head = last[sm.end() :]
        h = c.subject_head.search(head)
        if h is not None and h.start() <= 4 and h.end() < len(head):
            head = head[h.start() :]
        return last[: sm.start()], head
    for m in c.level.finditer(last, 2):
        # the shared predicate qualifies a measure (…达到…标准的比例), so 超市 in 社区超市
        # 覆盖率 is no verb
        if last.startswith(c.not_verbs, m.start()) or "的" not in last[m.end() :]:
            continue
        depth = depth_map(last)
        if depth[m.start()] == 0:
            return last[: m.start()], last[m.start() :]
    return None


_OVER_NUMBER = patterncache.compile(r"(?:超过|超|过)(?=[\d零〇一二三四五六七八九十百千万亿两])")


def _verbs_only(text: str, pos: int) -> bool:
    """Whether ``text[pos:]`` is one action verb or two in a row (``建成``, ``新建改造``)."""
    action = cues().action
    if action.fullmatch(text, pos):
        return True
    m = action.match(text, pos)
    return m is not None and m.end() > pos and action.fullmatch(text, m.end()) is not None


def _threshold_measure(qualifier: str) -> str:
    """The words a threshold qualifier is written with before its over word, when they end
    with a measure (``营业收入`` of ``营业收入超百亿元``, ``年营业收入`` of
    ``培育年营业收入超10亿元``: a verb before it goes), or ''."""
    m = _OVER_NUMBER.search(qualifier)
    if m is None:
        return ""
    head = _drop_any_verb(_drop_lead(qualifier[: m.start()]))
    mh = cues().measure_head
    if any(mh.fullmatch(head[k:]) for k in range(len(head) - 1)):
        return head
    return ""


def _head_run(indicator: str) -> str:
    """The subject an indicator opens with up to the last of the subject head words that
    follow one another first (``全市规上民营工业企业`` of ``全市规上民营工业企业技改投资…``),
    with something after it; else ''."""
    c = cues()
    m = c.region.match(indicator)
    h = c.subject_head.search(indicator, m.end() if m else 0)
    if h is None:
        return ""
    end = h.end()
    while (nxt := c.subject_head.match(indicator, end)) is not None:
        end = nxt.end()
    return indicator[:end] if end < len(indicator) else ""


def _measure_subject(item: str) -> str:
    """What stands before a measure head word that ends ``item`` (``茶叶`` of ``茶叶产量``),
    at least two characters; else ''."""
    mh = cues().measure_head
    for k in range(2, len(item) - 1):
        if mh.fullmatch(item[k:]):
            return item[:k]
    return ""


def _head_subject(item: str) -> str:
    """The subject that opens a measure and ends in a subject head word (``规模以上轻工企业``
    of ``规模以上轻工企业数字化研发设计工具普及率``), at least four characters long and
    followed by at least four more; else ''."""
    h = cues().subject_head.search(item)
    if h is None or h.end() < 4 or len(item) - h.end() < 4:
        return ""
    return item[: h.end()]


def _bare_measure(item: str) -> bool:
    """Whether a listed measure names no subject of its own (no scope word, no subject head
    word, no brackets)."""
    c = cues()
    return not (
        c.region.match(item)
        or (c.item_scope is not None and c.item_scope.match(item))
        or c.subject_head.search(item)
        or _BRACKETS.search(item)
    )


_BRACKETED_SUBJECT = patterncache.compile(r"^[^（(）)]{1,12}[（(][^（(）)]{1,12}[）)]")


def _bracketed_subject(item: str) -> str:
    """The subject with a bracketed note that opens an item (``中小学（含教学点）``), or ''."""
    m = _BRACKETED_SUBJECT.match(item)
    return m.group(0) if m and m.end() + 2 <= len(item) else ""


def _list_parts(subject: str, n: int) -> list[str] | None:
    """``subject`` cut into ``n`` coordinated items: at ``、`` first, then at a final
    ``和``/``与``/``以及``/``及`` (a ``及`` inside a word such as 普及率 is no separator when
    the ``、`` already give the count)."""
    if n < 2:
        return None
    depth = depth_map(subject)

    def cut(pattern: regex.Pattern[str], text: str, base: int) -> list[str]:
        parts: list[str] = []
        pos = 0
        for m in pattern.finditer(text):
            if depth[base + m.start()] > 0:
                continue
            parts.append(text[pos : m.start()])
            pos = m.end()
        parts.append(text[pos:])
        return [p for p in parts if p]

    parts = cut(_DUN, subject, 0)
    if len(parts) == n:
        return parts
    if len(parts) == n - 1:
        base = len(subject) - len(parts[-1])
        for pat in (_AND_STRONG, _AND_WEAK):
            last = cut(pat, parts[-1], base)
            if len(last) == 2:
                return [*parts[:-1], *last]
    parts = cut(_LIST_SPLIT, subject, 0)
    return parts if len(parts) == n else None


def _shared_ending(others: list[str], last: str) -> int | None:
    """Where the last item of a list ends when the items share an ending word:
    ``京津冀及周边地区、长三角地区煤炭消费量`` → after ``长三角地区``;
    ``…核心区、…承载区主营业务收入`` → after ``…承载区``. The longest ending (up to four
    characters) that every other item has and that the last item holds before at least two
    more characters."""
    shortest = min(len(p) for p in others)
    final = others[0][-1:]
    if final and final in cues().raw.item_final_chars and all(p.endswith(final) for p in others):
        # 国家级、自治区级、盟级核心育种场: a level word ends at its 级
        at = last.find(final, 1, len(last) - 2)
        if at > 0:
            return at + 1
    for k in range(min(4, shortest - 1), 0, -1):
        end = others[0][-k:]
        if not all(p.endswith(end) for p in others):
            continue
        at = last.rfind(end, 0, len(last) - 2)
        # one shared character is a word's ending only where a measure follows
        # (…核心区、…承载区主营业务收入), not inside a word (…初中专任教师中具有…学历)
        if at > 0 and (k > 1 or cues().measure_head.match(last[at + k :])):
            return at + k
    return None


def _parallel_items(others: list[str], last: str) -> list[str] | None:
    """Short parallel items that share their last character, before a shared head:
    ``西江流域国控、省控断面水质达标比例`` → the last item is ``省控`` (as long as the first
    item's ending in 控), the head ``断面水质达标比例`` follows every item, and the scope
    ``西江流域`` that opens the first item opens the others too; None otherwise."""
    ch = others[0][-1]
    if not all(p.endswith(ch) for p in others) or len(last) < 6 or last[1] != ch:
        return None
    # two-character items only (国控、省控; 市级、县级): longer endings cut words apart
    if last[0] == ch or len(others[0]) < 2 or any(len(p) != 2 for p in others[1:]):
        return None
    own, head = last[:2], last[2:]
    scope = others[0][:-2]
    if len(scope) == 1:
        return None  # 国家级、省级…: a three-character item, not a scope and an item
    return [f"{others[0]}{head}", *(f"{scope}{p}{head}" for p in [*others[1:], own])]


_TIME_QUALIFIER = patterncache.compile(
    r"(?:当日|当天|当月|当年|次日|[\d一二三四五六七八九十两]{1,3}(?:小时|分钟|个工作日|工作日|天|日|周|个月))"
)


def _timed_sibling(subject: str, base: str) -> str:
    """A rate counted over another time span than the rate before it, written without its
    subject: ``24小时扑灭率`` after ``森林火灾当日扑灭率`` → ``森林火灾24小时扑灭率``; '' when
    ``subject`` is no such rate."""
    m = _TIME_QUALIFIER.match(subject)
    if m is None or not subject.endswith("率"):
        return ""
    measure = subject[m.end() :]
    if not (2 <= len(measure) <= 4 and _ALL_HAN.fullmatch(measure) and base.endswith(measure)):
        return ""
    head = base[: -len(measure)]
    for t in _TIME_QUALIFIER.finditer(head):
        if t.end() == len(head) and t.start() >= 2:
            return head[: t.start()] + subject
    return ""


def _join_overlap(owner: str, subject: str) -> str:
    """``owner + subject`` without the words written twice where the owner ends with the
    subject's first word (``入河排污口整治`` + ``整治完成率``)."""
    for k in range(min(len(owner) - 2, len(subject) - 2), 1, -1):
        if owner.endswith(subject[:k]):
            return owner[:-k] + subject
    return owner + subject


def _snap(text: str, at: int) -> int:
    """A word boundary of ``text`` near ``at``: where a measure or subject head word starts or
    ends within three characters of ``at``, else ``at`` itself (coordinated items are most often
    of equal length: ``小麦、玉米耕种收综合机械化率``)."""
    at = max(1, min(at, len(text) - 1)) if len(text) > 1 else at
    c = cues()
    heads = tuple(c.raw.subject_heads)
    best = at
    for k in range(max(1, at - 3), min(len(text), at + 4)):
        aligned = (
            c.measure_head.match(text[k:]) or text[:k].endswith(heads) or text.startswith(heads, k)
        )
        if aligned and (best == at or abs(k - at) < abs(best - at)):
            best = k
    if best == at and best < len(text) - 3 and text[best] in c.raw.word_final_chars:
        best += 1  # 水产品冷链流通率: a noun's last character ends the item, not the head
    return best
