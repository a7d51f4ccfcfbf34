"""Time expression records: points, periods, deadlines, durations, recurrences."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .base import Bound, Record, Span

TimeKind = Literal[
    "year", "date", "period", "deadline", "start", "duration", "recurrence", "relative"
]
"""What the expression is. ``relative`` is kept for compatibility and not emitted: a relative
expression has its own kind (``deadline`` for ``三年内``, ``period`` for ``二季度``) and
``relative=True``."""

Precision = Literal["year", "half_year", "quarter", "month", "ten_days", "day"]
RecurrenceUnit = Literal["year", "half_year", "quarter", "month", "ten_days", "week", "day"]
Anchor = Literal["text", "start_year", "date"]


class Duration(Record):
    """A length of time: ``30个工作日`` → 30 工作日; ``3至5年`` → low 3, high 5 年."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str
    """As FORMAT.md writes it: ``工作日``, ``日``, ``天``, ``周``, ``月``, ``季度``, ``年``,
    ``小时``, ``自然日``."""
    bound: Bound = "eq"
    """``le`` for a limit (``以内``, ``内``, ``不超过``), ``ge`` for a minimum (``不少于``)."""


class Recurrence(Record):
    """How often something happens: ``每季度`` → quarter, ``每三年`` → year every 3."""

    unit: RecurrenceUnit
    interval: int = 1


class TimeExpression(Record):
    """A time expression and what it resolves to.

    ``year`` is the year the expression points at: a point's own year, the year of a
    deadline's end, the last year of a period (``“十四五”期间`` → 2025), the first year of a
    start. ``start``/``end`` are the first and last days it covers (a deadline has only
    ``end`` unless a start is written; a start has only ``start``).
    """

    span: Span
    kind: TimeKind
    year: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    resolved: bool = True
    """False when a relative expression had nothing to be resolved against."""
    text: str | None = None
    """The evidence as read in the normalized working copy (half-width, no spaces)."""
    precision: Precision | None = None
    """The finest calendar unit written (``2024年3月`` → month)."""
    duration: Duration | None = None
    recurrence: Recurrence | None = None
    relative: bool = False
    """True when the expression is relative to the document (``年底前``, ``三年内``)."""
    anchor: Anchor | None = None
    """What a relative expression was resolved against: a time written just before it
    (``2020年起3年内``), the document's stated start year, or its date."""
