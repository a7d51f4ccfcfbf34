"""The outline of each corpus document, and of text written for the purpose."""

from __future__ import annotations

from collections import Counter

import pytest

import policyparse
from policyparse.normalize import normalize
from policyparse.records import PolicyDocument
from policyparse.structure import info_fields
from policyparse.structure.body import is_signature_date, is_signature_issuer
from policyparse.structure.outline import _rank_keys

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


# --- heading ranks: the chapter family ------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "order"),
    [
        # a 节 first met after a clause list still ranks above 条; the clauses stay below 条
        (
            ["chapter_章", "article", "paren_cn", "chapter_节"],
            "chapter_章 chapter_节 article paren_cn",
        ),
        (["article", "paren_cn", "chapter_章"], "chapter_章 article paren_cn"),
        (["chapter_章", "article", "chapter_编"], "chapter_编 chapter_章 article"),
        (["chapter_部分", "cn_number", "chapter_章"], "chapter_部分 chapter_章 cn_number"),
        # a cover letter's 一、 before an attachment's chapters keeps the first slot
        (["cn_number", "chapter_章", "article"], "cn_number chapter_章 article"),
        # Markdown levels keep their family's order in the slots where they appear
        (["md2", "cn_number", "md1"], "md1 cn_number md2"),
    ],
)
def test_rank_keys(keys: list[str], order: str) -> None:
    ranks = _rank_keys(keys)
    assert sorted(ranks, key=ranks.__getitem__) == order.split()


def test_section_first_met_after_a_clause_list() -> None:
    doc = policyparse.parse(
        "某市养犬管理条例\n第一章　总则\n第一条　为了规范养犬行为，制定本条例。\n"
        "第二条　本条例所称犬只包括：\n（一）宠物犬；\n（二）工作犬。\n"
        "第二章　登记管理\n第一节　登记\n第三条　养犬人应当办理登记，并提交下列材料：\n"
        "（一）身份证明；\n（二）免疫证明。\n材料不齐全的，不予登记。\n"
        "第二节　年检\n第四条　犬只每年年检一次。\n"
    )
    levels = [(s.level, s.number) for s in doc.sections]
    assert levels == [
        (1, "第一章"),
        (2, "第一条"),
        (2, "第二条"),
        (3, "（一）"),
        (3, "（二）"),
        (1, "第二章"),
        (2, "第一节"),
        (3, "第三条"),
        (4, "（一）"),
        (4, "（二）"),
        (2, "第二节"),
        (3, "第四条"),
    ]
    number = {p.id: p.number for p in doc.provisions}
    sent = next(s for s in doc.sentences if doc.evidence(s.span).startswith("材料不齐全"))
    assert sent.provision is not None and number[sent.provision] == "第三条"


# --- a site's information box ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "labels"),
    [
        ("索 引 号：000014349/2018-01126　　主题分类：商贸、海关、旅游", ["索引号", "主题分类"]),
        ("发文机关：九江市商务局　　成文日期：2018-07-06", ["发文机关", "成文日期"]),
        ("标　　题：某市关于开展示范县申报工作的通知", ["标题"]),
        (
            "发布时间：2018-07-09 16:20　来源：某市商务局　浏览次数：2318　【字体：大 中 小】",
            ["发布时间", "来源", "浏览次数", "字体"],
        ),
        ("发布日期: 2023-05-12  作者: 办公室", ["发布日期", "作者"]),
        ("有 效 性：有效", ["有效性"]),
        # not an information box
        ("来源：国家统计局数据显示，全市地区生产总值增长5%。", None),
        ("主要任务：加快推进产业升级", None),
        ("资料来源：市统计局", None),
        ("1.发布时间：2023年5月前", None),
        ("索引号：1　分类：2　来源：3　作者：4　字体：5　标题：6", None),
    ],
)
def test_info_fields(line: str, labels: list[str] | None) -> None:
    for text in (line, normalize(line).norm):
        fields = info_fields(text)
        assert (None if fields is None else [k for k, _v in fields]) == labels


def test_info_box_never_opens_the_body() -> None:
    doc = policyparse.parse(
        "首页 > 信息公开 > 通知公告\n"
        "索引号：11420100MB1234567X/2023-00421　　信息分类：农业、林业、水利\n"
        "发布机构：武昌区农业农村局　　生成日期：2023-05-12\n"
        "文　　号：武农〔2023〕8号\n"
        "关于做好2023年夏季防汛工作的通知\n各街道办事处：\n为做好今年防汛工作，现通知如下。\n"
        "一、压实责任。各街道要落实防汛责任，做到守土有责。\n"
        "二、加强值守。严格执行24小时值班制度。\n"
        "发布时间：2023-05-12 09:30　　阅读次数：128\n"
    )
    body = "".join(doc.evidence(p.span) for p in doc.paragraphs)
    for junk in ("索引号", "信息分类", "发布机构", "武农〔2023〕8号", "阅读次数"):
        assert junk not in body
    assert doc.evidence(doc.paragraphs[0].span) == "为做好今年防汛工作，现通知如下。"
    meta = doc.meta
    assert (meta.doc_number, meta.date, meta.issuer, meta.title) == (
        "武农〔2023〕8号",
        "2023-05-12",
        "武昌区农业农村局",
        "关于做好2023年夏季防汛工作的通知",
    )


# --- a cover letter's end closes its sections -----------------------------------------------


def _holder(doc: PolicyDocument, start: str) -> str | None:
    sent = next(s for s in doc.sentences if doc.evidence(s.span).startswith(start))
    return next((p.number for p in doc.provisions if p.id == sent.provision), None)


def test_signature_closes_the_cover_letter() -> None:
    # two issuers over a date in Chinese numerals, then the plan without 附件
    doc = policyparse.parse(
        "关于印发某县农村人居环境整治方案的通知\n各乡镇人民政府：\n"
        "现将方案印发给你们，请认真贯彻执行。\n一、提高认识。各地要高度重视。\n"
        "二、抓好落实。各乡镇要细化措施，确保取得实效。\n某县农业农村局\n某县生态环境局\n"
        "二〇二三年三月八日\n某县农村人居环境整治方案\n为改善农村人居环境，制定本方案。\n"
        "一、工作目标\n（一）厕所革命。到2025年，卫生厕所普及率达到90%。\n"
    )
    assert [(s.level, s.number, s.parent) for s in doc.sections] == [
        (1, "一、", None),
        (1, "二、", None),
        (1, "一、", None),
        (2, "（一）", "s3"),
    ]
    for start in ("某县生态环境局", "二〇二三年", "某县农村人居", "为改善农村"):
        assert _holder(doc, start) is None
    assert _holder(doc, "各乡镇要细化") == "二、"
    assert _holder(doc, "到2025年") == "（一）"
    assert (doc.meta.issuer, doc.meta.date) == ("某县生态环境局", "2023-03-08")


def test_attachment_and_closing_lines_close_every_section() -> None:
    doc = policyparse.parse(
        "某市商务局关于申报外贸发展资金的通知\n各区商务局：\n现将有关事项通知如下。\n"
        "一、申报范围\n（一）外贸企业。请于5月底前报送材料。\n联系人：张三\n"
        "（二）内贸企业。请于6月底前报送材料。\n（此件主动公开）\n"
        "抄送：市财政局，市税务局。\n某市商务局办公室　　2024年3月1日印发\n"
        "附件1\n资金申报指南\n申报企业应当如实填报。\n（一）申报条件。依法登记注册。\n"
    )
    body = "".join(doc.evidence(p.span) for p in doc.paragraphs)
    for junk in ("此件主动公开", "抄送", "印发"):
        assert junk not in body
    # a contact line stays in its item; after 附件 nothing of the letter goes on
    assert _holder(doc, "联系人") == "（一）"
    assert _holder(doc, "资金申报指南") is None
    assert _holder(doc, "申报企业应当") is None
    last = doc.sections[-1]
    assert (last.number, last.level, last.parent) == ("（一）", 1, None)


def test_issuer_and_date_cells_of_a_table_close_nothing() -> None:
    # no full stop before the issuer line: a row of a table, not a signature
    doc = policyparse.parse(
        "一、重点任务\n（一）建设项目。完成项目建设。\n序号\n任务\n牵头单位\n完成时间\n1\n"
        "新建污水处理厂\n市住房城乡建设局\n2025年6月30日\n（二）推进改造。完成改造。\n"
    )
    assert _holder(doc, "2025年6月30日") == "（一）"
    assert [s.level for s in doc.sections] == [1, 2, 2]


@pytest.mark.parametrize(
    ("line", "issuer", "date"),
    [
        ("扬州市人民政府办公室", True, False),
        ("某某县发展和改革委员会", True, False),
        ("各地要加强领导", False, False),
        ("2024年4月26日", False, True),
        ("二〇二四年四月二十六日", False, True),
        ("2024年4月26日前", False, False),
    ],
)
def test_signature_lines(line: str, issuer: bool, date: bool) -> None:
    assert (is_signature_issuer(line), is_signature_date(line)) == (issuer, date)


# --- the 文号 in the closing block ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # after 抄送, at the end
        (
            "关于开展安全生产大检查的通知\n各县市区人民政府：\n为加强安全生产，现通知如下。\n"
            "一、全面排查。各地要开展排查。\n二、严格整改。发现隐患要立即整改。\n"
            "某州人民政府办公室\n2022年5月6日\n抄送：州委办公室。\n州政办发〔2022〕15号\n"
            "某州人民政府办公室　　2022年5月7日印发\n",
            "州政办发〔2022〕15号",
        ),
        # the 版记 of a cover letter, before its long attachment
        (
            "某省人民政府办公厅关于印发某省数字乡村建设方案的通知\n各市人民政府：\n"
            "现将方案印发给你们，请认真组织实施。\n某省人民政府办公厅\n2023年9月1日\n"
            "抄送：省委办公厅。\n某政办发〔2023〕31号\n附件\n某省数字乡村建设方案\n"
            + "为推进数字乡村建设，制定本方案。\n" * 20
            + "一、总体要求\n到2025年，行政村5G通达率达到80%。\n",
            "某政办发〔2023〕31号",
        ),
        # the header's number wins
        (
            "某市人民政府文件\n某政发〔2021〕3号\n关于加快发展的通知\n为加快发展，现通知如下。\n"
            "一、加强领导。各地要落实责任。\n抄送：市委办公室。\n某政办〔2021〕9号\n",
            "某政发〔2021〕3号",
        ),
        # a number cited in brackets is another document's
        (
            "关于开展安全生产大检查的通知\n各县市区人民政府：\n为加强安全生产，现通知如下。\n"
            "一、全面排查。各地要开展排查。\n附件：关于加强安全管理的意见（国办发〔2020〕1号）\n",
            None,
        ),
        # on a line of its own under the title, in brackets: the document's own
        (
            "国务院关于加快发展的通知\n（国发〔2021〕7号）\n各省人民政府：\n为加快发展，现通知如下。\n",
            "国发〔2021〕7号",
        ),
    ],
)
def test_doc_number_in_the_closing_block(text: str, number: str | None) -> None:
    meta = policyparse.parse(text).meta
    assert meta.doc_number == number
    assert meta.title is not None and "〔" not in meta.title


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("盱眙县小龙虾产业高质量发展三年行动方案（２０２５—２０２７年）", (2025, 2027)),
        ("某自治州数字经济发展规划（２０２６－２０３０年）", (2026, 2030)),
        ("某县２０２６年乡村振兴重点工作要点", (2026, 2026)),
    ],
)
def test_plan_period_from_a_title_in_full_width_digits(title: str, period: tuple[int, int]) -> None:
    doc = policyparse.parse(title + "\n\n一、总体要求\n全年新增高标准农田1万亩。\n")
    assert doc.meta.title == title  # the title as written
    assert doc.meta.plan_period is not None
    assert (doc.meta.plan_period.start, doc.meta.plan_period.end) == period
