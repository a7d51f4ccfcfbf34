"""Targets: parts of a whole written with a period, stages of a work, verbs shared with a
length after a count, nouns that open with a verb, and figures that are rules rather than goals
(a limit for the cases a clause names, the size of a standing arrangement, a size class, what
the ones taken in must be)."""

from __future__ import annotations

import pytest

from policyparse.extract.targets.rules import cues
from policyparse.extract.targets.trim import _stage_verbs, _verb_scope

from .targetrows import target_rows


def _targets(text: str) -> list[tuple[str, float | None, str | None, int | None]]:
    """Indicator, value, unit and deadline year of each target (bounds left out)."""
    return [(i, v, u, y) for i, v, u, _bound, y in target_rows(text)]


def _indicators(text: str) -> list[str]:
    return [t[0] for t in _targets(text)]


# --- nouns that open with a verb --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("到2026年，全省服务贸易进出口额达到800亿美元。", "全省服务贸易进出口额"),
        ("到2027年，全县服务业增加值年均增长7%。", "全县服务业增加值年均增长"),
        ("力争到2025年底，全市服务外包执行额突破80亿美元。", "全市服务外包执行额"),
        ("到2028年，全区建筑业总产值达到1200亿元。", "全区建筑业总产值"),
    ],
)
def test_a_noun_opening_with_a_verb_keeps_it(text: str, indicator: str) -> None:
    assert _indicators(text) == [indicator]


# --- times ------------------------------------------------------------------------------------


def test_a_place_opening_with_qian_after_a_year_keeps_it() -> None:
    got = _targets("到2026年前海深港现代服务业合作区注册企业达到5万家。")
    assert got == [("前海深港现代服务业合作区注册企业数量", 5.0, "万家", 2026)]
    got = _targets("到2027年前沿技术领域有效发明专利达到5000件。")
    assert got[0][0].startswith("前沿技术领域") and got[0][3] == 2027


def test_qian_before_a_verb_is_still_a_deadline() -> None:
    got = _targets("2026年前完成农村公路危桥改造30座。")
    assert got[0][3] == 2026 and not got[0][0].startswith("前")
    got = _targets("各县于2026年3月底前提交实施方案，2026年前完成改造老旧厂房12处。")
    assert [t[3] for t in got] == [2026]
    assert "提交" not in got[0][0]


# --- a sentence cut by a hard line break ------------------------------------------------------


@pytest.mark.parametrize("mark", ['"', "“"])
def test_a_quoted_name_after_a_comma_at_a_line_end_goes_on(mark: str) -> None:
    close = "”" if mark == "“" else '"'
    text = (
        "二、工作目标。到2026年,新增省级专精特新中小企业300家以上,\n"
        f"{mark}小巨人{close}企业数量达到60家。\n三、重点任务\n"
    )
    got = _targets(text)
    assert [t[3] for t in got] == [2026, 2026]
    assert got[1][0].endswith("小巨人" + close + "企业数量")


def test_a_line_after_a_full_stop_is_not_joined() -> None:
    text = '（一）到2026年，全市新增省级专精特新企业300家以上。\n（二）"小巨人"企业数量达到60家。\n'
    got = _targets(text)
    assert got[0][3] == 2026
    assert len(got) == 2 and got[1][3] is None


# --- figures that are rules -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "推行证照联办，申请材料齐全的，在5个工作日内办结。",
        "不动产登记实行一窗受理，手续完备的，在1个工作日内办结。",
        "外资项目实行备案管理,材料齐全的,在３个工作日内办结。",
    ],
)
def test_a_limit_for_the_cases_a_clause_names_is_a_target(text: str) -> None:
    got = _targets(text)
    assert len(got) == 1
    assert got[0][0].endswith("办结时限") and got[0][2] == "工作日" and got[0][3] is None


def test_limits_to_reach_are_still_targets() -> None:
    got = _targets("到2026年，企业开办时间压缩至1个工作日以内。")
    assert got == [("企业开办时间", 1.0, "工作日", 2026)]
    got = _targets("对符合条件的创新药开通绿色通道，在申报后10个工作日内办结。")
    assert len(got) == 1 and got[0][2] == "工作日"


@pytest.mark.parametrize(
    "text",
    [
        "建立重点项目包联制度，包联项目不少于200个，每季度调度一次。",
        "健全外贸企业联系机制,联系企业数量不少于300家,每月开展监测。",
    ],
)
def test_the_size_of_a_standing_arrangement_is_no_target(text: str) -> None:
    assert _targets(text) == []


def test_a_goal_after_an_arrangement_is_still_a_target() -> None:
    got = _targets("到2026年，建立企业服务专员制度，新增规模以上工业企业100家。")
    assert [t[1] for t in got] == [100.0]


def test_a_head_count_that_defines_a_size_class_is_no_target() -> None:
    got = _targets("到2026年，基本消除66人以上超大班额，培训1000名以上中小企业经营管理人员。")
    assert [t[1] for t in got] == [1000.0]
    assert _targets("到2026年，每年推动1000家以上中小企业上云用数。")[0][1] == 1000.0


def test_what_the_ones_taken_in_must_be_is_no_target() -> None:
    text = "纳入补助范围的农户，应为家庭人均收入低于当地标准、且房屋鉴定为C级以上的家庭。"
    assert _targets(text) == []
    text = "纳入改造计划的小区，应为2005年底前建成、且居民同意率达到三分之二以上的住宅小区。"
    assert _targets(text) == []


# --- indicators -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("到2027年，全市外贸进出口总额力争每年增长8%以上。", "全市外贸进出口总额每年增长"),
        ("到2026年，全县社会消费品零售总额确保年均增长6%。", "全县社会消费品零售总额年均增长"),
    ],
)
def test_a_commitment_before_a_period_and_a_change_stays_out(text: str, indicator: str) -> None:
    assert _indicators(text) == [indicator]


def test_a_word_of_totality_before_a_count_written_before_its_noun() -> None:
    got = _targets("2026年，10月底前完成全部36个老旧小区管网改造。")
    assert got == [("老旧小区管网改造数量", 36.0, "个", 2026)]
    got = _targets("2026年，完成所有18个易涝点整治。")
    assert got[0][0] == "易涝点整治数量"
    assert _verb_scope("完成全部") == ("完成", "")
    assert _verb_scope("完成全区") == ("完成", "全区")
    assert _verb_scope("完成") is None


def test_a_length_after_a_count_takes_the_verb_of_the_count() -> None:
    got = _indicators("2026年，新建改造社区公园6个、健身步道12公里；人行道修复30条。")
    assert got == ["新建改造社区公园数量", "新建改造健身步道", "人行道修复数量"]
    # an area of the things counted is no second thing the work is done to
    got = _indicators("到2026年，新建学校3所、建筑面积5万平方米。")
    assert got[1] == "建筑面积"


def test_a_count_after_a_semicolon_takes_no_verb_from_the_one_before() -> None:
    got = _indicators("2026年，新增公共停车泊位800个；背街小巷整治25条。")
    assert got == ["新增公共停车泊位数量", "背街小巷整治数量"]


def test_a_part_done_in_a_period_keeps_the_period() -> None:
    got = _targets("2026年，改造燃气管网120公里，其中三季度完成80公里。")
    assert got[1] == ("三季度改造燃气管网", 80.0, "公里", 2026)
    got = _indicators("2026年，全区背街小巷整治40条，其中上半年完成20条。")
    assert got[-1] == "上半年全区背街小巷整治数量"


def test_a_part_without_a_period_does_not_get_one() -> None:
    got = _indicators("到2026年，培育试点企业50家，其中制造业企业30家。")
    assert got[1] == "制造业企业数量"


def test_two_verbs_after_a_count_name_a_stage_of_the_same_work() -> None:
    got = _indicators("2026年，6月底前累计开工建设保障性住房800套，年底前竣工交付500套。")
    assert got == ["累计开工建设保障性住房数量", "竣工交付保障性住房数量"]
    # one verb alone counts the same thing
    got = _indicators("年内完成既有住宅加装电梯15部，9月底前完成8部。")
    assert got == ["既有住宅加装电梯数量", "既有住宅加装电梯数量"]
    assert _stage_verbs("竣工交付") == "竣工交付"
    assert _stage_verbs("完成") == ""
    assert _stage_verbs("电梯") == ""


def test_a_scope_word_keeps_the_verb_of_completed_work() -> None:
    got = _indicators("到2026年，全市完成高标准农田建设5万亩，全市建成社区食堂30个。")
    assert got == ["全市完成高标准农田建设", "全市社区食堂数量"]
    assert "完成" in cues().scope_kept_verbs


def test_a_distributive_scope_keeps_the_verb_before_a_count_after_its_noun() -> None:
    got = _indicators("到2026年，每个村落实专职网格员不少于2名。")
    assert got == ["每个村落实专职网格员数量"]
    got = _indicators("到2027年，每个县级医院建设省级临床重点专科3个以上。")
    assert got == ["每个县级医院建设省级临床重点专科数量"]
