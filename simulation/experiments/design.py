"""Experiment designs: levers (scenarios) x uncertainty samples x replication seeds.

Every scenario of a design is run with the same list of seeds for every sample, so differences
between scenarios are paired (common random numbers). Uncertainty samples are drawn with the EMA
Workbench's samplers (Latin hypercube, Sobol, Morris) over plausible ranges from the parameter
registry. A design has a fingerprint (its runs, the contents of its scenarios and the model's code);
a stored experiment can only be resumed with the same fingerprint, so runs of an older model or of
an edited scenario are never mixed with new ones.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from simulation.errors import SpecError
from simulation.experiments.ema import LHSSampler, MorrisSampler, RealParameter, SobolSampler
from simulation.provenance import model_fingerprint
from simulation.scenario_files import load_scenario
from simulation.warmup import WARMUP_YEARS

SAMPLERS = ("lhs", "sobol", "morris")


def ema_name(path: str) -> str:
    """Parameter path as an EMA identifier (`restructuring.productivity_dip` -> `restructuring__productivity_dip`)."""
    return path.replace(".", "__")


def path_of(name: str) -> str:
    return name.replace("__", ".")


def run_label(lever: str) -> str:
    """A scenario name or file path as part of a run's file name (`/a/b.yaml` -> `_a_b.yaml`)."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", lever)


@dataclass(frozen=True)
class Uncertainty:
    """An uncertain parameter and the range explored."""

    path: str
    low: float
    high: float

    @property
    def name(self) -> str:
        return ema_name(self.path)


@dataclass(frozen=True)
class RunSettings:
    """What every run of a design shares."""

    scale: str = "region"
    years: float = 5.0
    warmup_years: float = WARMUP_YEARS


@dataclass
class Design:
    """A full experiment: scenarios x samples x seeds."""

    name: str
    levers: list[str]
    seeds: list[int]
    settings: RunSettings = field(default_factory=RunSettings)
    uncertainties: list[Uncertainty] = field(default_factory=list)
    samples: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(index=pd.RangeIndex(1, name="sample")))
    sampler: str = "none"

    def __post_init__(self) -> None:
        labels = [run_label(lever) for lever in self.levers]
        if len(set(labels)) < len(labels):
            raise SpecError(
                "two of the scenarios would share their run files (a scenario named twice, or two "
                "paths that differ only in characters other than letters, digits, '.', '-' and '_')",
                field="scenarios",
                value=self.levers,
                fix="name each scenario once, or rename one of the files",
            )

    def runs(self) -> pd.DataFrame:
        """One row per run (sample, scenario, seed), in a fixed order, with a unique key."""
        rows = [
            {
                "sample": int(sample),
                "scenario": lever,
                "seed": int(seed),
                "key": f"s{int(sample):05d}-{run_label(lever)}-seed{int(seed)}",
            }
            for sample in self.samples.index
            for lever in self.levers
            for seed in self.seeds
        ]
        return pd.DataFrame(rows).set_index("key")

    def values(self, sample: int) -> dict[str, float]:
        """Uncertainty values of one sample, by parameter path."""
        if not self.uncertainties:
            return {}
        row = self.samples.loc[sample]
        return {u.path: float(row[u.name]) for u in self.uncertainties}

    def scenario_contents(self) -> dict[str, str]:
        """The content hash of every scenario (name or file path), as its file reads now."""
        return {lever: load_scenario(lever).content_hash() for lever in self.levers}

    def fingerprint(self) -> str:
        data = {
            "levers": self.levers,
            "seeds": self.seeds,
            "settings": self.settings.__dict__,
            "uncertainties": [u.__dict__ for u in self.uncertainties],
            "samples": np.round(self.samples.to_numpy(dtype=float), 12).tolist(),
            "sampler": self.sampler,
            "scenario_contents": list(self.scenario_contents().values()),
            "model": model_fingerprint(),
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def sample_uncertainties(
    uncertainties: list[Uncertainty], sampler: str, size: int, seed: int, **kwargs: Any
) -> pd.DataFrame:
    """Draw `size` points (Sobol/Morris: base size) with the EMA Workbench's samplers."""
    parameters = [RealParameter(u.name, u.low, u.high) for u in uncertainties]
    samplers = {"lhs": LHSSampler(), "sobol": SobolSampler(), "morris": MorrisSampler()}
    if sampler == "sobol":
        kwargs.setdefault("calc_second_order", False)
    if sampler == "morris":
        kwargs.setdefault("num_levels", 4)
    collection = samplers[sampler].generate_samples(parameters, size, rng=seed, **kwargs)
    frame = pd.DataFrame(collection.samples, columns=[p.name for p in parameters])
    frame.index.name = "sample"
    return frame


def comparison_design(levers: list[str], replications: int, settings: RunSettings, first_seed: int = 1) -> Design:
    """A comparison: no uncertainties, every scenario with the same seeds."""
    return Design(
        name="comparison",
        levers=list(levers),
        seeds=list(range(first_seed, first_seed + replications)),
        settings=settings,
    )
