"""Responsible unit records."""

from __future__ import annotations

from typing import Literal

from .base import Record, Role, Span

UnitKind = Literal["government_department", "peoples_government", "enterprise", "other"]
UnitLevel = Literal["national", "provincial", "municipal", "county"]


class ResponsibleUnit(Record):
    """One unit named in a responsibility block, with its role."""

    span: Span
    """Where the unit is written (for an expanded unit such as 牟平区 of 牟平区、芝罘区政府,
    the part written for it; for a unit a table cell inherits through 同上, the row above where
    it is written, so this span then lies before ``block``)."""
    name: str
    """The unit as the document names it: white space removed, a trailing 等 dropped, a shared
    head word added (牟平区政府)."""
    role: Role
    block: Span
    """The whole responsibility block the unit was found in (for an inherited unit, the row
    whose 同上 cell names it)."""
    provision: str | None = None
    """The id of the provision (task) the block closes."""
    canonical: str | None = None
    """The standard short form of the name (省发改委 → 省发展改革委), half-width punctuation."""
    kind: UnitKind | None = None
    """government_department, peoples_government, enterprise or other."""
    level: UnitLevel | None = None
    """national, provincial, municipal or county, where the name shows it."""
