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


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _stream_lines(stream: io.BufferedIOBase, path: str | Path | None) -> list[str]:
    parser: XMLPullParser[Any] = XMLPullParser(events=("start", "end"))
    lines: list[str] = []
    buf: list[str] = []
    fallback = 0  # depth inside mc:Fallback (a second copy of content already read)
    hidden = False  # the current run is hidden (w:vanish)
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
                if name == "Fallback":
                    fallback += 1
                elif name == "r":
                    hidden = False
                continue
            if name == "Fallback":
                fallback -= 1
                elem.clear()
                continue
            if fallback:
                continue
            if name == "t":
                if not hidden and elem.text:
                    buf.append(elem.text)
            elif name == "vanish":
                val = next((v for k, v in elem.attrib.items() if _local(k) == "val"), "true")
                hidden = val.lower() not in _OFF
            elif name == "tab":
                if not any(_local(k) == "val" for k in elem.attrib):  # not a tab stop
                    buf.append("\t")
            elif name in ("br", "cr"):
                buf.append("\n")
            elif name == "noBreakHyphen":
                buf.append("-")
            elif name == "p":
                line = "".join(buf)
                buf = []
                lines.extend(part for part in line.split("\n") if part.strip())
                elem.clear()
    parser.close()
    if buf and "".join(buf).strip():
        lines.append("".join(buf))
    return lines


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
            with zf.open(info) as stream:
                lines = _stream_lines(stream, path)  # type: ignore[arg-type]
        except (FileTooLarge, CorruptDocument):
            raise
        except ParseError as exc:
            raise CorruptDocument(f"damaged document.xml ({exc})", path=path) from exc
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
            raise CorruptDocument(f"damaged zip archive ({exc})", path=path) from exc
        except (RuntimeError, NotImplementedError) as exc:  # encrypted or unknown compression
            raise CorruptDocument(f"cannot decompress {_PART} ({exc})", path=path) from exc
    return "\n".join(lines) + ("\n" if lines else "")
