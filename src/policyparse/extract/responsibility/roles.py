"""Roles of the units of a block: role words and labels first, then the document's convention.

A role word or a rank label (``牵头单位:``, ``配合单位:``, ``A牵头``, ``B配合``, ``C指导``) decides
the units it covers. Units with no rank (``责任单位:``, ``A负责``, no label at all) take part
when the block names a lead, follow a first-is-lead convention in force
(``位列第一的为牵头单位，下同``), and are ``unspecified`` otherwise: beside participants alone
(``（A负责，B配合）``) nothing marks them as leading.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...records.base import Role
from .compacted import Compact, compact
from .rules import compiled
from .units import Group

_RANKED: dict[str, Role] = {"lead": "lead", "participant": "participant", "guide": "guide"}


def convention_positions(norm: str, whole: Compact | None = None) -> list[int]:
    """Working-copy offsets of every first-is-lead convention stated in the document.

    White space is ignored, so a statement broken by a line break is found. ``whole`` is the
    compacted document, when the caller has it already.
    """
    c = compact(norm, 0, len(norm)) if whole is None else whole
    return [c.pos[m.start()] for m in compiled().convention.finditer(c.s) if m.end() > m.start()]


def convention_applies(
    positions: Sequence[int], block: tuple[int, int], blocks: Sequence[tuple[int, int]]
) -> bool:
    """Whether a convention is in force for ``block``.

    A convention holds from where it is stated (its own block included) to the end of the
    document; a note stated after the last block (or before none) holds for every block.
    """
    if not positions:
        return False
    last_block_start = max((b[0] for b in blocks), default=-1)
    for p in positions:
        if p <= block[1]:
            return True
        if p > last_block_start and not any(a <= p < b for a, b in blocks):
            return True
    return False


def assign_roles(groups: Sequence[Group], convention: bool) -> list[list[Role]]:
    """The role of every unit of every group, in the same nesting.

    Under a first-is-lead convention the first unit of the block is the lead and the others
    take part; a role word or rank label overrides it for the units it covers
    (``（A、B指导，C、D负责）``: A and B guide, C and D take part, as the units after the first).
    Units that provide support (``C提供技术支持``) take part beside other units; alone they have
    no rank but the convention's.
    """
    has_lead = any(g.role == "lead" for g in groups)
    # units that provide support (``C提供技术支持``) take part beside other units
    others = any(g.items and g.role != "support" for g in groups)
    out: list[list[Role]] = []
    first = True  # the first unit of the block
    for g in groups:
        roles: list[Role] = []
        ranked = _RANKED.get(g.role or "")
        for _item in g.items:
            if g.detached:
                # units a ranked role word after them does not cover: only a convention ranks them
                roles.append(("lead" if first else "participant") if convention else "unspecified")
            elif ranked is not None:
                roles.append(ranked)
            elif has_lead or (g.role == "support" and others):
                roles.append("participant")
            elif convention:
                roles.append("lead" if first else "participant")
            else:
                roles.append("unspecified")
            first = False
        out.append(roles)
    return out
