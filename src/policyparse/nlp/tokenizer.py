"""A spaCy tokenizer that segments with the package's jieba tokenizer.

Registered as ``policyparse.Tokenizer.v1`` through the ``spacy_tokenizers`` entry point. The
tokenizer runs :func:`policyparse.parse` once per text, keeps the result in
``doc._.policy`` for the pipeline's components, and cuts jieba tokens at entity boundaries so
that every entity of the PolicyDocument is a whole run of tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..records import PolicyDocument

_SURROGATE = re.compile("[\ud800-\udfff]")

POLICY_KEY = "policyparse.document"
"""``doc.user_data`` key of the PolicyDocument's JSON (serializable with the Doc)."""

_CACHE: OrderedDict[str, PolicyDocument] = OrderedDict()
_CACHE_SIZE = 32


def _remember(data: str, policy: PolicyDocument) -> None:
    _CACHE[data] = policy
    _CACHE.move_to_end(data)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)


def get_policy(doc: Doc) -> PolicyDocument | None:
    """``doc._.policy``: the PolicyDocument kept with the Doc, or None."""
    data = doc.user_data.get(POLICY_KEY)
    if not isinstance(data, str):
        return None
    policy = _CACHE.get(data)
    if policy is None:
        policy = PolicyDocument.model_validate_json(data)
        _remember(data, policy)
    return policy


def set_policy(doc: Doc, policy: PolicyDocument) -> None:
    """Keep ``policy`` with ``doc`` (as JSON in ``doc.user_data``, so the Doc still serializes)."""
    data = policy.to_json()
    doc.user_data[POLICY_KEY] = data
    _remember(data, policy)


if not Doc.has_extension("policy"):
    Doc.set_extension("policy", getter=get_policy)


def parse_for(text: str) -> PolicyDocument:
    """``policyparse.parse`` of a Doc's text, keeping its length (``\\r`` read as a break)."""
    from ..api import parse

    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    return parse(text)


def _words(text: str, cuts: list[int]) -> tuple[list[str], list[bool]]:
    from ..segment import tokenizer

    words: list[str] = []
    spaces: list[bool] = []
    for w, s, e in tokenizer().tokenize(text):
        if w.isspace():
            if words and not spaces[-1] and w[0] == " ":
                spaces[-1] = True
                w = w[1:]
                s += 1
            if not w:
                continue
        # Cut the token where an entity starts or ends inside it.
        i = bisect_right(cuts, s)
        pos = s
        while i < len(cuts) and cuts[i] < e:
            words.append(text[pos : cuts[i]])
            spaces.append(False)
            pos = cuts[i]
            i += 1
        words.append(text[pos:e])
        spaces.append(False)
    return words, spaces


class PolicyTokenizer:
    """jieba segmentation with the package dictionary, cut at entity boundaries."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        # spaCy cannot store lone surrogates: each becomes U+FFFD (offsets unchanged).
        text = _SURROGATE.sub("\ufffd", text)
        policy = parse_for(text)
        cuts = sorted({p for e in policy.entities for p in (e.span.start, e.span.end)})
        words, spaces = _words(text, cuts)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        set_policy(doc, policy)
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)

    # The tokenizer has no state: serialization writes nothing.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> PolicyTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> PolicyTokenizer:
        return self


def create_tokenizer(segmenter: str | None = None) -> Callable[[Any], PolicyTokenizer]:
    """The registered tokenizer factory (``segmenter`` is accepted and ignored for ``zh``)."""

    def make(nlp: Any) -> PolicyTokenizer:
        return PolicyTokenizer(nlp.vocab)

    return make
