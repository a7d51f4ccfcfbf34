"""Throughput and peak memory of ``parse()`` beside ``jieba.lcut`` on the same text.

    python bench/bench_parse.py                    # corpus/, best of 5 rounds, 40-file batch
    python bench/bench_parse.py --rounds 5 --copies 20 --jobs 2

Measured in one run, side by side, on the text of every ``corpus/*.txt``:
- ``parse()`` in this process (all stages, and all but the entities stage);
- ``jieba.lcut`` alone (jieba's default dictionary) and policyparse's own tokenizer;
- ``policyparse extract --jobs N`` over a folder of corpus copies (wall time from process
  start, so worker start-up is included);
- a one-document CLI run from a cold start (a new process), best of three: with the run
  cache filled by an earlier run, and with an empty one.

Characters per second are code points of document text. Peak memory: the largest Python
heap during the measured calls (tracemalloc, measured in a separate pass so it does not slow
the timed one) and, for the batch, the largest resident set of a worker.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _timed(fn: Callable[[], object], rounds: int) -> float:
    """CPU seconds of this process for one call: the best of ``rounds`` calls."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def _interleaved(fns: list[Callable[[], object]], rounds: int) -> list[float]:
    """Like :func:`_timed` for several functions, taking turns, so that they share the
    machine's ups and downs alike."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for k, fn in enumerate(fns):
            best[k] = min(best[k], _timed(fn, 1))
    return best


def _peak_mb(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _cli(
    args: list[str], env: dict[str, str] | None = None
) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "policyparse", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    return time.perf_counter() - start, proc


def _bytecode_env(prefix: str) -> dict[str, str]:
    """The environment of a process whose compiled modules are cached under ``prefix``.

    An installed package has its bytecode compiled at install time; a process started with
    ``PYTHONDONTWRITEBYTECODE`` from an editable install compiles every changed module again.
    The cold run is measured in the installed state: one unmeasured run fills the cache.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = prefix
    return env


def _cold_runs(
    args: list[str], env: dict[str, str] | None, fresh_cache: Path | None = None
) -> tuple[float, float]:
    """Best wall and CPU seconds of three new processes running ``args``; with
    ``fresh_cache``, each run starts with an empty run cache of its own under it."""
    wall: list[float] = []
    cpu: list[float] = []
    for i in range(3):
        run_env = env
        if fresh_cache is not None:
            run_env = {**(env or os.environ), "POLICYPARSE_CACHE_DIR": str(fresh_cache / str(i))}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall.append(_cli(args, run_env)[0])
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return min(wall), min(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--rounds", type=int, default=5, help="best of N rounds")
    parser.add_argument("--copies", type=int, default=8, help="corpus copies in the batch")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    import jieba

    import policyparse
    from policyparse import pipeline
    from policyparse.segment import tokenizer

    files = sorted(args.corpus.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    chars = sum(len(t) for t in texts)
    jieba.setLogLevel(60)
    jieba.initialize()
    tok = tokenizer()
    for t in texts:  # warm-up: dictionaries, rule data, regex caches
        policyparse.parse(t)

    all_stages = pipeline.STAGES
    no_ner = tuple(s for s in all_stages if not s.endswith(".entities"))

    def parse_all() -> None:
        for t in texts:
            policyparse.parse(t)

    def parse_no_ner() -> None:
        pipeline.STAGES = no_ner
        try:
            parse_all()
        finally:
            pipeline.STAGES = all_stages

    def jieba_all() -> None:
        for t in texts:
            jieba.lcut(t)

    def tok_all() -> None:
        for t in texts:
            tok.lcut(t)

    rows: list[tuple[str, float, str]] = []
    measured: list[tuple[str, Callable[[], object]]] = [
        ("parse(), every stage", parse_all),
        ("parse(), every stage but entities", parse_no_ner),
        ("jieba.lcut (default dictionary)", jieba_all),
        ("policyparse tokenizer (jieba + user dictionary)", tok_all),
    ]
    times = _interleaved([fn for _, fn in measured], args.rounds)
    for (name, fn), seconds in zip(measured, times, strict=True):
        rows.append((name, chars / seconds, f"{_peak_mb(fn):.1f} MB heap"))

    readers: list[tuple[str, float]] = []
    try:  # the test suite's builders (reportlab, python-docx: the [test] extra)
        sys.path.insert(0, str(ROOT))
        from tests.test_readers_formats import as_docx, as_html, as_pdf
        from tests.wordbinary import as_doc

        from policyparse.readers import read_bytes

        for name, build in (
            ("html", lambda t: as_html(t, "utf-8")),
            ("docx", as_docx),
            ("doc", as_doc),
            ("pdf", as_pdf),
        ):
            blobs = [build(t) for t in texts]
            seconds = _timed(
                lambda blobs=blobs, name=name: [read_bytes(b, path=f"x.{name}") for b in blobs], 1
            )
            readers.append((name, chars / seconds))
    except ImportError as exc:
        sys.stderr.write(f"readers not measured: {exc}\n")

    def batch(copies: int, tmp: Path) -> float:
        src, out = tmp / "in", tmp / "out"
        src.mkdir(parents=True)
        for k in range(copies):
            for p in files:
                shutil.copy(p, src / f"{k:03d}_{p.name}")
        wall, proc = _cli(["extract", str(src), "-o", str(out), "-j", str(args.jobs), "-q"])
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
        return wall

    with tempfile.TemporaryDirectory() as tmp:
        small = min(batch(1, Path(tmp) / f"s{k}") for k in range(2))
        wall = min(batch(args.copies, Path(tmp) / f"b{k}") for k in range(2))
    worker_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    n_files = args.copies * len(files)
    rows.append(
        (
            f"extract --jobs {args.jobs}, {n_files} files (wall time, with start-up)",
            chars * args.copies / wall,
            f"{worker_rss:.0f} MB RSS per process",
        )
    )
    if wall > 1.5 * small:  # else start-up dominates both and the difference means nothing
        rows.append(
            (
                f"extract --jobs {args.jobs}, steady state ({n_files} minus {len(files)} files)",
                chars * (args.copies - 1) / (wall - small),
                "",
            )
        )
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    one_doc = ["extract", str(files[0]), "-f", "json"]
    with tempfile.TemporaryDirectory() as prefix:
        installed = _bytecode_env(prefix)
        installed["POLICYPARSE_CACHE_DIR"] = str(Path(prefix) / "runcache")
        _cli(one_doc, installed)  # compiles the bytecode and fills the run cache
        cold, cold_cpu = _cold_runs(one_doc, installed)
        first, first_cpu = _cold_runs(one_doc, installed, Path(prefix) / "empty")
        help_run = min(_cli(["--help"], installed)[0] for _ in range(3))
    as_is = _cold_runs(one_doc, None) if os.environ.get("PYTHONDONTWRITEBYTECODE") else None

    jieba_rate = rows[2][1]
    print(f"corpus: {len(files)} documents, {chars:,} characters; best of {args.rounds} rounds\n")
    print("| what | characters/s | × jieba.lcut | peak memory |")
    print("|---|---:|---:|---:|")
    for name, rate, mem in rows:
        print(f"| {name} | {rate:,.0f} | {rate / jieba_rate:.2f} | {mem} |")
    print()
    for name, rate in readers:
        print(f"reading {name} (text extraction only): {rate:,.0f} characters/s")
    print()
    print(
        f"one-document CLI run, cold (`policyparse extract {files[0].name}`, bytecode "
        f"compiled as after an install, run cache filled by an earlier run): {cold:.2f} s "
        f"wall, {cold_cpu:.2f} s CPU (best of 3)"
    )
    print(
        "the same, first run with an empty run cache (patterns compiled and rule data "
        f"parsed, then saved): {first:.2f} s wall, {first_cpu:.2f} s CPU (best of 3)"
    )
    if as_is is not None:
        print(
            "the same with PYTHONDONTWRITEBYTECODE set, as in this environment (changed "
            f"modules compiled from source each run): {as_is[0]:.2f} s wall, "
            f"{as_is[1]:.2f} s CPU (best of 3)"
        )
    print(f"`policyparse --help`: {help_run:.2f} s (best of 3)")
    print(f"this process (jieba dictionaries loaded, every stage warm): {self_rss:.0f} MB RSS")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load}")
    from policyparse.compiled import compiled_modules

    n_compiled = len(compiled_modules())
    print(
        f"compiled modules (mypyc): {n_compiled}"
        if n_compiled
        else "plain Python (no module compiled)"
    )


if __name__ == "__main__":
    main()
