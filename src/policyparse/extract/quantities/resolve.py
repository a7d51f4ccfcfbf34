"""Resolving a found span: its value (or range), unit, bound, kind and the amount in 元."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ...numerals import parse_number
from ...records.base import Bound
from .find import Found
from .rules import Kind, Rules

_STRICT: Final = {"ge": "gt", "le": "lt"}


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; own __init__ (faster)
class Resolved:
    """The values of one quantity."""

    unit: str
    bound: Bound
    kind: Kind
    value: float | None = None
    low: float | None = None
    high: float | None = None
    base_unit: str = ""
    magnitude: float = 1.0
    yuan: float | None = None
    yuan_low: float | None = None
    yuan_high: float | None = None

    def __init__(
        self,
        unit: str,
        bound: Bound,
        kind: Kind,
        value: float | None = None,
        low: float | None = None,
        high: float | None = None,
        base_unit: str = "",
        magnitude: float = 1.0,
        yuan: float | None = None,
        yuan_low: float | None = None,
        yuan_high: float | None = None,
    ) -> None:
        self.unit = unit
        self.bound = bound
        self.kind = kind
        self.value = value
        self.low = low
        self.high = high
        self.base_unit = base_unit
        self.magnitude = magnitude
        self.yuan = yuan
        self.yuan_low = yuan_low
        self.yuan_high = yuan_high


def _clean(v: float) -> float:
    return float(f"{v:.12g}")


def bound_of(f: Found) -> Bound:
    """The bound: a suffix word decides, unless a strict prefix says the same more sharply."""
    pre = f.prefix.bound if f.prefix else None
    suf = f.suffix.bound if f.suffix else None
    if suf and pre:
        return pre if _STRICT.get(suf) == pre else suf
    if suf:
        return suf
    if pre:
        return pre
    if f.word is not None:
        return f.word.bound
    if f.unit is not None and f.unit.infix:
        return "gt"
    return "eq"


def resolve(f: Found, r: Rules) -> Resolved | None:
    """The values of ``f``, or ``None`` when its number cannot be read."""
    bound = bound_of(f)
    if f.form == "word":
        assert f.word is not None
        w = f.word
        return Resolved(w.unit, bound, w.kind, value=w.value, base_unit=w.unit)
    if f.form == "doubling":
        n = parse_number(f.num)
        if n is None:
            return None
        unit = r.doubling_unit
        return Resolved(unit, bound, "multiple", value=_clean(2**n), base_unit=unit)
    if f.form == "fraction":
        return _fraction(f, bound, r)
    if f.form == "rate":
        v = parse_number(f.num)
        if v is None:
            return None
        unit = "/" + f.den
        return Resolved(unit, bound, "amount", value=v, base_unit=unit)
    um = f.unit
    assert um is not None
    mag = r.magnitudes.get(um.magnitude, 1.0) if um.magnitude else 1.0
    unit = um.magnitude + um.unit
    entry = um.entry
    per = entry.yuan * mag if entry.yuan is not None and "/" not in um.unit else None
    base = um.unit
    if f.form == "range":
        lo, hi = parse_number(f.num), parse_number(f.num2)
        if lo is None or hi is None:
            return None
        if per is None:
            return Resolved(unit, bound, entry.kind, low=lo, high=hi, base_unit=base, magnitude=mag)
        return Resolved(
            unit,
            bound,
            entry.kind,
            low=lo,
            high=hi,
            yuan_low=_clean(lo * per),
            yuan_high=_clean(hi * per),
            base_unit=base,
            magnitude=mag,
        )
    v = parse_number(f.num)
    if v is None:
        return None
    yuan = _clean(v * per) if per is not None else None
    return Resolved(unit, bound, entry.kind, value=v, yuan=yuan, base_unit=base, magnitude=mag)


def _fraction(f: Found, bound: Bound, r: Rules) -> Resolved | None:
    """百分之二十 → 20 %, 千分之五 → 5 ‰, 四分之一 and 1/4 → 25 %."""
    num = parse_number(f.num)
    if num is None:
        return None
    d = r.denominators.get(f.den)
    if d is not None:
        return Resolved(d.unit, bound, "percent", value=_clean(num * d.scale), base_unit=d.unit)
    den = parse_number(f.den)
    if not den:
        return None
    unit = r.fraction_unit
    return Resolved(unit, bound, "percent", value=_clean(100 * num / den), base_unit=unit)
