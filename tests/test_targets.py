"""The targets stage: a table of passages, the corpus scores, and the stage's rules."""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

import policyparse
from policyparse import ruledata
from policyparse.check import run_check
from policyparse.check.match import indicator_f1
from policyparse.extract.targets.geometry import clauses
from policyparse.extract.targets.rules import TargetRules, cues
from policyparse.extract.targets.sharing import object_of, subject_of
from policyparse.records import PolicyDocument, Target

from .conftest import CORPUS
from .spancheck import check_spans, squash

CASES_FILE = Path(__file__).parent / "cases" / "targets.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))


def _value(t: Target) -> Any:
    q = t.quantity
    return q.value if q.value is not None else [q.low, q.high]


def _same(a: Any, b: Any) -> bool:
    if isinstance(b, list):
        return isinstance(a, list) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _describe(t: Target) -> list[Any]:
    return [
        t.indicator,
        _value(t),
        t.quantity.unit,
        t.quantity.bound,
        t.deadline.year if t.deadline else None,
    ]


def test_enough_cases() -> None:
    assert len(CASES) >= 15
    assert sum(1 for c in CASES if not c["targets"]) >= 4
    assert sum(len(c["targets"]) for c in CASES) >= 50


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    doc = policyparse.parse(case["text"])
    check_spans(doc)
    got = doc.targets
    expected: list[dict[str, Any]] = case["targets"]
    assert len(got) == len(expected), [_describe(t) for t in got]
    for t, exp in zip(got, expected, strict=True):
        assert _same(_value(t), exp["value"]), _describe(t)
        assert t.quantity.unit == exp["unit"], _describe(t)
        assert t.quantity.bound == exp["bound"], _describe(t)
        assert (t.deadline.year if t.deadline else None) == exp["deadline"], _describe(t)
        assert indicator_f1(t.indicator, exp["indicator"]) >= 0.8, _describe(t)
        if "inherited" in exp:
            assert t.deadline is not None and t.deadline.inherited is exp["inherited"]
        if "commitment" in exp:
            assert t.commitment == exp["commitment"]
    for exp_b in case.get("baselines", []):
        match = [
            b
            for b in doc.baselines
            if _same(b.quantity.value, exp_b["value"]) and b.quantity.unit == exp_b["unit"]
        ]
        assert match, [(b.indicator, b.quantity.value) for b in doc.baselines]
        assert match[0].year == exp_b["year"]
        assert indicator_f1(match[0].indicator, exp_b["indicator"]) >= 0.8, match[0].indicator


def _evidence_ok(doc: PolicyDocument, t: Target) -> None:
    assert t.span.start <= t.quantity.span.start and t.quantity.span.end <= t.span.end
    if t.indicator_span is not None:
        ev = unicodedata.normalize("NFKC", squash(doc.evidence(t.indicator_span)))
        ind = unicodedata.normalize("NFKC", t.indicator)
        # the evidence may hold a page break skipped inside the indicator (PDF text)
        rest = iter(ev)
        assert ind.startswith(ev) or ev in ind or all(c in rest for c in ind), (ev, t.indicator)
    if t.deadline is not None and t.deadline.span is not None:
        # a written year shows in its evidence; a relative time (用3年左右时间) has none, and a
        # window from a written start (自2024年起3年内) ends later than the year it names
        ev_time = unicodedata.normalize("NFKC", doc.evidence(t.deadline.span))
        assert (
            str(t.deadline.year)[-2:] in ev_time
            or not re.search(r"\d{4}", ev_time)
            or re.search(r"起.{0,6}内", ev_time)
        ), ev_time


def test_corpus_targets_are_grounded(corpus_docs: dict[str, PolicyDocument]) -> None:
    for doc in corpus_docs.values():
        for t in doc.targets:
            _evidence_ok(doc, t)
        for b in doc.baselines:
            assert b.span.start <= b.quantity.span.start <= b.quantity.span.end <= b.span.end


def test_corpus_scores() -> None:
    result = run_check([CORPUS])
    scores = result.overall.values()
    assert scores["targets_full_f1"] >= 0.9
    assert scores["targets_detection_precision"] >= 0.9
    assert (scores["indicator_f1"] or 0.0) >= 0.8
    assert (scores["bound_accuracy"] or 0.0) >= 0.9


HELDOUT = Path(__file__).parent / "fixtures" / "heldout"


def test_heldout_scores_hold_their_floor() -> None:
    """Documents outside the corpus: the check passes its floors (``check.yaml`` there), and
    the target full F1 stays at or above the one reached."""
    config = yaml.safe_load((HELDOUT / "check.yaml").read_text(encoding="utf-8"))
    floor = config["thresholds"]["targets_full_f1"]
    assert floor >= 0.95
    result = run_check([HELDOUT])
    assert len(result.documents) >= 10
    assert result.ok, [d.name for d in result.documents]
    scores = result.overall.values()
    assert scores["targets_full_f1"] >= floor
    assert (scores["indicator_f1"] or 0.0) >= config["thresholds"]["indicator_f1"]


def test_heldout_records_are_grounded() -> None:
    for txt in sorted(HELDOUT.glob("*.txt")):
        doc = policyparse.parse_file(txt)
        check_spans(doc)
        for t in doc.targets:
            _evidence_ok(doc, t)


def _by_value(doc: PolicyDocument, value: float, unit: str) -> list[Target]:
    return [t for t in doc.targets if t.quantity.value == value and t.quantity.unit == unit]


def test_corpus_fenbie_list_gives_one_target_per_value(
    corpus_docs: dict[str, PolicyDocument],
) -> None:
    doc = corpus_docs["003"]
    inds = {t.indicator for t in doc.targets}
    for v in ("100", "50", "10"):
        assert f"主营业务收入过{v}亿元的企业数量" in inds
    assert "高端药械集聚发展区主营业务收入" in inds
    three = [t for t in doc.targets if "主营业务收入过" in t.indicator]
    assert [t.quantity.bound for t in three] == ["eq", "eq", "ge"]


def test_corpus_deadlines_do_not_cross_sibling_items(
    corpus_docs: dict[str, PolicyDocument],
) -> None:
    doc = corpus_docs["001"]
    first = _by_value(doc, 2500, "亿元")[0]
    assert first.deadline is not None and first.deadline.year == 2027
    later = [t for t in doc.targets if "大品种" in t.indicator]
    assert len(later) == 4 and all(t.deadline is None for t in later)
    assert all(t.indicator.startswith(("化学药", "中药", "生物药", "医疗器械")) for t in later)


def test_corpus_lead_in_reaches_dash_items(corpus_docs: dict[str, PolicyDocument]) -> None:
    doc = corpus_docs["000"]
    t = _by_value(doc, 10, "个")
    star = next(x for x in t if "新星" in x.indicator)
    assert star.deadline is not None and star.deadline.year == 2025 and star.deadline.inherited
    shared = next(x for x in doc.targets if "工业互联网平台" in x.indicator)
    assert shared.indicator.startswith("全省医药产业累计建成")


def test_corpus_non_targets(corpus_docs: dict[str, PolicyDocument]) -> None:
    doc = corpus_docs["004"]
    for value, unit in ((400, "万元"), (800, "万元"), (300, "万元"), (1000, "万元")):
        assert not _by_value(doc, value, unit)
    doc3 = corpus_docs["003"]
    assert not any("首批确定" in doc3.evidence(t.span) for t in doc3.targets)  # 等10个企业
    assert not _by_value(corpus_docs["000"], 2150.71, "亿元")


def test_corpus_baselines(corpus_docs: dict[str, PolicyDocument]) -> None:
    doc = corpus_docs["000"]
    output = [b for b in doc.baselines if b.quantity.value == 2150.71]
    assert output and output[0].year == 2020
    assert "工业总产值" in output[0].indicator
    assert any(b.quantity.value == 4.93 and b.year == 2020 for b in doc.baselines)


def test_rules_file_validates() -> None:
    assert ruledata.SCHEMAS["targets.yaml"].endswith(":TargetRules")
    model = ruledata.schema_for("targets.yaml")
    assert model is TargetRules
    c = cues()
    assert c.commitment.fullmatch("力争") and c.commitment.fullmatch("确保")
    assert c.support.search("给予不超过400万元补助")


def test_clauses_keep_brackets_and_quotes_whole() -> None:
    text = "推行“一窗受理、内部协同，并行审查”,整体用时(含公示，不含补正)压缩至25周以内。"
    parts = [text[s:e] for s, e in clauses(text, 0, len(text))]
    assert parts == [
        "推行“一窗受理、内部协同，并行审查”",
        "整体用时(含公示，不含补正)压缩至25周以内",
    ]


def test_clauses_split_at_half_width_stops_after_words_only() -> None:
    text = "3.停车设施.11月底前新增停车泊位600个,提高到3.5%.访问www.gov.cn查询"
    parts = [text[s:e] for s, e in clauses(text, 0, len(text))]
    assert parts == [
        "3.停车设施",
        "11月底前新增停车泊位600个",
        "提高到3.5%",
        "访问www.gov.cn查询",
    ]


def test_item_title_running_into_its_text_is_no_past_heading() -> None:
    text = (
        "某某街道2024年重点工作安排\n"
        "2.垃圾分类.年内新增分类回收站点80个.对分类成效突出的小区给予表彰.\n"
        "二、工作成效\n"
        "年内新增分类回收站点60个.\n"
        "2024年3月1日\n"
    )
    doc = policyparse.parse(text)
    check_spans(doc)
    # the item is read as a goal; the section headed 工作成效 states results
    assert [t.quantity.value for t in doc.targets] == [80]


def test_subject_and_object_helpers() -> None:
    assert subject_of("全省医药工业产值") == "全省医药工业"
    assert subject_of("高新技术企业") == ""
    obj = object_of("推行医疗机构临床试验内部审查流程“一窗受理、内部协同”")
    assert obj == "医疗机构临床试验内部审查流程"


def test_no_quantities_no_targets() -> None:
    doc = policyparse.parse("（一）加强组织领导。各地要高度重视，切实抓好落实。")
    assert doc.targets == [] and doc.baselines == []


def test_table_part_row_drops_its_part_mark() -> None:
    text = (
        "某省“十四五”交通运输发展规划\n"
        "专栏1 主要指标\n"
        "指标 | 2020年 | 2025年\n"
        "铁路营业里程（公里） | 5972 | 7000\n"
        "其中：高速铁路（公里） | 1069 | 1500以上\n"
    )
    doc = policyparse.parse(text)
    check_spans(doc)
    got = {t.indicator: t.quantity.value for t in doc.targets}
    assert got == {"铁路营业里程": 7000, "高速铁路": 1500}
    assert {b.indicator for b in doc.baselines} == {"铁路营业里程", "高速铁路"}
    part = next(t for t in doc.targets if t.indicator == "高速铁路")
    assert part.indicator_span is not None
    assert doc.evidence(part.indicator_span) == "高速铁路"


def test_a_borrowed_part_keeps_its_full_width_brackets() -> None:
    """Marks the working copy folds to half-width are written back as the document has them,
    also in a part borrowed from the clause before (FORMAT: indicators are document text)."""
    text = (
        "到2028年，可循环配送箱（周转筐）全面替代一次性包装，使用率达到95%；"
        "每个县（市、区）建成规范化分拣中心1个以上。"
    )
    indicators = [t.indicator for t in policyparse.parse(text).targets]
    assert "可循环配送箱（周转筐）使用率" in indicators, indicators
    assert all("(" not in i and ")" not in i for i in indicators), indicators
