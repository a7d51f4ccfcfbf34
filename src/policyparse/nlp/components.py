"""spaCy components of the policyparse pipeline, registered through ``spacy_factories``.

- ``policyparse_entities``: ``doc.ents`` (top-level entities) and ``doc.spans["entities"]``
  (all, nested ones included) from the PolicyDocument's ``entities``.
- ``policyparse_records``: span groups ``quantities``, ``times``, ``targets`` and
  ``responsible_units``, aligned to tokens with ``alignment_mode="expand"``.

Both read ``doc._.policy`` (set by the policyparse tokenizer) or parse ``doc.text`` when it is
missing, so they also work after another tokenizer.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..records import PolicyDocument
from .tokenizer import get_policy, parse_for, set_policy

SPAN_GROUPS = ("quantities", "times", "targets", "responsible_units")
"""The record kinds shown as span groups, each under its own key in ``doc.spans``."""


def policy_of(doc: Doc) -> PolicyDocument:
    """The PolicyDocument of a Doc: the tokenizer's, or parsed now (and kept)."""
    policy = get_policy(doc)
    # The length of doc.text without building it (doc.text joins every token).
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if policy is None or len(policy.text) != length:
        policy = parse_for(doc.text)
        set_policy(doc, policy)
    return policy


def _span(doc: Doc, start: int, end: int, label: str, mode: str = "strict") -> Span | None:
    span: Span | None = doc.char_span(start, end, label=label, alignment_mode=mode)
    if span is None and mode == "strict":
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
    return span


def _label(kind: str, record: Any) -> str:
    if kind == "quantities":
        return str(record.kind)
    if kind == "times":
        return str(record.kind)
    if kind == "responsible_units":
        return str(record.role)
    return "target"


class EntityComponent:
    """Sets ``doc.ents`` and ``doc.spans["entities"]`` from the PolicyDocument."""

    def __call__(self, doc: Doc) -> Doc:
        policy = policy_of(doc)
        ents: list[Span] = []
        group: list[Span] = []
        for e in policy.entities:
            span = _span(doc, e.span.start, e.span.end, e.label)
            if span is None:
                continue
            group.append(span)
            if not e.nested:
                ents.append(span)
        doc.ents = filter_spans(ents)
        doc.spans["entities"] = group
        return doc


class RecordComponent:
    """Adds a span group per record kind (quantities, times, targets, responsible units)."""

    def __call__(self, doc: Doc) -> Doc:
        policy = policy_of(doc)
        for kind in SPAN_GROUPS:
            spans: list[Span] = []
            for record in getattr(policy, kind):
                span = _span(
                    doc, record.span.start, record.span.end, _label(kind, record), "expand"
                )
                if span is not None:
                    spans.append(span)
            doc.spans[kind] = spans
        return doc


@Language.factory("policyparse_entities")
def make_entities(nlp: Language, name: str) -> EntityComponent:
    """Factory of the entities component."""
    return EntityComponent()


@Language.factory("policyparse_records")
def make_records(nlp: Language, name: str) -> RecordComponent:
    """Factory of the records component."""
    return RecordComponent()
