"""Span checks shared by the tests: every span of every record lies in the text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from policyparse.records import PolicyDocument, Span

_WS = re.compile(r"\s+")


def iter_spans(obj: Any, path: str = "") -> Iterator[tuple[str, Span]]:
    """Every span inside a record, with a path naming it."""
    if isinstance(obj, Span):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from iter_spans(getattr(obj, name), f"{path}.{name}")
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from iter_spans(item, f"{path}[{i}]")


def squash(s: str) -> str:
    """Text without white space, for comparing evidence across line breaks."""
    return _WS.sub("", s)


def check_spans(doc: PolicyDocument) -> None:
    """Assert that every span is in range and that records' spans cover their evidence."""
    n = len(doc.text)
    for path, span in iter_spans(doc):
        assert 0 <= span.start <= span.end <= n, f"{path} {span} out of range 0..{n}"
    for sec in doc.sections:
        ev = squash(doc.evidence(sec.span))
        if sec.number:
            assert sec.number in ev, (sec, ev)
        assert sec.title in ev or squash(sec.title) in ev, (sec, ev)
    for prov in doc.provisions:
        ev = squash(doc.evidence(prov.span))
        assert ev.startswith(prov.number), (prov, ev[:20])
        if prov.heading:
            assert prov.heading in ev
    for sent in doc.sentences:
        assert doc.evidence(sent.span).strip(), sent
    for unit in doc.responsible_units:
        block = doc.evidence(unit.block)
        assert unit.span.start >= unit.block.start and unit.span.end <= unit.block.end
        assert squash(doc.evidence(unit.span)), (unit, block)
    for q in doc.quantities:
        assert re.search(
            r"[\d０-９一二三四五六七八九十百千万亿两半倍番〇零]", doc.evidence(q.span)
        ), q
    for t in doc.targets:
        qs = t.quantity.span
        assert t.span.start <= qs.start and qs.end <= t.span.end, t
    for e in doc.entities:
        assert squash(doc.evidence(e.span)) == squash(e.text), e
