"""Notes in brackets that give a block more units, division names holding a conjunction, and
``|`` continuation rows whose first bar cuts an empty first cell.

``县自然资源局（以下均需各镇人民政府落实，不再列出）``: the bracket is a note, not part of the
unit's name; its units join the block. ``国有林场和种苗管理处`` is one division of a department
(with or without the department before it), while ``改革发展处和人事处`` and
``市林业局和种苗管理处`` are two units. Under a row ``1|任务|A|C`` the line ``||B|`` carries
``B`` into the cell above it.
"""

from __future__ import annotations

import pytest

from .unitcheck import L, P, U, units_of

Case = tuple[str, str, list[tuple[str, str]]]

NOTES: list[Case] = [
    (
        "a note that every later task is also the towns'",
        "（二）加强耕地保护。严格落实耕地保护责任。（责任单位：县自然资源局（以下均需各镇人民政府落实，"
        "不再列出））\n（三）推进高标准农田建设。（责任单位：县农业农村局）\n",
        [("县自然资源局", U), ("各镇人民政府", U), ("县农业农村局", U)],
    ),
    (
        "a note naming the sub-district offices",
        "（四）推广绿色种养。（责任单位：区农业农村局（其他任务由各街道办事处负责落实））\n",
        [("区农业农村局", U), ("各街道办事处", U)],
    ),
    (
        "an alias in brackets stays part of the name",
        "（五）加强质量监管。（牵头单位：县市场监管局（县知识产权局））\n",
        [("县市场监管局（县知识产权局）", L)],
    ),
]

DIVISIONS: list[Case] = [
    (
        "a division whose name holds 和, after its department",
        "（一）完善种苗体系。（责任单位：市林业局国有林场和种苗管理处）\n"
        "（二）加强法规建设。（责任单位：市林业局政策法规与改革处、市司法局）\n",
        [("市林业局国有林场和种苗管理处", U), ("市林业局政策法规与改革处", U), ("市司法局", U)],
    ),
    (
        "two divisions, and a department with a division, are two units each",
        "（一）强化人才队伍。（责任单位：省林业局改革发展处和人事处）\n"
        "（二）推进协同。（责任单位：国有林场和种苗管理处、市林业局和种苗管理处）\n",
        [
            ("省林业局改革发展处", U),
            ("人事处", U),
            ("国有林场和种苗管理处", U),
            ("市林业局", U),
            ("种苗管理处", U),
        ],
    ),
]

BAR_ROWS: list[Case] = [
    (
        "a continuation row opening with two bars",
        "序号|重点任务|牵头单位|配合单位\n1|建设应急指挥平台|市应急管理局|市消防救援支队\n"
        "||国家消防救援局|\n2|完善预案|市应急局|市公安局\n",
        [
            ("市应急管理局", L),
            ("国家消防救援局", L),
            ("市消防救援支队", P),
            ("市应急局", L),
            ("市公安局", P),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(t, e) for _, t, e in NOTES + DIVISIONS + BAR_ROWS],
    ids=[n for n, _, _ in NOTES + DIVISIONS + BAR_ROWS],
)
def test_units(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected
