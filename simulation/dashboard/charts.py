"""Vega-Lite chart specifications for the live views, built as plain dicts.

Plain dicts (no Altair objects, no schema validation) keep a refresh to about a millisecond per
chart; the browser renders them with vega-embed from the asset cache. Series are thinned to at
most `MAX_POINTS` points (the whole run stays visible) and the x axis is fixed from the start of
the warm-up to the end of the horizon, so a chart fills up from left to right while the class
watches. The warm-up is shaded grey.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
MAX_POINTS = 320
WIDTH = 430
HEIGHT = 170
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"]
RUN_COLOURS = ["#1f77b4", "#d62728"]
# Rendered as SVG (crisp on a projector, and its text and marks can be inspected by browser tests).
EMBED = {"embedOptions": {"renderer": "svg"}}
PHASE_COLOURS = ["#bdbdbd", "#e34a33", "#fdbb84", "#31a354"]  # not in view, direct, stable, recovery
HANDOFF_WAIT_COLOUR = "#756bb1"  # purple: apart from the phases' orange and the palette's


def thin(n: int, max_points: int = MAX_POINTS) -> NDArray[np.int64]:
    """Indices of at most about `max_points` evenly spaced days, always including the last."""
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    stride = max(1, math.ceil(n / max_points))
    idx = np.arange(0, n, stride)
    if idx[-1] != n - 1:
        idx = np.append(idx, n - 1)
    return idx


def _clean(value: float, digits: int) -> float | None:
    return None if not math.isfinite(value) else round(value, digits)


def wide_rows(x: NDArray[np.float64], columns: Sequence[NDArray[np.float64]], digits: int = 3) -> list[dict[str, Any]]:
    """Rows {"x": year, "s0": value, "s1": ...} for the thinned days (short keys keep the payload small)."""
    idx = thin(len(x))
    xs = np.round(x[idx], 4).tolist()
    cols = [np.asarray(values, dtype=float)[idx].tolist() for values in columns]
    return [{"x": xv, **{f"s{j}": _clean(col[i], digits) for j, col in enumerate(cols)}} for i, xv in enumerate(xs)]


def _series_transforms(labels: Sequence[str]) -> list[dict[str, Any]]:
    """Fold the short columns into (key, value) and look up each key's readable label."""
    keys = [f"s{j}" for j in range(len(labels))]
    table = [{"key": k, "series": label, "order": j} for j, (k, label) in enumerate(zip(keys, labels, strict=True))]
    return [
        {"fold": keys, "as": ["key", "value"]},
        {"lookup": "key", "from": {"data": {"values": table}, "key": "key", "fields": ["series", "order"]}},
    ]


def _warmup_layer(x_min: float) -> dict[str, Any]:
    return {
        "data": {"values": [{"x0": x_min, "x1": 0.0}]},
        "mark": {"type": "rect", "color": "#9e9e9e", "opacity": 0.18},
        "encoding": {"x": {"field": "x0", "type": "quantitative"}, "x2": {"field": "x1"}},
    }


def _marker_layer(markers: Sequence[tuple[float, str]]) -> list[dict[str, Any]]:
    if not markers:
        return []
    values = [{"x": x, "label": label} for x, label in markers]
    return [
        {
            "data": {"values": values},
            "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#555"},
            "encoding": {"x": {"field": "x", "type": "quantitative"}},
        },
        {
            "data": {"values": values},
            "mark": {
                "type": "text",
                "align": "left",
                "baseline": "top",
                "dx": 3,
                "dy": 2,
                "fontSize": 9,
                "color": "#555",
            },
            "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"value": 0}, "text": {"field": "label"}},
        },
    ]


def line_chart(
    title: str,
    x: NDArray[np.float64],
    series: Mapping[str, NDArray[np.float64]],
    *,
    x_title: str,
    y_title: str,
    x_domain: tuple[float, float],
    legend_title: str = "",
    stacked: bool = False,
    colours: Sequence[str] | None = None,
    markers: Sequence[tuple[float, str]] = (),
    digits: int = 3,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> dict[str, Any]:
    """Time series (lines, or stacked areas) against the policy year, with the warm-up shaded."""
    labels = list(series)
    colours = list(colours or PALETTE)[: len(labels)]
    x_enc = {
        "field": "x",
        "type": "quantitative",
        "title": x_title,
        "scale": {"domain": list(x_domain), "nice": False},
    }
    main: dict[str, Any] = {
        "data": {"values": wide_rows(x, list(series.values()), digits)},
        "transform": _series_transforms(labels),
        "mark": {"type": "area", "opacity": 0.8} if stacked else {"type": "line", "strokeWidth": 1.8},
        "encoding": {
            "x": x_enc,
            "y": {"field": "value", "type": "quantitative", "title": y_title, **({"stack": "zero"} if stacked else {})},
            "color": {
                "field": "series",
                "type": "nominal",
                "title": legend_title or None,
                "scale": {"domain": labels, "range": colours},
                "legend": {"orient": "bottom", "columns": 3, "labelLimit": 220},
            },
        },
    }
    if stacked:
        main["encoding"]["order"] = {"field": "order", "type": "quantitative"}
    return {
        "$schema": SCHEMA,
        "usermeta": EMBED,
        "title": {"text": title, "fontSize": 13, "anchor": "start"},
        "width": width,
        "height": height,
        "layer": [_warmup_layer(x_domain[0]), main, *_marker_layer(markers)],
        "config": {"view": {"stroke": None}, "axis": {"labelFontSize": 10, "titleFontSize": 11}},
    }


def comparison_chart(
    title: str,
    x: NDArray[np.float64],
    a: NDArray[np.float64],
    b: NDArray[np.float64],
    *,
    labels: tuple[str, str],
    diff_title: str,
    x_title: str,
    y_title: str,
    x_domain: tuple[float, float],
    markers: Sequence[tuple[float, str]] = (),
    width: int = 900,
) -> dict[str, Any]:
    """Runs A and B on top; below, their difference A − B (the scenario minus its comparison)."""
    top = line_chart(
        title,
        x,
        {labels[0]: a, labels[1]: b},
        x_title=x_title,
        y_title=y_title,
        x_domain=x_domain,
        colours=RUN_COLOURS,
        markers=markers,
        width=width,
        height=200,
    )
    diff = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    rows = wide_rows(x, [diff], 4)
    bottom = {
        "width": width,
        "height": 130,
        "title": {"text": diff_title, "fontSize": 12, "anchor": "start"},
        "layer": [
            _warmup_layer(x_domain[0]),
            {
                "data": {"values": rows},
                "mark": {"type": "area", "color": "#6a3d9a", "opacity": 0.35, "line": {"color": "#6a3d9a"}},
                "encoding": {
                    "x": {
                        "field": "x",
                        "type": "quantitative",
                        "title": x_title,
                        "scale": {"domain": list(x_domain), "nice": False},
                    },
                    "y": {"field": "s0", "type": "quantitative", "title": "A − B"},
                },
            },
            {
                "data": {"values": [{"y": 0}]},
                "mark": {"type": "rule", "color": "#333"},
                "encoding": {"y": {"field": "y", "type": "quantitative"}},
            },
            *_marker_layer(markers),
        ],
    }
    top_layer = {k: v for k, v in top.items() if k not in ("$schema", "config", "usermeta")}
    return {
        "$schema": SCHEMA,
        "usermeta": EMBED,
        "vconcat": [top_layer, bottom],
        "config": top["config"],
    }


def timeline_chart(
    title: str,
    rows: list[dict[str, Any]],
    lanes: list[str],
    *,
    x_title: str,
    lane_title: str,
    phase_rows: list[dict[str, Any]],
    phase_colours: Mapping[str, str],
    width: int = 900,
) -> dict[str, Any]:
    """A family's journey: one lane per kind of event, handoffs as bars of their waiting time.

    `rows` have x (policy year), x2 (end of a handoff's wait, else x), lane, label, colour key
    `kind`, `lost` (facts lost) and `tip`; `phase_rows` have x, x2 and `phase` bands, coloured
    by `phase_colours` (label -> colour).
    """
    x_enc = {"field": "x", "type": "quantitative", "title": x_title}
    y_enc = {"field": "lane", "type": "nominal", "title": lane_title, "sort": lanes, "scale": {"domain": lanes}}
    return {
        "$schema": SCHEMA,
        "usermeta": EMBED,
        "title": {"text": title, "fontSize": 13, "anchor": "start"},
        "width": width,
        "height": 34 * len(lanes),
        "layer": [
            {
                "data": {"values": phase_rows},
                "mark": {"type": "bar", "opacity": 0.55, "height": 22},
                "encoding": {
                    "x": x_enc,
                    "x2": {"field": "x2"},
                    "y": y_enc,
                    "color": {
                        "field": "phase",
                        "type": "nominal",
                        "title": None,
                        "scale": {"domain": list(phase_colours), "range": list(phase_colours.values())},
                        "legend": {"orient": "bottom"},
                    },
                    "tooltip": [{"field": "phase", "type": "nominal"}],
                },
            },
            {
                "data": {"values": rows},
                "transform": [{"filter": "datum.x2 > datum.x"}],
                "mark": {"type": "rule", "strokeWidth": 4, "opacity": 0.6, "color": HANDOFF_WAIT_COLOUR},
                "encoding": {"x": x_enc, "x2": {"field": "x2"}, "y": y_enc, "tooltip": {"field": "tip"}},
            },
            {
                "data": {"values": rows},
                "mark": {"type": "point", "filled": True, "size": 70, "opacity": 0.9},
                "encoding": {
                    "x": x_enc,
                    "y": y_enc,
                    "shape": {
                        "field": "lost",
                        "type": "nominal",
                        "title": None,
                        "scale": {"domain": [False, True], "range": ["circle", "cross"]},
                        "legend": None,
                    },
                    "color": {
                        "condition": {"test": "datum.lost", "value": "#d62728"},
                        "value": "#1f4e79",
                    },
                    "tooltip": {"field": "tip"},
                },
            },
        ],
        "config": {"view": {"stroke": None}, "axis": {"labelFontSize": 10, "titleFontSize": 11, "labelLimit": 200}},
    }
