"""The one place that imports the EMA Workbench (TU Delft), quietly.

EMA warns at import time when the optional `ipyparallel` is missing; Samenloop does not use the
ipyparallel evaluator, so that warning is noise for planners. EMA's logger gets a handler that
drops its records: a failed run comes back as one clear message (`execute._failed_run`), and
without a handler of its own the logger would also print the worker's traceback through
logging's last resort.
"""

from __future__ import annotations

import logging
import warnings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="ipyparallel not installed", category=UserWarning)
    import ema_workbench
    from ema_workbench import (
        ArrayOutcome,
        CategoricalParameter,
        IntegerParameter,
        Model,
        MultiprocessingEvaluator,
        RealParameter,
        Sample,
        ScalarOutcome,
        SequentialEvaluator,
    )
    from ema_workbench.em_framework.callbacks import AbstractCallback
    from ema_workbench.em_framework.evaluators import BaseEvaluator
    from ema_workbench.em_framework.experiment_runner import ExperimentRunner
    from ema_workbench.em_framework.salib_samplers import MorrisSampler, SobolSampler, get_SALib_problem
    from ema_workbench.em_framework.samplers import LHSSampler
    from ema_workbench.util import EMAError
    from ema_workbench.util.ema_logging import LOGGER_NAME

logging.getLogger(LOGGER_NAME).addHandler(logging.NullHandler())

__all__ = [
    "AbstractCallback",
    "ArrayOutcome",
    "BaseEvaluator",
    "CategoricalParameter",
    "EMAError",
    "ExperimentRunner",
    "IntegerParameter",
    "LHSSampler",
    "Model",
    "MorrisSampler",
    "MultiprocessingEvaluator",
    "RealParameter",
    "Sample",
    "ScalarOutcome",
    "SequentialEvaluator",
    "SobolSampler",
    "ema_workbench",
    "get_SALib_problem",
]
