"""The pipeline pauses the cyclic garbage collector during a parse; what that relies on."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import policyparse
from policyparse.pipeline import collector_paused

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_a_parse_leaves_no_reference_cycles() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    policyparse.parse(text)  # warm: rule data and caches load outside the measured parse
    gc.collect()
    gc.disable()
    try:
        doc = policyparse.parse(text)
        found = gc.collect()
    finally:
        gc.enable()
    assert doc.responsible_units and doc.targets
    assert found == 0  # reference counting alone freed what the parse dropped


def test_collector_state_is_restored() -> None:
    assert gc.isenabled()
    policyparse.parse("到2025年，全县森林覆盖率达到65%以上。")
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # paused by the caller: left paused
    finally:
        gc.enable()


def test_a_parsed_document_joins_the_oldest_generation() -> None:
    gc.collect()
    doc = policyparse.parse("到2025年，全县森林覆盖率达到65%以上。（责任单位：县林业局）")
    young = {id(o) for o in gc.get_objects(generation=0)} | {
        id(o) for o in gc.get_objects(generation=1)
    }
    assert id(doc) not in young and id(doc.targets[0]) not in young
    assert any(o is doc for o in gc.get_objects(generation=2))


def test_objects_the_caller_froze_stay_frozen() -> None:
    gc.collect()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        doc = policyparse.parse("到2025年，全县森林覆盖率达到65%以上。")
        assert gc.get_freeze_count() == frozen  # nothing of the caller's was unfrozen
        assert doc.targets
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_assembled_document_equals_a_validated_one(path: Path) -> None:
    """The document is assembled without validation: every list holds records of its field's
    type, and validating the dumped document gives the same document."""
    doc = policyparse.parse(path.read_text(encoding="utf-8"))
    for name, field in type(doc).model_fields.items():
        value = getattr(doc, name)
        if isinstance(value, list):
            (item_type,) = field.annotation.__args__  # type: ignore[union-attr]
            assert all(type(x) is item_type for x in value), name
    checked = type(doc).model_validate(doc.model_dump())
    assert checked == doc
    assert checked.model_dump_json() == doc.model_dump_json()
