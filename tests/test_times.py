"""The times stage: a data table of cases, working days, and spans on the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from policyparse.extract import times
from policyparse.extract.times.calendar import (
    add_duration,
    add_working_days,
    festival_after,
    holiday_years,
    is_working_day,
)
from policyparse.extract.times.rules import rules
from policyparse.normalize import to_halfwidth
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
    years = sorted(rules().lunar_new_year)
    assert years == list(range(years[0], years[-1] + 1))
    for year, day in rules().lunar_new_year.items():
        assert day.year == year and (day.month, day.day) >= (1, 21) and day.month <= 2


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
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.sampled_from([None, "2024-02-10"]))
def test_any_text_gives_valid_records(text: str, date: str | None) -> None:
    got, _ = _times_of(text, {"date": date} if date else None)
    last_end = 0
    for t in got:
        assert last_end <= t.span.start < t.span.end <= len(text), (text, t)
        last_end = t.span.end
        assert t.text == to_halfwidth(text[t.span.start : t.span.end]), (text, t)
        if t.start is not None and t.end is not None:
            assert t.start <= t.end, (text, t)
        if not t.resolved:
            assert t.relative and t.year is None, (text, t)


def test_impossible_dates_give_nothing() -> None:
    got, _ = _times_of("2023年2月30日召开会议。", None)
    assert got == []
