"""Clauses after a comma that name units and roles, table rows cut by a page break, and long
field words before a shared category head.

``…列支，由A会同B负责。``: a clause that opens with ``由`` after a comma or semicolon and closes
its sentence is read like a sentence of units and roles after a full stop, inside a provision
only. A unit cell that a page break (blank lines, a page-number line) cut goes on in the
continuation row on the next page (``…、县`` + ``— 12 —`` + ``| | | | 供销合作社 |``). A field
word longer than eight characters takes the category head after it when it ends with the field
of a known department (``各省级人力资源社会保障、教育部门`` → ``各省级人力资源社会保障部门``,
``教育部门``).
"""

from __future__ import annotations

import pytest

from policyparse.extract import responsibility
from policyparse.pipeline import build_context

from .unitcheck import L, P, U, units_of

Case = tuple[str, str, list[tuple[str, str]]]

COMMA_CLAUSES: list[Case] = [
    (
        "由A会同B负责 after a comma",
        "（二）落实社保补贴。对招用就业困难人员的企业给予社保补贴，资金从失业保险基金中列支，"
        "由省人力资源社会保障厅会同省财政厅负责。",
        [("省人力资源社会保障厅", L), ("省财政厅", P)],
    ),
    (
        "由A会同B、C负责 after a comma",
        "3.推进产教融合。引导职业院校动态调整专业设置，由市教育局会同市发展改革委、"
        "市人力资源社会保障局负责。",
        [("市教育局", L), ("市发展改革委", P), ("市人力资源社会保障局", P)],
    ),
    (
        "由A牵头，B、C配合 after a semicolon",
        "（三）拓展消费场景。培育夜间经济街区；由市商务局牵头，市财政局、市市场监管局配合。",
        [("市商务局", L), ("市财政局", P), ("市市场监管局", P)],
    ),
    (
        "由 governments 负责 after a comma",
        "（四）整治农村人居环境。推进厕所革命和垃圾分类，由各县（市、区）人民政府负责。",
        [("各县（市、区）人民政府", U)],
    ),
    (
        "并由 after a comma",
        "（五）建设冷链设施。完善县乡村三级物流体系，并由县交通运输局会同县供销社负责。",
        [("县交通运输局", L), ("县供销社", P)],
    ),
    (
        "a clause wrapped over a line break",
        "（十）建设平台。整合数据资源，由区大数据中心会同区政务服务\n管理局负责。",
        [("区大数据中心", L), ("区政务服务管理局", P)],
    ),
    (
        "a bracket earlier in the provision stays a block of its own",
        "（六）稳定就业岗位。开展专项招聘（州人力资源社会保障局负责）。对吸纳高校毕业生的企业"
        "给予补贴，由州财政局会同州人力资源社会保障局负责。",
        [("州人力资源社会保障局", U), ("州财政局", L), ("州人力资源社会保障局", P)],
    ),
]

NOT_COMMA_CLAUSES: list[tuple[str, str]] = [
    (
        "由于 opens a reason",
        "（六）推广清洁取暖。因地制宜推进改造，由于资金缺口较大，市财政局负责筹措资金。",
    ),
    ("由此 opens a result", "（九）强化宣传。加大宣传力度，由此形成良好氛围。"),
    ("a duty with its object", "（八）保障资金。统筹各类资金，由市财政局负责资金保障。"),
    ("the subject of a clause", "（七）完善机制。建立会商制度，由市发展改革委牵头，建立协调机制。"),
    (
        "the subject of a clause, after a full stop",
        "（七）完善机制。建立会商制度。由市发展改革委牵头，会同市财政局制定实施细则。",
    ),
    (
        "a paragraph that is no provision",
        "二、保障措施\n各地要把美丽乡村建设纳入年度考核，由市乡村振兴领导小组统筹推进。",
    ),
]


@pytest.mark.parametrize(
    ("label", "text", "expected"), COMMA_CLAUSES, ids=[c[0] for c in COMMA_CLAUSES]
)
def test_comma_clauses(label: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected, label


@pytest.mark.parametrize(
    ("label", "text"), NOT_COMMA_CLAUSES, ids=[c[0] for c in NOT_COMMA_CLAUSES]
)
def test_not_comma_clauses(label: str, text: str) -> None:
    assert units_of(text) == [], label


def row_units(text: str) -> list[tuple[str, str]]:
    """Units and roles; a unit's evidence runs from its first piece to its last.

    A unit a page break cut has the cells and the page number between its pieces inside its
    span, which lies inside its block.
    """
    ctx = build_context(text)
    responsibility.run(ctx)
    for u in ctx.responsible_units:
        evidence = "".join(ctx.text[u.span.start : u.span.end].split())
        assert evidence[:1] == u.name[:1] and evidence.endswith(u.name[-2:])
        assert u.block.start <= u.span.start and u.span.end <= u.block.end
    return [(u.name, u.role) for u in ctx.responsible_units]


BAR = "| 序号 | 任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n"
TAB = "序号\t任务\t牵头单位\t配合单位\n"

PAGE_ROWS: list[Case] = [
    (
        "a dash page number between blank lines",
        BAR + "| 3 | 建设冷链物流中心 | 县商务局 | 县交通运输局、县市场监督 |\n\n-12-\n\n"
        "| | | | 管理局 |\n| 4 | 推广农村电商 | 县商务局 | 县邮政分公司 |\n",
        [
            ("县商务局", L),
            ("县交通运输局", P),
            ("县市场监督管理局", P),
            ("县商务局", L),
            ("县邮政分公司", P),
        ],
    ),
    (
        "a page number with long dashes and no blank line",
        BAR + "| 3 | 建设冷链物流中心 | 县商务局 | 县交通运输局、县 |\n— 12 —\n"
        "| | | | 供销合作社联合社 |\n",
        [("县商务局", L), ("县交通运输局", P), ("县供销合作社联合社", P)],
    ),
    (
        "a bare page number and a date cell beside the rest of the unit",
        "| 序号 | 任务 | 责任单位 | 完成时间 |\n|---|---|---|---|\n"
        "| 7 | 建设文旅融合示范区 | 旗人民政府（牵头）、旗文体旅游局、旗 |  |\n\n27\n\n"
        "|  |  | 融媒体中心 | 2027年6月 |\n| 8 | 完善公共服务 | 旗民政局 | 2027年9月 |\n",
        [("旗人民政府", L), ("旗文体旅游局", P), ("旗融媒体中心", P), ("旗民政局", U)],
    ),
    (
        "a tab table",
        TAB + "1\t建设智慧农业示范区\t省农业农村厅\t省科技厅、省财\n\n- 8 -\n\n\t\t\t政厅\n"
        "2\t推广农产品电商\t省商务厅\t省邮政管理局\n",
        [
            ("省农业农村厅", L),
            ("省科技厅", P),
            ("省财政厅", P),
            ("省商务厅", L),
            ("省邮政管理局", P),
        ],
    ),
    (
        "a row of its own after a page break (a task under an empty first cell)",
        BAR + "| 3 | 建设冷链物流中心 | 县商务局 | 县交通运输局 |\n\n— 12 —\n\n"
        "| | 完善农产品追溯体系 | 县农业农村局 | 县市场监管局 |\n",
        [("县商务局", L), ("县交通运输局", P), ("县农业农村局", L), ("县市场监管局", P)],
    ),
]


@pytest.mark.parametrize(("label", "text", "expected"), PAGE_ROWS, ids=[c[0] for c in PAGE_ROWS])
def test_rows_cut_by_a_page_break(label: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert row_units(text) == expected, label


FIELD_WORDS: list[Case] = [
    (
        "three fields, the first long",
        "（十一）完善职业资格评价。（人力资源社会保障部指导，各省级人力资源社会保障、教育、"
        "财政部门负责）",
        [
            ("人力资源社会保障部", "guide"),
            ("各省级人力资源社会保障部门", U),
            ("教育部门", U),
            ("财政部门", U),
        ],
    ),
    (
        "two fields, the first long",
        "（五）加强就业指导。（各省级人力资源社会保障、教育部门负责）",
        [("各省级人力资源社会保障部门", U), ("教育部门", U)],
    ),
    (
        "a city level with a long field",
        "（三）加强监管。（各设区市住房和城乡建设、自然资源、生态环境部门按职责分工负责）",
        [("各设区市住房和城乡建设部门", U), ("自然资源部门", U), ("生态环境部门", U)],
    ),
    (
        "a field with 和 written whole",
        "（三）加强监管。（省人力资源和社会保障、财政部门负责）",
        [("省人力资源和社会保障部门", U), ("财政部门", U)],
    ),
    (
        "two levels joined before a field",
        "（三）促进消费。（各市、县商务、财政部门按职责分工负责）",
        [("各市、县商务部门", U), ("财政部门", U)],
    ),
    (
        "a league level, as participants",
        "（四）做好退役军人就业。（自治区退役军人事务厅牵头，各盟市人力资源社会保障、"
        "退役军人事务部门配合）",
        [
            ("自治区退役军人事务厅", L),
            ("各盟市人力资源社会保障部门", P),
            ("退役军人事务部门", P),
        ],
    ),
]


@pytest.mark.parametrize(
    ("label", "text", "expected"), FIELD_WORDS, ids=[c[0] for c in FIELD_WORDS]
)
def test_long_field_words(label: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected, label


def test_long_phrase_is_no_field_word() -> None:
    """A long phrase that ends with no department's field takes no category head."""
    text = "（三）加强统筹。（各地加强统筹协调推进体系建设、财政部门负责）"
    assert all(not n.endswith("建设部门") for n, _ in units_of(text))
