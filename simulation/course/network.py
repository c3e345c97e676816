"""The organisation graph for exercise 1: who hands families to whom, and who holds which power.

A thin view of `simulation.routes.organisation_graph` (nodes: `OrgKind` with `label` and
`powers`; edges: handoff routes with `delay_days`, `p_facts_lost`, `p_refused`,
`p_sender_keeps_safety`), plus a seeded drawing and a bilingual glossary of the legal powers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

from simulation.enums import Reason
from simulation.organisations import LEGAL_POWERS
from simulation.parameters.scenario import Scenario
from simulation.routes import current_routes, organisation_graph, restructured_routes
from simulation.scenario_files import load_scenario

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# What each decision means, in Dutch and English (BRIEF §2 and the glossary).
POWERS: dict[str, tuple[str, str]] = {
    "close_with_advice": ("afsluiten met advies", "close with advice"),
    "hand_over_local_team": ("overdragen aan het wijkteam", "hand over to the local team"),
    "vt_investigation": ("onderzoek door Veilig Thuis", "Veilig Thuis investigation"),
    "safety_conditions": ("veiligheidsvoorwaarden en monitoring", "safety conditions and monitoring"),
    "request_board_investigation": ("verzoek tot onderzoek aan de Raad", "ask the board to investigate"),
    "inform_police": ("politie informeren", "inform the police"),
    "multi_agency_case": ("multidisciplinair casusoverleg", "multi-agency case meeting"),
    "joint_response": ("samen op (gezamenlijke reactie)", "joint response"),
    "follow_up": ("monitoring na overdracht", "monitoring after a handover"),
    "completed": ("traject afgerond", "work completed"),
    "registered": ("incident registreren", "register the incident"),
    "arrest": ("aanhouden", "arrest"),
    "complaint": ("aangifte opnemen", "take a criminal complaint"),
    "no_complaint": ("geen aangifte na het gesprek met het gezin", "no complaint after talking with the family"),
    "restraining_order": ("tijdelijk huisverbod", "temporary restraining order"),
    "report_to_vt": ("melden bij Veilig Thuis", "report to Veilig Thuis"),
    "order_ended": ("huisverbod beëindigd", "restraining order ended"),
    "dismiss": ("sepot", "dismissal"),
    "conditional_dismissal": ("voorwaardelijk sepot", "conditional dismissal"),
    "court_case": ("dagvaarden (rechtszaak)", "court case"),
    "sentence_with_conditions": ("straf met voorwaarden", "sentence with conditions"),
    "custodial_sentence": ("vrijheidsstraf", "custodial sentence"),
    "probation_advice": ("reclasseringsadvies", "probation advice"),
    "supervision_order": ("verzoek ondertoezichtstelling (OTS)", "request a supervision order (OTS)"),
    "no_measure": ("geen kinderbeschermingsmaatregel", "no child protection measure"),
    "probation_supervision": ("reclasseringstoezicht", "probation supervision"),
    "behavioural_training": ("gedragsinterventie", "behavioural training"),
    "local_help": ("hulp door het wijkteam", "help from the local team"),
    "specialist_treatment": ("specialistische behandeling", "specialist treatment"),
    "dropped_out": ("uitval uit hulp", "dropped out of help"),
    "action_meeting": ("actieoverleg", "action meeting"),
}


def chain_graph(scenario: Scenario | str = "current-practice", restructured: bool = False) -> nx.DiGraph:
    """The organisation graph of a scenario: today's routes, or those after the merger.

    Args:
        scenario: a scenario name or `Scenario` (its handoff parameters label the edges).
        restructured: the graph once Veilig Thuis, the board and the GI form one regional
            safety team (routes between them become internal: a self-loop).
    """
    params = load_scenario(scenario) if isinstance(scenario, str) else scenario
    routes = (
        restructured_routes(params.handoffs, params.restructuring) if restructured else current_routes(params.handoffs)
    )
    return organisation_graph(routes)


def power_glossary(lang: str = "en") -> pd.DataFrame:
    """Every legal power in the model: its code, what it means, and who holds it."""
    if lang not in ("nl", "en"):
        raise ValueError(f"lang must be 'nl' or 'en', not {lang!r}")
    column = 0 if lang == "nl" else 1
    rows = []
    for reason in Reason:
        holders = sorted(kind.label for kind, powers in LEGAL_POWERS.items() if reason in powers)
        if not holders:
            continue
        code = reason.name.lower()
        rows.append({"power": code, "meaning": POWERS.get(code, (code, code))[column], "held_by": ", ".join(holders)})
    return pd.DataFrame(rows)


def draw_chain(graph: nx.DiGraph, ax: Axes | None = None, **kwargs: Any) -> Axes:
    """Draw the graph with a seeded layout: nodes labelled, edge width by chance of lost facts."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(9, 6))
    layout = nx.spring_layout(graph, seed=7, k=1.2)
    widths = [1.0 + 12.0 * graph.edges[e].get("p_facts_lost", 0.0) for e in graph.edges]
    nx.draw_networkx_nodes(graph, layout, ax=ax, node_color="#cfe3f3", node_size=1800, edgecolors="#2b5d87")
    nx.draw_networkx_labels(graph, layout, {n: graph.nodes[n]["label"] for n in graph}, ax=ax, font_size=8)
    nx.draw_networkx_edges(
        graph, layout, ax=ax, width=widths, arrowsize=14, node_size=1800, connectionstyle="arc3,rad=0.08", **kwargs
    )
    ax.set_title("Organisation graph: handoff routes (edge width = chance that facts are lost)")
    ax.set_axis_off()
    return ax
