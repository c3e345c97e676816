"""Workforce: professionals of every organisation, with experience, attrition, hiring and sickness.

One table holds every professional of the run (organisation, experience, active), so that a
day of attrition, sickness and hiring for all organisations is a handful of numpy operations.
Workload above norm raises attrition; leavers open vacancies that are filled after a hiring lag
by new professionals who start at reduced productivity (FIGURES T12 for youth protection).

Every professional has a fixed id (the organisation that hired them and a serial number), and
their daily draws - leaving, being sick, the hiring lag of the vacancy they leave - are keyed by
that id and the day. So two scenarios run with the same seed give an organisation whose workload
they do not change the same leavers and absences, whatever happens elsewhere (common random
numbers); one shared stream would shift every organisation's draws at the first hire that differs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from simulation.arrays import IntArray
from simulation.enums import EventKind, Reason
from simulation.parameters.organisations import StaffParams
from simulation.randomness import RandomStreams
from simulation.records import EventLog

DAYS_PER_YEAR = 365.25
PERSON_ID_STRIDE = 1 << 32  # a professional's id: hiring organisation x stride + serial number


@dataclass
class OrgStaffing:
    """Per-organisation staff parameters as arrays (one entry per organisation instance)."""

    attrition_per_year: NDArray[np.float64]
    hiring_lag_days: NDArray[np.float64]
    sick_leave_share: NDArray[np.float64]
    hours_per_day: NDArray[np.float64]
    years_to_full: NDArray[np.float64]
    new_hire_productivity: NDArray[np.float64]

    @classmethod
    def from_params(cls, params: list[StaffParams]) -> OrgStaffing:
        def column(name: str) -> NDArray[np.float64]:
            return np.array([getattr(p, name) for p in params], dtype=float)

        return cls(
            attrition_per_year=column("attrition_per_year"),
            hiring_lag_days=column("hiring_lag_days"),
            sick_leave_share=column("sick_leave_share"),
            hours_per_day=column("productive_hours_per_fte_week") / 7.0,
            years_to_full=column("years_to_full_productivity"),
            new_hire_productivity=column("new_hire_productivity"),
        )


class Workforce:
    """All professionals of all organisations.

    Args:
        staffing: per-organisation staff parameters.
        positions: funded positions per organisation (FTE, rounded to people).
        initial_experience_years: mean starting experience per organisation.
        rng_init: the named random stream of the initial staff's experience.
        streams: the run's random streams (keyed draws of the daily dynamics).
        log: the run's event log (staff changes are recorded).
    """

    def __init__(
        self,
        staffing: OrgStaffing,
        positions: IntArray,
        initial_experience_years: NDArray[np.float64],
        rng_init: np.random.Generator,
        streams: RandomStreams,
        log: EventLog,
    ) -> None:
        self.staffing = staffing
        self.n_orgs = len(positions)
        self.funded = positions.astype(np.int64).copy()
        self.streams = streams
        self.log = log
        org = np.repeat(np.arange(self.n_orgs), self.funded)
        experience_years = rng_init.gamma(2.0, initial_experience_years[org] / 2.0)
        self.org = org.astype(np.int32)
        first_of_org = np.cumsum(self.funded) - self.funded
        self.person = org * PERSON_ID_STRIDE + (np.arange(org.size) - first_of_org[org])
        self._next_serial = self.funded.copy()
        self.experience_days = experience_years * DAYS_PER_YEAR
        self.active = np.ones(org.size, dtype=bool)
        self.pending = np.zeros(self.n_orgs, dtype=np.int64)
        self._hires: dict[int, list[int]] = {}
        # Multipliers and additions set by workload and by the restructuring each day.
        self.attrition_multiplier = np.ones(self.n_orgs)
        self.extra_attrition_per_year = np.zeros(self.n_orgs)
        self.hiring_lag_factor = np.ones(self.n_orgs)
        self.productivity_factor = np.ones(self.n_orgs)
        self.overhead_share = np.zeros(self.n_orgs)
        # Daily state read by the organisations.
        self.headcount = np.zeros(self.n_orgs, dtype=np.int64)
        self.present = np.zeros(self.n_orgs, dtype=np.int64)
        self.productivity = np.ones(self.n_orgs)
        self.work_per_paid_hour = np.ones(self.n_orgs)
        self.inexperienced_share = np.zeros(self.n_orgs)
        self.leavers_today = np.zeros(self.n_orgs, dtype=np.int64)
        self.leavers_total = np.zeros(self.n_orgs, dtype=np.int64)
        self.hires_total = np.zeros(self.n_orgs, dtype=np.int64)
        self._refresh(day=None)

    @property
    def vacancies(self) -> IntArray:
        """Funded positions without a professional (being recruited or not)."""
        return np.maximum(self.funded - self.headcount, 0)

    def _refresh(self, day: int | None) -> None:
        """Headcount and productivity, and who is present on `day` (None: everyone)."""
        self._refresh_productivity()
        self.present = self.headcount.copy()
        if day is not None:
            active = np.flatnonzero(self.active)
            orgs = self.org[active]
            sick = (
                self.streams.keyed_array("staff_sick", self.person[active], day) < self.staffing.sick_leave_share[orgs]
            )
            self.present -= np.bincount(orgs[sick], minlength=self.n_orgs)

    def _refresh_productivity(self) -> None:
        """Headcount, productivity and share of new staff per organisation (no random draws)."""
        active_org = self.org[self.active]
        self.headcount = np.bincount(active_org, minlength=self.n_orgs)
        years = self.experience_days[self.active] / DAYS_PER_YEAR
        s = self.staffing
        shortfall = (1.0 - s.new_hire_productivity[active_org]) * np.exp(
            -years / np.maximum(s.years_to_full[active_org], 1e-9)
        )
        productivity = np.bincount(active_org, weights=1.0 - shortfall, minlength=self.n_orgs)
        new = np.bincount(active_org, weights=(years < 1.0).astype(float), minlength=self.n_orgs)
        with np.errstate(invalid="ignore", divide="ignore"):
            self.productivity = np.where(self.headcount > 0, productivity / self.headcount, 1.0)
            self.inexperienced_share = np.where(self.headcount > 0, new / self.headcount, 0.0)
        self.work_per_paid_hour = self.productivity * self.productivity_factor
        self.productivity = self.work_per_paid_hour * (1.0 - self.overhead_share)

    def paid_hours(self, orgs: IntArray, work_hours: NDArray[np.float64]) -> NDArray[np.float64]:
        """Paid hours for `work_hours` of work (a function's mean hours per job) done by `orgs`.

        New professionals and a team in its transition dip take longer for the same work; a team
        with an efficiency gain, less (`work_per_paid_hour`: experience x the restructuring
        factor; time in meetings and training is booked as hours of its own).
        """
        return work_hours / np.maximum(self.work_per_paid_hour[orgs], 0.1)

    def step(self, day: int) -> None:
        """One day: experience grows, some leave, vacancies are filled, some are sick."""
        active = np.flatnonzero(self.active)
        self.experience_days[active] += 1.0
        annual = self.staffing.attrition_per_year * self.attrition_multiplier + self.extra_attrition_per_year
        p_leave = 1.0 - np.exp(-annual / DAYS_PER_YEAR)
        draws = self.streams.keyed_array("staff_leave", self.person[active], day)
        who = active[draws < p_leave[self.org[active]]]
        self.leavers_today = np.bincount(self.org[who], minlength=self.n_orgs)
        if who.size:
            self.active[who] = False
            self.leavers_total += self.leavers_today
            self.log.add_many(
                day + 0.5,
                EventKind.STAFF_CHANGE,
                family=np.full(who.size, -1),
                org=self.org[who],
                reason=Reason.LEAVE,
                value=self.experience_days[who] / DAYS_PER_YEAR,
            )
            self._open_vacancies(day, who)
        self._hire(day)
        self._refresh(day)

    def _open_vacancies(self, day: int, leavers: IntArray) -> None:
        """The positions of `leavers` are recruited for; each recruitment takes a hiring lag."""
        orgs = self.org[leavers]
        mean_lag_days = self.staffing.hiring_lag_days[orgs] * self.hiring_lag_factor[orgs]
        lags = mean_lag_days * self.streams.keyed_exponential("hiring_lag", self.person[leavers])
        for org, lag in zip(orgs.tolist(), lags.tolist(), strict=True):
            self._hires.setdefault(day + 1 + int(lag), []).append(org)
            self.pending[org] += 1

    def _hire(self, day: int) -> None:
        due = self._hires.pop(day, None)
        if not due:
            return
        orgs = np.asarray(due, dtype=np.int32)
        self.pending -= np.bincount(orgs, minlength=self.n_orgs)
        # Only fill positions that are still funded (a transfer may have moved them).
        room = self.funded - self.headcount
        keep = []
        taken = np.zeros(self.n_orgs, dtype=np.int64)
        for org in orgs.tolist():
            if taken[org] < room[org]:
                taken[org] += 1
                keep.append(org)
        if not keep:
            return
        self._add_staff(np.asarray(keep, dtype=np.int32), experience_days=0.0)
        self.hires_total += taken
        self.log.add_many(
            day + 0.5,
            EventKind.STAFF_CHANGE,
            family=np.full(len(keep), -1),
            org=np.asarray(keep),
            reason=Reason.HIRE,
            value=0.0,
        )

    def _add_staff(self, orgs: NDArray[np.int32], experience_days: float | NDArray[np.float64]) -> None:
        serials = np.empty(orgs.size, dtype=np.int64)
        for i, org in enumerate(orgs.tolist()):
            serials[i] = self._next_serial[org]
            self._next_serial[org] += 1
        self.person = np.concatenate([self.person, orgs.astype(np.int64) * PERSON_ID_STRIDE + serials])
        self.org = np.concatenate([self.org, orgs])
        self.experience_days = np.concatenate(
            [self.experience_days, np.broadcast_to(experience_days, orgs.shape).astype(float)]
        )
        self.active = np.concatenate([self.active, np.ones(orgs.size, dtype=bool)])
        self.headcount = self.headcount + np.bincount(orgs, minlength=self.n_orgs)

    def transfer(self, source: int, target: int, share: float, rng: np.random.Generator) -> int:
        """Move `share` of the professionals and funded positions of `source` to `target`.

        The target's staff parameters become the headcount-weighted mean of its own and the
        source's: a team formed from several organisations starts with their staff's conditions
        (attrition, sick leave, hiring lag), not with those of one of them.
        """
        staff = np.flatnonzero(self.active & (self.org == source))
        moved = rng.choice(staff, size=round(share * staff.size), replace=False) if staff.size else staff
        self._blend_staffing(target, source, weight_target=int(self.headcount[target]), weight_source=moved.size)
        self.org[moved] = target
        positions = round(share * self.funded[source])
        self.funded[source] -= positions
        self.funded[target] += positions
        # Today's attendance moves with the staff, so the team can work from the day it starts.
        present = min(round(share * self.present[source]), moved.size)
        self.present[source] -= present
        self.present[target] += present
        self._refresh_productivity()
        self._move_recruitments(source, target, share, rng)
        return int(moved.size)

    def _blend_staffing(self, target: int, source: int, weight_target: int, weight_source: int) -> None:
        if weight_source == 0:
            return
        for column in vars(self.staffing).values():
            column[target] = (column[target] * weight_target + column[source] * weight_source) / (
                weight_target + weight_source
            )

    def _move_recruitments(self, source: int, target: int, share: float, rng: np.random.Generator) -> None:
        """The recruitments under way for `source` continue for the moved vacancies at `target`.

        Without this, the vacancies moved with the positions would stay open for good: a vacancy
        is recruited for when someone leaves, and the hire would arrive at `source`, which no
        longer has the position.
        """
        under_way = [(day, i) for day in sorted(self._hires) for i, org in enumerate(self._hires[day]) if org == source]
        n = round(share * len(under_way))
        if n == 0:
            return
        chosen = range(n) if n == len(under_way) else rng.choice(len(under_way), size=n, replace=False).tolist()
        for k in chosen:
            day, i = under_way[k]
            self._hires[day][i] = target
        self.pending[source] -= n
        self.pending[target] += n

    def lose_experience(self, org: int, share: float) -> None:
        """Organisation-specific experience lost (e.g. at a merger): experience x (1 - share)."""
        members = self.active & (self.org == org)
        self.experience_days[members] *= 1.0 - share
