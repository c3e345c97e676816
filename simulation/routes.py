"""The organisation graph: routes along which families are handed off, built per scenario.

Nodes are organisation kinds with their legal powers; each directed edge is a route with the
parameters of its handoffs (delay, chance of lost facts, of refusal, and of the sender keeping
watch). In the restructuring scenario Veilig Thuis, the board and the GI are contracted into the
Regionaal Veiligheidsteam: handoffs between them become internal (a self-loop), cheaper in
proportion to the degree of integration.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from simulation.enums import OrgKind
from simulation.organisations import LEGAL_POWERS
from simulation.parameters.handoffs import HandoffParams
from simulation.parameters.restructuring import RestructuringParams

K = OrgKind
ROUTES: dict[str, tuple[OrgKind, OrgKind]] = {
    "police_to_veilig_thuis": (K.POLICE, K.VEILIG_THUIS),
    "police_to_mayor": (K.POLICE, K.MAYOR),
    "police_to_prosecution": (K.POLICE, K.PROSECUTION),
    "veilig_thuis_to_police": (K.VEILIG_THUIS, K.POLICE),
    "veilig_thuis_to_local_team": (K.VEILIG_THUIS, K.LOCAL_TEAM),
    "veilig_thuis_to_board": (K.VEILIG_THUIS, K.CHILD_PROTECTION_BOARD),
    "veilig_thuis_to_safety_house": (K.VEILIG_THUIS, K.SAFETY_HOUSE),
    "board_to_youth_protection": (K.CHILD_PROTECTION_BOARD, K.YOUTH_PROTECTION),
    "board_to_local_team": (K.CHILD_PROTECTION_BOARD, K.LOCAL_TEAM),
    "prosecution_to_probation": (K.PROSECUTION, K.PROBATION),
    "local_team_to_specialist_care": (K.LOCAL_TEAM, K.SPECIALIST_CARE),
    "local_team_to_veilig_thuis": (K.LOCAL_TEAM, K.VEILIG_THUIS),
    "youth_protection_to_local_team": (K.YOUTH_PROTECTION, K.LOCAL_TEAM),
    "safety_house_to_local_team": (K.SAFETY_HOUSE, K.LOCAL_TEAM),
    "safety_house_to_police": (K.SAFETY_HOUSE, K.POLICE),
    "safety_house_to_board": (K.SAFETY_HOUSE, K.CHILD_PROTECTION_BOARD),
    "safety_house_to_mayor": (K.SAFETY_HOUSE, K.MAYOR),
}
BUNDLED = (K.VEILIG_THUIS, K.CHILD_PROTECTION_BOARD, K.YOUTH_PROTECTION)
RVT = K.REGIONAL_SAFETY_TEAM
# Partners that stay outside the merger; their working relationships are reset by it.
EXTERNAL_PARTNERS = (K.POLICE, K.PROSECUTION, K.PROBATION, K.MAYOR)


@dataclass(frozen=True)
class Route:
    """Handoff parameters of one route in one organisational set-up."""

    name: str
    source: OrgKind
    target: OrgKind
    delay_days: float
    p_facts_lost: float
    p_refused: float
    p_sender_keeps_safety: float
    crosses_merger_boundary: bool = False


def _node(kind: OrgKind) -> tuple[OrgKind, dict[str, object]]:
    return kind, {"label": kind.label, "powers": sorted(r.name.lower() for r in LEGAL_POWERS[kind])}


def current_routes(handoffs: HandoffParams) -> dict[str, Route]:
    """The routes of today's chain."""
    return {
        name: Route(name, source, target, **getattr(handoffs, name).model_dump())
        for name, (source, target) in ROUTES.items()
    }


def restructured_routes(handoffs: HandoffParams, restructuring: RestructuringParams) -> dict[str, Route]:
    """The routes once VT, the board and the GI are bundled into the regional safety team."""
    d = restructuring.integration_degree
    routes = {}
    for name, (source, target) in ROUTES.items():
        params = getattr(handoffs, name)
        source_node = RVT if source in BUNDLED else source
        target_node = RVT if target in BUNDLED else target
        values = params.model_dump()
        if source_node == target_node == RVT:
            values["delay_days"] *= 1.0 - d * restructuring.internal_delay_reduction
            values["p_facts_lost"] *= 1.0 - d * restructuring.internal_facts_lost_reduction
            values["p_refused"] *= 1.0 - d
        crosses = RVT in (source_node, target_node) and (
            source_node in EXTERNAL_PARTNERS or target_node in EXTERNAL_PARTNERS
        )
        routes[name] = Route(name, source_node, target_node, crosses_merger_boundary=crosses, **values)
    return routes


def organisation_graph(routes: dict[str, Route]) -> nx.DiGraph:
    """The organisation graph: nodes with labels and legal powers, edges with handoff parameters.

    Parallel routes between the same two nodes (possible after the merger) are kept as a list
    in the edge attribute `routes`.
    """
    graph = nx.DiGraph()
    for route in routes.values():
        for kind in (route.source, route.target):
            if kind not in graph:
                graph.add_nodes_from([_node(kind)])
        if graph.has_edge(route.source, route.target):
            graph.edges[route.source, route.target]["routes"].append(route.name)
            continue
        graph.add_edge(
            route.source,
            route.target,
            routes=[route.name],
            name=route.name,
            delay_days=route.delay_days,
            p_facts_lost=route.p_facts_lost,
            p_refused=route.p_refused,
            p_sender_keeps_safety=route.p_sender_keeps_safety,
        )
    return graph
