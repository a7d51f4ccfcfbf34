"""The quantities stage: every number with its unit and bound (see ``docs/quantities.md``).

``find`` locates spans (number, unit, adjacent bound words) in the working copy and marks the
numbers that are not quantities (dates, years, phone and document numbers, ordinals, names);
``resolve`` works out value or range, unit, bound, kind and the amount in 元.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Final, cast

from ... import patterncache
from ...patterncache import KEEP_GIL
from ...records import Quantity
from ...records.base import trusted
from .find import Found, _prefix, _suffix, find
from .resolve import Resolved, resolve
from .rules import Rules, rules
from .table import find_tables

if TYPE_CHECKING:
    from ...pipeline import Context
    from ...records.base import Bound

__all__ = ["Found", "Resolved", "find_in", "run", "table_value"]

_DIGIT_COMMA: Final = patterncache.compile(r"(?<=\d),(?=\d)")
_HAN: Final = patterncache.compile(r"\p{Han}")


def _prepare(ctx: Context) -> str:
    """The working copy with clause commas kept apart from thousands separators.

    A full-width ``，`` in the original is a clause break even between digits (``100，200``),
    so it is put back (one character for one) before numbers are read.
    """
    norm = ctx.norm
    text = ctx.text
    clause = [
        m.start()
        for m in _DIGIT_COMMA.finditer(norm)
        if text[min(ctx.work.to_orig(m.start()), len(text) - 1)] == "，"
    ]
    if not clause:
        return norm
    parts: list[str] = []
    last = 0
    for i in clause:
        parts.append(norm[last:i])
        parts.append("，")
        last = i + 1
    parts.append(norm[last:])
    return "".join(parts)


def find_in(text: str) -> list[tuple[Found, Resolved | None]]:
    """Every span found in ``text`` (a working copy), excluded ones too, with its values.

    For inspection and tests: the stage emits only the finds that are not excluded.
    """
    r = rules()
    return [(f, resolve(f, r) if f.excluded is None else None) for f in find(text, r)]


def run(ctx: Context) -> None:
    """Append a ``Quantity`` for every quantity in the document."""
    r = rules()
    norm = _prepare(ctx)
    # the spans emitted, in order and apart (``find`` settles overlaps), so their ends are
    # in order too: a cell overlaps one of them iff the last one starting before its end
    # ends after its start
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    found = find(norm, r)
    items, list_bounds = _shared_unit_lists(norm, found, r)
    for f in found:
        if f.excluded is not None:
            continue
        v = resolve(f, r)
        if v is None:
            continue
        bound = list_bounds.get(f.start)
        if bound is not None:
            v = replace(v, bound=bound)
        taken_starts.append(f.start)
        taken_ends.append(f.end)
        _emit(ctx, f.start, f.end, v)
    for s, e, v in items:
        k = bisect_left(taken_starts, s)
        if k > 0 and taken_ends[k - 1] > s:
            continue
        taken_starts.insert(k, s)
        taken_ends.insert(k, e)
        _emit(ctx, s, e, v)
    for s, e, v in _unitless(norm, found, r):
        k = bisect_left(taken_starts, s)
        taken_starts.insert(k, s)
        taken_ends.insert(k, e)
        _emit(ctx, s, e, v, unit=None)
    for row in find_tables(norm, ctx.work):
        unitless = row.unit is None and row.indicator.endswith(r.unitless_indicators)
        for cell in row.values:
            s, e = cell.num_start, cell.cell.end
            k = bisect_left(taken_starts, e) - 1
            if k >= 0 and taken_ends[k] > s:
                continue
            unit = cell.unit or row.unit
            if unit is not None:
                v = table_value(cell.num, unit, cell.bound, r)
                if v is not None:
                    _emit(ctx, s, e, v)
            elif unitless:
                # an index without a unit (两化融合发展水平指数 | 63 | 66)
                v = Resolved("", cast("Bound", cell.bound), "amount", value=float(cell.num))
                _emit(ctx, s, e, v, unit=None)
    ctx.quantities.sort(key=lambda q: (q.span.start, q.span.end))


_LIST_BEFORE: Final = patterncache.compile(
    r"(?<![\d.．第#＃A-Za-z\-－/])(?:\d{1,9}(?:\.\d{1,6})?[万亿]?(?:、|和|及|与|或)){1,8}$"
)
"""Bare numbers in a list before the last one, which alone writes the unit (``800万、900万和``
before ``1000万人次``); not after 第, a digit, a Latin letter or a code mark."""
_LIST_ITEM: Final = patterncache.compile(r"(\d{1,9}(?:\.\d{1,6})?[万亿]?)(?:、|和|及|与|或)")
_LIST_REACH: Final = 8 * 20


def _shared_unit_lists(
    t: str, found: list[Found], r: Rules
) -> tuple[list[tuple[int, int, Resolved]], dict[int, Bound]]:
    """The bare numbers of a list that share the unit of its last value, each read as if the
    unit were written after it (``分别达到800万、900万和1000万人次``, ``45、48和50%``,
    ``1.2、1.5和1.8万亩``): a number without 万/亿 takes the last value's too.

    A bound word before the first number binds every value (``分别不低于45、48和50%``; the
    first number's span then holds it); one after the last binds the last alone
    (``分别达到3、7和20家以上``: ``eq``, ``eq``, ``ge``), as in a list written out.

    Returns the numbers' spans and values, and the bound of each last value (by its start)
    that the list changes."""
    out: list[tuple[int, int, Resolved]] = []
    bounds: dict[int, Bound] = {}
    for f in found:
        um = f.unit
        if f.excluded is not None or f.form != "number" or um is None or f.prefix is not None:
            continue
        if f.start == 0 or t[f.start - 1] not in "、和及与或":
            continue
        m = _LIST_BEFORE.search(t, max(0, f.start - _LIST_REACH), f.start)
        if m is None:
            continue
        last = resolve(f, r)
        if last is None:
            continue
        written = t[um.num_end : um.end]
        mag = um.magnitude
        prefix = _prefix(t, m.start(), um.entry.kind, r)
        bound = prefix.bound if prefix is not None else "eq"
        read: list[tuple[int, int, Resolved]] = []
        for item in _LIST_ITEM.finditer(t, m.start(), f.start):
            num = item.group(1)
            own = num[-1] in "万亿"
            unit = written[len(mag) :] if own and mag and written.startswith(mag) else written
            v = table_value(num, unit, bound, r)
            if v is None or v.kind != last.kind:
                read = []
                break  # a list the last unit does not fit as a whole is left alone
            read.append((item.start(1), item.end(1), v))
        if not read:
            continue
        if prefix is not None:
            read[0] = (read[0][0] - len(prefix.word), *read[0][1:])
            if bound != last.bound and f.suffix is None:
                bounds[f.start] = bound
        out.extend(read)
    return out, bounds


def _unitless(t: str, found: list[Found], r: Rules) -> list[tuple[int, int, Resolved]]:
    """Bare numbers after a goal verb that follows an indicator measured without a unit
    (``系数提高到0.58以上``): spans with their values, apart from every find (excluded ones
    too: ``指标达到2025年`` holds a year).

    Looked for only where a goal verb meets a digit (rare): the number there, when an
    indicator ending or an index name ends right before the verb."""
    if r.unitless_verb_re is None or r.unitless_tail_re is None:
        return []
    if not r.unitless_named and not any(w in t for w in r.unitless_indicators):
        return []  # no indicator ending in the text (cheap test before the scan)
    starts = [f.start for f in found]  # ``find`` keeps its finds in order and apart
    out: list[tuple[int, int, Resolved]] = []
    tail = r.unitless_tail_re.match
    heads = r.unitless_indicators
    for vm in r.unitless_verb_re.finditer(t):
        d = vm.end()
        m = tail(t, d)
        if m is None or not any(
            t.endswith(w, 0, d) and _unitless_head_ends(t, d - len(w), heads, r)
            for w in r.unitless_verbs
        ):
            continue
        s, e = m.span(1)
        k = bisect_left(starts, e) - 1
        if k >= 0 and found[k].end > s:
            continue
        suffix = _suffix(t, e, "amount", r)
        bound: Bound = suffix.bound if suffix is not None else "eq"
        if suffix is not None:
            e += len(suffix.word)
        elif e < len(t) and (
            t[e] in r.separators or t[e] in "%％‰" or (_HAN.match(t[e]) and t[e] not in "和及与并")
        ):
            continue  # a range, a share or a word the unit rules do not know (100点)
        prefix = _prefix(t, s, "amount", r)
        if prefix is not None and suffix is None:
            s -= len(prefix.word)
            bound = prefix.bound
        out.append((s, e, Resolved("", bound, "amount", value=float(m.group(1)))))
    return out


def _unitless_head_ends(t: str, end: int, heads: tuple[str, ...], r: Rules) -> bool:
    """Whether an indicator ending or an index name measured without a unit ends at ``end``."""
    if heads and t.endswith(heads, 0, end):
        return True
    name = r.unitless_name_re
    if name is None:
        return False
    return any(
        name.fullmatch(t, i, end, KEEP_GIL) is not None
        for i in range(max(0, end - r.unitless_name_reach), end)
    )


def table_value(num: str, unit: str, bound: str, r: Rules) -> Resolved | None:
    """The values of a table cell's bare number in its row's unit (``40`` in a ``（%）`` row),
    read as if the unit were written after it."""
    alt = ""
    if unit.endswith((")", "）")):
        # a unit cell with a bracketed alternative (套（间）): the alternative is in the unit
        for i in range(len(unit) - 2, 0, -1):
            if unit[i] in "(（":
                m = r.alt_unit_re.fullmatch(unit, i)
                if m is not None:
                    unit, alt = unit[:i], f"({m.group()[1:-1]})"  # half-width, as FORMAT says
                break
    probe = f"{num}{unit}"
    v = _probe_value(probe) if r is rules() else _read_probe(probe, r)
    if v is None:
        return None
    if alt:
        if v.kind != "count":
            return None  # an alternative count word after a share or an amount fits neither
        return replace(
            v, bound=cast("Bound", bound), unit=v.unit + alt, base_unit=v.base_unit + alt
        )
    return replace(v, bound=cast("Bound", bound))


def _read_probe(probe: str, r: Rules) -> Resolved | None:
    """The values of ``probe`` (a number and its unit) when it reads whole as one quantity."""
    got = [f for f in find(probe, r) if f.excluded is None]
    if len(got) != 1 or got[0].start != 0 or got[0].end != len(probe):
        return None
    return resolve(got[0], r)


@lru_cache(maxsize=4096)
def _probe_value(probe: str) -> Resolved | None:
    """:func:`_read_probe` with the stage's rules, kept per probe: a table repeats its units
    and values, and each read is a whole search. The value is never handed out as it is
    (:func:`table_value` returns a copy with the cell's bound)."""
    return _read_probe(probe, rules())


def _emit(ctx: Context, start: int, end: int, v: Resolved, *, unit: str | None = "") -> None:
    """Append the quantity ``v`` at ``start``-``end``; ``unit=None`` for one without a unit.

    The record is made without validation (``records.base.trusted``): every value is of its
    field's type already. Numbers are floats (``parse_number``, ``float()``, the validated
    rule data), bounds and kinds come from validated rule data or ``table.BOUND_SIGNS``, the
    span from ``ctx.span``; ``tests/test_quantities.py`` checks the records equal validated
    ones.
    """
    span = ctx.span(start, end)
    has_unit = unit is not None
    ctx.quantities.append(
        trusted(
            Quantity,
            {
                "span": span,
                "value": v.value,
                "low": v.low,
                "high": v.high,
                "unit": v.unit if has_unit else None,
                "bound": v.bound,
                "kind": v.kind,
                "yuan": v.yuan,
                "yuan_low": v.yuan_low,
                "yuan_high": v.yuan_high,
                "text": ctx.text[span.start : span.end],
                "base_unit": v.base_unit if has_unit else None,
                "magnitude": v.magnitude if has_unit else None,
            },
        )
    )
