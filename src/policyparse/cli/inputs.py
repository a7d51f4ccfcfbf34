"""Input discovery for the CLI: walking folders and naming output files."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

READABLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")


@dataclass(frozen=True)
class Input:
    """One file to read and the name of its output relative to the output folder."""

    path: Path
    rel: Path


def discover(args: list[Path]) -> tuple[list[Input], list[str]]:
    """Files named by ``args`` (folders walked); also the arguments that name nothing."""
    found: list[tuple[Path, Path, Path]] = []  # (file, argument root, relative name)
    missing: list[str] = []
    for arg in args:
        if arg.is_dir():
            for root, dirs, files in os.walk(arg):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    p = Path(root) / name
                    if not name.startswith(".") and p.suffix.lower() in READABLE_SUFFIXES:
                        found.append((p, arg, p.relative_to(arg)))
        elif arg.exists():
            found.append((arg, arg.parent, Path(arg.name)))
        else:
            missing.append(str(arg))
    seen: set[Path] = set()
    unique: list[tuple[Path, Path, Path]] = []
    for item in found:
        key = item[0].resolve()
        if key not in seen:
            seen.add(key)
            unique.append(item)
    rels = [r for _, _, r in unique]
    if len(set(rels)) != len(rels):
        common = Path(os.path.commonpath([str(p.resolve().parent) for p, _, _ in unique]))
        rels = [p.resolve().relative_to(common) for p, _, _ in unique]
    return [Input(p, r) for (p, _, _), r in zip(unique, rels, strict=True)], missing


def output_path(out_dir: Path, item: Input, fmt: str) -> Path:
    """``DIR/<relative path, full file name kept>.<format>``."""
    return out_dir / item.rel.parent / f"{item.rel.name}.{fmt}"
