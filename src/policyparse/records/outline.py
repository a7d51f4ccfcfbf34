"""Records of the document's outline: sections, provisions, paragraphs, sentences."""

from __future__ import annotations

from typing import Literal

from .base import Record, Span

HeadingKind = Literal[
    "chapter", "article", "cn_number", "paren_cn", "arabic", "paren_arabic", "markdown"
]


class Section(Record):
    """A heading of the outline and the stretch of text it governs."""

    id: str
    level: int
    kind: HeadingKind
    number: str | None
    title: str
    span: Span
    """The heading line (its number and title)."""
    body: Span
    """From the heading to the next heading of the same or a higher level."""
    parent: str | None = None


class Provision(Record):
    """A numbered task item such as ``（三）强化创新研究能力建设。…``."""

    id: str
    number: str
    heading: str | None
    span: Span
    """The whole item, from its number to the start of the next item."""
    heading_span: Span | None = None
    section: str | None = None
    parent: str | None = None


class Paragraph(Record):
    """A block of body text: one line of the source's body (a heading line too)."""

    id: str
    span: Span
    provision: str | None = None


class Sentence(Record):
    """A sentence, ended by 。！？ or a line break."""

    id: str
    span: Span
    paragraph: str | None = None
    provision: str | None = None
