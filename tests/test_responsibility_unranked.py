"""Units with no rank beside participants: not marked as leading.

``负责``, ``责任单位：``, ``责任部门：`` and ``为责任单位`` say that units are responsible, not
which of them leads: in a block that marks no lead and under no first-is-lead convention, they
are ``unspecified`` beside ``配合``, ``参与`` or ``协办`` units, which take part. Words that say
outright which unit is the main one (``牵头``, ``会同``, ``主责单位：``, ``主办：``, ``负总责``,
``主要责任单位：``, ``为主责单位``) still give the lead, and a convention still decides.
"""

from __future__ import annotations

import pytest

from .unitcheck import L, P, U, units_of

Case = tuple[str, str, list[tuple[str, str]]]

UNRANKED: list[Case] = [
    (
        "a responsible label and a cooperating label",
        "（二）改造供热管网。（责任单位：区城管委；配合单位：区财政局、区应急局）",
        [("区城管委", U), ("区财政局", P), ("区应急局", P)],
    ),
    (
        "负责 then 配合",
        "建立巡查制度。（县林业局、县公安局负责，各镇人民政府配合）",
        [("县林业局", U), ("县公安局", U), ("各镇人民政府", P)],
    ),
    (
        "按职责分工负责 then 参与",
        "完善监测网络。（生态环境部、水利部按职责分工负责，中国科学院参与）",
        [("生态环境部", U), ("水利部", U), ("中国科学院", P)],
    ),
    (
        "为责任单位 then 参与",
        "拓展入境客源。（市文旅局、市外办为责任单位，市航空公司参与）",
        [("市文旅局", U), ("市外办", U), ("市航空公司", P)],
    ),
    (
        "a responsible department and a co-organizer",
        "推进垃圾分类。责任部门：镇城建办；协办单位：各村委会",
        [("镇城建办", U), ("各村委会", P)],
    ),
    (
        "负责 then 协助 after an adverb",
        "查处违法行为。（州市场监管局、州农业农村局分别负责，州公安局协助）",
        [("州市场监管局", U), ("州农业农村局", U), ("州公安局", P)],
    ),
    (
        "负责 beside units that provide support",
        "建设气象服务平台。（县气象局负责，县信息中心提供技术支撑）",
        [("县气象局", U), ("县信息中心", P)],
    ),
    (
        "a task table with responsible and cooperating columns",
        "序号\t重点任务\t责任单位\t配合单位\n1\t建设物流园\t县交通局\t县商务局、县财政局\n",
        [("县交通局", U), ("县商务局", P), ("县财政局", P)],
    ),
]

STILL_LEAD: list[Case] = [
    (
        "会同 then 负责",
        "修订地方标准。（省市场监管局会同省住房城乡建设厅负责）",
        [("省市场监管局", L), ("省住房城乡建设厅", P)],
    ),
    (
        "a main-responsibility label",
        "提升窗口服务。（主责单位：区行政审批局；协同单位：区数据局）",
        [("区行政审批局", L), ("区数据局", P)],
    ),
    (
        "主办 and 协办",
        "举办招聘活动。（主办：县人社局；协办：县总工会、团县委）",
        [("县人社局", L), ("县总工会", P), ("团县委", P)],
    ),
    (
        "负总责 then 配合",
        "落实防汛责任。（各乡镇人民政府负总责，县水利局配合）",
        [("各乡镇人民政府", L), ("县水利局", P)],
    ),
    (
        "a label of main responsibility",
        "整治河道。（主要责任单位：市水务局；配合单位：市城管局）",
        [("市水务局", L), ("市城管局", P)],
    ),
    (
        "为主责单位 and 为协同单位",
        "推广智慧农机。（县农机中心为主责单位，县农业农村局为协同单位）",
        [("县农机中心", L), ("县农业农村局", P)],
    ),
    (
        "为主要责任单位 then 配合",
        "开展消费帮扶。（市乡村振兴局为主要责任单位，市商务局配合）",
        [("市乡村振兴局", L), ("市商务局", P)],
    ),
    (
        "主责 after a unit",
        "建设数据底座。（市大数据中心主责，市网信办、市通信管理局配合）",
        [("市大数据中心", L), ("市网信办", P), ("市通信管理局", P)],
    ),
    (
        "负主要责任 then 配合",
        "保障校园安全。（县教体局负主要责任，县公安局配合）",
        [("县教体局", L), ("县公安局", P)],
    ),
    (
        "a first-is-lead convention in force",
        "说明：各项任务中位列第一的为牵头单位，下同。\n"
        "1.建设驿站。（县总工会、县人社局负责，县财政局配合）\n",
        [("县总工会", L), ("县人社局", P), ("县财政局", P)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in UNRANKED], ids=[c[0] for c in UNRANKED]
)
def test_no_rank_beside_participants(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in STILL_LEAD], ids=[c[0] for c in STILL_LEAD]
)
def test_words_that_name_the_lead(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected
