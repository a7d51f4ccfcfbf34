"""Targets of a text as plain rows, for the targets tests to compare."""

from __future__ import annotations

import policyparse

from .spancheck import check_spans

Row = tuple[str, float | None, str | None, str, int | None]
"""Indicator, value, unit, bound and deadline year of one target."""


def target_rows(text: str) -> list[Row]:
    """The targets of ``text``, after checking that every span of its document holds."""
    doc = policyparse.parse(text)
    check_spans(doc)
    return [
        (
            t.indicator,
            t.quantity.value,
            t.quantity.unit,
            t.quantity.bound,
            t.deadline.year if t.deadline is not None else None,
        )
        for t in doc.targets
    ]
