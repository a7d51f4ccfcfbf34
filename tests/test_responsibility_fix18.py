"""Participant 支持, heads shared after stems with a place type, and wrapped space-table rows.

``（教育部牵头，财政部、中国人民银行支持）``: ``支持`` after units marks them as taking part, like
``配合`` or ``参与``; as a verb with an object (``财政部支持…建设``) it marks nothing. A head that
ends in an institution suffix after a place type (``区域办事处``, ``镇卫生院``) is shared by the
short bare stems before it. In a table whose cells are apart by spaces, a row short of the
header's columns whose last cell a line break wrapped is read whole.
"""

from __future__ import annotations

import pytest

from policyparse.extract import responsibility
from policyparse.pipeline import build_context

from .unitcheck import L, P, U, units_of

SUPPORT: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "a ministry notice: lead, then supporting units",
        "引导金融机构提供信贷服务。（教育部牵头，财政部、中国人民银行支持）",
        [("教育部", L), ("财政部", P), ("中国人民银行", P)],
    ),
    (
        "a province: 支持 with a modifier before it",
        "完善科技金融服务体系。（省科技厅牵头，省财政厅、省地方金融管理局积极支持）",
        [("省科技厅", L), ("省财政厅", P), ("省地方金融管理局", P)],
    ),
    (
        "a county: 支持配合 after the units",
        "建设县域商业体系。（县商务局牵头，县财政局、县供销社支持配合）",
        [("县商务局", L), ("县财政局", P), ("县供销社", P)],
    ),
    (
        "a city sentence after a task: A牵头，B支持",
        "　　5.建设城市更新项目库。市住房城乡建设局牵头，市发展改革委、市自然资源局支持。\n",
        [("市住房城乡建设局", L), ("市发展改革委", P), ("市自然资源局", P)],
    ),
    (
        "supporting units alone: the others have no rank",
        "开展质量提升行动。（市市场监管局负责，市工业和信息化局支持）",
        [("市市场监管局", U), ("市工业和信息化局", P)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SUPPORT], ids=[c[0] for c in SUPPORT]
)
def test_support_marks_participants(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


NOT_SUPPORT = [
    # 支持 as a verb with an object, in a task sentence or a bracket
    "　　（三）加大投入。财政部支持共同体开展实训基地建设，人民银行支持金融机构创新产品。\n",
    "推动平台建设（省财政厅支持平台建设）。",
    "落实用地支持政策。省自然资源厅给予支持。\n",
    "（一）强化保障。各级财政要加大支持。\n",
]


@pytest.mark.parametrize("text", NOT_SUPPORT)
def test_support_as_a_verb_is_no_role(text: str) -> None:
    assert units_of(text) == []


STEMS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "stems before 区域办事处 (Kunshan)",
        "推进紧密型医联体建设。〔社会事业局牵头，昆山市第一人民医院、夏驾河、蓬朗区域办事处配合〕",
        [
            ("社会事业局", L),
            ("昆山市第一人民医院", P),
            ("夏驾河区域办事处", P),
            ("蓬朗区域办事处", P),
        ],
    ),
    (
        "stems before 镇卫生院",
        "提升基层医疗服务能力。（责任单位：县卫生健康局，张浦、周市镇卫生院）",
        [("县卫生健康局", U), ("张浦镇卫生院", U), ("周市镇卫生院", U)],
    ),
    (
        "stems before 社区卫生服务中心",
        "　　7.开展家庭医生签约服务。——区卫生健康局、城东、城西社区卫生服务中心\n",
        [("区卫生健康局", U), ("城东社区卫生服务中心", U), ("城西社区卫生服务中心", U)],
    ),
    (
        "stems before 片区管委会 under a label",
        "完善园区配套设施。（牵头单位：区经济发展局；配合单位：东湖、南湖片区管委会）",
        [("区经济发展局", L), ("东湖片区管委会", P), ("南湖片区管委会", P)],
    ),
    (
        "stems before 乡派出所",
        "开展农村治安整治。（责任单位：县公安局，石门、柳溪乡派出所）",
        [("县公安局", U), ("石门乡派出所", U), ("柳溪乡派出所", U)],
    ),
    # --- kept as they were ---
    (
        "zones before 管委会",
        "优化营商环境。（责任单位：高新区、经开区管委会）",
        [("高新区管委会", U), ("经开区管委会", U)],
    ),
    (
        "an ordinary list",
        "推进老旧小区改造。（责任单位：区住房城乡建设局、区财政局、各街道办事处）",
        [("区住房城乡建设局", U), ("区财政局", U), ("各街道办事处", U)],
    ),
    (
        "a place of another type keeps its name",
        "完善便民服务网点。（责任单位：城关镇、新华区域办事处）",
        [("城关镇", U), ("新华区域办事处", U)],
    ),
    (
        "a region office with a stem of its own is no head for a unit before it",
        "开展安全检查。（区应急管理局牵头，区消防救援大队、蓬朗区域办事处配合）",
        [("区应急管理局", L), ("区消防救援大队", P), ("蓬朗区域办事处", P)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in STEMS], ids=[c[0] for c in STEMS])
def test_stems_share_typed_heads(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


_HEADER = "序号  重点任务  牵头单位  配合单位  完成时限\n"

WRAPPED: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "the participants' cell wrapped inside a name",
        _HEADER
        + "1  建设口岸物流园区  自治区交通运输厅  自治区商务厅  2031年6月\n"
        + "2  开展跨境结算  中国人民银行西藏自治区分行  国家金融监督管理总局西藏监\n"
        + "管局、西藏银行股份有限公司  2030年12月\n"
        + "3  保障建设用地  自治区自然资源厅  各有关地（市）人民政府  持续推进\n",
        [
            ("自治区交通运输厅", L),
            ("自治区商务厅", P),
            ("中国人民银行西藏自治区分行", L),
            ("国家金融监督管理总局西藏监管局", P),
            ("西藏银行股份有限公司", P),
            ("自治区自然资源厅", L),
            ("各有关地（市）人民政府", P),
        ],
    ),
    (
        "the participants' cell wrapped after a separator",
        _HEADER
        + "1  推进冷链物流  市商务局  市交通运输局、市农业农村局、\n"
        + "市供销社  2025年底\n"
        + "2  建设数字乡村  市农业农村局  市大数据局  2025年底\n",
        [
            ("市商务局", L),
            ("市交通运输局", P),
            ("市农业农村局", P),
            ("市供销社", P),
            ("市农业农村局", L),
            ("市大数据局", P),
        ],
    ),
    (
        "the task's cell wrapped",
        _HEADER
        + "1  建设县域物流配送中心，完善\n"
        + "乡村寄递网络  县商务局  县邮政分公司  2025年底\n",
        [("县商务局", L), ("县邮政分公司", P)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in WRAPPED], ids=[c[0] for c in WRAPPED]
)
def test_wrapped_space_table_rows(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


def test_short_row_without_rest_is_left_as_it_is() -> None:
    """A row that lacks a cell (no time limit) before the next numbered row is not joined."""
    text = (
        _HEADER
        + "1  推进冷链物流  市商务局  市供销社\n"
        + "2  建设数字乡村  市农业农村局  市大数据局  2025年底\n"
    )
    assert units_of(text) == [
        ("市商务局", L),
        ("市供销社", P),
        ("市农业农村局", L),
        ("市大数据局", P),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "提升基层医疗服务能力。（责任单位：县卫生健康局、县财政、城关镇卫生院）",
            ["县卫生健康局", "县财政", "城关镇卫生院"],
        ),
        (
            "巩固脱贫攻坚成果。（责任单位：县委组织部、县财政、县乡村振兴局）",
            ["县委组织部", "县财政", "县乡村振兴局"],
        ),
    ],
)
def test_level_and_field_is_no_stem(text: str, expected: list[str]) -> None:
    """``县财政`` is a unit of its own, no stem of the unit after it; ``县乡村振兴局`` has none."""
    assert [n for n, _ in units_of(text)] == expected


SPACED_UNITS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "participants apart by spaces after the task's column",
        _HEADER
        + "1  推进城市更新  市住建局  市发改委  市财政局  2024年底\n"
        + "2  完善公共服务设施  市教育局  市卫健委、市体育局  2024年12月\n",
        [
            ("市住建局", L),
            ("市发改委", P),
            ("市财政局", P),
            ("市教育局", L),
            ("市卫健委", P),
            ("市体育局", P),
        ],
    ),
    (
        "a county table with one unit column",
        "序号  任务内容  责任单位  完成时间\n"
        + "1  全面排查燃气安全隐患  县住建局  县应急局  县市场监管局  2024年3月底\n"
        + "2  开展消防安全整治  县消防救援大队  2024年6月底\n",
        [("县住建局", U), ("县应急局", U), ("县市场监管局", U), ("县消防救援大队", U)],
    ),
    (
        "a task written in two pieces stays the task's",
        _HEADER + "1  推进城市更新  建设完整社区  市住建局  市发改委  2024年底\n",
        [("市住建局", L), ("市发改委", P)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SPACED_UNITS], ids=[c[0] for c in SPACED_UNITS]
)
def test_space_table_unit_pieces(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


def test_branches_of_companies_count_as_official() -> None:
    text = "加快5G网络建设。（市通信发展管理办公室、中国移动某某分公司、中国联通某某分公司）"
    assert units_of(text) == [
        ("市通信发展管理办公室", U),
        ("中国移动某某分公司", U),
        ("中国联通某某分公司", U),
    ]
    # a bracket that explains a noun inside a sentence is still no block
    assert units_of("三大运营商（中国移动某某分公司、中国联通某某分公司）加快建设基站。") == []


MORE_STEMS: list[tuple[str, str, list[str]]] = [
    (
        "a stem ending in 乡 before 街道办事处 (Henan county)",
        "【牵头单位：县商务局；责任单位：县人力资源和社会保障局、城南、东关、桐乡街道办事处】",
        [
            "县商务局",
            "县人力资源和社会保障局",
            "城南街道办事处",
            "东关街道办事处",
            "桐乡街道办事处",
        ],
    ),
    (
        "two-character city names ending like a unit before 市人民政府",
        "建设海洋牧场。（责任单位：省海洋局、烟台、青岛、威海市人民政府）",
        ["省海洋局", "烟台市人民政府", "青岛市人民政府", "威海市人民政府"],
    ),
    (
        "the same type twice is the place and the head",
        "修缮村级活动场所。（责任单位：张家、李家村村委会）",
        ["张家村村委会", "李家村村委会"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in MORE_STEMS], ids=[c[0] for c in MORE_STEMS]
)
def test_more_shared_heads(text: str, expected: list[str]) -> None:
    assert [n for n, _ in units_of(text)] == expected


def test_signature_lines_after_a_space_table_are_no_rows() -> None:
    """The issuers' names under a space-separated table, apart by spaces, assign nothing."""
    text = (
        _HEADER
        + "1  优化农村物流配送  公安部  交通运输部、国家邮政局  2026年12月\n"
        + "\n"
        + "交通运输部　　国家发展改革委　　公安部\n"
        + "商务部　　国家邮政局　　中华全国供销合作总社\n"
        + "2025年12月16日\n"
    )
    assert units_of(text) == [("公安部", L), ("交通运输部", P), ("国家邮政局", P)]


DASH_LABELS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "labels with dashes for colons",
        "开展消防安全检查。（牵头单位——区应急管理局；配合单位——区消防救援大队、灌口、后溪镇人民政府）",
        [
            ("区应急管理局", L),
            ("区消防救援大队", P),
            ("灌口镇人民政府", P),
            ("后溪镇人民政府", P),
        ],
    ),
    (
        "a label line with one dash",
        "　　3.推进垃圾分类。\n　　责任单位—市城市管理局、各区人民政府\n",
        [("市城市管理局", U), ("各区人民政府", U)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in DASH_LABELS], ids=[c[0] for c in DASH_LABELS]
)
def test_dash_after_label(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


TAB_WRAPS: list[tuple[str, str, list[str]]] = [
    (
        "a task cell wrapped onto a line that tabs back to its column",
        "序号\t重点任务\t责任单位\t完成时限\n"
        + "4\t支持建造大型养殖工船，推动装备\n"
        + "\t标准化、系列化发展\t省工业和信息化厅、省海洋局\t2033年12月\n",
        ["省工业和信息化厅", "省海洋局"],
    ),
    (
        "a unit cell wrapped onto a line with empty cells before it",
        "序号\t重点任务\t责任单位\t完成时限\n"
        + "5\t建设综合保障基地\t省交通运输厅、省海洋局、烟台\n"
        + "\t\t市人民政府、威海市人民政府\t2032年12月\n"
        + "6\t推进融合发展\t省能源局\t2033年6月\n",
        ["省交通运输厅", "省海洋局", "烟台市人民政府", "威海市人民政府", "省能源局"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in TAB_WRAPS], ids=[c[0] for c in TAB_WRAPS]
)
def test_wrapped_tab_rows(text: str, expected: list[str]) -> None:
    assert [n for n, _ in units_of(text)] == expected


def test_modifier_before_support() -> None:
    text = "推进产教融合。（教育部牵头，工业和信息化部、人力资源社会保障部大力支持）"
    assert units_of(text) == [("教育部", L), ("工业和信息化部", P), ("人力资源社会保障部", P)]


def names_of(text: str) -> list[tuple[str, str]]:
    """Units and roles; a unit's evidence runs from its first piece to its last.

    A unit a break cut within its column (``省人`` + ``社厅``) has the cells beside it, on the
    lines between, inside its span.
    """
    ctx = build_context(text)
    responsibility.run(ctx)
    for u in ctx.responsible_units:
        evidence = "".join(ctx.text[u.span.start : u.span.end].split()).replace("|", "")
        assert evidence == u.name or (
            evidence.startswith(u.name[:2]) and evidence.endswith(u.name[-2:])
        )
        assert u.block.start <= u.span.start and u.span.end <= u.block.end
    return [(u.name, u.role) for u in ctx.responsible_units]


CONTINUED: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "a | table whose unit cell goes on in a row of its own",
        "| 序号 | 任务 | 牵头单位 | 配合单位 |\n"
        + "| 1 | 建设实训基地 | 省教育厅 | 省财政厅、省发展改革 |\n"
        + "| | | | 委 |\n"
        + "| 2 | 开展校企合作 | 省工业和信息化厅 | 省教育厅 |\n",
        [
            ("省教育厅", L),
            ("省财政厅", P),
            ("省发展改革委", P),
            ("省工业和信息化厅", L),
            ("省教育厅", P),
        ],
    ),
    (
        "a tab table whose unit cell goes on over two lines of tabs",
        "序号\t任务\t牵头单位\t配合单位\n"
        + "1\t建设实训基地\t省教育厅\t省财政厅、省发展改革\n"
        + "\t\t\t委、省人力资源\n"
        + "\t\t\t社会保障厅\n"
        + "2\t开展校企合作\t省工业和信息化厅\t省教育厅\n",
        [
            ("省教育厅", L),
            ("省财政厅", P),
            ("省发展改革委", P),
            ("省人力资源社会保障厅", P),
            ("省工业和信息化厅", L),
            ("省教育厅", P),
        ],
    ),
    (
        "a whole unit on a line of tabs of its own",
        "序号\t任务\t牵头单位\t配合单位\n"
        + "1\t建设实训基地\t省教育厅\t省财政厅\n"
        + "\t\t\t省发展改革委\n"
        + "2\t开展校企合作\t省工业和信息化厅\t省教育厅\n",
        [
            ("省教育厅", L),
            ("省财政厅", P),
            ("省发展改革委", P),
            ("省工业和信息化厅", L),
            ("省教育厅", P),
        ],
    ),
    (
        "task and unit cells cut by the same break",
        "序号\t任务\t牵头单位\t配合单位\n"
        + "1\t建设实训基地，完善\t省教育厅、省人\t省财政厅、\n"
        + "\t课程体系\t社厅\t省发展改革委\n"
        + "2\t开展校企合作\t省工业和信息化厅\t省教育厅\n",
        [
            ("省教育厅", L),
            ("省人社厅", L),
            ("省财政厅", P),
            ("省发展改革委", P),
            ("省工业和信息化厅", L),
            ("省教育厅", P),
        ],
    ),
    (
        "a row under a category cell merged over rows is a row of its own",
        "类别\t任务\t牵头单位\t配合单位\n"
        + "产业\t建设实训基地\t省教育厅\t省财政厅\n"
        + "\t开展校企合作\t省工业和信息化厅\t省教育厅\n",
        [("省教育厅", L), ("省财政厅", P), ("省工业和信息化厅", L), ("省教育厅", P)],
    ),
    (
        "two tabs in a row leave an empty cell",
        "序号\t任务\t牵头单位\t配合单位\t完成时限\n"
        + "1\t建设信用体系\t市发改委\t\t2024年底\n"
        + "2\t推进数字政府\t市大数据局\t市政务服务中心\t2024年底\n",
        [("市发改委", L), ("市大数据局", L), ("市政务服务中心", P)],
    ),
    (
        "a bracketed role alone in a wrapped row names no unit",
        "序号\t任务\t牵头单位\t责任单位\t完成时限\n"
        + "7\t推广惠企政策兑现\t市工信局\t市财政局、市商务局\t2024年10月\n"
        + "   \t模式\t\t（按职责分工）\t\n"
        + "8\t加强知识产权保护\t市市场监管局\t市公安局\t2024年12月底\n",
        [("市工信局", L), ("市财政局", P), ("市商务局", P), ("市市场监管局", L), ("市公安局", P)],
    ),
    (
        "the last unit cell of a space table wrapped onto a line of its own",
        "序号  重点任务  牵头单位  配合单位\n"
        + "1  建设实训基地  省教育厅  省财政厅、省发展改革委、省人力资源\n"
        + "社会保障厅\n"
        + "2  开展校企合作  省工业和信息化厅  省教育厅\n",
        [
            ("省教育厅", L),
            ("省财政厅", P),
            ("省发展改革委", P),
            ("省人力资源社会保障厅", P),
            ("省工业和信息化厅", L),
            ("省教育厅", P),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CONTINUED], ids=[c[0] for c in CONTINUED]
)
def test_continued_cells(text: str, expected: list[tuple[str, str]]) -> None:
    assert names_of(text) == expected
