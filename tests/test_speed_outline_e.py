"""Speed pass E: each cheap test before a pattern gives what trying the pattern gives.

Heading patterns picked by the characters after the number, the one stop-or-colon search of a
heading title, and the screen of ``line_flags`` and ``is_debris`` equal the plain forms on the
corpus lines and on made-up lines.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from policyparse.normalize import normalize
from policyparse.structure import body, headings
from policyparse.structure.headings import _BY_FIRST, _DIGIT_FIRST, _numbered

ROOT = Path(__file__).resolve().parents[1]
LINES = [
    line.strip()
    for p in sorted(ROOT.glob("corpus/*.txt"))
    for line in normalize(p.read_text(encoding="utf-8")).norm.split("\n")
    if line.strip()
]
_PIECES = [
    "第",
    "一",
    "十",
    "百",
    "两",
    "〇",
    "1",
    "12",
    "123",
    "１",
    "²",
    "①",
    "编",
    "部分",
    "部",
    "章",
    "节",
    "条",
    "、",
    ".",
    ")",
    "）",
    "(",
    "（",
    "〔",
    "〕",
    " ",
    "：",
    ":",
    "。",
    "？",
    "是",
    "总则",
    "%",
    "—",
    "-",
    "#",
    "**",
]


def _made_up(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_PIECES, k=rng.randint(1, 9))) for _ in range(count)]


MADE_UP = _made_up(4000, 5) + ["".join(p) for p in itertools.product(_PIECES[:24], repeat=2)]


@pytest.mark.parametrize("lines", [LINES, MADE_UP], ids=["corpus", "made_up"])
def test_picked_heading_patterns_match_what_all_of_them_match(lines: list[str]) -> None:
    for line in lines:
        for pos in range(min(len(line), 3)):
            first = line[pos]
            if first not in headings._STARTS and not first.isdigit():
                continue
            want = _numbered(line, pos, _BY_FIRST.get(first) or _DIGIT_FIRST)
            assert _numbered(line, pos, headings._candidates(line, pos, first)) == want, line


def _plain_with_title(line: str, t0: int) -> headings.Heading:
    """``_with_title`` (a ``paren_cn`` item numbered at 0) with two searches for its stop."""
    end = len(line.rstrip(headings._TITLE_TRIM))
    stop = headings._RUN_IN_END.search(line, t0, min(end, t0 + headings._MAX_TITLE + 1))
    colon = headings._COLON.search(line, t0, min(end, t0 + headings._MAX_COLON_TITLE + 1))
    if colon is not None and (stop is None or colon.start() < stop.start()):
        stop = colon
    if stop is not None:
        title_end = stop.start()
        run_in = stop.end() < end
    elif end - t0 > headings._MAX_TITLE:
        title_end, run_in = t0, True
    else:
        title_end, run_in = end, False
    while title_end > t0 and line[title_end - 1] in headings._TITLE_END_TRIM:
        title_end -= 1
    return headings.Heading("paren_cn", "paren_cn", 0, t0, t0, title_end, run_in)


def test_one_stop_search_finds_the_stop_of_two() -> None:
    rng = random.Random(7)
    marks = ["。", "：", ":", "？", "x", "标", "题", ";", " "]
    lines = ["".join(rng.choices(marks, k=rng.randint(1, 90))) for _ in range(3000)]
    for line in [*lines, *LINES]:
        for t0 in (0, 1, 5):
            got = headings._with_title(line, "paren_cn", "paren_cn", 0, t0, t0)
            assert got == _plain_with_title(line, t0), line


def _plain_flags(line: str) -> tuple[bool, bool]:
    """``line_flags`` without its screen."""
    s = line.strip()
    n = len(s)
    if n <= 200 and body._passes(body._closing_rules()[0], s):
        return True, True
    if s:
        always, short, short_max = body._rules()
        if (n <= 200 and body._passes(always, s)) or (n < short_max and body._passes(short, s)):
            return False, True
    return False, body.info_fields(s) is not None


def _plain_debris(line: str) -> bool:
    s = line.strip()
    if not s:
        return False
    always, short, short_max = body._rules()
    if len(s) <= 200 and body._passes(always, s):
        return True
    return len(s) < short_max and body._passes(short, s)


DEBRIS_LIKE = [
    "",
    "抄送：市委办公室",
    "2024年5月6日印发",
    "（此件公开发布）",
    "版权所有：某某",
    "当前位置：首页",
    "- 3 -",
    "第 2 页 共 9 页",
    "12",
    "来源：新华社",
    "索引号：000014349/2018-01126 主题分类：商贸",
    "【索引号】：000014349",
    "联系电话：0571-12345678",
    "首页 > 政策",
    "English",
]


@pytest.mark.parametrize("lines", [LINES, DEBRIS_LIKE, MADE_UP], ids=["corpus", "debris", "made"])
def test_screened_line_tests_give_the_plain_ones(lines: list[str]) -> None:
    assert body._flag_screen() is not None
    for line in lines:
        assert body.line_flags(line) == _plain_flags(line), line
        assert body.is_debris(line) == _plain_debris(line), line
