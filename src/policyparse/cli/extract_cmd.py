"""``policyparse extract``: read policy files and write their records."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

if TYPE_CHECKING:
    from ..export import CsvTables
    from .batch import Mode, Result, Task

SMALL_BATCH = 8
"""Without ``--jobs``, fewer inputs than this are read in the CLI's own process."""
JSONL_NAME = "documents.jsonl"
"""The file ``--format jsonl -o DIR`` streams every document into."""


class Format(str, Enum):
    """Output formats."""

    json = "json"
    yaml = "yaml"
    jsonl = "jsonl"
    csv = "csv"


def _usage(message: str) -> typer.Exit:
    typer.echo(f"PP400 {message}", err=True)
    return typer.Exit(2)


def _existing_jsonl(target: Path, sink: TextIO) -> set[str]:
    """Copy the documents already in ``target`` to ``sink``; the paths they came from."""
    import json

    paths: set[str] = set()
    if not target.is_file():
        return paths
    with target.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                path = json.loads(line)["source"]["path"]
            except (ValueError, KeyError, TypeError):
                continue  # a damaged line is dropped; its input is read again
            sink.write(line if line.endswith("\n") else line + "\n")
            if isinstance(path, str):
                paths.add(path)
    return paths


def extract(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files, folders (walked) or glob patterns such as 'in/**/*.pdf'."),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Folder for the output files; with --format jsonl also a FILE.jsonl.",
        ),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes [default: all cores]."),
    ] = None,
    skip_existing: Annotated[
        bool,
        typer.Option("--skip-existing", help="Skip inputs whose output is already there."),
    ] = False,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout", min=0, help="Seconds one file may take before it fails (0: no limit)."
        ),
    ] = 300.0,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")
    ] = False,
) -> None:
    """Extract records from policy files (txt, md, html, docx, pdf; folders are walked).

    Exit status: 0 every file succeeded, 1 some failed, 2 usage error.
    """
    from .batch import Task, default_jobs, run
    from .inputs import discover, output_path
    from .progress import Progress

    started = time.monotonic()
    inputs, missing = discover(paths)
    for m in missing:
        typer.echo(f"PP100 {m}: no such file or folder", err=True)
    if not inputs and not missing:
        raise _usage("no readable files found")
    if fmt is Format.csv and (output is None or output.suffix.lower() == ".csv"):
        raise _usage("--format csv needs -o DIR (one table per record kind goes into it)")
    if output is None and len(inputs) > 1 and fmt in (Format.json, Format.yaml):
        raise _usage("several inputs need -o DIR or --format jsonl")
    jsonl_file = fmt is Format.jsonl and output is not None and output.suffix.lower() == ".jsonl"
    if output is not None and output.exists() and not output.is_dir() and not jsonl_file:
        raise _usage(f"{output} is a file, not a folder")

    stream_target: Path | None = None
    if fmt is Format.jsonl and output is not None:
        is_file = output.suffix.lower() == ".jsonl" and not output.is_dir()
        stream_target = output if is_file else output / JSONL_NAME

    tasks: list[Task] = []
    skipped = 0
    mode: Mode = "tables" if fmt is Format.csv else "text"
    if output is not None and stream_target is None and fmt is not Format.csv:
        mode = "file"
    for i, item in enumerate(inputs):
        out = str(output_path(output, item, fmt.value)) if mode == "file" and output else None
        if skip_existing and out is not None and Path(out).exists():
            skipped += 1
            continue
        limit = timeout or None
        tasks.append(Task(i, str(item.path), mode, fmt.value, out, limit))

    # Starting workers costs about what reading a few files does: without --jobs, a small
    # batch is read in this process.
    n_jobs = jobs or (default_jobs() if len(tasks) >= SMALL_BATCH else 1)
    progress = Progress(
        len(inputs),
        enabled=not quiet and len(inputs) > 1 and sys.stderr.isatty(),
    )
    progress.done = skipped
    codes: Counter[str] = Counter()
    written = 0

    def on_done(result: Result) -> None:
        progress.advance(failed=not result.ok)

    def report(result: Result) -> None:
        nonlocal written
        if result.ok:
            written += 1
        else:
            codes[result.code or "PP000"] += 1
            progress.echo(result.error or f"PP000 {result.path}: failed")

    try:
        if fmt is Format.csv:
            from ..export import CsvTables

            assert output is not None
            tables = CsvTables(output)
            done_paths = tables.keep_existing() if skip_existing else set()
            todo = [t for t in tasks if t.path not in done_paths]
            skipped += len(tasks) - len(todo)
            progress.done += len(tasks) - len(todo)
            _run_tables(tables, todo, n_jobs, on_done, report)
        elif stream_target is not None:
            from ..export import open_atomic

            with open_atomic(stream_target) as sink:
                done_paths = _existing_jsonl(stream_target, sink) if skip_existing else set()
                todo = [t for t in tasks if t.path not in done_paths]
                skipped += len(tasks) - len(todo)
                progress.done += len(tasks) - len(todo)
                for result in run(todo, jobs=n_jobs, on_done=on_done):
                    report(result)
                    if result.text is not None:
                        sink.write(result.text)
        else:
            for result in run(tasks, jobs=n_jobs, on_done=on_done):
                report(result)
                if result.text is not None:
                    sys.stdout.write(result.text)
                    sys.stdout.flush()
    except BrokenPipeError:  # the reader of stdout went away (``| head``): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        progress.close()
        typer.echo("interrupted: unfinished output files were not written", err=True)
        raise typer.Exit(130) from None
    finally:
        progress.close()

    failed = sum(codes.values()) + len(missing)  # before PP100 joins the codes
    if not quiet and (len(inputs) + len(missing) > 1 or skipped):
        total = len(inputs) + len(missing)
        parts = [f"{total} file{'s' if total != 1 else ''}: {written} ok"]
        if skipped:
            parts.append(f"{skipped} skipped")
        if failed:
            codes["PP100"] += len(missing)
            detail = ", ".join(f"{c}: {n}" for c, n in sorted(codes.items()) if n)
            parts.append(f"{failed} failed ({detail})")
        typer.echo(", ".join(parts) + f" in {time.monotonic() - started:.1f} s", err=True)
    if failed:
        raise typer.Exit(1)


def _run_tables(
    tables: CsvTables,
    tasks: list[Task],
    jobs: int,
    on_done: Callable[[Result], None],
    report: Callable[[Result], None],
) -> None:
    """``--format csv``: every document's rows into one table per record kind."""
    from .batch import run

    try:
        for result in run(tasks, jobs=jobs, on_done=on_done):
            report(result)
            if result.tables is not None:
                tables.add_rows(result.path, result.tables)
    except BaseException:
        tables.discard()
        raise
    tables.close()
