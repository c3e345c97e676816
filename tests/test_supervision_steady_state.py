"""The GI starts with its steady caseload, and its waiting list feeds back on the board's requests."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import run
from simulation.cases_at_start import running_case_times
from simulation.model import ChainModel
from simulation.queues import Caseload
from simulation.scenario_files import load_scenario
from simulation.services import CASE_LENGTH_SHAPE, ServiceKind

GI = ServiceKind.GI_SUPERVISION


def test_cases_running_at_day_0_look_like_those_of_a_steady_caseload() -> None:
    """Compared with a caseload simulated long enough to be steady: Poisson starts, gamma lengths."""
    rng = np.random.default_rng(7)
    mean_days, n = 1000.0, 200_000
    starts = rng.uniform(-20 * mean_days, 0.0, 4_000_000)
    lengths = rng.gamma(CASE_LENGTH_SHAPE, mean_days / CASE_LENGTH_SHAPE, starts.size)
    running = starts + lengths > 0
    steady_remaining = (starts + lengths)[running]
    start, end = running_case_times(np.random.default_rng(8), mean_days, n)
    assert (start <= 0).all() and (end > 0).all()
    for q in (0.1, 0.5, 0.9):
        simulated, drawn = np.quantile(steady_remaining, q), np.quantile(end, q)
        assert abs(drawn / simulated - 1) < 0.03, f"remaining time, quantile {q}: {drawn:.0f} vs {simulated:.0f}"
    assert abs(np.mean(-start) / np.mean(-(starts[running])) - 1) < 0.03, "time already under supervision"


def test_the_gi_starts_full_with_known_families_with_children() -> None:
    model = ChainModel(load_scenario("current-practice"), scale="region", years=0.1, seed=4)
    pop = model.population
    occupancy = model.params.organisations.youth_protection.occupancy_at_start
    queues = [q for q in model.queues if isinstance(q, Caseload) and q.service == GI]
    assert queues and all(len(q.active) == round(q.capacity * occupancy) > 0 for q in queues)
    jobs = np.fromiter((j for q in queues for j in q.active), dtype=np.int64)
    fam = model.jobs.family[jobs]
    assert (pop.n_children[fam] > 0).all() and np.isfinite(pop.last_report_time[fam]).all()
    assert (model.jobs.start[jobs] <= 0).all() and (model.jobs.end[jobs] > 0).all()
    assert (pop.in_service[fam, GI] == 1).all() and (pop.open_cases[fam] >= 1).all()


def _gi(result) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    services = result.services
    return services[services["service"] == GI.name.lower()]


def test_the_gi_caseload_is_level_from_the_start() -> None:
    """Started full, the caseload in the first months equals the later one; started empty (the
    old behaviour) it is far below it for months, which is what the check must tell apart."""

    def first_and_last_quarter(occupancy: float) -> tuple[float, float]:
        gi = _gi(run({"organisations": {"youth_protection": {"occupancy_at_start": occupancy}}}, seed=5))
        quarter = len(gi) // 8
        return float(gi["active"].iloc[:quarter].mean()), float(gi["active"].iloc[-quarter:].mean())

    first, last = first_and_last_quarter(1.0)
    assert abs(first / last - 1) < 0.08, f"caseload moves: {first:.0f} at first, {last:.0f} at the end"
    empty_first, empty_last = first_and_last_quarter(0.0)
    assert empty_first < 0.5 * empty_last, f"the check cannot tell: {empty_first:.0f} vs {empty_last:.0f}"


def test_a_gi_waiting_list_holds_the_board_back_from_asking_for_measures() -> None:
    """A GI short of staff: with the board's restraint, fewer orders and a shorter waiting list."""

    def run_with(restraint: float):  # type: ignore[no-untyped-def]
        return run(
            {
                "organisations": {
                    "youth_protection": {"staff": {"fte": 300.0}},
                    "child_protection_board": {"request_restraint_per_gi_backlog": restraint},
                }
            },
            seed=6,
            years=2.0,
        )

    ignores, restrained = run_with(0.0), run_with(5.0)
    waiting = [float(_gi(r)["waiting"].iloc[-365:].mean()) for r in (ignores, restrained)]
    orders = [int(r.daily["supervision_orders"].sum()) for r in (ignores, restrained)]
    assert waiting[0] > 20, f"the GI has no waiting list to respond to: {waiting}"
    assert waiting[1] < 0.7 * waiting[0], f"waiting list (ignores, restrained): {waiting}"
    assert orders[1] < orders[0], f"supervision orders (ignores, restrained): {orders}"
