"""Veilig Thuis: triage and safety assessment, choice of path, investigation, conditions and follow-up.

After a report VT assesses safety (an instrument with sensitivity and specificity) and chooses
the path (BRIEF §3 step 4): close with advice, hand over to the local team, its own
investigation, safety conditions with follow-up, a request to the child protection board,
informing the police, a multi-agency case meeting - often several at once. The national split
after triage is not published (FIGURES D); the chances are assumptions that reproduce the
published number of investigations (FIGURES T6).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from simulation.arrays import IntArray, add_at, per_item
from simulation.assessment import assess, risk_score
from simulation.enums import EventKind, OrgKind, Reason
from simulation.jobs import ACUTE
from simulation.pathways import care
from simulation.records import JOINT
from simulation.services import ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel


def after_triage(model: ChainModel, jobs: IntArray) -> None:
    """A triage is done: assess and choose the path."""
    J = model.jobs
    pop = model.population
    vt_params = model.params.organisations.veilig_thuis
    fam = J.family[jobs]
    org = model.queue_org[J.queue[jobs]]
    now = J.end[jobs]
    t = now[0]
    joint = (J.flags[jobs] & JOINT) > 0
    model.day_counts["triages"] += fam.size
    # The triage's end is VT's decision on the report: `value` is the days since the report,
    # `detail` 1 for an acute report.
    model.log.add_many(
        now,
        EventKind.TRIAGE,
        family=fam,
        org=org,
        org_kind=model.org_kind[org],
        detail=(J.priority[jobs] == ACUTE).astype(np.int16),
        value=now - J.created[jobs],
        flag=np.where(joint, JOINT, 0),
    )
    # Joint triage with police reuses the police's assessment: one interview, not two.
    unsafe = assess(model, fam, org, t, OrgKind.VEILIG_THUIS, count=~joint, times=now)
    children = pop.n_children[fam] > 0
    from_police = model.org_kind[np.maximum(J.sender[jobs], 0)] == OrgKind.POLICE
    from_police &= J.sender[jobs] >= 0

    u_path, u_local, u_board, u_police, u_zvh = pop.draws_many(
        ("vt_path", "vt_local", "vt_board", "vt_police", "vt_zvh"), fam
    )
    investigation = unsafe & (u_path < vt_params.p_investigation_if_unsafe)
    conditions = (
        unsafe & ~investigation & (u_path < vt_params.p_investigation_if_unsafe + vt_params.p_conditions_if_unsafe)
    )
    local = u_local < np.where(unsafe, vt_params.p_local_team_if_unsafe, vt_params.p_local_team_if_safe)
    score = risk_score(model, fam)  # VT's estimate of the family's violence (incidents a year)
    board = _asks_board(model, fam, unsafe, score, u_board) | (unsafe & children & (J.extra[jobs] > 0))
    inform_police = unsafe & ~from_police & (u_police < vt_params.p_inform_police)
    complex_case = unsafe & (pop.factor_count(fam) >= 2) & (u_zvh < vt_params.p_multi_agency_if_complex)
    local &= ~complex_case
    # VT does not close a family it judged unsafe: if it neither keeps it nor passes it to the board
    # or a case meeting, the local team takes over.
    local |= unsafe & ~(investigation | conditions | board | complex_case)
    close = ~(investigation | conditions | local | board | inform_police | complex_case)

    for mask, reason in (
        (close, Reason.CLOSE_WITH_ADVICE),
        (investigation, Reason.VT_INVESTIGATION),
        (conditions, Reason.SAFETY_CONDITIONS),
        (local, Reason.HAND_OVER_LOCAL_TEAM),
        (board, Reason.REQUEST_BOARD_INVESTIGATION),
        (inform_police, Reason.INFORM_POLICE),
        (complex_case, Reason.MULTI_AGENCY_CASE),
    ):
        model.decide(fam[mask], org[mask], reason, now[mask])
    model.dispatch.send(
        fam[investigation],
        ServiceKind.VT_INVESTIGATION,
        now[investigation],
        reason=Reason.VT_INVESTIGATION,
        sender=org[investigation],
    )
    _conditions(model, fam[conditions], now[conditions], org[conditions])
    care.hand_over_local_team(model, fam[local], now[local], org[local], "veilig_thuis_to_local_team")
    delay = np.where(joint[board], model.params.mechanisms.samen_op_bij_strafbare_km.board_delay_factor, 1.0)
    request_board(model, fam[board], now[board], org[board], delay)
    model.dispatch.send(
        fam[inform_police],
        ServiceKind.POLICE_COMPLAINT,
        now[inform_police],
        reason=Reason.INFORM_POLICE,
        sender=org[inform_police],
        route="veilig_thuis_to_police",
    )
    model.dispatch.send(
        fam[complex_case],
        ServiceKind.ZVH_MEETING,
        now[complex_case],
        reason=Reason.MULTI_AGENCY_CASE,
        sender=org[complex_case],
        route="veilig_thuis_to_safety_house",
    )
    # VT stays involved through an investigation, conditions, or its monitoring after a handover.
    follow_up = start_follow_up(model, fam, now, org, unsafe & ~(investigation | conditions))
    add_at(pop.vt_open, fam[~(investigation | conditions | follow_up)], -1)
    _candidates_for_tables(model, fam[unsafe], now[unsafe], org[unsafe], J.priority[jobs][unsafe] == 0, score[unsafe])


def _asks_board(
    model: ChainModel,
    fam: IntArray,
    unsafe: NDArray[np.bool_],
    score: NDArray[np.float64],
    u_board: NDArray[np.float64],
) -> NDArray[np.bool_]:
    """VT's rule for asking the board to investigate, at a triage and at a monitoring contact: a
    family with children it judged unsafe whose risk `score` counts it high risk (structural
    unsafety, which a protection measure answers), with chance `p_board_if_unsafe_children`."""
    high_risk = score >= model.params.care.assessment.high_risk_incidents_per_year
    chance = model.params.organisations.veilig_thuis.p_board_if_unsafe_children
    return unsafe & (model.population.n_children[fam] > 0) & high_risk & (u_board < chance)


def request_board(
    model: ChainModel,
    fam: IntArray,
    now: NDArray[np.float64],
    org: IntArray,
    delay_factor: NDArray[np.float64] | float = 1.0,
) -> None:
    """Ask the child protection board to investigate (civil route); legal uncertainty may delay it."""
    if fam.size == 0:
        return
    fresh = model.not_in(ServiceKind.BOARD_INVESTIGATION, fam) & model.not_in(ServiceKind.GI_SUPERVISION, fam)
    extra_delay = model.restructuring.legal_delay_days(float(now.min()))
    model.dispatch.send(
        fam[fresh],
        ServiceKind.BOARD_INVESTIGATION,
        now[fresh] + extra_delay,
        reason=Reason.REQUEST_BOARD_INVESTIGATION,
        sender=org[fresh],
        route="veilig_thuis_to_board",
        delay_factor=per_item(delay_factor, fam.size)[fresh],
    )


def _conditions(model: ChainModel, fam: IntArray, now: NDArray[np.float64], org: IntArray) -> None:
    fresh = model.not_in(ServiceKind.VT_MONITORING, fam)
    model.dispatch.send(
        fam[fresh], ServiceKind.VT_MONITORING, now[fresh], reason=Reason.SAFETY_CONDITIONS, sender=org[fresh]
    )
    add_at(model.population.vt_open, fam[~fresh], -1)


def _candidates_for_tables(
    model: ChainModel,
    fam: IntArray,
    now: NDArray[np.float64],
    org: IntArray,
    acute: NDArray[np.bool_],
    score: NDArray[np.float64],
) -> None:
    """High-risk families (by VT's risk `score`) go to the action meeting; chronic, complex ones to MDA++."""
    if fam.size == 0:
        return
    pop = model.population
    if model.mechanisms.level("actieoverleg", float(now[0])) > 0:
        high = score >= model.params.care.assessment.high_risk_incidents_per_year
        high &= model.mechanisms.covers("actieoverleg", fam, float(now.min()))  # the tables' reach (ramp)
        model.action_meeting.propose(fam[high], now[high], acute[high], score[high])
    mda = model.params.mechanisms.mda_plus_plus
    chronic = (pop.reports_ever(fam) >= mda.min_prior_reports + 1) & (pop.factor_count(fam) >= mda.min_factors)
    chronic &= model.not_in(ServiceKind.MDA_TEAM, fam)
    chronic &= model.mechanisms.covers("mda_plus_plus", fam, float(now.min()))
    model.dispatch.send(
        fam[chronic],
        ServiceKind.MDA_TEAM,
        now[chronic],
        reason=Reason.MULTI_AGENCY_CASE,
        sender=org[chronic],
        route="veilig_thuis_to_safety_house",
    )


def after_investigation(model: ChainModel, jobs: IntArray) -> None:
    """A VT investigation is done: facts are gathered, safety re-assessed, next step chosen."""
    J = model.jobs
    pop = model.population
    vt_params = model.params.organisations.veilig_thuis
    fam = J.family[jobs]
    org = model.queue_org[J.queue[jobs]]
    now = J.end[jobs]
    model.day_counts["investigations"] += fam.size
    pop.info_quality[fam] = 1.0
    unsafe = assess(model, fam, org, float(now.min()), OrgKind.VEILIG_THUIS, times=now)
    children = pop.n_children[fam] > 0
    u_board, u_local = pop.draws_many(("vt_board_after", "vt_local_after"), fam)
    board = unsafe & children & (u_board < vt_params.p_board_after_investigation)
    conditions = unsafe & ~board
    local = unsafe | (u_local < vt_params.p_local_team_if_safe)
    close = ~(board | conditions | local)
    for mask, reason in (
        (board, Reason.REQUEST_BOARD_INVESTIGATION),
        (conditions, Reason.SAFETY_CONDITIONS),
        (local, Reason.HAND_OVER_LOCAL_TEAM),
        (close, Reason.CLOSE_WITH_ADVICE),
    ):
        model.decide(fam[mask], org[mask], reason, now[mask])
    request_board(model, fam[board], now[board], org[board])
    _conditions(model, fam[conditions], now[conditions], org[conditions])
    care.hand_over_local_team(model, fam[local], now[local], org[local], "veilig_thuis_to_local_team")
    follow_up = start_follow_up(model, fam, now, org, unsafe & ~conditions)
    add_at(pop.vt_open, fam[~(conditions | follow_up)], -1)


def after_monitoring(model: ChainModel, jobs: IntArray) -> None:
    """Conditions and follow-up end: VT lets go."""
    fam = model.jobs.family[jobs]
    org = model.queue_org[model.jobs.queue[jobs]]
    model.decide(fam, org, Reason.COMPLETED, model.jobs.end[jobs])
    add_at(model.population.vt_open, fam, -1)


def start_follow_up(
    model: ChainModel, fam: IntArray, now: NDArray[np.float64], org: IntArray, candidates: NDArray[np.bool_]
) -> NDArray[np.bool_]:
    """VT's monitoring after a handover (*monitoring na overdracht*): where VT judged a family
    unsafe and handed it over (`candidates`), VT stays involved and contacts the family and the
    organisation that took over every `follow_up_interval_days`, for as long as those contacts
    still find it unsafe, at most `follow_up_max_days`.

    Returns the families (a mask over `fam`) whose monitoring starts now; a family VT already
    monitors keeps its running monitoring.
    """
    vt_params = model.params.organisations.veilig_thuis
    if vt_params.follow_up_max_days <= 0.0 or not candidates.any():
        return np.zeros(fam.size, dtype=bool)
    first = np.zeros(fam.size, dtype=bool)
    first[np.unique(fam, return_index=True)[1]] = True  # a family twice in the batch starts once
    starts = candidates & first & np.isnan(model.population.follow_up_since[fam])
    model.population.follow_up_since[fam[starts]] = now[starts]
    model.decide(fam[starts], org[starts], Reason.FOLLOW_UP, now[starts])
    model.later(now[starts] + vt_params.follow_up_interval_days, _follow_up_contact, fam[starts], org[starts])
    return starts


def _follow_up_contact(model: ChainModel, fam: IntArray, times: NDArray[np.float64], org: IntArray) -> None:
    """A monitoring contact is due: it joins the queue of VT's follow-up staff."""
    model.dispatch.send(fam, ServiceKind.VT_FOLLOW_UP, times, reason=Reason.FOLLOW_UP, sender=org)


def after_follow_up(model: ChainModel, jobs: IntArray) -> None:
    """A monitoring contact is done: VT assesses safety again (its own follow-up, not a duplicate
    assessment) and goes on while the family is judged unsafe and the longest monitoring allows.

    Where the contact finds a family with children still unsafe and its risk score counts it high
    risk, VT asks the board to investigate as it would at a triage (`p_board_if_unsafe_children`):
    safety that does not come after a handover is what the monitoring is for.
    """
    J = model.jobs
    pop = model.population
    vt_params = model.params.organisations.veilig_thuis
    fam = J.family[jobs]
    org = model.queue_org[J.queue[jobs]]
    now = J.end[jobs]
    unsafe = assess(model, fam, org, float(now.min()), OrgKind.VEILIG_THUIS, count=False, times=now)
    score = risk_score(model, fam)
    board = _asks_board(model, fam, unsafe, score, pop.draws("vt_board_follow_up", fam))
    board &= model.not_in(ServiceKind.BOARD_INVESTIGATION, fam) & model.not_in(ServiceKind.GI_SUPERVISION, fam)
    model.decide(fam[board], org[board], Reason.REQUEST_BOARD_INVESTIGATION, now[board])
    request_board(model, fam[board], now[board], org[board])
    next_contact = now + vt_params.follow_up_interval_days
    goes_on = unsafe & (next_contact - pop.follow_up_since[fam] <= vt_params.follow_up_max_days)
    model.later(next_contact[goes_on], _follow_up_contact, fam[goes_on], org[goes_on])
    ends = ~goes_on
    model.decide(fam[ends], org[ends], Reason.COMPLETED, now[ends])
    pop.follow_up_since[fam[ends]] = np.nan
    add_at(pop.vt_open, fam[ends], -1)
