"""The benchmark scripts' helpers still run against the package (no timing is asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from bench_model import batch_scaling, run_once

from simulation.scale import SCALES


def test_batch_scaling_scales_the_day_and_leaves_the_presets_alone() -> None:
    before = dict(SCALES)
    (k_small, per_day_small, ms_small, _), (k_large, per_day_large, ms_large, _) = batch_scaling((0.25, 1.0), 0.1)
    assert (k_small, k_large) == (0.25, 1.0)
    # Four times the demand and capacity brings clearly more work per simulated day.
    assert per_day_large > 2.5 * per_day_small
    assert ms_small > 0 and ms_large > 0
    assert before == SCALES


def test_one_run_reports_its_peak_memory_with_and_without_outputs() -> None:
    run = run_once("region", 0.1, with_outputs=True)
    assert run["events"] > 0 and run["days"] > 0
    assert 0 < run["peak_gib"] <= run["peak_with_outputs_gib"]  # the peak so far never falls
    assert run["collect_s"] > 0
