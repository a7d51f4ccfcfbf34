"""Schema of ``data/times.yaml``: the times stage's words, plan periods and holiday source."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal

from pydantic import Field

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
    """A fixed-date festival, or the lunar new year."""

    month: int | None = None
    day: int | None = None
    lunar_new_year: bool = False


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
    year_window_words: list[str]
    past_words: list[str]
    event_markers: list[str]
    festivals: dict[str, Festival]
    lunar_new_year: dict[int, dt.date]
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


@cache
def rules() -> TimeRules:
    """The validated rule data (loaded once per process)."""
    return load(DATA_FILE, TimeRules)
