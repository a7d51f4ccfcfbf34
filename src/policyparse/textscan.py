"""Small text scans shared by the extract stages."""

from __future__ import annotations

from collections.abc import Iterator


def char_offsets(t: str, chars: str) -> Iterator[int]:
    """Every offset of one of ``chars`` in ``t`` (character by character, not in order)."""
    for c in chars:
        i = t.find(c)
        while i >= 0:
            yield i
            i = t.find(c, i + 1)
