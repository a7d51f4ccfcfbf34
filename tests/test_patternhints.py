"""Characters every match of a pattern holds, with scoped case-insensitive groups."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from policyparse.patternhints import gated, required_chars
from policyparse.structure.body import is_debris, line_flags


def test_scoped_case_insensitive_group_holds_both_cases() -> None:
    assert required_chars("(?i:copyright)|版权所有") == frozenset("cC版")
    # the letters that also match a character beyond ASCII take it along
    assert required_chars("(?i:k)") == frozenset("kK\u212a")
    assert required_chars("(?i:s)") == frozenset("sS\u017f")
    assert required_chars("(?i:i)") == frozenset("iI\u0130")


def test_unreadable_flags_give_no_set() -> None:
    assert required_chars("(?i)copyright") is None  # a global flag
    assert required_chars("(?i:版权)") is None  # folding beyond ASCII is not modelled
    assert required_chars("(?x:a b)") is None


@given(st.text(alphabet="kKsSiI\u212a\u017f\u0130xy", max_size=6))
def test_folded_set_is_sound(text: str) -> None:
    """A text matching a folded pattern holds one of its characters."""
    for pattern in ("(?i:k)", "(?i:s)", "(?i:i)", "x(?i:ks)y"):
        chars = required_chars(pattern)
        assert chars is not None
        if regex.search(pattern, text):
            assert any(c in text for c in chars)


def test_debris_lines_in_any_case_still_found() -> None:
    for line in (
        "Copyright © 2024 某市人民政府办公室 版权所有",
        "COPYRIGHT 2023 ALL RIGHTS RESERVED",
        "all rights reserved",
        "京icp备05070218号",
        "网站标识码：3300000001 浙公网安备 33010602000001号",
        "主办单位：某市人民政府办公室　承办单位：某市大数据中心",
        "主办单位:某县人民政府  技术支持:某某信息技术有限公司",
        "主办单位：某市人民政府办公室　　承办：某市数据资源局",
        "主办：某自治州人民政府办公室　运行维护：州融媒体中心",
    ):
        assert is_debris(line), line
    # an event's organisers written on lines of their own, in a notice's text, are no footer
    assert not is_debris("主办单位：市文化和旅游局")
    assert not is_debris("活动主办单位：市文化和旅游局，承办单位：市文化馆")
    prose = "到2025年，全县森林覆盖率达到65%以上，新增高标准农田3万亩。"
    assert line_flags(prose) == (False, False)


GATED_PATTERNS = [
    "每(?:年|季度)开展|不少于\\d+次",
    "(?<=[省市])(?:牵头|配合)(?:单位|部门)?",
    "(?:(?i:icp)[备证])|公网安备",
    "\\d+(?:个|家)|[一二三]项",
    "(?<=\\p{Han}{2})每(?:个|家)[^，每的]{1,12}$",
    "(?:开展|不少于)并$",
    "a*",  # matches empty text: no gate
]


_ALPHABET = "每年季度开展不少于3次省市牵头配合单位部门icpICP备证公网安备个家一二三项a"


@given(
    st.text(alphabet=_ALPHABET, max_size=20),
    st.integers(min_value=0, max_value=20),
    st.integers(min_value=0, max_value=25),
)
def test_gated_pattern_finds_what_the_pattern_finds(text: str, pos: int, endpos: int) -> None:
    def spans(m: regex.Match[str] | None) -> tuple[int, int] | None:
        return None if m is None else m.span()

    for pattern in GATED_PATTERNS:
        plain = regex.compile(pattern)
        g = gated(pattern)
        assert spans(g.search(text, pos, endpos)) == spans(plain.search(text, pos, endpos))
        assert spans(g.search(text)) == spans(plain.search(text))
        assert g.sub("#", text) == plain.sub("#", text)


def test_gate_is_read_from_every_alternative() -> None:
    g = gated("(?:每(?:年|季度)开展)|(?:不少于)")
    assert g.gate is not None
    assert g.search("全年开展活动") is None
    assert g.search("每季度开展一次") is not None
    assert gated("a*|b").gate is None
