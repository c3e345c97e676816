"""Partner organisations as Mesa agents, their legal powers, and the functions they staff.

Each organisation instance (the VT of one region, the police of one district, ...) is a full
Mesa agent with a workforce and one queue per function it performs. The legal task of each kind
(BRIEF §2) is written down as the set of decisions it may take; the model refuses any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

import mesa
import numpy as np

from simulation.enums import OrgKind, Reason

if TYPE_CHECKING:
    from simulation.model import ChainModel
    from simulation.queues import Caseload, JobQueue

R = Reason
LEGAL_POWERS: dict[OrgKind, frozenset[Reason]] = {
    OrgKind.VEILIG_THUIS: frozenset(
        {
            R.CLOSE_WITH_ADVICE,
            R.HAND_OVER_LOCAL_TEAM,
            R.VT_INVESTIGATION,
            R.SAFETY_CONDITIONS,
            R.REQUEST_BOARD_INVESTIGATION,
            R.INFORM_POLICE,
            R.MULTI_AGENCY_CASE,
            R.JOINT_RESPONSE,
            R.FOLLOW_UP,
            R.COMPLETED,
        }
    ),
    OrgKind.POLICE: frozenset(
        {
            R.REGISTERED,
            R.ARREST,
            R.COMPLAINT,
            R.NO_COMPLAINT,
            R.RESTRAINING_ORDER,
            R.REPORT_TO_VT,
            R.JOINT_RESPONSE,
            R.COMPLETED,
        }
    ),
    OrgKind.MAYOR: frozenset({R.RESTRAINING_ORDER, R.ORDER_ENDED}),
    OrgKind.PROSECUTION: frozenset(
        {
            R.DISMISS,
            R.CONDITIONAL_DISMISSAL,
            R.COURT_CASE,
            R.SENTENCE_WITH_CONDITIONS,
            R.CUSTODIAL_SENTENCE,
            R.PROBATION_ADVICE,
            R.COMPLETED,
        }
    ),
    OrgKind.CHILD_PROTECTION_BOARD: frozenset({R.SUPERVISION_ORDER, R.NO_MEASURE, R.COMPLETED}),
    OrgKind.YOUTH_PROTECTION: frozenset({R.COMPLETED, R.HAND_OVER_LOCAL_TEAM}),
    OrgKind.PROBATION: frozenset({R.PROBATION_ADVICE, R.PROBATION_SUPERVISION, R.BEHAVIOURAL_TRAINING, R.COMPLETED}),
    OrgKind.LOCAL_TEAM: frozenset({R.LOCAL_HELP, R.SPECIALIST_TREATMENT, R.REPORT_TO_VT, R.DROPPED_OUT, R.COMPLETED}),
    OrgKind.SPECIALIST_CARE: frozenset({R.SPECIALIST_TREATMENT, R.DROPPED_OUT, R.COMPLETED}),
    OrgKind.SAFETY_HOUSE: frozenset({R.MULTI_AGENCY_CASE, R.ACTION_MEETING, R.HAND_OVER_LOCAL_TEAM, R.COMPLETED}),
}
# The regional safety team bundles the powers of VT, the board and the GI.
LEGAL_POWERS[OrgKind.REGIONAL_SAFETY_TEAM] = (
    LEGAL_POWERS[OrgKind.VEILIG_THUIS]
    | LEGAL_POWERS[OrgKind.CHILD_PROTECTION_BOARD]
    | LEGAL_POWERS[OrgKind.YOUTH_PROTECTION]
)


ALLOWED = np.zeros((len(OrgKind), len(Reason)), dtype=bool)
for _kind, _powers in LEGAL_POWERS.items():
    ALLOWED[_kind, [int(r) for r in _powers]] = True


class Level(IntEnum):
    """Territorial level at which an organisation kind is organised."""

    REGION = 0  # the 26 (25) Veilig Thuis regions
    DISTRICT = 1  # the 10 arrondissementen / police units


LEVEL: dict[OrgKind, Level] = {
    OrgKind.VEILIG_THUIS: Level.REGION,
    OrgKind.POLICE: Level.DISTRICT,
    OrgKind.MAYOR: Level.REGION,
    OrgKind.PROSECUTION: Level.DISTRICT,
    OrgKind.CHILD_PROTECTION_BOARD: Level.DISTRICT,
    OrgKind.YOUTH_PROTECTION: Level.REGION,
    OrgKind.PROBATION: Level.DISTRICT,
    OrgKind.LOCAL_TEAM: Level.REGION,
    OrgKind.SPECIALIST_CARE: Level.REGION,
    OrgKind.SAFETY_HOUSE: Level.REGION,
    OrgKind.REGIONAL_SAFETY_TEAM: Level.REGION,
}


def check_power(kind: OrgKind, reason: Reason) -> None:
    """Raise if an organisation of `kind` takes a decision its legal task does not allow."""
    if reason not in LEGAL_POWERS[kind]:
        raise RuntimeError(f"{kind.label} has no legal power to decide {reason.name}")


@dataclass
class OrgSnapshot:
    """Numbers about one organisation on one day (for views and aggregates)."""

    headcount: int
    present: int
    vacancies: int
    productivity: float
    waiting: int
    caseload: int
    workload: float


class Organisation(mesa.Agent):
    """One organisation instance: kind, territory, staff (via the workforce) and queues.

    Attributes:
        kind: OrgKind.
        territory: region index (region-level kinds) or district index.
        org_id: index into the workforce and the model's organisation list.
        queues: the functions it performs, by ServiceKind.
        active: False for a regional safety team before its region converts.
    """

    def __init__(self, model: ChainModel, kind: OrgKind, territory: int, org_id: int) -> None:
        super().__init__(model)
        self.kind = kind
        self.territory = territory
        self.org_id = org_id
        self.queues: dict[int, JobQueue | Caseload] = {}
        self.active = kind != OrgKind.REGIONAL_SAFETY_TEAM
        self.workload = 0.0

    @property
    def name(self) -> str:
        level = "region" if LEVEL[self.kind] == Level.REGION else "district"
        return f"{self.kind.label} ({level} {self.territory + 1})"

    def may(self, reason: Reason) -> bool:
        """Whether its legal task allows this decision."""
        return reason in LEGAL_POWERS[self.kind]

    def snapshot(self) -> OrgSnapshot:
        """Today's staff, waiting and caseload numbers."""
        wf = self.model.workforce
        i = self.org_id
        waiting = sum(len(q) for q in self.queues.values())
        caseload = sum(len(q.active) for q in self.queues.values() if hasattr(q, "active"))
        return OrgSnapshot(
            headcount=int(wf.headcount[i]),
            present=int(wf.present[i]),
            vacancies=int(np.maximum(wf.funded[i] - wf.headcount[i], 0)),
            productivity=float(wf.productivity[i]),
            waiting=waiting,
            caseload=caseload,
            workload=self.workload,
        )
