"""Showing a PolicyDocument to people: HTML with highlighted records, and pandas tables.

- :func:`to_html` gives the document text with its records highlighted (label and resolved
  value in each highlight's ``title``, shown on hover); ``PolicyDocument._repr_html_`` uses it,
  so a document shows itself in Jupyter.
- :func:`render` writes the same as a self-contained HTML page (no external scripts or styles).
- :func:`table` gives one kind of record as a pandas DataFrame (the optional ``[pandas]`` extra).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .errors import MissingDependency, OutputError, UsageError
from .records import (
    Baseline,
    Entity,
    PolicyDocument,
    Quantity,
    ResponsibleUnit,
    Target,
    TimeExpression,
)
from .tabular import RECORD_KINDS, rows

if TYPE_CHECKING:
    import pandas

__all__ = ["HIGHLIGHT_KINDS", "render", "table", "to_html"]

HIGHLIGHT_KINDS = ("targets", "baselines", "responsible_units", "quantities", "times", "entities")
"""Record kinds highlighted in the HTML view, outermost first."""

_CSS = """
.pp-doc{font-family:system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;
  line-height:1.9;max-width:60em}
.pp-doc .pp-meta{color:#555;font-size:.9em;margin:.2em 0 .8em}
.pp-doc .pp-legend span{margin-right:.8em;padding:0 .3em}
.pp-doc .pp-text{white-space:pre-wrap}
.pp-doc .pp-targets{border-bottom:2px solid #d9480f}
.pp-doc .pp-baselines{border-bottom:2px dotted #868e96}
.pp-doc .pp-responsible_units{background:#d3f9d8}
.pp-doc .pp-quantities{background:#fff3bf}
.pp-doc .pp-times{background:#d0ebff}
.pp-doc .pp-entities{box-shadow:inset 0 -3px 0 #be4bdb}
.pp-doc .pp-entities.pp-GPE{box-shadow:inset 0 -3px 0 #15aabf}
.pp-doc .pp-entities.pp-GOV{box-shadow:inset 0 -3px 0 #4263eb}
.pp-doc .pp-entities.pp-ORG{box-shadow:inset 0 -3px 0 #c2255c}
.pp-doc .pp-entities.pp-LAW{box-shadow:inset 0 -3px 0 #5c940d}
.pp-doc [title]{cursor:help}
"""

_LEGEND = (
    ("targets", "target"),
    ("baselines", "baseline"),
    ("responsible_units", "responsible unit"),
    ("quantities", "quantity"),
    ("times", "time"),
    ("entities", "entity"),
)


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _quantity(q: Quantity, *, yuan: bool = True) -> str:
    amount = _num(q.value) if q.value is not None else f"{_num(q.low)}–{_num(q.high)}"
    unit = f" {q.unit}" if q.unit else ""
    bound = "" if q.bound == "eq" else f" ({q.bound})"
    in_yuan = f" = {_num(q.yuan)} 元" if yuan and q.yuan is not None else ""
    return f"{amount}{unit}{bound}{in_yuan}"


def describe(kind: str, record: BaseModel) -> str:
    """A one-line label and resolved value of a record (the text of its hover title)."""
    if isinstance(record, Target):
        deadline = f" by {record.deadline.year}" if record.deadline else ""
        return f"target: {record.indicator} = {_quantity(record.quantity, yuan=False)}{deadline}"
    if isinstance(record, Baseline):
        year = f" in {record.year}" if record.year else ""
        return f"baseline: {record.indicator} = {_quantity(record.quantity, yuan=False)}{year}"
    if isinstance(record, Quantity):
        return f"quantity ({record.kind}): {_quantity(record)}"
    if isinstance(record, TimeExpression):
        parts = [f"time ({record.kind})"]
        if record.year is not None:
            parts.append(str(record.year))
        if record.start and record.end:
            parts.append(f"{record.start} .. {record.end}")
        elif record.end:
            parts.append(f"until {record.end}")
        elif record.start:
            parts.append(f"from {record.start}")
        return ": ".join([parts[0], " ".join(parts[1:])]) if len(parts) > 1 else parts[0]
    if isinstance(record, ResponsibleUnit):
        return f"responsible unit ({record.role}): {record.name}"
    if isinstance(record, Entity):
        extra = (
            f" = {record.canonical}" if record.canonical and record.canonical != record.text else ""
        )
        code = f" [{record.code}]" if record.code else ""
        return f"{record.label}{extra}{code}"
    return kind


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str
    css: str
    title: str
    order: int


def _marks(doc: PolicyDocument, kinds: Sequence[str]) -> list[_Mark]:
    marks: list[_Mark] = []
    for order, kind in enumerate(kinds):
        for record in getattr(doc, kind):
            span = record.span
            if span.end <= span.start:
                continue
            css = f"pp-{kind}"
            if isinstance(record, Entity):
                css += f" pp-{record.label}"
            marks.append(_Mark(span.start, span.end, kind, css, describe(kind, record), order))
    return marks


def _highlight(text: str, marks: list[_Mark]) -> str:
    """The text, HTML-escaped, cut at every mark boundary; each piece carries its marks."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[_Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[_Mark] = []
    out: list[str] = []
    for a, b in pairwise(cuts):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        piece = html.escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        ordered = sorted(active, key=lambda m: (m.order, m.start, -m.end))
        css = " ".join(dict.fromkeys(c for m in ordered for c in m.css.split()))
        title = html.escape("\n".join(dict.fromkeys(m.title for m in ordered)), quote=True)
        out.append(f'<span class="{css}" title="{title}">{piece}</span>')
    return "".join(out)


def to_html(
    doc: PolicyDocument, *, kinds: Iterable[str] = HIGHLIGHT_KINDS, style: bool = True
) -> str:
    """The document as an HTML fragment: meta line, legend and the highlighted text."""
    chosen = [k for k in kinds]
    unknown = [k for k in chosen if k not in HIGHLIGHT_KINDS]
    if unknown:
        raise UsageError(
            f"cannot highlight {', '.join(unknown)}; choose from {', '.join(HIGHLIGHT_KINDS)}"
        )
    m = doc.meta
    meta = [f"<b>{html.escape(m.title)}</b>"] if m.title else []
    for label, value in (("issuer", m.issuer), ("number", m.doc_number), ("date", m.date)):
        if value:
            meta.append(f"{label}: {html.escape(value)}")
    counts = ", ".join(f"{len(getattr(doc, k))} {k.replace('_', ' ')}" for k in chosen)
    meta.append(counts)
    legend = "".join(
        f'<span class="pp-{k}">{label}</span>'
        for k, label in _LEGEND
        if k in chosen and k != "entities"
    )
    if "entities" in chosen:
        legend += "".join(
            f'<span class="pp-entities pp-{lab}">{lab}</span>'
            for lab in ("GOV", "ORG", "GPE", "LAW", "PROGRAM")
        )
    body = _highlight(doc.text, _marks(doc, chosen))
    css = f"<style>{_CSS}</style>" if style else ""
    return (
        f'{css}<div class="pp-doc"><div class="pp-meta">{" · ".join(meta)}</div>'
        f'<div class="pp-legend">{legend}</div><div class="pp-text">{body}</div></div>'
    )


def render(
    doc: PolicyDocument, path: str | Path, *, kinds: Iterable[str] = HIGHLIGHT_KINDS
) -> Path:
    """Write the document as a self-contained HTML page (inline style, no scripts) to ``path``."""
    title = html.escape(doc.meta.title or doc.source.path or "policyparse document")
    page = (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body>{to_html(doc, kinds=kinds)}</body></html>\n"
    )
    out = Path(path)
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write HTML: {exc.strerror or exc}", path=out) from exc
    return out


def _columns(kind: str) -> list[str]:
    """Column names of an empty table, from the record model's fields."""
    annotation: Any = PolicyDocument.model_fields[kind].annotation
    model = annotation.__args__[0]
    cols: list[str] = []
    for name, field in model.model_fields.items():
        sub = field.annotation
        if isinstance(sub, type) and issubclass(sub, BaseModel):
            cols.extend(f"{name}.{s}" for s in sub.model_fields)
        else:
            cols.append(name)
    if "span" in model.model_fields:
        cols.append("evidence")
    return cols


def table(doc: PolicyDocument, kind: str) -> pandas.DataFrame:
    """One kind of record as a pandas DataFrame: a row per record, nested fields dotted."""
    if kind not in RECORD_KINDS:
        raise UsageError(f"unknown record kind {kind!r}; one of: {', '.join(RECORD_KINDS)}")
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingDependency(
            "doc.table() needs pandas: pip install 'policyparse[pandas]'"
        ) from exc
    data = rows(doc, kind)
    if not data:
        return pd.DataFrame(columns=_columns(kind))
    return pd.DataFrame(data)
