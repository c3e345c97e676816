"""The weekly roster: flexible staff follow the work of an organisation's functions."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import variant
from simulation.enums import OrgKind
from simulation.model import ChainModel
from simulation.queues import JobQueue
from simulation.rostering import pool_shares
from simulation.services import SERVICES, ServiceKind


def test_the_flexible_part_of_the_staff_is_divided_by_the_work() -> None:
    fixed = np.array([0.5, 0.5, 1.0])
    org = np.array([0, 0, 1])
    shares = pool_shares(fixed, np.array([3.0, 1.0, 2.0]), org, flexible=0.4)
    # 60% keep their function; 40% of the organisation's staff go 3:1 to the work.
    assert shares == pytest.approx([0.6 * 0.5 + 0.4 * 0.75, 0.6 * 0.5 + 0.4 * 0.25, 1.0])
    assert np.bincount(org, weights=shares) == pytest.approx(np.bincount(org, weights=fixed))
    assert pool_shares(fixed, np.array([3.0, 1.0, 2.0]), org, flexible=0.0) == pytest.approx(fixed)


def test_an_unstaffed_function_and_an_idle_organisation_keep_their_shares() -> None:
    # Organisation 0's first function has no staff of its own (MDA++ is funded apart): it takes
    # none of the flexible staff, however much work waits; organisation 1 has no work at all.
    fixed = np.array([0.0, 0.4, 0.6, 0.7, 0.3])
    org = np.array([0, 0, 0, 1, 1])
    shares = pool_shares(fixed, np.array([50.0, 1.0, 3.0, 0.0, 0.0]), org, flexible=0.5)
    assert shares[0] == 0.0
    assert shares[1:3] == pytest.approx([0.5 * 0.4 + 0.5 * 0.25, 0.5 * 0.6 + 0.5 * 0.75])
    assert shares[3:] == pytest.approx([0.7, 0.3])


@pytest.mark.parametrize("flexible", [0.0, 0.3])
def test_the_roster_moves_flexible_staff_to_the_function_whose_work_waits(flexible: float) -> None:
    overrides = {"care": {"workload": {"flexible_staff_share": flexible}}}
    model = ChainModel(variant(overrides), scale="region", years=0.1, seed=2)
    vt = [q for q in model.queues if model.org_kind[q.org] == OrgKind.VEILIG_THUIS]
    triage = next(q for q in vt if q.service == ServiceKind.VT_TRIAGE)
    assert isinstance(triage, JobQueue)
    servers_before = len(triage.servers)
    triage.demand_hours = 1e6  # a flood of reports reached triage since the last roster
    model.operations.staff(model.time)
    vt_share = sum(model.queue_share[q.qid] for q in vt)
    assert vt_share == pytest.approx(sum(model.fixed_share[q.qid] for q in vt)), "no staff are added"
    if flexible == 0.0:
        assert len(triage.servers) == servers_before
        assert model.queue_share == pytest.approx(model.fixed_share)
    else:
        # Nearly all of VT's work waits at triage: nearly all of VT's flexible staff go there.
        expected = (1.0 - flexible) * model.fixed_share[triage.qid] + flexible * vt_share
        assert model.queue_share[triage.qid] == pytest.approx(expected, rel=1e-3)
        assert len(triage.servers) > servers_before


@pytest.mark.parametrize("integration", [0.0, 1.0])
def test_a_merged_team_moves_flexible_staff_between_former_organisations_only_as_far_as_integrated(
    integration: float,
) -> None:
    timeline = {"preparation_years": 0.0, "pilot_years": 0.0, "decision_years": 0.0, "transition_years": 0.5}
    overrides = {
        "restructuring": {"enabled": True, "integration_degree": integration, **timeline},
        "care": {"workload": {"flexible_staff_share": 0.3}},
    }
    model = ChainModel(variant(overrides), scale="region", years=0.1, warmup_years=0.0, seed=2)
    model.run_for(2)  # the region converts at the policy start
    team = [q for q in model.queues if model.org_kind[q.org] == OrgKind.REGIONAL_SAFETY_TEAM]
    assert {q.service for q in team} >= {ServiceKind.VT_TRIAGE, ServiceKind.GI_SUPERVISION}
    triage = next(q for q in team if q.service == ServiceKind.VT_TRIAGE)
    assert isinstance(triage, JobQueue)
    triage.demand_hours = 1e6  # a flood of reports reached the team's triage
    model.operations.staff(model.time)
    vt_part = [q.qid for q in team if SERVICES[ServiceKind(q.service)].org_kind == OrgKind.VEILIG_THUIS]
    vt_staff, vt_fixed = model.queue_share[vt_part].sum(), model.fixed_share[vt_part].sum()
    if integration == 0.0:
        assert vt_staff == pytest.approx(vt_fixed), "seconded staff stay with their former organisation's work"
    else:
        assert vt_staff > vt_fixed + 0.1, "an integrated team moves board and GI staff to the flood at triage"
