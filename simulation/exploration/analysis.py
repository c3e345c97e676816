"""Analysis of an exploration: global sensitivity, feature scoring, scenario discovery (PRIM), break-even.

All methods come from the EMA Workbench and SALib; this module only arranges the data. Outcomes
are averaged over the replications of each (sample, scenario); questions and break-even use the
paired difference between two scenarios for the same sample and seeds (common random numbers).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from simulation import metrics
from simulation.experiments.design import Design
from simulation.experiments.ema import get_SALib_problem
from simulation.exploration.spec import BreakEven, ExploreSpec, Question


@dataclass
class Exploration:
    """Runs of an exploration and their analyses."""

    spec: ExploreSpec
    design: Design
    runs: pd.DataFrame
    sensitivity: dict[str, pd.DataFrame] = field(default_factory=dict)
    feature_scores: pd.DataFrame = field(default_factory=pd.DataFrame)
    discoveries: list[dict[str, Any]] = field(default_factory=list)
    break_evens: list[dict[str, Any]] = field(default_factory=list)

    @property
    def x(self) -> pd.DataFrame:
        """Uncertainty values per sample, columns named by parameter path."""
        return self.design.samples.rename(columns={u.name: u.path for u in self.design.uncertainties})

    def outcome(self, metric: str, scenario: str, final_year: bool = False) -> pd.Series:
        """Mean over replications per sample, for one scenario."""
        column = f"final_year__{metric}" if final_year else metric
        runs = self.runs[self.runs["scenario"] == scenario]
        return runs.groupby("sample")[column].mean().reindex(self.design.samples.index)

    def advantage(self, metric: str, scenario: str, than: str, final_year: bool = False) -> pd.Series:
        """How much better `scenario` does than `than` per sample (positive = better, metric units)."""
        sign = -1.0 if metrics.METRICS[metric].better == "lower" else 1.0
        column = f"final_year__{metric}" if final_year else metric
        wide = self.runs.pivot_table(index=["sample", "seed"], columns="scenario", values=column, dropna=False)
        paired = sign * (wide[scenario] - wide[than])
        return paired.groupby("sample").mean().reindex(self.design.samples.index)


def sensitivity(exploration: Exploration) -> dict[str, pd.DataFrame]:
    """Sobol indices (Sobol designs) or Morris elementary effects (Morris designs), per outcome and scenario."""
    spec = exploration.spec
    if spec.sampler not in ("sobol", "morris"):
        return {}
    from SALib.analyze import morris, sobol

    from simulation.experiments.ema import RealParameter

    parameters = [RealParameter(u.name, u.low, u.high) for u in exploration.design.uncertainties]
    problem = get_SALib_problem(parameters)
    x = exploration.design.samples.to_numpy(dtype=float)
    tables = {}
    for metric in spec.outcomes:
        rows = []
        for scenario in spec.scenarios:
            y = exploration.outcome(metric, scenario).to_numpy(dtype=float)
            if not np.isfinite(y).any() or np.nanmax(y) == np.nanmin(y):
                continue  # nothing varies: no sensitivity to decompose
            if not np.isfinite(y).all():
                y = np.where(np.isfinite(y), y, np.nanmean(y))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                if spec.sampler == "sobol":
                    result = sobol.analyze(problem, y, calc_second_order=False, seed=spec.seed)
                    frame = pd.DataFrame(
                        {
                            "S1": result["S1"],
                            "S1_conf": result["S1_conf"],
                            "ST": result["ST"],
                            "ST_conf": result["ST_conf"],
                        }
                    )
                else:
                    result = morris.analyze(problem, x, y, num_levels=4, seed=spec.seed)
                    frame = pd.DataFrame(
                        {"mu_star": result["mu_star"], "mu_star_conf": result["mu_star_conf"], "sigma": result["sigma"]}
                    )
            frame.insert(0, "parameter", [u.path for u in exploration.design.uncertainties])
            frame.insert(0, "scenario", scenario)
            rows.append(frame)
        if rows:
            tables[metric] = pd.concat(rows, ignore_index=True)
    return tables


def feature_scores(exploration: Exploration) -> pd.DataFrame:
    """Extra-trees feature scores of every outcome (per scenario) and every question."""
    from ema_workbench.analysis.feature_scoring import get_ex_feature_scores
    from ema_workbench.analysis.scenario_discovery_util import RuleInductionType

    x = exploration.x
    # EMA's default, a third of the inputs, rounds to zero below two uncertainties.
    max_features = max(1, round(x.shape[1] / 3))
    columns = {}
    for metric in exploration.spec.outcomes:
        for scenario in exploration.spec.scenarios:
            y = exploration.outcome(metric, scenario).to_numpy(dtype=float)
            if np.isfinite(y).sum() < 4 or np.nanmax(y) == np.nanmin(y):
                continue  # nothing varies (np.nanstd of equal values need not be 0): nothing to score
            ok = np.isfinite(y)
            scores, _ = get_ex_feature_scores(
                x[ok], y[ok], mode=RuleInductionType.REGRESSION, max_features=max_features, random_state=1
            )
            columns[f"{metric} ({scenario})"] = scores.iloc[:, 0]
    for question in exploration.spec.questions:
        y = _question_outcome(exploration, question)
        if 0 < y.sum() < len(y):
            scores, _ = get_ex_feature_scores(
                x, y.astype(int), mode=RuleInductionType.CLASSIFICATION, max_features=max_features, random_state=1
            )
            columns[f"question: {question.name}"] = scores.iloc[:, 0]
    return pd.DataFrame(columns)


def _question_outcome(exploration: Exploration, question: Question) -> np.ndarray:
    advantage = exploration.advantage(question.metric, question.scenario, question.than, question.final_year)
    return (advantage.to_numpy(dtype=float) > question.margin) & np.isfinite(advantage.to_numpy(dtype=float))


def discover(exploration: Exploration, question: Question, min_density: float = 0.8) -> dict[str, Any]:
    """PRIM: which combination of assumptions makes the answer 'yes'? (coverage and density of the box)."""
    from ema_workbench.analysis import prim

    y = _question_outcome(exploration, question)
    result: dict[str, Any] = {"question": question, "share_true": float(y.mean()), "n": int(y.size)}
    measured = exploration.advantage(question.metric, question.scenario, question.than, question.final_year)
    if measured.isna().all():
        result["box"] = None
        result["note"] = (
            "the metric cannot be measured with this horizon (e.g. an 18-month follow-up needs longer runs)"
        )
        return result
    if y.sum() == 0 or y.sum() == y.size:
        result["box"] = None
        result["note"] = (
            "the answer is "
            + ("never" if y.sum() == 0 else "always")
            + " yes within the explored ranges: no box to find"
        )
        return result
    x = exploration.x
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        finder = prim.Prim(x, y, peel_alpha=0.1, mass_min=0.05)
        box = finder.find_box()
    trajectory = box.peeling_trajectory.copy()
    dense = trajectory[trajectory["density"] >= min_density]
    index = int(dense["coverage"].idxmax()) if not dense.empty else int(trajectory.index[-1])
    box.select(index)
    limits = box.box_lims[index].copy()
    restricted = [
        c
        for c in limits.columns
        if not np.isclose(limits[c].iloc[0], x[c].min()) or not np.isclose(limits[c].iloc[1], x[c].max())
    ]
    result.update(
        {
            "box": index,
            "coverage": float(trajectory.loc[index, "coverage"]),
            "density": float(trajectory.loc[index, "density"]),
            "mass": float(trajectory.loc[index, "mass"]),
            "limits": [
                {
                    "parameter": c,
                    "low": float(limits[c].iloc[0]),
                    "high": float(limits[c].iloc[1]),
                    "range_low": float(x[c].min()),
                    "range_high": float(x[c].max()),
                }
                for c in restricted
            ],
            "trajectory": trajectory[["coverage", "density", "mass", "res_dim"]],
        }
    )
    return result


def break_even(exploration: Exploration, item: BreakEven, bootstrap: int = 400) -> dict[str, Any]:
    """Where the advantage of `scenario` over `than` crosses zero as `parameter` varies (linear fit, bootstrap)."""
    x = exploration.x[item.parameter].to_numpy(dtype=float)
    d = exploration.advantage(item.metric, item.scenario, item.than).to_numpy(dtype=float)
    ok = np.isfinite(x) & np.isfinite(d)
    x, d = x[ok], d[ok]
    low, high = (float(x.min()), float(x.max())) if x.size else (float("nan"), float("nan"))
    if x.size < 3 or low == high:  # too few samples, or the parameter never varied: no line to fit
        nan = float("nan")
        return {
            "note": (
                f"the advantage has a value in only {x.size} samples (a metric such as an 18-month "
                "follow-up needs a longer horizon)"
                if x.size < 3
                else f"{item.parameter} takes a single value in the samples"
            ),
            "item": item,
            "x": x,
            "advantage": d,
            "break_even": nan,
            "p10": nan,
            "p90": nan,
            "inside_range": False,
            "range": (low, high),
            "slope": nan,
        }
    rng = np.random.default_rng(exploration.spec.seed)

    def crossing(xs: np.ndarray, ds: np.ndarray) -> float:
        if xs.min() == xs.max():  # a resample of one value of the parameter has no slope
            return np.nan
        slope, intercept = np.polyfit(xs, ds, 1)
        return -intercept / slope if slope != 0 else np.nan

    point = crossing(x, d)
    draws = []
    for _ in range(bootstrap):
        pick = rng.integers(0, x.size, x.size)
        draws.append(crossing(x[pick], d[pick]))
    draws_array = np.asarray(draws, dtype=float)
    finite = draws_array[np.isfinite(draws_array)]
    inside = np.isfinite(point) and low <= point <= high
    return {
        "item": item,
        "x": x,
        "advantage": d,
        "break_even": float(point),
        "p10": float(np.quantile(finite, 0.1)) if finite.size else float("nan"),
        "p90": float(np.quantile(finite, 0.9)) if finite.size else float("nan"),
        "inside_range": bool(inside),
        "range": (low, high),
        "slope": float(np.polyfit(x, d, 1)[0]),
    }


def analyse(exploration: Exploration) -> Exploration:
    """Run every analysis the spec asks for."""
    exploration.sensitivity = sensitivity(exploration)
    exploration.feature_scores = feature_scores(exploration)
    exploration.discoveries = [discover(exploration, q) for q in exploration.spec.questions]
    exploration.break_evens = [break_even(exploration, b) for b in exploration.spec.break_even]
    return exploration
