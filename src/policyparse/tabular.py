"""Records as flat rows (one dict per record), for CSV files and data frames."""

from __future__ import annotations

from typing import Any, Final

from .records import PolicyDocument, Span

RECORD_KINDS: Final = (
    "sections",
    "provisions",
    "paragraphs",
    "sentences",
    "quantities",
    "times",
    "targets",
    "baselines",
    "responsible_units",
    "entities",
    "warnings",
)


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = "; ".join(str(v) for v in value)
        else:
            flat[name] = value
    return flat


def rows(doc: PolicyDocument, kind: str) -> list[dict[str, Any]]:
    """One flat dict per record of ``kind``, nested fields as dotted keys, plus ``evidence``."""
    if kind not in RECORD_KINDS:
        raise ValueError(f"unknown record kind {kind!r}; one of: {', '.join(RECORD_KINDS)}")
    out: list[dict[str, Any]] = []
    for record in getattr(doc, kind):
        flat = _flatten(record.model_dump(mode="json"))
        span = getattr(record, "span", None)
        if isinstance(span, Span):
            flat["evidence"] = doc.evidence(span)
        out.append(flat)
    return out
