"""Where the document body starts and ends, and which lines are web-page debris."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

import regex

from .. import patterncache, ruledata
from ..patterncache import KEEP_GIL
from ..patternhints import Gated, gated, top_alternatives
from .rules import BoilerplateRules

_NEVER: Final = patterncache.compile(r"(?!)")


def _anchored(pattern: str) -> bool:
    """Whether every alternative of ``pattern`` starts with ``^`` (so ``match`` finds what
    ``search`` would: a line holds no line break)."""
    return "(?" not in pattern and all(a.startswith("^") for a in top_alternatives(pattern))


_Tests = tuple[regex.Pattern[str], Gated]


@cache
def _line_tests(patterns: tuple[str, ...]) -> _Tests:
    """``patterns`` as one pattern tried at the line's start only (the anchored ones) and one
    searched through the line (the rest), searched only in a line holding a string that every
    match of one of them holds: far cheaper than searching all of them."""
    lead = [p for p in patterns if _anchored(p)]
    rest = [p for p in patterns if not _anchored(p)]
    return _any(lead), gated("|".join(f"(?:{p})" for p in rest) if rest else "(?!)")


@cache
def _rules() -> tuple[_Tests, _Tests, int]:
    rules = ruledata.load("boilerplate.yaml", BoilerplateRules)
    always = _line_tests(tuple(rules.line_patterns))
    short = _line_tests(tuple(rules.short_line_patterns))
    return always, short, rules.short_line_max


def _any(patterns: list[str]) -> regex.Pattern[str]:
    return patterncache.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else _NEVER


@cache
def _closing_rules() -> tuple[_Tests, _Tests, regex.Pattern[str]]:
    rules = ruledata.load("boilerplate.yaml", BoilerplateRules)
    attach = patterncache.compile(rules.attachment_open) if rules.attachment_open else _NEVER
    either = _line_tests(tuple(rules.closing_line_patterns + rules.contact_line_patterns))
    return _line_tests(tuple(rules.closing_line_patterns)), either, attach


def _passes(tests: _Tests, s: str) -> bool:
    return tests[0].match(s, None, None, KEEP_GIL) is not None or tests[1].search(s) is not None


def closes_document(line: str) -> bool:
    """True for a line of an official document's closing block (``抄送：…``, ``…印发``,
    ``（此件公开发布）``): debris, and inside the body the end of every open section."""
    s = line.strip()
    return len(s) <= 200 and _passes(_closing_rules()[0], s)


def is_closing(line: str) -> bool:
    """True for a line of the closing block or a contact line (``联系人：…``): never the first
    or last line of the body."""
    s = line.strip()
    return len(s) <= 200 and _passes(_closing_rules()[1], s)


def opens_attachments(line: str) -> bool:
    """True for a line that opens an attachment list (``附件：1.…``, ``附件：``)."""
    s = line.strip()
    return len(s) <= 200 and _closing_rules()[2].search(s) is not None


_WS: Final = patterncache.compile(r"\s+")


@cache
def _signature_rules() -> tuple[regex.Pattern[str], int, regex.Pattern[str], int]:
    rules = ruledata.load("boilerplate.yaml", BoilerplateRules)
    issuer = patterncache.compile(rules.signature_issuer) if rules.signature_issuer else _NEVER
    date = patterncache.compile(rules.signature_date) if rules.signature_date else _NEVER
    return issuer, rules.signature_issuer_max, date, rules.signature_date_max


def _whole_line(line: str, pattern: regex.Pattern[str], least: int, most: int) -> bool:
    """Whether ``line`` without white space is ``least``–``most`` characters matched whole."""
    if len(line) > 2 * most:
        return False
    s = _WS.sub("", line)
    return least <= len(s) <= most and pattern.fullmatch(s) is not None


def is_signature_issuer(line: str) -> bool:
    """True for a line holding only the name of an issuing body (``扬州市人民政府办公室``)."""
    issuer, most, _date, _most = _signature_rules()
    return _whole_line(line, issuer, 2, most)


def is_signature_date(line: str) -> bool:
    """True for a line holding only a date (``2024年4月26日``, ``二〇二四年四月二十六日``)."""
    _issuer, _most, date, most = _signature_rules()
    return _whole_line(line, date, 8, most)


@cache
def _info_rules() -> tuple[regex.Pattern[str], frozenset[str], int, int]:
    rules = ruledata.load("boilerplate.yaml", BoilerplateRules)
    if not rules.info_labels:
        return _NEVER, frozenset(), 0, 0
    # longest first, so 发布时间 is not read as a shorter label; spaces allowed inside a label
    labels = sorted(rules.info_labels, key=len, reverse=True)
    spaced = "|".join(r"\s{0,3}".join(regex.escape(c) for c in label) for label in labels)
    # the working copy drops the white space between fields, so a label is found anywhere
    label = patterncache.compile(rf"(?:{spaced})\s{{0,3}}[:：]")
    firsts = frozenset(label[0] for label in labels)
    return label, firsts, rules.info_pairs_max, rules.info_value_max


_INFO_OPEN: Final = "【["
_INFO_TRIM: Final = " \t【】[]|｜"
_INFO_STOP: Final = patterncache.compile(r"[。；;！？!?]")


def info_fields(line: str) -> list[tuple[str, str]] | None:
    """The ``(label, value)`` fields of a line of a site's information box, made of 1–4
    ``label：value`` pairs with known labels (``索 引 号：000014349/2018-01126　主题分类：商贸、
    海关、旅游``); None for any other line. Labels come without their inner white space."""
    s = line.strip()
    label, firsts, pairs_max, value_max = _info_rules()
    if not s or len(s) > 200:
        return None
    lead = 1 if s[0] in _INFO_OPEN else 0
    if s[lead : lead + 1] not in firsts:
        return None
    found = list(label.finditer(s))
    if not 1 <= len(found) <= pairs_max or found[0].start() != lead:
        return None
    fields: list[tuple[str, str]] = []
    for k, m in enumerate(found):
        stop = found[k + 1].start() if k + 1 < len(found) else len(s)
        value = s[m.end() : stop].strip(_INFO_TRIM)
        if len(value) > value_max or _INFO_STOP.search(value):
            return None
        fields.append((_WS.sub("", m.group(0)).rstrip(":："), value))
    return fields


def is_info_line(line: str) -> bool:
    """True for a line of a site's information box (see ``info_fields``)."""
    return info_fields(line) is not None


def is_debris(line: str) -> bool:
    """True for a line of site navigation, contact details, copyright and the like."""
    s = line.strip()
    if not s or _screened(s):
        return False
    always, short, short_max = _rules()
    if len(s) <= 200 and _passes(always, s):
        return True
    return len(s) < short_max and _passes(short, s)


@cache
def _flag_screen() -> tuple[regex.Pattern[str], re.Pattern[str]] | None:
    """The closing, debris and short-line tests of ``line_flags`` as one anchored pattern and
    one gate: a line that neither matches passes none of them (two calls instead of up to
    six). None when a test has no gate."""
    tests = (_closing_rules()[0], *_rules()[:2])
    gates = [t[1].gate for t in tests]
    if any(g is None for g in gates):
        return None
    lead = patterncache.compile("|".join(f"(?:{t[0].pattern})" for t in tests))
    # the gates' branches side by side, ungrouped: each starts with a literal, so ``re`` scans
    # for their first characters at once (grouped, it tries the groups at every offset)
    gate = patterncache.compile_re("|".join(g.pattern for g in gates if g is not None))
    return lead, gate


def _screened(s: str) -> bool:
    """Whether the stripped line ``s`` passes none of the closing, debris and short-line
    tests, as ``_flag_screen`` proves (False: not proved, run the tests)."""
    screen = _flag_screen()
    return (
        screen is not None
        and screen[0].match(s, None, None, KEEP_GIL) is None
        and screen[1].search(s) is None
    )


def line_flags(line: str) -> tuple[bool, bool]:
    """``(closes, debris)`` of a line: ``closes_document(line)``, and whether it is debris
    (closing, ``is_debris`` or ``is_info_line``); one strip and one rule lookup for all."""
    s = line.strip()
    n = len(s)
    if _screened(s):
        if s and s[0] not in _info_rules()[1] and s[0] not in _INFO_OPEN:
            return False, False  # no information-box label starts the line
        return False, info_fields(s) is not None
    if n <= 200 and _passes(_closing_rules()[0], s):
        return True, True
    if s:
        always, short, short_max = _rules()
        if (n <= 200 and _passes(always, s)) or (n < short_max and _passes(short, s)):
            return False, True
    return False, info_fields(s) is not None


_PUNCT: Final = patterncache.compile(r"[，,。；;、]")
_HAN: Final = patterncache.compile(r"\p{Han}")


def is_body_like(line: str, is_heading: bool) -> bool:
    """A line that can open or close the body: a heading or a line of running prose."""
    s = line.strip()
    if is_heading:
        return True
    if s.endswith(("。", "！", "？", "!", "?")) and _HAN.search(s):
        return not is_closing(s)
    if len(s) < 12:
        return False
    han = _HAN.search(s)
    return han is not None and _PUNCT.search(s, han.start()) is not None and not is_closing(s)
