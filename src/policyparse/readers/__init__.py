"""Readers: bytes of a file → document text and its source record."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import EmptyFile, FileNotFound, FileTooLarge, ReadError
from ..records import Source
from .text import decode_text

MAX_BYTES = 200 * 1024 * 1024


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
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise FileTooLarge(f"{size} bytes is over the {MAX_BYTES}-byte limit", path=p)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror}", path=p) from exc
    return read_bytes(data, path=p)


def read_bytes(data: bytes, *, path: str | Path | None = None) -> Loaded:
    """Read file content into text; ``path`` names it in errors and in ``source``."""
    if not data.strip():
        raise EmptyFile("file is empty", path=path)
    sha = hashlib.sha256(data).hexdigest()
    suffix = Path(path).suffix.lower() if path is not None else ""
    fmt = "md" if suffix in (".md", ".markdown") else "txt"
    text, encoding = decode_text(data, path=path)
    if not text.strip():
        raise EmptyFile("file holds no text", path=path)
    source = Source(
        path=str(path) if path is not None else None, sha256=sha, format=fmt, encoding=encoding
    )
    return Loaded(text=text, source=source)
