"""The outline's fast paths give what the plain ones give.

Records are made without validation, the body's edges are looked for from each end, sentence
ends are found in one scan of the body and a line's debris tests share one pass: each is
checked here against the straightforward form on the corpus, the held-out documents and
varied text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
import regex
from pydantic import BaseModel

from policyparse.normalize import WorkingText, normalize
from policyparse.records import Paragraph, Provision, Section, Sentence, Span
from policyparse.structure import build_outline, closes_document, headings, is_debris, is_info_line
from policyparse.structure.body import is_body_like, line_flags
from policyparse.structure.outline import _SENTENCE_END, Line, Outline, _body_edges, _is_row

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("tests/fixtures/**/*.txt"))

VARIED = [
    # a notice with a cover letter, a signature and an attachment
    "江州市人民政府办公室关于印发江州市节水行动方案的通知\n\n各区人民政府：\n"
    "　　现将《江州市节水行动方案》印发给你们，请认真贯彻执行。\n\n"
    "江州市人民政府办公室\n2024年3月5日\n\n附件：江州市节水行动方案\n\n"
    "一、总体目标\n到2025年，万元GDP用水量下降16%！全市节水型企业达到60家？\n"
    "（一）工业节水。推进企业改造；　　加强计量。\n"
    "1.重点行业。钢铁、化工行业水重复利用率达到95%。”\n",
    # web debris around a short text, and lines of blanks only
    "首页 > 政务公开\n索 引 号：000014349/2018-01126　主题分类：商贸\n   \n\t\n"
    "关于加强物业管理的意见\n为规范物业管理，提出如下意见。\n"
    "二、主要措施\n（1）建立制度！！“落实责任。”\n版权所有：江州市人民政府\n",
    # nothing but debris
    "版权所有 江州市人民政府\n网站标识码：3301000001\n",
    # one line without any stop
    "强化创新研究能力建设",
    "",
]


def _docs() -> list[tuple[str, WorkingText]]:
    found = [(p.name, normalize(p.read_text(encoding="utf-8"))) for p in FILES]
    found += [(f"varied{i}", normalize(t)) for i, t in enumerate(VARIED)]
    return found


DOCS = _docs()
IDS = [name for name, _ in DOCS]


@pytest.fixture(scope="module", params=range(len(DOCS)), ids=IDS)
def doc(request: pytest.FixtureRequest) -> tuple[WorkingText, Outline]:
    work = DOCS[request.param][1]
    return work, build_outline(work)


def test_records_equal_validated_records(doc: tuple[WorkingText, Outline]) -> None:
    _work, out = doc
    kinds: list[tuple[type[BaseModel], Sequence[BaseModel]]] = [
        (Section, out.sections),
        (Provision, out.provisions),
        (Paragraph, out.paragraphs),
        (Sentence, out.sentences),
    ]
    for cls, records in kinds:
        for rec in records:
            assert type(rec) is cls
            checked = cls.model_validate(rec.model_dump())
            assert rec == checked
            assert rec.model_fields_set == checked.model_fields_set
            assert list(rec.__dict__) == list(cls.model_fields)
            assert repr(rec) == repr(checked)
            for name in ("span", "body", "heading_span"):
                value = getattr(rec, name, None)
                if value is not None:
                    assert type(value) is Span
                    assert Span.model_validate(value.model_dump()) == value


def _plain_edges(lines: list[Line], work: WorkingText) -> tuple[int, int] | None:
    norm = work.norm
    idx = [
        i
        for i, ln in enumerate(lines)
        if not ln.debris and is_body_like(norm[ln.start : ln.end], ln.heading is not None)
    ]
    if not idx:
        idx = [i for i, ln in enumerate(lines) if not ln.debris]
        return (idx[0], idx[-1]) if idx else None
    last = idx[-1]
    # the rows of a table that ends the body belong to it
    while last + 1 < len(lines) and not lines[last + 1].debris and _is_row(work, lines[last + 1]):
        last += 1
    return idx[0], last


def test_body_edges_equal_a_scan_of_every_line(doc: tuple[WorkingText, Outline]) -> None:
    work, out = doc
    assert _body_edges(out.lines, work.norm, work) == _plain_edges(out.lines, work)


def test_body_edges_without_body_like_lines() -> None:
    lines = [
        Line(0, 3, None, True),
        Line(4, 6, None, False),
        Line(7, 9, None, False),
        Line(10, 12, None, True),
    ]
    norm = "版权所\n短句\n短句\n版权所"
    work = normalize(norm)
    assert work.norm == norm
    assert _body_edges(lines, norm, work) == _plain_edges(lines, work) == (1, 2)
    assert _body_edges(lines[:1], norm, work) is None


# the sentence end as the ``regex`` engine reads it
_PLAIN_END = regex.compile(_SENTENCE_END.pattern)


def _plain_sentences(work: WorkingText, out: Outline) -> list[tuple[int, int]]:
    """Sentences cut line by line, as a plain reading of the rule does."""
    norm = work.norm
    found: list[tuple[int, int]] = []
    for s0, e0, _pid in out.paragraph_ranges:
        cuts = [m.end() for m in _PLAIN_END.finditer(norm, s0, e0)]
        if not cuts or cuts[-1] < e0:
            cuts.append(e0)
        pos = s0
        for e in cuts:
            s = pos
            pos = e
            while s < e and norm[s] in " \t":
                s += 1
            if e > s:
                found.append((s, e))
    return found


def test_sentences_equal_a_cut_of_each_line(doc: tuple[WorkingText, Outline]) -> None:
    work, out = doc
    assert [(s, e) for s, e, _ in out.sentence_ranges] == _plain_sentences(work, out)
    assert [s.span for s in out.sentences] == [work.span(s, e) for s, e, _ in out.sentence_ranges]
    assert [p.span for p in out.paragraphs] == [work.span(s, e) for s, e, _ in out.paragraph_ranges]
    owners = {p.id: p.provision for p in out.paragraphs}
    assert all(s.provision == owners[s.paragraph or ""] for s in out.sentences)


LINES = [
    "抄送：市委各部门",
    "江州市人民政府办公室 2024年3月5日印发",
    "（此件公开发布）",
    "您所在的位置：首页 > 政务公开",
    "版权所有：江州市人民政府",
    "来源：江州日报",
    "索 引 号：000014349/2018-01126　主题分类：商贸、海关、旅游",
    "发文机关：江州市人民政府",
    "12",
    "一、总体要求",
    "到2025年，全市节水型企业达到60家。",
    "",
    "   ",
    "  抄送：市委各部门  ",
    "来源：" + "江州" * 30,
    "版权所有" + "。" * 240,
]


def test_line_flags_equal_the_separate_tests() -> None:
    lines = list(LINES)
    for _name, work in DOCS:
        lines += work.norm.split("\n")
    for line in lines:
        closes = closes_document(line)
        assert line_flags(line) == (
            closes,
            closes or is_debris(line) or is_info_line(line),
        ), line


STD_PATTERNS = [
    _SENTENCE_END,
    headings._MARKDOWN,
    headings._BOLD,
    headings._RUN_IN_END,
    headings._COLON,
    headings._CAPTION,
]
ODD = [
    "## **一、总体要求**：到2025年！",
    "__（一）__强化。【立法目的】为了",
    "【" + "条" * 25 + "】",
    '“好！”）」』"。。。？？',
    "#######标题",
    "** ",
]


@pytest.mark.parametrize("pattern", STD_PATTERNS, ids=lambda p: p.pattern)
def test_standard_engine_patterns_match_as_regex_does(pattern: regex.Pattern[str]) -> None:
    twin = regex.compile(pattern.pattern)
    lines = list(ODD)
    for _name, work in DOCS:
        lines += work.norm.split("\n")
    for line in lines:
        assert [m.span() for m in pattern.finditer(line)] == [m.span() for m in twin.finditer(line)]
        for pos in range(min(len(line), 12)):
            a, b = pattern.match(line, pos), twin.match(line, pos)
            assert (a and a.span()) == (b and b.span())
            a, b = pattern.search(line, pos, pos + 61), twin.search(line, pos, pos + 61)
            assert (a and a.span()) == (b and b.span())
