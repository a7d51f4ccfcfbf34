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


def _plausible(ch: str) -> bool:
    """A character that text in a policy document is made of (Chinese, ASCII, punctuation)."""
    o = ord(ch)
    return (
        (32 <= o < 127 or ch in "\n\r\t\f")
        or 0xA0 <= o <= 0x24F  # Latin-1 and Latin Extended (·, ×, é)
        or 0x2000 <= o <= 0x27BF  # punctuation, symbols, ①, box drawing, shapes
        or 0x3000 <= o <= 0x30FF  # CJK punctuation, kana
        or 0x3200 <= o <= 0x9FFF  # enclosed CJK, extension A, unified ideographs
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFFEF
        or 0x20000 <= o <= 0x3FFFF  # extensions B and later (surrogate pairs)
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark, or ``None``.

    Chinese characters have no NUL byte in UTF-16, so the share of NULs says little about a
    mostly Chinese file; instead both byte orders are decoded and the one whose start is made
    of characters text is made of wins (the wrong order turns line breaks and digits into
    unrelated scripts).
    """
    best: tuple[float, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:4000]
        if not sample:
            continue
        score = sum(1 for ch in sample if _plausible(ch)) / len(sample)
        if best is None or score > best[0]:
            best = (score, text)
    if best is None or best[0] < 0.95:
        return None
    return best[1]


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
