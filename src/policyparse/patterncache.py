"""Compiled patterns kept between runs.

The rule data compiles about five hundred patterns, and both ``regex`` and the standard
``re`` parse each one in Python: a few hundred milliseconds at the start of every process.
:func:`compile` (``regex``) and :func:`compile_re` (``re``) keep what they compile in one
cache file, and a later process loads the compiled code from it instead of parsing the
patterns again.

- ``regex`` pickles a pattern together with its compiled code, so a loaded pattern is the
  very pattern a fresh compile gives.
- For ``re`` the file keeps the arguments the standard compiler hands to ``_sre.compile``,
  worked out with the standard library's own parser and code generator, and keeps them only
  when the pattern they build compares equal to ``re.compile``'s (``re`` patterns compare
  their compiled code). Where that machinery is missing, ``re.compile`` is used as is.

The file is keyed by the Python and ``regex`` versions, and each entry by its pattern text
and flags, so a changed pattern is a new entry, never a stale one.

The file lives in the run cache directory (:func:`policyparse.runcache.cache_dir`). A
missing, unreadable or foreign file is ignored: the cache only ever saves time.
"""

from __future__ import annotations

import atexit
import importlib
import io
import pickle
import re
import threading
from pathlib import Path
from typing import Any

import regex

from . import runcache

_FORMAT = 2
_MAX_ENTRIES = 5000
"""Entries kept from earlier runs beside this run's own, at most."""

KEEP_GIL = False
"""A ``regex`` method's ``concurrent`` argument for a match over a short stretch of text, given
by position (``pattern.match(text, pos, endpos, KEEP_GIL)``): by default ``regex`` lets go of
the GIL around every call and takes it back, which is a third of the cost of a short match.
Given by keyword, the argument costs more than it saves."""

Key = tuple[str, int]
ReArgs = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""What ``_sre.compile`` takes beside the pattern: flags, code, groups, group names."""


def cache_file() -> Path | None:
    """The cache file for this Python and ``regex`` version, or ``None`` when caching is off."""
    d = runcache.cache_dir()
    if d is None:
        return None
    return d / f"patterns-{runcache.python_tag()}-regex{regex.__version__}.pickle"


class _Unpickler(pickle.Unpickler):
    """Loads nothing but compiled ``regex`` patterns and plain data."""

    def find_class(self, module: str, name: str) -> Any:
        if name == "compile" and module in ("_regex", "regex._regex"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a compiled pattern")


def stdlib_module(name: str, before_311: str) -> Any:
    """A private module of the standard ``re`` package (renamed in Python 3.11), or ``None``."""
    for candidate in (name, before_311):
        try:
            return importlib.import_module(candidate)
        except ImportError:
            continue
    return None


_sre: Any = stdlib_module("_sre", "_sre")
_parser: Any = stdlib_module("re._parser", "sre_parse")
_compiler: Any = stdlib_module("re._compiler", "sre_compile")


def _re_args(pattern: str, flags: int) -> ReArgs | None:
    """The arguments ``re.compile`` would pass to ``_sre.compile``, or ``None``."""
    try:
        p = _parser.parse(pattern, flags)
        code = _compiler._code(p, flags)
        groupindex = {str(k): int(i) for k, i in p.state.groupdict.items()}
        indexgroup: list[str | None] = [None] * p.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        # the code holds named int constants: plain ints pickle without the parser's classes
        return (
            int(flags | p.state.flags),
            [int(x) for x in code],
            int(p.state.groups - 1),
            groupindex,
            tuple(indexgroup),
        )
    except Exception:  # another Python's internals: no shortcut
        return None


def _re_build(pattern: str, args: ReArgs) -> re.Pattern[str] | None:
    try:
        built: re.Pattern[str] = _sre.compile(pattern, *args)
    except Exception:
        return None
    return built


class _Cache:
    """The patterns of this process: loaded from the file, and compiled here."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.loaded: dict[Key, regex.Pattern[str]] | None = None
        self.loaded_re: dict[Key, ReArgs] = {}
        self.used: dict[Key, regex.Pattern[str]] = {}
        self.used_re: dict[Key, re.Pattern[str]] = {}
        self.args_re: dict[Key, ReArgs] = {}
        self.dirty = False
        self.saving = False

    def load(self) -> dict[Key, regex.Pattern[str]]:
        if self.loaded is None:
            self.loaded, self.loaded_re = _read(cache_file())
        return self.loaded

    def changed(self) -> None:
        self.dirty = True
        if not self.saving:
            self.saving = True
            atexit.register(save)


_CACHE = _Cache()


def _keyed(entries: Any, ok: Any) -> dict[Key, Any]:
    if not isinstance(entries, dict):
        return {}
    return {
        k: v
        for k, v in entries.items()
        if isinstance(k, tuple)
        and len(k) == 2
        and isinstance(k[0], str)
        and isinstance(k[1], int)
        and ok(k, v)
    }


def _read(path: Path | None) -> tuple[dict[Key, regex.Pattern[str]], dict[Key, ReArgs]]:
    if path is None:
        return {}, {}
    data = runcache.read_bytes(path)
    if data is None:
        return {}, {}
    try:
        payload = _Unpickler(io.BytesIO(data)).load()
    except Exception:  # unreadable, truncated or foreign: start afresh
        return {}, {}
    if not isinstance(payload, dict) or payload.get("format") != _FORMAT:
        return {}, {}
    compiled = _keyed(
        payload.get("regex"), lambda k, v: isinstance(v, regex.Pattern) and v.pattern == k[0]
    )
    args = _keyed(payload.get("re"), lambda k, v: isinstance(v, tuple) and len(v) == 5)
    return compiled, args


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, taken from the cache file when it holds it."""
    key = (pattern, int(flags))
    c = _CACHE
    found = c.used.get(key)
    if found is not None:
        return found
    with c.lock:
        found = c.load().get(key)
        if found is None:
            found = regex.compile(pattern, flags)
            c.changed()
        c.used[key] = found
    return found


def compile_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, built from the cache file's code when it holds it."""
    key = (pattern, int(flags))
    c = _CACHE
    found = c.used_re.get(key)
    if found is not None:
        return found
    with c.lock:
        c.load()
        args = c.loaded_re.get(key)
        built = _re_build(pattern, args) if args is not None else None
        if built is None:
            built = re.compile(pattern, flags)
            args = _re_args(pattern, int(flags))
            if args is not None and _re_build(pattern, args) == built:
                c.changed()
            else:
                args = None
        if args is not None:
            c.args_re[key] = args
        c.used_re[key] = built
    return built


def save() -> Path | None:
    """Write the cache file if this process compiled a pattern it did not hold.

    The file is written whole to a temporary name and renamed, so a reader never sees half of
    it. Returns the path written, or ``None`` when there was nothing to write or it failed.
    """
    c = _CACHE
    path = cache_file()
    with c.lock:
        if not c.dirty or path is None:
            return None
        compiled = _merged(c.used, c.load())
        args = _merged(c.args_re, c.loaded_re)
        c.dirty = False
    payload = {"format": _FORMAT, "regex": compiled, "re": args}
    data = pickle.dumps(payload, pickle.HIGHEST_PROTOCOL)
    return path if runcache.write_whole(path, data) else None


def _merged(own: dict[Key, Any], earlier: dict[Key, Any]) -> dict[Key, Any]:
    """This run's entries, then earlier runs' up to :data:`_MAX_ENTRIES` in all."""
    out = dict(own)
    for k, v in earlier.items():
        if len(out) >= _MAX_ENTRIES:
            break
        out.setdefault(k, v)
    return out


def stats() -> dict[str, int]:
    """How many patterns this process took from the file and how many it compiled."""
    c = _CACHE
    loaded = c.loaded or {}
    hits = sum(1 for k in c.used if k in loaded) + sum(1 for k in c.used_re if k in c.loaded_re)
    total = len(c.used) + len(c.used_re)
    return {"loaded": len(loaded) + len(c.loaded_re), "hits": hits, "compiled": total - hits}


def reset() -> None:
    """Forget this process's patterns and reread the file on the next compile (for tests)."""
    c = _CACHE
    with c.lock:
        c.loaded = None
        c.loaded_re = {}
        c.used = {}
        c.used_re = {}
        c.args_re = {}
        c.dirty = False
