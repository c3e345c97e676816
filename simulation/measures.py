"""Direct-safety measures: restraining order, detention, safety conditions, joint safety plan.

A measure lowers a family's incident rate by a named factor while it lasts
(`care.measures`). Care-avoiding families keep to conditions less often; a measure a family
does not keep to has no effect.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from simulation.arrays import IntArray
from simulation.enums import EventKind, Measure

if TYPE_CHECKING:
    from simulation.model import ChainModel


class MeasureBook:
    """Starts measures and ends them when their time is up."""

    def __init__(self, model: ChainModel) -> None:
        self.model = model
        m = model.params.care.measures
        self.factors = np.ones(len(Measure))
        self.factors[Measure.RESTRAINING_ORDER] = m.restraining_order_rate_factor
        self.factors[Measure.DETENTION] = m.detention_rate_factor
        self.factors[Measure.SAFETY_CONDITIONS] = m.conditions_rate_factor
        self.factors[Measure.SAFETY_PLAN] = m.safety_plan_rate_factor
        self._ends: dict[int, list[tuple[IntArray, Measure, NDArray[np.float64]]]] = {}

    def start(
        self,
        families: IntArray,
        measure: Measure,
        now: ArrayLike,
        duration_days: ArrayLike,
        org: ArrayLike = -1,
        open_ended: bool = False,
    ) -> IntArray:
        """Put `families` under `measure` from `now`; returns the families that keep to it.

        With `open_ended`, the caller ends the measure itself (e.g. when a case ends).
        """
        model = self.model
        pop = model.population
        if families.size == 0:
            return families
        now_arr = np.broadcast_to(np.asarray(now, dtype=float), families.shape)
        keeps = np.ones(families.size, dtype=bool)
        if measure in (Measure.SAFETY_CONDITIONS, Measure.SAFETY_PLAN):
            avoiding = pop.care_avoiding[families]
            u = pop.draws("measure_compliance", families)
            keeps = ~avoiding | (u < model.params.care.measures.care_avoidance_compliance)
        fam = families[keeps]
        at = now_arr[keeps]
        duration = np.broadcast_to(np.asarray(duration_days, dtype=float), families.shape)[keeps]
        model.log.add_many(
            at,
            EventKind.MEASURE_START,
            family=fam,
            org=np.broadcast_to(org, families.shape)[keeps],
            detail=int(measure),
            value=duration,
        )
        pop.change_measure(fam, measure, +1, float(at.min()) if fam.size else 0.0, self.factors)
        if not open_ended and fam.size:
            ends = at + duration
            for day in np.unique(np.floor(ends).astype(np.int64)).tolist():
                sel = np.floor(ends) == day
                self._ends.setdefault(day, []).append((fam[sel], measure, ends[sel]))
        return fam

    def stop(self, families: IntArray, measure: Measure, now: float) -> None:
        """End an open-ended measure."""
        self.model.population.change_measure(families, measure, -1, now, self.factors)

    def end_due(self, day: int) -> None:
        """End the measures whose time ran out on `day`."""
        for families, measure, ends in self._ends.pop(day, []):
            self.model.population.change_measure(families, measure, -1, float(ends.max()), self.factors)
