"""The outline, sentences and meta of policy documents in forms the corpus does not have."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

import pytest

import policyparse
from policyparse.meta import read_meta
from policyparse.normalize import normalize, to_halfwidth
from policyparse.records import PolicyDocument
from policyparse.structure import build_outline

from .spancheck import check_spans

REGULATION = """\
江州市城市绿化管理办法

（2023年5月8日市人民政府第12次常务会议通过）

第一章 总则
第一条 为了加强城市绿化管理，改善生态环境，根据有关法律法规，结合本市实际，制定本办法。
第二条 本办法适用于本市城市规划区内的城市绿化规划、建设、保护和管理。
第二章 规划和建设
第一节 规划
第三条 市园林绿化主管部门应当会同有关部门编制城市绿地系统规划。
第四条 到2025年，城市建成区绿地率达到38%以上。
第二节 建设
第五条 新建居住区绿地率不得低于30%。
1.5万平方米以上的公园应当配套建设公共厕所。
第三章 附则
第六条 本办法自2023年7月1日起施行。

江州市人民政府
2023年5月20日
"""

ACTION_PLAN = """\
临江市制造业数字化转型行动计划（2023—2025年）

临政办发〔2023〕7号

各区人民政府，市政府各部门：
　　为推进制造业数字化转型，制定本行动计划。
一、2025年发展目标
　　2022年，全市规模以上工业企业数字化改造覆盖率为45%。
　　到2025年，规模以上工业企业数字化改造覆盖率达到80%。
　　——培育省级智能工厂20家；
　　——建设工业互联网平台3-5个。
二、重点任务
（一）实施智能化改造。每年推动200家企业开展改造。
1.到2025年，培育数字化转型服务商300家。
2.建设标杆示范项目。
（1）支持龙头企业建设“灯塔工厂”；
（2）支持中小企业上云用云，1.5万家企业完成上云。
①对标杆项目给予奖励；
②对服务商给予补助。
(二)强化要素保障：设立专项资金，每年安排不少于2亿元。
三、保障措施
　　联系电话：0576-88123456
临江市人民政府办公室
2023年3月15日
"""

MARKDOWN = """\
# 南湖区促进文化旅游高质量发展的若干措施

## 一、总体目标
到2026年，全区接待游客突破3000万人次。

## 二、主要措施
### （一）丰富旅游产品
1. 打造精品线路10条。
2. 培育夜间文旅消费集聚区3个，其中国家级1个。

### （二）**完善服务设施**
**1.** 新建旅游厕所50座。

## 三、保障机制
各部门要加强协同。
"""

PDF_TEXT = """\
东川县推进农村生活污水治理实施方案
东川县人民政府办公室
　　为改善农村人居环境，根据上级有关要求，结合我县实际，制
定本方案。
一、工作目标
　　到2025年，全县农村生活污水治理率达到40%以上，新建污
水处理设施120座，其中日处理能力50吨以上的设施不少于10座，
建成区管网覆盖率达到85%。

- 1 -
东川县人民政府办公室
二、主要任务
　　（一）科学编制规划。各乡镇要在2023年底前完成治理规划编制
工作，明确治理模式、建设时序和资金来源，报县生态环境局备案。
　　（二）加快设施建设。优先治理水源保护区和人口集中村庄，每年完成
不少于30个村的治理任务，确保设施正常运行率达到90%以上。
- 2 -
东川县人民政府办公室
三、保障措施
　　县财政每年安排资金不少于800万元。
第3页
"""

WEB_PAGE = """\
您好，欢迎访问云州在线！
云州在线
云州在线-政策频道
首页 > 政策文件 > 市政府文件
云州在线|云州市人民政府关于加快发展现代物流业的实施意见
发布时间：2022-09-16 10:30　来源：云州市人民政府办公室
【字体：大 中 小】 打印本页
云政发〔2022〕21号
各县（市、区）人民政府，市政府各部门：
　　为加快发展现代物流业，现提出如下意见。
一、发展目标
（一）总体目标。到2025年，全市社会物流总额突破1.2万亿元，物流业增加值年均增长8%左右。
（二）具体目标。培育5A级物流企业3-5家。
二、重点任务
（一）建设物流枢纽。建成国家物流枢纽2个。
（二）发展冷链物流。冷库容量达到200万吨。
云州市人民政府
2022年9月10日
上一篇：关于印发云州市城市更新实施方案的通知
下一篇：云州市人民政府关于加强耕地保护的通知
主办：云州市人民政府办公室　电话：0871-63123456
网站标识码：5301000001　滇ICP备05000001号
"""

NOTICE = """\
国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的通知

国办发〔2022〕30号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　经国务院同意，现就有关事项通知如下：
一、进一步破除隐性门槛。（一）清理规范准入条件，全面推行证明事项告知承诺制。
二、规范涉企收费。（二）严禁违规收费：各地区要在2022年底前完成清理，涉企违规收费整治覆盖率达到100%。
三、优化涉企服务。推动政务服务事项网上可办率达到95%以上，企业开办时间压缩至1个工作日以内。
四、加强督促落实。各地区各部门要抓好落实。

国务院办公厅
二〇二二年九月七日
"""

FIVE_YEAR = """\
北海省“十四五”数字政府建设规划

第一章 发展基础
“十三五”时期，全省政务服务事项网上可办率达到90%。
第二章 总体要求
第一节 指导思想
坚持以人民为中心。
第二节 发展目标
到2025年，政务服务事项全程网办率达到80%，“一网通办”能力显著增强。
第三章 主要任务
第一节 推进政务服务一体化
（一）建设一体化平台。整合各类政务服务平台。
（二）推进数据共享。数据共享需求满足率达到95%以上。

北海省人民政府
2021年12月30日
"""


@dataclass(frozen=True)
class Expect:
    text: str
    levels: dict[int, tuple[int, str, str]]
    """level → (count, first title, last title)"""
    provisions: list[str]
    meta: dict[str, object] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)


CASES: dict[str, Expect] = {
    "regulation": Expect(
        REGULATION,
        {
            1: (3, "总则", "附则"),
            2: (5, "", ""),
            3: (3, "", ""),
        },
        ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条"],
        {"title": "江州市城市绿化管理办法", "issuer": "江州市人民政府", "date": "2023-05-20"},
        {"chapter": 5, "article": 6},
    ),
    "action_plan": Expect(
        ACTION_PLAN,
        {
            1: (3, "2025年发展目标", "保障措施"),
            2: (2, "实施智能化改造", "强化要素保障"),
            3: (2, "到2025年,培育数字化转型服务商300家", "建设标杆示范项目"),
            4: (2, "支持龙头企业建设“灯塔工厂”", "支持中小企业上云用云,1.5万家企业完成上云"),
            5: (2, "对标杆项目给予奖励", "对服务商给予补助"),
        },
        ["（一）", "1.", "2.", "（1）", "（2）", "①", "②", "(二)"],
        {
            "title": "临江市制造业数字化转型行动计划（2023—2025年）",
            "doc_number": "临政办发〔2023〕7号",
            "issuer": "临江市人民政府办公室",
            "date": "2023-03-15",
            "plan_period": (2023, 2025),
            "start_year": 2023,
        },
    ),
    "markdown": Expect(
        MARKDOWN,
        {
            1: (
                1,
                "南湖区促进文化旅游高质量发展的若干措施",
                "南湖区促进文化旅游高质量发展的若干措施",
            ),
            2: (3, "总体目标", "保障机制"),
            3: (2, "丰富旅游产品", "完善服务设施"),
            4: (3, "打造精品线路10条", "新建旅游厕所50座"),
        },
        ["（一）", "1.", "2.", "（二）", "1."],
        {"title": "南湖区促进文化旅游高质量发展的若干措施"},
    ),
    "pdf": Expect(
        PDF_TEXT,
        {1: (3, "工作目标", "保障措施"), 2: (2, "科学编制规划", "加快设施建设")},
        ["（一）", "（二）"],
        {"title": "东川县推进农村生活污水治理实施方案"},
    ),
    "web": Expect(
        WEB_PAGE,
        {1: (2, "发展目标", "重点任务"), 2: (4, "总体目标", "发展冷链物流")},
        ["（一）", "（二）", "（一）", "（二）"],
        {
            "title": "云州市人民政府关于加快发展现代物流业的实施意见",
            "doc_number": "云政发〔2022〕21号",
            "issuer": "云州市人民政府",
            "date": "2022-09-10",
        },
    ),
    "notice": Expect(
        NOTICE,
        {1: (4, "进一步破除隐性门槛", "加强督促落实")},
        ["一、", "二、", "三、", "四、"],
        {
            "title": "国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的通知",
            "doc_number": "国办发〔2022〕30号",
            "issuer": "国务院办公厅",
            "date": "2022-09-07",
        },
    ),
    "five_year": Expect(
        FIVE_YEAR,
        {
            1: (3, "发展基础", "主要任务"),
            2: (3, "指导思想", "推进政务服务一体化"),
            3: (2, "建设一体化平台", "推进数据共享"),
        },
        ["（一）", "（二）"],
        {
            "title": "北海省“十四五”数字政府建设规划",
            "issuer": "北海省人民政府",
            "date": "2021-12-30",
            "plan_period": (2021, 2025),
            "start_year": 2021,
        },
    ),
}


@pytest.fixture(scope="module")
def docs() -> dict[str, PolicyDocument]:
    return {name: policyparse.parse(case.text) for name, case in CASES.items()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_outline_levels(docs: dict[str, PolicyDocument], name: str) -> None:
    doc, case = docs[name], CASES[name]
    counts = Counter(s.level for s in doc.sections)
    assert dict(counts) == {lv: c for lv, (c, _, _) in case.levels.items()}
    for lv, (_, first, last) in case.levels.items():
        titles = [to_halfwidth(s.title) for s in doc.sections if s.level == lv]
        assert (titles[0], titles[-1]) == (to_halfwidth(first), to_halfwidth(last))
    if case.kinds:
        assert dict(Counter(s.kind for s in doc.sections)) == case.kinds


@pytest.mark.parametrize("name", sorted(CASES))
def test_provision_numbers(docs: dict[str, PolicyDocument], name: str) -> None:
    assert [p.number for p in docs[name].provisions] == CASES[name].provisions


@pytest.mark.parametrize("name", sorted(CASES))
def test_meta(docs: dict[str, PolicyDocument], name: str) -> None:
    meta = docs[name].meta
    for key, want in CASES[name].meta.items():
        got = getattr(meta, key)
        if key == "plan_period":
            assert got is not None and (got.start, got.end) == want
        else:
            assert got == want, key


@pytest.mark.parametrize("name", sorted(CASES))
def test_sentences_cover_body(docs: dict[str, PolicyDocument], name: str) -> None:
    """Every character of every body line, heading lines included, is in one sentence."""
    doc = docs[name]
    check_spans(doc)
    work = normalize(doc.text)
    outline = build_outline(work)
    covered = [False] * len(doc.text)
    for s in doc.sentences:
        for i in range(s.span.start, s.span.end):
            assert not covered[i], "sentences overlap"
            covered[i] = True
    b0, b1 = outline.body
    for ln in outline.lines:
        if ln.debris or ln.start < b0 or ln.end > b1:
            continue
        span = work.span(ln.start, ln.end)
        for i in range(span.start, span.end):
            if not doc.text[i].isspace():
                assert covered[i], doc.text[span.start : span.end]


def test_whole_sentence_item_is_a_sentence(docs: dict[str, PolicyDocument]) -> None:
    doc = docs["action_plan"]
    texts = [doc.evidence(s.span) for s in doc.sentences]
    assert "1.到2025年，培育数字化转型服务商300家。" in texts
    item = next(p for p in doc.provisions if p.number == "1.")
    sent = next(s for s in doc.sentences if doc.evidence(s.span).startswith("1.到2025年"))
    assert sent.provision == item.id


def test_run_in_heading_keeps_short_title(docs: dict[str, PolicyDocument]) -> None:
    doc = docs["web"]
    sec = next(s for s in doc.sections if s.title == "总体目标")
    assert doc.evidence(sec.span) == "（一）总体目标"
    assert "1.2万亿元" in doc.evidence(sec.body)


def test_pdf_page_furniture_is_debris(docs: dict[str, PolicyDocument]) -> None:
    doc = docs["pdf"]
    body = "".join(doc.evidence(p.span) for p in doc.paragraphs)
    assert "- 1 -" not in body and "第3页" not in body
    assert "东川县人民政府办公室" not in body  # the running header
    # a sentence cut by the line width, and one cut by a page break, read whole
    texts = [doc.evidence(s.span).replace("\n", "") for s in doc.sentences]
    assert any(t.startswith("到2025年") and t.endswith("85%。") for t in texts)
    assert "各乡镇要在2023年底前完成治理规划编制工作" in "".join(texts)


def test_running_header_after_form_feed() -> None:
    text = (
        "江南市促进发展实施方案\n一、总体目标\n到2025年，产值达到100亿元。\n"
        "\f江南市人民政府文件\n二、主要任务\n加快发展。\n"
        "\f江南市人民政府文件\n三、保障措施\n加强领导。\n"
    )
    doc = policyparse.parse(text)
    assert [s.number for s in doc.sections] == ["一、", "二、", "三、"]
    assert all("文件" not in doc.evidence(p.span) for p in doc.paragraphs)


def test_repeated_table_cells_are_kept() -> None:
    rows = "".join(f"任务{i}\n县农业农村局\n{90 + i}\n预期性\n" for i in range(5))
    doc = policyparse.parse(f"为加快发展，制定本方案。\n{rows}各地要抓好落实。")
    kept = [doc.evidence(p.span) for p in doc.paragraphs]
    assert kept.count("县农业农村局") == 5 and kept.count("预期性") == 5


def test_web_debris_outside_outline(docs: dict[str, PolicyDocument]) -> None:
    doc = docs["web"]
    body = "".join(doc.evidence(p.span) for p in doc.paragraphs)
    for junk in ("首页", "上一篇", "ICP备", "0871-63123456", "打印本页"):
        assert junk not in body


def test_chapter_parents(docs: dict[str, PolicyDocument]) -> None:
    doc = docs["regulation"]
    by_id = {s.id: s for s in doc.sections}
    art4 = next(s for s in doc.sections if s.number == "第四条")
    parent = by_id[art4.parent] if art4.parent else None
    assert parent is not None and parent.number == "第一节"
    assert parent.parent is not None and by_id[parent.parent].number == "第二章"


@pytest.mark.parametrize(
    ("text", "field", "want"),
    [
        (
            "云州市人民政府关于加强耕地保护的通知_政策文件_云州市人民政府门户网站\n为加强保护，现通知如下。",
            "title",
            "云州市人民政府关于加强耕地保护的通知",
        ),
        (
            "首页|新闻中心|临江市2023—2025年行动计划\n为加强保护，现通知如下。",
            "title",
            "临江市2023—2025年行动计划",
        ),
        (
            "临江市数据要素市场化配置改革三年行动方案\n（2024—2026年）\n（征求意见稿）\n"
            "为加快发展，制定本方案。",
            "title",
            "临江市数据要素市场化配置改革三年行动方案（2024—2026年）",
        ),
        ("江南省数据条例（试行）\n为加快发展，制定本条例。", "title", "江南省数据条例（试行）"),
        ("浙政发[2021]5号\n为加快发展，制定本方案。", "doc_number", "浙政发[2021]5号"),
        ("文号：国办发〔2016〕11号\n为加快发展，制定本方案。", "doc_number", "国办发〔2016〕11号"),
        ("为加快发展，制定本方案。\n发布时间：2023-03-15", "date", "2023-03-15"),
        ("为加快发展，制定本方案。\n江南省人民政府\n2023年3月15日", "date", "2023-03-15"),
        ("为加快发展，制定本方案。\n江南省人民政府\n2023年3月15日", "issuer", "江南省人民政府"),
        ("江南市人民政府关于加快发展的意见\n为加快发展，制定本意见。", "issuer", "江南市人民政府"),
        ("江南市“十五五”规划\n为加快发展，制定本规划。", "start_year", 2026),
        ("江南市行动方案\n为加快发展，制定本方案。实施期为2024—2026年。", "start_year", 2024),
        ("江南市行动方案（2024-2026）\n为加快发展，制定本方案。", "start_year", 2024),
        ("江南市2024年—2026年行动方案\n为加快发展，制定本方案。", "start_year", 2024),
    ],
)
def test_meta_forms(text: str, field: str, want: object) -> None:
    assert getattr(policyparse.parse(text).meta, field) == want


def test_title_broken_over_two_lines() -> None:
    text = (
        "江西省人民政府关于印发江西省“十四五”\n生态环境保护规划的通知\n赣府发〔2021〕28号\n"
        "各设区市人民政府：\n现将规划印发给你们，请认真贯彻执行。\n江西省人民政府\n2021年11月8日"
    )
    meta = policyparse.parse(text).meta
    assert meta.title == "江西省人民政府关于印发江西省“十四五”生态环境保护规划的通知"
    assert (meta.doc_number, meta.issuer, meta.date) == (
        "赣府发〔2021〕28号",
        "江西省人民政府",
        "2021-11-08",
    )


def test_signature_before_related_links() -> None:
    text = (
        "江南市关于加快发展的意见\n为加快发展，现提出如下意见。\n一、总体要求\n加强领导，落实责任。\n"
        "江南市人民政府\n2023年3月15日\n相关文件：关于印发江南市规划的通知，关于加快发展的意见\n"
    )
    meta = policyparse.parse(text).meta
    assert (meta.issuer, meta.date) == ("江南市人民政府", "2023-03-15")


def test_level_is_depth() -> None:
    """Items numbered 1. under one part and （一） under another are both at level 2."""
    doc = policyparse.parse(
        "一、发展目标\n1.公路里程达到120公里；\n2.公交线路新增3条。\n"
        "二、重点任务\n（一）完善路网。加快建设。\n（二）提升服务。优化线路。\n"
    )
    assert [(s.number, s.level) for s in doc.sections] == [
        ("一、", 1),
        ("1.", 2),
        ("2.", 2),
        ("二、", 1),
        ("（一）", 2),
        ("（二）", 2),
    ]
    assert doc.sections[4].parent == doc.sections[3].id


@pytest.mark.parametrize(
    "line",
    [
        "2025年，全市地区生产总值达到5000亿元。",
        "1.5万亩高标准农田完成建设。",
        "3-5家龙头企业入选全国百强。",
        "0571-87054321",
        "第1页",
        "- 12 -",
        "12.5%的企业完成改造。",
        "一是加强领导，二是完善机制。",
        "10%以上的资金用于基层。",
        "2023.6.1起施行。",
    ],
)
def test_not_a_heading(line: str) -> None:
    doc = policyparse.parse(f"为加快发展，制定本方案。\n{line}\n各地要抓好落实。")
    assert doc.sections == []


@pytest.mark.parametrize(
    ("line", "kind", "number", "title"),
    [
        ("一、2025年发展目标", "cn_number", "一、", "2025年发展目标"),
        ("(一)强化创新。到2025年，建成平台5个。", "paren_cn", "(一)", "强化创新"),
        ("（三）强化创新：到2025年，建成平台5个。", "paren_cn", "（三）", "强化创新"),
        ("1．加强组织领导", "arabic", "1．", "加强组织领导"),
        ("1、加强组织领导", "arabic", "1、", "加强组织领导"),
        ("1)加强组织领导", "arabic", "1)", "加强组织领导"),
        ("(1)完善服务", "paren_arabic", "(1)", "完善服务"),
        ("③健全机制", "paren_arabic", "③", "健全机制"),
        ("第十二条 本办法由市司法局负责解释。", "article", "第十二条", ""),
        ("第二条【适用范围】本办法适用于全市。", "article", "第二条", "适用范围"),
        ("第三节 保障措施", "chapter", "第三节", "保障措施"),
        ("第二部分 主要任务", "chapter", "第二部分", "主要任务"),
        (
            "第一百二十三条 本条例自公布之日起施行。",
            "article",
            "第一百二十三条",
            "",
        ),
        ("(2)推进数据共享；", "paren_arabic", "(2)", "推进数据共享"),
        ("#### 附件", "markdown", None, "附件"),
        ("**二、重点任务**", "cn_number", "二、", "重点任务"),
    ],
)
def test_heading_forms(line: str, kind: str, number: str | None, title: str) -> None:
    doc = policyparse.parse(f"{line}\n各地要抓好落实，确保取得实效。")
    sec = doc.sections[0]
    assert (sec.kind, sec.number, sec.title) == (kind, number, title)


def test_long_numbered_paragraph_has_no_title() -> None:
    line = "1.各地要" + "加快推进产业转型升级，" * 8 + "确保完成任务。"
    doc = policyparse.parse(line)
    assert doc.sections[0].title == ""
    assert doc.provisions[0].number == "1."


@pytest.mark.parametrize(
    "text",
    [
        "为" + "加快发展，" * 200_000 + "制定本方案。",
        "（" * 100_000 + "一" + "）" * 100_000,
        "1." * 300_000,
        "第一章" * 100_000,
        "—" * 500_000 + "\n" + "一、" * 200_000,
        ("关于" + "加快发展" * 20 + "的意见\n") * 2_000,
        "加快发展" * 250_000,
        "\n" * 1_000_000 + "为加快发展，制定本方案。",
        "目录\n" * 30_000 + "为加快发展，制定本方案。",  # every line a short one: the slow path
        "第" + "一" * 500_000 + "章",
    ],
)
def test_linear_time(text: str) -> None:
    t0 = time.perf_counter()
    outline = build_outline(normalize(text))
    read_meta(normalize(text), outline)
    # linear work takes well under a second here; catastrophic backtracking takes minutes
    assert time.perf_counter() - t0 < 10
