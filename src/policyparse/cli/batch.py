"""Running the per-document function over many files: in this process or in worker processes.

The jieba dictionary and every stage's rule data are loaded once, in the fork server the
workers are forked from (the pool's initializer makes sure of it in each worker, also where
workers are spawned). Results come back in input order. A failed file gives a result with
its error code, never an exception; a worker that dies (a crash, or killed for memory) is
replaced, and the files it may have been reading are retried one at a time so that the one
that kills a worker is named and the others still succeed.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .. import patterncache
from ..errors import TimeLimitExceeded, WorkerDied

Mode = Literal["file", "text", "tables"]


@dataclass(frozen=True)
class Task:
    """One input: where to read it, and what to do with the document."""

    index: int
    path: str
    mode: Mode
    fmt: str = "json"
    out: str | None = None
    """The output file (mode ``file``)."""
    timeout: float | None = None
    """Seconds one file may take (``None``: no limit)."""


@dataclass
class Result:
    """What became of one input."""

    index: int
    path: str
    ok: bool
    error: str | None = None
    """One line: the error code, the file and the message."""
    code: str | None = None
    text: str | None = None
    """The document in the output format (mode ``text``)."""
    tables: dict[str, list[dict[str, Any]]] | None = field(default=None)
    """Rows of every CSV table (mode ``tables``)."""
    chars: int = 0


def default_jobs() -> int:
    """Worker processes to use by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


_WARM_UP = "一、总体要求\n（一）到2025年底，建成平台10个以上。（省发展改革委牵头，省科技厅配合）"


def warm_up() -> None:
    """Load the jieba dictionary and run every stage once (rule data, compiled patterns).

    Patterns it had to compile go to the run cache. What is loaded then lives as long as the
    process: it is moved out of the cyclic garbage collector's view (``gc.freeze``), so that
    collections in a worker do not walk the dictionary, and forked workers keep sharing its
    memory pages.
    """
    from ..segment import tokenizer

    tokenizer()
    try:
        from ..api import parse

        parse(_WARM_UP)
    except Exception:  # a broken stage shows on the first real file, with its name
        pass
    # a worker ends without running exit handlers: what it compiled is saved for later runs now
    patterncache.save()
    gc.collect()
    gc.freeze()


def init_worker() -> None:
    """Pool initializer: leave Ctrl-C to the parent, load the dictionary once, and warm every
    stage so that the first file's time limit is its own. (A worker forked from a warm fork
    server finds all of it done.)"""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()


class _TimeUp(BaseException):
    """Raised by the alarm inside a task that ran past its time limit."""


def _on_alarm(signum: int, frame: object) -> None:
    raise _TimeUp


def _timeout_message(seconds: float) -> str:
    return f"gave up after {seconds:g} s: the document is too large or too complex to read"


def run_task(task: Task) -> Result:
    """Read, parse and write one input; every failure becomes a result with a code.

    With ``task.timeout`` an alarm stops the task when it runs too long (main thread only).
    """
    use_alarm = (
        task.timeout is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not use_alarm:
        return _run_task(task)
    assert task.timeout is not None
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, task.timeout)
    try:
        return _run_task(task)
    except _TimeUp:
        return _internal(task, TimeLimitExceeded.code, _timeout_message(task.timeout))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run_task(task: Task) -> Result:
    from ..api import parse_file
    from ..errors import PolicyParseError

    try:
        doc = parse_file(task.path)
        result = Result(task.index, task.path, ok=True, chars=len(doc.text))
        if task.mode == "file":
            from ..export import dumps, write_atomic

            assert task.out is not None
            write_atomic(Path(task.out), dumps(doc, task.fmt))
        elif task.mode == "text":
            from ..export import dumps

            result.text = dumps(doc, task.fmt)
        else:
            from ..export import CsvTables

            result.tables = CsvTables.document_rows(doc)
        return result
    except PolicyParseError as exc:
        line = str(exc).replace("\r", " ").replace("\n", " ")
        return Result(task.index, task.path, ok=False, error=line, code=exc.code)
    except MemoryError:
        return _internal(task, "PP105", "out of memory while reading this file")
    except RecursionError:
        return _internal(task, "PP106", "structures nested too deeply to read")
    except Exception as exc:
        return _internal(task, "PP000", f"internal error: {type(exc).__name__}: {exc}"[:300])


def _internal(task: Task, code: str, message: str) -> Result:
    error = " ".join(f"{code} {task.path}: {message}".splitlines())
    return Result(task.index, task.path, ok=False, error=error, code=code)


def _crashed(task: Task) -> Result:
    return _internal(task, WorkerDied.code, "the worker process reading this file died")


def _pool(workers: int) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    ctx: Any
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["policyparse.cli._warm"])
    else:  # pragma: no cover - Windows, macOS without forkserver
        ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker)


_GRACE = 30.0
"""Seconds past a task's time limit before its worker is killed (the alarm did not stop it)."""


_AHEAD = 256
"""Most inputs started past the oldest unfinished one (bounds the results held for order)."""
_STARTUP = 120.0
"""Seconds a new worker may take to start (import, dictionary) before it counts as stuck."""


def _ready() -> bool:
    """A task that does nothing: done once a worker has started."""
    return True


def _kill(pool: ProcessPoolExecutor) -> None:
    procs = getattr(pool, "_processes", None) or {}
    for proc in list(procs.values()):
        proc.kill()


def _alone(task: Task, fn: Callable[[Task], Result]) -> Result:
    """Run one task in a pool of its own, so a crash or a hang is pinned on it."""
    pool = _pool(1)
    try:
        pool.submit(_ready).result(timeout=_STARTUP)
        fut = pool.submit(fn, task)
        limit = None if task.timeout is None else task.timeout + _GRACE
        return fut.result(timeout=limit)
    except BrokenProcessPool:
        return _crashed(task)
    except FutureTimeout:
        _kill(pool)
        return _internal(task, TimeLimitExceeded.code, _timeout_message(task.timeout or 0))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _in_pool(tasks: list[Task], workers: int, fn: Callable[[Task], Result]) -> Iterator[Result]:
    queue = list(reversed(tasks))
    window = workers * 2
    pool = _pool(workers)
    pending: dict[Future[Result], Task] = {}
    limit = tasks[0].timeout if tasks else None
    last_progress = time.monotonic()
    started = False  # a result came back from this pool: its workers are up
    try:
        while queue or pending:
            while queue and len(pending) < window:
                oldest = min((t.index for t in pending.values()), default=queue[-1].index)
                if queue[-1].index - oldest > _AHEAD:
                    break  # results wait for a slow file to keep their order: hold back
                task = queue.pop()
                pending[pool.submit(fn, task)] = task
            done, _ = wait(pending, timeout=5.0, return_when=FIRST_COMPLETED)
            if done:
                last_progress = time.monotonic()
                started = True
            elif limit is not None:
                allowed = limit + _GRACE + (0.0 if started else _STARTUP)
                if time.monotonic() - last_progress > allowed:
                    _kill(pool)  # a worker is stuck where the alarm cannot reach it
                    last_progress = time.monotonic()
                continue
            broken: list[Task] = []
            for fut in done:
                task = pending.pop(fut)
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    broken.append(task)
            if broken:
                broken += pending.values()
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                for task in sorted(broken, key=lambda t: t.index):
                    yield _alone(task, fn)
                pool = _pool(workers)
                started = False
                last_progress = time.monotonic()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def run(
    tasks: Iterable[Task],
    *,
    jobs: int,
    on_done: Callable[[Result], None] | None = None,
    fn: Callable[[Task], Result] = run_task,
) -> Iterator[Result]:
    """Results of ``tasks`` in their order; ``on_done`` hears of each as soon as it ends.

    ``fn`` is the per-task function (a module-level function, run in the workers)."""
    todo = list(tasks)
    workers = min(jobs, len(todo))
    if workers <= 1:
        for task in todo:
            result = fn(task)
            if on_done is not None:
                on_done(result)
            yield result
        return
    waiting: dict[int, Result] = {}
    order = [t.index for t in todo]
    k = 0
    for result in _in_pool(todo, workers, fn):
        if on_done is not None:
            on_done(result)
        waiting[result.index] = result
        while k < len(order) and order[k] in waiting:
            yield waiting.pop(order[k])
            k += 1
