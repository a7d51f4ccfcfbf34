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
from .wordbinary import as_doc

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
    "doc": (".doc", as_doc, "doc", None),
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
        (as_doc(text), "doc"),
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


GOV_PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x.dtd">
<!-- saved from url=(0052)http://www.example.gov.cn/art/2024/3/1/art_12.html -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>关于印发行动方案的通知_政策文件</title>
<script>document.write("<p>统计代码</p>");</script><style>.topnav li{float:left}</style></head>
<body>
<div class="top_bar">2024年3月5日 星期二 <a>无障碍</a> <a>English</a></div>
<div class="topnav"><ul><li><a href="/">首页</a></li><li>政务公开</li><li>互动交流</li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 政策文件</div>
<div class="left_side"><h3>信息公开目录</h3><ul><li>市政府文件</li><li>部门文件</li></ul></div>
<div id="zoom"><div class="TRS_Editor">
<p style="text-align:center"><strong>某某市人民政府办公室关于印发<br>
某某市数字经济三年行动方案的通知</strong></p>
<p style="text-indent:2em">&nbsp;&nbsp;一、总体要求</p>
<p>&emsp;&emsp;到2026年，全市数字经济核心产业增加值达到500亿元。</p>
<p style="text-indent:2em">二、重点任务<br>（一）建设算力设施。新建5G基站3000个。<br>
（二）培育产业集群。</p>
<p>附件：<a href="/files/fj1.docx">1.重点任务分工表</a></p>
<table border="1">
<tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>
<tr><td>1</td><td>建设算力设施</td><td rowspan="2">市经信局</td><td>市通信发展办</td></tr>
<tr><td>2</td><td>培育产业集群</td><td>市商务局</td></tr>
<tr><td>3</td><td>完善数据市场</td><td>市数据局</td><td>市财政局</td></tr>
</table></div></div>
<div class="bdsharebuttonbox"><span>分享到：</span><a>微信</a><a>微博</a></div>
<div style="display:none">扫一扫在手机打开当前页</div>
<div class="bottom"><p>主办单位：某某市人民政府办公室　承办单位：某某市大数据发展管理局</p>
<p>网站标识码：3301000001　浙ICP备05000000号-1</p><p>联系电话：0571-85251234</p></div>
</body></html>
"""


def test_government_page_with_compound_furniture_names_and_merged_cells() -> None:
    """A page as a browser saves it: GB2312 declared only in http-equiv, furniture in divs
    whose class names are compounds (``topnav``, ``left_side``, ``bdsharebuttonbox``,
    ``bottom``, ``position``), a task table whose lead unit spans two rows."""
    from policyparse.readers import read_bytes

    loaded = read_bytes(GOV_PAGE.encode("gbk"), path="art_12.html")
    assert loaded.source.encoding == "gb2312"
    assert loaded.text.split("\n") == [
        "某某市人民政府办公室关于印发",
        "某某市数字经济三年行动方案的通知",
        "\xa0\xa0一、总体要求",
        "\u2003\u2003到2026年，全市数字经济核心产业增加值达到500亿元。",
        "二、重点任务",
        "（一）建设算力设施。新建5G基站3000个。",
        "（二）培育产业集群。",
        "附件：1.重点任务分工表",
        *["序号", "重点任务", "牵头单位", "配合单位"],
        *["1", "建设算力设施", "市经信局", "市通信发展办"],
        *["2", "培育产业集群", "市经信局", "市商务局"],
        *["3", "完善数据市场", "市数据局", "市财政局"],
        "",
    ]


def test_government_page_units_come_from_every_table_row(tmp_path: Path) -> None:
    path = tmp_path / "art_12.htm"
    path.write_bytes(GOV_PAGE.encode("gbk"))
    doc = policyparse.parse_file(path)
    assert [p.number for p in doc.provisions] == ["（一）", "（二）"]
    assert _units(doc) == [
        ("市经信局", "lead"),
        ("市通信发展办", "participant"),
        ("市经信局", "lead"),
        ("市商务局", "participant"),
        ("市数据局", "lead"),
        ("市财政局", "participant"),
    ]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # a furniture-like name that wraps most of the page is the page's article
        (
            '<div class="main_nav_content"><p>一、总体要求</p><p>加强组织领导。</p></div>'
            '<div class="footer">版权所有</div>',
            ["一、总体要求", "加强组织领导。"],
        ),
        # camelCase and prefixed names; ``hidden-xs`` shows on a desktop
        (
            '<div id="siteFooterWrap">主办单位：某某办</div><div class="subNavBox">栏目</div>'
            '<p class="hidden-xs">加强组织领导，落实工作责任。</p><p class="hidden">隐藏</p>',
            ["加强组织领导，落实工作责任。"],
        ),
        # colspan moves the columns a row span is carried in; a long merged cell is not copied
        (
            "<table><tr><td>序号</td><td>任务</td><td>牵头单位</td></tr>"
            "<tr><td colspan='2' rowspan='2'>合并</td><td>省发展改革委</td></tr>"
            "<tr><td>省经信厅</td></tr>"
            f"<tr><td>1</td><td rowspan='2'>{'长' * 300}</td><td>省科技厅</td></tr>"
            "<tr><td>2</td><td>省教育厅</td></tr></table>",
            ["序号", "任务", "牵头单位", "合并", "省发展改革委", "合并", "省经信厅"]
            + ["1", "长" * 300, "省科技厅", "2", "省教育厅"],
        ),
    ],
)
def test_html_furniture_names_and_row_spans(markup: str, expected: list[str]) -> None:
    from policyparse.readers import read_bytes

    text = read_bytes(f"<html><body>{markup}</body></html>".encode(), path="p.html").text
    assert text.splitlines() == expected


def test_docx_vertically_merged_cells_repeat_in_each_row() -> None:
    docx = pytest.importorskip("docx")
    from policyparse.readers import read_bytes

    d = docx.Document()
    d.add_paragraph("二、重点任务")
    rows = [
        ["序号", "重点任务", "牵头单位", "配合单位"],
        ["1", "推进企业上云", "省经信厅", "省通信管理局"],
        ["2", "建设工业互联网平台", "", "省科技厅"],
        ["3", "培育服务商", "省发展改革委", ""],
        ["4", "开展试点示范", "", "省财政厅"],
    ]
    table = d.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    table.cell(1, 2).merge(table.cell(2, 2))  # 省经信厅 leads tasks 1 and 2
    table.cell(3, 2).merge(table.cell(4, 2))  # 省发展改革委 leads tasks 3 and 4
    table.cell(2, 3).merge(table.cell(3, 3))  # 省科技厅 takes part in tasks 2 and 3
    d.add_paragraph("三、保障措施")
    buf = io.BytesIO()
    d.save(buf)
    lines = read_bytes(buf.getvalue(), path="t.docx").text.splitlines()
    assert lines == [
        "二、重点任务",
        *["序号", "重点任务", "牵头单位", "配合单位"],
        *["1", "推进企业上云", "省经信厅", "省通信管理局"],
        *["2", "建设工业互联网平台", "省经信厅", "省科技厅"],
        *["3", "培育服务商", "省发展改革委", "省科技厅"],
        *["4", "开展试点示范", "省发展改革委", "省财政厅"],
        "三、保障措施",
    ]


def _ruled_table_pdf(rows: int, *, span_column: bool = False) -> bytes:
    """A notice with a ruled task table in narrow columns (reportlab's grid), wrapped cells,
    a header row repeated on each page and, optionally, a deadline cell merged over rows."""
    pytest.importorskip("reportlab")
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=14, leading=26, wordWrap="CJK")
    cell = ParagraphStyle("c", fontName="STSong-Light", fontSize=11, leading=15, wordWrap="CJK")

    def furniture(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("STSong-Light", 10)
        canvas.drawString(72, A4[1] - 40, "某某市人民政府规范性文件")
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")

    data: list[list[object]] = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]]
    for i in range(1, rows + 1):
        data.append(
            [
                str(i),
                Paragraph(f"第{i}项重点任务，推进产业链协同发展和创新平台建设", cell),
                "市发展改革委" if i % 2 else "市经信局",
                Paragraph("市财政局、市科技局、市人力资源社会保障局", cell),
                "2025年底",
            ]
        )
    table = Table(data, colWidths=[36, 170, 80, 110, 60], repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), "STSong-Light", 11),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ]
    if span_column:
        style.append(("SPAN", (4, 1), (4, 3)))
    table.setStyle(TableStyle(style))
    story = [Paragraph("二、任务分工", body), table, Paragraph("三、保障措施", body)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buf.getvalue()


def _table_lines(rows: int) -> list[str]:
    out = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    for i in range(1, rows + 1):
        out += [
            str(i),
            f"第{i}项重点任务，推进产业链协同发展和创新平台建设",
            "市发展改革委" if i % 2 else "市经信局",
            "市财政局、市科技局、市人力资源社会保障局",
            "2025年底",
        ]
    return out


def test_pdf_ruled_table_cells_rows_and_merged_cells() -> None:
    """Cells closer together than the layout's character margin are cut at the rules; a
    cell's wrapped lines are one line; a merged cell is repeated in each of its rows."""
    from policyparse.readers import read_bytes

    lines = read_bytes(_ruled_table_pdf(3, span_column=True), path="t.pdf").text.splitlines()
    # a one-page PDF keeps its running header; its page number goes
    assert lines == ["某某市人民政府规范性文件", "二、任务分工", *_table_lines(3), "三、保障措施"]


def test_pdf_table_across_pages_keeps_every_row_once(tmp_path: Path) -> None:
    from policyparse.readers import read_bytes

    data = _ruled_table_pdf(30)
    from pdfminer.pdfpage import PDFPage

    assert len(list(PDFPage.get_pages(io.BytesIO(data)))) >= 3
    lines = read_bytes(data, path="t.pdf").text.splitlines()
    assert lines == ["二、任务分工", *_table_lines(30), "三、保障措施"]
    path = tmp_path / "t.pdf"
    path.write_bytes(data)
    doc = policyparse.parse_file(path)
    assert [u.name for u in doc.responsible_units if u.role == "lead"] == [
        "市发展改革委" if i % 2 else "市经信局" for i in range(1, 31)
    ]


def test_scanned_pdf_has_no_text_layer() -> None:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from policyparse.errors import NoTextLayer
    from policyparse.readers import read_bytes

    png = pytest.importorskip("PIL.Image").new("L", (60, 80), 255)
    img = io.BytesIO()
    png.save(img, format="PNG")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(2):
        c.drawImage(ImageReader(io.BytesIO(img.getvalue())), 0, 0, A4[0], A4[1])
        c.showPage()
    c.save()
    with pytest.raises(NoTextLayer, match="PP108"):
        read_bytes(buf.getvalue(), path="scan.pdf")
