"""Shared levels and name heads, convention brackets, and varied notices and tables.

``阿坝、甘孜州人民政府``: the bare names share an autonomous prefecture's ``州`` (and ``盟``,
``地区``, ``自治县`` with its peoples) with the head. ``泉阳、露水河林业局``: a bare name before a
unit named after a place shares the institution's head. A bracket that held only a convention
cut out (``（位列第一的为牵头单位，其余为配合单位，下同）``) is no part of the name before it.
"""

from __future__ import annotations

import pytest

from .unitcheck import L, P, U, units_of

Case = tuple[str, str, list[tuple[str, str]]]

SHARED_LEVELS: list[Case] = [
    (
        "a province's table cell: two autonomous prefectures",
        "| 序号 | 重点任务 | 完成时限 | 责任单位 |\n|:---:|---|---|---|\n"
        "| 1 | 新增锂资源储量 | 2027年 | 省自然资源厅（牵头）、省经济和信息化厅、"
        "阿坝、甘孜州人民政府 |\n",
        [
            ("省自然资源厅", L),
            ("省经济和信息化厅", P),
            ("阿坝州人民政府", P),
            ("甘孜州人民政府", P),
        ],
    ),
    (
        "a bracket: prefectures between a lead and participants",
        "保护水源地。（省水利厅牵头，临夏、甘南州人民政府，省生态环境厅配合）",
        [("省水利厅", L), ("临夏州人民政府", P), ("甘南州人民政府", P), ("省生态环境厅", P)],
    ),
    (
        "leagues share 盟 with 行政公署",
        "推进草原保护。（责任单位：自治区林草局、兴安、锡林郭勒盟行政公署）",
        [("自治区林草局", U), ("兴安盟行政公署", U), ("锡林郭勒盟行政公署", U)],
    ),
    (
        "prefectures (地区) share the whole level",
        "推进林区转型。（责任单位：省林草局、大兴安岭、黑河地区行政公署）",
        [("省林草局", U), ("大兴安岭地区行政公署", U), ("黑河地区行政公署", U)],
    ),
    (
        "an autonomous county shares its peoples with the level",
        "推进民族团结。（责任单位：市民宗委、峨边、马边彝族自治县人民政府）",
        [("市民宗委", U), ("峨边彝族自治县人民政府", U), ("马边彝族自治县人民政府", U)],
    ),
    (
        "two autonomous prefectures share the names of their peoples",
        "建设平台。（湘西、恩施土家族苗族自治州人民政府负责）",
        [("湘西土家族苗族自治州人民政府", U), ("恩施土家族苗族自治州人民政府", U)],
    ),
    (
        "a city whose 州 is its name lends no 州",
        "推进协同。（责任单位：省发展改革委、苏州、杭州人民政府）",
        [("省发展改革委", U), ("苏州人民政府", U), ("杭州人民政府", U)],
    ),
    (
        "cities still share 市",
        "推进协同。（责任单位：省商务厅、南昌、九江、吉安市人民政府）",
        [("省商务厅", U), ("南昌市人民政府", U), ("九江市人民政府", U), ("吉安市人民政府", U)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SHARED_LEVELS], ids=[c[0] for c in SHARED_LEVELS]
)
def test_shared_levels(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


NAME_HEADS: list[Case] = [
    (
        "a county duty line: forestry bureaus named after places",
        "牵头单位：县林业局；责任单位：县自然资源局、泉阳、露水河林业局\n",
        [("县林业局", L), ("县自然资源局", P), ("泉阳林业局", P), ("露水河林业局", P)],
    ),
    (
        "three forestry bureaus, then a town government",
        "推进集体林权改革。责任单位：县林业局、湾沟、三岔子、松江河林业局、各乡镇人民政府\n",
        [
            ("县林业局", U),
            ("湾沟林业局", U),
            ("三岔子林业局", U),
            ("松江河林业局", U),
            ("各乡镇人民政府", U),
        ],
    ),
    (
        "banks: the head with what follows it",
        "强化金融支持。责任单位：人民银行县支行、中国工商、中国农业、中国建设银行县支行\n",
        [
            ("人民银行县支行", U),
            ("中国工商银行县支行", U),
            ("中国农业银行县支行", U),
            ("中国建设银行县支行", U),
        ],
    ),
    (
        "a department's field takes no firm's head",
        "强化金融支持。（责任单位：县发展改革局、财政、税务、人民银行县支行）",
        [("县发展改革局", U), ("财政", U), ("税务", U), ("人民银行县支行", U)],
    ),
    (
        "a table cell: forest farms whose first name ends like a banner",
        "| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n"
        "| 1 | 加强森林防火 | 县林业局 | 红旗、东风林场，县应急管理局 |\n",
        [("县林业局", L), ("红旗林场", P), ("东风林场", P), ("县应急管理局", P)],
    ),
    (
        "hospitals: the longest head",
        "完善救治体系。（县卫生健康局牵头，第一、第二人民医院配合）",
        [("县卫生健康局", L), ("第一人民医院", P), ("第二人民医院", P)],
    ),
    (
        "power supply stations",
        "实施电网改造。责任单位：国网县供电公司、城关、东城供电所\n",
        [("国网县供电公司", U), ("城关供电所", U), ("东城供电所", U)],
    ),
    (
        "universities",
        "开展试点示范。责任部门：省教育厅、省财政厅、四川、重庆大学\n",
        [("省教育厅", U), ("省财政厅", U), ("四川大学", U), ("重庆大学", U)],
    ),
    (
        "no prefix is added: a department after a provincial one",
        "推进工作。（责任单位：省财政厅、教育厅）",
        [("省财政厅", U), ("教育厅", U)],
    ),
    (
        "a head alone lends nothing",
        "推进工作。（责任单位：市农业、林业局）",
        [("市农业", U), ("林业局", U)],
    ),
    (
        "a unit with a level lends nothing",
        "推进工作。（责任单位：市场监管、县林业局）",
        [("市场监管", U), ("县林业局", U)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in NAME_HEADS], ids=[c[0] for c in NAME_HEADS]
)
def test_name_heads(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


CONVENTION_BRACKETS: list[Case] = [
    (
        "a convention in a bracket after the last unit of a duty line",
        "1.推进规范化种植。\n责任单位：县人参产业发展中心、县农业农村局、"
        "县林业局（位列第一的为牵头单位，其余为配合单位，下同）\n"
        "2.加强资源保护。\n责任单位：县自然资源局、县林业局\n",
        [
            ("县人参产业发展中心", L),
            ("县农业农村局", P),
            ("县林业局", P),
            ("县自然资源局", L),
            ("县林业局", P),
        ],
    ),
    (
        "a short convention in a bracket after a labelled list",
        "落实减税降费。主责部门：县税务局；协同部门：县财政局、县市场监管局（位列第一的为牵头单位）\n",
        [("县税务局", L), ("县财政局", P), ("县市场监管局", P)],
    ),
    (
        "an alias bracket stays",
        "加强知识产权保护。（责任单位：省市场监管局〔知识产权局〕、省公安厅）",
        [("省市场监管局〔知识产权局〕", U), ("省公安厅", U)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [c[1:] for c in CONVENTION_BRACKETS],
    ids=[c[0] for c in CONVENTION_BRACKETS],
)
def test_convention_brackets(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


VARIED: list[Case] = [
    (
        "a county notice: 责任部门 in a bracket",
        "一、强化道路养护。落实农村公路管养责任。（责任部门：县交通运输局、县财政局、各乡镇人民政府）",
        [("县交通运输局", U), ("县财政局", U), ("各乡镇人民政府", U)],
    ),
    (
        "主责单位 and 协同单位 on one line, towns sharing 镇人民政府",
        "（三）推进垃圾分类。主责单位：县城市管理局；协同单位：县住房城乡建设局、县生态环境分局、"
        "城关、城西镇人民政府\n",
        [
            ("县城市管理局", L),
            ("县住房城乡建设局", P),
            ("县生态环境分局", P),
            ("城关镇人民政府", P),
            ("城西镇人民政府", P),
        ],
    ),
    (
        "主责单位 and 协同单位 on two lines",
        "（二）推进移风易俗。主责单位：县委宣传部\n协同单位：县民政局、县妇联、团县委\n",
        [("县委宣传部", L), ("县民政局", P), ("县妇联", P), ("团县委", P)],
    ),
    (
        "主责部门 and 协同部门 apart by an ideographic space",
        "（四）加强监管执法。主责部门：市市场监管局\u3000协同部门：市公安局、市卫生健康委\n",
        [("市市场监管局", L), ("市公安局", P), ("市卫生健康委", P)],
    ),
    (
        "a ministry scheme: lead, then participants by their duties",
        "1.推动数字化转型。（工业和信息化部牵头，国家发展改革委、科技部、财政部等按职责分工负责）",
        [("工业和信息化部", L), ("国家发展改革委", P), ("科技部", P), ("财政部", P)],
    ),
    (
        "a ministry scheme: responsible units have no rank beside a participant",
        "2.建设国家级平台。（商务部、海关总署负责，国家外汇局配合）",
        [("商务部", U), ("海关总署", U), ("国家外汇局", P)],
    ),
    (
        "a table with tabs: 主责单位 and 协同单位 columns",
        "序号\t重点任务\t主责单位\t协同单位\t完成时限\n"
        "1\t建设冷链物流中心\t县商务局\t县发展改革局、县交通运输局\t2025年底\n"
        "2\t打造电商产业园\t县工业和信息化局\t县商务局、县邮政分公司\t2026年6月\n",
        [
            ("县商务局", L),
            ("县发展改革局", P),
            ("县交通运输局", P),
            ("县工业和信息化局", L),
            ("县商务局", P),
            ("县邮政分公司", P),
        ],
    ),
    (
        "a table with two spaces between cells: 责任部门 alone",
        "序号  重点任务  责任部门  完成时限\n"
        "1  推进老旧小区改造  县住房城乡建设局、县财政局  2025年底\n"
        "2  开展燃气管道更新  县住房城乡建设局、县燃气公司  2026年底\n",
        [
            ("县住房城乡建设局", U),
            ("县财政局", U),
            ("县住房城乡建设局", U),
            ("县燃气公司", U),
        ],
    ),
    (
        "a table with bars and no outer bars",
        "序号 | 任务 | 主责单位 | 协同单位\n"
        "1 | 推进高标准农田建设 | 县农业农村局 | 县财政局、县水利局\n"
        "2 | 实施饮水安全工程 | 县水利局 | 各乡镇人民政府\n",
        [
            ("县农业农村局", L),
            ("县财政局", P),
            ("县水利局", P),
            ("县水利局", L),
            ("各乡镇人民政府", P),
        ],
    ),
    (
        "a table with tabs: streets sharing 街道办事处",
        "任务\t牵头单位\t责任单位\n"
        "建设智慧停车场\t县城管局\t县公安局交警大队、县住建局\n"
        "改造背街小巷\t县住建局\t城关、城东街道办事处\n",
        [
            ("县城管局", L),
            ("县公安局交警大队", P),
            ("县住建局", P),
            ("县住建局", L),
            ("城关街道办事处", P),
            ("城东街道办事处", P),
        ],
    ),
    (
        "a prefecture: 州 departments and county governments",
        "（六）强化要素保障。牵头单位：州发展改革委；配合单位：州自然资源局、州生态环境局，"
        "各县（市）人民政府\n",
        [
            ("州发展改革委", L),
            ("州自然资源局", P),
            ("州生态环境局", P),
            ("各县（市）人民政府", P),
        ],
    ),
    (
        "a bracketed label 【责任单位】",
        "（五）抓好安全生产。【责任单位】县应急管理局、县消防救援大队\n",
        [("县应急管理局", U), ("县消防救援大队", U)],
    ),
    (
        "a province: cities (prefectures) and counties written as one unit",
        "加强组织领导。（省发展改革委牵头，各市（州）、县（市、区）人民政府负责）",
        [("省发展改革委", L), ("各市（州）、县（市、区）人民政府", P)],
    ),
    (
        "a tab table with 责任部门 and 配合部门 columns",
        "序号\t重点任务\t责任部门\t配合部门\t完成时限\n"
        "1\t建设县级物流中心\t县商务局\t县交通运输局、县自然资源局\t2025年\n"
        "2\t完善农村寄递网络\t县邮政管理局\t县商务局、县供销社、县邮政公司\t长期\n",
        [
            ("县商务局", U),
            ("县交通运输局", P),
            ("县自然资源局", P),
            ("县邮政管理局", U),
            ("县商务局", P),
            ("县供销社", P),
            ("县邮政公司", P),
        ],
    ),
    (
        "a bar table with a rule row: 主责单位 and 协同单位",
        "| 序号 | 重点工作 | 主责单位 | 协同单位 | 完成时间 |\n| --- | --- | --- | --- | --- |\n"
        "| 1 | 推进智慧医疗 | 县卫健局 | 县医保局、县大数据中心 | 2025年12月 |\n",
        [("县卫健局", L), ("县医保局", P), ("县大数据中心", P)],
    ),
    (
        "a table with two spaces: 主责单位 and 协同单位",
        "序号  工作任务  主责单位  协同单位\n"
        "1  推进河湖长制  县水利局  县生态环境分局、各乡镇人民政府\n",
        [("县水利局", L), ("县生态环境分局", P), ("各乡镇人民政府", P)],
    ),
    (
        "a convention written after the units in the same bracket",
        "推进改革。（责任单位：县审批局、县市场监管局、县司法局，位列第一的为牵头单位）",
        [("县审批局", L), ("县市场监管局", P), ("县司法局", P)],
    ),
    (
        "units one a line, aligned under the first (ideographic spaces)",
        "（四）推进建设。\n责任单位：县住建局（牵头）\n\u3000\u3000\u3000\u3000\u3000县自然资源局\n"
        "\u3000\u3000\u3000\u3000\u3000各乡镇人民政府\n",
        [("县住建局", L), ("县自然资源局", P), ("各乡镇人民政府", P)],
    ),
    (
        "units one a line, aligned with spaces after a second label",
        "（九）健全工作机制。\n主责单位：县发展改革局\n协同单位：县统计局\n          县工信局\n",
        [("县发展改革局", L), ("县统计局", P), ("县工信局", P)],
    ),
    (
        "a name broken by an indented line break stays whole",
        "（十）推进改革。\n责任单位：县发展和改革\n\u3000\u3000局、县财政局\n",
        [("县发展和改革局", U), ("县财政局", U)],
    ),
    (
        "a lead, then towns responsible (read as taking part)",
        "健全管养机制。（县交通运输局牵头，各乡镇人民政府负责）",
        [("县交通运输局", L), ("各乡镇人民政府", P)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in VARIED], ids=[c[0] for c in VARIED])
def test_varied_notices_and_tables(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected
