"""A family enters view (phase DIRECT) at the time of its own signal, not at another family's.

Regression test: the police and report pathways passed one time for the whole day's batch, so a
family's phase change could be recorded before the incident that brought it into view.
"""

from __future__ import annotations

import numpy as np

from simulation.enums import EventKind, SafetyPhase
from simulation.results import RunResult


def test_entering_view_happens_at_the_families_own_signal(baseline: RunResult) -> None:
    r = baseline.records
    entered = r[(r["event"] == EventKind.PHASE_CHANGE) & (r["detail"] == SafetyPhase.DIRECT) & (r["value"] == 0)]
    seen = r[r["event"].isin([EventKind.SIGNAL, EventKind.REPORT])][["family", "time"]]
    pairs = entered[["family", "time"]].merge(seen, on="family", suffixes=("", "_signal"))
    gap = (pairs["time_signal"] - pairs["time"]).abs()
    nearest = gap.groupby(pairs["family"]).min()
    assert len(nearest) > 100, f"expected many families entering view, got {len(nearest)}"
    assert np.allclose(nearest.to_numpy(), 0.0), (
        f"every family enters view at one of its own signals; largest gap {nearest.max():.3f} days"
    )
