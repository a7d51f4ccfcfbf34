"""The ``policyparse`` command line (Typer). Commands are thin wrappers over the library."""

from __future__ import annotations

import typer

from . import check_cmd, extract_cmd, schema_cmd, show_cmd

app = typer.Typer(
    name="policyparse",
    help="Structured, source-grounded records from Chinese policy documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("extract")(extract_cmd.extract)
app.command("show")(show_cmd.show)
app.command("schema")(schema_cmd.schema)
app.command("check")(check_cmd.check)


def main() -> None:
    """Console-script entry point."""
    app()
