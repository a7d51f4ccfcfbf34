"""Shared fixtures: the corpus documents, parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

import policyparse
from policyparse.records import PolicyDocument

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_docs() -> dict[str, PolicyDocument]:
    """Every corpus document parsed, keyed by its three-digit prefix."""
    return {p.name[:3]: policyparse.parse_file(p) for p in CORPUS_FILES}
