"""Pydantic records of the data contract."""

from .base import Bound, Record, Role, Span
from .baseline import Baseline
from .document import Meta, PlanPeriod, PolicyDocument, Source, Warning
from .entity import Entity
from .outline import Paragraph, Provision, Section, Sentence
from .quantity import Quantity
from .responsibility import ResponsibleUnit
from .target import Deadline, Target
from .times import TimeExpression

__all__ = [
    "Baseline",
    "Bound",
    "Deadline",
    "Entity",
    "Meta",
    "Paragraph",
    "PlanPeriod",
    "PolicyDocument",
    "Provision",
    "Quantity",
    "Record",
    "ResponsibleUnit",
    "Role",
    "Section",
    "Sentence",
    "Source",
    "Span",
    "Target",
    "TimeExpression",
    "Warning",
]
