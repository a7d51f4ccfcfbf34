"""Target records: indicator, quantity and deadline of a quantitative goal."""

from __future__ import annotations

from .base import Record, Span
from .quantity import Quantity


class Deadline(Record):
    """The year by which a target is to be reached."""

    year: int
    span: Span | None = None
    """The time expression the year was read from."""
    inherited: bool = False
    """True when the year is written outside the target's sentence (a lead-in, heading or
    earlier sentence of its paragraph or list)."""


class Target(Record):
    """A quantity the document commits or aspires to reach."""

    span: Span
    indicator: str
    quantity: Quantity
    deadline: Deadline | None = None
    provision: str | None = None
    indicator_span: Span | None = None
    """Where the indicator is written, when it is one stretch of the text (null when it is
    assembled from a shared subject, a ``分别`` list or an earlier clause)."""
    commitment: str | None = None
    """The commitment word that governs the target (``力争``, ``确保``, ``争取``, ``努力``)."""
