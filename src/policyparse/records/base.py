"""Shared base model and the span type every record points with."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Bound = Literal["eq", "ge", "gt", "le", "lt", "approx"]
Role = Literal["lead", "participant", "guide", "unspecified"]


class Record(BaseModel):
    """Frozen, strict base for every record."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Record):
    """Half-open code-point offsets into ``PolicyDocument.text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self
