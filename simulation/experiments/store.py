"""Incremental, resumable storage of an experiment: one file per finished run, written atomically.

`<dir>/experiment.json` describes the design (and its fingerprint); `<dir>/runs/<key>.npz` holds
one run's outcomes with its inputs and seed. A run file is written under a temporary name and
renamed, so a killed experiment leaves only complete runs; resuming skips them.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulation.errors import SpecError
from simulation.files import output_directory

LOCK_NAME = ".writing.lock"
_SCALAR = "scalar__"
_ARRAY = "array__"


class ExperimentStore:
    """Finished runs of one experiment, on disk."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.runs_dir = self.directory / "runs"

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the directory's lock while this process writes runs into it.

        A second process on the same directory (say the same command in another terminal) is
        refused instead of mixing its files with ours, or removing our half-written run as a
        leftover. A lock left by a process that no longer runs (killed) is taken over.

        Raises:
            SpecError: another process that still runs holds the lock.
        """
        output_directory(self.directory)  # a clear message from the Python API too, not FileExistsError
        self.directory.mkdir(parents=True, exist_ok=True)
        lock = self.directory / LOCK_NAME
        owner = {"pid": os.getpid(), "host": socket.gethostname()}
        for _attempt in range(2):
            try:
                with open(lock, "x", encoding="utf-8") as handle:
                    json.dump(owner, handle)
                break
            except FileExistsError:
                holder = _read_lock(lock)
                if holder.get("host") == owner["host"] and not _running(holder.get("pid")):
                    lock.unlink(missing_ok=True)  # left by a process that was killed
                    continue
                raise SpecError(
                    f"another samenloop process (pid {holder.get('pid', '?')} on {holder.get('host', '?')}) "
                    "is writing to this output directory",
                    file=str(self.directory),
                    field="--out",
                    fix=f"wait for it to finish or choose a new --out; if no such process runs, delete {lock}",
                ) from None
        try:
            yield
        finally:
            lock.unlink(missing_ok=True)

    def open(self, description: dict[str, Any], fingerprint: str, resume: bool) -> int:
        """Prepare the directory for a design; returns the number of runs already finished.

        Raises:
            SpecError: the directory holds another design, or finished runs without `resume`.
        """
        meta_path = self.directory / "experiment.json"
        if meta_path.exists():
            stored = json.loads(meta_path.read_text(encoding="utf-8"))
            done = len(self.done())
            if stored.get("fingerprint") != fingerprint:
                raise SpecError(
                    "this output directory holds another experiment (other scenarios or scenario contents, seeds, "
                    "samples, settings or model version)",
                    file=str(self.directory),
                    field="--out",
                    value=str(self.directory),
                    fix="choose a new --out directory; an experiment resumes only with the same command, "
                    "scenario files and model version",
                )
            if done and not resume:
                raise SpecError(
                    f"the output directory already holds {done} finished runs of this experiment",
                    file=str(self.directory),
                    field="--out",
                    fix="add --resume to continue it, or choose a new --out",
                )
        self.runs_dir.mkdir(parents=True, exist_ok=True)
        for partial in self.runs_dir.glob("*.tmp*"):
            partial.unlink()
        meta_path.write_text(
            json.dumps({**description, "fingerprint": fingerprint}, indent=2, default=str), encoding="utf-8"
        )
        return len(self.done())

    def done(self) -> set[str]:
        """Keys of the finished runs."""
        if not self.runs_dir.exists():
            return set()
        return {p.stem for p in self.runs_dir.glob("*.npz")}

    def save(self, key: str, inputs: dict[str, Any], outcomes: dict[str, Any]) -> None:
        """Persist one finished run atomically."""
        arrays: dict[str, np.ndarray] = {"inputs": np.array(json.dumps(inputs, default=float))}
        for name, value in outcomes.items():
            array = np.asarray(value, dtype=float)
            arrays[(_SCALAR if array.ndim == 0 else _ARRAY) + name] = array
        # The partial file must not end in `.npz`: `done()` would count it as a finished run
        # (np.savez appends `.npz` to a path, so it writes to an open file instead).
        tmp = self.runs_dir / f"{key}.tmp{os.getpid()}"
        with tmp.open("wb") as partial:
            np.savez(partial, **arrays)  # type: ignore[arg-type]
        os.replace(tmp, self.runs_dir / f"{key}.npz")

    def load(self, keys: list[str] | None = None) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
        """All (or the given) finished runs: a table of inputs and scalar outcomes, and stacked arrays."""
        keys = sorted(self.done()) if keys is None else keys
        rows, arrays = [], {}
        collected: dict[str, list[np.ndarray]] = {}
        for key in keys:
            with np.load(self.runs_dir / f"{key}.npz") as data:
                row = {"key": key, **json.loads(str(data["inputs"]))}
                for name in data.files:
                    if name.startswith(_SCALAR):
                        row[name[len(_SCALAR) :]] = float(data[name])
                    elif name.startswith(_ARRAY):
                        collected.setdefault(name[len(_ARRAY) :], []).append(data[name])
            rows.append(row)
        for name, values in collected.items():
            arrays[name] = np.stack(values)
        table = pd.DataFrame(rows).set_index("key") if rows else pd.DataFrame()
        return table, arrays


def _read_lock(lock: Path) -> dict[str, Any]:
    """Who holds a lock (empty if the file vanished or is unreadable)."""
    try:
        holder = json.loads(lock.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return holder if isinstance(holder, dict) else {}


def _running(pid: Any) -> bool:
    """Whether a process with this id runs on this machine."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it runs, under another user
        return True
    return True
