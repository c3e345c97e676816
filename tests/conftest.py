"""Shared fixtures: small seeded runs reused across tests (region scale, short horizons)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from simulation.results import RunResult
from simulation.runner import run_scenario

ROOT = Path(__file__).resolve().parents[1]
SHORT = {"scale": "region", "years": 1.5, "warmup_years": 0.5}


@pytest.fixture(scope="session")
def baseline() -> RunResult:
    """Current practice, region scale, 1.5 years, seed 11."""
    return run_scenario("current-practice", seed=11, **SHORT)


@pytest.fixture(scope="session")
def samenloop_cmd() -> list[str]:
    """How to call the command-line tool of this environment."""
    exe = Path(sys.executable).with_name("samenloop")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "simulation.cli"]


@pytest.fixture()
def clean_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SAMENLOOP_SCENARIOS", None)
    return env
