"""The meta stage: title, issuer, document number, date and plan period."""

from __future__ import annotations

import regex

from .normalize import WorkingText
from .records import Meta, PlanPeriod
from .structure import Outline

_TITLE_WORDS = regex.compile(
    r"规划|意见|方案|计划|通知|办法|决定|规定|细则|纲要|措施|指南|条例|政策"
)
_DRAFT = regex.compile(r"[(（]?(征求意见稿|草案|试行|送审稿)[)）]?$")
_DOC_NUMBER = regex.compile(r"\p{Han}{1,10}[〔\[【(（]\d{4}[〕\]】)）]\s*\d{1,4}\s*号")
_ISO_DATE = regex.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_CN_DATE = regex.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_HAN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
_HAN_DATE = regex.compile(
    r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"
)
_DATE_LABEL = regex.compile(r"(发布|成文|印发|发文)(时间|日期)[:：]?")
_ISSUER = regex.compile(
    r"(?:来源[:：])?(\p{Han}{2,30}(?:人民政府|办公厅|办公室|委员会|厅|局|部|委))$"
)
_PERIOD = regex.compile(r"(\d{4})\s*[-—–~～至到]+\s*(\d{4})\s*年")
_PLAN_WORDS = regex.compile(r"规划期(?:限)?(?:为|是)?|实施期(?:限)?(?:为|是)?")
_FIVE_YEAR = {
    "十一五": 2006,
    "十二五": 2011,
    "十三五": 2016,
    "十四五": 2021,
    "十五五": 2026,
    "十六五": 2031,
}
_FIVE_YEAR_RE = regex.compile("|".join(_FIVE_YEAR))


def _han_number(s: str) -> int:
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_HAN_DIGITS.get(tens, 1) if tens else 1) * 10 + (
            _HAN_DIGITS.get(ones, 0) if ones else 0
        )
    return int("".join(str(_HAN_DIGITS[c]) for c in s))


def _date_in(line: str) -> str | None:
    for pat in (_ISO_DATE, _CN_DATE):
        m = pat.search(line)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            if 1949 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _HAN_DATE.search(line)
    if m:
        y = _han_number(m.group(1))
        mo, d = _han_number(m.group(2)), _han_number(m.group(3))
        if 1949 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def read_meta(work: WorkingText, outline: Outline) -> Meta:
    """Facts about the whole document, read from its header, title and closing lines."""
    norm = work.norm
    body_start, body_end = outline.body
    lines = [norm[ln.start : ln.end] for ln in outline.lines]
    header = [norm[ln.start : ln.end] for ln in outline.lines if ln.end <= body_start]
    trailer = [norm[ln.start : ln.end] for ln in outline.lines if ln.start >= body_end]

    title = None
    md_title = next((s for s in outline.sections if s.kind == "markdown" and s.level == 1), None)
    if md_title is not None:
        title = md_title.title
    else:
        for line in header + lines[:8]:
            if _TITLE_WORDS.search(line) and len(line) <= 80 and not regex.search(r"[。；;]", line):
                title = regex.sub(r"\s+", "", line)
                break
    if title is not None:
        title = _DRAFT.sub("", title).strip() or title

    doc_number = None
    for line in header + lines[:12]:
        m = _DOC_NUMBER.search(line)
        if m and len(line) <= 40:
            doc_number = regex.sub(r"\s+", "", m.group(0))
            break

    date = None
    for line in lines:
        if _DATE_LABEL.search(line):
            date = _date_in(line)
            if date:
                break
    if date is None:
        for line in trailer[:6] + header:
            if len(line) <= 40:
                date = _date_in(line)
                if date:
                    break

    issuer = None
    for line in trailer[:6]:
        m = _ISSUER.search(regex.sub(r"\s+", "", line))
        if m and len(line) <= 40:
            issuer = m.group(1)
            break

    plan_period = None
    head_text = "\n".join(header + lines[:40])
    for m in _PLAN_WORDS.finditer(head_text):
        pm = _PERIOD.match(head_text, m.end())
        if pm:
            plan_period = PlanPeriod(start=int(pm.group(1)), end=int(pm.group(2)))
            break
    if plan_period is None and title:
        pm = _PERIOD.search(title)
        fm = _FIVE_YEAR_RE.search(title)
        if pm:
            plan_period = PlanPeriod(start=int(pm.group(1)), end=int(pm.group(2)))
        elif fm:
            start = _FIVE_YEAR[fm.group(0)]
            plan_period = PlanPeriod(start=start, end=start + 4)

    return Meta(
        title=title,
        issuer=issuer,
        doc_number=doc_number,
        date=date,
        plan_period=plan_period,
        start_year=plan_period.start if plan_period else None,
    )
