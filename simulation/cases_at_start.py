"""Supervision orders already running at day 0.

A supervision order (OTS) lasts about three years. A GI that started the run empty would fill
for years, so every run's first policy years would measure a GI still filling. Instead a share of
its slots (`youth_protection.occupancy_at_start`) is taken at day 0 by families whose supervision
began before the run: families the chain knows (a report in the three years before day 0) with
children, chosen at random (stream `supervision_at_start`) among those of the territory the GI
serves.

In a caseload at its steady state a running case is caught at a random moment of a length-biased
case: with case lengths Gamma(k, D/k) (`CASE_LENGTH_SHAPE` k, mean D) the whole length of a
running case is Gamma(k + 1, D/k), and day 0 falls uniformly within it. These cases began
before the run: like reports before it, they have no record and do not count in the families'
counters (professionals met); they end, and are decided, like any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from simulation.arrays import IntArray, add_at, group_by
from simulation.enums import OrgKind, Reason
from simulation.jobs import NORMAL
from simulation.queues import Caseload
from simulation.services import CASE_LENGTH_SHAPE, SERVICES, ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel


def running_case_times(
    rng: np.random.Generator, mean_days: float, n: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Start (<= 0) and end (> 0) of `n` cases running at day 0 in a steady caseload, in days."""
    whole = rng.gamma(CASE_LENGTH_SHAPE + 1.0, mean_days / CASE_LENGTH_SHAPE, n)
    elapsed = rng.uniform(0.0, 1.0, n) * whole
    return -elapsed, whole - elapsed


def start_supervision_in_progress(model: ChainModel) -> None:
    """Fill the GI's slots at day 0 (after the first staffing)."""
    service = ServiceKind.GI_SUPERVISION
    spec = SERVICES[service]
    occupancy = model.params.organisations.youth_protection.occupancy_at_start
    pop = model.population
    rng = model.streams.stream("supervision_at_start")
    known = np.flatnonzero((pop.n_children > 0) & np.isfinite(pop.last_report_time))
    chosen: list[IntArray] = []
    for qid, families in group_by(model.queue_by_service[service, pop.region[known]], known):
        queue = model.queues[qid]
        assert isinstance(queue, Caseload)
        n = min(round(queue.capacity * occupancy), families.size)
        chosen.append(np.sort(rng.choice(families, n, replace=False)))
    fam = np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.int64)
    if fam.size == 0:
        return
    start, end = running_case_times(rng, spec.caseload(model.params).duration_days, fam.size)  # type: ignore[misc]
    qids = model.queue_by_service[service, pop.region[fam]]
    jobs = model.jobs.new(
        fam.size,
        family=fam,
        service=service,
        queue=qids,
        priority=NORMAL,
        created=start,
        arrival=start,
        start=start,
        sender=model.org_for(OrgKind.CHILD_PROTECTION_BOARD, pop.region[fam]),
        reason=Reason.SUPERVISION_ORDER,
    )
    for qid, job in zip(qids.tolist(), jobs.tolist(), strict=True):
        model.queues[qid].active.add(job)
    add_at(pop.in_service[:, service], fam, 1)
    model.update_workload()  # the help's quality follows the GI's workload with these cases
    model.open_case(jobs, spec, end - start)
    model.operations.book(jobs)
