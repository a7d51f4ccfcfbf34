"""Second speed pass: each fast path gives what the plain form gives.

Sentence ends found with ``str.find`` equal a ``finditer`` scan, the bounded needle count
equals ``str.count`` up to its cap, and records made through the slot setters equal
validated ones in every part pydantic keeps.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policyparse.extract.quantities.exclude import _held
from policyparse.normalize import normalize
from policyparse.records import Paragraph, Sentence, Span
from policyparse.records.base import trusted, trusted_all
from policyparse.structure.outline import _SENTENCE_END, _sentence_cuts

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("corpus/*.txt"))]
VARIED = [
    "",
    "。",
    "到2025年完成！！”下一步？）再说。",
    "他说：“好。”她说：‘行！’」『结束？』",
    "没有句号的一行\n第二行也没有",
    '。。。”””\n！？!?"',
    "a.b?c!d。e",
]


@pytest.mark.parametrize("text", TEXTS + VARIED)
def test_sentence_cuts_equal_a_finditer_scan(text: str) -> None:
    norm = normalize(text).norm if text in TEXTS else text
    n = len(norm)
    bounds = [(0, n), (min(3, n), max(0, n - 2)), (n // 3, 2 * n // 3), (n, n)]
    for start, end in bounds:
        want = [m.end() for m in _SENTENCE_END.finditer(norm, start, end)]
        assert _sentence_cuts(norm, start, end) == want


@pytest.mark.parametrize(
    "needles", [(), ("年",), ("-", "/", "."), ("分钟", "小时"), ("ICP",), ("aa",), ("。", "，")]
)
@pytest.mark.parametrize("cap", [1, 2, 5, 40, 10_000])
def test_held_counts_as_str_count_up_to_its_cap(needles: tuple[str, ...], cap: int) -> None:
    for text in [*TEXTS, "aaaa", "年年-年/.", ""]:
        assert _held(text, needles, cap) == min(cap, sum(text.count(w) for w in needles))


def test_trusted_records_equal_validated_ones() -> None:
    span = trusted(Span, {"start": 3, "end": 9})
    valid = Span(start=3, end=9)
    assert span == valid
    assert span.model_fields_set == valid.model_fields_set
    assert span.__pydantic_extra__ == valid.__pydantic_extra__
    assert span.__pydantic_private__ == valid.__pydantic_private__
    rows = [{"id": "para1", "span": valid, "provision": None}]
    (para,) = trusted_all(Paragraph, rows)
    assert para == Paragraph(id="para1", span=valid, provision=None)
    assert para.model_dump() == {"id": "para1", "span": {"start": 3, "end": 9}, "provision": None}
    with pytest.raises(Exception, match="frozen"):
        para.id = "para2"  # type: ignore[misc]


def test_outline_records_equal_validated_ones_on_the_corpus() -> None:
    from policyparse.structure import build_outline

    for text in TEXTS:
        work = normalize(text)
        out = build_outline(work)
        for s in out.sentences:
            assert s == Sentence.model_validate(s.model_dump())
            assert s.span.model_fields_set == {"start", "end"}
