"""Veilig Thuis's requests to the child protection board: for structural unsafety only.

VT asks the board to investigate a family with children it judged unsafe only where its risk score
counts the family as high risk (`care.assessment.high_risk_incidents_per_year`). Requests for
families whose unsafety was one incident found the child safe by the time the board came
(cross-checks C7 and C8, docs/calibration.md step 15).
"""

from __future__ import annotations

import pytest

from helpers import decisions, run
from simulation.calibration import measures
from simulation.enums import EventKind, OrgKind, Reason
from simulation.results import RunResult


def high_risk_from(incidents_per_year: float) -> dict:
    return {"care": {"assessment": {"high_risk_incidents_per_year": incidents_per_year}}}


@pytest.fixture(scope="module")
def targeted() -> RunResult:
    return run(seed=5)


@pytest.fixture(scope="module")
def everyone_high_risk() -> RunResult:
    return run(high_risk_from(0.0), seed=5)


def requests_at_triage(result: RunResult) -> int:
    records = result.records
    triages = records.loc[
        (records["event"] == EventKind.TRIAGE) & (records["org_kind"] == OrgKind.VEILIG_THUIS), ["family", "time"]
    ].drop_duplicates()
    requests = decisions(result, OrgKind.VEILIG_THUIS, Reason.REQUEST_BOARD_INVESTIGATION)
    return len(requests.merge(triages, on=["family", "time"]))


def test_vt_asks_the_board_only_for_families_its_risk_score_counts_high_risk(
    targeted: RunResult, everyone_high_risk: RunResult
) -> None:
    nobody_high_risk = run(high_risk_from(100.0), seed=5)
    few, some, many = (requests_at_triage(r) for r in (nobody_high_risk, targeted, everyone_high_risk))
    assert some > 50, "expected VT to ask the board for high-risk families with children"
    assert many > 1.5 * some, (few, some, many)
    # At 100 incidents a year nobody counts as high risk: what is left comes with a police report
    # that already asked for the board (a restraining order with children present).
    assert few < 0.2 * some, (few, some, many)


def test_targeted_requests_are_more_often_found_unsafe_by_the_board(
    targeted: RunResult, everyone_high_risk: RunResult
) -> None:
    share_targeted = measures.board_measure_request_share(targeted)
    share_untargeted = measures.board_measure_request_share(everyone_high_risk)
    assert share_targeted > share_untargeted + 0.05, (share_targeted, share_untargeted)
