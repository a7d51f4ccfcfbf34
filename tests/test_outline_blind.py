"""Outline and meta of eight documents written blind (tests/fixtures/outline/).

The expectations were written by reading each text, before the extractor was first run on it.
Shape as in test_outline_varied: level -> (count, first title, last title); provision numbers in
order; meta fields (``None`` = must be absent); strings no paragraph may hold (debris).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import policyparse
from policyparse.normalize import normalize, to_halfwidth
from policyparse.records import PolicyDocument
from policyparse.structure import build_outline

from .spancheck import check_spans

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "outline"


@dataclass(frozen=True)
class Blind:
    levels: dict[int, tuple[int, str, str]]
    provisions: list[str]
    meta: dict[str, object]
    absent: list[str] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)
    sentence_in: dict[str, str] = field(default_factory=dict)
    """sentence start -> number of the provision that holds it"""
    not_sections: list[str] = field(default_factory=list)


def _nums(numbers: str) -> list[str]:
    return numbers.split()


CASES: dict[str, Blind] = {
    # a PDF's text: hard-wrapped lines, page numbers — 3 —, the title as a running header
    "d1_pdf_plan.txt": Blind(
        {
            1: (4, "发展基础与形势", "保障措施"),
            2: (5, "指导思想", "完善市县水网"),
            3: (4, "加快骨干水源工程建设", "提升农村供水保障"),
        },
        ["（一）", "（二）", "（三）", "（四）"],
        {
            "title": "贵州省“十五五”现代水网建设规划",
            "issuer": "贵州省水利厅",
            "doc_number": None,
            "date": None,
            "plan_period": (2026, 2030),
            "start_year": 2026,
        },
        absent=["— 3 —", "— 5 —", "贵州省“十五五”现代水网建设规划"],
        kinds={"chapter": 9, "paren_cn": 4},
    ),
    # 一、（一）1.（1）① five levels deep, ——lead items
    "d2_nested_plan.txt": Blind(
        {
            1: (3, "总体目标", "保障措施"),
            2: (7, "壮大整车制造", "强化督导考核"),
            3: (4, "扩大整车产能", "发展关键零部件"),
            4: (
                4,
                "支持龙头企业新建生产线，新增产能5万辆",
                "提升产品质量，整车一次交验合格率达到98%以上",
            ),
            5: (2, "支持企业建设智能驾驶测试场", "开放测试道路200公里以上"),
        },
        _nums(
            "（一） 1. （1） （2） 2. （1） ① ② （2） "
            "（二） 1. 2. （三） （一） （二） （三） （四）"
        ),
        {
            "title": "德阳市新能源汽车产业发展行动计划（2025—2027年）",
            "doc_number": "德府办发〔2025〕14号",
            "issuer": "德阳市人民政府办公室",
            "date": "2025-04-03",
            "plan_period": (2025, 2027),
            "start_year": 2025,
        },
    ),
    # a provincial regulation: 章, 条, enumerated clauses, a promulgation note
    "d3_regulation.txt": Blind(
        {
            1: (4, "总则", "附则"),
            2: (9, "", ""),
            3: (6, "将农村供水工作纳入国民经济和社会发展规划", "盗用或者破坏供水管网"),
        },
        _nums(
            "第一条 第二条 第三条 （一） （二） （三） 第四条 第五条 "
            "第六条 （一） （二） （三） 第七条 第八条 第九条"
        ),
        {
            "title": "湖南省农村供水工程运行管理办法",
            "issuer": "湖南省人民政府",
            "doc_number": "湖南省人民政府令第315号",
            "date": "2024-06-20",
        },
        kinds={"chapter": 4, "article": 9, "paren_cn": 6},
        sentence_in={"县级人民政府水行政主管部门负责本行政区域内": "第三条"},
    ),
    # a notice: run-in 一、 items, an attachment list, 抄送 and 印发 lines
    "d4_notice_attachments.txt": Blind(
        {1: (6, "压实粮食安全责任", "强化考核监督")},
        ["一、", "二、", "三、", "四、", "五、", "六、"],
        {
            "title": "浙江省人民政府办公厅关于进一步加强粮食安全保障工作的通知",
            "doc_number": "浙政办发〔2022〕8号",
            "issuer": "浙江省人民政府办公厅",
            "date": "2022-02-10",
            "plan_period": None,
        },
        absent=["抄送", "印发", "此件公开发布", "储备粮规模安排表"],
        not_sections=["浙江省地方储备粮规模安排表"],
    ),
    # an opinion in Markdown: bold run-in headings, 一是……二是……
    "d5_opinion_bold.md": Blind(
        {1: (3, "总体要求", "保障措施"), 2: (9, "健全基层应急组织体系", "严格督促落实")},
        ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（一）", "（二）", "（三）"],
        {
            "title": "国务院办公厅关于推进基层应急能力建设的指导意见",
            "doc_number": "国办发〔2021〕5号",
            "issuer": "国务院办公厅",
            "date": "2021-02-03",
        },
    ),
    # a county web page in Markdown: 发布时间/来源/字号, 扫一扫, 打印本页, ICP lines
    "d6_web_county.md": Blind(
        {
            1: (
                1,
                "勐海县茶产业高质量发展三年行动方案（2024—2026年）",
                "勐海县茶产业高质量发展三年行动方案（2024—2026年）",
            ),
            2: (3, "发展目标", "保障措施"),
            3: (6, "推进茶园提质增效", "强化科技支撑"),
        },
        ["1.", "2.", "3.", "4.", "5.", "6."],
        {
            "title": "勐海县人民政府关于印发勐海县茶产业高质量发展三年行动方案"
            "（2024—2026年）的通知",
            "doc_number": "海政发〔2024〕3号",
            "issuer": "勐海县人民政府",
            "date": "2024-03-12",
            "plan_period": (2024, 2026),
            "start_year": 2024,
        },
        absent=["扫一扫", "打印本页", "关闭窗口", "ICP备", "字号", "技术支持"],
    ),
    # a title over two lines; the plan follows the notice's signature
    "d7_two_line_title.txt": Blind(
        {
            1: (3, "主要目标", "组织实施"),
            2: (4, "推进农业转移人口市民化", "推进城乡融合发展"),
            3: (7, "深化户籍制度改革", "推动城乡基础设施一体化"),
        },
        ["（一）", "1.", "2.", "（二）", "1.", "2.", "3.", "（三）", "（四）", "1.", "2."],
        {
            "title": "四川省人民政府关于印发《四川省推进新型城镇化高质量发展实施方案》的通知",
            "doc_number": "川府发〔2023〕12号",
            "issuer": "四川省人民政府",
            "date": "2023-05-06",
            "plan_period": None,
        },
    ),
    # a ministry's 细则: 条 without chapters, ①②③ clauses, 一是 inside an article
    "d8_rules_ministry.txt": Blind(
        {
            1: (7, "", ""),
            2: (
                3,
                "月度存栏量低于正常保有量95%的，启动一级响应",
                "月度存栏量高于正常保有量110%的，发布过剩预警信息",
            ),
        },
        ["第一条", "第二条", "第三条", "第四条", "①", "②", "③", "第五条", "第六条", "第七条"],
        {
            "title": "农业农村部办公厅关于印发《生猪产能调控实施细则》的通知",
            "doc_number": "农办牧〔2025〕4号",
            "issuer": "农业农村部办公厅",
            "date": "2025-03-18",
        },
        kinds={"article": 7, "paren_arabic": 3},
    ),
}


@pytest.fixture(scope="module")
def docs() -> dict[str, PolicyDocument]:
    return {
        name: policyparse.parse((FIXTURES / name).read_text(encoding="utf-8")) for name in CASES
    }


def test_every_fixture_has_a_case() -> None:
    names = {p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md")}
    assert names - {"README.md"} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_levels(docs: dict[str, PolicyDocument], name: str) -> None:
    doc, case = docs[name], CASES[name]
    assert dict(Counter(s.level for s in doc.sections)) == {
        lv: c for lv, (c, _, _) in case.levels.items()
    }
    for lv, (_, first, last) in case.levels.items():
        titles = [to_halfwidth(s.title) for s in doc.sections if s.level == lv]
        assert (titles[0], titles[-1]) == (to_halfwidth(first), to_halfwidth(last))
    if case.kinds:
        assert dict(Counter(s.kind for s in doc.sections)) == case.kinds
    for title in case.not_sections:
        assert not any(title in s.title for s in doc.sections)


@pytest.mark.parametrize("name", sorted(CASES))
def test_provisions(docs: dict[str, PolicyDocument], name: str) -> None:
    numbers = [to_halfwidth(p.number) for p in docs[name].provisions]
    assert numbers == [to_halfwidth(n) for n in CASES[name].provisions]


@pytest.mark.parametrize("name", sorted(CASES))
def test_meta(docs: dict[str, PolicyDocument], name: str) -> None:
    meta = docs[name].meta
    for key, want in CASES[name].meta.items():
        got = getattr(meta, key)
        if key == "plan_period" and got is not None:
            got = (got.start, got.end)
        assert got == want, key


@pytest.mark.parametrize("name", sorted(CASES))
def test_debris_and_sentences(docs: dict[str, PolicyDocument], name: str) -> None:
    doc, case = docs[name], CASES[name]
    check_spans(doc)
    body = "".join(doc.evidence(p.span) for p in doc.paragraphs)
    for junk in case.absent:
        assert junk not in body
    for start, number in case.sentence_in.items():
        sent = next(s for s in doc.sentences if doc.evidence(s.span).startswith(start))
        prov = next(p for p in doc.provisions if p.id == sent.provision)
        assert prov.number == number
    # every character of every body line is in exactly one sentence
    work = normalize(doc.text)
    outline = build_outline(work)
    covered = [0] * len(doc.text)
    for s in doc.sentences:
        for i in range(s.span.start, s.span.end):
            covered[i] += 1
    assert max(covered, default=0) <= 1
    b0, b1 = outline.body
    for ln in outline.lines:
        if ln.debris or ln.start < b0 or ln.end > b1:
            continue
        span = work.span(ln.start, ln.end)
        assert all(covered[i] or doc.text[i].isspace() for i in range(span.start, span.end))


def test_hard_wrapped_sentence_reads_whole(docs: dict[str, PolicyDocument]) -> None:
    doc = docs["d1_pdf_plan.txt"]
    texts = [doc.evidence(s.span).replace("\n", "") for s in doc.sentences]
    assert "到2030年，全省水利工程供水能力达到160亿立方米以上，农村规模化" in "".join(texts)
    assert any(t.startswith("到2030年") and t.endswith("下降12%。") for t in texts)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "交通运输部令\n2023年第5号\n《公路养护管理规定》已于2023年3月1日经第5次部务会议通过，"
            "现予公布，自2023年5月1日起施行。\n部长　李某\n2023年3月10日\n公路养护管理规定\n"
            "第一条 为加强公路养护，制定本规定。\n第二条 本规定适用于国道。\n",
            {
                "title": "公路养护管理规定",
                "doc_number": "交通运输部令2023年第5号",
                "issuer": "交通运输部",
                "date": "2023-03-10",
            },
        ),
        (
            "江北市危险化学品安全管理办法\n（2022年9月5日江北市人民政府令第61号公布）\n"
            "第一条 为了加强危险化学品安全管理，制定本办法。\n第二条 本办法自公布之日起施行。\n",
            {
                "doc_number": "江北市人民政府令第61号",
                "issuer": "江北市人民政府",
                "date": "2022-09-05",
            },
        ),
        (
            "来源：丰城市发展和改革委员会\n丰城市关于推进绿色低碳发展的实施意见\n"
            "为推进绿色低碳发展，提出如下意见。\n一、主要目标\n到2030年，单位GDP能耗下降15%。\n",
            {"issuer": "丰城市发展和改革委员会"},
        ),
        ("来源：新华网\n某省关于加快发展的意见\n为加快发展，提出如下意见。\n", {"issuer": None}),
        (
            "根据《城镇排水与污水处理条例》（国务院令第641号），结合实际，制定本方案。\n"
            "一、总体目标\n到2025年，污水处理率达到95%。\n",
            {"doc_number": None},
        ),
    ],
)
def test_decree_and_source_meta(text: str, want: dict[str, object]) -> None:
    meta = policyparse.parse(text).meta
    for key, value in want.items():
        assert getattr(meta, key) == value, key


def test_clause_list_closes_before_the_article_text() -> None:
    doc = policyparse.parse(
        "一、重点任务\n（一）推进改革。主要包括：\n1.深化放管服改革；\n2.优化营商环境。\n"
        "各地要结合实际细化落实。\n（二）扩大开放。加强合作。\n"
    )
    sent = next(s for s in doc.sentences if doc.evidence(s.span).startswith("各地要"))
    assert next(p.number for p in doc.provisions if p.id == sent.provision) == "（一）"
    # an item whose text runs on in a second paragraph keeps it
    doc = policyparse.parse("一、重点任务\n（一）推进改革。深化放管服改革。\n各地要细化落实。\n")
    sent = next(s for s in doc.sentences if doc.evidence(s.span).startswith("各地要"))
    assert next(p.number for p in doc.provisions if p.id == sent.provision) == "（一）"


def test_attachment_list_is_not_an_outline() -> None:
    doc = policyparse.parse(
        "关于做好防汛工作的通知\n各县区：\n现将有关事项通知如下。\n一、加强值守。各地要严格值班。\n"
        "附件：1.防汛责任人名单\n2.应急物资清单\n3.值班安排表\n某某市防汛抗旱指挥部办公室\n2024年6月1日\n"
    )
    assert [s.number for s in doc.sections] == ["一、"]
    assert (doc.meta.issuer, doc.meta.date) == ("某某市防汛抗旱指挥部办公室", "2024-06-01")
    # numbered sentences after 附件 are headings again
    doc = policyparse.parse("附件\n1.加强领导。各地要落实责任。\n2.强化保障。落实资金。\n")
    assert [s.number for s in doc.sections] == ["1.", "2."]


def test_table_of_contents_is_no_outline() -> None:
    doc = policyparse.parse(
        "临川市“十五五”综合交通运输发展规划\n目　录\n第一章　发展基础……………………1\n"
        "第二章　总体要求……………………5\n第一节　指导思想……………………5\n"
        "一、重点项目 ........ 12\n\n第一章　发展基础\n“十四五”时期，全市交通投资完成500亿元。\n"
        "第二章　总体要求\n第一节　指导思想\n坚持人民至上。\n"
    )
    assert [(s.number, s.title) for s in doc.sections] == [
        ("第一章", "发展基础"),
        ("第二章", "总体要求"),
        ("第一节", "指导思想"),
    ]
    body = "".join(doc.evidence(p.span) for p in doc.paragraphs)
    assert "……" not in body


def test_chapter_title_on_the_next_line() -> None:
    doc = policyparse.parse(
        "某市“十五五”生态环境保护规划\n第一章\n发展基础\n全市空气质量优良天数比例达到90%。\n"
        "第二章\n总体要求\n第一节\n指导思想\n坚持生态优先。\n第三章\n到2030年，森林覆盖率达到45%。\n"
    )
    assert [(s.level, s.number, s.title) for s in doc.sections] == [
        (1, "第一章", "发展基础"),
        (1, "第二章", "总体要求"),
        (2, "第一节", "指导思想"),
        (1, "第三章", ""),
    ]
    assert doc.evidence(doc.sections[0].span) == "第一章\n发展基础"
