"""Criminal and administrative law: restraining order, prosecution (ZSM), court and probation.

The mayor imposes the temporary restraining order (10 days, extendable to 28). The public
prosecutor decides on arrested suspects at the ZSM desk within about a day, and on complaints
in the regular way: dismissal, conditional dismissal, or a court case that may end in a
conditional sentence or custody (FIGURES B). A share of the conditions includes supervision by
probation. Under *HG met VT & ZSM*, VT's knowledge of the family reaches the ZSM decision, which
then more often combines punishment with care conditions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from simulation.arrays import IntArray
from simulation.enums import HelpType, Measure, OrgKind, Reason
from simulation.jobs import ACUTE
from simulation.services import ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel


def after_order_decision(model: ChainModel, jobs: IntArray) -> None:
    """The mayor decides on a prepared restraining order."""
    J = model.jobs
    pop = model.population
    p = model.params.organisations.mayor
    fam = J.family[jobs]
    org = model.queue_org[J.queue[jobs]]
    now = J.end[jobs]
    imposed = pop.draws("order_imposed", fam) < p.p_impose
    extended = imposed & (pop.draws("order_extended", fam) < p.p_extend)
    days = np.where(extended, p.extended_order_days, p.order_days)
    model.decide(fam[imposed], org[imposed], Reason.RESTRAINING_ORDER, now[imposed])
    model.measures.start(fam[imposed], Measure.RESTRAINING_ORDER, now[imposed], days[imposed], org=org[imposed])
    model.day_counts["restraining_orders"] += int(imposed.sum())


def after_zsm(model: ChainModel, jobs: IntArray) -> None:
    """ZSM decides on an arrested suspect, with VT's knowledge under HG met VT & ZSM."""
    _prosecution_decision(model, jobs, zsm=True)


def after_regular_decision(model: ChainModel, jobs: IntArray) -> None:
    """The prosecutor decides on a complaint outside ZSM."""
    _prosecution_decision(model, jobs, zsm=False)


def _prosecution_decision(model: ChainModel, jobs: IntArray, zsm: bool) -> None:
    J = model.jobs
    pop = model.population
    p = model.params.organisations.prosecution
    mech = model.params.mechanisms.hg_met_vt_en_zsm
    fam = J.family[jobs]
    org = model.queue_org[J.queue[jobs]]
    now = J.end[jobs]
    t = float(now.min())
    with_vt = np.zeros(fam.size, dtype=bool)
    if zsm:
        with_vt = model.mechanisms.covers("hg_met_vt_en_zsm", fam, t, model.partner_factor(fam, t))
        if with_vt.any():
            pop.info_quality[fam[with_vt]] = 1.0
            vt = model.org_for_service(ServiceKind.VT_TRIAGE, pop.region[fam[with_vt]])
            model.book_hours(vt, np.full(int(with_vt.sum()), mech.hours_per_case))
            model.decide(fam[with_vt], vt, Reason.JOINT_RESPONSE, now[with_vt])
    p_dismiss = np.where(with_vt, p.p_dismiss * (1.0 - mech.conditional_dismissal_shift), p.p_dismiss)
    p_conditional = np.where(
        with_vt, p.p_conditional_dismissal + p.p_dismiss * mech.conditional_dismissal_shift, p.p_conditional_dismissal
    )
    u = pop.draws("prosecution", fam)
    dismiss = u < p_dismiss
    conditional = ~dismiss & (u < p_dismiss + p_conditional)
    court = ~(dismiss | conditional)
    for mask, reason in (
        (dismiss, Reason.DISMISS),
        (conditional, Reason.CONDITIONAL_DISMISSAL),
        (court, Reason.COURT_CASE),
    ):
        model.decide(fam[mask], org[mask], reason, now[mask])
    if zsm:
        p_advice = np.where(with_vt, mech.p_probation_advice, p.p_probation_advice)
        advice = pop.draws("probation_advice", fam) < p_advice
        model.decide(fam[advice], org[advice], Reason.PROBATION_ADVICE, now[advice])
        model.dispatch.send(
            fam[advice],
            ServiceKind.PROBATION_ADVICE,
            now[advice],
            reason=Reason.PROBATION_ADVICE,
            sender=org[advice],
            route="prosecution_to_probation",
            priority=ACUTE,
        )
    supervise(model, fam[conditional], now[conditional], org[conditional], Reason.CONDITIONAL_DISMISSAL)
    delay = -p.court_delay_days * np.log1p(-pop.draws("court_delay", fam[court]))
    model.later(now[court] + delay, court_judgement, fam[court], org[court])


def court_judgement(model: ChainModel, fam: IntArray, times: NDArray[np.float64], org: IntArray) -> None:
    """The criminal court judges: conditions with probation supervision, custody, or neither."""
    pop = model.population
    p = model.params.organisations.prosecution
    u = pop.draws("court", fam)
    conditions = u < p.p_conditions_at_court
    custody = ~conditions & (u < p.p_conditions_at_court + p.p_custody_at_court)
    neither = ~(conditions | custody)
    model.decide(fam[conditions], org[conditions], Reason.SENTENCE_WITH_CONDITIONS, times[conditions])
    model.decide(fam[custody], org[custody], Reason.CUSTODIAL_SENTENCE, times[custody])
    model.decide(fam[neither], org[neither], Reason.COMPLETED, times[neither])
    supervise(model, fam[conditions], times[conditions], org[conditions], Reason.SENTENCE_WITH_CONDITIONS)
    convicted = conditions | custody
    ends = fam[convicted & (pop.draws("conviction_deters", fam) < p.p_stop_after_conviction)]
    model.population.stop_violence(ends, float(times[0]))
    days = -p.custody_days * np.log1p(-pop.draws("custody_days", fam[custody]))
    model.measures.start(fam[custody], Measure.DETENTION, times[custody], days, org=org[custody])


def supervise(model: ChainModel, fam: IntArray, now: NDArray[np.float64], org: IntArray, reason: Reason) -> None:
    """Conditions that include supervision by probation go to probation (unless it already supervises)."""
    p_supervised = model.params.organisations.prosecution.p_conditions_supervised
    supervised = model.population.draws("conditions_supervised", fam) < p_supervised
    fresh = supervised & model.not_in(ServiceKind.PROBATION_SUPERVISION, fam)
    model.dispatch.send(
        fam[fresh],
        ServiceKind.PROBATION_SUPERVISION,
        now[fresh],
        reason=reason,
        sender=org[fresh],
        route="prosecution_to_probation",
    )


def start_supervision(model: ChainModel, jobs: IntArray) -> None:
    """Probation supervision starts; some perpetrators also follow a behavioural training."""
    J = model.jobs
    pop = model.population
    fam = J.family[jobs]
    org = model.queue_org[J.queue[jobs]]
    training = pop.draws("training", fam) < model.params.organisations.probation.p_behavioural_training
    model.decide(fam[training], org[training], Reason.BEHAVIOURAL_TRAINING, J.start[jobs][training])
    model.start_help(
        fam[training], HelpType.PERPETRATOR_PROGRAMME, model.help_quality(org[training], OrgKind.PROBATION)
    )
    J.extra[jobs] = training


def end_supervision(model: ChainModel, jobs: IntArray) -> None:
    J = model.jobs
    fam = J.family[jobs]
    trained = J.extra[jobs] > 0
    model.population.change_help(fam[trained], HelpType.PERPETRATOR_PROGRAMME, -1)
    model.decide(fam, model.queue_org[J.queue[jobs]], Reason.COMPLETED, J.end[jobs])
