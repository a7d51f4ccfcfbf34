"""The Word 97–2003 reader: pieces, stories, fields, table marks and damaged files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import policyparse
from policyparse.cli import app
from policyparse.errors import PolicyParseError
from policyparse.readers import read_bytes
from policyparse.readers.doc import read_doc

from .wordbinary import compound_file, word_document


def _code(data: bytes, name: str = "a.doc") -> str:
    with pytest.raises(PolicyParseError) as info:
        read_bytes(data, path=name)
    return info.value.code


def test_pieces_in_order_whatever_their_storage() -> None:
    data = word_document(
        [
            ("关于印发黔南州茶产业提质增效三年行动方案的通知\r", False),
            ("Phase 1 (2025-2027)\r", True),  # 8-bit piece
            ("到2027年，全州茶园面积稳定在180万亩。\r", False),
        ]
    )
    assert read_doc(data).splitlines() == [
        "关于印发黔南州茶产业提质增效三年行动方案的通知",
        "Phase 1 (2025-2027)",
        "到2027年，全州茶园面积稳定在180万亩。",
    ]


def test_only_the_main_story_is_text() -> None:
    main = "一、总体要求\r（一）发展目标。新建高标准农田5万亩。\r"
    header = "某县人民政府办公室文件\r— 2 —\r"
    data = word_document([(main, False), (header, False)], main=len(main))
    text = read_doc(data)
    assert "新建高标准农田5万亩" in text
    assert "某县人民政府办公室文件" not in text and "— 2 —" not in text


def test_field_codes_dropped_and_results_kept() -> None:
    text = (
        '详见\x13 HYPERLINK "http://www.example.gov.cn/a.html" \x14《实施细则》\x15。\r'
        "共\x13 NUMPAGES \x14\x13 QUOTE 3 \x143\x15\x15页\r"  # a field inside a field's result
        "\x13 PAGE \x15无结果的域不留文字。\r"
    )
    lines = read_doc(word_document([(text, False)])).splitlines()
    assert lines == ["详见《实施细则》。", "共3页", "无结果的域不留文字。"]


def test_table_cells_and_rows_become_lines() -> None:
    rows = (
        "序号\x07重点任务\x07牵头单位\x07配合单位\x07\x07"
        "1\x07建设充电设施\x07市发展改革委\x07市住房城乡建设局、市交通运输局\x07\x07"
    )
    data = word_document([("二、任务分工\r", False), (rows, False)])
    assert read_doc(data).splitlines() == [
        "二、任务分工",
        "序号",
        "重点任务",
        "牵头单位",
        "配合单位",
        "1",
        "建设充电设施",
        "市发展改革委",
        "市住房城乡建设局、市交通运输局",
    ]


def test_control_characters_and_line_marks() -> None:
    text = "第一条\x0b为了规范管理\x01，制定本办法。\x0c第二条\x1e本办法适用于全市\x1f范围。\r"
    assert read_doc(word_document([(text, False)])).splitlines() == [
        "第一条",
        "为了规范管理，制定本办法。",
        "第二条-本办法适用于全市范围。",
    ]


def test_units_and_targets_read_from_a_doc(tmp_path: Path) -> None:
    text = (
        "某市新能源汽车推广应用实施方案\r"
        "一、主要目标\r"
        "到2027年，全市新建公共充电桩5000个以上。（责任单位：市发展改革委、市住房城乡建设局）\r"
    )
    path = tmp_path / "方案.doc"
    path.write_bytes(word_document([(text, False)]))
    doc = policyparse.parse_file(path)
    assert doc.source.format == "doc"
    assert [(u.name, u.role) for u in doc.responsible_units] == [
        ("市发展改革委", "unspecified"),
        ("市住房城乡建设局", "unspecified"),
    ]
    (target,) = doc.targets
    assert (target.quantity.value, target.quantity.unit) == (5000, "个")
    assert target.deadline is not None and target.deadline.year == 2027


def test_a_doc_under_another_name_is_read_by_content(tmp_path: Path) -> None:
    data = word_document([("加强组织领导。\r", False)])
    for name in ("a.docx", "a.wps", "a.bin"):
        assert read_bytes(data, path=name).source.format == "doc"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (word_document([("保密文件。\r", False)], encrypted=True), "PP107"),
        (word_document([("一九九七年以前的格式。\r", False)], n_fib=0x0065), "PP104"),
        # an OLE file with no WordDocument stream (a workbook) is not read
        (compound_file({"Workbook": b"\0" * 4096}), "PP104"),
    ],
)
def test_protected_old_and_other_office_files(data: bytes, code: str) -> None:
    assert _code(data) == code


def test_damaged_files_are_coded_errors() -> None:
    good = word_document([("加强组织领导。\r", False)])
    assert _code(good[:1024]) == "PP106"  # cut short
    broken_fib = bytearray(good)
    at = good.index(b"\xec\xa5")  # the FIB's signature
    broken_fib[at : at + 2] = b"\0\0"
    assert _code(bytes(broken_fib)) == "PP106"
    # a piece table pointing past the end of the text
    far = word_document([("加强组织领导。\r", False)], main=10_000)
    assert read_doc(far).strip() == "加强组织领导。"  # stops where the pieces end


def test_batch_walks_folders_for_doc_and_wps(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.doc").write_bytes(word_document([("到2026年，新增绿道20公里。\r", False)]))
    (folder / "b.wps").write_bytes(word_document([("加强组织领导。\r", False)]))
    (folder / "c.doc").write_bytes(compound_file({"Workbook": b"\0" * 4096}))  # an .xls
    (folder / "d.xls").write_bytes(compound_file({"Workbook": b"\0" * 4096}))  # not walked
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(folder), "-o", str(out), "-j", "1", "-q"])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.doc.json", "b.wps.json"]
    assert "c.doc" in result.output and "PP104" in result.output
    assert "d.xls" not in result.output
