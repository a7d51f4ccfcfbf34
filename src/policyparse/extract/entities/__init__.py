"""The entities stage: GOV, ORG, GPE, LAW and PROGRAM entities found by rules and gazetteers.

It runs inside :func:`policyparse.parse` on the working copy (regex and trie matching, no
spaCy, no segmentation). The spaCy pipeline (:func:`policyparse.load_nlp`) shows the same
entities as ``doc.ents``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection
from dataclasses import replace
from typing import TYPE_CHECKING

from ...records import Entity
from .finders import Candidate, find_gov, find_laws, find_orgs, find_places, find_quoted
from .resolve import resolve
from .rules import Matchers, matchers

if TYPE_CHECKING:
    from ...normalize import WorkingText
    from ...pipeline import Context

__all__ = ["find_candidates", "find_entities", "run"]


def find_candidates(norm: str, breaks: Collection[int] = ()) -> list[tuple[Candidate, bool]]:
    """Entity candidates of a normalized text, resolved, each with whether it is nested.

    ``breaks`` are offsets where the original text had white space that normalization
    removed: a GOV or ORG candidate across one is split there when both sides are whole
    GOV or ORG names (``广州市黄埔区人民政府 广州开发区管委会``).
    """
    m = matchers()
    cands: list[Candidate] = []
    for finder in (find_laws, find_quoted, find_gov, find_orgs, find_places):
        found = finder(norm, m)
        if breaks and finder in (find_gov, find_orgs):
            found = _split_at_breaks(norm, found, sorted(breaks), m)
        cands.extend(found)
    return resolve(cands)


def _split_at_breaks(
    norm: str, cands: list[Candidate], breaks: list[int], m: Matchers
) -> list[Candidate]:
    """Candidates with those across a break replaced by the two names on its sides."""
    out: list[Candidate] = []
    for c in cands:
        lo = bisect_right(breaks, c.start)
        inner = [b for b in breaks[lo:] if b < c.end]
        parts = _two_names(norm, c, inner, m) if inner else None
        out.extend(parts if parts is not None else [c])
    return out


def _two_names(norm: str, c: Candidate, inner: list[int], m: Matchers) -> list[Candidate] | None:
    """The whole names on both sides of a break inside ``c``, or None. Each is a GOV or an
    ORG, ``c``'s label preferred (``市金融工作局 人民银行陕西省分行``: a department, then a
    central bank's branch)."""
    for b in inner:
        # Each side is read on its own, as if the break ended or started a clause.
        left = _whole_names(norm[c.start : b], c.label, m)
        right = _whole_names(norm[b : c.end], c.label, m)
        if left and right:
            lc, rc = left[0], right[0]
            return [
                replace(lc, start=lc.start + c.start, end=lc.end + c.start),
                replace(rc, start=rc.start + b, end=rc.end + b),
            ]
    return None


def _whole_names(text: str, label: str, m: Matchers) -> list[Candidate]:
    """GOV and ORG candidates spanning all of ``text``, those of ``label`` first."""
    found = [*find_gov(text, m), *find_orgs(text, m)]
    whole = [x for x in found if (x.start, x.end) == (0, len(text))]
    return sorted(whole, key=lambda x: x.label != label)


def _white_breaks(work: WorkingText) -> list[int]:
    """Offsets of ``work.norm`` where normalization removed a run of white space."""
    out: list[int] = []
    for i in work.gaps_in(1, len(work.norm)):
        gap = work.text[work.to_orig(i - 1) + 1 : work.to_orig(i)]
        if gap and gap.isspace():
            out.append(i)
    return out


def find_entities(work: WorkingText) -> list[Entity]:
    """The entity records of a working copy, with spans into its original text."""
    out: list[Entity] = []
    for c, nested in find_candidates(work.norm, _white_breaks(work)):
        span = work.span(c.start, c.end)
        out.append(
            Entity(
                label=c.label,
                span=span,
                text=work.text[span.start : span.end],
                canonical=c.canonical,
                source=c.source,
                code=c.code,
                nested=nested,
            )
        )
    return out


def run(ctx: Context) -> None:
    """Add the document's entities to ``ctx.entities``."""
    ctx.entities.extend(find_entities(ctx.work))
