"""The assessment table: scenario against scenario on the reform's principles, safety, flow,
workforce and cost, each row read in plain language with its uncertainty.

A row says "clearly better" or "clearly worse" only when the 80% interval of the paired
difference lies entirely on one side of zero, over at least `MIN_REPLICATIONS_FOR_A_CLAIM`
replications; otherwise it says there is no clear difference, or that there are too few
replications to tell. A group verdict names a scenario only when it is clearly better on some
metric of the group and clearly worse on none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd

from simulation import metrics
from simulation.compare import Comparison

# With n replications and no real difference, the 80% interval of the n paired differences
# (empirical 10th to 90th percentile) misses zero by chance for 57% of metrics at n = 2, 18% at 4,
# 10% at 5, 6% at 6 and 4% at 7, whatever the distribution (it depends on signs only; simulated).
# Below 7 a table of some thirty metrics would hold several "clear" differences made by chance.
MIN_REPLICATIONS_FOR_A_CLAIM = 7
# The same chance by number of replications (400,000 simulated sets each); from 16 on it is
# below 0.15%. `chance_note` turns it into the number of rows a table may hold by chance alone.
CLEAR_BY_CHANCE = {7: 0.039, 8: 0.025, 9: 0.017, 10: 0.013, 11: 0.012, 12: 0.0069, 13: 0.0043, 14: 0.0026, 15: 0.0015}
NOT_MEASURED = "not measured in these runs"

GROUPS = [
    ("Starting points of the reform", [(key, text) for key, text in metrics.STARTING_POINTS.items()]),
    ("Beoordelingskader", [(key, f"{key} ({text})") for key, text in metrics.ASSESSMENT_PRINCIPLES.items()]),
    ("Safety", [("group:safety", "safety of families")]),
    ("Flow", [("group:flow", "waiting and time to decision")]),
    ("Workforce", [("group:workforce", "caseload, outflow and vacancies")]),
    ("Cost", [("group:cost", "professional hours and budgets")]),
]


@dataclass
class Reading:
    """The plain-language reading of one metric for one scenario against the baseline."""

    verdict: str  # "better", "worse", "unclear"
    text: str


def fmt(value: float, unit: str) -> str:
    if value != value:
        return "–"
    if "share" in unit or unit == "share":
        return f"{100 * value:.1f}%"
    if abs(value) >= 1e6:
        return f"{value / 1e6:.1f} M"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def fmt_diff(value: float, unit: str) -> str:
    if value != value:
        return "–"
    if "share" in unit:
        return f"{100 * value:+.1f} pp"
    return ("+" if value > 0 else "") + fmt(value, unit)


def read(row: pd.Series, baseline_label: str, scenario_label: str) -> Reading:
    """Reading of one row of `Comparison.differences()`."""
    m = metrics.METRICS[row["metric"]]
    sign = -1.0 if m.better == "lower" else 1.0
    lo, hi = sorted((sign * row["p10"], sign * row["p90"]))
    lo95, hi95 = sorted((sign * row["p2_5"], sign * row["p97_5"]))
    interval = f"{fmt_diff(row['p10'], m.unit)} to {fmt_diff(row['p90'], m.unit)}"
    share = f"{100 * row['better_share']:.0f}%"
    if row["replications"] == 0 or np.isnan(lo):
        return Reading("unclear", NOT_MEASURED)
    if row["replications"] < MIN_REPLICATIONS_FOR_A_CLAIM:
        return Reading(
            "unclear",
            f"too few replications to tell ({row['replications']:.0f}; a clear difference needs at least "
            f"{MIN_REPLICATIONS_FOR_A_CLAIM}): 80% interval of the difference {interval} {m.unit}, "
            f"better in {share} of replications",
        )
    if lo > 0:
        also = " (also at 95%)" if lo95 > 0 else ""
        return Reading(
            "better",
            f"{scenario_label} clearly better than {baseline_label}{also}: better in {share} of "
            f"replications; 80% interval of the difference {interval} {m.unit}",
        )
    if hi < 0:
        also = " (also at 95%)" if hi95 < 0 else ""
        return Reading(
            "worse",
            f"{scenario_label} clearly worse than {baseline_label}{also}: better in only {share} "
            f"of replications; 80% interval of the difference {interval} {m.unit}",
        )
    return Reading(
        "unclear",
        f"no clear difference: the 80% interval of the difference ({interval} {m.unit}) "
        f"includes zero; better in {share} of replications",
    )


def _metrics_for(criterion: str) -> list[str]:
    if criterion.startswith("group:"):
        group = criterion.split(":", 1)[1]
        return [name for name, m in metrics.METRICS.items() if m.group == group]
    return [name for name, m in metrics.METRICS.items() if criterion in m.principles]


def assessment_table(comparison: Comparison, labels: dict[str, str]) -> list[dict[str, object]]:
    """Rows: group, criterion, metric, per-scenario values, and readings against the baseline."""
    summary = comparison.summary().set_index(["metric", "scenario"])
    differences = comparison.differences()
    base_label = labels[comparison.baseline]
    rows: list[dict[str, object]] = []
    for group, criteria in GROUPS:
        for criterion, text in criteria:
            for name in _metrics_for(criterion):
                m = metrics.METRICS[name]
                values = {
                    s: (
                        f"{fmt(summary.loc[(name, s), 'median'], m.unit)} "
                        f"[{fmt(summary.loc[(name, s), 'p10'], m.unit)}–{fmt(summary.loc[(name, s), 'p90'], m.unit)}]"
                    )
                    for s in comparison.scenarios
                }
                readings = {}
                for s in comparison.scenarios:
                    if s == comparison.baseline:
                        continue
                    readings[s] = read(_row(differences, name, s), base_label, labels[s])
                rows.append(
                    {
                        "group": group,
                        "criterion": text,
                        "metric": name,
                        "label": m.label,
                        "unit": m.unit,
                        "better": m.better,
                        "values": values,
                        "readings": readings,
                    }
                )
    return rows


def _row(differences: pd.DataFrame, metric: str, scenario: str) -> pd.Series:
    return differences[(differences["metric"] == metric) & (differences["scenario"] == scenario)].iloc[0]


def group_verdicts(rows: list[dict[str, object]], comparison: Comparison, labels: dict[str, str]) -> list[str]:
    """One sentence per group and scenario; names a scenario only when the intervals support it."""
    sentences = []
    base = labels[comparison.baseline]
    replications = len(comparison.design.seeds)
    if replications < MIN_REPLICATIONS_FOR_A_CLAIM:
        others = ", ".join(labels[s] for s in comparison.scenarios if s != comparison.baseline)
        return [
            f"Too few replications ({replications}) to call any difference between {others} and {base}: "
            f"with fewer than {MIN_REPLICATIONS_FOR_A_CLAIM}, intervals miss zero by chance too often. "
            f"Run the comparison with --replications {MIN_REPLICATIONS_FOR_A_CLAIM} or more (the demo uses 10)."
        ]
    for group, _ in GROUPS:
        group_rows = [r for r in rows if r["group"] == group]
        seen: dict[str, set[str]] = {}
        for r in group_rows:
            for s, reading in r["readings"].items():  # type: ignore[attr-defined]
                seen.setdefault(s, set())
                seen[s].add(f"{reading.verdict}:{r['metric']}")
        for s, verdicts in seen.items():
            better = sorted(v.split(":")[1] for v in verdicts if v.startswith("better"))
            worse = sorted(v.split(":")[1] for v in verdicts if v.startswith("worse"))
            name = labels[s]
            if better and not worse:
                sentences.append(
                    f"{group}: {name} is clearly better than {base} on {len(better)} of the "
                    f"{len(verdicts)} measures and clearly worse on none."
                )
            elif worse and not better:
                sentences.append(
                    f"{group}: {name} is clearly worse than {base} on {len(worse)} of the "
                    f"{len(verdicts)} measures and clearly better on none."
                )
            elif better and worse:
                sentences.append(
                    f"{group}: mixed — {name} is clearly better than {base} on {len(better)} "
                    f"measure{'s' if len(better) != 1 else ''} "
                    f"and clearly worse on {len(worse)}; no overall winner."
                )
            else:
                sentences.append(f"{group}: no clear difference between {name} and {base} on any measure.")
    return sentences


def chance_note(rows: list[dict[str, object]], comparison: Comparison) -> str:
    """How many of the table's "clearly" readings chance alone would give (empty below the minimum)."""
    n = len(comparison.design.seeds)
    if n < MIN_REPLICATIONS_FOR_A_CLAIM:
        return ""
    share = CLEAR_BY_CHANCE.get(n, CLEAR_BY_CHANCE[15])
    measured: set[tuple[object, str]] = set()  # a metric can stand under several criteria: count it once
    for row in rows:
        readings = cast(dict[str, Reading], row["readings"])
        measured |= {(row["metric"], s) for s, r in readings.items() if r.text != NOT_MEASURED}
    about = "under " if n > 15 else "about "
    return (
        f"Chance alone: with no real difference, the 80% interval over {n} replications misses zero for "
        f"{about}{100 * share:.1f}% of metrics, so about {share * len(measured):.1f} of the {len(measured)} "
        'metric readings in the table may say "clearly" by chance; those that also hold at 95% are firmer.'
    )
