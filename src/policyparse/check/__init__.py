"""The corpus check: score extraction against gold files and gate on thresholds.

>>> from policyparse.check import run_check
>>> result = run_check(["corpus/"])          # doctest: +SKIP
>>> result.ok, result.overall.values()["targets_detection_f1"]  # doctest: +SKIP
"""

from .config import CheckConfig, KnownMiss, Thresholds, load_config, write_thresholds
from .gold import Gold, GoldBlock, GoldFile, GoldTarget, GoldUnit, inspect_gold, load_gold
from .match import DocumentMatch, char_f1, indicator_f1, match_document
from .run import CheckResult, DocumentResult, Extractor, find_inputs, run_check
from .score import SCORE_NAMES, Counts, Mean, Scores, score

__all__ = [
    "SCORE_NAMES",
    "CheckConfig",
    "CheckResult",
    "Counts",
    "DocumentMatch",
    "DocumentResult",
    "Extractor",
    "Gold",
    "GoldBlock",
    "GoldFile",
    "GoldTarget",
    "GoldUnit",
    "KnownMiss",
    "Mean",
    "Scores",
    "Thresholds",
    "char_f1",
    "find_inputs",
    "indicator_f1",
    "inspect_gold",
    "load_config",
    "load_gold",
    "match_document",
    "run_check",
    "score",
    "write_thresholds",
]
