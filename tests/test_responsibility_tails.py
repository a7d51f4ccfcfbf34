"""Role words the rule data does not list, left after a unit's name, and 指导 inside names.

A group that ends with a unit and a short verb phrase (``…中心具体承办``, ``…局组织开展``) keeps
the unit and reads the phrase as a role word without rank; ``指导`` inside a unit's name
(``…指导中心``, ``…指导站``) is no role word.
"""

from __future__ import annotations

import pytest

from policyparse.extract import responsibility
from policyparse.extract.responsibility.units import parse_content, verb_tail_start
from policyparse.pipeline import build_context

L, P, G, U = "lead", "participant", "guide", "unspecified"


def units_of(text: str) -> list[tuple[str, str]]:
    ctx = build_context(text)
    responsibility.run(ctx)
    return [(u.name, u.role) for u in ctx.responsible_units]


CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # --- role words added to the data ---
    (
        "督促指导 guides",
        "强化安全监管。（县级应急管理部门具体负责，省、市两级应急管理部门督促指导）",
        [("县级应急管理部门", U), ("省、市两级应急管理部门", G)],
    ),
    (
        "督导 guides",
        "开展专项检查。（市教育局督导，各县区教育局具体落实）",
        [("市教育局", G), ("各县区教育局", U)],
    ),
    (
        "督促落实 guides beside a lead",
        "完善配套政策。（市商务局牵头，市财政局、市税务局督促落实）",
        [("市商务局", L), ("市财政局", G), ("市税务局", G)],
    ),
    (
        "具体承办 is a role word without rank",
        "办好年度峰会。（市文化旅游局指导，市文化馆、市群众艺术馆具体承办）",
        [("市文化旅游局", G), ("市文化馆", U), ("市群众艺术馆", U)],
    ),
    (
        "承办 beside a lead takes part",
        "举办招聘活动。（区人社局牵头，区就业服务中心承办）",
        [("区人社局", L), ("区就业服务中心", P)],
    ),
    (
        "监督指导 guides",
        "规范收费行为。（市发展改革委、市市场监管局监督指导，各县区人民政府负责）",
        [("市发展改革委", G), ("市市场监管局", G), ("各县区人民政府", U)],
    ),
    # --- verb phrases the data does not list, cut off as role words without rank ---
    (
        "a verb phrase in a task table cell",
        "序号\t重点任务\t责任单位\n1\t建设冷链设施\t市商务局、市供销社组织实施\n"
        "2\t培育龙头企业\t市农业农村局、市工信局具体执行\n",
        [("市商务局", U), ("市供销社", U), ("市农业农村局", U), ("市工信局", U)],
    ),
    (
        "组织开展 at the end of the block",
        "开展技能培训。（县农业农村局、县林业局组织开展）",
        [("县农业农村局", U), ("县林业局", U)],
    ),
    (
        "组织开展 beside a lead",
        "开展技能培训。（县人社局牵头，各乡镇人民政府组织开展）",
        [("县人社局", L), ("各乡镇人民政府", P)],
    ),
    (
        "a verb phrase before a comma, then a guide",
        "推进老旧小区改造。（各区人民政府全力推进，市住房城乡建设局业务指导）",
        [("各区人民政府", U), ("市住房城乡建设局", G)],
    ),
    (
        "a verb phrase of three characters",
        "抓好项目建设。（市发展改革委抓推进，市财政局配合）",
        [("市发展改革委", U), ("市财政局", P)],
    ),
    (
        "words before a listed role word are cut with it (跟进落实)",
        "做好整改工作。（市生态环境局牵头，各县市区政府跟进落实）",
        [("市生态环境局", L), ("各县市区政府", P)],
    ),
    (
        "words before a ranked role word keep its rank (全力配合)",
        "优化营商环境。（市政务服务中心牵头，市公安局、市税务局全力配合）",
        [("市政务服务中心", L), ("市公安局", P), ("市税务局", P)],
    ),
    (
        "an adverb before a verb phrase",
        "推广典型经验。（市农业农村局、市乡村振兴局分别组织推广）",
        [("市农业农村局", U), ("市乡村振兴局", U)],
    ),
    (
        "a labelled list whose last unit carries a verb phrase",
        "加强宣传引导。\n　　责任单位：市委宣传部、市融媒体中心具体执行\n",
        [("市委宣传部", U), ("市融媒体中心", U)],
    ),
    # --- 指导 inside a unit's name ---
    (
        "a 指导中心 closing a bare bracket is a unit",
        "开展质量评价。（省医管所、省卫生健康委医疗管理服务指导中心）",
        [("省医管所", U), ("省卫生健康委医疗管理服务指导中心", U)],
    ),
    (
        "a 指导中心 among units with a role word",
        "促进高校毕业生就业。（市人社局牵头，市就业创业指导中心、市教育局配合）",
        [("市人社局", L), ("市就业创业指导中心", P), ("市教育局", P)],
    ),
    (
        "a 指导站 before a role word",
        "推广绿色种养技术。（县农业农村局、县农业技术推广指导站负责）",
        [("县农业农村局", U), ("县农业技术推广指导站", U)],
    ),
    (
        "a 指导中心 alone in a bracket",
        "培育家庭农场。（县农经指导中心）",
        [("县农经指导中心", U)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_role_tails(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


NOT_CUT = [
    # a unit's own name ending in a word a verb phrase may hold
    "（责任单位：市民政局、各社会组织）",
    "（县发展改革局、县推进办）",
    "（市科技局、市技术转移服务中心）",
    "（市交通运输局、市公路事业发展中心）",
]


@pytest.mark.parametrize("content", NOT_CUT)
def test_names_that_end_like_verbs_stay_whole(content: str) -> None:
    names = [n for n, _r in units_of("加强建设。" + content)]
    inner = content.strip("（）").removeprefix("责任单位：")
    assert names == inner.split("、")


NO_TAIL = [
    ("市发改委", None),  # a unit alone
    ("制定实施方案", None),  # no unit before the phrase
    ("市委宣传部组织", None),  # 组织 ends no verb phrase (社会组织)
    ("市发改委研究制定", None),  # not a phrase of the data
]


@pytest.mark.parametrize(("piece", "expected"), NO_TAIL)
def test_no_verb_tail(piece: str, expected: int | None) -> None:
    assert verb_tail_start(piece, 0, len(piece)) == expected


def test_verb_tail_start() -> None:
    piece = "长沙国际会展中心具体承办"
    assert verb_tail_start(piece, 0, len(piece)) == len("长沙国际会展中心")
    piece = "各乡镇人民政府组织开展"
    assert verb_tail_start(piece, 0, len(piece)) == len("各乡镇人民政府")


def test_a_cut_phrase_counts_as_a_role_word() -> None:
    p = parse_content("县农业农村局、县林业局组织开展")
    assert p.role_words == 1
    assert [g.marked for g in p.groups] == [True]


SENTENCES = [
    # running sentences whose verbs follow a unit: no block
    "各级财政部门要会同各乡镇做好统筹推进。",
    "市场监管局要会同有关部门加强督促检查，确保取得实效。",
    "县人民政府组织开展，乡镇人民政府具体落实相关工作任务。",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_no_block_from_running_sentences(text: str) -> None:
    assert units_of("加强建设。" + text) == []
