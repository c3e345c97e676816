"""Parameters of risk assessment, help, direct-safety measures, phases of safety and workload.

The phase effectiveness follows the shared vision *gefaseerd samenwerken aan veiligheid*
(2021): help aimed at recovery while a family is still unsafe works poorly. The direction comes
from that vision; the sizes are assumptions (FIGURES D: no effect sizes are published).
"""

from __future__ import annotations

from typing import ClassVar

from simulation.parameters.base import Frozen, param, probability, share

_VISION = "assumption; direction from the visie gefaseerd samenwerken aan veiligheid (2021)"


class AssessmentParams(Frozen):
    """The safety-assessment instrument (e.g. the VT triage instrument, RiHG)."""

    sensitivity: float = probability(0.8, doc="Chance that an unsafe family is assessed unsafe.", plausible=(0.65, 0.9))
    specificity: float = probability(0.75, doc="Chance that a safe family is assessed safe.", plausible=(0.6, 0.9))
    lost_information_penalty: float = share(
        0.4,
        doc="Sensitivity lost at zero case information, relative (scales with missing facts).",
        plausible=(0.2, 0.6),
    )
    inexperience_penalty: float = share(
        0.15, doc="Relative loss of sensitivity and specificity when all assessors are new.", plausible=(0.05, 0.3)
    )
    overload_penalty: float = share(
        0.1, doc="Relative loss of sensitivity per unit of workload above norm.", plausible=(0.0, 0.2)
    )
    high_risk_incidents_per_year: float = param(
        6.0,
        unit="incidents per year",
        low=0.0,
        high=100.0,
        plausible=(3.0, 12.0),
        doc=(
            "Risk score above which a family counts as high risk (actieoverleg, MDA++; VT asks the board to"
            " investigate only for a high-risk family with children)."
        ),
    )


class HelpEffectParams(Frozen):
    """Effect of one kind of help, and how it depends on the phase of safety."""

    stop_hazard_gain: float = param(
        2.0,
        unit="ratio",
        low=0.0,
        high=20.0,
        plausible=(0.5, 8.0),
        doc="Extra monthly chance that violence stops, relative to stopping without help.",
    )
    relapse_reduction: float = share(0.0, doc="Relative reduction of the monthly relapse chance.")
    in_direct: float = share(1.0, doc="Effectiveness while the family is in direct safety.", source=_VISION)
    in_stable: float = share(1.0, doc="Effectiveness in stable safety.", source=_VISION)
    in_recovery: float = share(1.0, doc="Effectiveness in recovery.", source=_VISION)


def _help(gain: float, relapse: float, direct: float, stable: float, recovery: float) -> HelpEffectParams:
    return HelpEffectParams(
        stop_hazard_gain=gain, relapse_reduction=relapse, in_direct=direct, in_stable=stable, in_recovery=recovery
    )


class HelpParams(Frozen):
    """Kinds of help (rows of the help x phase effectiveness matrix)."""

    # Kinds of help whose effect lies outside the range shared by all kinds; the calibrated
    # gains get the range the calibration searched (docs/calibration.md).
    PLAUSIBLE: ClassVar[dict[str, tuple[float, float]]] = {
        "risk_care.stop_hazard_gain": (2.0, 12.0),
        "treatment.stop_hazard_gain": (0.2, 1.5),  # treatment of addiction or psychiatric problems
        "recovery_care.stop_hazard_gain": (0.0, 1.0),  # aims at recovery, not at stopping violence
        "supervision.stop_hazard_gain": (1.0, 12.0),
    }

    risk_care: HelpEffectParams = _help(5.0, 0.2, 0.5, 1.0, 0.6)
    treatment: HelpEffectParams = _help(0.5, 0.2, 0.3, 1.0, 1.0)
    recovery_care: HelpEffectParams = _help(0.3, 0.6, 0.1, 0.5, 1.0)
    perpetrator_programme: HelpEffectParams = _help(3.0, 0.2, 0.6, 1.0, 1.0)
    supervision: HelpEffectParams = _help(3.0, 0.1, 0.8, 1.0, 0.8)
    p_help_matches_phase: float = probability(
        0.6,
        doc="Chance that voluntary help fits the family's phase (risk care while still unsafe).",
        plausible=(0.4, 0.85),
    )
    quality_overload_slope: float = param(
        0.5,
        unit="per unit of workload above norm",
        low=0.0,
        high=5.0,
        plausible=(0.2, 1.0),
        doc="How fast help loses effect as caseload exceeds the norm.",
    )


class MeasureParams(Frozen):
    """Direct-safety measures: incident rate while the measure lasts, relative to without."""

    restraining_order_rate_factor: float = share(
        0.2, doc="Incident rate during a restraining order, relative.", plausible=(0.05, 0.5)
    )
    detention_rate_factor: float = share(0.0, doc="Incident rate while the suspect is held.")
    conditions_rate_factor: float = share(
        0.6, doc="Incident rate under safety conditions that are monitored, relative.", plausible=(0.4, 0.85)
    )
    safety_plan_rate_factor: float = share(
        0.5, doc="Incident rate under a joint acute safety plan, relative.", plausible=(0.3, 0.8)
    )
    care_avoidance_compliance: float = share(
        0.5, doc="Care-avoiding families keep to conditions this much as often.", plausible=(0.3, 0.8)
    )


class PhaseParams(Frozen):
    """When a family moves between the phases of safety."""

    days_without_incident_for_stable: float = param(
        90.0,
        unit="days",
        low=1.0,
        high=730.0,
        plausible=(60.0, 180.0),
        source=_VISION,
        doc="Violence-free period after which a family counts as stably safe.",
    )
    days_stable_for_recovery: float = param(
        180.0,
        unit="days",
        low=1.0,
        high=1460.0,
        plausible=(90.0, 365.0),
        source=_VISION,
        doc="Time in stable safety, with low risk, after which recovery work starts.",
    )
    recovery_incidents_per_year: float = param(
        0.5,
        unit="incidents per year",
        low=0.0,
        high=10.0,
        doc="Incident rate below which a stable family can move to recovery.",
    )
    out_of_view_after_days: float = param(
        1095.0,
        unit="days",
        low=30.0,
        high=3650.0,
        source="FIGURES T5 (repeat report = known within 3 years)",
        doc="Without reports or care for this long, a family is no longer known.",
    )


class WorkloadParams(Frozen):
    """How workload and inexperience feed attrition, errors and delay."""

    attrition_overload_slope: float = param(
        0.8,
        unit="per unit of workload above norm",
        low=0.0,
        high=10.0,
        plausible=(0.3, 1.5),
        doc="Relative rise in attrition per unit of workload above norm.",
        source="assumption informed by FIGURES T12 (caseload 18 vs 8-9, 20% attrition)",
    )
    facts_lost_inexperience_slope: float = param(
        0.5,
        unit="per share of new staff",
        low=0.0,
        high=5.0,
        plausible=(0.2, 1.0),
        doc="Relative rise in lost facts when all of the sender's staff are new.",
    )
    facts_lost_overload_slope: float = param(
        0.3,
        unit="per unit of workload above norm",
        low=0.0,
        high=5.0,
        plausible=(0.1, 0.6),
        doc="Relative rise in lost facts per unit of the sender's workload above norm.",
    )
    speed_up_under_backlog: float = share(
        0.4,
        doc="How much faster professionals work when a backlog of a week or more builds up "
        "(shorter contacts, less checking; errors rise with the workload).",
        plausible=(0.0, 0.6),
    )
    flexible_staff_share: float = share(
        0.15,
        doc="Share of the casework staff of an organisation with several functions that is rostered each week "
        "to its functions in proportion to their work, instead of to a fixed function (0: every professional "
        "keeps a function). In a regional safety team, as far as it is integrated, they move between its VT, "
        "board and GI functions.",
        source="assumption (not published; the middle of its plausible range: at 0 a merged team could never "
        "move anyone to a backlog, docs/calibration.md step 13)",
        plausible=(0.0, 0.3),
    )
    service_time_cv: float = param(
        0.8,
        unit="coefficient of variation",
        low=0.0,
        high=3.0,
        plausible=(0.5, 1.2),
        doc="Variability of the hours a job takes (gamma distributed; 1 = exponential).",
    )
    hourly_cost_eur: float = param(
        80.0,
        unit="EUR per professional hour",
        low=10.0,
        high=300.0,
        plausible=(65.0, 100.0),
        doc="Full cost of one professional hour (salary, overhead).",
    )


class CareParams(Frozen):
    """Assessment, help, measures, phases and workload effects."""

    assessment: AssessmentParams = AssessmentParams()
    help: HelpParams = HelpParams()
    measures: MeasureParams = MeasureParams()
    phases: PhaseParams = PhaseParams()
    workload: WorkloadParams = WorkloadParams()
