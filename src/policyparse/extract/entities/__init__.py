"""The entities stage: GOV, ORG, GPE, LAW and PROGRAM entities found by rules and gazetteers.

It runs inside :func:`policyparse.parse` on the working copy (regex and trie matching, no
spaCy, no segmentation). The spaCy pipeline (:func:`policyparse.load_nlp`) shows the same
entities as ``doc.ents``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...records import Entity
from .finders import Candidate, find_gov, find_laws, find_orgs, find_places, find_quoted
from .resolve import resolve
from .rules import matchers

if TYPE_CHECKING:
    from ...normalize import WorkingText
    from ...pipeline import Context

__all__ = ["find_candidates", "find_entities", "run"]


def find_candidates(norm: str) -> list[tuple[Candidate, bool]]:
    """Entity candidates of a normalized text, resolved, each with whether it is nested."""
    m = matchers()
    cands: list[Candidate] = []
    for finder in (find_laws, find_quoted, find_gov, find_orgs, find_places):
        cands.extend(finder(norm, m))
    return resolve(cands)


def find_entities(work: WorkingText) -> list[Entity]:
    """The entity records of a working copy, with spans into its original text."""
    out: list[Entity] = []
    for c, nested in find_candidates(work.norm):
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
