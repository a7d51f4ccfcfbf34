"""One corpus document in every input format gives the same document.

The document is written in the test as UTF-8, GBK and UTF-16 text, as an HTML page (UTF-8 and
GB2312, with site navigation and a footer around it), as a .docx (python-docx) and as a .pdf
(reportlab, with a page header, page numbers and wrapped lines). Each must give the same
sentences, responsible units (name, role) and targets (indicator, value, unit) as the .txt.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from pathlib import Path

import pytest

import policyparse
from policyparse.records import PolicyDocument

from .conftest import CORPUS
from .spancheck import iter_spans, squash

DOCS = [CORPUS / "001_e2500fec77624139.txt", CORPUS / "002_4a73ca354384d462.txt"]


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def as_html(text: str, charset: str) -> bytes:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(text))
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>政策文件_门户网站</title><style>.x {{ color: red }}</style>
<script>document.write("<p>脚本里的文字</p>");</script></head>
<body>
<div class="top"><nav><a href="/">首页</a> | <a href="/zc">政策文件</a></nav></div>
<div class="breadcrumb">当前位置：首页 &gt; 政策文件</div>
<div class="article">
{body}
<p style="display:none">隐藏的段落不是正文。</p>
</div>
<div class="share">分享到：微信 微博</div>
<footer><p>版权所有：某某省人民政府办公厅</p><p>网站标识码 3300000001</p></footer>
</body></html>
"""
    return page.encode(charset)


def as_docx(text: str) -> bytes:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "某某省人民政府文件"
    section.footer.paragraphs[0].text = "— 1 —"
    for p in _paragraphs(text):
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def as_pdf(text: str) -> bytes:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=12, leading=20, wordWrap="CJK", firstLineIndent=24
    )

    def furniture(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("STSong-Light", 9)
        canvas.drawString(72, A4[1] - 40, "某某省人民政府办公厅文件")
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")

    buf = io.BytesIO()
    story = [Paragraph(html.escape(p), style) for p in _paragraphs(text)]
    SimpleDocTemplate(buf, pagesize=A4).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buf.getvalue()


FORMATS: dict[str, tuple[str, Callable[[str], bytes], str, str | None]] = {
    # name: (file suffix, encoder, expected source.format, expected source.encoding)
    "utf8": (".txt", lambda t: t.encode("utf-8"), "txt", "utf-8"),
    "gbk": (".txt", lambda t: t.encode("gbk"), "txt", "gbk"),
    "utf16": (".txt", lambda t: t.encode("utf-16"), "txt", "utf-16"),
    "html-utf8": (".html", lambda t: as_html(t, "utf-8"), "html", "utf-8"),
    "html-gb2312": (".htm", lambda t: as_html(t, "gb2312"), "html", "gb2312"),
    "docx": (".docx", as_docx, "docx", None),
    "pdf": (".pdf", as_pdf, "pdf", None),
}


def _sentences(doc: PolicyDocument) -> list[str]:
    return [squash(doc.evidence(s.span)) for s in doc.sentences]


def _units(doc: PolicyDocument) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in doc.responsible_units]


def _targets(doc: PolicyDocument) -> list[tuple[str, float | None, str | None]]:
    return [(t.indicator, t.quantity.value, t.quantity.unit) for t in doc.targets]


@pytest.fixture(scope="module")
def references() -> dict[Path, PolicyDocument]:
    return {p: policyparse.parse_file(p) for p in DOCS}


@pytest.mark.parametrize("doc_path", DOCS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("name", list(FORMATS))
def test_same_document_in_every_format(
    tmp_path: Path, references: dict[Path, PolicyDocument], doc_path: Path, name: str
) -> None:
    suffix, encode, fmt, encoding = FORMATS[name]
    ref = references[doc_path]
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(encode(doc_path.read_text(encoding="utf-8")))
    doc = policyparse.parse_file(path)
    assert doc.source.format == fmt
    assert doc.source.encoding == encoding
    for where, span in iter_spans(doc):
        assert 0 <= span.start <= span.end <= len(doc.text), where
    assert _sentences(doc) == _sentences(ref)
    assert [p.number for p in doc.provisions] == [p.number for p in ref.provisions]
    assert _units(doc) == _units(ref)
    assert _targets(doc) == _targets(ref)
    for noise in ("首页", "脚本", "隐藏", "版权所有", "分享到", "标识码", "某某省", "— 1 —"):
        assert noise not in doc.text


@pytest.mark.parametrize("suffix", [".txt", ".bin", ""])
def test_format_is_read_from_content_not_name(tmp_path: Path, suffix: str) -> None:
    text = DOCS[0].read_text(encoding="utf-8")
    ref = policyparse.parse_file(DOCS[0])
    for data, fmt in (
        (as_pdf(text), "pdf"),
        (as_docx(text), "docx"),
        (as_html(text, "gbk"), "html"),
    ):
        path = tmp_path / f"mislabelled{suffix}"
        path.write_bytes(data)
        doc = policyparse.parse_file(path)
        assert doc.source.format == fmt
        assert _sentences(doc) == _sentences(ref)


def test_html_sniffed_without_extension_and_block_layout() -> None:
    from policyparse.readers import read_bytes

    page = (
        "<html><body><h1>关于加快发展的意见</h1><div>一、总体要求<br>加强组织领导，落实责任单\n"
        "位。<span>到</span><b>2025</b>年</div><ul><li>甲</li><li>乙</li></ul>"
        "<table><tr><td>任务</td><td>省经信厅</td></tr></table>"
        "<pre>第一行\n第二行</pre><!-- 注释 --><template>模板</template>"
        "<div hidden>隐藏</div><p class='d-none'>也隐藏</p></body></html>"
    )
    loaded = read_bytes(page.encode("utf-8"))
    assert loaded.source.format == "html"
    assert loaded.text.split("\n") == [
        "关于加快发展的意见",
        "一、总体要求",
        "加强组织领导，落实责任单位。到2025年",
        "甲",
        "乙",
        "任务",
        "省经信厅",
        "第一行",
        "第二行",
        "",
    ]


@pytest.mark.parametrize(
    ("declared", "actual", "expected"),
    [
        ("gb2312", "gb18030", "gb2312"),  # GBK-only characters on a page declared GB2312
        ("gbk", "utf-8", "utf-8"),  # a stale declaration on a re-encoded page
        (None, "gb18030", "gb18030"),
        (None, "utf-8", "utf-8"),
    ],
)
def test_html_encodings(declared: str | None, actual: str, expected: str) -> None:
    from policyparse.readers import read_bytes

    meta = f'<meta charset="{declared}">' if declared else ""
    text = "关于推进堃䶮产业园建设的通知。到2025年，营业收入超100亿元。"
    page = f"<html><head>{meta}</head><body><p>{text}</p></body></html>"
    loaded = read_bytes(page.encode(actual), path="p.html")
    assert loaded.text == text + "\n"
    assert loaded.source.encoding == expected


def test_docx_tables_in_document_order_and_hidden_runs() -> None:
    docx = pytest.importorskip("docx")
    from policyparse.readers import read_bytes

    d = docx.Document()
    d.add_paragraph("一、重点任务")
    table = d.add_table(rows=2, cols=2)
    for (r, c), value in {
        (0, 0): "任务",
        (0, 1): "责任单位",
        (1, 0): "建设创新平台",
        (1, 1): "省科技厅、省发展改革委",
    }.items():
        table.cell(r, c).text = value
    p = d.add_paragraph("二、保障措施。")
    p.add_run("隐藏文字").font.hidden = True
    p.add_run("加强领导。")
    buf = io.BytesIO()
    d.save(buf)
    text = read_bytes(buf.getvalue(), path="t.docx").text
    assert text.split("\n") == [
        "一、重点任务",
        "任务",
        "责任单位",
        "建设创新平台",
        "省科技厅、省发展改革委",
        "二、保障措施。加强领导。",
        "",
    ]


def test_pdf_lines_rejoined_and_page_furniture_dropped() -> None:
    # three pages: paragraphs run across page breaks, between header and page number
    text = "加强组织领导，明确责任单位。" * 150 + "\n二、保障措施\n" + "落实工作责任。" * 300
    from policyparse.readers import read_bytes

    data = as_pdf(text)
    from pdfminer.pdfpage import PDFPage

    assert len(list(PDFPage.get_pages(io.BytesIO(data)))) >= 3
    loaded = read_bytes(data, path="x.pdf")
    assert loaded.text.split("\n") == [
        "加强组织领导，明确责任单位。" * 150,
        "二、保障措施",
        "落实工作责任。" * 300,
        "",
    ]


def test_docx_automatic_list_numbers_are_part_of_the_text() -> None:
    docx = pytest.importorskip("docx")
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from policyparse.readers import read_bytes

    def el(tag: str, **attrs: str):  # type: ignore[no-untyped-def]
        e = OxmlElement(tag)
        for k, v in attrs.items():
            e.set(qn(f"w:{k}"), v)
        return e

    d = docx.Document()
    numbering = d.part.numbering_part.element
    abstract = el("w:abstractNum", abstractNumId="90")
    for ilvl, fmt, text in (
        (0, "chineseCounting", "%1、"),
        (1, "chineseCounting", "（%2）"),
        (2, "decimal", "%3."),
    ):
        lvl = el("w:lvl", ilvl=str(ilvl))
        for tag, val in (
            ("w:start", "1"),
            ("w:numFmt", fmt),
            ("w:lvlText", text),
            ("w:suff", "nothing"),
        ):
            lvl.append(el(tag, val=val))
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = el("w:num", numId="90")
    num.append(el("w:abstractNumId", val="90"))
    numbering.append(num)

    def item(text: str, ilvl: int) -> None:
        p = d.add_paragraph(text)
        pr = el("w:numPr")
        pr.append(el("w:ilvl", val=str(ilvl)))
        pr.append(el("w:numId", val="90"))
        p._p.get_or_add_pPr().append(pr)

    for k in range(11):
        item(f"第{k + 1}部分", 0)
    item("指导思想。", 1)
    item("主要目标。", 1)
    item("到2025年。", 2)
    item("到2027年。", 2)
    item("重点任务。", 1)
    d.add_paragraph("没有编号的段落。")
    buf = io.BytesIO()
    d.save(buf)
    lines = read_bytes(buf.getvalue(), path="n.docx").text.splitlines()
    assert (
        lines[0] == "一、第1部分" and lines[9] == "十、第10部分" and lines[10] == "十一、第11部分"
    )
    assert lines[11:] == [
        "（一）指导思想。",
        "（二）主要目标。",
        "1.到2025年。",
        "2.到2027年。",
        "（三）重点任务。",
        "没有编号的段落。",
    ]


def test_page_furniture_without_semantic_markup_stays_out_of_the_outline(tmp_path: Path) -> None:
    """An old table-layout government page: the furniture is plain text in cells."""
    source = DOCS[0].read_text(encoding="utf-8")
    body = "".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(source))
    furniture_top = [
        "当前位置：首页 > 政务公开 > 政策文件",
        "【字体：大 中 小】",
        "发布日期：2024-03-01",
    ]
    furniture_end = [
        "打印本页",
        "关闭窗口",
        "主办：某某省人民政府办公厅",
        "网站标识码：3300000001",
        "浙ICP备05000000号",
        "浙公网安备 33010002000001号",
    ]
    page = (
        "<html><head><meta charset='gb2312'></head><body><table>"
        + "".join(f"<tr><td>{x}</td></tr>" for x in furniture_top)
        + f"<tr><td>{body}</td></tr>"
        + "".join(f"<tr><td>{x}</td></tr>" for x in furniture_end)
        + "</table></body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gb2312", "replace"))
    doc = policyparse.parse_file(path)
    assert all(x in doc.text for x in furniture_top + furniture_end)  # the text keeps them
    ref = policyparse.parse_file(DOCS[0])
    assert _sentences(doc) == _sentences(ref)
    assert _units(doc) == _units(ref)


def test_docx_copies_revisions_and_fields_read_once() -> None:
    """Hand-written document.xml: a text box with its fallback copy, a tracked move and
    deletion, a field code, a tab stop and a hidden run."""
    import zipfile

    from policyparse.readers import read_bytes

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    body = (
        "<w:p><w:pPr><w:tabs><w:tab w:val='left' w:pos='420'/></w:tabs></w:pPr>"
        "<w:r><w:t>一、总体要求</w:t></w:r></w:p>"
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:txbxContent><w:p><w:r>"
        "<w:t>文本框里的字。</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback>"
        "<w:txbxContent><w:p><w:r><w:t>文本框里的字。</w:t></w:r></w:p></w:txbxContent>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
        "<w:p><w:moveFrom><w:r><w:t>挪走的句子。</w:t></w:r></w:moveFrom>"
        "<w:r><w:t>加强领导，</w:t></w:r><w:del><w:r><w:delText>删掉的字</w:delText></w:r></w:del>"
        "<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:rPr><w:vanish/></w:rPr>"
        "<w:t>隐藏</w:t></w:r><w:r><w:t>落实责任。</w:t></w:r><w:moveTo><w:r>"
        "<w:t>挪走的句子。</w:t></w:r></w:moveTo></w:p>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(
            "word/document.xml", f"<w:document {w} {mc}><w:body>{body}</w:body></w:document>"
        )
    text = read_bytes(buf.getvalue(), path="r.docx").text
    assert text == "一、总体要求\n文本框里的字。\n加强领导，落实责任。挪走的句子。\n"


@pytest.mark.parametrize(
    "footer", ["第 {n} 页 共 3 页", "- {n} -", "{n}/3", "Page {n} of 3", "{n}", "— {n} —"]
)
def test_pdf_page_numbers_and_running_headers(footer: str) -> None:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from policyparse.readers import read_bytes

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    body = [
        ["一、总体要求", "加强组织领导。"],
        ["二、重点任务", "建设创新平台。"],
        ["三、保障措施", "落实工作责任。"],
    ]
    for n, lines in enumerate(body, start=1):
        c.setFont("STSong-Light", 9)
        c.drawString(72, A4[1] - 36, f"某某市人民政府公报 2024年第{n + 4}期")
        c.drawCentredString(A4[0] / 2, 28, footer.format(n=n))
        c.setFont("STSong-Light", 12)
        for k, line in enumerate(lines):
            c.drawString(72, A4[1] - 120 - 24 * k, line)
        c.showPage()
    c.save()
    text = read_bytes(buf.getvalue(), path="p.pdf").text
    assert text.splitlines() == [line for lines in body for line in lines]
