"""The shortcuts of the offset map and of the indicator trimming give what the plain
look-ups give."""

from __future__ import annotations

import random

import pytest
import regex
from pydantic import ValidationError

from policyparse.extract.targets.indicator_words import words
from policyparse.extract.targets.rules import cues
from policyparse.extract.targets.trim import _cut_tails, _lead_stop
from policyparse.normalize import WorkingText, normalize
from policyparse.records import Span

_TEXT = (
    "　　关于 印发《2025年 工作要点》的通知\n\n"
    "一、总体目标\n"
    "　　到2027年，全市 新建 5G基站 3000个，覆盖率达到 95% 以上；\n"
    "（一）加快建设。新增\n\n充电桩 200 个。\n"
    "1.  每个县（ 市、区 ）建成1个中心。\n"
    "2. 农村 公路 达到 1500 公里。\n\n"
    "二、保障措施\n\t\t加强 组织领导 。\n"
)


def _works() -> list[WorkingText]:
    made = [normalize(_TEXT), normalize("无空白的一行文字。"), normalize("  \n  ")]
    # a hand-made map whose first piece does not start at 0 (as no normalize() call makes)
    made.append(WorkingText("abcdefgh", "bcfg", (1, 2), (1, 5), "abcdefgh"))
    return made


def _span_ref(w: WorkingText, start: int, end: int) -> tuple[int, int]:
    if end <= start:
        o = w.to_orig(start)
        return o, o
    return w.to_orig(start), w.to_orig(end - 1) + 1


def _to_norm_range_ref(w: WorkingText, start: int, end: int) -> tuple[int, int]:
    s = w.to_norm(start)
    e = w.to_norm(end - 1) + 1 if end > start else s
    return s, max(s, e)


def test_span_and_spans_match_to_orig() -> None:
    rnd = random.Random(7)
    for w in _works():
        n = len(w.norm)
        ranges = [(a, b) for a in range(n + 2) for b in range(a, n + 3)]
        ranges += [(rnd.randint(0, n + 2), rnd.randint(0, n + 2)) for _ in range(200)]
        valid = []
        for a, b in ranges:
            want = _span_ref(w, a, b)
            if 0 <= want[0] <= want[1]:
                assert (w.span(a, b).start, w.span(a, b).end) == want
                valid.append((a, b))
            else:  # refused as the record refuses it
                with pytest.raises(ValidationError):
                    w.span(a, b)
        many = w.spans(valid)
        for (a, b), sp in zip(valid, many, strict=True):
            assert isinstance(sp, Span)
            assert (sp.start, sp.end) == _span_ref(w, a, b)


def test_to_norm_ranges_match_to_norm() -> None:
    rnd = random.Random(11)
    for w in _works():
        n = len(w.text)
        ranges = [(a, b) for a in range(n + 2) for b in range(max(0, a - 2), n + 3)]
        ranges += [(rnd.randint(0, n + 2), rnd.randint(0, n + 2)) for _ in range(200)]
        got = w.to_norm_ranges(ranges)
        assert got == [_to_norm_range_ref(w, a, b) for a, b in ranges]


def _lead_stop_ref(pattern: regex.Pattern[str], text: str, pos: int) -> int:
    """``_lead_stop`` as it was: every ``not_lead_words`` word tried at each offset."""
    m = pattern.match(text, pos)
    end = m.end() if m else pos
    while end > pos:
        cut = next(
            (
                j
                for w in words().not_lead_words
                for j in range(max(pos, end - len(w) + 1), end)
                if text.startswith(w, j)
            ),
            None,
        )
        if cut is None:
            return end
        m = pattern.match(text, pos, cut)
        end = m.end() if m else pos
    return end


_LEADS = [
    "使用率达到90%",
    "力争使命感",
    "推动要素市场",
    "并购重组企业20家",
    "其中并网装机",
    "带动就业5万人",
    "进一步推动带动投资",
    "确保要点落实",
    "全面推进实现",
    "将士",
    "",
]


def test_lead_stop_matches_every_word_tried() -> None:
    c = cues()
    for text in _LEADS:
        for prefix in ("", "，", "到2025年，"):
            s = prefix + text
            for pos in range(len(s) + 1):
                for pattern in (c.lead_at, c.lead):
                    assert _lead_stop(pattern, s, pos) == _lead_stop_ref(pattern, s, pos)


def test_cut_tails_matches_every_pattern_tried() -> None:
    c = cues()
    samples = [
        "接种率以乡镇（街道）为单位",
        "旅客吞吐量恢复并",
        "托位数2024年",
        "企业每个旗县（市、区）",
        "配套率提前一年",
        "每季度开展",
        "其中",
        "覆盖率",
        "年",
        "",
    ]
    for s in samples:
        want = s
        for p in c.indicator_tail:
            cut = p.sub("", want)
            if len(cut) >= 2:
                want = cut
        assert _cut_tails(c, s) == want
