"""The chain model: families, partner organisations and the handoffs between them (Mesa 3.5).

One model time unit is one day; day d is the interval [d, d+1) and `step()` simulates it. The
run starts with a warm-up (default one year) in which the chain settles; year 0 of every policy
(mechanism rollouts, the restructuring roadmap) is the end of the warm-up.

Order of work within a day (`step`):
 1. workforce: experience grows, staff leave (more under workload and reorganisation),
    vacancies are filled after the hiring lag;
 2. families: incidents due today happen; each is serious or not and is seen by police, a
    professional, a citizen - or nobody; police respond to callouts at once; advice requests
    and reports reach Veilig Thuis (or the regional safety team);
 3. organisations serve their queues: jobs start in priority order (acute first) as
    professionals come free; caseloads admit families into free slots;
 4. work that ends today hands its families to the pathway of its function, which decides
    what happens next (new jobs, handoffs, measures);
 5. court judgements and other follow-ups due today;
 6. direct-safety measures that run out today end;
 7. work that arrived later today (from steps 4-6) starts if a professional is free;
 8. daily aggregates are recorded.
Work that ends after step 4 of its own day is decided on the next day, and dated then (so the
records and the families' counters agree on the day it happened).
Coarser events run between days through Mesa's event list: weekly (rosters, workload, phase
updates, action meetings), monthly (risk dynamics: escalation, stopping, relapse) and the
restructuring roadmap (conversion of regions).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

import mesa
import numpy as np
from mesa.time import Schedule
from numpy.typing import ArrayLike, NDArray

from simulation import phases
from simulation.aggregates import DAY_COUNTS, DailyAggregates
from simulation.arrays import IntArray, add_at
from simulation.cases_at_start import start_supervision_in_progress
from simulation.conversion import convert_region
from simulation.enums import EventKind, HelpType, Measure, OrgKind, Reason, ReportKind
from simulation.families import Family, FamilyPopulation
from simulation.handoffs import Dispatcher
from simulation.jobs import JobTable
from simulation.measures import MeasureBook
from simulation.mechanisms import Mechanisms
from simulation.operations import Operations
from simulation.organisations import ALLOWED, LEVEL, Level, Organisation, check_power
from simulation.parameters.defaults import default_scenario
from simulation.parameters.scenario import Scenario
from simulation.pathways import handlers, signals
from simulation.pathways.action_meeting import ActionMeeting
from simulation.queues import Caseload, JobQueue
from simulation.randomness import RandomStreams
from simulation.records import EventLog
from simulation.restructuring import Restructuring
from simulation.routes import current_routes, restructured_routes
from simulation.scale import scale_preset
from simulation.services import CASE_LENGTH_SHAPE, HOME_KIND, SERVICES, ServiceKind, ServiceSpec
from simulation.warmup import WARMUP_YEARS
from simulation.workforce import OrgStaffing, Workforce

if TYPE_CHECKING:
    import pandas as pd

    from simulation.prioritisation import PrioritisationRule

DAYS_PER_YEAR = 365.25
MEASURE_ON = 64  # job flag: the case's measure is in force (the family keeps to it)
CASE_LENGTH_STREAMS = tuple(f"case_length:{k}" for k in range(CASE_LENGTH_SHAPE))  # one exponential each
STAFF_PARAMS = {
    OrgKind.VEILIG_THUIS: "veilig_thuis",
    OrgKind.POLICE: "police",
    OrgKind.MAYOR: "mayor",
    OrgKind.PROSECUTION: "prosecution",
    OrgKind.CHILD_PROTECTION_BOARD: "child_protection_board",
    OrgKind.YOUTH_PROTECTION: "youth_protection",
    OrgKind.PROBATION: "probation",
    OrgKind.LOCAL_TEAM: "local_team",
    OrgKind.SPECIALIST_CARE: "specialist_care",
    OrgKind.SAFETY_HOUSE: "safety_house",
}
# Norms for the wait before work starts (days): VT assessment within 5 working days, the board
# starts within 10 days (FIGURES T9, B); other functions: a month.
NORM_WAIT_DAYS = {
    ServiceKind.VT_TRIAGE: 7.0,
    ServiceKind.BOARD_INVESTIGATION: 10.0,
    ServiceKind.ZSM_DECISION: 1.0,
    ServiceKind.MAYOR_ORDER: 1.0,
}


class ChainModel(mesa.Model):
    """The chain of care and criminal justice around families with domestic violence or child abuse.

    Args:
        scenario: a validated `Scenario` (see `simulation.scenario_files.load_scenario`).
        scale: `region` (one VT region) or `national` (26 regions, 10 districts).
        years: policy horizon in years (after the warm-up).
        warmup_years: years simulated before year 0 so queues, staff and family histories settle.
        seed: the run seed; all randomness flows from it through named streams.
        prioritisation: rule for the action meeting's slots (default: highest risk first).
    """

    def __init__(
        self,
        scenario: Scenario | None = None,
        *,
        scale: str = "region",
        years: float = 5.0,
        warmup_years: float = WARMUP_YEARS,
        seed: int = 0,
        prioritisation: PrioritisationRule | None = None,
    ) -> None:
        # The objects of a model built earlier in this process were frozen (end of this method):
        # unfreeze and collect them before building, or every run in a long-lived worker would keep
        # its model for good (and two models would share the peak memory).
        gc.unfreeze()
        gc.collect()
        super().__init__(rng=seed)
        self.params = scenario if scenario is not None else default_scenario()
        self.seed = seed
        self.preset = scale_preset(scale)
        self.scale_share = self.preset.share
        self.n_regions = self.preset.n_regions
        self.region_district = self.preset.region_district()
        self.streams = RandomStreams(seed)
        self.start_day = round(warmup_years * DAYS_PER_YEAR)
        self.horizon_days = self.start_day + round(years * DAYS_PER_YEAR)
        self.log = EventLog()
        self.population = FamilyPopulation(
            self.params.population, self.scale_share, self.n_regions, self.horizon_days, self.streams, len(ServiceKind)
        )
        gc_was_enabled = gc.isenabled()
        gc.disable()
        self.families = [Family(self, i) for i in range(self.population.n)]
        self._build_organisations()
        self.jobs = JobTable()
        self.routes = current_routes(self.params.handoffs)
        self.merged_routes = restructured_routes(self.params.handoffs, self.params.restructuring)
        self.region_converted = np.zeros(self.n_regions, dtype=bool)
        self.mechanisms = Mechanisms(self.params.mechanisms, self.start_day, self.streams)
        self.restructuring = Restructuring(
            self.params.restructuring, self.start_day, self.n_regions, national=self.n_regions > 1
        )
        self.measures = MeasureBook(self)
        self.dispatch = Dispatcher(self)
        on_start, on_finish = handlers()
        self.operations = Operations(self, on_start, on_finish)
        self.action_meeting = ActionMeeting(self, prioritisation)
        self.effectiveness = phases.effectiveness_table(self.params.care.help)
        self._followups: dict[int, list[tuple[Any, IntArray, NDArray[np.float64], IntArray]]] = {}
        self.aggregates = DailyAggregates(self.horizon_days)
        self.day_counts: dict[str, int] = dict.fromkeys(DAY_COUNTS, 0)
        self.day_report_kinds = np.zeros(len(ReportKind), dtype=np.int64)
        self.hours_today = np.zeros(len(OrgKind))
        self.overhead_hours = np.zeros(len(self.orgs))
        self.training_share = 0.0  # share of every professional's time in case reviews and training
        self.development_today = 0.0
        self.transition_today = 0.0
        self.hires_today = 0
        # Handoffs so far, by sender kind (row; -1 = outside the chain, last row) and receiver kind.
        self.handoff_counts = np.zeros((len(OrgKind) + 1, len(OrgKind)), dtype=np.int64)
        self.leavers_this_week = np.zeros(len(self.orgs), dtype=np.int64)
        self.operations.staff(0.0)
        start_supervision_in_progress(self)
        self._schedule_events()
        gc.freeze()
        if gc_was_enabled:
            gc.enable()
        gc.set_threshold(100_000, 50, 1000)

    # ------------------------------------------------------------------ building
    def _build_organisations(self) -> None:
        """One organisation per kind and territory, its staff, and one queue per function."""
        scenario = self.params
        self.orgs: list[Organisation] = []
        staff_params = []
        positions = []
        experience = []
        kinds: list[OrgKind] = [k for k in OrgKind if k != OrgKind.REGIONAL_SAFETY_TEAM]
        if scenario.restructuring.enabled:
            kinds.append(OrgKind.REGIONAL_SAFETY_TEAM)
        n_districts = self.preset.n_districts
        self.org_by_kind: dict[OrgKind, IntArray] = {}
        for kind in kinds:
            n = self.n_regions if LEVEL[kind] == Level.REGION else n_districts
            ids = []
            params = (
                getattr(scenario.organisations, STAFF_PARAMS[kind]).staff
                if kind in STAFF_PARAMS
                else scenario.organisations.veilig_thuis.staff
            )
            for territory in range(n):
                org = Organisation(self, kind, territory, len(self.orgs))
                self.orgs.append(org)
                ids.append(org.org_id)
                staff_params.append(params)
                fte = 0.0 if kind == OrgKind.REGIONAL_SAFETY_TEAM else params.fte * self.scale_share / n
                positions.append(round(fte))
                experience.append(params.initial_experience_years)
            by_territory = np.asarray(ids, dtype=np.int64)
            self.org_by_kind[kind] = by_territory if n == self.n_regions else by_territory[self.region_district]
        self.org_kind = np.array([o.kind for o in self.orgs], dtype=np.int64)
        self.org_region = np.array([o.territory if LEVEL[o.kind] == Level.REGION else -1 for o in self.orgs])
        self.workforce = Workforce(
            OrgStaffing.from_params(staff_params),
            np.asarray(positions),
            np.asarray(experience),
            self.streams.stream("staff_initial"),
            self.streams,
            self.log,
        )
        self.org_workload = np.zeros(len(self.orgs))
        # Workload of the part of an organisation that does today's functions of one kind (rows:
        # organisations, columns: OrgKind); in a regional safety team, its VT, board and GI parts.
        self.part_workload = np.zeros((len(self.orgs), len(OrgKind)))
        self.part_staff_share = np.zeros((len(self.orgs), len(OrgKind)))
        self.queues: list[JobQueue | Caseload] = []
        # The queue that performs each function (row) for each region (column); a region's
        # conversion to a regional safety team moves its columns.
        self.queue_by_service = np.full((len(ServiceKind), self.n_regions), -1, dtype=np.int64)
        queue_share: list[float] = []
        for spec in SERVICES.values():
            by_org = {}
            for org_id in np.unique(self.org_by_kind[spec.org_kind]).tolist():
                queue = self._new_queue(spec, org_id)
                queue_share.append(spec.share(scenario))
                by_org[org_id] = queue.qid
            self.queue_by_service[spec.kind] = [by_org[o] for o in self.org_by_kind[spec.org_kind].tolist()]
        # Each queue's share of its organisation's staff: fixed by function, and this week's roster.
        self.fixed_share = np.asarray(queue_share)
        self.queue_share = self.fixed_share.copy()
        self.queue_org = np.array([q.org for q in self.queues], dtype=np.int64)
        self.service_hours = {spec.kind: spec.hours(scenario) for spec in SERVICES.values()}
        self.norm_wait_days = np.array([NORM_WAIT_DAYS.get(s, 30.0) for s in ServiceKind])
        self.is_professional_service = np.array([SERVICES[s].professional for s in ServiceKind])
        self.service_part_bit = (1 << HOME_KIND).astype(np.uint16)

    def _new_queue(self, spec: ServiceSpec, org_id: int) -> JobQueue | Caseload:
        qid = len(self.queues)
        queue: JobQueue | Caseload = (
            Caseload(qid, spec.kind, org_id) if spec.is_caseload else JobQueue(qid, spec.kind, org_id)
        )
        self.queues.append(queue)
        self.orgs[org_id].queues[spec.kind] = queue
        return queue

    def _schedule_events(self) -> None:
        self.schedule_recurring(self._weekly, Schedule(interval=7.0, start=7.5))
        self.schedule_recurring(self._monthly, Schedule(interval=DAYS_PER_YEAR / 12, start=DAYS_PER_YEAR / 12 + 0.5))
        for name in self.mechanisms.params.enabled_names():
            start = self.start_day + self.mechanisms.get(name).start_year * DAYS_PER_YEAR
            if start < self.horizon_days:
                self.log.add(
                    start,
                    EventKind.POLICY,
                    reason=Reason.MECHANISM_RAMP,
                    detail=list(type(self.mechanisms.params).model_fields).index(name),
                )
        if self.restructuring.enabled:
            for i, (_, at) in enumerate(self.restructuring.milestones()):
                self.log.add(at, EventKind.POLICY, reason=Reason.RESTRUCTURING_PHASE, detail=i)
            for at in np.unique(self.restructuring.conversion_day).tolist():
                if at < self.horizon_days:
                    # Between days (x.5), at the first such point on or after the conversion date:
                    # floor(at) + 0.5 fired before a date in the second half of a day, and nothing
                    # converted at all.
                    self.schedule_event(self._convert_due_regions, at=float(np.ceil(at - 0.5)) + 0.5)

    # ---------------------------------------------------------------------- step
    def step(self) -> None:
        """Simulate one day (see the module docstring for the order of work)."""
        day = round(self.time) - 1
        self._start_day(day)
        self._families(day)
        self.dispatch.flush()
        self.operations.serve(day)
        self.dispatch.flush()
        self.operations.complete(day)
        self._run_followups(day)
        self.measures.end_due(day)
        self.dispatch.flush()
        self.operations.serve(day, again=True)
        self.dispatch.flush()
        self.aggregates.record(day, self)
        if day + 1 >= self.horizon_days:
            self.running = False

    def run(self) -> None:
        """Run to the end of the horizon."""
        self.run_for(self.horizon_days - round(self.time))

    def _start_day(self, day: int) -> None:
        for name in self.day_counts:
            self.day_counts[name] = 0
        self.day_report_kinds[:] = 0
        self.hours_today[:] = 0.0
        wf = self.workforce
        hires_before = int(wf.hires_total.sum())
        self._set_workforce_pressures(float(day))
        wf.step(day)
        self.hires_today = int(wf.hires_total.sum()) - hires_before
        self.leavers_this_week += wf.leavers_today
        self.development_today = self.mechanisms.development_eur_per_day(float(day), self.scale_share)
        self.transition_today = self.restructuring.one_off_eur_per_day(float(day), self.scale_share)
        self._caseload_hours()
        self._training_hours()

    def _families(self, day: int) -> None:
        fam, times = self.population.take_incidents(day)
        if fam.size:
            signals.handle_incidents(self, fam, times)
        rate = self.params.population.signals.advice_requests_without_incident_per_year * self.scale_share
        n = int(self.streams.stream("background_advice").poisson(rate / DAYS_PER_YEAR))
        self.advice_requests(n, self.streams.stream("background_advice").integers(0, self.n_regions, n))

    # -------------------------------------------------------------- weekly/monthly
    def _weekly(self) -> None:
        now = self.time
        self.operations.professional_changes(now)
        self.leavers_this_week[:] = 0
        self._update_overhead()
        self.operations.staff(now)
        phases.weekly_update(self.population, now, self.params.care.phases, self.log)
        self.action_meeting.meet(now)
        self.dispatch.flush()

    def _monthly(self) -> None:
        stop, relapse = phases.help_multipliers(self.population, self.params.care.help)
        self.population.monthly_risk_update(self.time, stop, relapse)

    def _convert_due_regions(self) -> None:
        """Regions whose conversion date has come get their regional safety team."""
        due = np.flatnonzero((self.restructuring.conversion_day <= self.time) & ~self.region_converted)
        for region in due.tolist():
            self._convert_region(region)

    def _convert_region(self, region: int) -> None:
        """VT, GI and the region's share of the board become one regional safety team."""
        convert_region(self, region)

    # ------------------------------------------------------------ workforce links
    def _set_workforce_pressures(self, now: float) -> None:
        wf = self.workforce
        slope = self.params.care.workload.attrition_overload_slope

        def multiplier(workload: NDArray[np.float64]) -> NDArray[np.float64]:
            return 1.0 + slope * np.minimum(np.maximum(workload - 1.0, 0.0), 3.0)

        wf.attrition_multiplier = multiplier(self.org_workload)
        if not self.restructuring.enabled:
            return
        # A regional safety team once formed: each part's staff leave under their own part's pressure.
        d = self.params.restructuring.integration_degree
        teams = self.org_by_kind[OrgKind.REGIONAL_SAFETY_TEAM]
        teams = teams[self.part_staff_share[teams].any(axis=1)]
        felt = (1.0 - d) * self.part_workload[teams] + d * self.org_workload[teams, None]
        wf.attrition_multiplier[teams] = (self.part_staff_share[teams] * multiplier(felt)).sum(axis=1)
        r = self.restructuring
        for org in self.orgs:
            if org.kind in (OrgKind.VEILIG_THUIS, OrgKind.YOUTH_PROTECTION, OrgKind.REGIONAL_SAFETY_TEAM):
                regions = [org.territory]
            elif org.kind == OrgKind.CHILD_PROTECTION_BOARD:
                regions = np.flatnonzero(self.region_district == org.territory).tolist()
            else:
                continue
            wf.extra_attrition_per_year[org.org_id] = max(r.extra_attrition(g, now) for g in regions)
            wf.hiring_lag_factor[org.org_id] = max(r.hiring_lag_factor(g, now) for g in regions)
            if org.kind == OrgKind.REGIONAL_SAFETY_TEAM:
                wf.productivity_factor[org.org_id] = r.productivity_factor(org.territory, now)

    def _update_overhead(self) -> None:
        """Collaboration and training hours of the past week take time from casework."""
        wf = self.workforce
        capacity = np.maximum(wf.headcount * wf.staffing.hours_per_day * 7.0, 1e-9)
        self.training_share = self.mechanisms.training_hours_share(
            self.time, float(np.mean(wf.staffing.hours_per_day)) * 7
        )
        wf.overhead_share = np.minimum(self.overhead_hours / capacity + self.training_share, 0.5)
        self.overhead_hours[:] = 0.0

    def update_workload(self) -> None:
        """Workload per organisation: demand over capacity of its functions (1 = at norm)."""
        wf = self.workforce
        load = np.zeros(len(self.orgs))
        weight = np.zeros(len(self.orgs))
        part_load = np.zeros((len(self.orgs), len(OrgKind)))
        part_weight = np.zeros((len(self.orgs), len(OrgKind)))
        for q in self.queues:
            share = self.queue_share[q.qid]
            staff = wf.headcount[q.org] * share
            if staff <= 0:
                continue
            productivity = max(wf.productivity[q.org], 0.1)
            if isinstance(q, Caseload):
                # A caseload's slots are set by its maximum per FTE; how heavy those families weigh
                # depends, as for job queues, on who carries them (new staff, a transition dip).
                norm = SERVICES[ServiceKind(q.service)].caseload(self.params).norm_per_fte  # type: ignore[misc]
                value = (len(q.active) + len(q.waiting)) / (staff * norm * productivity)
            else:
                capacity = staff * wf.staffing.hours_per_day[q.org] * productivity * 7.0
                value = q.demand_hours / capacity
                q.demand_hours = 0.0
            load[q.org] += share * value
            weight[q.org] += share
            part = HOME_KIND[q.service]
            part_load[q.org, part] += share * value
            part_weight[q.org, part] += share
        current = np.where(weight > 0, load / np.maximum(weight, 1e-9), 0.0)
        part_current = np.where(part_weight > 0, part_load / np.maximum(part_weight, 1e-9), 0.0)
        settled = self.time > 7.5
        self.org_workload = 0.7 * self.org_workload + 0.3 * current if settled else current
        self.part_workload = 0.7 * self.part_workload + 0.3 * part_current if settled else part_current
        self.part_staff_share = part_weight / np.maximum(part_weight.sum(axis=1, keepdims=True), 1e-9)
        for org in self.orgs:
            org.workload = float(self.org_workload[org.org_id])

    def caseload_capacity(self, queue: Caseload) -> int:
        """Slots of a caseload: staff x maximum caseload (MDA++: the funded number of families)."""
        if queue.service == ServiceKind.MDA_TEAM:
            mda = self.params.mechanisms.mda_plus_plus
            level = self.mechanisms.level("mda_plus_plus", self.time)
            concurrent = mda.families_per_year * mda.duration_days / DAYS_PER_YEAR * self.scale_share / self.n_regions
            return round(concurrent * level)
        params = SERVICES[ServiceKind(queue.service)].caseload(self.params)  # type: ignore[misc]
        return int(self.workforce.headcount[queue.org] * self.queue_share[queue.qid] * params.max_per_fte)

    def _training_hours(self) -> None:
        """Today's hours in case reviews and training: their share of every professional's time."""
        if self.training_share > 0:
            wf = self.workforce
            add_at(self.hours_today, self.org_kind, wf.headcount * wf.staffing.hours_per_day * self.training_share)

    def _caseload_hours(self) -> None:
        """Today's paid hours of the running caseload cases (their weekly hours over the
        productivity of who carries them, as for a job)."""
        running = [q for q in self.queues if isinstance(q, Caseload) and q.active]
        orgs = np.array([q.org for q in running], dtype=np.int64)
        work = np.array([len(q.active) * (self.service_hours[ServiceKind(q.service)] / 7.0) for q in running])
        add_at(self.hours_today, self.org_kind[orgs], self.workforce.paid_hours(orgs, work))

    # ------------------------------------------------------- helpers for pathways
    def decide(self, families: IntArray, orgs: IntArray, reason: Reason, times: ArrayLike) -> None:
        """Record decisions, refusing any that the organisation's legal task does not allow."""
        if families.size == 0:
            return
        kinds = self.org_kind[orgs]
        if not ALLOWED[kinds, reason].all():
            for kind in np.unique(kinds).tolist():
                check_power(OrgKind(kind), reason)
        self.log.add_many(times, EventKind.DECISION, family=families, org=orgs, org_kind=kinds, reason=int(reason))

    def not_in(self, service: ServiceKind, families: IntArray) -> NDArray[np.bool_]:
        """Families without pending or running work of `service` (avoid duplicate cases)."""
        return self.population.in_service[families, service] <= 0

    def caseload_backlog(self, service: ServiceKind, regions: IntArray) -> NDArray[np.float64]:
        """Families on the waiting list per slot of the caseload that serves each of `regions`."""
        queues = self.queues
        return np.array(
            [
                len(queues[q].waiting) / max(queues[q].capacity, 1)
                for q in self.queue_by_service[service, regions].tolist()
            ]
        )

    def org_for(self, kind: OrgKind, regions: ArrayLike) -> IntArray:
        """The organisation of `kind` serving each region (current practice)."""
        return self.org_by_kind[kind][np.asarray(regions, dtype=np.int64)]

    def org_for_service(self, service: ServiceKind, regions: ArrayLike) -> IntArray:
        """Who performs `service` for each region now (VT or the regional safety team)."""
        return self.queue_org[self.queue_by_service[service, np.asarray(regions, dtype=np.int64)]]

    def org_kind_of(self, orgs: ArrayLike) -> IntArray:
        """Organisation kind per organisation id (-1 for none)."""
        orgs = np.asarray(orgs)
        return np.where(orgs >= 0, self.org_kind[np.maximum(orgs, 0)], -1)

    def book_hours(self, orgs: IntArray, hours: NDArray[np.float64], capacity: bool = True) -> None:
        """Professional hours spent outside the queues (joint work, meetings); they cost capacity."""
        if orgs.size == 0:
            return
        add_at(self.hours_today, self.org_kind[orgs], hours)
        if capacity:
            add_at(self.overhead_hours, orgs, hours)

    def advice_requests(self, n: int, regions: ArrayLike) -> None:
        """Advice requests at VT's advice desk (staffed separately; counted and costed)."""
        if n == 0:
            return
        self.day_counts["advice_requests"] += n
        vt = self.org_for_service(ServiceKind.VT_TRIAGE, regions)
        self.book_hours(vt, np.full(n, self.params.organisations.veilig_thuis.advice_hours), capacity=False)

    def workload(self, orgs: IntArray, functions: ArrayLike) -> NDArray[np.float64]:
        """Workload that `orgs` feel doing work of `functions` (OrgKind of today's chain, 1 = at norm).

        An organisation of today's chain has one workload. In a regional safety team the parts
        that do VT's, the board's and the GI's work keep their own workload as far as the team
        is not integrated: (1 - integration_degree) x the part's + integration_degree x the team's.
        A merger shares pressure only through its named degree of integration.
        """
        workload = self.org_workload[orgs]
        if not self.restructuring.enabled:
            return workload
        merged = self.org_kind[orgs] == OrgKind.REGIONAL_SAFETY_TEAM
        if not merged.any():
            return workload
        d = self.params.restructuring.integration_degree
        part = self.part_workload[orgs, np.broadcast_to(np.asarray(functions), np.shape(orgs))]
        return np.where(merged, (1.0 - d) * part + d * workload, workload)

    def error_multiplier(self, orgs: IntArray, functions: ArrayLike) -> NDArray[np.float64]:
        """How much more often the sender loses facts: inexperience and overload (1 = none)."""
        w = self.params.care.workload
        valid = orgs >= 0
        safe = np.maximum(orgs, 0)
        inexperienced = self.workforce.inexperienced_share[safe]
        overload = np.minimum(np.maximum(self.workload(safe, functions) - 1.0, 0.0), 3.0)
        factor = 1.0 + w.facts_lost_inexperience_slope * inexperienced + w.facts_lost_overload_slope * overload
        return np.where(valid, factor, 1.0)

    def help_quality(self, orgs: IntArray, functions: ArrayLike) -> NDArray[np.float64]:
        """Effect of help given by `orgs` (doing work of `functions`) relative to help at a workable caseload."""
        slope = self.params.care.help.quality_overload_slope
        return 1.0 / (1.0 + slope * np.maximum(self.workload(orgs, functions) - 1.0, 0.0))

    def start_help(self, families: IntArray, help_type: HelpType, quality: ArrayLike) -> None:
        self.population.change_help(families, help_type, +1, np.asarray(quality, dtype=float))

    def shares_assessment(self, families: IntArray, now: float) -> NDArray[np.bool_]:
        """In a merged team, a later function may reuse the earlier assessment."""
        if not self.restructuring.enabled:
            return np.zeros(families.size, dtype=bool)
        shared = np.zeros(families.size, dtype=bool)
        # Draw only where the region has converted: before that (the whole warm-up) restructuring
        # must not advance a family's decision counter and shift its later draws.
        converted = np.flatnonzero(self.region_converted[self.population.region[families]])
        if converted.size:
            p = self.params.restructuring
            u = self.population.draws("shared_assessment", families[converted])
            shared[converted] = u < p.integration_degree * p.shared_assessment
        return shared

    def count_professionals(self, families: IntArray) -> None:
        """A new professional meets each of these families (a family may meet two at once)."""
        add_at(self.population.n_professionals, families, 1)

    def pass_within_team(
        self, families: IntArray, orgs: IntArray, services: IntArray, times: NDArray[np.float64]
    ) -> NDArray[np.bool_]:
        """Professional work starting: where it passes between two functions of a regional safety team.

        When the team starts one function's work (VT's, the board's or the GI's) for a family that
        another of its functions has served, two named benefits may follow, each with chance
        integration x its parameter: the family keeps its professional (`p_same_professional`),
        and the team agrees one plan with a named lead (`one_plan`, at `one_plan_hours` of its
        time). Work within one function, or after another organisation's professional, is as
        today: the merger by name changes nothing.

        Returns which starts continue with the family's professional (no new professional).
        """
        keeps = np.zeros(families.size, dtype=bool)
        if not self.restructuring.enabled:
            return keeps
        in_team = np.flatnonzero(self.org_kind[orgs] == OrgKind.REGIONAL_SAFETY_TEAM)
        if in_team.size == 0:
            return keeps
        pop = self.population
        part = self.service_part_bit[services[in_team]]
        served = pop.team_parts[families[in_team]]
        passing = in_team[(served != 0) & ((served & part) == 0)]
        # A day's caseload admissions are timed at its start but handled after its other work.
        served_at = pop.team_work_time[families[passing]]
        np.bitwise_or.at(pop.team_parts, families[in_team], part)
        np.maximum.at(pop.team_work_time, families[in_team], times[in_team])
        if passing.size == 0:
            return keeps
        # Draw only for these families: a draw advances the family's decision counter.
        p = self.params.restructuring
        fam = families[passing]
        same, plan = pop.draws_many(("same_professional", "team_plan"), fam)
        keeps[passing] = same < p.integration_degree * p.p_same_professional
        chosen = (plan < p.integration_degree * p.one_plan) & ~pop.has_plan[fam]
        agreed = passing[chosen]
        first = np.unique(families[agreed], return_index=True)[1]  # one plan per family
        agreed = agreed[first]
        # The team's own case conference, once the work it joins has started; its facts are already
        # shared (`shared_assessment`).
        when = np.maximum(times[agreed], served_at[chosen][first])
        self.record_meeting(families[agreed], orgs[agreed], when, Reason.TEAM_PLAN, all_facts=False)
        self.book_hours(orgs[agreed], np.full(agreed.size, p.one_plan_hours))
        return keeps

    def partner_factor(self, families: IntArray, now: float) -> NDArray[np.float64]:
        """Reach of police-VT-OM cooperation, lowered while relations are rebuilt after a merger."""
        if not self.restructuring.enabled:
            return np.ones(families.size)
        regions = self.population.region[families]
        strain = np.where(self.region_converted[regions], self.restructuring.relationship_strain(regions, now), 0.0)
        return 1.0 / (1.0 + strain)

    def record_meeting(
        self, families: IntArray, orgs: IntArray, times: ArrayLike, reason: Reason, all_facts: bool = True
    ) -> None:
        """A meeting that agrees one plan with a named lead; a multi-agency one (`all_facts`) puts
        all partners' facts on the table."""
        if families.size == 0:
            return
        pop = self.population
        self.log.add_many(
            times, EventKind.MEETING, family=families, org=orgs, org_kind=self.org_kind[orgs], reason=int(reason)
        )
        self.day_counts["meetings"] += families.size
        pop.has_plan[families] = True
        no_lead = pop.lead_org[families] < 0
        pop.lead_org[families[no_lead]] = orgs[no_lead]
        if all_facts:
            pop.info_quality[families] = 1.0

    def later(self, times: NDArray[np.float64], action: Any, families: IntArray, orgs: IntArray) -> None:
        """Run `action(model, families, times, orgs)` at `times` (court judgements and the like)."""
        if families.size == 0:
            return
        days = np.floor(times).astype(np.int64)
        for day in np.unique(days).tolist():
            sel = days == day
            self._followups.setdefault(max(day, round(self.time)), []).append(
                (action, families[sel], times[sel], orgs[sel])
            )

    def _run_followups(self, day: int) -> None:
        batches: dict[Any, list[tuple[IntArray, NDArray[np.float64], IntArray]]] = {}
        for action, families, times, orgs in self._followups.pop(day, []):
            batches.setdefault(action, []).append((families, times, orgs))
        for action, parts in batches.items():
            families, times, orgs = (np.concatenate(column) for column in zip(*parts, strict=True))
            action(self, families, times, orgs)

    def begin_case(self, jobs: IntArray, spec: ServiceSpec) -> None:
        """A caseload case starts: draw its length, start its help and measure.

        The length is gamma distributed with shape `CASE_LENGTH_SHAPE` (a whole number: the sum
        of that many exponentials), drawn from the family's keyed draws, so a family's case lasts
        as long in every scenario that starts it at the same point of the family's path.
        """
        params = spec.caseload(self.params)  # type: ignore[misc]
        uniforms = self.population.draws_many(CASE_LENGTH_STREAMS, self.jobs.family[jobs])
        duration = -np.log1p(-uniforms).sum(axis=0) * (params.duration_days / CASE_LENGTH_SHAPE)
        self.open_case(jobs, spec, duration)

    def open_case(self, jobs: IntArray, spec: ServiceSpec, duration: NDArray[np.float64]) -> None:
        """Caseload cases that run `duration` days from their start: their help and measure begin."""
        J = self.jobs
        fam = J.family[jobs]
        orgs = self.queue_org[J.queue[jobs]]
        add_at(self.population.open_cases, fam, 1)
        J.end[jobs] = J.start[jobs] + duration
        if spec.help is not None:
            self.start_help(fam, spec.help, self.help_quality(orgs, spec.org_kind))
        if spec.measure is not None:
            keeps = self.measures.start(fam, spec.measure, J.start[jobs], duration, org=orgs, open_ended=True)
            J.flags[jobs[keeps]] |= MEASURE_ON

    def end_case(self, jobs: IntArray, spec: ServiceSpec) -> None:
        """A caseload case ends: free the slot, stop its help and measure."""
        J = self.jobs
        fam = J.family[jobs]
        for job in jobs.tolist():
            self.queues[int(J.queue[job])].release(job)  # type: ignore[union-attr]
        add_at(self.population.open_cases, fam, -1)
        if spec.help is not None:
            self.population.change_help(fam, spec.help, -1)
        if spec.measure is not None:
            on = (J.flags[jobs] & MEASURE_ON) > 0
            self.measures.stop(fam[on], spec.measure, float(J.end[jobs].max()))

    # ------------------------------------------------------------------- outputs
    def records(self, labels: bool = False) -> pd.DataFrame:
        """All event records of the run so far."""
        return self.log.frame(labels=labels)

    def family_journey(self, family: int, labels: bool = True) -> pd.DataFrame:
        """Every event record of one family, in time order."""
        frame = self.log.frame(labels=labels)
        return frame[frame["family"] == family].reset_index(drop=True)

    @property
    def policy_year(self) -> float:
        """Years since the policy start (negative during warm-up)."""
        return (self.time - self.start_day) / DAYS_PER_YEAR

    def measure_factor(self, measure: Measure) -> float:
        return float(self.measures.factors[measure])
