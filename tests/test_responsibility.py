"""The responsibility stage: blocks, units, roles, links and names, on real and written text."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import regex
import yaml

from policyparse.check import run_check
from policyparse.extract import responsibility
from policyparse.extract.responsibility.names import describe
from policyparse.patternhints import required_chars
from policyparse.pipeline import Context, build_context
from policyparse.readers import read_path
from policyparse.records import PolicyDocument, ResponsibleUnit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "responsibility"
HELDOUT = Path(__file__).resolve().parent / "fixtures" / "responsibility_heldout"
"""Documents written after the stage, to score it on forms its rules were not made from."""
_WS = re.compile(r"\s+")


def _context(text: str) -> Context:
    ctx = build_context(text)
    responsibility.run(ctx)
    return ctx


def units_of(text: str) -> list[tuple[str, str]]:
    """(name, role) of every unit the stage finds in ``text``."""
    return [(u.name, u.role) for u in _context(text).responsible_units]


def extract_units(path: Path) -> PolicyDocument:
    """A document with its outline and responsible units only (this stage, alone)."""
    loaded = read_path(path)
    ctx = _context(loaded.text)
    o = ctx.outline
    return PolicyDocument(
        source=loaded.source,
        text=loaded.text,
        meta=ctx.meta,
        sections=o.sections,
        provisions=o.provisions,
        responsible_units=ctx.responsible_units,
    )


# --- scores against gold files ---------------------------------------------------------------


@pytest.mark.parametrize(("folder", "floor"), [(CORPUS, 0.98), (FIXTURES, 0.95), (HELDOUT, 0.97)])
def test_unit_scores(folder: Path, floor: float) -> None:
    result = run_check([folder], extract=extract_units)
    assert not result.errors
    overall = result.overall
    assert overall.units_name.f1 >= floor
    assert overall.units_name_role.f1 >= floor


def _wrap(text: str, width: int) -> str:
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("width", [19, 27, 44])
def test_hard_wrapped_documents(tmp_path: Path, width: int) -> None:
    """Text extracted from PDF breaks lines anywhere: inside units, labels and brackets."""
    for folder in (CORPUS, FIXTURES):
        for gold in sorted(folder.glob("*.gold.yaml")):
            data = yaml.safe_load(gold.read_text(encoding="utf-8"))
            doc = folder / data["document"]
            if doc.suffix not in (".txt", ".md"):
                continue
            (tmp_path / doc.name).write_text(_wrap(doc.read_text(encoding="utf-8"), width))
            data["targets"] = []
            (tmp_path / gold.name).write_text(yaml.safe_dump(data, allow_unicode=True))
    result = run_check([tmp_path], extract=extract_units)
    assert not result.errors
    assert result.overall.units_name_role.f1 >= 0.98


@pytest.mark.parametrize("folder", [FIXTURES, HELDOUT])
def test_fixture_documents_each_score(folder: Path) -> None:
    result = run_check([folder], extract=extract_units)
    assert len(result.documents) >= 8
    for doc in result.documents:
        assert doc.scores.units_name_role.f1 >= 0.9, doc.name


_LAYOUT_BOUND = {
    "r03_county_task_table.txt",
    "r106_baoding_heating_table.txt",
    "r140_ningxia_leader_column_table.txt",
    "r150_liaoning_leader_bar_table.txt",
    "r180_yunnan_plateau_agri_fullwidth_bar_list.txt",
    "r190_xizang_port_division_twospace_table.txt",
    "r200_shandong_marine_ranch_division_tab_wrapped_first_listed.txt",
    "r202_jimei_district_convenience_dash_items_bar_table.txt",
    "r203_mot_six_ministries_rural_passenger_freight_mail_guide_twospace_annex.txt",
    "r210_anhui_tech_transfer_division_lead_coop_columns_wrapped.txt",
    "r220_sichuan_power_battery_task_list_bar_table_lead_marks_wrapped.txt",
    "r230_jiangxi_rare_earth_division_tab_lead_coop_wrapped_page.txt",
    "r231_anping_county_wire_mesh_brackets_first_listed_spaces_annex_web.txt",
    "r232_sport_eight_ministries_fitness_facilities_division_forms_bar_annex.txt",
    "r240_guangxi_sugarcane_division_fullwidth_space_table_space_cell_wrapped.txt",
    "r251_changzhou_key_projects_bar_table_lead_mark_in_cell_page_break_cell.txt",
}
"""Tables written one row per line (cells apart by spaces or bars): wrapping their rows
destroys them."""


@pytest.mark.parametrize("width", [27, 44])
def test_hard_wrapped_heldout_documents(tmp_path: Path, width: int) -> None:
    for gold in sorted(HELDOUT.glob("*.gold.yaml")):
        data = yaml.safe_load(gold.read_text(encoding="utf-8"))
        doc = HELDOUT / data["document"]
        if doc.suffix not in (".txt", ".md") or doc.name in _LAYOUT_BOUND:
            continue
        (tmp_path / doc.name).write_text(_wrap(doc.read_text(encoding="utf-8"), width))
        (tmp_path / gold.name).write_text(yaml.safe_dump(data, allow_unicode=True))
    result = run_check([tmp_path], extract=extract_units)
    assert not result.errors
    assert result.overall.units_name_role.f1 >= 0.97


# --- blocks in every form --------------------------------------------------------------------

L, P, G, U = "lead", "participant", "guide", "unspecified"

CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "full-width label",
        "加强平台建设。（责任单位：省科技厅、省发改委、省卫健委）",
        [("省科技厅", U), ("省发改委", U), ("省卫健委", U)],
    ),
    (
        "half-width label",
        "加强平台建设。(责任单位:省科技厅、省发改委,长江产业集团)",
        [("省科技厅", U), ("省发改委", U), ("长江产业集团", U)],
    ),
    (
        "mixed brackets",
        "加强平台建设。（责任单位：省委人才办、省科技厅)",
        [("省委人才办", U), ("省科技厅", U)],
    ),
    (
        "lead and responsible labels",
        "推进改厕。（牵头单位：县农业农村局；责任单位：县卫健局、县住建局）",
        [("县农业农村局", L), ("县卫健局", P), ("县住建局", P)],
    ),
    (
        "lead and cooperating labels with a comma",
        "推进改厕。（牵头单位：市发展改革委，配合单位：市财政局、市统计局）",
        [("市发展改革委", L), ("市财政局", P), ("市统计局", P)],
    ),
    (
        "lead responsible label",
        "优化服务。（牵头责任单位：区市场监管局；责任单位：区税务局、区公安分局）",
        [("区市场监管局", L), ("区税务局", P), ("区公安分局", P)],
    ),
    (
        "only a cooperating label beside the responsible one",
        "优化服务。（责任单位：区政务服务管理局；配合单位：区人社局）",
        [("区政务服务管理局", U), ("区人社局", P)],
    ),
    (
        "responsible by duty",
        "完善制度。（司法部、国家药监局按职责分工负责）",
        [("司法部", U), ("国家药监局", U)],
    ),
    ("one unit responsible", "优化流程。（国家药监局负责）", [("国家药监局", U)]),
    (
        "lead and cooperating words",
        "培育新业态。（市商务局牵头，市发改委、市市场监管局配合）",
        [("市商务局", L), ("市发改委", P), ("市市场监管局", P)],
    ),
    (
        "lead and participating words inside a label",
        "建设平台。（责任单位：省经信委、省科技厅牵头，省发展改革委、省金融办参与）",
        [("省经信委", L), ("省科技厅", L), ("省发展改革委", P), ("省金融办", P)],
    ),
    (
        "guide",
        "强化监管。（各省级人民政府负责，国家药监局指导）",
        [("各省级人民政府", U), ("国家药监局", G)],
    ),
    (
        "guide alone",
        "开展创建活动。（省教育厅、省科技厅指导）",
        [("省教育厅", G), ("省科技厅", G)],
    ),
    (
        "responsible beside cooperating",
        "发展养老托育。（市民政局负责，各区人民政府配合）",
        [("市民政局", U), ("各区人民政府", P)],
    ),
    (
        "lead with the rest by duty",
        "规范收费。（区发改局牵头；区财政局、区统计局按照职责分工负责）",
        [("区发改局", L), ("区财政局", P), ("区统计局", P)],
    ),
    (
        "joint word",
        "推进建设。（省发展改革委会同省财政厅、省自然资源厅负责）",
        [("省发展改革委", L), ("省财政厅", P), ("省自然资源厅", P)],
    ),
    (
        "line form",
        "推动平台开放。\n牵头部门:市市场监管局、市工业和信息化局;责任部门:市发展改革委、市科技局。\n",
        [("市市场监管局", L), ("市工业和信息化局", L), ("市发展改革委", P), ("市科技局", P)],
    ),
    (
        "line form over two lines",
        "统筹用地指标。\n牵头单位：区自然资源局\n配合单位：区发展和改革局、区住建局\n",
        [("区自然资源局", L), ("区发展和改革局", P), ("区住建局", P)],
    ),
    (
        "line form after a full stop, with a time limit",
        "引导银行加大信贷投放。责任单位：区金融服务中心、人民银行XX区支行。完成时间：2024年底\n",
        [("区金融服务中心", U), ("人民银行XX区支行", U)],
    ),
    (
        "bracketed labels",
        "建设创新港。\n【牵头单位】市科技局　【责任单位】经开区、高新区管委会\n",
        [("市科技局", L), ("经开区管委会", P), ("高新区管委会", P)],
    ),
    (
        "time limit inside the block",
        "推进改厕。（牵头单位：县农业农村局；责任单位：县卫健局；完成时限：2025年12月底）",
        [("县农业农村局", L), ("县卫健局", P)],
    ),
    (
        "closing bracket missing",
        "建成企业研究院60家。（责任单位：省科技厅、省发展改革委、省经信委\n（三）推进重点领域突破。",
        [("省科技厅", U), ("省发展改革委", U), ("省经信委", U)],
    ),
    (
        "closing bracket missing, role words",
        "清理政策措施。（区市场监管局牵头，区司法局配合\n6.强化要素保障。",
        [("区市场监管局", L), ("区司法局", P)],
    ),
    (
        "page break inside a unit",
        "培育冠军企业。(责任单位:省工信厅、省教育厅、省科\n- 12 -\n技厅、省商务厅)\n7.下一项。",
        [("省工信厅", U), ("省教育厅", U), ("省科技厅", U), ("省商务厅", U)],
    ),
    (
        "page break before the closing bracket",
        "推进追溯体系建设（国家药监局牵头，国家发展改革委、\n\n工业和信息化部配合），推动数据共享。",
        [("国家药监局", L), ("国家发展改革委", P), ("工业和信息化部", P)],
    ),
    (
        "block in mid-paragraph before the next task",
        "2.布局算力设施。(牵头单位:省发改委;配合单位:省工信厅)3.推进工业互联网建设。"
        "(责任单位:省工信厅)",
        [("省发改委", L), ("省工信厅", P), ("省工信厅", U)],
    ),
    (
        "role in brackets after a unit",
        "推进。（责任单位：县发改局（牵头）、县财政局、县统计局）",
        [("县发改局", L), ("县财政局", P), ("县统计局", P)],
    ),
    (
        "为牵头单位",
        "推进。（县发改局为牵头单位，县财政局为配合单位）",
        [("县发改局", L), ("县财政局", P)],
    ),
    (
        "label line joined to the next paragraph by normalization",
        "推进工作，到2025年完成改造任务，确保取得实效。\n牵头单位：市科技局；责任单位：市财政局、"
        "市税务局\n推动现有平台开放共享，建立线上平台，打造协同运营中心。\n",
        [("市科技局", L), ("市财政局", P), ("市税务局", P)],
    ),
    (
        "unclosed bracket joined to the next paragraph by normalization",
        "推进工作。（责任单位：省科技厅、省发展改革委、省经信委\n"
        "加快推进重点领域突破，推动医药创新发展，形成竞争优势。\n",
        [("省科技厅", U), ("省发展改革委", U), ("省经信委", U)],
    ),
    (
        "labels without colons, white space after them",
        "推进。\n牵头单位　市发改委　　责任单位　市财政局、市税务局\n",
        [("市发改委", L), ("市财政局", P), ("市税务局", P)],
    ),
    (
        "bold labels",
        "推进。\n**牵头单位**：市发改委；**责任单位**：市财政局\n",
        [("市发改委", L), ("市财政局", P)],
    ),
    (
        "bulleted label lines",
        "推进。\n- 牵头单位：市发改委\n- 配合单位：市财政局\n",
        [("市发改委", L), ("市财政局", P)],
    ),
    (
        "full stops between labelled parts",
        "推进。（牵头单位：市发改委。配合单位：市财政局、市税务局。）",
        [("市发改委", L), ("市财政局", P), ("市税务局", P)],
    ),
    ("ratio sign for a colon", "推进。（责任单位∶市发改委）", [("市发改委", U)]),
    (
        "为 for a colon",
        "推进。（责任单位为省发改委、省财政厅）",
        [("省发改委", U), ("省财政厅", U)],
    ),
    (
        "table with unit columns",
        "附件：重点任务分工表\n\n| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | 推进5G网络建设 | 市通信发展办 | 市经信局、市住建局 | 2024年底 |\n"
        "| 2 | 发展数字产业 | 市经信局、市科技局 |  | 2025年 |\n",
        [("市通信发展办", L), ("市经信局", P), ("市住建局", P), ("市经信局", L), ("市科技局", L)],
    ),
    (
        "tab-separated table",
        "序号\t任务\t责任单位\n1\t推进建设\t市发改委、市财政局\n2\t加强监管\t市市场监管局\n",
        [("市发改委", U), ("市财政局", U), ("市市场监管局", U)],
    ),
    (
        "assignment sentence",
        "建立工作机制,以下各项均由各市、县(市、区)人民政府落实,不再列出。",
        [("各市、县(市、区)人民政府", U)],
    ),
    (
        "assignment clause inside a block",
        "(一)壮大集群。(市工业和信息化局、市发展改革局，以下各项均由各县（市、区）政府落实，不再列出)",
        [("市工业和信息化局", U), ("市发展改革局", U), ("各县（市、区）政府", U)],
    ),
    (
        "angle-bracket alias, 均需 clause and a convention in one block",
        "(一)壮大集群。(市工信局、市科技局，各镇街<园区>，以下均需各镇街<园区>落实，不再列出;"
        "位列第一的为牵头单位，下同)\n(二)推进转型。(市工信局、市财政局)",
        [("市工信局", L), ("市科技局", P), ("各镇街<园区>", P), ("市工信局", L), ("市财政局", P)],
    ),
    (
        "table with cells apart by spaces, a space inside a task",
        "附件\n序号  重点任务  牵头单位  配合单位  完成时限\n"
        "1  建设物流中心  县商务局  县发改委、县交通运输局  2024年12月底\n"
        "2  改造 乡镇商贸中心  县商务局  各乡镇人民政府  2024年10月底\n",
        [
            ("县商务局", L),
            ("县发改委", P),
            ("县交通运输局", P),
            ("县商务局", L),
            ("各乡镇人民政府", P),
        ],
    ),
    (
        "table one cell a line (from a Word or web table)",
        "附表：重点任务分工表\n序号\n重点任务\n牵头单位\n责任单位\n1\n延长运营时间\n区交通运输局\n"
        "深圳巴士集团、深圳地铁集团\n2\n完善照明设施\n区城管局\n各街道办事处\n",
        [
            ("区交通运输局", L),
            ("深圳巴士集团", P),
            ("深圳地铁集团", P),
            ("区城管局", L),
            ("各街道办事处", P),
        ],
    ),
    (
        "table one cell a line, a row with a cell left out",
        "序号\n重点任务\n牵头单位\n配合单位\n1\n推进任务一\n市商务局\n2\n推进任务二\n市财政局\n"
        "市税务局\n",
        [("市财政局", L), ("市税务局", P)],
    ),
    (
        "具体落实",
        "推进转型。（省发展改革委牵头，各市州人民政府具体落实）",
        [("省发展改革委", L), ("各市州人民政府", P)],
    ),
    (
        "a guide and enterprises",
        "加强监管。（市应急局指导，各县市区人民政府、市属国有企业负责）",
        [("市应急局", G), ("各县市区人民政府", U), ("市属国有企业", U)],
    ),
    (
        "units apart by spaces only",
        "推进服务。\n责任单位：县民政局　县财政局　县卫健局\n完成时限：2024年6月底前\n",
        [("县民政局", U), ("县财政局", U), ("县卫健局", U)],
    ),
    (
        "fields apart by spaces on one line",
        "1.推行改革。责任领导：刘建华　责任单位：县行政审批局（牵头）、县税务局　"
        "完成时限：2024年6月底",
        [("县行政审批局", L), ("县税务局", P)],
    ),
    (
        "party organs and a public institution closing a sentence",
        "营造良好氛围。（市委宣传部、市委网信办、市融媒体中心）",
        [("市委宣传部", U), ("市委网信办", U), ("市融媒体中心", U)],
    ),
    (
        "office labels (处室)",
        "修订规则。牵头处室：安全监督处；配合处室：办公室、人事处。",
        [("安全监督处", L), ("办公室", P), ("人事处", P)],
    ),
    (
        "short labels 主办 and 协办",
        "排查隐患。（主办：公路局；协办：综合规划处、省交通建设集团有限责任公司）",
        [("公路局", L), ("综合规划处", P), ("省交通建设集团有限责任公司", P)],
    ),
    (
        "按职能职责分工负责",
        "推动集中。（省国资委、省财政厅等按职能职责分工负责）",
        [("省国资委", U), ("省财政厅", U)],
    ),
    (
        "按照各自职责落实 and 按职责分工推进",
        "加强保护。（区检察院、区法院按照各自职责落实）\n优化服务。（区人才局、区人社局按职责分工推进）",
        [("区检察院", U), ("区法院", U), ("区人才局", U), ("区人社局", U)],
    ),
    (
        "按照各自职责配合",
        "加强监管。（市应急局牵头，市消防救援支队按照各自职责配合）",
        [("市应急局", L), ("市消防救援支队", P)],
    ),
    (
        "lead words 抓总, 主抓, 负主责",
        "深化学习。（市委宣传部抓总，市委党校、市社科联按职责分工负责）\n"
        "加强宣传。（市委党史研究室主抓，市档案馆协助）\n建强阵地。（市委网信办负主责，市公安局协同）",
        [
            ("市委宣传部", L),
            ("市委党校", P),
            ("市社科联", P),
            ("市委党史研究室", L),
            ("市档案馆", P),
            ("市委网信办", L),
            ("市公安局", P),
        ],
    ),
    (
        "labels 牵头责任部门 and 配合责任部门",
        "保护文物。（牵头责任部门：市文物局；配合责任部门：市自然资源和规划局）",
        [("市文物局", L), ("市自然资源和规划局", P)],
    ),
    (
        "a unit with an unlisted ending among units",
        "加强出版。（市文化广电旅游局、市新闻出版局，市新华印刷厂）",
        [("市文化广电旅游局", U), ("市新闻出版局", U), ("市新华印刷厂", U)],
    ),
    (
        "按分工负责 and 加强指导",
        "建设网络。（住房城乡建设部、自然资源部等部门按分工负责）\n"
        "补齐短板。（各省级人民政府负责，国家有关部门加强指导）",
        [("住房城乡建设部", U), ("自然资源部", U), ("各省级人民政府", U), ("国家有关部门", G)],
    ),
    (
        "分级负责",
        "强化资金保障。（省财政厅、省卫生健康委，各市、县（市、区）政府分级负责）",
        [("省财政厅", U), ("省卫生健康委", U), ("各市、县（市、区）政府", U)],
    ),
    (
        "companies under their registered names closing a sentence",
        "强化电网保障。（国家电网有限公司、中国南方电网有限责任公司）",
        [("国家电网有限公司", U), ("中国南方电网有限责任公司", U)],
    ),
    (
        "table header cells with a note in brackets",
        "| 序号 | 工作任务 | 牵头单位（部门） | 配合单位（部门） |\n|---|---|---|---|\n"
        "| 1 | 推进校园安全建设 | 区教育局 | 天河公安分局、区应急管理局 |\n",
        [("区教育局", L), ("天河公安分局", P), ("区应急管理局", P)],
    ),
    (
        "labels in square brackets",
        "2.规范交通秩序。[牵头单位]市公安局交警大队[配合单位]市交通运输局、市城管局",
        [("市公安局交警大队", L), ("市交通运输局", P), ("市城管局", P)],
    ),
    (
        "short labels 牵头 and 参与",
        "加强管理。（牵头：建设管理处；参与：省交通质量安全监督站）",
        [("建设管理处", L), ("省交通质量安全监督站", P)],
    ),
    (
        "bare places sharing a level suffix among other units",
        "扩大进出口。（省商务厅牵头，合肥海关、省交通运输厅，合肥、芜湖市政府配合）",
        [
            ("省商务厅", L),
            ("合肥海关", P),
            ("省交通运输厅", P),
            ("合肥市政府", P),
            ("芜湖市政府", P),
        ],
    ),
    (
        "member head shared by the bodies before it",
        "加强安全生产。（省应急厅牵头，省安委会、省减灾委各成员单位按职责分工负责）",
        [("省应急厅", L), ("省安委会各成员单位", P), ("省减灾委各成员单位", P)],
    ),
    (
        "a year clause in a bracket without a label",
        "加强宣传。（市委宣传部、市融媒体中心，各区委宣传部；2024年全年）",
        [("市委宣传部", U), ("市融媒体中心", U), ("各区委宣传部", U)],
    ),
    (
        "a quarter clause in a bracket without a label",
        "加强宣传。（市委宣传部、市融媒体中心，2025年二季度）",
        [("市委宣传部", U), ("市融媒体中心", U)],
    ),
    (
        "a time word alone in a bracket without a label",
        "加强宣传。（市委宣传部、市融媒体中心；年底前完成）",
        [("市委宣传部", U), ("市融媒体中心", U)],
    ),
    (
        "one department beside a newspaper and a broadcaster",
        "加强宣传。（市委宣传部、九江日报社、九江广播电视台）",
        [("市委宣传部", U), ("九江日报社", U), ("九江广播电视台", U)],
    ),
    (
        "one public institution beside banks",
        "加强金融服务。（县金融服务中心、临泉农商银行、邮储银行临泉县支行）",
        [("县金融服务中心", U), ("临泉农商银行", U), ("邮储银行临泉县支行", U)],
    ),
    (
        "按职责做好相关工作",
        "强化金融支持。（中国人民银行、金融监管总局按职责做好相关工作）",
        [("中国人民银行", U), ("金融监管总局", U)],
    ),
    (
        "lead with 按职责做好相关工作 for the others",
        "优化报装。（市城管局牵头，国网赣州供电公司、赣州水务集团按职责做好相关工作）",
        [("市城管局", L), ("国网赣州供电公司", P), ("赣州水务集团", P)],
    ),
    (
        "category head shared by field words",
        "加强财政支持。（财政部、商务部牵头，各地商务、财政部门具体落实）",
        [("财政部", L), ("商务部", L), ("各地商务部门", P), ("财政部门", P)],
    ),
    (
        "national people's organizations",
        "加强人才培训。（商务部、共青团中央、全国妇联按职责分工负责）",
        [("商务部", U), ("共青团中央", U), ("全国妇联", U)],
    ),
    (
        "labels with a note before the colon",
        "深化改革。（牵头单位（部门）：市行政审批局；责任单位（部门）：市发展改革委〈市粮食和储备局〉、市司法局）",
        [("市行政审批局", L), ("市发展改革委〈市粮食和储备局〉", P), ("市司法局", P)],
    ),
    (
        "contact details earlier on the task line",
        "（六）加强培训。实施培训工程（电话：010-85093722）。（商务部、全国妇联按职责分工负责）",
        [("商务部", U), ("全国妇联", U)],
    ),
    (
        "deadline field after the responsible label",
        "老旧小区改造。（责任单位：市住建局，完成时限：2024年12月）",
        [("市住建局", U)],
    ),
    (
        "label lines with bullets",
        "（一）推进\n实现集成办理。\n◆牵头单位：县行政审批局\n◆责任单位：县市场监管局、县住建局\n"
        "◆完成时限：2024年10月底前\n（二）开展",
        [("县行政审批局", L), ("县市场监管局", P), ("县住建局", P)],
    ),
    (
        "a month deadline with 底前完成 after role words",
        "（二）开展专项治理（县发改委牵头，县市场监管局、县财政局按职责分工负责，2024年6月底前完成）",
        [("县发改委", L), ("县市场监管局", P), ("县财政局", P)],
    ),
    (
        "two blocks in one item",
        "改造老旧小区1500个（省住建厅牵头）；实施燃气管道更新改造（省住建厅、省能源局负责）。",
        [("省住建厅", L), ("省住建厅", U), ("省能源局", U)],
    ),
    (
        "a bulleted label after a full stop",
        "（三）优化机构职能体系。★责任单位：市委编办、市司法局\n（四）推进",
        [("市委编办", U), ("市司法局", U)],
    ),
    (
        "a numbered division of the production and construction corps",
        "（五）做好应对。（乌鲁木齐市、昌吉州、五家渠市人民政府负责，兵团第十二师配合）",
        [
            ("乌鲁木齐市人民政府", U),
            ("昌吉州人民政府", U),
            ("五家渠市人民政府", U),
            ("兵团第十二师", P),
        ],
    ),
    (
        "a bare block after a page number and a running header",
        "（二）推进厕所革命。推动公厕规范管护。\n\n- 2 -\n\n宁都县人民政府办公室\n\n"
        "（县农业农村局、县卫健委、县财政局）\n（三）治理污水。\n",
        [("县农业农村局", U), ("县卫健委", U), ("县财政局", U)],
    ),
    (
        "a running header before the page number",
        "推动公厕规范管护。\n河南省人民政府办公厅文件\n— 5 —\n（省发展改革委、省财政厅）\n",
        [("省发展改革委", U), ("省财政厅", U)],
    ),
    (
        "villages and communities end like units",
        "（一）开展清洁行动。每月开展1次。（县农业农村局、各乡镇人民政府、各村（社区））",
        [("县农业农村局", U), ("各乡镇人民政府", U), ("各村（社区）", U)],
    ),
    (
        "主责单位 and 协办单位",
        "（二）培育乡村旅游。（主责单位：泽雅镇人民政府；协办单位：区文广旅体局、区交通运输局）",
        [("泽雅镇人民政府", L), ("区文广旅体局", P), ("区交通运输局", P)],
    ),
    (
        "协同单位 after spaces, units apart by spaces",
        "2.推进普惠性幼儿园认定扶持。\n牵头单位：市教育局　　协同单位：市发展改革委　市财政局\n",
        [("市教育局", L), ("市发展改革委", P), ("市财政局", P)],
    ),
    (
        "责任主体 with units apart by slashes",
        "（三）壮大集体经济。（责任主体：区农业农村局/区财政局/各镇（街道））",
        [("区农业农村局", U), ("区财政局", U), ("各镇（街道）", U)],
    ),
    (
        "guides and units that carry it out",
        "（七）深化三治融合。（区委政法委、区司法局指导，各镇（街道）、各村（社区）具体落实）",
        [("区委政法委", G), ("区司法局", G), ("各镇（街道）", U), ("各村（社区）", U)],
    ),
    (
        "half- and full-width colons mixed in one block",
        "1.新建公办幼儿园20所。\n（牵头单位:市教育局；责任单位：市财政局,市人社局)\n",
        [("市教育局", L), ("市财政局", P), ("市人社局", P)],
    ),
    (
        "group rows inside a tab table keep its header",
        "序号\t任务\t牵头单位\t责任单位\t完成时限\n一、产业发展\t\t\t\t\n"
        "1\t建设产业园区\t县发改局\t县财政局、县商务局\t2024年底\n二、要素保障\t\t\t\t\n"
        "2\t保障项目用地\t县自然资源局\t—\t长期坚持\n",
        [("县发改局", L), ("县财政局", P), ("县商务局", P), ("县自然资源局", L)],
    ),
    (
        "a prose paragraph ends a tab table",
        "序号\t任务\t牵头单位\t责任单位\n1\t建设园区\t县发改局\t县财政局\n"
        "　　各地要加强组织领导，确保各项任务按期完成。\n2\t推进改革\t县人社局\t县教育局\n",
        [("县发改局", L), ("县财政局", P)],
    ),
    (
        "a unit cell wrapped over two lines of a one-cell-a-line table",
        "序号\n工作内容\n牵头部门\n责任部门\n时间节点\n1\n推进老旧小区改造\n县住建局\n"
        "县财政局、县城管局、\n各乡镇人民政府\n2025年底\n2\n打造特色街区\n县商务局\n—\n2025年9月底\n",
        [
            ("县住建局", L),
            ("县财政局", P),
            ("县城管局", P),
            ("各乡镇人民政府", P),
            ("县商务局", L),
        ],
    ),
    (
        "分别 between units and their role word",
        "建设集配中心。（省发展改革委、省农业农村厅分别牵头，省交通运输厅按职责分工负责）",
        [("省发展改革委", L), ("省农业农村厅", L), ("省交通运输厅", P)],
    ),
    (
        "共同 between units and their role word",
        "推进医养结合。（由区民政局、区卫生健康局共同牵头，区医保局、区残联参与）",
        [("区民政局", L), ("区卫生健康局", L), ("区医保局", P), ("区残联", P)],
    ),
    (
        "a sentence of units and role words after a task",
        "1.培育外贸骨干企业。建立重点企业服务清单。县商务局牵头，县财政局、县经信局配合。",
        [("县商务局", L), ("县财政局", P), ("县经信局", P)],
    ),
    (
        "a sentence of units and a generic role word",
        "3.优化营商环境。推行“一窗通办”。区行政审批局、区市场监管局按职责分工负责。",
        [("区行政审批局", U), ("区市场监管局", U)],
    ),
    (
        "a role word with a short object before the closing bracket",
        "8.加强宣传推广。组织主题活动。（市文化和旅游局、市委宣传部分别负责线上线下推广）",
        [("市文化和旅游局", U), ("市委宣传部", U)],
    ),
    (
        "会同 inside a guiding group",
        "（十）压实地方责任。（各县区人民政府负责，市农业农村局会同有关部门加强指导）",
        [("各县区人民政府", U), ("市农业农村局", G), ("有关部门", G)],
    ),
    (
        "a ranked role word covers only its comma group",
        "强化金融服务。（人民银行市分行、市金融办，市农业农村局参与）",
        [("人民银行市分行", U), ("市金融办", U), ("市农业农村局", P)],
    ),
    (
        "after a lead, a role word covers the comma groups back to it",
        "推进检验检测。（市市场监管局牵头，市公安局、市商务局，各县区人民政府配合）",
        [("市市场监管局", L), ("市公安局", P), ("市商务局", P), ("各县区人民政府", P)],
    ),
    (
        "a label paragraph after a blank line ends a label line",
        "5.加强宣传引导。\n　　牵头部门：区委宣传部　责任部门：区住建局，各街道办事处\n\n"
        "　　说明：表中“—”表示无配合部门。\n",
        [("区委宣传部", L), ("区住建局", P), ("各街道办事处", P)],
    ),
    (
        "units after a dash that closes a task",
        "　　2.提升课后服务水平。延长托管时间。——县教育体育局、县财政局\n",
        [("县教育体育局", U), ("县财政局", U)],
    ),
    (
        "a dash list on the line after its task, with role words",
        "　　（四）深化工业应用。打通上下游数据。\n　　—— 工业和信息化部牵头，国家数据局参与\n",
        [("工业和信息化部", L), ("国家数据局", P)],
    ),
    (
        "units that open a numbered provision of duties",
        "三、职责分工\n　　（一）区卫生健康局：负责统筹推进，组织督导检查。\n"
        "　　2. 区委宣传部、区委网信办：承担宣传解读工作。\n",
        [("区卫生健康局", U), ("区委宣传部", U), ("区委网信办", U)],
    ),
    (
        "a guiding label 督导单位",
        "　　主责部门：街道城管办　协办单位：各社区居委会　督导单位：街道党工委督查室\n",
        [("街道城管办", L), ("各社区居委会", P), ("街道党工委督查室", G)],
    ),
    (
        "a guiding label first, then a generic one",
        "加强考核。（督导单位：州委督查室、州政府督查室；责任单位：州卫生健康委）",
        [("州委督查室", G), ("州政府督查室", G), ("州卫生健康委", U)],
    ),
    (
        "【牵头】 and 【配合】 tags on a line",
        "　　1.培育外贸企业。实施培育行动。\n"
        "　　【牵头】自治区商务厅【配合】兵团商务局、乌鲁木齐海关\n",
        [("自治区商务厅", L), ("兵团商务局", P), ("乌鲁木齐海关", P)],
    ),
    (
        "a time column before the unit columns, units apart by spaces in a cell",
        "序号  工作任务  完成时限  牵头单位  配合单位\n"
        "1  建设冷链物流设施  2024年12月底前  县商务局  县供销社  中国邮政集团有限公司某县分公司\n"
        "2  推广 高标准农田  2024年10月底前  县农业农村局  县财政局\n",
        [
            ("县商务局", L),
            ("县供销社", P),
            ("中国邮政集团有限公司某县分公司", P),
            ("县农业农村局", L),
            ("县财政局", P),
        ],
    ),
    (
        "a dash list closed by a full stop",
        "　　5.加强预收费监管。落实资金托管制度。——市发展改革委、人行某市分行。\n",
        [("市发展改革委", U), ("人行某市分行", U)],
    ),
    (
        "各地 before 各有关部门 is a unit of its own",
        "（七）加大支持。（财政部牵头，各地、各有关部门按职责分工落实）",
        [("财政部", L), ("各地", P), ("各有关部门", P)],
    ),
    (
        "为责任主体 with a guiding group",
        "（二）改善环境。（各乡（镇）人民政府为责任主体，县住房城乡建设局、县生态环境分局指导）",
        [("各乡（镇）人民政府", U), ("县住房城乡建设局", G), ("县生态环境分局", G)],
    ),
    (
        "为责任主体 after a lead",
        "（八）推动转型。（省国资委牵头，省属企业为责任主体）",
        [("省国资委", L), ("省属企业", P)],
    ),
    (
        "为实施主体 before participants",
        "（三）建设平台。（各乡镇人民政府为实施主体，县农业农村局配合）",
        [("各乡镇人民政府", U), ("县农业农村局", P)],
    ),
    (
        "units apart by spaces in a cell of a tab table",
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t编制方案\t县委办、县政府办（牵头）\t县发展改革局 县财政局 县委宣传部\t2024年4月底前\n",
        [("县委办", L), ("县政府办", L), ("县发展改革局", P), ("县财政局", P), ("县委宣传部", P)],
    ),
    (
        "units apart by spaces in a cell of a full-width bar table",
        "序号｜重点任务｜牵头单位｜配合单位｜时间节点\n"
        "1｜建设平台｜市民政局｜市财政局　市卫生健康委｜持续推进\n",
        [("市民政局", L), ("市财政局", P), ("市卫生健康委", P)],
    ),
    (
        "a space in a cell that does not stand between units splits nothing",
        "序号\t重点任务\t牵头单位\t配合单位\n1\t建设平台\t市民政局\t市 财政局\n",
        [("市民政局", L), ("市财政局", P)],
    ),
    (
        "由…共同牵头 before a purpose clause",
        "（三）健全养老服务网络。由区民政局、区卫生健康委共同牵头，区财政局、区医保局参与，"
        "构建居家社区机构相协调的服务体系。",
        [("区民政局", L), ("区卫生健康委", L), ("区财政局", P), ("区医保局", P)],
    ),
    (
        "由…牵头, …配合 before a purpose clause",
        "2.发展便民商业。由县商务局牵头，县财政局、县市场监管局配合，打造一刻钟便民生活圈。",
        [("县商务局", L), ("县财政局", P), ("县市场监管局", P)],
    ),
    (
        "units and roles before two clauses, one ending with a role word",
        "（五）发展全域旅游。市文化和旅游局牵头，市交通运输局配合，加强统筹，推出一批精品线路。",
        [("市文化和旅游局", L), ("市交通运输局", P)],
    ),
    (
        "负责 and 配合 before a purpose clause",
        "6.改造校舍。县教育局负责，县财政局配合，确保秋季开学前完工。",
        [("县教育局", U), ("县财政局", P)],
    ),
    (
        "a role sentence wrapped over a line break",
        "（四）推进付费改革。全面实施按病种付费。市医保局牵\n头负责，市卫生健康委、市市场监管局配合。",
        [("市医保局", L), ("市卫生健康委", P), ("市市场监管局", P)],
    ),
    (
        "a role sentence with a purpose clause wrapped over line breaks",
        "（四）推进付费改革。全面实施按病种付费。由市医保局、市卫生健康委共同牵头，市财政\n"
        "局、市市场监管局参与，建立动态调\n整机制。",
        [("市医保局", L), ("市卫生健康委", L), ("市财政局", P), ("市市场监管局", P)],
    ),
    (
        "a role sentence that ends its line keeps it (the next line is a new sentence)",
        "推进改革。市商务局牵头，市财政局配合\n各地要抓好落实。",
        [("市商务局", L), ("市财政局", P)],
    ),
    (
        "a bracket of units alone without its closing bracket, before a heading",
        "（七）加强队伍建设。完善人才引进机制。（区委组织部、区人力资源社会保障局、区财政局\n"
        "（八）强化督查考核。",
        [("区委组织部", U), ("区人力资源社会保障局", U), ("区财政局", U)],
    ),
    (
        "a bracket of units alone without its closing bracket, over a wrapped list",
        "提升园区承载能力。(县交通运输局、县住房和城乡建设局、国网某县供电公司,\n"
        "各乡镇人民政府\n(六)加强金融支持。",
        [
            ("县交通运输局", U),
            ("县住房和城乡建设局", U),
            ("国网某县供电公司", U),
            ("各乡镇人民政府", U),
        ],
    ),
    (
        "a bracket of units alone without its closing bracket, before prose",
        "（二）推进项目。加快项目建设。（县发展改革局、县财政局\n各乡镇要加强协调配合。\n",
        [("县发展改革局", U), ("县财政局", U)],
    ),
    (
        "the last label line stops at the blank line before the signature",
        "（三）严格考核。\n　　牵头单位：县委督查室\n　　配合单位：县绩效办\n\n"
        "中共长沙县委办公室\n长沙县人民政府办公室\n2024年5月6日\n",
        [("县委督查室", L), ("县绩效办", P)],
    ),
    (
        "a label line goes on over a blank line after a separator",
        "（二）保障资金。\n　　责任单位：县发改局、县财政局、\n\n县商务局\n",
        [("县发改局", U), ("县财政局", U), ("县商务局", U)],
    ),
    (
        "a label line goes on over a page break into a word it cut",
        "（二）保障资金。\n　　责任单位：市发改委、市委\n\n- 3 -\n\n宣传部、市财政局\n",
        [("市发改委", U), ("市委宣传部", U), ("市财政局", U)],
    ),
    (
        "ministry departments ending in 司, bare bracket",
        "推进分级诊疗。（国家卫生健康委医政司牵头，国家中医药局医政司、国家疾控局医疗救治司配合）",
        [("国家卫生健康委医政司", L), ("国家中医药局医政司", P), ("国家疾控局医疗救治司", P)],
    ),
    (
        "司 units under a role word in a bare bracket",
        "完善统计制度。（交通运输部综合规划司、财务审计司按职责分工负责）",
        [("交通运输部综合规划司", U), ("财务审计司", U)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_block_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


# --- splitting units -------------------------------------------------------------------------

SPLITS: list[tuple[str, str, list[str]]] = [
    (
        "comma and 、",
        "（责任单位：省经信厅、省药监局，各市州人民政府）",
        ["省经信厅", "省药监局", "各市州人民政府"],
    ),
    ("semicolon", "（责任单位：省财政厅；省税务局）", ["省财政厅", "省税务局"]),
    ("和 between units", "（县财政局和县乡村振兴局负责）", ["县财政局", "县乡村振兴局"]),
    (
        "和 inside a name",
        "（责任单位：市工业和信息化局、市自然资源和规划局）",
        ["市工业和信息化局", "市自然资源和规划局"],
    ),
    (
        "fixed expression with 〔〕",
        "（责任单位：省经信委牵头，省级有关部门，各市、县〔市、区〕政府参与）",
        ["省经信委", "省级有关部门", "各市、县〔市、区〕政府"],
    ),
    (
        "fixed expression with （）",
        "（责任单位：省发改委，各市、县（市、区）政府）",
        ["省发改委", "各市、县（市、区）政府"],
    ),
    ("各县（市、区）", "（责任单位：市住建局，各县（市、区））", ["市住建局", "各县（市、区）"]),
    (
        "各市、县（市、区）人民政府",
        "（责任单位：省民政厅，各市、县（市、区）人民政府）",
        ["省民政厅", "各市、县（市、区）人民政府"],
    ),
    (
        "各区、县（市）",
        "（市民政局负责，各区、县（市）人民政府配合）",
        ["市民政局", "各区、县（市）人民政府"],
    ),
    (
        "bracketed alias",
        "（责任单位：省市场监管局〔知识产权局〕、省药监局）",
        ["省市场监管局〔知识产权局〕", "省药监局"],
    ),
    (
        "bracket after a government",
        "（责任单位：市医保局，各区市政府(管委)）",
        ["市医保局", "各区市政府(管委)"],
    ),
    (
        "shared head word",
        "（责任单位：市外办,烟台开发区、高新区管委,牟平区、芝罘区政府）",
        ["市外办", "烟台开发区管委", "高新区管委", "牟平区政府", "芝罘区政府"],
    ),
    (
        "联合 inside a name",
        "（责任单位：省残疾人联合会、省民政厅）",
        ["省残疾人联合会", "省民政厅"],
    ),
    ("shared prefix not added", "（责任单位：省财政厅、教育厅）", ["省财政厅", "教育厅"]),
    ("trailing 等", "（国家药监局、财政部等按职责分工负责）", ["国家药监局", "财政部"]),
    ("trailing 等部门", "（责任单位：县财政局、县发改局等部门）", ["县财政局", "县发改局"]),
    ("trailing 等N个部门", "（责任单位：市商务局、市财政局等10个部门）", ["市商务局", "市财政局"]),
    ("trailing 等单位", "（责任单位：县财政局、县发改局等单位）", ["县财政局", "县发改局"]),
    (
        "trailing 等 with a category",
        "（责任单位：省教育厅，兰州大学、西北师范大学等省内高校）",
        ["省教育厅", "兰州大学", "西北师范大学"],
    ),
    (
        "shared level suffix and head",
        "（责任单位：省发改委，南昌、九江、赣州、吉安市人民政府）",
        ["省发改委", "南昌市人民政府", "九江市人民政府", "赣州市人民政府", "吉安市人民政府"],
    ),
    (
        "level suffix not shared by a place that writes its own",
        "（责任单位：吉安县、井冈山市人民政府）",
        ["吉安县人民政府", "井冈山市人民政府"],
    ),
    (
        "word broken by a line break",
        "加快发展。（责任单位：省委人才办、省教\n\n育厅)",
        ["省委人才办", "省教育厅"],
    ),
    (
        "white space removed",
        "加快发展。（责任单位：省 科技厅、 省发改委）",
        ["省科技厅", "省发改委"],
    ),
    ("由 dropped", "加快发展。（由省发改委牵头，省财政厅配合）", ["省发改委", "省财政厅"]),
    (
        "a department's 委 does not take a member head",
        "（市发改委、市减灾委成员单位）",
        ["市发改委", "市减灾委成员单位"],
    ),
    ("a unit does not take a category head", "（市教育局、卫健部门）", ["市教育局", "卫健部门"]),
    ("各地 and 有关部门", "（各地、有关部门负责）", ["各地", "有关部门"]),
    ("各市、县 stays one unit", "（各市、县人民政府负责）", ["各市、县人民政府"]),
    (
        "各市、县、自治县 stays one unit",
        "（省商务厅，各市、县、自治县人民政府）",
        ["省商务厅", "各市、县、自治县人民政府"],
    ),
    ("各市县、自治县 stays one unit", "（各市县、自治县政府负责）", ["各市县、自治县政府"]),
    (
        "units apart by slashes",
        "（省能源局/省工业和信息化厅/湖南能源集团）",
        ["省能源局", "省工业和信息化厅", "湖南能源集团"],
    ),
    (
        "convention clause cut",
        "（责任单位：省科技厅、省药监局，位列第一的为牵头单位，下同）",
        ["省科技厅", "省药监局"],
    ),
    (
        "a zone ending shares the head (新城)",
        "（责任单位：市生态环境局，保定高新区、白沟新城管委会）",
        ["市生态环境局", "保定高新区管委会", "白沟新城管委会"],
    ),
    (
        "a compound zone ending lends no level suffix",
        "（责任单位：白沟新城、保定高新区管委会）",
        ["白沟新城管委会", "保定高新区管委会"],
    ),
    (
        "片区 and 保税区 share the head",
        "（责任单位：临港新片区、洋山保税区管委会）",
        ["临港新片区管委会", "洋山保税区管委会"],
    ),
    (
        "示范区 and 新城 share the head",
        "（责任单位：滨江新城、临空经济示范区管委会）",
        ["滨江新城管委会", "临空经济示范区管委会"],
    ),
    (
        "a one-character level suffix is lent",
        "（责任单位：海沧、集美区人民政府）",
        ["海沧区人民政府", "集美区人民政府"],
    ),
]


@pytest.mark.parametrize(("text", "names"), [c[1:] for c in SPLITS], ids=[c[0] for c in SPLITS])
def test_unit_splitting(text: str, names: list[str]) -> None:
    assert [n for n, _r in units_of("加强建设。" + text)] == names


# --- conventions -----------------------------------------------------------------------------

CONVENTIONS = [
    "位列第一的为牵头单位，下同",
    "排在第一位的为牵头单位",
    "列第一位的为牵头单位",
    "排在首位的为牵头单位，其他为配合单位",
    "排名第一的单位为牵头单位",
    "各项任务中，排在第一位的为牵头单位，其他为配合单位",
    "各项任务第一个单位为牵头单位，其余为配合单位",
    "责任单位中排在第一位的为牵头单位",
    "列在首位的为牵头单位，其他为责任单位",
    "排名第一位的为牵头部门",
    "第一个为牵头单位",
    "所列第一个单位为牵头单位",
    "排在首位的是牵头单位",
    "位居第一的为牵头单位",
    "列第一的单位牵头",
]


@pytest.mark.parametrize("statement", CONVENTIONS)
def test_conventions(statement: str) -> None:
    text = (
        f"为推进工作，制定本方案（{statement}）。\n"
        "（一）加强建设。建成平台10个。（责任单位：省科技厅、省发改委、省卫健委）\n"
        "（二）加强服务。（责任单位：省药监局）\n"
        "（三）加强保障。（省财政厅、省税务局牵头负责）\n"
        "（四）优化环境。（省商务厅牵头，省市场监管局配合）\n"
    )
    assert units_of(text) == [
        ("省科技厅", L),
        ("省发改委", P),
        ("省卫健委", P),
        ("省药监局", L),
        ("省财政厅", L),
        ("省税务局", L),
        ("省商务厅", L),
        ("省市场监管局", P),
    ]


def test_convention_in_a_block_holds_from_there_on() -> None:
    text = (
        "（一）前项。（责任单位：省经信厅、省科技厅）\n"
        "（二）本项。（责任单位：省科技厅、省发展改革委，位列第一的为牵头单位，下同）\n"
        "（三）后项。（责任单位：省经信厅、省科技厅）\n"
    )
    assert units_of(text) == [
        ("省经信厅", U),
        ("省科技厅", U),
        ("省科技厅", L),
        ("省发展改革委", P),
        ("省经信厅", L),
        ("省科技厅", P),
    ]


# --- no false blocks -------------------------------------------------------------------------


def test_no_convention_from_running_text() -> None:
    text = "支持排名第一的单位牵头组建联盟。\n（一）加强建设。（责任单位：省科技厅、省发改委）\n"
    assert units_of(text) == [("省科技厅", U), ("省发改委", U)]


NOT_BLOCKS = [
    "加强师资培训（含教师、律师）。",
    "支持省内制剂领域龙头企业牵头，加强与原料药企业深度合作。",
    "进一步落实企业主体责任，引导企业推广质量控制技术。",
    "国家卫生健康委建立健全标准协调机制，省发改委牵头制定实施细则。",
    "建设合同研发服务（CRO）平台，支持研究型医院（含中医医院）建设。",
    "发放消费券（以下简称“惠民券”）。",
    "省市场监管局（省知识产权局）要加强反垄断执法。",
    "为III期试验服务的牵头（参与）医疗机构给予补助。",
    "各责任单位要明确牵头单位和责任单位，确保任务落实。",
    "首页 > 政务公开 > 责任单位：省发改委\n",
    "支持浙江大学、西湖大学等争创国家级平台（浙江大学、西湖大学）。",
    "各市、县（市、区）政府要结合本地实际，加强组织领导。",
    "（一）指导思想。以新发展理念为指导，推动高质量发展。",
    "推进。\n牵头单位 配合单位 完成时限\n1 推进建设 市发改委 市财政局 2024年\n",
    "推进。\n责任单位 \n",
    "以杭州、台州等地为重点，建设一批医药产业基地\n(园区)，规划形成产业集群。",
    "附表\n序号\n重点任务\n牵头单位\n配合单位\n按照要求推进各项工作。\n",
    "提升满意度。（市民满意度、市场主体活跃度、市财政局）",
    "覆盖城乡。（县城、乡镇）",
    "培育龙头企业。（龙头企业、骨干企业）",
    "附表\n序号  重点任务  牵头单位  配合单位\n各地要按照要求推进 各项工作。\n",
    "修复失信主体1200家。（资料来源：市统计局）",
    "主办单位：九江市人民政府办公室　联系电话：0792-8888888\n",
    "中共九江市委办公室、九江市人民政府办公室（以下简称“两办”）将适时开展督查。",
    "由市政府办公室牵头，会同市财政局、市教育局研究制定保障办法。",
    "壮大集体经济。（联系人：李华；电话：0577-86121234）",
    "完成12个行政村治理任务（见附件1）。实施三年行动（2024—2026年）。",
    "主办：合肥市人民政府办公室　承办：合肥市数据资源局\n",
    "推动公厕规范管护\n\n- 2 -\n\n（2024—2026年）\n",
    "建设平台。县商务局牵头制定方案，县财政局配合。",
    "推进产学研合作。龙头企业牵头，科研院所参与。",
    "建设公共停车场（由企业负责建设运营）并向社会开放。",
    "加强督查。市营商办要会同市委督查室加强督导检查。",
    "推进改造。由县口岸办会同县海关制定具体方案。",
    "　　发展目标。\n　　——创新能力显著增强。研发投入强度达到3%。\n",
    "　　坚持创新引领。\n　　——建设一批现代农业产业园区\n",
    "　　加快发展。——市发改委牵头制定方案，市财政局配合。\n",
    "各县（市、区）人民政府，市政府各部门：\n　　现将方案印发给你们。\n",
    "　　（一）主要目标：负责任地推进改革。\n",
    "　　（二）组织领导：成立工作专班，统筹推进。\n",
    "　　（三）市教育局要负责统筹：推进课后服务。\n",
    "（一）压实责任。企业为责任主体，要落实安全生产措施。",
    "　　五、开展筛查。\n　　分管领导：王俊峰（副区长）\n　　责任人：刘芳（区卫生健康委主任）\n",
    "完善机制。由市发展改革委牵头，建立项目储备库，实行动态管理。",
    "推动合作。龙头企业牵头，科研院所参与，共建创新联合体。",
    "强化保障。各地要统筹推进，市财政局负责，加大投入力度。",
    "支持建设产业园区（高新区、经开区\n（二）加强要素保障。",
    "（一）培育企业。壮大市场主体。（龙头企业、骨干企业\n（二）加强要素保障。",
    "提升满意度。（市民满意度、市场主体活跃度、市财政局\n（二）加强要素保障。",
    "（一）推进工作。加快推进。（2024年底前完成\n（二）加强要素保障。",
]


@pytest.mark.parametrize("text", NOT_BLOCKS)
def test_not_blocks(text: str) -> None:
    assert units_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "（" * 5000,
        "（责任单位：省发改委\n" * 1000,
        "。（省发改委牵头，" * 1000,
        "牵头单位：" + "市科\n技局、" * 1000,
        "(" + "省发改委" * 1000 + ")",
    ],
)
def test_pathological_input_is_fast(text: str) -> None:
    start = time.perf_counter()
    _context(text)
    assert time.perf_counter() - start < 5


def test_corpus_document_without_blocks() -> None:
    ctx = _context(read_path(CORPUS / "000_82b5397f6a78e647.txt").text)
    assert ctx.responsible_units == []


# --- spans, blocks and links -----------------------------------------------------------------


def _all_units() -> list[tuple[str, ResponsibleUnit]]:
    out: list[tuple[str, ResponsibleUnit]] = []
    for path in sorted(CORPUS.glob("*.txt")) + sorted(FIXTURES.iterdir()):
        if path.suffix not in (".txt", ".md", ".html"):
            continue
        doc = extract_units(path)
        out += [(doc.text, u) for u in doc.responsible_units]
    return out


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def test_spans_are_evidence() -> None:
    units = _all_units()
    assert len(units) > 400
    for text, u in units:
        evidence = text[u.span.start : u.span.end]
        assert u.block.start <= u.span.start <= u.span.end <= u.block.end
        assert evidence[0] == u.name[0] and not evidence[-1].isspace(), (u.name, evidence)
        # the name is written in the span (a page number or a shared head word aside)
        assert _subsequence(_WS.sub("", evidence), u.name) or _subsequence(
            u.name[: len(_WS.sub("", evidence))], evidence
        ), (u.name, evidence)


def test_units_link_to_the_provision_their_block_closes() -> None:
    doc = extract_units(CORPUS / "002_4a73ca354384d462.txt")
    provisions = {p.id: p for p in doc.provisions}
    for u in doc.responsible_units:
        assert u.provision is not None
        p = provisions[u.provision]
        assert p.span.start <= u.block.start and u.block.end <= p.span.end
    first = doc.responsible_units[0]
    assert provisions[first.provision or ""].number == "（一）"
    assert provisions[first.provision or ""].heading == "推进创新平台建设"


def test_line_blocks_link_to_their_task() -> None:
    doc = extract_units(CORPUS / "003_c4dcbbf0e13eacd6.txt")
    provisions = {p.id: p for p in doc.provisions}
    first = doc.responsible_units[0]
    assert provisions[first.provision or ""].heading == "链主领航工程"


# --- canonical names, kinds and levels -------------------------------------------------------

NAMES = [
    ("省发改委", "省发展改革委", "government_department", "provincial"),
    ("各盟市行政公署", "各盟市行政公署", "peoples_government", "municipal"),
    ("兵团第十二师", "兵团第十二师", "other", "municipal"),
    ("兵团生态环境局", "兵团生态环境局", "government_department", "provincial"),
    ("省委军民融合办", "省委军民融合办", "other", "provincial"),
    ("各设区市、县（市、区）人民政府", "各设区市、县(市、区)人民政府", "peoples_government", None),
    ("省卫健委", "省卫生健康委", "government_department", "provincial"),
    ("市卫健委", "市卫生健康委", "government_department", "municipal"),
    ("县发改局", "县发展改革局", "government_department", "county"),
    ("浙江省发展和改革委员会", "浙江省发展改革委", "government_department", "provincial"),
    ("省经信厅", "省经济和信息化厅", "government_department", "provincial"),
    ("省经信委", "省经济和信息化委", "government_department", "provincial"),
    ("市工信局", "市工业和信息化局", "government_department", "municipal"),
    ("工信部", "工业和信息化部", "government_department", "national"),
    ("省人社厅", "省人力资源社会保障厅", "government_department", "provincial"),
    ("区人力资源和社会保障局", "区人力资源社会保障局", "government_department", "county"),
    ("市住房和城乡建设局", "市住房城乡建设局", "government_department", "municipal"),
    ("市市场监督管理局", "市市场监管局", "government_department", "municipal"),
    ("国家药品监督管理局", "国家药监局", "government_department", "national"),
    ("省食品药品监督管理局", "省食品药品监管局", "government_department", "provincial"),
    ("州医疗保障局", "州医保局", "government_department", "municipal"),
    ("市应急局", "市应急管理局", "government_department", "municipal"),
    ("教育厅", "教育厅", "government_department", "provincial"),
    ("牟平区政府", "牟平区人民政府", "peoples_government", "county"),
    ("各市州人民政府", "各市州人民政府", "peoples_government", "municipal"),
    ("各区市政府(管委)", "各区市人民政府(管委)", "peoples_government", "county"),
    ("各县（市、区）", "各县(市、区)", "peoples_government", "county"),
    ("烟台供电公司", "烟台供电公司", "enterprise", None),
    ("长江产业集团", "长江产业集团", "enterprise", None),
    ("市委组织部", "市委组织部", "other", "municipal"),
    ("浙江金融监管局", "浙江金融监管局", "government_department", "provincial"),
    (
        "省市场监管局〔知识产权局〕",
        "省市场监管局〔知识产权局〕",
        "government_department",
        "provincial",
    ),
    ("杭州海关", "杭州海关", "government_department", None),
    ("省级有关部门", "省级有关部门", "government_department", "provincial"),
    ("国家税务总局浙江省税务局", "国家税务总局浙江省税务局", "government_department", "provincial"),
    ("团市委", "团市委", "other", "municipal"),
    ("各地级以上市人民政府", "各地级以上市人民政府", "peoples_government", "municipal"),
    ("浙江大学", "浙江大学", "other", None),
    ("经开区管委会", "经开区管委会", "peoples_government", "county"),
    ("各乡镇人民政府", "各乡镇人民政府", "peoples_government", None),
    ("中国移动XX分公司", "中国移动XX分公司", "enterprise", None),
    ("人民银行XX区支行", "人民银行XX区支行", "government_department", None),
    ("邮储银行XX县支行", "邮储银行XX县支行", "enterprise", None),
    ("共青团中央", "共青团中央", "other", "national"),
]


@pytest.mark.parametrize(("name", "canonical", "kind", "level"), NAMES)
def test_names(name: str, canonical: str, kind: str, level: str | None) -> None:
    info = describe(name)
    assert (info.canonical, info.kind, info.level) == (canonical, kind, level)


def test_records_carry_names_kinds_and_levels() -> None:
    ctx = _context("加强建设。（责任单位：省发改委、省卫健委，各市州人民政府）")
    got = [(u.canonical, u.kind, u.level) for u in ctx.responsible_units]
    assert got == [
        ("省发展改革委", "government_department", "provincial"),
        ("省卫生健康委", "government_department", "provincial"),
        ("各市州人民政府", "peoples_government", "municipal"),
    ]


# --- ditto cells (同上) in task tables ---------------------------------------------------------

DITTO: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "tab table, 同上 in the lead column",
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t建设智慧农业示范基地\t县农业农村局\t县科技局、县财政局\t2025年6月底\n"
        "2\t培育家庭农场200家\t同上\t各乡镇人民政府\t2025年12月底\n",
        [
            ("县农业农村局", L),
            ("县科技局", P),
            ("县财政局", P),
            ("县农业农村局", L),
            ("各乡镇人民政府", P),
        ],
    ),
    (
        "tab table, 同上 in the participant column",
        "序号\t工作任务\t牵头部门\t责任部门\n"
        "1\t整治背街小巷\t区城管局\t区住建局、各街道办事处\n"
        "2\t改造老旧管网\t区水务局、区交通局\t同上\n",
        [
            ("区城管局", L),
            ("区住建局", P),
            ("各街道办事处", P),
            ("区水务局", L),
            ("区交通局", L),
            ("区住建局", P),
            ("各街道办事处", P),
        ],
    ),
    (
        "a chain of two ditto rows resolves through the rows",
        "序号\t任务\t牵头单位\t配合单位\n"
        "1\t建设口岸平台\t市商务局\t市海关、市税务局\n"
        "2\t发展跨境电商\t同上\t市邮政管理局\n"
        "3\t培育外贸主体\t同上\t同上\n",
        [
            ("市商务局", L),
            ("市海关", P),
            ("市税务局", P),
            ("市商务局", L),
            ("市邮政管理局", P),
            ("市商务局", L),
            ("市邮政管理局", P),
        ],
    ),
    (
        "space-separated table, 同上 and 同上行 in both unit columns",
        "序号  重点任务  牵头单位  配合单位  完成时限\n"
        "1  建设托育机构  市卫健委  市民政局、市财政局  2024年底\n"
        "2  培训托育人员  同上行  市人社局  2024年底\n"
        "3  开展托育补贴  市财政局  同上  2025年底\n",
        [
            ("市卫健委", L),
            ("市民政局", P),
            ("市财政局", P),
            ("市卫健委", L),
            ("市人社局", P),
            ("市财政局", L),
            ("市人社局", P),
        ],
    ),
    (
        "pipe table, a ditto cell with a full stop; 同上 in the time column is no unit",
        "| 序号 | 任务 | 责任单位 | 完成时间 |\n|---|---|---|---|\n"
        "| 1 | 修订应急预案 | 州应急管理局 | 2024年6月 |\n"
        "| 2 | 开展应急演练 | 同上。 | 同上 |\n",
        [("州应急管理局", U), ("州应急管理局", U)],
    ),
    (
        "a ditto cell in the first row, or under an empty cell, names no unit",
        "序号\t任务\t牵头单位\t配合单位\n"
        "1\t建设数据中心\t同上\t市大数据局\n"
        "2\t开放公共数据\t市大数据局\t—\n"
        "3\t推进数据交易\t市发改委\t同上\n",
        [("市大数据局", P), ("市大数据局", L), ("市发改委", L)],
    ),
    (
        "a new table does not inherit from the one before",
        "序号\t任务\t牵头单位\t配合单位\n1\t建设园区\t县发改局\t县财政局\n\n"
        "　　二、保障措施，各单位要按时完成下列任务。\n\n"
        "序号\t任务\t牵头单位\t配合单位\n1\t保障用地\t县自然资源局\t同上\n",
        [("县发改局", L), ("县财政局", P), ("县自然资源局", L)],
    ),
    (
        "one cell a line, 同上 in the lead column",
        "序号\n重点任务\n牵头单位\n责任单位\n1\n延长公交运营时间\n市交通运输局\n市公交集团\n"
        "2\n优化公交线路\n同上\n市公交集团、各区政府\n",
        [
            ("市交通运输局", L),
            ("市公交集团", P),
            ("市交通运输局", L),
            ("市公交集团", P),
            ("各区政府", P),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in DITTO], ids=[c[0] for c in DITTO])
def test_ditto_cells(text: str, expected: list[tuple[str, str]]) -> None:
    assert units_of(text) == expected


def test_inherited_units_point_at_the_row_above() -> None:
    """An inherited unit's span is the earlier row's unit; its block is the ditto row's."""
    text = DITTO[2][1]
    units = _context(text).responsible_units
    assert all(u.name not in ("同上", "同上行") for u in units)
    for u in units:
        assert text[u.span.start : u.span.end] == u.name
    rows = [text.index(f"\n{n}\t") + 1 for n in (1, 2, 3)]
    row3 = [u for u in units if u.block.start > rows[2]]
    assert [u.name for u in row3] == ["市商务局", "市邮政管理局"]
    assert text[row3[0].block.start : row3[0].block.end] == "同上\t同上"
    lead1 = units[0]
    assert row3[0].span == lead1.span  # through row 2 to the row that writes it
    assert rows[1] < row3[1].span.start < rows[2]  # written in row 2
    for u in units:
        inherited = not (u.block.start <= u.span.start and u.span.end <= u.block.end)
        assert not inherited or u.span.end <= u.block.start


# --- required characters of patterns (hints) -------------------------------------------------

REQUIRED: list[tuple[str, frozenset[str] | None]] = [
    ("牵头", frozenset("牵")),
    ("(?:牵头|负责)", frozenset("牵负")),
    ("配合|参与|协助", frozenset("配参协")),
    ("[各省市]?牵头单位", frozenset("牵")),
    (r"(?<=\p{Han})负责(?!人)", frozenset("负")),
    ("分别?牵头", frozenset("分")),
    ("由.{1,8}负责", frozenset("由")),
    ("(?P<role>指导|督导)", frozenset("指督")),
    ("a{2,}b", frozenset("a")),
    # no character every match must hold
    ("", None),
    ("[牵负]", None),
    (r"\p{Han}+", None),
    ("牵?头?", None),
    ("牵头|.", None),
    ("(?=牵头)", None),
    # syntax this reader gives up on
    ("(?i)lead", None),
    ("(?(1)a|b)", None),
    ("牵头)", None),
    ("(牵头", None),
    ("a**", None),
    ("[牵", None),
]


@pytest.mark.parametrize(("pattern", "chars"), REQUIRED, ids=[p or "empty" for p, _ in REQUIRED])
def test_required_chars(pattern: str, chars: frozenset[str] | None) -> None:
    assert required_chars(pattern) == chars
    if chars:
        # every match holds one of them
        sample = "县发改局牵头负责，县财政局配合，由市政府负责，分别牵头，省厅指导，aab，人负责人"
        for m in regex.finditer(pattern, sample):
            assert not m.group() or set(m.group()) & chars, (pattern, m.group())


def test_a_group_row_keeps_the_header_of_a_space_separated_table() -> None:
    """``一、…`` rows between the rows of a table whose cells are apart by spaces are group
    rows: the header holds across them (it was lost at the first one)."""
    text = (
        "序号  重点任务  牵头单位  配合单位  完成时限\n"
        "一、优化营商环境\n"
        "1  推行证照分离改革  市市场监管局  市司法局、市政务服务中心  2026年6月\n"
        "2  压缩工程建设审批时间  市住房城乡建设局  市自然资源局  2026年12月\n"
        "二、强化要素保障\n"
        "3  盘活存量工业用地  市自然资源局  市工业和信息化局、各县（市、区）人民政府  2027年6月\n"
    )
    ctx = build_context(text)
    responsibility.run(ctx)
    got = [(u.name, u.role) for u in ctx.responsible_units]
    assert got == [
        ("市市场监管局", "lead"),
        ("市司法局", "participant"),
        ("市政务服务中心", "participant"),
        ("市住房城乡建设局", "lead"),
        ("市自然资源局", "participant"),
        ("市自然资源局", "lead"),
        ("市工业和信息化局", "participant"),
        ("各县（市、区）人民政府", "participant"),
    ], got
