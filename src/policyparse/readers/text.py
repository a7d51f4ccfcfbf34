"""Plain-text decoding: BOMs, UTF-8, GB18030/GBK and UTF-16, and line endings."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import BinaryFile, UndecodableText

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_text(text: str) -> bool:
    """False when decoded text is mostly control or private-use characters."""
    sample = text[:20000]
    if not sample:
        return True
    bad = sum(
        1
        for ch in sample
        if (ord(ch) < 32 and ch not in "\n\r\t\f\v")
        or 0xE000 <= ord(ch) <= 0xF8FF
        or ch == "\ufffd"
    )
    return bad / len(sample) < 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4096]
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    half = max(1, len(head) // 2)
    for nuls, codec in ((odd_nuls, "utf-16-le"), (even_nuls, "utf-16-be")):
        if nuls / half > 0.3:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def decode_text(data: bytes, *, path: str | Path | None = None) -> tuple[str, str]:
    """Decode bytes of a text file; return the text and the encoding used."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise UndecodableText(
                    f"invalid {name} after its byte-order mark", path=path
                ) from exc
            return normalize_newlines(text), name
    if b"\x00" in data[:8192]:
        text16 = _utf16_without_bom(data)
        if text16 is not None and _looks_like_text(text16):
            return normalize_newlines(text16), "utf-16"
        raise BinaryFile("binary content (NUL bytes), not text", path=path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _looks_like_text(text):
            raise BinaryFile("binary content, not text", path=path)
        return normalize_newlines(text), "utf-8"
    for codec in ("gbk", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return normalize_newlines(text), codec
        break
    raise UndecodableText("not UTF-8, GB18030/GBK or UTF-16 text", path=path)
