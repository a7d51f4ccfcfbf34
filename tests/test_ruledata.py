"""Every packaged rule-data file has a schema and validates against it."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml
from pydantic import BaseModel

from policyparse import ruledata
from policyparse.errors import RuleDataError

DATA = resources.files("policyparse").joinpath("data")
YAML_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".yaml"))


def test_every_yaml_file_is_registered() -> None:
    assert sorted(ruledata.SCHEMAS) == YAML_FILES


@pytest.mark.parametrize("name", YAML_FILES)
def test_data_file_validates(name: str) -> None:
    model = ruledata.schema_for(name)
    loaded = ruledata.load(name, model)
    assert isinstance(loaded, BaseModel)


def test_unknown_key_is_a_coded_error() -> None:
    model = ruledata.schema_for("boilerplate.yaml")
    raw = yaml.safe_load(ruledata.data_text("boilerplate.yaml"))
    raw["surprise"] = 1
    with pytest.raises(RuleDataError, match="PP300"):
        ruledata.validate("boilerplate.yaml", raw, model)
