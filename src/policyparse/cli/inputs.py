"""Input discovery for the CLI: walking folders, expanding globs and naming output files."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

READABLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".doc", ".wps", ".pdf")


@dataclass(frozen=True)
class Input:
    """One file to read and the name of its output relative to the output folder."""

    path: Path
    rel: Path


def _walk(folder: Path, root: Path, found: list[tuple[Path, Path, Path]]) -> None:
    for base, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            p = Path(base) / name
            if not name.startswith(".") and p.suffix.lower() in READABLE_SUFFIXES:
                found.append((p, root, p.relative_to(root)))


def _glob_root(pattern: str) -> Path:
    """The folder a glob pattern starts from: its parts before the first wildcard."""
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path()


def discover(args: list[Path]) -> tuple[list[Input], list[str]]:
    """Files named by ``args`` (folders walked, glob patterns such as ``docs/**/*.pdf``
    expanded); also the arguments that name nothing."""
    found: list[tuple[Path, Path, Path]] = []  # (file, argument root, relative name)
    missing: list[str] = []
    for arg in args:
        if arg.is_dir():
            _walk(arg, arg, found)
        elif arg.exists():
            found.append((arg, arg.parent, Path(arg.name)))
        elif glob.has_magic(str(arg)):
            root = _glob_root(str(arg))
            matches = sorted(glob.glob(str(arg), recursive=True))
            for m in matches:
                p = Path(m)
                if p.is_dir():
                    _walk(p, root, found)
                elif p.is_file() and not p.name.startswith("."):
                    found.append((p, root, p.relative_to(root)))
            if not matches:
                missing.append(str(arg))
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
