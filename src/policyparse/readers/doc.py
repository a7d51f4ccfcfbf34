"""Legacy Word documents (``.doc``, Word 97–2003, and ``.wps`` files saved in that format).

The file is an OLE compound file (read with ``olefile``). Its ``WordDocument`` stream opens
with the file information block (FIB), which says where the piece table lies in the table
stream (``0Table`` or ``1Table``) and how many characters the main text has. The piece table
maps character positions to runs of bytes in ``WordDocument``, each either UTF-16 or 8-bit
(cp1252, "compressed"). The text is the main document's characters in order; headers,
footnotes and comments, stored after them, are left out. Word's control characters become
line breaks (paragraph, table cell, line and page marks) or are dropped; of a field
(``HYPERLINK``, ``PAGE``) only the result is kept, not its code.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

from ..errors import CorruptDocument, EncryptedDocument, FileTooLarge, UnsupportedFormat

__all__ = ["read_doc"]

MAX_STREAM_BYTES = 128 * 1024 * 1024
"""Largest ``WordDocument`` or table stream read (bytes)."""
MAX_TEXT_CHARS = 20_000_000
"""Most characters of main text a FIB may announce."""

_WORD_IDENT = 0xA5EC
_FIRST_WORD97_FIB = 0x00C0  # Word 6 and 95 wrote 0x0065..0x0068
_ENCRYPTED = 0x0100
_TABLE_ONE = 0x0200
_CLX_PAIR = 33  # fcClx/lcbClx: the 34th pair of FibRgFcLcb97
_COMPRESSED = 0x40000000

_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
# paragraph, table cell or row, line and page or section marks end a line; a non-breaking
# hyphen is a hyphen; the other control characters (optional hyphens, anchors of pictures,
# drawn objects, note references) carry no text
_FIELD_MARK = re.compile(r"[\x13\x14\x15]")
_CONTROLS: dict[int, str | None] = {c: None for c in range(0x20) if c not in (0x09, 0x0A)}
_CONTROLS.update({0x0D: "\n", 0x07: "\n", 0x0B: "\n", 0x0C: "\n", 0x1E: "-"})


def read_doc(data: bytes, *, path: str | Path | None = None) -> str:
    """The text of a Word 97–2003 binary document, one line per paragraph or table cell."""
    word, table = _streams(data, path)
    ccp_text, fc_clx, lcb_clx = _fib(word, path)
    pieces = _piece_table(table, fc_clx, lcb_clx, path)
    text = _main_text(word, pieces, ccp_text, path)
    if _FIELD_BEGIN in text:
        text = _field_results(text)
    lines = (line.strip(" \t\u3000") for line in text.translate(_CONTROLS).split("\n"))
    kept = [line for line in lines if line]
    return "\n".join(kept) + ("\n" if kept else "")


def _streams(data: bytes, path: str | Path | None) -> tuple[bytes, bytes]:
    """The ``WordDocument`` stream and the table stream its FIB names."""
    import olefile

    try:
        ole = olefile.OleFileIO(data)
    except Exception as exc:  # any failure of the container parser on damaged input
        raise CorruptDocument(f"damaged OLE container ({type(exc).__name__})", path=path) from exc
    with ole:
        try:
            if not ole.exists("WordDocument"):
                raise UnsupportedFormat(
                    "a legacy Office file that is not a Word document (.xls/.ppt); save it as "
                    ".docx or .xlsx",
                    path=path,
                )
            word = _stream(ole, "WordDocument", path)
            flags = struct.unpack_from("<H", word, 10)[0] if len(word) >= 12 else 0
            name = "1Table" if flags & _TABLE_ONE else "0Table"
            if flags & _ENCRYPTED:
                raise EncryptedDocument("the Word document is password-protected", path=path)
            if not ole.exists(name):
                raise CorruptDocument(f"no {name} stream for the FIB to point into", path=path)
            table = _stream(ole, name, path)
        except (UnsupportedFormat, EncryptedDocument, CorruptDocument, FileTooLarge):
            raise
        except Exception as exc:  # a broken FAT chain or directory, read lazily
            raise CorruptDocument(
                f"damaged OLE container ({type(exc).__name__})", path=path
            ) from exc
    return word, table


def _stream(ole: object, name: str, path: str | Path | None) -> bytes:
    size = ole.get_size(name)  # type: ignore[attr-defined]
    if size > MAX_STREAM_BYTES:
        raise FileTooLarge(
            f"the {name} stream is {size} bytes, over the {MAX_STREAM_BYTES}-byte limit", path=path
        )
    with ole.openstream(name) as stream:  # type: ignore[attr-defined]
        data: bytes = stream.read()
    return data


def _fib(word: bytes, path: str | Path | None) -> tuple[int, int, int]:
    """``ccpText``, ``fcClx`` and ``lcbClx`` of the FIB at the start of ``word``."""
    try:
        ident, n_fib = struct.unpack_from("<HH", word, 0)
        if ident != _WORD_IDENT:
            raise CorruptDocument("WordDocument stream without a Word FIB", path=path)
        if n_fib < _FIRST_WORD97_FIB:
            raise UnsupportedFormat("a Word 6 or Word 95 document; save it as .docx", path=path)
        csw = struct.unpack_from("<H", word, 32)[0]
        lw = 32 + 2 + 2 * csw  # cslw, then FibRgLw97
        cslw = struct.unpack_from("<H", word, lw)[0]
        ccp_text = struct.unpack_from("<i", word, lw + 2 + 12)[0]
        rg = lw + 2 + 4 * cslw  # cbRgFcLcb, then FibRgFcLcb97
        pairs = struct.unpack_from("<H", word, rg)[0]
        if pairs <= _CLX_PAIR or cslw < 4:
            raise CorruptDocument("the FIB is too short to locate the text", path=path)
        fc_clx, lcb_clx = struct.unpack_from("<II", word, rg + 2 + 8 * _CLX_PAIR)
    except struct.error as exc:
        raise CorruptDocument("truncated FIB", path=path) from exc
    if not 0 <= ccp_text <= MAX_TEXT_CHARS:
        raise CorruptDocument(f"implausible text length {ccp_text} in the FIB", path=path)
    return ccp_text, fc_clx, lcb_clx


def _piece_table(
    table: bytes, fc_clx: int, lcb_clx: int, path: str | Path | None
) -> list[tuple[int, int, int, bool]]:
    """The pieces ``(first cp, last cp + 1, byte offset, compressed)`` of the Clx."""
    end = fc_clx + lcb_clx
    if lcb_clx == 0 or end > len(table):
        raise CorruptDocument("the piece table lies outside the table stream", path=path)
    k = fc_clx
    try:
        while table[k] == 0x01:  # Prc: property modifiers ahead of the piece table
            size = struct.unpack_from("<h", table, k + 1)[0]
            if size < 0 or k + 3 + size >= end:
                raise CorruptDocument("malformed property modifiers in the Clx", path=path)
            k += 3 + size
        if table[k] != 0x02:
            raise CorruptDocument("no piece table in the Clx", path=path)
        lcb = struct.unpack_from("<I", table, k + 1)[0]
        plc = k + 5
        if plc + lcb > end or lcb < 16 or (lcb - 4) % 12:
            raise CorruptDocument("malformed piece table", path=path)
        n = (lcb - 4) // 12
        cps = struct.unpack_from(f"<{n + 1}i", table, plc)
        pieces = []
        for j in range(n):
            fc = struct.unpack_from("<I", table, plc + 4 * (n + 1) + 8 * j + 2)[0]
            compressed = bool(fc & _COMPRESSED)
            offset = (fc & ~_COMPRESSED & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF
            if cps[j + 1] < cps[j] or cps[j] < 0:
                raise CorruptDocument("piece table positions out of order", path=path)
            pieces.append((cps[j], cps[j + 1], offset, compressed))
    except (IndexError, struct.error) as exc:
        raise CorruptDocument("truncated piece table", path=path) from exc
    return pieces


def _main_text(
    word: bytes, pieces: list[tuple[int, int, int, bool]], ccp_text: int, path: str | Path | None
) -> str:
    """The first ``ccp_text`` characters the pieces hold, in order."""
    parts: list[str] = []
    for first, last, offset, compressed in pieces:
        if first >= ccp_text:
            break
        count = min(last, ccp_text) - first
        size = count if compressed else 2 * count
        if offset + size > len(word):
            raise CorruptDocument("a piece of text lies outside the WordDocument stream", path=path)
        raw = word[offset : offset + size]
        parts.append(
            raw.decode("cp1252", "replace") if compressed else raw.decode("utf-16-le", "replace")
        )
    return "".join(parts)


def _field_results(text: str) -> str:
    """``text`` with each field's code dropped and its result kept (fields nest)."""
    out: list[str] = []
    stack: list[bool] = []  # per open field: whether its separator has come (result shown)
    shown = True
    start = 0
    for m in _FIELD_MARK.finditer(text):
        k, c = m.start(), m.group()
        if shown:
            out.append(text[start:k])
        if c == _FIELD_BEGIN:
            stack.append(False)
        elif c == _FIELD_SEPARATOR and stack:
            stack[-1] = True
        elif c == _FIELD_END and stack:
            stack.pop()
        shown = all(stack)
        start = k + 1
    if shown:
        out.append(text[start:])
    return "".join(out)
