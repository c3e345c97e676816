"""Conversion of one region to a Regionaal Veiligheidsteam (restructuring scenario).

At the region's conversion date its Veilig Thuis and its GI move into the regional safety team
whole (staff, vacancies with the recruitments under way, queues and running cases), together
with the region's share of the district's child protection board (its staff share, as large a
share of its recruitments, and the board investigations of the region's families that have not
started yet). The team then performs these functions for the region; work
between them becomes internal (`simulation.routes.restructured_routes`). Organisation-specific
experience is partly lost.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING, Any

import numpy as np

from simulation.enums import EventKind, OrgKind, Reason
from simulation.queues import Caseload, JobQueue
from simulation.services import SERVICES, ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel

WHOLE_ORGS = (OrgKind.VEILIG_THUIS, OrgKind.YOUTH_PROTECTION)


def convert_region(model: ChainModel, region: int) -> None:
    """Bundle VT, GI and the board's share of `region` into its regional safety team."""
    wf = model.workforce
    rng = model.streams.stream("restructuring")
    rvt = int(model.org_by_kind[OrgKind.REGIONAL_SAFETY_TEAM][region])
    staff_before = {}
    for kind in WHOLE_ORGS:
        org = int(model.org_by_kind[kind][region])
        staff_before[org] = int(wf.headcount[org])
        wf.transfer(org, rvt, 1.0, rng)
        model.orgs[org].active = False
    district = int(model.region_district[region])
    board = int(model.org_by_kind[OrgKind.CHILD_PROTECTION_BOARD][region])
    unconverted = np.flatnonzero((model.region_district == district) & ~model.region_converted)
    board_share = 1.0 / max(unconverted.size, 1)
    moved_board = wf.transfer(board, rvt, board_share, rng)
    total = max(int(wf.headcount[rvt]), 1)
    model.orgs[rvt].active = True

    shares: list[float] = [float(x) for x in model.fixed_share]
    for spec in SERVICES.values():
        if not spec.bundled:
            continue
        old = model.queues[int(model.queue_by_service[spec.kind, region])]
        if spec.org_kind in WHOLE_ORGS:
            # The whole queue, with its waiting and running work, now belongs to the team.
            old_org = old.org
            shares[old.qid] = shares[old.qid] * staff_before[old_org] / total
            old.org = rvt
            model.orgs[rvt].queues[spec.kind] = old
            del model.orgs[old_org].queues[spec.kind]
            continue
        new = _new_queue(model, spec.kind, rvt)
        shares.append(moved_board / total)
        _move_waiting(model, old, new, region)
        model.queue_by_service[spec.kind, region] = new.qid
    model.fixed_share = np.asarray(shares)  # the roster below divides the staff anew
    model.queue_org = np.array([q.org for q in model.queues], dtype=np.int64)
    model.region_converted[region] = True
    wf.lose_experience(rvt, model.params.restructuring.experience_loss)
    model.log.add(
        model.time,
        EventKind.POLICY,
        org=rvt,
        org_kind=OrgKind.REGIONAL_SAFETY_TEAM,
        reason=Reason.RESTRUCTURING_PHASE,
        detail=region,
        value=float(total),
    )
    model.operations.staff(model.time)


def _new_queue(model: ChainModel, service: ServiceKind, org: int) -> JobQueue | Caseload:
    qid = len(model.queues)
    queue: JobQueue | Caseload = (
        Caseload(qid, service, org) if SERVICES[service].is_caseload else JobQueue(qid, service, org)
    )
    model.queues.append(queue)
    model.orgs[org].queues[service] = queue
    return queue


def _move_waiting(model: ChainModel, old: JobQueue | Caseload, new: JobQueue | Caseload, region: int) -> None:
    """Move the not-yet-started work of the region's families from `old` to `new`."""
    region_of = model.population.region
    family = model.jobs.family
    for attr, job_pos in (("waiting", 2), ("incoming", 2)):
        items = getattr(old, attr)
        keep: list[tuple[Any, ...]] = []
        move: list[tuple[Any, ...]] = []
        for item in items:
            (move if region_of[family[item[job_pos]]] == region else keep).append(item)
        heapq.heapify(keep)
        setattr(old, attr, keep)
        target = getattr(new, attr)
        for item in move:
            heapq.heappush(target, item)
            model.jobs.queue[item[job_pos]] = new.qid
