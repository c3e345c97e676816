"""Mechanism directions: each named mechanism moves its outcome the way its logic says.

Paired runs with common seeds; never a hard-coded winner between scenarios.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pytest

from helpers import all_routes, run
from simulation import metrics
from simulation.enums import EventKind, OrgKind, Reason
from simulation.results import RunResult

SEEDS = (5, 6)


def paired(
    metric: str | Callable[[RunResult], float],
    low: dict[str, Any],
    high: dict[str, Any],
    base: str = "current-practice",
    **settings: Any,
) -> tuple[float, float]:
    """Mean of `metric` (a metric's name, or a measure of a run) over the seeds for two variants."""
    measure = metrics.METRICS[metric] if isinstance(metric, str) else metric
    a = [measure(cached_run(low, base, s, settings)) for s in SEEDS]
    b = [measure(cached_run(high, base, s, settings)) for s in SEEDS]
    return float(np.mean(a)), float(np.mean(b))


_RUNS: dict[str, RunResult] = {}


@pytest.fixture(scope="module", autouse=True)
def _forget_runs() -> Iterator[None]:
    yield
    _RUNS.clear()


def cached_run(overrides: dict[str, Any], base: str, seed: int, settings: dict[str, Any]) -> RunResult:
    """One run per variant, seed and settings in this module (several tests compare with the same runs)."""
    key = json.dumps([overrides, base, seed, settings], sort_keys=True)
    if key not in _RUNS:
        _RUNS[key] = run(overrides, base=base, seed=seed, **settings)
    return _RUNS[key]


def mechanism(name: str, **values: Any) -> dict[str, Any]:
    """Overrides that switch one mechanism on from the policy start, at full coverage."""
    return {"mechanisms": {name: {"enabled": True, "ramp_years": 0.0, "coverage": 1.0, **values}}}


def policy_records(result: RunResult, event: EventKind) -> Any:
    r = result.records
    return r[(r["event"] == event) & (r["time"] >= result.start_day)]


def decisions(reason: Reason) -> Callable[[RunResult], float]:
    def count(result: RunResult) -> float:
        return float((policy_records(result, EventKind.DECISION)["reason"] == reason).sum())

    return count


def test_longer_handoff_delays_delay_stable_safety() -> None:
    fast, slow = paired("stable_within_year", all_routes(delay_days=1.0), all_routes(delay_days=60.0), years=2.0)
    assert slow < fast, f"stable within a year: {fast:.3f} with 1-day handoffs, {slow:.3f} with 60-day handoffs"


def test_higher_attrition_lengthens_waits() -> None:
    def attrition(value: float) -> dict[str, Any]:
        return {"organisations": {"veilig_thuis": {"staff": {"attrition_per_year": value, "hiring_lag_days": 180.0}}}}

    low, high = paired("triage_wait_days", attrition(0.05), attrition(0.6))
    assert high > low, f"VT triage wait {low:.2f} days at 5% attrition, {high:.2f} at 60%"


def test_information_sharing_reduces_lost_facts() -> None:
    on = {"mechanisms": {"information_sharing": {"enabled": True, "ramp_years": 0.0, "coverage": 1.0}}}
    without, with_sharing = paired("facts_lost_per_family", {}, on)
    assert with_sharing < 0.85 * without, f"facts lost per family {without:.3f} without, {with_sharing:.3f} with"


def test_samen_op_in_acuut_removes_handoffs() -> None:
    on = {"mechanisms": {"samen_op_in_acuut": {"enabled": True, "ramp_years": 0.0, "coverage": 1.0}}}
    without, joint = paired("handoffs_per_family", {}, on)
    assert joint < without, f"handoffs per family {without:.3f} without, {joint:.3f} with joint acute response"


def test_help_that_does_not_fit_the_phase_works_worse() -> None:
    fits = {"care": {"help": {"p_help_matches_phase": 1.0}}}
    misfits = {"care": {"help": {"p_help_matches_phase": 0.0}}}
    good, poor = paired("repeat_violence_18m", fits, misfits, years=2.5)
    assert poor > good, f"repeat violence {good:.3f} with phase-fitting help, {poor:.3f} with misfitting help"


def test_deeper_integration_means_fewer_professionals() -> None:
    def merged(degree: float) -> dict[str, Any]:
        return {
            "restructuring": {
                "enabled": True,
                "integration_degree": degree,
                "preparation_years": 0.0,
                "pilot_years": 0.0,
                "decision_years": 0.0,
                "transition_years": 0.5,
            }
        }

    loose, full = paired("professionals_per_family", merged(0.0), merged(1.0), base="current-practice")
    assert full < loose, f"professionals per family {loose:.3f} at integration 0, {full:.3f} at full integration"


def test_restructuring_transition_costs_staff() -> None:
    reorganise = {"restructuring": {"enabled": True, "extra_attrition_per_year": 0.3}}
    before, during = paired("attrition_per_year", {}, reorganise)
    assert during > before, f"attrition {before:.3f} without, {during:.3f} with the reorganisation"


def test_a_merged_teams_efficiency_gain_saves_paid_hours() -> None:
    def merged(gain: float) -> dict[str, Any]:
        timeline = {"preparation_years": 0.0, "pilot_years": 0.0, "decision_years": 0.0, "transition_years": 0.25}
        return {"restructuring": {"enabled": True, "integration_degree": 1.0, "efficiency_gain": gain, **timeline}}

    usual, efficient = paired("hours_per_year", merged(0.0), merged(0.5))
    assert efficient < 0.97 * usual, f"paid hours {usual:,.0f} a year without a gain, {efficient:,.0f} with 50%"


def test_case_reviews_and_training_cost_professional_hours() -> None:
    none, yearly_40 = paired(
        "hours_per_year",
        mechanism("case_reviews_and_training", hours_per_case=0.0),
        mechanism("case_reviews_and_training", hours_per_case=40.0),
    )
    assert yearly_40 > 1.02 * none, f"professional hours {none:,.0f} without training time, {yearly_40:,.0f} with 40 h"


@pytest.mark.parametrize(("name", "hours"), [("stronger_local_teams", 10.0), ("information_sharing", 2.0)])
def test_a_mechanisms_time_per_case_costs_professional_hours(name: str, hours: float) -> None:
    none, some = paired("hours_per_year", mechanism(name, hours_per_case=0.0), mechanism(name, hours_per_case=hours))
    assert some > 1.01 * none, f"{name}: professional hours {none:,.0f} at 0 h per case, {some:,.0f} at {hours} h"


def test_action_meetings_and_mda_plus_plus_give_families_a_plan_with_a_lead() -> None:
    for name in ("actieoverleg", "mda_plus_plus"):
        without, table = paired("plan_and_lead_share", {}, mechanism(name))
        assert table > without, f"plan and lead share {without:.3f} without {name}, {table:.3f} with"


def test_the_action_meetings_reach_follows_its_coverage() -> None:
    def discussed(result: RunResult) -> float:
        meetings = policy_records(result, EventKind.MEETING)
        return float((meetings["reason"] == Reason.ACTION_MEETING).sum())

    # Slots to spare, so that only the tables' reach limits who is discussed.
    quarter, full = paired(
        discussed,
        mechanism("actieoverleg", coverage=0.25, slots_per_week=5000.0),
        mechanism("actieoverleg", coverage=1.0, slots_per_week=5000.0),
    )
    assert 0.1 * full < quarter < 0.5 * full, f"families discussed: {quarter:.0f} at coverage 0.25, {full:.0f} at 1"


def test_the_local_team_hands_its_family_back_to_vt_on_its_route() -> None:
    def days_to_vt(result: RunResult) -> float:
        h = policy_records(result, EventKind.HANDOFF)
        back = h[(h["org_kind"] == OrgKind.LOCAL_TEAM) & (h["detail"] == OrgKind.VEILIG_THUIS)]
        return float(back["value"].mean())

    def route(delay_days: float) -> dict[str, Any]:
        return {"handoffs": {"local_team_to_veilig_thuis": {"delay_days": delay_days}}}

    quick, slow = paired(days_to_vt, route(1.0), route(21.0))
    assert quick < slow, f"days for the local team's report to reach VT: {quick:.1f} at 1 day, {slow:.1f} at 21"


def test_vt_at_zsm_turns_dismissals_into_conditional_dismissals() -> None:
    def conditional_share(result: RunResult) -> float:
        conditional, plain = decisions(Reason.CONDITIONAL_DISMISSAL)(result), decisions(Reason.DISMISS)(result)
        return conditional / (conditional + plain)

    none, shifted = paired(
        conditional_share,
        mechanism("hg_met_vt_en_zsm", conditional_dismissal_shift=0.0),
        mechanism("hg_met_vt_en_zsm", conditional_dismissal_shift=0.7),
    )
    assert shifted > none + 0.1, f"conditional share of dismissals {none:.3f} without the shift, {shifted:.3f} with"


def test_joint_work_on_criminal_child_abuse_speeds_up_board_requests() -> None:
    def board_request_days(result: RunResult) -> float:
        h = policy_records(result, EventKind.HANDOFF)
        to_board = h[(h["org_kind"] == OrgKind.VEILIG_THUIS) & (h["detail"] == OrgKind.CHILD_PROTECTION_BOARD)]
        return float(to_board["value"].mean())

    usual, joint = paired(
        board_request_days,
        mechanism("samen_op_bij_strafbare_km", board_delay_factor=1.0),
        mechanism("samen_op_bij_strafbare_km", board_delay_factor=0.2),
    )
    assert joint < usual, f"days for VT's board request to arrive: {usual:.2f} usual, {joint:.2f} when joint"


def test_well_used_restraining_orders_are_imposed_more_often() -> None:
    without, well_used = paired(decisions(Reason.RESTRAINING_ORDER), {}, mechanism("restraining_order_well_used"))
    assert well_used > without, f"restraining orders {without:.0f} without the mechanism, {well_used:.0f} with"


def test_case_reviews_and_training_reduce_lost_facts_as_skill_grows() -> None:
    untrained, trained = paired(
        "facts_lost_per_family",
        mechanism("case_reviews_and_training", facts_lost_reduction=0.0, learning_years=0.25),
        mechanism("case_reviews_and_training", facts_lost_reduction=0.5, learning_years=0.25),
    )
    assert trained < 0.8 * untrained, f"facts lost per family {untrained:.3f} untrained, {trained:.3f} trained"


def test_local_teams_that_keep_renewed_unsafety_send_fewer_reports_to_vt() -> None:
    def reports(result: RunResult) -> float:
        return float(len(policy_records(result, EventKind.REPORT)))

    returns, keeps = paired(
        reports,
        mechanism("stronger_local_teams", p_keeps_case=0.0),
        mechanism("stronger_local_teams", p_keeps_case=1.0),
    )
    assert keeps < returns, f"reports to VT {returns:.0f} when local teams return cases, {keeps:.0f} when they keep"


def test_a_report_after_a_serious_incident_is_triaged_as_acute_with_its_chance() -> None:
    def acute_share(p_acute: float) -> float:
        result = run({"organisations": {"veilig_thuis": {"p_acute_if_serious": p_acute}}}, seed=5, years=1.0)
        triages = policy_records(result, EventKind.TRIAGE)
        return float(triages["detail"].mean())

    never, default, always = acute_share(0.0), acute_share(0.32), acute_share(1.0)
    assert never < default < always, f"acute share of triages {never:.3f} / {default:.3f} / {always:.3f}"
    assert (default - never) / (always - never) == pytest.approx(0.32, abs=0.08)


def test_flexible_staff_of_a_merged_team_go_where_the_work_waits() -> None:
    # An immediate merger's productivity dip leaves a backlog at the team's VT triage; flexible
    # staff (VT's own and, at full integration, the board's and the GI's) move there.
    def merged(flexible: float) -> dict[str, Any]:
        timeline = {"preparation_years": 0.0, "pilot_years": 0.0, "decision_years": 0.0, "transition_years": 0.5}
        return {
            "restructuring": {"enabled": True, "integration_degree": 1.0, **timeline},
            "care": {"workload": {"flexible_staff_share": flexible}},
        }

    fixed, flexible = paired("triage_wait_days", merged(0.0), merged(0.3))
    assert flexible < 0.8 * fixed, f"triage wait {fixed:.1f} days with fixed functions, {flexible:.1f} flexible"
