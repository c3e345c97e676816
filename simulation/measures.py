"""Direct-safety measures: restraining order, detention, safety conditions, joint safety plan.

A measure lowers a family's incident rate by a named factor while it lasts
(`care.measures`). Care-avoiding families keep to conditions less often; a measure a family
does not keep to has no effect.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from simulation.arrays import BoolArray, IntArray, per_item
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
        self._ends: dict[int, list[tuple[int, int, float]]] = {}

    def start(
        self,
        families: IntArray,
        measure: Measure,
        now: ArrayLike,
        duration_days: ArrayLike,
        org: ArrayLike = -1,
        open_ended: bool = False,
    ) -> BoolArray:
        """Put `families` under `measure` from `now`; returns which of them keep to it.

        With `open_ended`, the caller ends the measure itself (e.g. when a case ends).
        """
        model = self.model
        pop = model.population
        n = families.size
        keeps = np.ones(n, dtype=bool)
        if n == 0:
            return keeps
        if measure in (Measure.SAFETY_CONDITIONS, Measure.SAFETY_PLAN):
            avoiding = pop.care_avoiding[families]
            u = pop.draws("measure_compliance", families)
            keeps = ~avoiding | (u < model.params.care.measures.care_avoidance_compliance)
        all_keep = bool(keeps.all())
        fam = families if all_keep else families[keeps]
        if fam.size == 0:
            return keeps
        at, duration = per_item(now, n), per_item(duration_days, n)
        if not all_keep:
            at, duration = at[keeps], duration[keeps]
            org = org if np.ndim(org) == 0 else np.asarray(org)[keeps]
        model.log.add_many(at, EventKind.MEASURE_START, family=fam, org=org, detail=int(measure), value=duration)
        pop.change_measure(fam, measure, +1, float(at[0]), self.factors)
        if not open_ended:
            ends = at + duration
            for family, end in zip(fam.tolist(), ends.tolist(), strict=True):
                self._ends.setdefault(int(end), []).append((family, measure, end))
        return keeps

    def stop(self, families: IntArray, measure: Measure, now: float) -> None:
        """End an open-ended measure."""
        self.model.population.change_measure(families, measure, -1, now, self.factors)

    def end_due(self, day: int) -> None:
        """End the measures whose time ran out on `day`."""
        due = self._ends.pop(day, None)
        if not due:
            return
        for measure in {m for _, m, _ in due}:
            families = np.array([f for f, m, _ in due if m == measure], dtype=np.int64)
            last = max(e for _, m, e in due if m == measure)
            self.model.population.change_measure(families, Measure(measure), -1, last, self.factors)
