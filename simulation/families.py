"""Families: the synthetic population, its latent risk and its incidents.

Per-family state lives in numpy arrays indexed by family id (performance.md: the hybrid design);
`Family` is a thin Mesa agent that points into them so the dashboard and the exercises can
inspect a family. No real data is used: every family is drawn from the parameters.

Incidents follow the latent incident rate (incidents per year) through a time change: family i
has its k-th incident when the hazard integrated since incident k-1 reaches a unit-exponential
threshold drawn from the keyed stream ("incident_gap", i, k). A measure that lowers the rate
(a restraining order, detention) only stretches the time to that threshold, so two scenarios
run with the same seed give a family the same incidents until policy changes its rate.

The run starts from the population's own steady state: households whose violence began in the
years before day 0 (`onset.history_years`) live through that history month by month - escalation,
stopping, relapse - before the run begins; those whose violence stopped so long ago that relapse
has become negligible are left out. Without a history every household with violence at the start
would be active and none would have stopped recently, and demand would drift for years.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa
import numpy as np
from numpy.typing import NDArray

from simulation.arrays import IntArray, add_at
from simulation.enums import ComplicatingFactor, HelpType, Measure, SafetyPhase, ViolenceType
from simulation.parameters.population import PopulationParams
from simulation.randomness import RandomStreams

_FEW = 32  # up to this many families, plain Python is faster than numpy (measured)

if TYPE_CHECKING:
    import pandas as pd

    from simulation.model import ChainModel

NEVER = np.iinfo(np.int32).max
DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = DAYS_PER_YEAR / 12
N_MEASURES = len(Measure)
N_HELP = len(HelpType)
# Households whose violence stopped this many decay times before day 0 are left out of the run:
# their chance of relapse has fallen below 1% of its first value (exp(-5) = 0.7%).
INERT_DECAYS = 5.0
# Reports in this many years before count as known (FIGURES T5's repeat reports).
KNOWN_YEARS = 3.0
_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.int64)


class FamilyPopulation:
    """Columns of per-family state (one row per household).

    Args:
        params: population parameters (national sizes).
        scale: share of national demand simulated (1/26 for one region).
        n_regions: number of VT regions the families live in.
        horizon_days: length of the run, for drawing onsets.
        streams: the run's random streams.
        n_services: number of functions (columns of `in_service`: pending or running work).
    """

    def __init__(
        self,
        params: PopulationParams,
        scale: float,
        n_regions: int,
        horizon_days: int,
        streams: RandomStreams,
        n_services: int,
    ) -> None:
        self.params = params
        self.streams = streams
        rng = streams.stream("population")
        at_start = round(params.onset.families_at_start * scale)
        history_days = params.onset.history_years * DAYS_PER_YEAR
        earlier = int(rng.poisson(params.onset.new_families_per_year * scale * params.onset.history_years))
        new = int(rng.poisson(params.onset.new_families_per_year * scale * horizon_days / DAYS_PER_YEAR))
        n = at_start + earlier + new
        self.n = n
        self.onset_day = np.concatenate(
            [
                np.full(at_start, -history_days),
                np.sort(rng.uniform(-history_days, 0.0, earlier)),
                np.sort(rng.uniform(0.0, horizon_days, new)),
            ]
        )
        self.region = rng.integers(0, n_regions, n).astype(np.int16)
        types = params.violence.types()
        shares = np.array([t.share for t in types])
        self.violence_type = rng.choice(len(types), size=n, p=shares / shares.sum()).astype(np.int8)
        vt = self.violence_type
        p_children = np.array([t.p_children for t in types])[vt]
        has_children = rng.random(n) < p_children
        extra_children = rng.poisson(params.households.mean_children_if_any - 1.0, n)
        self.n_children = np.where(has_children, 1 + extra_children, 0).astype(np.int8)
        self.n_adults = np.where(rng.random(n) < params.households.p_two_adults, 2, 1).astype(np.int8)
        stalking = vt == ViolenceType.EX_PARTNER_STALKING
        self.perpetrator_at_home = ~stalking & ((self.n_adults == 2) | (vt == ViolenceType.CHILD_ABUSE_NEGLECT))
        hh = params.households
        factor_p = {
            ComplicatingFactor.ADDICTION: hh.p_addiction,
            ComplicatingFactor.PSYCHIATRIC: hh.p_psychiatric,
            ComplicatingFactor.MILD_INTELLECTUAL_DISABILITY: hh.p_mild_intellectual_disability,
            ComplicatingFactor.POVERTY: hh.p_poverty,
        }
        self.factors = np.zeros(n, dtype=np.uint8)
        for factor, p in factor_p.items():
            self.factors |= (rng.random(n) < p).astype(np.uint8) << np.uint8(factor)
        self.care_avoiding = rng.random(n) < hh.p_care_avoiding
        risk = params.risk
        median = risk.incidents_per_year_median * np.array([t.incident_rate_multiplier for t in types])[vt]
        # A family's own level of violence; complicating factors and care avoidance raise it.
        self.base_log_rate = np.log(median) + risk.incidents_per_year_log_sd * rng.standard_normal(n)
        # mean_reversion_per_month is at least 0.01 (valid range), so the spread is finite.
        stationary_sd = risk.monthly_log_sd / np.sqrt(2.0 * risk.mean_reversion_per_month)
        self.latent_rate = np.minimum(
            np.exp(self._own_level_log(np.arange(n)) + stationary_sd * rng.standard_normal(n)),
            risk.max_incidents_per_year,
        )
        self.serious_multiplier = np.array([t.serious_multiplier for t in types])[vt]
        self.stopped = np.zeros(n, dtype=bool)
        self.stopped_since = np.full(n, np.inf)
        if history_days > 0:
            self._live_history(history_days)
            n = self.n
        self.measure_count = np.zeros((n, N_MEASURES), dtype=np.int16)
        self.measure_factor = np.ones(n)
        self.help_count = np.zeros((n, N_HELP), dtype=np.int16)
        self.help_quality = np.ones((n, N_HELP), dtype=np.float32)
        # Incident clock (see module docstring).
        ids = np.arange(n)
        self.n_incidents = np.zeros(n, dtype=np.int32)
        self.hazard_target = streams.keyed_exponential("incident_gap", ids, 0)
        self.hazard_used = np.zeros(n)
        self.hazard_at = np.maximum(self.onset_day, 0.0)
        self.rate_per_day = self.effective_rate(ids, 0.0) / DAYS_PER_YEAR
        self.next_time = np.full(n, np.inf)
        self.next_day = np.full(n, NEVER, dtype=np.int32)
        self.processed_day = -1
        self._schedule(ids)
        # Journey through the chain.
        self.last_incident_time = np.full(n, -np.inf)
        self.n_serious = np.zeros(n, dtype=np.int32)
        self.last_serious_time = np.full(n, -np.inf, dtype=np.float32)
        self.phase = np.zeros(n, dtype=np.int8)
        self.phase_since = np.zeros(n)
        self.first_stable_time = np.full(n, np.nan)
        self.first_report_time = np.full(n, np.nan)
        self.last_report_time = np.full(n, -np.inf)
        self.last_contact_time = np.full(n, -np.inf)
        self.n_reports = np.zeros(n, dtype=np.int32)
        self.prior_reports = np.zeros(n, dtype=np.int32)  # reports before the run (initial history)
        self.vt_open = np.zeros(n, dtype=np.int16)
        self.follow_up_since = np.full(n, np.nan, dtype=np.float32)  # VT's monitoring after a handover
        self.watchers = np.zeros(n, dtype=np.int16)
        self.open_cases = np.zeros(n, dtype=np.int16)
        self.info_quality = np.ones(n, dtype=np.float32)
        self.n_handoffs = np.zeros(n, dtype=np.int32)
        self.n_facts_lost = np.zeros(n, dtype=np.int32)
        self.n_professionals = np.zeros(n, dtype=np.int32)
        self.n_professional_changes = np.zeros(n, dtype=np.int32)
        self.n_assessments = np.zeros(n, dtype=np.int32)
        self.lead_org = np.full(n, -1, dtype=np.int32)
        self.has_plan = np.zeros(n, dtype=bool)
        self.team_parts = np.zeros(n, dtype=np.uint16)  # bit k: a regional safety team did work of OrgKind k
        self.team_work_time = np.full(n, -np.inf)  # when a regional safety team last started work (days)
        self.decision_counter = np.zeros(n, dtype=np.int32)
        self.in_service = np.zeros((n, n_services), dtype=np.int16)
        self.phase_counts = np.zeros(len(SafetyPhase), dtype=np.int64)
        self.phase_counts[SafetyPhase.NOT_IN_VIEW] = n
        recent = ~self.stopped | (self.stopped_since > -KNOWN_YEARS * DAYS_PER_YEAR)
        self._initial_history(np.flatnonzero((self.onset_day <= 0.0) & recent), rng)
        # Ages of the youngest and oldest child at the start (years; -1 without children).
        first = rng.uniform(0.0, 18.0, n)
        second = rng.uniform(0.0, 18.0, n)
        several = self.n_children > 1
        self.youngest_child_age = np.where(
            self.n_children > 0, np.where(several, np.minimum(first, second), first), -1.0
        )
        self.oldest_child_age = np.where(self.n_children > 0, np.where(several, np.maximum(first, second), first), -1.0)

    def _live_history(self, history_days: float) -> None:
        """The years before day 0: households' violence begins, escalates, stops and resumes month
        by month (help's average effect on stopping as one multiplier, no chain). Then households
        whose violence stopped so long ago that relapse has become negligible are left out.
        """
        months = int(np.ceil(history_days / DAYS_PER_MONTH - 1e-9))
        before = slice(0, int(np.searchsorted(self.onset_day, 0.0, side="right")))  # onsets are sorted
        stop = self.params.onset.history_stop_multiplier
        for month in range(months, 0, -1):
            self._risk_step(-(month - 1) * DAYS_PER_MONTH, stop, 1.0, rows=before)
        risk = self.params.risk
        decay_months = max(risk.relapse_decay_months, risk.stopped_rate_decay_months)
        inert_days = INERT_DECAYS * decay_months * DAYS_PER_MONTH
        keep = ~self.stopped | (self.stopped_since > -inert_days)
        for name, column in list(vars(self).items()):
            if isinstance(column, np.ndarray) and column.shape[:1] == (self.n,):
                setattr(self, name, column[keep])
        self.n = int(keep.sum())

    def _initial_history(self, idx: IntArray, rng: np.random.Generator) -> None:
        """Give the households with violence at the start (or stopped in the last three years) a past
        with the chain.

        Their last incident lies an exponential waiting time in the past (at their current rate; no
        later than when violence stopped), and a share of them had a report to Veilig Thuis in the
        three years before the start: the chain knows them (phase of direct safety since that
        report). Without this, every report in the first years would look like a new family.
        """
        years = rng.exponential(1.0, idx.size) / np.maximum(self.latent_rate[idx], 1e-9)
        self.last_incident_time[idx] = np.minimum(-years * DAYS_PER_YEAR, self.stopped_since[idx])
        known = idx[rng.random(idx.size) < self.params.onset.share_known_at_start]
        last = -rng.uniform(0.0, KNOWN_YEARS * DAYS_PER_YEAR, known.size)
        self.last_report_time[known] = last
        self.first_report_time[known] = last - rng.exponential(DAYS_PER_YEAR, known.size)
        self.prior_reports[known] = 1 + rng.poisson(1.0, known.size)
        self.last_contact_time[known] = last
        self.phase[known] = SafetyPhase.DIRECT
        self.phase_since[known] = last
        self.phase_counts[SafetyPhase.NOT_IN_VIEW] -= known.size
        self.phase_counts[SafetyPhase.DIRECT] += known.size

    # ----------------------------------------------------------------- properties
    def reports_ever(self, idx: IntArray) -> IntArray:
        """Reports about families `idx`, including those before the run."""
        return self.n_reports[idx] + self.prior_reports[idx]

    def factor_count(self, idx: IntArray | slice = slice(None)) -> IntArray:
        """Number of complicating factors of families `idx` (default: all)."""
        return _POPCOUNT[self.factors[idx]]

    def in_view(self) -> NDArray[np.bool_]:
        """Families the chain currently knows."""
        return self.phase != SafetyPhase.NOT_IN_VIEW

    def effective_rate(self, idx: IntArray | slice, now: float) -> NDArray[np.float64]:
        """Incidents per year at `now`: latent rate x stopped factor x measures.

        After violence stopped, a residual rate remains that fades the longer it has stopped, as
        the chance of relapse does; without the fading, every family that ever stopped would add
        incidents for good and demand would grow for as long as a run lasts.
        """
        risk = self.params.risk
        months_stopped = np.maximum(now - self.stopped_since[idx], 0.0) / DAYS_PER_MONTH
        residual = risk.stopped_rate_factor * np.exp(-months_stopped / risk.stopped_rate_decay_months)
        stopped = np.where(self.stopped[idx], residual, 1.0)
        return self.latent_rate[idx] * stopped * self.measure_factor[idx]

    def truly_unsafe(self, idx: IntArray, now: float) -> NDArray[np.bool_]:
        """Ground truth for assessments: ongoing risk above the threshold or a recent serious incident."""
        risk = self.params.risk
        risky = (~self.stopped[idx]) & (self.latent_rate[idx] >= risk.unsafe_incidents_per_year)
        recent = (now - self.last_serious_time[idx]) < risk.acute_window_days
        return risky | recent

    def _next_counters(self, idx: IntArray) -> IntArray:
        """The decision counter of each entry of `idx`, then advance them.

        A family that appears twice in one batch (two decisions at once) gets two consecutive
        counters, so the two decisions do not share one random number.
        """
        if idx.size <= _FEW:
            return self._next_counters_few(idx)
        counters = self.decision_counter[idx].copy()
        if idx.size > 1:
            order = np.argsort(idx, kind="stable")
            ordered = idx[order]
            repeated = ordered[1:] == ordered[:-1]
            if repeated.any():
                first = np.r_[True, ~repeated]
                positions = np.arange(ordered.size)
                counters[order] += positions - np.maximum.accumulate(np.where(first, positions, 0))
        add_at(self.decision_counter, idx, 1)
        return counters

    def _next_counters_few(self, idx: IntArray) -> IntArray:
        """`_next_counters` for a handful of families, in plain Python (same counters)."""
        counter = self.decision_counter
        out = []
        for family in idx.tolist():
            out.append(int(counter[family]))
            counter[family] += 1
        return np.array(out, dtype=counter.dtype)

    def draws(self, stream: str, idx: IntArray) -> NDArray[np.float64]:
        """One keyed uniform per family for a decision; each family's counter advances."""
        return self.streams.keyed_array(stream, idx, self._next_counters(idx))

    def draws_many(self, streams: tuple[str, ...], idx: IntArray) -> NDArray[np.float64]:
        """Keyed uniforms for several decisions about the same families: shape (streams, families)."""
        return self.streams.keyed_matrix(streams, idx, self._next_counters(idx))

    # ------------------------------------------------------------- incident clock
    def _schedule(self, idx: IntArray | slice) -> None:
        rate = self.rate_per_day[idx]
        wait = np.full(rate.shape, np.inf)
        np.divide(self.hazard_target[idx] - self.hazard_used[idx], rate, out=wait, where=rate > 0)
        nxt = np.maximum(self.hazard_at[idx] + wait, self.processed_day + 1.0)
        self.next_time[idx] = nxt
        self.next_day[idx] = np.floor(np.minimum(nxt, NEVER))  # NEVER: no incident planned

    def reschedule(self, idx: IntArray | slice, now: float) -> None:
        """The rate of families `idx` (ids, or a slice for all) changed at `now`: re-plan their next incident."""
        if not isinstance(idx, slice) and idx.size == 0:
            return
        at = np.maximum(self.hazard_at[idx], now)
        self.hazard_used[idx] += (at - self.hazard_at[idx]) * self.rate_per_day[idx]
        self.hazard_at[idx] = at
        self.rate_per_day[idx] = self.effective_rate(idx, now) / DAYS_PER_YEAR
        self._schedule(idx)

    def take_incidents(self, day: int) -> tuple[IntArray, NDArray[np.float64]]:
        """Families with an incident on `day`, and the times; advances their incident clocks."""
        self.processed_day = day
        idx = np.flatnonzero(self.next_day == day)
        if idx.size == 0:
            return idx, np.empty(0)
        times = self.next_time[idx]
        self.n_incidents[idx] += 1
        self.last_incident_time[idx] = times
        self.hazard_target[idx] = self.streams.keyed_exponential("incident_gap", idx, self.n_incidents[idx])
        self.hazard_used[idx] = 0.0
        self.hazard_at[idx] = times
        self._schedule(idx)
        return idx, times

    # ----------------------------------------------------------- measures and help
    def change_measure(
        self, idx: IntArray, measure: Measure, delta: int, now: float, factors: NDArray[np.float64]
    ) -> None:
        """Start (+1) or end (-1) a direct-safety measure; `factors` is the rate factor per measure."""
        if idx.size == 0:
            return
        add_at(self.measure_count[:, measure], idx, delta)
        active = self.measure_count[idx] > 0
        self.measure_factor[idx] = np.prod(np.where(active, factors[None, :], 1.0), axis=1)
        self.reschedule(idx, now)

    def stop_violence(self, idx: IntArray, now: float) -> None:
        """Violence stops now for families `idx` (e.g. after a conviction); they may relapse later."""
        if idx.size == 0:
            return
        self.stopped[idx] = True
        self.stopped_since[idx] = now
        self.reschedule(idx, now)

    def change_help(
        self, idx: IntArray, help_type: HelpType, delta: int, quality: NDArray[np.float64] | float = 1.0
    ) -> None:
        """Start (+1, with its quality) or end (-1) a kind of help."""
        if idx.size == 0:
            return
        add_at(self.help_count[:, help_type], idx, delta)
        if delta > 0:
            self.help_quality[idx, help_type] = quality

    # ------------------------------------------------------------ risk dynamics
    def _own_level_log(self, idx: IntArray | slice) -> NDArray[np.float64]:
        """Log of each family's own level of violence (incidents per year)."""
        risk = self.params.risk
        return (
            self.base_log_rate[idx]
            + risk.factor_log_level * _POPCOUNT[self.factors[idx]]
            + risk.care_avoidance_log_level * self.care_avoiding[idx]
        )

    def monthly_risk_update(
        self, now: float, stop_multiplier: NDArray[np.float64], relapse_multiplier: NDArray[np.float64]
    ) -> None:
        """One month of risk dynamics (`_risk_step`), then every family's next incident re-planned."""
        self._risk_step(now, stop_multiplier, relapse_multiplier)
        self.reschedule(slice(None), now)  # families not yet started keep their onset and clock

    def _risk_step(
        self,
        now: float,
        stop_multiplier: NDArray[np.float64] | float,
        relapse_multiplier: NDArray[np.float64] | float,
        rows: slice = slice(None),
    ) -> None:
        """Escalation and de-escalation around each family's own level, desistance and relapse.

        The log incident rate follows a mean-reverting random walk (Ornstein-Uhlenbeck) around the
        family's own level, which complicating factors and care avoidance raise. Violence stops
        with a monthly chance that help raises; it resumes with a chance that fades the longer it
        has stopped. Draws a fixed number of numbers per month (one per family in `rows`) so they
        line up between scenarios (common random numbers).
        """
        risk = self.params.risk
        latent_rate = self.latent_rate[rows]
        size = latent_rate.size
        walk = self.streams.stream("risk_walk").standard_normal(size)
        chance = self.streams.stream("desistance").random(size)
        started = self.onset_day[rows] <= now
        stopped, stopped_since = self.stopped[rows], self.stopped_since[rows]
        log_rate = np.log(latent_rate)
        step = risk.mean_reversion_per_month * (self._own_level_log(rows) - log_rate) + risk.monthly_log_sd * walk
        self.latent_rate[rows] = np.minimum(
            np.exp(log_rate + np.where(started, step, 0.0)), risk.max_incidents_per_year
        )
        p_stop = 1.0 - (1.0 - risk.p_stop_per_month) ** stop_multiplier
        months_stopped = np.maximum(now - stopped_since, 0.0) / DAYS_PER_MONTH
        p_relapse = risk.p_relapse_per_month * relapse_multiplier * np.exp(-months_stopped / risk.relapse_decay_months)
        stops = started & ~stopped & (chance < p_stop)
        relapses = started & stopped & (chance < p_relapse)
        self.stopped[rows] = (stopped | stops) & ~relapses
        self.stopped_since[rows] = np.where(stops, now, np.where(relapses, np.inf, stopped_since))


class Family(mesa.Agent):
    """A household, as a thin Mesa agent: an index into the population arrays."""

    def __init__(self, model: ChainModel, index: int) -> None:
        super().__init__(model)
        self.index = index

    @property
    def _pop(self) -> FamilyPopulation:
        return self.model.population

    @property
    def phase(self) -> SafetyPhase:
        return SafetyPhase(int(self._pop.phase[self.index]))

    @property
    def violence_type(self) -> ViolenceType:
        return ViolenceType(int(self._pop.violence_type[self.index]))

    @property
    def incidents_per_year(self) -> float:
        """Current latent incident rate (incidents per year)."""
        return float(self._pop.latent_rate[self.index])

    @property
    def n_children(self) -> int:
        return int(self._pop.n_children[self.index])

    @property
    def children_ages(self) -> tuple[float, float] | None:
        """Ages (years, at the start of the run) of the youngest and the oldest child."""
        if self.n_children == 0:
            return None
        return float(self._pop.youngest_child_age[self.index]), float(self._pop.oldest_child_age[self.index])

    def journey(self, labels: bool = True) -> pd.DataFrame:
        """Every event record of this family, in time order."""
        return self.model.family_journey(self.index, labels=labels)
