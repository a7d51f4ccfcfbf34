"""Schema of ``data/times.yaml``: the times stage's words, plan periods and holiday source."""

from __future__ import annotations

import datetime as dt
from functools import cache
from itertools import pairwise
from typing import Literal

from pydantic import Field, model_validator

from ...records.base import Bound
from ...records.times import RecurrenceUnit
from ...ruledata import RuleModel, load

DATA_FILE = "times.yaml"


class PlanRule(RuleModel):
    """Plan ``ordinal`` starts in year ``start``; each later plan ``length`` years on."""

    ordinal: int
    start: int
    length: int = Field(gt=0)


class PlanPeriods(RuleModel):
    """Five-year plans (“十四五”): the general rule, exceptions, and the words after a name."""

    rule: PlanRule
    exceptions: dict[int, tuple[int, int]] = Field(default_factory=dict)
    period_words: list[str]
    end_words: list[str]
    begin_words: list[str]
    since_words: list[str]
    bare_min_ordinal: int = 11

    def years(self, ordinal: int) -> tuple[int, int] | None:
        """First and last year of the plan with this ordinal."""
        if ordinal in self.exceptions:
            return self.exceptions[ordinal]
        if ordinal < self.rule.ordinal:
            return None
        first = self.rule.start + (ordinal - self.rule.ordinal) * self.rule.length
        return first, first + self.rule.length - 1


class YearModifier(RuleModel):
    """The stretch of a year a word means: ``from``/``to`` as (month, day)."""

    from_: tuple[int, int] = Field(alias="from")
    to: tuple[int, int]


class MonthModifier(RuleModel):
    """The days of a month a word means; 0 as ``first``/``last`` is the month's last day."""

    first: int = Field(ge=0, le=31)
    last: int = Field(ge=0, le=31)


class Festival(RuleModel):
    """A festival: a fixed day of the year, a lunar day, or a solar term."""

    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    lunar: tuple[int, int] | None = None
    """Lunar month and day (day 0: the month's last day, as 除夕 is)."""
    solar_term: str | None = None
    """A key of ``solar_terms`` (清明)."""

    @model_validator(mode="after")
    def _one_kind(self) -> Festival:
        fixed = self.month is not None and self.day is not None
        kinds = [fixed, self.lunar is not None, self.solar_term is not None]
        if sum(kinds) != 1 or (self.month is None) != (self.day is None):
            raise ValueError("a festival needs one of month+day, lunar or solar_term")
        if self.lunar is not None and not (1 <= self.lunar[0] <= 12 and 0 <= self.lunar[1] <= 30):
            raise ValueError("a lunar day is (month 1-12, day 0-30)")
        return self


class LunarYear(RuleModel):
    """One lunar year: the first day of each month in order, the leap month after month
    ``leap``."""

    months: list[dt.date]
    leap: int | None = Field(default=None, ge=1, le=12)

    @model_validator(mode="after")
    def _shape(self) -> LunarYear:
        if len(self.months) != (13 if self.leap else 12):
            raise ValueError("a lunar year has 12 months, 13 with a leap month")
        for a, b in pairwise(self.months):
            if (b - a).days not in (29, 30):
                raise ValueError(f"a lunar month has 29 or 30 days, not {(b - a).days} ({a})")
        return self

    def month_index(self, month: int) -> int:
        """Position in ``months`` of the (ordinary) month ``month``."""
        return month - 1 + (1 if self.leap is not None and month > self.leap else 0)


class RelativeEffort(RuleModel):
    """``用3年时间``: words before and after a number of years."""

    before: list[str]
    after: list[str]


class LimitUnit(RuleModel):
    """A unit word of a time limit and the unit it is recorded in."""

    unit: str
    needs_bound: bool = True
    """Whether a bound word must be written for the number to count as a limit."""


class HolidaySource(RuleModel):
    """Where public holidays and adjusted working days come from, and which years."""

    source: Literal["chinesecalendar"]
    description: str
    first_year: int
    last_year: int
    fallback: str


class TimeRules(RuleModel):
    """Everything in ``data/times.yaml``."""

    plan_periods: PlanPeriods
    named_years: dict[str, int]
    deadline_prefixes: list[str]
    deadline_suffixes: list[str]
    verb_before_prefix: list[str]
    not_after_before: str
    not_after_inside: str
    not_after_since: str
    start_prefixes: list[str]
    start_suffixes: list[str]
    document_start_verbs: list[str]
    document_words: list[str]
    range_connectors: list[str]
    range_closers: list[str]
    year_modifiers: dict[str, YearModifier]
    month_modifiers: dict[str, MonthModifier]
    relative_years: dict[str, int]
    relative_year_not_after: str
    context_years: list[str]
    bare_year_words: list[str]
    bare_deadline_words: list[str]
    not_after_early: str
    relative_period_words: list[str]
    relative_effort: RelativeEffort
    relative_count_words: list[str] = Field(default_factory=list)
    """Words after a bare number of years opening a clause (``三年新增``, ``三年累计``) that make
    it a deadline that many years on from the anchor year, as ``三年内`` is."""
    relative_count_max: int = 10
    """The most years such a bare number may count."""
    plan_name_nouns: list[str] = Field(default_factory=list)
    """Nouns that, a few characters after a plan name with no period word, make it part of a
    name (``“十四五”职业教育国家规划教材``): no time then."""
    plan_name_reach: int = 10
    """How many Chinese characters may stand between the plan name and such a noun."""
    year_window_words: list[str]
    past_words: list[str]
    event_markers: list[str]
    festivals: dict[str, Festival]
    solar_terms: dict[str, dict[int, dt.date]] = Field(default_factory=dict)
    lunar_prefixes: list[str] = Field(default_factory=list)
    """Words before a lunar date (农历, 阴历)."""
    lunar_month_names: dict[str, int] = Field(default_factory=dict)
    """Lunar month names that are not numbers (正 → 1, 腊 → 12)."""
    lunar_years: dict[int, LunarYear]
    limit_units: dict[str, LimitUnit]
    limit_before: dict[str, Bound]
    limit_after: dict[str, Bound]
    limit_lead_words: list[str]
    fraction_words: dict[str, float]
    recurrence_prefixes: list[str]
    recurrence_by_prefix: list[str]
    recurrence_units: dict[str, RecurrenceUnit]
    recurrence_by_units: list[str]
    recurrence_not_before: str
    recurrence_month_days: list[str] = Field(default_factory=list)
    """Parts of a month after a monthly recurrence that belong to it (上旬, 中旬, 下旬); a day
    of the month (5日, 10号) does too."""
    holidays: HolidaySource

    @model_validator(mode="after")
    def _festivals_known(self) -> TimeRules:
        for name, fest in self.festivals.items():
            if fest.solar_term is not None and fest.solar_term not in self.solar_terms:
                raise ValueError(f"festival {name}: no dates for solar term {fest.solar_term}")
        years = sorted(self.lunar_years)
        for a, b in pairwise(years):
            last = self.lunar_years[a].months[-1]
            gap = (self.lunar_years[b].months[0] - last).days
            if b != a + 1 or gap not in (29, 30):
                raise ValueError(f"lunar years {a} and {b} do not follow each other")
        return self


@cache
def rules() -> TimeRules:
    """The validated rule data (loaded once per process)."""
    return load(DATA_FILE, TimeRules)
