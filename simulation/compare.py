"""Paired scenario comparison with uncertainty (the planners' what-if).

Every scenario runs with the same list of seeds (common random numbers), so for each seed the
difference between two scenarios is caused by policy, not by noise. The comparison reports, per
metric, the median and 80%/95% intervals over replications, at the end of the horizon and over
time, and the paired difference with its interval; it reads each row in plain language and
never names a winner that the intervals do not support.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulation import metrics
from simulation.errors import SpecError
from simulation.experiments.design import Design, RunSettings, comparison_design
from simulation.experiments.execute import run_design
from simulation.experiments.outcomes import SERIES, frame_of_monthly
from simulation.experiments.store import ExperimentStore
from simulation.scenario_files import available_scenarios, check_display_names, load_scenario

QUANTILES = {"p2_5": 0.025, "p10": 0.10, "median": 0.5, "p90": 0.90, "p97_5": 0.975}
SMOOTH_MONTHS = 6
BOOTSTRAP = 400


@dataclass
class Comparison:
    """Outcomes of a comparison experiment, with the summaries a planner needs."""

    design: Design
    runs: pd.DataFrame
    arrays: dict[str, np.ndarray]
    baseline: str
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def scenarios(self) -> list[str]:
        return list(self.design.levers)

    # ------------------------------------------------------------ horizon values
    def values(self, prefix: str = "") -> pd.DataFrame:
        """Tidy metric values: scenario, seed, metric, value (`prefix='final_year__'` for the last year)."""
        rows = []
        for name in metrics.METRICS:
            column = f"{prefix}{name}"
            part = self.runs[["scenario", "seed"]].assign(metric=name, value=self.runs[column].to_numpy())
            rows.append(part)
        return pd.concat(rows, ignore_index=True)

    def summary(self, prefix: str = "") -> pd.DataFrame:
        """Median and intervals of every metric per scenario."""
        values = self.values(prefix)
        grouped = values.groupby(["metric", "scenario"], sort=False)["value"]
        table = pd.DataFrame({k: grouped.quantile(q) for k, q in QUANTILES.items()})
        table["replications"] = grouped.count()
        return table.reset_index()

    def differences(self, prefix: str = "") -> pd.DataFrame:
        """Paired differences (scenario - baseline, same seed) per metric, with intervals.

        `better_share` is the share of replications in which the scenario did better than the
        baseline on that metric.
        """
        values = self.values(prefix)
        wide = values.pivot_table(index=["metric", "seed"], columns="scenario", values="value", dropna=False)
        rows = []
        for scenario in self.scenarios:
            if scenario == self.baseline:
                continue
            diff = (wide[scenario] - wide[self.baseline]).rename("diff").reset_index()
            for metric, part in diff.groupby("metric", sort=False):
                d = part["diff"].dropna().to_numpy()
                sign = -1.0 if metrics.METRICS[metric].better == "lower" else 1.0
                row = {"metric": metric, "scenario": scenario, "baseline": self.baseline, "replications": d.size}
                row.update({k: float(np.quantile(d, q)) if d.size else np.nan for k, q in QUANTILES.items()})
                row["better_share"] = float(np.mean(sign * d > 0)) if d.size else np.nan
                rows.append(row)
        return pd.DataFrame(rows)

    # ---------------------------------------------------------------- over time
    def monthly(self) -> pd.DataFrame:
        """Tidy monthly series: scenario, seed, month, year, series, value."""
        return frame_of_monthly(self.runs[["scenario", "seed"]], self.arrays)

    def monthly_bands(self) -> pd.DataFrame:
        """Median and intervals per scenario, series and month."""
        monthly = self.monthly()
        grouped = monthly.groupby(["series", "scenario", "month"], sort=False)["value"]
        table = pd.DataFrame({k: grouped.quantile(q) for k, q in QUANTILES.items()}).reset_index()
        table["year"] = (table["month"] + 0.5) / 12
        return table

    def paired_series(self, series: str, scenario: str, other: str) -> np.ndarray:
        """Per seed and month: how much better `scenario` is than `other` (positive = better)."""
        a = self._series_by_seed(series, scenario)
        b = self._series_by_seed(series, other)
        sign = -1.0 if SERIES[series][2] == "lower" else 1.0
        return sign * (a - b)

    def _series_by_seed(self, series: str, scenario: str) -> np.ndarray:
        rows = self.runs.reset_index()
        rows = rows[rows["scenario"] == scenario].sort_values("seed")
        index = [self.runs.index.get_loc(k) for k in rows["key"]]
        return self.arrays[f"monthly__{series}"][index]

    def monthly_differences(self) -> pd.DataFrame:
        """Paired difference bands over time (scenario - baseline, in the metric's own units)."""
        rows = []
        for series, (_, _, better) in SERIES.items():
            sign = -1.0 if better == "lower" else 1.0
            for scenario in self.scenarios:
                if scenario == self.baseline:
                    continue
                diff = sign * self.paired_series(series, scenario, self.baseline)  # back to own units
                months = diff.shape[1]
                for m in range(months):
                    d = diff[:, m]
                    d = d[np.isfinite(d)]
                    row = {"series": series, "scenario": scenario, "month": m, "year": (m + 0.5) / 12}
                    row.update({k: float(np.quantile(d, q)) if d.size else np.nan for k, q in QUANTILES.items()})
                    rows.append(row)
        return pd.DataFrame(rows)

    def crossing(self, series: str, scenario: str, other: str, seed: int = 0) -> dict[str, Any]:
        """When (if ever) `scenario` overtakes `other` for good on a monthly series.

        The paired advantage per seed is smoothed over six months; the crossing is the first month
        from which the mean advantage over replications stays positive to the horizon. The
        interval comes from resampling the replications (bootstrap).
        """
        advantage = self.paired_series(series, scenario, other)
        point = _crossing_month(_mean_over_replications(advantage))
        rng = np.random.default_rng(seed)
        n = advantage.shape[0]
        samples = np.array(
            [_crossing_month(_mean_over_replications(advantage[rng.integers(0, n, n)])) for _ in range(BOOTSTRAP)]
        )
        months = advantage.shape[1]
        # Percentile bootstrap: order statistics, as a sample that never crosses is inf ("never").
        p10, p90 = np.quantile(samples, [0.1, 0.9], method="inverted_cdf")
        return {
            "series": series,
            "scenario": scenario,
            "other": other,
            "years": point / 12 if np.isfinite(point) else np.inf,
            "p10_years": p10 / 12,
            "p90_years": p90 / 12,
            "never_share": float(np.mean(~np.isfinite(samples))),
            "ahead_from_start": bool(point == 0),
            "horizon_years": months / 12,
        }


def _mean_over_replications(values: np.ndarray) -> np.ndarray:
    """Per month, the mean over the replications that have a value; NaN where none has one.

    A series can be empty in its last months (repeat violence needs twelve months of follow-up).
    """
    present = ~np.isnan(values)
    count = present.sum(axis=0)
    total = np.where(present, values, 0.0).sum(axis=0)
    return np.divide(total, count, out=np.full(total.shape, np.nan), where=count > 0)


def _smooth(values: np.ndarray) -> np.ndarray:
    series = pd.Series(values)
    return series.rolling(SMOOTH_MONTHS, min_periods=1).mean().to_numpy()


def _crossing_month(advantage: np.ndarray) -> float:
    """First month from which the smoothed advantage stays above zero; inf if it never does."""
    smoothed = _smooth(advantage)
    valid = np.isfinite(smoothed)
    if not valid.any():
        return np.inf
    last = np.flatnonzero(valid)[-1]
    behind = np.flatnonzero(valid[: last + 1] & (smoothed[: last + 1] <= 0))
    if behind.size == 0:
        return 0.0
    crossing = behind[-1] + 1
    return float(crossing) if crossing <= last else np.inf


def in_sentence(label: str) -> str:
    """A label inside a sentence: 'Wait for VT safety assessment' -> 'wait for VT safety assessment'."""
    return label[:1].lower() + label[1:]


def describe_crossing(c: dict[str, Any], labels: dict[str, str]) -> str:
    """A crossing as one sentence, e.g. 'restructuring overtakes ... after 3.4 years (80% interval 2.1 years–never)'."""
    name, other = labels.get(c["scenario"], c["scenario"]), labels.get(c["other"], c["other"])
    what = in_sentence(SERIES[c["series"]][0])
    low, high = ("never" if not np.isfinite(y) else f"{y:.1f}" for y in (c["p10_years"], c["p90_years"]))
    interval = f"80% interval {low} years–never" if high == "never" else f"80% interval {low}–{high} years"
    if c["ahead_from_start"]:
        # The resampled replications may dip behind early on: the interval says from when it stays ahead.
        return f"{name} is ahead of {other} on {what} from the start and stays ahead (from when on: {interval})."
    if np.isfinite(c["years"]):
        return f"{name} overtakes {other} on {what} after {c['years']:.1f} years ({interval})."
    not_within = f"{name} does not overtake {other} on {what} within {c['horizon_years']:.3g} years"
    crossing_share = 1.0 - c["never_share"]
    if crossing_share == 0:
        return f"{not_within} in any resampled replication."
    share = f"{100 * crossing_share:.0f}%" if crossing_share >= 0.005 else "under 1%"
    detail = f"in {share} of resampled replications it would" + (f", {interval}" if low != "never" else "")
    return f"{not_within} ({detail})."


def check_scenarios(names: list[str]) -> None:
    """Every name must be a scenario; at least two distinct ones."""
    known = available_scenarios()
    for name in names:
        if name not in known and not Path(name).exists():
            from simulation.errors import did_you_mean

            raise SpecError(
                f"unknown scenario '{name}'.{did_you_mean(name, known)}",
                field="SCENARIO",
                value=name,
                allowed=", ".join(known),
                fix="use `samenloop scenarios` to list them",
            )
    loaded = {name: load_scenario(name) for name in names}
    if len(set(names)) < 2:
        raise SpecError(
            "a comparison needs at least two different scenarios",
            field="SCENARIO",
            value=names,
            fix="name two or more scenarios, e.g. current-practice restructuring",
        )
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise SpecError(
            "a scenario is named more than once",
            field="SCENARIO",
            value=twice,
            fix="name each scenario once",
        )
    check_display_names(loaded, field="SCENARIO")


def run_comparison(
    scenarios: list[str],
    *,
    replications: int = 10,
    settings: RunSettings | None = None,
    out: Path,
    jobs: int = 1,
    address: str | None = None,
    resume: bool = False,
    quiet: bool = False,
    baseline: str | None = None,
    first_seed: int = 1,
) -> Comparison:
    """Run (or resume) a comparison experiment and load it."""
    check_scenarios(scenarios)
    if replications < 2:
        raise SpecError(
            "a comparison needs at least 2 replications to show uncertainty",
            field="--replications",
            value=replications,
            allowed="2 or more",
            fix="use --replications 10 or more",
        )
    settings = settings or RunSettings()
    design = comparison_design(scenarios, replications, settings, first_seed)
    store = ExperimentStore(out)
    run_design(
        design,
        store,
        jobs=jobs,
        address=address,
        resume=resume,
        quiet=quiet,
        description={
            "kind": "comparison",
            "scenarios": scenarios,
            "replications": replications,
            "settings": settings.__dict__,
        },
    )
    return load_comparison(design, store, baseline or scenarios[0])


def load_comparison(design: Design, store: ExperimentStore, baseline: str) -> Comparison:
    keys = list(design.runs().index)
    runs, arrays = store.load(keys)
    return Comparison(design=design, runs=runs, arrays=arrays, baseline=baseline)
