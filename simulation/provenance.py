"""Provenance: what produced an output (scenario hash, seed, versions), attached to every file."""

from __future__ import annotations

import hashlib
import platform
import subprocess
from datetime import UTC, datetime
from functools import cache
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


# Code that only reads finished runs (analysis, reports, the command line) or never runs the
# model (course, dashboard): changing it changes no run, so it must not make stored runs unusable.
# tests/test_experiment_infrastructure.py checks that a run loads none of it.
NOT_IN_FINGERPRINT = (
    "course/",
    "dashboard/",
    "cli.py",
    "cli_errors.py",
    "compare.py",
    "appraisal.py",
    "report.py",
    "plots.py",
    "docs.py",
    "exploration/analysis.py",
    "exploration/report.py",
)


@cache
def model_fingerprint() -> str:
    """A hash of the model's source code and of the numeric libraries it draws with.

    Stored runs (an experiment to resume, the course's run cache) are reused only under the same
    fingerprint. Code that changes no run (`NOT_IN_FINGERPRINT`) is left out.
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if any(relative == name or (name.endswith("/") and relative.startswith(name)) for name in NOT_IN_FINGERPRINT):
            continue
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    for library in ("numpy", "pandas", "scipy", "mesa"):
        digest.update(f"{library}={_version(library)}".encode())
    return digest.hexdigest()[:16]
