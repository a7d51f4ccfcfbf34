"""The times stage's speed-ups find exactly what plain pattern scans find."""

from __future__ import annotations

import dataclasses
import random

import pytest

from policyparse.extract.times import find as tfind

from .test_times import _varied_texts

# limits, efforts, dates and year ranges written many ways, and characters that stand near them
_LIMIT_PIECES = (
    "2024-03-01",
    "2024/3/1",
    "2025.12.31",
    "1999-1-5",
    "12.5",
    "3.1415",
    "20241",
    "不超过3个月",
    "原则上不超过15个工作日",
    "最长不超过半年",
    "至少2年",
    "不少于30天",
    "3-5年",
    "五至十个工作日内",
    "两周内",
    "用三年时间",
    "通过2-3年努力",
    "经过五年",
    "利用1.5年",
    "半个月",
    "个",
    "月",
    "年",
    "日",
    "天",
    "周",
    "工",
    "作",
    "自然日",
    "小时",
    "星期",
    "季度",
    "之内",
    "以上",
    "不",
    "最",
    "至",
    "到",
    "—",
    "-",
    "~",
    "～",
    ".",
    "3",
    "12",
    "2025",
    "三",
    "十",
    "百",
    "两",
    "半",
    "用",
    "(2021-2025)",
    "【2020—2025】",
    "〔2024〕",
    "[2019~2030年]",
    "(",
    "【",
    "通过",
    "经过",
    "利用",
    "时间",
    "的时间",
    "左右的努力",
    "努力",
    "内蒙古",
    "内容",
    "，",
    "\n",
    " ",
    "٣",
    "３",
    "〇",
    "万",
    "亿",
)


def _texts() -> list[str]:
    rng = random.Random(17)
    texts = _varied_texts()
    texts += [
        "".join(rng.choice(_LIMIT_PIECES) for _ in range(rng.randint(1, 16))) for _ in range(1500)
    ]
    return texts


def _atoms(t: str) -> list[tuple[int, int, str, list[tuple[str, str]]]]:
    return [(a.start, a.end, a.type, list(a.parts.items())) for a in tfind.find_atoms(t)]


def test_atoms_match_plain_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = [_atoms(t) for t in texts]
    p = tfind.patterns()
    assert any(lead is not None for lead in p.leads) and any(p.after) and p.anchor_re
    assert all(names is not None for names in p.group_names)
    plain = dataclasses.replace(
        p,
        needles=tuple(() for _ in p.needles),
        anchored=tuple(False for _ in p.anchored),
        leads=tuple(None for _ in p.leads),
        after=tuple("" for _ in p.after),
        anchor_re=None,
        group_names=tuple(None for _ in p.group_names),
    )
    monkeypatch.setattr(tfind, "patterns", lambda: plain)
    for t, got in zip(texts, fast, strict=True):
        assert got == _atoms(t), t[:80]


@pytest.mark.parametrize("index", [i for i, lead in enumerate(tfind.patterns().leads) if lead])
def test_a_lead_finds_every_match_finditer_finds(index: int) -> None:
    p = tfind.patterns()
    pat, lead = p.atoms[index][1], p.leads[index]
    assert lead is not None
    for t in _texts():
        want = [(m.span(), m.groupdict()) for m in pat.finditer(t)]
        assert [(m.span(), m.groupdict()) for m in tfind._lead_matches(pat, t, lead)] == want, t
