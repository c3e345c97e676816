"""Live series for the dashboard: cheap numbers per simulated day, kept incrementally.

The model already keeps its daily aggregates in preallocated arrays (`model.aggregates`); this
module adds the few per-day numbers the views need that are not there (repeat violence among
families the chain knows, professionals and handoffs per family, waiting per organisation, handoff
volumes), each computed from the model's arrays in a handful of numpy operations after the day.
Nothing here builds a DataFrame per step (performance.md); views read slices of these arrays.

Definitions (also shown in the dashboard's help text):
    repeat violence: of the families that were ever reported to Veilig Thuis and are still in view
        of the chain, the share with a new incident in the last `WINDOW_DAYS` days that happened
        after their first report.
    waiting list: families waiting for work to start at an organisation (arrived, not started).
    waiting time: mean days between arrival and start of the work that started in the last
        `WINDOW_DAYS` days at that organisation.
    professionals / handoffs per family: mean counts so far over the families ever reported.
    handoff volume: handoffs along each route in the last `WINDOW_DAYS` days.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from simulation.aggregates import SCALARS
from simulation.enums import OrgKind, SafetyPhase

if TYPE_CHECKING:
    from simulation.model import ChainModel

WINDOW_DAYS = 28
DAYS_PER_YEAR = 365.25
N_KINDS = len(OrgKind)
_SCALAR = {name: i for i, name in enumerate(SCALARS)}


class LiveSeries:
    """Per-day view numbers of one `ChainModel`, recorded after each simulated day.

    Args:
        model: the model; `record()` must be called after every `model.step()`.
    """

    def __init__(self, model: ChainModel) -> None:
        self.model = model
        days = model.horizon_days
        self.days = 0  # number of days recorded
        self.repeat_share = np.zeros(days)
        self.known = np.zeros(days)
        self.professionals = np.zeros(days)
        self.handoffs = np.zeros(days)
        self.facts_lost = np.zeros(days)
        self.waiting = np.zeros((days, N_KINDS))
        self.started = np.zeros((days, N_KINDS))
        self.waited = np.zeros((days, N_KINDS))
        self.handoff_cum = np.zeros((days, *model.handoff_counts.shape), dtype=np.int64)
        self._queue_started = np.zeros(0)
        self._queue_waited = np.zeros(0)

    # ------------------------------------------------------------------ recording
    def record(self) -> None:
        """Read the day just simulated (call after `model.step()`)."""
        model = self.model
        d = round(model.time) - 1
        if d < 0 or d >= self.repeat_share.size:
            return
        pop = model.population
        now = float(d + 1)
        reported = ~np.isnan(pop.first_report_time)
        known = reported & (pop.phase != SafetyPhase.NOT_IN_VIEW)
        n_known = int(known.sum())
        recent = known & (pop.last_incident_time > np.maximum(pop.first_report_time, now - WINDOW_DAYS))
        self.known[d] = n_known
        self.repeat_share[d] = recent.sum() / n_known if n_known else 0.0
        n_reported = int(reported.sum())
        if n_reported:
            self.professionals[d] = pop.n_professionals[reported].sum() / n_reported
            self.handoffs[d] = pop.n_handoffs[reported].sum() / n_reported
            self.facts_lost[d] = pop.n_facts_lost[reported].sum() / n_reported
        self._record_queues(d)
        self.handoff_cum[d] = model.handoff_counts
        self.days = d + 1

    def _record_queues(self, d: int) -> None:
        model = self.model
        queues = model.queues
        n = len(queues)
        kinds = model.org_kind[model.queue_org[:n]]
        waiting = np.fromiter((len(q.waiting) for q in queues), dtype=float, count=n)
        started = np.fromiter((q.started for q in queues), dtype=float, count=n)
        waited = np.fromiter((q.waited_days for q in queues), dtype=float, count=n)
        if self._queue_started.size < n:  # queues added (restructuring): they start from zero
            self._queue_started = np.concatenate([self._queue_started, np.zeros(n - self._queue_started.size)])
            self._queue_waited = np.concatenate([self._queue_waited, np.zeros(n - self._queue_waited.size)])
        self.waiting[d] = np.bincount(kinds, weights=waiting, minlength=N_KINDS)
        self.started[d] = np.bincount(kinds, weights=started - self._queue_started, minlength=N_KINDS)
        self.waited[d] = np.bincount(kinds, weights=waited - self._queue_waited, minlength=N_KINDS)
        self._queue_started, self._queue_waited = started, waited

    # -------------------------------------------------------------------- reading
    def day_axis(self) -> NDArray[np.float64]:
        """Policy year at the end of each recorded day (negative during the warm-up)."""
        return (np.arange(1, self.days + 1) - self.model.start_day) / DAYS_PER_YEAR

    def scalar(self, name: str) -> NDArray[np.float64]:
        """A column of the model's daily aggregates over the recorded days."""
        return self.model.aggregates.scalars[: self.days, _SCALAR[name]]

    def rolling_sum(self, values: NDArray[np.float64], window: int = WINDOW_DAYS) -> NDArray[np.float64]:
        """Sum over the last `window` days, for every day (shorter at the start)."""
        cum = np.cumsum(values, axis=0)
        out = cum.copy()
        out[window:] = cum[window:] - cum[:-window]
        return out

    def wait_days(self) -> NDArray[np.float64]:
        """Mean waiting days per organisation kind of work started in the last window (nan: none)."""
        started = self.rolling_sum(self.started[: self.days])
        waited = self.rolling_sum(self.waited[: self.days])
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(started > 0, waited / np.maximum(started, 1), np.nan)

    def serious_last_week(self) -> float:
        """Serious incidents in the last seven days."""
        return float(self.scalar("serious_incidents")[-7:].sum())

    def handoff_volume(self, window: int = WINDOW_DAYS) -> NDArray[np.int64]:
        """Handoffs in the last `window` days, by sender kind (last row: outside) and receiver kind."""
        if self.days == 0:
            return np.zeros(self.handoff_cum.shape[1:], dtype=np.int64)
        latest = self.handoff_cum[self.days - 1]
        before = self.handoff_cum[self.days - 1 - window] if self.days > window else 0
        return latest - before
