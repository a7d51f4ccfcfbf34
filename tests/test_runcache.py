"""The run cache: compiled patterns and parsed rule data kept between processes."""

from __future__ import annotations

import datetime
import json
import os
import pickle
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

from policyparse import patterncache, ruledata, runcache

from .conftest import CORPUS_FILES


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh cache directory for this test; the pattern cache forgets what it held."""
    d = tmp_path / "cache"
    monkeypatch.setenv(runcache.ENV_VAR, str(d))
    patterncache.reset()
    yield d
    patterncache.reset()


@pytest.mark.parametrize("value", ["", "off", "OFF", "0", "none"])
def test_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(runcache.ENV_VAR, value)
    assert runcache.cache_dir() is None
    assert patterncache.cache_file() is None
    assert runcache.parsed_yaml("x.yaml", "a: 1", lambda t: {"a": 1}) == {"a": 1}


def test_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(runcache.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert runcache.cache_dir() == tmp_path / "policyparse"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert runcache.cache_dir() == Path.home() / ".cache" / "policyparse"


def test_parsed_yaml_is_read_back_without_parsing(cache_dir: Path) -> None:
    calls: list[str] = []

    def parse(text: str) -> object:
        calls.append(text)
        return ruledata.parse_yaml(text)

    text = "清明:\n  2026: 2026-04-05\nwords: [规划, 方案]\nn: 3\n"
    first = runcache.parsed_yaml("times.yaml", text, parse)
    second = runcache.parsed_yaml("times.yaml", text, parse)
    assert (
        first
        == second
        == {
            "清明": {2026: datetime.date(2026, 4, 5)},
            "words": ["规划", "方案"],
            "n": 3,
        }
    )
    assert calls == [text]  # the second read came from the file
    assert len(list(cache_dir.glob("yaml-*-times-*.marshal"))) == 1


def test_a_changed_data_file_replaces_its_old_cache_entry(cache_dir: Path) -> None:
    runcache.parsed_yaml("units.yaml", "a: 1\n", ruledata.parse_yaml)
    assert runcache.parsed_yaml("units.yaml", "a: 2\n", ruledata.parse_yaml) == {"a": 2}
    assert len(list(cache_dir.glob("yaml-*-units-*.marshal"))) == 1


def test_a_damaged_cache_file_is_parsed_again(cache_dir: Path) -> None:
    runcache.parsed_yaml("bounds.yaml", "a: [1, 2]\n", ruledata.parse_yaml)
    (path,) = cache_dir.glob("yaml-*-bounds-*.marshal")
    path.write_bytes(path.read_bytes()[:3])
    assert runcache.parsed_yaml("bounds.yaml", "a: [1, 2]\n", ruledata.parse_yaml) == {"a": [1, 2]}


def test_values_marshal_cannot_hold_are_returned_uncached(cache_dir: Path) -> None:
    odd = {"when": datetime.datetime(2026, 1, 1, 8, 0)}
    assert runcache.parsed_yaml("odd.yaml", "x", lambda t: odd) is odd
    assert not list(cache_dir.glob("yaml-*-odd-*"))


def test_an_unwritable_cache_dir_costs_nothing_but_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(runcache.ENV_VAR, str(blocker / "cache"))
    assert runcache.write_whole(blocker / "cache" / "f", b"x") is False
    assert runcache.parsed_yaml("a.yaml", "a: 1", ruledata.parse_yaml) == {"a": 1}
    patterncache.reset()
    try:
        assert patterncache.compile(r"不低于\d+%").search("不低于85%")
        assert patterncache.save() is None
    finally:
        patterncache.reset()


def test_patterns_are_loaded_from_the_file_in_a_later_run(cache_dir: Path) -> None:
    a = patterncache.compile(r"(?P<y>(?:19|20)\d{2})年(?:底|末)?", regex.V1)
    b = patterncache.compile_re(r"(?P<n>\d+)(?:个)?工作日内")
    assert patterncache.stats()["compiled"] == 2
    path = patterncache.save()
    assert path is not None and path.exists()
    assert patterncache.save() is None  # nothing new since

    patterncache.reset()
    a2 = patterncache.compile(r"(?P<y>(?:19|20)\d{2})年(?:底|末)?", regex.V1)
    b2 = patterncache.compile_re(r"(?P<n>\d+)(?:个)?工作日内")
    assert patterncache.stats() == {"loaded": 2, "hits": 2, "compiled": 0}
    assert a2.search("到2027年底").group("y") == a.search("到2027年底").group("y") == "2027"
    assert a2.flags == a.flags and a2.groupindex == a.groupindex
    assert b2 == b == re.compile(r"(?P<n>\d+)(?:个)?工作日内")
    assert b2.search("在30个工作日内办结").group("n") == "30"


_SAME_WHEN_LOADED = """
import re, sys
import regex
import policyparse
from policyparse import patterncache
text = open(sys.argv[1], encoding="utf-8").read()
policyparse.parse(text)
fresh_regex = dict(patterncache._CACHE.used)
fresh_re = dict(patterncache._CACHE.used_re)
assert len(fresh_regex) > 300 and len(fresh_re) > 30, (len(fresh_regex), len(fresh_re))
assert patterncache.save() is not None
patterncache.reset()
loaded, args = patterncache._read(patterncache.cache_file())
assert set(loaded) == set(fresh_regex)
assert set(args) <= set(fresh_re) and len(args) >= len(fresh_re) - 2
sample = text[:3000]
for key, pattern in loaded.items():
    again = regex.compile(*key)
    assert pattern.groupindex == again.groupindex, key[0]
    got = [m.span() for m in pattern.finditer(sample)]
    assert got == [m.span() for m in again.finditer(sample)], key[0]
for key, a in args.items():
    built = patterncache._re_build(key[0], a)
    assert built is not None and built == re.compile(*key), key[0]
print(len(loaded), len(args))
"""


def test_every_pipeline_pattern_is_the_same_when_loaded(tmp_path: Path) -> None:
    """Each pattern a parse compiles, loaded back from the file, matches as a fresh one (in a
    new process, so that every pattern is compiled there)."""
    env = {**os.environ, runcache.ENV_VAR: str(tmp_path / "cache")}
    cmd = [sys.executable, "-c", _SAME_WHEN_LOADED, str(CORPUS_FILES[0])]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    n_regex, n_re = map(int, proc.stdout.split())
    assert n_regex > 300 and n_re > 30


def test_a_foreign_or_damaged_pattern_file_is_ignored(cache_dir: Path) -> None:
    path = patterncache.cache_file()
    assert path is not None
    path.parent.mkdir(parents=True)
    # a class outside the compiled-pattern allow list is refused, not constructed
    path.write_bytes(
        pickle.dumps({"format": 2, "regex": {("a", 0): Path("x")}, "re": {}}, protocol=4)
    )
    assert patterncache._read(path) == ({}, {})
    path.write_bytes(b"\x80\x04garbage")
    assert patterncache._read(path) == ({}, {})
    assert patterncache.compile("规划").search("十四五规划")


def _extract(doc: Path, out: Path, cache: str) -> dict[str, object]:
    env = {**os.environ, runcache.ENV_VAR: cache}
    cmd = [sys.executable, "-m", "policyparse", "extract", str(doc), "-f", "json", "-o", str(out)]
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    (written,) = out.glob("*.json")
    data: dict[str, object] = json.loads(written.read_text(encoding="utf-8"))
    data.pop("source", None)
    return data


def test_cli_output_is_the_same_with_a_cold_a_warm_and_no_cache(tmp_path: Path) -> None:
    doc = CORPUS_FILES[1]
    cache = tmp_path / "cache"
    off = _extract(doc, tmp_path / "off", "off")
    cold = _extract(doc, tmp_path / "cold", str(cache))
    assert any(cache.glob("patterns-*.pickle")) and any(cache.glob("yaml-*.marshal"))
    warm = _extract(doc, tmp_path / "warm", str(cache))
    assert off == cold == warm
    assert off["targets"] and off["responsible_units"]


def test_validated_rule_data_is_read_back_without_validating(cache_dir: Path) -> None:
    from policyparse.extract.quantities.rules import BoundRules

    text = ruledata.data_text("bounds.yaml")
    calls: list[int] = []

    def build() -> BoundRules:
        calls.append(1)
        raw = runcache.parsed_yaml("bounds.yaml", text, ruledata.parse_yaml)
        return ruledata.validate("bounds.yaml", raw, BoundRules)

    first = runcache.validated("bounds.yaml", text, BoundRules, build)
    second = runcache.validated("bounds.yaml", text, BoundRules, build)
    assert calls == [1]
    assert second == first and second is not first
    assert isinstance(second, BoundRules)
    (path,) = cache_dir.glob("model-*-bounds-*.pickle")

    # a change to the module that defines the model means validating again
    module = BoundRules.__module__
    runcache._SOURCE_DIGESTS[module] = "changed"
    try:
        assert runcache.validated("bounds.yaml", text, BoundRules, build) == first
        assert calls == [1, 1]
    finally:
        runcache._SOURCE_DIGESTS.pop(module, None)

    # a damaged file is validated again, never trusted
    path.write_bytes(b"\x00\x01")
    assert runcache.validated("bounds.yaml", text, BoundRules, build) == first
    assert len(calls) == 3


def test_a_model_file_naming_a_foreign_class_is_refused(cache_dir: Path) -> None:
    import marshal

    blob = pickle.dumps(Path("x"), protocol=4)
    with pytest.raises(pickle.UnpicklingError):
        runcache._ModelUnpickler(blob, frozenset({"pathlib"})).load()
    d = cache_dir
    d.mkdir(parents=True, exist_ok=True)
    bad = d / "model-x.pickle"
    bad.write_bytes(marshal.dumps(({}, blob)))
    assert runcache._read_model(bad, Path) is None


def test_every_rule_data_file_loads_the_same_from_the_cache(cache_dir: Path) -> None:
    for name in ruledata.SCHEMAS:
        model = ruledata.schema_for(name)
        text = ruledata.data_text(name)
        fresh = ruledata.validate(name, ruledata.parse_yaml(text), model)

        def build(name: str = name, model: type = model, text: str = text) -> object:
            return ruledata.validate(name, ruledata.parse_yaml(text), model)

        runcache.validated(name, text, model, build)
        again = runcache.validated(name, text, model, lambda: pytest.fail("not cached"))
        assert again == fresh, name


def test_no_home_directory_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(runcache.ENV_VAR, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert runcache.cache_dir() is None
    assert runcache.parsed_yaml("a.yaml", "a: 1", ruledata.parse_yaml) == {"a": 1}


def _letters(s: str) -> list[str]:
    _READ.append(s)
    return list(s)


_READ: list[str] = []


def test_kept_results_are_read_back_by_a_later_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(runcache.ENV_VAR, str(tmp_path))
    _READ.clear()
    first = runcache.kept("test-letters", lambda v: isinstance(v, list))(_letters)
    assert first("规划") == ["规", "划"]
    assert first("规划") == ["规", "划"]
    assert _READ == ["规划"]
    runcache.save_kept()
    assert len(list(tmp_path.glob("kept-*-test-letters-*.marshal"))) == 1
    later = runcache.kept("test-letters", lambda v: isinstance(v, list))(_letters)
    assert later("规划") == ["规", "划"]
    assert _READ == ["规划"]  # read back, not worked out again


def test_kept_result_the_check_refuses_is_worked_out_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(runcache.ENV_VAR, str(tmp_path))
    _READ.clear()
    runcache.kept("test-refused", lambda v: True)(_letters)("方案")
    runcache.save_kept()
    later = runcache.kept("test-refused", lambda v: isinstance(v, tuple))(_letters)
    assert later("方案") == ["方", "案"]
    assert _READ == ["方案", "方案"]


def test_a_compiled_module_is_known_by_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An extension file only loads the shared library: the digest that names a compiled
    module's cache entries is its source's, so an edited and rebuilt module starts afresh."""
    import hashlib
    import types
    from importlib.machinery import EXTENSION_SUFFIXES

    ext = tmp_path / f"shim{EXTENSION_SUFFIXES[0]}"
    ext.write_bytes(b"\x7fELF same bytes for every build")
    lone = tmp_path / f"lone{EXTENSION_SUFFIXES[0]}"
    lone.write_bytes(b"\x7fELF")
    for name, path in (("fake_compiled", ext), ("fake_lone", lone)):
        module = types.ModuleType(name)
        module.__file__ = str(path)
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(runcache, "_SOURCE_DIGESTS", {})
    (tmp_path / "shim.py").write_text("X = 1\n", encoding="utf-8")
    assert runcache.source_digest("fake_compiled") == hashlib.sha256(b"X = 1\n").hexdigest()
    assert runcache.source_digest("fake_lone") is None  # no source beside it: not cached
    monkeypatch.setattr(runcache, "_SOURCE_DIGESTS", {})
    (tmp_path / "shim.py").write_text("X = 2\n", encoding="utf-8")
    assert runcache.source_digest("fake_compiled") == hashlib.sha256(b"X = 2\n").hexdigest()
