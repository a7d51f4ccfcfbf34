"""The compiled build: which modules run compiled, and stale builds found."""

from __future__ import annotations

import os
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from policyparse import compiled


def test_required_build_runs_compiled_stages() -> None:
    if os.environ.get("POLICYPARSE_REQUIRE_COMPILED", "") in ("", "0"):
        pytest.skip("POLICYPARSE_REQUIRE_COMPILED is not set (CI sets it)")
    import policyparse.extract.responsibility.units as units
    import policyparse.extract.targets as targets

    names = compiled.compiled_modules()
    assert "policyparse.extract.targets" in names
    assert "policyparse.extract.responsibility.units" in names
    assert "policyparse.extract.targets.rules" not in names  # Pydantic models stay Python
    assert targets.__file__ is not None and targets.__file__.endswith(EXTENSION_SUFFIXES[0])
    assert units.__file__ is not None and units.__file__.endswith(EXTENSION_SUFFIXES[0])
    assert compiled.stale_modules() == []


def _fake_package(root: Path) -> Path:
    suffix = EXTENSION_SUFFIXES[0]
    (root / "stage").mkdir()
    for name in ("a", "b", "stage/__init__"):
        (root / f"{name}.py").write_text("", encoding="utf-8")
        (root / f"{name}{suffix}").write_bytes(b"\x7fELF")
    (root / "plain.py").write_text("", encoding="utf-8")
    (root / f"0123abcd__mypyc{suffix}").write_bytes(b"\x7fELF")  # shared library: no source
    return root


def test_compiled_and_stale_modules_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _fake_package(tmp_path)
    monkeypatch.setattr(compiled, "_PACKAGE", root)
    assert compiled.compiled_modules() == [
        "policyparse.a",
        "policyparse.b",
        "policyparse.stage",
    ]
    assert compiled.stale_modules() == []
    ext = root / f"b{EXTENSION_SUFFIXES[0]}"
    os.utime(root / "b.py", (ext.stat().st_mtime + 10, ext.stat().st_mtime + 10))
    assert compiled.stale_modules() == ["policyparse.b"]
