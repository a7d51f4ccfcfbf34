"""Target records: indicator, quantity and deadline of a quantitative goal."""

from __future__ import annotations

from .base import Record, Span
from .quantity import Quantity


class Deadline(Record):
    """The year by which a target is to be reached."""

    year: int
    span: Span | None = None
    inherited: bool = False


class Target(Record):
    """A quantity the document commits or aspires to reach."""

    span: Span
    indicator: str
    quantity: Quantity
    deadline: Deadline | None = None
    provision: str | None = None
