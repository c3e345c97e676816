"""When Veilig Thuis informs the police, the police talk with the family; only a criminal
complaint gives the prosecutor a case. The model once sent every such report to the prosecutor
(about 4,500 cases a year nationally), well above the persons prosecuted for HG (cross-check C2)."""

from __future__ import annotations

import pandas as pd

from helpers import police_decisions, run
from simulation.enums import EventKind, OrgKind, Reason
from simulation.results import RunResult


def _with_complaint_chance(p_complaint: float) -> RunResult:
    police = {"p_complaint_after_vt_information": p_complaint}
    return run({"organisations": {"police": police}}, seed=5, years=1.0)


def _handoffs(result: RunResult, sender: OrgKind, receiver: OrgKind) -> pd.DataFrame:
    records = result.records
    chosen = (records["event"] == EventKind.HANDOFF) & (records["org_kind"] == sender) & (records["detail"] == receiver)
    return records.loc[chosen, ["family", "time", "reason"]]


def _prosecution_decisions(result: RunResult) -> int:
    records = result.records
    decided = records["reason"].isin([Reason.DISMISS, Reason.CONDITIONAL_DISMISSAL, Reason.COURT_CASE])
    return int(((records["event"] == EventKind.DECISION) & decided).sum())


def test_information_without_a_complaint_never_reaches_the_prosecutor() -> None:
    result = _with_complaint_chance(0.0)
    ended = police_decisions(result, Reason.NO_COMPLAINT)
    informed = _handoffs(result, OrgKind.VEILIG_THUIS, OrgKind.POLICE)
    informed = informed[informed["reason"] == Reason.INFORM_POLICE]
    assert len(ended) > 20, "the check needs information from Veilig Thuis"
    assert len(ended) <= len(informed), "every talk without a complaint follows VT's information"
    to_prosecutor = _handoffs(result, OrgKind.POLICE, OrgKind.PROSECUTION)
    assert ended.merge(to_prosecutor, on=["family", "time"]).empty
    assert ended.merge(police_decisions(result, Reason.COMPLAINT), on=["family", "time"]).empty


def test_with_every_talk_ending_in_a_complaint_the_prosecutor_gets_those_cases() -> None:
    none = _with_complaint_chance(0.0)
    every = _with_complaint_chance(1.0)
    assert police_decisions(every, Reason.NO_COMPLAINT).empty
    without_case = len(police_decisions(none, Reason.NO_COMPLAINT))
    # The same seed faces the same families until the cases diverge (common random numbers).
    extra_decisions = _prosecution_decisions(every) - _prosecution_decisions(none)
    assert extra_decisions > 0.5 * without_case
