"""Bare place stems that share a head carrying its own place type, and wrapped table cells.

``粤海、蛇口街道办事处`` means ``粤海街道办事处`` and ``蛇口街道办事处``: a short stem written
before a unit whose head starts with a place type (街道, 镇, 乡, 社区, 村) borrows the type with
the head. A dash list or a 【】 list of such units is a block. In a tab table, a cell that a
PDF wrapped onto the next line is read whole.
"""

from __future__ import annotations

import pytest

from .unitcheck import L, P, U, units_of

STEMS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "a dash list with stems before 街道办事处",
        "　　3.在两个街道各新建1家社区健康服务中心。——粤海、蛇口街道办事处，区卫生健康局\n",
        [("粤海街道办事处", U), ("蛇口街道办事处", U), ("区卫生健康局", U)],
    ),
    (
        "a 【】 list with stems before 街道办事处",
        "　　3.改造老旧小区配套设施。【城关、新华街道办事处，县住房城乡建设局】\n",
        [("城关街道办事处", U), ("新华街道办事处", U), ("县住房城乡建设局", U)],
    ),
    (
        "stems before 镇人民政府 in a labelled bracket",
        "建设农村污水处理设施。（责任单位：东坝、西坝镇人民政府，县生态环境局）",
        [("东坝镇人民政府", U), ("西坝镇人民政府", U), ("县生态环境局", U)],
    ),
    (
        "three stems before 乡人民政府 after a lead",
        "推进高标准农田建设。（县农业农村局牵头，石桥、柳林、河口乡人民政府配合）",
        [("县农业农村局", L), ("石桥乡人民政府", P), ("柳林乡人民政府", P), ("河口乡人民政府", P)],
    ),
    (
        "stems before 社区居委会",
        "开展邻里互助服务。（责任单位：街道民政办，和平、幸福社区居委会）",
        [("街道民政办", U), ("和平社区居委会", U), ("幸福社区居委会", U)],
    ),
    (
        "stems before 村委会 in a dash list",
        "　　5.整治村庄人居环境。——县农业农村局、大王、小李村委会\n",
        [("县农业农村局", U), ("大王村委会", U), ("小李村委会", U)],
    ),
    (
        "a stem before a village written with its type",
        "修缮村级活动场所。（责任单位：张家、李家村村委会）",
        [("张家村村委会", U), ("李家村村委会", U)],
    ),
    (
        "a village written with its type before 村委会",
        "修缮村级活动场所。（责任单位：张家村、大王村委会）",
        [("张家村委会", U), ("大王村委会", U)],
    ),
    (
        "a place that writes its type shares only the head",
        "完善便民服务网点。（责任单位：粤海街道、蛇口街道办事处）",
        [("粤海街道办事处", U), ("蛇口街道办事处", U)],
    ),
    (
        "a place of another type takes no 办事处",
        "完善便民服务网点。（责任单位：城关镇、新华街道办事处）",
        [("城关镇", U), ("新华街道办事处", U)],
    ),
    # --- existing behaviour kept ---
    (
        "an ordinary list of departments",
        "完善配套政策。（责任单位：县发展改革局、县财政局）",
        [("县发展改革局", U), ("县财政局", U)],
    ),
    (
        "zones share a 管委会",
        "建设创新园区。（责任单位：高新区、经开区管委会）",
        [("高新区管委会", U), ("经开区管委会", U)],
    ),
    (
        "bare city names share 市 and the head",
        "建设综合枢纽。（责任单位：南昌、九江、吉安市人民政府）",
        [("南昌市人民政府", U), ("九江市人民政府", U), ("吉安市人民政府", U)],
    ),
    (
        "a street before 社区居委会 takes no head",
        "开展邻里互助服务。（责任单位：各街道、社区居委会）",
        [("各街道", U), ("社区居委会", U)],
    ),
    (
        "海关 is no stem",
        "优化口岸通关流程。（责任单位：海关、城关镇人民政府）",
        [("海关", U), ("城关镇人民政府", U)],
    ),
    (
        "a department before a typed head lends nothing",
        "建设文化站。（责任单位：县文化旅游局、城关镇人民政府）",
        [("县文化旅游局", U), ("城关镇人民政府", U)],
    ),
    (
        "a dash task sentence with place names is no block",
        "　　6.推进文明创建。——粤海、蛇口两个街道先行先试\n",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in STEMS], ids=[c[0] for c in STEMS])
def test_stems_share_a_typed_head(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


_HEADER = "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"

WRAPPED: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "a participant cell wrapped inside a name",
        _HEADER + "1\t建设冷链物流设施\t市商务局\t市供销\n社、市邮政公司\t2025年底\n"
        "2\t培育龙头企业\t市农业农村局\t市财政局\t持续推进\n",
        [
            ("市商务局", L),
            ("市供销社", P),
            ("市邮政公司", P),
            ("市农业农村局", L),
            ("市财政局", P),
        ],
    ),
    (
        "a cell wrapped after a separator, before a group row",
        _HEADER + "一、优化营商环境\n1\t推行一网通办\t区数据局\t区市场监管局、\n区税务局\t每年度\n"
        "二、强化要素保障\n2\t保障项目用地\t区自然资源局\t区财政局\t2026年6月\n",
        [
            ("区数据局", L),
            ("区市场监管局", P),
            ("区税务局", P),
            ("区自然资源局", L),
            ("区财政局", P),
        ],
    ),
    (
        "a lead cell wrapped",
        _HEADER + "1\t开展质量提升行动\t省市场监\n管局\t省工业和信息化厅\t持续推进\n",
        [("省市场监管局", L), ("省工业和信息化厅", P)],
    ),
    (
        "a short row whose next line is a numbered row is not merged",
        _HEADER + "1\t建设冷链物流设施\t市商务局\t市供销社\n2\t培育龙头企业\t市农业农村局\n",
        [("市商务局", L), ("市供销社", P), ("市农业农村局", L)],
    ),
    (
        "counts that do not add up are not merged",
        _HEADER + "1\t建设冷链物流设施\t市商务局\t市供销社\n另行通知\t市邮政公司\t无\n",
        [("市商务局", L), ("市供销社", P)],
    ),
    (
        "a note row that opens with a header word is not merged",
        _HEADER + "1\t建设冷链物流设施\t市商务局\t市供销社\n备注\t另行通知\n",
        [("市商务局", L), ("市供销社", P)],
    ),
    (
        "a pipe table with a wrapped cell",
        "| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
        "| 1 | 建设冷链物流设施 | 县商务局 | 县交通运输局、县供\n销社 | 2025年底 |\n",
        [("县商务局", L), ("县交通运输局", P), ("县供销社", P)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in WRAPPED], ids=[c[0] for c in WRAPPED]
)
def test_wrapped_table_cells(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected
