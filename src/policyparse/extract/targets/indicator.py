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

This module reads one clause's values (:class:`SentenceReader`); the trimming of lead words,
tails and verbs is in :mod:`.trim`, a reading and the reader's state in :mod:`.reading`, what a
target takes from the one, task or clause before it in :mod:`.sharing`, and ``分别`` lists in
:mod:`.fenbie`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import Final

import regex

from ... import patterncache
from ...patterncache import KEEP_GIL
from .fenbie import _COUNTED_AFTER, FenbieReader, _whole_measures
from .geometry import LIST_ITEM, QRef, depth_map
from .indicator_words import words
from .reading import Reading
from .rules import bound_cues, cues
from .select import covers, is_limit, procedure_limit
from .sharing import (
    _CHANGE_END,
    _LEVEL_SPLIT,
    _MEASURE_END,
    _RATIO_END,
    _SETTLE_VERBS,
    _defining,
    _names_whole,
    _share_predicate,
    _shared_modifier,
    _swap_scope,
)
from .trim import (
    _ALL_HAN,
    _BASE_TIME_WORDS,
    _COMPARE_ONLY,
    _COMPARE_TAIL,
    _EACH_SCOPE,
    _EXAMPLES,
    _PUNCT,
    _STRIP,
    _TOTAL_LEAD,
    _after_whole_year,
    _bare_unit,
    _drop_adverbial,
    _drop_any_verb,
    _drop_lead,
    _drop_leading_verb,
    _finish,
    _instances,
    _is_rate,
    _last_verb,
    _opens_qizhong,
    _opens_verb,
    _part_period,
    _stage_verbs,
    _strip_tail,
    _verb_scope,
    _verbs_only,
    unit_is_multiple,
)

_WORD_START: Final = patterncache.compile(r"[\p{Han}“\"《(（]")
# 和海洋生物医药、海洋文旅等 at the end of a noun: the names of the next count's list
_NEXT_LIST: Final = patterncache.compile(
    r"(?:以及|和|及|与|、)[^和及与、，,；;]{1,16}(?:、[^和及与、，,；;]{1,16}){0,8}等$"
)
_FOR_WHOM_PART: Final = patterncache.compile(r"(?:面向|针对|用于|服务于?)\p{Han}{2,12}")
_PLACE_PREPOSITIONS: Final = frozenset("在与同和跟向")
_BUILT_AFTER: Final = ("建设", "建成")
"""Verbs that only bring a thing about, dropped when written after the counted noun."""
_NEW_ONES: Final = ("新增", "新培育", "新认定", "新引进")
_PART_BOUND: Final = patterncache.compile(r"(?:不少于|不低于|至少|不超过|不高于|不多于)")
_ALL_HAN_TEXT: Final = patterncache.compile(r"\p{Han}+")
_REACH_LEAD: Final = patterncache.compile(r"(?:实现|达成)\s*$")
_LIMIT_LEAD: Final = patterncache.compile(r"在[^在]{0,20}?(?:后|起|之日起|内)?$")
_ANZHAO: Final = patterncache.compile(r"(?:按照|按)(?P<base>[^，,；;]{1,20}?)的$")
_COMPARE_BASE: Final = patterncache.compile(
    r"^(?:(?:较|(?<!占)比|相比)(?:上年度?|去年|上一年|\d{4}年(?:底|末)?|“?十[一二三四五]五”?末)|同比|环比)"
)
_COMPARE_BEFORE_CHANGE: Final = patterncache.compile(
    rf"(?:(?<!占)比|较|相比)(?:{_BASE_TIME_WORDS})(?=(?:新增|增加|减少|增长|提高|下降)$)"
)
_NUMBERLESS_OVER: Final = patterncache.compile(r"(?:超过|超|过)")
_JUN: Final = patterncache.compile(
    r"(?:均|(?<=\p{Han})各)(?:要|应|将)?(?:达到|达|控制在|保持在|稳定在|不低于|不少于|不超过|不高于|提高到|提高至|"
    r"提升到|提升至|降至|降到|低于|高于|超过|在|为)?$"
)
_SHARE: Final = patterncache.compile(r"^占|(?:占比|比重|比例|份额)$")
_OWN_WHOLE: Final = patterncache.compile(r"\p{Han}占\p{Han}{2,}(?:比重|比例|份额)$")
_BASE_TIME: Final = r"(?:\d{4}年(?:底|末)?|上年度?|去年|上一年|“?十[一二三四五六]五”?(?:末|期末)?)"
_FOR_WHOM_LEAD: Final = patterncache.compile(r"(?:每年|年内|全年|当年)?")
_FROM_DATED: Final = patterncache.compile(rf"[由从]{_BASE_TIME}的$")
_TOTAL_BEFORE: Final = patterncache.compile(r"(累计|总计|合计|共计)(?:将|要|可)?$")
_FROM_NOW: Final = patterncache.compile(r"[由从](?:目前|现在|现有|当前|现阶段|原来|原有)的?$")
_MULTIPLE_BASE: Final = patterncache.compile(rf"[，,]?(?:是|为|相当于|达到){_BASE_TIME}的$")


_GAP_YEAR: Final = patterncache.compile(r"(?<![\d.])(?:到|至)?(?:19|20)\d{2}年(?:底|末)?(?:前)?")
"""A deadline year between two values of one indicator (``…左右，2030年实现…``)."""


_PEOPLE_CLASS: Final = patterncache.compile(r"\p{Han}{0,8}?(?:从业人员|人员|人才|工作者)")
_PERSON_END: Final = patterncache.compile(r"[员师家者匠工手长士医]等")


_HAS_END: Final = patterncache.compile(r"(?:至少|均|都|各|全部|要|应)有$")
_HAVE_END: Final = patterncache.compile(r"(?:基本|全面|初步|普遍|逐步)?(?:具备|形成|拥有)$")
_BARE_VERB: Final = patterncache.compile(r"(?P<lead>年均|每年|平均每年|全年)?(?P<v>\p{Han}{2})")
_BARE_VERB_MAX: Final = 6
"""The longest text :data:`_BARE_VERB` matches (``平均每年`` and a verb)."""
_EACH_ITEM: Final = patterncache.compile(r"\p{Han}{2,8}")
_COLON_LEAD: Final = patterncache.compile(r"分别(?:为|是|达到|达|不低于|不少于)?$")
_SEMI: Final = patterncache.compile(r"[；;]")
_AMOUNT_END: Final = patterncache.compile(r"(?:面积|里程|长度|规模|容量|体积)$")
_PERIOD_END: Final = patterncache.compile(r"(?:(?:平均)?每(?:年|月|季度|年度|周)|年均)$")


def _close_breaks(readings: list[Reading]) -> None:
    """Indicators without the white space of a hard line break inside them
    (``…应急响应到\n场时间`` → ``…应急响应到场时间``): such an indicator is assembled."""
    for r in readings:
        if "\n" in r.indicator and _INNER_SPACE.search(r.indicator):
            r.indicator = _INNER_SPACE.sub("", r.indicator)
            r.ind_start = r.ind_end = None


def _ends_with_level(pre: str) -> bool:
    """Whether the text before a value ends with a level verb (``…有效发明专利突破``)."""
    text = pre.rstrip(_STRIP)
    level = cues().level
    return any(level.fullmatch(text[-k:]) for k in range(1, min(4, len(text)) + 1))


_DIGIT: Final = patterncache.compile(r"[\d%％]")
_INNER_SPACE: Final = patterncache.compile(r"[ \t\r]*\n\s*")


_OVER_NUMBER: Final = patterncache.compile(
    r"(?:超过|超|过)(?=[\d零〇一二三四五六七八九十百千万亿两])"
)


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


_EVENT_PERIOD: Final = patterncache.compile(r"\p{Han}{2,10}?期间")


class SentenceReader(FenbieReader):
    """Reads the indicators of the chosen quantities of one sentence, clause by clause."""

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
                prev = self.readings[-1] if self.readings else None
                if k == 0 and prev is not None and self._qizhong_before(ci):
                    self._place_part(r, prev)
                bare = r.indicator.removesuffix("数量")
                # at most a lead word and a verb (平均每年培训): no longer text can match
                bare_verb = _BARE_VERB.fullmatch(bare) if len(bare) <= _BARE_VERB_MAX else None
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
                if lead_in and bound_cues().place_only.fullmatch(norm, r.pre_start, q.start):
                    # 占比分别为：长春市不低于80%，吉林市不低于60%: each place takes the
                    # measure the lead-in names
                    place = norm[r.pre_start : q.start].strip(_STRIP)
                    place = bound_cues().place_tail.sub("", place)
                    r.indicator = f"{place}{lead_in}"
                    r.ind_start = r.ind_end = None
                if prev is not None and k == 0 and ci > 0:
                    self._event_period(ci, body, r, prev)
                if ci > 0 and (r.q.rec.unit or "") == "%":
                    self._share_doer(ci, r)
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

    def _share_doer(self, ci: int, r: Reading) -> None:
        """A share opening with a verb whose doer the clause before names (``建设省级智慧养老
        服务平台，2028年前接入养老机构比例超过95%`` → ``省级智慧养老服务平台接入养老机构比例``)."""
        c = cues()
        if not c.subjectless_share or not r.indicator.startswith(c.subjectless_share):
            return
        k = ci - 1
        # 低空物流网络基本成型，年业务量…翻一番，覆盖…: past a sibling clause with a value
        while k > 0 and k >= ci - 2 and self._holds_value(*self.clauses[k]):
            k -= 1
        s, e = self.clauses[k]
        if self._holds_value(s, e):
            return
        doer = _drop_lead(self.norm[s:e].strip(_STRIP))
        am = c.action.match(doer, 0, None, KEEP_GIL)
        if am is not None:
            doer = doer[am.end() :]
        if c.subject_state is not None:
            doer = c.subject_state.sub("", doer)
        doer = doer.strip(_STRIP)
        if 2 <= len(doer) <= 16 and _ALL_HAN_TEXT.fullmatch(doer):
            r.indicator = doer + r.indicator
            r.ind_start = r.ind_end = None

    def _holds_value(self, s: int, e: int) -> bool:
        i = bisect_left(self._q_starts, s)
        return i < len(self._q_starts) and self._q_starts[i] < e

    def _qizhong_before(self, ci: int) -> bool:
        """Whether clause ``ci`` opens with ``其中`` or follows a clause that is ``其中`` alone
        (``其中，惠城区…``)."""
        norm = self.norm
        if _opens_qizhong(norm, self.clauses[ci][0]):
            return True
        if ci == 0:
            return False
        ps, pe = self.clauses[ci - 1]
        return norm[ps:pe].strip(_STRIP) == "其中"

    def _place_part(self, r: Reading, prev: Reading) -> None:
        """``生活垃圾分类小区覆盖率达到95%，其中，惠城区、惠阳区达到100%``: places named alone
        as a part, in the unit of the whole, take the measure of the whole (its scope word
        left out)."""
        places = cues().place_list
        if places is None or (r.q.rec.unit or "") != (prev.q.rec.unit or ""):
            return
        ind = r.indicator.removesuffix("数量")
        whole = prev.indicator
        if ind.endswith(whole) and len(ind) > len(whole):
            ind = ind[: -len(whole)]  # the measure of the whole is already borrowed
        if not places.fullmatch(ind):
            return
        rm = cues().region.match(whole, 0, None, KEEP_GIL)
        if rm is not None and len(whole) - rm.end() >= 2:
            whole = whole[rm.end() :]
        r.indicator = ind + whole
        r.ind_start = r.ind_end = None

    def _event_period(self, ci: int, body: int, r: Reading, prev: Reading) -> None:
        """``龙虾节期间全县接待游客达到600万人次，带动旅游综合收入25亿元以上``: a clause opening
        with a verb of what the clause before brings along takes that clause's event period
        (``龙虾节期间``), and keeps the verb when no level verb follows it."""
        verbs = words().consequence_verbs
        m = _EVENT_PERIOD.match(prev.indicator) if "期间" in prev.indicator else None
        if m is None or not verbs or r.indicator.startswith(m.group(0)):
            return
        ps, pe = self.clauses[ci - 1]
        if not ps <= prev.q.start < pe:
            return
        norm = self.norm
        start = min(self.clauses[ci][0], body)
        while start < r.q.start and norm[start] in _STRIP:
            start += 1
        verb = next((v for v in verbs if norm.startswith(v, start)), None)
        if verb is None:
            return
        ind = r.indicator
        level = cues().level.search(norm, start + len(verb), r.q.end)
        if not ind.startswith(verb) and level is None:
            ind = verb + ind
        r.indicator = m.group(0) + ind
        r.ind_start = r.ind_end = None

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
        am = c.action.match(mid, 0, None, KEEP_GIL)
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
            if "、" not in r.indicator:
                spread.append(r)  # one subject: nothing to spread
                continue
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
        if (
            _bare_unit(unit) not in c.count_units
            or not post
            or not _WORD_START.match(post, 0, None, KEEP_GIL)
        ):
            return None
        if c.level.match(post, 0, None, KEEP_GIL) or c.level.search(pre):
            return None
        cs = self.clauses[ci][0]
        head = _drop_lead(c.region.sub("", _drop_lead(self.norm[cs : cs + 24].lstrip(_PUNCT))))
        am = c.action.match(head, 0, None, KEEP_GIL)
        if am is None or not c.action_end.search(am.group(0)):
            return None
        # 建成国家级、省级2个现代农业产业园: levels of the noun, no names of examples
        own = _drop_lead(c.region.sub("", _drop_lead(pre.strip(_PUNCT))))
        own = own.removeprefix(am.group(0)).removesuffix("等")
        items = _LEVEL_SPLIT.split(own)
        if all(it in c.raw.item_scope_prefixes for it in items):
            return am.group(0), own
        return am.group(0), ""

    def _procedure_limit(self, ci: int, pre: str, m: regex.Match[str]) -> tuple[str, str, int]:
        """Subject, verb and end of a time limit for completing a procedure: ``旅游投诉应当在
        受理之日起5个工作日内办结`` → 旅游投诉, 办结; ``各地应当自收到群众投诉之日起…`` → 群众投诉
        (the thing the event receives stands for a scope alone); ``…将补贴资金拨付至…`` → the
        handler with 补贴资金, 拨付."""
        c = cues()
        if c.limit_sibling is not None:
            pre = c.limit_sibling.sub("", pre)
        lead = c.limit_lead.search(pre) if c.limit_lead is not None else None
        subj = pre[: lead.start()] if lead is not None else pre
        if c.limit_helper is not None:
            subj = c.limit_helper.sub("", subj)
        subj = _drop_lead(subj.strip(_STRIP)).strip(_STRIP)
        if c.object_strip:
            subj = c.object_strip[0].sub("", subj, count=1)  # 对群众举报的环境问题
        if c.limit_scope is not None and c.limit_scope.fullmatch(subj):
            subj = ""
        if not subj and lead is not None and c.limit_event_object is not None:
            em = c.limit_event_object.search(lead.group(0))
            if em is not None:
                subj = em.group("obj")
        if not subj and self._limit_subject is not None and self._limit_subject[0] == ci:
            subj = self._limit_subject[1]  # 应在24小时内响应、5个工作日内办结
        k = ci
        while not subj and k > 0:
            # 材料齐全的，在3个工作日内办结: a clause naming the cases is no subject
            s, e = self.clauses[k - 1]
            if not self.norm[s:e].rstrip(_STRIP).endswith("的"):
                subj = self._earlier_object(k)
                break
            k -= 1
        self._limit_subject = (ci, subj)
        verb = m.group("verb")
        for w in c.limit_verb_drop:
            if len(verb) > len(w):
                verb = verb.removeprefix(w).removesuffix(w)
        paid = m.group("paid") or ""
        if paid:
            verb = verb.removesuffix(paid)  # 拨付补助资金 → 补助资金拨付时限
        obj = m.group("obj") or paid
        return f"{subj}{obj}", verb, m.end()

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
        post_clean = bound_cues().post.sub("", post)
        post_off = q.end + (len(post) - len(post_clean))
        post_clean = post_clean.rstrip(_STRIP)
        unit = q.rec.unit or ""
        prev = self.readings[-1] if self.readings else None
        in_pre = [x for x in self._between(seg - 1, q.start) if x.end <= q.start]

        # a time limit: 在申报后10个工作日内办结
        if is_limit(norm, q, self.clauses[ci]) and not _last_verb(c.level, pre, seg, in_pre):
            pm = (
                c.procedure_limit.match(norm, q.end, self.clauses[ci][1])
                if c.procedure_limit is not None and procedure_limit(norm, q, self.clauses[ci])
                else None
            )
            if pm is not None:
                subj, verb, end = self._procedure_limit(ci, pre, pm)
            else:
                subj = _LIMIT_LEAD.sub("", pre).strip(_STRIP)
                subj = _drop_lead(subj)
                if not subj:
                    subj = self._earlier_object(ci)
                lv = c.limit_verb.search(post)
                verb = lv.group(0) if lv else ""
                end = max(q.end, q.end + (lv.end() if lv else 0))
            return Reading(q, f"{subj}{verb}时限", seg, end, None, None, True, pre, seg)

        # 按照核定床位的10%设置研究型床位
        m = _ANZHAO.search(pre) if "按" in pre else None
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
            and c.level.match(norm, q.start, None, KEEP_GIL) is not None
            and not pre.strip(_STRIP + "年0123456789")
        )
        # value before what it counts: 新增10家链主企业, 90%以上重大专利到期药物实现仿制上市
        # 每个乡镇至少有1所公办中心幼儿园: 至少有 frames the count as a verb does
        ends_with_action = bool(
            pre and (c.action_end.search(pre) or ("有" in pre and _HAS_END.search(pre)))
        )
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
            (pre if pre.strip(_STRIP) else norm[self.clauses[ci][0] : q.start]).strip(_PUNCT)
            in _PLACE_PREPOSITIONS
            and _bare_unit(unit) in c.count_units
            and bool(post_clean)
            and _WORD_START.match(post_clean, 0, None, KEEP_GIL) is not None
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
            and _WORD_START.match(post_clean, 0, None, KEEP_GIL)
            and (_bare_unit(unit) in c.count_units or unit in ("%", "成"))
            # 2—3个超千亿元产业集群: 超 is the bound of the threshold after the count
            and (lead_q or not c.level.match(post_clean, 0, None, KEEP_GIL))
            # 全市90%以上的社区卫生服务站…: a scope word alone before a share
            and (
                not pre.strip(_STRIP)
                or ends_with_action
                or verb_scope is not None
                or for_whom
                or (unit in ("%", "成") and c.region.fullmatch(pre.strip(_STRIP)) is not None)
                # 覆盖全国60%以上的县级行政区: the share of places covered
                or (unit in ("%", "成") and covers(pre.strip(_STRIP)))
            )
        )
        if q_first:
            noun = post_clean.removeprefix("的")
            vm = c.level.search(noun, 2) if "有" in pre and _HAS_END.search(pre) else None
            if vm is not None and vm.end() < len(noun):
                # 至少有1家县级医院达到三级医院服务能力: those that reach it are counted
                noun = f"{noun[vm.start() :]}的{noun[: vm.start()]}"
            if listed is not None:
                noun = listed[1] + noun  # 建成国家级、省级2个…产业园: the levels stay
            # 每个乡镇至少建有1所…: the bound word is the value's, not the indicator's
            raw = pre.strip(_PUNCT)
            # 惠及不少于5万名老年人: a verb ending in 及 keeps it
            frame = bound_cues().reach.sub(
                "", raw if c.action_end.search(raw) else pre.strip(_STRIP)
            )
            # 在数字经济、新型工业化领域打造3—5个创新联合体: the topic before the verb goes
            frame = _drop_adverbial(frame) if c.action_end.search(frame) else frame
            verb_m = c.action_end.search(frame) if frame else None
            if frame and verb_m and verb_m.start() == 0 and frame not in c.indicator_verbs:
                frame = ""
            elif (
                verb_m
                and _EACH_SCOPE.match(frame)
                and verb_m.group(0) not in c.indicator_verbs
                and len(bound_cues().each.sub("", frame[: verb_m.start()])) >= 2
            ):
                # 每个乡镇至少办好1所公办中心幼儿园: the scope stays, the verb that only
                # brings the thing about goes
                frame = bound_cues().each.sub("", frame[: verb_m.start()])
            if verb_scope is not None:
                verb, scope = verb_scope
                frame = f"{verb}{scope}" if verb in c.indicator_verbs else scope
                verb_m = c.action.match(verb, 0, None, KEEP_GIL)
            if not frame and prev is not None and prev.frame and not for_whom and listed is None:
                frame = prev.frame
            if unit in ("%", "成") and covers(pre.strip(_STRIP)):
                # 城乡公交覆盖全省90%以上的建制村 → 城乡公交覆盖全省建制村比例
                ind = f"{_drop_lead(pre.strip(_STRIP))}{noun}比例"
            elif unit in ("%", "成"):
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
                    if c.action.match(thing, 0, None, KEEP_GIL) and not thing.startswith(
                        tm.group(1)
                    ):
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
            pm = _PERIOD_END.search(subject)
            if pm is not None:
                # 承保规模力争每年增长10%: a commitment before the period word goes too
                head = _strip_tail(subject[: pm.start()])
                if len(head) >= 2:
                    subject = head + pm.group(0)
            if _COMPARE_ONLY.fullmatch(subject):
                # 同比增长5% after 税收收入4.2亿元: the base of the comparison is dropped, 年均
                # is kept
                subject = self._shared_subject(ci, prev) + _COMPARE_BASE.sub("", subject)
            elif prev is not None and c.measure_head.match(subject, 0, None, KEEP_GIL):
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
            first = c.action.match(noun, 0, None, KEEP_GIL)
            if first is not None and first.end() < am.start():
                am = first
        built_after = False
        if (
            am is not None
            and am.end() == len(noun)
            and am.start() >= 4
            and am.group(0) in _BUILT_AFTER
            and _bare_unit(unit) in c.count_units
        ):
            # 家庭养老床位建设5000张: a verb that only brings the thing about, after its noun
            noun, am, built_after = noun[: am.start()], None, True
            stated = noun  # the evidence ends before the verb too
        bound_verb = bool(bound_cues().normative.match(norm, q.start))
        # 实现登记率百分之百: a rate after the verb of reaching that opens the clause
        reached = unit == "%" and bool(_REACH_LEAD.search(norm, self.clauses[ci][0], seg))
        governed = am is not None or bound_verb or reached or built_after
        frame = noun[: am.end()] if am is not None else ""
        qual_head = ""
        exact = True
        counted = unit in c.count_units
        # 示范校比2023年增加30所: the base of the comparison is no part of what is counted
        cut = _COMPARE_BEFORE_CHANGE.sub("", noun) if "比" in noun or "较" in noun else noun
        if cut != noun and len(cut) >= 4:
            noun, exact = cut, False
        if in_pre:
            # the frame before a threshold: 培育营业收入|超500亿元企业
            qual_head = norm[seg + lead_off : in_pre[0].start]
            qual_head = bound_cues().over_tail.sub("", qual_head)
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
                # 新增…，其中“专精特新”企业不少于3家: a bound word opening the value of a part of
                # new ones is no level verb
                and not (
                    c.level.match(norm, q.start, None, KEEP_GIL)
                    and not (
                        part
                        and prev.frame.startswith(_NEW_ONES)
                        and _PART_BOUND.match(norm, q.start)
                    )
                )
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
                    # 新建改造口袋公园10个、城市绿道5公里: a length or area of another thing the
                    # same work is done to (a measure such as 总面积 is the first thing's)
                    or (
                        q.rec.kind == "amount"
                        and _bare_unit(prev.q.rec.unit or "") in c.count_units
                        and not counted
                        and norm[prev.q.end : max(seg, prev.q.end + 1)].strip(" ") == "、"
                        and _opens_verb(_after_whole_year(prev.frame))
                        and not c.measure_head.match(noun, 0, None, KEEP_GIL)
                        and not _MEASURE_END.search(noun)
                        and not _AMOUNT_END.search(noun)
                        and not c.action.search(noun)
                    )
                )
                # 其中整机制造企业5-8家 after 聚集…企业150家: a part is counted in its own
                # words, unless the verb defines what is counted (新增…，其中全国重点实验室3个)
                and not (part and not _defining(prev.frame))
                and not _SEMI.search(norm, prev.q.end, seg)
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
            bare_gap = c.level.sub("", c.commitment.sub("", bound_cues().post.sub("", gap)))
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
                    if c.action.match(thing, 0, None, KEEP_GIL)
                    else total_word + thing
                )
            elif not total_word:
                # 累计新增…450万亩以上，其中2026年新增120万亩: one year's part is no total
                rm = c.region.match(thing, 0, None, KEEP_GIL)
                k = rm.end() if rm is not None else 0
                tm = _TOTAL_LEAD.match(thing, k)
                if tm is not None and tm.end() < len(thing):
                    thing = thing[:k] + thing[tm.end() :]
            stage = _stage_verbs(_drop_lead(noun))
            if stage and not total_word and stage not in thing:
                # 累计开工加装电梯60部以上，年底前竣工交付120部: two verbs name a stage of the
                # same work, written in place of the verbs before the thing
                tm = _TOTAL_LEAD.match(thing)
                bare = thing[tm.end() :] if tm is not None else thing
                thing = stage + _drop_leading_verb(bare)
            if part:
                # 其中上半年完成20条: the part of the whole done within a period of the year
                period = _part_period(norm, self.clauses[ci][0])
                if period:
                    thing = period + thing
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
