"""Benchmark of the core chain model (not a test: prints figures measured in one run).

    python benchmarks/bench_model.py [--quick]

Prints:
  * region scale, 5 policy years (+ the default warm-up, `simulation.warmup`): wall time of one
    replication;
  * national scale, 5 policy years (+ warm-up): wall time and peak memory, of the simulation and
    with its outputs collected (separate process);
  * microseconds per simulated event (event records written);
  * the family-incident core of the model against a plain-numpy reference of the same process
    (incident clock by hazard thresholds, monthly risk walk), timed side by side, interleaved;
  * how the cost of a simulated day grows with the day's work: one region with its demand and
    capacity multiplied by 1/4, 1 and 4 (the day's batches grow, the number of steps does not),
    and what the region run's records alone would cost at the marginal cost of a record.

Targets (issue: core chain model): region <= 1 s, national <= 10 s, peak memory <= 1.5 GB,
core ratio <= 3x. The machine is shared and noisy: ratios measured in one run are what count.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

import numpy as np

from simulation.families import DAYS_PER_YEAR, FamilyPopulation
from simulation.parameters import Scenario
from simulation.parameters.population import PopulationParams
from simulation.randomness import RandomStreams
from simulation.records import EventLog
from simulation.warmup import WARMUP_YEARS

TARGETS = {"region_s": 1.0, "national_s": 10.0, "national_peak_gb": 1.5, "core_ratio": 3.0}


def run_once(scale: str, years: float, with_outputs: bool = False) -> dict[str, float]:
    """One replication in this process: wall time, events, peak memory (maxrss) of the simulation
    and, `with_outputs`, also after collecting its outputs (records, families, daily series) as
    `samenloop run` does before it writes them."""
    import resource

    from simulation.model import ChainModel
    from simulation.results import collect
    from simulation.runner import snapshot_counters
    from simulation.scenario_files import load_scenario

    def peak_gib() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2  # ru_maxrss is in KiB

    scenario = load_scenario("current-practice")
    start = time.perf_counter()
    model = ChainModel(scenario, scale=scale, years=years, seed=1)
    built = time.perf_counter()
    model.run()
    done = time.perf_counter()
    run = {
        "build_s": built - start,
        "run_s": done - built,
        "total_s": done - start,
        "events": len(model.log),
        "days": model.horizon_days,
        "peak_gib": peak_gib(),
    }
    if with_outputs:
        collect(model, snapshot_counters(model), years=years)
        run["collect_s"] = time.perf_counter() - done
        run["peak_with_outputs_gib"] = peak_gib()
    return run


def in_subprocess(scale: str, years: float, with_outputs: bool = False) -> dict[str, float]:
    code = (
        f"import json, sys; sys.path.insert(0, 'benchmarks'); from bench_model import run_once; "
        f"print(json.dumps(run_once({scale!r}, {years}, {with_outputs})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def core_population() -> PopulationParams:
    """Population parameters of the core comparison: everyone with violence active at day 0, no
    history before the run (the plain-numpy reference has none)."""
    params = Scenario().population
    onset = params.onset.model_copy(update={"history_years": 0.0, "families_at_start": 150_000})
    return params.model_copy(update={"onset": onset})


def model_core(days: int, scale: float, seed: int) -> int:
    """The model's family-incident core: FamilyPopulation's clock and risk walk, with incident records."""
    params = core_population()
    pop = FamilyPopulation(params, scale, 1, days, RandomStreams(seed), n_services=15)
    log = EventLog()
    month = DAYS_PER_YEAR / 12
    next_month = month
    ones = np.ones(pop.n)
    total = 0
    for day in range(days):
        fam, times = pop.take_incidents(day)
        if fam.size:
            log.add_many(times, 0, family=fam, value=pop.latent_rate[fam])
            total += fam.size
        if day + 1 >= next_month:
            pop.monthly_risk_update(day + 0.5, ones, ones)
            next_month += month
    log.arrays()
    return total


def numpy_reference(days: int, scale: float, seed: int) -> int:
    """The same process written directly in numpy (no model objects)."""
    p = core_population()
    risk = p.risk
    rng = np.random.default_rng(seed)
    n0 = round(p.onset.families_at_start * scale)
    n_new = int(rng.poisson(p.onset.new_families_per_year * scale * days / DAYS_PER_YEAR))
    n = n0 + n_new
    onset = np.concatenate([np.zeros(n0), np.sort(rng.uniform(0, days, n_new))])
    factors = rng.binomial(4, 0.25, n)
    own = (
        np.log(risk.incidents_per_year_median)
        + risk.incidents_per_year_log_sd * rng.standard_normal(n)
        + risk.factor_log_level * factors
    )
    rate = np.exp(own + 0.3 * rng.standard_normal(n))
    stopped = np.zeros(n, dtype=bool)
    stopped_since = np.full(n, np.inf)
    target = rng.exponential(size=n)
    used = np.zeros(n)
    at = onset.copy()
    per_day = rate / DAYS_PER_YEAR
    nxt = at + target / per_day
    next_day = np.floor(nxt).astype(np.int64)
    chunks_t, chunks_f, chunks_v = [], [], []
    month = DAYS_PER_YEAR / 12
    next_month = month
    total = 0
    for day in range(days):
        idx = np.flatnonzero(next_day == day)
        if idx.size:
            t = nxt[idx]
            chunks_t.append(t)
            chunks_f.append(idx)
            chunks_v.append(rate[idx])
            total += idx.size
            target[idx] = rng.exponential(size=idx.size)
            used[idx] = 0.0
            at[idx] = t
            nxt[idx] = np.maximum(t + target[idx] / per_day[idx], day + 1.0)
            next_day[idx] = np.floor(nxt[idx])
        if day + 1 >= next_month:
            now = day + 0.5
            walk = rng.standard_normal(n)
            chance = rng.random(n)
            started = onset <= now
            log_rate = np.log(rate)
            step = risk.mean_reversion_per_month * (own - log_rate) + risk.monthly_log_sd * walk
            rate = np.minimum(np.exp(log_rate + np.where(started, step, 0.0)), risk.max_incidents_per_year)
            months_stopped = np.maximum(now - stopped_since, 0.0) / month
            p_relapse = risk.p_relapse_per_month * np.exp(-months_stopped / risk.relapse_decay_months)
            stops = started & ~stopped & (chance < risk.p_stop_per_month)
            relapses = started & stopped & (chance < p_relapse)
            stopped = (stopped | stops) & ~relapses
            stopped_since = np.where(stops, now, np.where(relapses, np.inf, stopped_since))
            new_at = np.maximum(at, now)
            used += (new_at - at) * per_day
            at = new_at
            per_day = rate * np.where(stopped, risk.stopped_rate_factor, 1.0) / DAYS_PER_YEAR
            nxt = np.maximum(at + (target - used) / per_day, day + 1.0)
            next_day = np.floor(nxt).astype(np.int64)
            next_month += month
    np.argsort(np.concatenate(chunks_t), kind="stable")
    np.concatenate(chunks_f)
    np.concatenate(chunks_v)
    return total


def core_ratio(days: int, scale: float, repeats: int) -> tuple[float, float, float]:
    """Median times of the model core and the reference, interleaved, and their ratio."""
    model_t, ref_t = [], []
    for r in range(repeats):
        t = time.perf_counter()
        model_core(days, scale, seed=r)
        model_t.append(time.perf_counter() - t)
        t = time.perf_counter()
        numpy_reference(days, scale, seed=r)
        ref_t.append(time.perf_counter() - t)
    m, ref = statistics.median(model_t), statistics.median(ref_t)
    return m, ref, m / ref


def batch_scaling(multipliers: tuple[float, ...], years: float) -> list[tuple[float, float, float, float]]:
    """Milliseconds per simulated day and microseconds per record for one region whose demand
    and capacity are multiplied by each of `multipliers` (a preset made for this benchmark)."""
    from simulation import scale

    rows = []
    for k in multipliers:
        name = f"region x {k:g}"
        scale.SCALES[name] = scale.ScalePreset(name, 1, 1, k / scale.N_VT_REGIONS)
        try:
            run = run_once(name, years)
        finally:
            del scale.SCALES[name]
        days, records = run["days"], run["events"]
        rows.append((k, records / days, run["run_s"] / days * 1e3, run["run_s"] / records * 1e6))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="shorter runs (smoke check of this script)")
    args = parser.parse_args()
    years = 1.0 if args.quick else 5.0
    region = in_subprocess("region", years)
    national = in_subprocess("national", 0.5 if args.quick else years, with_outputs=True)
    days = round((years + 1.0) * DAYS_PER_YEAR)
    core_region = core_ratio(days, 1 / 26, 3)
    core_national = core_ratio(days, 1.0, 1 if args.quick else 3)
    rows = [
        (
            f"region, 5 policy years + {WARMUP_YEARS:g} warm-up: wall time",
            f"{region['total_s']:.2f} s",
            f"<= {TARGETS['region_s']} s",
        ),
        ("  of which building the model", f"{region['build_s']:.2f} s", ""),
        ("  per simulated year", f"{region['run_s'] / (region['days'] / DAYS_PER_YEAR):.2f} s", ""),
        (
            f"national, 5 policy years + {WARMUP_YEARS:g} warm-up: wall time",
            f"{national['total_s']:.2f} s",
            f"<= {TARGETS['national_s']} s",
        ),
        (
            "national: peak memory (max RSS)",
            f"{national['peak_gib']:.2f} GiB ({national['peak_gib'] * 1.024**3:.2f} GB)",
            f"<= {TARGETS['national_peak_gb']} GB",
        ),
        (
            "  with the outputs collected (records, families)",
            f"{national['peak_with_outputs_gib']:.2f} GiB ({national['peak_with_outputs_gib'] * 1.024**3:.2f} GB)",
            "",
        ),
        ("region: microseconds per event record", f"{region['run_s'] / region['events'] * 1e6:.1f} us", ""),
        ("national: microseconds per event record", f"{national['run_s'] / national['events'] * 1e6:.1f} us", ""),
        (
            "family-incident core / plain numpy, region",
            f"{core_region[2]:.2f}x ({core_region[0]:.3f} s vs {core_region[1]:.3f} s)",
            f"<= {TARGETS['core_ratio']}x",
        ),
        (
            "family-incident core / plain numpy, national",
            f"{core_national[2]:.2f}x ({core_national[0]:.3f} s vs {core_national[1]:.3f} s)",
            f"<= {TARGETS['core_ratio']}x",
        ),
    ]
    if args.quick:
        print("(quick mode: shorter runs; figures are not the benchmark)")
    width = max(len(r[0]) for r in rows)
    for label, value, target in rows:
        print(f"{label:<{width}}  {value:>32}  {target}")

    scaling_years = 0.5 if args.quick else 1.0
    scaling = batch_scaling((0.25, 1.0, 4.0), years=scaling_years)
    print(
        "\ncost of a day against its work (one region, demand and capacity x k, "
        f"{scaling_years:g} y + {WARMUP_YEARS:g} y warm-up):"
    )
    print(f"{'k':>6}  {'records/day':>11}  {'ms/day':>7}  {'us/record':>9}")
    for k, per_day, ms, us in scaling:
        print(f"{k:>6g}  {per_day:>11.0f}  {ms:>7.2f}  {us:>9.1f}")
    (_, n1, ms1, _), (_, n4, ms4, _) = scaling[1], scaling[2]
    marginal = (ms4 - ms1) / (n4 - n1) * 1e3
    print(
        f"a record costs {marginal:.1f} us at the margin (x1 -> x4); at x1 the other "
        f"{ms1 - marginal * n1 / 1e3:.2f} ms of a day is per-step and per-batch overhead"
    )
    print(
        f"the region run's {region['events']:,.0f} records at that marginal cost alone: "
        f"{region['events'] * marginal / 1e6:.2f} s (target {TARGETS['region_s']} s for the whole run)"
    )


if __name__ == "__main__":
    main()
