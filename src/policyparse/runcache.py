"""The run cache: files that let a new process skip work an earlier one already did.

Two things are kept: compiled patterns (:mod:`policyparse.patterncache`) and the parsed form
of the packaged YAML rule data (:func:`parsed_yaml`). Each file is named by what it was made
from (Python version, library version, or a digest of the YAML text), so a change to any of
them makes a new file rather than reading an old one. Files are written whole under a
temporary name and renamed.

The directory is ``$POLICYPARSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/policyparse``, else
``~/.cache/policyparse``. Set ``POLICYPARSE_CACHE_DIR`` to an empty string or ``off`` to keep
nothing. A directory that cannot be written is left alone: the cache only ever saves time.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ENV_VAR = "POLICYPARSE_CACHE_DIR"
"""Environment variable naming the cache directory (empty or ``off``: no cache)."""

_OFF = ("", "0", "off", "no", "none")


def cache_dir() -> Path | None:
    """The cache directory, or ``None`` when caching is off."""
    env = os.environ.get(ENV_VAR)
    if env is not None:
        return None if env.strip().lower() in _OFF else Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "policyparse"


def python_tag() -> str:
    """The interpreter and its version, as file names use them (``cpython3.11``)."""
    return f"{sys.implementation.name}{sys.version_info[0]}.{sys.version_info[1]}"


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes, or ``None`` when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_whole(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename; ``False`` on failure."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False
    return True


def parsed_yaml(name: str, text: str, parse: Callable[[str], Any]) -> Any:
    """``parse(text)``, read back from the cache when this very text was parsed before.

    The parsed data is kept with :mod:`marshal`, which holds plain values only (no classes, so
    loading it runs no code); YAML dates are kept as tagged tuples (YAML itself gives no
    tuples) and anything else it cannot hold is not cached. Older files for the same data
    file are removed when a new one is written.
    """
    d = cache_dir()
    if d is None:
        return parse(text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
    stem = Path(name).stem
    prefix = f"yaml-{python_tag()}-{stem}-"
    path = d / f"{prefix}{digest}.marshal"
    data = read_bytes(path)
    if data is not None:
        try:
            dated, value = marshal.loads(data)
            return _thaw(value) if dated else value
        except (EOFError, ValueError, TypeError):
            pass  # truncated or foreign: parse again and rewrite it
    value = parse(text)
    try:
        frozen = _freeze(value)
        blob = marshal.dumps((frozen != value, frozen))
    except ValueError:
        return value
    if write_whole(path, blob):
        for old in d.glob(f"{prefix}*.marshal"):
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()
    return value


_DATE = "\x00date"


def _freeze(value: Any) -> Any:
    """``value`` with each ``datetime.date`` replaced by ``(_DATE, isoformat)``."""
    if isinstance(value, dict):
        return {k: _freeze(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_freeze(v) for v in value]
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return (_DATE, value.isoformat())
    return value


def _thaw(value: Any) -> Any:
    """The inverse of :func:`_freeze`."""
    if isinstance(value, dict):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_thaw(v) for v in value]
    if isinstance(value, tuple) and len(value) == 2 and value[0] == _DATE:
        return datetime.date.fromisoformat(value[1])
    return value
