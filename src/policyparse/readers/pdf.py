"""PDF files: the text layer, laid out as lines, with page furniture taken out.

pdfminer.six reads the text layer with each line's position. From the positions:
- page headers, footers and page numbers (lines at the top or bottom of a page that repeat
  across pages, or that are page numbers such as ``— 3 —`` or ``第3页``) are dropped;
- lines wrapped inside a paragraph are joined again (``责任单`` + ``位`` → ``责任单位``, also
  across a page break): a line that runs to the right margin continues on the next one unless
  that one is indented or starts a numbered heading;
- spaces the layout put between two Chinese characters (justified lines) are dropped.

A PDF with no text layer (a scan) raises :class:`~policyparse.errors.NoTextLayer`, one that
needs a password :class:`~policyparse.errors.EncryptedDocument`, a damaged or truncated one
:class:`~policyparse.errors.CorruptDocument`.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any

from ..errors import CorruptDocument, EncryptedDocument, FileTooLarge, NoTextLayer

MAX_PAGES = 3000
"""Most pages read from one PDF."""

_PAGE_NUMBER = re.compile(
    r"[-—–－_~·•\s]{0,6}(?:第\s{0,2})?\d{1,4}(?:\s{0,2}页)?"
    r"(?:\s{0,2}[/／]\s{0,2}\d{1,4}|\s{0,2}[,，]?\s{0,2}共\s{0,2}\d{1,4}\s{0,2}页)?"
    r"[-—–－_~·•\s]{0,6}|(?i:page)\s{0,2}\d{1,4}(?:\s{0,2}(?:of|/)\s{0,2}\d{1,4})?"
)
_HEADING = re.compile(
    r"[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|第[一二三四五六七八九十百零〇两\d]{1,4}[章节条编]|\d{1,2}[.、．](?!\d)|[#＃]"
)
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t]{{1,8}}(?=[{_CJK}])")
_CID = re.compile(r"\(cid:\d{1,6}\)")
_DIGITS = re.compile(r"\d+")


@dataclass
class _Line:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    cell: bool = False  # a table cell's text (never continues another line)


@dataclass
class _Page:
    width: float
    height: float
    lines: list[_Line]


@dataclass(frozen=True)
class _Rule:
    """A ruled line of a table: ``at`` its x (vertical) or y (horizontal), from ``lo`` to ``hi``."""

    at: float
    lo: float
    hi: float


MAX_RULES = 3000
"""A page drawing more ruled lines than this (a chart, a map) is read without table cells."""
_THIN = 2.0  # points: a line or a rectangle thinner than this is a rule
_TOL = 2.0  # points of slack when a rule meets a cell's edge


def _open(data: bytes, path: str | Path | None) -> Any:
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        parser = PDFParser(io.BytesIO(data))
        return PDFDocument(parser, password="")
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedDocument("the PDF is encrypted and needs a password", path=path) from exc
    except Exception as exc:
        raise CorruptDocument(f"damaged PDF ({type(exc).__name__})", path=path) from exc


def _rules(layout: Any) -> tuple[list[_Rule], list[_Rule]]:
    """The page's vertical and horizontal ruled lines (lines, thin boxes, boxes' edges)."""
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTRect

    vertical: list[_Rule] = []
    horizontal: list[_Rule] = []
    stack = [layout]
    while stack and len(vertical) + len(horizontal) <= MAX_RULES:
        obj = stack.pop()
        if isinstance(obj, LTCurve):
            w, h = obj.x1 - obj.x0, obj.y1 - obj.y0
            if w < _THIN and h >= _THIN:
                vertical.append(_Rule((obj.x0 + obj.x1) / 2, obj.y0, obj.y1))
            elif h < _THIN and w >= _THIN:
                horizontal.append(_Rule((obj.y0 + obj.y1) / 2, obj.x0, obj.x1))
            elif isinstance(obj, LTRect) and w >= _THIN and h >= _THIN:
                vertical += [_Rule(obj.x0, obj.y0, obj.y1), _Rule(obj.x1, obj.y0, obj.y1)]
                horizontal += [_Rule(obj.y0, obj.x0, obj.x1), _Rule(obj.y1, obj.x0, obj.x1)]
        elif isinstance(obj, LTContainer) and not isinstance(obj, LTChar):
            stack.extend(obj)
    if len(vertical) + len(horizontal) > MAX_RULES:
        return [], []
    return vertical, horizontal


def _split_at_rules(obj: Any, vertical: list[_Rule]) -> list[_Line]:
    """A text line cut where a vertical rule runs between two of its characters."""
    from pdfminer.layout import LTChar

    mid = (obj.y0 + obj.y1) / 2
    crossing = [r.at for r in vertical if r.lo - _TOL <= mid <= r.hi + _TOL]
    chars = [c for c in obj if isinstance(c, LTChar)]
    if not crossing or not chars:
        text = obj.get_text().strip()
        return [_Line(obj.x0, obj.y0, obj.x1, obj.y1, text)] if text else []
    pieces: list[list[Any]] = [[]]
    for ch in obj:
        if isinstance(ch, LTChar) and pieces[-1]:
            prev = next((c for c in reversed(pieces[-1]) if isinstance(c, LTChar)), None)
            if prev is not None and any(
                prev.x1 - _TOL <= x <= ch.x0 + _TOL
                and prev.x1 <= ch.x0 + _TOL
                and prev.x0 < x < ch.x1
                for x in crossing
            ):
                pieces.append([])
        pieces[-1].append(ch)
    out: list[_Line] = []
    for piece in pieces:
        glyphs = [c for c in piece if isinstance(c, LTChar)]
        text = "".join(c.get_text() for c in piece).strip()
        if glyphs and text:
            out.append(
                _Line(
                    min(c.x0 for c in glyphs),
                    min(c.y0 for c in glyphs),
                    max(c.x1 for c in glyphs),
                    max(c.y1 for c in glyphs),
                    text,
                )
            )
    return out


def _cell_of(ln: _Line, vertical: list[_Rule], horizontal: list[_Rule]) -> tuple[float, ...]:
    """The ruled box around a line (left, right, top, bottom), or ``()`` outside any table."""
    mx, my = (ln.x0 + ln.x1) / 2, (ln.y0 + ln.y1) / 2
    lefts = [r.at for r in vertical if r.at <= ln.x0 + _TOL and r.lo - _TOL <= my <= r.hi + _TOL]
    rights = [r.at for r in vertical if r.at >= ln.x1 - _TOL and r.lo - _TOL <= my <= r.hi + _TOL]
    tops = [r.at for r in horizontal if r.at >= ln.y1 - _TOL and r.lo - _TOL <= mx <= r.hi + _TOL]
    bottoms = [
        r.at for r in horizontal if r.at <= ln.y0 + _TOL and r.lo - _TOL <= mx <= r.hi + _TOL
    ]
    if not (lefts and rights and tops and bottoms):
        return ()
    return (max(lefts), min(rights), min(tops), max(bottoms))


def _cells(lines: list[_Line], vertical: list[_Rule], horizontal: list[_Rule]) -> list[_Line]:
    """Lines inside one ruled table cell made one line, spanning the cell's box.

    A cell's wrapped lines are joined (with nothing between Chinese characters), and every
    cell of a table row gets the row's top, so that the row's cells read left to right.
    """
    if not vertical or not horizontal:
        return lines
    out: list[_Line] = []
    boxes: dict[tuple[float, ...], _Line] = {}
    for ln in sorted(lines, key=lambda x: (-x.y1, x.x0)):
        box = _cell_of(ln, vertical, horizontal)
        if not box:
            out.append(ln)
            continue
        cell = boxes.get(box)
        if cell is None:
            left, right, top, bottom = box
            boxes[box] = _Line(left, bottom, right, top, ln.text, cell=True)
            out.append(boxes[box])
            continue
        sep = " " if _is_ascii_alnum(cell.text[-1]) and _is_ascii_alnum(ln.text[0]) else ""
        cell.text += sep + ln.text
    return out + _span_copies(list(boxes.values()))


_MAX_SPAN_COPY_CHARS = 200
"""A merged cell longer than this is not repeated in the rows it spans."""


def _span_copies(cells: list[_Line]) -> list[_Line]:
    """Copies of cells merged over several rows, one for each row after the first.

    A row is known from the tops of the cells beside the merged one (the cells that share
    some of its height but none of its width).
    """
    if len(cells) > 1000:
        return []
    out: list[_Line] = []
    for c in cells:
        if len(c.text) > _MAX_SPAN_COPY_CHARS:
            continue
        tops = sorted(
            {
                round(o.y1, 1)
                for o in cells
                if o is not c
                and c.y0 + _TOL < o.y1 < c.y1 - _TOL
                and (o.x1 <= c.x0 + _TOL or o.x0 >= c.x1 - _TOL)
            },
            reverse=True,
        )
        for k, top in enumerate(tops):
            bottom = tops[k + 1] if k + 1 < len(tops) else c.y0
            out.append(_Line(c.x0, bottom, c.x1, top, c.text, cell=True))
    return out


def _text_lines(layout: Any) -> list[_Line]:
    from pdfminer.layout import LTChar, LTContainer, LTTextLine

    vertical, horizontal = _rules(layout)
    out: list[_Line] = []
    stack = [layout]
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTTextLine):
            if vertical:
                out += _split_at_rules(obj, vertical)
            else:
                text = obj.get_text().strip()
                if text:
                    out.append(_Line(obj.x0, obj.y0, obj.x1, obj.y1, text))
        elif isinstance(obj, LTContainer) and not isinstance(obj, LTChar):
            stack.extend(obj)
    return _cells(out, vertical, horizontal)


def _rows(lines: list[_Line]) -> list[_Line]:
    """Lines top to bottom; lines on one row (table cells) left to right."""
    lines = sorted(lines, key=lambda ln: -ln.y1)
    rows: list[list[_Line]] = []
    for ln in lines:
        mid = (ln.y0 + ln.y1) / 2
        if rows:
            last = rows[-1][0]
            if last.y0 <= mid <= last.y1 or (ln.cell and last.cell and ln.y1 == last.y1):
                rows[-1].append(ln)
                continue
        rows.append([ln])
    return [ln for row in rows for ln in sorted(row, key=lambda r: r.x0)]


def _read_pages(doc: Any, path: str | Path | None) -> list[_Page]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    rsrc = PDFResourceManager(caching=True)
    device = PDFPageAggregator(rsrc, laparams=LAParams(all_texts=True, boxes_flow=None))
    interpreter = PDFPageInterpreter(rsrc, device)
    pages: list[_Page] = []
    for i, page in enumerate(PDFPage.create_pages(doc)):
        if i >= MAX_PAGES:
            raise FileTooLarge(f"over {MAX_PAGES} pages", path=path)
        interpreter.process_page(page)
        layout = device.get_result()
        pages.append(_Page(layout.width, layout.height, _rows(_text_lines(layout))))
    return pages


def _key(text: str) -> str:
    return _DIGITS.sub("#", re.sub(r"\s+", "", text))


def _drop_furniture(pages: list[_Page]) -> None:
    """Take page headers, footers and page numbers out of every page."""
    edge_counts: Counter[str] = Counter()
    for pg in pages:
        edges = {_key(ln.text) for ln in pg.lines[:2] + pg.lines[-2:]}
        edge_counts.update(edges)
    repeat_min = max(2, (len(pages) + 1) // 2)
    for pg in pages:
        band = pg.height * 0.12
        keep: list[_Line] = []
        n = len(pg.lines)
        for k, ln in enumerate(pg.lines):
            if ln.cell:  # a table's cell (a header row repeated on every page stays)
                keep.append(ln)
                continue
            at_edge = k < 2 or k >= n - 2
            in_margin = ln.y0 >= pg.height - band or ln.y1 <= band
            outside_middle = ln.y0 >= pg.height * 0.7 or ln.y1 <= pg.height * 0.3
            text = ln.text.strip()
            if at_edge and outside_middle and _PAGE_NUMBER.fullmatch(text):
                continue
            if at_edge and in_margin and len(pages) > 1 and edge_counts[_key(text)] >= repeat_min:
                continue
            keep.append(ln)
        pg.lines = keep


def _drop_repeated_headers(pages: list[_Page]) -> None:
    """Take out a table's header row repeated at the top of the pages it continues on."""
    headers: set[tuple[str, ...]] = set()
    for n, pg in enumerate(pages):
        lines = pg.lines
        i = 0
        while i < len(lines):
            if not lines[i].cell or (i > 0 and lines[i - 1].cell):
                i += 1
                continue
            j = i
            while j < len(lines) and lines[j].cell and lines[j].y1 == lines[i].y1:
                j += 1
            row = tuple(ln.text for ln in lines[i:j])
            continued = n > 0 and i == 0 and bool(pages[n - 1].lines)
            if continued and pages[n - 1].lines[-1].cell and row in headers:
                del lines[i:j]
                continue
            headers.add(row)
            i = j


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _join(pages: list[_Page]) -> str:
    lines = [ln for pg in pages for ln in pg.lines]
    if not lines:
        return ""
    em = median(ln.y1 - ln.y0 for ln in lines) or 10.0
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    rights = sorted(ln.x1 for ln in lines)
    right = rights[int(len(rights) * 0.9)]
    # Lines that wrap fill most of the page's width; when even the longest lines are short,
    # none of them wrapped (a list, a table, a title page) and no line continues another.
    widths = sorted(pg.width for pg in pages)
    wraps = right - left >= 0.55 * widths[len(widths) // 2]
    paragraphs: list[str] = []
    current = ""
    prev: _Line | None = None
    prev_page = -1
    for page_no, pg in enumerate(pages):
        for ln in pg.lines:
            text = _CJK_SPACE.sub("", ln.text)
            joined = False
            if prev is not None and current:
                full = wraps and prev.x1 >= right - 1.5 * em
                flush_left = ln.x0 <= left + 0.6 * em
                close = page_no != prev_page or 0 <= prev.y0 - ln.y1 <= 1.5 * em
                table = ln.cell or prev.cell
                if full and flush_left and close and not table and not _HEADING.match(text):
                    sep = " " if _is_ascii_alnum(current[-1]) and _is_ascii_alnum(text[0]) else ""
                    current += sep + text
                    joined = True
            if not joined:
                if current:
                    paragraphs.append(current)
                current = text
            prev, prev_page = ln, page_no
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs) + "\n"


def read_pdf(data: bytes, *, path: str | Path | None = None) -> str:
    """The text of a PDF's text layer, one line per paragraph."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    doc = _open(data, path)
    try:
        pages = _read_pages(doc, path)
    except (FileTooLarge, EncryptedDocument):
        raise
    except RecursionError as exc:
        raise CorruptDocument("PDF objects nested too deeply to read", path=path) from exc
    except MemoryError as exc:
        raise FileTooLarge("PDF too large to read in memory", path=path) from exc
    except Exception as exc:
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

        if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise EncryptedDocument("the PDF is encrypted", path=path) from exc
        raise CorruptDocument(
            " ".join(f"damaged PDF ({type(exc).__name__}: {exc})".split())[:300], path=path
        ) from exc
    if not pages:
        raise CorruptDocument("the PDF has no pages", path=path)
    chars = sum(len(ln.text) for pg in pages for ln in pg.lines)
    if chars == 0:
        raise NoTextLayer("no text layer (a scanned PDF?); run OCR on it first", path=path)
    cids = sum(len(m) for pg in pages for ln in pg.lines for m in _CID.findall(ln.text))
    if cids > chars / 2:
        raise NoTextLayer("the text layer has no character map (glyph codes only)", path=path)
    _drop_furniture(pages)
    _drop_repeated_headers(pages)
    return _join(pages)
