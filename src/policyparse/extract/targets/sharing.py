"""Making an indicator whole from what the sentence shares: the subject or object of the target,
task or clause before it (``营业收入利润率`` after ``全省医药工业产值…``), a verb or modifier of a
sibling count, a level or quoted name swapped in, a predicate shared by listed shares."""

from __future__ import annotations

import itertools
from functools import cache
from typing import Final

import regex

from ... import patterncache
from ...patterncache import KEEP_GIL
from ...patternhints import alternation
from .indicator_words import words
from .reading import ReaderBase, Reading
from .rules import cues
from .trim import (
    _ALL_HAN,
    _COMPARE_TAIL,
    _COUNT_END,
    _STRIP,
    _bare_unit,
    _base,
    _drop_adverbial,
    _drop_any_verb,
    _drop_lead,
    _drop_leading_verb,
    _is_rate,
    _strip_tail,
)

# a threshold with its number right after a measure (产值超百亿元企业): it qualifies a noun
_THRESHOLD_AT: Final = patterncache.compile(
    r"(?:超过|超|过|高于|达)[\d零一二两三四五六七八九十百千万亿]{1,8}(?:\.\d{1,4})?\p{Han}{0,3}?元?\p{Han}"
)
_SETTLE_VERBS: Final = ("入驻", "进驻", "入园", "入区", "入孵")
_RATIO_END: Final = patterncache.compile(r"(?:比例|比重|占比|率|份额|水平|程度|强度|幅度)$")
_QUOTE_LIST: Final = patterncache.compile(r"“[^”]{0,40}、[^”]{0,40}”$")
# adverbs and verbs of a task that open the predicate of a clause (可循环中转袋（笼车）全面替代…,
# 企业入驻相关证照事项实行…)
_PREDICATE_LEAD: Final = patterncache.compile(
    r"全面|基本|进一步|逐步|普遍|大幅|持续|不断|稳步|有效|明显|加快|积极|全部|均|已|将|要|应"
    r"|实行|推行|实施|推进|落实"
)
_LIMIT_END: Final = patterncache.compile(r"(?:时限|用时|时间)$")
_SUBJECT_TEXT: Final = patterncache.compile(r"[\p{Han}（）()“”《》\w]+")
# a trend written after the subject of a clause (…的比例持续提高): no part of what is measured
_TREND_TAIL: Final = patterncache.compile(
    r"(?:要|将|应)?(?:持续|稳步|不断|逐步|进一步|明显|显著|大幅|有效)"
    r"(?:提高|提升|增加|增长|下降|降低|减少|改善|扩大|优化)$"
)


_CHANGE_END: Final = patterncache.compile(
    r"(?:年均|平均|同比|累计)?(?:增长|增速|下降|降低|减少|提高|提升|增加)(?:幅度|率)?$"
)


def _swap_scope(scope: str, before: str) -> str | None:
    """``before`` with its level word replaced by ``scope`` when ``scope`` is a level word
    alone (``省级`` after ``国家级水产健康养殖示范场``), else None."""
    words = [w for w in cues().raw.item_scope_prefixes if w.endswith("级")]
    rm = cues().region.match(scope, 0, None, KEEP_GIL)
    if rm is not None:
        scope = scope[rm.end() :]  # 全市创建国家级…8个、省级20个: the frame came with it
    vm = cues().action.match(scope, 0, None, KEEP_GIL)
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


_LEVEL_SPLIT: Final = patterncache.compile(r"[、和及与]")


def _level_run(words: list[str]) -> regex.Pattern[str]:
    """A list of two or more level words (``国家级、省级``)."""
    return _level_run_of(tuple(words))


@cache
def _level_run_of(words: tuple[str, ...]) -> regex.Pattern[str]:
    alt = alternation(words)
    return patterncache.compile(rf"(?:{alt})(?:[、和及与](?:{alt})){{1,6}}")


_QUOTED: Final = patterncache.compile(r"“[^“”]{1,16}”")


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
    if m is None:
        return False
    if m.group(0) in c.indicator_verbs:
        return True
    # 新增或更新: verbs joined by 或/和, the first of which defines what is counted
    head = frame[: m.start()]
    if head.endswith(("或", "和", "及", "、")):
        m0 = c.action_end.search(head[:-1])
        return m0 is not None and m0.group(0) in c.indicator_verbs
    return False


_TOWARDS: Final = patterncache.compile(r"向\p{Han}{1,16}(?:拓展|延伸|转型|发展|进军|迈进|升级)$")


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
    m = c.region.match(indicator, 0, None, KEEP_GIL)
    h = c.subject_head.search(indicator, m.end() if m else 0)
    if h is None or h.end() >= len(indicator):
        start = m.end() if m else 0
        for k in range(start + 1, len(indicator) - 1):
            if c.measure_head.match(indicator[k:], 0, None, KEEP_GIL):
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


_OF_SHARE: Final = "的比例"


def _common_prefix(names: list[str]) -> str:
    """The characters every name opens with."""
    first, last = min(names), max(names)
    k = 0
    while k < min(len(first), len(last)) and first[k] == last[k]:
        k += 1
    return first[:k]


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


_FIELD_HEAD: Final = patterncache.compile(r"领域|行业|方向")
_LEVEL_SCOPE: Final = patterncache.compile(r"\p{Han}{1,3}级(?:及)?以上")


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
        and not c.region.match(noun, 0, None, KEEP_GIL)
        and not (c.item_scope is not None and c.item_scope.match(noun))
    ):
        return body[: lm.end()] + noun
    if (
        not 2 <= len(noun) <= 6
        or not _ALL_HAN.fullmatch(noun)
        or (c.item_scope is not None and c.item_scope.match(noun))
        or c.region.match(noun, 0, None, KEEP_GIL)
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


_MEASURE_END: Final = patterncache.compile(
    r"(?:量|率|比重|比例|占比|强度|指数|能耗|水耗|物耗|浓度|密度)$"
)


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


_ADJ_END: Final = patterncache.compile(r"\p{Han}{1,2}化$")


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


def _manner_swap(base: str, rate: str) -> str:
    """The subject of ``base`` for a rate of the same measure in another manner
    (``资源化利用率`` after ``全市城市生活垃圾回收利用率`` → ``全市城市生活垃圾``: the two
    characters before the shared ``利用率`` are the first rate's own manner); '' otherwise."""
    k = 0
    while k < min(len(base), len(rate)) and base[-1 - k] == rate[-1 - k]:
        k += 1
    if k < 3 or rate[:-k] not in words().rate_manners:
        return ""
    owner = base[: -k - 2]
    return owner if len(owner) >= 2 else ""


def _head_run(indicator: str) -> str:
    """The subject an indicator opens with up to the last of the subject head words that
    follow one another first (``全市规上民营工业企业`` of ``全市规上民营工业企业技改投资…``),
    with something after it; else ''."""
    c = cues()
    m = c.region.match(indicator, 0, None, KEEP_GIL)
    h = c.subject_head.search(indicator, m.end() if m else 0)
    if h is None:
        return ""
    end = h.end()
    while (nxt := c.subject_head.match(indicator, end)) is not None:
        end = nxt.end()
    return indicator[:end] if end < len(indicator) else ""


_TIME_QUALIFIER: Final = patterncache.compile(
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
            c.measure_head.match(text[k:], 0, None, KEEP_GIL)
            or text[:k].endswith(heads)
            or text.startswith(heads, k)
        )
        if aligned and (best == at or abs(k - at) < abs(best - at)):
            best = k
    if best == at and best < len(text) - 3 and text[best] in c.raw.word_final_chars:
        best += 1  # 水产品冷链流通率: a noun's last character ends the item, not the head
    return best


class SharingReader(ReaderBase):
    """Making an indicator whole from the target, task or clause before it."""

    def _complete(self, subject: str, prev: Reading | None, ci: int) -> str:
        """An indicator that leaves out what it measures, made whole from the target before it
        in the sentence or the clause before: ``营业收入利润率`` → ``全省医药工业营业收入利润率``,
        ``占…比重``, ``总投资`` after a count, ``农村`` after ``城市…覆盖率``."""
        c = cues()
        if c.region.match(subject, 0, None, KEEP_GIL):
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
            rm = c.region.match(level, 0, None, KEEP_GIL)
            if rm is not None and len(level) - rm.end() >= 2:
                level = level[rm.end() :]
            return level + subject
        head = c.measure_head.match(subject, 0, None, KEEP_GIL)
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
                made = _drop_leading_verb(obj) if c.action.match(obj, 0, None, KEEP_GIL) else obj
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
            # 持证上岗率 after 培训养老护理员1500人次: a rate of the people just counted; a rate
            # that repeats a noun of the count (苗种自给率 after 县级苗种繁育基地20个) names its
            # own subject
            if len(subject) >= 5 and subject[:2] in base:
                return subject
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
            owner = _manner_swap(base, subject) or self._sentence_subject(_measure_owner(base))
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
        if body == s and cues().action.match(text, 0, None, KEEP_GIL) is None:
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
        if (
            not text
            or c.action.match(text, 0, None, KEEP_GIL)
            or c.level.match(text, 0, None, KEEP_GIL)
            or _drop_adverbial(text) != text
        ):
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
            # 建立…实名登记制度，登记率…: the arrangement set up is no part of the subject
            owner = cues().setup_verb.sub("", owner, count=1)
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
