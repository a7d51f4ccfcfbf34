"""Schema of ``data/boilerplate.yaml``: lines of web-page debris."""

from __future__ import annotations

from ..ruledata import RuleModel


class BoilerplateRules(RuleModel):
    """Patterns of lines that are web-page debris, not the document."""

    line_patterns: list[str]
    """A line matching any of these (regular expressions, searched) is debris."""
    short_line_patterns: list[str]
    """Debris only when the line is short (under ``short_line_max`` characters)."""
    short_line_max: int = 40
