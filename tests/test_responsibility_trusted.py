"""Responsible units made without validation (``records.base.trusted``) equal validated ones."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from policyparse.extract import responsibility
from policyparse.pipeline import build_context
from policyparse.readers import read_path
from policyparse.records import ResponsibleUnit

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [
    ROOT / "corpus",
    ROOT / "tests" / "fixtures" / "responsibility",
    ROOT / "tests" / "fixtures" / "responsibility_heldout",
]
DOCS = sorted(
    p
    for folder in FOLDERS
    for p in folder.iterdir()
    if p.suffix in (".txt", ".html", ".docx") and not p.name.startswith("_")
)
TEXTS = [
    # units that inherit through 同上, shared heads, role tails, conventions
    "（一）加强建设。（位列第一的为牵头单位，下同）（市发改委、市财政局、牟平区、芝罘区政府）",
    "推进改造。（县级民政部门具体负责，省、市两级民政部门督促指导）",
    "办好峰会。（长沙市工业和信息化局指导，党政综合办、长沙国际会展中心具体承办）",
]


def _units_of(text: str) -> list[ResponsibleUnit]:
    ctx = build_context(text)
    responsibility.run(ctx)
    return ctx.responsible_units


def _assert_equal_to_validated(units: list[ResponsibleUnit]) -> None:
    for u in units:
        checked = ResponsibleUnit.model_validate(u.model_dump())
        assert u == checked
        assert u.model_fields_set == checked.model_fields_set
        assert list(u.__dict__) == list(checked.__dict__)  # field order
        for name, value in u.__dict__.items():
            assert type(value) is type(checked.__dict__[name]), name
        assert u.model_dump_json() == checked.model_dump_json()
        assert repr(u) == repr(checked)
        assert hash(u) == hash(checked)
        assert pickle.loads(pickle.dumps(u)) == checked


@pytest.mark.parametrize("text", TEXTS)
def test_written_text(text: str) -> None:
    units = _units_of(text)
    assert units
    _assert_equal_to_validated(units)


def test_documents() -> None:
    count = 0
    for path in DOCS:
        units = _units_of(read_path(path).text)
        _assert_equal_to_validated(units)
        count += len(units)
    assert count > 2000
