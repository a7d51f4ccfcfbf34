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
    debris wherever they occur (the meta stage still reads them), never the body's first or
    last line, and inside the body a boundary that closes every open section and provision."""
    contact_line_patterns: list[str] = Field(default_factory=list)
    """Contact lines (``联系人：…``): never the body's first or last line; inside the body they
    stay text of the provision that holds them."""
    attachment_open: str = ""
    """A line opening an attachment list (``附件：1.…``); numbered short lines after it are list
    entries, not headings. Inside the body it closes every open section and provision."""
    info_labels: list[str] = Field(default_factory=list)
    """Field labels of a government site's information box (``索引号``, ``发文机关``…). A line
    made of 1–4 ``label：value`` pairs with these labels is debris; white space inside a label
    (``索 引 号``) is allowed."""
    info_pairs_max: int = 4
    info_value_max: int = 80
    """The longest value of an information-box field; a value never holds a full stop."""
    signature_issuer: str = ""
    """A line holding only the name of an issuing body (white space removed, matched whole)."""
    signature_issuer_max: int = 30
    signature_date: str = ""
    """A line holding only a date (white space removed, matched whole). An issuer line (or
    several) and a date line after a full stop close every open section and provision."""
    signature_date_max: int = 30
