"""The targets stage's pre-checks and shortcuts give what the plain patterns give."""

from __future__ import annotations

from itertools import pairwise

import regex

from policyparse.extract.targets.geometry import (
    CLAUSE_BREAK,
    Layout,
    QRef,
    _plain_clauses,
    clauses,
    in_brackets,
)
from policyparse.extract.targets.rules import EndWords, _probe, cues
from policyparse.extract.targets.trim import _opens_qizhong

TEXTS = [
    "",
    "建成",
    "全省建成",
    "全省建成\n",
    "全省建设\n\n",
    "力争建成5G基站",
    "覆盖率提高到",
    "覆盖率提高到\n",
    "年均增长",
    "分别累计共",
    "累计",
    "主要目标是",
    "  其中，高端药械",
    "\n其中",
    "其 中",
    "在数字经济领域，建成",
]


def test_end_words_search_and_sub_equal_the_pattern() -> None:
    for words, repeat in ((["建成", "建设", "新建"], False), (["累计", "分别", "共"], True)):
        ew = EndWords(words, repeat)
        for text in TEXTS:
            want = ew.pattern.search(text)
            got = ew.search(text)
            assert (got and got.span()) == (want and want.span()), text
            assert ew.sub("", text) == ew.pattern.sub("", text), text


def test_end_words_without_words_never_skip() -> None:
    for words in ([], ["", "建成"]):
        ew = EndWords(words)
        for text in TEXTS:
            assert bool(ew.search(text)) == bool(ew.pattern.search(text)), text


def test_stage_end_words_equal_their_patterns() -> None:
    c = cues()
    for ew in (c.action_end, c.near_level, c.change, c.tail):
        for text in TEXTS:
            want = ew.pattern.search(text)
            got = ew.search(text)
            assert (got and got.span()) == (want and want.span()), text


def test_probe_only_for_patterns_that_look_at_their_match_alone() -> None:
    probe = _probe(r"^在([\p{Han}“”]{1,12}?)(领域|方面|行业)[，,]")
    assert probe is not None and probe.search("推进。在数字经济领域，建成…")
    for pattern in (r"^在(?<!不)领域", r"^在\p{Han}+领域$", r"^在(?=数)", r"\b在", r"^(?m)^在"):
        assert _probe(pattern) is None, pattern


def test_opens_qizhong_equals_the_pattern() -> None:
    pattern = regex.compile(r"\s*其中")
    for text in TEXTS:
        for i in range(len(text) + 1):
            assert _opens_qizhong(text, i) == (pattern.match(text, i) is not None), (text, i)


def test_plain_clauses_split_at_every_mark() -> None:
    text = "到2025年，全省建成5G基站10万个；覆盖率达到90%:新增3家。其余"
    assert "(" not in text and "“" not in text
    got = clauses(text, 0, len(text))
    assert got == _plain_clauses(text, 0, len(text))
    cuts = [-1, *(i for i, ch in enumerate(text) if ch in CLAUSE_BREAK), len(text)]
    want = [(a + 1, b) for a, b in pairwise(cuts) if b > a + 1]
    assert got == want
    # a bracket or quotation mark keeps the marks inside it: the full reading
    quoted = "推行“一窗受理，内部协同”，整体用时压缩"
    assert [quoted[s:e] for s, e in clauses(quoted, 0, len(quoted))] == [
        "推行“一窗受理，内部协同”",
        "整体用时压缩",
    ]


def _depth_reference(text: str, start: int, i: int) -> bool:
    depth = 0
    for ch in text[start:i]:
        if ch in "(（":
            depth += 1
        elif ch in ")）" and depth:
            depth -= 1
    return depth > 0


def test_in_brackets_equals_a_character_walk() -> None:
    text = "达到62%（2023年为51.7%）和(品规6个)、北京(21个（含）)）以上"
    for start in range(len(text)):
        for i in range(start, len(text) + 1):
            assert in_brackets(text, start, i) == _depth_reference(text, start, i), (start, i)


def _layout(sentences: list[tuple[int, int]], starts: list[int]) -> Layout:
    qs = [QRef(None, s, s + 1) for s in starts]  # type: ignore[arg-type]
    return Layout("x" * 200, sentences, [], qs, [])


def test_valued_sentences_equal_a_scan_of_every_sentence() -> None:
    starts = [3, 15, 15, 40, 61, 99]
    cases = [
        [(0, 10), (10, 20), (20, 50), (60, 70), (90, 100)],  # apart
        [(0, 10), (5, 20), (18, 45), (60, 70)],  # overlapping, ends ascending
        [(0, 50), (10, 20), (60, 100)],  # ends not ascending
        [(10, 20), (0, 30), (60, 100)],  # starts not ascending
    ]
    for sentences in cases:
        lay = _layout(sentences, starts)
        want = [(a, b) for a, b in sentences if any(a <= s < b for s in starts)]
        assert lay.valued_sentences() == want, sentences
