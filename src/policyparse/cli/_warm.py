"""Imported by the worker pool's fork server: loads the dictionary and warms every stage once,
so that each worker forked from it starts ready (and shares those pages with the others)."""

from __future__ import annotations

from .batch import warm_up

warm_up()
