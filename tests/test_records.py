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


def test_every_code_and_organisation_id_fits_its_record_column() -> None:
    """The columns are as narrow as the codes allow; numpy would wrap a code that does not fit."""
    import enum

    from simulation import enums
    from simulation.model import ChainModel
    from simulation.scale import N_VT_REGIONS
    from simulation.scenario_files import load_scenario
    from simulation.services import ServiceKind

    code_max = np.iinfo(records.COLUMNS["detail"]).max
    assert np.iinfo(records.COLUMNS["reason"]).max == code_max
    code_enums = [
        e for e in vars(enums).values() if isinstance(e, type) and issubclass(e, enum.IntEnum) and e is not enum.IntEnum
    ]
    assert len(code_enums) >= 10  # every enum of simulation.enums, and the services
    for codes in [*code_enums, ServiceKind]:
        assert max(int(c) for c in codes) <= code_max, codes
    assert code_max >= N_VT_REGIONS  # detail of a region's conversion
    flags = (records.FACTS_LOST, records.REFUSED, records.SENDER_KEEPS_SAFETY, records.JOINT)
    assert sum((*flags, records.NO_HOLDER, records.DROPPED_OUT)) <= np.iinfo(records.COLUMNS["flag"]).max

    model = ChainModel(load_scenario("combined"), scale="national", years=0.01, warmup_years=0.0, seed=1)
    assert len(type(model.mechanisms.params).model_fields) <= code_max  # detail of a mechanism's policy event
    assert len(model.orgs) <= np.iinfo(records.COLUMNS["org"]).max
    assert records.COLUMNS["target"] == records.COLUMNS["org"]


def test_reading_the_log_midway_changes_neither_order_nor_content() -> None:
    """Records written after a reading still sort as if the log had never been read, and changing
    what was read leaves the log as it was."""
    read_midway, read_once = EventLog(), EventLog()
    first = (np.array([2.0, 1.0, 2.0, 1.0]), np.array([10, 11, 12, 13]))
    later = (np.array([1.0, 2.0, 0.5, 3.0]), np.array([20, 21, 22, 23]))
    for log in (read_midway, read_once):
        log.add_many(first[0], EventKind.INCIDENT, family=first[1])
    midway = read_midway.arrays()
    assert midway["family"].tolist() == [11, 13, 10, 12]
    midway["family"][:] = -5  # the caller's copy
    for log in (read_midway, read_once):
        log.add_many(later[0], EventKind.REPORT, family=later[1])
    got, expected = read_midway.arrays(), read_once.arrays()
    for name in records.COLUMNS:
        assert np.array_equal(got[name], expected[name]), name
    assert got["family"].tolist() == [22, 11, 13, 20, 10, 12, 21, 23]
    assert read_midway.frame()["family"].tolist() == got["family"].tolist()
