"""``policyparse schema``: write the JSON Schema of the exported document."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

SCHEMA_FILE = "policy-document.schema.json"


def schema(
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Folder to write policy-document.schema.json into."),
    ] = None,
) -> None:
    """Print or write the JSON Schema of policyparse's output."""
    from ..export import schema_text, write_atomic

    text = schema_text()
    if output is None:
        typer.echo(text, nl=False)
        return
    write_atomic(output / SCHEMA_FILE, text)
    typer.echo(f"wrote {output / SCHEMA_FILE}", err=True)
