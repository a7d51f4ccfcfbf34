"""The structure stage: headings, provisions, paragraphs, sentences, and web-page debris."""

from .body import closes_document, info_fields, is_closing, is_debris, is_info_line
from .outline import Outline, build_outline

__all__ = [
    "Outline",
    "build_outline",
    "closes_document",
    "info_fields",
    "is_closing",
    "is_debris",
    "is_info_line",
]
