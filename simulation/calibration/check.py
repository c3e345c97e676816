"""`samenloop calibrate --check`: does the default scenario reproduce the public figures?"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import numpy as np

from simulation.calibration.measures import measure_all
from simulation.calibration.targets import Measure, Target, load_targets
from simulation.runner import run_scenario
from simulation.warmup import WARMUP_YEARS


@dataclass
class CheckRow:
    """One measure: observed figure, simulated median and range over seeds, within tolerance."""

    target: Target
    measure: Measure
    median: float
    low: float
    high: float

    @property
    def within(self) -> bool:
        return self.measure.within(self.median)


def _run(args: tuple[str, int, str, float, float]) -> dict[str, float]:
    scenario, seed, scale, years, warmup_years = args
    return measure_all(run_scenario(scenario, scale=scale, years=years, seed=seed, warmup_years=warmup_years))


def check(
    *,
    scenario: str = "current-practice",
    scale: str = "national",
    seeds: int = 3,
    years: float = 3.0,
    warmup_years: float = WARMUP_YEARS,
    jobs: int = 1,
    targets: list[Target] | None = None,
) -> list[CheckRow]:
    """Simulate the scenario over `seeds` seeds and compare every target measure."""
    targets = targets or load_targets()
    tasks = [(scenario, s, scale, years, warmup_years) for s in range(1, seeds + 1)]
    if jobs > 1:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("forkserver")) as pool:
            runs = list(pool.map(_run, tasks))
    else:
        runs = [_run(t) for t in tasks]
    rows = []
    for target in targets:
        for m in target.measures:
            values = np.array([r[m.measure] for r in runs], dtype=float)
            values = values[np.isfinite(values)] if np.isfinite(values).any() else np.array([np.nan])
            rows.append(CheckRow(target, m, float(np.median(values)), float(values.min()), float(values.max())))
    return rows


def targets_met(rows: list[CheckRow]) -> tuple[int, int]:
    """(targets with every measure within tolerance, number of targets); cross-checks do not count."""
    by_target: dict[str, bool] = {}
    for row in rows:
        if row.target.fitted:
            by_target[row.target.id] = by_target.get(row.target.id, True) and row.within
    return sum(by_target.values()), len(by_target)
