"""Conditions reach probation only where they include supervision, and no waiting list of current
practice grows without end (probation's did, by about 100 families a year per region)."""

from __future__ import annotations

import numpy as np

from helpers import run
from simulation.enums import EventKind, Reason
from simulation.results import RunResult
from simulation.services import ServiceKind

SUPERVISION = ServiceKind.PROBATION_SUPERVISION


def _supervision_starts(result: RunResult) -> int:
    records = result.records
    starts = records[(records["event"] == EventKind.CASE_START) & (records["detail"] == SUPERVISION)]
    return len(starts)


def _conditions(result: RunResult) -> int:
    records = result.records
    reasons = (Reason.CONDITIONAL_DISMISSAL, Reason.SENTENCE_WITH_CONDITIONS)
    return int(((records["event"] == EventKind.DECISION) & records["reason"].isin(reasons)).sum())


def test_only_conditions_that_include_supervision_go_to_probation() -> None:
    def with_share(share: float) -> RunResult:
        return run({"organisations": {"prosecution": {"p_conditions_supervised": share}}}, seed=8, years=1.0)

    none, some, all_ = with_share(0.0), with_share(0.33), with_share(1.0)
    assert _conditions(none) > 100, "the check needs conditions to be imposed"
    assert _supervision_starts(none) == 0
    assert 0 < _supervision_starts(some) < _supervision_starts(all_)


def test_no_waiting_list_of_current_practice_grows_without_end() -> None:
    """Five policy years: a waiting list that grows in every year, by more than half a year's starts
    in all, is a demand the chain cannot meet (probation's grew from 84 to 592 families at 370
    starts a year). A caseload near its maximum drifts up and down by chance (VT's monitoring
    list, between about 120 and 350 families at 1,400 starts a year), which this must not flag."""
    services = run(years=5.0, warmup_years=1.0, seed=2).services
    policy = services[services["year"] >= 0]
    yearly = policy.assign(whole_year=np.floor(policy["year"])).groupby(["service", "whole_year"])
    waiting, starts_per_day = yearly["waiting"].mean(), yearly["started"].mean()
    for service, by_year in waiting.groupby(level="service"):
        families = by_year.to_numpy()[:5]
        half_a_year_of_starts = 365.25 / 2 * float(starts_per_day[service].mean())
        steady_growth = (np.diff(families) > 0).all() and families[-1] - families[0] > half_a_year_of_starts
        assert not steady_growth, f"{service}: waiting list by policy year {np.round(families).tolist()}"
