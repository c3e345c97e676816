"""Figures for reports: titled, with units on the axes and uncertainty bands (matplotlib, Agg)."""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from simulation.dashboard import i18n
from simulation.enums import OrgKind
from simulation.experiments.outcomes import SERIES, WAIT_SERVICES

COLOURS = ["#1b5e8a", "#c2571a", "#2e8b57", "#7b4fa1", "#8c6d1f", "#b8336a"]
BAND_80, BAND_95 = 0.28, 0.12


def to_data_uri(figure: Figure) -> str:
    """PNG of a figure as a data URI (for self-contained HTML)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _shade_phases(ax: plt.Axes, milestones: Sequence[tuple[str, float]]) -> None:
    for i, (name, year) in enumerate(milestones):
        ax.axvline(year, color="#999", lw=0.8, ls=":")
        ax.text(
            year,
            1.0,
            f" {name}",
            transform=ax.get_xaxis_transform(),
            fontsize=7,
            color="#666",
            va="top",
            rotation=90 if i else 0,
        )


def time_series(
    bands: pd.DataFrame, series: list[str], labels: dict[str, str], milestones: Sequence[tuple[str, float]] = ()
) -> Figure:
    """Small multiples: median with 80% and 95% bands per scenario, over the policy years."""
    n = len(series)
    cols = 2
    rows = (n + cols - 1) // cols
    figure, axes = plt.subplots(rows, cols, figsize=(11, 3.0 * rows), squeeze=False)
    for ax, name in zip(axes.flat, series, strict=False):
        label, unit, better = SERIES[name]
        part = bands[bands["series"] == name]
        _bands(ax, part, COLOURS, labels)
        _shade_phases(ax, milestones)
        ax.set_title(f"{label} ({better} is better)", fontsize=10)
        ax.set_xlabel("years since the policy start")
        ax.set_ylabel(unit)
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    axes.flat[0].legend(fontsize=8, loc="best")
    figure.suptitle("Time paths: median, 80% and 95% intervals over replications", fontsize=11)
    figure.tight_layout()
    return figure


def _bands(ax: plt.Axes, part: pd.DataFrame, colours: Sequence[str], labels: dict[str, str]) -> None:
    """One median line with 80% and 95% bands per scenario, over the years."""
    for colour, (scenario, rows) in zip(colours, part.groupby("scenario", sort=False), strict=False):
        rows = rows.sort_values("year")
        ax.fill_between(rows["year"], rows["p2_5"], rows["p97_5"], color=colour, alpha=BAND_95, lw=0)
        ax.fill_between(rows["year"], rows["p10"], rows["p90"], color=colour, alpha=BAND_80, lw=0)
        ax.plot(rows["year"], rows["median"], color=colour, lw=1.6, label=labels.get(scenario, scenario))


def differences_over_time(
    diffs: pd.DataFrame,
    series: list[str],
    labels: dict[str, str],
    baseline: str,
    milestones: Sequence[tuple[str, float]] = (),
) -> Figure:
    """Paired differences against the baseline over time, with 80%/95% bands and the zero line."""
    n = len(series)
    cols = 2
    rows = (n + cols - 1) // cols
    figure, axes = plt.subplots(rows, cols, figsize=(11, 3.0 * rows), squeeze=False)
    for ax, name in zip(axes.flat, series, strict=False):
        label, unit, better = SERIES[name]
        part = diffs[diffs["series"] == name]
        _bands(ax, part, COLOURS[1:], labels)
        ax.axhline(0.0, color="black", lw=0.8)
        _shade_phases(ax, milestones)
        ax.set_title(f"{label}: difference with {labels.get(baseline, baseline)}", fontsize=10)
        ax.set_xlabel("years since the policy start")
        ax.set_ylabel(f"{unit} ({'below' if better == 'lower' else 'above'} zero is better)")
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    axes.flat[0].legend(fontsize=8, loc="best")
    figure.suptitle("Paired differences (same seeds): median, 80% and 95% intervals", fontsize=11)
    figure.tight_layout()
    return figure


def forest(
    differences: pd.DataFrame, labels: dict[str, str], metric_labels: dict[str, str], better: dict[str, str]
) -> Figure:
    """Every metric's paired difference, scaled by the baseline's spread, with 80%/95% intervals."""
    names = list(dict.fromkeys(differences["metric"]))
    scenarios = list(dict.fromkeys(differences["scenario"]))
    figure, ax = plt.subplots(figsize=(10, 0.34 * len(names) * max(len(scenarios), 1) + 1.5))
    y = 0.0
    ticks: list[float] = []
    tick_labels: list[str] = []
    for name in names:
        part = differences[differences["metric"] == name]
        bounds = part[["p2_5", "p97_5"]].to_numpy()
        finite = np.abs(bounds[np.isfinite(bounds)])  # none for a metric without values within the horizon
        scale = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
        sign = -1.0 if better[name] == "lower" else 1.0
        for colour, scenario in zip(COLOURS[1:], scenarios, strict=False):
            row = part[part["scenario"] == scenario]
            if row.empty:
                continue
            r = row.iloc[0]
            ax.plot([sign * r["p2_5"] / scale, sign * r["p97_5"] / scale], [y, y], color=colour, lw=1, alpha=0.6)
            ax.plot([sign * r["p10"] / scale, sign * r["p90"] / scale], [y, y], color=colour, lw=3.5)
            ax.plot(
                sign * r["median"] / scale,
                y,
                "o",
                color=colour,
                ms=5,
                label=labels.get(scenario, scenario) if name == names[0] else None,
            )
            y -= 1
        ticks.append(y + 1 + (len(scenarios) - 1) / 2)
        tick_labels.append(metric_labels[name] + ("" if finite.size else " (no value within the horizon)"))
        y -= 0.6
    ax.axvline(0, color="black", lw=0.8)
    ax.set_yticks(ticks, tick_labels, fontsize=8)
    ax.set_xlabel("paired difference, scaled per metric (right of zero = better than the baseline)")
    ax.set_title("All metrics over the policy period: where the intervals exclude zero", fontsize=11)
    ax.legend(fontsize=8, loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    figure.tight_layout()
    return figure


def waits_by_function(waits: dict[str, np.ndarray], labels: dict[str, str]) -> Figure:
    """Mean wait before each function starts: median and 80% interval over replications."""
    names = [i18n.service(s, "en") for s in WAIT_SERVICES]
    figure, ax = plt.subplots(figsize=(11, 4.2))
    width = 0.8 / max(len(waits), 1)
    x = np.arange(len(names))
    for i, (colour, (scenario, values)) in enumerate(zip(COLOURS, waits.items(), strict=False)):
        median, lo, hi = _bands_over_replications(values)
        ax.bar(x + i * width, median, width, color=colour, label=labels.get(scenario, scenario))
        ax.errorbar(x + i * width, median, yerr=[median - lo, hi - median], fmt="none", ecolor="black", lw=0.8)
    ax.set_xticks(x + width * (len(waits) - 1) / 2, names, rotation=35, ha="right", fontsize=8)
    ax.set_ylabel("days")
    ax.set_title("Waiting before work starts, per function (median, 80% interval)", fontsize=11)
    ax.legend(fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    return figure


def _bands_over_replications(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Median, 10% and 90% quantiles per column over the replications (rows), ignoring missing
    values; a column without any value (a function that started no work within a short horizon,
    such as monitoring contacts) stays missing, without a warning."""
    values = np.asarray(values, dtype=float)
    median, lo, hi = (np.full(values.shape[1], np.nan) for _ in range(3))
    seen = np.isfinite(values).any(axis=0)
    median[seen] = np.nanmedian(values[:, seen], axis=0)
    lo[seen], hi[seen] = np.nanquantile(values[:, seen], [0.1, 0.9], axis=0)
    return median, lo, hi


def scalar_intervals(summary: pd.DataFrame, metric: str, label: str, unit: str, labels: dict[str, str]) -> Figure:
    """One metric per scenario: median with 80% and 95% intervals."""
    part = summary[summary["metric"] == metric]
    figure, ax = plt.subplots(figsize=(6, 0.6 * len(part) + 1.2))
    for i, (colour, (_, row)) in enumerate(zip(COLOURS, part.iterrows(), strict=False)):
        ax.plot([row["p2_5"], row["p97_5"]], [i, i], color=colour, lw=1)
        ax.plot([row["p10"], row["p90"]], [i, i], color=colour, lw=4)
        ax.plot(row["median"], i, "o", color=colour)
    ax.set_yticks(range(len(part)), [labels.get(s, s) for s in part["scenario"]])
    ax.set_xlabel(unit)
    ax.set_title(label, fontsize=11)
    ax.grid(axis="x", alpha=0.3)
    figure.tight_layout()
    return figure


def network(volumes: np.ndarray, title: str) -> Figure:
    """The organisation network with handoff volumes per year as edge widths (fixed, seeded layout)."""
    kinds = list(OrgKind)
    graph = nx.DiGraph()
    outside = "signals"
    for s in range(volumes.shape[0]):
        for r in range(volumes.shape[1]):
            if volumes[s, r] > 0.5:
                source = outside if s == len(kinds) else kinds[s].label
                graph.add_edge(source, kinds[r].label, weight=float(volumes[s, r]))
    figure, ax = plt.subplots(figsize=(7.5, 6))
    if graph.number_of_edges() == 0:
        ax.text(0.5, 0.5, "no handoffs", ha="center")
        ax.axis("off")
        return figure
    layout = nx.spring_layout(graph, seed=7, k=1.4)
    widths = np.array([d["weight"] for *_, d in graph.edges(data=True)])
    nx.draw_networkx_nodes(graph, layout, node_color="#dce8f2", edgecolors="#1b5e8a", node_size=1600, ax=ax)
    nx.draw_networkx_labels(graph, layout, font_size=7, ax=ax)
    nx.draw_networkx_edges(
        graph,
        layout,
        width=0.5 + 7 * widths / widths.max(),
        edge_color="#c2571a",
        alpha=0.7,
        arrowsize=12,
        connectionstyle="arc3,rad=0.08",
        node_size=1600,
        ax=ax,
    )
    ax.set_title(f"{title}\nedge width: handoffs per year (max {widths.max():,.0f})", fontsize=10)
    ax.axis("off")
    figure.tight_layout()
    return figure
