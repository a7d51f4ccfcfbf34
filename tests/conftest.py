"""Shared fixtures: the corpus documents, parsed once per test session."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

import policyparse
from policyparse.records import PolicyDocument

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))

# The tests (and the CLI runs they start) keep the run cache in a directory of their own.
if "POLICYPARSE_CACHE_DIR" not in os.environ:
    _CACHE = tempfile.mkdtemp(prefix="policyparse-test-cache-")
    os.environ["POLICYPARSE_CACHE_DIR"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def corpus_docs() -> dict[str, PolicyDocument]:
    """Every corpus document parsed, keyed by its three-digit prefix."""
    return {p.name[:3]: policyparse.parse_file(p) for p in CORPUS_FILES}
