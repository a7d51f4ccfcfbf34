"""Batch runs of ``policyparse extract``: broken files among good ones, workers, reruns,
JSON Lines and CSV output."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policyparse.cli import app
from policyparse.cli.batch import Result, Task, run_task
from policyparse.cli.progress import Progress
from policyparse.export import open_atomic

from .conftest import CORPUS_FILES

runner = CliRunner()
GOOD = CORPUS_FILES[:3]


def _pdf(text: str = "Policy 2025", *, password: str | None = None, blank: bool = False) -> bytes:
    pytest.importorskip("reportlab")
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption(password, "owner") if password else None
    c = canvas.Canvas(buf, encrypt=enc)
    if blank:
        c.rect(50, 50, 200, 200, fill=1)
    else:
        c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>')
            block = b"\xe5\x8a\xa0" * (1 << 18)
            for _ in range(200):  # 150 MB of text compressed to a few hundred kB
                fh.write(block)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buf.getvalue()


BROKEN: dict[str, tuple[bytes | None, str]] = {
    "empty.txt": (b"", "PP101"),
    "binary.txt": (bytes(range(256)) * 16, "PP102"),
    "truncated.pdf": (None, "PP106"),
    "encrypted.pdf": (None, "PP107"),
    "scanned.pdf": (None, "PP108"),
    "corrupt.docx": (b"PK\x03\x04" + b"\x00" * 200, "PP106"),
    "bomb.docx": (None, "PP105"),
    "legacy.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "PP107"),
}


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    """A folder of good corpus files and broken files of every kind."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for p in GOOD:
        (folder / "sub" / p.name).write_bytes(p.read_bytes())
    made = {
        "truncated.pdf": _pdf()[:300],
        "encrypted.pdf": _pdf(password="secret"),
        "scanned.pdf": _pdf(blank=True),
        "bomb.docx": _zip_bomb(),
    }
    for name, (data, _code) in BROKEN.items():
        (folder / name).write_bytes(data if data is not None else made[name])
    return folder


def _check_outputs(out: Path, folder: Path) -> None:
    for p in GOOD:
        data = json.loads((out / "sub" / f"{p.name}.json").read_text(encoding="utf-8"))
        assert data["text"] == p.read_text(encoding="utf-8")
    for name in BROKEN:
        assert not (out / f"{name}.json").exists()
    assert not [p for p in out.rglob("*") if p.name.startswith(".")], "temporary files left"


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("PP")]


def test_broken_files_are_reported_and_the_rest_written(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(batch), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1, result.output
    lines = _error_lines(result.stderr)
    assert len(lines) == len(BROKEN)
    for name, (_data, code) in BROKEN.items():
        [line] = [x for x in lines if f"{name}:" in x]
        assert line.startswith(f"{code} "), line
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"{len(GOOD) + len(BROKEN)} files: {len(GOOD)} ok")
    assert f"{len(BROKEN)} failed" in summary
    _check_outputs(out, batch)


def test_two_worker_processes_give_the_same_output(batch: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert runner.invoke(app, ["extract", str(batch), "-o", str(one), "-j", "1"]).exit_code == 1
    proc = subprocess.run(
        [sys.executable, "-m", "policyparse", "extract", str(batch), "-o", str(two), "-j", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stderr
    assert len(_error_lines(proc.stderr)) == len(BROKEN)
    assert "\r" not in proc.stderr  # no progress bar when stderr is not a terminal
    _check_outputs(two, batch)
    for p in GOOD:
        name = f"sub/{p.name}.json"
        assert (one / name).read_text(encoding="utf-8") == (two / name).read_text(encoding="utf-8")


def test_skip_existing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for p in GOOD[:2]:
        (folder / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(folder), "-o", str(out)]).exit_code == 0
    first = out / f"{GOOD[0].name}.json"
    first.write_text("{}", encoding="utf-8")  # marks the file: a skip leaves it alone
    (folder / GOOD[2].name).write_bytes(GOOD[2].read_bytes())
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--skip-existing"])
    assert result.exit_code == 0, result.output
    assert first.read_text(encoding="utf-8") == "{}"
    assert (out / f"{GOOD[2].name}.json").is_file()
    assert "2 skipped" in result.stderr
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out)])
    assert json.loads(first.read_text(encoding="utf-8"))["schema_version"] == "1"


def test_jsonl_to_one_file_and_into_a_folder(batch: Path, tmp_path: Path) -> None:
    target = tmp_path / "all.jsonl"
    result = runner.invoke(app, ["extract", str(batch), "--format", "jsonl", "-o", str(target)])
    assert result.exit_code == 1
    docs = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [Path(d["source"]["path"]).name for d in docs] == [p.name for p in GOOD]
    folder = tmp_path / "jl"
    result = runner.invoke(app, ["extract", str(batch / "sub"), "-f", "jsonl", "-o", str(folder)])
    assert result.exit_code == 0
    assert len((folder / "documents.jsonl").read_text(encoding="utf-8").splitlines()) == len(GOOD)


def test_jsonl_skip_existing_keeps_documents_already_there(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / GOOD[0].name).write_bytes(GOOD[0].read_bytes())
    target = tmp_path / "docs.jsonl"
    assert (
        runner.invoke(app, ["extract", str(folder), "-f", "jsonl", "-o", str(target)]).exit_code
        == 0
    )
    (folder / GOOD[1].name).write_bytes(GOOD[1].read_bytes())
    args = ["extract", str(folder), "-f", "jsonl", "-o", str(target), "--skip-existing"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [Path(json.loads(x)["source"]["path"]).name for x in lines] == [
        GOOD[0].name,
        GOOD[1].name,
    ]
    assert "1 skipped" in result.stderr


def test_csv_tables_for_a_batch(batch: Path, tmp_path: Path) -> None:
    import policyparse
    from policyparse.tabular import RECORD_KINDS, rows

    out = tmp_path / "csv"
    result = runner.invoke(app, ["extract", str(batch), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 1
    assert len(_error_lines(result.stderr)) == len(BROKEN)
    docs = {
        str(batch / "sub" / p.name): policyparse.parse_file(batch / "sub" / p.name) for p in GOOD
    }
    for kind in ("documents", *RECORD_KINDS):
        with (out / f"{kind}.csv").open(encoding="utf-8", newline="") as fh:
            table = list(csv.DictReader(fh))
        if kind == "documents":
            assert [r["path"] for r in table] == list(docs)
            assert all(r["source.format"] == "txt" for r in table)
            continue
        expected = [(path, row) for path, doc in docs.items() for row in rows(doc, kind)]
        assert len(table) == len(expected), kind
        for got, (path, row) in zip(table, expected, strict=True):
            assert got["path"] == path
            if "evidence" in row:
                assert got["evidence"] == row["evidence"]
            if "span.start" in row:
                assert int(got["span.start"]) == row["span.start"]


def test_csv_skip_existing_adds_new_documents(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / GOOD[0].name).write_bytes(GOOD[0].read_bytes())
    out = tmp_path / "csv"
    assert runner.invoke(app, ["extract", str(folder), "-f", "csv", "-o", str(out)]).exit_code == 0
    before = (out / "sentences.csv").read_text(encoding="utf-8").splitlines()
    (folder / GOOD[1].name).write_bytes(GOOD[1].read_bytes())
    args = ["extract", str(folder), "-f", "csv", "-o", str(out), "--skip-existing"]
    assert runner.invoke(app, args).exit_code == 0
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        assert [Path(r["path"]).name for r in csv.DictReader(fh)] == [GOOD[0].name, GOOD[1].name]
    after = (out / "sentences.csv").read_text(encoding="utf-8").splitlines()
    assert after[: len(before)] == before and len(after) > len(before)


def test_glob_patterns(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "a").mkdir(parents=True)
    for p in GOOD[:2]:
        (folder / "a" / p.name).write_bytes(p.read_bytes())
    (folder / "a" / "notes.md").write_text("# 说明\n\n加强领导。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", f"{folder}/**/*.txt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "a").iterdir()) == sorted(
        f"{p.name}.json" for p in GOOD[:2]
    )
    result = runner.invoke(app, ["extract", f"{folder}/nothing/*.pdf", "-o", str(out)])
    assert result.exit_code == 1 and "PP100" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "csv"],
        ["--format", "csv", "-o", "tables.csv"],
        ["--format", "json"],
        ["--jobs", "0", "-o", "out"],
        ["--format", "xml", "-o", "out"],
    ],
)
def test_usage_errors_exit_2(args: list[str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", *map(str, GOOD[:2]), *args])
    assert result.exit_code == 2


def test_output_file_is_whole_or_absent(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    with pytest.raises(RuntimeError), open_atomic(target) as fh:
        fh.write("half")
        raise RuntimeError("interrupted")
    assert not target.exists() and list(tmp_path.iterdir()) == []
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), open_atomic(target) as fh:
        fh.write("new")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    with open_atomic(target) as fh:
        fh.write("new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o044  # readable by others, like any file the user writes


def test_time_limit_fails_one_file_with_a_code() -> None:
    result = run_task(Task(0, str(CORPUS_FILES[0]), "text", "json", timeout=0.001))
    assert not result.ok and result.code == "PP109" and "gave up" in (result.error or "")
    result = run_task(Task(0, str(CORPUS_FILES[0]), "text", "json", timeout=60))
    assert result.ok and result.text


def test_progress_bar_draws_and_prints_errors_above_it() -> None:
    stream = io.StringIO()
    bar = Progress(3, enabled=True, stream=stream)
    bar.advance()
    bar.echo("PP101 a.txt: file is empty")
    bar.advance(failed=True)
    bar.advance()
    bar.close()
    out = stream.getvalue()
    assert "PP101 a.txt: file is empty\n" in out
    assert "3/3 files" in out and "1 failed" in out and out.endswith("\r\x1b[K")
    quiet = io.StringIO()
    bar = Progress(3, enabled=False, stream=quiet)
    bar.advance()
    bar.echo("PP101 a.txt: file is empty")
    bar.close()
    assert quiet.getvalue() == "PP101 a.txt: file is empty\n"


def test_pathological_files_end_within_the_time_limit(tmp_path: Path) -> None:
    """A million-character line, 100,000 nested brackets and a million line breaks each end
    (read, or failed with PP109 at the time limit) without holding up the good file."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "line.txt").write_text("加强组织领导" * 170_000, encoding="utf-8")
    (folder / "nested.txt").write_text("（" * 100_000 + "内容" + "）" * 100_000, encoding="utf-8")
    (folder / "breaks.txt").write_text("一" + "\n" * 1_000_000 + "二", encoding="utf-8")
    (folder / GOOD[0].name).write_bytes(GOOD[0].read_bytes())
    out = tmp_path / "out"
    args = [sys.executable, "-m", "policyparse", "extract", str(folder), "-o", str(out)]
    start = time.monotonic()
    proc = subprocess.run(
        [*args, "--timeout", "5", "-j", "2"], capture_output=True, text=True, timeout=120
    )
    assert time.monotonic() - start < 60
    assert proc.returncode in (0, 1), proc.stderr
    assert (out / f"{GOOD[0].name}.json").is_file()
    for line in _error_lines(proc.stderr):
        assert line.startswith("PP109 "), line
    for name in ("line.txt", "nested.txt", "breaks.txt"):
        written = (out / f"{name}.json").is_file()
        assert written != any(f"{name}:" in x for x in _error_lines(proc.stderr))


def crash_or_hang(task: Task) -> Result:
    """A per-task function for the pool that kills or wedges its worker on some inputs."""
    import os
    import signal as sig

    if task.path.endswith("crash.txt"):
        os._exit(3)  # the worker dies at once, as on a segfault or an OOM kill
    if task.path.endswith("hang.txt"):
        sig.pthread_sigmask(sig.SIG_BLOCK, {sig.SIGALRM})  # where the alarm cannot reach
        time.sleep(600)
    return run_task(task)


def test_a_dying_or_stuck_worker_is_replaced_and_its_file_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policyparse.cli import batch as batch_mod

    monkeypatch.setattr(batch_mod, "_GRACE", 1.0)
    names = ["a.txt", "crash.txt", "b.txt", "hang.txt", "c.txt", "d.txt"]
    tasks = []
    for i, name in enumerate(names):
        path = tmp_path / name
        path.write_text(f"（{i + 1}）加强组织领导。到2025年，建成平台{i + 1}个。", encoding="utf-8")
        tasks.append(Task(i, str(path), "text", "jsonl", timeout=5.0))
    start = time.monotonic()
    results = list(batch_mod.run(tasks, jobs=2, fn=crash_or_hang))
    assert time.monotonic() - start < 90
    assert [Path(r.path).name for r in results] == names  # input order
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["crash.txt"].code == "PP110" and "died" in (by_name["crash.txt"].error or "")
    assert by_name["hang.txt"].code == "PP109"
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        assert by_name[name].ok and by_name[name].text, by_name[name].error
