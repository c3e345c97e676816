"""Flat event records: one row per incident, signal, report, decision, handoff, phase change, ...

Like Ciw's `DataRecord`, records are written once and never changed; metrics are pure
functions over them (`simulation.metrics`). The log is columnar: scalar events are staged in
Python lists, batches of events arrive as numpy arrays, and `frame()` returns one pandas
DataFrame sorted by time.

Columns:
    time     model time in days (continuous; day d is [d, d+1))
    event    EventKind
    family   family id (-1 for events without a family, e.g. staff changes)
    org      organisation id (-1 when none)
    org_kind OrgKind of `org` (-1 when none)
    target   receiving organisation id for handoffs (-1 otherwise)
    reason   Reason: the decision taken or why it happened (incidents and reports: the SignalSource)
    detail   event-specific code (severity, signal source, report kind, new phase, measure, 1 for an
             acute triage, ...)
    value    event-specific number (waiting days, delay days, latent rate, ...)
    flag     bit field: 1 facts lost, 2 refused, 4 sender keeps safety, 8 joint work, 16 no holder,
             32 dropped out
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from simulation.arrays import stack_batches
from simulation.enums import EventKind, OrgKind, Reason, SignalSource

FACTS_LOST = 1
REFUSED = 2
SENDER_KEEPS_SAFETY = 4
JOINT = 8
NO_HOLDER = 16
DROPPED_OUT = 32

# The narrowest types that hold every value: 25 bytes a record, and a national run writes 17 million.
# Codes are enum values, mechanism numbers or VT regions, all under 128, and organisation ids stay
# under 32,768 (tests/test_records.py checks both). numpy would wrap a value that does not fit.
COLUMNS: dict[str, Any] = {
    "time": np.float64,
    "event": np.int8,
    "family": np.int32,
    "org": np.int16,
    "org_kind": np.int8,
    "target": np.int16,
    "reason": np.int8,
    "detail": np.int8,
    "value": np.float32,
    "flag": np.int8,
}
_NAMES = tuple(COLUMNS)
# Batches held before they are written into columns. 20,000 raised a national run's peak memory by
# 60 MB. 5,000 (with the narrower columns) left a region run's time within noise: median 9.97 s
# against 9.81 s, five interleaved runs each (benchmarks/ab_revisions.py).
_STAGE_LIMIT = 5_000


class EventLog:
    """Append-only columnar log of event records.

    Batches are kept as given (scalars and array references) and written into columns in
    large blocks, which keeps the cost of recording a batch to a list append.
    """

    def __init__(self) -> None:
        self._chunks: dict[str, list[np.ndarray]] = {name: [] for name in _NAMES}
        self._batches: list[tuple[int, tuple[Any, ...]]] = []
        self._pending_rows = 0
        self._rows = 0

    def __len__(self) -> int:
        return self._rows

    def add(
        self,
        time: float,
        event: int,
        family: int = -1,
        org: int = -1,
        org_kind: int = -1,
        target: int = -1,
        reason: int = 0,
        detail: int = 0,
        value: float = 0.0,
        flag: int = 0,
    ) -> None:
        """Record one event."""
        self._append(1, (time, event, family, org, org_kind, target, reason, detail, value, flag))

    def add_many(
        self,
        time: ArrayLike,
        event: int,
        family: ArrayLike,
        org: ArrayLike = -1,
        org_kind: ArrayLike = -1,
        target: ArrayLike = -1,
        reason: ArrayLike = 0,
        detail: ArrayLike = 0,
        value: ArrayLike = 0.0,
        flag: ArrayLike = 0,
    ) -> None:
        """Record a batch of events of one kind; scalars are broadcast.

        Arrays are kept by reference until the log is read: do not change them afterwards.
        """
        n = len(family)  # type: ignore[arg-type]
        if n:
            self._append(n, (time, event, family, org, org_kind, target, reason, detail, value, flag))

    def _append(self, n: int, values: tuple[Any, ...]) -> None:
        self._batches.append((n, values))
        self._pending_rows += n
        self._rows += n
        if len(self._batches) >= _STAGE_LIMIT:
            self._flush()

    def _flush(self) -> None:
        """Write the held batches into one block per column (vectorised over batches)."""
        if not self._batches:
            return
        sizes, rows = zip(*self._batches, strict=True)
        for name, values in zip(_NAMES, zip(*rows, strict=True), strict=True):
            self._chunks[name].append(stack_batches(values, sizes, COLUMNS[name]))
        self._batches = []
        self._pending_rows = 0

    def arrays(self) -> dict[str, np.ndarray]:
        """All records as columns, sorted by time (stable: same-time events keep their order).

        The arrays are new: the caller may change them. They are built one at a time, so the
        peak memory is the log, the arrays and about two columns more (a national run's log is
        400 MB).
        """
        self._flush()
        time = self._column("time")
        order = None if bool((time[1:] >= time[:-1]).all()) else np.argsort(time, kind="stable")
        del time
        return {name: self._column(name) if order is None else self._column(name)[order] for name in _NAMES}

    def _column(self, name: str) -> np.ndarray:
        """One column of all stored records in the order written (a new array)."""
        chunks = self._chunks[name]
        return np.concatenate(chunks) if chunks else np.empty(0, dtype=COLUMNS[name])

    def _merge_chunks(self) -> None:
        """One block per column (column by column, so the old blocks go before the next is built)."""
        for name, chunks in self._chunks.items():
            if len(chunks) != 1:
                self._chunks[name] = [np.concatenate(chunks) if chunks else np.empty(0, dtype=COLUMNS[name])]

    def family_arrays(self, family: int) -> dict[str, np.ndarray]:
        """The records of one family as columns, sorted by time (same rows as filtering `arrays()`).

        For live views (the dashboard's case journey): it filters block by block instead of
        building and sorting the whole log, and merges small blocks so repeated calls stay cheap.
        """
        self._flush()
        if len(self._chunks["family"]) > 8:
            self._merge_chunks()
        masks = [chunk == family for chunk in self._chunks["family"]]
        columns = {
            name: (
                np.concatenate([c[m] for c, m in zip(chunks, masks, strict=True)])
                if chunks
                else np.empty(0, dtype=COLUMNS[name])
            )
            for name, chunks in self._chunks.items()
        }
        order = np.argsort(columns["time"], kind="stable")
        return {name: column[order] for name, column in columns.items()}

    def frame(self, labels: bool = False) -> pd.DataFrame:
        """The log as a DataFrame; with `labels`, enum codes become readable category names."""
        frame = pd.DataFrame(self.arrays(), copy=False)  # the arrays are new: no need to copy them again
        return label_events(frame) if labels else frame


def label_events(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of an event frame with readable names for event, organisation kind and reason."""
    out = frame.copy()
    out["event"] = pd.Categorical.from_codes(frame["event"].astype(int), [e.name.lower() for e in EventKind])
    kinds = [k.name.lower() for k in OrgKind]
    out["org_kind"] = pd.Categorical.from_codes(frame["org_kind"].astype(int).clip(-1), kinds)
    # Incidents and reports carry in `reason` who brought them into view (a SignalSource), not a Reason.
    by_source = frame["event"].isin([EventKind.INCIDENT, EventKind.REPORT]).to_numpy()
    codes = np.where(by_source, len(Reason) + frame["reason"].to_numpy(int), frame["reason"].to_numpy(int))
    names = [r.name.lower() for r in Reason] + [s.name.lower() for s in SignalSource]
    out["reason"] = pd.Categorical.from_codes(codes, names)
    return out
