"""Safety assessment: an instrument with sensitivity and specificity, worse with missing facts.

Missed unsafety (a false negative) closes a case that needed action; a false alarm spends scarce
capacity on a family that was safe. Both happen: the chance depends on the instrument, on the
share of the case information that survived earlier handoffs, on the assessors' experience and
workload, and on the shared learning of case reviews and joint training.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from scipy.special import ndtri

from simulation.arrays import IntArray, add_at
from simulation.enums import EventKind, OrgKind

if TYPE_CHECKING:
    from simulation.model import ChainModel


def assess(
    model: ChainModel,
    families: IntArray,
    orgs: IntArray,
    now: float,
    function: OrgKind,
    count: NDArray[np.bool_] | bool = True,
    times: NDArray[np.float64] | None = None,
) -> NDArray[np.bool_]:
    """Assess `families` at organisations `orgs`; True where judged unsafe.

    Args:
        now: the batch's time (days), at which safety is judged.
        function: whose assessment of today's chain this is (VT's, the board's), for the workload
            of that part of a regional safety team.
        count: False (per family) where an earlier assessment is reused and no new one is done
            (shared assessments do not count as duplicated work).
        times: when each assessment is recorded (the end of the work it closes); `now` if None.
    """
    pop = model.population
    p = model.params.care.assessment
    if families.size == 0:
        return np.zeros(0, dtype=bool)
    truth = pop.truly_unsafe(families, now)
    info = pop.info_quality[families]
    inexperienced = model.workforce.inexperienced_share[orgs]
    overload = np.maximum(model.workload(orgs, function) - 1.0, 0.0)
    sensitivity = (
        p.sensitivity
        * (1.0 - p.lost_information_penalty * (1.0 - info))
        * (1.0 - p.inexperience_penalty * inexperienced)
        * (1.0 - p.overload_penalty * np.minimum(overload, 5.0))
    )
    specificity = p.specificity * (1.0 - p.inexperience_penalty * inexperienced)
    learning = model.mechanisms.assessment_error_factor(now)
    miss = (1.0 - sensitivity) * learning
    false_alarm = (1.0 - specificity) * learning
    u = pop.draws("assessment", families)
    unsafe = np.where(truth, u >= miss, u < false_alarm)
    counted = np.full(families.shape, count) if isinstance(count, bool) else count
    add_at(pop.n_assessments, families[counted], 1)  # repeated families are counted each time
    model.log.add_many(
        now if times is None else times,
        EventKind.ASSESSMENT,
        family=families,
        org=orgs,
        org_kind=model.org_kind[orgs],
        detail=unsafe.astype(int),
        value=truth.astype(float),
        flag=np.where(counted, 0, 8),
    )
    return unsafe


def risk_score(model: ChainModel, families: IntArray) -> NDArray[np.float64]:
    """The chain's estimate of a family's incident rate (incidents per year): noisier with lost facts."""
    pop = model.population
    noise = 0.4 * (1.0 + (1.0 - pop.info_quality[families]))
    z = ndtri(np.clip(pop.draws("risk_score", families), 1e-12, 1 - 1e-12))
    rate = pop.latent_rate[families] * np.where(pop.stopped[families], 0.3, 1.0)
    return rate * np.exp(noise * z)
