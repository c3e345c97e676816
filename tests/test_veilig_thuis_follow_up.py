"""Veilig Thuis after its safety assessment: the ground truth it assesses, its monitoring after a
handover (monitoring na overdracht), and that it never closes a family it judged unsafe."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import decisions, run
from simulation.calibration import measures
from simulation.enums import EventKind, OrgKind, Reason
from simulation.families import FamilyPopulation
from simulation.parameters import Scenario
from simulation.randomness import RandomStreams
from simulation.results import RunResult
from simulation.services import ServiceKind

NO_FOLLOW_UP = {"organisations": {"veilig_thuis": {"follow_up_max_days": 0.0}}}


@pytest.fixture(scope="module")
def with_follow_up() -> RunResult:
    return run(seed=4)


@pytest.fixture(scope="module")
def without_follow_up() -> RunResult:
    return run(NO_FOLLOW_UP, seed=4)


def vt_decisions(result: RunResult, reason: Reason) -> pd.DataFrame:
    return decisions(result, OrgKind.VEILIG_THUIS, reason)


def test_only_a_recent_serious_incident_or_a_high_rate_makes_a_family_truly_unsafe() -> None:
    params = Scenario().population
    pop = FamilyPopulation(params, 1 / 26, 1, 400, RandomStreams(2), n_services=len(ServiceKind))
    risk = params.risk
    fam = np.arange(4)
    pop.stopped[fam] = False
    below, above = 0.5 * risk.unsafe_incidents_per_year, 2.0 * risk.unsafe_incidents_per_year
    pop.latent_rate[fam] = [below, below, below, above]
    now = 200.0
    pop.last_incident_time[fam] = now - 1.0  # every one had an incident yesterday
    pop.last_serious_time[fam] = [now - 1.0, now - risk.acute_window_days - 1.0, -np.inf, -np.inf]
    assert pop.truly_unsafe(fam, now).tolist() == [True, False, False, True]
    pop.stopped[fam[3]] = True  # violence stopped: its old rate no longer counts
    assert not pop.truly_unsafe(fam[3:], now)[0]


def test_monitoring_after_a_handover_keeps_vt_involved_and_ends_within_its_longest_time(
    with_follow_up: RunResult, without_follow_up: RunResult
) -> None:
    starts = vt_decisions(with_follow_up, Reason.FOLLOW_UP)
    assert len(starts) > 100, "expected VT to monitor families it judged unsafe and handed over"
    assert vt_decisions(without_follow_up, Reason.FOLLOW_UP).empty
    # A monitored family ends with VT letting go no later than the longest monitoring, plus the
    # last contact's wait and work (a few weeks at most).
    vt = Scenario().organisations.veilig_thuis
    ends = vt_decisions(with_follow_up, Reason.COMPLETED).rename(columns={"time": "end"})
    paired = starts.merge(ends, on="family")
    paired = paired[paired["end"] >= paired["time"]].groupby(["family", "time"], as_index=False)["end"].min()
    assert len(paired) > 50
    length = paired["end"] - paired["time"]
    assert length.median() >= vt.follow_up_interval_days, "the first contact comes after one interval"
    assert length.max() <= vt.follow_up_max_days + 60.0
    # VT staying involved shows in the reports it receives: more of them arrive while VT is involved.
    share_with = measures.follow_up_share_of_reports(with_follow_up)
    share_without = measures.follow_up_share_of_reports(without_follow_up)
    assert share_with > share_without + 0.03


def test_monitoring_contacts_are_follow_up_work_not_duplicate_assessments(with_follow_up: RunResult) -> None:
    services = with_follow_up.services
    follow_up = services[services["service"] == ServiceKind.VT_FOLLOW_UP.name.lower()]
    assert follow_up["started"].sum() > 100, "expected monitoring contacts in VT's follow-up queue"
    records = with_follow_up.records
    vt_assessments = records[(records["event"] == EventKind.ASSESSMENT) & (records["org_kind"] == OrgKind.VEILIG_THUIS)]
    not_counted = vt_assessments[vt_assessments["flag"] == 8]
    assert len(not_counted) >= follow_up["started"].sum() * 0.9


def test_vt_never_closes_a_family_its_triage_judged_unsafe(with_follow_up: RunResult) -> None:
    records = with_follow_up.records
    vt = records["org_kind"] == OrgKind.VEILIG_THUIS
    triages = records.loc[vt & (records["event"] == EventKind.TRIAGE), ["family", "time"]].drop_duplicates()
    judged = records.loc[vt & (records["event"] == EventKind.ASSESSMENT), ["family", "time", "detail"]]
    at_triage = judged.merge(triages, on=["family", "time"])
    # A family whose two triages end at one moment has two assessments then: only where every
    # assessment found it unsafe must no closing follow.
    every = at_triage.groupby(["family", "time"], as_index=False)["detail"].min()
    unsafe = every[every["detail"] == 1]
    assert len(unsafe) > 100
    closed = vt_decisions(with_follow_up, Reason.CLOSE_WITH_ADVICE).merge(unsafe, on=["family", "time"])
    assert closed.empty, f"{len(closed)} families closed with advice right after being judged unsafe"
