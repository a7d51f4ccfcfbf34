"""Readers: bytes of a file → document text and its source record.

The format is recognized from the content (``%PDF``, a zip holding ``word/document.xml``, an
OLE file holding a ``WordDocument`` stream, HTML markup), the file name's extension only
breaking ties. Every reader has size limits, so that no input can make reading take unbounded
time or memory.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import EmptyFile, FileNotFound, FileTooLarge, ReadError
from ..records import Source
from .sniff import sniff_format
from .text import decode_text

MAX_BYTES = 200 * 1024 * 1024
"""Largest file read at all (bytes)."""
MAX_TEXT_CHARS = 10_000_000
"""Longest document text accepted after decoding and extraction (code points)."""

__all__ = ["MAX_BYTES", "MAX_TEXT_CHARS", "Loaded", "read_bytes", "read_path"]


@dataclass(frozen=True)
class Loaded:
    """What a reader gives: the text and where it came from."""

    text: str
    source: Source


def read_path(path: str | Path) -> Loaded:
    """Read a policy file into text, detecting its format and encoding."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFound("no such file", path=p)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise FileTooLarge(f"{size} bytes is over the {MAX_BYTES}-byte limit", path=p)
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror}", path=p) from exc
    return read_bytes(data, path=p)


def read_bytes(data: bytes, *, path: str | Path | None = None) -> Loaded:
    """Read file content into text; ``path`` names it in errors and in ``source``."""
    if len(data) > MAX_BYTES:
        raise FileTooLarge(f"{len(data)} bytes is over the {MAX_BYTES}-byte limit", path=path)
    if not data.strip():
        raise EmptyFile("file is empty", path=path)
    sha = hashlib.sha256(data).hexdigest()
    suffix = Path(path).suffix.lower() if path is not None else ""
    fmt = sniff_format(data, suffix, path=path)
    encoding: str | None
    if fmt == "pdf":
        from .pdf import read_pdf

        text, encoding = read_pdf(data, path=path), None
    elif fmt == "docx":
        from .docx import read_docx

        text, encoding = read_docx(data, path=path), None
    elif fmt == "doc":
        from .doc import read_doc

        text, encoding = read_doc(data, path=path), None
    elif fmt == "html":
        from .html import read_html

        text, encoding = read_html(data, path=path)
    else:
        text, encoding = decode_text(data, path=path)
    if len(text) > MAX_TEXT_CHARS:
        raise FileTooLarge(
            f"{len(text)} characters of text is over the {MAX_TEXT_CHARS}-character limit",
            path=path,
        )
    if not text.strip():
        raise EmptyFile("file holds no text", path=path)
    source = Source(
        path=str(path) if path is not None else None, sha256=sha, format=fmt, encoding=encoding
    )
    return Loaded(text=text, source=source)
