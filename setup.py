"""Build of policyparse: the text-scanning modules are compiled to C with mypyc.

The project's metadata is in ``pyproject.toml``; this file only adds the compiled modules.
Every module stays importable as plain Python: with ``POLICYPARSE_PURE_PYTHON=1`` set, or
when mypyc or a C compiler is missing, the build installs the sources alone (slower, same
output). See docs/install.md.
"""

from __future__ import annotations

import os
import sys
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "src" / "policyparse"

# Packages and modules compiled: the stages a parse runs, the context they share and the
# text helpers they call.
# Rule-data models (``rules.py``: Pydantic), records, readers, the CLI and the check stay
# plain Python.
COMPILED = [
    "extract/entities",
    "extract/quantities",
    "extract/responsibility",
    "extract/targets",
    "extract/times",
    "structure",
    "meta.py",
    "normalize.py",
    "numerals.py",
    "patternhints.py",
    "pipeline.py",
    "tabular.py",
    "textscan.py",
]
NOT_COMPILED = {"rules.py"}


def _sources() -> list[str]:
    paths: list[Path] = []
    for entry in COMPILED:
        path = PACKAGE / entry
        paths += sorted(path.glob("*.py")) if path.is_dir() else [path]
    return [str(p.relative_to(ROOT)) for p in paths if p.name not in NOT_COMPILED]


def _extensions() -> list[Any]:
    if os.environ.get("POLICYPARSE_PURE_PYTHON", "") not in ("", "0"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        warnings.warn("mypyc is not installed: policyparse is built as plain Python", stacklevel=1)
        return []
    # Type-checked with the project's own mypy settings; multi_file splits the C code by
    # module so that the compiler can work on several files at once.
    options = ["--follow-imports=silent"]  # modules not compiled: read for their types only
    return list(mypycify([*options, *_sources()], opt_level="3", multi_file=True))


class ParallelBuild(build_ext):
    """``build_ext`` that compiles the C files of an extension on every core, and falls back
    to plain Python when there is no working C compiler."""

    def build_extensions(self) -> None:
        compiler = self.compiler
        serial = compiler.compile
        workers = max(1, os.cpu_count() or 1)

        def compile_all(sources: list[str], *args: Any, **kwargs: Any) -> list[str]:
            if len(sources) < 2 or workers == 1:
                return list(serial(sources, *args, **kwargs))
            with ThreadPoolExecutor(workers) as pool:
                parts = pool.map(lambda src: serial([src], *args, **kwargs), sources)
                return [obj for objs in parts for obj in objs]

        compiler.compile = compile_all
        try:
            super().build_extensions()
        except Exception as exc:  # a missing or failing C compiler
            if os.environ.get("POLICYPARSE_REQUIRE_COMPILED", "") not in ("", "0"):
                raise
            print(
                f"policyparse: compiling failed ({exc}); installing plain Python",
                file=sys.stderr,
            )
            self.extensions = []


setup(ext_modules=_extensions(), cmdclass={"build_ext": ParallelBuild})
