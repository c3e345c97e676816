"""Provenance: what produced an output (scenario hash, seed, versions), attached to every file."""

from __future__ import annotations

import platform
import subprocess
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def _git_commit() -> str:
    root = Path(__file__).resolve().parents[1]
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip() or "unknown"


def provenance(**run: Any) -> dict[str, Any]:
    """Provenance of a run: the given run settings plus package, Mesa, Python versions and time."""
    return {
        **run,
        "samenloop_version": _version("samenloop"),
        "git_commit": _git_commit(),
        "mesa_version": _version("mesa"),
        "numpy_version": _version("numpy"),
        "python_version": platform.python_version(),
        "created_utc": datetime.now(UTC).isoformat(timespec="seconds"),
    }
