"""``WorkingText.spans`` maps many ranges as ``WorkingText.span`` maps each."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pydantic import ValidationError

from policyparse.normalize import normalize
from policyparse.records import Span

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("corpus/*.txt"))] + [
    "超 5000 亿元\n\n核\n\n酸药物　　研发，力争到2026\n年底达到３０％。",
    "　　一、总体要求\n  到 2025 年 ，全市 建成 3 个 园区 。  \n",
    "",
    "无空格的一行",
]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_spans_equal_span_of_each_range(text: str) -> None:
    work = normalize(text)
    n = len(work.norm)
    rng = random.Random(n)
    ranges = [(a, b) for a in range(0, n + 3, max(1, n // 40)) for b in (a, a + 1, a + 7, n + 2)]
    ranges += [(rng.randrange(n + 3), rng.randrange(n + 3)) for _ in range(300)]
    ranges += [(5, 3), (0, 0), (n, n), (max(n - 1, 0), n), (n, n + 4)]
    got = work.spans(ranges)
    assert got == [work.span(a, b) for a, b in ranges]
    for span, (a, b) in zip(got, ranges, strict=True):
        assert type(span) is Span
        assert span == Span.model_validate(span.model_dump())
        assert span.model_fields_set == {"start", "end"}
        assert text[span.start : span.end] == text[work.to_orig(a) : span.end]
        if b > a:
            assert span.end > span.start


def test_spans_of_no_ranges() -> None:
    assert normalize("一、总体要求").spans([]) == []


def test_spans_refuse_what_span_refuses() -> None:
    work = normalize("到2025年，全市建成3个园区。")
    for bad in [(-40, -30), (-1, 0)]:
        try:
            want = work.span(*bad)
        except ValidationError:
            with pytest.raises(ValidationError):
                work.spans([bad])
        else:
            assert work.spans([bad]) == [want]
