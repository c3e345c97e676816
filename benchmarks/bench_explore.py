"""Benchmark of experiments (not a test: prints figures measured in one run).

    python benchmarks/bench_explore.py [--runs 1000] [--speedup-runs 24]

Prints:
  * wall time of an exploration with `--runs` runs at region scale, 2 policy years (+ the default
    warm-up, `simulation.warmup`), two scenarios, LHS over the default assumptions, on 2 local
    worker processes (target: 1,000 runs in <= 10 minutes on 2 cores);
  * the speed-up from 1 to 2 worker processes on the same `--speedup-runs` runs
    (target >= 1.6x on an idle machine).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from simulation.experiments.execute import run_design
from simulation.experiments.store import ExperimentStore
from simulation.exploration import ExploreSpec, build_design

TARGET_MINUTES, TARGET_SPEEDUP = 10.0, 1.6


def spec(runs: int) -> ExploreSpec:
    samples = max(runs // 4, 1)  # two scenarios, two replications
    return ExploreSpec(
        name="benchmark",
        scenarios=["intensive-collaboration", "restructuring"],
        sampler="lhs",
        samples=samples,
        replications=2,
        years=2.0,
    )


def timed(design, jobs: int) -> float:
    directory = Path(tempfile.mkdtemp(prefix="bench-explore-"))
    try:
        start = time.perf_counter()
        run_design(design, ExperimentStore(directory), jobs=jobs, quiet=True)
        return time.perf_counter() - start
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1000, help="runs in the exploration timing")
    parser.add_argument("--speedup-runs", type=int, default=24, help="runs in the 1-vs-2 worker comparison")
    args = parser.parse_args()

    small = build_design(spec(args.speedup_runs))
    one = timed(small, jobs=1)
    two = timed(small, jobs=2)
    big = build_design(spec(args.runs))
    n = len(big.runs())
    total = timed(big, jobs=2)
    settings = spec(args.runs)
    print(
        f"exploration, {n} runs (region, {settings.years:g} years + {settings.warmup_years:g} warm-up), 2 workers: "
        f"{total / 60:.1f} min "
        f"({n / total * 60:.1f} runs/min)  target <= {TARGET_MINUTES:.0f} min for 1,000 runs "
        f"(projected {1000 / n * total / 60:.1f} min)"
    )
    m = len(small.runs())
    print(
        f"speed-up 1 -> 2 workers on {m} runs: {one / two:.2f}x ({one:.1f} s vs {two:.1f} s)  "
        f"target >= {TARGET_SPEEDUP}x"
    )


if __name__ == "__main__":
    main()
