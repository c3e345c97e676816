"""What an experiment keeps of one run: metrics for the period and the final year, monthly time
paths, handoff volumes between organisations and waits per function.

Monthly series let a comparison show the path over time (a transition dip and when, if ever, a
scenario catches up), not only the end state. All come from the run's records and daily
aggregates (`simulation.results.RunResult`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from simulation import metrics
from simulation.enums import EventKind, OrgKind
from simulation.results import RunResult
from simulation.services import SERVICES, ServiceKind

DAYS_PER_MONTH = 365.25 / 12
COHORT_FOLLOW_UP_DAYS = 365.25

# name: (label, unit, which direction is better)
SERIES: dict[str, tuple[str, str, str]] = {
    "serious_incidents": ("Serious escalations", "per month", "lower"),
    "incidents": ("Incidents", "per month", "lower"),
    "reports": ("Reports to VT", "per month", "lower"),
    "repeat_violence_12m": ("Repeat violence within 12 months, by month of first report", "share", "lower"),
    "stable_share": ("Families in view in stable safety or recovery", "share", "higher"),
    "handoffs_per_family": ("Handoffs per family in view", "per month", "lower"),
    "facts_lost_per_family": ("Handoffs with lost facts per family in view", "per month", "lower"),
    "professionals_per_family": ("Professionals meeting a family, per family in view", "per month", "lower"),
    "triage_wait_days": ("Wait for VT safety assessment", "days", "lower"),
    "triage_waiting": ("Reports waiting for assessment", "reports", "lower"),
    "board_wait_days": ("Wait for board investigation", "days", "lower"),
    "supervision_waiting": ("Families waiting for supervision (GI)", "families", "lower"),
    "staff": ("Professionals employed", "FTE", "higher"),
    "vacancies": ("Vacancies", "FTE", "lower"),
    "attrition": ("Staff attrition", "share per year", "lower"),
    "hours": ("Professional hours", "per month", "lower"),
    "cost_eur": ("Cost", "EUR per month", "lower"),
}
WAIT_SERVICES = [s for s in ServiceKind if s != ServiceKind.MDA_TEAM]
PROFESSIONAL_SERVICES = [int(s) for s in ServiceKind if SERVICES[s].professional]
N_KINDS = len(OrgKind)


def n_months(result: RunResult) -> int:
    return round((result.end_day - result.start_day) / DAYS_PER_MONTH)


def _month_of(days: np.ndarray, start_day: int, months: int) -> np.ndarray:
    month = np.floor((days - start_day) / DAYS_PER_MONTH).astype(np.int64)
    return np.where((month >= 0) & (month < months), month, -1)


def _monthly_sum(days: np.ndarray, values: np.ndarray, start_day: int, months: int) -> np.ndarray:
    month = _month_of(days, start_day, months)
    keep = month >= 0
    return np.bincount(month[keep], weights=values[keep], minlength=months)[:months]


def _monthly_mean(days: np.ndarray, values: np.ndarray, start_day: int, months: int) -> np.ndarray:
    total = _monthly_sum(days, values, start_day, months)
    count = _monthly_sum(days, np.ones_like(values, dtype=float), start_day, months)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / count, np.nan)


def monthly_series(result: RunResult) -> dict[str, np.ndarray]:
    """Every series of `SERIES`, one value per policy month."""
    months = n_months(result)
    start = result.start_day
    d = result.daily
    days = d["day"].to_numpy(dtype=float)
    out: dict[str, np.ndarray] = {}
    for name in ("serious_incidents", "incidents", "hours", "cost_eur"):
        out[name] = _monthly_sum(days, d[name].to_numpy(dtype=float), start, months)
    out["reports"] = _monthly_sum(
        days, (d["reports_new"] + d["reports_repeat"] + d["reports_follow_up"]).to_numpy(dtype=float), start, months
    )
    in_view = d["families_in_view"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        stable = (d["phase_stable"] + d["phase_recovery"]).to_numpy(dtype=float) / in_view
    out["stable_share"] = _monthly_mean(days, stable, start, months)
    out["staff"] = _monthly_mean(days, d["staff"].to_numpy(dtype=float), start, months)
    out["vacancies"] = _monthly_mean(days, d["vacancies"].to_numpy(dtype=float), start, months)
    leavers = _monthly_sum(days, d["leavers"].to_numpy(dtype=float), start, months)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["attrition"] = leavers * 12.0 / out["staff"]
    mean_in_view = _monthly_mean(days, in_view, start, months)

    s = result.services
    s_days = s["day"].to_numpy(dtype=float)

    def service_rows(service: ServiceKind) -> np.ndarray:
        return (s["service"] == service.name.lower()).to_numpy()

    for name, service in (
        ("triage_wait_days", ServiceKind.VT_TRIAGE),
        ("board_wait_days", ServiceKind.BOARD_INVESTIGATION),
    ):
        rows = service_rows(service)
        waited = _monthly_sum(s_days[rows], s.loc[rows, "wait_days_sum"].to_numpy(dtype=float), start, months)
        started = _monthly_sum(s_days[rows], s.loc[rows, "started"].to_numpy(dtype=float), start, months)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[name] = np.where(started > 0, waited / started, np.nan)
    for name, service in (
        ("triage_waiting", ServiceKind.VT_TRIAGE),
        ("supervision_waiting", ServiceKind.GI_SUPERVISION),
    ):
        rows = service_rows(service)
        out[name] = _monthly_mean(s_days[rows], s.loc[rows, "waiting"].to_numpy(dtype=float), start, months)

    r = result.records
    event = r["event"].to_numpy()
    time = r["time"].to_numpy()
    flag = r["flag"].to_numpy()
    handoffs = event == EventKind.HANDOFF
    contacts = ((event == EventKind.CASE_START) & np.isin(r["detail"].to_numpy(), PROFESSIONAL_SERVICES)) | (
        (event == EventKind.SIGNAL) & (r["org_kind"].to_numpy() == OrgKind.POLICE)
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        out["handoffs_per_family"] = _monthly_sum(time[handoffs], np.ones(handoffs.sum()), start, months) / mean_in_view
        lost = handoffs & ((flag & 1) > 0)
        out["facts_lost_per_family"] = _monthly_sum(time[lost], np.ones(lost.sum()), start, months) / mean_in_view
        out["professionals_per_family"] = (
            _monthly_sum(time[contacts], np.ones(contacts.sum()), start, months) / mean_in_view
        )
    out["repeat_violence_12m"] = _cohort_repeat_violence(result, months)
    return {name: out[name] for name in SERIES}


def _cohort_repeat_violence(result: RunResult, months: int) -> np.ndarray:
    """Share of families first reported in each month with an incident in the following 12 months."""
    f = result.families
    first = f["first_report_time"].to_numpy()
    reported = np.isfinite(first)
    r = result.records
    incidents = r[r["event"] == EventKind.INCIDENT]
    fam = incidents["family"].to_numpy()
    t = incidents["time"].to_numpy()
    first_of = first[fam]
    repeat = np.isfinite(first_of) & (t > first_of) & (t <= first_of + COHORT_FOLLOW_UP_DAYS)
    had_repeat = np.zeros(len(f), dtype=bool)
    had_repeat[fam[repeat]] = True
    month = _month_of(np.where(reported, first, -1e9), result.start_day, months)
    followed = reported & (month >= 0) & (first + COHORT_FOLLOW_UP_DAYS <= result.end_day)
    total = np.bincount(month[followed], minlength=months)[:months].astype(float)
    hits = np.bincount(month[followed & had_repeat], minlength=months)[:months].astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, hits / total, np.nan)


def handoff_volumes(result: RunResult) -> np.ndarray:
    """Handoffs in the policy period: matrix [sender kind (+ outside), receiver kind], per year."""
    r = result.records
    sel = (r["event"] == EventKind.HANDOFF) & (r["time"] >= result.start_day)
    sender = r.loc[sel, "org_kind"].to_numpy().astype(np.int64)
    receiver = r.loc[sel, "detail"].to_numpy().astype(np.int64)
    matrix = np.zeros((N_KINDS + 1, N_KINDS))
    np.add.at(matrix, (np.where(sender < 0, N_KINDS, sender), receiver), 1.0)
    years = (result.end_day - result.start_day) / 365.25
    return matrix / years


def waits_by_service(result: RunResult) -> np.ndarray:
    """Mean wait (days) before each function starts, over the policy period."""
    r = result.records
    starts = r[(r["event"] == EventKind.CASE_START) & (r["time"] >= result.start_day)]
    means = starts.groupby("detail")["value"].mean()
    return np.array([means.get(int(s), np.nan) for s in WAIT_SERVICES], dtype=float)


def summarise(result: RunResult) -> dict[str, object]:
    """The outcomes of one run, as EMA outcomes: scalars and arrays."""
    years = (result.end_day - result.start_day) / 365.25
    final = metrics.Window(max(years - 1.0, 0.0), years)
    outcomes: dict[str, object] = {}
    for name, value in metrics.compute(result).items():
        outcomes[name] = float(value)
    for name, value in metrics.compute(result, final).items():
        outcomes[f"final_year__{name}"] = float(value)
    for name, values in monthly_series(result).items():
        outcomes[f"monthly__{name}"] = values.astype(float)
    outcomes["handoff_volumes"] = handoff_volumes(result)
    outcomes["waits_by_service"] = waits_by_service(result)
    return outcomes


def scalar_names() -> list[str]:
    return [*metrics.METRICS, *(f"final_year__{m}" for m in metrics.METRICS)]


def array_names() -> list[str]:
    return [*(f"monthly__{s}" for s in SERIES), "handoff_volumes", "waits_by_service"]


def frame_of_monthly(runs: pd.DataFrame, arrays: dict[str, np.ndarray]) -> pd.DataFrame:
    """Tidy monthly series: one row per (run, month, series) joined with the run table."""
    parts = []
    for name in SERIES:
        values = arrays[f"monthly__{name}"]
        months = values.shape[1]
        part = pd.DataFrame(
            {
                "run": np.repeat(runs.index.to_numpy(), months),
                "month": np.tile(np.arange(months), len(runs)),
                "series": name,
                "value": values.reshape(-1),
            }
        )
        parts.append(part)
    tidy = pd.concat(parts, ignore_index=True)
    tidy["year"] = (tidy["month"] + 0.5) / 12
    return tidy.merge(runs, left_on="run", right_index=True)
