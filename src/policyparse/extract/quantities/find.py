"""Finding quantity spans: a number (or range, fraction, quantity word), its unit and the bound
words written right next to it. Values are worked out later, in ``resolve``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, Literal

import regex

from ... import patterncache
from ...numerals import CHINESE_DIGITS, NUMBER_PATTERN, parse_number
from .exclude import Exclusions
from .rules import BoundWord, Kind, QuantityWord, Rules, UnitEntry

Form = Literal["number", "range", "fraction", "rate", "word", "doubling"]

_NUMBER_AT: Final = patterncache.compile(NUMBER_PATTERN)
_MAG_CHARS: Final = frozenset("百千万亿")


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; own __init__ (faster)
class UnitMatch:
    """The unit after a number: where the number ends, the unit as read, its parts."""

    num_end: int
    """Where the number proper ends (a trailing 万/亿 moved into the unit starts here)."""
    end: int
    unit: str
    """Base unit (``元``, ``工作日``, ``元/吨``) without magnitude."""
    entry: UnitEntry
    magnitude: str
    infix: str

    def __init__(
        self, num_end: int, end: int, unit: str, entry: UnitEntry, magnitude: str, infix: str
    ) -> None:
        self.num_end = num_end
        self.end = end
        self.unit = unit
        self.entry = entry
        self.magnitude = magnitude
        self.infix = infix


@dataclass(slots=True, unsafe_hash=True, init=False)  # read-only; own __init__ (faster)
class Found:
    """One quantity span in the working copy and the pieces it is made of."""

    start: int
    end: int
    form: Form
    num: str = ""
    num2: str = ""
    unit: UnitMatch | None = None
    prefix: BoundWord | None = None
    suffix: BoundWord | None = None
    word: QuantityWord | None = None
    den: str = ""
    """For fractions: the denominator as written."""
    excluded: str | None = None
    """Why this is not a quantity (``date``, ``name`` …), or ``None``."""

    def __init__(
        self,
        start: int,
        end: int,
        form: Form,
        num: str = "",
        num2: str = "",
        unit: UnitMatch | None = None,
        prefix: BoundWord | None = None,
        suffix: BoundWord | None = None,
        word: QuantityWord | None = None,
        den: str = "",
        excluded: str | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.form = form
        self.num = num
        self.num2 = num2
        self.unit = unit
        self.prefix = prefix
        self.suffix = suffix
        self.word = word
        self.den = den
        self.excluded = excluded


def _blocked(t: str, pos: int, words: tuple[str, ...]) -> bool:
    return t.startswith(words, pos)


def _suffix(t: str, pos: int, kind: Kind, r: Rules) -> BoundWord | None:
    starts = r.suffix_starts
    if starts is not None and (pos >= len(t) or t[pos] not in starts):
        return None  # no suffix word starts here (cheap test before the match)
    m = r.suffix_re.match(t, pos)
    if not m:
        return None
    w = r.suffix[m.group()]
    if w.kinds and kind not in w.kinds:
        return None
    if kind in w.not_kinds or _blocked(t, m.end(), w.not_before):
        return None
    return w


def _prefix(t: str, pos: int, kind: Kind, r: Rules) -> BoundWord | None:
    if not t.endswith(r.prefix_words, 0, pos):
        return None  # no bound word ends here (cheap test before the longest-first lookup)
    for n in range(min(r.prefix_max, pos), 0, -1):
        w = r.prefix.get(t[pos - n : pos])
        if w is None:
            continue
        before = pos - n
        if t.endswith(w.not_after, 0, before):
            continue
        if (w.kinds and kind not in w.kinds) or kind in w.not_kinds:
            continue
        return w
    return None


def match_unit(t: str, start: int, end: int, r: Rules) -> UnitMatch | None:
    """The unit written after the number ``t[start:end]``.

    A trailing run of 百千万亿 may belong to the unit instead (``100千瓦``, ``12万人``); the
    leftmost split whose number part parses and whose rest reads as a unit wins.
    """
    lowest = end  # the leftmost split point: before the whole trailing run of 百千万亿
    while lowest - 1 > start and t[lowest - 1] in _MAG_CHARS:
        lowest -= 1
    unit_starts = r.unit_starts
    for p in range(lowest, end + 1):
        q = p + 1 if p == end and t.startswith(" ", p) else p
        if q >= len(t) or t[q] not in unit_starts:
            continue  # no unit starts there (a cheap test before the parse and the match)
        token = t[start:p]
        if parse_number(token) is None and (p - start != 2 or _consecutive(token) is None):
            continue
        um = r.unit_re.match(t, q)
        if not um or um.end() <= end:
            continue
        mag, inf, mw, inf2, after, unit = um.groups("")  # the order of ``UNIT_GROUPS``
        if p < end and len(mag) < end - p and not unit:
            continue
        base = after or unit
        infix = inf or inf2
        entry = r.units[base]
        u_end = um.end()
        if _blocked(t, u_end, entry.not_before):
            if not mw:
                continue
            pm = r.plain_unit_re.match(t, q)
            if pm is None:
                continue
            base, entry, u_end = r.measure_word, r.units[r.measure_word], pm.end()
            infix = pm.group("inf") or ""
            if _blocked(t, u_end, entry.not_before):
                continue
        if mag and not entry.magnitude:
            continue
        if entry.standalone and (q > p or _latin_next(t, u_end)):
            continue
        if (
            r.alternatives_in_text
            and entry.kind == "count"
            and u_end < len(t)
            and t[u_end] in "(（"
        ):
            alt = r.alt_unit_re.match(t, u_end)  # 3.5万套（间）: the alternative is in the unit
            if alt is not None:
                base, u_end = base + alt.group(), alt.end()
        if entry.bounded_end and not _bounded_end(t, start, u_end, entry.kind, r):
            continue
        if entry.clause_end and not _clause_ends(t, u_end, entry.kind, r):
            continue
        # every ``per_re`` match opens with its slash
        per = r.per_re.match(t, u_end) if t.startswith("/", u_end) else None
        if per is not None and entry.kind in ("money", "amount", "count"):
            base, u_end = base + per.group(), per.end()
        if entry.needs_suffix and _suffix(t, u_end, entry.kind, r) is None:
            continue
        return UnitMatch(p, u_end, base, entry, mag, infix)
    return None


def _bounded_end(t: str, start: int, end: int, kind: Kind, r: Rules) -> bool:
    """Whether a bound word stands before ``start`` or after ``end`` and the clause ends
    right after the unit and its bound word (``压缩至三级以内，``; not ``二级以上医院``)."""
    suffix = _suffix(t, end, kind, r)
    if suffix is not None:
        end += len(suffix.word)
    elif _prefix(t, start, kind, r) is None:
        # the first of a list whose last one is bounded (4级和5级以上，)
        m = _NEXT_LEVEL.match(t, end)
        if m is None or t[m.end() - 1] != t[end - 1]:
            return False
        return _bounded_end(t, m.start(1), m.end(), kind, r)
    return _ends_clause(t, end)


_NEXT_LEVEL: Final = patterncache.compile(r"[、和及或]([\d一二三四五六七八九十]{1,3})\p{Han}")


def _clause_ends(t: str, end: int, kind: Kind, r: Rules) -> bool:
    """Whether the clause ends right after the unit ending at ``end`` and its bound word."""
    suffix = _suffix(t, end, kind, r)
    return _ends_clause(t, end + len(suffix.word) if suffix is not None else end)


def _ends_clause(t: str, end: int) -> bool:
    return end >= len(t) or t[end] in _CLAUSE_END or t[end] in "、)）"


def _latin_next(t: str, pos: int) -> bool:
    """Whether a Latin letter or a digit stands at ``pos``."""
    return pos < len(t) and t[pos].isascii() and t[pos].isalnum()


def _consecutive(tok: str) -> tuple[str, str] | None:
    """``两三``, ``三四`` …: two neighbouring digits, a range."""
    if len(tok) != 2 or any(c not in CHINESE_DIGITS or c in "零〇○" for c in tok):
        return None
    a, b = CHINESE_DIGITS[tok[0]], CHINESE_DIGITS[tok[1]]
    if b == a + 1:
        return tok[0], tok[1]
    return None


def _finish(t: str, f: Found, kind: Kind, r: Rules, x: Exclusions) -> Found:
    """``f`` widened by the bound words written right next to it, and checked for names.

    ``f`` is a bare find: no bound words and no exclusion set yet.
    """
    suffix = _suffix(t, f.end, kind, r)
    prefix = _prefix(t, f.start, kind, r)
    start = f.start - len(prefix.word) if prefix else f.start
    end = f.end + len(suffix.word) if suffix else f.end
    excluded = x.span(start, end)
    reach = (
        None
        if prefix
        else _reach(t, f.start, kind, r)
        or _share_reach(t, f.start, kind, r)
        or (None if suffix else _object_reach(t, f.start, f.end, kind, r))
    )
    if (
        excluded is None
        and prefix is None
        and suffix is None
        and reach is None
        and f.form == "number"
        and f.unit is not None
        and f.num in r.article_numerals
        and not f.unit.magnitude
        and f.unit.unit in r.article_units
        and (not _each_before(t, f.start) or _arrangement_after(t, f.end, r.article_heads))
    ):
        excluded = "article"
    if excluded is None and prefix is None and suffix is None and reach is None:
        return f  # nothing to add (``f`` comes without bound words or exclusion)
    return Found(
        start, end, f.form, f.num, f.num2, f.unit, prefix or reach, suffix, f.word, f.den, excluded
    )


_CLAUSE_END: Final = frozenset("，,。；;：:！？!?\n")


def _each_before(t: str, pos: int) -> bool:
    """A 每 earlier in the clause (每个乡镇建设一所): the number is a count per unit."""
    i = pos - 1
    while i >= 0 and pos - i <= 20 and t[i] not in _CLAUSE_END:
        if t[i] == "每":
            return True
        i -= 1
    return False


def _arrangement_after(t: str, pos: int, heads: tuple[str, ...]) -> bool:
    """The counted phrase after ``pos`` ends its clause with a noun of an arrangement
    (一项标准化零工市场服务制度): one of them is no count to reach."""
    if not heads:
        return False
    i = pos
    while i < len(t) and i - pos < 24 and t[i] not in _CLAUSE_END:
        i += 1
    return t.endswith(heads, pos, i)


def _reach(t: str, pos: int, kind: Kind, r: Rules) -> BoundWord | None:
    """A bound word a short verb away from the number (至少办好一所): it bounds the number
    without joining its span."""
    for gap in range(1, r.reach_max + 1):
        at = pos - gap
        # t[at + 1 : pos] was checked at the last gap: only t[at] is new
        if at <= 0 or not "\u4e00" <= t[at] <= "\u9fff":
            return None
        if t.endswith(r.reach, 0, at):
            bw = _reach_word(t, at, kind, r)
            if bw is not None:
                return bw
    return None


def _object_reach(t: str, pos: int, end: int, kind: Kind, r: Rules) -> BoundWord | None:
    """A bound word before the verb of a count written after its noun, the count closing its
    clause (每个重点县至少配备农业科技特派员10名 → ge): it bounds the number without joining
    its span. Only Chinese characters stand between the word and the number."""
    if kind != "count" or not r.object_reach_max or (end < len(t) and t[end] not in _CLAUSE_END):
        return None
    for gap in range(1, r.object_reach_max + 1):
        at = pos - gap
        # t[at + 1 : pos] was checked at the last gap: only t[at] is new
        if at <= 0 or not "\u4e00" <= t[at] <= "\u9fff":
            return None
        if gap > r.reach_max and t.endswith(r.reach, 0, at):
            return _reach_word(t, at, kind, r)
    return None


def _reach_word(t: str, at: int, kind: Kind, r: Rules) -> BoundWord | None:
    """The ``reach`` word ending at ``at`` as a bound of a number of ``kind``, or None."""
    for w in r.reach:
        if at >= len(w) and t.startswith(w, at - len(w)):
            bw = r.prefix.get(w)
            if bw is not None and not ((bw.kinds and kind not in bw.kinds) or kind in bw.not_kinds):
                return bw
    return None


_SHARE_KINDS: Final = ("percent", "multiple")


def _share_reach(t: str, pos: int, kind: Kind, r: Rules) -> BoundWord | None:
    """A bound word before a share of a base (不低于…招生规模的10%): it bounds the number
    without joining its span. The word is read as a prefix word is (the longest one, with its
    ``not_after`` words), and must be a ``share_reach`` word."""
    if kind not in _SHARE_KINDS or pos < 3 or t[pos - 1] != "的" or not r.share_reach:
        return None
    for gap in range(1, r.share_reach_max + 1):
        at = pos - 1 - gap  # t[at:pos - 1] is the base
        if at <= 0 or not "\u4e00" <= t[at] <= "\u9fff":
            return None
        if t.endswith(r.share_reach, 0, at):
            bw = _prefix(t, at, kind, r)
            return bw if bw is not None and bw.word in r.share_reach else None
    return None


def _numbers(t: str, r: Rules, x: Exclusions) -> Iterator[Found]:
    # ``regex`` reads a group by name far slower than by number; the number opens the match
    # and a separator after it is all that can make the match longer
    n = len(t)
    unit_starts = r.unit_starts
    num_group = r.number_re.groupindex["num"]
    for m in r.number_re.finditer(t):
        s, e = m.span(num_group)
        sep = m.end() > e
        if not sep and (e == n or t[e] not in unit_starts) and t[e - 1] not in _MAG_CHARS:
            continue  # nothing after the number can be its unit
        if sep:
            why = x.number(s, e)
            if not why:
                n2 = _NUMBER_AT.match(t, m.end())
                if n2 is not None and x.covering(n2.start()) is None:
                    found = _range(t, s, e, n2.start(), n2.end(), r, x)
                    if found is not None:
                        yield found
                        continue
            um = match_unit(t, s, e, r)
            if um is None:
                continue
        else:
            um = match_unit(t, s, e, r)
            if um is None:
                continue  # (before the exclusion checks, which change nothing then)
            why = x.number(s, e)
        pair = _consecutive(t[s:e]) if e - s == 2 else None
        if why:
            yield Found(
                start=s, end=um.end, form="number", num=t[s : um.num_end], unit=um, excluded=why
            )
            continue
        if pair is not None:
            yield _finish(
                t,
                Found(start=s, end=um.end, form="range", num=pair[0], num2=pair[1], unit=um),
                um.entry.kind,
                r,
                x,
            )
            continue
        # 3%-5%, 10万元—20万元: the first number carries the unit too
        after = _range_after_unit(t, s, um, r, x)
        if after is not None:
            yield after
            continue
        yield _finish(
            t,
            Found(start=s, end=um.end, form="number", num=t[s : um.num_end], unit=um),
            um.entry.kind,
            r,
            x,
        )


def _range(t: str, s: int, e: int, s2: int, e2: int, r: Rules, x: Exclusions) -> Found | None:
    if x.number(s2, e2) not in (None, "part"):
        return None
    um = match_unit(t, s2, e2, r)
    if um is None:
        return None
    first = t[s:e]
    if um.magnitude and first.endswith(um.magnitude):
        first = first[: -len(um.magnitude)]
    lo, hi = parse_number(first), parse_number(t[s2 : um.num_end])
    if lo is None or hi is None or not lo < hi:
        return None
    return _finish(
        t,
        Found(start=s, end=um.end, form="range", num=first, num2=t[s2 : um.num_end], unit=um),
        um.entry.kind,
        r,
        x,
    )


def _from_before(t: str, pos: int, r: Rules) -> bool:
    """A change word (从, 由: ``bounds.change_from``) earlier in the clause before ``pos``."""
    i = pos - 1
    while i >= 0 and pos - i <= r.change_from_reach and t[i] not in _CLAUSE_END:
        if t[i] in r.change_from:
            return True
        i -= 1
    return False


def _range_after_unit(t: str, s: int, um: UnitMatch, r: Rules, x: Exclusions) -> Found | None:
    """``3%-5%``, ``10万元—20万元``, ``3家至5家``: both numbers carry the same unit.

    After 至 or 到 (``bare_separators``) the unit must repeat exactly and no 从/由 may stand
    before the first number in its clause (从3家到5家 is a change, two figures); a bound word
    before the first number (压减至3家) is read as usual.
    """
    p = um.end
    if p >= len(t) or t[p] not in r.separators:
        return None
    bare = t[p] in r.bare_separators
    if bare and (_from_before(t, s, r) or _prefix(t, s, um.entry.kind, r) is not None):
        return None
    n2 = _NUMBER_AT.match(t, p + 1)
    if n2 is None:
        return None
    um2 = match_unit(t, n2.start(), n2.end(), r)
    if um2 is None or um2.unit != um.unit or um2.magnitude != um.magnitude:
        return None
    lo, hi = parse_number(t[s : um.num_end]), parse_number(t[n2.start() : um2.num_end])
    if lo is None or hi is None or not lo < hi:
        return None
    low, high = t[s : um.num_end], t[n2.start() : um2.num_end]
    f = Found(start=s, end=um2.end, form="range", num=low, num2=high, unit=um2)
    return _finish(t, f, um2.entry.kind, r, x)


_FRACTION_MARKS: Final = ("分之", "/")
"""One of these is in every ``fraction_re`` match."""


def _fraction_matches(t: str, r: Rules) -> list[regex.Match[str]]:
    """``r.fraction_re.finditer(t)``, searched only around a ``分之`` or ``/``.

    Each search starts ``fraction_reach`` before the next mark (no match can start earlier)
    and stops as far after it; a match found past the mark is left for the next one.
    """
    out: list[regex.Match[str]] = []
    reach = r.fraction_reach
    pos = 0
    nxt = [t.find(w) for w in _FRACTION_MARKS]  # the next offset of each mark (-1: none left)
    while True:
        o = -1
        for k, i in enumerate(nxt):
            if 0 <= i < pos:
                i = nxt[k] = t.find(_FRACTION_MARKS[k], pos)  # found again only when passed
            if i >= 0 and (o < 0 or i < o):
                o = i
        if o < 0:
            return out
        m = r.fraction_re.search(t, max(pos, o - reach), o + reach)
        if m is not None and m.start() <= o:
            out.append(m)
            pos = m.end()
        else:
            pos = o + 1


def _fractions(t: str, r: Rules, x: Exclusions) -> Iterator[Found]:
    for m in _fraction_matches(t, r):
        if m.group("anum"):
            num, den = m.group("anum"), m.group("aden")
            if x.covering(m.start()):
                continue
            if m.group("amag"):
                # 10/10万: a rate per a round base, kept as written
                why = x.number(m.start(), m.end())
                if not why and parse_number(num) is not None:
                    f = Found(
                        start=m.start(),
                        end=m.end(),
                        form="rate",
                        num=num,
                        den=den + m.group("amag"),
                    )
                    yield _finish(t, f, "amount", r, x)
                continue
            if "." in num:
                continue
        else:
            num, den = m.group("num"), m.group("den")
        if parse_number(num) is None or (den not in r.denominators and not parse_number(den)):
            continue
        why = x.number(m.start(), m.end()) if m.group("anum") else None
        if why:
            continue
        yield _finish(
            t,
            Found(start=m.start(), end=m.end(), form="fraction", num=num, den=den),
            "percent",
            r,
            x,
        )


def _words(t: str, r: Rules, x: Exclusions) -> Iterator[Found]:
    for wm in r.word_re.finditer(t):
        w = r.words[wm.group()]
        s, e = wm.span()
        if t.endswith(w.not_after, 0, s):
            continue
        if _blocked(t, e, w.not_before):
            continue
        yield _finish(t, Found(start=s, end=e, form="word", word=w), w.kind, r, x)
    for m in r.doubling_re.finditer(t):
        n = m.group("n") or "一"
        if parse_number(n) is None:
            continue
        yield _finish(
            t, Found(start=m.start(), end=m.end(), form="doubling", num=n), "multiple", r, x
        )


def find(t: str, r: Rules) -> list[Found]:
    """Every quantity span in ``t``, excluded ones included (with ``excluded`` set).

    Overlapping finds are reduced to the longest, leftmost ones.
    """
    x = Exclusions(t, r)
    found = [*_numbers(t, r, x), *_fractions(t, r, x), *_words(t, r, x)]
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            last = kept[-1]
            longer = f.end - f.start > last.end - last.start
            if longer and last.excluded is None and f.excluded is None:
                kept[-1] = f
            continue
        kept.append(f)
    return kept
