"""The police arrest mainly where a criminal complaint is taken (FIGURES B: 60% of complaint
cases); the model once arrested independently of the complaint, so that four arrests in five had
none and the prosecutor decided on about 35,000 HG cases a year."""

from __future__ import annotations

from helpers import police_decisions, run
from simulation.enums import Reason
from simulation.results import RunResult


def _arrests_with_complaint(result: RunResult) -> tuple[int, int]:
    arrests = police_decisions(result, Reason.ARREST)
    complaints = police_decisions(result, Reason.COMPLAINT).drop_duplicates()
    return len(arrests), len(arrests.merge(complaints, on=["family", "time"]))


def _with_arrest_chances(with_complaint: float, serious: float, minor: float) -> RunResult:
    police = {"p_arrest_with_complaint": with_complaint, "p_arrest_serious": serious, "p_arrest_minor": minor}
    return run({"organisations": {"police": police}}, seed=5, years=1.0)


def test_arrests_follow_complaints_where_only_complaints_lead_to_one() -> None:
    result = _with_arrest_chances(1.0, 0.0, 0.0)
    arrests, with_complaint = _arrests_with_complaint(result)
    assert arrests > 100, "the check needs arrests"
    assert with_complaint == arrests


def test_without_complaints_leading_to_arrests_arrests_come_from_serious_incidents_only() -> None:
    none = _with_arrest_chances(0.0, 0.0, 0.0)
    assert len(police_decisions(none, Reason.ARREST)) == 0
    assert len(police_decisions(none, Reason.COMPLAINT)) > 100, "the check needs complaints"
    serious_only = _with_arrest_chances(0.0, 1.0, 0.0)
    arrests, with_complaint = _arrests_with_complaint(serious_only)
    assert arrests > 100
    assert with_complaint == 0


def test_current_practice_arrests_most_suspects_with_a_complaint() -> None:
    """At the defaults most arrests come with a complaint; it was one arrest in five before."""
    arrests, with_complaint = _arrests_with_complaint(run(seed=5, years=1.0))
    assert with_complaint > 0.6 * arrests
