"""Material for exercises: the family chosen for the case review, and an example waiting list.

`escalated_case` picks, by fixed rules, a family whose violence escalated after the chain had
already seen it several times - the kind of case a casusreview looks at. It says which family
and when; finding where the chain could have acted is the trainee's work.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from simulation.enums import EventKind, Severity
from simulation.records import FACTS_LOST, NO_HOLDER, SENDER_KEEPS_SAFETY
from simulation.results import RunResult

_SIGNAL_EVENTS = (EventKind.SIGNAL, EventKind.REPORT, EventKind.ADVICE)


class EscalatedCase(NamedTuple):
    """A family and the time of its serious incident (the review looks at what came before)."""

    family: int
    escalation_time: float


def escalated_case(result: RunResult, min_reports: int = 2) -> EscalatedCase:
    """The family for the case review: a serious incident in the policy period after the chain had
    seen the family at least `min_reports` times, with facts lost at a handoff, a wait in which
    nobody held its safety and one in which the sender kept watching, signals at two or more
    organisations and no multi-agency meeting.

    Among those, the one whose signals reached the most organisations, then the one with the
    shortest history (readable in class), then the lowest id. Raises ValueError when none qualifies.
    """
    r = result.records
    in_policy = r["time"] >= result.start_day
    serious = r[(r["event"] == EventKind.INCIDENT) & (r["detail"] == Severity.SERIOUS) & in_policy]
    first_serious = serious.groupby("family")["time"].min()
    rows = []
    families = r[r["family"].isin(first_serious.index)]
    for family, events in families.groupby("family", sort=True):
        before = events[events["time"] < first_serious[family]]
        handoffs = before[before["event"] == EventKind.HANDOFF]
        signals = before[before["event"].isin(_SIGNAL_EVENTS)]
        n_reports = int((before["event"] == EventKind.REPORT).sum())
        if (
            n_reports >= min_reports
            and ((handoffs["flag"] & FACTS_LOST) > 0).any()
            and ((handoffs["flag"] & NO_HOLDER) > 0).any()
            and ((handoffs["flag"] & SENDER_KEEPS_SAFETY) > 0).any()
            and signals["org_kind"].nunique() >= 2
            and not (before["event"] == EventKind.MEETING).any()
        ):
            n_orgs = int(signals["org_kind"].nunique())
            rows.append((int(family), float(first_serious[family]), n_orgs, n_reports, len(before)))
    if not rows:
        raise ValueError("no family in this run fits the case review; use a longer run or another seed")
    table = pd.DataFrame(rows, columns=["family", "time", "organisations", "reports", "events"])
    best = table.sort_values(["organisations", "events", "family"], ascending=[False, True, True]).iloc[0]
    return EscalatedCase(int(best["family"]), float(best["time"]))


def example_candidates() -> pd.DataFrame:
    """A small, fixed waiting list for the action meeting (columns as the model gives a rule).

    Families 101-108: acute and non-acute families, with ties, in the order they were proposed.
    """
    return pd.DataFrame(
        {
            "family": np.array([101, 102, 103, 104, 105, 106, 107, 108]),
            "proposed_day": np.array([400.2, 400.9, 401.5, 402.0, 402.3, 403.1, 403.8, 404.4]),
            "waiting_days": np.array([6.8, 6.1, 5.5, 5.0, 4.7, 3.9, 3.2, 2.6]),
            "acute": np.array([False, True, False, False, True, False, True, False]),
            "risk_score": np.array([12.0, 8.5, 30.0, 12.0, 22.0, 4.0, 22.0, 12.0]),
            "children": np.array([2, 0, 1, 2, 3, 0, 1, 2]),
            "serious_incidents": np.array([1, 0, 3, 1, 2, 0, 2, 1]),
            "reports": np.array([3, 1, 6, 3, 4, 1, 2, 3]),
            "care_avoiding": np.array([False, False, True, False, False, False, True, False]),
            "region": np.zeros(8, dtype=int),
        }
    )
