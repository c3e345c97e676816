"""Parameters of the partner organisations: staff, services, and the decisions of their legal task.

Staff sizes are national full-time equivalents for the part of the organisation that works on
domestic violence and child abuse; the scale preset divides them. VT and board staffing and
budgets are not published (FIGURES D): those sizes are assumptions sized so that the default
scenario reproduces the published throughput and timeliness (FIGURES T6, T8, T9).
"""

from __future__ import annotations

from typing import ClassVar

from simulation.parameters.base import Frozen, param, probability, share


class StaffParams(Frozen):
    """Workforce of one organisation kind (national)."""

    fte: float = param(
        1000.0, unit="FTE (national)", low=0.0, high=100_000.0, doc="Funded full-time positions working on HG/KM."
    )
    attrition_per_year: float = param(
        0.15,
        unit="per year",
        low=0.0,
        high=1.0,
        plausible=(0.08, 0.25),
        doc="Share of staff that leaves in a year at normal workload.",
    )
    hiring_lag_days: float = param(
        90.0, unit="days", low=0.0, high=730.0, plausible=(45.0, 180.0), doc="Mean time to fill a vacancy."
    )
    sick_leave_share: float = share(
        0.07,
        doc="Share of staff absent through sickness on a day.",
        source="FIGURES T12 (≈7% sick leave, youth protection)",
        plausible=(0.05, 0.1),
    )
    productive_hours_per_fte_week: float = param(
        30.0,
        unit="hours per FTE per week",
        low=1.0,
        high=40.0,
        plausible=(26.0, 33.0),
        doc="Hours per week a full-time professional spends on casework (36-h week less overhead).",
    )
    initial_experience_years: float = param(
        6.0, unit="years", low=0.0, high=30.0, plausible=(3.0, 10.0), doc="Mean experience of the staff at the start."
    )
    years_to_full_productivity: float = param(
        1.0,
        unit="years",
        low=0.0,
        high=5.0,
        plausible=(0.5, 2.0),
        doc="Time scale on which a new professional becomes fully productive.",
    )
    new_hire_productivity: float = share(
        0.5, doc="Productivity of a new professional relative to an experienced one.", plausible=(0.3, 0.7)
    )


def _staff(fte: float, attrition: float = 0.15, **kwargs: float) -> StaffParams:
    return StaffParams(fte=fte, attrition_per_year=attrition, **kwargs)


class CaseloadParams(Frozen):
    """A caseload service: families held for a period, limited by staff x caseload."""

    norm_per_fte: float = param(
        20.0, unit="families per FTE", low=0.1, high=200.0, doc="Workable caseload; above it workload pressure rises."
    )
    max_per_fte: float = param(
        30.0, unit="families per FTE", low=0.1, high=400.0, doc="Caseload at which new families wait on a waiting list."
    )
    duration_days: float = param(180.0, unit="days", low=1.0, high=3650.0, doc="Mean length of a case.")
    hours_per_week: float = param(
        1.5, unit="hours per family per week", low=0.0, high=40.0, doc="Professional hours a case takes each week."
    )


class VeiligThuisParams(Frozen):
    """Veilig Thuis: advice, reports, triage, investigation, conditions and follow-up."""

    staff: StaffParams = _staff(1020.0, 0.15)
    share_advice: float = share(0.177, doc="Share of VT staff on the advice desk.")
    share_triage: float = share(0.33, doc="Share of VT staff on triage and safety assessment.")
    share_investigation: float = share(0.22, doc="Share of VT staff on investigations.")
    advice_hours: float = param(
        0.75, unit="hours per request", low=0.05, high=10.0, doc="Time an advice request takes."
    )
    triage_hours: float = param(
        5.0,
        unit="hours per report",
        low=0.2,
        high=40.0,
        plausible=(3.5, 7.0),
        doc="Time for triage and the safety assessment of one report.",
    )
    investigation_hours: float = param(
        30.0,
        unit="hours per investigation",
        low=1.0,
        high=200.0,
        plausible=(20.0, 50.0),
        doc="Time of one VT investigation.",
    )
    monitoring: CaseloadParams = CaseloadParams(
        norm_per_fte=18.0, max_per_fte=28.0, duration_days=240.0, hours_per_week=1.2
    )
    share_follow_up: float = share(
        0.097,
        doc=(
            "Share of VT staff on monitoring after a handover (contacts with the family and the "
            "organisation that took over); the staff on conditions and follow-up are the rest."
        ),
        plausible=(0.05, 0.2),
    )
    follow_up_hours: float = param(
        2.0,
        unit="hours per contact",
        low=0.1,
        high=20.0,
        plausible=(1.0, 4.0),
        doc="Time of one monitoring contact after a handover, with a new safety assessment.",
    )
    follow_up_interval_days: float = param(
        90.0,
        unit="days",
        low=7.0,
        high=365.0,
        plausible=(60.0, 180.0),
        doc="Time from a handover, or from the last monitoring contact, to the next contact.",
    )
    follow_up_max_days: float = param(
        547.0,
        unit="days",
        low=0.0,
        high=1095.0,
        plausible=(365.0, 730.0),
        doc=(
            "Longest VT keeps monitoring a family it judged unsafe and handed over, while its "
            "contacts still find the family unsafe (0: no monitoring after a handover)."
        ),
        source=(
            "assumption; after huiselijkgeweld.nl, 11 Dec 2018 ('Veilig Thuis start landelijk "
            "register'): from 2019 VT monitors families where safety does not come for one and a "
            "half years on average"
        ),
    )
    p_local_team_if_safe: float = probability(
        0.25, doc="Assessed safe: chance VT hands the family to the local team rather than closing."
    )
    p_local_team_if_unsafe: float = probability(
        0.5,
        doc=(
            "Assessed unsafe: chance VT hands the family to the local team besides asking the board "
            "to investigate (an unsafe family that VT neither keeps nor passes to the board or a case "
            "meeting always goes to the local team)."
        ),
    )
    p_conditions_if_unsafe: float = probability(
        0.45, doc="Assessed unsafe: chance VT sets safety conditions and follows up itself."
    )
    p_investigation_if_unsafe: float = probability(
        0.08,
        doc="Assessed unsafe: chance VT starts its own investigation.",
        source="derived: FIGURES T6 (≈6% of reports investigated); calibrated",
    )
    p_board_if_unsafe_children: float = probability(
        0.35,
        doc=(
            "Assessed unsafe with children, and high risk by VT's risk score (structural unsafety): chance VT"
            " asks the board to investigate at once."
        ),
        source="calibrated to FIGURES T8 (new supervision orders)",
    )
    p_board_after_investigation: float = probability(
        0.6, doc="After an investigation confirming unsafety with children: chance of a board request."
    )
    p_inform_police: float = probability(0.15, doc="Unsafe and police not involved: chance VT informs the police.")
    p_acute_if_serious: float = probability(
        0.32,
        doc="Chance that a report after a serious incident is triaged as acute.",
        source=(
            "derived: FIGURES B (H1 2022: 3,040 acute of ≈60,000 reports, 5.1%) over the 16% of reports "
            "that follow a serious incident in the calibrated baseline"
        ),
    )
    p_multi_agency_if_complex: float = probability(
        0.15, doc="Unsafe with 2+ complicating factors: chance of a ZVH case meeting."
    )


class PoliceParams(Frozen):
    """Police: callouts, registration, arrest, complaint, restraining order, report to VT."""

    staff: StaffParams = _staff(900.0, 0.08, hiring_lag_days=120.0)
    callout_hours: float = param(
        3.0, unit="hours per callout", low=0.1, high=40.0, doc="Response, registration and report writing per callout."
    )
    complaint_hours: float = param(
        8.0, unit="hours per complaint", low=0.5, high=80.0, doc="Follow-up of a criminal complaint (aangifte)."
    )
    p_register_incident: float = probability(
        0.77,
        doc="Chance that a callout is registered as an HG incident.",
        source="derived: FIGURES T7 (71,000 registered) against police reports to VT (B)",
    )
    p_report_to_vt: float = probability(
        0.92,
        doc="Chance that police send a report to VT after a callout.",
        source="FIGURES B (police report most cases to VT)",
    )
    p_arrest_with_complaint: float = probability(
        0.6,
        doc="Chance that the suspect is arrested when a criminal complaint is taken at the callout.",
        source="FIGURES B (2005: suspect arrested in 60% of cases with a complaint; recent share not published)",
        plausible=(0.4, 0.8),
    )
    p_arrest_serious: float = probability(
        0.15,
        doc=(
            "Chance of an arrest at a serious incident without a complaint (caught in the act, injury or "
            "weapons: the police act on their own)."
        ),
        plausible=(0.05, 0.4),
    )
    p_arrest_minor: float = probability(
        0.01, doc="Chance of an arrest at a minor incident without a complaint.", plausible=(0.0, 0.05)
    )
    p_complaint: float = probability(
        0.24,
        doc="Chance that a criminal complaint is taken after a registered incident.",
        source="FIGURES T7 (complaint rate ≈24%)",
    )
    p_complaint_after_vt_information: float = probability(
        0.25,
        doc=(
            "Veilig Thuis informed the police: chance that the police's talk with the family ends in a criminal "
            "complaint, so that the prosecutor gets a case (otherwise it ends there)."
        ),
        plausible=(0.1, 0.6),
    )
    p_order_prepared_serious: float = probability(
        0.2,
        doc="Serious incident with a perpetrator at home: chance police prepare a restraining order.",
        source="calibrated to FIGURES B (≈3,500 orders a year; cross-check C1)",
    )
    p_order_prepared_minor: float = probability(
        0.04,
        doc="Minor incident: chance police prepare a restraining order.",
        source="derived: FIGURES B (orders follow 3-12% of police HG reports)",
    )


class MayorParams(Frozen):
    """Mayor: the temporary restraining order (tijdelijk huisverbod)."""

    staff: StaffParams = _staff(60.0, 0.1)
    decision_hours: float = param(2.0, unit="hours per order", low=0.1, high=20.0, doc="Time to decide on an order.")
    p_impose: float = probability(0.85, doc="Chance that a prepared order is imposed.")
    order_days: float = param(
        10.0,
        unit="days",
        low=1.0,
        high=28.0,
        source="FIGURES B (10 days, extendable to 28)",
        doc="Length of a restraining order.",
    )
    extended_order_days: float = param(
        28.0,
        unit="days",
        low=1.0,
        high=90.0,
        source="FIGURES B (10 days, extendable to 28)",
        doc="Length of an extended order.",
    )
    p_extend: float = probability(0.35, doc="Chance that an order is extended.")


class ProsecutionParams(Frozen):
    """Openbaar Ministerie: ZSM decisions on arrested suspects and regular decisions."""

    staff: StaffParams = _staff(250.0, 0.08)
    zsm_decision_hours: float = param(
        2.5, unit="hours per case", low=0.1, high=40.0, doc="Time of a ZSM decision (decision within about 6 hours)."
    )
    regular_decision_hours: float = param(
        6.0, unit="hours per case", low=0.1, high=80.0, doc="Time of a regular prosecution decision."
    )
    p_dismiss: float = probability(
        0.37, doc="Chance of a (policy) dismissal.", source="FIGURES B (settlement 2015: policy dismissal 37%)"
    )
    p_conditional_dismissal: float = probability(
        0.25, doc="Chance of a conditional dismissal with conditions (contact ban, treatment)."
    )
    p_conditions_supervised: float = probability(
        0.36,
        doc=(
            "Chance that the conditions of a conditional dismissal or sentence include supervision by "
            "probation (otherwise a contact or location ban, a fine or care without probation)."
        ),
        source=(
            "derived: FIGURES B (Reclassering Nederland 2023: 14,183 clients under supervision, about a "
            "quarter HG/KM, so about 3,500 HG supervisions a year, some 4,000 with the two smaller "
            "organisations) against the model's about 11,000 conditions a year (docs/calibration.md, "
            "steps 10 and 11; cross-check C3)"
        ),
        plausible=(0.2, 0.6),
    )
    p_probation_advice: float = probability(
        0.15,
        doc="Chance that ZSM asks probation for advice on an arrested suspect.",
        source=(
            "derived: FIGURES B (≈30,000 advice reports a year, about a quarter HG/KM, so ≈7,500; 24% to a "
            "third of requests via ZSM, so 1,800-2,500 a year) against the model's ≈14,400 ZSM decisions a "
            "year (cross-check C4)"
        ),
        plausible=(0.1, 0.25),
    )
    pretrial_detention_days: float = param(
        2.0, unit="days", low=0.0, high=30.0, doc="Mean days a suspect is held after arrest."
    )
    court_delay_days: float = param(
        150.0, unit="days", low=1.0, high=720.0, plausible=(90.0, 270.0), doc="Mean time to a court judgement."
    )
    p_conditions_at_court: float = probability(
        0.55, doc="Chance that a court judgement is a conditional sentence (conditions, without custody)."
    )
    p_custody_at_court: float = probability(0.15, doc="Chance of a custodial sentence.")
    p_stop_after_conviction: float = probability(
        0.2,
        doc="Chance that a conviction ends the violence (deterrence, separation, the perpetrator leaving).",
        source="calibrated to FIGURES T11 (7.5% reconvicted for HG within two years)",
        plausible=(0.0, 0.5),
    )
    custody_days: float = param(
        90.0, unit="days", low=1.0, high=3650.0, doc="Mean length of a custodial sentence served."
    )


class ProbationParams(Frozen):
    """Probation (3RO): advice, supervision of conditions, behavioural training."""

    staff: StaffParams = _staff(400.0, 0.12)
    advice_hours: float = param(6.0, unit="hours per advice", low=0.5, high=60.0, doc="Time of an advice report.")
    supervision: CaseloadParams = CaseloadParams(
        norm_per_fte=30.0, max_per_fte=45.0, duration_days=365.0, hours_per_week=1.0
    )
    p_behavioural_training: float = probability(
        0.3,
        doc="Chance that a supervised perpetrator follows a behavioural training.",
        source="derived: FIGURES B (991 trainings for 14,183 supervised clients, all offences)",
    )


class ChildProtectionBoardParams(Frozen):
    """Raad voor de Kinderbescherming: protection investigations and requests to the court."""

    # First calibrated to FIGURES T8 below the generic range of its first value 0.6; since step 15
    # (docs/calibration.md) set by hand against cross-check C8 at the top of this range.
    PLAUSIBLE: ClassVar[dict[str, tuple[float, float]]] = {"p_request_measure_if_unsafe": (0.2, 0.9)}

    # Set by hand (docs/calibration.md step 15): the board's HG/KM load against cross-check C7.
    staff: StaffParams = _staff(215.0, 0.12)
    investigation_hours: float = param(
        40.0,
        unit="hours per investigation",
        low=1.0,
        high=300.0,
        plausible=(25.0, 60.0),
        doc="Time of one protection investigation.",
    )
    p_request_measure_if_unsafe: float = probability(
        0.6, doc="Board finds the child unsafe: chance it asks the court for a measure."
    )
    p_request_measure_if_safe: float = probability(
        0.05, doc="Board finds the child safe: chance it still asks for a measure (false alarm)."
    )
    court_delay_days: float = param(
        30.0, unit="days", low=1.0, high=365.0, doc="Mean time from request to the juvenile court's order."
    )
    p_court_grants: float = probability(0.9, doc="Chance that the juvenile court imposes the OTS.")
    request_restraint_per_gi_backlog: float = param(
        2.0,
        unit="per (waiting families / GI slots)",
        low=0.0,
        high=50.0,
        plausible=(0.0, 5.0),
        doc="How much a GI waiting list holds the board back from asking for a measure: its request chances are "
        "divided by 1 + this x (families on the GI's waiting list / the GI's slots). 0: the board ignores it.",
    )


class YouthProtectionParams(Frozen):
    """Gecertificeerde instelling: supervision orders (OTS)."""

    SOURCES: ClassVar[dict[str, str]] = {
        "staff.attrition_per_year": "calibrated to FIGURES T12 (≈20% left per year at a caseload of ≈18)",
        "supervision.norm_per_fte": "FIGURES T12 (workable maximum 8-9 families)",
        "supervision.max_per_fte": "FIGURES T12 (≈18 families per professional in practice)",
        "supervision.duration_days": "derived: FIGURES T8 (OTS stock 19,400 / inflow ≈7,900)",
    }
    # Attrition at a normal caseload; the observed ≈20% includes leaving under overload.
    PLAUSIBLE: ClassVar[dict[str, tuple[float, float]]] = {"staff.attrition_per_year": (0.04, 0.25)}

    staff: StaffParams = _staff(1100.0, 0.2)
    supervision: CaseloadParams = CaseloadParams(
        norm_per_fte=8.5, max_per_fte=18.0, duration_days=900.0, hours_per_week=2.5
    )
    p_aftercare_local_team: float = probability(
        0.5, doc="Chance that a family gets aftercare from the local team when the OTS ends."
    )
    occupancy_at_start: float = share(
        1.0,
        doc="Share of the GI's supervision slots taken at day 0 by families whose supervision began before "
        "the run (a supervision lasts about three years: an empty GI would fill for years).",
        source="derived: the model's own steady state (the GI works at its maximum caseload)",
        plausible=(0.8, 1.0),
    )


class LocalTeamParams(Frozen):
    """Wijkteam: voluntary help close to home and case direction."""

    staff: StaffParams = _staff(2500.0, 0.15)
    help: CaseloadParams = CaseloadParams(norm_per_fte=15.0, max_per_fte=22.0, duration_days=240.0, hours_per_week=1.5)
    p_refer_specialist: float = probability(
        0.5, doc="Family with a complicating factor: chance of a referral to specialist care."
    )
    p_dropout_care_avoiding: float = probability(
        0.45, doc="Care-avoiding family: chance it drops out of voluntary help."
    )


class SpecialistCareParams(Frozen):
    """Specialist care: mental health, addiction, forensic and trauma care."""

    staff: StaffParams = _staff(1500.0, 0.12)
    treatment: CaseloadParams = CaseloadParams(
        norm_per_fte=12.0, max_per_fte=14.0, duration_days=240.0, hours_per_week=2.0
    )
    p_factor_resolved: float = probability(
        0.35, doc="Chance that completed treatment resolves the complicating factor."
    )


class SafetyHouseParams(Frozen):
    """Zorg- en Veiligheidshuis: multi-agency case meetings for complex cases."""

    staff: StaffParams = _staff(150.0, 0.1)
    meeting_hours: float = param(
        6.0,
        unit="hours per case",
        low=0.5,
        high=40.0,
        doc="Preparation and meeting time of one case, all participants.",
    )


class OrganisationParams(Frozen):
    """All partner organisations."""

    veilig_thuis: VeiligThuisParams = VeiligThuisParams()
    police: PoliceParams = PoliceParams()
    mayor: MayorParams = MayorParams()
    prosecution: ProsecutionParams = ProsecutionParams()
    probation: ProbationParams = ProbationParams()
    child_protection_board: ChildProtectionBoardParams = ChildProtectionBoardParams()
    youth_protection: YouthProtectionParams = YouthProtectionParams()
    local_team: LocalTeamParams = LocalTeamParams()
    specialist_care: SpecialistCareParams = SpecialistCareParams()
    safety_house: SafetyHouseParams = SafetyHouseParams()
