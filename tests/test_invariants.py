"""Invariants and extreme values: conservation, no loss without loss, no waiting without scarcity."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import all_routes, run, variant
from simulation import metrics
from simulation.enums import EventKind, OrgKind, Reason
from simulation.model import ChainModel
from simulation.records import FACTS_LOST
from simulation.services import SERVICES


def test_families_are_conserved_and_states_stay_valid() -> None:
    model = ChainModel(variant({}), scale="region", years=1.0, warmup_years=0.5, seed=2)
    n = model.population.n
    model.run()
    pop = model.population
    from simulation.families import Family

    assert len(model.agents_by_type[Family]) == n, "family agents appeared or vanished"
    assert pop.phase_counts.sum() == n, f"phase counts add up to {pop.phase_counts.sum()}, not {n}"
    assert np.array_equal(np.bincount(pop.phase, minlength=4), pop.phase_counts), "phase counters drifted"
    assert (pop.info_quality >= 0).all() and (pop.info_quality <= 1).all(), "information outside [0, 1]"
    assert (pop.watchers >= 0).all() and (pop.open_cases >= 0).all() and (pop.in_service >= 0).all(), (
        "negative counters of watchers, cases or work in progress"
    )
    records = model.records()
    families = records.loc[records["family"] >= 0, "family"]
    assert families.max() < n, "records refer to families that do not exist"


def test_no_handoff_loss_means_no_facts_lost() -> None:
    result = run(all_routes(p_facts_lost=0.0))
    handoffs = result.records[result.records["event"] == EventKind.HANDOFF]
    assert len(handoffs) > 100, "expected handoffs in the run"
    assert not ((handoffs["flag"] & FACTS_LOST) > 0).any(), "facts were lost on routes that never lose facts"
    assert result.families["n_facts_lost"].sum() == 0


def test_unlimited_capacity_means_no_waiting() -> None:
    huge = {"fte": 100_000.0, "sick_leave_share": 0.0}
    caseload = {"max_per_fte": 400.0, "norm_per_fte": 200.0}
    organisations = {
        "veilig_thuis": {"staff": huge, "monitoring": caseload},
        "police": {"staff": huge},
        "mayor": {"staff": huge},
        "prosecution": {"staff": huge},
        "probation": {"staff": huge, "supervision": caseload},
        "child_protection_board": {"staff": huge},
        "youth_protection": {"staff": huge, "supervision": caseload},
        "local_team": {"staff": huge, "help": caseload},
        "specialist_care": {"staff": huge, "treatment": caseload},
        "safety_house": {"staff": huge},
    }
    result = run({"organisations": organisations}, years=1.0)
    starts = result.records[result.records["event"] == EventKind.CASE_START]
    assert len(starts) > 100
    # Work decided late in a day can start at the next day's start: waits stay below one time step.
    assert starts["value"].max() < 1.0, f"work waited up to {starts['value'].max():.3f} days with unlimited capacity"
    assert starts["value"].mean() < 0.01, f"mean wait {starts['value'].mean():.4f} days with unlimited capacity"


def test_scarce_capacity_means_waiting() -> None:
    result = run({"organisations": {"veilig_thuis": {"staff": {"fte": 700.0}}}}, years=1.0)
    starts = result.records[(result.records["event"] == EventKind.CASE_START)]
    triage = starts[starts["detail"] == 0]["value"]
    assert triage.mean() > 7.0, f"expected long waits for triage with half the VT staff, got {triage.mean():.2f} days"


def test_decisions_outside_the_legal_task_are_refused() -> None:
    model = ChainModel(variant({}), scale="region", years=0.1, warmup_years=0.0, seed=1)
    police = model.org_for(OrgKind.POLICE, np.array([0]))
    with pytest.raises(RuntimeError, match="no legal power"):
        model.decide(np.array([0]), police, Reason.SUPERVISION_ORDER, 0.0)
    board = model.org_for(OrgKind.CHILD_PROTECTION_BOARD, np.array([0]))
    model.decide(np.array([0]), board, Reason.SUPERVISION_ORDER, 0.0)  # allowed: no error


def test_every_recorded_decision_is_within_the_legal_task(baseline) -> None:
    from simulation.organisations import LEGAL_POWERS

    decisions = baseline.records[baseline.records["event"] == EventKind.DECISION]
    pairs = decisions[["org_kind", "reason"]].drop_duplicates().itertuples(index=False)
    for kind, reason in pairs:
        assert Reason(reason) in LEGAL_POWERS[OrgKind(kind)], f"{OrgKind(kind).label} decided {Reason(reason).name}"


def test_every_report_is_triaged_once_and_its_triage_knows_when_it_was_reported(baseline) -> None:
    r = baseline.records
    reports = r[r["event"] == EventKind.REPORT]
    triages = r[r["event"] == EventKind.TRIAGE]
    days = metrics._days_to_triage(baseline, reports)
    # Each triage pairs with one report of its family; the reports left wait at the end.
    waiting = int(np.isnan(days).sum())
    assert waiting == len(reports) - len(triages), f"{len(reports)} reports, {len(triages)} triages"
    assert 0 <= waiting < 0.05 * len(reports)
    assert (days[~np.isnan(days)] >= 0).all()


def test_every_function_is_performed(baseline) -> None:
    starts = baseline.records[baseline.records["event"] == EventKind.CASE_START]
    seen = set(starts["detail"].unique().tolist())
    missing = [s.name for s in SERVICES if s not in seen and s.name != "MDA_TEAM"]
    assert not missing, f"functions never started in current practice: {missing}"


def test_a_finished_model_is_freed_when_the_next_one_is_built() -> None:
    """Building a model freezes its objects for the garbage collector (speed); the next build must
    release them, or a long-lived worker keeps every run's model (an exploration ran out of memory)."""
    import weakref

    first = ChainModel(variant({}), scale="region", years=0.1, warmup_years=0.0, seed=1)
    first.run()
    gone = weakref.ref(first)
    del first
    ChainModel(variant({}), scale="region", years=0.1, warmup_years=0.0, seed=2)
    assert gone() is None, "the first model is still alive after the second was built"
