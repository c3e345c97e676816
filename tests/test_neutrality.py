"""Scenarios without their effects are today's practice: no scenario wins or loses by construction.

Intensive collaboration with its mechanisms reaching nobody must give today's results exactly.
The regional safety team bundles VT, the board and the GI: with every transition effect and every
benefit set to zero and no integration (seconded staff in one team), what the team does must be
what the three organisations did, up to the noise of diverging random draws.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from helpers import run, variant
from simulation import metrics
from simulation.enums import EventKind, OrgKind, Reason
from simulation.model import ChainModel
from simulation.scenario_files import load_scenario
from simulation.services import SERVICES, ServiceKind

WITHOUT_EFFECTS: dict[str, Any] = {
    "restructuring": {
        "enabled": True,
        "integration_degree": 0.0,
        "preparation_years": 0.0,
        "pilot_years": 0.0,
        "decision_years": 0.0,
        "transition_years": 0.5,
        "productivity_dip": 0.0,
        "extra_attrition_per_year": 0.0,
        "experience_loss": 0.0,
        "hiring_lag_factor": 1.0,
        "legal_uncertainty_delay_days": 0.0,
        "relationship_reset": 0.0,
        "one_off_cost_eur": 0.0,
        "internal_delay_reduction": 0.0,
        "internal_facts_lost_reduction": 0.0,
        "p_same_professional": 0.0,
        "shared_assessment": 0.0,
        "one_plan": 0.0,
        "efficiency_gain": 0.0,
    }
}


def test_collaboration_mechanisms_that_reach_nobody_change_no_metric() -> None:
    names = load_scenario("intensive-collaboration").mechanisms.enabled_names()
    reach_nobody = {"mechanisms": {n: {"coverage": 0.0, "development_eur_per_year": 0.0} for n in names}}
    today = metrics.compute(run(seed=7))
    collaboration = metrics.compute(run(reach_nobody, base="intensive-collaboration", seed=7))
    differ = {
        name: (today[name], collaboration[name])
        for name in today
        if not (today[name] == collaboration[name] or (np.isnan(today[name]) and np.isnan(collaboration[name])))
    }
    assert len(names) == 9 and not differ, differ


def test_a_merger_alone_does_not_give_families_one_plan() -> None:
    # Counting organisations by who serves them would turn three organisations into one by name.
    today, merged = [], []
    for seed in (7, 8):
        today.append(metrics.plan_and_lead_share(run(seed=seed)))
        merged.append(metrics.plan_and_lead_share(run(WITHOUT_EFFECTS, seed=seed)))
    assert np.mean(merged) == pytest.approx(np.mean(today), rel=0.05), f"today {today}, merged without effects {merged}"


def test_the_team_works_from_the_day_it_is_formed() -> None:
    model = ChainModel(variant(WITHOUT_EFFECTS), scale="region", years=1.0, warmup_years=0.5, seed=7)
    model.run_for(model.start_day + 1)
    assert model.region_converted[0]
    team = int(model.org_by_kind[OrgKind.REGIONAL_SAFETY_TEAM][0])
    triage = model.queues[int(model.queue_by_service[ServiceKind.VT_TRIAGE, 0])]
    assert model.queue_org[triage.qid] == team
    assert len(triage.servers) > 0, "the team's VT triage had no professionals until the next weekly roster"


@pytest.mark.parametrize(("degree", "expected"), [(0.0, 1.6), (1.0, 1.2), (0.5, 1.4)])
def test_a_team_shares_its_parts_pressure_only_as_far_as_it_is_integrated(degree: float, expected: float) -> None:
    overrides = {"restructuring": {**WITHOUT_EFFECTS["restructuring"], "integration_degree": degree}}
    model = ChainModel(variant(overrides), scale="region", years=1.0, warmup_years=0.5, seed=7)
    model.run_for(model.start_day + 1)
    team = np.array([model.org_by_kind[OrgKind.REGIONAL_SAFETY_TEAM][0]])
    model.org_workload[team] = 1.2  # the whole team
    model.part_workload[team, OrgKind.YOUTH_PROTECTION] = 1.6  # the part doing the GI's work
    felt = model.workload(team, OrgKind.YOUTH_PROTECTION)
    assert felt[0] == pytest.approx(expected)
    police = model.org_by_kind[OrgKind.POLICE][:1]
    assert model.workload(police, OrgKind.POLICE)[0] == model.org_workload[police][0], "others: one workload"


def test_a_team_agrees_one_plan_only_when_work_passes_between_its_functions() -> None:
    # The team's own route to one plan and a lead: a named parameter, never the merger by name.
    def team(one_plan: float) -> dict[str, Any]:
        return {"restructuring": {**WITHOUT_EFFECTS["restructuring"], "integration_degree": 1.0, "one_plan": one_plan}}

    without, with_plans = run(team(0.0), seed=7), run(team(1.0), seed=7)
    records = with_plans.records
    plans = records[(records["event"] == EventKind.MEETING) & (records["reason"] == Reason.TEAM_PLAN)]
    assert len(plans) > 20 and plans["family"].is_unique
    assert not ((without.records["reason"] == Reason.TEAM_PLAN) & (without.records["event"] == EventKind.MEETING)).any()
    team_work = records[
        (records["event"] == EventKind.CASE_START) & (records["org_kind"] == OrgKind.REGIONAL_SAFETY_TEAM)
    ].copy()
    team_work["part"] = team_work["detail"].map({int(s): int(SERVICES[s].org_kind) for s in ServiceKind})
    for family, at in zip(plans["family"].tolist(), plans["time"].tolist(), strict=True):
        before = team_work[(team_work["family"] == family) & (team_work["time"] <= at)]
        assert before["part"].nunique() >= 2, f"family {family} got a team plan with work of one function only"
    assert metrics.plan_and_lead_share(with_plans) > metrics.plan_and_lead_share(without)


def test_a_family_keeps_its_professional_only_where_work_passes_between_the_teams_functions() -> None:
    overrides = {
        "restructuring": {**WITHOUT_EFFECTS["restructuring"], "integration_degree": 1.0, "p_same_professional": 1.0}
    }
    model = ChainModel(variant(overrides), scale="region", years=1.0, warmup_years=0.5, seed=7)
    model.run_for(model.start_day + 1)
    team = int(model.org_by_kind[OrgKind.REGIONAL_SAFETY_TEAM][0])
    pop = model.population
    # Three families new to the team; the first two had VT's work from it, the third only a local team.
    families = np.flatnonzero(pop.team_parts == 0)[:3]
    pop.team_parts[families[:2]] = model.service_part_bit[ServiceKind.VT_TRIAGE]
    services = np.array([ServiceKind.BOARD_INVESTIGATION, ServiceKind.VT_INVESTIGATION, ServiceKind.VT_TRIAGE])
    keeps = model.pass_within_team(families, np.full(3, team), services, np.full(3, model.time))
    assert keeps.tolist() == [True, False, False], "only VT's work passing to the board's keeps the professional"
    police = model.org_by_kind[OrgKind.POLICE][:1]
    assert not model.pass_within_team(families[:1], police, services[:1], np.full(1, model.time)).any()
