"""Helpers for the graded training course in `exercises/` (nbgrader, Dutch and English).

The notebooks are thin clients of the model: they import from here and from `simulation`, and
never define model logic. This package holds only what every trainee gets anyway - small seeded
runs with a cache, the organisation graph, a readable family journey, the case chosen for the
case review - plus the trainer's tools (grading lifecycle, submission import, feedback that does
not reveal hidden tests). It never holds an exercise's solution.

Names are imported lazily, so that `samenloop course ...` starts without loading the model.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "COURSE_RUN": "simulation.course.runs",
    "course_run": "simulation.course.runs",
    "replications": "simulation.course.runs",
    "chain_graph": "simulation.course.network",
    "draw_chain": "simulation.course.network",
    "power_glossary": "simulation.course.network",
    "PROFESSIONAL_SERVICES": "simulation.course.journeys",
    "flag_names": "simulation.course.journeys",
    "journey": "simulation.course.journeys",
    "org_label": "simulation.course.journeys",
    "phase_name": "simulation.course.journeys",
    "service_name": "simulation.course.journeys",
    "plot_phases": "simulation.course.journeys",
    "escalated_case": "simulation.course.cases",
    "example_candidates": "simulation.course.cases",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'simulation.course' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)


def __dir__() -> list[str]:
    return __all__
