"""The console script's entry point: starts the command line with the collector paused.

Starting the CLI makes a great many long-lived objects (the libraries, the record models,
the stages' modules) and no garbage cycles, yet Python's cyclic collector would walk them
again and again while they are made (about 50 ms of a one-document run). So the collector is
paused while the command line and, for a command that parses, the pipeline are imported;
then what was built is frozen out of the collector's view (``gc.freeze``) and collection
resumes as usual for the command itself.
"""

from __future__ import annotations

import gc
import sys

_PARSING_COMMANDS = frozenset({"extract", "show", "check"})


def main() -> None:
    """Run the ``policyparse`` command line."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from .cli import main as cli_main

        if _PARSING_COMMANDS.intersection(sys.argv[1:2]):
            from .pipeline import import_stages

            import_stages()
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
    cli_main()
