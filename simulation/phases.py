"""Phases of safety and how the effect of help depends on them.

The shared vision *gefaseerd samenwerken aan veiligheid* (2021) orders the work: first direct
safety (stop the violence now), then stable safety (risk-driven care on the causes), then
recovery (trauma, patterns across generations). A family enters DIRECT when the chain first
sees it, falls back to DIRECT at every incident, becomes STABLE after a violence-free period and
moves to RECOVERY once stable with low risk. The help x phase matrix scales every kind of help:
recovery care while a family is still unsafe works poorly.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from simulation.arrays import IntArray, add_at, per_item
from simulation.enums import EventKind, HelpType, SafetyPhase
from simulation.families import FamilyPopulation
from simulation.parameters.care import HelpEffectParams, HelpParams, PhaseParams
from simulation.records import EventLog


def _set_phase(
    pop: FamilyPopulation, idx: IntArray, phase: SafetyPhase, now: float | NDArray[np.float64], log: EventLog
) -> None:
    if idx.size == 0:
        return
    times = per_item(now, idx.size)
    log.add_many(times, EventKind.PHASE_CHANGE, family=idx, detail=int(phase), value=pop.phase[idx])
    add_at(pop.phase_counts, pop.phase[idx], -1)
    pop.phase_counts[phase] += idx.size
    pop.phase[idx] = phase
    pop.phase_since[idx] = times
    if phase == SafetyPhase.STABLE:
        first = np.isnan(pop.first_stable_time[idx])
        pop.first_stable_time[idx[first]] = times[first]


def enter_view(pop: FamilyPopulation, idx: IntArray, now: float | NDArray[np.float64], log: EventLog) -> None:
    """Families that reach the chain: those not yet in view start in direct safety.

    `now` is the time of each family's signal (or one time for all); a family seen twice in the
    batch enters view at its first signal.
    """
    times = per_item(now, idx.size)
    pop.last_contact_time[idx] = times
    unseen = pop.phase[idx] == SafetyPhase.NOT_IN_VIEW
    if not unseen.any():
        return
    order = np.lexsort((times[unseen], idx[unseen]))
    new, first = np.unique(idx[unseen][order], return_index=True)
    _set_phase(pop, new, SafetyPhase.DIRECT, times[unseen][order][first], log)


def after_incidents(pop: FamilyPopulation, idx: IntArray, times: NDArray[np.float64], log: EventLog) -> None:
    """An incident sends a family in view back to direct safety."""
    back = (pop.phase[idx] == SafetyPhase.STABLE) | (pop.phase[idx] == SafetyPhase.RECOVERY)
    _set_phase(pop, idx[back], SafetyPhase.DIRECT, times[back], log)


def weekly_update(pop: FamilyPopulation, now: float, params: PhaseParams, log: EventLog) -> None:
    """Move families forward through the phases, and out of view when the chain let go."""
    phase = pop.phase
    quiet = now - pop.last_incident_time
    direct = np.flatnonzero((phase == SafetyPhase.DIRECT) & (quiet >= params.days_without_incident_for_stable))
    _set_phase(pop, direct, SafetyPhase.STABLE, now, log)
    low_risk = pop.stopped | (pop.latent_rate * pop.measure_factor < params.recovery_incidents_per_year)
    stable = np.flatnonzero(
        (phase == SafetyPhase.STABLE) & (now - pop.phase_since >= params.days_stable_for_recovery) & low_risk
    )
    _set_phase(pop, stable, SafetyPhase.RECOVERY, now, log)
    forgotten = np.flatnonzero(
        (phase != SafetyPhase.NOT_IN_VIEW)
        & (pop.open_cases <= 0)
        & (pop.watchers <= 0)
        & (now - pop.last_contact_time >= params.out_of_view_after_days)
    )
    _set_phase(pop, forgotten, SafetyPhase.NOT_IN_VIEW, now, log)


def effectiveness_table(help_params: HelpParams) -> NDArray[np.float64]:
    """Matrix [help type, phase] of effectiveness (NOT_IN_VIEW column = DIRECT)."""
    table = np.zeros((len(HelpType), len(SafetyPhase)))
    for help_type in HelpType:
        row: HelpEffectParams = getattr(help_params, help_type.name.lower())
        table[help_type] = (row.in_direct, row.in_direct, row.in_stable, row.in_recovery)
    return table


def help_multipliers(pop: FamilyPopulation, help_params: HelpParams) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Per family: multiplier of the chance that violence stops, and of the chance it resumes.

    stop multiplier = 1 + sum over active help h of gain_h x effectiveness(h, phase) x quality
    relapse multiplier = product over active help h of (1 - reduction_h x effectiveness x quality)
    """
    stop = np.ones(pop.n)
    relapse = np.ones(pop.n)
    helped = np.flatnonzero(pop.help_count.any(axis=1))
    if helped.size == 0:
        return stop, relapse
    table = effectiveness_table(help_params)
    gains = np.array([getattr(help_params, h.name.lower()).stop_hazard_gain for h in HelpType])
    reductions = np.array([getattr(help_params, h.name.lower()).relapse_reduction for h in HelpType])
    active = pop.help_count[helped] > 0
    weight = active * table[:, pop.phase[helped]].T * pop.help_quality[helped]
    stop[helped] = 1.0 + weight @ gains
    relapse[helped] = np.prod(1.0 - weight * reductions[None, :], axis=1)
    return stop, relapse
