"""Work items: one row per job or case that an organisation takes on for a family.

A job (a triage, an investigation, a decision) or a case (monitoring, supervision, help) is a
row in a structure-of-arrays table, so that the decisions at the end of a batch of jobs can be
computed with numpy. Queues hold job ids only.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from simulation.arrays import IntArray

_FIELDS: dict[str, tuple[type, float]] = {
    "family": (np.int32, -1),
    "service": (np.int16, -1),  # ServiceKind
    "queue": (np.int32, -1),  # index of the queue instance in the model's queue list
    "priority": (np.int8, 1),  # 0 acute, 1 normal
    "created": (np.float64, np.nan),  # when the sender decided
    "arrival": (np.float64, np.nan),  # when it reached the receiving queue
    "start": (np.float64, np.nan),
    "end": (np.float64, np.nan),
    "hours": (np.float64, 0.0),  # professional hours the job takes
    "sender": (np.int32, -1),  # organisation that sent it (-1: the family or a signal)
    "holder": (np.int32, -1),  # organisation holding the family's safety while it waits (-1 none)
    "reason": (np.int16, 0),  # Reason it was created for
    "flags": (np.int16, 0),  # records.* bit flags (joint work, facts lost, ...)
    "extra": (np.float64, 0.0),  # service-specific number (e.g. measure duration)
}
ACUTE = 0
NORMAL = 1


class JobTable:
    """Growable table of jobs; `new(...)` returns the ids of the added rows."""

    family: NDArray[np.int32]
    service: NDArray[np.int16]
    queue: NDArray[np.int32]
    priority: NDArray[np.int8]
    created: NDArray[np.float64]
    arrival: NDArray[np.float64]
    start: NDArray[np.float64]
    end: NDArray[np.float64]
    hours: NDArray[np.float64]
    sender: NDArray[np.int32]
    holder: NDArray[np.int32]
    reason: NDArray[np.int16]
    flags: NDArray[np.int16]
    extra: NDArray[np.float64]

    def __init__(self, capacity: int = 4096) -> None:
        self.size = 0
        self._capacity = capacity
        for name, (dtype, fill) in _FIELDS.items():
            setattr(self, name, np.full(capacity, fill, dtype=dtype))

    def __len__(self) -> int:
        return self.size

    def _grow(self, needed: int) -> None:
        """Room for `needed` rows: the capacity grows by half at a time (doubling left a national
        run's table, 71 bytes a row, up to half empty: 0.3 GB for 2.3 million jobs)."""
        capacity = self._capacity
        while capacity < needed:
            capacity += capacity // 2
        for name, (dtype, fill) in _FIELDS.items():
            old = getattr(self, name)
            new: NDArray[Any] = np.full(capacity, fill, dtype=dtype)
            new[: self.size] = old[: self.size]
            setattr(self, name, new)
        self._capacity = capacity

    def new(self, n: int, **values: object) -> IntArray:
        """Add `n` jobs; keyword values (scalars or arrays of length n) fill the named fields."""
        if self.size + n > self._capacity:
            self._grow(self.size + n)
        ids = np.arange(self.size, self.size + n)
        for name, value in values.items():
            getattr(self, name)[ids] = value
        self.size += n
        return ids
