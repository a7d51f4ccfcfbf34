"""Schema of ``data/boilerplate.yaml``: lines of web-page debris."""

from __future__ import annotations

from pydantic import Field

from ..ruledata import RuleModel


class BoilerplateRules(RuleModel):
    """Patterns of lines that are web-page debris, not the document."""

    line_patterns: list[str]
    """A line matching any of these (regular expressions, searched) is debris."""
    short_line_patterns: list[str]
    """Debris only when the line is short (under ``short_line_max`` characters)."""
    short_line_max: int = 40
    closing_line_patterns: list[str] = Field(default_factory=list)
    """Lines of an official document's closing block (``抄送：…``, ``…印发``, ``（此件公开发布）``):
    kept as text of no section, never taken as the body's first or last line."""
    attachment_open: str = ""
    """A line opening an attachment list (``附件：1.…``); numbered short lines after it are list
    entries, not headings."""
