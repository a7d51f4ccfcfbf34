"""Tables across blank lines, bound words that open no sentence, short district stems, shared
heads and single spaces in full-width space tables, and varied units.

A blank line (or a page number) inside a tab or ``|`` table keeps its header while the rows
after it have the header's cell count; a signature, a note or prose after it ends the table.
``达到95%以上`` opens no assignment sentence, none runs across cells or rows, and a table row
wins over one. ``东城、西城区政府`` shares ``区`` (the stem ``西`` is too short for ``城区``).
In a table whose header is written with two or more spaces between cells, a single space
inside a row separates units within a cell; a stem a later unit of the cell lends its head to
(``崇左、来宾市人民政府``) keeps the row.
"""

from __future__ import annotations

import pytest

from .unitcheck import L, P, U, units_of

Case = tuple[str, str, list[tuple[str, str]]]

TAB_HEADER = "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
SPACE_HEADER = "序号　　重点任务　　牵头单位　　配合单位　　完成时限\n"
BAR_HEADER = "| 序号 | 任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n"

BLANK_LINES: list[Case] = [
    (
        "a blank line, then a group row, in a tab table",
        TAB_HEADER + "一、强化资源保护\n1\t加强矿山保护\t省林业局\t省财政厅\t2026年\n\n"
        "二、完善治理体系\n2\t健全统计监测制度\t省统计局\t省发展改革委、省财政厅\t持续推进\n"
        "3\t组建行业协会\t省民政厅\t省工业和信息化厅\t2027年\n",
        [
            ("省林业局", L),
            ("省财政厅", P),
            ("省统计局", L),
            ("省发展改革委", P),
            ("省财政厅", P),
            ("省民政厅", L),
            ("省工业和信息化厅", P),
        ],
    ),
    (
        "two blank lines around a group row",
        "序号\t任务\t牵头单位\t配合单位\n1\t建设平台\t市数据局\t市财政局\n\n\n二、推广\n\n"
        "2\t推广应用\t市工信局\t市商务局\n",
        [("市数据局", L), ("市财政局", P), ("市工信局", L), ("市商务局", P)],
    ),
    (
        "a blank line in a bar table",
        BAR_HEADER + "| 1 | 建设平台 | 市数据局 | 市财政局 |\n"
        "\n| 2 | 推广应用 | 市工信局 | 市商务局、市税务局 |\n",
        [("市数据局", L), ("市财政局", P), ("市工信局", L), ("市商务局", P), ("市税务局", P)],
    ),
    (
        "a page number between blank lines in a bar table",
        BAR_HEADER + "| 1 | 建设平台 | 区数据局 | 区财政局 |\n"
        "\n— 5 —\n\n| 2 | 推广应用 | 区工信局 | 区商务局 |\n",
        [("区数据局", L), ("区财政局", P), ("区工信局", L), ("区商务局", P)],
    ),
    (
        "a signature after a blank line ends the table",
        TAB_HEADER + "1\t加强保护\t省林业局\t省财政厅\t2026年\n\n省林业局\n2026年3月1日\n",
        [("省林业局", L), ("省财政厅", P)],
    ),
    (
        "a new section's prose after a blank line ends the table",
        TAB_HEADER + "1\t加强保护\t省林业局\t省财政厅\t2026年\n\n七、保障措施\n"
        "各地要加强组织领导，抓好任务落实。\n8\t各地\t市委\t县委\t年底\n",
        [("省林业局", L), ("省财政厅", P)],
    ),
    (
        "a note after a blank line ends a bar table",
        BAR_HEADER + "| 1 | 建设平台 | 市数据局 | 市财政局 |\n\n注：各区要结合实际抓好落实。\n",
        [("市数据局", L), ("市财政局", P)],
    ),
]

SENTENCES: list[Case] = [
    (
        "a bound word 以上 ends a task cell: the rows stay rows",
        TAB_HEADER
        + "1\t稀土冶炼回收率达到95%以上\t省工业和信息化厅\t省生态环境厅、省财政厅\t2026年底\n"
        "2\t支持龙头企业牵头组建联盟\t赣州市人民政府\t省科技厅\t2027年\n",
        [
            ("省工业和信息化厅", L),
            ("省生态环境厅", P),
            ("省财政厅", P),
            ("赣州市人民政府", L),
            ("省科技厅", P),
        ],
    ),
    (
        "a bound word after a quantity opens no sentence",
        "新增储量10万吨以上由各市人民政府负责。\n",
        [],
    ),
    (
        "an opener at a line start, the sentence wrapped after 、",
        "二、重点任务\n以下各项任务均由各县（市、\n区）人民政府负责落实，不再列出。\n",
        [("各县（市、区）人民政府", U)],
    ),
    (
        "an opener at a line start, wrapped after a comma",
        "二、重点任务\n以下各项均需各乡镇人民政府落实，\n不再列出。\n",
        [("各乡镇人民政府", U)],
    ),
    (
        "an opener after a colon",
        "说明：以上任务由市发展改革委牵头，各县区配合。\n",
        [("市发展改革委", L), ("各县区", P)],
    ),
    (
        "an interpretation clause assigns nothing",
        "本方案由县农业农村局负责解释。\n",
        [],
    ),
]

DISTRICTS: list[Case] = [
    (
        "a one-character stem before 城区 shares 区",
        "（牵头单位：东城、西城区政府；配合单位：市文物局）",
        [("东城区政府", L), ("西城区政府", L), ("市文物局", P)],
    ),
    (
        "three-character stems share 区 as before",
        "（牵头单位：石景山、门头沟区政府）",
        [("石景山区政府", L), ("门头沟区政府", L)],
    ),
    (
        "a labelled line",
        "1.推进历史街区保护。\n牵头单位：南城、北城区人民政府\n",
        [("南城区人民政府", L), ("北城区人民政府", L)],
    ),
]

SPACE_TABLES: list[Case] = [
    (
        "a bare stem before a city government in a full-width space table",
        SPACE_HEADER
        + "1　　推进基地建设　　自治区农业农村厅　　自治区财政厅、崇左、来宾市人民政府　　2028年\n",
        [
            ("自治区农业农村厅", L),
            ("自治区财政厅", P),
            ("崇左市人民政府", P),
            ("来宾市人民政府", P),
        ],
    ),
    (
        "single full-width spaces split a cell's units",
        SPACE_HEADER + "1　　推广良种　　自治区科技厅　　广西大学　自治区农业科学院　"
        "广西农垦集团有限责任公司　　2029年6月\n",
        [
            ("自治区科技厅", L),
            ("广西大学", P),
            ("自治区农业科学院", P),
            ("广西农垦集团有限责任公司", P),
        ],
    ),
    (
        "single half-width spaces under double ones",
        "序号  重点任务  牵头单位  配合单位  完成时限\n"
        "1  推广良种  市科技局  市农科院 市农业农村局  2029年6月\n",
        [("市科技局", L), ("市农科院", P), ("市农业农村局", P)],
    ),
    (
        "group rows, a shared head and an association apart by a space",
        SPACE_HEADER
        + "一、稳定生产\n1　　保护生产保护区　　自治区农业农村厅　　自治区自然资源厅、百色、"
        "河池市人民政府　　2028年\n二、转型升级\n2　　兼并重组　　自治区工业和信息化厅　　"
        "自治区国资委　广西糖业协会　　2029年\n",
        [
            ("自治区农业农村厅", L),
            ("自治区自然资源厅", P),
            ("百色市人民政府", P),
            ("河池市人民政府", P),
            ("自治区工业和信息化厅", L),
            ("自治区国资委", P),
            ("广西糖业协会", P),
        ],
    ),
    (
        "a cell wrapped in the middle of a firm's name",
        SPACE_HEADER
        + "1　　推进全程机械化　　自治区农业农村厅　　自治区财政厅、广西农垦集团有限责\n"
        "　　　　　　　　任公司、广西柳工机械股份有限公司　　2030年12月\n"
        "2　　培育龙头企业　　自治区工业和信息化厅　　自治区国资委　　2028年\n",
        [
            ("自治区农业农村厅", L),
            ("自治区财政厅", P),
            ("广西农垦集团有限责任公司", P),
            ("广西柳工机械股份有限公司", P),
            ("自治区工业和信息化厅", L),
            ("自治区国资委", P),
        ],
    ),
    (
        "one unit column: cities sharing a head, and two units apart by a space",
        "序号　　工作任务　　责任单位　　完成时间\n"
        "1　　建设边境口岸　　自治区商务厅、防城港、崇左市人民政府　　2027年\n"
        "2　　发展边贸　　自治区商务厅　南宁海关　　2028年\n",
        [
            ("自治区商务厅", U),
            ("防城港市人民政府", U),
            ("崇左市人民政府", U),
            ("自治区商务厅", U),
            ("南宁海关", U),
        ],
    ),
    (
        "a task's words split by a space stay the task's",
        "序号  重点任务  牵头单位  配合单位\n1  培育一批 专精特新企业  市工信局  市财政局\n",
        [("市工信局", L), ("市财政局", P)],
    ),
    (
        "a signature line after a blank line is no row",
        SPACE_HEADER + "1　　保护生产保护区　　自治区农业农村厅　　自治区自然资源厅　　2028年\n\n"
        "广西壮族自治区人民政府办公厅　　2027年8月16日\n",
        [("自治区农业农村厅", L), ("自治区自然资源厅", P)],
    ),
]

VARIED: list[Case] = [
    (
        "duty and deadline on one line, a grid company and a central bank branch",
        "（一）加强电网建设。责任单位：国网德阳供电公司、市发展改革委；完成时限：2026年底。\n"
        "（二）优化信贷。责任单位：人民银行德阳分行、团市委；完成时限：长期坚持。\n",
        [
            ("国网德阳供电公司", U),
            ("市发展改革委", U),
            ("人民银行德阳分行", U),
            ("团市委", U),
        ],
    ),
    (
        "a ministry's departments (司) in running text",
        "（三）完善标准体系。规划司、法规司、科技司按职责分工负责。\n",
        [("规划司", U), ("法规司", U), ("科技司", U)],
    ),
    (
        "departments (司) with a lead in running text",
        "推进标准制定。规划司牵头，法规司、科技司按职责分工负责。\n",
        [("规划司", L), ("法规司", P), ("科技司", P)],
    ),
    (
        "departments (司) in a bracket",
        "（二）完善法规。（政策法规司牵头，规划财务司、科技教育司按职责分工负责）\n",
        [("政策法规司", L), ("规划财务司", P), ("科技教育司", P)],
    ),
    (
        "grid companies with labels",
        "（牵头单位：国网四川省电力公司；配合单位：省能源局、国网成都供电公司）",
        [("国网四川省电力公司", L), ("省能源局", P), ("国网成都供电公司", P)],
    ),
    (
        "a central bank branch, the youth league and women's federation",
        "（责任单位：人民银行长沙分行、团市委、市妇联）",
        [("人民银行长沙分行", U), ("团市委", U), ("市妇联", U)],
    ),
    (
        "duty lines with half-width semicolons and a regional central bank branch",
        "1.推进电网改造。责任单位：国网南宁供电局、市发展改革委；完成时限：2026年底\n"
        "2.落实信贷。责任单位：中国人民银行广西壮族自治区分行；完成时限：长期\n",
        [
            ("国网南宁供电局", U),
            ("市发展改革委", U),
            ("中国人民银行广西壮族自治区分行", U),
        ],
    ),
]


def _check(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in BLANK_LINES], ids=[c[0] for c in BLANK_LINES]
)
def test_blank_lines_in_tables(text: str, expected: list[tuple[str, str]]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SENTENCES], ids=[c[0] for c in SENTENCES]
)
def test_assignment_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in DISTRICTS], ids=[c[0] for c in DISTRICTS]
)
def test_short_district_stems(text: str, expected: list[tuple[str, str]]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SPACE_TABLES], ids=[c[0] for c in SPACE_TABLES]
)
def test_space_tables(text: str, expected: list[tuple[str, str]]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in VARIED], ids=[c[0] for c in VARIED])
def test_varied_units(text: str, expected: list[tuple[str, str]]) -> None:
    _check(text, expected)
