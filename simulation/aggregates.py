"""Daily aggregates: one row per simulated day, read from the model's counters and arrays.

Per-family detail lives in the event records; these are the time series that plots, the
dashboard and the comparison use (performance.md: collect aggregates from arrays rather than
agent reporters over thousands of agents).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from simulation.enums import OrgKind, ReportKind, SafetyPhase
from simulation.queues import Caseload
from simulation.services import ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel

DAY_COUNTS = (
    "incidents",
    "serious_incidents",
    "unseen_incidents",
    "police_callouts",
    "police_registered",
    "advice_requests",
    "triages",
    "investigations",
    "board_investigations",
    "supervision_orders",
    "children_with_supervision_orders",
    "restraining_orders",
    "meetings",
)
SCALARS = (
    *DAY_COUNTS,
    "reports_new",
    "reports_repeat",
    "reports_follow_up",
    "families_in_view",
    "phase_direct",
    "phase_stable",
    "phase_recovery",
    "hours",
    "cost_eur",
    "development_eur",
    "transition_eur",
    "staff",
    "staff_present",
    "vacancies",
    "leavers",
    "hires",
)
SERVICE_COLUMNS = ("waiting", "active", "started", "wait_days_sum", "late", "staff")
ORG_COLUMNS = ("staff", "present", "vacancies", "hours", "workload", "leavers")


class DailyAggregates:
    """Pre-allocated daily time series."""

    def __init__(self, days: int) -> None:
        self.days = days
        self.scalars = np.zeros((days, len(SCALARS)))
        self.services = np.zeros((days, len(ServiceKind), len(SERVICE_COLUMNS)))
        self.orgs = np.zeros((days, len(OrgKind), len(ORG_COLUMNS)))
        self._col = {name: i for i, name in enumerate(SCALARS)}

    def record(self, day: int, model: ChainModel) -> None:
        """Read today's numbers from the model."""
        row = self.scalars[day]
        col = self._col
        for name in DAY_COUNTS:
            row[col[name]] = model.day_counts[name]
        kinds = model.day_report_kinds
        row[col["reports_new"]] = kinds[ReportKind.NEW]
        row[col["reports_repeat"]] = kinds[ReportKind.REPEAT]
        row[col["reports_follow_up"]] = kinds[ReportKind.FOLLOW_UP]
        counts = model.population.phase_counts
        row[col["phase_direct"]] = counts[SafetyPhase.DIRECT]
        row[col["phase_stable"]] = counts[SafetyPhase.STABLE]
        row[col["phase_recovery"]] = counts[SafetyPhase.RECOVERY]
        row[col["families_in_view"]] = counts[1:].sum()
        wf = model.workforce
        hours = model.hours_today.sum()
        row[col["hours"]] = hours
        row[col["development_eur"]] = model.development_today
        row[col["transition_eur"]] = model.transition_today
        row[col["cost_eur"]] = (
            hours * model.params.care.workload.hourly_cost_eur + model.development_today + model.transition_today
        )
        row[col["staff"]] = wf.headcount.sum()
        row[col["staff_present"]] = wf.present.sum()
        row[col["vacancies"]] = wf.vacancies.sum()
        row[col["leavers"]] = wf.leavers_today.sum()
        row[col["hires"]] = model.hires_today
        services = self.services[day]
        ops = model.operations
        shares = model.queue_share
        for q in model.queues:
            services[q.service, 0] += len(q.waiting)
            services[q.service, 5] += wf.headcount[q.org] * shares[q.qid]
            if isinstance(q, Caseload):
                services[q.service, 1] += len(q.active)
        services[:, 2] = ops.started_today
        services[:, 3] = ops.waited_today
        services[:, 4] = ops.late_today
        orgs = self.orgs[day]
        kind = model.org_kind
        n = len(OrgKind)
        orgs[:, 0] = np.bincount(kind, weights=wf.headcount, minlength=n)
        orgs[:, 1] = np.bincount(kind, weights=wf.present, minlength=n)
        orgs[:, 2] = np.bincount(kind, weights=wf.vacancies, minlength=n)
        orgs[:, 3] = model.hours_today
        with np.errstate(invalid="ignore"):
            weights = np.bincount(kind, weights=wf.headcount, minlength=n)
            orgs[:, 4] = np.where(
                weights > 0,
                np.bincount(kind, weights=model.org_workload * wf.headcount, minlength=n) / np.maximum(weights, 1),
                0.0,
            )
        orgs[:, 5] = np.bincount(kind, weights=wf.leavers_today, minlength=n)

    def frame(self, start_day: int = 0) -> pd.DataFrame:
        """Daily scalars, one row per day, with `day` and `year` (years since the policy start)."""
        frame = pd.DataFrame(self.scalars, columns=list(SCALARS))
        frame.insert(0, "day", np.arange(self.days))
        frame.insert(1, "year", (frame["day"] - start_day) / 365.25)
        return frame

    def service_frame(self, start_day: int = 0) -> pd.DataFrame:
        """Daily numbers per function (tidy: one row per day and function)."""
        days, n_services, _ = self.services.shape
        frame = pd.DataFrame(self.services.reshape(days * n_services, -1), columns=list(SERVICE_COLUMNS))
        frame.insert(0, "day", np.repeat(np.arange(days), n_services))
        frame.insert(1, "year", (frame["day"] - start_day) / 365.25)
        frame.insert(2, "service", np.tile([s.name.lower() for s in ServiceKind], days))
        return frame

    def org_frame(self, start_day: int = 0) -> pd.DataFrame:
        """Daily numbers per organisation kind (tidy)."""
        days, n_kinds, _ = self.orgs.shape
        frame = pd.DataFrame(self.orgs.reshape(days * n_kinds, -1), columns=list(ORG_COLUMNS))
        frame.insert(0, "day", np.repeat(np.arange(days), n_kinds))
        frame.insert(1, "year", (frame["day"] - start_day) / 365.25)
        frame.insert(2, "org_kind", np.tile([k.name.lower() for k in OrgKind], days))
        return frame
