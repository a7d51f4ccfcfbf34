"""The times stage: a data table of cases, working days, and spans on the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import policyparse
from policyparse.extract import times
from policyparse.extract.times.calendar import (
    add_duration,
    add_working_days,
    festival_after,
    holiday_years,
    is_working_day,
    lunar_after,
    lunar_day,
    lunar_new_year,
)
from policyparse.extract.times.rules import rules
from policyparse.normalize import normalize, to_halfwidth
from policyparse.pipeline import build_context
from policyparse.records import Meta, PolicyDocument, TimeExpression

from .spancheck import squash

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "times.yaml").read_text("utf-8"))["cases"]


def _times_of(text: str, meta: dict[str, Any] | None) -> tuple[list[TimeExpression], list[str]]:
    ctx = build_context(text)
    if meta is not None:
        date = meta.get("date")
        ctx.meta = Meta(
            date=date.isoformat() if isinstance(date, dt.date) else date,
            start_year=meta.get("start_year"),
        )
    else:
        ctx.meta = Meta()
    times.run(ctx)
    return ctx.times, [w.code for w in ctx.warnings]


def _compare(expected: Any, actual: Any, where: str) -> None:
    if isinstance(expected, dict):
        assert actual is not None, f"{where}: expected {expected}, got None"
        for key, value in expected.items():
            _compare(value, getattr(actual, key), f"{where}.{key}")
    elif isinstance(expected, float | int) and not isinstance(expected, bool):
        assert actual == pytest.approx(expected), f"{where}: {actual!r} != {expected!r}"
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def test_enough_cases() -> None:
    assert len(CASES) >= 100
    assert sum(1 for c in CASES if not c["expect"]) >= 15


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:24] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    text = case["text"]
    got, _ = _times_of(text, case.get("meta"))
    shown = [(text[t.span.start : t.span.end], t.kind) for t in got]
    assert len(got) == len(case["expect"]), shown
    for i, (exp, rec) in enumerate(zip(case["expect"], got, strict=True)):
        exp = dict(exp)
        evidence = exp.pop("evidence")
        assert text[rec.span.start : rec.span.end] == evidence, shown
        _compare(exp, rec, f"record {i} ({evidence})")


# --- working days ----------------------------------------------------------------------------


def test_working_days_across_national_day_2024() -> None:
    # 2024: 1-7 October are holidays; Sunday 29 September and Saturday 12 October are worked.
    assert is_working_day(dt.date(2024, 10, 1)) == (False, True)
    assert is_working_day(dt.date(2024, 9, 29)) == (True, True)
    assert is_working_day(dt.date(2024, 10, 12)) == (True, True)
    res = add_working_days(dt.date(2024, 9, 27), 3)
    # 29 Sep (worked Sunday), 30 Sep, then 8 Oct after the holiday.
    assert res.end == dt.date(2024, 10, 8)
    assert res.fallback_years == ()
    assert add_working_days(dt.date(2024, 9, 25), 30).end == dt.date(2024, 11, 11)


def test_working_days_across_spring_festival_2025() -> None:
    # 2025: 28 January - 4 February off; Sunday 26 January and Saturday 8 February worked.
    res = add_working_days(dt.date(2025, 1, 24), 2)
    assert res.end == dt.date(2025, 1, 27)
    assert add_working_days(dt.date(2025, 1, 27), 1).end == dt.date(2025, 2, 5)


def test_working_days_fall_back_to_weekends_with_a_warning() -> None:
    first, last = holiday_years()
    after = dt.date(last + 1, 9, 30)
    res = add_working_days(after, 5)
    assert res.fallback_years == (last + 1,)
    assert res.end.weekday() < 5
    got, warnings = _times_of(f"自{last + 1}年9月30日起5个工作日内办结。", None)
    assert got[0].end == res.end
    assert "holiday_data_missing" in warnings
    before = add_working_days(dt.date(first - 1, 12, 30), 1)
    assert before.fallback_years


def test_holiday_coverage_matches_the_installed_calendar() -> None:
    import chinese_calendar

    h = rules().holidays
    assert h.source == "chinesecalendar"
    chinese_calendar.is_workday(dt.date(h.first_year, 1, 5))
    chinese_calendar.is_workday(dt.date(h.last_year, 12, 28))


def test_calendar_lengths() -> None:
    start = dt.date(2024, 1, 31)
    months = add_duration(start, 1, "月")
    assert months is not None and months.end == dt.date(2024, 2, 29)
    days = add_duration(start, 15, "日")
    assert days is not None and days.end == dt.date(2024, 2, 15)
    assert add_duration(start, 0.5, "月") is None


def test_lunar_new_year_table() -> None:
    assert festival_after("春节", dt.date(2024, 1, 5)) == dt.date(2024, 2, 10)
    assert festival_after("春节", dt.date(2024, 2, 10)) == dt.date(2025, 1, 29)
    assert festival_after("元旦", dt.date(2024, 1, 1)) == dt.date(2025, 1, 1)
    years = sorted(rules().lunar_years)
    assert years == list(range(years[0], years[-1] + 1))
    # the table covers every year of the holiday calendar (and the 春节 of each is in it)
    first, last = holiday_years()
    assert years[0] < first and years[-1] >= last
    for year in years:
        day = lunar_new_year(year)
        assert day is not None and day.year == year
        assert dt.date(year, 1, 21) <= day <= dt.date(year, 2, 20)


def test_plan_periods_follow_the_ordinal_rule() -> None:
    pp = rules().plan_periods
    assert pp.years(13) == (2016, 2020)
    assert pp.years(14) == (2021, 2025)
    assert pp.years(15) == (2026, 2030)
    assert pp.years(1) == (1953, 1957)


# --- the corpus ------------------------------------------------------------------------------


def test_corpus_time_spans(corpus_docs: dict[str, PolicyDocument]) -> None:
    for key, doc in corpus_docs.items():
        assert doc.times, key
        for t in doc.times:
            ev = doc.evidence(t.span)
            assert ev and ev == ev.strip(), (key, t)
            assert t.text is not None and to_halfwidth(squash(ev)) == squash(t.text), (key, t, ev)
            if t.kind in ("deadline", "period", "year", "date"):
                assert t.year is not None or not t.resolved, (key, t)
            if t.kind == "period" and t.resolved:
                assert t.start is not None and t.end is not None and t.start <= t.end
                assert t.year == t.end.year
            if t.kind == "deadline" and t.resolved:
                assert t.end is not None and t.year == t.end.year, (key, t)


def test_corpus_deadlines(corpus_docs: dict[str, PolicyDocument]) -> None:
    def of(key: str, kind: str) -> list[tuple[str, int | None]]:
        doc = corpus_docs[key]
        return [(squash(doc.evidence(t.span)), t.year) for t in doc.times if t.kind == kind]

    assert ("到2027年", 2027) in of("001", "deadline")
    assert ("到2028年", 2028) in of("004", "deadline")
    assert ("“十四五”期间", 2025) in of("000", "period")
    assert ("2021—2025年", 2025) in of("000", "period")
    assert ("截至2020年底", 2020) in of("000", "deadline")
    durations = [
        (squash(corpus_docs["004"].evidence(t.span)), t.duration)
        for t in corpus_docs["004"].times
        if t.kind == "duration"
    ]
    assert [e for e, _ in durations] == [
        "4周以内",
        "25周以内",
        "30个工作日内",
        "40个工作日以内",
        "10个工作日内",
        "1个月内",
    ]
    # No year from web-page debris (copyright lines, ICP numbers, phone numbers).
    for doc in corpus_docs.values():
        for t in doc.times:
            assert "Copyright" not in doc.text[t.span.start - 20 : t.span.end]


# --- robustness ------------------------------------------------------------------------------

_ALPHABET = (
    "0123456789年月日底前内起至到—-每季度个工作周"
    "十四五三二一〇“”期间末初半今明上自从印发之起春节，。"
    "农历正腊廿即端午中秋除夕清明\n"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.sampled_from([None, "2024-02-10"]))
def test_any_text_gives_valid_records(text: str, date: str | None) -> None:
    got, _ = _times_of(text, {"date": date} if date else None)
    last_end = 0
    for t in got:
        assert last_end <= t.span.start < t.span.end <= len(text), (text, t)
        last_end = t.span.end
        # a line break inside a number (到2026\n年) is dropped from the working copy
        evidence = to_halfwidth(text[t.span.start : t.span.end])
        assert t.text == evidence.replace("\n", ""), (text, t)
        if t.start is not None and t.end is not None:
            assert t.start <= t.end, (text, t)
        if not t.resolved:
            assert t.relative and t.year is None, (text, t)


def test_impossible_dates_give_nothing() -> None:
    got, _ = _times_of("2023年2月30日召开会议。", None)
    assert got == []


# --- festivals and the lunar calendar ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "after", "day"),
    [
        ("端午节", dt.date(2024, 5, 1), dt.date(2024, 6, 10)),
        ("元宵节", dt.date(2024, 1, 10), dt.date(2024, 2, 24)),
        ("中秋节", dt.date(2025, 7, 1), dt.date(2025, 10, 6)),
        ("重阳节", dt.date(2023, 8, 15), dt.date(2023, 10, 23)),
        ("除夕", dt.date(2024, 1, 10), dt.date(2024, 2, 9)),
        ("除夕", dt.date(2024, 12, 1), dt.date(2025, 1, 28)),
        ("清明节", dt.date(2024, 1, 10), dt.date(2024, 4, 4)),
        ("春节", dt.date(2026, 1, 1), dt.date(2026, 2, 17)),
        ("七夕节", dt.date(2020, 1, 1), dt.date(2020, 8, 25)),
    ],
)
def test_festival_dates(name: str, after: dt.date, day: dt.date) -> None:
    assert festival_after(name, after) == day


def test_lunar_days() -> None:
    # 2023 has a leap second month: month 3 starts after it
    assert lunar_day(2023, 3, 1) == dt.date(2023, 4, 20)
    assert lunar_day(2024, 12, 0) == dt.date(2025, 1, 28)  # the last day of 腊月 (29 days)
    assert lunar_day(2024, 12, 30) is None
    assert lunar_day(1990, 1, 1) is None  # outside the table
    assert lunar_after(1, 15, dt.date(2024, 2, 24), inclusive=True) == dt.date(2024, 2, 24)
    assert lunar_after(1, 15, dt.date(2024, 2, 24)) == dt.date(2025, 2, 12)
    for year, ly in rules().lunar_years.items():
        # twelve months, thirteen with a leap month, each of 29 or 30 days (checked on load)
        assert len(ly.months) == (13 if ly.leap else 12), year


def test_lunar_dates_need_a_lunar_form() -> None:
    # without 农历, a lunar date needs a month name (正月, 腊月) or a day written with 初
    meta = {"date": "2024-06-01"}
    for text in ("八月十五前完成", "3月十五前", "十五个项目", "正月里", "初五前", "六月初十二"):
        got, _ = _times_of(text, meta)
        assert not any(t.precision == "day" for t in got), (text, got)


# --- the pre-checks of the atom patterns do not change what is found ---------------------------

_PIECES = (
    "到2025年底", "2024年春节前", "年底前", "全年", "年内", "上半年", "二季度", "第三季度末",
    "“十四五”期间", "十五五", "今后五年", "未来3-5年", "用三年时间", "每年", "每季度", "按月",
    "每月5日前", "自印发之日起", "自即日起", "即日起至", "本世纪中叶", "30个工作日内", "3年内",
    "国庆节前", "端午节前", "农历正月十五", "腊月二十三前", "五月初五", "清明", "元宵",
    "季", "度", "月", "日", "年", "之日", "即日", "起", "今后", "未来", "每", "按", "农", "历",
    "正月", "初", "底", "内", "全年龄", "年内蒙古", "2021—2025年", "(2021-2025)", "6月30日前",
    "12月31日", "，", "。", "\n", "推进", "完成", "建设", "1,200家", "二〇二五年",
)  # fmt: skip


def _varied_texts() -> list[str]:
    import random

    from .conftest import CORPUS_FILES

    rng = random.Random(8)
    texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(600)]
    # texts that lack whole groups of words (the pre-checks skip patterns on them)
    texts += ["".join(p for p in _PIECES if w not in p) for w in ("季度", "之日起", "每", "年")]
    texts += [build_context(p.read_text("utf-8")).norm for p in CORPUS_FILES]
    return texts


def test_atom_prechecks_do_not_change_results(monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from policyparse.extract.times import find as tfind

    def atoms(t: str) -> list[tuple[int, int, str, dict[str, str]]]:
        return [(a.start, a.end, a.type, a.parts) for a in tfind.find_atoms(t)]

    texts = _varied_texts()
    fast = [atoms(t) for t in texts]
    p = tfind.patterns()
    assert any(p.needles) and any(p.anchored)
    plain = dataclasses.replace(
        p, needles=tuple(() for _ in p.needles), anchored=tuple(False for _ in p.anchored)
    )
    monkeypatch.setattr(tfind, "patterns", lambda: plain)
    slow = [atoms(t) for t in texts]
    for t, a, b in zip(texts, fast, slow, strict=True):
        assert a == b, t[:80]


# --- a year cut by a line break (text taken from a PDF) ------------------------------------------


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("力争到2026\n年，全市建成5G基站3万个。", "到2026\n年"),
        ("第一段。\n到2025\n年底前完成改造。", "到2025\n年底前"),
        ("全省计划于2024年6\n月底前完成。", "2024年6\n月底前"),
    ],
)
def test_a_number_cut_before_its_unit_is_joined_in_a_full_parse(text: str, evidence: str) -> None:
    doc = policyparse.parse(text)
    assert [doc.text[t.span.start : t.span.end] for t in doc.times] == [evidence]


def test_a_lone_number_line_is_not_joined() -> None:
    # a cell of a table written one cell a line, and a number after a blank
    for text in ("指标\n2025\n年均增长\n", "总数\n\n2025\n年度报告\n", "序号 2025\n年度\n"):
        assert "\n" in normalize(text).norm.strip("\n"), text
