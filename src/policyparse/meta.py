"""The meta stage: title, issuer, document number, date and plan period.

Facts are read from the header (the lines before the body), the first lines of the body and
the closing lines (signature and date). Every pattern is bounded and run on short lines only.
"""

from __future__ import annotations

from typing import Final

import regex

from . import patterncache
from .normalize import WorkingText, to_halfwidth
from .patterncache import KEEP_GIL
from .records import Meta, PlanPeriod
from .structure import Outline, closes_document, info_fields, is_closing, is_debris, is_info_line

_TITLE_WORD: Final = (
    r"规划|意见|方案|计划|通知|通告|公告|办法|决定|规定|细则|纲要|措施|指南|条例|政策|规则|要点"
    r"|答记者问|解读"
)
_TITLE_WORDS: Final = patterncache.compile(_TITLE_WORD)
_TITLE_BRACKET: Final = patterncache.compile(r"[(（][^()（）]{1,16}[)）]")
_TITLE_SHAPE: Final = patterncache.compile(rf"关于.{{1,70}}的(?:\p{{Han}}{{0,4}})(?:{_TITLE_WORD})")
_TITLE_MAX: Final = 80
_SITE_WORD: Final = patterncache.compile(r"\p{Han}+(?<![省市县区州盟旗镇乡])")
_NOT_AFTER_SITE: Final = patterncache.compile(r"人民|政府|办公|关于|省|市|县")
_REPOST_PREFIX: Final = patterncache.compile(r"\p{Han}{2,12}[:：](?=\p{Han})")
_SEPARATORS: Final = "|｜-—_:：·> "
_TITLE_SEPARATOR: Final = patterncache.compile(r"[_|｜]|(?<![\d—])[-—–](?![\d—])")
_DRAFT: Final = patterncache.compile(r"[(（]?(?:征求意见稿|草案|送审稿|讨论稿)[)）]?$")
_STOPS: Final = patterncache.compile(r"[。；;!！?？]")
_DOC_NUMBER: Final = patterncache.compile(
    r"\p{Han}{1,12}[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*(?:第\s*)?\d{1,4}\s*号"
)
# a decree number (政府令, 部令) in a promulgation note: 湖南省人民政府令第315号公布
_ORDER_NUMBER: Final = patterncache.compile(
    r"(\p{Han}{2,24}?)令\s{0,3}(?:(?:19|20)\d{2}\s{0,3}年\s{0,3})?第\s{0,3}\d{1,4}\s{0,3}号"
)
_PROMULGATED: Final = patterncache.compile(r"\s{0,3}(?:公布|发布|颁布|印发)")
_DATE_HEAD: Final = "年月日号"
_PROMULGATION_WORD: Final = patterncache.compile(r"公布|颁布|发布")
# 已于…日经…会议通过，现予公布: that date is the adoption, not the promulgation
_PASSED: Final = patterncache.compile(r"通过|审议|会议")
_ORDER_HEAD: Final = patterncache.compile(r"(\p{Han}{2,24}?)令")
_ORDER_TAIL: Final = patterncache.compile(r"(?:(?:19|20)\d{2}年)?第\d{1,4}号")
_DOC_NUMBER_LABEL: Final = patterncache.compile(r"(?:发文字号|文号|索引号)[:：]")
_ISO_DATE: Final = patterncache.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_CN_DATE: Final = patterncache.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日")
_HAN_DIGITS: Final = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": 0,
    "○": 0,
    "O": 0,
}
_HAN_DATE: Final = patterncache.compile(
    r"([〇○零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"
)
_DATE_LABEL: Final = patterncache.compile(r"(发布|成文|印发|发文|公布)(时间|日期)[:：]?")
_WRITTEN_LABELS: Final = frozenset({"成文", "印发", "发文"})
_ISSUER_END: Final = (
    r"人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|管理委员会|领导小组|"
    r"指挥部|政府|厅|局|部|委|署|院|会|办"
)
_ORDER_ISSUER: Final = patterncache.compile(rf"(?:{_ISSUER_END})$")
_ISSUER: Final = patterncache.compile(
    rf"(?:来源[:：]|发布机构[:：]|发文机关[:：])?(\p{{Han}}{{2,30}}?(?:{_ISSUER_END}))$"
)
_ISSUER_LABEL: Final = patterncache.compile(
    r"(?:发布机构|发文机关|发文单位)[:：]\s*(\p{Han}{2,30})"
)
_ISSUER_LABELS: Final = frozenset({"发布机构", "发文机关", "发文单位", "发布机关"})
_HAN_NAME: Final = patterncache.compile(r"\p{Han}{2,30}")
_SOURCE_LABEL: Final = patterncache.compile(
    r"(?<!\p{Han})(?:信息来源|来源)[:：]\s{0,3}(\p{Han}{2,30})"
)
_ISSUER_ALONE: Final = patterncache.compile(
    r"(\p{Han}{2,28}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|厅|局|部|委))"
)
_DATE_ONLY: Final = patterncache.compile(
    r"(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}"
    r"|[〇○零O一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
    r"[(（]?[^()（）]{0,8}[)）]?"
)
_TITLE_ISSUER: Final = patterncache.compile(rf"^(\p{{Han}}{{2,30}}?(?:{_ISSUER_END}))关于")
_PERIOD: Final = patterncache.compile(
    r"((?:19|20)\d{2})年?\s*[-—–~～至到]{1,3}\s*((?:19|20)\d{2})\s*年"
)
_BRACKET_PERIOD: Final = patterncache.compile(
    r"[(（]((?:19|20)\d{2})年?\s*[-—–~～至到]{1,3}\s*((?:19|20)\d{2})年?[)）]"
)
_PLAN_WORDS: Final = patterncache.compile(r"(?:规划|实施|行动|计划)期(?:限)?(?:为|是|[:：])?")
_FIVE_YEAR: Final = {
    "十一五": 2006,
    "十二五": 2011,
    "十三五": 2016,
    "十四五": 2021,
    "十五五": 2026,
    "十六五": 2031,
}
_FIVE_YEAR_RE: Final = patterncache.compile("|".join(_FIVE_YEAR))
# a plan for one year: 2026年医疗保障工作要点, 2025年度全市重点工作安排
_ONE_YEAR_PLAN: Final = patterncache.compile(
    r"((?:19|20)\d{2})年度?[^，,。；;]{0,30}?"
    r"(?:工作要点|工作计划|重点工作|工作安排|工作任务|行动计划|实施计划|工作方案)"
)
_HEAD_LINES: Final = 12
# a title of the form 关于…的通知 scores at least this
_SHAPED_SCORE: Final = 4
_MAX_HEADER_LINES: Final = 60


def _han_number(s: str) -> int:
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_HAN_DIGITS.get(tens, 1) if tens else 1) * 10 + (
            _HAN_DIGITS.get(ones, 0) if ones else 0
        )
    return int("".join(str(_HAN_DIGITS[c]) for c in s))


def _valid(y: int, mo: int, d: int) -> str | None:
    if 1949 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _date_in(line: str) -> str | None:
    # every date written holds 年 or a separator of an ISO date: a cheap test first
    if "年" not in line and "-" not in line and "/" not in line and "." not in line:
        return None
    for pat in (_ISO_DATE, _CN_DATE):
        for m in pat.finditer(line):
            y, mo, d = (int(g) for g in m.groups())
            found = _valid(y, mo, d)
            if found:
                return found
    hm = _HAN_DATE.search(line)
    if hm:
        return _valid(_han_number(hm[1]), _han_number(hm[2]), _han_number(hm[3]))
    return None


_WHITE_SPACE: Final = patterncache.compile(r"\s+")


def _squash(s: str) -> str:
    return _WHITE_SPACE.sub("", s, 0, None, None, KEEP_GIL)


# more than 20 characters other than white space: such a line squashed is longer than 20
# (a bounded test, cheaper than squashing a long line to measure it)
_OVER_20: Final = patterncache.compile(r"(?:\s*\S){21}")


def _title_candidate(line: str, others: list[str]) -> tuple[int, int, int] | None:
    """A title cut out of ``line`` (its score, start and end), or None for no title shape."""
    if not line or len(line) > _TITLE_MAX or _STOPS.search(line) or is_debris(line):
        return None
    # a page title joins the document's title and the site's name with separators
    best: tuple[int, int, int] | None = None
    a = 0
    for sep in [*_TITLE_SEPARATOR.finditer(line), None]:
        b = sep.start() if sep is not None else len(line)
        found = _segment_title(line, a, b, others)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
        if sep is not None:
            a = sep.end()
    return best


def _segment_title(line: str, a: int, b: int, others: list[str]) -> tuple[int, int, int] | None:
    # the title runs to its last document word, with a period or a draft mark after it
    # a title never ends inside 《》: a word there (就《…办法》答记者问) ends it only when
    # nothing follows the closing 》, and then the title runs to the 》
    cut = -1
    for word in _TITLE_WORDS.finditer(line, a, b):
        end = word.end()
        if line.count("《", a, end) > line.count("》", a, end):
            close = line.find("》", end, b)
            end = close + 1 if close >= 0 else -1
        cut = max(cut, end)
    if cut < 0:
        return None
    bracket = _TITLE_BRACKET.match(line, cut, b)
    if bracket is not None:
        cut = bracket.end()
    score = 1
    if cut == b:
        score += 2
    start = a
    m = _REPOST_PREFIX.match(line, a, b)
    if m is not None:
        start = m.end()
    start += _site_name_length(line[start:cut], others)
    while start < cut and line[start] in _SEPARATORS:
        start += 1
    if _TITLE_SHAPE.search(line, start, cut):
        score += 3
    if cut - start < 6:
        return None
    return score, start, cut


def _site_name_length(title: str, others: list[str]) -> int:
    """Length of a leading word that the page's other header lines repeat (a site's name)."""
    for n in range(6, 1, -1):
        head = title[:n]
        if len(title) - n < 6 or not _SITE_WORD.fullmatch(head):
            continue
        if _NOT_AFTER_SITE.match(title, n):
            continue
        # the word recurs in other lines and ends where the title's next character begins
        if sum(head in o for o in others) >= 2 and not any(title[: n + 1] in o for o in others):
            return n
    return 0


def _read_title(work: WorkingText, outline: Outline, count: int) -> str | None:
    md_title = next((s for s in outline.sections if s.kind == "markdown" and s.level == 1), None)
    found = _line_title(work, outline, count)
    if md_title is not None and md_title.title:
        # a notice that issues the plan under its Markdown heading (关于印发《X》的通知) is the
        # document; otherwise the heading is the title
        if (
            found is not None
            and found[1] >= _SHAPED_SCORE
            and found[2] < md_title.span.start
            and _squash(md_title.title) in found[0]
        ):
            return found[0]
        return md_title.title
    return found[0] if found is not None else None


def _line_title(work: WorkingText, outline: Outline, count: int) -> tuple[str, int, int] | None:
    """The best title read from the first ``count`` lines: its text, score and offset."""
    head = outline.lines[:count]
    lines = [work.norm[ln.start : ln.end] for ln in head]
    best: tuple[int, int, list[tuple[int, int]]] | None = None
    for i, line in enumerate(lines):
        if head[i].heading is not None:
            continue
        others = lines[:i] + lines[i + 1 :]
        found = _title_candidate(line, others)
        pieces: list[tuple[int, int]] = []
        if found is not None:
            pieces = [(head[i].start + found[1], head[i].start + found[2])]
        # a title broken over two lines
        if (
            i + 1 < len(lines)
            and head[i + 1].heading is None
            and (found is None or found[0] < 3)
            and _date_in(line) is None
            and not is_info_line(line)
            and not _DOC_NUMBER.fullmatch(_squash(line))
        ):
            joined = _title_candidate(line + lines[i + 1], others)
            if (
                joined is not None
                and joined[0] >= 3
                and joined[2] > len(line)
                and (found is None or joined[0] > found[0])
            ):
                found = joined
                a, b = joined[1], joined[2]
                pieces = [(head[i].start + a, head[i].end)] if a < len(line) else []
                pieces.append(
                    (head[i + 1].start + max(0, a - len(line)), head[i + 1].start + b - len(line))
                )
        if (
            found is not None
            and found[2] == len(line)
            and i + 1 < len(lines)
            and _TITLE_BRACKET.fullmatch(lines[i + 1])
            and not _DOC_NUMBER.search(lines[i + 1])
        ):
            # a period or draft mark on the line under the title belongs to it
            pieces.append((head[i + 1].start, head[i + 1].end))
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], -i, pieces)
    if best is None or not best[2]:
        return None
    title = ""
    for a, b in best[2]:
        span = work.span(a, b)
        title += _squash(work.text[span.start : span.end])
    return _DRAFT.sub("", title).strip() or title, best[0], work.span(*best[2][0]).start


def _order(line: str) -> tuple[str, str] | None:
    """A decree number and the body that issued it, from a promulgation note
    (``…湖南省人民政府令第315号公布``) or a line holding only the number."""
    if len(line) > 200 or "令" not in line:  # every decree number holds 令
        return None
    for m in _ORDER_NUMBER.finditer(line):
        name = m.group(1)
        # the name starts after a date (…6月20日湖南省人民政府令…)
        if m.start(1) > 0 and line[m.start(1) - 1].isdigit() and name[0] in _DATE_HEAD:
            name = name[1:]
        alone = m.start() == 0 and m.end() == len(line)
        if not (alone or _PROMULGATED.match(line, m.end())):
            continue
        if len(name) >= 2 and _ORDER_ISSUER.search(name):
            number = _squash(name + line[m.end(1) : m.end()])
            return number, name
    return None


def _read_order(head: list[str]) -> tuple[str, str] | None:
    """A decree number on one line, or split as ``交通运输部令`` over ``2023年第5号``.

    ``head`` holds the lines as written; only a line holding 令 (every decree number does) is
    squashed and read, and the line under it when it ends with 令."""
    for k, raw in enumerate(head):
        if "令" not in raw:
            continue
        line = _squash(raw)
        found = _order(line)
        if found is not None:
            return found
        if k + 1 < len(head) and len(line) <= 30 and line.endswith("令"):
            hm = _ORDER_HEAD.fullmatch(line)
            if hm is None:
                continue
            tail = _squash(head[k + 1])
            if _ORDER_TAIL.fullmatch(tail) and _ORDER_ISSUER.search(hm.group(1)):
                return line + tail, hm.group(1)
    return None


def _promulgation_date(line: str) -> str | None:
    """The date of a promulgation note: the one followed, before any other date, by 公布."""
    if len(line) > 200 or "布" not in line:  # 布: in each of 公布, 颁布, 发布
        return None
    dates = sorted([*_CN_DATE.finditer(line), *_HAN_DATE.finditer(line)], key=lambda m: m.start())
    for k, m in enumerate(dates):
        stop = dates[k + 1].start() if k + 1 < len(dates) else len(line)
        word = _PROMULGATION_WORD.search(line, m.end(), stop)
        if word is not None and not _PASSED.search(line, m.end(), word.start()):
            return _date_in(m.group(0))
    return None


_ADOPTED: Final = patterncache.compile(r"通过|批准")


def _adoption_date(line: str) -> str | None:
    """The date a regulation was made, from its adoption note (``（2019年8月28日…会议通过
    2019年11月29日…批准）``): the last date followed, before any other date, by 通过 or 批准
    (the approval, when there is one)."""
    if len(line) > 300 or ("通过" not in line and "批准" not in line):
        return None
    dates = sorted([*_CN_DATE.finditer(line), *_HAN_DATE.finditer(line)], key=lambda m: m.start())
    found = None
    for k, m in enumerate(dates):
        stop = dates[k + 1].start() if k + 1 < len(dates) else len(line)
        if _ADOPTED.search(line, m.end(), stop) is not None:
            found = _date_in(m.group(0)) or found
    return found


def _labelled_issuer(line: str) -> str | None:
    """The issuer of a ``发文机关：…`` field: from a site's information box (cut where the next
    field begins), or from any line with such a label."""
    fields = info_fields(line)
    if fields is not None:
        for label, value in fields:
            if label in _ISSUER_LABELS and _HAN_NAME.fullmatch(value):
                return value
        return None
    lm = _ISSUER_LABEL.search(line)
    return lm.group(1) if lm else None


_OPEN_BRACKET: Final = "(（"
_CLOSE_BRACKET: Final = ")）"


def _cited(line: str, m: regex.Match[str]) -> bool:
    """A number in brackets inside a longer line cites another document
    (``…意见（国办发〔2020〕1号）``); on a line of its own it is the document's."""
    a, b = m.start(), m.end()
    while a > 0 and line[a - 1] in " \t":
        a -= 1
    bracketed = a > 0 and line[a - 1] in _OPEN_BRACKET and line[b : b + 1] in _CLOSE_BRACKET
    return bracketed and line.strip()[1:-1].strip() != m.group(0).strip()


def _read_doc_number(head: list[str]) -> str | None:
    for line in head:
        if "号" not in line:
            continue  # every document number ends with 号
        m = _DOC_NUMBER.search(line)
        if m and _cited(line, m):
            continue
        if m and (len(line) <= 40 or _DOC_NUMBER_LABEL.search(line)):
            number = _squash(m.group(0))
            label = _DOC_NUMBER_LABEL.search(number)
            return number[label.end() :] if label else number
    return None


_CLOSING_NEAR: Final = 2
_CLOSING_LINE_MAX: Final = 40


def _closing_doc_number(lines: list[str], debris: list[bool], trailer_from: int) -> str | None:
    """A 文号 on a short line of its own (or after a label) in the closing block: after the
    body (``trailer_from`` on), or next to a ``抄送``/``印发`` line anywhere (a 版记 inside the
    document). ``debris`` flags the outline's debris lines (every closing line is debris)."""
    near = set(range(trailer_from, len(lines)))
    for k, line in enumerate(lines):
        if k < trailer_from and debris[k] and closes_document(line):
            near.update(range(max(0, k - _CLOSING_NEAR), k + _CLOSING_NEAR + 1))
    for k in sorted(near):
        if k >= len(lines) or len(lines[k]) > _CLOSING_LINE_MAX:
            continue
        line = _squash(lines[k])
        label = _DOC_NUMBER_LABEL.match(line)
        m = _DOC_NUMBER.fullmatch(line, label.end() if label else 0)
        if m is not None:
            return m.group(0)
    return None


def _read_period(title: str | None, head_text: str) -> PlanPeriod | None:
    if title:
        title = to_halfwidth(title)  # the title keeps the document's full-width digits

    def period(a: str, b: str) -> PlanPeriod | None:
        start, end = int(a), int(b)
        if start <= end <= start + 30:
            return PlanPeriod(start=start, end=end)
        return None

    if title:
        for pat in (_BRACKET_PERIOD, _PERIOD):
            pm = pat.search(title)
            if pm:
                found = period(pm.group(1), pm.group(2))
                if found:
                    return found
    for m in _PLAN_WORDS.finditer(head_text):
        pm = _PERIOD.match(head_text, m.end())
        if pm:
            found = period(pm.group(1), pm.group(2))
            if found:
                return found
    if title:
        fm = _FIVE_YEAR_RE.search(title)
        if fm:
            start = _FIVE_YEAR[fm.group(0)]
            return PlanPeriod(start=start, end=start + 4)
        ym = _ONE_YEAR_PLAN.search(title)
        if ym:
            year = int(ym.group(1))
            return PlanPeriod(start=year, end=year)
    return None


def _signature(lines: list[str]) -> tuple[str | None, str | None]:
    """The last signature of the document: a line holding only a date, after a line holding
    only the name of an issuing body (wherever the body was thought to end)."""
    for k in range(len(lines) - 1, 0, -1):
        # a date line holds 年 or ``-``, and at most 20 characters besides white space
        if ("年" not in lines[k] and "-" not in lines[k]) or (
            len(lines[k]) > 20 and _OVER_20.match(lines[k])  # no more than 20 in a short line
        ):
            continue
        line = _squash(lines[k])
        if len(line) > 20 or not _DATE_ONLY.fullmatch(line):
            continue
        date = _date_in(line)
        prev = _squash(lines[k - 1])
        im = _ISSUER_ALONE.fullmatch(prev) if len(prev) <= 30 else None
        if date and im:
            return im.group(1), date
    return None, None


def read_meta(work: WorkingText, outline: Outline) -> Meta:
    """Facts about the whole document, read from its header, title and closing lines."""
    norm = work.norm
    body_start, body_end = outline.body
    lines = [norm[ln.start : ln.end] for ln in outline.lines]
    n_header = sum(1 for ln in outline.lines if ln.end <= body_start)
    header = lines[:n_header]
    trailer = [norm[ln.start : ln.end] for ln in outline.lines if ln.start >= body_end]
    first = lines[n_header:]
    head = lines[: min(n_header, _MAX_HEADER_LINES) + _HEAD_LINES]
    title = _read_title(work, outline, len(head))
    doc_number = _read_doc_number(head)
    order = _read_order(head)
    if doc_number is None and order is not None:
        doc_number = order[0]
    if doc_number is None:
        debris = [ln.debris for ln in outline.lines]
        doc_number = _closing_doc_number(lines, debris, len(lines) - len(trailer))

    # a labelled date: the writing (成文日期, 印发日期) ranks above the signature, and a web
    # page's publication (发布时间) below it
    date = None
    published = None
    for line in lines:
        if ("时间" in line or "日期" in line) and _DATE_LABEL.search(line):
            for lm in _DATE_LABEL.finditer(line):
                found = _date_in(line[lm.end() :])
                if found is None:
                    continue
                if lm.group(1) in _WRITTEN_LABELS:
                    date = date or found
                else:
                    published = published or found
            if date:
                break
    if date is None:
        # a regulation's promulgation note: （2024年6月20日…令第315号公布）
        for line in head:
            # a promulgation date is written with 年
            # (布: in each promulgation word; white space never splits one character)
            date = _promulgation_date(_squash(line)) if "年" in line and "布" in line else None
            if date:
                break
    sign_issuer, sign_date = _signature(lines)
    if date is None and published is not None:
        date = sign_date or published
    if date is None:
        for line in trailer[:8]:
            if len(line) <= 40 and not is_closing(line):
                date = _date_in(line)
                if date:
                    break
    date = date or sign_date
    if date is None:
        for line in [*header, *trailer]:
            if len(line) <= 40:
                date = _date_in(line)
                if date:
                    break
    if date is None:
        # a date on a line of its own near the top: a decree's or cover notice's signature
        for line in head:
            squashed = _squash(line)
            if len(squashed) <= 20 and _DATE_ONLY.fullmatch(squashed):
                date = _date_in(squashed)
                if date:
                    break
    if date is None:
        # no other date: a regulation's adoption or approval note
        for line in head:
            date = _adoption_date(_squash(line)) if "年" in line else None
            if date:
                break

    issuer = None
    for line in trailer[:8]:
        m = _ISSUER.search(_squash(line))
        if m and len(line) <= 40:
            issuer = m.group(1)
            break
    issuer = issuer or sign_issuer
    if issuer is None:
        for line in header:
            issuer = _labelled_issuer(line)
            if issuer:
                break
    if issuer is None and order is not None:
        issuer = order[1]
    if issuer is None:
        # an issuing body on a line of its own under the title
        for ln in outline.lines[: min(n_header, _MAX_HEADER_LINES) + 3]:
            line = _squash(norm[ln.start : ln.end])
            im = _ISSUER_ALONE.fullmatch(line) if len(line) <= 30 else None
            if im and not (ln.debris and not ln.repeated) and line != title:
                issuer = im.group(1)
                break
    if issuer is None and title:
        tm = _TITLE_ISSUER.match(title)
        if tm:
            issuer = tm.group(1)
    if issuer is None:
        # the page's source, when it names an institution (not a news outlet)
        for line in header:
            sm = _SOURCE_LABEL.search(line)
            im = _ISSUER_ALONE.fullmatch(sm.group(1)) if sm else None
            if im:
                issuer = im.group(1)
                break

    head_text = "\n".join(header + first[:40])
    plan_period = _read_period(title, head_text)
    return Meta(
        title=title,
        issuer=issuer,
        doc_number=doc_number,
        date=date,
        plan_period=plan_period,
        start_year=plan_period.start if plan_period else None,
    )
