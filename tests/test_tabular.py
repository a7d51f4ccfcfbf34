"""Flat rows of records."""

from __future__ import annotations

import pytest

from policyparse.records import PolicyDocument
from policyparse.tabular import RECORD_KINDS, rows


def test_rows_of_provisions(corpus_docs: dict[str, PolicyDocument]) -> None:
    doc = corpus_docs["001"]
    table = rows(doc, "provisions")
    assert len(table) == 22
    first = table[0]
    assert first["number"] == "(一)" and first["heading"] == "加快壮大产业规模"
    assert first["span.start"] < first["span.end"]
    assert first["evidence"].startswith("(一)加快壮大产业规模。")


def test_every_kind_is_a_list(corpus_docs: dict[str, PolicyDocument]) -> None:
    for kind in RECORD_KINDS:
        assert isinstance(rows(corpus_docs["003"], kind), list)


def test_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown record kind"):
        rows(PolicyDocument.model_validate({"source": {}, "text": "", "meta": {}}), "nope")
