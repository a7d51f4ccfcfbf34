"""A task table whose cells are apart by tabs, bars, runs of spaces or full-width spaces: its
rows belong to the body when it ends the document, and no target runs across its cells."""

from __future__ import annotations

import pytest

import policyparse

ROWS = [
    ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
    ("1", "培育数字经济核心企业50家", "市经信局", "市发展改革委、市财政局", "2025年12月"),
    ("2", "建设5G基站3000个", "市通信管理办", "市住建局", "2026年6月"),
    ("3", "新增上云企业1000家以上", "市经信局", "市大数据局", "2026年12月"),
]


@pytest.mark.parametrize("sep", ["\t", "  ", "   ", "|", "\u3000", "\u3000\u3000"])
def test_every_row_of_a_closing_table_gives_its_target(sep: str) -> None:
    text = "某市数字经济重点任务分工表\n" + "".join(sep.join(r) + "\n" for r in ROWS)
    doc = policyparse.parse(text)
    got = [(t.indicator, t.deadline.year if t.deadline else None) for t in doc.targets]
    assert got == [("数字经济核心企业数量", 2025), ("5G基站数量", 2026), ("新增上云企业数量", 2026)]
    assert len(doc.sentences) == 3
    for t in doc.targets:  # the span stays inside the task cell
        assert "市" not in doc.text[t.span.start : t.span.end]


def test_co_signing_bodies_after_a_table_stay_out_of_the_body() -> None:
    text = (
        "关于推进某项工作的通知\n各有关单位：\n为推进工作，制定重点任务如下。\n"
        + "".join("  ".join(r) + "\n" for r in ROWS)
        + "\n交通运输部　　国家发展改革委　　公安部\n2025年3月2日\n"
    )
    doc = policyparse.parse(text)
    bodies = [doc.text[s.span.start : s.span.end] for s in doc.sentences]
    assert not any("交通运输部" in b for b in bodies)
    assert len(doc.targets) == 3


def test_prose_with_one_wide_gap_is_no_row() -> None:
    text = "到2026年，全市新建公园10个。\n二、保障措施　　加强组织领导，落实工作责任。\n"
    doc = policyparse.parse(text)
    assert [t.indicator for t in doc.targets] == ["全市新建公园数量"]
