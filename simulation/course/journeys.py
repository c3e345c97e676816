"""Reading a family's event records: a readable journey and the names behind the codes.

The exercises ask trainees to work with the raw records (`result.records`, codes and flag bits)
and show them the same events as a readable table (`journey`). Column meanings are in
`simulation.records`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from simulation.enums import EventKind, Measure, OrgKind, SafetyPhase, SignalSource
from simulation.records import FACTS_LOST, JOINT, NO_HOLDER, REFUSED, SENDER_KEEPS_SAFETY, label_events
from simulation.results import RunResult
from simulation.services import SERVICES, ServiceKind

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# Functions in which a (new) professional meets the family (`ServiceSpec.professional`).
PROFESSIONAL_SERVICES: frozenset[int] = frozenset(int(s) for s in ServiceKind if SERVICES[s].professional)
FLAGS = {
    FACTS_LOST: "facts_lost",
    REFUSED: "refused",
    SENDER_KEEPS_SAFETY: "sender_keeps_safety",
    JOINT: "joint",
    NO_HOLDER: "nobody_holds_safety",
}


def org_label(kind: int) -> str:
    """Readable name of an organisation kind code (empty for -1, no organisation)."""
    return OrgKind(int(kind)).label if int(kind) >= 0 else ""


def phase_name(code: int) -> str:
    """`direct`, `stable`, `recovery` or `not_in_view` for a SafetyPhase code."""
    return SafetyPhase(int(code)).name.lower()


def service_name(code: int) -> str:
    """Readable name of a ServiceKind code (the function a case start belongs to)."""
    return ServiceKind(int(code)).name.lower()


def flag_names(flag: int) -> list[str]:
    """The names of the bits set in a record's `flag`."""
    return [name for bit, name in FLAGS.items() if int(flag) & bit]


def journey(result: RunResult, family: int) -> pd.DataFrame:
    """Every event of one family as a readable table, in time order.

    Columns: `time` (model day), `policy_day` (days since the policy start; negative in the
    warm-up), `event`, `organisation`, `to` (receiver of a handoff), `reason`, `service` (of a
    case start), `days` (handoff: days until the receiver has it; case start: days it waited
    there; measure: how long it lasts; triage: days since the report), and one True/False
    column per flag.
    """
    records = result.records
    if family not in set(result.families["family"].tolist()):
        raise ValueError(f"family {family} is not in this run (ids 0-{len(result.families) - 1})")
    own = records[records["family"] == family]
    labelled = label_events(own)
    event = own["event"].to_numpy()
    out = pd.DataFrame(
        {
            "time": own["time"].to_numpy(),
            "policy_day": (own["time"] - result.start_day).round(1).to_numpy(),
            "event": labelled["event"].astype(str).to_numpy(),
            "organisation": [org_label(k) for k in own["org_kind"].tolist()],
            "to": [
                OrgKind(int(d)).label if e == EventKind.HANDOFF else ""
                for e, d in zip(event, own["detail"], strict=True)
            ],
            "reason": labelled["reason"].astype(str).to_numpy(),
            "service": [
                service_name(d) if e == EventKind.CASE_START else "" for e, d in zip(event, own["detail"], strict=True)
            ],
            "days": np.where(
                np.isin(event, [EventKind.HANDOFF, EventKind.CASE_START, EventKind.MEASURE_START, EventKind.TRIAGE]),
                own["value"].to_numpy(float),
                np.nan,
            ),
        }
    )
    for bit, name in FLAGS.items():
        out[name] = (own["flag"].to_numpy() & bit) > 0
    detail = own["detail"].tolist()
    out["reason"] = [_reason(e, d, r) for e, d, r in zip(event.tolist(), detail, out["reason"].tolist(), strict=True)]
    return out.reset_index(drop=True)


def _reason(event: int, detail: int, reason: str) -> str:
    """What an event's code means where `reason` alone says nothing (it is then `none`)."""
    if event == EventKind.PHASE_CHANGE:
        return f"to {phase_name(detail)}"
    if event == EventKind.ASSESSMENT:
        return "assessed unsafe" if detail else "assessed safe"
    if event == EventKind.TRIAGE:
        return "acute" if detail else "normal priority"
    if event in (EventKind.SIGNAL, EventKind.ADVICE):
        return SignalSource(detail).name.lower()
    if event == EventKind.MEASURE_START:
        return Measure(detail).name.lower()
    return reason


def plot_phases(timeline: pd.DataFrame, ax: Axes | None = None, title: str = "") -> Axes:
    """Draw a phase timeline (columns `phase`, `start`, `end`) as coloured bars over time."""
    import matplotlib.pyplot as plt

    colours = {"not_in_view": "#bbbbbb", "direct": "#d9534f", "stable": "#f0ad4e", "recovery": "#5cb85c"}
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 1.8))
    for row in timeline.itertuples():
        ax.barh(0, row.end - row.start, left=row.start, color=colours.get(str(row.phase), "#777777"))
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in colours.values()]
    ax.legend(handles, list(colours), ncol=4, loc="upper center", bbox_to_anchor=(0.5, -0.45), frameon=False)
    ax.set_yticks([])
    ax.set_xlabel("model day")
    ax.set_title(title or "Phases of safety over time")
    return ax
