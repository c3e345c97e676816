"""Police: the callout and what follows from it (BRIEF §2-3).

At a callout police register the incident, may take a criminal complaint, may arrest the suspect
(likelier with a complaint; the suspect is then held and goes to the ZSM desk), may prepare a
temporary restraining order for the mayor, and report most cases to Veilig Thuis. Under *Samen
op in acuut* VT joins the response to an acute crisis within a day instead of receiving a report
later; under *samen op bij strafbare KM* child abuse is triaged jointly from the start. When
Veilig Thuis informs the police, the police talk with the family; the prosecutor gets a case only
when a complaint follows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from simulation import phases
from simulation.arrays import IntArray
from simulation.enums import EventKind, Measure, OrgKind, Reason, SignalSource, ViolenceType
from simulation.jobs import ACUTE, NORMAL
from simulation.records import JOINT
from simulation.services import ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel

CHILD_ABUSE_TYPES = (ViolenceType.CHILD_ABUSE_NEGLECT, ViolenceType.SEXUAL_ABUSE)


def callouts(model: ChainModel, fam: IntArray, times: NDArray[np.float64], serious: NDArray[np.bool_]) -> None:
    """Police respond to incidents (vectorised over the day's callouts)."""
    from simulation.pathways.signals import receive_reports, triage_priority

    if fam.size == 0:
        return
    pop = model.population
    p = model.params.organisations.police
    mech = model.mechanisms
    now = times[0]
    police = model.org_for(OrgKind.POLICE, pop.region[fam])
    model.log.add_many(
        times, EventKind.SIGNAL, family=fam, org=police, org_kind=OrgKind.POLICE, detail=SignalSource.POLICE
    )
    model.book_hours(police, np.full(fam.size, p.callout_hours), capacity=False)
    phases.enter_view(pop, fam, times, model.log)
    model.count_professionals(fam)
    model.day_counts["police_callouts"] += fam.size

    u = pop.draws_many(
        (
            "police_register",
            "police_arrest",
            "detention_days",
            "police_order",
            "police_complaint",
            "police_report",
            "order_board",
        ),
        fam,
    )
    registered = u[0] < p.p_register_incident
    model.decide(fam[registered], police[registered], Reason.REGISTERED, times[registered])
    model.day_counts["police_registered"] += int(registered.sum())

    # A complaint taken at the callout makes an arrest likelier (FIGURES B); without one the police
    # arrest on their own mainly at a serious incident.
    complaint_at_callout = registered & (u[4] < p.p_complaint)
    p_arrest_without_complaint = np.where(serious, p.p_arrest_serious, p.p_arrest_minor)
    arrest = u[1] < np.where(complaint_at_callout, p.p_arrest_with_complaint, p_arrest_without_complaint)
    model.decide(fam[arrest], police[arrest], Reason.ARREST, times[arrest])
    held = model.params.organisations.prosecution.pretrial_detention_days
    model.measures.start(
        fam[arrest], Measure.DETENTION, times[arrest], -held * np.log1p(-u[2][arrest]), org=police[arrest]
    )
    model.dispatch.send(
        fam[arrest],
        ServiceKind.ZSM_DECISION,
        times[arrest],
        reason=Reason.ARREST,
        sender=police[arrest],
        route="police_to_prosecution",
        priority=ACUTE,
    )

    # Threat of escalation: a serious incident or a high risk; or a care-avoiding family.
    threat = serious | (pop.latent_rate[fam] >= model.params.care.assessment.high_risk_incidents_per_year)
    well_used = mech.covers("restraining_order_well_used", fam, now, model.partner_factor(fam, now)) & (
        threat | pop.care_avoiding[fam]
    )
    order_params = model.params.mechanisms.restraining_order_well_used
    p_order = np.where(
        well_used,
        np.maximum(order_params.p_order_prepared, p.p_order_prepared_minor),
        np.where(serious, p.p_order_prepared_serious, p.p_order_prepared_minor),
    )
    order = pop.perpetrator_at_home[fam] & ~arrest & (u[3] < p_order)
    model.decide(fam[order], police[order], Reason.RESTRAINING_ORDER, times[order])
    model.dispatch.send(
        fam[order],
        ServiceKind.MAYOR_ORDER,
        times[order],
        reason=Reason.RESTRAINING_ORDER,
        sender=police[order],
        route="police_to_mayor",
        priority=ACUTE,
    )
    if well_used.any():
        model.book_hours(
            police[order & well_used], np.full(int((order & well_used).sum()), order_params.hours_per_case)
        )

    p_complaint = np.where(
        order & well_used, np.maximum(p.p_complaint, order_params.p_complaint_with_order), p.p_complaint
    )
    # A complaint is taken for a share of registered incidents; under a well-used order also later,
    # with the order (the same draw, so it includes every complaint taken at the callout). With an
    # arrest the case goes to ZSM, without one the police work the complaint up for the prosecutor.
    complaint = registered & (u[4] < p_complaint)
    model.decide(fam[complaint], police[complaint], Reason.COMPLAINT, times[complaint])
    complaint &= ~arrest
    model.dispatch.send(
        fam[complaint],
        ServiceKind.POLICE_COMPLAINT,
        times[complaint],
        reason=Reason.COMPLAINT,
        sender=police[complaint],
    )

    report = u[5] < p.p_report_to_vt
    # Board request advised when an order is imposed with children at home (well-used order).
    board_flag = (order & well_used & (pop.n_children[fam] > 0) & (u[6] < order_params.p_board_with_children)).astype(
        float
    )
    acute = serious
    joint_acute = report & acute & mech.covers("samen_op_in_acuut", fam, now, model.partner_factor(fam, now))
    joint_km = (
        report
        & ~joint_acute
        & ((pop.violence_type[fam] == CHILD_ABUSE_TYPES[0]) | (pop.violence_type[fam] == CHILD_ABUSE_TYPES[1]))
        & mech.covers("samen_op_bij_strafbare_km", fam, now, model.partner_factor(fam, now))
    )
    joint = joint_acute | joint_km
    model.decide(fam[report & ~joint], police[report & ~joint], Reason.REPORT_TO_VT, times[report & ~joint])
    sel = report & ~joint
    receive_reports(
        model,
        fam[sel],
        times[sel],
        SignalSource.POLICE,
        priority=triage_priority(model, fam[sel], acute[sel]),
        sender=police[sel],
        route="police_to_veilig_thuis",
        extra=board_flag[sel],
    )
    if joint.any():
        _joint_response(model, fam[joint], times[joint], police[joint], joint_acute[joint], board_flag[joint])


def _joint_response(
    model: ChainModel,
    fam: IntArray,
    times: NDArray[np.float64],
    police: IntArray,
    acute: NDArray[np.bool_],
    board_flag: NDArray[np.float64],
) -> None:
    """VT joins the police response: no handoff, facts shared at once, a joint safety plan."""
    from simulation.pathways.signals import receive_reports

    pop = model.population
    params = model.params.mechanisms
    model.decide(fam, police, Reason.JOINT_RESPONSE, times)
    pop.info_quality[fam] = 1.0
    delay = np.where(acute, params.samen_op_in_acuut.joint_response_days, 0.0)
    vt = receive_reports(
        model,
        fam,
        times + delay,
        SignalSource.POLICE,
        priority=np.where(acute, ACUTE, NORMAL),
        sender=police,
        flags=JOINT,
        extra=board_flag,
    )
    hours = np.where(acute, params.samen_op_in_acuut.hours_per_case, params.samen_op_bij_strafbare_km.hours_per_case)
    model.book_hours(vt, hours)
    plan = fam[acute]
    model.measures.start(
        plan, Measure.SAFETY_PLAN, times[acute], params.samen_op_in_acuut.safety_plan_days, org=vt[acute]
    )


def after_complaint(model: ChainModel, jobs: IntArray) -> None:
    """A complaint has been worked up: the case goes to the public prosecutor.

    When Veilig Thuis informed the police, the police first talk with the family; only a complaint
    (`p_complaint_after_vt_information`) gives the prosecutor a case, otherwise the police's part ends.
    """
    J = model.jobs
    fam = J.family[jobs]
    police = model.queue_org[J.queue[jobs]]
    end = J.end[jobs]
    informed = J.reason[jobs] == Reason.INFORM_POLICE
    case = ~informed
    if informed.any():
        p_case = model.params.organisations.police.p_complaint_after_vt_information
        case[informed] = model.population.draws("police_complaint_after_information", fam[informed]) < p_case
        for mask, reason in ((informed & case, Reason.COMPLAINT), (~case, Reason.NO_COMPLAINT)):
            model.decide(fam[mask], police[mask], reason, end[mask])
    model.dispatch.send(
        fam[case],
        ServiceKind.OM_DECISION,
        end[case],
        reason=Reason.COMPLAINT,
        sender=police[case],
        route="police_to_prosecution",
    )
