"""Parameters of the restructuring scenario (BRIEF §5, *Toekomstscenario kind- en gezinsbescherming*).

A Regionaal Veiligheidsteam (RVT) bundles the functions of Veilig Thuis, the child protection
board and the certified youth-protection agencies. How far the integration goes - from
seconded staff in one team (0) to a full merger into one organisation (1) - and how long the
roadmap takes are scenario parameters. The transition costs and the benefits after it are
named mechanisms; none of them is assumed to outweigh the other.
"""

from __future__ import annotations

from pydantic import Field

from simulation.parameters.base import Frozen, param, share

_REORG = "assumption; direction from FIGURES C (evidence on reorganisations)"


class RestructuringParams(Frozen):
    """Timeline, transition effects and post-merger effects of the RVT."""

    enabled: bool = Field(
        False,
        description="Whether the organisations are restructured in this scenario.",
        json_schema_extra={"unit": "switch", "source": "scenario choice"},
    )
    integration_degree: float = share(
        0.7, doc="0 = seconded staff in one team, 1 = full merger into one organisation.", plausible=(0.3, 1.0)
    )
    preparation_years: float = param(
        1.0,
        unit="years",
        low=0.0,
        high=10.0,
        plausible=(0.5, 2.0),
        doc="Roadmap phase 1: preparation (kwartiermakers).",
    )
    pilot_years: float = param(
        1.5,
        unit="years",
        low=0.0,
        high=10.0,
        plausible=(1.0, 3.0),
        doc="Roadmap phase 2: testing and developing in pilot regions.",
    )
    decision_years: float = param(
        0.5, unit="years", low=0.0, high=5.0, plausible=(0.25, 1.5), doc="Roadmap phase 3: evaluation and decision."
    )
    transition_years: float = param(
        2.0,
        unit="years",
        low=0.1,
        high=10.0,
        plausible=(1.0, 5.0),
        source=_REORG,
        doc="Roadmap phase 4: national implementation, until the new organisation runs normally.",
    )
    pilot_share_of_regions: float = share(
        0.15, doc="Share of VT regions that convert in the pilot phase (national scale)."
    )
    productivity_dip: float = share(
        0.2,
        doc="Loss of productivity at the start of conversion, recovering over the transition.",
        source=_REORG,
        plausible=(0.05, 0.35),
    )
    extra_attrition_per_year: float = param(
        0.1,
        unit="per year",
        low=0.0,
        high=1.0,
        plausible=(0.02, 0.2),
        source=_REORG,
        doc="Extra staff outflow from the announced decision until the transition ends.",
    )
    experience_loss: float = share(
        0.15, doc="Share of organisation-specific experience lost at conversion.", source=_REORG, plausible=(0.05, 0.3)
    )
    hiring_lag_factor: float = param(
        1.5,
        unit="ratio",
        low=1.0,
        high=5.0,
        plausible=(1.0, 2.5),
        doc="Hiring takes this much longer during the transition.",
    )
    legal_uncertainty_delay_days: float = param(
        14.0,
        unit="days",
        low=0.0,
        high=180.0,
        plausible=(0.0, 45.0),
        doc="Extra delay of civil-route decisions while the legal framework changes.",
    )
    relationship_reset: float = param(
        0.5,
        unit="ratio",
        low=0.0,
        high=5.0,
        plausible=(0.1, 1.0),
        source=_REORG,
        doc="Relative rise of delay and lost facts on routes to police, OM and probation at conversion.",
    )
    relationship_rebuild_years: float = param(
        2.0,
        unit="years",
        low=0.1,
        high=10.0,
        plausible=(1.0, 4.0),
        source="assumption informed by FIGURES C (orders recovered about four years after the 2013/2015 mergers)",
        doc="Time constant with which working relationships recover after conversion.",
    )
    one_off_cost_eur: float = param(
        150e6,
        unit="EUR (national)",
        low=0.0,
        high=5e9,
        plausible=(50e6, 400e6),
        source="assumption, order of magnitude from FIGURES C (Police Scotland £161 m)",
        doc="One-off transition cost, spread over preparation, pilot and transition.",
    )
    internal_delay_reduction: float = share(
        0.7, doc="Reduction of handoff delay between bundled functions at full integration.", plausible=(0.3, 0.9)
    )
    internal_facts_lost_reduction: float = share(
        0.8, doc="Reduction of lost facts between bundled functions at full integration.", plausible=(0.4, 1.0)
    )
    p_same_professional: float = share(
        0.7,
        doc=(
            "Chance at full integration that the family keeps its professional when its work passes from one "
            "of the team's functions (VT, board, GI) to another."
        ),
        plausible=(0.3, 0.9),
    )
    shared_assessment: float = share(
        0.6, doc="Chance at full integration that a later function reuses the earlier assessment.", plausible=(0.2, 0.9)
    )
    one_plan: float = share(
        0.5,
        doc=(
            "Chance at full integration that the team agrees one plan with a named lead when a family's work "
            "passes from one of its functions (VT, board, GI) to another (the reform's 'coherent help')."
        ),
        plausible=(0.2, 0.9),
    )
    one_plan_hours: float = param(
        3.0,
        unit="team hours per plan",
        low=0.0,
        high=40.0,
        plausible=(1.0, 6.0),
        doc="Team time to agree one plan for a family (its own case conference); taken from casework.",
    )
    efficiency_gain: float = param(
        0.05,
        unit="fraction of productivity",
        low=-0.2,
        high=0.5,
        plausible=(-0.05, 0.15),
        source="assumption; FIGURES C finds no measurable gain after the police merger",
        doc="Productivity change of the bundled organisation after the transition, at full integration.",
    )
