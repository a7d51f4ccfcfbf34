"""Build the outline: sections, provisions, paragraphs and sentences."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from ..normalize import WorkingText
from ..records import Paragraph, Provision, Section, Sentence
from .body import is_body_like, is_debris
from .headings import Heading, match_heading

_PROVISION_KINDS = {"paren_cn", "paren_arabic", "arabic", "article"}
_SENTENCE_END = regex.compile(r"[。!?！？]+[”’」』)）\"]*")
_WS = regex.compile(r"\s+")


@dataclass(frozen=True)
class Line:
    """One line of the working copy (``start``/``end`` exclude the line break)."""

    start: int
    end: int
    heading: Heading | None
    debris: bool


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

    def provision_at(self, i: int) -> str | None:
        """The innermost provision holding working-copy offset ``i``."""
        best: str | None = None
        for s, e, pid in self.provision_ranges:
            if s > i:
                break
            if i < e:
                best = pid
        return best

    def sentence_at(self, i: int) -> tuple[int, int] | None:
        """The working-copy range of the sentence holding offset ``i``."""
        k = bisect_right([r[0] for r in self.sentence_ranges], i) - 1
        if k >= 0 and i < self.sentence_ranges[k][1]:
            return self.sentence_ranges[k][0], self.sentence_ranges[k][1]
        return None


def _split_lines(work: WorkingText) -> list[Line]:
    lines: list[Line] = []
    norm = work.norm
    pos = 0
    while pos <= len(norm):
        nl = norm.find("\n", pos)
        end = len(norm) if nl < 0 else nl
        raw = norm[pos:end]
        lead = len(raw) - len(raw.lstrip())
        s, e = pos + lead, pos + len(raw.rstrip())
        if e > s:
            content = norm[s:e]
            debris = is_debris(content)
            heading = None if debris else match_heading(content)
            lines.append(Line(s, e, heading, debris))
        if nl < 0:
            break
        pos = nl + 1
    return lines


def _clean(work: WorkingText, start: int, end: int) -> str:
    span = work.span(start, end)
    return _WS.sub("", work.text[span.start : span.end])


def build_outline(work: WorkingText) -> Outline:
    """Read the outline of a document from its working copy."""
    out = Outline()
    lines = _split_lines(work)
    out.lines = lines
    norm = work.norm
    body_idx = [
        i
        for i, ln in enumerate(lines)
        if not ln.debris and is_body_like(norm[ln.start : ln.end], ln.heading is not None)
    ]
    if not body_idx:
        body_idx = [i for i, ln in enumerate(lines) if not ln.debris]
    if not body_idx:
        return out
    first, last = body_idx[0], body_idx[-1]
    out.body = (lines[first].start, lines[last].end)
    body_lines = [ln for ln in lines[first : last + 1] if not ln.debris]

    levels: dict[str, int] = {}
    heads: list[tuple[Line, Heading, int]] = []
    for ln in body_lines:
        if ln.heading is not None:
            level = levels.setdefault(ln.heading.key, len(levels) + 1)
            heads.append((ln, ln.heading, level))

    stack: list[tuple[int, str, bool]] = []  # (level, section id, is provision)
    for k, (ln, h, level) in enumerate(heads):
        end = out.body[1]
        for ln2, _h2, level2 in heads[k + 1 :]:
            if level2 <= level:
                end = ln2.start
                break
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
        number = _clean(work, n0, n1) or None
        title = _clean(work, t0, t1)
        head_end = t1 if h.run_in else ln.end
        out.sections.append(
            Section(
                id=sid,
                level=level,
                kind=h.kind,
                number=number,
                title=title,
                span=work.span(ln.start, head_end),
                body=work.span(ln.start, end),
                parent=parent,
            )
        )
        is_prov = number is not None and (h.kind in _PROVISION_KINDS or h.run_in)
        if is_prov and number is not None:
            pid = f"p{len(out.provisions) + 1}"
            out.provisions.append(
                Provision(
                    id=pid,
                    number=number,
                    heading=title or None,
                    span=work.span(ln.start, end),
                    heading_span=work.span(t0, t1) if t1 > t0 else None,
                    section=sid,
                    parent=parent_prov,
                )
            )
            out.provision_ranges.append((ln.start, end, pid))
            stack.append((level, pid, True))
        else:
            stack.append((level, sid, False))

    for ln in body_lines:
        if ln.heading is not None and not ln.heading.run_in:
            continue
        pid = f"para{len(out.paragraphs) + 1}"
        prov = out.provision_at(ln.start)
        out.paragraphs.append(Paragraph(id=pid, span=work.span(ln.start, ln.end), provision=prov))
        out.paragraph_ranges.append((ln.start, ln.end, pid))
        pos = ln.start
        for m in _SENTENCE_END.finditer(norm, ln.start, ln.end):
            _add_sentence(out, work, pos, m.end(), pid, prov)
            pos = m.end()
        if pos < ln.end:
            _add_sentence(out, work, pos, ln.end, pid, prov)
    return out


def _add_sentence(
    out: Outline, work: WorkingText, s: int, e: int, para: str, prov: str | None
) -> None:
    while s < e and work.norm[s] in " \t":
        s += 1
    if e <= s:
        return
    sid = f"sent{len(out.sentences) + 1}"
    out.sentences.append(Sentence(id=sid, span=work.span(s, e), paragraph=para, provision=prov))
    out.sentence_ranges.append((s, e, sid))
