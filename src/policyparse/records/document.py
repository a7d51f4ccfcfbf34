"""The document record that holds every other record."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, PrivateAttr

from .base import Record, Span
from .baseline import Baseline
from .entity import Entity
from .outline import Paragraph, Provision, Section, Sentence
from .quantity import Quantity
from .responsibility import ResponsibleUnit
from .target import Target
from .times import TimeExpression

if TYPE_CHECKING:
    import pandas

    from ..segment import Token

SourceFormat = Literal["text", "txt", "md", "html", "docx", "doc", "pdf"]


class Source(Record):
    """Where the text came from."""

    path: str | None = None
    sha256: str | None = None
    format: SourceFormat = "text"
    encoding: str | None = None


class PlanPeriod(Record):
    """The years a plan covers, such as 2021..2025 for a 十四五 plan."""

    start: int
    end: int


class Meta(Record):
    """Facts about the document as a whole."""

    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None
    """ISO date (``YYYY-MM-DD``) the document was issued or published."""
    plan_period: PlanPeriod | None = None
    start_year: int | None = None
    """The year the document states as its start, for relative times."""


class Warning(Record):
    """Something the pipeline noticed but could not settle."""

    code: str
    message: str
    span: Span | None = None


class PolicyDocument(Record):
    """A policy document and every record extracted from it."""

    schema_version: Literal["1"] = "1"
    source: Source
    text: str
    meta: Meta
    sections: list[Section] = Field(default_factory=list)
    provisions: list[Provision] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    baselines: list[Baseline] = Field(default_factory=list)
    responsible_units: list[ResponsibleUnit] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)

    _tokens: list[Token] | None = PrivateAttr(default=None)

    def evidence(self, span: Span) -> str:
        """The text a span points at."""
        return self.text[span.start : span.end]

    def tokens(self) -> list[Token]:
        """jieba tokens of ``text`` with their offsets (computed once, on demand)."""
        if self._tokens is None:
            from ..segment import tokenize

            self._tokens = tokenize(self.text)
        return self._tokens

    def to_json(self, **kwargs: Any) -> str:
        """The document as JSON text (the exported form)."""
        return self.model_dump_json(**kwargs)

    def _repr_html_(self) -> str:
        """Jupyter's view: the text with its records highlighted (see ``policyparse.render``)."""
        from ..htmlview import to_html

        return to_html(self)

    def table(self, kind: str) -> pandas.DataFrame:
        """One kind of record (``"targets"``, ``"quantities"``, …) as a pandas DataFrame."""
        from ..htmlview import table

        return table(self, kind)
