"""policyparse in spaCy: a Chinese pipeline with jieba tokens, entities and record span groups.

>>> nlp = policyparse.load_nlp()
>>> doc = nlp("由省发展改革委牵头，到2025年建成江夏实验室。")
>>> [(e.text, e.label_) for e in doc.ents]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["TOKENIZER", "load_nlp"]

TOKENIZER = "policyparse.Tokenizer.v1"
"""The registered name of the tokenizer (``spacy_tokenizers`` entry point)."""


def load_nlp() -> Language:
    """A blank Chinese (``zh``) spaCy pipeline with policyparse's tokenizer and components.

    No model is downloaded: the tokenizer is the package's jieba tokenizer and the components
    (``policyparse_records``, ``policyparse_entities``, found through spaCy's entry points)
    copy the records of :func:`policyparse.parse` into ``doc.spans`` and ``doc.ents``.
    """
    import spacy

    from . import components  # noqa: F401  (registers the factories without entry points too)

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.add_pipe("policyparse_records")
    nlp.add_pipe("policyparse_entities")
    return nlp
