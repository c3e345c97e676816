"""Helpers for model tests: scenario variants and record fingerprints."""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np

from simulation.results import RunResult
from simulation.routes import ROUTES
from simulation.runner import run_scenario
from simulation.scenario_files import scenario_from_overrides

SHORT: dict[str, Any] = {"scale": "region", "years": 1.5, "warmup_years": 0.5}


def variant(overrides: dict[str, Any], base: str = "current-practice"):
    return scenario_from_overrides(overrides, base)


def run(
    overrides: dict[str, Any] | None = None, base: str = "current-practice", seed: int = 3, **settings: Any
) -> RunResult:
    return run_scenario(variant(overrides or {}, base), seed=seed, **{**SHORT, **settings})


def all_routes(**values: float) -> dict[str, Any]:
    """Overrides that set the same values on every handoff route."""
    return {"handoffs": {name: dict(values) for name in ROUTES}}


def fingerprint(result: RunResult) -> str:
    """A hash of every event record."""
    digest = hashlib.sha256()
    for column in result.records.columns:
        digest.update(np.ascontiguousarray(result.records[column].to_numpy()).tobytes())
    return digest.hexdigest()
