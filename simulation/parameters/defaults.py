"""The built-in defaults: the values in the parameter declarations, with the calibrated values on top.

Calibration (`samenloop calibrate`) writes the fitted values, with their provenance, to
`simulation/data/calibration.yaml`; only parameters that no public source pins down are fitted.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from simulation.parameters.scenario import Scenario


@cache
def calibration() -> dict[str, Any]:
    """The calibration file: `values` by parameter path and its provenance (empty when absent)."""
    resource = files("simulation").joinpath("data/calibration.yaml")
    if not resource.is_file():
        return {"values": {}}
    data = yaml.safe_load(resource.read_text(encoding="utf-8")) or {}
    data.setdefault("values", {})
    return data


def nest(flat: dict[str, Any]) -> dict[str, Any]:
    """{'a.b.c': 1} -> {'a': {'b': {'c': 1}}}."""
    nested: dict[str, Any] = {}
    for path, value in flat.items():
        node = nested
        *parents, leaf = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return nested


def calibrated_overrides() -> dict[str, Any]:
    """The calibrated values as nested overrides."""
    return nest(calibration()["values"])


def calibration_source() -> str:
    data = calibration()
    return (f"calibrated {data.get('date', '')} to FIGURES T1-T12 (docs/calibration.md)").replace("  ", " ")


@cache
def default_scenario() -> Scenario:
    """The built-in defaults with the calibrated values applied."""
    return Scenario.model_validate(calibrated_overrides())
