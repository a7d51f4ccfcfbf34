"""Fuzz tests: no input makes a reader or ``parse()`` crash, hang or return broken spans.

Every reader is fed random and damaged bytes; it must return text or raise a coded
``PolicyParseError``. ``parse()`` is fed random policy-like text; every span of every record
must lie in the text. Pathological inputs (a million-character line, 100,000 nested brackets,
a 50 MB file) must finish or fail with a code within a time bound.
"""

from __future__ import annotations

import io
import time
import zipfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policyparse
from policyparse.errors import FileTooLarge, PolicyParseError
from policyparse.readers import MAX_TEXT_CHARS, read_bytes
from policyparse.readers.html import html_text

from .conftest import CORPUS_FILES
from .spancheck import iter_spans
from .wordbinary import word_document

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_POLICY_CHARS = (
    "一二三四五六七八九十百千万亿元个家年月日到前后以上以下不低于超过达到牵头负责配合"
    "省市县区委办厅局政府发展改革经信科技财政加强推进建设责任单位。，、；：！？（）()《》“”"
    "【】〔〕%％0123456789０１２３４５—-.·\n\n\n    \u3000\t#"
)
policy_text = st.text(alphabet=_POLICY_CHARS, max_size=400)


def _read(data: bytes, name: str) -> None:
    try:
        loaded = read_bytes(data, path=name)
    except PolicyParseError as exc:
        assert exc.code.startswith("PP") and "\n" not in str(exc)
        return
    assert "\r" not in loaded.text and loaded.text.strip()


@cache
def _sample_docx() -> bytes:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in CORPUS_FILES[1].read_text(encoding="utf-8").splitlines()[:12]:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@cache
def _sample_pdf() -> bytes:
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 12)
    for i, line in enumerate(CORPUS_FILES[1].read_text(encoding="utf-8").splitlines()[:8]):
        c.drawString(40, 800 - 20 * i, line[:40])
    c.showPage()
    c.save()
    return buf.getvalue()


@FUZZ
@given(
    data=st.binary(max_size=3000),
    suffix=st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf", ""]),
)
def test_random_bytes_under_any_name(data: bytes, suffix: str) -> None:
    _read(data, f"f{suffix}")


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes_behind_magic_numbers(data: bytes) -> None:
    for head in (b"%PDF-1.7\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf", b"\xff\xfe"):
        _read(head + data, "x")


@FUZZ
@given(
    cut=st.integers(min_value=1, max_value=10**6), flips=st.lists(st.integers(0, 10**6), max_size=8)
)
def test_damaged_docx(cut: int, flips: list[int]) -> None:
    data = bytearray(_sample_docx())
    for f in flips:
        data[f % len(data)] ^= 0x5A
    _read(bytes(data[: max(1, cut % (len(data) + 1))]), "d.docx")


@FUZZ
@given(
    cut=st.integers(min_value=1, max_value=10**6), flips=st.lists(st.integers(0, 10**6), max_size=8)
)
def test_damaged_pdf(cut: int, flips: list[int]) -> None:
    data = bytearray(_sample_pdf())
    for f in flips:
        data[f % len(data)] ^= 0x5A
    start = time.monotonic()
    _read(bytes(data[: max(1, cut % (len(data) + 1))]), "d.pdf")
    assert time.monotonic() - start < 20


@cache
def _sample_doc() -> bytes:
    lines = CORPUS_FILES[1].read_text(encoding="utf-8").splitlines()[:12]
    return word_document([(line + "\r", line.isascii()) for line in lines if line.strip()])


@FUZZ
@given(
    cut=st.integers(min_value=1, max_value=10**6),
    flips=st.lists(st.integers(0, 10**6), max_size=8),
    suffix=st.sampled_from([".doc", ".wps", ".docx", ""]),
)
def test_damaged_doc(cut: int, flips: list[int], suffix: str) -> None:
    data = bytearray(_sample_doc())
    for f in flips:
        data[f % len(data)] ^= 0x5A
    _read(bytes(data[: max(1, cut % (len(data) + 1))]), f"d{suffix}")


@FUZZ
@given(header=st.binary(min_size=0, max_size=900), pieces=st.binary(min_size=0, max_size=400))
def test_doc_with_random_fib_and_piece_table(header: bytes, pieces: bytes) -> None:
    """Random bytes where the FIB and the piece table stand."""
    word = bytearray(_sample_doc())
    at = word.index(b"\xec\xa5")
    word[at + 2 : at + 2 + len(header)] = header[: len(word) - at - 2]
    table_at = word.index(b"\x01\x03\x00")  # the Clx: property modifiers, then the pieces
    word[table_at : table_at + len(pieces)] = pieces[: len(word) - table_at]
    _read(bytes(word), "r.doc")


_TAGS = ["p", "div", "span", "br", "script", "style", "table", "tr", "td", "li", "nav", "b", "pre"]


@st.composite
def markup(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(_TAGS))
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(st.text(alphabet=_POLICY_CHARS + "<>&;\"'=/!-", max_size=40)))
    return "".join(parts)


@FUZZ
@given(page=markup())
def test_random_markup(page: str) -> None:
    text = html_text(page)
    assert "\r" not in text
    _read(("<html>" + page).encode("utf-8"), "p.html")
    _read(("<html>" + page).encode("gb18030"), "p.html")


def test_script_and_style_never_leak() -> None:
    page = "<html><body><p>正文。</p><script>var s='<p>不是正文</p>'</script><style>p{}</style>"
    assert html_text(page) == "正文。\n"


@FUZZ
@given(text=policy_text)
def test_parse_spans_always_point_into_the_text(text: str) -> None:
    doc = policyparse.parse(text)
    assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n")
    for where, span in iter_spans(doc):
        assert 0 <= span.start <= span.end <= len(doc.text), where


def _timed(fn, limit: float) -> None:  # type: ignore[no-untyped-def]
    start = time.monotonic()
    fn()
    took = time.monotonic() - start
    assert took < limit, f"took {took:.1f} s"


def test_fifty_megabyte_text_file_fails_fast_with_a_code(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = "加强组织领导，落实工作责任。到2025年，建成平台10个。\n".encode()
    path.write_bytes(line * (50 * 1024 * 1024 // len(line)))

    def run() -> None:
        with pytest.raises(FileTooLarge, match="PP105"):
            policyparse.parse_file(path)

    _timed(run, 20)
    assert MAX_TEXT_CHARS < 50 * 1024 * 1024 // 3


def test_zip_bomb_stops_at_the_cap() -> None:
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("word/document.xml", "w", force_zip64=True) as fh,
    ):
        fh.write(b"<w:document xmlns:w='urn:w'><w:body><w:p><w:r><w:t>")
        zero = b"0" * (1 << 20)
        for _ in range(300):
            fh.write(zero)
        fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    data = buf.getvalue()
    assert len(data) < 1_000_000

    def run() -> None:
        with pytest.raises(FileTooLarge):
            read_bytes(data, path="bomb.docx")

    _timed(run, 10)


def test_docx_with_a_lying_size_header_stops_at_the_cap() -> None:
    from policyparse.readers import docx as docx_reader

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "word/document.xml",
            "<w:document xmlns:w='urn:w'><w:body>"
            + "<w:p><w:r><w:t>加强领导。</w:t></w:r></w:p>" * 20000
            + "</w:body></w:document>",
        )
    old = docx_reader.MAX_XML_BYTES
    docx_reader.MAX_XML_BYTES = 100_000
    try:
        with pytest.raises(FileTooLarge):
            read_bytes(buf.getvalue(), path="big.docx")
    finally:
        docx_reader.MAX_XML_BYTES = old


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("deep.html", b"<html><body>" + b"<div>" * 100_000 + "深".encode() + b"</div>" * 100_000),
        ("deep.docx", None),
        ("dtd.docx", None),
    ],
)
def test_deeply_nested_markup(name: str, data: bytes | None) -> None:
    if data is None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            if name == "dtd.docx":
                body = (
                    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
                    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>'
                )
            else:
                body = "<w:document xmlns:w='urn:w'>" + "<w:p>" * 100_000 + "深"
                body += "</w:p>" * 100_000 + "</w:document>"
            zf.writestr("word/document.xml", body)
        data = buf.getvalue()
    _timed(lambda: _read(data, name), 30)
