"""Export: documents as JSON, YAML, JSON Lines or CSV tables; files written whole or not at all."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from .errors import OutputError
from .records import PolicyDocument

FORMATS = ("json", "yaml", "jsonl")


def to_data(doc: PolicyDocument) -> dict[str, Any]:
    """The document as plain JSON-compatible data."""
    return doc.model_dump(mode="json")


def dumps(doc: PolicyDocument, fmt: str) -> str:
    """The document as text in ``fmt`` (``json``, ``yaml`` or ``jsonl``)."""
    if fmt == "json":
        return doc.model_dump_json(indent=2) + "\n"
    if fmt == "jsonl":
        return doc.model_dump_json() + "\n"
    if fmt == "yaml":
        import yaml

        return str(yaml.safe_dump(to_data(doc), allow_unicode=True, sort_keys=False, width=120))
    raise ValueError(f"unknown format {fmt!r}")


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and a rename."""
    with open_atomic(path) as fh:
        fh.write(content)


@cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def open_atomic(path: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """A text file to write ``path`` through: renamed into place when the block ends without
    an error, removed otherwise, so ``path`` is always whole or absent (or as it was)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", path=path) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror}", path=path) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class CsvTables:
    """One CSV table per record kind for many documents, written whole at :meth:`close`.

    Every row starts with ``path``, the document's path; the other columns are those of
    :func:`policyparse.tabular.rows` (the union over all documents, in order of first use).
    Rows wait in temporary JSON Lines files, so a large batch does not fill memory.
    ``documents.csv`` has one row per document.
    """

    def __init__(self, out_dir: Path) -> None:
        from .tabular import RECORD_KINDS

        self.out_dir = out_dir
        self.kinds: tuple[str, ...] = ("documents", *RECORD_KINDS)
        self._tmp = tempfile.TemporaryDirectory(prefix=".policyparse-csv-")
        self._files = {
            k: open(Path(self._tmp.name) / f"{k}.jsonl", "w", encoding="utf-8")  # noqa: SIM115
            for k in self.kinds
        }
        self._columns: dict[str, dict[str, None]] = {k: {"path": None} for k in self.kinds}
        self.paths: set[str] = set()

    @staticmethod
    def document_rows(doc: PolicyDocument) -> dict[str, list[dict[str, Any]]]:
        """The rows of every table for one document (without ``path``)."""
        from .tabular import RECORD_KINDS, rows

        src = doc.source.model_dump(mode="json")
        meta = doc.meta.model_dump(mode="json")
        summary: dict[str, Any] = {f"source.{k}": v for k, v in src.items() if k != "path"}
        for k, v in meta.items():
            if isinstance(v, dict):
                summary.update({f"meta.{k}.{k2}": v2 for k2, v2 in v.items()})
            else:
                summary[f"meta.{k}"] = v
        summary["characters"] = len(doc.text)
        out: dict[str, list[dict[str, Any]]] = {}
        for kind in RECORD_KINDS:
            out[kind] = rows(doc, kind)
            summary[kind] = len(out[kind])
        out["documents"] = [summary]
        return out

    def add_rows(self, path: str, tables: dict[str, list[dict[str, Any]]]) -> None:
        """Add one document's rows (as from :meth:`document_rows`)."""
        self.paths.add(path)
        for kind, table in tables.items():
            cols = self._columns[kind]
            fh = self._files[kind]
            for row in table:
                full = {"path": path, **row}
                for key in full:
                    if key not in cols:
                        cols[key] = None
                fh.write(json.dumps(full, ensure_ascii=False) + "\n")

    def add(self, doc: PolicyDocument, path: str | None = None) -> None:
        """Add one document; ``path`` defaults to ``doc.source.path``."""
        self.add_rows(path or doc.source.path or "", self.document_rows(doc))

    def keep_existing(self) -> set[str]:
        """Load the rows of tables already in the folder; the document paths they hold."""
        import csv

        for kind in self.kinds:
            target = self.out_dir / f"{kind}.csv"
            if not target.is_file():
                continue
            with target.open(encoding="utf-8", newline="") as fh:
                reader = csv.DictReader(fh)
                for name in reader.fieldnames or ():
                    self._columns[kind].setdefault(name, None)
                for row in reader:
                    path = row.pop("path", None) or ""
                    clean = {k: v for k, v in row.items() if k is not None}
                    self.add_rows(path, {kind: [clean]})
        return set(self.paths)

    def close(self) -> list[Path]:
        """Write every table (each whole or not at all); the files written."""
        import csv

        written: list[Path] = []
        try:
            for kind in self.kinds:
                self._files[kind].close()
                cols = list(self._columns[kind])
                target = self.out_dir / f"{kind}.csv"
                with (
                    open(Path(self._tmp.name) / f"{kind}.jsonl", encoding="utf-8") as src,
                    open_atomic(target, newline="") as fh,
                ):
                    writer = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
                    writer.writeheader()
                    for line in src:
                        writer.writerow(json.loads(line))
                written.append(target)
        finally:
            self.discard()
        return written

    def discard(self) -> None:
        """Drop the pending rows without writing anything."""
        for fh in self._files.values():
            fh.close()
        self._tmp.cleanup()


def schema() -> dict[str, Any]:
    """The JSON Schema of the exported document."""
    data = PolicyDocument.model_json_schema(mode="serialization")
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["$id"] = "policy-document.schema.json"
    return data


def schema_text() -> str:
    """The JSON Schema as the text committed under ``schemas/``."""
    return json.dumps(schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
