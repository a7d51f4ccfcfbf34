"""Baseline records: a statistic the document states about the present or the past."""

from __future__ import annotations

from .base import Record, Span
from .quantity import Quantity


class Baseline(Record):
    """An indicator's value in a stated year (``2020年，…实现工业总产值2150.71亿元``)."""

    span: Span
    indicator: str
    quantity: Quantity
    year: int | None = None
    provision: str | None = None
