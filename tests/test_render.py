"""The notebook views: highlighted HTML, self-contained pages and pandas tables."""

from __future__ import annotations

import builtins
import html
import re
from pathlib import Path
from typing import Any

import pytest

import policyparse
from policyparse.errors import MissingDependency, UsageError
from policyparse.htmlview import describe, table, to_html
from policyparse.records import PolicyDocument
from policyparse.tabular import RECORD_KINDS


def _plain(fragment: str) -> str:
    """The visible text of the highlighted part of a fragment."""
    body = fragment.split('<div class="pp-text">', 1)[1].rsplit("</div></div>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def test_repr_html_keeps_text_and_marks_records(corpus_docs: dict[str, PolicyDocument]) -> None:
    doc = corpus_docs["004"]
    fragment = doc._repr_html_()
    assert _plain(fragment) == doc.text
    assert 'class="pp-targets' in fragment and 'class="pp-responsible_units' in fragment
    assert 'class="pp-entities pp-GOV"' in fragment
    target = doc.targets[0]
    assert html.escape(f"target: {target.indicator}", quote=True) in fragment
    unit = doc.responsible_units[0]
    assert html.escape(f"responsible unit ({unit.role}): {unit.name}", quote=True) in fragment


def test_titles_show_resolved_values() -> None:
    doc = policyparse.parse("到2025年，全省医药工业产值达到4000亿元。支持杭州医药港建设。")
    fragment = to_html(doc)
    assert "quantity (money): 4000 亿元" in fragment
    assert "GPE = 杭州市 [330100]" in fragment
    assert "ORG" in describe("entities", doc.entities[0])


def test_text_is_escaped() -> None:
    doc = policyparse.parse('<script>alert("x")</script> 由省科技厅牵头 & 省财政厅配合')
    fragment = to_html(doc)
    assert "<script>" not in fragment
    assert "&lt;script&gt;" in fragment and "&amp;" in fragment
    assert _plain(fragment) == doc.text


def test_render_writes_a_self_contained_page(
    corpus_docs: dict[str, PolicyDocument], tmp_path: Path
) -> None:
    doc = corpus_docs["000"]
    out = policyparse.render(doc, tmp_path / "doc.html")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<script" not in page and "<link" not in page and "http" not in page.split("<body>")[0]
    assert "<style>" in page
    assert _plain(page.split("<body>", 1)[1]) == doc.text


def test_render_unwritable_path_is_coded(tmp_path: Path) -> None:
    doc = policyparse.parse("由省科技厅牵头。")
    with pytest.raises(policyparse.PolicyParseError, match="PP500"):
        policyparse.render(doc, tmp_path / "missing" / "dir" / "a.html")


def test_only_some_kinds() -> None:
    doc = policyparse.parse("到2025年，全省医药工业产值达到4000亿元。由省科技厅牵头。")
    fragment = to_html(doc, kinds=["entities"])
    assert "pp-quantities" not in fragment.split("</style>")[1]
    with pytest.raises(UsageError, match="PP400"):
        to_html(doc, kinds=["nothing"])


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_table_for_every_kind(corpus_docs: dict[str, PolicyDocument], kind: str) -> None:
    doc = corpus_docs["004"]
    frame = doc.table(kind)
    records = getattr(doc, kind)
    assert len(frame) == len(records)
    if records and hasattr(records[0], "span"):
        assert "evidence" in frame.columns and "span.start" in frame.columns


def test_table_contents(corpus_docs: dict[str, PolicyDocument]) -> None:
    doc = corpus_docs["004"]
    units = doc.table("responsible_units")
    assert {"name", "role", "evidence"} <= set(units.columns)
    assert "省科技厅" in set(units["name"])
    targets = doc.table("targets")
    assert {"indicator", "quantity.value", "quantity.unit", "deadline.year"} <= set(targets.columns)
    ents = doc.table("entities")
    assert set(ents["label"]) >= {"GOV", "GPE"}


def test_empty_table_has_columns() -> None:
    frame = policyparse.parse("无").table("targets")
    assert len(frame) == 0 and "indicator" in frame.columns


def test_unknown_kind_is_coded() -> None:
    with pytest.raises(UsageError, match="PP400"):
        policyparse.parse("无").table("nothing")


def test_missing_pandas_is_coded(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(MissingDependency, match=r"PP401 .*policyparse\[pandas\]"):
        table(policyparse.parse("由省科技厅牵头。"), "entities")
