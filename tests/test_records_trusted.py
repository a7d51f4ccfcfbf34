"""Records made without validation (``records.base.trusted``) equal validated ones."""

from __future__ import annotations

import copy
import pickle

import pytest
from pydantic import BaseModel, ValidationError

from policyparse.normalize import _span
from policyparse.records import Paragraph, Provision, Section, Sentence, Span
from policyparse.records.base import trusted, trusted_all

SPAN = Span(start=3, end=9)
CASES: list[tuple[type[BaseModel], dict[str, object]]] = [
    (Span, {"start": 0, "end": 0}),
    (Span, {"start": 12, "end": 40}),
    (
        Section,
        {
            "id": "s1",
            "level": 1,
            "kind": "cn_number",
            "number": "一、",
            "title": "总体要求",
            "span": SPAN,
            "body": Span(start=3, end=120),
            "parent": None,
        },
    ),
    (
        Provision,
        {
            "id": "p2",
            "number": "（二）",
            "heading": None,
            "span": SPAN,
            "heading_span": None,
            "section": "s4",
            "parent": "p1",
        },
    ),
    (Paragraph, {"id": "para7", "span": SPAN, "provision": None}),
    (Sentence, {"id": "sent3", "span": SPAN, "paragraph": "para1", "provision": "p1"}),
]


@pytest.mark.parametrize(("cls", "values"), CASES)
def test_trusted_equals_validated(cls: type[BaseModel], values: dict[str, object]) -> None:
    made = trusted(cls, dict(values))  # type: ignore[type-var]
    checked = cls.model_validate(dict(values))
    assert made == checked
    assert made.model_fields_set == checked.model_fields_set
    assert made.model_dump() == checked.model_dump()
    assert made.model_dump_json() == checked.model_dump_json()
    assert repr(made) == repr(checked)
    assert hash(made) == hash(checked)
    assert cls.model_validate(made.model_dump()) == made
    assert pickle.loads(pickle.dumps(made)) == checked
    assert copy.deepcopy(made) == checked


@pytest.mark.parametrize(("cls", "values"), CASES)
def test_trusted_all_equals_trusted(cls: type[BaseModel], values: dict[str, object]) -> None:
    many = trusted_all(cls, [dict(values), dict(values)])  # type: ignore[type-var]
    assert many == [cls.model_validate(values)] * 2


def test_shared_fields_set_survives_copies_and_assignment() -> None:
    """Trusted records of a class share one set of fields; nothing pydantic does to one record
    changes it for the others."""
    first, second = trusted_all(Span, [{"start": 0, "end": 1}, {"start": 2, "end": 3}])
    shared = set(first.model_fields_set)
    with pytest.raises(ValidationError):
        first.start = 5  # type: ignore[misc]
    copied = first.model_copy(update={"start": 0})
    assert copied.model_fields_set == shared
    assert pickle.loads(pickle.dumps(first)).model_fields_set == shared
    assert second.model_fields_set == shared == {"start", "end"}


def test_trusted_record_stays_frozen_and_copies_apart() -> None:
    sent = trusted(Sentence, {"id": "sent1", "span": SPAN, "paragraph": None, "provision": None})
    with pytest.raises(ValidationError):
        sent.id = "sent2"  # type: ignore[misc]
    moved = sent.model_copy(update={"provision": "p1"})
    assert moved.provision == "p1"
    assert sent.provision is None
    assert sent.model_fields_set == set(Sentence.model_fields)


@pytest.mark.parametrize(("start", "end"), [(0, 0), (0, 1), (5, 5), (7, 120), (10**6, 10**6 + 3)])
def test_span_cache_makes_valid_spans(start: int, end: int) -> None:
    span = _span(start, end)
    assert span == Span(start=start, end=end)
    assert span.model_fields_set == {"start", "end"}


@pytest.mark.parametrize(("start", "end"), [(5, 3), (-1, 2), (-4, -1)])
def test_span_cache_still_refuses_invalid_offsets(start: int, end: int) -> None:
    with pytest.raises(ValidationError):
        _span(start, end)
