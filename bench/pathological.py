"""Time every pipeline step on pathological text at two sizes, to find super-linear code.

    python bench/pathological.py                 # every case, sizes 5,000 and 20,000
    python bench/pathological.py digits han --sizes 10000 40000

For each case and step it prints the seconds at both sizes and the growth exponent
(1 is linear, 2 quadratic). A step that takes longer than ``--limit`` seconds is stopped
and shown as ``>limit``.
"""

from __future__ import annotations

import argparse
import importlib
import math
import signal
import time
from collections.abc import Callable

CASES: dict[str, Callable[[int], str]] = {
    "han_line": lambda n: ("加强组织领导" * n)[:n],
    "mixed_line": lambda n: ("到2025年产值达到100亿元" * n)[:n],
    "nested_cn": lambda n: "（" * (n // 2) + "内容" + "）" * (n // 2),
    "nested_ascii": lambda n: "(" * (n // 2) + "x" + ")" * (n // 2),
    "nested_book": lambda n: "《" * (n // 2) + "规划" + "》" * (n // 2),
    "digits": lambda n: "1" * n,
    "digits_dot": lambda n: "1." * (n // 2),
    "newlines": lambda n: "\n" * n,
    "spaces": lambda n: " " * n + "x",
    "headings": lambda n: "一、加强领导\n" * (n // 7),
    "provisions": lambda n: ("（一）加强领导。到2025年，建成10个平台。\n" * n)[:n],
    "amounts": lambda n: ("100亿元、" * n)[:n],
    "commas": lambda n: "，" * n,
    "units": lambda n: ("省发展改革委、" * n)[:n],
}


class _Stop(BaseException):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Stop


def _steps() -> list[tuple[str, Callable[[object], object]]]:
    from policyparse.meta import read_meta
    from policyparse.normalize import normalize
    from policyparse.pipeline import STAGES
    from policyparse.structure import build_outline

    state: dict[str, object] = {}

    def norm(text: object) -> object:
        state["work"] = normalize(str(text))
        return None

    def outline(_: object) -> object:
        state["outline"] = build_outline(state["work"])  # type: ignore[arg-type]
        return None

    def meta(_: object) -> object:
        from policyparse.pipeline import Context

        work, out = state["work"], state["outline"]
        m = read_meta(work, out)  # type: ignore[arg-type]
        state["ctx"] = Context(text=work.text, work=work, outline=out, meta=m)  # type: ignore[attr-defined,arg-type]
        return None

    steps: list[tuple[str, Callable[[object], object]]] = [
        ("normalize", norm),
        ("outline", outline),
        ("meta", meta),
    ]
    for path in STAGES:
        run = importlib.import_module(path).run
        steps.append((path.rsplit(".", 1)[-1], lambda _, run=run: run(state["ctx"])))
    return steps


def measure(text: str, limit: float) -> dict[str, float]:
    """Seconds per step; ``inf`` for a step stopped at ``limit`` (later steps are skipped)."""
    out: dict[str, float] = {}
    signal.signal(signal.SIGALRM, _alarm)
    for name, step in _steps():
        signal.setitimer(signal.ITIMER_REAL, limit)
        start = time.perf_counter()
        try:
            step(text)
            out[name] = time.perf_counter() - start
        except _Stop:
            out[name] = math.inf
            break
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", default=list(CASES))
    parser.add_argument("--sizes", nargs=2, type=int, default=[5000, 20000])
    parser.add_argument("--limit", type=float, default=30.0)
    args = parser.parse_args()
    from policyparse.segment import tokenizer

    tokenizer()
    small, big = args.sizes
    print(f"{'case':14s} {'step':16s} {small:>9d} {big:>9d}  exponent")
    for case in args.cases:
        a = measure(CASES[case](small), args.limit)
        b = measure(CASES[case](big), args.limit)
        for step in a:
            ta, tb = a[step], b.get(step, math.nan)
            if math.isnan(tb):
                print(f"{case:14s} {step:16s} {ta:9.2f} {'-':>9s}  (not reached)", flush=True)
                continue
            if ta < 0.01 and tb < 0.05:
                continue
            growth = math.log(tb / ta) / math.log(big / small) if ta > 0 else math.nan
            exp = "" if math.isinf(tb) or math.isnan(growth) else f"{growth:.1f}"
            fa = f">{args.limit:g}" if math.isinf(ta) else f"{ta:.2f}"
            fb = f">{args.limit:g}" if math.isinf(tb) else f"{tb:.2f}"
            print(f"{case:14s} {step:16s} {fa:>9s} {fb:>9s}  {exp}", flush=True)


if __name__ == "__main__":
    main()
