"""The outline of each corpus document, and of text written for the purpose."""

from __future__ import annotations

from collections import Counter

import pytest

import policyparse
from policyparse.records import PolicyDocument

from .spancheck import check_spans, squash


def paren(numbers: str, left: str = "(", right: str = ")") -> list[str]:
    """Bracketed item numbers from a space-separated list of numerals."""
    return [f"{left}{n}{right}" for n in numbers.split()]


# prefix → {level: (count, first title, last title)}, provision numbers
EXPECTED = {
    "000": (
        {1: (10, "产业规模稳步扩大,集聚发展态势明显", "平台能级亟待提升,区域协同机制缺失")},
        ["1.", "2.", "3.", "4.", "5.", "6.", "1.", "2.", "3.", "4."],
    ),
    "001": (
        {
            1: (7, "加快创新药产业发展,打造生物医药新增长引擎", "创新体制机制,加大政策扶持"),
            2: (22, "加快壮大产业规模", "强化组织保障"),
        },
        paren("一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九")
        + paren("二十 二十一 二十二"),
    ),
    "002": (
        {1: (6, "总体要求", "完善政策措施"), 2: (20, "指导思想", "健全工作机制")},
        paren("一 二 一 二 三 一 二 三 四 五 一 二 三 四 一 二 三 一 二 三", "（", "）"),
    ),
    "003": (
        {
            1: (3, "总体要求", "保障机制"),
            2: (18, "指导思想", "加强调度考核"),
            3: (3, "做优存量,锻造长板", "做大总量,培育新极"),
        },
        ["(一)", "(二)", "(三)", "(四)", "1.", "2.", "3."]
        + paren("一 二 三 四 五 六 七 八 九")
        + paren("一 二 三 四 五"),
    ),
    "004": (
        {
            1: (
                1,
                "浙江省促进生物医药产业高质量发展的指导意见",
                "浙江省促进生物医药产业高质量发展的指导意见",
            ),
            2: (9, "总体要求", "保障措施"),
            3: (23, "支持前沿技术与产品研发", "建设高层次人才队伍"),
        },
        None,
    ),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_corpus_outline(corpus_docs: dict[str, PolicyDocument], prefix: str) -> None:
    doc = corpus_docs[prefix]
    levels, numbers = EXPECTED[prefix]
    counts = Counter(s.level for s in doc.sections)
    assert dict(counts) == {lv: c for lv, (c, _, _) in levels.items()}
    for lv, (_, first, last) in levels.items():
        titles = [s.title for s in doc.sections if s.level == lv]
        assert titles[0] == first and titles[-1] == last
    if numbers is not None:
        assert [p.number for p in doc.provisions] == numbers


def test_004_provisions_mixed_brackets(corpus_docs: dict[str, PolicyDocument]) -> None:
    numbers = [p.number for p in corpus_docs["004"].provisions]
    assert numbers[0] == "(一)" and numbers[1] == "（二）" and numbers[-1] == "（二十三）"
    assert len(numbers) == 23


def test_provision_number_and_heading() -> None:
    doc = policyparse.parse(
        "一、主要任务\n（三）强化创新研究能力建设。依托高校建设平台。\n（四）加快攻关。支持企业。\n"
    )
    p = doc.provisions[0]
    assert (p.number, p.heading) == ("（三）", "强化创新研究能力建设")
    assert doc.evidence(p.span).startswith("（三）强化创新研究能力建设。依托")
    assert "（四）" not in doc.evidence(p.span)
    assert doc.sections[0].title == "主要任务" and doc.sections[0].level == 1


@pytest.mark.parametrize(
    ("text", "kind", "number"),
    [
        ("第一章 总则\n为了规范管理，制定本办法。", "chapter", "第一章"),
        ("第三条 本办法适用于全省各级政府部门。", "article", "第三条"),
        ("(2)完善服务。加强指导，推动落实。", "paren_arabic", "(2)"),
        ("1、加强组织领导。各地要建立工作机制。", "arabic", "1、"),
        ("## 三、保障措施\n加强组织领导，落实责任。", "cn_number", "三、"),
    ],
)
def test_heading_kinds(text: str, kind: str, number: str) -> None:
    doc = policyparse.parse(text)
    assert doc.sections[0].kind == kind
    assert doc.sections[0].number == number


def test_numbers_are_not_headings() -> None:
    doc = policyparse.parse("1.5万家企业参与改造，2021年完成验收。\n一是加强领导，二是完善机制。")
    assert doc.sections == []


def test_debris_outside_outline(corpus_docs: dict[str, PolicyDocument]) -> None:
    for doc in corpus_docs.values():
        covered = "".join(doc.evidence(p.span) for p in doc.paragraphs)
        for junk in (
            "您所在的位置",
            "长按扫码",
            "推荐文章",
            "ICP备",
            "Copyright",
            "总编辑",
            "400-639-9936",
        ):
            assert junk not in covered


def test_body_of_003_ends_before_footer(corpus_docs: dict[str, PolicyDocument]) -> None:
    doc = corpus_docs["003"]
    last = doc.provisions[-1]
    assert squash(doc.evidence(last.span)).endswith("全力保障各项工作高效推进。")


def test_paragraphs_and_sentences() -> None:
    doc = policyparse.parse("为加快发展，制定本方案。到2025年，产值达到100亿元！\n各地要抓好落实。")
    assert len(doc.paragraphs) == 2
    assert [doc.evidence(s.span) for s in doc.sentences] == [
        "为加快发展，制定本方案。",
        "到2025年，产值达到100亿元！",
        "各地要抓好落实。",
    ]


def test_every_corpus_span_in_range(corpus_docs: dict[str, PolicyDocument]) -> None:
    for doc in corpus_docs.values():
        check_spans(doc)


def test_meta_of_corpus(corpus_docs: dict[str, PolicyDocument]) -> None:
    assert corpus_docs["000"].meta.date == "2021-04-06"
    assert corpus_docs["000"].meta.plan_period is not None
    assert corpus_docs["000"].meta.plan_period.start == 2021
    assert corpus_docs["003"].meta.date == "2021-08-26"
    assert corpus_docs["003"].meta.issuer == "烟台市人民政府"
    assert corpus_docs["004"].meta.title == "浙江省促进生物医药产业高质量发展的指导意见"
    # a web page's title without the site's name and the slogan after it
    assert corpus_docs["000"].meta.title == "浙江省医药产业发展“十四五”规划"


def test_meta_signature_and_number() -> None:
    doc = policyparse.parse(
        "浙政办发〔2016〕47号\n各市人民政府：\n　　为加快发展，现提出如下意见。\n"
        "浙江省人民政府办公厅\n二〇一六年四月二十日\n"
    )
    assert doc.meta.doc_number == "浙政办发〔2016〕47号"
    assert doc.meta.issuer == "浙江省人民政府办公厅"
    assert doc.meta.date == "2016-04-20"
