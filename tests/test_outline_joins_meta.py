"""Line joins, tables of contents, attachment lists and meta rules of blind round 11.

Varied text written for these rules: hard-wrapped run-in items, numbers cut before their unit
words, a 目录 without leader dots, 附表/附图/附录 lists, ranked dates and titles ending after
a 《…》.
"""

from __future__ import annotations

import pytest

import policyparse
from policyparse.normalize import normalize, to_halfwidth

from .spancheck import check_spans


def _sentences(text: str) -> list[str]:
    doc = policyparse.parse(text)
    check_spans(doc)
    return [doc.evidence(s.span).replace("\n", "") for s in doc.sentences]


# (text, a sentence that must read whole with its line break dropped)
_WRAPPED_ITEMS = [
    (
        "二、重点任务\n（一）改造一批老旧工程。对建成时间超过15年、供水保证率不足的\n"
        "工程实施改造，全年完成改造260处。\n",
        "对建成时间超过15年、供水保证率不足的工程实施改造，全年完成改造260处。",
    ),
    (
        "三、保障措施\n（二）严格督查考核。市水利局每季度开展一次督查，结果纳入年度目标考\n核。\n",
        "市水利局每季度开展一次督查，结果纳入年度目标考核。",
    ),
    (
        "一、工作任务\n1.加快项目建设。各县区要倒排工期，确保年底前全部项目开工建设并\n"
        "按期投入使用。\n",
        "各县区要倒排工期，确保年底前全部项目开工建设并按期投入使用。",
    ),
    (
        "第五条　县级财政安排配套资金不少于2000万元，各乡镇按不低于\n1:1比例落实配套资金。\n",
        "第五条　县级财政安排配套资金不少于2000万元，各乡镇按不低于1:1比例落实配套资金。",
    ),
]


@pytest.mark.parametrize(("text", "whole"), _WRAPPED_ITEMS, ids=[w[:8] for _, w in _WRAPPED_ITEMS])
def test_a_wrapped_item_line_joins_its_continuation(text: str, whole: str) -> None:
    assert whole in _sentences(text)


@pytest.mark.parametrize(
    "text",
    [
        # a line holding only a heading stays apart from the text under it
        "一、主要目标\n到2025年，全市建成农村供水工程1200处。\n",
        "（一）强化资金保障\n州级财政安排配套资金1.2亿元。\n",
        # a long heading with a comma in it, outside a hard-wrapped text
        "三、坚持创新驱动，加快推进发展动能转换和产业结构优化升级\n全市要加大研发投入。\n",
    ],
)
def test_a_heading_line_without_body_text_stays_apart(text: str) -> None:
    first = text.split("\n")[0]
    norm = normalize(text).norm
    assert norm.split("\n")[0] == to_halfwidth(first)


# a number cut from its unit word by a line break (short lines: the unit list decides)
@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("全省高速公路通车里程达到8500\n公里", "8500\n公里", "公里"),
        ("新建污水管网36\n千米", "36\n千米", "千米"),
        ("年处理餐厨垃圾能力达到150\n吨/日", "150\n吨/日", "吨/日"),
        ("新增高标准农田4.5\n万亩", "4.5\n万亩", "万亩"),
        ("全年培训乡村医生300\n人次", "300\n人次", "人次"),
    ],
)
def test_a_number_cut_before_its_unit_is_read_over_the_break(
    text: str, quote: str, unit: str
) -> None:
    doc = policyparse.parse(text)
    got = [(doc.evidence(q.span), q.unit) for q in doc.quantities]
    assert got == [(quote, unit)]


@pytest.mark.parametrize(
    "text",
    [
        # 人民, 人才 and 户籍 only start like units
        "截至目前共有3\n人民调解委员会",
        "全县开展活动5\n户籍制度改革同步推进",
        # a table written one cell a line keeps its cells apart
        "序号\n项目\n数量\n1\n新建道路12\n公里\n2\n改造管网8\n公里\n3\n备注\n",
    ],
)
def test_a_line_that_only_starts_like_a_unit_is_not_joined(text: str) -> None:
    work = normalize(text)
    assert work.norm.count("\n") == text.count("\n")


def test_a_table_of_contents_without_leaders_is_no_outline() -> None:
    doc = policyparse.parse(
        "江城市物业管理条例\n目　　录\n第一章　总　　则\n第二章　业主和业主大会\n"
        "第三章　附　　则\n\n第一章　总　　则\n第一条　为了规范物业管理活动，制定本条例。\n"
        "第二章　业主和业主大会\n第二条　业主大会由全体业主组成。\n"
        "第三章　附　　则\n第三条　本条例自2025年1月1日起施行。\n"
    )
    assert [(s.number, s.title) for s in doc.sections if s.kind == "chapter"] == [
        ("第一章", "总则"),
        ("第二章", "业主和业主大会"),
        ("第三章", "附则"),
    ]
    body = "".join(doc.evidence(p.span) for p in doc.paragraphs)
    assert "目　　录" not in body


def test_a_contents_line_without_its_entries_recurring_is_left_alone() -> None:
    # no entry recurs as a heading: nothing is taken for a table of contents
    doc = policyparse.parse(
        "某县工作方案\n目录\n一、总体要求\n到2025年，完成改造100处。\n二、保障措施\n加强领导。\n"
    )
    assert [s.number for s in doc.sections] == ["一、", "二、"]


@pytest.mark.parametrize("word", ["附表", "附图", "附录", "附件"])
def test_attachment_lists_of_tables_figures_and_appendices(word: str) -> None:
    doc = policyparse.parse(
        "某县人居环境整治工作方案\n一、工作目标\n到2025年，全县农村卫生户厕普及率达到95%。\n"
        "二、工作要求\n（一）压实责任。各镇要落实主体责任。\n"
        f"{word}：1.某县农村改厕任务分解表\n　　　2.某县农村污水治理任务分解表\n"
        "某县人民政府办公室\n2025年2月14日\n"
    )
    assert [s.number for s in doc.sections] == ["一、", "二、", "（一）"]
    assert doc.meta.date == "2025-02-14"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the signature outranks a web page's 发布时间
        (
            "首页 > 政府文件\n发布时间：2021-06-15 16:20\n"
            "某市人民政府办公室关于加快发展的实施意见\n"
            "一、发展目标\n到2025年，筹集住房5万套。\n某市人民政府办公室\n2021年6月11日\n",
            "2021-06-11",
        ),
        # 成文日期 outranks 发布日期 on the same line, whichever comes first
        (
            "发布日期：2023-04-20　成文日期：2023-04-12\n某省关于加快发展的意见\n"
            "一、总体要求\n坚持创新驱动。\n",
            "2023-04-12",
        ),
        # 发布时间 still stands when nothing else dates the document
        (
            "发布时间：2022-09-16 10:30\n某市关于加快发展现代物流业的实施意见\n一、发展目标\n"
            "到2025年，物流业增加值年均增长8%左右。\n",
            "2022-09-16",
        ),
        # a regulation's adoption note: the approval date
        (
            "某市城市绿化条例\n（2019年8月28日某市人民代表大会常务委员会第二十三次会议通过　"
            "2019年11月29日某省人民代表大会常务委员会第十二次会议批准）\n"
            "第一条　为了促进城市绿化事业发展，制定本条例。\n"
            "第二条　本条例自2020年3月1日起施行。\n",
            "2019-11-29",
        ),
        (
            "某县村庄规划管理办法\n（2021年5月6日县人民政府第十次常务会议通过）\n"
            "第一条　为了加强村庄规划管理，制定本办法。\n",
            "2021-05-06",
        ),
    ],
)
def test_date_ranks(text: str, date: str) -> None:
    assert policyparse.parse(text).meta.date == date


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "河南省人力资源和社会保障厅负责同志就《河南省就业补助资金管理办法》答记者问",
            "河南省人力资源和社会保障厅负责同志就《河南省就业补助资金管理办法》答记者问",
        ),
        ("《江城市老旧小区改造实施方案》政策解读", "《江城市老旧小区改造实施方案》政策解读"),
        ("《江城市物业服务收费管理办法》", "《江城市物业服务收费管理办法》"),
    ],
)
def test_a_title_never_ends_inside_book_brackets(line: str, title: str) -> None:
    doc = policyparse.parse(
        f"当前位置：首页 > 政策解读\n{line}\n"
        "　　问：出台的背景是什么？\n　　答：为规范管理，制定本办法。\n"
    )
    assert doc.meta.title == title


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("国家医疗保障局办公室关于印发《2026年医疗保障工作要点》的通知", (2026, 2026)),
        ("关于印发2025年度全市优化营商环境重点工作安排的通知", (2025, 2025)),
        ("某县2024年乡村振兴工作计划", (2024, 2024)),
        # a period in the title wins; a year that is no plan's year gives none
        ("关于印发某市数字经济三年行动计划（2026—2028年）的通知", (2026, 2028)),
        ("关于做好2025年度职称评审工作的通知", None),
    ],
)
def test_a_plan_for_one_year_states_its_year(title: str, period: tuple[int, int] | None) -> None:
    text = f"{title}\n\n各有关单位：\n\n现将有关事项通知如下。一、加强组织领导。\n"
    meta = policyparse.parse(text).meta
    got = (meta.plan_period.start, meta.plan_period.end) if meta.plan_period else None
    assert got == period
    assert meta.start_year == (period[0] if period else None)
