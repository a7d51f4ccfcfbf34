"""Support tails, role words after a label, brackets inside a clause, stems inside a list.

``（A牵头，B参与，C提供技术支持）``: ``提供技术支持`` says how C works; C takes part beside other
units and has no rank alone. A ranked role word right after a label covers only its own comma
group (``责任单位：A、B，C参与``). A bracket inside running text with no label and no lead
(``参与（政策性银行支持）``) is no block. A bare stem ending with a place type of another kind
(``桐乡``) in the middle of a list shares the head after it.
"""

from __future__ import annotations

import pytest

from .unitcheck import G, L, P, U, units_of

SUPPORT_TAILS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "a ministry notice: lead, participants, then a technical support unit",
        "加强协同保护。（国家知识产权局牵头，最高人民法院、最高人民检察院、公安部、海关总署参与，"
        "国家信息中心提供技术支持）",
        [
            ("国家知识产权局", L),
            ("最高人民法院", P),
            ("最高人民检察院", P),
            ("公安部", P),
            ("海关总署", P),
            ("国家信息中心", P),
        ],
    ),
    (
        "support units alone have no rank",
        "开展运营效益评估。（交通运输部科学研究院、长安大学、北京交通大学提供技术支撑）",
        [("交通运输部科学研究院", U), ("长安大学", U), ("北京交通大学", U)],
    ),
    (
        "a province: data support beside a responsible unit",
        "建设全省统一平台。（省大数据局负责，省信息中心提供数据服务）",
        [("省大数据局", U), ("省信息中心", P)],
    ),
    (
        "a city: financial support after a lead",
        "设立产业引导基金。（市财政局牵头，市金控集团、市农商银行提供金融支持）",
        [("市财政局", L), ("市金控集团", P), ("市农商银行", P)],
    ),
    (
        "a county: legal support after participants",
        "化解矛盾纠纷。（县司法局牵头，县法院、县检察院配合，县律师协会提供法律服务）",
        [("县司法局", L), ("县法院", P), ("县检察院", P), ("县律师协会", P)],
    ),
    (
        "support units under a first-is-lead convention",
        "排在第一位的为牵头单位。\n一、建设平台。（市科技局、市工信局提供智力支撑）\n",
        [("市科技局", L), ("市工信局", P)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SUPPORT_TAILS], ids=[c[0] for c in SUPPORT_TAILS]
)
def test_support_tails(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


LABEL_COMMAS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "a city under a first-is-lead convention",
        "排名第一的为牵头单位，其余为配合单位。\n一、优化法治环境。"
        "（责任单位：市中级人民法院、市公安局，市司法局参与）\n",
        [("市中级人民法院", L), ("市公安局", P), ("市司法局", P)],
    ),
    (
        "no convention: the label's units have no rank beside participants",
        "推进工作。（责任单位：市发改委、市财政局，市税务局配合）",
        [("市发改委", U), ("市财政局", U), ("市税务局", P)],
    ),
    (
        "a lead label keeps its unit before the comma",
        "推进工作。（牵头单位：省商务厅，省财政厅、省税务局配合）",
        [("省商务厅", L), ("省财政厅", P), ("省税务局", P)],
    ),
    (
        "a guide word after a 责任部门 label",
        "推进工作。（责任部门：县农业农村局，县委农办指导）",
        [("县农业农村局", U), ("县委农办", G)],
    ),
    (
        "a role word without a comma still covers the whole list",
        "推进工作。（责任单位：市发改委、市财政局配合）",
        [("市发改委", P), ("市财政局", P)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in LABEL_COMMAS], ids=[c[0] for c in LABEL_COMMAS]
)
def test_role_word_after_label_covers_its_comma_group(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert units_of(text) == expected


IN_CLAUSE = [
    "鼓励社会资本参与（政策性银行支持）重点项目建设。",
    "鼓励社会资本参与（政策性银行支持）。",
    "推进产业链协同（支持龙头企业牵头）。",
    "发挥行业协会作用（省物流协会配合）推动标准制定。",
]


@pytest.mark.parametrize("text", IN_CLAUSE)
def test_brackets_inside_a_clause_are_no_blocks(text: str) -> None:
    assert units_of(text) == []


STILL_BLOCKS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "建立联席会议制度（市发改委牵头，市财政局配合），完善考核办法。",
        [("市发改委", L), ("市财政局", P)],
    ),
    ("完善考核办法（市委组织部负责）。", [("市委组织部", U)]),
]


def test_brackets_after_a_task_stay_blocks() -> None:
    assert units_of(STILL_BLOCKS[0][0]) == STILL_BLOCKS[0][1]
    assert units_of(STILL_BLOCKS[1][0]) == STILL_BLOCKS[1][1]


MID_STEMS: list[tuple[str, str, list[str]]] = [
    (
        "a county: a stem ending with 乡 in the middle of a list",
        "推进老旧小区改造。（责任单位：城南、桐乡、东关街道办事处）",
        ["城南街道办事处", "桐乡街道办事处", "东关街道办事处"],
    ),
    (
        "after a department",
        "推进老旧小区改造。（责任单位：县住建局、城南、桐乡、东关街道办事处）",
        ["县住建局", "城南街道办事处", "桐乡街道办事处", "东关街道办事处"],
    ),
    (
        "a stem ending with 镇 before 街道",
        "推进背街小巷整治。（责任单位：凤镇、城西街道办事处）",
        ["凤镇街道办事处", "城西街道办事处"],
    ),
    (
        "a town of another type keeps its own name",
        "推进背街小巷整治。（责任单位：城关镇、新华街道办事处）",
        ["城关镇", "新华街道办事处"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in MID_STEMS], ids=[c[0] for c in MID_STEMS]
)
def test_stems_inside_a_list(text: str, expected: list[str]) -> None:
    assert [n for n, _ in units_of(text)] == expected


DUTY_TAILS: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "a ministry notice: the last unit with a duty of its own",
        "完善协作机制。（国家知识产权局牵头，公安部、海关总署参与，国家信息中心做好数据对接）",
        [("国家知识产权局", L), ("公安部", P), ("海关总署", P), ("国家信息中心", P)],
    ),
    (
        "a province: a research institute that evaluates",
        "开展试点评估。（省工信厅牵头，省财政厅参与，省电子信息研究院开展第三方评估）",
        [("省工信厅", L), ("省财政厅", P), ("省电子信息研究院", P)],
    ),
    (
        "a label: the duty is no part of the name",
        "完善平台功能。（责任单位：市发改委、市财政局，市大数据中心承担平台运维）",
        [("市发改委", U), ("市财政局", U), ("市大数据中心", U)],
    ),
    (
        "a county: the towns act as the case requires",
        "推进人居环境整治。（县农业农村局牵头，县财政局参与，各乡镇结合实际抓好落实）",
        [("县农业农村局", L), ("县财政局", P), ("各乡镇", P)],
    ),
    (
        "a service provided by an association",
        "加强市场监管。（市市场监管局牵头，市公安局配合，市消费者协会提供咨询服务）",
        [("市市场监管局", L), ("市公安局", P), ("市消费者协会", P)],
    ),
    (
        "a name that holds a duty word and ends like a unit is kept whole",
        "推进城乡融合。（责任单位：县推进城乡一体化领导小组办公室、县财政局）",
        [("县推进城乡一体化领导小组办公室", U), ("县财政局", U)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in DUTY_TAILS], ids=[c[0] for c in DUTY_TAILS]
)
def test_duties_after_units(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


NOT_DUTY_BLOCKS = [
    # a dash list whose unit goes on with a task is no list of units
    "　　加快发展。——市发改委牵头制定方案，市财政局配合。\n",
    # a bracket with a firm doing something, inside a sentence
    "推动产业升级（重点企业开展技术改造）。",
]


@pytest.mark.parametrize("text", NOT_DUTY_BLOCKS)
def test_duties_do_not_make_blocks(text: str) -> None:
    assert units_of(text) == []


TABLES: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "a tab table with 主责单位 and 协同单位 columns",
        "序号\t工作任务\t主责单位\t协同单位\t完成时限\n"
        "1\t建设智慧园区\t市工信局\t市发改委、市大数据局\t2025年底\n"
        "2\t培育龙头企业\t市商务局\t市财政局\t2026年6月\n",
        [
            ("市工信局", L),
            ("市发改委", P),
            ("市大数据局", P),
            ("市商务局", L),
            ("市财政局", P),
        ],
    ),
    (
        "a bar table with a 责任部门 column",
        "| 序号 | 重点任务 | 责任部门 | 完成时间 |\n|---|---|---|---|\n"
        "| 1 | 完善物流网络 | 县交通运输局、县商务局 | 2025年 |\n"
        "| 2 | 建设冷链设施 | 县发改局 | 2026年 |\n",
        [("县交通运输局", U), ("县商务局", U), ("县发改局", U)],
    ),
    (
        "a two-space table, then the issuers after a blank line",
        "序号  重点任务  牵头单位  配合单位\n"
        "1  建设冷链设施  市商务局  市供销社、市邮政公司\n"
        "2  完善物流网络  市交通运输局  市商务局\n"
        "\n"
        "中共某某市委办公室  某某市人民政府办公室\n"
        "2025年3月1日\n",
        [
            ("市商务局", L),
            ("市供销社", P),
            ("市邮政公司", P),
            ("市交通运输局", L),
            ("市商务局", P),
        ],
    ),
    (
        "label lines with 主责部门 and 协同部门",
        "1.开展专项整治。\n主责部门：区城管局\n协同部门：区公安分局、各街道办事处\n完成时限：2025年底\n",
        [("区城管局", L), ("区公安分局", P), ("各街道办事处", P)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in TABLES], ids=[c[0] for c in TABLES])
def test_tables_and_label_lines(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


CLOSING_CLAUSES: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "a note after the participants",
        "推进项目建设。（市发改委牵头，市财政局配合，具体方案另行制定）",
        [("市发改委", L), ("市财政局", P)],
    ),
    (
        "a funding clause after a county's participants",
        "实施道路提升工程。（县交通运输局牵头，县财政局、县自然资源局配合，资金由县级财政统筹安排）",
        [("县交通运输局", L), ("县财政局", P), ("县自然资源局", P)],
    ),
    (
        "a note after a labelled list",
        "完善服务体系。（责任单位：省民政厅、省卫生健康委，具体办法另行制定）",
        [("省民政厅", U), ("省卫生健康委", U)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CLOSING_CLAUSES], ids=[c[0] for c in CLOSING_CLAUSES]
)
def test_closing_clause_is_dropped(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


NOT_CLAUSE_BLOCKS = [
    # firms, not departments, and a clause: a bracket that explains the alliance
    "建立产业联盟（龙头企业牵头，上下游企业参与，形成合力），",
    # a clause without a lead or a label keeps the bracket out
    "推进工作。（市财政局、市商务局配合，具体方案另行制定）",
]


@pytest.mark.parametrize("text", NOT_CLAUSE_BLOCKS)
def test_clauses_without_lead_or_departments_are_no_blocks(text: str) -> None:
    assert units_of(text) == []


def test_any_role_word_after_a_ranked_label_covers_its_comma_group() -> None:
    text = "完善社会救助。（责任单位：县民政局；配合单位：县财政局，各乡镇人民政府负责具体落实）"
    assert ("县财政局", P) in units_of(text)


TOWNSHIPS: list[tuple[str, str, list[str]]] = [
    (
        "towns and townships before a township's government",
        "推进农村改厕。（责任单位：沙河、城郊、柳镇、东关乡人民政府）",
        ["沙河乡人民政府", "城郊乡人民政府", "柳镇人民政府", "东关乡人民政府"],
    ),
    (
        "a town of two characters before a township",
        "推进农村改厕。（责任单位：城关镇、新华、东坝乡人民政府）",
        ["城关镇人民政府", "新华乡人民政府", "东坝乡人民政府"],
    ),
    (
        "a township name before a sub-district office",
        "推进背街小巷整治。（责任单位：城南、桐乡、东关街道办事处）",
        ["城南街道办事处", "桐乡街道办事处", "东关街道办事处"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in TOWNSHIPS], ids=[c[0] for c in TOWNSHIPS]
)
def test_towns_and_townships(text: str, expected: list[str]) -> None:
    assert [n for n, _ in units_of(text)] == expected
