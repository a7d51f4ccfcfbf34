"""Build the outline: sections, provisions, paragraphs and sentences."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Final

from .. import patterncache
from ..normalize import WorkingText, title_lines
from ..patterncache import KEEP_GIL
from ..records import Paragraph, Provision, Section, Sentence
from ..records.base import trusted, trusted_all
from ..textscan import is_cell_row, row_cells
from .body import (
    is_body_like,
    is_signature_date,
    is_signature_issuer,
    line_flags,
    opens_attachments,
)
from .headings import Heading, match_heading

_PROVISION_KINDS: Final = {"paren_cn", "paren_arabic", "arabic", "article"}
_LEAD_KINDS: Final = {"dash"}
_CHAPTER_KEYS = {"chapter_编": 1, "chapter_部分": 2, "chapter_章": 3, "chapter_节": 4, "article": 5}
# literal characters only: the standard ``re`` engine finds the same ends, faster
_SENTENCE_END: Final = patterncache.compile_re(r"[。!?！？]+[”’」』)）\"]*")
_END_MARKS: Final = "。!?！？"
"""The characters a ``_SENTENCE_END`` match starts with."""
_END_CLOSE: Final = frozenset('”’」』)）"')
"""The closing quotes and brackets a ``_SENTENCE_END`` match may end with."""
_WS: Final = patterncache.compile(r"\s+")
_HAN: Final = patterncache.compile(r"\p{Han}")
# a short line that recurs next to page numbers is a running header or footer
_REPEAT_MIN: Final = 2
_NEAR: Final = 2
_PAGE_LINE: Final = patterncache.compile(
    r"[-—–]\s{0,3}\d{1,4}\s{0,3}[-—–]"
    r"|第\s{0,3}\d{1,4}\s{0,3}页(?:\s{0,3}[,，/]?\s{0,3}共\s{0,3}\d{1,4}\s{0,3}页)?"
    r"|\d{1,4}\s{0,3}/\s{0,3}\d{1,4}"
)
_PAGE_FIRST: Final = frozenset("-—–第")
"""The characters a ``_PAGE_LINE`` match starts with, besides the decimal digits."""
_PAGE_LINE_MAX: Final = 31
"""The longest line ``_PAGE_LINE`` can match whole (``第 12 页 , 共 34 页`` spaced out fully)."""
_REPEAT_MAX: Final = 40
_TITLE_LINES: Final = 8
_REPEAT_SKIP: Final = patterncache.compile(r"[。!?！？;；,，:：、()（）〔〕]")


# read-only; its own __init__ makes one in a tenth of the time the dataclass's or a named
# tuple's generated one (plain Python) takes, once compiled
@dataclass(slots=True, unsafe_hash=True, init=False)
class Line:
    """One line of the working copy (``start``/``end`` exclude the line break)."""

    start: int
    end: int
    heading: Heading | None
    debris: bool
    repeated: bool = False
    """Debris because the same short line recurs (a running header or footer of a PDF)."""
    closes: bool = False
    """A line of a closing block (``抄送：…``) or one opening an attachment (``附件``): inside the
    body, no open section or provision goes on after it."""

    def __init__(
        self,
        start: int,
        end: int,
        heading: Heading | None,
        debris: bool,
        repeated: bool = False,
        closes: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.heading = heading
        self.debris = debris
        self.repeated = repeated
        self.closes = closes


@dataclass
class Outline:
    """The outline, as records and as ranges of the working copy for later stages."""

    sections: list[Section] = field(default_factory=list)
    provisions: list[Provision] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    body: tuple[int, int] = (0, 0)
    lines: list[Line] = field(default_factory=list)
    provision_ranges: list[tuple[int, int, str]] = field(default_factory=list)
    """(start, end, provision id) in the working copy, outer items before inner ones."""
    sentence_ranges: list[tuple[int, int, str]] = field(default_factory=list)
    paragraph_ranges: list[tuple[int, int, str]] = field(default_factory=list)
    _prov_starts: list[int] = field(default_factory=list, repr=False)
    _sent_starts: list[int] = field(default_factory=list, repr=False)

    def provision_at(self, i: int) -> str | None:
        """The innermost provision holding working-copy offset ``i``."""
        ranges = self.provision_ranges
        if len(self._prov_starts) != len(ranges):
            self._prov_starts = [r[0] for r in ranges]
        k = bisect_right(self._prov_starts, i) - 1
        # ranges nest: the innermost holder is the last one before i that still covers it
        while k >= 0:
            _s, e, pid = ranges[k]
            if i < e:
                return pid
            k -= 1
        return None

    def sentence_at(self, i: int) -> tuple[int, int] | None:
        """The working-copy range of the sentence holding offset ``i``."""
        if len(self._sent_starts) != len(self.sentence_ranges):
            self._sent_starts = [r[0] for r in self.sentence_ranges]
        k = bisect_right(self._sent_starts, i) - 1
        if k >= 0 and i < self.sentence_ranges[k][1]:
            return self.sentence_ranges[k][0], self.sentence_ranges[k][1]
        return None


def _split_lines(work: WorkingText) -> list[Line]:
    norm = work.norm
    spans: list[tuple[int, int]] = []
    pos = 0
    while pos <= len(norm):
        nl = norm.find("\n", pos)
        end = len(norm) if nl < 0 else nl
        if pos < end and not norm[pos].isspace() and not norm[end - 1].isspace():
            spans.append((pos, end))  # nothing to strip (most lines): no copies made
        else:
            raw = norm[pos:end]
            lead = len(raw) - len(raw.lstrip())
            s, e = pos + lead, pos + len(raw.rstrip())
            if e > s:
                spans.append((s, e))
        if nl < 0:
            break
        pos = nl + 1
    # page furniture: a page number, or a form feed between two lines
    page = [
        e - s <= _PAGE_LINE_MAX
        and (norm[s] in _PAGE_FIRST or norm[s].isdecimal())
        and bool(_PAGE_LINE.fullmatch(norm, s, e, KEEP_GIL))
        for s, e in spans
    ]
    anchor = list(page)
    if "\f" in norm:
        for k in range(1, len(spans)):
            if "\f" in norm[spans[k - 1][1] : spans[k][0]]:
                anchor[k - 1] = anchor[k] = True
    if any(anchor):
        near = [any(anchor[max(0, k - _NEAR) : k + _NEAR + 1]) for k in range(len(spans))]
    else:
        near = [False] * len(spans)
    counts: Counter[str] = Counter(
        norm[s:e]
        for k, (s, e) in enumerate(spans)
        if near[k] and e - s <= _REPEAT_MAX and not _REPEAT_SKIP.search(norm, s, e)
    )
    # the title written again next to a page number is a running header, even once
    titles = title_lines(norm, _TITLE_LINES)
    lines: list[Line] = []
    in_attachments = False
    for k, (s, e) in enumerate(spans):
        content = norm[s:e]
        closes, debris = line_flags(content)
        debris = debris or _is_toc_entry(content)
        heading = None if debris else match_heading(content)
        if heading is not None and in_attachments:
            if _is_attachment_entry(content, heading):
                heading = None
            else:
                in_attachments = False
        elif heading is None and not debris:
            in_attachments = content.startswith("附") and opens_attachments(content)
            closes = in_attachments
        repeated = (
            not debris
            and heading is None
            and near[k]
            and not page[k]
            and (counts.get(content, 0) >= _REPEAT_MIN or (k >= _TITLE_LINES and content in titles))
        )
        lines.append(Line(s, e, heading, debris or repeated, repeated, closes))
    _drop_contents(lines, norm)
    return lines


# a table of contents opens with 目录 (or 目次) on a line of its own, spaced out or not
_TOC_HEAD: Final = patterncache.compile_re(r"目[ \t]{0,6}[录次]")
_TOC_RUN_MAX: Final = 200
_TOC_NUMBER: Final = patterncache.compile_re(r"[\s.…·．\-_\d]+$")


def _entry_key(content: str, h: Heading | None) -> str:
    """What a table-of-contents entry and the heading it lists have in common: the heading's
    kind and number, or (a line without a number: 前言) its words without leaders or page."""
    if h is not None:
        return h.key + ":" + _WS.sub("", content[h.number_start : h.number_end])
    return _WS.sub("", _TOC_NUMBER.sub("", content))


def _drop_contents(lines: list[Line], norm: str) -> None:
    """Mark a table of contents as debris: a ``目录`` line and the run of short lines without
    a sentence after it (``第一章　总则``), up to the line where its first entry recurs as
    the heading it lists. Without that recurrence the lines stay as they are."""
    k = 0
    while k < len(lines):
        ln = lines[k]
        if ln.end - ln.start > 12 or not _TOC_HEAD.fullmatch(norm, ln.start, ln.end):
            k += 1
            continue
        first: str | None = None
        stop = None
        for j in range(k + 1, min(len(lines), k + 1 + _TOC_RUN_MAX)):
            content = norm[lines[j].start : lines[j].end]
            if len(content) > _ENTRY_MAX or _ENTRY_PUNCT.search(content):
                break
            key = _entry_key(content, lines[j].heading or match_heading(content))
            if first is None:
                first = key
            elif key == first:
                stop = j
                break
        if stop is None:
            k += 1
            continue
        for j in range(k, stop):
            lines[j] = replace(lines[j], heading=None, debris=True, closes=False)
        k = stop


_LEADERS: Final = ".…·．-_"
_TOC_MAX: Final = 100


def _is_toc_entry(content: str) -> bool:
    """A line of a table of contents: a heading, leader dots and a page number
    (``第一章 发展基础……………1``)."""
    if len(content) > _TOC_MAX or not content[-1:].isdigit():
        return False
    s = content.rstrip()
    digits = len(s) - len(s.rstrip("0123456789"))
    if not 1 <= digits <= 4:
        return False
    s = s[: len(s) - digits].rstrip()
    leaders = len(s) - len(s.rstrip(_LEADERS))
    return leaders >= 3 or (leaders >= 2 and s.endswith("…"))


_ENTRY_KINDS: Final = {"arabic", "paren_arabic"}
_ENTRY_MAX: Final = 60
_ENTRY_PUNCT: Final = patterncache.compile(r"[。!?！？;；,，:：]")


def _is_attachment_entry(content: str, h: Heading) -> bool:
    """A numbered line under ``附件：`` naming an attachment (a title, no sentence)."""
    return (
        h.kind in _ENTRY_KINDS
        and len(content) <= _ENTRY_MAX
        and not _ENTRY_PUNCT.search(content, h.number_end)
    )


def _clean(work: WorkingText, start: int, end: int) -> str:
    """The original text of ``norm[start:end]`` (``work.span``'s) without white space."""
    if end <= start:
        return ""
    text = work.text[work.to_orig(start) : work.to_orig(end - 1) + 1]
    return _WS.sub("", text, 0, None, None, KEEP_GIL)


_SLOTTED_ORDER: tuple[Callable[[str], int | None], ...] = ()


def build_outline(work: WorkingText) -> Outline:
    """Read the outline of a document from its working copy."""
    out = Outline()
    lines = _split_lines(work)
    out.lines = lines
    norm = work.norm
    edges = _body_edges(lines, norm, work)
    if edges is None:
        return out
    first, last = edges
    out.body = (lines[first].start, lines[last].end)
    body_lines = [ln for ln in lines[first : last + 1] if not ln.debris]

    # levels rank the numbering kinds in the order they first appear; ``——`` lead items are
    # list items of the body, not sections
    ranks = _rank_keys(
        [ln.heading.key for ln in body_lines if ln.heading and ln.heading.kind not in _LEAD_KINDS]
    )
    heads: list[tuple[Line, Heading, int]] = [
        (ln, ln.heading, ranks[ln.heading.key])
        for ln in body_lines
        if ln.heading is not None and ln.heading.kind not in _LEAD_KINDS
    ]
    bounds = _boundaries(lines, first, last, norm)
    ends = _section_ends(heads, out.body[1], bounds)
    _close_lists(heads, ends, body_lines, norm)
    titles_below = _titles_below(body_lines, norm)

    # (rank, section id, is provision); a section's level is its depth in this stack
    stack: list[tuple[int, str, bool]] = []
    b = 0
    for (ln, h, level), end in zip(heads, ends, strict=True):
        # a signature, closing block or attachment before this heading closed everything
        if b < len(bounds) and bounds[b] <= ln.start:
            stack.clear()
            while b < len(bounds) and bounds[b] <= ln.start:
                b += 1
        # trim trailing white space before the next heading
        while end > ln.start and norm[end - 1] in "\n \t":
            end -= 1
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1][1] if stack else None
        parent_prov = next((sid for _lv, sid, is_p in reversed(stack) if is_p), None)
        sid = f"s{len(out.sections) + 1}"
        n0, n1 = ln.start + h.number_start, ln.start + h.number_end
        t0, t1 = ln.start + h.title_start, ln.start + h.title_end
        head_end = t1 if h.run_in else ln.end
        if ln.start in titles_below:
            t0, t1 = titles_below[ln.start]
            head_end = t1
        number = _clean(work, n0, n1) or None
        title = _clean(work, t0, t1)
        kind = h.kind
        if kind == "dash":  # pragma: no cover - filtered out above
            continue
        # every value is of its field's type by construction (ids, a heading kind, spans of
        # the working copy): the record needs no validation (see ``records.base.trusted``)
        section = {
            "id": sid,
            "level": len(stack) + 1,
            "kind": kind,
            "number": number,
            "title": title,
            "span": work.span(ln.start, head_end),
            "body": work.span(ln.start, end),
            "parent": parent,
        }
        out.sections.append(trusted(Section, section))
        is_prov = number is not None and (kind in _PROVISION_KINDS or h.run_in)
        if is_prov and number is not None:
            pid = f"p{len(out.provisions) + 1}"
            provision = {
                "id": pid,
                "number": number,
                "heading": title or None,
                "span": work.span(n0, end),
                "heading_span": work.span(t0, t1) if t1 > t0 else None,
                "section": sid,
                "parent": parent_prov,
            }
            out.provisions.append(trusted(Provision, provision))
            out.provision_ranges.append((n0, end, pid))
            stack.append((level, pid, True))
        else:
            stack.append((level, sid, False))

    _cut_body(work, body_lines, out)
    return out


def _body_edges(lines: list[Line], norm: str, work: WorkingText) -> tuple[int, int] | None:
    """The indexes of the body's first and last lines: the first and last line that is not
    debris and is body-like (any non-debris line when none is); None when every line is debris.
    Only the two edges are looked for, from each end. The rows of a table that ends the body
    (cells apart by tabs, bars or runs of spaces; no stop in them) belong to it."""

    def body_like(ln: Line) -> bool:
        return not ln.debris and is_body_like(norm[ln.start : ln.end], ln.heading is not None)

    first = next((i for i, ln in enumerate(lines) if body_like(ln)), None)
    if first is None:
        first = next((i for i, ln in enumerate(lines) if not ln.debris), None)
        if first is None:
            return None
        last = next(i for i in range(len(lines) - 1, -1, -1) if not lines[i].debris)
        return first, last
    last = next(i for i in range(len(lines) - 1, first - 1, -1) if body_like(lines[i]))
    while last + 1 < len(lines) and not lines[last + 1].debris and _is_row(work, lines[last + 1]):
        last += 1
    return first, last


def _is_row(work: WorkingText, ln: Line) -> bool:
    """Whether ``ln`` is a row of cells (two cell breaks at least, in the original text), and
    not a line of issuing bodies signing together (``国家数据局　中央网信办　国家发展改革委``)."""
    content = work.norm[ln.start : ln.end]
    if "|" in content or "｜" in content:
        return True
    sp = work.span(ln.start, ln.end)
    line = work.text[sp.start : sp.end]
    return is_cell_row(line) and not all(is_signature_issuer(c) for c in row_cells(line))


def _cut_body(work: WorkingText, body_lines: list[Line], out: Outline) -> None:
    """Every body line as a paragraph (a heading line too), cut into sentences; each belongs
    to the innermost provision open at its line's start."""
    norm = work.norm
    ranges = out.provision_ranges
    para_ranges = out.paragraph_ranges
    sent_ranges = out.sentence_ranges
    para_provs: list[str | None] = []
    sent_owners: list[tuple[str, str | None]] = []
    # every sentence end of the body in one scan (no end runs over a line's edge: a line is
    # cut at white space, which no end holds), consumed line by line
    cuts = _sentence_cuts(norm, body_lines[0].start, body_lines[-1].end) if body_lines else []
    c = 0
    open_: list[tuple[int, str]] = []  # (end, provision id), outer first
    r = 0
    for ln in body_lines:
        start, end = ln.start, ln.end
        while open_ and open_[-1][0] <= start:
            open_.pop()
        while r < len(ranges) and ranges[r][0] <= start:
            rs, re_, rid = ranges[r]
            r += 1
            while open_ and open_[-1][0] <= rs:
                open_.pop()
            if re_ > start:
                open_.append((re_, rid))
        prov = open_[-1][1] if open_ else None
        pid = f"para{len(para_ranges) + 1}"
        para_ranges.append((start, end, pid))
        para_provs.append(prov)
        while c < len(cuts) and cuts[c] <= start:
            c += 1
        pos = start
        while pos < end:
            if c < len(cuts) and cuts[c] <= end:
                e = cuts[c]
                c += 1
            else:
                e = end
            s = pos
            pos = e
            while s < e and norm[s] in " \t":
                s += 1
            if e <= s:
                continue
            sent_ranges.append((s, e, f"sent{len(sent_ranges) + 1}"))
            sent_owners.append((pid, prov))
    # the values are of their fields' types by construction: no validation needed
    para_spans = work.spans([(s, e) for s, e, _ in para_ranges])
    out.paragraphs = trusted_all(
        Paragraph,
        [
            {"id": r[2], "span": sp, "provision": prov}
            for r, sp, prov in zip(para_ranges, para_spans, para_provs, strict=True)
        ],
    )
    sent_spans = work.spans([(s, e) for s, e, _ in sent_ranges])
    out.sentences = trusted_all(
        Sentence,
        [
            {"id": r[2], "span": sp, "paragraph": o[0], "provision": o[1]}
            for r, sp, o in zip(sent_ranges, sent_spans, sent_owners, strict=True)
        ],
    )


def _sentence_cuts(norm: str, start: int, end: int) -> list[int]:
    """The ends of the ``_SENTENCE_END`` matches in ``norm[start:end]``, in order.

    The stop marks are found with ``str.find`` (far faster than a scan for a character class)
    and the match at each one not inside the last match is read character by character (a run
    of marks, then of closing quotes): what ``finditer`` finds, without a call or a match object.
    """
    marks: list[int] = []
    find = norm.find
    for c in _END_MARKS:
        i = find(c, start, end)
        while i >= 0:
            marks.append(i)
            i = find(c, i + 1, end)
    marks.sort()
    cuts: list[int] = []
    last = start
    for i in marks:
        if i >= last:
            # the match at a mark: its run of marks, then its run of closing quotes
            last = i + 1
            while last < end and norm[last] in _END_MARKS:
                last += 1
            while last < end and norm[last] in _END_CLOSE:
                last += 1
            cuts.append(last)
    return cuts


def _rank_keys(keys: list[str]) -> dict[str, int]:
    """Ranks of heading kinds: the order in which they first appear, except for the kinds of a
    fixed family. A kind of the chapter family (编 > 部分 > 章 > 节 > 条) goes right after the
    nearest higher kind of its family seen so far (or right before the nearest lower one), so a
    节 first met after a clause list (章, 条, （一）, then 节) still ranks above 条 and the
    clauses stay below 条; Markdown ``#`` > ``##`` … keep their family's order in the slots
    where they first appear. A heading closes every open heading of the same or a lower rank."""
    seen: list[str] = []
    for key in dict.fromkeys(keys):
        rank = _chapter_rank(key)
        if rank is None:
            seen.append(key)
            continue
        family = [(i, r) for i, k in enumerate(seen) if (r := _chapter_rank(k)) is not None]
        above = [i for i, r in family if r < rank]
        below = [i for i, r in family if r > rank]
        if above:
            seen.insert(max(above, key=lambda i: _chapter_rank(seen[i]) or 0) + 1, key)
        elif below:
            seen.insert(min(below), key)
        else:
            seen.append(key)
    for family_rank in _SLOTTED_ORDER:
        slots = [i for i, k in enumerate(seen) if family_rank(k) is not None]
        ordered = sorted((seen[i] for i in slots), key=lambda k: family_rank(k) or 0)
        for i, k in zip(slots, ordered, strict=True):
            seen[i] = k
    return {k: i + 1 for i, k in enumerate(seen)}


def _chapter_rank(key: str) -> int | None:
    return _CHAPTER_KEYS.get(key)


def _markdown_rank(key: str) -> int | None:
    return int(key[2:]) if key.startswith("md") and key[2:].isdigit() else None


def _section_ends(
    heads: list[tuple[Line, Heading, int]], body_end: int, bounds: list[int]
) -> list[int]:
    """Where each section ends: at the next heading of the same or a higher level, or at the
    next boundary (``bounds``, ascending), which closes every open section."""
    ends = [body_end] * len(heads)
    pending: list[tuple[int, int]] = []  # (level, index)
    b = 0
    for k, (ln, _h, level) in enumerate(heads):
        while b < len(bounds) and bounds[b] <= ln.start:
            while pending:
                ends[pending.pop()[1]] = bounds[b]
            b += 1
        while pending and pending[-1][0] >= level:
            ends[pending.pop()[1]] = ln.start
        pending.append((level, k))
    if b < len(bounds):
        while pending:
            ends[pending.pop()[1]] = bounds[b]
    return ends


_SENTENCE_CLOSE: Final = ("。", "!", "?", "！", "？")


def _boundaries(lines: list[Line], first: int, last: int, norm: str) -> list[int]:
    """Starts of the body lines after which no open section or provision goes on: a line of a
    closing block (``抄送：…``, ``（此件公开发布）``), a line opening an attachment (``附件``),
    and a signature (issuer lines, then a date line, after a full stop): a cover letter ends
    there and its attachment begins."""
    found: list[int] = []
    for k in range(first + 1, last + 1):
        ln = lines[k]
        if ln.closes:
            found.append(ln.start)
            continue
        if ln.heading is not None or not is_signature_date(norm[ln.start : ln.end]):
            continue
        j = k
        while j > first and is_signature_issuer(norm[lines[j - 1].start : lines[j - 1].end]):
            j -= 1
        i = j - 1
        while i > first and lines[i].debris:
            i -= 1
        if j == k or i < first:
            continue
        if norm[lines[i].start : lines[i].end].endswith(_SENTENCE_CLOSE):
            found.append(lines[j].start)
    return sorted(set(found))


_TITLE_BELOW_MAX: Final = 30
_TITLE_BELOW_PUNCT: Final = patterncache.compile(r"[。!?！？;；,，:：、]")


def _titles_below(body_lines: list[Line], norm: str) -> dict[int, tuple[int, int]]:
    """Titles written on the line under a bare chapter number (``第一章`` over ``总体要求``):
    heading line start → the title line's (start, end)."""
    found: dict[int, tuple[int, int]] = {}
    for i, ln in enumerate(body_lines[:-1]):
        h = ln.heading
        if h is None or h.kind != "chapter" or h.title_end > h.title_start or h.run_in:
            continue
        nxt = body_lines[i + 1]
        text = norm[nxt.start : nxt.end]
        if (
            nxt.heading is None
            and len(text) <= _TITLE_BELOW_MAX
            and not _TITLE_BELOW_PUNCT.search(text)
            and _HAN.search(text)
        ):
            found[ln.start] = (nxt.start, nxt.end)
    return found


_ENTRY_END: Final = (";", "；", "。")
_INTRO_END: Final = (":", "：")
_LIST_KINDS: Final = {"paren_cn", "paren_arabic", "arabic"}


def _is_list_entry(norm: str, ln: Line, h: Heading | None) -> bool:
    """A one-line item of an enumeration: a number and a clause ending with ``；`` or ``。``."""
    return (
        h is not None
        and h.kind in _LIST_KINDS
        and not h.run_in
        and norm[ln.start : ln.end].endswith(_ENTRY_END)
    )


def _close_lists(
    heads: list[tuple[Line, Heading, int]], ends: list[int], body_lines: list[Line], norm: str
) -> None:
    """End the last entry of an enumeration at its own line.

    Entries introduced by a line ending with a colon (``应当履行下列职责：`` then ``（一）…；``
    ``（二）…。``) are clauses of that line; an unnumbered paragraph after the last one
    continues the text that introduced them (the article), not the last entry.
    """
    index = {ln.start: i for i, ln in enumerate(body_lines)}
    for k, (ln, h, _level) in enumerate(heads):
        if not _is_list_entry(norm, ln, h):
            continue
        i = index[ln.start]
        if i + 1 >= len(body_lines) or body_lines[i + 1].heading is not None:
            continue
        j = i
        while j > 0:
            prev = body_lines[j - 1]
            if prev.heading is None or prev.heading.key != h.key:
                break
            if not _is_list_entry(norm, prev, prev.heading):
                break
            j -= 1
        if j > 0 and norm[body_lines[j - 1].start : body_lines[j - 1].end].endswith(_INTRO_END):
            ends[k] = ln.end


_SLOTTED_ORDER = (_markdown_rank,)
