"""Quantity records: a number with its unit and bound."""

from __future__ import annotations

from typing import Literal

from .base import Bound, Record, Span

QuantityKind = Literal["amount", "percent", "money", "multiple", "duration", "count"]


class Quantity(Record):
    """A written amount: one value, or a range ``low``–``high`` with ``value`` null."""

    span: Span
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    bound: Bound = "eq"
    kind: QuantityKind = "amount"
    yuan: float | None = None
    """For money: the amount in 元."""
