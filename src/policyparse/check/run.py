"""Running the corpus check: find gold files, extract their documents, match, score, gate."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..errors import CheckConfigError, FileNotFound, PolicyParseError, UsageError
from ..records import PolicyDocument
from .config import CONFIG_NAME, CheckConfig, KnownMiss, load_config
from .gold import GOLD_SUFFIX, Gold, inspect_gold, squash
from .match import DocumentMatch, GoldUnitRef, match_document, value_equal_numbers
from .score import Scores, score, total

Extractor = Callable[[Path], PolicyDocument]
"""Reads a document file and extracts its records (``policyparse.parse_file`` by default)."""

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")


@dataclass(frozen=True)
class Inputs:
    """What the arguments name: gold files, documents found in folders, what was not found."""

    gold_files: list[Path]
    documents: list[Path]
    errors: list[PolicyParseError]


def _gold_for(doc: Path) -> Path:
    return doc.with_name(doc.name[: -len(doc.suffix)] + GOLD_SUFFIX) if doc.suffix else doc


def find_inputs(paths: Sequence[str | Path]) -> Inputs:
    """Gold files named by ``paths``: folders are walked; a document names its gold file."""
    gold: list[Path] = []
    docs: list[Path] = []
    errors: list[PolicyParseError] = []
    for arg in map(Path, paths):
        if arg.is_dir():
            for root, dirs, files in os.walk(arg):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    p = Path(root) / name
                    if name.endswith(GOLD_SUFFIX):
                        gold.append(p)
                    elif p.suffix.lower() in DOCUMENT_SUFFIXES:
                        docs.append(p)
        elif arg.name.endswith(GOLD_SUFFIX) and arg.is_file():
            gold.append(arg)
        elif arg.is_file():
            g = _gold_for(arg)
            if g.is_file():
                gold.append(g)
            else:
                errors.append(UsageError(f"no gold file {g.name} next to it", path=arg))
        else:
            errors.append(FileNotFound("no such file or folder", path=arg))
    unique: list[Path] = []
    seen: set[Path] = set()
    for g in gold:
        if g.resolve() not in seen:
            seen.add(g.resolve())
            unique.append(g)
    return Inputs(unique, docs, errors)


def default_config_path(paths: Sequence[str | Path]) -> Path | None:
    """``check.yaml`` of the first folder argument (or of the first file's folder), if any."""
    for arg in map(Path, paths):
        folder = arg if arg.is_dir() else arg.parent
        candidate = folder / CONFIG_NAME
        return candidate if candidate.is_file() else None
    return None


# --- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentResult:
    """One document: its matching and scores."""

    match: DocumentMatch
    scores: Scores

    @property
    def gold(self) -> Gold:
        return self.match.gold

    @property
    def name(self) -> str:
        return self.match.gold.file.document


@dataclass(frozen=True)
class ThresholdFailure:
    """An overall score below its threshold (None: the score is undefined, no pair)."""

    name: str
    value: float | None
    threshold: float

    def message(self) -> str:
        got = "n/a" if self.value is None else f"{self.value:.3f}"
        return f"{self.name} {got} is below its threshold {self.threshold:.3f}"


@dataclass(frozen=True)
class KnownMissStatus:
    """A known miss and whether its gold item now passes at the listed level."""

    miss: KnownMiss
    passing: bool

    def message(self) -> str:
        m = self.miss
        return (
            f"known miss now passes ({m.effective_level}): {m.label()} "
            "— remove it from known_misses"
        )


@dataclass
class CheckResult:
    """Everything one run of the check found."""

    documents: list[DocumentResult]
    config: CheckConfig
    config_path: Path | None = None
    errors: list[PolicyParseError] = field(default_factory=list)
    unpaired: list[Path] = field(default_factory=list)
    known: list[KnownMissStatus] = field(default_factory=list)

    @cached_property
    def overall(self) -> Scores:
        """Scores of every document together (micro average)."""
        return total([d.scores for d in self.documents])

    @cached_property
    def threshold_failures(self) -> list[ThresholdFailure]:
        """Overall scores below their thresholds."""
        values = self.overall.values()
        out = []
        for name, threshold in self.config.thresholds.items():
            value = values[name]
            if (value if value is not None else 0.0) + 1e-9 < threshold:
                out.append(ThresholdFailure(name, value, threshold))
        return out

    @property
    def newly_passing(self) -> list[KnownMissStatus]:
        """Known misses that pass now (each a failure of the check)."""
        return [k for k in self.known if k.passing]

    @property
    def ok(self) -> bool:
        """Whether the check passes."""
        return not (self.errors or self.threshold_failures or self.newly_passing)


# --- known misses --------------------------------------------------------------------------


def _miss_passes(miss: KnownMiss, result: DocumentResult) -> bool:
    """Whether the gold item a known miss names passes at its level (error if not found)."""
    m = result.match
    level = miss.effective_level
    if miss.target is not None:
        q = squash(miss.target)
        found = [
            g
            for g in m.gold.targets
            if squash(g.entry.quote) == q
            and g.entry.nth == miss.nth
            and (miss.value is None or value_equal_numbers(g.entry.value, miss.value))
        ]
        _one(found, miss, "gold target", "value")
        pairs = {
            "detection": m.targets.pairs,
            "full": m.targets.full_pairs,
            "bound": m.targets.bound_pairs,
        }[level]
        return any(g.index == found[0].index for g, _ in pairs)
    q = squash(miss.block or "")
    name = squash(miss.unit or "")
    refs = [
        GoldUnitRef(b, i)
        for b in m.gold.blocks
        if squash(b.entry.quote) == q and b.entry.nth == miss.nth
        for i, u in enumerate(b.entry.units)
        if squash(u.name) == name
    ]
    _one(refs, miss, "gold unit", "nth")
    unit_pairs = m.units.pairs if level == "name" else m.units.role_pairs
    return any(g == refs[0] for g, _ in unit_pairs)


def _one(found: Sequence[object], miss: KnownMiss, what: str, hint: str) -> None:
    if not found:
        raise CheckConfigError(f"known miss names no {what}: {miss.label()}")
    if len(found) > 1:
        raise CheckConfigError(
            f"known miss names {len(found)} {what}s, add {hint} to tell them apart: {miss.label()}"
        )


def resolve_known_misses(
    config: CheckConfig, documents: Sequence[DocumentResult], config_path: Path | None
) -> tuple[list[KnownMissStatus], list[PolicyParseError]]:
    """The status of every known miss whose document was checked, and the invalid ones."""
    by_name = {d.name: d for d in documents}
    statuses: list[KnownMissStatus] = []
    errors: list[PolicyParseError] = []
    for miss in config.known_misses:
        result = by_name.get(miss.document)
        if result is None:
            folder = config_path.parent if config_path is not None else None
            if folder is None or not (folder / miss.document).is_file():
                errors.append(
                    CheckConfigError(
                        f"known miss names a document that is not there: {miss.label()}",
                        path=config_path,
                    )
                )
            continue  # a document of the corpus that this run did not check
        try:
            statuses.append(KnownMissStatus(miss, _miss_passes(miss, result)))
        except CheckConfigError as exc:
            errors.append(CheckConfigError(exc.detail, path=config_path))
    return statuses, errors


# --- the run -------------------------------------------------------------------------------


def _default_extract(path: Path) -> PolicyDocument:
    from ..api import parse_file

    return parse_file(path)


def run_check(
    paths: Sequence[str | Path],
    *,
    config: CheckConfig | None = None,
    config_path: Path | None = None,
    extract: Extractor | None = None,
) -> CheckResult:
    """Check every gold file named by ``paths`` against the extraction of its document.

    ``config`` defaults to the file at ``config_path`` (or ``default_config_path(paths)``);
    ``extract`` defaults to ``policyparse.parse_file``. Problems with inputs, gold files and
    the configuration are collected in ``errors``; the other documents are still checked.
    """
    extract = extract or _default_extract
    errors: list[PolicyParseError] = []
    if config is None:
        config_path = config_path or default_config_path(paths)
        config = CheckConfig()
        if config_path is not None:
            try:
                config = load_config(config_path)
            except CheckConfigError as exc:
                errors.append(exc)
    inputs = find_inputs(paths)
    errors += inputs.errors
    results: list[DocumentResult] = []
    annotated: dict[Path, Path] = {}
    for gold_path in inputs.gold_files:
        gold, problems = inspect_gold(gold_path)
        if gold is None:
            errors += problems
            continue
        key = gold.document_path.resolve()
        if key in annotated:
            errors.append(
                UsageError(f"annotates the same document as {annotated[key]}", path=gold_path)
            )
            continue
        annotated[key] = gold_path
        try:
            doc = extract(gold.document_path)
        except PolicyParseError as exc:
            errors.append(exc)
            continue
        if doc.text != gold.text:
            gold, problems = inspect_gold(gold_path, doc.text)
            if gold is None:
                errors += problems
                continue
        m = match_document(gold, doc)
        results.append(DocumentResult(m, score(m)))
    named = {g.resolve() for g in inputs.gold_files}
    unpaired = [
        d
        for d in inputs.documents
        if d.resolve() not in annotated and _gold_for(d).resolve() not in named
    ]
    known, known_errors = resolve_known_misses(config, results, config_path)
    errors += known_errors
    return CheckResult(
        documents=results,
        config=config,
        config_path=config_path,
        errors=errors,
        unpaired=unpaired,
        known=known,
    )
