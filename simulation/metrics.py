"""Metrics of BRIEF §6 as pure functions over a run's outputs.

Each metric takes a `RunResult` and a time window (years since the policy start) and returns a
number. Family metrics use the cohort of families first reported in the window; counts over the
policy period come from the `*_policy` columns. `METRICS` lists every metric with its label,
unit, which direction is better, its group (safety, principles, flow, workforce, cost) and the
reform principles it speaks to, so reports can say what a difference means.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from simulation.enums import EventKind, ReportKind
from simulation.records import NO_HOLDER
from simulation.results import RunResult
from simulation.services import HOME_KIND, SERVICES, ServiceKind

DAYS_PER_YEAR = 365.25
FOLLOW_UP_DAYS = 548  # 18 months (FIGURES T10)
WORK_FOLLOW_UP_DAYS = DAYS_PER_YEAR  # a year to see the work a report sets off (triage to supervision)
DECISION_FOLLOW_UP_DAYS = DAYS_PER_YEAR  # a report undecided after a year counts as a year

# Starting points of the reform (BRIEF §5) and the beoordelingskader principles.
STARTING_POINTS = {
    "whole_family": "coherent help and support for the whole family",
    "fewer_professionals": "fewer professionals involved with a family",
    "multidisciplinary": "professionals working together in multidisciplinary teams",
    "transparent": "a way of working the family understands and finds transparent",
}
ASSESSMENT_PRINCIPLES = {
    "gezinsgericht": "family-centred",
    "rechtsbeschermend": "legally protective and transparent",
    "eenvoudig": "simple",
    "lerend": "learning",
}


@dataclass(frozen=True)
class Window:
    """Years since the policy start, [start, end)."""

    start: float = 0.0
    end: float = float("inf")

    def days(self, result: RunResult) -> tuple[float, float]:
        lo = result.start_day + self.start * DAYS_PER_YEAR
        hi = min(result.end_day, result.start_day + self.end * DAYS_PER_YEAR)
        return lo, hi


def _years(result: RunResult, window: Window) -> float:
    lo, hi = window.days(result)
    return max(hi - lo, 1.0) / DAYS_PER_YEAR


def _events(result: RunResult, kind: EventKind, window: Window) -> pd.DataFrame:
    lo, hi = window.days(result)
    r = result.records
    return r[(r["event"] == kind) & (r["time"] >= lo) & (r["time"] < hi)]


def _days(frame: pd.DataFrame, result: RunResult, window: Window) -> pd.DataFrame:
    """The rows of a daily frame (`result.daily`, `result.services`) in the window, policy period only."""
    return frame[(frame["year"] >= window.start) & (frame["year"] < window.end) & (frame["day"] >= result.start_day)]


def _service_days(result: RunResult, service: ServiceKind, window: Window) -> pd.DataFrame:
    """The daily numbers of one function in the window (policy period only)."""
    s = result.services
    return _days(s[s["service"] == service.name.lower()], result, window)


def _cohort(result: RunResult, window: Window, follow_up_days: float = 0.0) -> pd.DataFrame:
    """Families first reported in the window (leaving room for a follow-up period)."""
    lo, hi = window.days(result)
    f = result.families
    first = f["first_report_time"]
    return f[(first >= lo) & (first < min(hi, result.end_day - follow_up_days))]


def _in_chain(result: RunResult, window: Window) -> pd.DataFrame:
    """Families reported in the window early enough to follow their work for a year.

    The work a report sets off takes months (triage, investigation, the board, the court, the
    GI). A family reported in the run's last months may still be waiting: its professionals,
    handoffs and plan are not known yet, and counting it would reward a chain for its waiting
    list. Counts over the policy period come from the `*_policy` columns.
    """
    lo, hi = window.days(result)
    until = min(hi, result.end_day - WORK_FOLLOW_UP_DAYS)
    f = result.families
    if until - lo < 1.0:  # the window ends within a year of the run's end (a day for its rounding)
        return f.iloc[:0]
    r = result.records
    reported = r.loc[(r["event"] == EventKind.REPORT) & (r["time"] >= lo) & (r["time"] < until), "family"]
    return f[f["family"].isin(reported.unique())]


# ---------------------------------------------------------------- safety
def repeat_violence_18m(result: RunResult, window: Window = Window()) -> float:
    """Share of newly reported families with any incident in the 18 months after the first report."""
    cohort = _cohort(result, window, FOLLOW_UP_DAYS)
    if cohort.empty:
        return float("nan")
    incidents = result.records[result.records["event"] == EventKind.INCIDENT][["family", "time"]]
    merged = incidents.merge(cohort[["family", "first_report_time"]], on="family")
    after = merged[
        (merged["time"] > merged["first_report_time"])
        & (merged["time"] <= merged["first_report_time"] + FOLLOW_UP_DAYS)
    ]
    return float(after["family"].nunique() / len(cohort))


def serious_incidents_per_year(result: RunResult, window: Window = Window()) -> float:
    """Serious escalations per year (whole simulated population)."""
    incidents = _events(result, EventKind.INCIDENT, window)
    return float((incidents["detail"] == 1).sum() / _years(result, window))


def stable_within_year(result: RunResult, window: Window = Window()) -> float:
    """Share of newly reported families in stable safety within a year of the first report."""
    cohort = _cohort(result, window, DAYS_PER_YEAR)
    if cohort.empty:
        return float("nan")
    days = cohort["first_stable_time"] - cohort["first_report_time"]
    return float(((days >= 0) & (days <= DAYS_PER_YEAR)).mean())


def median_days_to_stable(result: RunResult, window: Window = Window()) -> float:
    """Median days from first report to stable safety (Kaplan-Meier, censored at the horizon)."""
    cohort = _cohort(result, window)
    if cohort.empty:
        return float("nan")
    reached = cohort["first_stable_time"] >= cohort["first_report_time"]
    duration = np.where(
        reached, cohort["first_stable_time"] - cohort["first_report_time"], result.end_day - cohort["first_report_time"]
    )
    return kaplan_meier_median(np.asarray(duration, dtype=float), np.asarray(reached, dtype=bool))


def _kaplan_meier(duration: np.ndarray, observed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Durations in ascending order (an event before a censoring at the same time) and the
    Kaplan-Meier survival just after each."""
    order = np.lexsort((~observed, duration))
    duration, observed = duration[order], observed[order]
    at_risk = len(duration) - np.arange(len(duration))
    return duration, np.cumprod(np.where(observed, 1.0 - 1.0 / at_risk, 1.0))


def kaplan_meier_median(duration: np.ndarray, observed: np.ndarray) -> float:
    """Time at which the Kaplan-Meier survival curve drops to 0.5 (nan if it never does)."""
    duration, survival = _kaplan_meier(duration, observed)
    below = np.flatnonzero(survival <= 0.5)
    return float(duration[below[0]]) if below.size else float("nan")


def kaplan_meier_restricted_mean(duration: np.ndarray, observed: np.ndarray, limit: float) -> float:
    """Mean time to the event up to `limit` (the area under the Kaplan-Meier curve from 0 to
    `limit`); with nothing censored, the mean of `min(duration, limit)`."""
    if duration.size == 0:
        return float("nan")
    duration, survival = _kaplan_meier(np.minimum(duration, limit), observed & (duration <= limit))
    edges = np.concatenate([[0.0], duration, [limit]])
    return float(np.sum(np.concatenate([[1.0], survival]) * np.diff(edges)))


def repeat_report_share(result: RunResult, window: Window = Window()) -> float:
    """Share of reports about families VT already knew (repeat or follow-up reports)."""
    reports = _events(result, EventKind.REPORT, window)
    if reports.empty:
        return float("nan")
    return float((reports["detail"] != ReportKind.NEW).mean())


# ------------------------------------------------------------ principles
def _per_family(column: str) -> Callable[[RunResult, Window], float]:
    def metric(result: RunResult, window: Window = Window()) -> float:
        families = _in_chain(result, window)
        return float(families[f"{column}_policy"].mean()) if len(families) else float("nan")

    return metric


professionals_per_family = _per_family("n_professionals")
professionals_per_family.__doc__ = "Professionals who met the family in the policy period, per family in the chain."
handoffs_per_family = _per_family("n_handoffs")
handoffs_per_family.__doc__ = "Handoffs per family in the chain."
facts_lost_per_family = _per_family("n_facts_lost")
facts_lost_per_family.__doc__ = "Handoffs that lost facts, per family in the chain."
professional_changes_per_family = _per_family("n_professional_changes")
professional_changes_per_family.__doc__ = "Changes of professional (staff leaving), per family in the chain."


def duplicate_assessments_per_family(result: RunResult, window: Window = Window()) -> float:
    """Safety assessments beyond the first, per family in the chain (followed a year; ontdubbelen)."""
    families = _in_chain(result, window)
    if families.empty:
        return float("nan")
    return float(np.maximum(families["n_assessments_policy"] - 1, 0).mean())


def plan_and_lead_share(result: RunResult, window: Window = Window()) -> float:
    """Share of families in the chain (followed a year) with one coordinated plan and a named lead.

    True when all professional work for the family came from one organisation, or when a
    meeting agreed a plan with a lead (actieoverleg, MDA++, ZVH case meeting, a regional safety
    team's own plan). A family whose work nobody has started (still waiting for triage) has no
    lead: counting it would reward a chain for its waiting list. Organisations are counted by
    the functions' organisations of today (VT, board, GI), so a merger by name alone gives no
    family one plan, and work before and after a region's conversion is not counted as two
    organisations.
    """
    families = _in_chain(result, window)
    if families.empty:
        return float("nan")
    starts = _events(result, EventKind.CASE_START, Window())
    professional = [s for s in ServiceKind if SERVICES[s].professional]
    starts = starts[starts["detail"].isin(professional)]
    home = HOME_KIND[starts["detail"].to_numpy()]
    organisations = pd.Series(home).groupby(starts["family"].to_numpy()).nunique()
    single = organisations.reindex(families["family"]).fillna(0).to_numpy() == 1
    return float((single | families["has_plan"].to_numpy()).mean())


# ------------------------------------------------------------------ flow
def _wait(service: ServiceKind, late_after: float | None = None) -> Callable[[RunResult, Window], float]:
    def metric(result: RunResult, window: Window = Window()) -> float:
        starts = _events(result, EventKind.CASE_START, window)
        waits = starts.loc[starts["detail"] == service, "value"]
        if waits.empty:
            return float("nan")
        return float((waits > late_after).mean()) if late_after is not None else float(waits.mean())

    return metric


triage_wait_days = _wait(ServiceKind.VT_TRIAGE)
triage_wait_days.__doc__ = "Mean days from a report reaching VT to the start of its safety assessment."
triage_late_share = _wait(ServiceKind.VT_TRIAGE, 7.0)
triage_late_share.__doc__ = "Share of safety assessments started later than the norm (5 working days)."
board_wait_days = _wait(ServiceKind.BOARD_INVESTIGATION)
board_wait_days.__doc__ = "Mean days before the board starts an investigation."
supervision_wait_days = _wait(ServiceKind.GI_SUPERVISION)
supervision_wait_days.__doc__ = "Mean days from the court order to the start of supervision (GI waiting list)."
local_help_wait_days = _wait(ServiceKind.LOCAL_HELP)
local_help_wait_days.__doc__ = "Mean days before the local team's help starts."


def _backlog(service: ServiceKind) -> Callable[[RunResult, Window], float]:
    """A waiting list in days of intake (mean over the window).

    By Little's law this is the mean wait *including* work still waiting at the end of the run,
    which the waits of work started (`_wait`) leave out: when a backlog grows, or nothing starts at
    all, this still measures it. Intake = work started plus the growth of the waiting list.
    """

    def metric(result: RunResult, window: Window = Window()) -> float:
        sel = _service_days(result, service, window)
        if sel.empty:
            return float("nan")
        waiting = sel["waiting"].to_numpy(dtype=float)
        intake_per_day = (sel["started"].sum() + waiting[-1] - waiting[0]) / len(sel)
        return float(waiting.mean() / intake_per_day) if intake_per_day > 0 else float("nan")

    return metric


triage_backlog_days = _backlog(ServiceKind.VT_TRIAGE)
triage_backlog_days.__doc__ = (
    "Reports waiting for a VT safety assessment, in days of intake (mean wait including reports still waiting)."
)
supervision_backlog_days = _backlog(ServiceKind.GI_SUPERVISION)
supervision_backlog_days.__doc__ = (
    "Families on the GI waiting list, in days of intake (mean wait including families still waiting)."
)


def days_to_decision(result: RunResult, window: Window = Window()) -> float:
    """Mean days from a report in the window to VT's decision on it (the end of its triage).

    Reports still waiting at the run's end are censored there (Kaplan-Meier), and the mean is
    restricted to a year: dropping them would make a chain whose waiting list grows look faster.
    """
    reports = _events(result, EventKind.REPORT, window)
    if reports.empty:
        return float("nan")
    days = _days_to_triage(result, reports)
    decided = ~np.isnan(days)
    duration = np.where(decided, days, result.end_day - reports["time"].to_numpy())
    return kaplan_meier_restricted_mean(duration, decided, DECISION_FOLLOW_UP_DAYS)


def _days_to_triage(result: RunResult, reports: pd.DataFrame) -> np.ndarray:
    """Days from each of `reports` to the end of its own triage (NaN: still waiting at the end).

    Every report is triaged once, and its triage record holds the days since the report (`value`,
    float32): `time - value` finds the report to within a second, and the family's nearest report
    gives its exact time.
    """
    r = result.records
    triages = r.loc[r["event"] == EventKind.TRIAGE, ["family", "time", "value"]]
    triages = triages.assign(near=triages["time"] - triages["value"].astype(float)).sort_values("near")
    known = r.loc[r["event"] == EventKind.REPORT, ["family", "time"]].drop_duplicates().sort_values("time")
    triages = pd.merge_asof(
        triages,
        known.rename(columns={"time": "reported"}),
        left_on="near",
        right_on="reported",
        by="family",
        direction="nearest",
    )
    # Two reports about one family at one moment have two triages: pair them in turn.
    keys = ["family", "reported", "nth"]
    triages["nth"] = triages.groupby(["family", "reported"]).cumcount()
    own = reports[["family", "time"]].rename(columns={"time": "reported"})
    own["nth"] = own.groupby(["family", "reported"]).cumcount()
    paired = own.merge(triages[[*keys, "value"]], on=keys, how="left")
    return paired["value"].to_numpy(dtype=float)


def unprotected_waits_per_family(result: RunResult, window: Window = Window()) -> float:
    """Handoffs in the policy period in which nobody held the family's safety while it waited, per
    family in the chain (followed a year)."""
    families = _in_chain(result, window)
    if families.empty:
        return float("nan")
    handoffs = _events(result, EventKind.HANDOFF, Window())
    unprotected = handoffs["family"].isin(families["family"]) & ((handoffs["flag"] & NO_HOLDER) > 0)
    return float(unprotected.sum() / len(families))


# ------------------------------------------------------------- workforce
def _daily_mean(column: str) -> Callable[[RunResult, Window], float]:
    def metric(result: RunResult, window: Window = Window()) -> float:
        sel = _days(result.daily, result, window)
        return float(sel[column].mean()) if len(sel) else float("nan")

    return metric


def attrition_per_year(result: RunResult, window: Window = Window()) -> float:
    """Share of staff leaving per year (all organisations)."""
    sel = _days(result.daily, result, window)
    if sel.empty or sel["staff"].mean() <= 0:
        return float("nan")
    return float(sel["leavers"].sum() / sel["staff"].mean() / (len(sel) / DAYS_PER_YEAR))


def vacancy_share(result: RunResult, window: Window = Window()) -> float:
    """Funded positions without a professional, as a share of funded positions."""
    sel = _days(result.daily, result, window)
    funded = sel["staff"] + sel["vacancies"]
    return float((sel["vacancies"] / funded.where(funded > 0)).mean()) if len(sel) else float("nan")


def youth_protection_caseload(result: RunResult, window: Window = Window()) -> float:
    """Families under supervision per professional working on supervision (GI or merged team)."""
    sel = _service_days(result, ServiceKind.GI_SUPERVISION, window)
    staff = sel["staff"].mean() if len(sel) else 0.0
    return float(sel["active"].mean() / staff) if staff > 0 else float("nan")


# ------------------------------------------------------------------ cost
def cost_eur_per_year(result: RunResult, window: Window = Window()) -> float:
    """Professional hours at full cost plus development and transition budgets, per year."""
    sel = _days(result.daily, result, window)
    return float(sel["cost_eur"].sum() / max(len(sel), 1) * DAYS_PER_YEAR)


def hours_per_year(result: RunResult, window: Window = Window()) -> float:
    """Paid professional hours per year for the work done (a job's hours over the productivity of
    who does it; meetings and caseloads at their hours)."""
    sel = _days(result.daily, result, window)
    return float(sel["hours"].sum() / max(len(sel), 1) * DAYS_PER_YEAR)


def transition_eur(result: RunResult, window: Window = Window()) -> float:
    """Restructuring transition cost spent in the window."""
    sel = _days(result.daily, result, window)
    return float(sel["transition_eur"].sum())


@dataclass(frozen=True)
class Metric:
    """A metric with what it means."""

    name: str
    function: Callable[[RunResult, Window], float]
    label: str
    unit: str
    better: str  # "lower" or "higher"
    group: str  # safety, principles, flow, workforce, cost
    principles: tuple[str, ...] = ()

    def __call__(self, result: RunResult, window: Window = Window()) -> float:
        return self.function(result, window)

    @property
    def description(self) -> str:
        return (self.function.__doc__ or "").strip().splitlines()[0]


_M = Metric
METRICS: dict[str, Metric] = {
    m.name: m
    for m in (
        _M(
            "repeat_violence_18m",
            repeat_violence_18m,
            "Repeat violence within 18 months",
            "share of families",
            "lower",
            "safety",
            ("whole_family", "gezinsgericht"),
        ),
        _M(
            "serious_incidents_per_year",
            serious_incidents_per_year,
            "Serious escalations",
            "per year",
            "lower",
            "safety",
            ("gezinsgericht",),
        ),
        _M(
            "stable_within_year",
            stable_within_year,
            "Stable safety within a year",
            "share of families",
            "higher",
            "safety",
            ("whole_family",),
        ),
        _M(
            "median_days_to_stable",
            median_days_to_stable,
            "Time to stable safety (median)",
            "days",
            "lower",
            "safety",
            ("whole_family",),
        ),
        _M(
            "repeat_report_share",
            repeat_report_share,
            "Repeat and follow-up reports",
            "share of reports",
            "lower",
            "safety",
            (),
        ),
        _M(
            "professionals_per_family",
            professionals_per_family,
            "Professionals per family",
            "professionals",
            "lower",
            "principles",
            ("fewer_professionals", "eenvoudig", "transparent"),
        ),
        _M(
            "handoffs_per_family",
            handoffs_per_family,
            "Handoffs per family",
            "handoffs",
            "lower",
            "principles",
            ("multidisciplinary", "eenvoudig"),
        ),
        _M(
            "facts_lost_per_family",
            facts_lost_per_family,
            "Facts lost at handoffs",
            "handoffs per family",
            "lower",
            "principles",
            ("multidisciplinary", "rechtsbeschermend"),
        ),
        _M(
            "plan_and_lead_share",
            plan_and_lead_share,
            "One plan with a named lead",
            "share of families",
            "higher",
            "principles",
            ("whole_family", "multidisciplinary", "transparent"),
        ),
        _M(
            "duplicate_assessments_per_family",
            duplicate_assessments_per_family,
            "Duplicated assessments",
            "per family",
            "lower",
            "principles",
            ("eenvoudig", "gezinsgericht"),
        ),
        _M(
            "professional_changes_per_family",
            professional_changes_per_family,
            "Changes of professional",
            "per family",
            "lower",
            "principles",
            ("transparent", "rechtsbeschermend"),
        ),
        _M(
            "unprotected_waits_per_family",
            unprotected_waits_per_family,
            "Waits with nobody holding safety",
            "per family",
            "lower",
            "principles",
            ("rechtsbeschermend",),
        ),
        _M("triage_wait_days", triage_wait_days, "Wait for VT safety assessment", "days", "lower", "flow"),
        _M(
            "triage_late_share",
            triage_late_share,
            "Assessments later than the norm",
            "share",
            "lower",
            "flow",
            ("rechtsbeschermend",),
        ),
        _M(
            "triage_backlog_days",
            triage_backlog_days,
            "Backlog for VT safety assessment",
            "days of intake",
            "lower",
            "flow",
            ("rechtsbeschermend",),
        ),
        _M("days_to_decision", days_to_decision, "Report to decision", "days", "lower", "flow"),
        _M("board_wait_days", board_wait_days, "Wait for board investigation", "days", "lower", "flow"),
        _M("supervision_wait_days", supervision_wait_days, "Wait for supervision (GI)", "days", "lower", "flow"),
        _M(
            "supervision_backlog_days",
            supervision_backlog_days,
            "Waiting list for supervision (GI)",
            "days of intake",
            "lower",
            "flow",
        ),
        _M("local_help_wait_days", local_help_wait_days, "Wait for local-team help", "days", "lower", "flow"),
        _M(
            "attrition_per_year",
            attrition_per_year,
            "Staff attrition",
            "share per year",
            "lower",
            "workforce",
            ("lerend",),
        ),
        _M("vacancy_share", vacancy_share, "Vacancies", "share of positions", "lower", "workforce"),
        _M(
            "youth_protection_caseload",
            youth_protection_caseload,
            "Caseload in supervision",
            "families per FTE",
            "lower",
            "workforce",
        ),
        _M("hours_per_year", hours_per_year, "Professional hours", "hours per year", "lower", "cost"),
        _M("cost_eur_per_year", cost_eur_per_year, "Cost", "EUR per year", "lower", "cost"),
        _M("transition_eur", transition_eur, "Transition cost", "EUR", "lower", "cost"),
    )
}


def compute(result: RunResult, window: Window = Window(), names: list[str] | None = None) -> dict[str, float]:
    """Every metric (or the named ones) for one run and window."""
    return {name: METRICS[name](result, window) for name in (names or list(METRICS))}


def yearly(result: RunResult, names: list[str] | None = None) -> pd.DataFrame:
    """Metrics per policy year: one row per (year, metric)."""
    years = int(np.floor((result.end_day - result.start_day) / DAYS_PER_YEAR + 1e-9))
    rows: list[dict[str, object]] = []
    for year in range(years):
        values = compute(result, Window(year, year + 1), names)
        rows.extend({"year": year + 1, "metric": k, "value": v} for k, v in values.items())
    return pd.DataFrame(rows)
