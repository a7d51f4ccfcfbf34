"""``policyparse show``: a short, readable digest of one document's records."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

if TYPE_CHECKING:  # the records (and Pydantic) load when a command runs, not for --help
    from ..records import PolicyDocument, Target

T = TypeVar("T")

_BOUND_SIGNS = {"eq": "", "ge": "≥", "gt": ">", "le": "≤", "lt": "<", "approx": "≈"}
_ROLE_NAMES = {"lead": "lead", "participant": "with", "guide": "guide", "unspecified": ""}


def show(
    path: Annotated[Path, typer.Argument(help="A policy file (txt, md, html, docx, pdf).")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=0, help="Rows per list (0: all).")
    ] = 20,
) -> None:
    """Print a digest of one document: its meta, record counts, targets and responsible units."""
    from .. import parse_file
    from ..errors import PolicyParseError

    try:
        doc = parse_file(path)
    except PolicyParseError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    typer.echo(digest(doc, str(path), limit))


def digest(doc: PolicyDocument, name: str, limit: int = 20) -> str:
    """The text ``policyparse show`` prints for ``doc``."""
    m = doc.meta
    lines = [f"{name}: {m.title or '(no title found)'}"]
    facts = [x for x in (m.issuer, m.doc_number, m.date) if x]
    if m.plan_period is not None:
        facts.append(f"plan {m.plan_period.start}–{m.plan_period.end}")
    if facts:
        lines.append("  " + " · ".join(str(x) for x in facts))
    counts = [
        (len(doc.sections), "sections"),
        (len(doc.provisions), "provisions"),
        (len(doc.sentences), "sentences"),
        (len(doc.quantities), "quantities"),
        (len(doc.times), "times"),
        (len(doc.targets), "targets"),
        (len(doc.baselines), "baselines"),
        (len(doc.responsible_units), "responsible units"),
        (len(doc.entities), "entities"),
    ]
    lines.append("  " + " · ".join(f"{n} {what}" for n, what in counts))
    numbers = {p.id: p.number for p in doc.provisions}

    lines.append("")
    lines.append(f"Targets ({len(doc.targets)})")
    for t in _first(doc.targets, limit):
        where = numbers.get(t.provision or "", "")
        year = str(t.deadline.year) if t.deadline and t.deadline.year else "—"
        lines.append(f"  {year:>4}  {where:<6} {t.indicator}  {_value(t)}")
    lines.extend(_more(len(doc.targets), limit))

    lines.append("")
    lines.append(f"Responsible units ({len(doc.responsible_units)})")
    groups: dict[tuple[int, int], list[str]] = {}
    provision_of: dict[tuple[int, int], str | None] = {}
    for u in doc.responsible_units:
        key = (u.block.start, u.block.end) if u.block else (u.span.start, u.span.end)
        role = _ROLE_NAMES.get(u.role, u.role)
        groups.setdefault(key, []).append(f"{u.canonical or u.name}{f' ({role})' if role else ''}")
        provision_of.setdefault(key, u.provision)
    keys = list(groups)
    for key in _first(keys, limit):
        where = numbers.get(provision_of[key] or "", "")
        lines.append(f"  {where:<6} " + "、".join(groups[key]))
    lines.extend(_more(len(keys), limit))
    return "\n".join(lines)


def _value(t: Target) -> str:
    q = t.quantity
    if q.low is not None and q.high is not None:
        number = f"{q.low:g}–{q.high:g}"
    else:
        number = f"{q.value:g}" if q.value is not None else (q.text or "")
    return f"{_BOUND_SIGNS.get(q.bound, q.bound)}{number}{q.unit or ''}"


def _first(items: list[T], limit: int) -> list[T]:
    return items if limit == 0 else items[:limit]


def _more(total: int, limit: int) -> list[str]:
    if limit and total > limit:
        return [f"  … and {total - limit} more (--limit 0 shows all)"]
    return []
