"""The structure stage: headings, provisions, paragraphs, sentences, and web-page debris."""

from .body import is_closing, is_debris
from .outline import Outline, build_outline

__all__ = ["Outline", "build_outline", "is_closing", "is_debris"]
