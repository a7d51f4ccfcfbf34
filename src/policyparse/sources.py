"""Run the Python sources of compiled modules: ``POLICYPARSE_PURE_PYTHON=1`` at run time.

A finder placed before the standard ones loads every ``policyparse`` module from its ``.py``
file, so that an editable checkout runs its edited sources without building again, and the
tests can check the plain-Python code beside the compiled one.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ENV = "POLICYPARSE_PURE_PYTHON"


def wanted() -> bool:
    """Whether this process runs the sources (the variable is set and not ``0``)."""
    return os.environ.get(ENV, "") not in ("", "0")


class SourceFirst(importlib.abc.MetaPathFinder):
    """Finds ``policyparse`` submodules as source files, before any extension module."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith("policyparse.") or path is None:
            return None
        name = fullname.rpartition(".")[2]
        for entry in path:
            package = Path(entry, name, "__init__.py")
            if package.is_file():
                return importlib.util.spec_from_file_location(
                    fullname, package, submodule_search_locations=[str(package.parent)]
                )
            module = Path(entry, f"{name}.py")
            if module.is_file():
                return importlib.util.spec_from_file_location(fullname, module)
        return None


def prefer_sources() -> None:
    """Put :class:`SourceFirst` first on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, SourceFirst) for f in sys.meta_path):
        sys.meta_path.insert(0, SourceFirst())
