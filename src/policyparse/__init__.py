"""policyparse: structured, source-grounded records from Chinese policy documents.

>>> import policyparse
>>> doc = policyparse.parse("到2025年，全省医药工业产值达到4000亿元。")
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if os.environ.get("POLICYPARSE_PURE_PYTHON", "") not in ("", "0"):
    from .sources import prefer_sources

    prefer_sources()  # run the .py files of compiled modules (docs/install.md)

__version__ = "0.1.0"

__all__ = [
    "PolicyDocument",
    "PolicyParseError",
    "__version__",
    "load_nlp",
    "parse",
    "parse_file",
    "render",
    "tokenize",
]

if TYPE_CHECKING:
    from .api import parse, parse_file
    from .errors import PolicyParseError
    from .htmlview import render
    from .nlp import load_nlp
    from .records import PolicyDocument
    from .segment import tokenize

_LAZY = {
    "parse": "policyparse.api",
    "parse_file": "policyparse.api",
    "PolicyDocument": "policyparse.records",
    "PolicyParseError": "policyparse.errors",
    "tokenize": "policyparse.segment",
    "load_nlp": "policyparse.nlp",
    "render": "policyparse.htmlview",
}


def __getattr__(name: str) -> Any:
    """Import the public names on first use, so that the CLI starts fast."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'policyparse' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
