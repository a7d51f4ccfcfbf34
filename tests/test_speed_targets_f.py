"""The cheap string tests put before patterns of the targets stage answer as the patterns do."""

from __future__ import annotations

from policyparse.extract.targets.deadline import _ends_with
from policyparse.extract.targets.indicator import _HAS_END, _PLACE_PREPOSITIONS


def test_ends_with_stays_inside_its_range() -> None:
    text = "到2025年：\n  \n"
    assert _ends_with(text, len(text), ":：")
    assert _ends_with(text, len(text), ":：", 0)
    # a range of white space alone ends with nothing, whatever stands before it
    assert not _ends_with(text, len(text), ":：", 8)


def test_place_prepositions_are_single_characters() -> None:
    assert all(len(p) == 1 for p in _PLACE_PREPOSITIONS)
    assert "在" in _PLACE_PREPOSITIONS and "在于" not in _PLACE_PREPOSITIONS


def test_has_end_needs_you() -> None:
    assert _HAS_END.search("每个乡镇至少有")
    assert not _HAS_END.search("每个乡镇至少")
