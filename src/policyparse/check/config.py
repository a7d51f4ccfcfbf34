"""The corpus check configuration (``check.yaml``): thresholds and known misses.

``thresholds`` gives a floor for any overall score (names in ``score.SCORE_NAMES``); the check
fails when a score falls below it. ``known_misses`` lists gold items that extraction is known to
get wrong: each is a strict expected failure, so the check fails when one starts passing and
the entry must be removed.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ..errors import CheckConfigError
from .gold import Value, squash
from .score import SCORE_NAMES

CONFIG_NAME = "check.yaml"

Level = Literal["detection", "full", "bound", "name", "role"]
TARGET_LEVELS: tuple[str, ...] = ("detection", "full", "bound")
UNIT_LEVELS: tuple[str, ...] = ("name", "role")


class ConfigModel(BaseModel):
    """Base of the configuration models: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Score = Annotated[float | None, Field(ge=0.0, le=1.0)]


class Thresholds(ConfigModel):
    """A floor for each overall score; a score without one is not gated."""

    units_name_precision: Score = None
    units_name_recall: Score = None
    units_name_f1: Score = None
    units_name_role_precision: Score = None
    units_name_role_recall: Score = None
    units_name_role_f1: Score = None
    targets_detection_precision: Score = None
    targets_detection_recall: Score = None
    targets_detection_f1: Score = None
    targets_full_precision: Score = None
    targets_full_recall: Score = None
    targets_full_f1: Score = None
    bound_accuracy: Score = None
    indicator_f1: Score = None

    def items(self) -> list[tuple[str, float]]:
        """The thresholds that are set, in ``SCORE_NAMES`` order."""
        values = self.model_dump()
        return [(n, values[n]) for n in SCORE_NAMES if values[n] is not None]


class KnownMiss(ConfigModel):
    """A gold item extraction is known to miss, at a level.

    A target is named by ``target`` (its quote), with ``nth`` and ``value`` where the quote is
    shared; a unit by ``block`` (the block's quote), ``nth`` and ``unit`` (its name).
    Levels: a target fails ``detection`` when not detected, ``full`` when not detected with its
    deadline, ``bound`` when not detected with its bound; a unit fails ``name`` when not
    matched, ``role`` when not matched with its role.
    """

    document: str
    target: str | None = None
    block: str | None = None
    unit: str | None = None
    nth: int = Field(default=1, ge=1)
    value: Value | None = None
    level: Level | None = None
    reason: str = ""

    @model_validator(mode="after")
    def _kind(self) -> KnownMiss:
        if (self.target is None) == (self.block is None):
            raise ValueError("give either target (a target's quote) or block and unit")
        if self.block is not None and self.unit is None:
            raise ValueError("a unit's known miss needs unit (its name) with block")
        if self.target is not None and self.unit is not None:
            raise ValueError("unit goes with block, not with target")
        if self.block is not None and self.value is not None:
            raise ValueError("value goes with target, not with block")
        allowed = TARGET_LEVELS if self.target is not None else UNIT_LEVELS
        if self.level is not None and self.level not in allowed:
            raise ValueError(f"level {self.level!r} is not one of {', '.join(allowed)}")
        return self

    @property
    def kind(self) -> Literal["target", "unit"]:
        return "target" if self.target is not None else "unit"

    @property
    def effective_level(self) -> str:
        """The level, defaulting to the strictest one (``full`` or ``role``)."""
        return self.level or ("full" if self.kind == "target" else "role")

    def label(self) -> str:
        """A short description for messages."""
        nth = f" #{self.nth}" if self.nth != 1 else ""
        if self.kind == "target":
            value = f" = {_fmt_value(self.value)}" if self.value is not None else ""
            return f"{self.document}: target “{squash(self.target or '')}”{nth}{value}"
        return f"{self.document}: unit {self.unit} in “{squash(self.block or '')}”{nth}"


def _fmt_value(v: Value | None) -> str:
    if isinstance(v, tuple):
        return f"[{v[0]:g}, {v[1]:g}]"
    return "" if v is None else f"{v:g}"


class CheckConfig(ConfigModel):
    """The content of ``check.yaml``."""

    version: Literal[1] = 1
    thresholds: Thresholds = Field(default_factory=Thresholds)
    known_misses: list[KnownMiss] = Field(default_factory=list)

    @field_validator("thresholds", "known_misses", mode="before")
    @classmethod
    def _null_is_empty(cls, v: Any, info: ValidationInfo) -> Any:
        if v is None:
            return {} if info.field_name == "thresholds" else []
        return v


def _problem(err: Any) -> str:
    loc = ".".join(str(p) for p in err["loc"])
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"unknown field '{loc}'"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{loc}: {msg}" if loc else msg


def load_config(path: str | Path) -> CheckConfig:
    """Read and validate a check configuration; ``CheckConfigError`` (PP201) when invalid."""
    p = Path(path)
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CheckConfigError(f"cannot read: {' '.join(str(exc).split())}", path=p) from exc
    if raw is None:
        return CheckConfig()
    if not isinstance(raw, dict):
        raise CheckConfigError("not a mapping of version, thresholds, known_misses", path=p)
    try:
        return CheckConfig.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()
        first = _problem(errors[0])
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise CheckConfigError(first + more, path=p) from exc


def floor3(x: float) -> float:
    """``x`` rounded down to three decimals (a threshold the same run still meets)."""
    return math.floor(x * 1000 + 1e-9) / 1000


_TOP_KEY = re.compile(r"^[^\s#]")


def write_thresholds(path: str | Path, thresholds: dict[str, float]) -> None:
    """Replace the ``thresholds`` mapping of a config file, keeping the rest of it as written."""
    p = Path(path)
    text = p.read_text(encoding="utf-8") if p.exists() else "version: 1\n"
    block = "thresholds:\n" + "".join(
        f"  {name}: {thresholds[name]:.3f}\n" for name in SCORE_NAMES if name in thresholds
    )
    lines = text.splitlines(keepends=True)
    start = next((i for i, ln in enumerate(lines) if ln.startswith("thresholds:")), None)
    if start is None:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.append(block)
    else:
        end = start + 1
        while end < len(lines) and not _TOP_KEY.match(lines[end]):
            end += 1
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1][0] == "#"):
            end -= 1  # blank lines and comments at the margin belong to the next section
        lines[start:end] = [block]
    from ..export import write_atomic

    write_atomic(p, "".join(lines))
