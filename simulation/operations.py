"""The daily work of the organisations: staff the queues, start work, finish it.

Each day every queue is staffed from the professionals present (job queues: one server per
professional on the function; caseloads: slots = staff x maximum caseload), starts what it can,
and the work that finishes that day hands its families to the pathway of its function, which
decides what happens next. Starting work releases whoever held the family's safety while it
waited and counts the new professional and assessment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from simulation.arrays import IntArray, add_at, group_by
from simulation.enums import EventKind, Reason
from simulation.queues import Caseload, JobQueue
from simulation.records import NO_HOLDER
from simulation.rostering import weekly_shares
from simulation.services import SERVICES, ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel

Handler = Callable[["ChainModel", IntArray], None]


class Operations:
    """Staffing, serving and completing work across all queues of the model."""

    def __init__(
        self, model: ChainModel, on_start: dict[ServiceKind, Handler], on_finish: dict[ServiceKind, Handler]
    ) -> None:
        self.model = model
        self.on_start = on_start
        self.on_finish = on_finish
        self.due: dict[int, list[int]] = {}
        self.completed_through = -1
        self.started_today = np.zeros(len(ServiceKind), dtype=np.int64)
        self.waited_today = np.zeros(len(ServiceKind))
        self.late_today = np.zeros(len(ServiceKind), dtype=np.int64)

    # ------------------------------------------------------------------ staffing
    def staff(self, now: float) -> None:
        """Divide the staff over the functions and set servers and slots of every queue from
        today's staff (a weekly roster)."""
        model = self.model
        wf = model.workforce
        model.queue_share = weekly_shares(model, model.params.care.workload.flexible_staff_share)
        for q in model.queues:
            org = q.org
            share = model.queue_share[q.qid]
            if isinstance(q, JobQueue):
                present = wf.present[org] * share
                servers = int(present) + (1 if present - int(present) >= 0.5 else 0)
                if present > 0 and servers == 0:
                    servers = 1
                q.set_servers(servers, now)
                hours_per_day = wf.staffing.hours_per_day[org] * wf.productivity[org]
                q.days_per_hour = 1.0 / max(hours_per_day * self._speed(q, servers * hours_per_day * 7.0), 1e-6)
            else:
                q.capacity = model.caseload_capacity(q)
        model.update_workload()

    def _speed(self, queue: JobQueue, hours_per_week: float) -> float:
        """Work speeds up as the backlog grows from half a week to a week and a half of work."""
        pressure = queue.waiting_hours() / max(hours_per_week, 1e-9)
        return 1.0 + self.model.params.care.workload.speed_up_under_backlog * min(max(pressure - 0.5, 0.0), 1.0)

    # ------------------------------------------------------------------- serving
    def serve(self, day: int, again: bool = False) -> None:
        """Start all work that can start today (`again`: a second pass for work that arrived later)."""
        model = self.model
        until = day + 1.0
        if not again:
            self.started_today[:] = 0
            self.waited_today[:] = 0.0
            self.late_today[:] = 0
        jobs_started: list[tuple[int, float, float]] = []
        cases_started: list[tuple[int, float]] = []
        for q in model.queues:
            if not (q.waiting or (q.incoming and q.incoming[0][0] < until)):
                continue
            if isinstance(q, JobQueue):
                q.serve(until, jobs_started)
            else:
                q.admit(float(day), until, cases_started)
        if jobs_started:
            ids = np.fromiter((j for j, _, _ in jobs_started), dtype=np.int64, count=len(jobs_started))
            starts = np.fromiter((s for _, s, _ in jobs_started), dtype=float, count=len(jobs_started))
            ends = np.fromiter((e for _, _, e in jobs_started), dtype=float, count=len(jobs_started))
            self._started(ids, starts, ends)
        if cases_started:
            ids = np.fromiter((j for j, _ in cases_started), dtype=np.int64, count=len(cases_started))
            starts = np.fromiter((s for _, s in cases_started), dtype=float, count=len(cases_started))
            self._started(ids, starts, None)

    def _started(self, ids: IntArray, starts: NDArray[np.float64], ends: NDArray[np.float64] | None) -> None:
        model = self.model
        jobs = model.jobs
        pop = model.population
        jobs.start[ids] = starts
        fam = jobs.family[ids]
        waited = starts - jobs.arrival[ids]
        services = jobs.service[ids]
        add_at(self.started_today, services, 1)
        add_at(self.waited_today, services, waited)
        add_at(self.late_today, services, waited > model.norm_wait_days[services])
        held = jobs.holder[ids] >= 0
        add_at(pop.watchers, fam[held], -1)
        orgs = model.queue_org[jobs.queue[ids]]
        kind = model.org_kind[orgs]
        model.log.add_many(
            starts,
            EventKind.CASE_START,
            family=fam,
            org=orgs,
            org_kind=kind,
            target=jobs.sender[ids],
            reason=jobs.reason[ids],
            detail=services,
            value=waited,
            flag=np.where(held, 0, jobs.flags[ids] & NO_HOLDER),
        )
        professional = model.is_professional_service[services]
        fam_p = fam[professional]
        keeps = model.pass_within_team(fam_p, orgs[professional], services[professional], starts[professional])
        model.count_professionals(fam_p[~keeps])
        pop.last_contact_time[fam] = starts
        add_at(model.hours_today, kind, model.workforce.paid_hours(orgs, jobs.hours[ids]))
        if ends is not None:
            jobs.end[ids] = ends
        groups = [(ServiceKind(s), sel) for s, sel in group_by(services, ids)]
        for service, sel in groups:
            if SERVICES[service].is_caseload:
                model.begin_case(sel, SERVICES[service])
        self.book(ids)
        for service, sel in groups:
            handler = self.on_start.get(service)
            if handler is not None:
                handler(model, sel)

    def book(self, ids: IntArray) -> None:
        """Put started work on the list of the day it ends."""
        # Work that ends on a day whose completions were already handled is decided the next day.
        end_days = np.maximum(np.floor(self.model.jobs.end[ids]).astype(np.int64), self.completed_through + 1)
        for job, day in zip(ids.tolist(), end_days.tolist(), strict=True):
            self.due.setdefault(day, []).append(job)

    def reschedule_end(self, ids: IntArray, new_end: NDArray[np.float64]) -> None:
        """Move the end of running cases (e.g. a dropout); only earlier ends are allowed."""
        jobs = self.model.jobs
        old_days = np.maximum(np.floor(jobs.end[ids]).astype(np.int64), self.completed_through + 1)
        for job, day in zip(ids.tolist(), old_days.tolist(), strict=True):
            self.due[day].remove(job)
        jobs.end[ids] = new_end
        self.book(ids)

    # ---------------------------------------------------------------- completion
    def complete(self, day: int) -> None:
        """Hand the work that ended today to its pathway."""
        self.completed_through = day
        due = self.due.pop(day, None)
        if not due:
            return
        model = self.model
        ids = np.asarray(due, dtype=np.int64)
        # Work that ended on a day whose completions were already handled (see `book`) is decided
        # today: its end, and what follows from it, is dated today, so records and the family
        # counters agree on which day it happened.
        model.jobs.end[ids] = np.maximum(model.jobs.end[ids], float(day))
        for code, group in group_by(model.jobs.service[ids], ids):
            service = ServiceKind(code)
            spec = SERVICES[service]
            if spec.is_caseload:
                model.end_case(group, spec)
            add_at(model.population.in_service[:, service], model.jobs.family[group], -1)
            handler = self.on_finish.get(service)
            if handler is not None:
                handler(model, group)

    def professional_changes(self, now: float) -> None:
        """Cases lose their professional when staff leave (weekly): a change of professional."""
        model = self.model
        wf = model.workforce
        leavers = model.leavers_this_week
        for q in model.queues:
            if not isinstance(q, Caseload) or not q.active or leavers[q.org] == 0:
                continue
            headcount = max(int(wf.headcount[q.org]) + int(leavers[q.org]), 1)
            p = min(1.0, leavers[q.org] / headcount)
            ids = np.fromiter(q.active, dtype=np.int64, count=len(q.active))
            fam = model.jobs.family[ids]
            changed = fam[model.population.draws("professional_change", fam) < p]
            if changed.size:
                add_at(model.population.n_professional_changes, changed, 1)
                add_at(model.population.n_professionals, changed, 1)
                model.log.add_many(
                    now,
                    EventKind.STAFF_CHANGE,
                    family=changed,
                    org=q.org,
                    org_kind=model.org_kind[q.org],
                    reason=Reason.PROFESSIONAL_CHANGE,
                )
