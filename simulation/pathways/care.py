"""Care: the local team's voluntary help, specialist treatment, ZVH case meetings and MDA++.

The kind of help the local team gives should fit the family's phase of safety: risk-driven care
while the family is unsafe or stabilising, recovery care once it is stable. With a chance the
help does not fit (recovery care while still unsafe), and then it works poorly (`phases`).
Care-avoiding families drop out of voluntary help more often.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from simulation.arrays import IntArray
from simulation.enums import ComplicatingFactor, HelpType, Reason, SafetyPhase
from simulation.records import DROPPED_OUT
from simulation.services import ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel


def hand_over_local_team(
    model: ChainModel, fam: IntArray, now: NDArray[np.float64], sender: IntArray, route: str
) -> None:
    """Hand families to the local team for voluntary help (once at a time)."""
    fresh = model.not_in(ServiceKind.LOCAL_HELP, fam)
    model.dispatch.send(
        fam[fresh], ServiceKind.LOCAL_HELP, now[fresh], reason=Reason.LOCAL_HELP, sender=sender[fresh], route=route
    )


def start_local_help(model: ChainModel, jobs: IntArray) -> None:
    """Voluntary help starts: choose its kind by phase; note dropout; refer for treatment; take regie."""
    J = model.jobs
    pop = model.population
    lt = model.params.organisations.local_team
    fam = J.family[jobs]
    org = model.queue_org[J.queue[jobs]]
    t = float(J.start[jobs].min())
    phase = pop.phase[fam]
    p_match = model.mechanisms.phase_match(model.params.care.help.p_help_matches_phase, t)
    matched = pop.draws("help_fit", fam) < p_match
    in_direct = (phase == SafetyPhase.DIRECT) | (phase == SafetyPhase.NOT_IN_VIEW)
    recovery = np.where(in_direct, ~matched, phase == SafetyPhase.RECOVERY)
    quality = model.help_quality(org, model.org_kind[org])
    model.start_help(fam[~recovery], HelpType.RISK_CARE, quality[~recovery])
    model.start_help(fam[recovery], HelpType.RECOVERY_CARE, quality[recovery])
    J.extra[jobs] = np.where(recovery, HelpType.RECOVERY_CARE, HelpType.RISK_CARE)
    no_lead = pop.lead_org[fam] < 0
    pop.lead_org[fam[no_lead]] = org[no_lead]
    # Care-avoiding families may drop out part-way.
    covered = model.mechanisms.covers("stronger_local_teams", fam, t)
    stronger = model.params.mechanisms.stronger_local_teams
    model.book_hours(org[covered], np.full(int(covered.sum()), stronger.hours_per_case))
    reduction = np.where(covered, stronger.dropout_reduction, 0.0)
    drops = pop.care_avoiding[fam] & (pop.draws("dropout", fam) < lt.p_dropout_care_avoiding * (1.0 - reduction))
    if drops.any():
        sel = jobs[drops]
        span = J.end[sel] - J.start[sel]
        model.operations.reschedule_end(sel, J.start[sel] + span * pop.draws("dropout_time", fam[drops]))
        J.flags[sel] |= DROPPED_OUT
    refer = (pop.factors[fam] > 0) & (pop.draws("refer_specialist", fam) < lt.p_refer_specialist)
    refer &= model.not_in(ServiceKind.SPECIALIST_TREATMENT, fam)
    model.decide(fam[refer], org[refer], Reason.SPECIALIST_TREATMENT, J.start[jobs][refer])
    model.dispatch.send(
        fam[refer],
        ServiceKind.SPECIALIST_TREATMENT,
        J.start[jobs][refer],
        reason=Reason.SPECIALIST_TREATMENT,
        sender=org[refer],
        route="local_team_to_specialist_care",
    )


def end_local_help(model: ChainModel, jobs: IntArray) -> None:
    """Voluntary help ends (completed or dropped out)."""
    J = model.jobs
    fam = J.family[jobs]
    org = model.queue_org[J.queue[jobs]]
    help_type = J.extra[jobs].astype(int)
    for kind in (HelpType.RISK_CARE, HelpType.RECOVERY_CARE):
        model.population.change_help(fam[help_type == kind], kind, -1)
    dropped = (J.flags[jobs] & DROPPED_OUT) > 0
    model.decide(fam[dropped], org[dropped], Reason.DROPPED_OUT, J.end[jobs][dropped])
    model.decide(fam[~dropped], org[~dropped], Reason.COMPLETED, J.end[jobs][~dropped])
    lead = model.population.lead_org[fam] == org
    model.population.lead_org[fam[lead]] = -1


def end_treatment(model: ChainModel, jobs: IntArray) -> None:
    """Treatment ends: with a chance (depending on the phase) it resolves one complicating factor."""
    J = model.jobs
    pop = model.population
    fam = J.family[jobs]
    org = model.queue_org[J.queue[jobs]]
    table = model.effectiveness
    chance = (
        model.params.organisations.specialist_care.p_factor_resolved
        * table[HelpType.TREATMENT, pop.phase[fam]]
        * pop.help_quality[fam, HelpType.TREATMENT]
    )
    resolved = (pop.factors[fam] > 0) & (pop.draws("treatment_result", fam) < chance)
    for factor in ComplicatingFactor:
        bit = np.uint8(1 << factor)
        has = resolved & ((pop.factors[fam] & bit) > 0)
        pop.factors[fam[has]] &= ~bit
        resolved &= ~has
    model.decide(fam, org, Reason.COMPLETED, J.end[jobs])


def after_case_meeting(model: ChainModel, jobs: IntArray) -> None:
    """A ZVH case meeting agrees one plan with a named lead, shares the facts and starts help."""
    J = model.jobs
    fam = J.family[jobs]
    org = model.queue_org[J.queue[jobs]]
    now = J.end[jobs]
    model.record_meeting(fam, org, now, Reason.MULTI_AGENCY_CASE)
    hand_over_local_team(model, fam, now, org, "safety_house_to_local_team")


def start_mda(model: ChainModel, jobs: IntArray) -> None:
    """An MDA++ trajectory starts: one whole-system team with one plan, help fitted to the phase."""
    J = model.jobs
    fam = J.family[jobs]
    org = model.queue_org[J.queue[jobs]]
    model.record_meeting(fam, org, J.start[jobs], Reason.MULTI_AGENCY_CASE)
    # The generic case start gave ordinary risk care; the whole-system team works better.
    model.population.help_quality[fam, HelpType.RISK_CARE] *= model.params.mechanisms.mda_plus_plus.effect_multiplier


def end_mda(model: ChainModel, jobs: IntArray) -> None:
    fam = model.jobs.family[jobs]
    org = model.queue_org[model.jobs.queue[jobs]]
    model.decide(fam, org, Reason.COMPLETED, model.jobs.end[jobs])
