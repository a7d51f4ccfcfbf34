"""The segment stage: a private jieba tokenizer with the package's policy dictionary."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from .ruledata import data_path

_lock = threading.Lock()
_tokenizer: Any = None


@dataclass(frozen=True)
class Token:
    """A jieba token with its offsets into the text it came from."""

    text: str
    start: int
    end: int


def tokenizer() -> Any:
    """The process-wide ``jieba.Tokenizer`` with ``data/userdict.txt`` loaded (built once)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                tok.initialize()
                tok.load_userdict(data_path("userdict.txt"))
                _tokenizer = tok
    return _tokenizer


def tokenize(text: str) -> list[Token]:
    """Segment ``text`` into tokens whose offsets point into it."""
    return [Token(w, s, e) for w, s, e in tokenizer().tokenize(text)]
