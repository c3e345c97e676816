"""Risk dynamics of the population alone: the residual rate after violence stopped fades."""

from __future__ import annotations

import numpy as np

from simulation.families import DAYS_PER_YEAR, FamilyPopulation
from simulation.parameters.scenario import Scenario
from simulation.randomness import RandomStreams

MONTH_DAYS = DAYS_PER_YEAR / 12


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
    one_scale_later = pop.effective_rate(family, risk.stopped_rate_decay_months * MONTH_DAYS)[0]
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
        now = month * MONTH_DAYS
        pop.monthly_risk_update(now, no_help, no_help)
        if month % 72 == 0:
            idx = np.flatnonzero((pop.onset_day <= now) & pop.stopped)
            stopped[month // 12] = idx.size
            residual[month // 12] = pop.effective_rate(idx, now).sum()
    assert stopped[12] > 1.5 * stopped[6], f"the stopped stock did not grow: {stopped}"
    assert residual[12] < 1.25 * residual[6], f"residual incidents grew with the stopped stock: {residual}"
