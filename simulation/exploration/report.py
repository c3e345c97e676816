"""HTML report of an exploration (same style as the comparison report) and its tidy data."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from jinja2 import Environment, StrictUndefined

from simulation import metrics, plots
from simulation.exploration.analysis import Exploration
from simulation.files import write_text_atomic
from simulation.parameters.registry import parameter_lookup
from simulation.provenance import provenance
from simulation.scenario_files import load_scenario


def _scores_figure(exploration: Exploration) -> Any:
    scores = exploration.feature_scores
    top = scores.max(axis=1).sort_values(ascending=False).index[:15]
    data = scores.loc[top]
    label_width_in = 0.07 * max(len(name) for name in top)  # parameter paths at 8 pt
    label_height_in = 0.045 * max(len(str(name)) for name in data.columns)  # outcome names at 8 pt, turned 40°
    figure, ax = plt.subplots(
        figsize=(min(2 + label_width_in + 0.9 * data.shape[1], 18), 0.4 * len(top) + 1.5 + label_height_in)
    )
    image = ax.imshow(data.to_numpy(), cmap="viridis", aspect="auto")
    ax.set_yticks(range(len(top)), top, fontsize=8)
    ax.set_xticks(range(data.shape[1]), data.columns, rotation=40, ha="right", fontsize=8)
    figure.colorbar(image, ax=ax, label="feature score (extra trees)")
    ax.set_title("Which assumptions drive which outcome (top 15 parameters)", fontsize=11)
    figure.tight_layout()
    return figure


def _break_even_figure(result: dict[str, Any], labels: dict[str, str]) -> Any:
    item = result["item"]
    m = metrics.METRICS[item.metric]
    figure, ax = plt.subplots(figsize=(7.5, 4.2))
    ax.scatter(result["x"], result["advantage"], s=12, alpha=0.6, color="#1b5e8a", label="samples")
    order = np.argsort(result["x"])
    slope, intercept = np.polyfit(result["x"], result["advantage"], 1)
    ax.plot(result["x"][order], slope * result["x"][order] + intercept, color="#c2571a", label="linear fit")
    ax.axhline(0, color="black", lw=0.8)
    if result["inside_range"]:
        ax.axvline(result["break_even"], color="#c2571a", ls="--")
        ax.axvspan(result["p10"], result["p90"], color="#c2571a", alpha=0.12, label="80% interval")
    ax.set_xlabel(item.parameter)
    ax.set_ylabel(f"advantage in {m.unit} (above zero: {labels[item.scenario]} better)")
    ax.set_title(f"Break-even: {m.label}, {labels[item.scenario]} vs {labels[item.than]}", fontsize=10)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    figure.tight_layout()
    return figure


def _trajectory_figure(result: dict[str, Any]) -> Any:
    trajectory = result["trajectory"]
    figure, ax = plt.subplots(figsize=(5.5, 4))
    points = ax.scatter(trajectory["coverage"], trajectory["density"], c=trajectory["res_dim"], cmap="viridis")
    ax.plot(result["coverage"], result["density"], "o", ms=12, mfc="none", mec="#c2571a", label="chosen box")
    figure.colorbar(points, ax=ax, label="restricted dimensions")
    ax.set_xlabel("coverage")
    ax.set_ylabel("density")
    ax.set_title(f"PRIM peeling trajectory: {result['question'].name}", fontsize=10)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    figure.tight_layout()
    return figure


def write_exploration_report(exploration: Exploration, out: Path, command: str = "") -> Path:
    """Write `report.html` and the tidy data for an exploration into `out`."""
    out = Path(out)
    labels = {s: load_scenario(s).display_name for s in exploration.spec.scenarios}
    lookup = parameter_lookup()
    data_files = []
    exploration.runs.reset_index().to_parquet(out / "runs.parquet", index=False)
    exploration.runs.reset_index().to_csv(out / "runs.csv", index=False)
    exploration.x.to_csv(out / "samples.csv")
    data_files += ["runs.parquet", "runs.csv", "samples.csv"]
    if not exploration.feature_scores.empty:
        exploration.feature_scores.to_csv(out / "feature_scores.csv")
        data_files.append("feature_scores.csv")
    sensitivity_tables = []
    for metric, table in exploration.sensitivity.items():
        table.to_csv(out / f"sensitivity_{metric}.csv", index=False)
        data_files.append(f"sensitivity_{metric}.csv")
        key = "ST" if "ST" in table else "mu_star"
        top = table.sort_values(key, ascending=False).groupby("scenario").head(8)
        sensitivity_tables.append(
            {
                "metric": metrics.METRICS[metric].label,
                "key": key,
                "rows": top.to_dict("records"),
                "columns": list(top.columns),
            }
        )
    figures = []
    if not exploration.feature_scores.empty:
        figures.append({"title": "Feature scores", "uri": plots.to_data_uri(_scores_figure(exploration))})
    discoveries = []
    for result in exploration.discoveries:
        q = result["question"]
        entry = {
            "name": q.name,
            "text": f"{labels[q.scenario]} beats {labels[q.than]} on "
            f"{metrics.METRICS[q.metric].label.lower()}{' in the final year' if q.final_year else ''}"
            f"{f' by more than {q.margin:g}' if q.margin else ''}",
            "share": f"{100 * result['share_true']:.0f}% of {result['n']} samples",
            "note": result.get("note", ""),
        }
        if result.get("box") is not None:
            entry.update(
                coverage=f"{result['coverage']:.2f}", density=f"{result['density']:.2f}", limits=result["limits"]
            )
            figures.append(
                {"title": f"Scenario discovery: {q.name}", "uri": plots.to_data_uri(_trajectory_figure(result))}
            )
        discoveries.append(entry)
    break_evens = []
    for result in exploration.break_evens:
        item = result["item"]
        if "note" in result:
            text = (
                f"No break-even for {item.parameter} on {metrics.METRICS[item.metric].label.lower()}: {result['note']}."
            )
        elif result["inside_range"]:
            text = (
                f"{labels[item.scenario]} matches {labels[item.than]} on {metrics.METRICS[item.metric].label.lower()} "
                f"when {item.parameter} = {result['break_even']:.3g} (80% interval {result['p10']:.3g} to "
                f"{result['p90']:.3g}); {'above' if result['slope'] > 0 else 'below'} it, it does better."
            )
        else:
            text = (
                f"No break-even for {item.parameter} within the explored range {result['range'][0]:.3g} to "
                f"{result['range'][1]:.3g}: the advantage of {labels[item.scenario]} does not change sign there "
                f"(fitted crossing {result['break_even']:.3g})."
            )
        break_evens.append(text)
        if "note" in result:
            continue
        figures.append(
            {"title": f"Break-even: {item.parameter}", "uri": plots.to_data_uri(_break_even_figure(result, labels))}
        )
    uncertainties = [
        {
            "path": u.path,
            "low": f"{u.low:g}",
            "high": f"{u.high:g}",
            "unit": lookup[u.path].unit,
            "source": lookup[u.path].source,
            "doc": lookup[u.path].doc,
        }
        for u in exploration.design.uncertainties
    ]
    meta = provenance(design_fingerprint=exploration.design.fingerprint(), command=command)
    environment = Environment(autoescape=True, undefined=StrictUndefined)
    template = environment.from_string(files("simulation").joinpath("templates/exploration.html.j2").read_text())
    css = files("simulation").joinpath("templates/report.css").read_text()
    spec = exploration.spec
    html = template.render(
        sensitivity_note=_sensitivity_note(exploration),
        title=f"Exploration: {spec.name}",
        css=css,
        spec=spec,
        labels=labels,
        runs=len(exploration.runs),
        n_samples=len(exploration.design.samples),
        uncertainties=uncertainties,
        discoveries=discoveries,
        break_evens=break_evens,
        sensitivity=sensitivity_tables,
        figures=figures,
        provenance=meta,
        data_files=data_files,
    )
    return write_text_atomic(out / "report.html", html)


def _sensitivity_note(exploration: Exploration) -> str:
    """Why the report shows no Sobol or Morris table."""
    sampler = exploration.spec.sampler
    if sampler in ("sobol", "morris"):
        return "No outcome varied across the samples: there is no sensitivity to decompose."
    scored = (
        "with feature scores (figure below)"
        if not exploration.feature_scores.empty
        else "with feature scores, which need four samples in which an outcome varies; this exploration has none"
    )
    return (
        f"Sobol and Morris indices need a Sobol or Morris design; this {sampler.upper()} design is analysed {scored}."
    )
