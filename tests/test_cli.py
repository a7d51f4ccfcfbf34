"""The CLI, through Typer's CliRunner and once as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policyparse.cli import app

from .conftest import CORPUS, CORPUS_FILES, ROOT

runner = CliRunner()


def test_extract_one_file_to_stdout() -> None:
    result = runner.invoke(app, ["extract", str(CORPUS_FILES[1])])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1"
    assert data["source"]["encoding"] == "utf-8"
    assert len(data["provisions"]) == 22


def test_extract_folder_to_dir(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(CORPUS), "-o", str(tmp_path), "--format", "yaml"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"{p.name}.yaml" for p in CORPUS_FILES)


def test_same_name_in_two_folders(tmp_path: Path) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.txt").write_text("到2025年，产值达到100亿元。", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["extract", str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt"), "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert (out / "a" / "x.txt.json").is_file() and (out / "b" / "x.txt.json").is_file()


def test_bad_file_is_reported_and_others_written(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("加强组织领导，落实工作责任。", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    assert "PP101" in result.stderr and "empty.txt" in result.stderr
    assert (out / "good.txt.json").is_file() and not (out / "empty.txt.json").exists()


def test_jsonl_to_stdout() -> None:
    result = runner.invoke(app, ["extract", *map(str, CORPUS_FILES[:2]), "--format", "jsonl"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(x)["text"] for x in lines)


def test_schema_command_matches_committed_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "-o", str(tmp_path)])
    assert result.exit_code == 0
    fresh = (tmp_path / "policy-document.schema.json").read_text(encoding="utf-8")
    committed = (ROOT / "schemas" / "policy-document.schema.json").read_text(encoding="utf-8")
    assert fresh == committed, "schemas/ is stale: run `policyparse schema -o schemas/`"


def test_help_runs_as_a_process() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "policyparse", "--help"], capture_output=True, text=True, check=True
    )
    assert "extract" in out.stdout


def test_extract_html_docx_and_pdf(tmp_path: Path) -> None:
    from .test_readers_formats import as_docx, as_html, as_pdf

    text = CORPUS_FILES[1].read_text(encoding="utf-8")
    (tmp_path / "a.htm").write_bytes(as_html(text, "gb2312"))
    (tmp_path / "b.docx").write_bytes(as_docx(text))
    (tmp_path / "c.pdf").write_bytes(as_pdf(text))
    for name, fmt in (("a.htm", "html"), ("b.docx", "docx"), ("c.pdf", "pdf")):
        result = runner.invoke(app, ["extract", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["source"]["format"] == fmt
        assert len(data["provisions"]) == 22
    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl", "-q"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3
    assert result.stderr == ""


def test_show_prints_a_digest_of_targets_and_units() -> None:
    result = runner.invoke(app, ["show", str(CORPUS_FILES[1]), "--limit", "3"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "22 provisions" in out
    assert "Targets (11)" in out
    assert "2027  (一)    全省生物医药产业营业收入  2500亿元" in out
    assert "… and 8 more" in out
    assert "(三)    省科技厅、省发展改革委、省卫生健康委" in out  # canonical names, by block


def test_show_of_text_with_bounds_and_roles(tmp_path: Path) -> None:
    doc = tmp_path / "plan.txt"
    doc.write_text(
        "（一）扩大就业。到2026年，全县城镇新增就业不少于3000人。（县人社局牵头，县财政局配合）\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["show", str(doc)])
    assert result.exit_code == 0, result.output
    assert "2026  （一）    全县城镇新增就业  ≥3000人" in result.stdout  # the number as written
    assert "县人力资源社会保障局 (lead)、县财政局 (with)" in result.stdout  # canonical names


def test_show_of_a_missing_file_is_a_coded_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(tmp_path / "none.txt")])
    assert result.exit_code == 1
    assert "PP100" in result.stderr


def test_console_entry_resumes_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """The entry point pauses the cyclic collector only while the CLI starts."""
    import gc

    from policyparse import entry, pipeline

    monkeypatch.setattr(sys, "argv", ["policyparse", "extract", "--help"])
    assert gc.isenabled()
    try:
        with pytest.raises(SystemExit) as exc:
            entry.main()
        assert exc.value.code == 0
        assert gc.isenabled()
        assert pipeline._stage.cache_info().currsize >= len(pipeline.STAGES)
    finally:
        gc.unfreeze()
