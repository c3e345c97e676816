"""Helpers for model tests: scenario variants and record fingerprints."""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np
import pandas as pd

from simulation.enums import EventKind, OrgKind, Reason
from simulation.results import RunResult
from simulation.routes import ROUTES
from simulation.runner import run_scenario
from simulation.scenario_files import scenario_from_overrides

SHORT: dict[str, Any] = {"scale": "region", "years": 1.5, "warmup_years": 0.5}


def variant(overrides: dict[str, Any], base: str = "current-practice"):
    return scenario_from_overrides(overrides, base)


def run(
    overrides: dict[str, Any] | None = None, base: str = "current-practice", seed: int = 3, **settings: Any
) -> RunResult:
    return run_scenario(variant(overrides or {}, base), seed=seed, **{**SHORT, **settings})


def all_routes(**values: float) -> dict[str, Any]:
    """Overrides that set the same values on every handoff route."""
    return {"handoffs": {name: dict(values) for name in ROUTES}}


def fingerprint(result: RunResult) -> str:
    """A hash of every event record."""
    digest = hashlib.sha256()
    for column in result.records.columns:
        digest.update(np.ascontiguousarray(result.records[column].to_numpy()).tobytes())
    return digest.hexdigest()


def hand_built(
    families: list[dict],
    events: list[dict],
    start_day: int,
    end_day: int,
    daily: dict[str, float] | None = None,
    scale: str = "national",
) -> RunResult:
    """A RunResult from a few hand-written families and event records (for testing measures)."""
    from simulation.results import COUNTERS

    frame = pd.DataFrame(families)
    for name in COUNTERS:
        if name not in frame:
            frame[name] = 0
        frame[f"{name}_policy"] = frame[name]
    if "has_plan" not in frame:
        frame["has_plan"] = False
    columns = ["time", "event", "family", "org", "org_kind", "target", "reason", "detail", "value", "flag"]
    records = pd.DataFrame([{**dict.fromkeys(columns, 0), **e} for e in events], columns=columns)
    days = np.arange(end_day)
    table = pd.DataFrame({"day": days, "year": (days - start_day) / 365.25, **(daily or {})})
    return RunResult(
        records=records,
        families=frame,
        daily=table,
        services=pd.DataFrame(),
        organisations=pd.DataFrame(),
        meta={"start_day": start_day, "end_day": end_day, "scale": scale},
    )


def police_decisions(result: RunResult, reason: Reason) -> pd.DataFrame:
    """Family and time of the police's decisions for `reason`."""
    return decisions(result, OrgKind.POLICE, reason)


def decisions(result: RunResult, org_kind: OrgKind, reason: Reason) -> pd.DataFrame:
    """Family and time of the decisions for `reason` by organisations of `org_kind`."""
    records = result.records
    chosen = (
        (records["event"] == EventKind.DECISION) & (records["reason"] == reason) & (records["org_kind"] == org_kind)
    )
    return records.loc[chosen, ["family", "time"]]
