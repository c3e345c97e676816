"""The functions organisations perform for families, and how each is staffed.

A service is either a job queue (work with a start and an end measured in professional hours:
a triage, an investigation, a decision) or a caseload (a family held for a period: monitoring,
supervision, help). The table below says which organisation kind performs it, which share of
that organisation's staff works on it, how long it takes, and what it does to the family while
it runs (a kind of help, a direct-safety measure).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from simulation.enums import HelpType, Measure, OrgKind
from simulation.parameters.organisations import CaseloadParams
from simulation.parameters.scenario import Scenario

# Case lengths of caseload services are gamma distributed around their mean with this shape
# (coefficient of variation 1/sqrt(2); an assumption). A whole number (an Erlang distribution),
# so that a case's length is a sum of keyed exponential draws of its family.
CASE_LENGTH_SHAPE = 2


class ServiceKind(IntEnum):
    """Functions performed for families."""

    VT_TRIAGE = 0
    VT_INVESTIGATION = 1
    VT_MONITORING = 2
    POLICE_COMPLAINT = 3
    MAYOR_ORDER = 4
    ZSM_DECISION = 5
    OM_DECISION = 6
    PROBATION_ADVICE = 7
    PROBATION_SUPERVISION = 8
    BOARD_INVESTIGATION = 9
    GI_SUPERVISION = 10
    LOCAL_HELP = 11
    SPECIALIST_TREATMENT = 12
    ZVH_MEETING = 13
    MDA_TEAM = 14
    VT_FOLLOW_UP = 15  # monitoring after a handover (contacts; VT stays involved)


@dataclass(frozen=True)
class ServiceSpec:
    """How one function is performed.

    Attributes:
        kind: the function.
        org_kind: who performs it in current practice.
        share: share of that organisation's staff working on it.
        hours: professional hours per job (job queues) or per family per week (caseloads).
        caseload: caseload parameters, for caseload services; None for job queues.
        help: kind of help a family receives while the case runs.
        measure: direct-safety measure in force while the case runs.
        professional: whether a new professional meets the family when it starts.
        assessment: whether it assesses the family's safety (counts towards duplicated work).
        bundled: whether the regional safety team takes it over in the restructuring scenario.
    """

    kind: ServiceKind
    org_kind: OrgKind
    share: Callable[[Scenario], float]
    hours: Callable[[Scenario], float]
    caseload: Callable[[Scenario], CaseloadParams] | None = None
    help: HelpType | None = None
    measure: Measure | None = None
    professional: bool = True
    assessment: bool = False
    bundled: bool = False

    @property
    def is_caseload(self) -> bool:
        return self.caseload is not None


def _vt_rest(s: Scenario) -> float:
    vt = s.organisations.veilig_thuis
    return max(0.0, 1.0 - vt.share_advice - vt.share_triage - vt.share_investigation - vt.share_follow_up)


S, K = ServiceKind, OrgKind
SERVICES: dict[ServiceKind, ServiceSpec] = {
    spec.kind: spec
    for spec in (
        ServiceSpec(
            S.VT_TRIAGE,
            K.VEILIG_THUIS,
            lambda s: s.organisations.veilig_thuis.share_triage,
            lambda s: s.organisations.veilig_thuis.triage_hours,
            assessment=True,
            bundled=True,
        ),
        ServiceSpec(
            S.VT_INVESTIGATION,
            K.VEILIG_THUIS,
            lambda s: s.organisations.veilig_thuis.share_investigation,
            lambda s: s.organisations.veilig_thuis.investigation_hours,
            assessment=True,
            bundled=True,
        ),
        ServiceSpec(
            S.VT_MONITORING,
            K.VEILIG_THUIS,
            _vt_rest,
            lambda s: s.organisations.veilig_thuis.monitoring.hours_per_week,
            caseload=lambda s: s.organisations.veilig_thuis.monitoring,
            measure=Measure.SAFETY_CONDITIONS,
            bundled=True,
        ),
        ServiceSpec(
            S.VT_FOLLOW_UP,
            K.VEILIG_THUIS,
            lambda s: s.organisations.veilig_thuis.share_follow_up,
            lambda s: s.organisations.veilig_thuis.follow_up_hours,
            professional=False,
            bundled=True,
        ),
        ServiceSpec(
            S.POLICE_COMPLAINT,
            K.POLICE,
            lambda s: 1.0,
            lambda s: s.organisations.police.complaint_hours,
            professional=False,
        ),
        ServiceSpec(
            S.MAYOR_ORDER, K.MAYOR, lambda s: 1.0, lambda s: s.organisations.mayor.decision_hours, professional=False
        ),
        ServiceSpec(
            S.ZSM_DECISION,
            K.PROSECUTION,
            lambda s: 0.5,
            lambda s: s.organisations.prosecution.zsm_decision_hours,
            professional=False,
        ),
        ServiceSpec(
            S.OM_DECISION,
            K.PROSECUTION,
            lambda s: 0.5,
            lambda s: s.organisations.prosecution.regular_decision_hours,
            professional=False,
        ),
        ServiceSpec(
            S.PROBATION_ADVICE,
            K.PROBATION,
            lambda s: 0.4,
            lambda s: s.organisations.probation.advice_hours,
            assessment=True,
        ),
        ServiceSpec(
            S.PROBATION_SUPERVISION,
            K.PROBATION,
            lambda s: 0.6,
            lambda s: s.organisations.probation.supervision.hours_per_week,
            caseload=lambda s: s.organisations.probation.supervision,
            help=HelpType.SUPERVISION,
            measure=Measure.SAFETY_CONDITIONS,
        ),
        ServiceSpec(
            S.BOARD_INVESTIGATION,
            K.CHILD_PROTECTION_BOARD,
            lambda s: 1.0,
            lambda s: s.organisations.child_protection_board.investigation_hours,
            assessment=True,
            bundled=True,
        ),
        ServiceSpec(
            S.GI_SUPERVISION,
            K.YOUTH_PROTECTION,
            lambda s: 1.0,
            lambda s: s.organisations.youth_protection.supervision.hours_per_week,
            caseload=lambda s: s.organisations.youth_protection.supervision,
            help=HelpType.SUPERVISION,
            assessment=True,
            bundled=True,
        ),
        ServiceSpec(
            S.LOCAL_HELP,
            K.LOCAL_TEAM,
            lambda s: 1.0,
            lambda s: s.organisations.local_team.help.hours_per_week,
            caseload=lambda s: s.organisations.local_team.help,
        ),
        ServiceSpec(
            S.SPECIALIST_TREATMENT,
            K.SPECIALIST_CARE,
            lambda s: 1.0,
            lambda s: s.organisations.specialist_care.treatment.hours_per_week,
            caseload=lambda s: s.organisations.specialist_care.treatment,
            help=HelpType.TREATMENT,
        ),
        ServiceSpec(
            S.ZVH_MEETING,
            K.SAFETY_HOUSE,
            lambda s: 1.0,
            lambda s: s.organisations.safety_house.meeting_hours,
            professional=False,
        ),
        ServiceSpec(
            S.MDA_TEAM,
            K.SAFETY_HOUSE,
            lambda s: 0.0,
            lambda s: s.mechanisms.mda_plus_plus.hours_per_case,
            caseload=lambda s: CaseloadParams(
                norm_per_fte=1.0,
                max_per_fte=1.0,
                duration_days=s.mechanisms.mda_plus_plus.duration_days,
                hours_per_week=s.mechanisms.mda_plus_plus.hours_per_case,
            ),
            help=HelpType.RISK_CARE,
        ),
    )
}


# The organisation kind of today's chain whose function each service is (index: ServiceKind); in a
# regional safety team, the part of the team that does it.
HOME_KIND = np.array([int(SERVICES[s].org_kind) for s in ServiceKind], dtype=np.int64)


def services_of(kind: OrgKind) -> list[ServiceSpec]:
    """The functions an organisation kind performs in current practice."""
    return [spec for spec in SERVICES.values() if spec.org_kind == kind]
