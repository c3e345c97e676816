"""The restructuring scenario at run time: roadmap, conversion of regions, transition effects.

The roadmap (BRIEF §5) runs through preparation, pilots, evaluation and decision, and national
implementation. Pilot regions convert at the start of the pilot phase, the others at the start of
implementation. At conversion the region's Veilig Thuis, its GI and its share of the district's
board become one Regionaal Veiligheidsteam (staff and running cases move). Around conversion the
transition effects the seed worries about apply - extra attrition from the announcement, a
productivity dip, lost experience, slower hiring, legal uncertainty that delays civil-route
decisions, strained relations with police, OM and probation - and after it the benefits: cheaper
internal handoffs, one professional, shared assessments and, possibly, efficiency.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from simulation.parameters.restructuring import RestructuringParams

DAYS_PER_YEAR = 365.25


class Restructuring:
    """Timeline and transition effects; inert when the scenario does not restructure."""

    def __init__(self, params: RestructuringParams, policy_start_day: float, n_regions: int, national: bool) -> None:
        self.params = params
        self.enabled = params.enabled
        self.start = policy_start_day
        p = params
        self.pilot_start = self.start + p.preparation_years * DAYS_PER_YEAR
        self.decision_start = self.pilot_start + p.pilot_years * DAYS_PER_YEAR
        self.implementation_start = self.decision_start + p.decision_years * DAYS_PER_YEAR
        self.end = self.implementation_start + p.transition_years * DAYS_PER_YEAR
        n_pilots = math.ceil(p.pilot_share_of_regions * n_regions) if national else 0
        self.conversion_day = np.where(np.arange(n_regions) < n_pilots, self.pilot_start, self.implementation_start)
        self.transition_days = p.transition_years * DAYS_PER_YEAR

    def phase_name(self, now: float) -> str:
        """Roadmap phase at time `now`."""
        if not self.enabled or now < self.start:
            return "none"
        for name, until in (
            ("preparation", self.pilot_start),
            ("pilots", self.decision_start),
            ("decision", self.implementation_start),
            ("implementation", self.end),
        ):
            if now < until:
                return name
        return "completed"

    def milestones(self) -> list[tuple[str, float]]:
        """Start time of each roadmap phase."""
        return [
            ("preparation", self.start),
            ("pilots", self.pilot_start),
            ("decision", self.decision_start),
            ("implementation", self.implementation_start),
            ("completed", self.end),
        ]

    def converted(self, now: float) -> NDArray[np.bool_]:
        """Regions whose regional safety team is running at time `now`."""
        return self.enabled & (self.conversion_day <= now)

    def _since(self, regions: ArrayLike, now: ArrayLike) -> NDArray[np.float64]:
        return np.asarray(now, dtype=float) - self.conversion_day[np.asarray(regions)]

    def productivity_factor(self, region: int, now: float) -> float:
        """Productivity of the converted region's team: a dip recovering over the transition, then the gain."""
        since = float(self._since(region, now))
        if not self.enabled or since < 0:
            return 1.0
        progress = min(1.0, since / self.transition_days)
        gain = self.params.efficiency_gain * self.params.integration_degree * progress
        return (1.0 - self.params.productivity_dip * (1.0 - progress)) * (1.0 + gain)

    def extra_attrition(self, region: int, now: float) -> float:
        """Extra yearly outflow in the bundled organisations, from announcement to end of transition."""
        if not self.enabled or now < self.start:
            return 0.0
        until = self.conversion_day[region] + self.transition_days
        return self.params.extra_attrition_per_year if now < until else 0.0

    def hiring_lag_factor(self, region: int, now: float) -> float:
        if not self.enabled or now < self.start:
            return 1.0
        until = self.conversion_day[region] + self.transition_days
        return self.params.hiring_lag_factor if now < until else 1.0

    def relationship_strain(self, regions: ArrayLike, now: ArrayLike) -> NDArray[np.float64]:
        """Relative extra delay and loss on routes to police, OM and probation; decays after conversion."""
        since = self._since(regions, now)
        if not self.enabled:
            return np.zeros_like(since)
        decay = np.exp(-np.maximum(since, 0.0) / (self.params.relationship_rebuild_years * DAYS_PER_YEAR))
        return np.where(since >= 0, self.params.relationship_reset * decay, 0.0)

    def legal_delay_days(self, now: float) -> float:
        """Extra delay of civil-route decisions while the legal framework changes."""
        if not self.enabled or not (self.decision_start <= now < self.end):
            return 0.0
        return self.params.legal_uncertainty_delay_days

    def one_off_eur_per_day(self, now: float, scale: float) -> float:
        """One-off transition cost, spread evenly from preparation to the end of the transition."""
        if not self.enabled or not (self.start <= now < self.end):
            return 0.0
        return self.params.one_off_cost_eur * scale / (self.end - self.start)
