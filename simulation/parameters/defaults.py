"""The built-in defaults: the values in the parameter declarations, with the calibrated values on top.

Calibration (`samenloop calibrate`) writes the fitted values, with their provenance, to
`simulation/data/calibration.yaml`; only parameters that no public source pins down are fitted.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

from simulation import yaml_reading
from simulation.parameters.scenario import Scenario


@cache
def calibration() -> dict[str, Any]:
    """The calibration file: `values` by parameter path and its provenance (empty when absent)."""
    resource = files("simulation").joinpath("data/calibration.yaml")
    if not resource.is_file():
        return {"values": {}}
    data = yaml_reading.safe_load(resource.read_text(encoding="utf-8")) or {}
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


def merge(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge `update` onto `base` (new dicts; leaves both untouched)."""
    merged = dict(base)
    for key, value in update.items():
        merged[key] = (
            merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
        )
    return merged


@cache
def default_scenario() -> Scenario:
    """The built-in defaults with the calibrated values applied.

    The calibrated values are merged onto the complete defaults: a partial group would take its
    class defaults for the fields not named, not the values declared in the enclosing group.
    """
    return Scenario.model_validate(merge(Scenario().model_dump(), calibrated_overrides()))
