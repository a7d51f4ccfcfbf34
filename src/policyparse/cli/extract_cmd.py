"""``policyparse extract``: read policy files and write their records."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer


class Format(str, Enum):
    """Output formats."""

    json = "json"
    yaml = "yaml"
    jsonl = "jsonl"


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to read.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Folder for one output file per input.")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
) -> None:
    """Extract records from policy files (txt, md; folders are walked)."""
    from ..api import parse_file
    from ..errors import PolicyParseError
    from ..export import dumps, write_atomic
    from .inputs import discover, output_path

    inputs, missing = discover(paths)
    for m in missing:
        typer.echo(f"PP100 {m}: no such file or folder", err=True)
    if not inputs and not missing:
        typer.echo("PP400 no readable files found", err=True)
        raise typer.Exit(2)
    if output is None and len(inputs) > 1 and fmt is not Format.jsonl:
        typer.echo("PP400 several inputs need -o DIR or --format jsonl", err=True)
        raise typer.Exit(2)
    failed = len(missing)
    for item in inputs:
        try:
            doc = parse_file(item.path)
            text = dumps(doc, fmt.value)
            if output is None:
                sys.stdout.write(text)
            else:
                write_atomic(output_path(output, item, fmt.value), text)
        except PolicyParseError as exc:
            failed += 1
            typer.echo(str(exc), err=True)
    if failed:
        raise typer.Exit(1)
