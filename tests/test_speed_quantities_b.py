"""Speed pass B: needle offsets found once, and word alternations written as tries, give what
the plain forms give."""

from __future__ import annotations

import random
import re

import regex
from hypothesis import given
from hypothesis import strategies as st

from policyparse.extract.quantities import exclude
from policyparse.extract.quantities.rules import rules
from policyparse.patternhints import literal_trie

from .test_quantities_speed import _texts

_WORD_CHARS = "ab上年度半-."


def _longest_first(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)) if w)


@given(
    st.lists(st.text(alphabet=_WORD_CHARS, min_size=1, max_size=4), min_size=1, max_size=8),
    st.text(alphabet=_WORD_CHARS + "x", max_size=30),
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=32),
)
def test_a_trie_matches_what_the_longest_first_alternation_matches(
    words: list[str], text: str, pos: int, endpos: int
) -> None:
    trie = literal_trie(words)
    plain = _longest_first(words)
    for compile_ in (re.compile, regex.compile):
        t, p = compile_(trie), compile_(plain)
        assert [m.span() for m in t.finditer(text)] == [m.span() for m in p.finditer(text)]
        for i in range(len(text) + 1):
            got, want = t.match(text, i), p.match(text, i)
            assert (got and got.span()) == (want and want.span())
        got, want = t.search(text, pos, endpos), p.search(text, pos, endpos)
        assert (got and got.span()) == (want and want.span())


def test_a_trie_of_no_words_never_matches() -> None:
    assert re.compile(literal_trie([])).search("abc") is None
    assert re.compile(literal_trie([""])).search("abc") is None


def _overlapping(text: str, needles: tuple[str, ...]) -> list[int]:
    return sorted(i for w in needles for i in range(len(text)) if text.startswith(w, i))


def test_needle_offsets_are_every_start_up_to_the_cap() -> None:
    rng = random.Random(5)
    cases = [("aa",), ("年",), ("-", "/", "."), ("分", "分钟"), ("。", "，"), ()]
    for text in ["aaaa", "年年-年/.", "", "分钟分分钟", *rng.sample(_texts(), 40)]:
        for needles in cases:
            every = _overlapping(text, needles)
            assert exclude._needle_offsets(text, needles, 10**9) == every
            for cap in (1, 2, 5):
                got = exclude._needle_offsets(text, needles, cap)
                assert len(got) == min(cap, len(every))
                assert set(got) <= set(every)


def test_searches_near_offsets_find_what_finditer_finds() -> None:
    r = rules()
    texts = _texts()
    for (_, pat), needles, reach in zip(
        r.exclusion_res, r.exclusion_needles, r.exclusion_reach, strict=True
    ):
        if not needles or reach is None:
            continue
        for t in texts:
            offsets = exclude._needle_offsets(t, needles, 10**9)
            want = [m.span() for m in pat.finditer(t)]
            assert [m.span() for m in exclude._near_offsets(pat, t, offsets, reach)] == want
