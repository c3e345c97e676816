"""Mechanism directions: each named mechanism moves its outcome the way its logic says.

Paired runs with common seeds; never a hard-coded winner between scenarios.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from helpers import all_routes, run
from simulation import metrics

SEEDS = (5, 6)


def paired(
    metric: str, low: dict[str, Any], high: dict[str, Any], base: str = "current-practice", **settings: Any
) -> tuple[float, float]:
    """Mean of `metric` over the seeds for two variants."""
    a = [metrics.METRICS[metric](run(low, base=base, seed=s, **settings)) for s in SEEDS]
    b = [metrics.METRICS[metric](run(high, base=base, seed=s, **settings)) for s in SEEDS]
    return float(np.mean(a)), float(np.mean(b))


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
