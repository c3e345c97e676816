"""Self-contained HTML report of a comparison (figures embedded), plus tidy data files beside it."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from jinja2 import Environment, StrictUndefined

from simulation import metrics, plots
from simulation.appraisal import assessment_table, chance_note, group_verdicts
from simulation.compare import Comparison, describe_crossing, in_sentence
from simulation.experiments.design import RunSettings
from simulation.experiments.outcomes import SERIES
from simulation.files import write_text_atomic
from simulation.parameters import registry
from simulation.parameters.restructuring import RestructuringParams
from simulation.provenance import provenance
from simulation.restructuring import DAYS_PER_YEAR, Restructuring
from simulation.scale import scale_preset
from simulation.scenario_files import load_scenario

KEY_SERIES = [
    "repeat_violence_12m",
    "serious_incidents",
    "stable_share",
    "professionals_per_family",
    "handoffs_per_family",
    "facts_lost_per_family",
    "triage_wait_days",
    "supervision_waiting",
    "staff",
    "attrition",
    "cost_eur",
    "hours",
]
CROSSING_SERIES = ["repeat_violence_12m", "serious_incidents", "professionals_per_family", "triage_wait_days"]
DIP_SERIES = ["triage_wait_days", "professionals_per_family", "serious_incidents", "attrition"]


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _write_data(comparison: Comparison, out: Path) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    tables = {
        "runs": comparison.runs.reset_index(),
        "summary": comparison.summary(),
        "summary_final_year": comparison.summary("final_year__"),
        "differences": comparison.differences(),
        "differences_final_year": comparison.differences("final_year__"),
        "monthly": comparison.monthly(),
        "monthly_bands": comparison.monthly_bands(),
        "monthly_differences": comparison.monthly_differences(),
    }
    names = []
    for name, frame in tables.items():
        frame.to_parquet(out / f"{name}.parquet", index=False)
        frame.to_csv(out / f"{name}.csv", index=False)
        names += [f"{name}.parquet", f"{name}.csv"]
    return names


def _milestones(comparison: Comparison) -> list[tuple[str, float]]:
    for name in comparison.scenarios:
        params = load_scenario(name).restructuring
        if params.enabled:
            timeline = Restructuring(params, 0.0, 1, national=False)
            return [
                (n, t / DAYS_PER_YEAR)
                for n, t in timeline.milestones()
                if 0 < t / DAYS_PER_YEAR < comparison.design.settings.years
            ]
    return []


def roadmap(params: RestructuringParams, settings: RunSettings, label: str) -> tuple[str, str | None]:
    """A restructuring scenario's cell in the table of scenarios (when its regions convert and its
    transition is over, in policy years at the comparison's scale), and a caveat when the
    transition is not over before the horizon: the years after it are then not compared."""
    if not params.enabled:
        return "no", None
    preset = scale_preset(settings.scale)
    timeline = Restructuring(params, 0.0, preset.n_regions, national=preset.n_regions > 1)
    first = float(timeline.conversion_day.min()) / DAYS_PER_YEAR
    last = float(timeline.conversion_day.max()) / DAYS_PER_YEAR
    over = timeline.end / DAYS_PER_YEAR
    converts = (
        f"pilot regions convert in year {first:.1f}, the others in year {last:.1f}"
        if first < last
        else f"{'the regions convert' if preset.n_regions > 1 else 'the region converts'} in year {first:.1f}"
    )
    cell = f"yes, integration {params.integration_degree:g}: {converts}; the transition is over in year {over:.1f}"
    at_horizon = abs(over - settings.years) < 1e-6
    if over < settings.years and not at_horizon:
        return cell, None
    horizon = f"the end of this comparison ({settings.years:g} policy year{'' if settings.years == 1 else 's'})"
    if first >= settings.years:
        what = f"no region converts before {horizon}: only the announcement before a conversion is compared"
    else:
        what = (
            f"the transition is over only in year {over:.1f}, {'at' if at_horizon else 'after'} {horizon}. "
            "The years without the dip are not compared"
        )
    return cell, f"{label}: {what}. Run with --years {np.ceil(over + 3.0):g} or more to see the years after it."


def horizon_caveats(comparison: Comparison, labels: dict[str, str]) -> list[str]:
    """The caveats of `roadmap` for the comparison's restructuring scenarios."""
    settings = comparison.design.settings
    caveats = [roadmap(load_scenario(name).restructuring, settings, labels[name])[1] for name in comparison.scenarios]
    return [c for c in caveats if c]


def _dips(comparison: Comparison, diffs: pd.DataFrame, labels: dict[str, str]) -> list[str]:
    sentences = []
    for scenario in comparison.scenarios:
        if scenario == comparison.baseline or not load_scenario(scenario).restructuring.enabled:
            continue
        for series in DIP_SERIES:
            label, unit, better = SERIES[series]
            part = diffs[(diffs["series"] == series) & (diffs["scenario"] == scenario)].dropna(subset=["median"])
            if part.empty:
                continue
            worst = part.loc[part["median"].idxmax() if better == "lower" else part["median"].idxmin()]
            worse = worst["median"] > 0 if better == "lower" else worst["median"] < 0
            if not worse:
                continue
            noise = ", within the noise: the interval includes zero" if worst["p10"] <= 0 <= worst["p90"] else ""
            sentences.append(
                f"{labels[scenario]}: {in_sentence(label)} is at worst {abs(worst['median']):.3g} {unit} "
                f"{'higher' if better == 'lower' else 'lower'} than {labels[comparison.baseline]} "
                f"(80% interval of the difference {worst['p10']:.3g} to {worst['p90']:.3g}), "
                f"around year {worst['year']:.1f}{noise}."
            )
    return sentences


def _assumption_tables(comparison: Comparison, labels: dict[str, str]) -> tuple[list[dict], list[dict], list[dict]]:
    per_scenario = {name: {r.path: r for r in registry(load_scenario(name))} for name in comparison.scenarios}
    base = per_scenario[comparison.baseline]
    differing = []
    for path, row in base.items():
        values = [per_scenario[s][path].value for s in comparison.scenarios]
        if len({json.dumps(v) for v in values}) > 1:
            differing.append(
                {
                    "path": path,
                    "values": [_fmt(v) for v in values],
                    "unit": row.unit,
                    "source": row.source,
                    "doc": row.doc,
                }
            )
    assumptions = [
        {
            "path": r.path,
            "value": _fmt(r.value),
            "unit": r.unit,
            "doc": r.doc,
            "plausible": f"{_fmt(r.plausible_low)}–{_fmt(r.plausible_high)}",
        }
        for r in base.values()
        if r.is_assumption
    ]
    sourced = [
        {"path": r.path, "value": _fmt(r.value), "unit": r.unit, "source": r.source}
        for r in base.values()
        if not r.is_assumption
    ]
    del labels
    return differing, assumptions, sourced


def write_comparison_report(comparison: Comparison, out: Path, command: str = "") -> Path:
    """Write `report.html` and the tidy data into `out`; returns the report path."""
    out = Path(out)
    data_files = _write_data(comparison, out)
    labels = {name: load_scenario(name).display_name for name in comparison.scenarios}
    summary = comparison.summary()
    differences = comparison.differences()
    bands = comparison.monthly_bands()
    diffs = comparison.monthly_differences()
    rows = assessment_table(comparison, labels)
    verdicts = [*group_verdicts(rows, comparison, labels), chance_note(rows, comparison)]
    others = [s for s in comparison.scenarios if s != comparison.baseline]
    crossings = []
    for i, a in enumerate(others):
        for b in [*others[i + 1 :], comparison.baseline]:
            for series in CROSSING_SERIES:
                crossings.append(describe_crossing(comparison.crossing(series, a, b), labels))
                if b != comparison.baseline:
                    crossings.append(describe_crossing(comparison.crossing(series, b, a), labels))
    milestones = _milestones(comparison)
    metric_labels = {n: m.label for n, m in metrics.METRICS.items()}
    better = {n: m.better for n, m in metrics.METRICS.items()}
    figures = [
        {
            "title": "Every measure: paired differences with the baseline",
            "caption": "Thick bar: 80% interval; thin line: 95% interval; dot: median. Right of zero is better.",
            "uri": plots.to_data_uri(plots.forest(differences, labels, metric_labels, better)),
        },
        {
            "title": "Time paths",
            "caption": "Dotted lines mark the restructuring roadmap where it applies.",
            "uri": plots.to_data_uri(plots.time_series(bands, KEY_SERIES, labels, milestones)),
        },
        {
            "title": f"Differences with {labels[comparison.baseline]} over time",
            "caption": "",
            "uri": plots.to_data_uri(
                plots.differences_over_time(diffs, KEY_SERIES, labels, comparison.baseline, milestones)
            ),
        },
        {
            "title": "Waiting per function",
            "caption": "",
            "uri": plots.to_data_uri(
                plots.waits_by_function(
                    {
                        s: comparison.arrays["waits_by_service"][(comparison.runs["scenario"] == s).to_numpy()]
                        for s in comparison.scenarios
                    },
                    labels,
                )
            ),
        },
        {
            "title": "Professionals per family",
            "caption": (
                "Per family in the chain over the policy period (families reported early enough to follow their "
                "work for a year)."
            ),
            "uri": plots.to_data_uri(
                plots.scalar_intervals(
                    summary, "professionals_per_family", "Professionals per family", "professionals", labels
                )
            ),
        },
    ]
    for scenario in comparison.scenarios:
        volumes = np.median(
            comparison.arrays["handoff_volumes"][(comparison.runs["scenario"] == scenario).to_numpy()], axis=0
        )
        figures.append(
            {
                "title": f"Organisation network: {labels[scenario]}",
                "caption": "Median over replications.",
                "uri": plots.to_data_uri(plots.network(volumes, labels[scenario])),
            }
        )
    differing, assumptions, sourced = _assumption_tables(comparison, labels)
    meta = provenance(design_fingerprint=comparison.design.fingerprint(), command=command)
    scenarios = []
    for name in comparison.scenarios:
        s = load_scenario(name)
        scenarios.append(
            {
                "name": name,
                "label": labels[name],
                "description": s.description,
                "mechanisms": ", ".join(s.mechanisms.enabled_names()) or "–",
                "restructuring": roadmap(s.restructuring, comparison.design.settings, labels[name])[0],
                "baseline": name == comparison.baseline,
            }
        )
    environment = Environment(autoescape=True, undefined=StrictUndefined)
    template = environment.from_string(files("simulation").joinpath("templates/comparison.html.j2").read_text())
    css = files("simulation").joinpath("templates/report.css").read_text()
    html = template.render(
        title="Scenario comparison: " + " · ".join(labels[s] for s in comparison.scenarios),
        css=css,
        meta=meta,
        settings=comparison.design.settings,
        replications=len(comparison.design.seeds),
        seeds=", ".join(map(str, comparison.design.seeds)),
        scenarios=scenarios,
        horizon_caveats=horizon_caveats(comparison, labels),
        verdicts=verdicts,
        crossings=crossings,
        dips=_dips(comparison, diffs, labels),
        rows=rows,
        baseline_label=labels[comparison.baseline],
        figures=figures,
        differing=differing,
        assumptions=assumptions,
        sourced=sourced,
        provenance=meta,
        data_files=data_files,
    )
    return write_text_atomic(out / "report.html", html)
