"""Parameters of handoffs (overdrachten) between organisations.

Each route of the organisation graph has a delay, a chance that facts are lost, a chance that
the receiver refuses or returns the family, and a chance that the sender keeps holding the
family's safety while it waits (otherwise nobody does). No national figures exist for any of
these (FIGURES D); they are assumptions informed by the inspectorates' reviews.
"""

from __future__ import annotations

from typing import ClassVar

from simulation.parameters.base import Frozen, param, probability


class RouteParams(Frozen):
    """One route between two organisations."""

    delay_days: float = param(
        7.0,
        unit="days",
        low=0.0,
        high=365.0,
        plausible=(1.0, 21.0),
        doc="Mean time from the sender's decision to arrival at the receiver.",
    )
    p_facts_lost: float = probability(
        0.2, doc="Chance that relevant facts are lost in the handoff.", plausible=(0.05, 0.4)
    )
    p_refused: float = probability(
        0.05, doc="Chance that the receiver refuses or returns the family.", plausible=(0.0, 0.15)
    )
    p_sender_keeps_safety: float = probability(
        0.4,
        doc="Chance that the sender keeps watching the family's safety until the receiver starts.",
        plausible=(0.1, 0.8),
    )


def _route(delay: float, lost: float, refused: float, keeps: float) -> RouteParams:
    return RouteParams(delay_days=delay, p_facts_lost=lost, p_refused=refused, p_sender_keeps_safety=keeps)


class HandoffParams(Frozen):
    """All routes of the chain in current practice, and what a lost fact costs."""

    # Routes whose value lies outside (or at the edge of) the range shared by all routes.
    PLAUSIBLE: ClassVar[dict[str, tuple[float, float]]] = {
        "police_to_veilig_thuis.delay_days": (0.5, 5.0),  # police forward reports within days
        "police_to_veilig_thuis.p_sender_keeps_safety": (0.0, 0.3),  # police close the callout
        "police_to_mayor.delay_days": (0.05, 1.0),  # restraining order decided within hours
        "police_to_mayor.p_sender_keeps_safety": (0.8, 1.0),  # police stay while the mayor decides
        "police_to_prosecution.delay_days": (0.5, 3.0),  # a suspect goes to ZSM the same day or next
    }

    police_to_veilig_thuis: RouteParams = _route(2.0, 0.15, 0.0, 0.1)
    police_to_mayor: RouteParams = _route(0.2, 0.05, 0.0, 1.0)
    police_to_prosecution: RouteParams = _route(1.0, 0.15, 0.0, 0.2)
    veilig_thuis_to_police: RouteParams = _route(3.0, 0.2, 0.05, 0.5)
    veilig_thuis_to_local_team: RouteParams = _route(14.0, 0.25, 0.1, 0.3)
    veilig_thuis_to_board: RouteParams = _route(7.0, 0.2, 0.05, 0.5)
    veilig_thuis_to_safety_house: RouteParams = _route(10.0, 0.1, 0.0, 0.8)
    board_to_youth_protection: RouteParams = _route(7.0, 0.2, 0.0, 0.3)
    board_to_local_team: RouteParams = _route(14.0, 0.25, 0.1, 0.3)
    prosecution_to_probation: RouteParams = _route(3.0, 0.15, 0.0, 0.3)
    local_team_to_specialist_care: RouteParams = _route(10.0, 0.25, 0.1, 0.5)
    local_team_to_veilig_thuis: RouteParams = _route(5.0, 0.2, 0.1, 0.5)
    youth_protection_to_local_team: RouteParams = _route(14.0, 0.25, 0.1, 0.3)
    safety_house_to_local_team: RouteParams = _route(7.0, 0.1, 0.05, 0.7)
    safety_house_to_police: RouteParams = _route(2.0, 0.05, 0.0, 0.8)
    safety_house_to_board: RouteParams = _route(5.0, 0.05, 0.0, 0.8)
    safety_house_to_mayor: RouteParams = _route(1.0, 0.05, 0.0, 0.8)
    facts_lost_information_fraction: float = param(
        0.4,
        unit="fraction of information",
        low=0.0,
        high=1.0,
        plausible=(0.2, 0.6),
        doc="Share of the case information that a lost-facts handoff removes.",
    )
    refusal_return_days: float = param(
        7.0, unit="days", low=0.0, high=90.0, doc="Time until a refused family is back with the sender."
    )
