"""The pipeline: load → normalize → structure → extract → records.

Each extract stage is a module with ``run(ctx: Context) -> None``: it reads the context and
appends records. Stages do no I/O.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache

from .meta import read_meta
from .normalize import WorkingText, normalize
from .records import (
    Baseline,
    Entity,
    Meta,
    PolicyDocument,
    Quantity,
    ResponsibleUnit,
    Source,
    Span,
    Target,
    TimeExpression,
    Warning,
)
from .structure import Outline, build_outline

STAGES: tuple[str, ...] = (
    "policyparse.extract.quantities",
    "policyparse.extract.times",
    "policyparse.extract.responsibility",
    "policyparse.extract.targets",
    "policyparse.extract.entities",
)
"""Extract stages in the order they run (each a module path with a ``run`` function)."""


@dataclass
class Context:
    """What the stages share: the text, its working copy, outline and the records so far."""

    text: str
    work: WorkingText
    outline: Outline
    meta: Meta
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    baselines: list[Baseline] = field(default_factory=list)
    responsible_units: list[ResponsibleUnit] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    @property
    def norm(self) -> str:
        """The normalized working copy."""
        return self.work.norm

    def span(self, start: int, end: int) -> Span:
        """The span of ``text`` for ``norm[start:end]``."""
        return self.work.span(start, end)

    def warn(self, code: str, message: str, span: Span | None = None) -> None:
        """Record a warning."""
        self.warnings.append(Warning(code=code, message=message, span=span))


@cache
def _stage(path: str) -> Callable[[Context], None]:
    run: Callable[[Context], None] = importlib.import_module(path).run
    return run


def import_stages() -> None:
    """Import every stage's module (a parse would import them on first use)."""
    for path in STAGES:
        _stage(path)


def build_context(text: str) -> Context:
    """Normalize and outline ``text``; the context the extract stages run on."""
    work = normalize(text)
    outline = build_outline(work)
    return Context(text=text, work=work, outline=outline, meta=read_meta(work, outline))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the duration, if it was running.

    A parse makes many small records that outlive the collector's young generations, and each
    time they are promoted the collector walks every object in the process: with jieba's
    dictionary loaded that walk costs more than the stages. A parse leaves no reference
    cycles behind (plain reference counting frees what it drops), so pausing loses nothing.

    On resuming, what the parse kept (the document's records) joins the oldest generation
    unwalked, as the objects it would reach after a few young collections anyway: otherwise the
    first young collection after a parse walks every record of it. The move goes through
    ``gc.freeze()``/``gc.unfreeze()``, so it is skipped while the caller keeps objects frozen.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()


def run_pipeline(text: str, source: Source | None = None) -> PolicyDocument:
    """Run every stage over ``text`` and assemble the document."""
    with collector_paused():
        doc = _assembled(_extracted(text), source)
    return doc


def _extracted(text: str) -> Context:
    ctx = build_context(text)
    for path in STAGES:
        _stage(path)(ctx)
    return ctx


def _assembled(ctx: Context, source: Source | None) -> PolicyDocument:
    """The document of ``ctx``'s records.

    The stages made every record valid, so the document is assembled without validating them
    again. The rest of ``ctx`` is freed on return, while the collector is still paused, so the
    collector never walks the stages' scratch objects.
    """
    o = ctx.outline
    return PolicyDocument.model_construct(
        source=source or Source(),
        text=ctx.text,
        meta=ctx.meta,
        sections=o.sections,
        provisions=o.provisions,
        paragraphs=o.paragraphs,
        sentences=o.sentences,
        quantities=ctx.quantities,
        times=ctx.times,
        targets=ctx.targets,
        baselines=ctx.baselines,
        responsible_units=ctx.responsible_units,
        entities=ctx.entities,
        warnings=ctx.warnings,
    )
