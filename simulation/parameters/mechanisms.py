"""Parameters of the collaboration mechanisms (BRIEF §4, the *Ontwikkelagenda Veiligheid voorop*).

Each mechanism is switched on separately, starts at a date, ramps up to its coverage, costs
professional hours per case plus a development budget, and changes the chain only through its
named effect parameters. Their evaluations are qualitative (FIGURES D), so every effect size is
an assumption with a plausible range that the exploration varies.
"""

from __future__ import annotations

from pydantic import Field

from simulation.parameters.base import Frozen, param, probability, share


class MechanismParams(Frozen):
    """What every mechanism has: switch, timing, coverage and cost."""

    enabled: bool = Field(
        False,
        description="Whether the mechanism is switched on in this scenario.",
        json_schema_extra={"unit": "switch", "source": "scenario choice"},
    )
    start_year: float = param(0.0, unit="years after the start", low=0.0, high=20.0, doc="When the rollout starts.")
    ramp_years: float = param(
        1.0,
        unit="years",
        low=0.0,
        high=10.0,
        plausible=(0.5, 3.0),
        doc="Time from start to full coverage (linear ramp).",
    )
    coverage: float = share(0.8, doc="Share of eligible cases reached at full rollout.", plausible=(0.5, 1.0))
    hours_per_case: float = param(
        2.0,
        unit="professional hours per case",
        low=0.0,
        high=200.0,
        plausible=(1.0, 6.0),
        doc="Extra professional time per case.",
    )
    development_eur_per_year: float = param(
        500_000.0,
        unit="EUR per year (national)",
        low=0.0,
        high=1e9,
        plausible=(200_000.0, 2_000_000.0),
        doc="Development and support budget while the mechanism rolls out.",
    )


class SamenOpInAcuutParams(MechanismParams):
    """Police and VT respond together within a day to acute crises."""

    hours_per_case: float = param(
        4.0,
        unit="VT hours per joint response",
        low=0.0,
        high=40.0,
        plausible=(2.0, 8.0),
        doc="VT time of one joint response.",
    )
    joint_response_days: float = param(
        0.5, unit="days", low=0.0, high=7.0, doc="Time until VT joins the police response."
    )
    safety_plan_days: float = param(
        42.0, unit="days", low=1.0, high=365.0, plausible=(14.0, 90.0), doc="How long the joint safety plan holds."
    )


class ActieoverlegParams(MechanismParams):
    """Weekly multi-agency action meeting for high-risk cases, with limited slots."""

    hours_per_case: float = param(
        10.0,
        unit="hours per case, all participants",
        low=0.0,
        high=100.0,
        plausible=(5.0, 20.0),
        doc="Preparation and meeting time per case.",
    )
    slots_per_week: float = param(
        60.0,
        unit="cases per week (national)",
        low=0.0,
        high=5000.0,
        plausible=(30.0, 150.0),
        doc="Cases the action meetings can take per week.",
    )
    p_restraining_order: float = probability(
        0.35,
        doc="Chance that the table imposes a restraining order when the perpetrator lives in.",
        plausible=(0.15, 0.5),
    )
    p_criminal_route: float = probability(0.45, doc="Chance that the table starts the criminal route.")
    p_civil_route_children: float = probability(
        0.3, doc="Chance that the table asks the board to investigate when children are present."
    )
    combined_delay_factor: float = share(
        0.3, doc="Delay of the handoffs the table starts, relative to the normal route.", plausible=(0.1, 0.6)
    )


class HgMetVtEnZsmParams(MechanismParams):
    """VT's knowledge of the family reaches the ZSM decision on an arrested suspect."""

    hours_per_case: float = param(
        2.0, unit="VT hours per ZSM case", low=0.0, high=20.0, doc="VT time to prepare and join a ZSM decision."
    )
    conditional_dismissal_shift: float = share(
        0.5, doc="Share of plain dismissals that become dismissals with care conditions.", plausible=(0.2, 0.7)
    )
    p_probation_advice: float = probability(0.6, doc="Chance that ZSM asks probation for advice when VT joins.")


class SamenOpBijStrafbareKmParams(MechanismParams):
    """Joint triage, assessment and investigation of criminal child abuse from the first report."""

    hours_per_case: float = param(
        3.0, unit="hours per case", low=0.0, high=40.0, doc="Extra coordination time per joint case."
    )
    board_delay_factor: float = share(
        0.5, doc="Delay of the board request, relative, when the case is handled jointly.", plausible=(0.2, 0.8)
    )


class MdaPlusPlusParams(MechanismParams):
    """Multidisciplinary whole-system approach for chronic, complex families."""

    hours_per_case: float = param(
        3.0,
        unit="hours per family per week",
        low=0.0,
        high=20.0,
        plausible=(2.0, 6.0),
        doc="Professional time per family each week.",
    )
    families_per_year: float = param(
        3000.0,
        unit="families per year (national)",
        low=0.0,
        high=100_000.0,
        plausible=(1000.0, 6000.0),
        doc="Families the MDA++ teams can take on in a year.",
    )
    duration_days: float = param(
        540.0, unit="days", low=30.0, high=1825.0, plausible=(365.0, 730.0), doc="Length of an MDA++ trajectory."
    )
    min_prior_reports: int = param(2, unit="reports", low=0, high=20, doc="Reports before a family counts as chronic.")
    min_factors: int = param(
        2, unit="complicating factors", low=0, high=4, doc="Complicating factors before a family counts as complex."
    )
    effect_multiplier: float = param(
        1.5,
        unit="ratio",
        low=0.0,
        high=5.0,
        plausible=(1.0, 2.5),
        doc="Risk-care effect of the whole-system team relative to ordinary risk care.",
    )


class RestrainingOrderWellUsedParams(MechanismParams):
    """The temporary restraining order used at threat of escalation or care avoidance."""

    hours_per_case: float = param(
        6.0, unit="hours per extra order", low=0.0, high=40.0, doc="Police and municipal time of an extra order."
    )
    p_order_prepared: float = probability(
        0.35,
        doc="Chance that police prepare an order when escalation threatens or the family avoids care.",
        plausible=(0.15, 0.5),
    )
    p_complaint_with_order: float = probability(
        0.5, doc="Chance that the criminal route backs the order (stick behind the door)."
    )
    p_board_with_children: float = probability(
        0.2, doc="Chance that an order with children present leads to a board request."
    )


class CaseReviewsAndTrainingParams(MechanismParams):
    """Casusreviews and joint training: a learning loop that reduces errors over time."""

    hours_per_case: float = param(
        24.0,
        unit="training hours per FTE per year",
        low=0.0,
        high=200.0,
        plausible=(8.0, 40.0),
        doc="Training and review time per professional each year.",
    )
    learning_years: float = param(
        2.0,
        unit="years",
        low=0.1,
        high=20.0,
        plausible=(1.0, 4.0),
        doc="Time constant with which skill grows to its maximum.",
    )
    facts_lost_reduction: float = share(
        0.3, doc="Relative reduction of lost facts at full skill.", plausible=(0.1, 0.5)
    )
    assessment_error_reduction: float = share(
        0.3, doc="Relative reduction of assessment errors at full skill.", plausible=(0.1, 0.5)
    )
    phase_match_gain: float = share(
        0.5, doc="Share of phase-mismatched help that becomes matched at full skill.", plausible=(0.2, 0.8)
    )


class InformationSharingParams(MechanismParams):
    """Agreements that give a legal basis for sharing facts between partners."""

    hours_per_case: float = param(
        0.0, unit="hours per case", low=0.0, high=10.0, doc="Extra time per handoff (none by default)."
    )
    facts_lost_reduction: float = share(0.4, doc="Relative reduction of lost facts at handoffs.", plausible=(0.2, 0.6))


class StrongerLocalTeamsParams(MechanismParams):
    """Tools of the programme Geweld hoort nergens thuis for local teams."""

    hours_per_case: float = param(
        1.0, unit="hours per family", low=0.0, high=20.0, doc="Extra local-team time per family."
    )
    signal_gain: float = param(
        0.5,
        unit="ratio",
        low=0.0,
        high=3.0,
        plausible=(0.2, 1.0),
        doc="Relative rise in local teams noticing renewed unsafety.",
    )
    p_keeps_case: float = probability(
        0.5,
        doc="Chance the local team handles renewed unsafety itself instead of returning to VT.",
        plausible=(0.3, 0.7),
    )
    dropout_reduction: float = share(0.3, doc="Relative reduction of dropout by care-avoiding families.")


class MechanismSet(Frozen):
    """The mechanisms of the intensive-collaboration scenario; all off in the defaults."""

    samen_op_in_acuut: SamenOpInAcuutParams = SamenOpInAcuutParams()
    actieoverleg: ActieoverlegParams = ActieoverlegParams()
    hg_met_vt_en_zsm: HgMetVtEnZsmParams = HgMetVtEnZsmParams()
    samen_op_bij_strafbare_km: SamenOpBijStrafbareKmParams = SamenOpBijStrafbareKmParams()
    mda_plus_plus: MdaPlusPlusParams = MdaPlusPlusParams()
    restraining_order_well_used: RestrainingOrderWellUsedParams = RestrainingOrderWellUsedParams()
    case_reviews_and_training: CaseReviewsAndTrainingParams = CaseReviewsAndTrainingParams()
    information_sharing: InformationSharingParams = InformationSharingParams()
    stronger_local_teams: StrongerLocalTeamsParams = StrongerLocalTeamsParams()

    def enabled_names(self) -> list[str]:
        """Names of the mechanisms that are switched on."""
        return [name for name in type(self).model_fields if getattr(self, name).enabled]
