"""Reading ``分别`` lists: one indicator per value, with the shared head, scope, verb or measure
put back into each listed item (``A、B、C主营业务收入分别达到…``, ``过100亿元、50亿元的企业数量
分别达到…``, places with a verb after ``分别``)."""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from typing import Final

import regex

from ... import patterncache
from ...patterncache import KEEP_GIL
from .geometry import QRef, depth_map
from .indicator_words import words
from .reading import Reading
from .rules import bound_cues, cues
from .sharing import _MEASURE_END, _RATIO_END, SharingReader, _snap
from .trim import (
    _ALL_HAN,
    _COMPARE_ONLY,
    _COUNT_END,
    _NOT_ADVERBIAL,
    _STRIP,
    _TOTAL_LEAD,
    _bare_unit,
    _drop_lead,
    _drop_leading_verb,
    _finish,
    _is_rate,
    _opens_qizhong,
    _strip_tail,
)

_YEAR_ONLY: Final = patterncache.compile(r"\d{4}年(?:底|末)?")
_YEAR_JOIN: Final = patterncache.compile(r"\s?(?:[、，,]|和|及|与)\s?(?:到|至)?")
_YEAR_IN_LIST: Final = patterncache.compile(r"(?:到|至)?\d{4}年(?:底|末)?(?:前)?")
_CLAUSE_GAP: Final = patterncache.compile(r"\s?[，,]\s?")
_LIST_SPLIT: Final = patterncache.compile(r"、|以及|和|及|与")
_CHANGE_AFTER: Final = patterncache.compile(
    r"(?:年均|平均|同比)?(?:增长|下降|降低|减少|提高|提升|增加|缩短|压减|削减)(?=\s?[\d一二三四五六七八九十两])"
)
_DUN: Final = patterncache.compile(r"、")
_AND_STRONG: Final = patterncache.compile(r"以及|和|与")
_AND_WEAK: Final = patterncache.compile(r"及")
# an item that ends in a measure word is written whole (…普及率, …比例, …人数)
_WHOLE_END: Final = patterncache.compile(
    r"(?:率|比例|比重|占比|份额|人数|数量|总量|指数|面积|密度|浓度|强度)$"
)
_OWN_SUBJECT: Final = patterncache.compile(r"(\p{Han}{2,12})的")


@cache
def _shared_preposition() -> regex.Pattern[str]:
    """The ``shared_prepositions`` of ``indicator_words.yaml``, longest first."""
    items = sorted(set(words().shared_prepositions), key=lambda w: (-len(w), w))
    return patterncache.compile("|".join(regex.escape(w) for w in items) or "(?!)")


_COUNTED_AFTER: Final = patterncache.compile(r"\p{Han}{2,16}")


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
    rm = cues().region.match(whole, 0, None, KEEP_GIL)
    measure = whole[rm.end() :] if rm is not None else ""
    if len(measure) >= 4 and (_WHOLE_END.search(measure) or measure.endswith("率")):
        return name + measure
    return name


_MEASURE_TAIL: Final = patterncache.compile(r"\p{Han}{2}[量率]$")


_PLACES_SUMMED: Final = patterncache.compile(
    r"[两二三四五六七八九十]{1,2}(?P<w>市|县|区|州|盟|旗|镇|乡)$"
)
_PLACE_ENDS: Final = tuple("省市县区州盟旗镇乡村")


def _verbs_alone(text: str) -> bool:
    """Whether ``text`` is one action verb or two in a row (``新建改造``)."""
    act = cues().action
    m = act.match(text)
    if m is None:
        return False
    return m.end() == len(text) or act.fullmatch(text, m.end()) is not None


_PERIOD_ONLY: Final = patterncache.compile(r"(?:每|平均每)(?:年|月|季度|年度|周)|年均|全年")


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
        cut = next(
            (
                k
                for k in range(2, len(last) - 1)
                if c.measure_head.match(last[k:], 0, None, KEEP_GIL)
            ),
            None,
        )
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


_BRACKETS: Final = patterncache.compile(r"[（(]")


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
        c.region.match(item, 0, None, KEEP_GIL)
        or (c.item_scope is not None and c.item_scope.match(item))
        or c.subject_head.search(item)
        or _BRACKETS.search(item)
    )


_BRACKETED_SUBJECT: Final = patterncache.compile(r"^[^（(）)]{1,12}[（(][^（(）)]{1,12}[）)]")


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
        if at > 0 and (k > 1 or cues().measure_head.match(last[at + k :], 0, None, KEEP_GIL)):
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


def _same_units(group: list[Reading], chosen: list[QRef]) -> bool:
    """Whether the values ``chosen`` measure in the units of the targets ``group`` in order,
    each target with an indicator of its own."""
    if len({r.indicator for r in group}) != len(group):
        return False
    return all(
        r.q.rec.base_unit == q.rec.base_unit and r.q.rec.kind == q.rec.kind
        for r, q in zip(group, chosen, strict=True)
    )


class FenbieReader(SharingReader):
    """Reading a ``分别`` list: one indicator per value."""

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
            bm = bound_cues().lead.match(core0)
            bound_word = bm.group(0) if bm else ""
            names = []
            for x in quals:
                core = bound_cues().lead.sub("", norm[x.start : x.end])
                names.append(f"{lead}{bound_word}{core}{tail}".strip(_STRIP))
        elif n > 1 and "、" not in subject and self._year_list_count(body) == n:
            # 到2027年和2030年，公共体育场馆和学校体育场地设施向学生开放率分别达到75%、90%: the
            # values pair with the years that open the sentence; the subject is one and shared
            names = [subject] * n
        else:
            counts = all(_bare_unit(q.rec.unit or "") in c.count_units for q in chosen)
            names = self._split_items(subject, n, counts)
        split = names is not None
        if names is None:
            names = self._carried(subject, n, chosen)
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
                if (
                    mid
                    and c.action.match(mid, 0, None, KEEP_GIL) is not None
                    and not c.level.match(mid, 0, None, KEEP_GIL)
                ):
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
                    c.level.match(verb, 0, None, KEEP_GIL)
                    or verb.startswith(tuple(c.raw.near_level_verbs))
                    or ch
                )
                and (
                    all(_bare_unit(q.rec.unit or "") in c.count_units for q in chosen)
                    # 甲县、乙县分别新建改造供水管网60公里、45公里: an action verb with its
                    # object is every item's amount, whatever its unit
                    or (
                        c.action.match(mid, 0, None, KEEP_GIL) is not None
                        and not any(_is_rate(q) for q in chosen)
                    )
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

    def _year_list_count(self, body: int) -> int:
        """How many years the last list of years before ``body`` in the sentence holds when it
        ends a clause (``到2027年和2030年，…``: 2), as the deadlines of a ``分别`` list pair with
        them; 0 when there is none."""
        norm = self.norm
        ss = self.clauses[0][0]
        ranges = self.times.ranges
        k = bisect_left(ranges, (body, body)) - 1
        count, end = 0, body
        while k >= 0:
            s, e = ranges[k]
            if s < ss or e > end:
                break
            if not _YEAR_IN_LIST.fullmatch(norm, s, e):
                break
            gap = norm[e:end]
            if count == 0:
                if not _CLAUSE_GAP.match(gap):
                    break
            elif not _YEAR_JOIN.fullmatch(gap):
                break
            count, end = count + 1, s
            k -= 1
        return count if count >= 2 else 0

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
        if not chosen:
            return None
        mid = self.norm[fb + 2 : chosen[0].start].strip(_STRIP)
        if not mid or not _verbs_alone(mid):
            return None
        if not self.readings:
            return self._task_counted(subject, fb, mid, chosen)
        prev = self.readings[-1]
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

    def _task_counted(
        self, subject: str, fb: int, mid: str, chosen: list[QRef]
    ) -> list[str] | None:
        """``建设社区嵌入式医养服务站，…兰州、天水、酒泉三市分别建成20个、12个、10个``: with no
        target before, places with a verb alone after ``分别`` count what the task of an earlier
        clause of the sentence builds (``社区嵌入式医养服务站``); a number of places summing up
        the list (``三市``) gives each place its word (``兰州市``). None otherwise."""
        c = cues()
        if not all(_bare_unit(q.rec.unit or "") in c.count_units for q in chosen):
            return None
        places = _PLACES_SUMMED.search(subject)
        word = places.group("w") if places is not None else ""
        if places is not None:
            subject = subject[: places.start()]
        parts = _list_parts(subject, len(chosen))
        if parts is None or any(not _ALL_HAN.fullmatch(p) or len(p) > 8 for p in parts):
            return None
        # 家庭农场、农民合作社分别新增…: things counted, not places
        if not word and not all(p.endswith(_PLACE_ENDS) for p in parts):
            return None
        thing = self._task_thing(fb)
        if len(thing) < 2:
            return None
        verb = mid if mid in c.indicator_verbs else ""
        return [f"{p if p.endswith(word) else p + word}{verb}{thing}" for p in parts]

    def _task_thing(self, at: int) -> str:
        """The object of the last action verb of the nearest clause before ``at`` in the
        sentence that holds no value; '' when there is none."""
        act = cues().action
        # a year read as a quantity (2026年底前) is no value of a target
        starts = {x.start for x in self.all_qs if x.rec.unit != "年"}
        for s, e in reversed([cl for cl in self.clauses if cl[1] <= at]):
            if any(s <= x < e for x in starts):
                return ""
            text = self.norm[s:e].strip(_STRIP)
            verbs = list(act.finditer(text))
            # 建设社区嵌入式医养服务站: a verb inside the noun (服务站) leaves too little
            for m in reversed(verbs):
                thing = text[m.end() :]
                if len(thing) >= 4:
                    ok = len(thing) <= 16 and _ALL_HAN.fullmatch(thing) is not None
                    return thing if ok else ""
            if verbs:
                return ""
        return ""

    @staticmethod
    def _counted_thing(prev: Reading) -> str:
        """What the target ``prev`` counts, without its subject and verb."""
        if prev.counted:
            return prev.counted
        thing = prev.indicator.removesuffix("数量")
        if prev.frame and thing.startswith(prev.frame):
            thing = thing[len(prev.frame) :]
        return _drop_leading_verb(thing)

    def _carried(self, subject: str, n: int, chosen: list[QRef]) -> list[str] | None:
        """The subjects of a ``分别`` list of ``n`` values that names none, from the ``分别``
        list of ``n`` values just before it in the sentence: ``年均分别增长15%和18%`` after
        ``游客人次和旅游总花费分别达到…`` measures the growth of each; ``其中达到推荐标准的
        比例分别不低于25%、30%`` after ``乡镇卫生院、社区卫生服务中心…分别达到…`` takes each
        listed item."""
        c = cues()
        rs = self.readings
        if len(rs) < n or c.region.match(subject, 0, None, KEEP_GIL):
            return None
        group = rs[-n:]
        g = group[0].group
        bare = _drop_lead(subject).strip(_STRIP)
        if g == 0 or any(r.group != g for r in group) or (len(rs) > n and rs[-n - 1].group == g):
            # 全国建成…示范学校5000所以上，…覆盖率达到70%，到2030年分别达到1万所、90%: the
            # targets just before, one per clause, in the units of the values in order
            if not bare and n > 1 and _same_units(group, chosen):
                return [r.indicator for r in group]
            return None
        if not bare or _COMPARE_ONLY.fullmatch(bare):
            return [r.indicator.removesuffix("数量") + bare for r in group]
        # a predicate without its subject: 达到推荐标准的比例, 具有…学历的比例
        led = c.level.match(bare, 0, None, KEEP_GIL) or c.predicate.match(bare)
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
            lv = c.level.match(gap, 0, None, KEEP_GIL)
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
        rm = c.region.match(parts[0], 0, None, KEEP_GIL)
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
            vm = c.action.match(parts[0], 0, None, KEEP_GIL)
            if (
                vm is not None
                and vm.group(0) in c.indicator_verbs
                and len(parts[0]) - vm.end() >= 3
                and not any(c.action.match(p, 0, None, KEEP_GIL) for p in parts[1:])
            ):
                # 培训养老护理员、医疗护理员分别达到…: the verb that defines what is counted is
                # every item's
                verb = vm.group(0)
                return [f"{prefix}{parts[0]}", *(f"{prefix}{verb}{p}" for p in parts[1:])]
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
        vm = c.action.match(first, 0, None, KEEP_GIL)
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
            own_verb = c.action.match(p, 0, None, KEEP_GIL) is not None
            own_scope = c.item_scope is not None and c.item_scope.match(p) is not None
            out.append(p if own_verb or own_scope else f"{shared}{p}")
        return out
