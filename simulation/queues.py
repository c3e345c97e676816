"""Queues of one organisational function: a multi-server job queue and a caseload.

`JobQueue` is an exact non-preemptive multi-server queue with priorities (acute first, then
first come, first served) in continuous time: each server is a professional present that day;
a job needs `hours` of one professional's time. With Poisson arrivals and exponential hours it
is an M/M/c queue (tests check it against Erlang C).

`Caseload` holds families for the length of a case (monitoring, supervision, help) within a
number of slots (staff x maximum caseload); families wait on a list when all slots are taken.

Both keep job ids only; the job table holds everything else. Cost is proportional to jobs.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field


@dataclass(eq=False)
class JobQueue:
    """Multi-server priority queue of one function of one organisation instance.

    Attributes:
        qid: index of this queue in the model's list of queues.
        service: ServiceKind of the function.
        org: id of the organisation instance that serves it.
        days_per_hour: calendar days a server needs per hour of work (set each day from
            staffing and productivity).
    """

    qid: int
    service: int
    org: int
    days_per_hour: float = 1.0 / 4.3
    servers: list[float] = field(default_factory=list)
    waiting: list[tuple[int, float, int, float]] = field(default_factory=list)
    incoming: list[tuple[float, int, int, float]] = field(default_factory=list)
    started: int = 0
    waited_days: float = 0.0
    demand_hours: float = 0.0

    def push(self, arrival: float, priority: int, job: int, hours: float) -> None:
        """A job that reaches the queue at time `arrival`."""
        heapq.heappush(self.incoming, (arrival, priority, job, hours))
        self.demand_hours += hours

    def set_servers(self, count: int, now: float) -> None:
        """Staff the queue with `count` servers from time `now` (idle servers go first)."""
        servers = self.servers
        if count > len(servers):
            for _ in range(count - len(servers)):
                heapq.heappush(servers, now)
        elif count < len(servers):
            servers.sort()
            del servers[: len(servers) - count]
            heapq.heapify(servers)

    def __len__(self) -> int:
        return len(self.waiting)

    def waiting_hours(self) -> float:
        """Hours of work of the jobs waiting."""
        return sum(item[3] for item in self.waiting)

    def serve(self, until: float, started: list[tuple[int, float, float]]) -> None:
        """Start every job a server can take before `until`; append (job, start, end).

        Jobs wait in `waiting` ordered by (priority, arrival). A job starts at the later of
        its arrival and the moment the earliest server is free.
        """
        servers, waiting, incoming = self.servers, self.waiting, self.incoming
        push, pop = heapq.heappush, heapq.heappop
        if not servers:
            while incoming and incoming[0][0] < until:
                arrival, priority, job, hours = pop(incoming)
                push(waiting, (priority, arrival, job, hours))
            return
        days_per_hour = self.days_per_hour
        while True:
            free = servers[0]
            if free >= until:
                break
            if not waiting:
                if not incoming or incoming[0][0] >= until:
                    break
                now = max(free, incoming[0][0])
            else:
                now = free
            while incoming and incoming[0][0] <= now:
                arrival, priority, job, hours = pop(incoming)
                push(waiting, (priority, arrival, job, hours))
            priority, arrival, job, hours = pop(waiting)
            start = max(free, arrival)
            end = start + hours * days_per_hour
            heapq.heapreplace(servers, end)
            started.append((job, start, end))
            self.started += 1
            self.waited_days += start - arrival
        while incoming and incoming[0][0] < until:
            arrival, priority, job, hours = pop(incoming)
            push(waiting, (priority, arrival, job, hours))


@dataclass(eq=False)
class Caseload:
    """Slots for ongoing cases of one function of one organisation instance."""

    qid: int
    service: int
    org: int
    capacity: int = 0
    active: set[int] = field(default_factory=set)
    waiting: list[tuple[int, float, int]] = field(default_factory=list)
    incoming: list[tuple[float, int, int]] = field(default_factory=list)
    started: int = 0
    waited_days: float = 0.0

    def push(self, arrival: float, priority: int, job: int) -> None:
        """A family that reaches the caseload at time `arrival`."""
        heapq.heappush(self.incoming, (arrival, priority, job))

    def __len__(self) -> int:
        return len(self.waiting)

    def admit(self, day_start: float, until: float, started: list[tuple[int, float]]) -> None:
        """Move arrivals before `until` onto the waiting list and fill free slots."""
        incoming, waiting = self.incoming, self.waiting
        while incoming and incoming[0][0] < until:
            arrival, priority, job = heapq.heappop(incoming)
            heapq.heappush(waiting, (priority, arrival, job))
        free = self.capacity - len(self.active)
        while free > 0 and waiting:
            priority, arrival, job = heapq.heappop(waiting)
            start = max(day_start, arrival)
            self.active.add(job)
            started.append((job, start))
            self.started += 1
            self.waited_days += start - arrival
            free -= 1

    def release(self, job: int) -> None:
        """A case ends and frees its slot."""
        self.active.discard(job)
