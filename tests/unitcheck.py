"""The units the responsibility stage finds in a text, with their spans checked (for tests)."""

from __future__ import annotations

from policyparse.extract import responsibility
from policyparse.pipeline import build_context

L, P, G, U = "lead", "participant", "guide", "unspecified"


def units_of(text: str) -> list[tuple[str, str]]:
    """``(name, role)`` of every unit found in ``text``; each span holds its unit's name (white
    space aside), or the start of it for a name written whole from a shared head."""
    ctx = build_context(text)
    responsibility.run(ctx)
    for u in ctx.responsible_units:
        evidence = "".join(ctx.text[u.span.start : u.span.end].split())
        assert evidence == u.name or u.name.startswith(evidence)
    return [(u.name, u.role) for u in ctx.responsible_units]
