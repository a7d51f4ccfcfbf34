"""First characters of a pattern, its loose ``re`` gate, and the scan that uses both."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from policyparse.extract.responsibility.compacted import role_words
from policyparse.extract.responsibility.rules import compiled
from policyparse.patternhints import (
    first_char_class,
    first_char_matches,
    first_chars,
    loose_gate,
)


def test_first_chars_of_optional_prefixes_and_alternatives() -> None:
    assert first_chars("(?:分别|共同)?(?:牵头|为(?:配合|参与)单位)") == frozenset("分共牵为")
    assert first_chars("(?=省)省级|市?县") == frozenset("省市县")
    assert first_chars("(?i:ab)c") == frozenset("aA")
    assert first_chars(r"\.5") == frozenset(".")
    assert first_chars("[省市]级|[0-2]号") == frozenset("省市012")
    assert first_chars(r"(?<![\d-])[48]00") == frozenset("48")  # a look-behind adds none


def test_first_chars_unknown_or_empty_match() -> None:
    assert first_chars("a*") is None  # may match the empty string
    assert first_chars("牵头|") is None
    assert first_chars("[^省]级") is None  # a negated class opens a match
    assert first_chars(r"[\d.]+%") is None  # a class escape in it
    assert first_chars(r"\p{Han}{2}局") is None
    assert first_chars(".部门") is None
    assert first_chars("(?i)ab") is None


def test_loose_gate_reads_class_escapes_as_any_character() -> None:
    gate = loose_gate(r"提供\p{Han}{0,4}?(?:支撑|保障)(?=[,;。]|$)")
    assert gate is not None
    assert gate.match("提供技术支撑。") is not None
    assert gate.match("提供\n支撑") is not None  # looser than the pattern: only a test
    assert gate.match("提高支撑") is None


def test_loose_gate_refuses_what_the_engines_may_read_differently() -> None:
    for pattern in (r"[\p{Han}a]b", "a++", "(?>ab)c", "(?i:ab)", r"\bab", r"(a)\1", r"\Lx"):
        assert loose_gate(pattern) is None, pattern
    assert loose_gate("(?<=省|自治区)政府") is None  # variable-width look-behind: re refuses
    for broken in (r"\p{Han", "(?P<name", "a\\"):
        assert loose_gate(broken) is None, broken  # unreadable: no gate, no exception


PATTERNS = [
    r"(?:分别|共同)?(?:(?P<a>牵头(?:负责)?)|(?P<b>配合)|(?P<c>提供\p{Han}{0,2}?支持))(?=[,;。]|$)",
    r"(?:省|市)\d{1,3}家",
    r"牵头(?!单位)",
    r"(?<![\d])[1-2]\d?家|[省市]级?",
]

_ALPHABET = "分别共同牵头负责配合提供技术支持单位省市级家123,;。 "


@given(
    st.text(alphabet=_ALPHABET, max_size=30),
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=35),
)
def test_first_char_scan_finds_what_finditer_finds(text: str, lo: int, hi: int) -> None:
    for pattern in PATTERNS:
        compiled_pattern = regex.compile(pattern)
        firsts = first_char_class(pattern)
        assert firsts is not None
        expected = [m.span() for m in compiled_pattern.finditer(text, lo, hi)]
        for gate in (None, loose_gate(pattern)):
            found = first_char_matches(compiled_pattern, firsts, text, lo, hi, gate)
            assert [m.span() for m in found] == expected


def test_role_words_of_a_sentence_match_the_plain_scan() -> None:
    rules = compiled()
    assert rules.role_word_firsts is not None and rules.role_word_gate is not None
    # normalized text: half-width commas
    text = "由县发展改革局牵头,县财政局、县住建局按职责分工配合,县委宣传部提供宣传保障。"
    found = [m.group() for m in role_words(text, 0, len(text))]
    assert found == [m.group() for m in rules.role_word.finditer(text)]
    assert found == ["牵头", "按职责分工配合", "提供宣传保障"]
