"""``policyparse check`` through Typer's CliRunner, on the corpus and on edited copies of it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from policyparse.check import SCORE_NAMES, load_config
from policyparse.check import run as check_run
from policyparse.cli import app

from .conftest import CORPUS, ROOT
from .test_check import copy_corpus, edit_gold, perfect_extractor

runner = CliRunner()


@pytest.fixture
def perfect(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction replaced by the records of the corpus gold files."""
    monkeypatch.setattr(check_run, "_default_extract", perfect_extractor())


def test_check_passes_on_the_corpus() -> None:
    """The real extraction meets the thresholds of corpus/check.yaml."""
    result = runner.invoke(app, ["check", str(CORPUS)])
    assert result.exit_code == 0, result.output
    assert "check passed" in result.stdout
    assert "thresholds: 14 of 14 met" in result.stdout
    for p in sorted(CORPUS.glob("*.txt")):
        assert p.name in result.stdout


def test_json_prints_every_score() -> None:
    result = runner.invoke(app, ["check", str(CORPUS), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ok"] is True
    assert list(data["overall"]["scores"]) == list(SCORE_NAMES)
    assert [d["document"] for d in data["documents"]] == [
        p.name for p in sorted(CORPUS.glob("*.txt"))
    ]
    counts = data["overall"]["counts"]
    assert counts["units_name"]["tp"] + counts["units_name"]["fn"] == 301
    assert counts["targets_detection"]["tp"] + counts["targets_detection"]["fn"] == 74


def test_perfect_extraction_table(perfect: None) -> None:
    result = runner.invoke(app, ["check", str(CORPUS)])
    assert result.exit_code == 0, result.output
    overall = [ln for ln in result.stdout.splitlines() if ln.startswith("overall")]
    assert len(overall) == 2
    assert overall[0].split()[1:] == ["301", "301"] + ["1.000"] * 6
    assert overall[1].split()[1:] == ["74", "74"] + ["1.000"] * 6


def test_changed_gold_value_fails_naming_the_scores(perfect: None, tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    up = runner.invoke(app, ["check", str(corpus), "--update-thresholds"])
    assert up.exit_code == 0, up.output
    assert all(v == 1.0 for _, v in load_config(corpus / "check.yaml").thresholds.items())
    assert runner.invoke(app, ["check", str(corpus)]).exit_code == 0

    def edit(d: dict[str, list[dict[str, object]]]) -> None:
        d["targets"][0]["value"] = 2600

    edit_gold(corpus / "001_e2500fec77624139.gold.yaml", edit)
    result = runner.invoke(app, ["check", str(corpus)])
    assert result.exit_code == 1
    assert "FAIL targets_detection_recall 0.986 is below its threshold 1.000" in result.stdout
    assert "check FAILED" in result.stdout
    as_json = runner.invoke(app, ["check", str(corpus), "--json"])
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout)["thresholds"]["targets_detection_f1"]["ok"] is False
    assert "FAIL targets_detection_f1" in as_json.stderr


def test_invalid_gold_file_fails_naming_file_and_entry(perfect: None, tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")

    def edit(d: dict[str, list[dict[str, object]]]) -> None:
        d["responsibilities"][3]["units"][0]["role"] = "leader"  # type: ignore[index]
        d["targets"][0]["quote"] = "全省医药工业产值达到5000亿元"

    edit_gold(corpus / "004_2d479dad20a6da5d.gold.yaml", edit)
    result = runner.invoke(app, ["check", str(corpus)])
    assert result.exit_code == 1
    line = next(ln for ln in result.stderr.splitlines() if "PP200" in ln)
    assert "004_2d479dad20a6da5d.gold.yaml" in line
    assert "responsibilities[3]" in line and "'leader'" in line


def test_quote_not_found(perfect: None, tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")

    def edit(d: dict[str, list[dict[str, object]]]) -> None:
        d["targets"][1]["quote"] = "营业收入利润率达到25%"

    edit_gold(corpus / "000_82b5397f6a78e647.gold.yaml", edit)
    result = runner.invoke(app, ["check", str(corpus)])
    assert result.exit_code == 1
    assert "000_82b5397f6a78e647.gold.yaml: targets[1]" in result.stderr
    assert "quote not found" in result.stderr


def test_known_miss_now_passing_fails(perfect: None, tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    config = yaml.safe_load((corpus / "check.yaml").read_text(encoding="utf-8"))
    config["known_misses"] = [
        {"document": "003_c4dcbbf0e13eacd6.txt", "target": "新增高价值专利200项以上"}
    ]
    (corpus / "check.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    result = runner.invoke(app, ["check", str(corpus)])
    assert result.exit_code == 1
    assert "known miss now passes (full)" in result.stdout
    assert "新增高价值专利200项以上" in result.stdout


def test_verbose_lists_misses_with_quotes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = perfect_extractor()

    def partial(path: Path):  # type: ignore[no-untyped-def]
        doc = base(path)
        if not path.name.startswith("002"):
            return doc
        t = doc.targets[0]
        wrong = t.model_copy(update={"quantity": t.quantity.model_copy(update={"bound": "ge"})})
        return doc.model_copy(
            update={"targets": [wrong, *doc.targets[2:]], "responsible_units": []}
        )

    monkeypatch.setattr(check_run, "_default_extract", partial)
    floors = tmp_path / "check.yaml"  # no floors: this test is about the listing, not the gate
    floors.write_text("version: 1\nthresholds: {}\nknown_misses: []\n", encoding="utf-8")
    gold = str(CORPUS / "002_4a73ca354384d462.gold.yaml")
    result = runner.invoke(app, ["check", gold, "-v", "--config", str(floors)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "missed target  新产品产值率 = 45 % (ge, by 2020)  “新产品产值率达到45％以上”" in out
    assert "wrong bound" in out and "gt expected, ge found" in out
    assert "missed unit" in out and "省金融办 (participant)" in out
    data = json.loads(
        runner.invoke(
            app,
            ["check", str(CORPUS / "002_4a73ca354384d462.txt"), "--json", "-v", "-c", str(floors)],
        ).stdout
    )
    kinds = {i["kind"] for i in data["documents"][0]["items"]}
    assert kinds == {"missed target", "wrong bound", "missed unit"}


def test_nothing_to_check(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2 and "PP400" in result.stderr
    missing = runner.invoke(app, ["check", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "PP100" in missing.stderr


def test_document_without_gold_is_reported(perfect: None, tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    (corpus / "new.txt").write_text("到2025年，产值达到100亿元。", encoding="utf-8")
    result = runner.invoke(app, ["check", str(corpus)])
    assert result.exit_code == 0
    assert "not checked (no gold file):" in result.stdout and "new.txt" in result.stdout


def test_ci_runs_the_check() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert lines.index("policyparse check corpus/") > lines.index("python -m pytest")


def test_check_help_starts_without_heavy_imports() -> None:
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom policyparse.cli import app\n"
        "r = CliRunner().invoke(app, ['check', '--help'])\n"
        "print(r.exit_code, 'jieba' in sys.modules, 'spacy' in sys.modules, "
        "'policyparse.check' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False", "False", "False"]
