"""Assignment sentences that head a part of the document and name several role groups, the task
written as the subject before ``由``, and joint words inside units' names.

``本部分各项任务均由A牵头，B、C配合，以下不再逐项列出``: every role group is read, and the closing
words belong to the block. ``评估验收工作由A会同B负责。``: the subject is no part of A's name, and
the block starts at ``由``; other words before ``由`` (``本方案确定的各项任务在县域范围内由…``) make
the sentence running text. ``中国电力企业联合会``: the ``联合`` of a unit ending joins nothing.
"""

from __future__ import annotations

import pytest

from policyparse.extract import responsibility
from policyparse.pipeline import build_context

from .unitcheck import G, L, P, U, units_of

Case = tuple[str, str, list[tuple[str, str]]]

ASSIGNMENTS: list[Case] = [
    (
        "a part's heading sentence with a lead and participants",
        "（二）发展特色产业\n　　本部分各项任务均由市农业农村局牵头，市财政局、市商务局配合，"
        "以下不再逐项列出。\n　　1.培育龙头企业。\n",
        [("市农业农村局", L), ("市财政局", P), ("市商务局", P)],
    ),
    (
        "本节 with 负责 and 配合",
        "（三）提升服务能力\n本节各项工作由县卫生健康局负责，县医保局、县财政局配合，"
        "以下不再一一列出。\n1.建设医共体。\n",
        [("县卫生健康局", U), ("县医保局", P), ("县财政局", P)],
    ),
    (
        "本章 with 牵头落实 and 参与",
        "二、重点任务\n本章所列任务均由区商务局牵头落实，区市场监管局参与，不再逐一列出。\n"
        "（一）培育夜间经济。\n",
        [("区商务局", L), ("区市场监管局", P)],
    ),
    (
        "three role groups after 以下各项",
        "（四）加强人才支撑\n　　以下各项均由州人力资源社会保障局牵头，州教育局、州科技局配合，"
        "州财政局支持，不再列出。\n　　1.引进高层次人才。\n",
        [("州人力资源社会保障局", L), ("州教育局", P), ("州科技局", P), ("州财政局", P)],
    ),
    (
        "a group that names no unit ends the block before it",
        "（四）加强人才支撑\n　　以下各项均由州人力资源社会保障局负责，各县市要加大投入力度，"
        "不再列出。\n　　1.引进高层次人才。\n",
        [("州人力资源社会保障局", U)],
    ),
    (
        "the closing words wrapped over a line break",
        "（一）加强统筹。\n（三）培育经营主体\n　　本部分各项任务均由省农业农村厅牵头，省财政厅、"
        "省供销社配合，以下\n不再逐项列出。\n　　8.培育龙头企业。\n",
        [("省农业农村厅", L), ("省财政厅", P), ("省供销社", P)],
    ),
    (
        "a single group, as before",
        "（七）完善机制\n以下各项均由各县（市、区）人民政府落实，不再列出。\n1.建立台账。\n",
        [("各县（市、区）人民政府", U)],
    ),
]


@pytest.mark.parametrize(
    ("label", "text", "expected"), ASSIGNMENTS, ids=[c[0] for c in ASSIGNMENTS]
)
def test_assignment_sentences(label: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected, label


def _blocks(text: str) -> list[str]:
    ctx = build_context(text)
    responsibility.run(ctx)
    return ["".join(ctx.text[u.block.start : u.block.end].split()) for u in ctx.responsible_units]


def test_assignment_block_takes_its_closing_words() -> None:
    text = (
        "（二）发展特色产业\n本部分各项任务均由市农业农村局牵头，市财政局配合，以下不再逐项列出。\n"
        "1.培育龙头企业。\n"
    )
    block = "本部分各项任务均由市农业农村局牵头，市财政局配合，以下不再逐项列出"
    assert set(_blocks(text)) == {block}


SUBJECTS: list[Case] = [
    (
        "评估验收工作由A会同B、C负责 after a full stop",
        "（五）考核评估。年度考核结果向社会公开。考核评价工作由市发展改革委会同市统计局、"
        "市财政局负责。\n",
        [("市发展改革委", L), ("市统计局", P), ("市财政局", P)],
    ),
    (
        "此项任务由A牵头，B、C配合",
        "（六）监测预警。建立监测平台。此项任务由省生态环境厅牵头，省水利厅、省气象局配合。\n",
        [("省生态环境厅", L), ("省水利厅", P), ("省气象局", P)],
    ),
    (
        "具体工作由A牵头，B配合",
        "（三）开展评估。每年开展一次评估。具体工作由县农业农村局牵头，县财政局配合。\n",
        [("县农业农村局", L), ("县财政局", P)],
    ),
    (
        "an adverb before 由",
        "（六）监测预警。建立监测平台。日常监测工作统一由县应急管理局负责。\n",
        [("县应急管理局", U)],
    ),
    (
        "相关事项均由A负责",
        "（三）开展评估。每年开展一次评估。相关事项均由区民政局负责。\n",
        [("区民政局", U)],
    ),
    (
        "a subject inside a bracket",
        "（三）开展评估。开展年度评估（评估验收工作由市教育局会同市财政局负责）。\n",
        [("市教育局", L), ("市财政局", P)],
    ),
]


@pytest.mark.parametrize(("label", "text", "expected"), SUBJECTS, ids=[c[0] for c in SUBJECTS])
def test_task_subject_before_by(label: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected, label


def test_block_starts_at_by() -> None:
    text = "（五）考核评估。年度考核结果向社会公开。评估验收工作由市能源局会同市农业农村局负责。\n"
    assert set(_blocks(text)) == {"由市能源局会同市农业农村局负责"}


NOT_BLOCKS: list[tuple[str, str]] = [
    (
        "the plan's tasks within a county, then another clause",
        "一、重点任务\n（一）加强统筹。推进建设。（市发改委负责）\n二、保障措施\n"
        "（二）压实属地责任。各县区是实施主体。本方案确定的各项任务在县域范围内由各县区人民政府"
        "负责组织实施，各乡镇要落实日常巡查责任。\n",
    ),
    (
        "the plan's tasks with 的 before 由",
        "（七）压实责任。本实施方案确定的重点任务由各街道办事处负责具体落实。\n",
    ),
    ("a fund with its use", "（三）开展评估。每年开展一次评估。补贴资金由县财政局负责拨付。\n"),
    (
        "a subject clause inside a sentence",
        "（十一）加强监管。建立监管台账，评估工作由市场监管局会同公安局负责，确保取得实效。\n",
    ),
]


@pytest.mark.parametrize(("label", "text"), NOT_BLOCKS, ids=[c[0] for c in NOT_BLOCKS])
def test_no_block(label: str, text: str) -> None:
    found = units_of(text)
    assert all(name == "市发改委" for name, _role in found), label


JOINT: list[Case] = [
    (
        "联合会 among participants",
        "（二）编制技术导则。（国家能源局、农业农村部牵头，中国电力企业联合会、"
        "中国农村能源行业协会参与）",
        [
            ("国家能源局", L),
            ("农业农村部", L),
            ("中国电力企业联合会", P),
            ("中国农村能源行业协会", P),
        ],
    ),
    (
        "associations, a 联合会 and 负责",
        "（八）制定团体标准。（中国钢铁工业协会、中国有色金属工业协会负责，中国机械工业联合会配合）",
        [("中国钢铁工业协会", U), ("中国有色金属工业协会", U), ("中国机械工业联合会", P)],
    ),
    (
        "a local 联合会, 学会 and 商会",
        "（八）建设平台。（市科技局牵头，市工商业联合会、市计算机学会、市总商会参与）",
        [("市科技局", L), ("市工商业联合会", P), ("市计算机学会", P), ("市总商会", P)],
    ),
    (
        "联合会 before 会同",
        "（九）加强宣传。完善宣传机制。中华全国工商业联合会会同商务部负责。\n",
        [("中华全国工商业联合会", L), ("商务部", P)],
    ),
    (
        "联合 between two units still joins",
        "（八）关爱女职工。（省总工会联合省妇联负责）",
        [("省总工会", L), ("省妇联", P)],
    ),
    (
        "a 联合社 before another unit",
        "（五）发展农村电商。（省供销合作社联合社、省商务厅负责）",
        [("省供销合作社联合社", U), ("省商务厅", U)],
    ),
    (
        "联合会 inside a guiding group",
        "（三）推进行业自律。（省工业和信息化厅会同省工商业联合会加强指导）",
        [("省工业和信息化厅", G), ("省工商业联合会", G)],
    ),
]


@pytest.mark.parametrize(("label", "text", "expected"), JOINT, ids=[c[0] for c in JOINT])
def test_joint_words_in_names(label: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected, label
