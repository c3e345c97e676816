"""Civil route: the child protection board's investigation, the juvenile court and the GI.

The board (RvdK) investigates when a child's safety is seriously threatened and may ask the
juvenile court for a supervision order (OTS), which a certified youth-protection agency (GI)
carries out (FIGURES T8). In the restructuring scenario the regional safety team performs these
functions; at full integration a later function can reuse the earlier assessment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from simulation.arrays import IntArray
from simulation.assessment import assess
from simulation.enums import OrgKind, Reason
from simulation.pathways import care
from simulation.services import ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel


def after_board_investigation(model: ChainModel, jobs: IntArray) -> None:
    """The board has investigated: ask the court for a measure, or hand over to the local team."""
    J = model.jobs
    pop = model.population
    p = model.params.organisations.child_protection_board
    fam = J.family[jobs]
    org = model.queue_org[J.queue[jobs]]
    now = J.end[jobs]
    t = float(now.min())
    shared = model.shares_assessment(fam, t)
    pop.info_quality[fam] = np.maximum(pop.info_quality[fam], 0.8)
    unsafe = assess(model, fam, org, t, OrgKind.CHILD_PROTECTION_BOARD, count=~shared, times=now)
    # A GI waiting list holds the board back from asking for a measure (an overload response).
    restraint = 1.0 + p.request_restraint_per_gi_backlog * model.caseload_backlog(
        ServiceKind.GI_SUPERVISION, pop.region[fam]
    )
    request = (
        pop.draws("board_request", fam)
        < np.where(unsafe, p.p_request_measure_if_unsafe, p.p_request_measure_if_safe) / restraint
    )
    model.day_counts["board_investigations"] += fam.size
    model.decide(fam[request], org[request], Reason.SUPERVISION_ORDER, now[request])
    model.decide(fam[~request], org[~request], Reason.NO_MEASURE, now[~request])
    delay = p.court_delay_days + model.restructuring.legal_delay_days(t)
    court = -delay * np.log1p(-pop.draws("juvenile_court", fam[request]))
    model.later(now[request] + court, juvenile_court, fam[request], org[request])
    help_after = ~request & unsafe
    care.hand_over_local_team(model, fam[help_after], now[help_after], org[help_after], "board_to_local_team")


def juvenile_court(model: ChainModel, fam: IntArray, times: NDArray[np.float64], org: IntArray) -> None:
    """The juvenile court orders supervision (OTS); the GI carries it out."""
    granted = (
        model.population.draws("court_grants", fam) < model.params.organisations.child_protection_board.p_court_grants
    )
    granted &= model.not_in(ServiceKind.GI_SUPERVISION, fam)
    model.day_counts["supervision_orders"] += int(granted.sum())
    model.day_counts["children_with_supervision_orders"] += int(model.population.n_children[fam[granted]].sum())
    model.dispatch.send(
        fam[granted],
        ServiceKind.GI_SUPERVISION,
        times[granted],
        reason=Reason.SUPERVISION_ORDER,
        sender=org[granted],
        route="board_to_youth_protection",
    )


def end_guardianship(model: ChainModel, jobs: IntArray) -> None:
    """Supervision ends; some families get aftercare from the local team."""
    J = model.jobs
    pop = model.population
    fam = J.family[jobs]
    org = model.queue_org[J.queue[jobs]]
    now = J.end[jobs]
    model.decide(fam, org, Reason.COMPLETED, now)
    aftercare = pop.draws("aftercare", fam) < model.params.organisations.youth_protection.p_aftercare_local_team
    model.decide(fam[aftercare], org[aftercare], Reason.HAND_OVER_LOCAL_TEAM, now[aftercare])
    care.hand_over_local_team(model, fam[aftercare], now[aftercare], org[aftercare], "youth_protection_to_local_team")
