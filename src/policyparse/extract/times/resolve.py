"""Resolving found time expressions into dates, periods, durations and recurrences.

Relative expressions (``三年内``, ``年底前``, ``二季度``, ``春节前``) are resolved against the
document's anchor: the start year it states (``meta.start_year``) or, failing that, its date
(``meta.date``), that year counting as the first (``三年内`` in a document of 2024 → 2026).
Without an anchor they are kept with ``resolved=False``.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from ... import patterncache
from ...numerals import parse_number
from ...records import Meta, Span
from ...records.base import Bound, trusted
from ...records.times import Anchor, Duration, Precision, Recurrence, TimeExpression, TimeKind
from .calendar import add_duration, add_months, festival_after, lunar_after, month_end
from .find import Atom, Found
from .rules import rules

_ONE_DAY: Final = dt.timedelta(days=1)
_YEAR_UNITS: Final = {"年"}


@dataclass(frozen=True, slots=True)
class DocAnchor:
    """What relative expressions count from."""

    year: int | None = None
    day: dt.date | None = None
    """The day festivals and ``自印发之日起`` count from (the document's date if known)."""
    source: Anchor | None = None
    date: dt.date | None = None
    """The document's own date."""


def anchor_for(meta: Meta) -> DocAnchor:
    """The anchor of a document: its stated start year, else the year of its date."""
    date: dt.date | None = None
    if meta.date:
        try:
            date = dt.date.fromisoformat(meta.date[:10])
        except ValueError:
            date = None
    if meta.start_year is not None:
        same = date is not None and date.year == meta.start_year
        day = date if same else dt.date(meta.start_year, 1, 1)
        return DocAnchor(meta.start_year, day, "start_year", date)
    if date is not None:
        return DocAnchor(date.year, date, "date", date)
    return DocAnchor()


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; own __init__ (faster)
class Interval:
    """The days a point covers and how it was worked out."""

    first: dt.date | None
    last: dt.date | None
    precision: Precision | None
    relative: bool = False

    def __init__(
        self,
        first: dt.date | None,
        last: dt.date | None,
        precision: Precision | None,
        relative: bool = False,
    ) -> None:
        self.first = first
        self.last = last
        self.precision = precision
        self.relative = relative

    @property
    def resolved(self) -> bool:
        return self.first is not None and self.last is not None


_UNRESOLVED: Final = Interval(None, None, None, True)


def _num(s: str | None) -> float | None:
    if not s:
        return None
    frac = rules().fraction_words.get(s)
    return frac if frac is not None else parse_number(s)


def _int(s: str | None) -> int | None:
    v = _num(s)
    return int(v) if v is not None and v == int(v) else None


def _year_of(
    parts: dict[str, str], anchor: DocAnchor, year_hint: int | None
) -> tuple[int | None, bool]:
    """The year a point names, and whether it is relative to the document."""
    if "y" in parts:
        return int(parts["y"]), False
    if "cy" in parts:
        return _int(parts["cy"]), False
    if "iy" in parts:
        return int(parts["iy"]), False
    if year_hint is not None:
        return year_hint, False
    if "ry" in parts:
        offset = rules().relative_years.get(parts["ry"])
        if offset is None:  # 次年, 当年: counted from another time in the text
            return None, True
        return (anchor.year + offset if anchor.year is not None else None), True
    return anchor.year, True


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def point_interval(a: Atom, anchor: DocAnchor, year_hint: int | None = None) -> Interval:
    """The days a ``point`` atom covers (``2024年3月`` → 2024-03-01..2024-03-31)."""
    r = rules()
    p = a.parts
    year, relative = _year_of(p, anchor, year_hint)
    if "iy" in p:
        d = _safe_date(int(p["iy"]), int(p["im"]), int(p["id"]))
        return Interval(d, d, "day") if d else Interval(None, None, "day")
    if year is None:
        # Unresolved: still say how fine it is (a leap year stands in for the unknown one).
        shape = point_interval(a, anchor, year_hint=2000)
        return Interval(None, None, shape.precision, relative)
    if "q" in p:
        q = _int(p["q"]) or 1
        first = dt.date(year, 3 * q - 2, 1)
        last = month_end(year, 3 * q)
        if p.get("qm") == "末":
            return Interval(last, last, "day", relative)
        if p.get("qm") == "初":
            return Interval(first, month_end(year, 3 * q - 2), "month", relative)
        return Interval(first, last, "quarter", relative)
    if "qn" in p:
        n = _int(p["qn"]) or 1
        return Interval(dt.date(year, 1, 1), month_end(year, 3 * n), "quarter", relative)
    mod = p.get("ymod") or p.get("bw")
    if mod and mod in r.year_modifiers:
        ym = r.year_modifiers[mod]
        first = dt.date(year, *ym.from_)
        last = dt.date(year, *ym.to)
        precision: Precision = "day" if first == last else "half_year" if "半年" in mod else "month"
        return Interval(first, last, precision, relative)
    if "m" in p:
        month = _int(p["m"])
        if month is None or not 1 <= month <= 12:
            return Interval(None, None, None, relative)
        if "m2" in p:
            month2 = _int(p["m2"])
            if month2 is None or not month <= month2 <= 12:
                return Interval(None, None, None, relative)
            return Interval(dt.date(year, month, 1), month_end(year, month2), "month", relative)
        last_day = month_end(year, month)
        if "d" in p:
            day = _int(p["d"])
            d = _safe_date(year, month, day) if day else None
            return Interval(d, d, "day", relative) if d else Interval(None, None, "day", relative)
        if "mm" in p:
            mm = r.month_modifiers[p["mm"]]
            lo = mm.first or last_day.day
            hi = mm.last or last_day.day
            first, last = dt.date(year, month, lo), dt.date(year, month, hi)
            return Interval(first, last, "day" if lo == hi else "ten_days", relative)
        return Interval(dt.date(year, month, 1), last_day, "month", relative)
    return Interval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", relative)


def _plan_years(a: Atom) -> tuple[int, int] | None:
    ordinal = _int(a.parts.get("ord"))
    return rules().plan_periods.years(ordinal) if ordinal else None


def plan_interval(a: Atom) -> tuple[Interval, TimeKind]:
    """The days a plan name covers, and whether it names the period or one year of it."""
    pp = rules().plan_periods
    years = _plan_years(a)
    if years is None:
        return Interval(None, None, None), "period"
    first, last = years
    word = a.parts.get("pw", "")
    if word in pp.end_words:
        return Interval(dt.date(last, 1, 1), dt.date(last, 12, 31), "year"), "year"
    if word in pp.begin_words:
        return Interval(dt.date(first, 1, 1), dt.date(first, 12, 31), "year"), "year"
    return Interval(dt.date(first, 1, 1), dt.date(last, 12, 31), "year"), "period"


def atom_interval(a: Atom, anchor: DocAnchor, year_hint: int | None = None) -> Interval:
    """The days any point-like atom covers."""
    if a.type == "point":
        return point_interval(a, anchor, year_hint)
    if a.type == "plan":
        return plan_interval(a)[0]
    if a.type == "range":
        y1, y2 = int(a.parts["y1"]), int(a.parts["y2"])
        return Interval(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year")
    if a.type == "named":
        y = rules().named_years[a.parts["named"]]
        return Interval(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if a.type == "festival":
        if year_hint is not None:  # 2024年春节, 2024年农历正月十五: that day in that year
            day = _festival_day(a, dt.date(year_hint - 1, 12, 31), inclusive=False)
            ok = day is not None and day.year == year_hint
            return Interval(day, day, "day") if ok else Interval(None, None, "day")
        if anchor.day is None:
            return _UNRESOLVED
        # the next one from the document's day (a lunar date may be that day itself)
        day = _festival_day(a, anchor.day, inclusive="fest" not in a.parts)
        return Interval(day, day, "day", True) if day else _UNRESOLVED
    if a.type == "docstart":
        d = anchor.date
        return Interval(d, d, "day", True) if d else _UNRESOLVED
    return Interval(None, None, None)


def _festival_day(a: Atom, after: dt.date, *, inclusive: bool) -> dt.date | None:
    """The first day after ``after`` of a named festival (春节) or a lunar date (正月十五)."""
    p = a.parts
    if "fest" in p:
        return festival_after(p["fest"], after, inclusive=inclusive)
    month = rules().lunar_month_names.get(p["lm"]) or _int(p["lm"])
    day = _int(p["ld"].removeprefix("初").replace("廿", "二十"))
    if month is None or day is None:
        return None
    return lunar_after(month, day, after, inclusive=inclusive)


def _duration(a: Atom) -> Duration | None:
    """The length of a ``limit``, ``relperiod`` or ``effort`` atom."""
    r = rules()
    p = a.parts
    if a.type == "limit":
        unit = r.limit_units[p["lu"]].unit
        bound: Bound = "eq"
        if "lb" in p:
            bound = r.limit_before[p["lb"]]
        elif "la" in p:
            bound = r.limit_after[p["la"]]
        lo, hi = _num(p.get("ln")), _num(p.get("ln2"))
    elif a.type == "relperiod":
        unit, bound, lo, hi = "年", "eq", _num(p.get("rn")), _num(p.get("rn2"))
    elif a.type == "effort":
        unit, bound, lo, hi = "年", "eq", _num(p.get("en")), _num(p.get("en2"))
    else:
        return None
    if lo is None:
        return None
    if hi is not None:
        return Duration(low=lo, high=hi, unit=unit, bound=bound)
    return Duration(value=lo, unit=unit, bound=bound)


def _longest(d: Duration) -> float | None:
    return d.high if d.high is not None else d.value


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; own __init__ (faster)
class Resolution:
    """A record and the warnings its resolution raised."""

    record: TimeExpression | None
    warnings: tuple[tuple[str, str], ...] = ()

    def __init__(
        self, record: TimeExpression | None, warnings: tuple[tuple[str, str], ...] = ()
    ) -> None:
        self.record = record
        self.warnings = warnings


def _limit_end(start: Interval, d: Duration) -> tuple[dt.date | None, tuple[int, ...]]:
    """The last day of a limit ``d`` counted from the point ``start``."""
    n = _longest(d)
    if start.first is None or n is None:
        return None, ()
    if start.precision == "day":
        res = add_duration(start.first, n, d.unit)
        return (res.end, res.fallback_years) if res else (None, ())
    # A coarser start counts itself: 2020年起3年内 → 2020..2022.
    months = {"月": 1, "季度": 3, "年": 12}.get(d.unit)
    if months is not None:
        if n != int(n):
            return None, ()
        return add_months(start.first, int(n) * months) - _ONE_DAY, ()
    res = add_duration(start.first - _ONE_DAY, n, d.unit)
    return (res.end, res.fallback_years) if res else (None, ())


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; own __init__ (faster)
class _Builder:
    """Makes the records of one expression (span, evidence and the document's anchor)."""

    span: Span
    text: str
    doc_anchor: Anchor | None

    def __init__(self, span: Span, text: str, doc_anchor: Anchor | None) -> None:
        self.span = span
        self.text = text
        self.doc_anchor = doc_anchor

    def make(
        self,
        kind: TimeKind,
        iv: Interval | None = None,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        year: int | None = None,
        precision: Precision | None = None,
        relative: bool = False,
        resolved: bool = True,
        duration: Duration | None = None,
        recurrence: Recurrence | None = None,
        anchor: Anchor | None = None,
    ) -> TimeExpression:
        if iv is not None:
            relative = relative or iv.relative
            resolved = resolved and iv.resolved
            precision = precision or iv.precision
        if relative and anchor is None:
            anchor = self.doc_anchor
        # every value is of its field's type (the signature says so): no validation needed
        values = {
            "span": self.span,
            "kind": kind,
            "year": year if resolved else None,
            "start": start if resolved else None,
            "end": end if resolved else None,
            "resolved": resolved,
            "text": self.text,
            "precision": precision,
            "duration": duration,
            "recurrence": recurrence,
            "relative": relative,
            "anchor": anchor if resolved and (relative or anchor == "text") else None,
        }
        return trusted(TimeExpression, values)

    def relative_years(self, anchor: DocAnchor, d: Duration, *, period: bool) -> TimeExpression:
        """``三年内`` (a deadline) or ``今后五年`` (a period), the anchor year counting as first."""
        kind: TimeKind = "period" if period else "deadline"
        n = _longest(d)
        if anchor.year is None or n is None or n != int(n) or n < 1:
            return self.make(kind, duration=d, relative=True, resolved=False, precision="year")
        last = anchor.year + int(n) - 1
        start = dt.date(anchor.year, 1, 1) if period else None
        return self.make(
            kind, start=start, end=dt.date(last, 12, 31), year=last, duration=d,
            relative=True, precision="year",
        )  # fmt: skip


def resolve(f: Found, anchor: DocAnchor, span: Span, text: str) -> Resolution:
    """The record for one found expression (none for an impossible date such as 2月30日)."""
    res = _resolve(f, anchor, span, text)
    rec = res.record
    if rec is not None and not rec.resolved and not rec.relative:
        return Resolution(None)
    return res


def _resolve(f: Found, anchor: DocAnchor, span: Span, text: str) -> Resolution:
    r = rules()
    a = f.atoms[0]
    b = _Builder(span, text, anchor.source)

    if f.role == "recurrence":
        unit = r.recurrence_units[a.parts["ru"]]
        every = _int(a.parts.get("rn")) or 1
        return Resolution(b.make("recurrence", recurrence=Recurrence(unit=unit, interval=every)))

    if f.role == "range":
        if a.type == "range":
            iv = atom_interval(a, anchor)
            return Resolution(b.make("period", iv, start=iv.first, end=iv.last, year=_y(iv.last)))
        first = atom_interval(a, anchor)
        second_atom = f.atoms[1]
        hint = first.first.year if first.first is not None and _no_year(second_atom) else None
        second = point_interval(second_atom, anchor, year_hint=hint)
        if first.first and second.last and second.last < first.first:
            return Resolution(None)
        iv = Interval(
            first.first, second.last, _coarser(first.precision, second.precision),
            first.relative or second.relative,
        )  # fmt: skip
        # 即日起至…: from the document's own date
        used: Anchor | None = "date" if a.type == "docstart" else None
        return Resolution(
            b.make("period", iv, start=iv.first, end=iv.last, year=_y(iv.last), anchor=used)
        )

    if f.role in ("point", "deadline", "start"):
        iv = atom_interval(a, anchor)
        if a.type == "festival" and len(f.atoms) == 2:  # 2024年春节, 明年春节
            hint, rel = _year_of(f.atoms[1].parts, anchor, None)
            iv = atom_interval(a, anchor, hint) if hint is not None else _UNRESOLVED
            iv = replace(iv, relative=iv.relative or rel)
        if f.role == "deadline":
            end = iv.last
            if a.type == "festival" and "fest" in a.parts and end is not None:
                end -= _ONE_DAY  # 春节前: the day before it (a date such as 正月十五前: on it)
            return Resolution(b.make("deadline", iv, end=end, year=_y(end)))
        if f.role == "start":
            used = "date" if a.type == "docstart" else None
            return Resolution(b.make("start", iv, start=iv.first, year=_y(iv.first), anchor=used))
        kind: TimeKind
        if a.type == "plan":
            iv, kind = plan_interval(a)
        elif a.type == "range" or iv.precision in ("quarter", "half_year") or "m2" in a.parts:
            kind = "period"
        elif iv.precision == "year":
            kind = "year"
        else:
            kind = "date"
        return Resolution(b.make(kind, iv, start=iv.first, end=iv.last, year=_y(iv.last)))

    if f.role == "start_limit":
        iv = atom_interval(a, anchor)
        d = _duration(f.atoms[1])
        if d is None:
            return Resolution(None)
        end, fallback = _limit_end(iv, d)
        warns = (_fallback_warning(fallback),) if fallback else ()
        return Resolution(
            b.make(
                "deadline", iv, start=iv.first, end=end, year=_y(end), duration=d,
                resolved=end is not None, anchor=_limit_anchor(a, iv),
            ),
            warns,
        )  # fmt: skip

    d = _duration(a)
    if d is None:
        return Resolution(None)
    if f.role == "limit":
        p = a.parts
        window = d.unit in _YEAR_UNITS and p.get("la") in rules().year_window_words
        if not window or "lb" in p or f.not_window:
            return Resolution(b.make("duration", duration=d))
        return Resolution(b.relative_years(anchor, d, period=False))
    if f.role == "relperiod":
        return Resolution(b.relative_years(anchor, d, period=True))
    if f.role == "effort":
        return Resolution(b.relative_years(anchor, d, period=False))
    return Resolution(None)


def _limit_anchor(a: Atom, iv: Interval) -> Anchor | None:
    """What a start-with-limit counts from: the document's date, its anchor, or the text."""
    if a.type == "docstart":
        return "date"
    return None if iv.relative else "text"


def _fallback_warning(years: tuple[int, ...]) -> tuple[str, str]:
    h = rules().holidays
    listed = ", ".join(str(y) for y in years)
    return (
        "holiday_data_missing",
        f"no public-holiday data for {listed} (covered: {h.first_year}-{h.last_year}); "
        "working days counted as Monday to Friday",
    )


def _y(d: dt.date | None) -> int | None:
    return d.year if d is not None else None


def _no_year(a: Atom) -> bool:
    return a.type == "point" and not ({"y", "cy", "iy", "ry"} & a.parts.keys())


_ORDER: dict[str | None, int] = {
    "day": 0, "ten_days": 1, "month": 2, "quarter": 3, "half_year": 4, "year": 5, None: 6,
}  # fmt: skip


def _coarser(a: Precision | None, b: Precision | None) -> Precision | None:
    return a if _ORDER[a] >= _ORDER[b] else b


_SENTENCE_END: Final = patterncache.compile(r"[。！？!?\n]")


def _written_year(f: Found) -> bool:
    """Whether ``f`` writes a year of its own (2023年度, 2021—2025年, “十四五”)."""
    return any(
        a.type in ("range", "plan") or not {"y", "cy", "iy"}.isdisjoint(a.parts) for a in f.atoms
    )


def _year_offset(f: Found) -> int | None:
    """The offset of the relative year ``f`` holds (下一年度 → 1), or ``None``."""
    years = rules().relative_years
    for a in f.atoms:
        word = a.parts.get("ry")
        if word is not None and word in years:
            return years[word]
    return None


def counted_from_text(norm: str, found: Sequence[Found]) -> set[int]:
    """The positions in ``found`` (in text order) of relative years that count from another
    time of their sentence rather than from the document: a year with an offset (上年度,
    下一年度) in a sentence that holds a recurrence (每年1月底前报送上年度…) or has a time
    with a written year before it (2023年度考核结果在下一年度兑现). One that starts a
    recurrence (明年起每年…) still counts from the document.
    """
    rel = [i for i, f in enumerate(found) if f.role != "start" and (_year_offset(f) or 0) != 0]
    if not rel:
        return set()
    ends = [m.start() for m in _SENTENCE_END.finditer(norm)]

    def sentence(pos: int) -> int:
        return bisect_left(ends, pos)

    out: set[int] = set()
    for i in rel:
        f = found[i]
        here = sentence(f.start)
        j = i - 1
        while j >= 0 and sentence(found[j].start) == here:
            g = found[j]
            if g.role == "recurrence" or (g.end <= f.start and _written_year(g)):
                out.add(i)
                break
            j -= 1
        j = i + 1
        while i not in out and j < len(found) and sentence(found[j].start) == here:
            if found[j].role == "recurrence":
                out.add(i)
            j += 1
    return out
