"""The weekly roster: which share of an organisation's staff works on each of its functions.

Each function of an organisation has a fixed share of its staff (`ServiceSpec.share`; in a
regional safety team, the shares its VT, GI and board staff brought with them). A share
`care.workload.flexible_staff_share` of the staff on an organisation's functions is instead
rostered each week in proportion to the hours of work of its functions. Nothing is added: the
organisation's staff on its functions stay the same, only their division changes.

A regional safety team pools its flexible staff over all its functions only as far as it is
integrated (`restructuring.integration_degree`); the rest pool within the part that does the
work of one of today's organisations (VT's three functions; the board's; the GI's). A merger by
name alone moves nobody between former organisations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from simulation.arrays import IntArray
from simulation.enums import OrgKind
from simulation.queues import Caseload
from simulation.services import HOME_KIND, ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel


def weekly_shares(model: ChainModel, flexible: float) -> NDArray[np.float64]:
    """Staff share of each of the model's queues this week."""
    if flexible <= 0.0:
        return model.fixed_share.copy()
    fixed, needed, org = model.fixed_share, week_of_work_fte(model), model.queue_org
    over_team = pool_shares(fixed, needed, org, flexible)
    if not model.restructuring.enabled:
        return over_team
    home = HOME_KIND[np.fromiter((q.service for q in model.queues), dtype=np.int64, count=len(model.queues))]
    within_part = pool_shares(fixed, needed, org * len(OrgKind) + home, flexible)
    integrated = np.where(
        model.org_kind[org] == OrgKind.REGIONAL_SAFETY_TEAM, model.params.restructuring.integration_degree, 1.0
    )
    return integrated * over_team + (1.0 - integrated) * within_part


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
            hours[q.qid] = q.waiting_hours() + q.demand_hours
    org = model.queue_org
    return hours / (wf.staffing.hours_per_day[org] * 7.0 * np.maximum(wf.productivity[org], 0.1))


def pool_shares(
    fixed: NDArray[np.float64], needed_fte: NDArray[np.float64], group: IntArray, flexible: float
) -> NDArray[np.float64]:
    """Shares with a part `flexible` of the staff of each group of queues (an organisation's
    functions, or a part of them) divided in proportion to `needed_fte`.

    A function without staff of its own (MDA++, funded apart) is not rostered; a group whose
    functions need nothing keeps its fixed shares.
    """
    needed_fte = np.where(fixed > 0, needed_fte, 0.0)
    n_groups = int(group.max()) + 1
    staff_in_group = np.bincount(group, weights=fixed, minlength=n_groups)
    need = np.bincount(group, weights=needed_fte, minlength=n_groups)
    follows_work = need[group] > 0
    work_share = np.where(follows_work, needed_fte / np.maximum(need[group], 1e-12), 0.0)
    return np.where(follows_work, (1.0 - flexible) * fixed + flexible * staff_in_group[group] * work_share, fixed)
