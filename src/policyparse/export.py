"""Export: documents as JSON, YAML or JSON Lines, and files written whole or not at all."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

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
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror}", path=path) from exc


def schema() -> dict[str, Any]:
    """The JSON Schema of the exported document."""
    data = PolicyDocument.model_json_schema(mode="serialization")
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["$id"] = "policy-document.schema.json"
    return data


def schema_text() -> str:
    """The JSON Schema as the text committed under ``schemas/``."""
    return json.dumps(schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
