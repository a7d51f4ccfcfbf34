"""Named entity records."""

from __future__ import annotations

from typing import Literal

from .base import Record, Span

EntityLabel = Literal["GOV", "ORG", "GPE", "LAW", "PROGRAM"]


class Entity(Record):
    """A named entity found in the text."""

    label: EntityLabel
    span: Span
    text: str
