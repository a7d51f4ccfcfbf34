"""Reports of a check run: a terminal table, a JSON document, a verbose listing of misses."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..records import PolicyDocument, ResponsibleUnit, Span, Target
from .gold import LocatedTarget, Value, squash
from .match import GoldUnitRef, deadline_of, indicator_f1
from .run import CheckResult, DocumentResult
from .score import SCORE_NAMES, Counts, Scores

QUOTE_WIDTH = 60


def _short(s: str, n: int = QUOTE_WIDTH) -> str:
    s = squash(s)
    return s if len(s) <= n else s[: n - 1] + "…"


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _value(v: Value) -> str:
    return f"{v[0]:g}-{v[1]:g}" if isinstance(v, tuple) else f"{v:g}"


# --- table ---------------------------------------------------------------------------------


def _rows(result: CheckResult) -> list[tuple[str, Scores]]:
    rows = [(d.name, d.scores) for d in result.documents]
    if len(rows) != 1:
        rows.append(("overall", result.overall))
    return rows


def _table(
    title: str,
    rows: list[tuple[str, Scores]],
    heads: list[str],
    cells: Callable[[Scores], list[str]],
) -> list[str]:
    width = max([len(title), *(len(name) for name, _ in rows)])
    out = [f"{title:<{width}}" + "".join(f"{h:>9}" for h in heads)]
    for name, s in rows:
        if name == "overall":
            out.append("-" * len(out[0]))
        out.append(f"{name:<{width}}" + "".join(f"{c:>9}" for c in cells(s)))
    return out


def _prf(c: Counts) -> list[str]:
    return [_num(c.precision), _num(c.recall), _num(c.f1)]


def table(result: CheckResult) -> str:
    """The scores as two plain-text tables, units and targets, then the gate's verdict."""
    rows = _rows(result)
    lines = _table(
        "Responsible units",
        rows,
        ["gold", "found", "name P", "name R", "name F1", "+role P", "+role R", "+role F1"],
        lambda s: [
            str(s.units_name.gold),
            str(s.units_name.predicted),
            *_prf(s.units_name),
            *_prf(s.units_name_role),
        ],
    )
    lines.append("")
    lines += _table(
        "Targets",
        rows,
        ["gold", "found", "det P", "det R", "det F1", "full F1", "bound", "ind F1"],
        lambda s: [
            str(s.targets_detection.gold),
            str(s.targets_detection.predicted),
            *_prf(s.targets_detection),
            _num(s.targets_full.f1),
            _num(s.bound.value),
            _num(s.indicator.value),
        ],
    )
    lines.append("")
    lines += verdict(result)
    return "\n".join(lines) + "\n"


def failures(result: CheckResult) -> list[str]:
    """One line per failure of the gate: a score below its threshold, a known miss passing."""
    lines = [f"FAIL {f.message()}" for f in result.threshold_failures]
    return lines + [f"FAIL {k.message()}" for k in result.newly_passing]


def verdict(result: CheckResult) -> list[str]:
    """Lines saying what the gate found: thresholds, known misses, errors, pass or fail."""
    set_ = result.config.thresholds.items()
    met = len(set_) - len(result.threshold_failures)
    known = result.known
    still = len(known) - len(result.newly_passing)
    where = f" ({result.config_path})" if result.config_path else " (no config)"
    lines = [
        f"thresholds: {met} of {len(set_)} met{where}",
        f"known misses: {still} of {len(known)} still missed",
    ]
    lines += failures(result)
    lines += [f"not checked (no gold file): {p}" for p in result.unpaired]
    if result.errors:
        n = len(result.errors)
        lines.append(f"{n} error{'s' if n > 1 else ''} (listed on stderr)")
    lines.append("check passed" if result.ok else "check FAILED")
    return lines


# --- verbose listing -----------------------------------------------------------------------


def _evidence(doc: PolicyDocument, span: Span) -> str:
    return _short(doc.text[span.start : span.end])


def _gold_target(g: LocatedTarget) -> str:
    e = g.entry
    by = f", by {e.deadline}" if e.deadline is not None else ", no deadline"
    return f"{e.indicator} = {_value(e.value)} {e.unit or ''} ({e.bound}{by})"


def _pred_target(t: Target) -> str:
    q = t.quantity
    v = f"{q.low:g}-{q.high:g}" if q.value is None and q.low is not None else f"{q.value}"
    year = deadline_of(t)
    by = f", by {year}" if year is not None else ", no deadline"
    return f"{t.indicator} = {v} {q.unit or ''} ({q.bound}{by})"


def _unit_block(ref: GoldUnitRef) -> str:
    return f"“{_short(ref.block.entry.quote)}”"


def listing(d: DocumentResult) -> list[dict[str, str]]:
    """Every miss, false hit and wrong attribute of one document, in document order."""
    doc, m = d.match.doc, d.match
    items: list[tuple[int, dict[str, str]]] = []
    for ref in m.units.missed:
        u = ref.unit
        items.append(
            (
                ref.block.span.start,
                {
                    "kind": "missed unit",
                    "what": f"{u.name} ({u.role})",
                    "quote": _unit_block(ref),
                },
            )
        )
    for ref, pu in m.units.pairs:
        if ref.unit.role != pu.role:
            items.append(
                (
                    ref.block.span.start,
                    {
                        "kind": "wrong role",
                        "what": f"{ref.unit.name}: {ref.unit.role} expected, {pu.role} found",
                        "quote": _unit_block(ref),
                    },
                )
            )
    for fu in m.units.false_hits:
        items.append((fu.span.start, _false_unit(doc, fu)))
    for g in m.targets.missed:
        items.append(
            (
                g.span.start,
                {"kind": "missed target", "what": _gold_target(g), "quote": _q(g)},
            )
        )
    for g, t in m.targets.pairs:
        year = deadline_of(t)
        if g.entry.deadline != year:
            items.append(
                (
                    g.span.start,
                    {
                        "kind": "wrong deadline",
                        "what": f"{g.entry.deadline} expected, {year} found",
                        "quote": _q(g),
                    },
                )
            )
        if g.entry.bound != t.quantity.bound:
            items.append(
                (
                    g.span.start,
                    {
                        "kind": "wrong bound",
                        "what": f"{g.entry.bound} expected, {t.quantity.bound} found",
                        "quote": _q(g),
                    },
                )
            )
        f1 = indicator_f1(t.indicator, g.entry.indicator)
        if f1 < 1.0:
            items.append(
                (
                    g.span.start,
                    {
                        "kind": "indicator",
                        "what": f"{g.entry.indicator} expected, {t.indicator} found (F1 {f1:.2f})",
                        "quote": _q(g),
                    },
                )
            )
    for t in m.targets.false_hits:
        items.append(
            (
                t.span.start,
                {
                    "kind": "false target",
                    "what": _pred_target(t),
                    "quote": f"“{_evidence(doc, t.span)}”",
                },
            )
        )
    items.sort(key=lambda x: x[0])
    return [{"line": str(doc.text.count("\n", 0, at) + 1), **item} for at, item in items]


def _q(g: LocatedTarget) -> str:
    return f"“{_short(g.entry.quote)}”"


def _false_unit(doc: PolicyDocument, u: ResponsibleUnit) -> dict[str, str]:
    return {
        "kind": "false unit",
        "what": f"{u.name} ({u.role})",
        "quote": f"“{_evidence(doc, u.block)}”",
    }


def verbose(result: CheckResult) -> str:
    """The misses, false hits and wrong attributes of every document, with their quotes.

    Items of one kind at one quote (the missed units of a block) share a line.
    """
    lines: list[str] = []
    for d in result.documents:
        items = listing(d)
        lines.append(f"{d.name}: {len(items)} item{'s' if len(items) != 1 else ''}")
        groups: list[tuple[dict[str, str], list[str]]] = []
        for i in items:
            last = groups[-1][0] if groups else None
            if last and (last["kind"], last["quote"], last["line"]) == (
                i["kind"],
                i["quote"],
                i["line"],
            ):
                groups[-1][1].append(i["what"])
            else:
                groups.append((i, [i["what"]]))
        width = max((len(i["kind"]) for i in items), default=0)
        lines += [
            f"  line {i['line']:<4} {i['kind']:<{width}}  {'; '.join(whats)}  {i['quote']}"
            for i, whats in groups
        ]
    return "\n".join(lines) + "\n"


# --- JSON ----------------------------------------------------------------------------------


def _counts(s: Scores) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, c in (
        ("units_name", s.units_name),
        ("units_name_role", s.units_name_role),
        ("targets_detection", s.targets_detection),
        ("targets_full", s.targets_full),
    ):
        out[name] = {"tp": c.tp, "fp": c.fp, "fn": c.fn}
    out["bound"] = {"correct": round(s.bound.total), "of": s.bound.n}
    out["indicator"] = {"sum": round(s.indicator.total, 6), "of": s.indicator.n}
    return out


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


def _scores(s: Scores) -> dict[str, float | None]:
    values = s.values()
    return {n: _round(values[n]) for n in SCORE_NAMES}


def to_json(result: CheckResult, *, details: bool = False) -> str:
    """The run as JSON: scores and counts per document and overall, the gate, errors."""
    docs = []
    for d in result.documents:
        entry: dict[str, Any] = {
            "document": d.name,
            "gold_file": str(d.gold.path),
            "scores": _scores(d.scores),
            "counts": _counts(d.scores),
        }
        if details:
            entry["items"] = listing(d)
        docs.append(entry)
    values = result.overall.values()
    failed = {f.name for f in result.threshold_failures}
    data = {
        "ok": result.ok,
        "config": str(result.config_path) if result.config_path else None,
        "overall": {"scores": _scores(result.overall), "counts": _counts(result.overall)},
        "documents": docs,
        "thresholds": {
            name: {"threshold": t, "score": _round(values[name]), "ok": name not in failed}
            for name, t in result.config.thresholds.items()
        },
        "known_misses": [
            {
                "document": k.miss.document,
                "item": k.miss.label(),
                "level": k.miss.effective_level,
                "passing": k.passing,
            }
            for k in result.known
        ],
        "errors": [str(e) for e in result.errors],
        "not_checked": [str(p) for p in result.unpaired],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
