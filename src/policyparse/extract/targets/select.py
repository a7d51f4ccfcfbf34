"""Which quantities can be targets or baselines: the non-target filters and the tense test.

A quantity is dropped when it is no measure of anything (no unit, a rank, a document number,
a year), names a thing (inside a short quotation, counted after ``等``), is a grant, award,
budget, loan or tax parameter, a standing rule of procedure or an entry condition, or only
qualifies a noun (``营业收入超20亿元的…平台2-3家``: the 20亿元). What is left is a target
when its sentence speaks of the future, a baseline when it speaks of the present or past.
"""

from __future__ import annotations

from typing import Final

from ... import patterncache
from ...patterncache import KEEP_GIL
from ..quantities.rules import rules as quantity_rules
from .geometry import LIST_SEP, QRef, TRef, in_brackets, inside_quote
from .rules import bound_cues, cues, is_not_past_le

_SEPARATORS: Final = frozenset("、，,；;和及与或 ")
_JOINERS: Final = patterncache.compile(r"^(?:、|和|及|与|或|以及|或者|，|,|\s)+$")
_COMPARE_BEFORE: Final = patterncache.compile(
    r"(?:较|比|相比|相较|对比|与|同|自|从|于|在|截至|截止)$"
)
# 是2024年的2.5倍: the year of the level a multiple is taken of
_BASE_AFTER: Final = patterncache.compile(r"的[\d一二三四五六七八九十两.]{1,8}倍")
_DEADLINE_BEFORE: Final = patterncache.compile(
    r"(?:到|至|力争到|争取到|确保到|预计到|计划到|要到)$"
)
_DEADLINE_AFTER: Final = patterncache.compile(r"^(?:底前|年底前|前|以前|之前|末|底)")
_BATCH_BEFORE: Final = patterncache.compile(r"(?:一批|一系列|若干|一些|多个|多家|一大批|一定数量)")
_HAN: Final = patterncache.compile(r"\p{Han}")
_TO_AFTER: Final = patterncache.compile(
    r"^[^，,；;。]{0,4}?(?:压缩|缩短|减少|降低|下降|提高|提升|增加|增长|扩大|调整|降)?(?:至|到|为)"
)
# 不低于30%的目标: the noun after 的 names the level itself, not what the value qualifies
_CONDITION: Final = patterncache.compile(r"^对(?!外|标|口|接|象|比|话|应|照)")


def unit_ok(q: QRef) -> bool:
    """Whether the quantity has a unit that can measure a target."""
    unit = q.rec.unit
    if not unit:
        return False
    c = cues()
    if unit in c.ignored_units:
        return False
    return not (unit == "年" and (q.rec.value or 0) >= 1900)


def _unitless_measure(norm: str, q: QRef, clause: tuple[int, int]) -> bool:
    """A number with no unit that is the level of a coefficient or index to reach
    (``农田灌溉水有效利用系数提高到0.58以上``)."""
    pat = cues().unitless_measure
    if pat is None or q.rec.unit or q.rec.value is None:
        return False
    # a bound word the value opens with (PUE不高于1.2) is the level verb
    m = _LEAD_WORD.match(norm, q.start, q.end)
    end = m.end() if m is not None else q.start
    return pat.search(norm, max(clause[0], q.start - 12), end) is not None


_LEAD_WORD: Final = patterncache.compile(r"\p{Han}{1,4}(?=\d)")
_NUMBER: Final = patterncache.compile(r"[\d零〇一二两三四五六七八九十百千]")
_REACH_VERB: Final = patterncache.compile(
    r"(?:达到|达|增加到|增加至|增至|提高到|提高至|提升到|提升至|扩大到|扩大至|压缩到|压缩至|"
    r"压减到|压减至|减少到|减少至|减至|降到|降至|降低到|降低至|控制在|稳定在|保持在|突破|超过)$"
)


def _level_in(norm: str, q: QRef, clause: tuple[int, int]) -> bool:
    """A value in a unit that alone names no target (``级``, ``类``) that is the level a
    measure is to reach: a verb of reaching right before its number and nothing after it in
    the clause (``管理层级压缩至三级以内``, ``集采类别累计达到70类``; not ``三级医院``)."""
    unit = q.rec.unit or ""
    if not unit or unit not in cues().ignored_units:
        return False
    after = norm[q.end : clause[1]].strip()
    # a list of levels (分别达到4级和5级以上): the others stand after and before this one
    if after and (after[0] not in _LEVEL_JOINS or not _LEVELS_AFTER.fullmatch(after)):
        return False
    m = _NUMBER.search(norm, q.start, q.end)
    if m is None:
        return False
    lo = max(clause[0], m.start() - 30)
    at = m.start()
    if norm[at - 1 : at] in _LEVEL_JOINS:
        before = _LEVELS_BEFORE.search(norm, lo, at)
        if before is None:
            return False
        at = before.start()
    return _REACH_VERB.search(norm, max(clause[0], at - 6), at) is not None


_AMONG: Final = patterncache.compile(r"[\p{Han}（）()、]{0,10}?(?:之中|中)")
_COVER_VERBS: Final = ("覆盖", "惠及", "通达")
"""Verbs before a scope word and a share of places or people (``覆盖全国60%以上的县级行政区``):
the share is the level to reach, not a threshold of the noun after it."""


def covers(head: str) -> bool:
    """Whether ``head`` ends with a verb of covering and, maybe, a scope word after it."""
    if head.endswith(_COVER_VERBS):
        return True
    region = patterncache.compile(rf"(?:{cues().raw.region_prefix})$")
    return region.sub("", head).endswith(_COVER_VERBS)


_AMOUNT_VERBS: Final = (
    "具备",
    "形成",
    "建成",
    "打造",
    "培育",
    "创建",
    "拥有",
    "新增",
    "新建",
    "达到",
)
"""Verbs right before a value with ``以上的`` that make it the amount to reach."""
_MULTIPLY_WORDS: Final = ("翻一番", "翻两番", "翻番", "倍增")
_LEVEL_JOINS: Final = "、和及或"
_LEVELS_AFTER: Final = patterncache.compile(
    r"(?:[、和及或][\d一二三四五六七八九十]{1,3}\p{Han}(?:以上|以下|以内)?){1,4}"
)
_LEVELS_BEFORE: Final = patterncache.compile(
    r"(?:[\d一二三四五六七八九十]{1,3}\p{Han}(?:以上|以下|以内)?[、和及或]){1,4}$"
)


def drop_reason(
    norm: str,
    q: QRef,
    clause: tuple[int, int],
    times: list[TRef],
    sentence: tuple[int, int] | None = None,
) -> str | None:
    """Why ``q`` can be neither a target nor a baseline, or None (``sentence``: the range of
    the sentence holding ``clause``, for the rules that read beyond the clause)."""
    c = cues()
    if not unit_ok(q) and not _unitless_measure(norm, q, clause) and not _level_in(norm, q, clause):
        return "unit"
    for t in times:
        if t.start < q.end and q.start < t.end and t.rec.kind in ("year", "date", "period"):
            return "time"
    if q.rec.unit == "年" and norm.startswith(_MULTIPLY_WORDS, q.end):
        return "time"  # 三年翻一番: the years it takes, not a level
    if inside_quote(norm, q.start, q.end):
        return "name"
    if in_brackets(norm, clause[0], q.start):
        return "aside"
    before = norm[max(clause[0], q.start - 2) : q.start]
    if before.endswith(("等", "前", "第", "〕", "号")) and not (
        before.endswith("等") and _listed_count(norm, q, clause)
    ):
        return "name"
    if c.caption is not None:
        line = norm.rfind("\n", max(0, q.start - 6), q.start) + 1
        if q.start - line <= 4 and c.caption.fullmatch(norm, line, q.start):
            return "name"  # 表1　株洲市…: the number of a table's caption
    if before.endswith("每") and q.rec.value == 1:
        return "name"  # 确保每一件实事办实办好: each one, no count
    if c.prohibition_zone is not None and _banned_zone(norm, q, clause):
        return "prohibition"  # 严禁在岸线1公里范围内新建…: where a ban holds, no goal
    unit = q.rec.unit or ""
    tail = norm[q.end : q.end + 1]
    if (
        tail in ("强", "号", "届", "类", "级", "大", "型", "代", "维")
        and not (c.value_tail and norm.startswith(c.value_tail, q.end))
        # 建成1个大件垃圾拆解中心: after a measure word, 大 opens the noun (not 十大工程)
        and not (tail == "大" and unit in c.count_units and norm.endswith(unit, q.start, q.end))
    ):
        return "name"
    if unit in c.size_class_units and norm.startswith(c.size_class, q.end):
        return "qualifier"  # 消除56人以上超大班额: the head count defines the class after it
    if unit and norm.startswith(c.unit_word_breakers, q.end - 1) and norm[q.end - 1] == unit[-1]:
        return "name"
    if (
        c.age_qualifier is not None
        and unit in ("岁", "周岁")
        and c.age_qualifier.match(norm, q.end)
    ):
        return "qualifier"  # 招收2至3岁幼儿: an age range naming who, not a level
    if unit in ("岁", "周岁") and q.rec.value is None and _HAN.match(norm, q.end):
        return "qualifier"  # 16—24岁城镇青年…: a range of ages before a noun names people
    if c.benefit_cap is not None and c.benefit_cap.search(
        norm, max(clause[0], q.start - 12), q.start, KEEP_GIL
    ):
        return "support"  # 每家企业每年最多支持3个展会: how many items one grant covers
    if (
        c.scope_before is not None
        and _bare_unit(unit) in c.count_units
        and c.scope_before.search(norm[max(clause[0], q.start - 12) : q.start], 0, None, KEEP_GIL)
    ):
        return "scope"  # 覆盖全省16个设区市: how many there are, not a count to reach
    if (
        c.scope_after is not None
        and _bare_unit(unit) in c.count_units
        and c.scope_after.match(norm, q.end, clause[1], KEEP_GIL)
    ):
        return "scope"  # 在全镇19个村（社区）全覆盖: all there are, reached everywhere
    text = norm[clause[0] : clause[1]]
    after = norm[q.end : clause[1]]
    if (
        after.endswith("中")
        and _bare_unit(unit) in c.count_units
        and _AMONG.fullmatch(after.rstrip())
    ):
        return "scope"  # 全市12个县区中，…: how many there are, the set the clause speaks of
    # 由/从 right before the value (within its clause)
    if (
        q.start > clause[0]
        and norm[q.start - 1] in "由从"
        and _TO_AFTER.search(after, 0, None, KEEP_GIL)
    ):
        return "from"  # 由二十个工作日压缩至十个工作日: the level it starts from
    # _bare only deletes text: a head without 对 cannot start with it
    if (
        "的" in after
        and norm.find("对", clause[0], q.start) >= 0
        and _CONDITION.match(_bare(norm[clause[0] : q.start]))
    ):
        return "condition"  # 对吸纳登记失业半年以上人员的小微企业: who a measure is for
    if unit in c.duration_units:
        why = _duration_rule(norm, q, clause)
        if why is not None:
            return why
    if sentence is not None:
        why = _arrangement_rule(norm, q, clause, sentence)
        if why is not None:
            return why
        why = _standing_figure(norm, q, clause, sentence)
        if why is not None:
            return why
    if _per_standard(norm, q, clause):
        return "standard"  # 按照亩均投入3000元的标准: a funding or building standard
    if _standard_cue(norm, q, clause, sentence):
        return "standard"  # 路面宽度一般为3—4米, 以50—100亩为宜, 按10年一遇设计
    if _pricing_rule(norm, q, clause):
        return "standard"  # 租金标准按市场租金的60%确定: a rule of calculation
    if (
        c.one_each is not None
        and q.rec.value is not None
        and q.rec.bound == "eq"
        and c.one_each.search(norm, max(clause[0], q.start - 20), q.start, KEEP_GIL)
    ):
        return "standard"  # 每个乡镇建设1个回收点: so many for each
    if (
        unit in c.duration_units
        and c.standing_limit is not None
        and (q.rec.bound == "le" or norm.startswith(("内", "以内", "之内"), q.end))
        and c.standing_limit.search(text)
        and not (c.limit_reform is not None and c.limit_reform.search(text))
        and not procedure_limit(norm, q, clause)
    ):
        # 应当自收到投诉之日起15个工作日内办结, 要在每季度结束后15日内报送: a duty each time
        return "procedure"
    if is_limit(norm, q, clause):
        return None
    if sentence is not None and _grant_cap(norm, q, clause, sentence):
        return "support"  # 按实际租金的50%给予补贴，每年不超过200万元: the cap of a grant
    if c.support.search(text, 0, None, KEEP_GIL) or c.support_after.match(
        after.lstrip("的"), 0, None, KEEP_GIL
    ):
        return "support"
    if c.finance.search(text) and not _loan_volume(text):
        return "finance"
    if _procedure(text, q.start - clause[0], q.rec.unit):
        return "procedure"
    return None


_ZONE_TAIL: Final = patterncache.compile(r"(?:范围)?(?:以内|之内|内)")


def _banned_zone(norm: str, q: QRef, clause: tuple[int, int]) -> bool:
    """Whether the value at ``q`` is the distance within which a ban holds
    (``严禁在长江干支流岸线1公里范围内新建…``)."""
    pat = cues().prohibition_zone
    if pat is None:
        return False
    lo = max(clause[0], q.start - 30)
    if norm.find("禁", lo, q.start) < 0 and norm.find("不", lo, q.start) < 0:
        return False
    m = _ZONE_TAIL.match(norm, q.end, clause[1], KEEP_GIL)
    end = m.end() if m is not None else q.end
    return pat.search(norm, lo, end) is not None


_SHARE_AFTER: Final = patterncache.compile(r"的[^，,；;。：:]{0,12}?(?:比例|占比|比重|比率|率)")


def _procedure(text: str, at: int, unit: str | None) -> bool:
    """Whether a rule of procedure stands in clause ``text`` of a value at ``at``. A frequency
    inside what a share counts (``青少年每周参加3次以上中等强度体育锻炼的比例…80%``) names those
    counted, no rule."""
    pat = cues().procedure
    pos = 0
    while (m := pat.search(text, pos)) is not None:
        if not (unit == "%" and m.end() <= at and _SHARE_AFTER.search(text, m.end(), at)):
            return True
        pos = max(m.end(), pos + 1)
    return False


_PEOPLE_UNITS: Final = frozenset(("人", "名", "位"))


def _arrangement_rule(
    norm: str, q: QRef, clause: tuple[int, int], sentence: tuple[int, int]
) -> str | None:
    """``procedure`` for a time limit that a clause naming its cases comes before
    (``材料齐全的，在3个工作日内办结``: how each such case is handled) and for the size of a
    standing arrangement set up in the clause before (``建立重点企业联系制度，联系企业数量不少于
    500家``); None otherwise."""
    c = cues()
    start = clause[0]
    if start <= sentence[0]:
        return None
    lo = max(sentence[0], start - 40)
    if (
        c.condition_limit is not None
        and (q.rec.unit or "") in c.duration_units
        and not procedure_limit(norm, q, clause)
        and (q.rec.bound == "le" or norm.startswith(("内", "以内", "之内"), q.end))
        and c.condition_limit.search(norm[lo:start])
    ):
        return "procedure"
    # 建立实名登记制度，登记率达到100%: a rate the arrangement is to reach, not its size
    if c.mechanism_size is not None and q.rec.unit != "%":
        m = c.mechanism_size.search(norm, lo, start, KEEP_GIL)
        while start < clause[1] and norm[start] in " \t\n":
            start += 1
        if m is not None and norm.startswith(m.group("w"), start):
            return "procedure"
    return None


def _standing_figure(
    norm: str, q: QRef, clause: tuple[int, int], sentence: tuple[int, int]
) -> str | None:
    """Why a figure is a standing rule read beyond its own clause, or None: a rate of money per
    unit (``按每年每公里不低于10000元``), the size of a standing body (``委员人数一般不少于25人、
    不超过60人``) or what each case is given within a time counted from an event (``在离校后1个月
    内提供1次政策咨询、3次岗位推介``)."""
    c = cues()
    unit = q.rec.unit or ""
    end = q.start
    if unit.endswith("元") and c.funding_rate is not None:
        lo = max(clause[0], end - 30)
        if norm.find("每", lo, end) >= 0 and c.funding_rate.search(norm, lo, end):
            return "standard"
    if unit in _PEOPLE_UNITS and c.body_size is not None:
        # the value may open with the bound word the pattern ends with (不少于9人)
        lo, hi = max(sentence[0], end - 30), q.end
        held = norm.find("员", lo, hi) >= 0 or norm.find("理事", lo, hi) >= 0
        if held and c.body_size.search(norm, lo, hi):
            return "procedure"
    if unit not in c.duration_units and c.event_limit is not None:
        lo = max(sentence[0], end - 40)
        if (
            norm.find("内", lo, end) >= 0
            and (norm.find("后", lo, end) >= 0 or norm.find("起", lo, end) >= 0)
            and c.event_limit.search(norm, lo, end)
        ):
            return "procedure"
    return None


def _listed_count(norm: str, q: QRef, clause: tuple[int, int]) -> bool:
    """A count after a list closed by 等, written before its noun, in a clause whose action verb
    comes before the list (``形成海洋生物医药、海洋文旅等5个百亿级产业集群``): how many of the
    kind are to be built, the list naming some of them. A list that is the clause's subject
    (``明度智慧等7个平台入围``) has no verb before it."""
    if _bare_unit(q.rec.unit or "") not in cues().count_units:
        return False
    first = norm.find("、", clause[0], q.start)
    if not _HAN.match(norm, q.end) or first < 0:
        return False
    # the verb opens the clause (after lead words and a scope word, as the indicator reader
    # reads it): 推动A、B等10家企业… opens with a lead word, no verb of its own
    c = cues()
    head = norm[clause[0] : first].lstrip(" \t、，,；;：:")
    head = c.lead.sub("", head)
    head = c.region.sub("", head)
    head = c.lead.sub("", head)
    return c.action.match(head) is not None


_SIBLING_GAP: Final = patterncache.compile(r"(?:[、，,；;和及与]|以及)\p{Han}")

_CAP_BOUNDS: Final = frozenset(("le", "lt"))
_CAP_WORDS: Final = patterncache.compile(r"(?:最高|最多|至多|上限|封顶)[^，,；;。]{0,6}$")


def _grant_cap(norm: str, q: QRef, clause: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """An amount of money capped (``不超过200万元``, ``最高50万元``) in a sentence that grants
    support in another clause (``按实际租金的50%给予补贴，每年不超过200万元``): how much one
    grant may be, not a total to reach."""
    unit = q.rec.unit or ""
    if not unit.endswith("元"):
        return False
    capped = q.rec.bound in _CAP_BOUNDS or bool(
        _CAP_WORDS.search(norm, max(clause[0], q.start - 8), q.start)
    )
    if not capped:
        return False
    return cues().support.search(norm, sentence[0], sentence[1]) is not None


def _loan_volume(text: str) -> bool:
    """Whether the only finance word of the clause is a volume of loans to reach
    (``全年新增普惠小微贷款500亿元``): no rate or subsidy word, nothing else left."""
    c = cues()
    if c.loan_volume is None:
        return False
    m = c.loan_volume.search(text)
    if m is None or (c.loan_rate is not None and c.loan_rate.search(text)):
        return False
    return c.finance.search(text[: m.start()] + "，" + text[m.end() :]) is None


_STANDARD_HEAD: Final = patterncache.compile(r"按(?:照)?[^，,；;。按]{0,30}$")
_STANDARD_TAIL: Final = patterncache.compile(r"[^，,；;。按]{0,8}?的(?:标准|定额|基准)(?!化)")


def _per_standard(norm: str, q: QRef, clause: tuple[int, int]) -> bool:
    """A value inside ``按照…的标准`` (``按照亩均投入3000元的标准整合涉农资金``)."""
    head = norm[max(clause[0], q.start - 31) : q.start]
    # _STANDARD_HEAD opens with 按: a head without it cannot match
    return bool(
        "按" in head
        and _STANDARD_HEAD.search(head)
        and _STANDARD_TAIL.match(norm, q.end, clause[1])
    )


_BY_HEAD: Final = patterncache.compile(r"按(?:照)?[^，,；;。\d按]{0,10}$")


def _standard_cue(
    norm: str, q: QRef, clause: tuple[int, int], sentence: tuple[int, int] | None
) -> bool:
    """A standard of building or funding, or a condition: ``一般为3—4米``, ``以50—100亩为宜``,
    ``按10年一遇设计``, ``按每户每月12立方米核定``, ``灌溉设计保证率不低于75%``, ``配套每亩300元``,
    ``…配置储能设施，方可并网``."""
    c = cues()
    head = norm[max(clause[0], q.start - 12) : q.start]
    tail = norm[q.end : min(clause[1], q.end + 6)]
    if "为宜" in tail and c.standard_tail is not None and c.standard_tail.match(tail):
        return True
    if (
        ("一般" in head or "通常" in head)
        and c.standard_head is not None
        and c.standard_head.search(head[-8:])
    ):
        return True
    if "按" in head and _BY_HEAD.search(head):
        if c.standard_tail is not None and c.standard_tail.match(tail):
            return True
        if c.pricing_rule is not None and c.pricing_rule.match(norm, q.end, clause[1]):
            return True  # 按每户每月12立方米核定: a rule of calculation
    if (
        "设计" in norm[clause[0] : q.start]
        and c.design_measure is not None
        and c.design_measure.search(norm, clause[0], q.start)
    ):
        return True
    if "每" in head and c.per_unit_support is not None and c.per_unit_support.search(head):
        return True
    if sentence is not None:
        # a condition to meet before something may be done (…配置储能设施，方可并网)
        k = norm.find("方可", q.end, sentence[1])
        if k >= 0 and _STOP.search(norm, q.end, k) is None:
            return True
    return False


_STOP: Final = patterncache.compile(r"[。；;！？!?]")


_SHARE_OF: Final = patterncache.compile(r"按(?:照)?[^，,；;。按]{1,30}的$")


def _pricing_rule(norm: str, q: QRef, clause: tuple[int, int]) -> bool:
    """A share worked out by rule (``按同地段同类住房市场租金的60%确定``, ``按工资总额的2%
    计提``): the value opens with ``按…的`` and a verb of calculation follows it."""
    pat = cues().pricing_rule
    if pat is None:
        return False
    head = norm[max(clause[0], q.start - 32) : q.start]
    return bool("按" in head and _SHARE_OF.search(head) and pat.match(norm, q.end, clause[1]))


def _duration_rule(norm: str, q: QRef, clause: tuple[int, int]) -> str | None:
    """Why a duration is no goal: it names a campaign (``三年攻坚``, ``百日行动``), or it is a
    minimum period (``支教时间不少于1年``, ``留存影像资料不少于3年``) rather than a measure of
    length to reach (``平均受教育年限不低于11年``)."""
    c = cues()
    if c.campaign is not None and c.campaign.match(norm, q.end, clause[1]):
        return "name"
    if q.rec.bound == "ge":
        head = norm[clause[0] : q.start]
        if _PER_PERIOD.search(head[-4:]):
            return None  # 开放时间每周不少于35小时: a level per period, not a minimum stay
        if c.length_measure is None or not c.length_measure.search(head):
            return "procedure"
    return None


_PER_PERIOD: Final = patterncache.compile(r"(?:每|平均每)(?:周|天|日|月|年|学期|季度)(?:均|平均)?$")


def procedure_limit(norm: str, q: QRef, clause: tuple[int, int]) -> bool:
    """A time limit for completing a procedure (``自受理之日起5个工作日内办结``,
    ``应当在收到申请材料之日起10个工作日内完成初审``): a target whatever event it is counted
    from, unless that event recurs (``每季度结束后15日内…``)."""
    c = cues()
    if c.procedure_limit is None or (q.rec.unit or "") not in c.duration_units:
        return False
    if not c.procedure_limit.match(norm, q.end, clause[1]):
        return False
    return not (
        c.recurring_limit is not None
        and norm.find("每", clause[0], q.start) >= 0
        and c.recurring_limit.search(norm, clause[0], q.start) is not None
    )


def is_limit(norm: str, q: QRef, clause: tuple[int, int]) -> bool:
    """A time limit: a duration ending in 内 followed by what is to be done in it."""
    c = cues()
    unit = q.rec.unit or ""
    if unit not in c.duration_units:
        return False
    tail = norm[q.end : clause[1]]
    m = bound_cues().post.match(tail)
    inside = q.rec.bound == "le" or (m is not None and m.group(0) in ("以内", "之内", "内"))
    if not inside:
        # 3个工作日内核查处理: 内 read as the start of a word after the value
        return norm.startswith(_WITHIN, q.end) and procedure_limit(norm, q, clause)
    return c.limit_verb.search(tail) is not None


def qualifiers(norm: str, qs: list[QRef], clause: tuple[int, int]) -> set[int]:
    """Indexes (into ``qs``) of the quantities of one clause that only qualify a noun."""
    out: set[int] = set()
    # runs of quantities joined by list separators only: 100亿元、50亿元和10亿元
    runs: list[list[int]] = []
    for i, q in enumerate(qs):
        if in_brackets(norm, clause[0], q.start):
            continue  # 达到62%（2023年为51.7%）: an aside qualifies nothing
        if runs:
            prev = qs[runs[-1][-1]]
            gap = norm[prev.end : q.start]
            gap = bound_cues().post.sub("", gap)
            # 2—3个超千亿元产业集群: a value opening with a bound word starts a new run
            joined = (gap == "" and not _HAN.match(norm[q.start : q.start + 1])) or bool(
                _JOINERS.match(gap)
            )
            # 体育企业10家、超1亿元的50家: a count and a money threshold are no one list
            if joined and (prev.rec.kind == q.rec.kind or gap == ""):
                runs[-1].append(i)
                continue
        runs.append([i])
    for k, run in enumerate(runs):
        last = qs[run[-1]]
        tail = norm[last.end : clause[1]]
        if k + 1 < len(runs):
            nxt = qs[runs[k + 1][0]]
            between = bound_cues().post.sub("", norm[last.end : nxt.start])
            nxt_q = qs[runs[k + 1][-1]]
            nxt_rest = bound_cues().post.sub("", norm[nxt_q.end : clause[1]])
            # 1—2个产值超10亿元的…集群, 2—3个超千亿元产业集群: a threshold of the noun counted
            nxt_qualifies = nxt_rest.startswith("的") or (
                nxt_q.rec.bound in ("gt", "ge")
                and bool(_HAN.match(nxt_rest[:1]))
                and not _starts_with_verb(nxt_rest)
            )
            counted = _bare_unit(last.rec.unit or "") in cues().count_units
            # 2个千亿级产业集群和…等5个百亿级产业集群: sibling counts, each before its noun
            siblings = (
                counted
                and nxt.rec.unit == last.rec.unit
                and bool(_HAN.match(norm, last.end))
                and bool(_HAN.match(norm, nxt.end))
                and _SIBLING_GAP.search(between) is not None
            )
            if (
                not siblings
                and between
                and between[0] not in _SEPARATORS
                and between[-1] not in LIST_SEP
                and not between.endswith(("和", "及", "与", "以及"))
                # 打造1—2个产值超10亿元的农业产业集群: the count is what the threshold qualifies
                and not (counted and nxt_qualifies)
            ):
                out.update(run)
                continue
        rest = bound_cues().post.sub("", tail)
        head = norm[clause[0] : qs[run[0]].start]
        # 90%以上的社区卫生服务站和80%以上的村卫生室…: a share listed after a sibling share
        sibling_share = (
            k > 0
            and last.rec.unit == "%"
            and qs[runs[k - 1][-1]].rec.unit == "%"
            and qs[runs[k - 1][-1]] not in [qs[i] for i in out]
            and head.endswith(("和", "、", "及", "与"))
        )
        if sibling_share:
            continue
        if (
            rest.startswith("的")
            and not cues().goal_noun.match(rest, 1)
            # 具备5%以上的尖峰负荷响应能力, 建成100个以上的示范村: the amount the verb is to
            # reach, written before its noun
            and not (
                not (last.rec.unit or "").endswith("元")
                and head.endswith(_AMOUNT_VERBS)
                and last.rec.bound in ("ge", "gt", "eq", "approx")
            )
            # 全市90%以上的社区卫生服务站…: a share after a scope word alone qualifies nothing
            and (last.rec.unit != "%" or _HAN.search(cues().region.sub("", _bare(head))))
            # 覆盖全国60%以上的县级行政区: the share of places a network is to cover
            and not (last.rec.unit == "%" and covers(_bare(head).rstrip()))
        ):
            if last.rec.bound in ("ge", "gt", "lt", "le") or _BATCH_BEFORE.search(head):
                out.update(run)
                continue
            if head.endswith(("超", "过", "超过", "高于", "以上")):
                out.update(run)
                continue
        if (
            (last.rec.unit or "").endswith("元")
            and rest[:1]
            and _HAN.match(rest[:1])
            and not (cues().value_tail and rest.startswith(cues().value_tail))
        ):
            head = norm[clause[0] : qs[run[0]].start]
            # "培育一批10亿元大品种": money naming a kind of thing
            if (
                _BATCH_BEFORE.search(head) or not rest.startswith(("的", "以上", "左右"))
            ) and not _starts_with_verb(rest):
                out.update(run)
    return out


def _bare_unit(unit: str) -> str:
    return unit[1:] if len(unit) > 1 and unit[0] in "万亿千百" else unit


_YEAR_WORD: Final = patterncache.compile(
    r"(?:到|至)?\d{4}年(?:底|末)?(?:前)?|年内|全年|当年|年底前"
)
_LIST_MARKS: Final = patterncache.compile(r"[—–\-·•、，,\s]")


def _bare(head: str) -> str:
    """A clause's text before a value without time words, commitments and list marks."""
    c = cues()
    head = _YEAR_WORD.sub("", head)
    head = c.commitment.sub("", head)
    head = _LIST_MARKS.sub("", head)
    return c.lead.sub("", head)


def _starts_with_verb(s: str) -> bool:
    c = cues()
    return bool(c.action.match(s) or c.level.match(s) or c.support_after.match(s))


def valid_year(t: TRef) -> int | None:
    """The year a time expression can give a deadline, or None."""
    kind = t.rec.kind
    if kind in ("duration", "recurrence"):
        return None
    if t.rec.end is not None:
        return t.rec.end.year
    if kind == "start":
        return None
    return t.rec.year


def is_attributive(norm: str, t: TRef) -> bool:
    """A time that qualifies a noun (``2005年底前建成的小区``, ``恢复到2019年的80%``)."""
    pat = cues().attributive_time
    return pat is not None and pat.match(norm, t.end) is not None


def is_comparison(norm: str, t: TRef) -> bool:
    """A time that is the base of a comparison (``较2015年``, ``比“十二五”末``)."""
    before = norm[max(0, t.start - 3) : t.start].rstrip('“" ')
    m = _COMPARE_BEFORE.search(before, 0, None, KEEP_GIL)
    if m is not None and m.group(0) == "比" and before[:-1].endswith("占"):
        m = None  # 护理型床位占比2024年达到55%: 比 of 占比, the year is a deadline
    if m is None:
        # 由2023年的86.4%提高到90%: the year of the level a change starts from
        if not norm.startswith("的", t.end):
            return False  # _BASE_AFTER opens with 的
        if before.endswith("由"):
            return True
        return _BASE_AFTER.match(norm, t.end, None, KEEP_GIL) is not None
    if m.group(0) in ("于", "在"):
        # 于2025年底前投入运营, 在“十四五”期间: a time by which, not a base
        text = norm[t.start : t.end]
        after = norm[t.end : t.end + 3]
        if "前" in text or "期间" in text or _DEADLINE_AFTER.match(after) or after[:2] == "期间":
            return False
    return True


def is_deadline_word(norm: str, t: TRef) -> bool:
    """A time written as a deadline (``到2025年``, ``2025年底前``) rather than a bare year."""
    if _as_of(norm, t):
        return False
    if t.rec.kind in ("deadline", "relative"):
        return True
    before = norm[max(0, t.start - 4) : t.start].rstrip(" ")
    after = norm[t.end : t.end + 3]
    text = norm[t.start : t.end]
    if text.startswith(("到", "至")) or "前" in text or "期间" in text:
        return True
    return bool(
        _DEADLINE_BEFORE.search(before, 0, None, KEEP_GIL)
        or _DEADLINE_AFTER.match(after, 0, None, KEEP_GIL)
    )


def _as_of(norm: str, t: TRef) -> bool:
    """``截至2021年底``: the date a statement of the present is made at, no deadline."""
    return norm.startswith(("截至", "截止"), t.start) or norm[
        max(0, t.start - 2) : t.start
    ].endswith(("截至", "截止"))


def past_year(
    norm: str, times: list[TRef], ref_year: int | None, start: int | None = None
) -> int | None:
    """The year of a statement about the past in a sentence, or None.

    A bare year or period before the reference year, or one written with 截至/截止. With
    ``start`` (the sentence's start), a baseline note in round brackets beside a goal
    (``达到62%（2023年为51.7%）``) is no statement of the sentence.
    """
    for t in times:
        if is_comparison(norm, t) and not norm[max(0, t.start - 2) : t.start].endswith(
            ("截至", "截止")
        ):
            continue
        if start is not None and bracket_note(norm, start, t):
            continue
        if _FROM_YEAR.search(norm, max(0, t.start - 1), t.start, KEEP_GIL) and _future(
            norm, times, ref_year
        ):
            continue  # 2024年，…普及率由2023年的86.4%提高到90%: the level a goal starts from
        y = valid_year(t)
        if y is None:
            continue
        if _as_of(norm, t):
            return y
        if is_deadline_word(norm, t) and t.rec.kind != "period":
            continue
        if ref_year is not None and y < ref_year:
            return y
    return None


_FROM_YEAR: Final = patterncache.compile(r"由$")


def _future(norm: str, times: list[TRef], ref_year: int | None) -> bool:
    """Whether a sentence writes a year at or after the reference year as a time of its own."""
    if ref_year is None:
        return False
    for t in times:
        y = valid_year(t)
        if y is not None and y >= ref_year and not is_comparison(norm, t):
            return True
    return False


_NOTE_AFTER: Final = patterncache.compile(r"(?:底|末)?(?:分别)?(?:为|是|达到|[:：])")


def bracket_note(norm: str, start: int, t: TRef) -> bool:
    """``（2023年为51.7%）``: a baseline written in brackets after a goal."""
    return in_brackets(norm, start, t.start) and _NOTE_AFTER.match(norm, t.end) is not None


def past_marker(norm: str, start: int, end: int, times: list[TRef] | None = None) -> bool:
    """Whether a sentence states facts of the present or past.

    A comparison with the year before (``较上年``) counts only when ``times`` holds a time
    of the sentence that is neither a recurrence, a duration nor a comparison base, and only
    when the clause it stands in writes no goal cue (``2024年，…覆盖率较上年提高3个百分点以上``,
    ``力争比上年增长8%``: ``weak_past_goal_cues``). ``ref_year`` is kept for callers."""
    c = cues()
    text = norm[start:end]
    if c.past.search(text):
        return True
    if c.weak_past is not None and any(
        t.rec.kind not in ("recurrence", "duration") and not is_comparison(norm, t)
        for t in times or []
    ):
        for m in c.weak_past.finditer(text, 0, None, False, KEEP_GIL):
            if not _goal_clause(text, m.start()):
                return True
    return any(
        not is_not_past_le(text, m.start())
        for m in c.past_le.finditer(text, 0, None, False, KEEP_GIL)
    )


_CLAUSE_MARK: Final = patterncache.compile(r"[，,；;。：:]")


def _goal_clause(text: str, i: int) -> bool:
    """Whether the clause of ``text`` holding offset ``i`` writes a goal cue."""
    cue = cues().weak_past_goal
    if cue is None:
        return False
    a = max((m.end() for m in _CLAUSE_MARK.finditer(text, max(0, i - 60), i)), default=0)
    m = _CLAUSE_MARK.search(text, i, i + 60)
    b = m.start() if m else min(len(text), i + 60)
    return cue.search(text, a, b) is not None


def statement_year(norm: str, times: list[TRef], before: int) -> int | None:
    """The year a statement of the present or past speaks of: the last year written before
    ``before`` in its sentence that is no comparison base (``截至2020年底`` → 2020)."""
    best: int | None = None
    for t in times:
        if t.start >= before:
            break
        if is_comparison(norm, t) and not norm[max(0, t.start - 2) : t.start].endswith(
            ("截至", "截止")
        ):
            continue
        y = valid_year(t)
        if y is not None:
            best = y
    return best


_LIST_GAP: Final = patterncache.compile(r"[、，,和及与\s]{1,3}")


_WITHIN: Final = ("以内", "之内", "内")


def limit_bound(norm: str, qs: list[QRef], clause: tuple[int, int]) -> list[QRef]:
    """A time limit for a procedure whose ``内`` was read as the start of the word after it
    (``3个工作日内核查处理``) is bounded ``le``, as ``3个工作日内办结`` is."""
    out: list[QRef] = []
    for q in qs:
        if (
            q.rec.bound == "eq"
            and norm.startswith(_WITHIN, q.end)
            and procedure_limit(norm, q, clause)
        ):
            q = QRef(q.rec.model_copy(update={"bound": "le"}), q.start, q.end)
        out.append(q)
    return out


def spread_prefix_bound(norm: str, qs: list[QRef]) -> list[QRef]:
    """``分别不少于100个、300个和50家``: a bound word written before the first value of a
    list binds every value after it that has no bound word of its own."""
    out: list[QRef] = []
    lead: str | None = None
    for q in qs:
        if out and lead is not None:
            prev = out[-1]
            gap = norm[prev.end : q.start]
            own = norm[q.start : q.end]
            if _LIST_GAP.fullmatch(gap) and q.rec.bound == "eq" and own[:1].isdigit():
                q = QRef(q.rec.model_copy(update={"bound": lead}), q.start, q.end)
                out.append(q)
                continue
        # the value's own bound came from a bound word written before it (data/bounds.yaml)
        opens = norm.startswith(quantity_rules().prefix_words, q.start, q.end)
        lead = q.rec.bound if opens and q.rec.bound != "eq" else None
        out.append(q)
    return out
