"""Reading text files: encodings, line endings and coded errors."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import policyparse
from policyparse.errors import (
    BinaryFile,
    EmptyFile,
    FileNotFound,
    PolicyParseError,
    UndecodableText,
)
from policyparse.readers import read_bytes

from .conftest import CORPUS

DOC = CORPUS / "002_4a73ca354384d462.txt"


@pytest.mark.parametrize(
    ("encode", "expected"),
    [
        (lambda s: s.encode("utf-8"), "utf-8"),
        (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8-sig"),
        (lambda s: s.encode("gbk"), "gbk"),
        (lambda s: s.encode("gb18030"), "gbk"),
        (lambda s: s.encode("utf-16"), "utf-16"),
        (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16"),
    ],
)
def test_same_text_in_every_encoding(tmp_path: Path, encode, expected: str) -> None:  # type: ignore[no-untyped-def]
    original = DOC.read_text(encoding="utf-8")
    path = tmp_path / "doc.txt"
    path.write_bytes(encode(original))
    doc = policyparse.parse_file(path)
    assert doc.text == original
    assert doc.source.encoding == expected
    assert doc.source.format == "txt"
    ref = policyparse.parse_file(DOC)
    assert [p.number for p in doc.provisions] == [p.number for p in ref.provisions]


def test_gb18030_only_characters() -> None:
    text = "㐀㐁为加快发展，制定本方案。€"
    loaded = read_bytes(text.encode("gb18030"), path="x.txt")
    assert loaded.text == text
    assert loaded.source.encoding == "gb18030"


def test_crlf_becomes_lf() -> None:
    loaded = read_bytes("一、总体要求\r\n加强领导。\r旧式换行。".encode())
    assert loaded.text == "一、总体要求\n加强领导。\n旧式换行。"


def test_markdown_format(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# 实施方案\n\n## 一、总体要求\n\n加强领导，落实责任。\n", encoding="utf-8")
    doc = policyparse.parse_file(path)
    assert doc.source.format == "md"
    assert doc.meta.title == "实施方案"


@pytest.mark.parametrize(
    ("data", "error", "code"),
    [
        (b"", EmptyFile, "PP101"),
        (b"  \n\n ", EmptyFile, "PP101"),
        (bytes(range(256)) * 8, BinaryFile, "PP102"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, BinaryFile, "PP102"),
        (b"\xff\xfe\x00\xd8", UndecodableText, "PP103"),
        (b"\x81\x30\x81" * 40, UndecodableText, "PP103"),
    ],
)
def test_bad_files_raise_coded_errors(tmp_path: Path, data: bytes, error: type, code: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(error) as info:
        policyparse.parse_file(path)
    message = str(info.value)
    assert message.startswith(code) and str(path) in message and "\n" not in message
    assert isinstance(info.value, PolicyParseError)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFound, match="PP100"):
        policyparse.parse_file(tmp_path / "nope.txt")


def _zip(names: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in names.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _ole(*streams: str) -> bytes:
    """An OLE container's header and a directory naming ``streams`` (names are UTF-16)."""
    entries = b"".join(
        name.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64 for name in streams
    )
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + entries


@pytest.mark.parametrize(
    ("name", "data", "outcome"),
    [
        ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "PP106"),
        ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "PP104"),
        ("a.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "PP107"),
        # a legacy .doc renamed .docx (its WordDocument stream) is not a protected file: it
        # is read as a .doc, and this one (a directory alone) is damaged
        ("a.docx", _ole("WordDocument", "1Table"), "PP106"),
        ("a.doc", _ole("WordDocument", "1Table"), "PP106"),
        # a protected .docx is an OLE file holding an EncryptedPackage, whatever its name
        ("a.docx", _ole("EncryptionInfo", "EncryptedPackage"), "PP107"),
        ("a.doc", _ole("EncryptionInfo", "EncryptedPackage"), "PP107"),
        ("a.rtf", b"{\\rtf1\\ansi hello}", "PP104"),
        ("a.xlsx", _zip({"xl/workbook.xml": b"<x/>"}), "PP104"),
        ("a.docx", _zip({"xl/workbook.xml": b"<x/>"}), "PP106"),
        ("a.docx", "加强领导。".encode(), "PP106"),
        ("a.pdf", "加强领导。".encode(), "PP106"),
        ("a.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PP106"),
        ("a.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "PP102"),
        ("page.pdf", "<!DOCTYPE html><html><body><p>加强领导。</p></body></html>".encode(), "html"),
        ("page.docx", "<html><body><p>加强领导。</p></body></html>".encode("gbk"), "html"),
        ("page.txt", "<!doctype html><title>t</title><p>加强领导。</p>".encode(), "html"),
        ("notes.txt", "<p>是正文里的尖括号</p>，照原样读。".encode(), "txt"),
        ("noext", "<div>加强领导。</div>".encode(), "html"),
        ("readme.md", "<div>加强领导。</div>\n\n# 标题\n".encode(), "md"),
        ("a.html", "加强组织领导。".encode("gbk"), "html"),
    ],
)
def test_format_and_errors_from_content(name: str, data: bytes, outcome: str) -> None:
    if outcome.startswith("PP"):
        with pytest.raises(PolicyParseError) as info:
            read_bytes(data, path=name)
        assert info.value.code == outcome, str(info.value)
        assert str(info.value).startswith(f"{outcome} {name}: ")
    else:
        loaded = read_bytes(data, path=name)
        assert loaded.source.format == outcome
        assert "加强领导" in loaded.text or "尖括号" in loaded.text or "组织领导" in loaded.text


UTF16_TEXTS = [
    DOC.read_text(encoding="utf-8"),  # a whole document: Chinese with some digits
    "关于支持𠀀𪚥䶮产业园发展的通知\n一、到2025年，产值达到100亿元。\n二、省𫖯局牵头。\n",
    "加强领导，落实责任，确保实效。\n",  # one line, a single ASCII byte pair
    "Article 1: by 2025, GDP grows 5%.\n",  # all ASCII
]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", UTF16_TEXTS, ids=["doc", "rare", "one-line", "ascii"])
def test_utf16_without_byte_order_mark(codec: str, text: str) -> None:
    """Chinese characters have no NUL byte in UTF-16: a mostly Chinese file has few NULs."""
    loaded = read_bytes(text.encode(codec), path="x.txt")
    assert loaded.text == text
    assert loaded.source.encoding == "utf-16"


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"\x00\x01\x02\x03\xfe\xff" * 500,
        "加强领导。".encode("utf-16-le") + b"\x00",  # odd length
    ],
)
def test_binary_with_nul_bytes_is_not_utf16(data: bytes) -> None:
    with pytest.raises(BinaryFile):
        read_bytes(data, path="x.txt")
