"""Conventions written with 者, label lines split by line breaks, and groups cut at ``;``.

A first-is-lead convention may write ``者`` where ``的`` stands (``列第一位者为牵头单位``), and
the running sentence that states it is no block; the labels ``协同:`` and ``协助:`` open lists
of participants, and a line break or wide white space before a label ends the list before
it; a role word covers its units back to a ``;`` or a convention cut out of the block, not
across it.
"""

from __future__ import annotations

import pytest

from policyparse.extract import responsibility
from policyparse.pipeline import build_context

L, P, G, U = "lead", "participant", "guide", "unspecified"


def units_of(text: str) -> list[tuple[str, str]]:
    ctx = build_context(text)
    responsibility.run(ctx)
    return [(u.name, u.role) for u in ctx.responsible_units]


_TASKS = (
    "　　（一）建设服务平台。整合线上线下资源，建设综合服务平台。（市数据局、市商务局、各区政府）\n"
    "　　（二）培育市场主体。支持中小企业专精特新发展。（市工信局）\n"
)
_RANKED = [
    ("市数据局", L),
    ("市商务局", P),
    ("各区政府", P),
    ("市工信局", L),
]

NOTES = [
    "以下各项任务后括号中所列单位，列第一位者为牵头单位，其余为责任单位。",
    "以下各项工作所列责任单位中，排在首位者为牵头单位，其他为配合单位。",
    "上述任务中所列部门，排名第一者为牵头部门，其余为协同部门。",
    "下列任务括号内所列单位，第一位为牵头单位。",
    "以上各项措施所列单位中，位列首位者为牵头单位，其余单位为配合单位。",
]


@pytest.mark.parametrize("note", NOTES)
def test_convention_notes_in_running_text(note: str) -> None:
    """The note ranks the units of the later blocks and is no block itself."""
    text = f"　　二、主要任务\n　　{note}区政府办公室负责统筹协调。\n{_TASKS}"
    assert units_of(text) == _RANKED


CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # --- a convention in force, role words in the block ---
    (
        "guides first, the units after them take part",
        "各项任务所列单位，列第一位者为牵头单位。\n"
        "（一）化解纠纷。健全调解组织。（综治办、司法所指导，各社区居委会、辖区物业企业负责）\n",
        [("综治办", G), ("司法所", G), ("各社区居委会", P), ("辖区物业企业", P)],
    ),
    (
        "the first unit leads before a group of participants",
        "各项任务中排在首位者为牵头单位。\n"
        "（一）优化服务。推进改革。（县行政审批局、县数据局负责，各乡镇人民政府配合）\n",
        [("县行政审批局", L), ("县数据局", P), ("各乡镇人民政府", P)],
    ),
    # --- a ; or a convention cut from the block ends a role word's reach ---
    (
        "a convention clause and ; before a role word",
        "（一）推动协同发展。共建示范区。（责任单位：市发展改革委、市商务局，排名第一的为牵头单位；"
        "繁昌区、南陵县政府配合）",
        [("市发展改革委", L), ("市商务局", P), ("繁昌区政府", P), ("南陵县政府", P)],
    ),
    (
        "a convention clause and a comma before a role word",
        "（一）加强监管。开展整治。（责任单位：市公安局、市交通运输局，列第一位者为牵头单位，"
        "各县（市、区）人民政府配合）",
        [("市公安局", L), ("市交通运输局", P), ("各县（市、区）人民政府", P)],
    ),
    (
        "the others' duty after the convention is no unit",
        "（一）优化布局。建设站点。（责任单位：市发改委、市财政局、市商务局，排名第一的为牵头单位，"
        "其余单位按职责分工负责）",
        [("市发改委", L), ("市财政局", P), ("市商务局", P)],
    ),
    (
        "; after a labelled list, no convention",
        "（一）壮大产业。引进项目。（责任单位：市经信局、市投促局；高新区管委会协助）",
        [("市经信局", U), ("市投促局", U), ("高新区管委会", P)],
    ),
    (
        "; in a bracket without label: the units before it have no rank",
        "（一）完善设施。建设站点。（市交通运输局、市邮政管理局；各县区人民政府配合）",
        [("市交通运输局", U), ("市邮政管理局", U), ("各县区人民政府", P)],
    ),
    (
        "a role word after a lead still covers back to it",
        "（一）完善设施。建设站点。（市交通运输局牵头，市邮政管理局、市商务局配合）",
        [("市交通运输局", L), ("市邮政管理局", P), ("市商务局", P)],
    ),
    # --- label lines: 协同, 协助, and what ends a label's list ---
    (
        "协同 on the next line",
        "　　（一）建设种植基地。推广规范化种植。\n"
        "　　牵头：县中药材产业发展中心\n"
        "　　协同：县农业农村局、县自然资源局、各乡镇人民政府\n",
        [
            ("县中药材产业发展中心", L),
            ("县农业农村局", P),
            ("县自然资源局", P),
            ("各乡镇人民政府", P),
        ],
    ),
    (
        "协助 on the next line, the unit before it a 局",
        "　　（二）加强人才培养。实施培训工程。\n"
        "　　牵头：县人社局\n　　协助：县委组织部、县教育局\n",
        [("县人社局", L), ("县委组织部", P), ("县教育局", P)],
    ),
    (
        "both labels on one line apart by wide spaces",
        "　　（三）加大金融支持。推广信贷产品。\n"
        "　　牵头：县金融服务中心　　协同：人民银行某县支行、县财政局\n",
        [("县金融服务中心", L), ("人民银行某县支行", P), ("县财政局", P)],
    ),
    (
        "a line break inside a unit of the 协同 list",
        "　　（四）完善流通体系。建设仓储物流园。\n"
        "　　牵头：县商务局、县供销联社\n"
        "　　协同：县交通运\n输局、县邮政分公司、文峰镇、首阳镇人民政府\n\n"
        "　　（五）强化监管。开展抽检。\n",
        [
            ("县商务局", L),
            ("县供销联社", L),
            ("县交通运输局", P),
            ("县邮政分公司", P),
            ("文峰镇人民政府", P),
            ("首阳镇人民政府", P),
        ],
    ),
    (
        "协助单位 after spaces on a line of labels",
        "　　（五）推进改造。\n　　牵头单位：区住建局　　协助单位：区城管局、各街道办事处\n",
        [("区住建局", L), ("区城管局", P), ("各街道办事处", P)],
    ),
    (
        "a short label with 为 at the start of a bracket",
        "（一）推进。建设。（牵头为市发改委，协同为市财政局）",
        [("市发改委", L), ("市财政局", P)],
    ),
    (
        "指导 and 主责 as labels",
        "　　（六）打造品牌。举办博览会。\n"
        "　　主责：县文旅局　协助：县融媒体中心　指导：市文旅局\n",
        [("县文旅局", L), ("县融媒体中心", P), ("市文旅局", G)],
    ),
    # --- a label the data does not know, after a unit label ---
    (
        "an unknown label on the next line lists units",
        "　　（七）发展林下种植。探索林药间作。\n"
        "　　牵头：县林草局、县自然资源局\n"
        "　　协作：县农业农村局、福星镇人民政府\n"
        "　　（八）推进康养。\n",
        [
            ("县林草局", L),
            ("县自然资源局", L),
            ("县农业农村局", P),
            ("福星镇人民政府", P),
        ],
    ),
    (
        "an unknown label glued to the unit before it",
        "　　（七）发展林下种植。探索林药间作。\n"
        "　　牵头：县林草局、县供销联社参加：县农业农村局、福星镇人民政府\n",
        [
            ("县林草局", L),
            ("县供销联社", L),
            ("县农业农村局", P),
            ("福星镇人民政府", P),
        ],
    ),
    (
        "a long unit glued to an unknown label",
        "　　（七）发展特色产业。\n　　牵头：县中药材产业发展中心协作：县卫生健康局\n",
        [("县中药材产业发展中心", L), ("县卫生健康局", P)],
    ),
    (
        "a time field after the list is no unit label",
        "　　（九）建设平台。\n　　责任单位：县商务局\n　　完成时限：2025年底\n",
        [("县商务局", U)],
    ),
    (
        "a field of prose after the list adds nothing",
        "　　（九）建设平台。\n　　牵头：县商务局\n　　工作要求：各地要高度重视，确保按期完成\n",
        [("县商务局", L)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_groups_and_labels(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


NOT_BLOCKS = [
    "坚持系统观念（以协同为核心，以创新为动力）推动发展。",
    "强化服务意识（以指导为主、处罚为辅），规范执法行为。",
    "以下各项任务中，排在第一位的为牵头单位，其余为配合单位。",
    "明确以下任务所列单位中列第一位者为牵头单位。",
    "各部门要加强协同：建立会商机制，定期研究重大问题。",
]


@pytest.mark.parametrize("text", NOT_BLOCKS)
def test_not_blocks(text: str) -> None:
    assert units_of(text) == []


NATIONAL = [
    (
        "（应急管理部、水利部指导，各省、自治区、直辖市有关部门参与）",
        [("应急管理部", G), ("水利部", G), ("各省、自治区、直辖市有关部门", P)],
    ),
    (
        "（教育部牵头，各省、自治区、直辖市和新疆生产建设兵团教育行政部门负责）",
        [("教育部", L), ("各省、自治区、直辖市和新疆生产建设兵团教育行政部门", P)],
    ),
    (
        "（国家发展改革委牵头，各省（区、市）人民政府负责）",
        [("国家发展改革委", L), ("各省（区、市）人民政府", P)],
    ),
    (
        "（商务部牵头，各省、区、市商务主管部门配合）",
        [("商务部", L), ("各省、区、市商务主管部门", P)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NATIONAL)
def test_national_address_is_one_unit(text: str, expected: list[tuple[str, str]]) -> None:
    """各省、自治区、直辖市… is one addressee: its 、 separates no units."""
    assert units_of("　　（一）完善监测预警体系，健全会商研判机制。" + text + "\n") == expected
