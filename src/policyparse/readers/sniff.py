"""Recognizing a file's format from its first bytes (the extension only breaks ties)."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from pathlib import Path
from typing import Literal

from ..errors import BinaryFile, CorruptDocument, EncryptedDocument, UnsupportedFormat

Format = Literal["txt", "md", "html", "docx", "doc", "pdf"]

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_MD_SUFFIXES = (".md", ".markdown")
_DOC_SUFFIXES = (".doc", ".wps", ".dot")
# A document that opens with one of these is HTML whatever its name.
_HTML_START = re.compile(
    rb"(?:<\?xml[^>]{0,200}>\s{0,100})?(?:<!--.{0,2000}?-->\s{0,100}){0,5}"
    rb"<(?:!doctype\s{1,20}html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
# With no telling extension, markup like this near the start also makes it HTML.
_HTML_TAGS = re.compile(rb"<(?:p|div|table|span|br|h[1-6])\b[^>]{0,500}>", re.IGNORECASE)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OTHER_MAGIC: tuple[tuple[bytes, str], ...] = (
    (_OLE, "a legacy Office file that is not a Word document (.xls/.ppt); save it as .docx"),
    (b"{\\rtf", "RTF; save it as .docx"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"%!PS", "PostScript"),
)


def _head_as_ascii(data: bytes) -> bytes:
    """The first bytes as an ASCII-compatible byte string (UTF-16 decoded, BOMs dropped)."""
    head = data[:4096]
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom) :].decode(codec, "ignore").encode("utf-8", "ignore")
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    if head[:2000].count(0) > 200:
        for codec in ("utf-16-le", "utf-16-be"):
            text = head.decode(codec, "ignore")
            if text.lstrip().startswith("<"):
                return text.encode("utf-8", "ignore")
    return head


def looks_like_html(data: bytes, *, strong_only: bool = False) -> bool:
    """True when the content is HTML markup."""
    head = _head_as_ascii(data).lstrip()
    if _HTML_START.match(head):
        return True
    if strong_only or not head.startswith(b"<"):
        return False
    return _HTML_TAGS.search(head) is not None


def _is_docx(data: bytes, path: str | Path | None) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptDocument(f"damaged zip archive ({exc})", path=path) from exc
    return "word/document.xml" in names


def _ole_stream(data: bytes, name: str) -> bool:
    """True when an OLE container's directory (names stored in UTF-16) lists stream ``name``."""
    needle = name.encode("utf-16-le")
    window = 4 * 1024 * 1024
    return needle in data[:window] or (len(data) > window and needle in data[-window:])


def _ole_is_encrypted_package(data: bytes, suffix: str) -> bool:
    """True for the OLE container Office puts a password-protected ``.docx`` in.

    Its directory names an ``EncryptedPackage`` stream. A legacy ``.doc`` (a ``WordDocument``
    stream) renamed ``.docx`` is not one; an OLE file named ``.docx`` that shows neither name
    is taken to be protected.
    """
    if _ole_stream(data, "EncryptedPackage"):
        return True
    return suffix == ".docx" and not _ole_stream(data, "WordDocument")


def sniff_format(data: bytes, suffix: str, *, path: str | Path | None = None) -> Format:
    """The format of ``data``; ``suffix`` (lower case, with its dot) breaks ties."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        if _is_docx(data, path):
            return "docx"
        if suffix == ".docx":
            raise CorruptDocument("zip archive without word/document.xml", path=path)
        raise UnsupportedFormat("a zip archive that is not a Word document", path=path)
    if data.startswith(_OLE) and _ole_is_encrypted_package(data, suffix):
        raise EncryptedDocument("a password-protected Word document", path=path)
    if data.startswith(_OLE) and (suffix in _DOC_SUFFIXES or _ole_stream(data, "WordDocument")):
        return "doc"  # Word 97–2003, or a .wps file saved in its format (else a coded error)
    for magic, what in _OTHER_MAGIC:
        if data.startswith(magic):
            if "save it as" in what:  # a document format policyparse does not read
                raise UnsupportedFormat(what, path=path)
            raise BinaryFile(f"binary content ({what}), not a policy document", path=path)
    if suffix in (".pdf", ".docx") and looks_like_html(data, strong_only=True):
        return "html"  # web pages saved under a document's name are common
    if suffix == ".pdf":
        raise CorruptDocument("no %PDF header: not a PDF file, or a damaged one", path=path)
    if suffix == ".docx":
        raise CorruptDocument("not a zip archive: not a .docx file, or a damaged one", path=path)
    if suffix in _HTML_SUFFIXES:
        return "html"
    if looks_like_html(data, strong_only=suffix in _MD_SUFFIXES or suffix == ".txt"):
        return "html"
    return "md" if suffix in _MD_SUFFIXES else "txt"
