"""Where the document body starts and ends, and which lines are web-page debris."""

from __future__ import annotations

from functools import cache

import regex

from .. import ruledata
from .rules import BoilerplateRules


@cache
def _rules() -> tuple[regex.Pattern[str], regex.Pattern[str], int]:
    rules = ruledata.load("boilerplate.yaml", BoilerplateRules)
    always = regex.compile("|".join(f"(?:{p})" for p in rules.line_patterns))
    short = regex.compile("|".join(f"(?:{p})" for p in rules.short_line_patterns))
    return always, short, rules.short_line_max


_NEVER = regex.compile(r"(?!)")


@cache
def _closing_rules() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    rules = ruledata.load("boilerplate.yaml", BoilerplateRules)
    closing = (
        regex.compile("|".join(f"(?:{p})" for p in rules.closing_line_patterns))
        if rules.closing_line_patterns
        else _NEVER
    )
    attach = regex.compile(rules.attachment_open) if rules.attachment_open else _NEVER
    return closing, attach


def is_closing(line: str) -> bool:
    """True for a line of an official document's closing block (``抄送：…``, ``…印发``)."""
    s = line.strip()
    return len(s) <= 200 and _closing_rules()[0].search(s) is not None


def opens_attachments(line: str) -> bool:
    """True for a line that opens an attachment list (``附件：1.…``, ``附件：``)."""
    s = line.strip()
    return len(s) <= 200 and _closing_rules()[1].search(s) is not None


def is_debris(line: str) -> bool:
    """True for a line of site navigation, contact details, copyright and the like."""
    s = line.strip()
    if not s:
        return False
    always, short, short_max = _rules()
    if len(s) <= 200 and always.search(s):
        return True
    return len(s) < short_max and short.search(s) is not None


_PUNCT = regex.compile(r"[，,。；;、]")
_HAN = regex.compile(r"\p{Han}")


def is_body_like(line: str, is_heading: bool) -> bool:
    """A line that can open or close the body: a heading or a line of running prose."""
    s = line.strip()
    if is_heading:
        return True
    if is_closing(s):
        return False
    if s.endswith(("。", "！", "？", "!", "?")) and _HAN.search(s):
        return True
    if len(s) < 12:
        return False
    han = _HAN.search(s)
    return han is not None and _PUNCT.search(s, han.start()) is not None
