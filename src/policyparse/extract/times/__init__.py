"""The times stage: years, dates, periods, deadlines, starts, time limits and recurrences.

``find`` finds spans in the working copy, ``resolve`` turns them into values, ``calendar``
does the date arithmetic (working days on the public-holiday calendar). Rule data:
``data/times.yaml``. Web-page debris lines (site chrome, copyright lines) are skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...records import Meta, TimeExpression
from .calendar import add_duration, add_working_days, is_working_day
from .find import find_times
from .resolve import DocAnchor, anchor_for, resolve

if TYPE_CHECKING:
    from ...pipeline import Context

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

    anchor = anchor_for(meta or Meta())
    out = []
    for f in find_times(norm, skip or ()):
        res = resolve(f, anchor, Span(start=f.start, end=f.end), norm[f.start : f.end])
        if res.record is not None:
            out.append((f.start, f.end, res.record, res.warnings))
    return out


def run(ctx: Context) -> None:
    """Add the document's time expressions to ``ctx.times``."""
    skip = [(ln.start, ln.end) for ln in ctx.outline.lines if ln.debris]
    for start, end, record, warnings in extract_times(ctx.norm, ctx.meta, skip):
        span = ctx.span(start, end)
        ctx.times.append(record.model_copy(update={"span": span}))
        for code, message in warnings:
            ctx.warn(code, message, span)
