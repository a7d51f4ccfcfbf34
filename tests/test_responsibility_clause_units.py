"""Clauses of units and roles inside a sentence, unclosed brackets that close a paragraph, and
companies listed under their short names.

A clause between commas, semicolons and full stops that names units and their role words
alone (``…，县城管局负责；…``) is a block inside a provision, when a unit in it leads, guides
or is responsible. An unclosed bracket of departments that runs to the end of its paragraph
(a blank line or a heading number follows) is a block even where no full stop comes before
it. A company's short name (``…电气``, ``…药业``) in a bracket that lists firms beside
departments is a unit.
"""

from __future__ import annotations

import pytest

from .unitcheck import L, P, U, units_of

Case = tuple[str, str, list[tuple[str, str]]]

CLAUSES: list[Case] = [
    (
        "a clause before a semicolon",
        "（三）整治农贸市场。改造排水设施，规范摊位设置，区市场监管局负责；各街道做好日常巡查。",
        [("区市场监管局", U)],
    ),
    (
        "a clause that closes its sentence",
        "3.完善救助机制。畅通求助渠道，县民政局、县残联负责。",
        [("县民政局", U), ("县残联", U)],
    ),
    (
        "a lead and participants in one clause",
        "（五）发展冷链物流。布局产地仓，市商务局牵头，市农业农村局、市交通运输局配合；"
        "鼓励企业参与。",
        [("市商务局", L), ("市农业农村局", P), ("市交通运输局", P)],
    ),
    (
        "after a full stop, up to a semicolon",
        "（二）加强河湖管护。落实河长制。县水利局负责；各乡镇要压实属地责任。",
        [("县水利局", U)],
    ),
]

NOT_CLAUSES: list[tuple[str, str]] = [
    (
        "participants alone after a clause of the sentence",
        "（四）推进改革。市发改委要制定改革方案，市财政局配合；各区要抓好落实。",
    ),
    (
        "a unit with a duty and its object",
        "（六）保障用地。优化审批流程，市自然资源局负责做好用地保障；各区配合。",
    ),
    (
        "a task written as the subject before 由",
        "（九）加强组织领导。建立联席会议制度，日常工作由市卫生健康委负责。",
    ),
    ("prose outside any provision", "各地要加大投入，市财政局负责；各部门积极配合。"),
    ("a slogan of roles", "（一）创新治理。坚持党委领导，政府负责，社会协同，公众参与。"),
]

UNCLOSED: list[Case] = [
    (
        "a list of departments closing its paragraph, a heading after a blank line",
        "5.优化政务服务。推行帮办代办，推动高频事项“跨省通办”（市政务服务中心、市公安局、"
        "市人社局\n\n（二）提升监管效能\n",
        [("市政务服务中心", U), ("市公安局", U), ("市人社局", U)],
    ),
    (
        "a heading on the next line",
        "（一）加强水源保护。划定饮用水水源保护区（县生态环境局、县水利局\n（二）推进节水\n",
        [("县生态环境局", U), ("县水利局", U)],
    ),
    (
        "at the end of the text",
        "（四）建设人才公寓。多渠道筹集房源（区住房保障局、区人才办",
        [("区住房保障局", U), ("区人才办", U)],
    ),
]

NOT_UNCLOSED: list[tuple[str, str]] = [
    (
        "one piece, a note",
        "（三）办好赛事。市运动会每两年举办一次（与省运会错年举办\n\n（四）其他\n",
    ),
    (
        "places that name the parks meant",
        "（二）建设园区。支持建设产业园区（经开区、高新区\n\n（三）其他\n",
    ),
    (
        "the paragraph goes on",
        "（二）推进项目。加快项目建设（市发改委、市财政局\n继续做好项目储备工作。\n",
    ),
]

FIRMS: list[Case] = [
    (
        "short names beside groups and an association",
        "（七）推动设备更新。支持企业改造产线（省工业和信息化厅牵头，省财政厅、省机械工业协会、"
        "上海电气集团、东方电气、恒瑞医药参与）。",
        [
            ("省工业和信息化厅", L),
            ("省财政厅", P),
            ("省机械工业协会", P),
            ("上海电气集团", P),
            ("东方电气", P),
            ("恒瑞医药", P),
        ],
    ),
    (
        "a short name in a list of units alone",
        "（三）开展质量攻关。组建创新联合体。（市科技局、市国资委、市建投集团、长城汽车）",
        [("市科技局", U), ("市国资委", U), ("市建投集团", U), ("长城汽车", U)],
    ),
]

NOT_FIRMS: list[tuple[str, str]] = [
    (
        "an industry beside departments alone",
        "（二）培育产业。壮大新兴产业（市工信局牵头，市发改委、新能源汽车参与）。",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CLAUSES], ids=[c[0] for c in CLAUSES]
)
def test_clauses_of_units_and_roles(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


@pytest.mark.parametrize(("text",), [c[1:] for c in NOT_CLAUSES], ids=[c[0] for c in NOT_CLAUSES])
def test_clauses_that_are_prose(text: str) -> None:
    assert units_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in UNCLOSED], ids=[c[0] for c in UNCLOSED]
)
def test_unclosed_brackets_closing_a_paragraph(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


@pytest.mark.parametrize(("text",), [c[1:] for c in NOT_UNCLOSED], ids=[c[0] for c in NOT_UNCLOSED])
def test_unclosed_brackets_that_are_no_block(text: str) -> None:
    assert units_of(text) == []


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FIRMS], ids=[c[0] for c in FIRMS])
def test_short_names_of_firms(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


@pytest.mark.parametrize(("text",), [c[1:] for c in NOT_FIRMS], ids=[c[0] for c in NOT_FIRMS])
def test_industries_are_no_firms(text: str) -> None:
    assert units_of(text) == []
