"""Targets: a frequency inside what a share counts, a bound word before the verb of a count,
a window of years before a place, bans within a distance, 分别 lists that pair with years or
with the targets before them, partners and event periods in indicators, places named as a part,
a rate in another manner, and 新培育 counts."""

from __future__ import annotations

import pytest

from policyparse.extract.times.find import find_times

from .targetrows import Row, target_rows

# --- a frequency inside what a share counts ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "到2027年和2030年，青少年每周参加3次以上中等强度体育锻炼的比例分别提高到80%和85%。",
            [
                ("青少年每周参加3次以上中等强度体育锻炼的比例", 80.0, "%", "eq", 2027),
                ("青少年每周参加3次以上中等强度体育锻炼的比例", 85.0, "%", "eq", 2030),
            ],
        ),
        (
            "到2026年，全区每月开展2次以上志愿服务的社区占比达到70%。",
            [("全区每月开展2次以上志愿服务的社区占比", 70.0, "%", "eq", 2026)],
        ),
    ],
)
def test_a_frequency_naming_those_a_share_counts_is_no_rule(text: str, expected: list[Row]) -> None:
    assert target_rows(text) == expected


def test_a_frequency_of_work_stays_a_rule() -> None:
    assert target_rows("每季度召开一次联席会议，每次参会单位不少于10家。") == []


# --- a bound word before the verb of a count ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "indicator", "value", "unit"),
    [
        (
            "到2026年，每个县（区）至少建成1个大件垃圾拆解中心。",
            "每个县（区）大件垃圾拆解中心数量",
            1.0,
            "个",
        ),
        (
            "到2027年，每个重点镇至少配备农技特派员6名。",
            "每个重点镇配备农技特派员数量",
            6.0,
            "名",
        ),
        (
            "到2028年，每个街道至少落实专职网格员12名。",
            "每个街道落实专职网格员数量",
            12.0,
            "名",
        ),
        ("到2026年，建成3个大数据中心。", "大数据中心数量", 3.0, "个"),
    ],
)
def test_a_bound_word_before_the_verb_binds_the_count(
    text: str, indicator: str, value: float, unit: str
) -> None:
    got = target_rows(text)
    assert len(got) == 1
    assert got[0][0] == indicator and got[0][1] == value and got[0][2] == unit
    expected_bound = "eq" if text.startswith("到2026年，建成") else "ge"
    assert got[0][3] == expected_bound


def test_a_count_with_its_own_bound_word_keeps_it() -> None:
    got = target_rows("到2026年，每个乡镇至少配备护林员10名以上。")
    assert [(g[1], g[3]) for g in got] == [(10.0, "ge")]
    # a count before the value in the clause stops the reach
    got = target_rows("到2027年，至少3家企业产值达到100亿元。")
    assert [(g[1], g[3]) for g in got if g[2] == "亿元"] == [(100.0, "eq")]


def test_a_size_class_after_a_bound_word_stays_out() -> None:
    assert target_rows("到2027年，基本消除56人以上大班额。") == []


# --- a window of years before a place -----------------------------------------------------


def test_a_window_of_years_before_a_place_is_a_deadline() -> None:
    text = (
        "某某县人民政府办公室\n2025年3月10日\n每年举办一届美食节。三年内在珠三角地区新增品牌门店200家，"
        "线上销售额年均增长15%以上。"
    )
    got = target_rows(text)
    assert [g[4] for g in got] == [2027, 2027]
    found = find_times("三年内在长三角地区新增", ())
    assert [f.role for f in found] == ["limit"]
    # 内在 of a noun is no window
    assert find_times("激发企业三年内在动力", ()) == []


# --- bans within a distance ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "到2030年，严禁在长江干支流岸线1公里范围内新建、扩建化工园区。",
        "到2027年，禁止在饮用水源地周边500米以内新建规模养殖场。",
        "不得在学校周边200米范围内设置经营网点。",
    ],
)
def test_a_ban_within_a_distance_is_no_target(text: str) -> None:
    assert target_rows(text) == []


def test_a_goal_beside_a_ban_stays() -> None:
    got = target_rows("到2030年，园区污水集中处理率达到100%。严禁在岸线1公里范围内新建化工项目。")
    assert got == [("园区污水集中处理率", 100.0, "%", "eq", 2030)]


# --- 分别 lists --------------------------------------------------------------------------------


def test_a_subject_joined_by_he_is_shared_when_the_values_pair_with_years() -> None:
    got = target_rows("到2026年和2028年，城市公园和郊野公园无障碍设施覆盖率分别达到70%、85%。")
    assert got == [
        ("城市公园和郊野公园无障碍设施覆盖率", 70.0, "%", "eq", 2026),
        ("城市公园和郊野公园无障碍设施覆盖率", 85.0, "%", "eq", 2028),
    ]


def test_a_subject_list_is_split_without_years_before_it() -> None:
    got = target_rows("到2026年，城市公园和郊野公园无障碍设施覆盖率分别达到70%、85%。")
    assert [g[0] for g in got] == ["城市公园无障碍设施覆盖率", "郊野公园无障碍设施覆盖率"]


def test_a_fenbie_clause_without_subject_takes_the_targets_before_it() -> None:
    got = target_rows(
        "到2026年，全省建成智慧养老示范社区300个以上，社区养老服务覆盖率达到80%，"
        "到2030年分别达到600个、95%。"
    )
    assert [(g[0], g[1], g[4]) for g in got] == [
        ("全省智慧养老示范社区数量", 300.0, 2026),
        ("社区养老服务覆盖率", 80.0, 2026),
        ("全省智慧养老示范社区数量", 600.0, 2030),
        ("社区养老服务覆盖率", 95.0, 2030),
    ]


def test_a_fenbie_clause_in_other_units_takes_nothing_from_before() -> None:
    got = target_rows("到2026年，建成示范社区300个，覆盖率达到80%，到2030年分别达到90%、600个。")
    assert len(got) == 4
    assert not any(g[0].startswith(("示范社区", "覆盖率")) for g in got[2:])


# --- partners, event periods, places as parts ---------------------------------------------


def test_partners_before_a_verb_of_building_together_go() -> None:
    got = target_rows("到2027年，与浙江大学、省农科院等高校院所共建产业研究院4个。")
    assert [g[0] for g in got] == ["共建产业研究院数量"]
    # 公共建筑 holds no 共建
    got = target_rows("到2027年，完成学校、医院等公共建筑节能改造20万平方米。")
    assert got[0][0] == "学校、医院等公共建筑节能改造"


def test_an_event_period_reaches_what_it_brings_along() -> None:
    got = target_rows(
        "到2026年，茶文化节期间全市接待游客达到300万人次，带动旅游综合收入12亿元以上。"
    )
    assert [g[0] for g in got] == ["茶文化节期间全市接待游客", "茶文化节期间带动旅游综合收入"]
    got = target_rows("到2026年，春节期间接待游客100万人次，带动农产品网络销售额突破5亿元。")
    assert got[1][0] == "春节期间农产品网络销售额"


def test_places_named_as_a_part_take_the_measure_of_the_whole() -> None:
    got = target_rows(
        "2026年，生活垃圾分类小区覆盖率达到95%，其中，东城区、西城区、高新区达到100%；"
        "全市污水集中处理率达到60%，其中甲县达到75%。"
    )
    assert [g[0] for g in got] == [
        "生活垃圾分类小区覆盖率",
        "东城区、西城区、高新区生活垃圾分类小区覆盖率",
        "全市污水集中处理率",
        "甲县污水集中处理率",
    ]


# --- rates and counts ------------------------------------------------------------------------


def test_a_rate_repeating_a_noun_of_the_count_names_its_own_subject() -> None:
    got = target_rows("建设县级鱼苗繁育基地15个，到2027年鱼苗自给率达到85%以上。")
    assert [g[0] for g in got] == ["县级鱼苗繁育基地数量", "鱼苗自给率"]
    got = target_rows("到2026年，培训家政服务人员3000人次，持证上岗率达到90%。")
    assert got[1][0] == "家政服务人员持证上岗率"


def test_a_rate_in_another_manner_takes_the_subject_without_the_first_manner() -> None:
    got = target_rows("2026年，全县农作物秸秆收集利用率达到93%以上，资源化利用率达到85%。")
    assert [g[0] for g in got] == ["全县农作物秸秆收集利用率", "全县农作物秸秆资源化利用率"]


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("2026年，新培育省级专精特新企业30家。", "新培育省级专精特新企业数量"),
        ("到2027年，全区新培育家庭农场50个。", "全区新培育家庭农场数量"),
        ("到2027年，全国遴选建设乡村振兴示范县100个。", "全国乡村振兴示范县数量"),
    ],
)
def test_count_verbs(text: str, indicator: str) -> None:
    assert [g[0] for g in target_rows(text)] == [indicator]
