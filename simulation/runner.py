"""Run one scenario and write its outputs (Parquet + CSV) atomically, with provenance."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from simulation import metrics
from simulation.model import ChainModel
from simulation.parameters.scenario import Scenario
from simulation.prioritisation import PrioritisationRule
from simulation.results import RunResult, collect, snapshot_counters
from simulation.scenario_files import load_scenario
from simulation.warmup import WARMUP_YEARS


def run_scenario(
    scenario: Scenario | str,
    *,
    scale: str = "region",
    years: float = 5.0,
    seed: int = 0,
    warmup_years: float = WARMUP_YEARS,
    prioritisation: PrioritisationRule | None = None,
) -> RunResult:
    """Simulate one scenario (a `Scenario` or a scenario name/path) and collect its outputs."""
    params = load_scenario(scenario) if isinstance(scenario, str | Path) else scenario
    model = ChainModel(
        params, scale=scale, years=years, warmup_years=warmup_years, seed=seed, prioritisation=prioritisation
    )
    if model.start_day > 0:  # Mesa warns about a run of zero days
        model.run_for(model.start_day)
    at_start = snapshot_counters(model)
    model.run_for(model.horizon_days - model.start_day)
    return collect(model, at_start, years=years, warmup_years=warmup_years)


def _write_parquet(frame: pd.DataFrame, path: Path, meta: dict[str, Any]) -> None:
    table = pa.Table.from_pandas(frame, preserve_index=False)
    existing = table.schema.metadata or {}
    table = table.replace_schema_metadata({**existing, b"samenloop": json.dumps(meta, default=str).encode()})
    pq.write_table(table, path)


def _write_csv(frame: pd.DataFrame, path: Path, meta: dict[str, Any]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# samenloop provenance: {json.dumps(meta, default=str)}\n")
        frame.to_csv(handle, index=False)


def write_result(result: RunResult, out_dir: Path, csv_all: bool = False) -> Path:
    """Write every table of a run into `out_dir`, atomically (a complete directory or none).

    Parquet for all tables; CSV for the summary tables (and for everything with `csv_all`).
    Each file carries the run's provenance (Parquet metadata, a CSV comment line, provenance.json).
    """
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        meta = result.meta
        summary = pd.DataFrame([{"metric": k, "value": v} for k, v in metrics.compute(result).items()])
        tables = {
            "records": result.records,
            "families": result.families,
            "daily": result.daily,
            "services": result.services,
            "organisations": result.organisations,
            "metrics": summary,
        }
        for name, frame in tables.items():
            _write_parquet(frame, staging / f"{name}.parquet", meta)
            if csv_all or name in ("daily", "metrics", "services", "organisations"):
                _write_csv(frame, staging / f"{name}.csv", meta)
        (staging / "provenance.json").write_text(json.dumps(meta, indent=2, default=str), encoding="utf-8")
        replace_dir(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out_dir


def replace_dir(staging: Path, target: Path) -> None:
    """Put the finished `staging` directory in the place of `target` (never half-written)."""
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(target)
