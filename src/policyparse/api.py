"""The library's entry points."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .pipeline import run_pipeline
from .readers import read_path
from .records import PolicyDocument, Source


def parse(text: str, *, source: Source | None = None) -> PolicyDocument:
    """Extract every record from policy text.

    ``text`` is kept as given except that ``\\r\\n`` and ``\\r`` become ``\\n``; every span
    points into the returned document's ``text``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if source is None:
        source = Source(sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    return run_pipeline(text, source)


def parse_file(path: str | Path) -> PolicyDocument:
    """Read a policy file (encoding and format detected) and extract every record."""
    loaded = read_path(path)
    return run_pipeline(loaded.text, loaded.source)
