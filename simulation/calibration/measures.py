"""How the model measures each calibration target (national equivalents over the policy period).

Counts are scaled to the whole country (a region run counts 1/26 of national demand) and given
per year; shares are shares. Each function takes a `RunResult` and returns one number.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from simulation import metrics
from simulation.enums import EventKind, OrgKind, Reason, ReportKind, SignalSource, ViolenceType
from simulation.results import RunResult
from simulation.scale import SCALES
from simulation.services import ServiceKind

DAYS_PER_YEAR = 365.25
CHILD_ABUSE = (ViolenceType.CHILD_ABUSE_NEGLECT, ViolenceType.SEXUAL_ABUSE)
PARTNER = (ViolenceType.PARTNER, ViolenceType.EX_PARTNER_STALKING)
CONVICTIONS = (Reason.SENTENCE_WITH_CONDITIONS, Reason.CUSTODIAL_SENTENCE)
FOLLOW_UP_2Y = 2 * DAYS_PER_YEAR


def _national(result: RunResult) -> float:
    return 1.0 / SCALES[result.meta["scale"]].share


def _years(result: RunResult) -> float:
    return (result.end_day - result.start_day) / DAYS_PER_YEAR


def _policy(frame: pd.DataFrame, result: RunResult, column: str = "time") -> pd.DataFrame:
    return frame[(frame[column] >= result.start_day) & (frame[column] < result.end_day)]


def _events(result: RunResult, kind: EventKind) -> pd.DataFrame:
    records = result.records
    return _policy(records[records["event"] == kind], result)


def _per_year(count: float, result: RunResult) -> float:
    return count * _national(result) / _years(result)


def _daily_total(result: RunResult, column: str) -> float:
    return float(_policy(result.daily, result, "day")[column].sum())


def _decisions_per_year(result: RunResult, reason: Reason) -> float:
    decisions = _events(result, EventKind.DECISION)
    return _per_year(int((decisions["reason"] == reason).sum()), result)


def _mean_active(result: RunResult, service: ServiceKind) -> float:
    """Mean number of families in a function's work (in the run's scale) over the policy period."""
    services = _policy(result.services, result, "day")
    return float(services.loc[services["service"] == service.name.lower(), "active"].mean())


def vt_reports_per_year(result: RunResult) -> float:
    return _per_year(len(_events(result, EventKind.REPORT)), result)


def vt_advice_per_year(result: RunResult) -> float:
    return _per_year(_daily_total(result, "advice_requests"), result)


def police_share_of_reports(result: RunResult) -> float:
    reports = _events(result, EventKind.REPORT)
    return float((reports["reason"] == SignalSource.POLICE).mean())


def _type_share(result: RunResult, types: tuple[ViolenceType, ...]) -> float:
    reports = _events(result, EventKind.REPORT)
    kinds = result.families["violence_type"].to_numpy()[reports["family"].to_numpy()]
    return float(np.isin(kinds, [int(t) for t in types]).mean())


def child_abuse_share_of_reports(result: RunResult) -> float:
    return _type_share(result, CHILD_ABUSE)


def partner_share_of_reports(result: RunResult) -> float:
    return _type_share(result, PARTNER)


def elder_abuse_share_of_reports(result: RunResult) -> float:
    return _type_share(result, (ViolenceType.ELDER_ABUSE,))


def _kind_share(result: RunResult, kind: ReportKind) -> float:
    return float((_events(result, EventKind.REPORT)["detail"] == kind).mean())


def new_share_of_reports(result: RunResult) -> float:
    return _kind_share(result, ReportKind.NEW)


def repeat_share_of_reports(result: RunResult) -> float:
    return _kind_share(result, ReportKind.REPEAT)


def follow_up_share_of_reports(result: RunResult) -> float:
    return _kind_share(result, ReportKind.FOLLOW_UP)


def vt_investigations_per_year(result: RunResult) -> float:
    return _per_year(_daily_total(result, "investigations"), result)


def police_registrations_per_year(result: RunResult) -> float:
    return _decisions_per_year(result, Reason.REGISTERED)


def complaint_rate(result: RunResult) -> float:
    decisions = _events(result, EventKind.DECISION)
    police = decisions[decisions["org_kind"] == OrgKind.POLICE]
    registered = (police["reason"] == Reason.REGISTERED).sum()
    return float((police["reason"] == Reason.COMPLAINT).sum() / registered) if registered else float("nan")


def supervision_orders_per_year(result: RunResult) -> float:
    """New supervision orders a year, counted per child as CBS counts them (and as the stock is)."""
    return _per_year(_daily_total(result, "children_with_supervision_orders"), result)


def children_under_supervision(result: RunResult) -> float:
    """Mean number of children in families under a supervision order (national)."""
    active = _mean_active(result, ServiceKind.GI_SUPERVISION)
    starts = _events(result, EventKind.CASE_START)
    supervised = starts.loc[starts["detail"] == ServiceKind.GI_SUPERVISION, "family"].to_numpy()
    children = result.families["n_children"].to_numpy()[supervised]
    per_family = float(children.mean()) if children.size else 1.0
    return float(active * per_family * _national(result))


def late_assessment_share(result: RunResult) -> float:
    return metrics.triage_late_share(result, metrics.Window())


def violence_free_18m_share(result: RunResult) -> float:
    return 1.0 - metrics.repeat_violence_18m(result, metrics.Window())


def hg_reconviction_2y_share(result: RunResult) -> float:
    """Of convictions at least two years before the horizon, the share followed by another within two years."""
    records = result.records
    convictions = records[
        (records["event"] == EventKind.DECISION) & records["reason"].isin([int(c) for c in CONVICTIONS])
    ]
    convictions = convictions[convictions["time"] >= result.start_day][["family", "time"]].sort_values("time")
    followed = convictions[convictions["time"] <= result.end_day - FOLLOW_UP_2Y]
    if followed.empty:
        return float("nan")
    later = convictions.rename(columns={"time": "next"})
    merged = followed.merge(later, on="family")
    repeat = merged[(merged["next"] > merged["time"]) & (merged["next"] <= merged["time"] + FOLLOW_UP_2Y)]
    return float(repeat[["family", "time"]].drop_duplicates().shape[0] / len(followed))


def youth_protection_caseload(result: RunResult) -> float:
    return metrics.youth_protection_caseload(result, metrics.Window())


def youth_protection_attrition(result: RunResult) -> float:
    organisations = _policy(result.organisations, result, "day")
    gi = organisations[organisations["org_kind"].isin(["youth_protection", "regional_safety_team"])]
    staff = gi.groupby("day")["staff"].sum().mean()
    return float(gi["leavers"].sum() / staff / _years(result)) if staff else float("nan")


def restraining_orders_per_year(result: RunResult) -> float:
    """Temporary restraining orders the mayor imposed a year."""
    return _per_year(_daily_total(result, "restraining_orders"), result)


def court_cases_per_year(result: RunResult) -> float:
    """The prosecutor's decisions to bring a case to court, a year."""
    return _decisions_per_year(result, Reason.COURT_CASE)


def zsm_probation_advice_per_year(result: RunResult) -> float:
    """Requests from ZSM to probation for an advice report, a year."""
    return _decisions_per_year(result, Reason.PROBATION_ADVICE)


def families_under_probation_supervision(result: RunResult) -> float:
    """Mean number of families under supervision by probation (national)."""
    return _mean_active(result, ServiceKind.PROBATION_SUPERVISION) * _national(result)


def vt_conditions_share_of_reports(result: RunResult) -> float:
    """Veilig Thuis's decisions to set safety conditions and follow them up, per report."""
    reports = len(_events(result, EventKind.REPORT))
    decisions = _events(result, EventKind.DECISION)
    return float((decisions["reason"] == Reason.SAFETY_CONDITIONS).sum() / reports) if reports else float("nan")


def vt_unsafe_share_of_triages(result: RunResult) -> float:
    """Share of the reports Veilig Thuis's triage judges unsafe (the safety assessment made when
    the triage ends; later assessments, after an investigation or on a follow-up, are left out)."""
    triages = _events(result, EventKind.TRIAGE)[["family", "time"]]
    assessments = _events(result, EventKind.ASSESSMENT)
    by_vt = assessments[assessments["org_kind"] == OrgKind.VEILIG_THUIS][["family", "time", "detail"]]
    at_triage = by_vt.merge(triages.drop_duplicates(), on=["family", "time"])
    return float(at_triage["detail"].mean()) if len(at_triage) else float("nan")


def _children(result: RunResult, families: pd.Series) -> int:
    return int(result.families["n_children"].to_numpy()[families.to_numpy()].sum())


def board_investigations_per_year(result: RunResult) -> float:
    """Investigations the child protection board started a year, counted per child (as the
    board's figures are, assumed: they are of the order of CBS's per-child supervision orders)."""
    starts = _events(result, EventKind.CASE_START)
    return _per_year(
        _children(result, starts.loc[starts["detail"] == ServiceKind.BOARD_INVESTIGATION, "family"]), result
    )


def board_measure_request_share(result: RunResult) -> float:
    """Of the children whose board investigation ended, the share for whom the board asked the
    court for a protection measure."""
    decisions = _events(result, EventKind.DECISION)
    ended = decisions[decisions["reason"].isin([int(Reason.SUPERVISION_ORDER), int(Reason.NO_MEASURE)])]
    children = _children(result, ended["family"])
    requested = _children(result, ended.loc[ended["reason"] == Reason.SUPERVISION_ORDER, "family"])
    return requested / children if children else float("nan")


def board_wait_days(result: RunResult) -> float:
    return metrics.board_wait_days(result, metrics.Window())


MEASURES: dict[str, Callable[[RunResult], float]] = {
    name: function
    for name, function in globals().items()
    if callable(function) and not name.startswith("_") and getattr(function, "__module__", "") == __name__
}


def measure_all(result: RunResult) -> dict[str, float]:
    """Every target measure of one run."""
    return {name: float(function(result)) for name, function in MEASURES.items()}
