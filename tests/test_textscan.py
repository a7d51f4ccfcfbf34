"""Small text scans shared by the stages."""

from __future__ import annotations

import pytest

from policyparse.textscan import bracket_depth, char_offsets, is_cell_row, row_cells


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("市发展改革委（牵头）、市财政局", 0),
        ("市发展改革委（牵头、市财政局", 1),
        ("（一）完成（按（年度）计划", 1),
        ("1）加强领导（责任单位", 1),  # a stray closing bracket counts for nothing
        ("北京(21个)、上海（15个", 1),
        ("", 0),
    ],
)
def test_round_bracket_depth(text: str, depth: int) -> None:
    assert bracket_depth(text, 0, len(text)) == depth


def test_bracket_depth_of_a_slice_and_other_brackets() -> None:
    text = "前文（不计）【牵头单位：市商务局〔市口岸办"
    start = text.index("【")
    assert bracket_depth(text, start, len(text)) == 0  # round brackets only, by default
    assert bracket_depth(text, start, len(text), "【〔", "】〕") == 2
    assert bracket_depth(text, 0, text.index("不"), "【〔(（", "】〕)）") == 1


def test_char_offsets_and_cells() -> None:
    assert sorted(char_offsets("A、B，C、D", "、，")) == [1, 3, 5]
    row = "1\t建设充电设施\t市发展改革委"
    assert is_cell_row(row) and row_cells(row) == ["1", "建设充电设施", "市发展改革委"]
    assert not is_cell_row("到2025年，新建充电桩5000个。")
