"""Reading numbers written in Arabic digits, Chinese numerals or a mix of both.

``parse_number`` turns one written number into a float; ``NUMBER_PATTERN`` is a regular
expression (a string, for embedding in other patterns) that matches the numbers
``parse_number`` reads, and ``NUMBER_RE`` is the same pattern compiled with boundaries that
keep it from starting or ending inside a longer run of digits.

Accepted forms:

- Arabic: ``12``, ``5.5``, ``1,234,567.8``; full-width digits (``１２``) are read too.
- Chinese: ``十`` (10), ``二十二``, ``一百五十``, ``一百零五``, ``一百五`` (150), ``两``,
  ``〇``/``零``, ``两亿``, ``二万五千``, ``二万五`` (25000), ``三点五`` (3.5), the financial
  forms ``壹贰叁…拾佰仟``, and digit strings ``二〇二五`` (2025).
- Mixed: ``1.5万`` (15000), ``2150.71亿``, ``3千万`` (3e7), ``百亿`` (1e10).

``parse_number`` never guesses: a string that is not one number gives ``None``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

import regex

from . import patterncache

__all__ = [
    "ARABIC_PATTERN",
    "CHINESE_DIGITS",
    "CHINESE_PATTERN",
    "NUMBER_MAX_LEN",
    "NUMBER_PATTERN",
    "NUMBER_RE",
    "parse_number",
]

CHINESE_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
"""Chinese digit characters and their values."""

_SMALL_UNITS: dict[str, int] = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
}
_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_ZEROS: Final = frozenset("零〇○")

ARABIC_PATTERN: Final = r"(?:\d{1,3}(?:,\d{3}){1,6}|\d{1,20})(?:\.\d{1,12})?"
"""An Arabic number: digits, optional thousands separators, optional decimals.

Runs are bounded (at most 20 digits) so that no pattern built on it can go quadratic on a long
run of digits; a longer run is no number."""

_CN_DIGIT: Final = "零〇一二三四五六七八九两"
_CN_ALL: Final = _CN_DIGIT + "十百千万亿"
CHINESE_PATTERN: Final = (
    rf"(?:[{_CN_DIGIT}十]|[百千](?=[万亿]))[{_CN_ALL}]{{0,15}}(?:点[{_CN_DIGIT}]{{1,8}})?"
)
"""A Chinese numeral (starting with a digit, ``十``, or ``百``/``千`` before ``万``/``亿``)."""

NUMBER_PATTERN: Final = rf"(?:{ARABIC_PATTERN}(?:[百千万亿]{{1,2}})?|{CHINESE_PATTERN})"
"""A number in any accepted form, including magnitude characters (``1.5万``, ``两亿``)."""

NUMBER_MAX_LEN: Final = 42
"""The longest match of ``NUMBER_PATTERN``: 27 digits and separators, a point with 12 decimals
and two magnitude characters (a Chinese numeral is at most 25)."""

NUMBER_RE: regex.Pattern[str] = patterncache.compile(
    rf"(?<![\d.,]){NUMBER_PATTERN}(?![\d])", regex.VERSION1
)
"""``NUMBER_PATTERN`` compiled, not starting or ending inside a run of digits."""

_ARABIC_FULL: Final = patterncache.compile(rf"{ARABIC_PATTERN}")
_FULLWIDTH_DIGITS: Final = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
_FULLWIDTH_DIGITS.update({0xFF0E: 0x2E, 0xFF0C: 0x2C})


@lru_cache(maxsize=4096)
def parse_number(s: str) -> float | None:
    """The value of one written number, or ``None`` when ``s`` is not exactly one number.

    >>> parse_number("二万五千"), parse_number("1.5万"), parse_number("1,234.5")
    (25000.0, 15000.0, 1234.5)
    """
    s = s.strip().translate(_FULLWIDTH_DIGITS)
    if not s:
        return None
    negative = s[0] in "-负"
    if negative:
        s = s[1:]
        if not s:
            return None
    value = _parse_unsigned(s)
    if value is None:
        return None
    value = float(f"{value:.15g}")  # 2150.71 * 1e8 without binary noise
    return -value if negative else value


def _parse_unsigned(s: str) -> float | None:
    m = _ARABIC_FULL.fullmatch(s)
    if m:
        return float(s.replace(",", ""))
    if "点" in s:
        whole, _, frac = s.partition("点")
        if not frac or any(c not in CHINESE_DIGITS for c in frac):
            return None
        head = _parse_chinese(whole) if whole else None
        if head is None or any(c in _BIG_UNITS for c in whole):
            return None
        return float(f"{int(head)}.{''.join(str(CHINESE_DIGITS[c]) for c in frac)}")
    if all(c in CHINESE_DIGITS for c in s):
        if len(s) == 1:
            return float(CHINESE_DIGITS[s])
        # A digit string such as 二〇二五; 两 is never written in one.
        if "两" in s:
            return None
        return float("".join(str(CHINESE_DIGITS[c]) for c in s))
    return _parse_chinese(s)


def _tokens(s: str) -> list[tuple[str, float]] | None:
    """Split into ('d', digit value) and ('u', unit) tokens; Arabic runs become one digit."""
    out: list[tuple[str, float]] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isdigit() and c.isascii():
            m = _ARABIC_FULL.match(s, i)
            assert m is not None
            out.append(("a", float(m.group().replace(",", ""))))
            i = m.end()
            continue
        if c in CHINESE_DIGITS:
            out.append(("d", float(CHINESE_DIGITS[c])))
        elif c in _SMALL_UNITS:
            out.append(("u", float(_SMALL_UNITS[c])))
        elif c in _BIG_UNITS:
            out.append(("U", float(_BIG_UNITS[c])))
        else:
            return None
        i += 1
    return out


def _parse_chinese(s: str) -> float | None:
    """Positional Chinese numerals with units, Arabic digits allowed as the digit slots."""
    tokens = _tokens(s)
    if not tokens:
        return None
    total = 0.0  # parts of 亿 and above
    wan = 0.0  # the 万 part below 亿
    section = 0.0  # below 万
    pending: float | None = None  # a digit waiting for its unit
    pending_kind = ""
    last_small: float | None = None  # the last small unit in this section (for 一百五)
    last_big: float | None = None  # the last big unit (for 二万五)
    after_zero = False
    seen_value = False
    for kind, v in tokens:
        if kind in ("d", "a"):
            # Two digits in a row: only 零 followed by a digit is allowed (一百零五).
            if pending is not None and not (pending == 0 and pending_kind == "d"):
                return None
            if kind == "d" and v == 0:
                after_zero = True
            pending, pending_kind = v, kind
            seen_value = True
        elif kind == "u":
            if last_small is not None and v >= last_small:
                return None
            if pending is None:
                if section or wan or total:
                    return None  # 一百十 is not a number; 十 alone or leading is
                pending = 1.0
            if pending == 0:
                return None
            section += pending * v
            pending = None
            last_small = v
            after_zero = False
            seen_value = True
        else:  # big unit
            part = section + (pending or 0.0)
            if not seen_value:
                return None
            if v == 100_000_000:
                if not (wan or part):
                    return None
                total = (total + wan + part) * v
                wan = 0.0
            else:
                if not part or wan:
                    return None
                wan = part * v
            section = 0.0
            pending = None
            last_small = None
            last_big = v
            after_zero = False
    if pending is not None:
        if pending_kind == "d" and not after_zero and pending != 0:
            # 一百五 → 150, 二万五 → 25000, 三千五 → 3500: a trailing digit is one step down.
            if last_small is not None and last_small >= 100:
                pending *= last_small / 10
            elif last_small is None and last_big is not None and not section:
                pending *= last_big / 10
        section += pending
    return total + wan + section
