"""Metrics compute what they say, on hand-built records."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import hand_built, run
from simulation import metrics
from simulation.enums import EventKind, Reason, ReportKind
from simulation.results import RunResult
from simulation.services import ServiceKind

START, END = 365, 365 + 3 * 365


def build(families: list[dict], events: list[dict]) -> RunResult:
    return hand_built(families, events, START, END)


def test_repeat_violence_counts_incidents_within_18_months_after_the_first_report() -> None:
    families = [
        {"family": 0, "first_report_time": 400.0, "first_stable_time": np.nan},  # incident 100 days later
        {"family": 1, "first_report_time": 400.0, "first_stable_time": np.nan},  # only 600 days later
        {"family": 2, "first_report_time": 500.0, "first_stable_time": np.nan},  # only before the report
        {"family": 3, "first_report_time": np.nan, "first_stable_time": np.nan},  # never reported
        {"family": 4, "first_report_time": END - 100.0, "first_stable_time": np.nan},  # too late to follow
    ]
    events = [
        {"time": 500.0, "event": EventKind.INCIDENT, "family": 0},
        {"time": 1000.0, "event": EventKind.INCIDENT, "family": 1},
        {"time": 499.0, "event": EventKind.INCIDENT, "family": 2},
        {"time": 450.0, "event": EventKind.INCIDENT, "family": 3},
    ]
    value = metrics.repeat_violence_18m(build(families, events))
    assert value == pytest.approx(1 / 3), f"expected 1 of 3 followed families with repeat violence, got {value}"


def test_kaplan_meier_median_handles_censoring() -> None:
    durations = np.array([10.0, 20.0, 30.0, 40.0, 50.0])
    assert metrics.kaplan_meier_median(durations, np.ones(5, dtype=bool)) == 30.0
    # Censor the two shortest: the median moves later, not earlier.
    assert metrics.kaplan_meier_median(durations, np.array([False, False, True, True, True])) == 40.0
    assert np.isnan(metrics.kaplan_meier_median(durations, np.zeros(5, dtype=bool)))


def test_kaplan_meier_restricted_mean_counts_what_is_still_waiting() -> None:
    durations = np.array([10.0, 20.0, 30.0])
    everything = np.ones(3, dtype=bool)
    assert metrics.kaplan_meier_restricted_mean(durations, everything, 100.0) == pytest.approx(20.0)
    assert metrics.kaplan_meier_restricted_mean(durations, everything, 25.0) == pytest.approx(55 / 3)
    # 20 still waiting: survival 1 to day 10, 2/3 to day 30 -> 10 + 20 * 2/3 (dropping it gives 20).
    waiting = np.array([True, False, True])
    assert metrics.kaplan_meier_restricted_mean(durations, waiting, 100.0) == pytest.approx(10 + 40 / 3)


def triaged(family: int, reported_at: float, days: float) -> dict:
    return {"time": reported_at + days, "event": EventKind.TRIAGE, "family": family, "value": days}


def test_days_to_decision_runs_from_each_report_to_its_own_triage() -> None:
    families = [{"family": i, "first_report_time": 400.0, "first_stable_time": np.nan} for i in range(5)]
    events = [
        reported(0, 400.0),
        triaged(0, 400.0, 5.0),
        # A board request is the decision: a later decision of another kind is not this report's.
        {"time": 406.0, "event": EventKind.DECISION, "family": 0, "reason": Reason.REQUEST_BOARD_INVESTIGATION},
        {"time": 600.0, "event": EventKind.DECISION, "family": 0, "reason": Reason.CLOSE_WITH_ADVICE},
        reported(1, 700.0),
        triaged(1, 700.0, 40.0),  # decided after the first policy year ends: still this year's report
        reported(2, 300.0),
        triaged(2, 300.0, 200.0),  # reported in the warm-up
        reported(3, 410.0),
        reported(3, 420.0),
        triaged(3, 410.0, 15.0),  # the second report still waits at the end
        # On the policy's first day; the float32 `value` puts `time - value` a hair before it.
        reported(4, float(START)),
        {"time": START + 7.3, "event": EventKind.TRIAGE, "family": 4, "value": float(np.float32(7.3))},
    ]
    result = build(families, events)
    first_year = metrics.Window(0.0, 1.0)
    assert metrics.days_to_decision(result, first_year) == pytest.approx((5.0 + 40.0 + 15.0 + 365.25 + 7.3) / 5)
    # Once it is decided (30 days), the plain mean of the window's reports.
    done = build(families, [*events, triaged(3, 420.0, 30.0)])
    assert metrics.days_to_decision(done, first_year) == pytest.approx((5.0 + 40.0 + 15.0 + 30.0 + 7.3) / 5)
    assert metrics.days_to_decision(done, metrics.Window(0.0, 0.5)) == pytest.approx((5.0 + 15.0 + 30.0 + 7.3) / 4)


def test_repeat_report_share_and_waits() -> None:
    families = [{"family": i, "first_report_time": 400.0, "first_stable_time": np.nan} for i in range(4)]
    events = [
        {"time": 400.0, "event": EventKind.REPORT, "family": 0, "detail": ReportKind.NEW},
        {"time": 410.0, "event": EventKind.REPORT, "family": 1, "detail": ReportKind.REPEAT},
        {"time": 420.0, "event": EventKind.REPORT, "family": 2, "detail": ReportKind.FOLLOW_UP},
        {"time": 430.0, "event": EventKind.REPORT, "family": 3, "detail": ReportKind.NEW},
        {"time": 402.0, "event": EventKind.CASE_START, "family": 0, "detail": ServiceKind.VT_TRIAGE, "value": 2.0},
        {"time": 420.0, "event": EventKind.CASE_START, "family": 1, "detail": ServiceKind.VT_TRIAGE, "value": 10.0},
        {"time": 200.0, "event": EventKind.CASE_START, "family": 2, "detail": ServiceKind.VT_TRIAGE, "value": 99.0},
    ]
    result = build(families, events)
    assert metrics.repeat_report_share(result) == pytest.approx(0.5)
    assert metrics.triage_wait_days(result) == pytest.approx(6.0), "warm-up starts must be excluded"
    assert metrics.triage_late_share(result) == pytest.approx(0.5)


def test_one_plan_and_a_lead_needs_one_organisation_at_work_or_an_agreed_plan() -> None:
    families = [
        {"family": i, "first_report_time": 400.0, "first_stable_time": np.nan, "n_reports": 1, "has_plan": i == 3}
        for i in range(5)
    ]

    def start(family: int, service: ServiceKind) -> dict:
        return {"time": 410.0, "event": EventKind.CASE_START, "family": family, "detail": service}

    events = [
        start(0, ServiceKind.VT_TRIAGE),  # one organisation did all the work
        start(0, ServiceKind.VT_INVESTIGATION),
        start(1, ServiceKind.VT_TRIAGE),  # two organisations, no plan
        start(1, ServiceKind.BOARD_INVESTIGATION),
        start(3, ServiceKind.VT_TRIAGE),  # two organisations with an agreed plan
        start(3, ServiceKind.GI_SUPERVISION),
        start(4, ServiceKind.VT_TRIAGE),  # VT and a police complaint: the complaint is not professional work
        start(4, ServiceKind.POLICE_COMPLAINT),
        *(reported(i, 400.0) for i in range(5)),
    ]  # family 2 still waits for triage: nobody leads yet
    assert metrics.plan_and_lead_share(build(families, events)) == pytest.approx(3 / 5)


def reported(family: int, time: float) -> dict:
    return {"time": time, "event": EventKind.REPORT, "family": family, "detail": ReportKind.NEW}


@pytest.fixture(scope="module")
def two_and_a_half_years() -> RunResult:
    return run(years=2.5, seed=11)


@pytest.mark.parametrize(
    ("wait", "backlog"),
    [("triage_wait_days", "triage_backlog_days"), ("supervision_wait_days", "supervision_backlog_days")],
)
def test_a_backlog_agrees_with_the_waits_of_a_chain_that_keeps_up(two_and_a_half_years, wait, backlog) -> None:
    # Little's law: with a waiting list that does not grow, waiting in days of intake = mean wait
    # (over a period long enough for the GI's few admissions a year).
    result = two_and_a_half_years
    waited, waiting = metrics.METRICS[wait](result), metrics.METRICS[backlog](result)
    assert waited > 1, f"{wait} is {waited:.2f} days: too short a wait to check against"
    assert waiting == pytest.approx(waited, rel=0.1), f"{backlog} {waiting:.2f} days of intake, {wait} {waited:.2f}"


def test_triage_backlog_measures_reports_nobody_assesses() -> None:
    # Without VT staff no assessment starts: the wait of started assessments cannot be measured,
    # but every report waits from its arrival. A steady inflow since day 0 (warm-up W = 0.5 year,
    # policy period T = 1 year) waits W + T/2 = 365 days on average over the policy period.
    result = run({"organisations": {"veilig_thuis": {"staff": {"fte": 0.0}}}}, years=1.0, warmup_years=0.5)
    assert np.isnan(metrics.triage_wait_days(result))
    assert metrics.triage_backlog_days(result) == pytest.approx(365.25, rel=0.1)


def test_duplicate_assessments_and_per_family_means_use_families_in_the_chain() -> None:
    families = [
        {"family": 0, "first_report_time": 400.0, "first_stable_time": np.nan, "n_reports": 2, "n_assessments": 3},
        {"family": 1, "first_report_time": 400.0, "first_stable_time": np.nan, "n_reports": 1, "n_assessments": 1},
        {"family": 2, "first_report_time": np.nan, "first_stable_time": np.nan, "n_reports": 0, "n_assessments": 0},
    ]
    result = build(families, [reported(0, 400.0), reported(0, 500.0), reported(1, 400.0)])
    assert metrics.duplicate_assessments_per_family(result) == pytest.approx(1.0)


def test_families_reported_too_late_to_follow_their_work_are_left_out() -> None:
    # The run ends at day END: a family reported in its last year may still wait for its work, so
    # its (few) professionals would make a chain with a waiting list look as if it needed fewer.
    families = [
        {"family": 0, "first_report_time": 400.0, "first_stable_time": np.nan, "n_reports": 1, "n_professionals": 4},
        {"family": 1, "first_report_time": END - 30.0, "first_stable_time": np.nan, "n_reports": 1},
    ]
    result = build(families, [reported(0, 400.0), reported(1, END - 30.0)])
    assert metrics.professionals_per_family(result) == pytest.approx(4.0)
    assert np.isnan(metrics.professionals_per_family(build(families[1:], [reported(1, END - 30.0)])))
    # The final year has no family to follow for a year (not a sliver of its first day).
    assert np.isnan(metrics.professionals_per_family(result, metrics.Window(2.0, 3.0)))


def test_yearly_metrics_have_one_row_per_year_and_metric(baseline) -> None:
    table = metrics.yearly(baseline, ["triage_wait_days", "serious_incidents_per_year"])
    assert set(table["year"]) == {1}, table["year"].unique()
    assert len(table) == 2
