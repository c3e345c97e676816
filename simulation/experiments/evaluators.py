"""Where the runs of an experiment execute: in this process, in local worker processes, or on an
existing Dask distributed cluster (`--address tcp://HOST:PORT`).

The EMA Workbench ships no Dask evaluator; `DaskEvaluator` is the small subclass the toolchain
notes describe. `ProcessEvaluator` does what EMA's MultiprocessingEvaluator does, with an
explicit `forkserver` start method (EMA's pool forks a process that already runs a log thread,
which Python 3.12 warns against).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from simulation.errors import SamenloopError
from simulation.experiments.ema import BaseEvaluator, ExperimentRunner, SequentialEvaluator

_MODELS: list[Any] = []
_RUNNER: ExperimentRunner | None = None


def _init_worker(models: list[Any]) -> None:
    global _MODELS
    _MODELS = models


def _run_in_worker(experiment: Any) -> tuple[Any, dict[str, Any]]:
    global _RUNNER
    # Made on the first run, and again after a failed one: EMA's runner then clears its models, and
    # the next run here must fail (or not) on its own.
    if _RUNNER is None or _RUNNER.msis is None:
        _RUNNER = ExperimentRunner(_MODELS)
    return experiment, _RUNNER.run_experiment(experiment)


def _run_on_dask(models: list[Any], experiment: Any) -> tuple[Any, dict[str, Any]]:
    return experiment, ExperimentRunner(models).run_experiment(experiment)


def _drain(pending: set[Future[Any]], callback: Callable[..., None], block: bool) -> set[Future[Any]]:
    done, rest = wait(pending, return_when=FIRST_COMPLETED) if block else (set(), pending)
    for future in done:
        experiment, outcomes = future.result()
        callback(experiment, outcomes)
    return rest


class ProcessEvaluator(BaseEvaluator):
    """Runs experiments in `n_processes` local worker processes."""

    def __init__(self, msis: Any, n_processes: int) -> None:
        super().__init__(msis)
        self.n_processes = n_processes
        self._pool: ProcessPoolExecutor | None = None

    def initialize(self) -> None:
        self._pool = ProcessPoolExecutor(
            self.n_processes,
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=_init_worker,
            initargs=(self._msis,),
        )

    def finalize(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def evaluate_experiments(self, experiments: Iterable[Any], callback: Callable[..., None], **kwargs: Any) -> None:
        assert self._pool is not None
        pending: set[Future[Any]] = set()
        for experiment in experiments:
            pending.add(self._pool.submit(_run_in_worker, experiment))
            while len(pending) >= 4 * self.n_processes:
                pending = _drain(pending, callback, block=True)
        while pending:
            pending = _drain(pending, callback, block=True)


class DaskEvaluator(BaseEvaluator):
    """Runs experiments on an existing Dask distributed cluster.

    The scheduler and every worker must be able to import `simulation` (install the package where
    they run): current Dask unpickles the task graph on the scheduler.
    """

    def __init__(self, msis: Any, address: str) -> None:
        super().__init__(msis)
        self.address = address
        self.client: Any = None

    def initialize(self) -> None:
        from dask.distributed import Client

        try:
            self.client = Client(self.address, timeout=30)
        except OSError as exc:
            raise SamenloopError(
                f"cannot reach the Dask scheduler at {self.address} ({exc})",
                field="--address",
                value=self.address,
                fix="start `dask scheduler` and `dask worker` first (see docs/experiments.md)",
            ) from None
        self._models = self.client.scatter(self._msis, broadcast=True)

    def finalize(self) -> None:
        if self.client is not None:
            self.client.close()

    def evaluate_experiments(self, experiments: Iterable[Any], callback: Callable[..., None], **kwargs: Any) -> None:
        from dask.distributed import as_completed

        futures = [self.client.submit(_run_on_dask, self._models, experiment, pure=False) for experiment in experiments]
        for future in as_completed(futures):
            experiment, outcomes = future.result()
            callback(experiment, outcomes)


def check_address(address: str) -> str:
    """`address` if it names a Dask scheduler as PROTOCOL://HOST:PORT (checked before any run)."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        _, location = parse_address(address, strict=True)
        parse_host_port(location)
    except ValueError as exc:
        raise SamenloopError(
            f"not a Dask scheduler address ({exc})",
            field="--address",
            value=address,
            allowed="PROTOCOL://HOST:PORT, e.g. tcp://127.0.0.1:8786",
            fix="give the address `dask scheduler` prints when it starts (see docs/experiments.md)",
        ) from None
    return address


def make_evaluator(models: Any, jobs: int, address: str | None) -> BaseEvaluator:
    """Dask when an address is given, local processes when jobs > 1, else this process."""
    if address:
        return DaskEvaluator(models, address)
    if jobs > 1:
        return ProcessEvaluator(models, jobs)
    return SequentialEvaluator(models)
