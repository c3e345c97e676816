"""Veilig Thuis's requests to the child protection board: for structural unsafety only.

VT asks the board to investigate a family with children it judged unsafe only where its risk score
counts the family as high risk (`care.assessment.high_risk_incidents_per_year`), at a triage and
at a monitoring contact after a handover. Requests for families whose unsafety was one incident
found the child safe by the time the board came (cross-checks C7 and C8, docs/calibration.md
step 15).
"""

from __future__ import annotations

import pandas as pd
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


def vt_events(result: RunResult, kind: EventKind) -> pd.DataFrame:
    records = result.records
    return records[(records["event"] == kind) & (records["org_kind"] == OrgKind.VEILIG_THUIS)]


def requests_at_triage(result: RunResult) -> int:
    triages = vt_events(result, EventKind.TRIAGE)[["family", "time"]].drop_duplicates()
    requests = decisions(result, OrgKind.VEILIG_THUIS, Reason.REQUEST_BOARD_INVESTIGATION)
    return len(requests.merge(triages, on=["family", "time"]))


def requests_at_follow_up(result: RunResult) -> int:
    """Requests made when a monitoring contact ended: at an assessment that was not counted as
    new work (flag 8) and not at a triage (a joint triage is not counted either)."""
    assessments = vt_events(result, EventKind.ASSESSMENT)
    contacts = assessments.loc[assessments["flag"] == 8, ["family", "time"]].drop_duplicates()
    triages = vt_events(result, EventKind.TRIAGE)[["family", "time"]].drop_duplicates()
    contacts = contacts.merge(triages, on=["family", "time"], how="left", indicator=True)
    contacts = contacts[contacts["_merge"] == "left_only"][["family", "time"]]
    requests = decisions(result, OrgKind.VEILIG_THUIS, Reason.REQUEST_BOARD_INVESTIGATION)
    return len(requests.merge(contacts, on=["family", "time"]))


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
    # A monitoring contact that finds a family still unsafe escalates by the same rule.
    assert requests_at_follow_up(targeted) > 5
    assert requests_at_follow_up(nobody_high_risk) == 0


def test_targeted_requests_are_more_often_found_unsafe_by_the_board(
    targeted: RunResult, everyone_high_risk: RunResult
) -> None:
    share_targeted = measures.board_measure_request_share(targeted)
    share_untargeted = measures.board_measure_request_share(everyone_high_risk)
    assert share_targeted > share_untargeted + 0.05, (share_targeted, share_untargeted)
