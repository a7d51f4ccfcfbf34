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
