"""The quantities stage: a data table of cases, the corpus, and the stage's rules."""

from __future__ import annotations

import itertools
import math
from pathlib import Path
from typing import Any

import pytest
import yaml

import policyparse
from policyparse.extract import quantities
from policyparse.pipeline import build_context
from policyparse.records import PolicyDocument, Quantity

CASES_FILE = Path(__file__).parent / "cases" / "quantities.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]


def extract(text: str) -> list[Quantity]:
    """Run the quantities stage alone over ``text``."""
    ctx = build_context(text)
    quantities.run(ctx)
    return ctx.quantities


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _describe(q: Quantity) -> list[Any]:
    value: Any = q.value if q.value is not None else [q.low, q.high]
    return [q.text, value, q.unit, q.bound]


def test_enough_cases() -> None:
    assert len(CASES) >= 150
    assert sum(1 for c in CASES if not c["q"]) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:24] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    text: str = case["text"]
    got = extract(text)
    expected: list[list[Any]] = case["q"]
    assert len(got) == len(expected), [_describe(q) for q in got]
    for q, exp in zip(got, expected, strict=True):
        evidence, value, unit, bound = exp[:4]
        extra: dict[str, Any] = exp[4] if len(exp) > 4 else {}
        assert text[q.span.start : q.span.end] == evidence == q.text, _describe(q)
        if isinstance(value, list):
            assert q.value is None, _describe(q)
            assert _close(q.low, value[0]) and _close(q.high, value[1]), _describe(q)
        else:
            assert q.low is None and q.high is None, _describe(q)
            assert _close(q.value, value), _describe(q)
        assert q.unit == unit, _describe(q)
        assert q.bound == bound, _describe(q)
        for key, want in extra.items():
            have = getattr(q, key)
            if isinstance(want, float | int) and not isinstance(want, bool):
                assert _close(have, float(want)), (key, have, want)
            else:
                assert have == want, (key, have, want)


def _sensible(q: Quantity) -> None:
    if q.value is None:
        assert q.low is not None and q.high is not None and q.low < q.high, q
        values = [q.low, q.high]
    else:
        assert q.low is None and q.high is None, q
        values = [q.value]
    assert q.unit, q
    for v in values:
        assert v > 0, q
        if q.kind == "count" and (q.magnitude or 1) == 1 and q.unit not in ("人",):
            assert v == int(v), q
    if q.kind == "money":
        if q.base_unit == "元":
            assert q.yuan is not None or q.yuan_low is not None, q
    else:
        assert q.yuan is None and q.yuan_low is None, q
    if q.kind == "percent" and q.unit == "%":
        assert all(v <= 1000 for v in values), q


def test_corpus_quantities_are_grounded(corpus_docs: dict[str, PolicyDocument]) -> None:
    total = 0
    for doc in corpus_docs.values():
        for q in doc.quantities:
            assert doc.text[q.span.start : q.span.end] == q.text, q
            _sensible(q)
            total += 1
        spans = [(q.span.start, q.span.end) for q in doc.quantities]
        assert spans == sorted(spans)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert total >= 100


def test_corpus_years_and_numbers_are_not_quantities(
    corpus_docs: dict[str, PolicyDocument],
) -> None:
    for doc in corpus_docs.values():
        for q in doc.quantities:
            assert not (q.unit == "年" and q.value is not None and q.value >= 1000), q
            assert "号" not in (q.text or ""), q


def test_find_in_reports_why_a_number_is_not_a_quantity() -> None:
    finds = quantities.find_in("到2025年，全省医药工业产值达到4000亿元，第二个丙肝药")
    kinds = [(f.excluded, r.value if r else None) for f, r in finds]
    assert kinds == [("year", None), (None, 4000.0), ("ordinal", None)]


def test_bound_words_are_longest_first() -> None:
    (q,) = extract("不超过400万元")
    assert q.bound == "le"
    (q,) = extract("不低于80%")
    assert q.bound == "ge"
    (q,) = extract("不超5%")
    assert q.bound == "le"


def test_spans_point_into_original_with_spaces_and_fullwidth() -> None:
    text = "审查用时控制在 ４ 周以内，超 5000 亿元"
    got = extract(text)
    assert [text[q.span.start : q.span.end] for q in got] == ["控制在 ４ 周以内", "超 5000 亿元"]
    assert [q.value for q in got] == [4, 5000]


def test_money_in_yuan() -> None:
    (a, b, c) = extract("投资2150.71亿元、400万元和3000元")
    assert (a.yuan, b.yuan, c.yuan) == (215071000000.0, 4000000.0, 3000.0)
    assert (a.magnitude, a.base_unit) == (1e8, "元")


def test_table_rows_give_quantities_in_their_units() -> None:
    text = (
        "专栏2 主要指标\n"
        "类别 | 指标 | 2020年 | 2025年 | 属性\n"
        "环境质量 | 城市空气质量优良天数比率（%） | 94.7 | >95 | 约束性\n"
        "森林覆盖率（％） | 63.1 | 63.5 | 约束性\n"
        "新增学位（万个） | — | 〔12〕 | 预期性\n"
    )
    got = [(q.text, q.value, q.unit, q.bound) for q in extract(text)]
    assert got == [
        ("94.7", 94.7, "%", "eq"),
        (">95", 95.0, "%", "gt"),
        ("63.1", 63.1, "%", "eq"),
        ("63.5", 63.5, "%", "eq"),
        ("〔12〕", 12.0, "万个", "eq"),
    ]


def test_table_growth_and_total_columns_are_read_with_the_last_year() -> None:
    from policyparse.extract.quantities.table import find_tables

    for head in ("年均增长/累计", "年均增长〔累计〕", "“十四五”累计", "年均增长（%）", "累计"):
        rows = find_tables(
            f"类别 | 指标 | 2020年 | 2025年 | {head} | 属性\n"
            "民生福祉 | 城镇新增就业（万人） | 〔300〕 | — | 〔250〕 | 预期性\n"
        )
        got = [(v.year, v.num, v.header.text) for r in rows for v in r.values]
        assert got == [(2020, "300", "2020年"), (2025, "250", head)], head
    # without a year column, a growth column alone makes no table
    assert find_tables("指标 | 年均增长 | 属性\n地区生产总值增长（%） | 6 | 预期性\n") == []


def test_tables_need_an_indicator_column_and_a_year_column() -> None:
    from policyparse.extract.quantities.table import find_tables

    assert find_tables("名称 | 地址 | 电话\n某某中心 | 南城区 | 22831234\n") == []
    assert find_tables("指标\n说明\n2025年前完成改造。\n") == []
    rows = find_tables("指标\n2025年\n农村生活污水治理率（%）\n40\n")
    assert [(r.indicator, r.unit, [v.year for v in r.values]) for r in rows] == [
        ("农村生活污水治理率", "%", [2025])
    ]


def test_tables_split_by_spaces_or_tabs_are_read_from_the_original() -> None:
    from policyparse.extract.quantities.table import find_tables
    from policyparse.normalize import normalize

    for sep in (" ", "\t", "　", "  "):
        text = (
            "主要指标表\n"
            + sep.join(["序号", "指标名称", "单位", "２０２３年", "2025年", "属性"])
            + "\n"
            + sep.join(["1", "农村自来水普及率", "％", "88", "≥90", "约束性"])
            + "\n"
            + sep.join(["2", "人均公园绿地面积", "平方米", "14.2", "15", "预期性"])
            + "\n二、重点任务\n"
        )
        work = normalize(text)
        # white space next to Chinese is dropped from the working copy, so the cells are gone
        assert find_tables(work.norm) == []
        rows = find_tables(work.norm, work)
        got = [
            (r.indicator, r.unit, [(v.year, v.num, v.bound) for v in r.values], r.years)
            for r in rows
        ]
        assert got == [
            ("农村自来水普及率", "%", [(2023, "88", "eq"), (2025, "90", "ge")], (2023, 2025)),
            (
                "人均公园绿地面积",
                "平方米",
                [(2023, "14.2", "eq"), (2025, "15", "eq")],
                (2023, 2025),
            ),
        ], repr(sep)
        for r in rows:
            assert work.norm[r.label.start : r.label.end] == r.indicator
    # running text with spaces, or a row with more cells than the header, is no table row
    work = normalize("指标名称 2025年\n到2025年 全市 新建 口袋公园 50个\n")
    assert find_tables(work.norm, work) == []
    got = quantities.run  # the stage reads spaced tables too
    ctx = build_context("序号 指标名称 单位 2023年 2025年\n1 城市污水处理率 % 96.5 98\n")
    got(ctx)
    assert [(q.value, q.unit) for q in ctx.quantities] == [(96.5, "%"), (98.0, "%")]


# --- round 8: unitless indicators in tables, computing power ---------------------------------


def test_table_rows_of_an_index_give_quantities_without_a_unit() -> None:
    text = (
        "专栏1 制造业数字化转型主要指标\n"
        "指标\t2025年\t2027年\t属性\n"
        "两化融合发展水平指数\t63\t66\t预期性\n"
        "区域创新能力综合指数\t≥70\t75\t预期性\n"
        "规模以上工业企业数量\t100\t200\t预期性\n"
        "数字经济核心产业增加值占比（%）\t10\t12\t预期性\n"
    )
    got = [(q.text, q.value, q.unit, q.bound, q.kind, q.base_unit) for q in extract(text)]
    assert got == [
        ("63", 63.0, None, "eq", "amount", None),
        ("66", 66.0, None, "eq", "amount", None),
        ("≥70", 70.0, None, "ge", "amount", None),
        ("75", 75.0, None, "eq", "amount", None),
        # a count with no unit written stays out (its unit is unknown, not absent)
        ("10", 10.0, "%", "eq", "percent", "%"),
        ("12", 12.0, "%", "eq", "percent", "%"),
    ]
    doc = policyparse.parse(text)
    assert [(t.indicator, t.quantity.value) for t in doc.targets][:2] == [
        ("两化融合发展水平指数", 66.0),
        ("区域创新能力综合指数", 75.0),
    ]


def test_one_letter_units_need_the_number_right_before_and_no_letter_after() -> None:
    assert [(q.text, q.unit) for q in extract("全省算力总规模达到8000P以上")] == [
        ("8000P以上", "P")
    ]
    for text in ("算力达到8000 P", "存储3PB", "5P2等级", "P2P平台"):
        assert [q.unit for q in extract(text)] == [], text


# --- the speed-ups do not change results -------------------------------------------------------

_PIECES = (
    "0871-63211234", "400-639-9936", "13912345678", "(0871)6321123", "2021-04-06", "2023/9/15",
    "12月31日", "十二月三十一日", "09:27", "9时30分", "2025年", "2021—2025年", "二〇二五年",
    "〔2023〕15号", "ICP备12345678号", "十四五", "十五五", "“十五五”", "12:30:45",
    "2023年12月31日", "二〇二三年十二月", "(0871)63211234-123", "2021.04.06", "9时5分",
    "12时30分", "2021 — 2025 年", "〔 2023 〕 第 12345 号", "二十五个分钟便民生活圈",
    "世界500强", "13价", "15分钟生活圈",
    "2小时上高速", "一、", "(三)", "一是", "三分之一", "1/7", "10/10万", "百分之二十",
    "千分之五", "3-5家", "120万亩", "约30万吨", "超过500万人次", "一个", "每个", "8000P",
    "强", "价", "分钟", "小时", "号", "月", "日", "年", "时", "分", "是", "五", "(", "-", "/",
    ".", ":", "，", "。", "\n", "推进", "达到", "建设", "1,200家", "两三家", "3.5个百分点",
)  # fmt: skip


def _varied_texts() -> list[str]:
    import random

    from .conftest import CORPUS_FILES

    rng = random.Random(8)
    texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(600)]
    # texts that lack the words whole patterns need (their pre-checks skip them)
    for word in ("-", "年", "月", "分", "时", ":", "是", "号", "强", "(", "/", "分之"):
        texts.append("".join(p for p in _PIECES if word not in p))
    texts += [build_context(p.read_text("utf-8")).norm for p in CORPUS_FILES]
    return texts


def test_prechecks_do_not_change_results() -> None:
    import dataclasses

    from policyparse.extract.quantities.exclude import Exclusions
    from policyparse.extract.quantities.find import find
    from policyparse.extract.quantities.rules import rules

    r = rules()
    assert any(r.exclusion_needles)
    texts = _varied_texts()
    # no exclusion pattern skipped, and every character may start a unit
    plain = dataclasses.replace(
        r,
        exclusion_needles=tuple(() for _ in r.exclusion_needles),
        unit_starts=frozenset("".join(texts)),
    )
    for t in texts:
        assert Exclusions(t, r)._spans == Exclusions(t, plain)._spans, t[:80]
        assert find(t, r) == find(t, plain), t[:80]


def test_fraction_search_near_its_marks_finds_every_fraction() -> None:
    from policyparse.extract.quantities.find import _fraction_matches
    from policyparse.extract.quantities.rules import rules

    r = rules()
    for t in _varied_texts():
        assert [m.span() for m in _fraction_matches(t, r)] == [
            m.span() for m in r.fraction_re.finditer(t)
        ], t[:80]


# --- round 9: a cell's own %, bare numbers after a goal verb, 年一遇 ----------------------------


def test_a_table_cell_with_its_own_percent_keeps_it_over_the_rows_unit() -> None:
    text = (
        "指标 | 单位 | 2020年(基期) | 2025年 | 年均增长 | 属性\n"
        "城镇供水能力 | 亿立方米 | 48 | — | 1.5% | 预期性\n"
        "高效节水灌溉面积 | 万亩 | 300 | >420 | — | 预期性\n"
        "管网覆盖人口比例 | % | 61 | ≥80 | — | 预期性\n"
        "万元产值用水量 | 立方米 | 21 | ≤17 | — | 约束性\n"
        "新建调蓄工程 | 座 | — | — | [7] | 预期性\n"
    )
    from policyparse.extract.quantities.table import find_tables

    ctx = build_context(text)
    rows = find_tables(ctx.norm, ctx.work)
    cells = [(r.indicator, v.cell.text, v.unit or r.unit, v.bound) for r in rows for v in r.values]
    assert cells == [
        ("城镇供水能力", "48", "亿立方米", "eq"),
        ("城镇供水能力", "1.5%", "%", "eq"),
        ("高效节水灌溉面积", "300", "万亩", "eq"),
        ("高效节水灌溉面积", ">420", "万亩", "gt"),
        ("管网覆盖人口比例", "61", "%", "eq"),
        ("管网覆盖人口比例", "≥80", "%", "ge"),
        ("万元产值用水量", "21", "立方米", "eq"),
        ("万元产值用水量", "≤17", "立方米", "le"),
        ("新建调蓄工程", "[7]", "座", "eq"),
    ]
    got = [(q.text, q.value, q.unit) for q in extract(text)]
    assert ("1.5%", 1.5, "%") in got and (">420", 420.0, "万亩") in got


def test_a_bare_number_needs_an_indicator_and_a_goal_verb_right_before_it() -> None:
    assert [(q.text, q.unit) for q in extract("耕地灌溉水有效利用系数达到0.6")] == [("0.6", None)]
    for text in (
        "灌溉水有效利用系数进一步提高到0.6",  # a word between indicator and verb
        "产值提高到600",  # not an indicator measured without a unit
        "考核指标达到95%",  # a unit: read as usual
    ):
        assert all(q.unit is not None for q in extract(text)), text


def test_a_compound_unit_keeps_the_span_over_its_dot() -> None:
    text = "全年接诊１２０万人·次，培训2000人•天"
    a, b = extract(text)
    assert [text[q.span.start : q.span.end] for q in (a, b)] == ["１２０万人·次", "2000人•天"]
    assert (a.value, a.unit, a.base_unit, a.magnitude) == (120, "万人·次", "人·次", 10000)
    assert (b.unit, b.kind) == ("人•天", "count")


# A PDF line break between a number and a unit word other than 年月日号%‰万亿 (达到8500\n公里)
# is joined by normalize.py (a unit of data/units.yaml at the next line's start).
_CUT_BEFORE_UNIT = [
    ("全省高速公路通车里程达到8500\n公里", [("8500\n公里", 8500, "公里")]),
    (
        "新建城市道路56\n公里，改造雨污管网120\n公里",
        [("56\n公里", 56, "公里"), ("120\n公里", 120, "公里")],
    ),
    ("年处理污泥能力达到20\n吨/日", [("20\n吨/日", 20, "吨/日")]),
    (
        "全县新建村级综合服务站150\n个，改造农村户厕3000\n户",
        [("150\n个", 150, "个"), ("3000\n户", 3000, "户")],
    ),
    ("新增光伏装机容量达到120\n兆瓦以上", [("120\n兆瓦以上", 120, "兆瓦")]),
]


@pytest.mark.parametrize(
    ("text", "want"), _CUT_BEFORE_UNIT, ids=[t[:12] for t, _ in _CUT_BEFORE_UNIT]
)
def test_a_number_cut_before_its_unit_word_is_joined(
    text: str, want: list[tuple[str, float, str]]
) -> None:
    got = [
        (text[q.span.start : q.span.end], q.value, q.unit)
        for q in policyparse.parse(text).quantities
    ]
    assert got == want


@pytest.mark.parametrize(
    "text",
    ["截至目前共有2\n人民代表参加会议", "全年开展活动3\n人才培养计划同步实施"],
)
def test_a_number_before_a_line_that_only_starts_like_a_unit_gives_nothing(text: str) -> None:
    assert policyparse.parse(text).quantities == []


_FIXTURES = Path(__file__).parent / "fixtures"
_VARIED = [
    "到2027年，新增光伏装机120万千瓦以上，单位GDP能耗下降13.5%左右，培育企业3-5家。",
    "给予不超过400万元补助，总投资10亿元至20亿元，审批时限压缩至30个工作日内。",
    "指标 | 单位 | 2023年 | 2025年\n两化融合发展水平指数 | - | 63 | ≥66\n森林覆盖率 | % | 40 | 45",
    "全年接诊120万人·次，收费50元/人·次，货运周转量1.5亿吨·公里，倍增，翻两番，三分之二。",
    "农田灌溉水有效利用系数提高到0.58以上，满意度不低于90分，一半以上，八成以上。",
]


_VALIDATED: list[int] = []


def _validated(cls: type[Quantity], values: dict[str, Any]) -> Quantity:
    _VALIDATED.append(1)
    return cls.model_validate(values)


def test_records_made_without_validation_equal_validated_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``_emit`` makes its records with ``records.base.trusted``: on the corpus, the fixture
    documents and varied text they equal, field for field and type for type, the records
    validated construction makes."""
    paths = sorted(Path(__file__).parent.parent.joinpath("corpus").glob("*.txt"))
    paths += sorted(p for p in _FIXTURES.glob("*/*.txt"))
    assert len(paths) > 20
    texts = [p.read_text(encoding="utf-8") for p in paths] + _VARIED + [c["text"] for c in CASES]
    fast = [extract(t) for t in texts]
    monkeypatch.setattr(quantities, "trusted", _validated)
    _VALIDATED.clear()
    slow = [extract(t) for t in texts]
    assert len(_VALIDATED) == sum(map(len, slow))
    total = 0
    for made, checked in zip(fast, slow, strict=True):
        assert made == checked
        for a, b in zip(made, checked, strict=True):
            assert a.model_fields_set == b.model_fields_set
            assert a.model_dump_json() == b.model_dump_json()
            assert {k: type(v) for k, v in a} == {k: type(v) for k, v in b}
            assert Quantity.model_validate(a.model_dump()) == a
            total += 1
    assert total > 1000


# --- a bracketed alternative count word (套（间）, 人（次）) ----------------------------------


def test_a_unit_cell_with_a_bracketed_alternative_is_read_whole() -> None:
    text = (
        "专栏1 主要指标\n"
        "指标 | 单位 | 2025年 | 2026年\n"
        "新建人才公寓 | 套（间） | 1200 | 1500以上\n"
        "开展职业技能培训 | 万人（次） | 3.5 | 4\n"
        "公租房保障比例 | %（个） | 30 | 35\n"
    )
    got = [(q.text, q.value, q.unit, q.bound, q.base_unit) for q in extract(text)]
    assert got == [
        ("1200", 1200.0, "套(间)", "eq", "套(间)"),
        ("1500以上", 1500.0, "套(间)", "ge", "套(间)"),
        ("3.5", 3.5, "万人(次)", "eq", "人(次)"),
        ("4", 4.0, "万人(次)", "eq", "人(次)"),
    ]


@pytest.mark.parametrize(
    ("text", "on", "off"),
    [
        (
            "全区筹集公共租赁住房1.2万套（间）以上。",
            ("1.2万套（间）以上", "万套(间)", "ge"),
            ("1.2万套", "万套", "eq"),
        ),
        ("更新农业机械800台（套），", ("800台（套）", "台(套)", "eq"), ("800台", "台", "eq")),
        (
            "服务中小企业300个（家）左右",
            ("300个（家）左右", "个(家)", "approx"),
            ("300个", "个", "eq"),
        ),
        ("接待研学游客20万人（次）", ("20万人（次）", "万人(次)", "eq"), ("20万人", "万人", "eq")),
    ],
)
def test_a_bracketed_alternative_in_running_text_follows_the_data_switch(
    text: str, on: tuple[str, str, str], off: tuple[str, str, str]
) -> None:
    import dataclasses

    from policyparse.extract.quantities.find import find
    from policyparse.extract.quantities.resolve import resolve
    from policyparse.extract.quantities.rules import Rules, rules

    ctx = build_context(text)

    def first(r: Rules) -> tuple[str, str, str]:
        f = next(f for f in find(ctx.norm, r) if f.excluded is None)
        v = resolve(f, r)
        assert v is not None
        span = ctx.span(f.start, f.end)
        return text[span.start : span.end], v.unit, v.bound

    r = rules()
    assert first(dataclasses.replace(r, alternatives_in_text=True)) == on
    assert first(dataclasses.replace(r, alternatives_in_text=False)) == off
    # the data file decides for the stage
    got = extract(text)[0]
    assert (got.text, got.unit, got.bound) == (on if r.alternatives_in_text else off)


def test_a_bracket_after_a_unit_that_is_no_count_word_stays_out() -> None:
    got = [
        (q.text, q.unit)
        for q in extract("补助标准为每套（间）3000元，新建宿舍500间（含改造），覆盖3个（市、区）")
    ]
    assert got == [("3000元", "元"), ("500间", "间"), ("3个", "个")]
