"""Word documents (.docx): the body's paragraphs and table cells in document order.

Read straight from the zip archive with the standard library's streaming XML parser, so that
the size of what is decompressed and parsed is capped (a zip bomb stops at the cap). Page
headers, footers, footnotes, comments, deleted revisions, field codes and hidden runs are not
part of the text; a text box's paragraphs are read once (its fallback copy is skipped).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from ..errors import CorruptDocument, EncryptedDocument, FileTooLarge

MAX_XML_BYTES = 128 * 1024 * 1024
"""Most bytes of ``word/document.xml`` decompressed before the file is refused."""

_PART = "word/document.xml"
_CHUNK = 1 << 16
_OFF = {"0", "false", "off"}
_SKIPPED = {"Fallback", "moveFrom"}
"""Elements whose content is a second copy: a text box's fallback, text moved elsewhere."""
_CHANGES = {"pPrChange", "tcPrChange", "trPrChange", "tblPrChange", "rPrChange"}
"""Properties as they were before a tracked change (not the ones in force)."""


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _val(elem: Element) -> str | None:
    return next((v for k, v in elem.attrib.items() if _local(k) == "val"), None)


_CN_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _chinese(n: int) -> str:
    if n <= 0 or n >= 10000:
        return str(n)
    out = ""
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        digit, n = divmod(n, value)
        if digit:
            out += ("" if unit == "十" and digit == 1 and not out else _CN_DIGITS[digit]) + unit
        elif out and n:
            out += "" if out.endswith("零") else "零"
    return out + (_CN_DIGITS[n] if n else "")


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")):
        out += sym * (n // value)
        n %= value
    for value, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        out += sym * (n // value)
        n %= value
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def format_number(n: int, fmt: str) -> str:
    """A list number in one of Word's numbering formats (``w:numFmt``)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified"):
        return _chinese(n)
    if fmt == "ideographTraditional" and 0 < n <= len(_TIANGAN):
        return _TIANGAN[n - 1]
    if fmt == "ideographZodiac" and 0 < n <= len(_DIZHI):
        return _DIZHI[n - 1]
    if fmt.startswith("decimalEnclosedCircle") and 0 < n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalFullWidth":
        return str(n).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)


class _Level:
    __slots__ = ("fmt", "start", "suffix", "text")

    def __init__(self) -> None:
        self.fmt = "decimal"
        self.text = ""
        self.start = 1
        self.suffix = "\t"


class Numbering:
    """Word's automatic list numbers (``word/numbering.xml``), counted paragraph by paragraph."""

    def __init__(self, numbering: Element | None, styles: Element | None) -> None:
        abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.styles: dict[str, tuple[str | None, int | None]] = {}
        if numbering is not None:
            for elem in numbering:
                name = _local(elem.tag)
                if name == "abstractNum":
                    aid = next(
                        (v for k, v in elem.attrib.items() if _local(k) == "abstractNumId"), ""
                    )
                    abstract[aid] = self._levels(elem)
                elif name == "num":
                    nid = next((v for k, v in elem.attrib.items() if _local(k) == "numId"), "")
                    aid, starts = "", {}
                    for child in elem:
                        cname = _local(child.tag)
                        if cname == "abstractNumId":
                            aid = _val(child) or ""
                        elif cname == "lvlOverride":
                            ilvl = int(
                                next(
                                    (v for k, v in child.attrib.items() if _local(k) == "ilvl"), "0"
                                )
                                or 0
                            )
                            for over in child.iter():
                                if _local(over.tag) == "startOverride":
                                    starts[ilvl] = int(_val(over) or 1)
                    self.nums[nid] = (aid, starts)
        self.abstract = abstract
        if styles is not None:
            for style in styles:
                if _local(style.tag) != "style":
                    continue
                sid = next((v for k, v in style.attrib.items() if _local(k) == "styleId"), None)
                num_id: str | None = None
                style_lvl: int | None = None
                for elem in style.iter():
                    if _local(elem.tag) == "numId":
                        num_id = _val(elem)
                    elif _local(elem.tag) == "ilvl":
                        style_lvl = int(_val(elem) or 0)
                if sid and num_id:
                    self.styles[sid] = (num_id, style_lvl)
        self.counters: dict[str, list[int]] = {}

    @staticmethod
    def _levels(elem: Element) -> dict[int, _Level]:
        levels: dict[int, _Level] = {}
        for lvl in elem:
            if _local(lvl.tag) != "lvl":
                continue
            ilvl = int(next((v for k, v in lvl.attrib.items() if _local(k) == "ilvl"), "0") or 0)
            level = _Level()
            for child in lvl:
                name = _local(child.tag)
                value = _val(child)
                if name == "numFmt" and value:
                    level.fmt = value
                elif name == "lvlText" and value is not None:
                    level.text = value
                elif name == "start" and value:
                    level.start = int(value)
                elif name == "suff" and value:
                    level.suffix = {"space": " ", "nothing": ""}.get(value, "\t")
            levels[ilvl] = level
        return levels

    def label(self, num_id: str | None, ilvl: int | None, style: str | None) -> str:
        """The number Word shows before this paragraph (and count it), or ``""``."""
        if num_id is None and style is not None and style in self.styles:
            num_id, style_lvl = self.styles[style]
            ilvl = ilvl if ilvl is not None else style_lvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        aid, starts = self.nums[num_id]
        levels = self.abstract.get(aid, {})
        k = min(max(ilvl or 0, 0), 8)
        level = levels.get(k)
        if level is None or level.fmt in ("bullet", "none") or not level.text:
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        for j in range(k + 1, 9):
            counts[j] = 0
        counts[k] = counts[k] + 1 if counts[k] else starts.get(k, level.start)
        out = level.text
        for j in range(k, -1, -1):
            lv = levels.get(j)
            if lv is None:
                continue
            n = counts[j] or starts.get(j, lv.start)
            out = out.replace(f"%{j + 1}", format_number(n, lv.fmt))
        return out + level.suffix


_MAX_MERGE_COPY_CHARS = 200
"""A vertically merged cell longer than this is not repeated in the rows it covers."""


class _Table:
    """Where the reader is in one (possibly nested) table: column, and merged cells' text."""

    __slots__ = ("col", "first_line", "merged", "span", "vmerge")

    def __init__(self) -> None:
        self.col = 0
        self.first_line = 0  # index in ``lines`` of the open cell's first line
        self.span = 1  # columns the open cell covers (w:gridSpan)
        self.vmerge: str | None = None  # "restart", "continue" or None (w:vMerge)
        self.merged: dict[int, list[str]] = {}  # column -> lines of the cell merged down


def _stream_lines(
    stream: io.BufferedIOBase, path: str | Path | None, numbering: Numbering | None = None
) -> list[str]:
    parser: XMLPullParser[Any] = XMLPullParser(events=("start", "end"))
    lines: list[str] = []
    buf: list[str] = []
    para: list[dict[str, Any]] = []  # numbering properties of the open paragraphs
    changes = 0  # depth inside w:pPrChange … (properties before a tracked change)
    fallback = 0  # depth inside a second copy of content (mc:Fallback, w:moveFrom)
    hidden = False  # the current run is hidden (w:vanish)
    tables: list[_Table] = []
    total = 0
    first = True
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        total += len(chunk)
        if total > MAX_XML_BYTES:
            raise FileTooLarge(
                f"document text over the {MAX_XML_BYTES}-byte limit once decompressed", path=path
            )
        if first:
            if b"<!DOCTYPE" in chunk[:4096] or b"<!ENTITY" in chunk[:4096]:
                raise CorruptDocument("document.xml declares a DTD", path=path)
            first = False
        parser.feed(chunk)
        for event, item in cast(Iterator[tuple[str, Element]], parser.read_events()):
            elem = item
            name = _local(elem.tag)
            if event == "start":
                if name in _SKIPPED:
                    fallback += 1
                elif name == "r":
                    hidden = False
                elif fallback:
                    pass
                elif name == "p":
                    para.append({})
                elif name in _CHANGES:
                    changes += 1
                elif name == "tbl":
                    tables.append(_Table())
                elif name == "tr" and tables:
                    tables[-1].col = 0
                elif name == "tc" and tables:
                    tables[-1].first_line, tables[-1].span = len(lines), 1
                    tables[-1].vmerge = None
                continue
            if name in _SKIPPED:
                fallback -= 1
                elem.clear()
                continue
            if fallback:
                continue
            if name in _CHANGES:
                changes -= 1
            elif name in ("numId", "ilvl", "pStyle") and para and not changes:
                para[-1][name] = _val(elem)
            elif name == "t":
                if not hidden and elem.text:
                    buf.append(elem.text)
            elif name == "vanish" and not changes:
                val = next((v for k, v in elem.attrib.items() if _local(k) == "val"), "true")
                hidden = val.lower() not in _OFF
            elif name == "tab":
                if not any(_local(k) == "val" for k in elem.attrib):  # not a tab stop
                    buf.append("\t")
            elif name in ("br", "cr"):
                buf.append("\n")
            elif name == "noBreakHyphen":
                buf.append("-")
            elif name in ("gridSpan", "gridBefore", "vMerge") and tables and not changes:
                _cell_property(tables[-1], name, _val(elem))
            elif name == "tc" and tables:
                _end_cell(tables[-1], lines)
            elif name == "tbl" and tables:
                tables.pop()
            elif name == "p":
                props = para.pop() if para else {}
                line = "".join(buf)
                buf = []
                if numbering is not None and (props.get("numId") or props.get("pStyle")):
                    ilvl = props.get("ilvl")
                    label = numbering.label(
                        props.get("numId"),
                        int(ilvl) if ilvl and ilvl.isdigit() else None,
                        props.get("pStyle"),
                    )
                    if label and line.strip():
                        line = label + line
                lines.extend(part for part in line.split("\n") if part.strip())
                elem.clear()
    parser.close()
    if buf and "".join(buf).strip():
        lines.append("".join(buf))
    return lines


def _cell_property(table: _Table, name: str, value: str | None) -> None:
    if name == "vMerge":
        table.vmerge = "restart" if value == "restart" else "continue"
        return
    try:
        n = min(max(int(value or "1"), 1), 64)
    except ValueError:
        return
    if name == "gridSpan":
        table.span = n
    else:  # gridBefore: cells left out at the start of a row
        table.col += n


def _end_cell(table: _Table, lines: list[str]) -> None:
    """A cell ends: a cell merged into the one above repeats that one's text."""
    col, own = table.col, lines[table.first_line :]
    if table.vmerge == "restart":
        if sum(len(x) for x in own) <= _MAX_MERGE_COPY_CHARS:
            table.merged[col] = list(own)
        else:
            table.merged.pop(col, None)
    elif table.vmerge == "continue":
        if not own:
            lines.extend(table.merged.get(col, ()))
    else:
        table.merged.pop(col, None)
    table.col += table.span


MAX_PART_BYTES = 16 * 1024 * 1024
"""Most bytes of ``numbering.xml`` or ``styles.xml`` read (larger ones are ignored)."""


def _small_part(zf: zipfile.ZipFile, name: str, path: str | Path | None) -> Element | None:
    """A small XML part of the archive, parsed; ``None`` when absent, too large or damaged."""
    from xml.etree.ElementTree import fromstring

    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        return None
    with zf.open(info) as fh:
        data = fh.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES or b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        return None
    try:
        return fromstring(data)
    except ParseError:
        return None


def _numbering(zf: zipfile.ZipFile, path: str | Path | None) -> Numbering | None:
    try:
        return Numbering(
            _small_part(zf, "word/numbering.xml", path), _small_part(zf, "word/styles.xml", path)
        )
    except (ValueError, TypeError, KeyError):
        return None  # damaged numbering: the text without its list numbers


def read_docx(data: bytes, *, path: str | Path | None = None) -> str:
    """The text of a .docx file, one line per paragraph or table-cell paragraph."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptDocument(f"damaged zip archive ({exc})", path=path) from exc
    with zf:
        try:
            info = zf.getinfo(_PART)
        except KeyError as exc:
            raise CorruptDocument(f"no {_PART} in the archive", path=path) from exc
        if info.flag_bits & 0x1:
            raise EncryptedDocument("the Word document is encrypted", path=path)
        if info.file_size > MAX_XML_BYTES:
            raise FileTooLarge(
                f"{_PART} is {info.file_size} bytes once decompressed, over the "
                f"{MAX_XML_BYTES}-byte limit",
                path=path,
            )
        try:
            numbering = Numbering(
                _small_part(zf, "word/numbering.xml", path),
                _small_part(zf, "word/styles.xml", path),
            )
            with zf.open(info) as stream:
                lines = _stream_lines(stream, path, numbering)  # type: ignore[arg-type]
        except (FileTooLarge, CorruptDocument):
            raise
        except ParseError as exc:
            raise CorruptDocument(f"damaged document.xml ({exc})", path=path) from exc
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
            raise CorruptDocument(f"damaged zip archive ({exc})", path=path) from exc
        except (RuntimeError, NotImplementedError) as exc:  # encrypted or unknown compression
            raise CorruptDocument(f"cannot decompress {_PART} ({exc})", path=path) from exc
    return "\n".join(lines) + ("\n" if lines else "")
