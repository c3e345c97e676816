"""Risk dynamics of the population alone: the residual rate after violence stopped fades."""

from __future__ import annotations

import numpy as np

from simulation.families import DAYS_PER_MONTH, DAYS_PER_YEAR, INERT_DECAYS, FamilyPopulation
from simulation.parameters.scenario import Scenario
from simulation.randomness import RandomStreams


def population(years: int) -> FamilyPopulation:
    return FamilyPopulation(
        Scenario().population, 1 / 26, 1, round(years * DAYS_PER_YEAR), RandomStreams(5), n_services=15
    )


def test_residual_rate_fades_with_the_time_since_violence_stopped() -> None:
    pop = population(1)
    risk = pop.params.risk
    family = np.array([0])
    pop.stop_violence(family, now=0.0)
    just_stopped = pop.effective_rate(family, 0.0)[0]
    one_scale_later = pop.effective_rate(family, risk.stopped_rate_decay_months * DAYS_PER_MONTH)[0]
    latent = pop.latent_rate[0] * pop.measure_factor[0]
    assert np.isclose(just_stopped, risk.stopped_rate_factor * latent)
    assert np.isclose(one_scale_later, just_stopped * np.exp(-1.0)), "the residual rate does not fade as documented"


def test_families_that_stopped_long_ago_do_not_make_demand_grow() -> None:
    """The stock of families whose violence stopped grows for as long as a run lasts; their
    residual incidents must not grow with it (they did when the residual rate never faded)."""
    years = 12
    pop = population(years)
    no_help = np.ones(pop.n)
    stopped, residual = {}, {}
    for month in range(1, 12 * years + 1):
        now = month * DAYS_PER_MONTH
        pop.monthly_risk_update(now, no_help, no_help)
        if month % 72 == 0:
            idx = np.flatnonzero((pop.onset_day <= now) & pop.stopped)
            stopped[month // 12] = idx.size
            residual[month // 12] = pop.effective_rate(idx, now).sum()
    assert stopped[12] > 1.5 * stopped[6], f"the stopped stock did not grow: {stopped}"
    assert residual[12] < 1.25 * residual[6], f"residual incidents grew with the stopped stock: {residual}"


def test_the_run_starts_from_the_populations_own_steady_state() -> None:
    """With the history, the number of households with ongoing violence stays level after day 0
    under the same average effect of help; without it (everyone active at day 0, nobody stopped
    recently) it drifts for years."""

    def active_by_year(onset_overrides: dict[str, float]) -> list[int]:
        params = Scenario().population
        params = params.model_copy(update={"onset": params.onset.model_copy(update=onset_overrides)})
        pop = FamilyPopulation(params, 1 / 26, 1, round(6 * DAYS_PER_YEAR), RandomStreams(5), n_services=15)
        help_effect = np.full(pop.n, params.onset.history_stop_multiplier)
        counts = [int((~pop.stopped & (pop.onset_day <= 0)).sum())]
        for month in range(1, 6 * 12 + 1):
            now = month * DAYS_PER_MONTH
            pop.monthly_risk_update(now, help_effect, np.ones(pop.n))
            if month % 12 == 0:
                counts.append(int((~pop.stopped & (pop.onset_day <= now)).sum()))
        return counts

    with_history = active_by_year({})
    assert max(abs(c / with_history[0] - 1) for c in with_history) < 0.06, f"demand drifts: {with_history}"
    without = active_by_year({"history_years": 0.0, "families_at_start": 150_000})
    assert max(abs(c / without[0] - 1) for c in without) > 0.1, f"the check cannot tell: {without}"


def test_households_whose_violence_stopped_long_ago_are_left_out() -> None:
    pop = population(1)
    risk = pop.params.risk
    decay_days = max(risk.relapse_decay_months, risk.stopped_rate_decay_months) * DAYS_PER_MONTH
    started_before = pop.onset_day <= 0
    assert (pop.onset_day < -DAYS_PER_YEAR).any(), "no history before day 0"
    assert pop.stopped[started_before].any(), "nobody's violence stopped before day 0"
    assert (pop.stopped_since[pop.stopped] > -INERT_DECAYS * decay_days).all()
