"""Scores of a matching: counts, precision/recall/F1, bound accuracy and indicator F1.

Counts add up across documents, so the overall scores are micro-averaged. A ratio whose
denominator is zero is 1.0 when there is nothing at all to score (no gold item and no
prediction) and 0.0 otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from .match import DocumentMatch, indicator_f1


def ratio(num: float, den: float, *, empty: bool) -> float:
    """``num / den``; for ``den == 0``, 1.0 when ``empty`` (nothing to score) else 0.0."""
    if den:
        return num / den
    return 1.0 if empty else 0.0


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one matching."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def _empty(self) -> bool:
        return self.tp + self.fp + self.fn == 0

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.predicted, empty=self._empty)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.gold, empty=self._empty)

    @property
    def f1(self) -> float:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn, empty=self._empty)

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class Mean:
    """A mean over matched pairs: the sum and the number of pairs."""

    total: float = 0.0
    n: int = 0

    @property
    def value(self) -> float | None:
        """The mean, or None when there is no pair."""
        return self.total / self.n if self.n else None

    def __add__(self, other: Mean) -> Mean:
        return Mean(self.total + other.total, self.n + other.n)


SCORE_NAMES: tuple[str, ...] = (
    "units_name_precision",
    "units_name_recall",
    "units_name_f1",
    "units_name_role_precision",
    "units_name_role_recall",
    "units_name_role_f1",
    "targets_detection_precision",
    "targets_detection_recall",
    "targets_detection_f1",
    "targets_full_precision",
    "targets_full_recall",
    "targets_full_f1",
    "bound_accuracy",
    "indicator_f1",
)
"""The name of every score, as used by thresholds and in JSON."""


@dataclass(frozen=True)
class Scores:
    """Every score of one document, or of several added together."""

    units_name: Counts = Counts()
    units_name_role: Counts = Counts()
    targets_detection: Counts = Counts()
    targets_full: Counts = Counts()
    bound: Mean = Mean()
    """Share of detected targets whose bound is right."""
    indicator: Mean = Mean()
    """Mean character F1 of the indicators of detected targets."""

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.units_name + other.units_name,
            self.units_name_role + other.units_name_role,
            self.targets_detection + other.targets_detection,
            self.targets_full + other.targets_full,
            self.bound + other.bound,
            self.indicator + other.indicator,
        )

    def values(self) -> dict[str, float | None]:
        """Every score by its name (``SCORE_NAMES``); a mean with no pair is None."""
        out: dict[str, float | None] = {}
        for name, counts in (
            ("units_name", self.units_name),
            ("units_name_role", self.units_name_role),
            ("targets_detection", self.targets_detection),
            ("targets_full", self.targets_full),
        ):
            out[f"{name}_precision"] = counts.precision
            out[f"{name}_recall"] = counts.recall
            out[f"{name}_f1"] = counts.f1
        out["bound_accuracy"] = self.bound.value
        out["indicator_f1"] = self.indicator.value
        return out


def score(m: DocumentMatch) -> Scores:
    """The scores of one document's matching."""
    u, t = m.units, m.targets
    n_pred_units, n_gold_units = len(u.pairs) + len(u.false_hits), len(u.pairs) + len(u.missed)
    n_pred_targets = len(t.pairs) + len(t.false_hits)
    n_gold_targets = len(t.pairs) + len(t.missed)

    def counts(tp: int, predicted: int, gold: int) -> Counts:
        return Counts(tp, predicted - tp, gold - tp)

    return Scores(
        units_name=counts(len(u.pairs), n_pred_units, n_gold_units),
        units_name_role=counts(len(u.role_pairs), n_pred_units, n_gold_units),
        targets_detection=counts(len(t.pairs), n_pred_targets, n_gold_targets),
        targets_full=counts(len(t.full_pairs), n_pred_targets, n_gold_targets),
        bound=Mean(float(len(t.bound_pairs)), len(t.pairs)),
        indicator=Mean(
            sum(indicator_f1(p.indicator, g.entry.indicator) for g, p in t.pairs), len(t.pairs)
        ),
    )


def total(scores: list[Scores]) -> Scores:
    """Scores added together (micro average)."""
    out = Scores()
    for s in scores:
        out = out + s
    return out
