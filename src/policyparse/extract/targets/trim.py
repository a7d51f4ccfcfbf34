"""Trimming the text an indicator is read from: lead words, time words and commitments at its
start, tails and adverbials, examples before 等, verbs that only bring a thing about, and the
closing ``数量``; the small tests on clause openings (``其中``, a verb and a scope word) that the
readers share."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from itertools import accumulate
from typing import Final

import regex

from ... import patterncache
from ...patterncache import KEEP_GIL
from .geometry import LIST_ITEM, QRef, depth_map
from .indicator_words import words
from .rules import WHOLE_YEAR, Cues, bound_cues, cues

_ALL_HAN: Final = patterncache.compile(r"\p{Han}+")
# a Chinese character that starts no number (超采, against 超百万, 达五成, 超亿元)
_HAN_WORD: Final = patterncache.compile(
    r"(?![零〇一二三四五六七八九十百千万亿两半几数近约逾])\p{Han}"
)

_STRIP: Final = " \t\n、，,；;：:和及与或并且"
_PUNCT: Final = " \t\n、，,；;：:"
_TIME_LEAD: Final = patterncache.compile(
    r"(?:(?:力争|争取|确保|预计|计划|努力)?(?:到|至|在|于)?"
    r"(?:(?:\d{4}(?!\d)|“?十[一二三四五六]五”?)[年]?(?:年底|底|末|前|以前|期间|内|时)?(?:前)?"
    # 11月底前新增…, 年内完成…: a time of the document's own year, whether or not the times
    # stage read it
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份|底|末|中旬|上旬|下旬)?(?:前|以前|之前)"
    # 全年新增城镇就业, 当年新增…比例: a whole year before a verb is part of the measure
    r"|年内|年底前|年末前|(?:全年|当年)(?!\p{Han})))"
)
_COUNT_END: Final = patterncache.compile(
    r"(?:数量|总数|总量|个数|数目|人数|家数|数|量|规模|总规模)$"
)
_COMPARE_ONLY: Final = patterncache.compile(
    r"(?:(?:较|(?<!占)比|相比)(?:上年度?|去年|上一年|\d{4}年(?:底|末)?|“?十[一二三四五]五”?末))?"
    r"(?:年均|平均|同比|累计)?"
)
_SPACES: Final = patterncache.compile(r"\s*")


def _opens_qizhong(text: str, i: int) -> bool:
    r"""Whether ``其中`` follows offset ``i`` after white space (the same as matching
    ``\s*其中`` there, without a scan of the rest of a long text for ``其中``)."""
    m = _SPACES.match(text, i, None, KEEP_GIL)
    return m is not None and text.startswith("其中", m.end())


_CHANGE_TAIL: Final = patterncache.compile(
    r"(?:年均|平均|同比)?(?:增长|下降|降低|减少|提高|提升|增加)幅度$"
)
_BASE_TIME_WORDS: Final = (
    r"\d{4}年(?:底|末)?|上年度?|去年|上一年|“?十[一二三四五六]五”?(?:末|期末)?"
)
_COMPARE_TAIL: Final = patterncache.compile(
    r"(?:(?:(?<!占)比|较|相比|相较于?)(?:\d{4}年(?:底|末)?|上年度?|去年|上一年|“?十[一二三四五六]五”?(?:末|期末)?)"
    r"|同比|环比"
    # 产值在2025年基础上翻一番: the base year of a multiple, written as a base
    r"|在(?:\d{4}年(?:底|末)?|上年度?|“?十[一二三四五六]五”?(?:末|期末)?)(?:的)?基础上)$"
)
_RATE_UNITS: Final = frozenset(("%", "百分点", "倍", "成", "‰"))


def _is_rate(q: QRef) -> bool:
    """Whether the value is a rate or a multiple (it may be a change of a level)."""
    return (q.rec.unit or "") in _RATE_UNITS


def unit_is_multiple(q: QRef) -> bool:
    """Whether the value is a multiple (``2.5倍``)."""
    return (q.rec.unit or "") == "倍"


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
def _article() -> regex.Pattern[str]:
    """The article number pattern of ``indicator_words.yaml``."""
    return patterncache.compile(words().article_pattern)


@cache
def _not_lead_holding() -> dict[str, tuple[str, ...]]:
    """For each character, the ``not_lead_words`` that hold it, in the list's order."""
    out: dict[str, list[str]] = {}
    for w in words().not_lead_words:
        for ch in dict.fromkeys(w):
            out.setdefault(ch, []).append(w)
    return {ch: tuple(ws) for ch, ws in out.items()}


def _lead_stop(pattern: regex.Pattern[str], text: str, pos: int) -> int:
    """Where a run of lead words matched by ``pattern`` at ``pos`` ends, without cutting a word
    that only opens with a lead word (``使用率``: ``使`` is no lead there); ``pos`` when none."""
    m = pattern.match(text, pos, None, KEEP_GIL)
    end = m.end() if m else pos
    holding = _not_lead_holding()
    while end > pos:
        # a word starting in ``end - len(w) + 1 .. end - 1`` holds the character at ``end - 1``:
        # only the words that hold it are tried, in the list's order
        cut = next(
            (
                j
                for w in holding.get(text[end - 1], ())
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


_NUM_MARK: Final = patterncache.compile(r"[ \t\u3000]*(\d{1,2})[.．](?=\d)")


def numbered_before_digit(norm: str, pos: int) -> int:
    """Past a list mark whose number runs on into a figure (``4.65岁及以上老年人…`` between
    ``3.…`` and ``5.…``): at a line's start, when the line before or after opens with the
    number before or after it; ``pos`` otherwise."""
    line = norm.rfind("\n", 0, pos) + 1
    if norm[line:pos].strip():
        return pos
    m = _NUM_MARK.match(norm, line, None, KEEP_GIL)
    if m is None or m.end() <= pos:
        return pos
    n = int(m.group(1))
    prev_start = norm.rfind("\n", 0, max(0, line - 1)) + 1
    prev = norm[prev_start : max(prev_start, line - 1)].lstrip(" \t\u3000")
    nxt_end = norm.find("\n", m.end())
    nxt = norm[nxt_end + 1 :].lstrip(" \t\u3000") if nxt_end >= 0 else ""
    if (n > 1 and prev.startswith((f"{n - 1}.", f"{n - 1}．"))) or nxt.startswith(
        (f"{n + 1}.", f"{n + 1}．")
    ):
        return m.end()
    return pos


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
        if c.kept_lead is not None and c.kept_lead.match(norm, pos, None, KEEP_GIL):
            return pos  # 计划烧除面积: the lead word names the measure
        m = LIST_ITEM.match(norm, pos, None, KEEP_GIL)
        pos = m.end() if m and m.end() > pos else numbered_before_digit(norm, pos)
        m = _article().match(norm, pos, None, KEEP_GIL)
        if m and m.end() > pos:
            pos = m.end()  # 第十条　每年组织…: an article number is no part of the indicator
        m = _TIME_LEAD.match(norm, pos, None, KEEP_GIL)
        if m and m.end() > pos:
            pos = m.end()
        pos = _lead_stop(c.lead_at, norm, pos)
        m = c.commitment.match(norm, pos, None, KEEP_GIL)
        if m:
            pos = m.end()
        if c.relative_total is not None:
            m = c.relative_total.match(norm, pos, None, KEEP_GIL)
            if m:
                pos = m.end()  # 三年累计培训…: the span of years is the deadline
        if pos == before:
            return pos


@cache
def _tail_gate() -> re.Pattern[str] | None:
    """A search for any of the strings the ``indicator_tail`` patterns gate on: text without
    one of them is left alone by every such pattern; None when one of them has no gate."""
    gates = [p.gate for p in cues().indicator_tail]
    if not gates or any(g is None for g in gates):
        return None
    # each gate is an alternation of strings: joined, one alternation of them all (a search of
    # which ``re`` runs faster than of the same alternations each in a group)
    return patterncache.compile_re("|".join(g.pattern for g in gates if g is not None))


def _cut_tails(c: Cues, s: str) -> str:
    """``s`` with each ``indicator_tail`` pattern's match cut in turn, where at least two
    characters are left."""
    gate = _tail_gate()
    if gate is not None and gate.search(s) is None:
        return s  # no pattern's gate holds: every ``sub`` would leave ``s`` as it is
    for p in c.indicator_tail:
        cut = p.sub("", s)
        if len(cut) >= 2:
            s = cut
    return s


def _strip_tail(s: str) -> str:
    c = cues()
    s = _cut_tails(c, s.rstrip(" \t\n、，,；;：:"))
    s = s.rstrip(_STRIP)
    if s.endswith(("年均", "平均", "人均", "户均")):
        return s
    s = c.tail.sub("", s)
    # 公共数据开放数量比2022年翻一番: the base of the comparison is no part of the indicator
    cut = _COMPARE_TAIL.sub("", s, 0, None, None, KEEP_GIL)
    if len(cut) >= 2:
        s = cut
    # 接种率以乡镇（街道）为单位保持在90%以上: an adverbial before the verb goes
    return _cut_tails(c, s).rstrip(_STRIP)


def _last_verb(
    pattern: regex.Pattern[str], text: str, base: int, qs: list[QRef], bound: bool = True
) -> regex.Match[str] | None:
    """The last match of ``pattern`` in ``text`` outside brackets, not used as a bound word
    of a quantity (``超100亿元``)."""
    depth: list[int] | None = None  # mapped at the first match only
    best = None
    c = cues()
    not_verbs, is_level, numberless = c.not_verbs, pattern is c.level, c.numberless
    for m in pattern.finditer(text, 0, None, True, KEEP_GIL):
        if depth is None:
            depth = depth_map(text)
        if depth[m.start()] > 0 or text.startswith(not_verbs, m.start()):
            continue
        if m.end() - m.start() == 1 and is_level and _HAN_WORD.match(text, m.end()):
            continue  # 地下水超采量, 超算中心: a one-character verb is one only before a number
        a, b = base + m.start(), base + m.end()
        if any(q.start <= a < q.end for q in qs):
            continue
        if (
            numberless is not None
            and is_level
            and numberless.match(text, m.end(), None, KEEP_GIL)
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
_EXAMPLES: Final = patterncache.compile(
    r"^(?![至到在对向与和从由])(?:\p{Han}{1,12}、){1,12}\p{Han}{1,12}等"
    r"(?!级|次|额|量|同|于|地|的|方面|\p{Han}?[\d一二三四五六七八九十两])"
)
_NOT_ADVERBIAL: Final = patterncache.compile(r"在(?:园|校|读|岗|职|线|建|编|册|库|营|运|用|研|途)")


def _drop_adverbial(s: str) -> str:
    """``s`` without an adverbial of place or topic before its verb (``在大豆、油菜主产区``
    before ``建设…示范县``, ``围绕…三大产业链`` before ``开展…活动``)."""
    c = cues()
    if c.adverbial is None or _NOT_ADVERBIAL.match(s, 0, None, KEEP_GIL):
        return s
    m = c.adverbial.match(s, 0, None, KEEP_GIL)
    return s[m.end() :] if m and m.end() < len(s) else s


def _instances(s: str, end: int) -> bool:
    """Whether the examples ``s[:end]`` (ending in ``等``) are instances of the class written
    after them, each ending in a character of its name (``塔里木河、伊犁河等主要河流``), rather
    than fields that qualify it (``电解铝、磷化工等重点行业``, ``低空旅游、应急救援等…场景``),
    which stay; a long run of examples (more than three) goes all the same."""
    head = s[end : end + 8]
    items = s[: end - 1].split("、")
    return len(items) > 3 or all(item and item[-1] in head for item in items)


def _drop_leading_verb(s: str) -> str:
    """Drop an adverbial and an action verb at the start that do not define what is counted."""
    c = cues()
    s = _drop_lead(s)
    # 与南京农业大学、…等高校院所共建研发平台: the partners go, the verb of building together
    # defines the count and stays
    pm = c.partner_list.match(s, 0, None, KEEP_GIL) if c.partner_list is not None else None
    if pm is not None and len(s) - pm.end() >= 4:
        return s[pm.end() :]
    # 塔里木河、伊犁河等主要河流…: the examples before 等 go, the class they name stays
    m = _EXAMPLES.match(s, 0, None, KEEP_GIL)
    if m is not None and len(s) - m.end() >= 4 and _instances(s, m.end()):
        s = s[m.end() :]
    s = _drop_adverbial(s)
    m = c.action.match(s, 0, None, KEEP_GIL)
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
    rm = c.region.match(s, 0, None, KEEP_GIL)
    if rm is not None:
        m = c.action.match(s, rm.end())
        if m and m.group(0) not in c.indicator_verbs and m.end() < len(s):
            if m.group(0) in c.scope_kept_verbs:
                return s  # 全省完成营造林1200万亩: the work done across the scope is counted
            rest = s[m.end() :]
            # 全国遴选建设…示范校1万所: a second verb in a row goes too
            m2 = c.action.match(rest)
            if m2 and m2.group(0) not in c.indicator_verbs and m2.end() + 2 <= len(rest):
                rest = rest[m2.end() :]
            return s[: rm.end()] + rest
        # 全省每个重点县至少配备…: the scope word stays before a distributive scope
        each = _drop_in_each_scope(s[rm.end() :])
        if each is not None:
            return s[: rm.end()] + each
    each = _drop_in_each_scope(s)
    return s if each is None else each


def _drop_in_each_scope(s: str) -> str | None:
    """``s`` opening with a distributive scope without the bound word and the verb that only
    brings the thing about; ``None`` when ``s`` opens with no such scope."""
    c = cues()
    # 每个县（市、区）至少建成1个县级冷链配送中心: a distributive scope stays, so does the verb
    # that defines the count; a bound word and a verb that only brings it about go
    em = _EACH_SCOPE.match(s, 0, None, KEEP_GIL)
    if em is not None:
        for m in c.action.finditer(s, em.end(), min(len(s), em.end() + 14)):
            scope = s[: m.start()]
            if "，" in scope or "," in scope:
                break
            cut = bound_cues().each.sub("", scope)
            if m.group(0) in c.indicator_verbs and m.end() < len(s):
                # 每个重点县至少配备农业科技特派员10名: the verb defines the count and stays,
                # the bound word is the value's
                return cut + s[m.start() :] if len(cut) >= em.end() else s
            if m.group(0) in c.indicator_verbs or m.end() >= len(s):
                break
            if len(cut) >= em.end():
                return cut + s[m.start() :]
            break
    return None


def _after_whole_year(frame: str) -> str:
    """``frame`` without the ``全年``/``当年`` it opens with."""
    for w in WHOLE_YEAR:
        if frame.startswith(w):
            return frame[len(w) :]
    return frame


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
    if (
        bare in c.count_units
        and bare != "人"
        and ind
        and not _COUNT_END.search(ind, 0, None, KEEP_GIL)
    ):
        ind += "数量"
    elif unit == "%" and ind.endswith("的"):
        # 招生规模不低于高等职业教育招生规模的10%: the share of the one in the other
        ind = bound_cues().share.sub("占", ind, count=1) + "比例"
    return ind


_EXAMPLES_BEFORE_COUNT: Final = patterncache.compile(
    r"(?:[^、，,；;：:等]{1,10}、){1,20}[^、，,；;：:等]{1,10}等"
    r"(?=[\d一二三四五六七八九十两]{1,2}(?:种|类|个|项|大|条|家|所|批))"
)


def _verb_scope(pre: str) -> tuple[str, str] | None:
    """``pre`` read as an action verb and a scope word (``完成全区``): (verb, scope), or None.
    A word of totality (``完成全部``) is read as an empty scope."""
    c = cues()
    m = c.action.match(pre, 0, None, KEEP_GIL)
    if m is None or m.end() >= len(pre):
        return None
    rest = pre[m.end() :]
    if rest in c.totality:
        return m.group(0), ""
    return (m.group(0), rest) if c.region.fullmatch(rest, 0, None, KEEP_GIL) else None


_EACH_SCOPE: Final = patterncache.compile(r"(?:每个|各)\p{Han}")
# 完成登记的数据资产: a verb with a short word before 的 qualifies the noun after it
_RELATIVE_AFTER: Final = patterncache.compile(r"\p{Han}{1,2}的(?=\p{Han})")
_STATUS_OBJECT: Final = patterncache.compile(r"[^，,；;。的]{2,16}的(?=\p{Han})")
_TOTAL_LEAD: Final = patterncache.compile(r"累计|合计|共计|总计")


def _part_period(text: str, start: int) -> str:
    """The period of the year written right after the ``其中`` that opens the clause at
    ``start`` (``其中上半年…`` → ``上半年``), or ``""``."""
    pattern = cues().part_period
    if pattern is None:
        return ""
    sm = _SPACES.match(text, start)
    at = (sm.end() if sm is not None else start) + len("其中")
    m = pattern.match(text, at)
    return m.group(0) if m is not None else ""


def _stage_verbs(text: str) -> str:
    """``text`` when it is two action verbs in a row (``竣工交付``, ``完成开工``): a stage of
    the work; ``""`` otherwise (``完成`` alone counts the same thing as the target before)."""
    c = cues()
    m = c.action.match(text)
    if m is None or m.end() == len(text):
        return ""
    return text if c.action.fullmatch(text, m.end()) is not None else ""


def _verbs_only(text: str, pos: int) -> bool:
    """Whether ``text[pos:]`` is one action verb or two in a row (``建成``, ``新建改造``)."""
    action = cues().action
    if action.fullmatch(text, pos, None, KEEP_GIL):
        return True
    m = action.match(text, pos, None, KEEP_GIL)
    return m is not None and m.end() > pos and action.fullmatch(text, m.end()) is not None
