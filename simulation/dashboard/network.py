"""The organisation network drawn with networkx: routes as edges, live handoff volumes as widths.

The graph is the model's organisation graph (`simulation.routes.organisation_graph`), switched to
the restructured routes once the region has its regional safety team, plus a node for signals
from outside the chain. Node positions come from a seeded spring layout computed once over every
node that can appear, so nothing moves when the chain is restructured. Figures are plain
matplotlib `Figure`s (no pyplot state shared between browser sessions).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from numpy.typing import NDArray

from simulation.dashboard import i18n
from simulation.enums import OrgKind
from simulation.routes import organisation_graph

if TYPE_CHECKING:
    from simulation.model import ChainModel

OUTSIDE = -1
LAYOUT_SEED = 7
NODE_RADIUS = 0.07  # data units, about the drawn node size
LABEL_OFFSET = 0.09  # node names sit under the node
NODE_COLOURS = {OUTSIDE: "#fdd49e", int(OrgKind.REGIONAL_SAFETY_TEAM): "#b3cde3"}


# Starting positions for the seeded spring layout: care on the left, criminal justice on the
# right, Veilig Thuis and the safety teams in the middle, signals from outside at the top.
_START: dict[int, tuple[float, float]] = {
    OUTSIDE: (0.0, 1.0),
    OrgKind.VEILIG_THUIS: (-0.1, 0.35),
    OrgKind.REGIONAL_SAFETY_TEAM: (-0.35, 0.1),
    OrgKind.SAFETY_HOUSE: (0.05, -0.15),
    OrgKind.POLICE: (0.55, 0.55),
    OrgKind.MAYOR: (0.95, 0.85),
    OrgKind.PROSECUTION: (0.9, 0.1),
    OrgKind.PROBATION: (0.85, -0.5),
    OrgKind.CHILD_PROTECTION_BOARD: (-0.75, 0.45),
    OrgKind.YOUTH_PROTECTION: (-0.95, -0.2),
    OrgKind.LOCAL_TEAM: (-0.4, -0.55),
    OrgKind.SPECIALIST_CARE: (-0.05, -0.95),
}


@cache
def layout() -> dict[int, tuple[float, float]]:
    """Seeded positions of every organisation kind and of `OUTSIDE` (computed once)."""
    from simulation.parameters.scenario import Scenario
    from simulation.routes import current_routes, restructured_routes

    params = Scenario()
    graph = nx.Graph()
    for routes in (current_routes(params.handoffs), restructured_routes(params.handoffs, params.restructuring)):
        graph.add_edges_from((int(u), int(v)) for u, v in organisation_graph(routes).edges if u != v)
    graph.add_nodes_from(int(k) for k in OrgKind)
    graph.add_edges_from([(OUTSIDE, int(OrgKind.POLICE)), (OUTSIDE, int(OrgKind.VEILIG_THUIS))])
    start = {int(n): np.asarray(p, dtype=float) for n, p in _START.items()}
    positions = nx.spring_layout(graph, pos=start, seed=LAYOUT_SEED, k=0.9, iterations=15)
    return {int(node): (float(p[0]), float(p[1])) for node, p in positions.items()}


def live_graph(model: ChainModel, volume: NDArray[np.int64]) -> nx.DiGraph:
    """Routes of the chain as it is now, with `volume[sender, receiver]` handoffs on each edge.

    Handoffs along pairs that are not routes of the graph (e.g. from outside the chain) are added
    as edges too, so every handoff counted is drawn.
    """
    routes = model.merged_routes if bool(model.region_converted.any()) else model.routes
    graph = nx.DiGraph()
    for u, v in organisation_graph(routes).edges:
        graph.add_edge(int(u), int(v), volume=0)
    n_kinds = len(OrgKind)
    for s, r in zip(*np.nonzero(volume), strict=True):
        sender = OUTSIDE if s >= n_kinds else int(s)
        receiver = int(r)
        if not graph.has_edge(sender, receiver):
            graph.add_edge(sender, receiver, volume=0)
        graph.edges[sender, receiver]["volume"] += int(volume[s, r])
    return graph


# Handoff counts on a white ground: legible where they cross an arrow (on a projector too).
NUMBER_STYLE: dict[str, Any] = {
    "color": "#0b3d66",
    "bbox": {"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
}


def draw(graph: nx.DiGraph, lang: str) -> Figure:
    """The network as a matplotlib figure: line width ~ square root of the handoff volume.

    Nodes and labels are drawn by networkx; edges are plain arrows between the node rims (no
    patch clipping), which keeps a redraw to a few tens of milliseconds.
    """
    pos = layout()
    fig = Figure(figsize=(8.0, 5.2), dpi=80)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.3, max(xs) + 0.3)
    ax.set_ylim(min(ys) - 0.2, max(ys) + 0.12)
    edges = [e for e in graph.edges if e[0] != e[1]]
    volumes = np.array([graph.edges[e]["volume"] for e in edges], dtype=float)
    top = max(float(volumes.max()) if volumes.size else 0.0, 1.0)
    for (u, v), vol in zip(edges, volumes.tolist(), strict=True):
        width = 0.6 + 7.0 * np.sqrt(vol / top)
        a, b = np.asarray(pos[u]), np.asarray(pos[v])
        unit = (b - a) / max(float(np.hypot(*(b - a))), 1e-9)
        start, end = a + unit * NODE_RADIUS, b - unit * NODE_RADIUS
        colour = "#1f77b4" if vol > 0 else "#c8c8c8"
        ax.add_patch(
            FancyArrowPatch(
                tuple(start),
                tuple(end),
                arrowstyle="-|>",
                mutation_scale=8 + 1.5 * width,
                linewidth=width,
                color=colour,
                shrinkA=0,
                shrinkB=0,
                connectionstyle="arc3,rad=0.12",
                zorder=1,
            )
        )
        if vol > 0:
            normal = np.array([unit[1], -unit[0]])
            mid = (start + end) / 2 + normal * 0.06 * float(np.hypot(*(end - start)))
            ax.text(mid[0], mid[1], str(int(vol)), fontsize=10, ha="center", va="center", zorder=3, **NUMBER_STYLE)
    internal = [e for e in graph.edges if e[0] == e[1] and graph.edges[e]["volume"] > 0]
    for u, _ in internal:
        x, y = pos[u]
        ax.text(x, y + 0.07, f"↻ {graph.edges[u, u]['volume']}", fontsize=10, ha="center", **NUMBER_STYLE)
    nodes = list(graph.nodes)
    colours = [NODE_COLOURS.get(n, "#ccebc5") for n in nodes]
    nx.draw_networkx_nodes(graph, pos, nodelist=nodes, node_color=colours, node_size=500, ax=ax, edgecolors="#555")
    below = {n: (p[0], p[1] - LABEL_OFFSET) for n, p in pos.items()}
    nx.draw_networkx_labels(
        graph,
        below,
        labels={n: i18n.org(n, lang) for n in nodes},
        font_size=11,
        ax=ax,
        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
    )
    return fig
