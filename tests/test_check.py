"""The corpus check as a library: gold files, quote location, matching, scores, the gate.

Extraction is replaced by documents built by hand from the gold files (``perfect_document``),
so these tests do not depend on how well the extraction stages do.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from policyparse.check import (
    CheckConfig,
    Gold,
    char_f1,
    indicator_f1,
    inspect_gold,
    load_config,
    load_gold,
    match_document,
    run_check,
    score,
    write_thresholds,
)
from policyparse.check.gold import Squashed, squash
from policyparse.check.match import assign
from policyparse.check.score import SCORE_NAMES, Counts
from policyparse.errors import CheckConfigError, GoldError
from policyparse.records import (
    Deadline,
    Meta,
    PolicyDocument,
    Quantity,
    ResponsibleUnit,
    Source,
    Span,
    Target,
)

from .conftest import CORPUS

GOLD_FILES = sorted(CORPUS.glob("*.gold.yaml"))


# --- documents built from gold -------------------------------------------------------------


def unit_records(gold: Gold) -> list[ResponsibleUnit]:
    """Responsible units exactly as the gold file states them."""
    out = []
    for b in gold.blocks:
        inner = Squashed(gold.text[b.span.start : b.span.end])
        for u in b.entry.units:
            found = inner.locate(u.name)
            span = (
                Span(start=b.span.start + found.start, end=b.span.start + found.end)
                if found
                else b.span
            )
            out.append(ResponsibleUnit(span=span, name=u.name, role=u.role, block=b.span))
    return out


def target_records(gold: Gold) -> list[Target]:
    """Targets exactly as the gold file states them."""
    out = []
    for g in gold.targets:
        e = g.entry
        rng = isinstance(e.value, tuple)
        q = Quantity(
            span=g.span,
            value=None if isinstance(e.value, tuple) else e.value,
            low=e.value[0] if isinstance(e.value, tuple) else None,
            high=e.value[1] if isinstance(e.value, tuple) else None,
            unit=e.unit,
            bound=e.bound,
        )
        assert rng == (q.value is None)
        deadline = Deadline(year=e.deadline) if e.deadline is not None else None
        out.append(Target(span=g.span, indicator=e.indicator, quantity=q, deadline=deadline))
    return out


def perfect_document(gold: Gold) -> PolicyDocument:
    """A document whose units and targets are exactly those of the gold file."""
    return PolicyDocument(
        source=Source(path=str(gold.document_path)),
        text=gold.text,
        meta=Meta(),
        responsible_units=unit_records(gold),
        targets=target_records(gold),
    )


def perfect_extractor(gold_dir: Path = CORPUS):  # type: ignore[no-untyped-def]
    """An extractor that returns, for a document, the records of its gold file in gold_dir."""

    def extract(path: Path) -> PolicyDocument:
        name = path.name[: -len(path.suffix)] + ".gold.yaml"
        return perfect_document(load_gold(gold_dir / name, path.read_text(encoding="utf-8")))

    return extract


def copy_corpus(dest: Path) -> Path:
    """A copy of the corpus folder (documents, gold files, check.yaml)."""
    shutil.copytree(CORPUS, dest)
    return dest


def edit_gold(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# --- locating quotes -----------------------------------------------------------------------


LOCATE_CASES = [
    # text, quote, nth, evidence (None: not found)
    ("到2025年，全省产值达到\n100亿元。", "全省产值达到100亿元", 1, "全省产值达到\n100亿元"),
    ("到2025年，全省产值达到100亿元。", "全省产值 达到\n100 亿元", 1, "全省产值达到100亿元"),
    ("（责任单位：省教\n\n育厅）", "（责任单位：省教育厅）", 1, "（责任单位：省教\n\n育厅）"),
    ("甲（责任单位：A）乙（责任单位：A）", "（责任单位：A）", 2, "（责任单位：A）"),
    ("甲（责任单位：A）乙", "（责任单位：A）", 2, None),
    ("全角\u3000空格达到5家", "全角空格达到5家", 1, "全角\u3000空格达到5家"),
    ("达到5家", "达到6家", 1, None),
]


@pytest.mark.parametrize(("text", "quote", "nth", "evidence"), LOCATE_CASES)
def test_locate_ignores_white_space(text: str, quote: str, nth: int, evidence: str | None) -> None:
    span = Squashed(text).locate(quote, nth)
    if evidence is None:
        assert span is None
    else:
        assert span is not None and text[span.start : span.end] == evidence
    if nth == 2 and span is not None:
        assert span.start == text.rindex("（")


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="省厅局 \n\t到年达5家（）", min_size=1, max_size=60), st.data())
def test_located_evidence_equals_quote(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    if not squash(quote):
        return
    sq = Squashed(text)
    span = sq.locate(" " + quote.replace("\n", "") + "\n")
    assert span is not None
    got = text[span.start : span.end]
    assert squash(got) == squash(quote)
    assert not got[0].isspace() and not got[-1].isspace()
    assert sq.count(quote) >= 1


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name[:3])
def test_corpus_gold_files_validate_and_locate(path: Path) -> None:
    gold = load_gold(path)
    assert gold.document_path.is_file()
    assert gold.blocks or gold.targets
    for item in [*gold.blocks, *gold.targets]:
        evidence = gold.text[item.span.start : item.span.end]
        assert squash(evidence) == squash(item.entry.quote)


# --- invalid gold files --------------------------------------------------------------------

DOC = "（一）壮大产业。到2025年，全省产值达到100亿元。（责任单位：省科技厅、省财政厅）\n"
VALID: dict[str, object] = {
    "document": "doc.txt",
    "version": 1,
    "responsibilities": [
        {
            "quote": "（责任单位：省科技厅、省财政厅）",
            "units": [
                {"name": "省科技厅", "role": "unspecified"},
                {"name": "省财政厅", "role": "unspecified"},
            ],
        }
    ],
    "targets": [
        {
            "quote": "全省产值达到100亿元",
            "indicator": "全省产值",
            "value": 100,
            "unit": "亿元",
            "bound": "eq",
            "deadline": 2025,
        }
    ],
}


def write_case(tmp_path: Path, data: object) -> Path:
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    path = tmp_path / "doc.gold.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def changed(section: str, key: str, value: object) -> dict[str, object]:
    data = yaml.safe_load(yaml.safe_dump(VALID, allow_unicode=True, sort_keys=False))
    data[section][0][key] = value
    return data  # type: ignore[no-any-return]


def unit_role(role: str) -> dict[str, object]:
    data = changed("responsibilities", "quote", "（责任单位：省科技厅、省财政厅）")
    data["responsibilities"][0]["units"][1]["role"] = role  # type: ignore[index]
    return data


INVALID = [
    # gold data, words the message must contain
    (changed("targets", "colour", "red"), ["targets[0]", "unknown field 'colour'", "全省产值"]),
    (unit_role("boss"), ["responsibilities[0]", "units[1].role", "'boss'"]),
    (changed("targets", "bound", "atleast"), ["targets[0]", "bound", "'atleast'"]),
    (changed("targets", "quote", "全省产值达到200亿元"), ["targets[0]", "quote not found"]),
    (changed("responsibilities", "nth", 2), ["responsibilities[0]", "occurs 1 time"]),
    (changed("targets", "value", [5, 3]), ["targets[0]", "value", "above high"]),
    (changed("targets", "value", "100"), ["targets[0]", "must be a number"]),
    (changed("targets", "deadline", "2025年"), ["targets[0]", "deadline", "year"]),
    (changed("targets", "indicator", " "), ["targets[0]", "non-empty"]),
    ({**VALID, "version": 2}, ["version"]),
    ({**VALID, "document": "other.txt"}, ["'other.txt' not found"]),
    ({**VALID, "notes": "x"}, ["unknown field 'notes'"]),
    ([1, 2], ["not a mapping"]),
]


@pytest.mark.parametrize(("data", "words"), INVALID)
def test_invalid_gold_names_file_and_entry(tmp_path: Path, data: object, words: list[str]) -> None:
    path = write_case(tmp_path, data)
    gold, errors = inspect_gold(path)
    assert gold is None and errors
    message = str(errors[0])
    assert message.startswith("PP200 ") and "doc.gold.yaml" in message
    for w in words:
        assert w in message, message
    with pytest.raises(GoldError):
        load_gold(path)


def test_missing_deadline_is_an_error(tmp_path: Path) -> None:
    data = yaml.safe_load(yaml.safe_dump(VALID, allow_unicode=True))
    del data["targets"][0]["deadline"]
    _, errors = inspect_gold(write_case(tmp_path, data))
    assert "missing field 'deadline'" in str(errors[0])


def test_error_gives_the_line_of_the_field(tmp_path: Path) -> None:
    path = write_case(tmp_path, changed("targets", "bound", "most"))
    line = next(
        i + 1
        for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines())
        if "bound: most" in ln
    )
    _, errors = inspect_gold(path)
    assert f"line {line}" in str(errors[0])


def test_every_problem_is_reported(tmp_path: Path) -> None:
    data = changed("targets", "bound", "most")
    data["responsibilities"][0]["units"][0]["role"] = "chief"  # type: ignore[index]
    _, errors = inspect_gold(write_case(tmp_path, data))
    assert len(errors) == 2
    with pytest.raises(GoldError, match=r"and 1 more"):
        load_gold(tmp_path / "doc.gold.yaml")


def test_two_blocks_at_one_place(tmp_path: Path) -> None:
    data = yaml.safe_load(yaml.safe_dump(VALID, allow_unicode=True))
    data["responsibilities"].append(data["responsibilities"][0])
    _, errors = inspect_gold(write_case(tmp_path, data))
    assert "responsibilities[1]" in str(errors[0]) and "same place" in str(errors[0])


def test_yaml_syntax_error(tmp_path: Path) -> None:
    (tmp_path / "doc.gold.yaml").write_text("document: [doc.txt\n", encoding="utf-8")
    _, errors = inspect_gold(tmp_path / "doc.gold.yaml")
    assert "not valid YAML" in str(errors[0])


# --- matching ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred", "gold", "f1"),
    [
        ("全省医药工业产值", "全省医药工业产值", 1.0),
        ("医药工业产值", "全省医药工业产值", 2 * 6 / 14),
        ("企业数量", "营业收入", 0.25),
        ("产值", "比重", 0.0),
        ("比 重", "比重", 1.0),
        ("研发投入（强度）", "研发投入(强度)", 1.0),
        ("", "", 1.0),
        ("", "产值", 0.0),
        ("企业企业", "企业", 2 * 0.5 * 1.0 / 1.5),
    ],
)
def test_char_f1(pred: str, gold: str, f1: float) -> None:
    assert char_f1(pred, gold) == pytest.approx(f1)


@pytest.mark.parametrize(
    ("pred", "gold", "f1"),
    [
        ("新增学位数量", "新增学位", 1.0),
        ("新增学位", "新增学位数量", 1.0),
        ("新增学位数量", "新增学位数量", 1.0),
        ("企业数量", "营业收入", 2 * 0.5 * 0.25 / 0.75),
        ("数量", "数量", 1.0),
        ("数量", "企业数量", 0.0),
        ("医药工业产值", "全省医药工业产值", 2 * 6 / 14),
        ("数量增长率", "数量增长率", 1.0),
        ("学位 数量", "新增学位", 2 * 1.0 * 0.5 / 1.5),
    ],
)
def test_indicator_f1_drops_optional_count_word(pred: str, gold: str, f1: float) -> None:
    assert indicator_f1(pred, gold) == pytest.approx(f1)


def test_assign_is_a_maximum_matching() -> None:
    assert assign([[0, 1], [0]]) == [1, 0]
    assert assign([[0], [0], [1]]) == [0, None, 1]
    assert assign([[], [2]]) == [None, 2]


UNIT_TEXT = "推进改革（牵头单位：省科技厅；责任单位：省财政厅、省科技厅）。省财政厅建立机制。"


def unit_gold(tmp_path: Path) -> Gold:
    data = {
        "document": "u.txt",
        "version": 1,
        "responsibilities": [
            {
                "quote": "（牵头单位：省科技厅；责任单位：省财政厅、省科技厅）",
                "units": [
                    {"name": "省科技厅", "role": "lead"},
                    {"name": "省财政厅", "role": "participant"},
                    {"name": "省科技厅", "role": "participant"},
                ],
            }
        ],
    }
    (tmp_path / "u.txt").write_text(UNIT_TEXT, encoding="utf-8")
    (tmp_path / "u.gold.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return load_gold(tmp_path / "u.gold.yaml")


def unit_at(text: str, name: str, role: str, nth: int = 1, block: Span | None = None):  # type: ignore[no-untyped-def]
    start = -1
    for _ in range(nth):
        start = text.index(name, start + 1)
    span = Span(start=start, end=start + len(name))
    return ResponsibleUnit(span=span, name=name, role=role, block=block or span)  # type: ignore[arg-type]


def doc_with(text: str, units=(), targets=()) -> PolicyDocument:  # type: ignore[no-untyped-def]
    return PolicyDocument(
        source=Source(),
        text=text,
        meta=Meta(),
        responsible_units=list(units),
        targets=list(targets),
    )


def test_units_inside_block_match_each_gold_once(tmp_path: Path) -> None:
    gold = unit_gold(tmp_path)
    t = UNIT_TEXT
    units = [
        unit_at(t, "省科技厅", "lead"),
        unit_at(t, "省财政厅", "lead"),  # right name, wrong role
        unit_at(t, "省科技厅", "participant", nth=2),
        unit_at(t, "省科技厅", "participant", nth=2),  # the same unit twice
        unit_at(t, "省财政厅", "unspecified", nth=2),  # subject of a sentence: outside the block
    ]
    m = match_document(gold, doc_with(t, units)).units
    assert len(m.pairs) == 3 and not m.missed
    assert [u.span.start for u in m.false_hits] == [units[3].span.start, units[4].span.start]
    assert len(m.role_pairs) == 2
    s = score(match_document(gold, doc_with(t, units)))
    assert (s.units_name.tp, s.units_name.fp, s.units_name.fn) == (3, 2, 0)
    assert s.units_name_role.tp == 2
    assert s.units_name.precision == pytest.approx(3 / 5) and s.units_name.recall == 1.0


def test_unit_outside_quote_matches_through_its_block(tmp_path: Path) -> None:
    gold = unit_gold(tmp_path)
    t = UNIT_TEXT
    block = Span(start=t.index("（") + 1, end=t.index("）"))
    shifted = unit_at(t, "省财政厅", "participant", nth=2, block=block)
    m = match_document(gold, doc_with(t, [shifted])).units
    assert len(m.pairs) == 1 and m.pairs[0][0].unit.name == "省财政厅"
    alone = unit_at(t, "省财政厅", "participant", nth=2)
    assert not match_document(gold, doc_with(t, [alone])).units.pairs


def test_unit_names_compare_without_white_space(tmp_path: Path) -> None:
    gold = unit_gold(tmp_path)
    t = UNIT_TEXT
    u = unit_at(t, "省科技厅", "lead")
    spaced = ResponsibleUnit(span=u.span, name="省科技 厅", role="lead", block=u.block)
    other = ResponsibleUnit(span=u.span, name="省科技", role="lead", block=u.block)
    assert len(match_document(gold, doc_with(t, [spaced])).units.pairs) == 1
    assert not match_document(gold, doc_with(t, [other])).units.pairs


TARGET_TEXT = (
    "到2023年，主营业务收入过100亿元、50亿元和10亿元的企业数量分别达到3家、7家和20家以上。"
    "形成平台2-3家。研发投入强度高于5％。"
)


def target_gold(tmp_path: Path) -> Gold:
    q = "主营业务收入过100亿元、50亿元和10亿元的企业数量分别达到3家、7家和20家以上"

    def t(ind: str, value: object, bound: str, quote: str = q, unit: str = "家") -> object:
        return {
            "quote": quote,
            "indicator": ind,
            "value": value,
            "unit": unit,
            "bound": bound,
            "deadline": 2023,
        }

    data = {
        "document": "t.txt",
        "version": 1,
        "targets": [
            t("主营业务收入过100亿元的企业数量", 3, "eq"),
            t("主营业务收入过50亿元的企业数量", 7, "eq"),
            t("主营业务收入过10亿元的企业数量", 20, "ge"),
            t("平台", [2, 3], "eq", "形成平台2-3家"),
            t("研发投入强度", 5, "gt", "研发投入强度高于5％", "%"),
        ],
    }
    (tmp_path / "t.txt").write_text(TARGET_TEXT, encoding="utf-8")
    (tmp_path / "t.gold.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return load_gold(tmp_path / "t.gold.yaml")


def target_at(
    written: str,
    value: float | tuple[float, float],
    unit: str,
    bound: str = "eq",
    year: int | None = 2023,
    indicator: str = "企业数量",
    nth: int = 1,
) -> Target:
    start = -1
    for _ in range(nth):
        start = TARGET_TEXT.index(written, start + 1)
    span = Span(start=start, end=start + len(written))
    if isinstance(value, tuple):
        q = Quantity(span=span, low=value[0], high=value[1], unit=unit, bound=bound)  # type: ignore[arg-type]
    else:
        q = Quantity(span=span, value=value, unit=unit, bound=bound)  # type: ignore[arg-type]
    deadline = Deadline(year=year) if year is not None else None
    return Target(span=span, indicator=indicator, quantity=q, deadline=deadline)


def test_targets_shared_quote_matched_by_value(tmp_path: Path) -> None:
    gold = target_gold(tmp_path)
    preds = [
        target_at("20家", 20, "家", "ge", indicator="主营业务收入过10亿元的企业数量"),
        target_at("3家", 3, "家"),
        target_at("7家", 7, "家", year=None),  # deadline missing
        target_at("2-3家", (2, 3), "家"),
        target_at("5％", 5, "%", "ge"),  # width folded; bound wrong
    ]
    m = match_document(gold, doc_with(TARGET_TEXT, targets=preds)).targets
    got = {g.entry.indicator: t.quantity.value or t.quantity.low for g, t in m.pairs}
    assert got == {
        "主营业务收入过100亿元的企业数量": 3,
        "主营业务收入过50亿元的企业数量": 7,
        "主营业务收入过10亿元的企业数量": 20,
        "平台": 2,
        "研发投入强度": 5,
    }
    s = score(match_document(gold, doc_with(TARGET_TEXT, targets=preds)))
    assert s.targets_detection.f1 == 1.0
    assert (s.targets_full.tp, s.targets_full.fp, s.targets_full.fn) == (4, 1, 1)
    assert s.bound.value == pytest.approx(4 / 5)
    others = ["主营业务收入过100亿元的企业数量", "主营业务收入过50亿元的企业数量", "平台"]
    others.append("研发投入强度")
    expected_ind = (1.0 + sum(indicator_f1("企业数量", g) for g in others)) / 5
    assert s.indicator.value == pytest.approx(expected_ind)


@pytest.mark.parametrize(
    ("pred", "matches"),
    [
        (target_at("3家", 3, "家"), True),
        (target_at("3家", 3, "个"), False),  # other unit
        (target_at("3家", 4, "家"), False),  # other value
        (target_at("2-3家", 2, "家"), False),  # a number where gold has a range
        (target_at("2-3家", (2, 4), "家"), False),
        (target_at("平台2-3家", (2, 3), "家"), True),
        (target_at("研发投入强度", 5, "%"), True),  # outside the first quote, inside another
        (target_at("到2023年", 3, "家"), False),  # no overlap with any quote of value 3
    ],
)
def test_target_detection_rules(tmp_path: Path, pred: Target, matches: bool) -> None:
    gold = target_gold(tmp_path)
    m = match_document(gold, doc_with(TARGET_TEXT, targets=[pred])).targets
    assert bool(m.pairs) is matches


def test_quantity_span_alone_may_overlap(tmp_path: Path) -> None:
    gold = target_gold(tmp_path)
    base = target_at("7家", 7, "家")
    far = Span(start=0, end=3)  # the target's own span misses the quote
    pred = Target(span=far, indicator="x", quantity=base.quantity, deadline=base.deadline)
    assert len(match_document(gold, doc_with(TARGET_TEXT, targets=[pred])).targets.pairs) == 1


# --- scores --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "prf"),
    [
        (Counts(0, 0, 0), (1.0, 1.0, 1.0)),
        (Counts(0, 0, 5), (0.0, 0.0, 0.0)),
        (Counts(0, 3, 0), (0.0, 0.0, 0.0)),
        (Counts(2, 2, 6), (0.5, 0.25, 1 / 3)),
        (Counts(2, 2, 6) + Counts(1, 0, 0), (0.6, 1 / 3, 6 / 14)),
    ],
)
def test_counts(counts: Counts, prf: tuple[float, float, float]) -> None:
    assert (counts.precision, counts.recall, counts.f1) == pytest.approx(prf)


# --- the run: gate, thresholds, known misses -----------------------------------------------


def test_perfect_extraction_scores_one_everywhere() -> None:
    result = run_check([CORPUS], extract=perfect_extractor())
    assert result.ok and not result.errors and len(result.documents) == 5
    assert all(v == 1.0 for v in result.overall.values().values())
    assert result.overall.units_name.tp == 301 and result.overall.targets_detection.tp == 74


def all_ones() -> CheckConfig:
    return CheckConfig.model_validate({"thresholds": dict.fromkeys(SCORE_NAMES, 1.0)})


def test_changed_gold_value_fails_the_thresholds(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    extract = perfect_extractor()  # from the untouched gold files

    def edit(d: dict[str, list[dict[str, object]]]) -> None:
        d["targets"][1]["value"] = 151

    edit_gold(corpus / "001_e2500fec77624139.gold.yaml", edit)
    result = run_check([corpus], config=all_ones(), extract=extract)
    assert not result.ok
    failed = {f.name for f in result.threshold_failures}
    assert failed == {
        "targets_detection_precision",
        "targets_detection_recall",
        "targets_detection_f1",
        "targets_full_precision",
        "targets_full_recall",
        "targets_full_f1",
    }
    doc = next(d for d in result.documents if d.name.startswith("001"))
    assert [g.entry.quote for g in doc.match.targets.missed] == ["形成标志性产品150个"]
    assert "targets_detection_recall 0.986 is below its threshold 1.000" in [
        f.message() for f in result.threshold_failures
    ]


def test_changed_role_or_deadline_fails_only_their_scores(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")

    def edit(d: dict[str, list[dict[str, object]]]) -> None:
        d["targets"][0]["deadline"] = 2030
        d["responsibilities"][0]["units"][2]["role"] = "lead"  # type: ignore[index]

    edit_gold(corpus / "002_4a73ca354384d462.gold.yaml", edit)
    result = run_check([corpus], config=all_ones(), extract=perfect_extractor())
    assert {f.name for f in result.threshold_failures} == {
        "units_name_role_precision",
        "units_name_role_recall",
        "units_name_role_f1",
        "targets_full_precision",
        "targets_full_recall",
        "targets_full_f1",
    }


def test_invalid_gold_file_fails_and_others_still_scored(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")

    def edit(d: dict[str, list[dict[str, object]]]) -> None:
        d["targets"][2]["bound"] = "at_least"

    edit_gold(corpus / "003_c4dcbbf0e13eacd6.gold.yaml", edit)
    result = run_check([corpus], extract=perfect_extractor())
    assert not result.ok and len(result.documents) == 4
    (err,) = result.errors
    assert err.code == "PP200" and "003_c4dcbbf0e13eacd6.gold.yaml" in str(err)
    assert "targets[2]" in str(err) and "每年滚动筛选15家左右" in str(err)


def drop(quote: str):  # type: ignore[no-untyped-def]
    """The perfect extractor without the targets whose quote is ``quote``."""
    base = perfect_extractor()

    def extract(path: Path) -> PolicyDocument:
        doc = base(path)
        keep = [t for t in doc.targets if squash(doc.evidence(t.span)) != quote]
        return doc.model_copy(update={"targets": keep})

    return extract


SHARED_QUOTE = "主营业务收入过100亿元、50亿元和10亿元的企业数量分别达到3家、7家和20家以上"
KNOWN = {
    "document": "001_e2500fec77624139.txt",
    "target": "吸引2-3家跨国企业来鄂发展",
    "level": "detection",
    "reason": "not recognised",
}


def test_known_miss_still_missed_passes() -> None:
    config = CheckConfig.model_validate({"known_misses": [KNOWN]})
    result = run_check([CORPUS], config=config, extract=drop("吸引2-3家跨国企业来鄂发展"))
    assert result.ok, [str(e) for e in result.errors]
    assert [k.passing for k in result.known] == [False]


def test_known_miss_that_passes_fails_the_check_and_says_which() -> None:
    config = CheckConfig.model_validate({"known_misses": [KNOWN]})
    result = run_check([CORPUS], config=config, extract=perfect_extractor())
    assert not result.ok and not result.threshold_failures
    (k,) = result.newly_passing
    assert "吸引2-3家跨国企业来鄂发展" in k.message() and "001_e2500fec77624139.txt" in k.message()


def test_known_miss_levels_for_units() -> None:
    unit = {
        "document": "002_4a73ca354384d462.txt",
        "block": "（责任单位：省经信委）",
        "unit": "省经信委",
    }
    base = perfect_extractor()

    def wrong_role(path: Path) -> PolicyDocument:
        doc = base(path)
        units = [
            u.model_copy(update={"role": "guide"}) if doc.evidence(u.block) == unit["block"] else u
            for u in doc.responsible_units
        ]
        return doc.model_copy(update={"responsible_units": units})

    role = CheckConfig.model_validate({"known_misses": [unit]})  # level defaults to role
    name = CheckConfig.model_validate({"known_misses": [{**unit, "level": "name"}]})
    assert run_check([CORPUS], config=role, extract=wrong_role).ok
    assert not run_check([CORPUS], config=name, extract=wrong_role).ok


@pytest.mark.parametrize(
    ("miss", "words"),
    [
        ({**KNOWN, "target": "没有这个目标"}, "names no gold target"),
        ({**KNOWN, "document": "999.txt"}, "not there"),
        (
            {
                "document": "003_c4dcbbf0e13eacd6.txt",
                "target": SHARED_QUOTE,
            },
            "add value",
        ),
    ],
)
def test_known_miss_naming_nothing_is_a_config_error(miss: object, words: str) -> None:
    config = CheckConfig.model_validate({"known_misses": [miss]})
    result = run_check([CORPUS], config=config, extract=perfect_extractor())
    assert not result.ok
    assert result.errors[0].code == "PP201" and words in str(result.errors[0])


def test_shared_quote_told_apart_by_value() -> None:
    miss = {
        "document": "003_c4dcbbf0e13eacd6.txt",
        "target": SHARED_QUOTE,
        "value": 7,
    }
    config = CheckConfig.model_validate({"known_misses": [miss]})
    result = run_check([CORPUS], config=config, extract=perfect_extractor())
    assert [k.passing for k in result.known] == [True]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("thresholds:\n  units_f1: 0.5\n", "unknown field 'thresholds.units_f1'"),
        ("thresholds:\n  bound_accuracy: 1.5\n", "less than or equal to 1"),
        ("known_misses:\n  - document: a.txt\n", "either target"),
        ("known_misses:\n  - {document: a.txt, target: x, level: role}\n", "level 'role'"),
        ("version: 1\nextra: 1\n", "unknown field 'extra'"),
        ("- 1\n", "not a mapping"),
    ],
)
def test_invalid_config(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "check.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CheckConfigError, match="PP201") as exc:
        load_config(path)
    assert words in str(exc.value) and "check.yaml" in str(exc.value)


def test_corpus_config_is_valid_and_gates_every_score() -> None:
    config = load_config(CORPUS / "check.yaml")
    assert [n for n, _ in config.thresholds.items()] == list(SCORE_NAMES)


def test_write_thresholds_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "check.yaml"
    path.write_text(
        "# header\nversion: 1\nthresholds:\n  units_name_f1: 0.1  # old\n\n"
        "# misses\nknown_misses:\n  - {document: a.txt, target: x}  # why\n",
        encoding="utf-8",
    )
    write_thresholds(path, {"units_name_f1": 0.5, "indicator_f1": 0.25})
    text = path.read_text(encoding="utf-8")
    assert text == (
        "# header\nversion: 1\nthresholds:\n  units_name_f1: 0.500\n  indicator_f1: 0.250\n\n"
        "# misses\nknown_misses:\n  - {document: a.txt, target: x}  # why\n"
    )
    config = load_config(path)
    assert config.thresholds.units_name_f1 == 0.5 and len(config.known_misses) == 1


# --- the docs' examples --------------------------------------------------------------------


def yaml_blocks(page: str) -> list[object]:
    text = (CORPUS.parent / "docs" / page).read_text(encoding="utf-8")
    return [yaml.safe_load(b.split("```")[0]) for b in text.split("```yaml\n")[1:]]


def test_docs_gold_example_validates() -> None:
    from policyparse.check import GoldFile

    (example,) = yaml_blocks("gold-format.md")
    gold = GoldFile.model_validate(example)
    assert gold.responsibilities[1].nth == 2 and gold.targets[0].bound == "ge"


def test_docs_config_example_validates_and_names_corpus_items() -> None:
    (example,) = yaml_blocks("corpus-check.md")
    config = CheckConfig.model_validate(example)
    assert len(config.thresholds.items()) == 6
    result = run_check([CORPUS], config=config, extract=perfect_extractor())
    assert not result.errors and len(result.known) == 3
    assert all(k.passing for k in result.known)
