"""Quantity records: a number with its unit and bound."""

from __future__ import annotations

from typing import Literal

from .base import Bound, Record, Span

QuantityKind = Literal[
    "amount", "percent", "money", "multiple", "duration", "count", "return_period"
]
"""What a quantity measures: ``money`` (元, 万元, 美元 …), ``percent`` (%, ‰, 百分点),
``multiple`` (倍), ``duration`` (年, 月, 周, 工作日, 小时 …), ``count`` (家, 个, 项, 人 …),
``return_period`` (a design return period: 年一遇, 防洪标准达到50年一遇) and ``amount`` for
other measures (亩, 公里, 吨, 万千瓦 …)."""


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
    yuan_low: float | None = None
    """For a money range: ``low`` in 元."""
    yuan_high: float | None = None
    """For a money range: ``high`` in 元."""
    text: str | None = None
    """The evidence, ``text[span.start:span.end]``: number, unit and adjacent bound words."""
    base_unit: str | None = None
    """The unit without its magnitude word (``万人`` → ``人``, ``亿元`` → ``元``)."""
    magnitude: float | None = None
    """What the magnitude word in the unit stands for (``万人`` → 10000; 1 when there is none)."""
