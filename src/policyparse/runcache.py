"""The run cache: files that let a new process skip work an earlier one already did.

Four things are kept: compiled patterns (:mod:`policyparse.patterncache`), the parsed form
of the packaged YAML rule data (:func:`parsed_yaml`), the validated rule-data models
(:func:`validated`) and the results of pure functions of a string (:func:`kept`). Each file
is named by what it was made from (Python version, library version, a digest of the YAML text
or of the function's module) and a model file also records the source digest of each module
whose classes it holds, so a change to any of them means a new file rather than reading an
old one. Files are written whole under a temporary name and renamed.

The directory is ``$POLICYPARSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/policyparse``, else
``~/.cache/policyparse``. Set ``POLICYPARSE_CACHE_DIR`` to an empty string or ``off`` to keep
nothing. A directory that cannot be written is left alone: the cache only ever saves time.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime
import functools
import hashlib
import io
import marshal
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

ENV_VAR = "POLICYPARSE_CACHE_DIR"
"""Environment variable naming the cache directory (empty or ``off``: no cache)."""

_OFF = ("", "0", "off", "no", "none")


def cache_dir() -> Path | None:
    """The cache directory, or ``None`` when caching is off."""
    env = os.environ.get(ENV_VAR)
    if env is not None:
        return None if env.strip().lower() in _OFF else Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "policyparse"
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):  # no home directory known: keep nothing
        return None
    return home / ".cache" / "policyparse"


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


def _write_replacing(path: Path, data: bytes, prefix: str) -> None:
    """Write ``path`` whole, then remove the other files of its folder named ``prefix*`` with
    its suffix (older versions of the same entry)."""
    if write_whole(path, data):
        for old in path.parent.glob(f"{prefix}*{path.suffix}"):
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()


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
    _write_replacing(path, blob, prefix)
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


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


_SOURCE_DIGESTS: dict[str, str | None] = {}


def source_digest(module: str) -> str | None:
    """A digest of a module's source file (``None``: not a file this cache can check).

    A compiled module is known by the source it was built from, beside its extension file
    (the extension itself only loads the shared library, the same bytes whatever the code).
    """
    if module not in _SOURCE_DIGESTS:
        found = sys.modules.get(module)
        path = getattr(found, "__file__", None)
        file = _source_of(Path(path)) if path else None
        data = read_bytes(file) if file is not None else None
        _SOURCE_DIGESTS[module] = hashlib.sha256(data).hexdigest() if data is not None else None
    return _SOURCE_DIGESTS[module]


def _source_of(path: Path) -> Path | None:
    """``path`` itself for a Python file; for an extension module, the ``.py`` file beside it
    (``None`` when there is none)."""
    for suffix in EXTENSION_SUFFIXES:
        if path.name.endswith(suffix):
            source = path.with_name(path.name[: -len(suffix)] + ".py")
            return source if source.is_file() else None
    return path


def _modules_of(value: Any) -> set[str]:
    """The modules of every object's class inside ``value`` (models, containers, values)."""
    out: set[str] = set()
    seen: set[int] = set()
    stack = [value]
    plain = (str, int, float, bool, bytes, type(None))
    while stack:
        x = stack.pop()
        if isinstance(x, plain) or id(x) in seen:
            continue
        seen.add(id(x))
        t = type(x)
        if t.__module__ != "builtins":
            out.add(t.__module__)
        if isinstance(x, dict):
            stack.extend(x.keys())
            stack.extend(x.values())
        elif isinstance(x, (list, tuple, set, frozenset)):
            stack.extend(x)
        elif hasattr(x, "__dict__"):
            stack.extend(vars(x).values())
    return out


_STDLIB_CLASSES = frozenset({("datetime", "date")})


class _ModelUnpickler(pickle.Unpickler):
    """Loads classes of the recorded ``policyparse`` modules (and dates), nothing else."""

    def __init__(self, data: bytes, modules: frozenset[str]) -> None:
        super().__init__(io.BytesIO(data))
        self.modules = modules

    def find_class(self, module: str, name: str) -> Any:
        ours = module in self.modules and module.startswith("policyparse.")
        if ours or (module, name) in _STDLIB_CLASSES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a rule-data class")


def validated(name: str, text: str, model: type[Any], build: Callable[[], Any]) -> Any:
    """``build()`` (a validated ``model`` of rule-data file ``name``), read back from the cache
    when this very text was validated before by the same code.

    The file records the source digest of each module whose classes it holds (and of
    ``model``'s module); a changed module means the file is not used. Loading it runs no
    validation, so a model class that defers building its schema never builds it.
    """
    d = cache_dir()
    if d is None:
        return build()
    stem = Path(name).stem
    prefix = f"model-{python_tag()}-{stem}-"
    key = f"{model.__module__}.{model.__qualname__}\n{_pydantic_version()}\n{text}"
    path = d / f"{prefix}{_digest(key)}.pickle"
    found = _read_model(path, model)
    if found is not None:
        return found
    value = build()
    modules = _modules_of(value) | {model.__module__}
    sources = {m: source_digest(m) for m in sorted(modules) if m.startswith("policyparse.")}
    if any(v is None for v in sources.values()):
        return value
    try:
        blob = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        payload = marshal.dumps((sources, blob))
    except Exception:  # a value that does not pickle is simply not cached
        return value
    _write_replacing(path, payload, prefix)
    return value


def _read_model(path: Path, model: type[Any]) -> Any:
    data = read_bytes(path)
    if data is None:
        return None
    try:
        sources, blob = marshal.loads(data)
        if not isinstance(sources, dict) or not isinstance(blob, bytes):
            return None
        if any(source_digest(m) != digest for m, digest in sources.items()):
            return None  # the code changed since: validate again
        value = _ModelUnpickler(blob, frozenset(sources)).load()
    except Exception:  # truncated, foreign or stale: validate again
        return None
    return value if isinstance(value, model) else None


def _pydantic_version() -> str:
    module = sys.modules.get("pydantic")
    return str(getattr(module, "VERSION", ""))


_KEPT_MAX = 2000
"""Results one :func:`kept` function keeps, at most (the first ones asked for)."""

_MISSING = object()

_KEPT: list[_Kept] = []
"""The :func:`kept` stores with results of this run not yet written."""


class _Kept:
    """The results of one :func:`kept` function: from earlier runs' file, and from this one."""

    def __init__(self, name: str, module: str, valid: Callable[[Any], bool]) -> None:
        self.name, self.module, self.valid = name, module, valid
        self.path: Path | None = None
        self.loaded: dict[str, Any] | None = None
        self.new: dict[str, Any] = {}
        self.saving = False

    def load(self) -> dict[str, Any]:
        if self.loaded is None:
            self.loaded = {}
            d = cache_dir()
            digest = source_digest(self.module)
            if d is not None and digest is not None:
                self.path = d / f"{self.prefix}{digest[:20]}.marshal"
                self.loaded = self._read(self.path)
        return self.loaded

    @property
    def prefix(self) -> str:
        return f"kept-{python_tag()}-{self.name}-"

    def _read(self, path: Path) -> dict[str, Any]:
        data = read_bytes(path)
        if data is None:
            return {}
        try:
            found = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            return {}
        if not isinstance(found, dict):
            return {}
        return {k: v for k, v in found.items() if isinstance(k, str) and self.valid(v)}

    def get(self, arg: str) -> Any:
        found = self.new.get(arg, _MISSING)
        return self.load().get(arg, _MISSING) if found is _MISSING else found

    def put(self, arg: str, value: Any) -> None:
        if len(self.new) >= _KEPT_MAX:
            return
        self.new[arg] = value
        if not self.saving:
            self.saving = True
            atexit.register(self.save)
            _KEPT.append(self)

    def save(self) -> Path | None:
        """Write this run's results (and earlier runs', up to the bound) to the file."""
        path = self.path
        if not self.new or path is None:
            return None
        merged = dict(self.new)
        for k, v in (self.loaded or {}).items():
            if len(merged) >= _KEPT_MAX:
                break
            merged.setdefault(k, v)
        try:
            blob = marshal.dumps(merged)
        except ValueError:  # a result marshal cannot hold: keep nothing
            return None
        self.new = {}
        self.loaded = merged
        _write_replacing(path, blob, self.prefix)
        return path


def save_kept() -> list[Path]:
    """Write every :func:`kept` function's new results now (else they are written at exit)."""
    return [p for store in _KEPT if (p := store.save()) is not None]


def kept(
    name: str, valid: Callable[[Any], bool]
) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Keep a pure function's results between processes, in the run cache.

    The decorated function must give the same plain result (what :mod:`marshal` holds) for
    the same string. Its results are kept in a file named by ``name`` and the source digest
    of the function's module, so a changed module starts afresh; a result read back is used
    only when ``valid`` accepts it.
    """

    def wrap(func: Callable[[str], T]) -> Callable[[str], T]:
        store = _Kept(name, func.__module__, valid)

        @functools.wraps(func)
        def call(arg: str) -> T:
            found = store.get(arg)
            if found is not _MISSING:
                value: T = found
                return value
            value = func(arg)
            store.put(arg, value)
            return value

        return call

    return wrap
