"""The model function the EMA Workbench calls for one run (in a worker process or on a Dask worker)."""

from __future__ import annotations

import json
from typing import Any

from simulation.errors import ScenarioError
from simulation.experiments.design import path_of
from simulation.experiments.outcomes import summarise
from simulation.parameters.defaults import nest
from simulation.parameters.registry import parameter_lookup
from simulation.runner import run_scenario
from simulation.scenario_files import load_scenario, scenario_from_overrides

_INTEGER_PATHS: set[str] | None = None


def _integer_paths() -> set[str]:
    global _INTEGER_PATHS
    if _INTEGER_PATHS is None:
        _INTEGER_PATHS = {
            p for p, row in parameter_lookup().items() if isinstance(row.value, int) and not isinstance(row.value, bool)
        }
    return _INTEGER_PATHS


def overrides_for(values: dict[str, float]) -> dict[str, Any]:
    """Uncertainty values by parameter path as scenario overrides (integers rounded)."""
    integers = _integer_paths()
    return nest({path: (round(v) if path in integers else float(v)) for path, v in values.items()})


def run_experiment(
    strategy: str,
    seed: int,
    scale: str,
    years: float,
    warmup_years: float,
    scenario_contents: str = "{}",
    **uncertainties: float,
) -> dict[str, object]:
    """Run scenario `strategy` with the sampled uncertainty values and return its outcomes.

    `scenario_contents` (JSON: scenario -> content hash when the experiment started) guards against
    a scenario file edited while the experiment runs, or different on a Dask worker: its runs would
    silently belong to another scenario.
    """
    base = load_scenario(strategy)
    expected = json.loads(scenario_contents).get(strategy)
    if expected is not None and base.content_hash() != expected:
        raise ScenarioError(
            "the scenario file differs from the one the experiment started with (edited since, or "
            "another version on this worker)",
            file=strategy,
            fix="restore it and continue with --resume (finished runs are kept), or start afresh in a new --out",
        )
    values = {path_of(name): value for name, value in uncertainties.items()}
    scenario = scenario_from_overrides(overrides_for(values), base=base)
    result = run_scenario(scenario, scale=scale, years=years, seed=int(seed), warmup_years=warmup_years)
    return summarise(result)
