"""Calendar arithmetic: month ends, working days on the Chinese public-holiday calendar."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass
from typing import Final

from .rules import rules

_ONE_DAY: Final = dt.timedelta(days=1)


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, _cal.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, _cal.monthrange(year, month)[1]))


def holiday_years() -> tuple[int, int]:
    """First and last year of the public-holiday data (``data/times.yaml``)."""
    h = rules().holidays
    return h.first_year, h.last_year


def _is_workday_holidays(day: dt.date) -> bool | None:
    """Working day per the holiday calendar, or ``None`` when it has no data for the year."""
    first, last = holiday_years()
    if not first <= day.year <= last:
        return None
    import chinese_calendar

    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None


def is_working_day(day: dt.date) -> tuple[bool, bool]:
    """Whether ``day`` is a working day, and whether holiday data was used for it.

    Without holiday data for the year (outside the covered years), Monday to Friday are
    working days.
    """
    known = _is_workday_holidays(day)
    if known is None:
        return day.weekday() < 5, False
    return known, True


@dataclass(frozen=True, slots=True)
class WorkdayResult:
    """The end of a working-day limit, and the years counted without holiday data."""

    end: dt.date
    fallback_years: tuple[int, ...] = ()


def add_working_days(start: dt.date, n: int) -> WorkdayResult:
    """The ``n``-th working day after ``start`` (the start day itself is not counted).

    ``30个工作日内`` from 2024-09-25 ends on the 30th working day after it, skipping the
    National Day holiday and counting the weekend days made working days.
    """
    if n < 0:
        raise ValueError("a number of working days cannot be negative")
    day = start
    counted = 0
    fallback: set[int] = set()
    while counted < n:
        day += _ONE_DAY
        working, with_data = is_working_day(day)
        if not with_data:
            fallback.add(day.year)
        if working:
            counted += 1
    return WorkdayResult(day, tuple(sorted(fallback)))


def add_duration(start: dt.date, value: float, unit: str) -> WorkdayResult | None:
    """The last day of a limit of ``value`` ``unit`` counted from ``start``.

    Days, weeks, months and years are calendar lengths; 工作日 are working days. A fraction
    of a month or year (半个月) is not resolved.
    """
    whole = int(value)
    if unit == "工作日":
        return add_working_days(start, whole) if whole == value else None
    if unit in ("日", "天", "自然日"):
        return WorkdayResult(start + dt.timedelta(days=value)) if whole == value else None
    if unit == "周":
        return WorkdayResult(start + dt.timedelta(weeks=value)) if whole == value else None
    months = {"月": 1, "季度": 3, "年": 12}.get(unit)
    if months is None or whole != value:
        return None
    return WorkdayResult(add_months(start, whole * months))


def lunar_day(lunar_year: int, month: int, day: int) -> dt.date | None:
    """The day ``day`` (0: the last) of ordinary month ``month`` of lunar year ``lunar_year``,
    from ``data/times.yaml``; ``None`` outside the table or for a day the month lacks."""
    years = rules().lunar_years
    ly = years.get(lunar_year)
    if ly is None or not 1 <= month <= 12:
        return None
    i = ly.month_index(month)
    first = ly.months[i]
    if i + 1 < len(ly.months):
        nxt: dt.date | None = ly.months[i + 1]
    else:
        following = years.get(lunar_year + 1)
        nxt = following.months[0] if following is not None else None
    length = (nxt - first).days if nxt is not None else None
    if day == 0:
        return first + dt.timedelta(days=length - 1) if length is not None else None
    if day < 1 or day > (length or 29):
        return None
    return first + dt.timedelta(days=day - 1)


def lunar_new_year(year: int) -> dt.date | None:
    """The day of 春节 in ``year``, from ``data/times.yaml``."""
    return lunar_day(year, 1, 1)


def lunar_after(month: int, day: int, after: dt.date, *, inclusive: bool = False) -> dt.date | None:
    """The first lunar ``month``/``day`` after ``after`` (on it too when ``inclusive``)."""
    for lunar_year in (after.year - 1, after.year, after.year + 1):
        d = lunar_day(lunar_year, month, day)
        if d is not None and (d > after or (inclusive and d == after)):
            return d
    return None


def festival_after(name: str, after: dt.date, *, inclusive: bool = False) -> dt.date | None:
    """The first day of festival ``name`` after ``after`` (on it too when ``inclusive``)."""
    r = rules()
    fest = r.festivals.get(name)
    if fest is None:
        return None
    if fest.lunar is not None:
        return lunar_after(*fest.lunar, after, inclusive=inclusive)
    for year in (after.year, after.year + 1):
        if fest.solar_term is not None:
            day = r.solar_terms[fest.solar_term].get(year)
        elif fest.month is not None and fest.day is not None:
            day = dt.date(year, fest.month, fest.day)
        else:
            day = None
        if day is not None and (day > after or (inclusive and day == after)):
            return day
    return None
