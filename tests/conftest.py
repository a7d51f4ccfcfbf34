"""Shared fixtures: the corpus documents, parsed once per test session."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

import policyparse
from policyparse.compiled import stale_modules
from policyparse.records import PolicyDocument

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))

# The tests (and the CLI runs they start) keep the run cache in a directory of their own.
if "POLICYPARSE_CACHE_DIR" not in os.environ:
    _CACHE = tempfile.mkdtemp(prefix="policyparse-test-cache-")
    os.environ["POLICYPARSE_CACHE_DIR"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Refuse to test stale compiled modules: an editable checkout edited after its build
    would run the old code."""
    stale = stale_modules()
    if stale:
        named = ", ".join(stale[:5]) + (f" and {len(stale) - 5} more" if len(stale) > 5 else "")
        pytest.exit(
            f"compiled modules older than their sources: {named}; build them again with "
            "`pip install -e .`, or run the sources with POLICYPARSE_PURE_PYTHON=1 set "
            "(docs/install.md)",
            returncode=4,
        )


@pytest.fixture(scope="session")
def corpus_docs() -> dict[str, PolicyDocument]:
    """Every corpus document parsed, keyed by its three-digit prefix."""
    return {p.name[:3]: policyparse.parse_file(p) for p in CORPUS_FILES}
