"""Responsible unit records."""

from __future__ import annotations

from .base import Record, Role, Span


class ResponsibleUnit(Record):
    """One unit named in a responsibility block, with its role."""

    span: Span
    name: str
    role: Role
    block: Span
    """The whole responsibility block the unit was found in."""
    provision: str | None = None
