"""The result of one run: event records, per-family outcomes and daily time series, with provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from simulation.provenance import provenance

if TYPE_CHECKING:
    from simulation.model import ChainModel

# Per-family counters that are reported as the change over the policy period.
COUNTERS = (
    "n_incidents",
    "n_serious",
    "n_reports",
    "n_handoffs",
    "n_facts_lost",
    "n_professionals",
    "n_professional_changes",
    "n_assessments",
)


@dataclass
class RunResult:
    """Everything one run produced.

    Attributes:
        records: event records (one row per event), see `simulation.records`.
        families: one row per family: traits and outcomes; `*_policy` columns count only the
            policy period (after the warm-up).
        daily: daily scalars; `services` and `organisations`: daily numbers per function and per
            organisation kind (tidy).
        meta: provenance and run settings (scenario, hash, seed, scale, years, start_day).
    """

    records: pd.DataFrame
    families: pd.DataFrame
    daily: pd.DataFrame
    services: pd.DataFrame
    organisations: pd.DataFrame
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def start_day(self) -> int:
        return int(self.meta["start_day"])

    @property
    def end_day(self) -> int:
        return int(self.meta["end_day"])


def snapshot_counters(model: ChainModel) -> dict[str, np.ndarray]:
    """Copies of the per-family counters (taken at the policy start)."""
    pop = model.population
    return {name: getattr(pop, name).copy() for name in COUNTERS}


def collect(model: ChainModel, at_start: dict[str, np.ndarray], **settings: Any) -> RunResult:
    """Gather the outputs of a finished model."""
    pop = model.population
    families = pd.DataFrame(
        {
            "family": np.arange(pop.n),
            "region": pop.region.astype(int),
            "violence_type": pop.violence_type.astype(int),
            "n_children": pop.n_children.astype(int),
            "n_adults": pop.n_adults.astype(int),
            "n_factors": pop.factor_count(),
            "care_avoiding": pop.care_avoiding,
            "onset_day": pop.onset_day,
            "first_report_time": pop.first_report_time,
            "first_stable_time": pop.first_stable_time,
            "last_report_time": np.where(np.isfinite(pop.last_report_time), pop.last_report_time, np.nan),
            "phase": pop.phase.astype(int),
            "has_plan": pop.has_plan,
            "stopped": pop.stopped,
            "prior_reports": pop.prior_reports,
            "incidents_per_year": pop.latent_rate,
        }
    )
    for name in COUNTERS:
        final = getattr(pop, name)
        families[name] = final
        families[f"{name}_policy"] = final - at_start[name]
    meta = provenance(
        scenario=model.params.name,
        scenario_display_name=model.params.display_name,
        scenario_hash=model.params.content_hash(),
        seed=model.seed,
        scale=model.preset.name,
        start_day=model.start_day,
        end_day=model.horizon_days,
        **settings,
    )
    return RunResult(
        records=model.records(),
        families=families,
        daily=model.aggregates.frame(model.start_day),
        services=model.aggregates.service_frame(model.start_day),
        organisations=model.aggregates.org_frame(model.start_day),
        meta=meta,
    )
