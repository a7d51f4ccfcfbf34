"""Named entity records."""

from __future__ import annotations

from typing import Literal

from .base import Record, Span

EntityLabel = Literal["GOV", "ORG", "GPE", "LAW", "PROGRAM"]
EntitySource = Literal["gazetteer", "pattern"]


class Entity(Record):
    """A named entity found in the text.

    Entities may nest: a place inside a longer name (``杭州`` in ``杭州医药港``) is an entity of
    its own with ``nested`` true; the longer one has ``nested`` false. Entities with ``nested``
    false never overlap each other.
    """

    label: EntityLabel
    span: Span
    text: str
    canonical: str | None = None
    """The full or official form: ``浙江省`` for ``浙江``, ``国家药品监督管理局`` for
    ``国家药监局``, a title without its brackets, a document number as ``国办发〔2016〕11号``."""
    source: EntitySource = "pattern"
    """``gazetteer`` for a name found in a packaged list, ``pattern`` for one found by a rule."""
    code: str | None = None
    """For a place: its six-digit administrative division code, when the name is unambiguous."""
    nested: bool = False
    """True when the entity lies inside a longer entity of another label."""
