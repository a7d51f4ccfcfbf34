"""Outline and meta of documents written blind (tests/fixtures/outline/).

The expectations were written by reading each text, before the extractor was first run on it.
Shape as in test_outline_varied: level -> (count, first title, last title); provision numbers in
order; meta fields (``None`` = must be absent); strings no paragraph may hold (debris). d1–d8,
e1–e8 and f1–f8 are three rounds.
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
    sentence_in: dict[str, str | None] = field(default_factory=dict)
    """sentence start -> number of the provision that holds it (``None``: no provision)"""
    not_sections: list[str] = field(default_factory=list)
    sent_count: dict[str, int] = field(default_factory=dict)
    """paragraph start -> how many sentences it is cut into"""
    whole: list[tuple[str, str]] = field(default_factory=list)
    """(start, end) of sentences hard-wrapped over several lines that must read whole"""


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
            "date": "2024-03-08",
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
    # 办法: 章 > 节 > 条 > （一） clauses; articles with body paragraphs after their clause list
    "e1_banfa_sections.txt": Blind(
        {
            1: (4, "总则", "附则"),
            2: (8, "", ""),
            3: (9, "一般工业固体废物", "接受单位丧失利用处置能力的"),
            4: (7, "转移申请表", "采取防扬散、防流失、防渗漏措施"),
        },
        _nums(
            "第一条 第二条 第三条 （一） （二） （三） 第四条 （一） （二） （三） （四） 第五条 "
            "第六条 （一） （二） （三） 第七条 第八条 第九条 （一） （二） 第十条"
        ),
        {
            "title": "广东省固体废物跨市转移管理办法",
            "issuer": "广东省生态环境厅",
            "doc_number": None,
            "date": "2021-09-14",
            "plan_period": None,
        },
        kinds={"chapter": 6, "article": 10, "paren_cn": 12},
        sentence_in={
            "申请材料不齐全的": "第四条",
            "危险废物的跨市转移": "第二条",
            "检查中发现违法行为的": "第八条",
            "（一）转移申请表": "（一）",
        },
        sent_count={"第四条": 1, "第五条": 2},
    ),
    # 通知: cover letter with run-in 一、二、三、, signature, then 附件 with its own title and
    # 一、 numbering
    "e2_notice_cover_attachment.txt": Blind(
        {1: (6, "提高思想认识", "保障措施"), 2: (5, "推进老旧小区改造", "创新实施模式")},
        _nums("一、 二、 三、 （一） （二） （三） （一） （二）"),
        {
            "title": "扬州市人民政府办公室关于印发扬州市加快推进城市更新行动实施方案的通知",
            "issuer": "扬州市人民政府办公室",
            "doc_number": "扬府办发〔2024〕12号",
            "date": "2024-04-26",
            "plan_period": None,
        },
        absent=["抄送", "2024年4月28日印发", "此件公开发布"],
        kinds={"cn_number": 6, "paren_cn": 5},
        sentence_in={
            "城市更新是推动城市高质量发展": "一、",
            "到2026年，累计实施": None,
            "为深入实施城市更新行动": None,
        },
        not_sections=["扬州市加快推进城市更新行动实施方案"],
    ),
    # 实施意见: bare headings vs run-in headings; 一是…二是… inside paragraphs and at line starts
    "e3_opinion_yishi.txt": Blind(
        {1: (3, "总体要求", "保障措施"), 2: (7, "指导思想", "加大资金支持")},
        _nums("（一） （二） （三） （四） （五） （六） （七）"),
        {
            "title": "甘肃省人民政府关于加快推进县域商业体系建设的实施意见",
            "issuer": "甘肃省人民政府",
            "doc_number": "甘政发〔2023〕27号",
            "date": "2023-08-10",
            "plan_period": None,
        },
        kinds={"cn_number": 3, "paren_cn": 7},
        sentence_in={
            "一是推动连锁超市进乡镇": "（四）",
            "二是改造提升农贸市场": "（四）",
            "支持有条件的乡镇": "（四）",
            "以习近平": "（一）",
            "统筹用好": "（七）",
            "首先，加强产地仓储": "（五）",
        },
        not_sections=["推动连锁超市进乡镇", "改造提升农贸市场", "加强产地仓储"],
        sent_count={"（三）完善": 2, "（五）扩大": 3, "（二）主要目标": 2},
    ),
    # 行动计划 after its cover notice: 一、 > 1. > (1) > ① four deep; 1. restarts per 一、;
    # mixed widths
    "e4_nested_four.txt": Blind(
        {
            1: (3, "发展目标", "保障措施"),
            2: (4, "壮大市场主体", "强化人才支撑"),
            3: (5, "引进龙头企业", "发展冷链物流"),
            4: (
                3,
                "技术改造，对设备投资500万元以上的项目给予补助",
                "上市挂牌，对成功上市企业给予一次性奖励",
            ),
        },
        _nums("1. (1) (2) ① ② ③ （3） 2. (1) (2) 1. 2."),
        {
            "title": "宁乡市人民政府办公室关于印发《宁乡市预制菜产业发展行动计划"
            "（2025—2027年）》的通知",
            "issuer": "宁乡市人民政府办公室",
            "doc_number": "宁政办发〔2025〕9号",
            "date": "2025-02-19",
            "plan_period": (2025, 2027),
            "start_year": 2025,
        },
        kinds={"cn_number": 3, "arabic": 4, "paren_arabic": 8},
        sentence_in={"每年引进预制菜": "(1)", "优先保障预制菜": "1."},
        not_sections=["宁乡市预制菜产业发展行动计划"],
    ),
    # a government web page saved as text: info box, breadcrumb, share line, 相关链接/上一篇
    # after the body
    "e5_web_page.txt": Blind(
        {
            1: (3, "申报条件", "时间安排"),
            2: (
                3,
                "县级人民政府高度重视电子商务发展，已出台县域电子商务发展规划或实施方案",
                "已建成县级电子商务公共服务中心",
            ),
        },
        _nums("1. 2. 3."),
        {
            "title": "九江市商务局关于开展2018年度电子商务进农村综合示范县申报工作的通知",
            "issuer": "九江市商务局",
            "doc_number": "九商务字〔2018〕45号",
            "date": "2018-07-06",
            "plan_period": None,
        },
        absent=[
            "当前位置",
            "分享到",
            "打印本页",
            "相关链接",
            "上一篇",
            "下一篇",
            "ICP备",
            "浏览次数",
            "索 引 号",
            "发文机关",
            "电子商务发展三年行动计划的通知",
            "主办单位",
        ],
        sentence_in={"申报县须提交": None},
    ),
    # PDF text hard-wrapped at ~16 characters, running header = title, — 5 — page numbers
    "e6_pdf_narrow.txt": Blind(
        {1: (4, "发展现状", "保障措施"), 2: (3, "健全居家养老服务网络", "推动医养结合发展")},
        _nums("（一） （二） （三）"),
        {
            "title": "铜陵市“十三五”养老服务业发展规划",
            "issuer": "铜陵市民政局",
            "doc_number": None,
            "date": "2016-09-20",
            "plan_period": (2016, 2020),
            "start_year": 2016,
        },
        absent=["— 5 —", "— 6 —", "铜陵市“十三五”养老服务业发展规划"],
        whole=[
            ("为积极应对人口老龄化", "制定本规划。"),
            ("到2020年，全市每千名", "农村社区。"),
            ("推进公办养老机构改革", "达到50%。"),
            ("“十二五”期间", "达到65%。"),
            ("市财政每年安排", "体系建设。"),
        ],
    ),
    # 规划 with 章/节, 专栏 boxes (a table and unnumbered items), 附表 with numbered rows
    "e7_plan_boxes.txt": Blind(
        {
            1: (4, "发展基础", "保障措施"),
            2: (4, "指导思想", "推进种业科技创新"),
            3: (4, "开展种质资源普查", "建设制种基地"),
        },
        _nums("（一） （二） （三） （四）"),
        {
            "title": "吉林省现代种业发展规划（2021—2025年）",
            "issuer": "吉林省农业农村厅",
            "doc_number": None,
            "date": "2021-12-30",
            "plan_period": (2021, 2025),
            "start_year": 2021,
        },
        kinds={"chapter": 8, "paren_cn": 4},
        not_sections=[
            "专栏",
            "附表",
            "吉林省种业重点项目表",
            "省农作物种质资源中期库",
            "玉米制种基地",
        ],
    ),
    # 紧急通知 with skipped numbering (一 二 四 五), no signature date; 文号 and date in the
    # 版记 block
    "e8_footer_docnum.txt": Blind(
        {1: (4, "稳定粮食播种面积", "加强组织领导"), 2: (2, "畅通运输渠道", "加强市场监管")},
        _nums("（一） （二）"),
        {
            "title": "湖北省人民政府办公厅关于切实做好春季农业生产工作的紧急通知",
            "issuer": "湖北省人民政府办公厅",
            "doc_number": "鄂政办电〔2020〕6号",
            "date": "2020-03-02",
            "plan_period": None,
        },
        absent=["抄送", "印发", "此件公开发布", "鄂政办电"],
        not_sections=["第一，落实"],
    ),
    # round 3 (f1–f8)
    # 条例: adoption note (its approval date is the date), 目录 block, 章 > 条 > （一）; 款 as
    # plain paragraphs; numerals past 十; cross references (第八条第一款)
    "f1_tiaoli_kuan.txt": Blind(
        {
            1: (5, "总则", "附则"),
            2: (14, "", ""),
            3: (7, "优先选用乡土树种", "其他损害城市绿化的行为"),
        },
        _nums(
            "第一条 第二条 第三条 第四条 第五条 第六条 第七条 （一） （二） （三） 第八条 第九条 "
            "（一） （二） （三） （四） 第十条 第十一条 第十二条 第十三条 第十四条"
        ),
        {
            "title": "柳州市城市绿化条例",
            "doc_number": None,
            "plan_period": None,
            "date": "2019-11-29",
        },
        absent=["目\u3000\u3000录"],
        kinds={"chapter": 5, "article": 14, "paren_cn": 7},
        not_sections=["第八条第一款"],
        sent_count={"第十一条": 2, "第三条": 1},
        sentence_in={
            "县（区）人民政府确定的": "第三条",
            "自然资源、住房城乡建设": "第三条",
            "附属绿化工程竣工后": "第六条",
            "因建设需要临时占用": "第八条",
            "严禁砍伐": "第十一条",
            "第十二条\u3000违反本条例第八条第一款": "第十二条",
        },
    ),
    # 通知 with a numbered 附件 list, signature, then 附件1 = 实施细则 of bare 条 and 附件2 = a
    # form (the form's label lines are outside the body: not checked)
    "f2_notice_xize_attachment.txt": Blind(
        {
            1: (8, "", ""),
            2: (
                7,
                "在四川省境内注册，具有独立法人资格",
                "省科技厅组织复核并公示，公示期为5个工作日",
            ),
        },
        _nums(
            "第一条 第二条 第三条 （一） （二） （三） （四） 第四条 第五条 "
            "（一） （二） （三） 第六条 第七条 第八条"
        ),
        {
            "title": "四川省科学技术厅关于印发《四川省科技型中小企业研发费用补助实施细则》的通知",
            "issuer": "四川省科学技术厅",
            "doc_number": "川科规〔2022〕3号",
            "date": "2022-03-18",
            "plan_period": None,
        },
        kinds={"article": 8, "paren_cn": 7},
        not_sections=["研发费用补助申请表", "四川省科技型中小企业研发费用补助实施细则", "企业名称"],
        sent_count={"第四条": 1},
        sentence_in={"公示无异议的": "第五条", "为贯彻落实《四川省人民政府": None},
    ),
    # 行动计划 with ◆ and ■ bullet items (not headings) and 一是/二是 in a paragraph and at
    # line starts
    "f3_plan_bullets.txt": Blind(
        {1: (3, "发展目标", "保障措施"), 2: (5, "打造冰雪旅游精品线路", "加大资金投入")},
        _nums("（一） （二） （三） （一） （二）"),
        {
            "title": "呼伦贝尔市冰雪旅游发展行动计划（2023—2025年）",
            "issuer": "呼伦贝尔市文化旅游体育局",
            "doc_number": None,
            "date": "2023-01-06",
            "plan_period": (2023, 2025),
            "start_year": 2023,
        },
        kinds={"cn_number": 3, "paren_cn": 5},
        not_sections=[
            "冰雪观光线路",
            "冰雪运动线路",
            "节庆活动",
            "研学产品",
            "提升滑雪场等级",
            "设立冰雪旅游发展专项资金",
        ],
        sent_count={"一是提升滑雪场等级": 3},
        sentence_in={
            "依托呼伦贝尔大草原": "（一）",
            "串联扎兰屯": "（一）",
            "二是完善交通接驳": "（二）",
            "二是鼓励金融机构": "（二）",
            "到2025年，全市冰雪旅游": None,
        },
    ),
    # web page saved as text: breadcrumb, 字号, share bar, info line (发布时间 after the
    # signature date, which wins), footer furniture
    "f4_web_opinion.txt": Blind(
        {1: (3, "明确发展目标", "加强组织实施"), 2: (3, "土地支持政策", "加大财税支持")},
        _nums("（一） （二） （三）"),
        {
            "title": "绍兴市人民政府办公室关于加快发展保障性租赁住房的实施意见",
            "issuer": "绍兴市人民政府办公室",
            "doc_number": "绍政办发〔2021〕21号",
            "date": "2021-06-11",
            "plan_period": None,
        },
        absent=[
            "首页 >",
            "字号",
            "打印本页",
            "关闭窗口",
            "分享到",
            "浏览次数",
            "附件下载",
            "扫一扫",
            "相关文件",
            "责任编辑",
            "版权所有",
            "ICP备",
            "网站标识码",
            "公网安备",
            "住房保障“十四五”规划",
        ],
        kinds={"cn_number": 3, "paren_cn": 3},
        not_sections=["浙江省人民政府办公厅关于加快发展"],
        sentence_in={"各区、县（市）人民政府要切实": None, "人口净流入的": "（一）"},
    ),
    # gazette PDF text: running header, — n — numbers, two-line title, run-in items
    # hard-wrapped across lines and pages
    "f5_pdf_gazette.txt": Blind(
        {1: (3, "主要目标", "保障措施"), 2: (5, "新建一批集中供水工程", "严格督查考核")},
        _nums("（一） （二） （三） （一） （二）"),
        {
            "title": "凉山彝族自治州人民政府办公室关于印发"
            "凉山州农村饮水安全巩固提升工程实施方案的通知",
            "issuer": "凉山彝族自治州人民政府办公室",
            "doc_number": "凉府办发〔2019〕18号",
            "date": "2019-04-02",
            "plan_period": None,
        },
        absent=["— 1 —", "— 2 —", "— 3 —", "— 4 —", "凉山州人民政府公报"],
        kinds={"cn_number": 3, "paren_cn": 5},
        not_sections=["凉山州农村饮水安全巩固提升工程实施方案"],
        whole=[
            ("《凉山州农村饮水安全巩固提升工程实施方案》已经", "贯彻执行。"),
            ("为全面解决", "制定本方案。"),
            ("到2019年底", "达到80%。"),
            ("对建成时间超过15年", "改造260处。"),
            ("各县市要组建", "发挥效益。"),
            ("州级财政安排", "配套资金。"),
            ("州水利局每季度", "年度目标考核。"),
        ],
        sentence_in={"对建成时间超过15年": "（二）", "州水利局每季度": "（二）"},
    ),
    # half-width brackets (一), full-width digits １．, half-width commas and colons
    "f6_fullwidth_digits.txt": Blind(
        {
            1: (3, "总体目标", "保障措施"),
            2: (4, "夯实数字基础设施", "加强资金支持"),
            3: (5, "建设新型信息基础设施", "提升服务业数字化水平"),
        },
        _nums("(一) 1. 2. (二) 1. 2. 3. (一) (二)"),
        {
            "title": "西宁市发展和改革委员会关于印发"
            "《西宁市数字经济发展三年行动方案(2024-2026年)》的通知",
            "issuer": "西宁市发展和改革委员会",
            "doc_number": "宁发改〔2024〕56号",
            "date": "2024-03-08",
            "plan_period": (2024, 2026),
            "start_year": 2024,
        },
        kinds={"cn_number": 3, "paren_cn": 4, "arabic": 5},
        not_sections=["西宁市数字经济发展三年行动方案"],
        sent_count={"１．建设新型信息基础设施": 2},
        whole=[("到2026年,全市数字经济", "突破800亿元。")],
        sentence_in={"新建5G基站": "1.", "每年实施智能化改造": "1.", "现将《西宁市": None},
    ),
    # county 工作方案: signature, then 附表1/附表2 tab tables with numbered rows; a 附表：
    # list of two
    "f7_county_fubiao.txt": Blind(
        {1: (3, "工作目标", "工作要求"), 2: (5, "推进农村厕所革命", "强化督查考核")},
        _nums("（一） （二） （三） （一） （二）"),
        {
            "title": "丰县2025年农村人居环境整治提升工作方案",
            "issuer": "丰县人民政府办公室",
            "doc_number": None,
            "date": "2025-02-14",
        },
        kinds={"cn_number": 3, "paren_cn": 5},
        not_sections=["凤城街道", "宋楼镇", "任务分解表", "合计"],
        sentence_in={
            "2025年底前，全县": None,
            "新改建农村户厕": "（一）",
            "县委农办每月": "（二）",
        },
    ),
    # 答记者问 interpretation page: 问/答 turns, 一是 lines, page furniture; a title ending
    # after 《…》
    "f8_qa_jiedu.txt": Blind(
        {},
        _nums(""),
        {
            "title": "河南省人力资源和社会保障厅负责同志就《河南省就业补助资金管理办法》答记者问",
            "doc_number": None,
            "plan_period": None,
        },
        absent=["当前位置", "字体", "打印本页", "关闭窗口", "上一篇", "下一篇", "发布时间"],
        not_sections=["明确资金支出范围", "出台的背景"],
        sentence_in={"答：原办法": None, "二是规范资金分配方式": None},
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
        prov = next((p.number for p in doc.provisions if p.id == sent.provision), None)
        # numbers compare in half-width form (１． is 1.)
        assert (prov and to_halfwidth(prov)) == (number and to_halfwidth(number)), start
    for start, count in case.sent_count.items():
        para = next(p for p in doc.paragraphs if doc.evidence(p.span).lstrip().startswith(start))
        assert sum(s.paragraph == para.id for s in doc.sentences) == count, start
    texts = [doc.evidence(s.span).replace("\n", "") for s in doc.sentences]
    for first, last in case.whole:
        assert any(t.startswith(first) and t.endswith(last) for t in texts), first
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
