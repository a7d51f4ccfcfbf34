"""Shared base model and the span type every record points with."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

Bound = Literal["eq", "ge", "gt", "le", "lt", "approx"]
Role = Literal["lead", "participant", "guide", "unspecified"]


class Record(BaseModel):
    """Frozen, strict base for every record."""

    model_config = ConfigDict(frozen=True, extra="forbid")


R = TypeVar("R", bound=Record)
_new = object.__new__
# the setters of the slots every pydantic model has: calling them directly skips the attribute
# lookup ``object.__setattr__`` makes for each (a fifth of the cost of a trusted record)
_slots = BaseModel.__dict__
set_dict: Callable[[object, dict[str, Any]], None] = _slots["__dict__"].__set__
set_fields_set: Callable[[object, set[str]], None] = _slots["__pydantic_fields_set__"].__set__
set_extra: Callable[[object, None], None] = _slots["__pydantic_extra__"].__set__
set_private: Callable[[object, None], None] = _slots["__pydantic_private__"].__set__


_FIELDS: dict[type[Record], set[str]] = {}


def fields_of(cls: type[Record]) -> set[str]:
    """The set of every field of ``cls``, one shared by all of its trusted records.

    Sharing is safe because records are frozen: pydantic adds to a record's set only on
    assignment, which a frozen record refuses, and copies the set before a ``model_copy``
    updates it. One set for all saves an allocation per record, and the cyclic collector has
    one object fewer to walk for each record a parse keeps.
    """
    every = _FIELDS.get(cls)
    if every is None:
        every = _FIELDS[cls] = set(cls.__pydantic_fields__)
    return every


def trusted(cls: type[R], values: dict[str, Any]) -> R:
    """A ``cls`` record made from ``values`` without validating them.

    Only for values the caller's own code guarantees valid, with **every** field given, in the
    order the model declares them (``values`` becomes the record's ``__dict__``): the record is
    then equal to the validated one, with the same fields set, at a fraction of the cost. It
    is what pydantic's ``model_construct`` does, without its per-field Python loop.
    """
    obj = _new(cls)
    set_dict(obj, values)
    set_fields_set(obj, fields_of(cls))
    set_extra(obj, None)
    set_private(obj, None)
    return obj


def trusted_all(cls: type[R], rows: Iterable[dict[str, Any]]) -> list[R]:
    """:func:`trusted` for each of ``rows``, in one loop."""
    every = fields_of(cls)
    out: list[R] = []
    add = out.append
    new, sd, sf, se, sp = _new, set_dict, set_fields_set, set_extra, set_private
    for values in rows:
        obj = new(cls)
        sd(obj, values)
        sf(obj, every)
        se(obj, None)
        sp(obj, None)
        add(obj)
    return out


class Span(Record):
    """Half-open code-point offsets into ``PolicyDocument.text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self
