"""The one place that imports the EMA Workbench (TU Delft), quietly.

EMA warns at import time when the optional `ipyparallel` is missing; Samenloop does not use the
ipyparallel evaluator, so that warning is noise for planners.
"""

from __future__ import annotations

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
