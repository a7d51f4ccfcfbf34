"""The times stage: years, dates, periods, deadlines, starts, time limits and recurrences.

``find`` finds spans in the working copy, ``resolve`` turns them into values, ``calendar``
does the date arithmetic (working days on the public-holiday calendar). Rule data:
``data/times.yaml``. Web-page debris lines (site chrome, copyright lines) are skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ...records import Meta, TimeExpression
from .calendar import add_duration, add_working_days, is_working_day
from .find import find_times
from .resolve import DocAnchor, anchor_for, counted_from_text, resolve

if TYPE_CHECKING:
    from ...pipeline import Context
    from ...records import Span

__all__ = [
    "DocAnchor",
    "add_duration",
    "add_working_days",
    "anchor_for",
    "extract_times",
    "is_working_day",
    "run",
]


def extract_times(
    norm: str,
    meta: Meta | None = None,
    skip: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int, TimeExpression, tuple[tuple[str, str], ...]]]:
    """Time expressions of a working copy: (start, end, record, warnings) per expression.

    The records' spans are working-copy offsets here; :func:`run` maps them to the original.
    """
    from ...records import Span

    return _expressions(norm, meta, skip, lambda s, e: Span(start=s, end=e))


def _expressions(
    norm: str,
    meta: Meta | None,
    skip: list[tuple[int, int]] | None,
    span_of: Callable[[int, int], Span],
) -> list[tuple[int, int, TimeExpression, tuple[tuple[str, str], ...]]]:
    """:func:`extract_times` with the records' spans made by ``span_of(start, end)``."""
    anchor = anchor_for(meta or Meta())
    # a relative year counted from another time of its sentence has no year of the document
    in_text = replace(anchor, year=None)
    found = find_times(norm, skip or ())
    from_text = counted_from_text(norm, found)
    out = []
    for i, f in enumerate(found):
        used = in_text if i in from_text else anchor
        res = resolve(f, used, span_of(f.start, f.end), norm[f.start : f.end])
        if res.record is not None:
            out.append((f.start, f.end, res.record, res.warnings))
    return out


def run(ctx: Context) -> None:
    """Add the document's time expressions to ``ctx.times``."""
    skip = [(ln.start, ln.end) for ln in ctx.outline.lines if ln.debris]
    # the records are made with their spans in the original text (no copy afterwards)
    for _, _, record, warnings in _expressions(ctx.norm, ctx.meta, skip, ctx.span):
        ctx.times.append(record)
        for code, message in warnings:
            ctx.warn(code, message, record.span)
