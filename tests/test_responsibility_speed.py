"""The responsibility stage's shortcuts give what the plain pattern scans give.

Each shortcut (a required-string hint before a search, a scan tried only where a match can
start, a test that skips a search) is checked against the plain scan it replaces, on the
corpus and on varied text written here.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import regex

from policyparse.extract.responsibility import (
    brackets,
    column_tables,
    compacted,
    label_lines,
    sentences,
    tables,
    units,
)
from policyparse.extract.responsibility.rules import compiled
from policyparse.normalize import normalize
from policyparse.patternhints import LABEL_LEAD, anchored_matches, required_strings

CORPUS = sorted((Path(__file__).resolve().parent.parent / "corpus").glob("*.txt"))

VARIED = [
    "表1 重点任务\n序号\n重点任务\n牵头单位\n配合单位\n1\n建设平台\n市发改委\n市财政局\n"
    "2\n完善机制\n市商务局\n市税务局、\n市市场监管局\n  **责任单位**  \n",
    "一、主要任务\n(一)加快园区建设。推进产业集聚。(牵头单位:市发改委;配合单位:市财政局、市商务局)\n"
    "  ●责任单位：县住建局、县自然资源局\n■牵头单位　区教育局\n"
    "**牵头单位**:市科技局 【责任单位】市财政局 [配合单位]各区县政府\n",
    "加强监管。——市市场监管局、市公安局\n完善机制;——省农业农村厅牵头,省财政厅配合\n"
    "(二)市教育局:负责统筹全市教育资源\n1.区民政局、区财政局:承担兜底保障\n",
    "序号  重点任务  牵头单位  配合单位  完成时限\n1  建设中心  县商务局  县财政局  2025年底\n"
    "| 任务 | 牵头单位 | 配合单位 |\n|---|---|---|\n| 建库 | 市数据局 | 同上 |\n",
    "开展试点。市商务局牵头，市财政局、市经信局配合。推动落实。由区政府负责，不再列出。\n"
    "以下各项任务均由各镇(街道)负责落实，不再一一列出。位列第一的为牵头单位，下同。\n",
    "其他责任单位为乙局\n责任单位 : 丙局\n牵头配合单位:丁局\n"
    "*****责任单位:戊局\n【【牵头单位】己局\n"
    "推进建设(责任单位：市发改委\n、市财政局)。完成时限:2025年底。\n - 3 -\n第3页 共9页\n",
    "各市、县(区)人民政府，省直各有关单位：\n(省卫健委、省医保局按职责分工负责)\n"
    "(CRO)(含县级)(以下简称“方案”)(2023年)(一)\x1c(a b)\u3000(省委宣传部\u3000省文旅厅)\n",
    "",
    "\n\n。;\n",
]


def _texts() -> list[str]:
    return [normalize(p.read_text(encoding="utf-8")).norm for p in CORPUS] + [
        normalize(t).norm for t in VARIED
    ]


TEXTS = _texts()
BOUNDS = [(0, None), (3, -2), (1, 40)]


def _bounds(t: str) -> list[tuple[int, int]]:
    out = []
    for lo, hi in BOUNDS:
        end = len(t) if hi is None else (len(t) + hi if hi < 0 else min(hi, len(t)))
        out.append((min(lo, len(t)), max(min(lo, len(t)), end)))
    return out


def _spans(ms: list[regex.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in ms]


# --- required strings of patterns -----------------------------------------------------------

REQUIRED: list[tuple[str, frozenset[str] | None]] = [
    ("牵头", frozenset(["牵头"])),
    ("分别?牵头", frozenset(["牵头"])),
    ("为牵头(?:单位|部门)", frozenset(["为牵头单位", "为牵头部门"])),
    ("(?:牵头|负责)", frozenset(["牵头", "负责"])),
    ("由.{1,8}负责", frozenset(["负责"])),
    (r"(?<=\p{Han})负责(?!人)", frozenset(["负责"])),
    ("a{1,3}b", frozenset(["a"])),
    ("ab+c", frozenset(["a"])),
    ("a(?:)b", frozenset(["ab"])),
    ("(?:(?:a|b)c)d", frozenset(["acd", "bcd"])),
    ("x(?:a|.)y", frozenset(["x"])),
    ("配合|参与", frozenset(["配合", "参与"])),
    # no string every match must hold
    ("", None),
    ("牵?头?", None),
    ("牵头|.", None),
    ("(?=牵头)", None),
    (r"\p{Han}+", None),
    ("(?i)lead", None),
    ("(牵头", None),
    ("牵头)", None),
]


@pytest.mark.parametrize(("pattern", "strings"), REQUIRED, ids=[p or "empty" for p, _ in REQUIRED])
def test_required_strings(pattern: str, strings: frozenset[str] | None) -> None:
    assert required_strings(pattern) == strings
    if strings:
        sample = (
            "县发改局牵头负责，县财政局为牵头单位，由市政府负责，分别牵头，aab，abc，xay，acd，配合"
        )
        for m in regex.finditer(pattern, sample, overlapped=True):
            assert any(w in m.group() for w in strings), (pattern, m.group())


def _hinted() -> list[tuple[str, regex.Pattern[str], re.Pattern[str]]]:
    r = compiled()
    return [
        ("role_word", r.role_word, r.role_hint),
        ("fixed", r.fixed, r.fixed_hint),
        ("convention", r.convention, r.convention_hint),
        ("noise", r.noise, r.noise_hint),
        ("strip_prefix", r.strip_prefix, r.strip_prefix_hint),
        ("strip_suffix", r.strip_suffix, r.strip_suffix_hint),
    ]


@pytest.mark.parametrize(("name", "pattern", "hint"), _hinted(), ids=[h[0] for h in _hinted()])
def test_hint_found_in_every_match(
    name: str, pattern: regex.Pattern[str], hint: re.Pattern[str]
) -> None:
    found = 0
    for t in TEXTS:
        for m in pattern.finditer(t, overlapped=True):
            if m.end() > m.start():
                found += 1
                assert hint.search(t, m.start(), m.end()) is not None, (name, m.group())
    assert found or name in ("convention", "strip_suffix")


# --- scans tried only where a match can start -----------------------------------------------


def test_label_start_matches_equal_the_scan() -> None:
    r = compiled()
    assert r.label_start_at is not None
    for t in TEXTS:
        for lo, hi in _bounds(t):
            want = _spans(list(r.label_start.finditer(t, lo, hi)))
            assert _spans(label_lines._label_start_matches(t, lo, hi)) == want


def test_bare_label_line_starts_equal_the_scan() -> None:
    r = compiled()
    for t in TEXTS:
        for lo, hi in _bounds(t):
            want = _spans(list(r.bare_label_start.finditer(t, lo, hi)))
            got = label_lines._line_start_matches(r.bare_label_start, t, lo, hi, r.label_start_at)
            assert _spans(got) == want


def test_label_matches_equal_the_scan() -> None:
    r = compiled()
    assert r.label_words is not None
    for t in TEXTS:
        for lo, hi in _bounds(t):
            want = [(m.span(), m.group("label")) for m in r.label.finditer(t, lo, hi)]
            got = [(m.span(), m.group("label")) for m in label_lines._label_matches(t, lo, hi)]
            assert got == want


def test_anchored_matches_without_first_characters() -> None:
    r = compiled()
    assert r.label_words is not None
    for t in TEXTS:
        want = _spans(list(r.label.finditer(t)))
        assert _spans(anchored_matches(r.label, r.label_words, t, 0, len(t), LABEL_LEAD)) == want


# --- tests that skip a search -----------------------------------------------------------------


def test_regex_white_space_is_re_white_space() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert set(regex.findall(r"\s", every)) <= set(re.findall(r"\s", every))


def test_compact_equals_removing_white_space() -> None:
    for t in TEXTS:
        for lo, hi in _bounds(t):
            c = compacted.compact(t, lo, hi)
            assert c.s == compacted._REMOVED.sub("", t[lo:hi])
            assert "".join(t[p] for p in c.pos) == c.s


def _contents() -> list[str]:
    out: list[str] = []
    for text in [*(p.read_text(encoding="utf-8") for p in CORPUS), *VARIED]:
        work = normalize(text)
        n = len(work.norm)
        found = brackets.bracket_blocks(work, 0, n) + label_lines.line_blocks(work, 0, n)
        found += sentences.role_sentence_blocks(work, 0, n) + tables.table_blocks(work, 0, n)
        out += [b.content.s for b in found]
        # brackets of every kind, as written
        out += [m.group() for m in regex.finditer(r"[(（][^()（）\n]{0,80}[)）]", work.norm)]
    return out


CONTENTS = _contents()


def test_names_no_unit_equals_the_searches() -> None:
    r = compiled()
    assert CONTENTS
    for s in CONTENTS:
        plain = (
            r.unit_hint.search(s) is None
            and r.label.search(s) is None
            and r.bare_label.search(s) is None
        )
        assert brackets._names_no_unit(s) == plain, s
        assert brackets.may_hold_label(s) == (r.label.search(s) is not None), s


def test_cut_without_hints_cuts_nothing() -> None:
    r = compiled()
    for s in CONTENTS:
        if r.convention_hint.search(s) is None and r.noise_hint.search(s) is None:
            assert not list(r.convention.finditer(s))
            assert all(m.end() == m.start() for m in r.noise.finditer(s))
            assert units._cut(s) == (s, [])


def test_colons_within_labels_leave_no_other_label() -> None:
    r = compiled()
    for s in CONTENTS:
        taken = [m.span() for m in r.label.finditer(s)]
        if units._colons_within(s, taken):
            for m in r.other_label.finditer(s):
                assert any(a < m.end() and m.start() < b for a, b in taken), s


def test_role_object_needs_a_role_word() -> None:
    r = compiled()
    for s in CONTENTS:
        if r.role_hint.search(s) is None:
            assert not list(r.role_word.finditer(s))
            assert units._cut_role_object(s) == (s, False)


def test_column_tables_need_a_label_line(monkeypatch: pytest.MonkeyPatch) -> None:
    if not column_tables.__file__.endswith(".py"):
        pytest.skip("a compiled module calls its own functions directly; CI's plain-Python pass")
    works = [normalize(p.read_text(encoding="utf-8")) for p in CORPUS] + [
        normalize(t) for t in VARIED
    ]
    got = [_spans_of(column_tables.column_table_blocks(w, 0, len(w.norm))) for w in works]
    monkeypatch.setattr(column_tables, "_label_line", lambda *_: True)
    want = [_spans_of(column_tables.column_table_blocks(w, 0, len(w.norm))) for w in works]
    assert got == want
    assert any(want)


def _spans_of(found: list[compacted.Block]) -> list[tuple[int, int, str]]:
    return [(b.start, b.end, b.content.s) for b in found]
