"""The targets stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...pipeline import Context


def run(ctx: Context) -> None:
    """Add this stage's records to ``ctx`` (filled in by the stage's implementation)."""
