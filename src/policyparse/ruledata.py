"""Loading the package's YAML rule data, each file validated by its Pydantic schema.

Every ``data/*.yaml`` file is listed in ``SCHEMAS`` with the dotted path of the model that
validates it; a test walks the folder and fails on a file without one or one that does not
validate.
"""

from __future__ import annotations

import importlib
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from . import runcache
from .errors import RuleDataError

M = TypeVar("M", bound=BaseModel)

SCHEMAS: dict[str, str] = {
    "boilerplate.yaml": "policyparse.structure.rules:BoilerplateRules",
    "units.yaml": "policyparse.extract.quantities.rules:UnitRules",
    "bounds.yaml": "policyparse.extract.quantities.rules:BoundRules",
    "quantity_exclusions.yaml": "policyparse.extract.quantities.rules:ExclusionRules",
    "quantity_words.yaml": "policyparse.extract.quantities.rules:QuantityWords",
    "responsibility.yaml": "policyparse.extract.responsibility.rules:ResponsibilityRules",
    "agencies.yaml": "policyparse.extract.responsibility.rules:AgencyRules",
    "targets.yaml": "policyparse.extract.targets.rules:TargetRules",
    "indicator_words.yaml": "policyparse.extract.targets.indicator_words:IndicatorWords",
    "times.yaml": "policyparse.extract.times.rules:TimeRules",
    "entities.yaml": "policyparse.extract.entities.rules:EntityRules",
    "gazetteer_divisions.yaml": "policyparse.extract.entities.rules:DivisionGazetteer",
}


class RuleModel(BaseModel):
    """Base for rule-data schemas: unknown keys are errors.

    The validation schema is built on first use (``defer_build``): a process that reads the
    validated data from the run cache never builds it.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def data_text(name: str) -> str:
    """The text of a packaged data file."""
    return (
        resources.files("policyparse").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    )


def data_path(name: str) -> str:
    """A file-system path to a packaged data file."""
    return str(resources.files("policyparse").joinpath("data").joinpath(name))


def schema_for(name: str) -> type[BaseModel]:
    """The model class registered for a data file."""
    try:
        target = SCHEMAS[name]
    except KeyError as exc:
        raise RuleDataError(f"no schema registered for data file {name}") from exc
    module, _, attr = target.partition(":")
    model: type[BaseModel] = getattr(importlib.import_module(module), attr)
    return model


def validate(name: str, raw: Any, model: type[M]) -> M:
    """Validate parsed YAML against its model, raising a coded error naming the file."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RuleDataError(f"data/{name}: {where}: {first['msg']}") from exc


def parse_yaml(text: str) -> Any:
    """Parse YAML text with the safe loader (libyaml's when PyYAML has it)."""
    import yaml  # imported here: a run that finds the parsed data cached never needs it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


@cache
def _load_cached(name: str, model: type[BaseModel]) -> BaseModel:
    text = data_text(name)

    def build() -> BaseModel:
        return validate(name, runcache.parsed_yaml(name, text, parse_yaml), model)

    result: BaseModel = runcache.validated(name, text, model, build)
    return result


def load(name: str, model: type[M]) -> M:
    """Load and validate ``data/<name>`` once per process."""
    result = _load_cached(name, model)
    assert isinstance(result, model)
    return result
