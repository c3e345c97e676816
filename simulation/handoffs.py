"""Handoffs (overdrachten): how a family's case reaches the organisation that acts next.

`Dispatcher.send` puts families on the queue of a function (a VT triage, a board investigation,
a supervision order) in their own region. When the work moves between organisations along a
route of the organisation graph, it is a handoff: it takes time, may lose facts (lowering the
information the next assessment works with), may be refused and returned, and either the sender
keeps watching the family's safety while it waits or nobody does. Every handoff is recorded.

Sends are collected in an outbox and carried out together (`flush`) at the end of each part of
the day, so that the cost is a few numpy operations per batch rather than per decision.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import gammaincinv

from simulation.arrays import IntArray, add_at, stack_batches
from simulation.enums import EventKind, Reason
from simulation.jobs import NORMAL
from simulation.records import FACTS_LOST, NO_HOLDER, REFUSED, SENDER_KEEPS_SAFETY
from simulation.routes import ROUTES, Route
from simulation.services import SERVICES, ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel

# Fields of a send, in outbox order, with their dtype.
_FIELDS = (
    ("family", np.int64),
    ("service", np.int64),
    ("now", np.float64),
    ("reason", np.int64),
    ("sender", np.int64),
    ("route", np.int64),
    ("priority", np.int64),
    ("delay_factor", np.float64),
    ("extra", np.float64),
    ("flags", np.int64),
)
_ROUTE_FIELDS = ("delay_days", "p_facts_lost", "p_refused", "p_sender_keeps_safety", "crosses_merger_boundary")


def _columns(outbox: list[tuple[int, tuple[Any, ...]]]) -> dict[str, NDArray[Any]]:
    """The outbox as one new array per field (scalars repeated, arrays copied in)."""
    sizes, rows = zip(*outbox, strict=True)
    return {
        name: stack_batches(values, sizes, dtype)
        for (name, dtype), values in zip(_FIELDS, zip(*rows, strict=True), strict=True)
    }


class Dispatcher:
    """Creates jobs on the right queue and carries out handoffs between organisations."""

    def __init__(self, model: ChainModel) -> None:
        self.model = model
        self.route_names = list(model.routes)
        self.route_code = {name: i for i, name in enumerate(self.route_names)}
        self.tables = {
            merged: {
                field: np.array([getattr(routes[name], field) for name in self.route_names], dtype=float)
                for field in _ROUTE_FIELDS
            }
            for merged, routes in ((False, model.routes), (True, model.merged_routes))
        }
        # Whose work of today's chain sends on each route (for the part of a merged team that sends).
        self._source_kind = np.array([ROUTES[name][0] for name in self.route_names], dtype=np.int64)
        self._outbox: list[tuple[int, tuple[Any, ...]]] = []
        self._pending = 0
        self._mean_hours = np.array([model.service_hours[s] for s in ServiceKind])
        self._is_caseload = np.array([SERVICES[s].is_caseload for s in ServiceKind])

    def send(
        self,
        families: IntArray,
        service: ServiceKind,
        now: ArrayLike,
        *,
        reason: Reason,
        sender: ArrayLike = -1,
        route: str | None = None,
        priority: ArrayLike = NORMAL,
        delay_factor: ArrayLike = 1.0,
        extra: ArrayLike = 0.0,
        flags: ArrayLike = 0,
    ) -> None:
        """Queue `families` for `service` in their region; a `route` makes it a handoff.

        Args:
            families: family ids.
            service: the function that should act next.
            now: time of the sender's decision (scalar or per family).
            reason: why (recorded with the job and the handoff).
            sender: organisation id that sends (-1: a signal from outside the chain).
            route: name of the route in the organisation graph, or None for work that stays
                inside one organisation.
            priority: 0 acute, 1 normal.
            delay_factor: multiplies the route's delay (e.g. a multi-agency table that acts at once).
            extra: service-specific number stored with the job.
            flags: record flags to carry (e.g. joint work).
        """
        n = len(families)
        if n == 0:
            return
        add_at(self.model.population.in_service[:, service], families, 1)
        code = -1 if route is None else self.route_code[route]
        self._outbox.append(
            (n, (families, int(service), now, int(reason), sender, code, priority, delay_factor, extra, flags))
        )
        self._pending += n

    def flush(self) -> None:
        """Carry out every pending send: handoffs, job creation, and arrival on the queues."""
        if not self._outbox:
            return
        total, outbox = self._pending, self._outbox
        self._outbox, self._pending = [], 0
        cols = _columns(outbox)
        model = self.model
        fam, service = cols["family"], cols["service"]
        region = model.population.region[fam]
        qids = model.queue_by_service[service, region]
        arrival = cols["now"].copy()
        holder = np.full(total, -1, dtype=np.int64)
        flags = cols["flags"]
        handoff = cols["route"] >= 0
        if handoff.any():
            idx = np.flatnonzero(handoff)
            arrival[idx], holder[idx], flags[idx] = self._handoff(
                fam[idx],
                cols["now"][idx],
                cols["sender"][idx],
                qids[idx],
                cols["route"][idx],
                cols["delay_factor"][idx],
                cols["reason"][idx],
                flags[idx],
            )
        hours = self._hours(fam, service)
        jobs = model.jobs.new(
            total,
            family=fam,
            service=service,
            queue=qids,
            priority=cols["priority"],
            created=cols["now"],
            arrival=arrival,
            hours=hours,
            sender=cols["sender"],
            holder=holder,
            reason=cols["reason"],
            flags=flags,
            extra=cols["extra"],
        )
        queues = model.queues
        caseload = self._is_caseload[service]
        for q, a, p, j, h, c in zip(
            qids.tolist(),
            arrival.tolist(),
            cols["priority"].tolist(),
            jobs.tolist(),
            hours.tolist(),
            caseload.tolist(),
            strict=True,
        ):
            if c:
                queues[q].push(a, p, j)
            else:
                queues[q].push(a, p, j, h)

    def _hours(self, fam: IntArray, service: IntArray) -> NDArray[np.float64]:
        """Professional hours per job: gamma distributed around the function's mean (keyed draws)."""
        mean = np.where(self._is_caseload[service], 0.0, self._mean_hours[service])
        cv = self.model.params.care.workload.service_time_cv
        if cv <= 0:
            return mean
        shape = 1.0 / cv**2
        u = np.clip(self.model.population.draws("service_hours", fam), 1e-12, 1 - 1e-12)
        return mean * gammaincinv(shape, u) / shape

    def _handoff(
        self,
        fam: IntArray,
        now: NDArray[np.float64],
        sender: IntArray,
        qids: IntArray,
        code: IntArray,
        delay_factor: NDArray[np.float64],
        reason: IntArray,
        flags: IntArray,
    ) -> tuple[NDArray[np.float64], IntArray, IntArray]:
        model = self.model
        pop = model.population
        region = pop.region[fam]
        converted = model.region_converted[region]
        normal, merged = self.tables[False], self.tables[True]

        def pick(field: str) -> NDArray[np.float64]:
            return np.where(converted, merged[field][code], normal[field][code])

        strain: float | NDArray[np.float64] = 0.0
        if model.restructuring.enabled:
            strain = np.where(
                converted & (merged["crosses_merger_boundary"][code] > 0),
                model.restructuring.relationship_strain(region, now),
                0.0,
            )
        t = float(now.min())
        # The time the information-sharing agreement costs per handoff, at its reach (none by default).
        hours = model.params.mechanisms.information_sharing.hours_per_case * model.mechanisms.level(
            "information_sharing", t
        )
        if hours > 0:
            model.book_hours(sender, np.full(fam.size, hours))
        p_lost = np.clip(
            pick("p_facts_lost")
            * model.error_multiplier(sender, self._source_kind[code])
            * model.mechanisms.facts_lost_factor(t)
            * (1.0 + strain),
            0.0,
            1.0,
        )
        delay_mean = pick("delay_days") * delay_factor * (1.0 + strain)
        u_delay, u_lost, u_refused, u_keeps = pop.draws_many(
            ("handoff_delay", "handoff_facts", "handoff_refused", "handoff_holder"), fam
        )
        delay = -delay_mean * np.log1p(-u_delay)
        lost = u_lost < p_lost
        refused = u_refused < pick("p_refused")
        keeps = u_keeps < pick("p_sender_keeps_safety")
        return_days = model.params.handoffs.refusal_return_days
        arrival = now + delay + np.where(refused, return_days + delay, 0.0)
        # add_at / multiply.at: a family can be handed off twice in one batch (e.g. to the mayor and to VT).
        add_at(pop.n_handoffs, fam, 1 + refused.astype(np.int64))
        lost_fam = fam[lost]
        add_at(pop.n_facts_lost, lost_fam, 1)
        np.multiply.at(pop.info_quality, lost_fam, 1.0 - model.params.handoffs.facts_lost_information_fraction)
        holder = np.where(keeps, sender, -1)
        add_at(pop.watchers, fam[keeps], 1)
        flags = (
            flags
            | np.where(lost, FACTS_LOST, 0)
            | np.where(refused, REFUSED, 0)
            | np.where(keeps, SENDER_KEEPS_SAFETY, NO_HOLDER)
        )
        receiver = model.queue_org[qids]
        add_at(model.handoff_counts, (model.org_kind_of(sender), model.org_kind[receiver]), 1)
        model.log.add_many(
            now,
            EventKind.HANDOFF,
            family=fam,
            org=sender,
            org_kind=model.org_kind_of(sender),
            target=receiver,
            reason=reason,
            detail=model.org_kind[receiver],
            value=arrival - now,
            flag=flags,
        )
        return arrival, holder, flags

    def route(self, name: str) -> Route:
        """Current-practice parameters of a route."""
        return self.model.routes[name]
