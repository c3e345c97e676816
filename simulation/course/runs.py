"""Small seeded runs for the exercises, computed once and reused.

A region-scale run of a year and a half takes one or two seconds; a notebook uses a handful and
a trainer grades twenty notebooks. Runs are therefore cached in memory (per kernel) and on disk
(per user), keyed by everything that determines a run: the scenario's parameter hash, the seed,
the horizon, the prioritisation rule (library rules only) and a fingerprint of the model's code
and numpy/pandas versions. The model is deterministic given these, so a cached run equals a fresh
one (tested); a change to the model's code starts a new cache.

Disk cache: `$SAMENLOOP_COURSE_CACHE` (a directory, or `off`), else `~/.cache/samenloop/course-runs`.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from simulation.parameters.scenario import Scenario
from simulation.prioritisation import RULES, PrioritisationRule
from simulation.provenance import model_fingerprint
from simulation.results import RunResult
from simulation.scenario_files import load_scenario, scenario_from_overrides

# The size of every exercise run unless a notebook says otherwise: one VT region, half a year of
# warm-up, one policy year.
COURSE_RUN: dict[str, Any] = {"scale": "region", "years": 1.0, "warmup_years": 0.5}
_TABLES = ("records", "families", "daily", "services", "organisations")
_memory: dict[tuple[Any, ...], RunResult] = {}


def cache_dir() -> Path | None:
    """Where runs are cached on disk, or None when the disk cache is off."""
    configured = os.environ.get("SAMENLOOP_COURSE_CACHE")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no", "false") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "samenloop" / "course-runs"


def _scenario(scenario: Scenario | str, overrides: dict[str, Any] | None) -> Scenario:
    if overrides:
        if not isinstance(scenario, str):
            raise TypeError("give overrides with a scenario name, e.g. course_run('current-practice', overrides=...)")
        return scenario_from_overrides(overrides, scenario)
    return load_scenario(scenario) if isinstance(scenario, str) else scenario


def _rule_key(rule: PrioritisationRule | None) -> tuple[str, bool]:
    """(key, cacheable on disk): library rules by name; other rules only in memory."""
    if rule is None:
        return "default", True
    for name, known in RULES.items():
        if rule is known:
            return name, True
    return f"custom:{id(rule)}", False


def course_run(
    scenario: Scenario | str = "current-practice",
    seed: int = 1,
    *,
    years: float = COURSE_RUN["years"],
    warmup_years: float = COURSE_RUN["warmup_years"],
    overrides: dict[str, Any] | None = None,
    prioritisation: PrioritisationRule | None = None,
) -> RunResult:
    """One region-scale run, from the cache when it was computed before.

    Args:
        scenario: a scenario name (`current-practice`, `intensive-collaboration`, `restructuring`,
            `combined`) or a `Scenario`.
        seed: the run seed; the same seed gives other scenarios the same families and incidents.
        years: policy years after the warm-up.
        warmup_years: years simulated before year 0.
        overrides: nested values to change, e.g. `{"care": {"help": {"p_help_matches_phase": 1.0}}}`.
        prioritisation: rule for the action meeting's slots (exercise 4).

    Returns:
        A copy of the run's result: changing it does not change the cached run.
    """
    params = _scenario(scenario, overrides)
    rule_key, on_disk = _rule_key(prioritisation)
    settings = {"scale": COURSE_RUN["scale"], "years": float(years), "warmup_years": float(warmup_years)}
    key = (params.content_hash(), int(seed), settings["years"], settings["warmup_years"], rule_key, prioritisation)
    if key not in _memory:
        folder = _disk_folder(key[:5]) if on_disk else None
        result = _load(folder) if folder is not None else None
        if result is None:
            from simulation.runner import run_scenario  # the model is only imported when a run is computed

            result = run_scenario(params, seed=int(seed), prioritisation=prioritisation, **settings)
            if folder is not None:
                _store(result, folder)
        _memory[key] = result
    return _copy(_memory[key])


def replications(
    scenario: Scenario | str = "current-practice", seeds: Iterable[int] = (1, 2, 3), **kwargs: Any
) -> dict[int, RunResult]:
    """`course_run` for each seed: {seed: result}. The same seeds in two scenarios are paired."""
    return {int(seed): course_run(scenario, seed, **kwargs) for seed in seeds}


def clear_memory() -> None:
    """Forget the runs held in memory (the disk cache stays)."""
    _memory.clear()


def _copy(result: RunResult) -> RunResult:
    out = copy.copy(result)
    for name in _TABLES:
        setattr(out, name, getattr(result, name).copy())
    out.meta = dict(result.meta)
    return out


def _disk_folder(key: tuple[Any, ...]) -> Path | None:
    root = cache_dir()
    if root is None:
        return None
    text = json.dumps([*key, model_fingerprint()], default=str)
    return root / hashlib.sha256(text.encode()).hexdigest()[:24]


def _load(folder: Path) -> RunResult | None:
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        tables = {name: pd.read_parquet(folder / f"{name}.parquet") for name in _TABLES}
    except (OSError, ValueError):
        return None  # not cached yet, or written by an interrupted process: compute it again
    return RunResult(meta=meta, **tables)


def _store(result: RunResult, folder: Path) -> None:
    """Write atomically (a complete folder or none); a full or read-only disk only skips caching."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
    except OSError:
        return
    try:
        for name in _TABLES:
            getattr(result, name).to_parquet(staging / f"{name}.parquet", index=False)
        (staging / "meta.json").write_text(json.dumps(result.meta, default=str), encoding="utf-8")
        staging.rename(folder)
    except OSError:
        pass  # another kernel cached the same run first, or the disk is full
    finally:
        shutil.rmtree(staging, ignore_errors=True)
