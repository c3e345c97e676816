"""Run the pending runs of a design through the EMA Workbench and store each as it finishes."""

from __future__ import annotations

import json
import time
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from simulation.errors import SamenloopError
from simulation.experiments.design import Design
from simulation.experiments.ema import (
    AbstractCallback,
    ArrayOutcome,
    CategoricalParameter,
    EMAError,
    IntegerParameter,
    Model,
    RealParameter,
    Sample,
    ScalarOutcome,
)
from simulation.experiments.evaluators import check_address, make_evaluator
from simulation.experiments.outcomes import array_names, scalar_names
from simulation.experiments.store import ExperimentStore
from simulation.experiments.worker import run_experiment

_USER_ERRORS = ("SamenloopError", "ScenarioError", "SpecError")
_RUNS_KEPT = "finished runs are kept and --resume continues from them"


def ema_model(design: Design) -> Model:
    """The EMA model of a design: uncertainties (+ the seed), the scenario lever, constants, outcomes."""
    from ema_workbench import Constant

    model = Model("samenloop", function=run_experiment)
    model.uncertainties = [RealParameter(u.name, u.low, u.high) for u in design.uncertainties] + [
        IntegerParameter("seed", 0, 2**31 - 1)
    ]
    s = design.settings
    model.constants = [
        Constant("scale", s.scale),
        Constant("years", s.years),
        Constant("warmup_years", s.warmup_years),
        Constant("scenario_contents", json.dumps(design.scenario_contents())),
    ]
    if len(design.levers) > 1:
        model.levers = [CategoricalParameter("strategy", design.levers)]
    else:  # EMA needs two or more categories for a lever
        model.constants = [*model.constants, Constant("strategy", design.levers[0])]
    model.outcomes = [ScalarOutcome(name) for name in scalar_names()] + [ArrayOutcome(name) for name in array_names()]
    return model


def _progress(quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=quiet,
        transient=False,
    )


def run_design(
    design: Design,
    store: ExperimentStore,
    *,
    jobs: int = 1,
    address: str | None = None,
    resume: bool = False,
    quiet: bool = False,
    description: dict[str, Any] | None = None,
) -> int:
    """Run every run of `design` not yet in `store`; returns the number of runs executed now."""
    if address:
        check_address(address)
    with store.writing():
        return _run_pending(design, store, jobs, address, resume, quiet, description)


def _run_pending(
    design: Design,
    store: ExperimentStore,
    jobs: int,
    address: str | None,
    resume: bool,
    quiet: bool,
    description: dict[str, Any] | None,
) -> int:
    runs = design.runs()
    store.open({"name": design.name, "runs": len(runs), **(description or {})}, design.fingerprint(), resume)
    pending = runs.loc[~runs.index.isin(store.done())]
    if pending.empty:
        return 0
    scenarios, policies = [], []
    for key, row in pending.iterrows():
        scenarios.append(
            Sample(
                name=key,
                seed=int(row["seed"]),
                **{
                    u.name: v
                    for u, v in zip(design.uncertainties, design.values(int(row["sample"])).values(), strict=True)
                },
            )
        )
        lever = {"strategy": row["scenario"]} if len(design.levers) > 1 else {}
        policies.append(Sample(name=row["scenario"], **lever))
    settings = design.settings
    started = time.perf_counter()
    with _progress(quiet) as progress:
        task = progress.add_task(f"{design.name}: runs", total=len(runs), completed=len(runs) - len(pending), rate="")

        def on_run(key: str, outcomes: dict[str, Any]) -> None:
            row = runs.loc[key]
            inputs = {
                "sample": int(row["sample"]),
                "scenario": row["scenario"],
                "seed": int(row["seed"]),
                "scale": settings.scale,
                "years": settings.years,
                "warmup_years": settings.warmup_years,
                **design.values(int(row["sample"])),
            }
            store.save(key, inputs, outcomes)
            progress.advance(task)
            done_now = progress.tasks[0].completed - (len(runs) - len(pending))
            per_min = 60.0 * done_now / max(time.perf_counter() - started, 1e-9)
            progress.update(task, rate=f"{per_min:.1f} runs/min")

        factory = _callback_factory(on_run)
        try:
            with make_evaluator(ema_model(design), jobs, address) as evaluator:
                evaluator.perform_experiments(
                    scenarios=scenarios, policies=policies, combine="cycle", callback=factory, log_progress=True
                )
        except EMAError as exc:  # EMAError is a BaseException: catch it by name
            raise _failed_run(exc) from None
        except BrokenProcessPool:
            raise SamenloopError(
                "a worker process died (the system may have run out of memory: a national run needs "
                "about 1.5 GB per worker)",
                field="--jobs",
                value=jobs,
                fix=f"use fewer --jobs, or a smaller --scale; {_RUNS_KEPT}",
            ) from None
    return len(pending)


def _failed_run(exc: BaseException) -> SamenloopError:
    """One message for a run that failed in a worker: the worker's own message when the input was
    bad (say, a scenario file edited while the experiment runs), else the error it raised."""
    if isinstance(exc.__cause__, SamenloopError):  # in this process: the original error
        return exc.__cause__
    cause = str(exc).split("Caused by: ", 1)[-1] or type(exc).__name__  # from a worker process: its text
    kind, _, message = cause.partition(": ")
    lines = message.splitlines() if kind in _USER_ERRORS else cause.splitlines()
    fixes = [line.split("fix:", 1)[1].strip() for line in lines[1:] if line.strip().startswith("fix:")]
    return SamenloopError(
        f"a run failed: {lines[0] if lines else cause}",
        fix=fixes[0] if fixes else f"check the spec values; {_RUNS_KEPT}",
    )


def _callback_factory(on_run: Any) -> Any:
    class StoreCallback(AbstractCallback):
        """Persists each run as it arrives (in any order)."""

        def __call__(self, experiment: Any, outcomes: dict[str, Any]) -> None:
            super().__call__(experiment, outcomes)
            on_run(experiment.scenario.name, outcomes)

        def get_results(self) -> None:
            return None

    return StoreCallback
