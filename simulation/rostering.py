"""The weekly roster: which share of an organisation's staff works on each of its functions.

Each function of an organisation has a fixed share of its staff (`ServiceSpec.share`; in a
regional safety team, the shares its VT, GI and board staff brought with them). A share
`care.workload.flexible_staff_share` of the staff on an organisation's functions is instead
rostered each week in proportion to the hours of work of its functions. Nothing is added: the
organisation's staff on its functions stay the same, only their division changes.
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from simulation.arrays import IntArray
from simulation.queues import Caseload
from simulation.services import ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel


def weekly_shares(model: ChainModel, flexible: float) -> NDArray[np.float64]:
    """Staff share of each of the model's queues this week."""
    if flexible <= 0.0:
        return model.fixed_share.copy()
    return pool_shares(model.fixed_share, week_of_work_fte(model), model.queue_org, flexible)


def week_of_work_fte(model: ChainModel) -> NDArray[np.float64]:
    """FTE each queue needs for the coming week's work.

    A job queue: the hours of work waiting, and as many hours as reached it since the last
    roster. A caseload: the weekly hours of the families it holds and keeps waiting. Both over the
    productive hours of an FTE-week of its organisation (new staff and a transition dip need more).
    """
    wf = model.workforce
    hours = np.zeros(len(model.queues))
    for q in model.queues:
        if isinstance(q, Caseload):
            hours[q.qid] = (len(q.active) + len(q.waiting)) * model.service_hours[ServiceKind(q.service)]
        else:
            hours[q.qid] = sum(map(itemgetter(3), q.waiting)) + q.demand_hours
    org = model.queue_org
    return hours / (wf.staffing.hours_per_day[org] * 7.0 * np.maximum(wf.productivity[org], 0.1))


def pool_shares(
    fixed: NDArray[np.float64], needed_fte: NDArray[np.float64], org: IntArray, flexible: float
) -> NDArray[np.float64]:
    """Shares with a part `flexible` of each organisation's staff on its functions divided in
    proportion to `needed_fte`.

    A function without staff of its own (MDA++, funded apart) is not rostered; an organisation
    whose functions need nothing keeps its fixed shares.
    """
    needed_fte = np.where(fixed > 0, needed_fte, 0.0)
    n_orgs = int(org.max()) + 1
    staff_on_functions = np.bincount(org, weights=fixed, minlength=n_orgs)
    need = np.bincount(org, weights=needed_fte, minlength=n_orgs)
    follows_work = need[org] > 0
    work_share = np.where(follows_work, needed_fte / np.maximum(need[org], 1e-12), 0.0)
    return np.where(follows_work, (1.0 - flexible) * fixed + flexible * staff_on_functions[org] * work_share, fixed)
