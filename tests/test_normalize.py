"""The working copy and its offset map back to the original text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyparse.normalize import normalize, to_halfwidth


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("高于 5％，达到４５％以上", "高于5%,达到45%以上"),
        ("（一）指导思想：加快发展；", "(一)指导思想:加快发展;"),
        ("　　近年来，发展良好。", "近年来,发展良好。"),
        ("集群营业收入超 5000 亿元", "集群营业收入超5000亿元"),
        ("Copyright © 1998-2024 All rights reserved", "Copyright © 1998-2024 All rights reserved"),
        ("ＡＢＣ１２３", "ABC123"),
        ("省市场监管局〔知识产权局〕、省药监局", "省市场监管局〔知识产权局〕、省药监局"),
    ],
)
def test_normalized_forms(text: str, norm: str) -> None:
    assert normalize(text).norm == norm


def test_word_broken_by_page_break_is_joined() -> None:
    line = "加快布局细胞与基因治疗、新型抗体药物、新型小分子药物、前沿领域，推动核"
    text = f"{line}\n\n酸药物研发。\n"
    work = normalize(text)
    i = work.norm.index("核酸药物")
    span = work.span(i, i + 4)
    assert text[span.start : span.end] == "核\n\n酸药物"


def test_headings_and_titles_are_not_joined() -> None:
    text = (
        "浙江省人民政府办公厅关于促进医药产业创新发展的实施意见\n"
        "各市人民政府：\n一、总体要求\n加强领导。"
    )
    assert normalize(text).norm.count("\n") == 3
    prose = "为加快发展，推动产业转型升级，提升核心竞争力，现就有关事项提出如下意见\n一、总体要求\n"
    assert "意见\n一、" in normalize(prose).norm


def test_halfwidth_keeps_length() -> None:
    s = "（１２）％：；，　"
    assert len(to_halfwidth(s)) == len(s)


def test_to_norm_and_back() -> None:
    text = "　　到 2025 年，产值达到 100 亿元。"
    work = normalize(text)
    for i, ch in enumerate(work.norm):
        o = work.to_orig(i)
        assert to_halfwidth(text[o]) == ch
        assert work.to_norm(o) == i


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("核酸药物，。、 \n\t　（）5％亿元一、#")), max_size=200)
)
def test_map_is_monotonic_and_in_range(text: str) -> None:
    work = normalize(text)
    last = -1
    for i in range(len(work.norm)):
        o = work.to_orig(i)
        assert last < o < len(text)
        last = o
    span = work.span(0, len(work.norm))
    assert 0 <= span.start <= span.end <= len(text)


_WRAPPED = (
    "某县人民政府关于推进县域经济发展的通知\n\n"
    + "".join(
        f"　　到2026年，全县第{n}项重点产业营业收\n入达到350亿元，培育规上工业企业6\n"
        "0家以上，新增就业岗位一万个，推进\n项目建设取得明显成效并持续推进。\n"
        for n in range(1, 5)
    )
    + "某县人民政府关于推进县域经济发展的通知\n— 2 —\n"
    "　　到2027年，全县高新技术企业达到\n120家。\n"
)


def test_hard_wrapped_text_is_joined_at_its_width() -> None:
    """Lines of one width that run on (a PDF's text) are joined, also after a digit."""
    norm = normalize(_WRAPPED).norm
    assert "营业收入达到350亿元,培育规上工业企业60家以上" in norm
    assert "新增就业岗位一万个,推进项目建设" in norm


def test_title_repeated_before_a_page_number_is_skipped_in_a_wrapped_text() -> None:
    norm = normalize(_WRAPPED).norm
    assert "全县高新技术企业达到120家" in norm
    assert norm.count("某县人民政府关于推进县域经济发展的通知") == 2  # the header line stays


def test_short_lines_of_ordinary_text_stay_apart() -> None:
    text = "责任单位：\n区交通运输局\n深圳巴士集团\n深圳地铁集团\n"
    assert normalize(text).norm == text.replace("：", ":")


# --- when a line break is a wrap and when it is not -------------------------------------------

_JOINED = [
    (
        "a long prose line before a number with its unit",
        "　　推进普通国省道提质升级，到2025年新改建普通国省道\n2500公里，农村公路总里程稳定在"
        "17万公里左右，乡镇通三级及以上公路比例达到\n95%。\n",
        ["新改建普通国省道2500公里", "公路比例达到95%。"],
    ),
    (
        "a number with a unit after a noun",
        "　　到2026年，全市建成城市社区嵌入式服务设施，新增普惠托育服务机构托位\n1200个，"
        "覆盖全部街道。\n",
        ["托育服务机构托位1200个"],
    ),
    (
        "an indented first line wrapped onto an unindented one",
        "　　各地要加强组织领导，建立健全工作机制，确保各项任务落\n实到位。\n",
        ["确保各项任务落实到位"],
    ),
    (
        "a number cut in two by a line break",
        "　　2.培育夜间经济。建成夜间消费集聚区5个，夜间旅游消费占比达到3\n0%。\n",
        ["占比达到30%。"],
    ),
    (
        "a line going on with a half-width quotation mark",
        "　　到2027年，培育省级专精特新中小企业200家,打造一批“小巨人”企业和单项冠军企业,\n"
        '"同线同标同质"产品企业达到80家。\n',
        ['单项冠军企业,"同线同标同质"产品企业达到80家'],
    ),
    (
        "a year cut before its 年",
        "　　力争数字经济核心产业增加值年均增长10%，到2026\n年底建成5G基站1.2万个。\n",
        ["到2026年底建成"],
    ),
]

_APART = [
    (
        "a date line after a prose line",
        "　　请各有关单位结合实际，认真贯彻执行本通知的有关规定\n2024年3月1日\n",
        "有关规定\n2024年3月1日",
    ),
    (
        "a number opening a list item",
        "　　重点做好以下工作，确保各项政策落地见效并取得实效\n1.加强组织领导。\n",
        "实效\n1.加强",
    ),
    (
        "a count at the end of a line before a list number",
        "　　全市共有各类市场主体32万户，其中企业8.6万户，个体工商户2\n3.加强市场监管。\n",
        "个体工商户2\n3.加强",
    ),
    (
        "a year at the end of a line before a bare year",
        "　　主要指标的基期为2020年，规划期为2021年至2025年，展望到2035\n2040\n",
        "2035\n2040",
    ),
    (
        "a task cell of a table written one cell a line",
        "序号\n工作内容\n牵头部门\n责任部门\n1\n实施老旧小区改造，完成改造小区86个，惠及居民1.2万户\n"
        "县住建局\n县财政局、各乡镇人民政府\n2\n",
        "1.2万户\n县住建局",
    ),
    (
        "a label paragraph after a blank line",
        "　　牵头部门：县委宣传部　责任部门：县住建局，各乡镇人民政府\n\n"
        "　　说明：表中“—”表示无配合部门。\n",
        "各乡镇人民政府\n\n",
    ),
    (
        "a paragraph indented deeper than the line before",
        "各乡镇要加强组织领导，建立工作机制，确保各项任务落到实处\n"
        "　　县直各部门要按照职责分工抓好落实。\n",
        "落到实处\n",
    ),
    (
        "a paragraph after a blank line, indented",
        "　　各乡镇要加强组织领导，建立工作机制，确保各项任务落到实处\n\n"
        "　　县直各部门要抓好落实。\n",
        "落到实处\n",
    ),
]


@pytest.mark.parametrize(("text", "joined"), [c[1:] for c in _JOINED], ids=[c[0] for c in _JOINED])
def test_wrapped_lines_are_joined(text: str, joined: list[str]) -> None:
    norm = normalize(text).norm.replace(",", "，")
    for piece in joined:
        assert piece.replace(",", "，") in norm


@pytest.mark.parametrize(("text", "kept"), [c[1:] for c in _APART], ids=[c[0] for c in _APART])
def test_lines_that_are_not_wrapped_stay_apart(text: str, kept: str) -> None:
    norm = normalize(text).norm
    assert to_halfwidth(kept) in norm
