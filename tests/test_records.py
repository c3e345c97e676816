"""The event log: batches of scalars and arrays become the same columns as one-by-one records."""

from __future__ import annotations

import numpy as np

from simulation import records
from simulation.enums import EventKind, Reason
from simulation.records import EventLog


def test_batches_of_scalars_and_arrays_give_the_same_records_as_single_adds(monkeypatch) -> None:
    monkeypatch.setattr(records, "_STAGE_LIMIT", 3)  # several flushes while recording
    batched, single = EventLog(), EventLog()
    batched.add(0.5, EventKind.POLICY, reason=Reason.MECHANISM_RAMP, detail=2)
    batched.add_many(np.array([1.0, 1.5]), EventKind.INCIDENT, family=np.array([3, 4]), value=np.float64(2.5))
    batched.add_many(2.0, EventKind.HANDOFF, family=np.array([5]), org=np.array(7), target=np.array([8]), flag=5)
    batched.add_many(np.empty(0), EventKind.HANDOFF, family=np.empty(0, dtype=int))  # nothing recorded
    batched.add_many(
        np.array([3.0, 3.0, 2.5]), EventKind.DECISION, family=np.array([1, 2, 3]), reason=Reason.CLOSE_WITH_ADVICE
    )
    single.add(0.5, EventKind.POLICY, reason=Reason.MECHANISM_RAMP, detail=2)
    for time, family in ((1.0, 3), (1.5, 4)):
        single.add(time, EventKind.INCIDENT, family=family, value=2.5)
    single.add(2.0, EventKind.HANDOFF, family=5, org=7, target=8, flag=5)
    for time, family in ((3.0, 1), (3.0, 2), (2.5, 3)):
        single.add(time, EventKind.DECISION, family=family, reason=Reason.CLOSE_WITH_ADVICE)

    assert len(batched) == len(single) == 7
    got, expected = batched.arrays(), single.arrays()
    for name in records.COLUMNS:
        assert got[name].dtype == expected[name].dtype, name
        assert np.array_equal(got[name], expected[name]), f"column {name}: {got[name]} != {expected[name]}"
    assert got["time"].tolist() == [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.0]  # sorted, ties keep their order
    assert got["family"].tolist() == [-1, 3, 4, 5, 3, 1, 2]
