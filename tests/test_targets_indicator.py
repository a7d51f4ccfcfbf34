"""The indicator reader: a table of passages (``cases/indicators.yaml``), its word lists and
its helpers."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

import policyparse
from policyparse import ruledata
from policyparse.extract.targets import fenbie, sharing, trim
from policyparse.extract.targets.indicator_words import IndicatorWords, words

from .spancheck import check_spans

CASES_FILE = Path(__file__).parent / "cases" / "indicators.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))


def test_enough_cases() -> None:
    assert len(CASES) >= 15
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    doc = policyparse.parse(case["text"])
    check_spans(doc)
    assert [t.indicator for t in doc.targets] == case["indicators"]
    if "values" in case:
        got = [t.quantity.value for t in doc.targets]
        assert len(got) == len(case["values"])
        assert all(
            v is not None and math.isclose(v, w) for v, w in zip(got, case["values"], strict=True)
        )


def test_word_lists_validate() -> None:
    data = yaml.safe_load(ruledata.data_text("indicator_words.yaml"))
    IndicatorWords.model_validate(data)
    assert ruledata.schema_for("indicator_words.yaml") is IndicatorWords
    w = words()
    assert "使用" in w.not_lead_words
    assert "动态" in w.rate_manners


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("使用率达到100%", "使用率达到100%"),
        ("推动使用率提高", "使用率提高"),
        ("其中全国重点实验室", "全国重点实验室"),
        ("并网发电量", "并网发电量"),
        ("要素市场交易额", "要素市场交易额"),
        ("推进要素市场化", "要素市场化"),
    ],
)
def test_lead_words_do_not_cut_words(text: str, kept: str) -> None:
    assert trim._drop_lead(text) == kept


@pytest.mark.parametrize(
    ("rate", "own"),
    [("农膜回收率", True), ("动态使用率", False), ("规范化建设率", False), ("机收率", False)],
)
def test_rates_naming_their_own_subject(rate: str, own: bool) -> None:
    assert sharing._names_own_subject(rate) is own


@pytest.mark.parametrize(
    ("others", "last", "expected"),
    [
        (["主要农作物化肥"], "农药使用量", ("主要农作物", "农药", "使用量")),
        (
            ["新购置的大中型拖拉机"],
            "联合收割机北斗终端加装率",
            ("新购置的", "联合收割机", "北斗终端加装率"),
        ),
        (["小麦"], "玉米耕种收综合机械化率", None),
        (["化学需氧量"], "氨氮排放量", None),
    ],
)
def test_two_sided_lists(
    others: list[str], last: str, expected: tuple[str, str, str] | None
) -> None:
    assert fenbie._two_sided(others, last) == expected
