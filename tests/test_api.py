"""The public surface: __all__, typing marker, tokens, frozen records, and never-failing parse."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import policyparse
from policyparse.records import PolicyDocument, Span

from .spancheck import check_spans


def test_all_is_exact() -> None:
    assert sorted(policyparse.__all__) == [
        "PolicyDocument",
        "PolicyParseError",
        "__version__",
        "load_nlp",
        "parse",
        "parse_file",
        "render",
        "tokenize",
    ]
    for name in policyparse.__all__:
        assert getattr(policyparse, name) is not None


def test_py_typed_shipped() -> None:
    assert resources.files("policyparse").joinpath("py.typed").is_file()


def test_import_is_light() -> None:
    code = "import sys, policyparse.cli; print('jieba' in sys.modules, 'spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_tokens_with_package_dictionary() -> None:
    doc = policyparse.parse("由省发展改革委牵头，省卫生健康委配合。")
    words = [t.text for t in doc.tokens()]
    assert "省发展改革委" in words and "省卫生健康委" in words
    for t in doc.tokens():
        assert doc.text[t.start : t.end] == t.text


def test_records_are_frozen_and_strict() -> None:
    span = Span(start=1, end=3)
    with pytest.raises(ValidationError):
        span.start = 2  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Span(start=1, end=3, extra=1)  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Span(start=3, end=1)


def test_round_trip_json(corpus_docs: dict[str, PolicyDocument]) -> None:
    doc = corpus_docs["001"]
    again = PolicyDocument.model_validate_json(doc.to_json())
    assert again == doc


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("一二十（）()、，。；：\n 　#1２3.%％亿元第章条到年责任单位牵头：省厅局")
        )
        | st.characters(),
        max_size=400,
    )
)
def test_parse_never_raises(text: str) -> None:
    doc = policyparse.parse(text)
    check_spans(doc)
