"""``policyparse check``: score extraction against a corpus of gold files and gate CI on it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def check(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Corpus folders, gold files (*.gold.yaml) or documents."),
    ],
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", "-c", help="Thresholds and known misses [default: DIR/check.yaml]."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List misses and false hits with quotes.")
    ] = False,
    update_thresholds: Annotated[
        bool,
        typer.Option(
            "--update-thresholds",
            help="Set every threshold in the config file to the current score (rounded down).",
        ),
    ] = False,
) -> None:
    """Extract every document that has a gold file, score it, and fail when scores drop.

    Exit status: 0 passed; 1 a score below its threshold, a known miss that now passes, or an
    invalid gold file or config; 2 nothing to check.
    """
    from dataclasses import replace

    from ..check import report
    from ..check.config import CONFIG_NAME, floor3, load_config, write_thresholds
    from ..check.run import default_config_path, run_check

    config_path = config or default_config_path(paths)
    if config is not None and not config.is_file():
        typer.echo(f"PP201 {config}: no such config file", err=True)
        raise typer.Exit(2)
    result = run_check(paths, config_path=config_path)
    if not result.documents and not result.errors:
        typer.echo("PP400 no gold files (*.gold.yaml) found", err=True)
        raise typer.Exit(2)
    if update_thresholds:
        if result.errors:
            typer.echo("thresholds not updated: fix the errors first", err=True)
        else:
            folder = paths[0] if paths[0].is_dir() else paths[0].parent
            target = config_path or folder / CONFIG_NAME
            values = result.overall.values()
            write_thresholds(target, {n: floor3(v or 0.0) for n, v in values.items()})
            typer.echo(f"wrote thresholds to {target}", err=True)
            result = replace(result, config=load_config(target), config_path=target)
    for e in result.errors:
        typer.echo(str(e), err=True)
    if as_json:
        sys.stdout.write(report.to_json(result, details=verbose))
        for line in report.failures(result):
            typer.echo(line, err=True)
    else:
        if verbose:
            sys.stdout.write(report.verbose(result) + "\n")
        sys.stdout.write(report.table(result))
    if not result.ok:
        raise typer.Exit(1)
