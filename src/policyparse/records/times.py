"""Time expression records: points, periods, deadlines, durations, recurrences."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .base import Record, Span

TimeKind = Literal[
    "year", "date", "period", "deadline", "start", "duration", "recurrence", "relative"
]


class TimeExpression(Record):
    """A time expression and what it resolves to."""

    span: Span
    kind: TimeKind
    year: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    resolved: bool = True
