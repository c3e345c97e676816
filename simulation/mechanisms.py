"""Collaboration mechanisms at run time: rollout level, coverage of families, and their effects.

Each mechanism of BRIEF §4 is switched on in the scenario (`simulation.parameters.mechanisms`).
At time t its level is coverage x ramp(t): zero before its start date, rising linearly to its
coverage over `ramp_years`. Whether a family falls inside the coverage is a fixed keyed draw per
family and mechanism, so a higher level covers a superset of families and scenarios with the
same seed cover the same families. The pathways ask `covers(...)` at their decision points and
apply the mechanism's named effect parameters; nothing else changes.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from simulation.arrays import IntArray
from simulation.parameters.mechanisms import MechanismParams, MechanismSet
from simulation.randomness import RandomStreams

DAYS_PER_YEAR = 365.25


class Mechanisms:
    """Run-time view of the mechanism parameters.

    Args:
        params: the scenario's mechanism set.
        policy_start_day: model day at which year 0 of the policies begins (after warm-up).
        streams: the run's random streams.
    """

    def __init__(self, params: MechanismSet, policy_start_day: float, streams: RandomStreams) -> None:
        self.params = params
        self.policy_start_day = policy_start_day
        self.streams = streams
        self._enabled = set(params.enabled_names())

    def get(self, name: str) -> MechanismParams:
        return getattr(self.params, name)

    def enabled(self, name: str) -> bool:
        return name in self._enabled

    def level(self, name: str, now: float) -> float:
        """Share of eligible cases reached at time `now` (0 when off or not started)."""
        if name not in self._enabled:
            return 0.0
        p = self.get(name)
        years = (now - self.policy_start_day) / DAYS_PER_YEAR - p.start_year
        if years < 0:
            return 0.0
        ramp = 1.0 if p.ramp_years <= 0 else min(1.0, years / p.ramp_years)
        return p.coverage * ramp

    def covers(self, name: str, families: IntArray, now: float, factor: ArrayLike = 1.0) -> NDArray[np.bool_]:
        """Which families the mechanism reaches now (`factor` scales the level, e.g. strained relations)."""
        level = self.level(name, now)
        if level <= 0.0 or families.size == 0:
            return np.zeros(families.size, dtype=bool)
        return self.streams.keyed_array(f"mechanism:{name}", families, 0) < level * np.asarray(factor)

    def skill(self, now: float) -> float:
        """Shared skill from case reviews and joint training: grows towards 1 (learning loop)."""
        name = "case_reviews_and_training"
        level = self.level(name, now)
        if level <= 0.0:
            return 0.0
        p = self.params.case_reviews_and_training
        years = (now - self.policy_start_day) / DAYS_PER_YEAR - p.start_year
        return level * (1.0 - np.exp(-years / p.learning_years))

    def facts_lost_factor(self, now: float) -> float:
        """Multiplier of the chance of lost facts at a handoff."""
        sharing = 1.0 - self.params.information_sharing.facts_lost_reduction * self.level("information_sharing", now)
        learning = 1.0 - self.params.case_reviews_and_training.facts_lost_reduction * self.skill(now)
        return sharing * learning

    def assessment_error_factor(self, now: float) -> float:
        """Multiplier of assessment errors (missed unsafety and false alarms)."""
        return 1.0 - self.params.case_reviews_and_training.assessment_error_reduction * self.skill(now)

    def phase_match(self, base: float, now: float) -> float:
        """Chance that help fits the family's phase, after learning."""
        gain = self.params.case_reviews_and_training.phase_match_gain * self.skill(now)
        return base + (1.0 - base) * gain

    def training_hours_share(self, now: float, hours_per_fte_week: float) -> float:
        """Share of professional time spent on reviews and training."""
        level = self.level("case_reviews_and_training", now)
        yearly = self.params.case_reviews_and_training.hours_per_case * level
        return yearly / (hours_per_fte_week * 52.0)

    def development_eur_per_day(self, now: float, scale: float) -> float:
        """Development budget spent today (national budgets x scale), while mechanisms roll out."""
        total = 0.0
        for name in self._enabled:
            p = self.get(name)
            years = (now - self.policy_start_day) / DAYS_PER_YEAR - p.start_year
            if 0.0 <= years <= max(p.ramp_years, 1.0):
                total += p.development_eur_per_year * scale / DAYS_PER_YEAR
        return total
