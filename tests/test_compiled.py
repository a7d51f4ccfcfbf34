"""The compiled build: which modules run compiled, and stale builds found."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from policyparse import compiled, sources


def test_required_build_runs_compiled_stages() -> None:
    if os.environ.get("POLICYPARSE_REQUIRE_COMPILED", "") in ("", "0"):
        pytest.skip("POLICYPARSE_REQUIRE_COMPILED is not set (CI sets it)")
    if sources.wanted():
        pytest.skip("POLICYPARSE_PURE_PYTHON is set: this process runs the sources")
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
    monkeypatch.delenv("POLICYPARSE_PURE_PYTHON", raising=False)
    assert compiled.compiled_modules() == [
        "policyparse.a",
        "policyparse.b",
        "policyparse.stage",
    ]
    assert compiled.stale_modules() == []
    ext = root / f"b{EXTENSION_SUFFIXES[0]}"
    os.utime(root / "b.py", (ext.stat().st_mtime + 10, ext.stat().st_mtime + 10))
    assert compiled.stale_modules() == ["policyparse.b"]
    monkeypatch.setenv("POLICYPARSE_PURE_PYTHON", "1")  # the sources run: nothing compiled
    assert compiled.compiled_modules() == compiled.stale_modules() == []


def test_pure_python_at_run_time_loads_sources() -> None:
    code = (
        "import policyparse, policyparse.extract.targets as t, "
        "policyparse.extract.responsibility.units as u, policyparse.compiled as c\n"
        "print(t.__file__, u.__file__, c.compiled_modules(), c.stale_modules())\n"
        "print(len(policyparse.parse('到2025年，全省医药工业产值达到4000亿元。').targets))"
    )
    env = {**os.environ, "POLICYPARSE_PURE_PYTHON": "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    files = out[0].split()
    assert files[0].endswith("targets/__init__.py") and files[1].endswith("units.py")
    assert files[2:] == ["[]", "[]"]
    assert out[1] == "1"
