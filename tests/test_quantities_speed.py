"""The quantities stage's speed-ups find exactly what plain pattern scans find."""

from __future__ import annotations

import dataclasses
import random

import pytest
import regex

from policyparse.extract.quantities import exclude
from policyparse.extract.quantities.find import find
from policyparse.extract.quantities.rules import _reach, rules

from .test_quantities import _PIECES, _varied_texts

_FILLER = "推进产业园区建设，完善服务体系，"


def _texts() -> list[str]:
    """Varied texts, and long ones with few numbers (searched near their needles)."""
    rng = random.Random(23)
    texts = _varied_texts()
    for _ in range(150):
        parts = [_FILLER * rng.randint(20, 60)]
        for _ in range(rng.randint(1, 4)):
            parts.append(rng.choice(_PIECES) + rng.choice(_PIECES))
            parts.append(_FILLER * rng.randint(0, 40))
        texts.append("".join(parts))
    return texts


def test_exclusions_and_finds_match_plain_scans() -> None:
    r = rules()
    assert any(w is not None for w in r.exclusion_reach)
    plain = dataclasses.replace(
        r, exclusion_needles=tuple(() for _ in r.exclusion_needles), exclusion_reach=()
    )
    for t in _texts():
        assert exclude.Exclusions(t, r)._spans == exclude.Exclusions(t, plain)._spans, t[:80]
        assert find(t, r) == find(t, plain), t[:80]


def test_a_search_near_the_needles_finds_what_finditer_finds() -> None:
    r = rules()
    checked = 0
    for (_, pat), needles, reach in zip(
        r.exclusion_res, r.exclusion_needles, r.exclusion_reach, strict=True
    ):
        if not needles or reach is None:
            continue
        checked += 1
        for t in _texts():
            want = [m.span() for m in pat.finditer(t)]
            assert [m.span() for m in exclude._near(pat, t, needles, reach)] == want, t[:80]
    assert checked


@pytest.mark.parametrize(
    ("pattern", "reach"),
    [
        (r"(?<!\d)(?:[01]?\d|2[0-3])时[0-5]?\d分", 9),
        (r"[〇零一二三四五六七八九]{4}(?=年)", 7),
        (r"a|bcd", 5),
        (r"\d+年", None),  # unbounded
        (r"(?<!\d)\p{Han}{2}", 5),  # a property class is one character wide
        (r"[\p{Han}a]{0,3}局", 6),
        (r"\\p{Han}", None),  # an escaped backslash, then a brace ``re`` would misread
        (r"(?i)abc", None),  # inline flags
        (r"(?:abc){e<=1}", None),  # fuzzy matching
        (r"(a)\1", None),  # a back reference
    ],
)
def test_reach_of_a_pattern(pattern: str, reach: int | None) -> None:
    assert _reach(pattern) == reach


def test_unit_patterns_compiled_with_re_match_as_regex_does() -> None:
    r = rules()
    pats = [r.unit_re, r.plain_unit_re, r.suffix_re, r.per_re]
    twins = [regex.compile(p.pattern) for p in pats]
    words = [*r.units, *r.magnitudes, *r.infix, *r.suffix, r.measure_word, "/", "元/吨"]
    rng = random.Random(5)
    texts = ["".join(rng.choice(words) for _ in range(rng.randint(1, 5))) for _ in range(800)]
    for t in texts:
        for i in range(len(t)):
            for p, twin in zip(pats, twins, strict=True):
                a, b = p.match(t, i), twin.match(t, i)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), t
