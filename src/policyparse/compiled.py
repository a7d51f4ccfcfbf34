"""Which of policyparse's modules this installation runs compiled (mypyc, see ``setup.py``)."""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from . import sources

_PACKAGE = Path(__file__).resolve().parent


def _extensions() -> dict[str, Path]:
    """Compiled module name → its extension file, for every module that has a source beside
    it (mypyc's shared library, named by a digest, has none)."""
    found: dict[str, Path] = {}
    for suffix in EXTENSION_SUFFIXES:
        for ext in _PACKAGE.rglob(f"*{suffix}"):
            source = ext.with_name(ext.name[: -len(suffix)] + ".py")
            if source.is_file():
                parts = source.relative_to(_PACKAGE).with_suffix("").parts
                if parts[-1] == "__init__":
                    parts = parts[:-1]
                found[".".join(("policyparse", *parts))] = ext
    return found


def compiled_modules() -> list[str]:
    """Names of the modules that import from a compiled extension (empty for a plain-Python
    installation, and when ``POLICYPARSE_PURE_PYTHON=1`` makes this process run the
    sources)."""
    return [] if sources.wanted() else sorted(_extensions())


def stale_modules() -> list[str]:
    """Compiled modules whose source file changed after they were built: in an editable
    checkout, the extension still runs the old code until ``pip install -e .`` builds again."""
    stale: list[str] = []
    if sources.wanted():
        return stale  # the sources run
    for name, ext in _extensions().items():
        source = ext.with_name(ext.name.split(".", 1)[0] + ".py")
        if source.stat().st_mtime > ext.stat().st_mtime:
            stale.append(name)
    return sorted(stale)
