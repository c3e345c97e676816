"""Exploration under deep uncertainty with the EMA Workbench: `samenloop explore SPEC.yaml`."""

from __future__ import annotations

from pathlib import Path

from simulation.experiments.design import Design, RunSettings, sample_uncertainties
from simulation.experiments.execute import run_design
from simulation.experiments.store import ExperimentStore
from simulation.exploration.analysis import Exploration, analyse
from simulation.exploration.spec import ExploreSpec, load_spec, select_uncertainties

__all__ = ["Exploration", "ExploreSpec", "build_design", "load_spec", "run_exploration"]


def build_design(spec: ExploreSpec, file: str = "spec") -> Design:
    """The full design of a spec: samples x scenarios x seeds (deterministic for a given spec)."""
    uncertainties = select_uncertainties(spec, file)
    samples = sample_uncertainties(uncertainties, spec.sampler, spec.samples, spec.seed)
    return Design(
        name=spec.name,
        levers=list(spec.scenarios),
        seeds=list(range(spec.seed, spec.seed + spec.replications)),
        settings=RunSettings(spec.scale, spec.years, spec.warmup_years),
        uncertainties=uncertainties,
        samples=samples,
        sampler=spec.sampler,
    )


def run_exploration(
    spec: ExploreSpec,
    out: Path,
    *,
    jobs: int = 1,
    address: str | None = None,
    resume: bool = False,
    quiet: bool = False,
    file: str = "spec",
) -> Exploration:
    """Run (or resume) an exploration and analyse it."""
    design = build_design(spec, file)
    store = ExperimentStore(out)
    run_design(
        design,
        store,
        jobs=jobs,
        address=address,
        resume=resume,
        quiet=quiet,
        description={"kind": "exploration", "spec": spec.model_dump(mode="json")},
    )
    runs, _ = store.load(list(design.runs().index))
    return analyse(Exploration(spec=spec, design=design, runs=runs))
