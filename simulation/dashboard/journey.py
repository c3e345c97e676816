"""Case journey (casusreview): one family's path through the chain, read from the event records.

Rows are built from `EventLog.family_arrays` (one family's records, without building a frame of
the whole log) and described in Dutch or English: incidents and who saw them, signals, reports,
triage and safety assessments, decisions, handoffs with their waiting time and whether facts
were lost, start of work after waiting, measures, meetings and phase changes - and, for every
wait, who held the family's safety (the sender kept watch, or nobody did).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from simulation.dashboard import i18n
from simulation.enums import EventKind, SafetyPhase, Severity
from simulation.records import FACTS_LOST, JOINT, NO_HOLDER, REFUSED, SENDER_KEEPS_SAFETY

if TYPE_CHECKING:
    from simulation.model import ChainModel

DAYS_PER_YEAR = 365.25
LANES = ("incident", "signal", "assessment", "decision", "handoff", "work", "measure", "phase")
LANE_OF: dict[int, str] = {
    EventKind.INCIDENT: "incident",
    EventKind.SIGNAL: "signal",
    EventKind.REPORT: "signal",
    EventKind.ADVICE: "signal",
    EventKind.TRIAGE: "assessment",
    EventKind.ASSESSMENT: "assessment",
    EventKind.DECISION: "decision",
    EventKind.HANDOFF: "handoff",
    EventKind.HANDOFF_START: "work",
    EventKind.CASE_START: "work",
    EventKind.CASE_END: "work",
    EventKind.MEASURE_START: "measure",
    EventKind.MEETING: "measure",
    EventKind.PHASE_CHANGE: "phase",
}


@dataclass(frozen=True)
class JourneyEvent:
    """One described event of a family's journey."""

    time: float  # model time (days)
    year: float  # policy year
    lane: str
    event: str
    organisation: str
    what: str
    safety: str
    wait_days: float
    facts_lost: bool


def escalated_families(model: ChainModel, limit: int = 40) -> list[int]:
    """Families known to Veilig Thuis that had a serious incident: most serious first, then most handoffs."""
    pop = model.population
    idx = np.flatnonzero((pop.n_serious > 0) & ~np.isnan(pop.first_report_time))
    if idx.size == 0:
        return []
    order = np.lexsort((idx, -pop.n_handoffs[idx], -pop.n_serious[idx]))
    return [int(i) for i in idx[order][:limit]]


def events(model: ChainModel, family: int, lang: str) -> list[JourneyEvent]:
    """Every described event of `family` so far, in time order."""
    cols = model.log.family_arrays(family)
    out = []
    start = model.start_day
    for i in range(cols["time"].size):
        kind = int(cols["event"][i])
        if kind not in LANE_OF:
            continue
        row = {name: col[i].item() for name, col in cols.items()}
        what, safety, wait, lost = _describe(model, kind, row, lang)
        org_kind = int(row["org_kind"])
        out.append(
            JourneyEvent(
                time=float(row["time"]),
                year=(float(row["time"]) - start) / DAYS_PER_YEAR,
                lane=LANE_OF[kind],
                event=i18n.event(kind, lang),
                organisation=i18n.org(org_kind, lang) if org_kind >= 0 else "",
                what=what,
                safety=safety,
                wait_days=wait,
                facts_lost=lost,
            )
        )
    return out


def _describe(model: ChainModel, kind: int, row: dict[str, Any], lang: str) -> tuple[str, str, float, bool]:
    """(what happened, who held safety, waiting days, facts lost) for one record."""
    t = i18n.t
    detail, reason, flag, value = int(row["detail"]), int(row["reason"]), int(row["flag"]), float(row["value"])
    if kind == EventKind.INCIDENT:
        severity = t("serious", lang) if detail == Severity.SERIOUS else t("minor", lang)
        return f"{severity} · {i18n.source(reason, lang)}", "", 0.0, False
    if kind in (EventKind.SIGNAL, EventKind.ADVICE):
        return i18n.source(detail, lang), "", 0.0, False
    if kind == EventKind.REPORT:
        return f"{i18n.report_kind(detail, lang)} · {i18n.source(reason, lang)}", "", 0.0, False
    if kind == EventKind.TRIAGE:
        acute = f" · {t('acute', lang)}" if detail else ""
        joint = f" · {t('joint', lang)}" if flag & JOINT else ""
        return f"{t('since_report', lang, days=value)}{acute}{joint}", "", 0.0, False
    if kind == EventKind.ASSESSMENT:
        verdict = t("unsafe", lang) if detail else t("safe", lang)
        truth = t("unsafe", lang) if value > 0 else t("safe", lang)
        in_truth = "in werkelijkheid" if lang == "nl" else "in truth"
        return f"{verdict} ({in_truth}: {truth})", "", 0.0, False
    if kind in (EventKind.DECISION, EventKind.MEETING, EventKind.CASE_END):
        return i18n.reason(reason, lang), "", 0.0, False
    if kind == EventKind.HANDOFF:
        parts = [f"{t('to', lang)} {i18n.org(detail, lang)}"]
        if reason:
            parts.append(i18n.reason(reason, lang))
        parts.append(t("wait", lang, days=value))
        lost = bool(flag & FACTS_LOST)
        if lost:
            parts.append(t("lost", lang))
        if flag & REFUSED:
            parts.append(t("refused", lang))
        sender = int(row["org_kind"])
        if flag & SENDER_KEEPS_SAFETY:
            safety = t("holder_sender", lang, org=i18n.org(sender, lang))
        else:
            safety = t("holder_nobody", lang)
        return " · ".join(parts), safety, value, lost
    if kind in (EventKind.CASE_START, EventKind.HANDOFF_START):
        text = f"{i18n.service(detail, lang)} · {t('wait', lang, days=value)}"
        safety = t("holder_nobody", lang) if flag & NO_HOLDER else ""
        return text, safety, 0.0, False
    if kind == EventKind.MEASURE_START:
        return f"{i18n.measure(detail, lang)} · {t('for_days', lang, days=value)}", "", 0.0, False
    if kind == EventKind.PHASE_CHANGE:
        return f"{i18n.phase(int(value), lang)} → {i18n.phase(detail, lang)}", "", 0.0, False
    return "", "", 0.0, False


def summary(model: ChainModel, family: int, lang: str) -> str:
    """One line: phase now, counts of incidents, reports, professionals, handoffs, facts lost, lead."""
    pop = model.population
    lead = int(pop.lead_org[family])
    lead_name = i18n.org(int(model.org_kind[lead]), lang) if lead >= 0 else i18n.t("nobody", lang)
    return i18n.t(
        "journey_summary",
        lang,
        phase=i18n.phase(int(pop.phase[family]), lang),
        incidents=int(pop.n_incidents[family]),
        serious=int(pop.n_serious[family]),
        reports=int(pop.n_reports[family]),
        professionals=int(pop.n_professionals[family]),
        handoffs=int(pop.n_handoffs[family]),
        lost=int(pop.n_facts_lost[family]),
        lead=lead_name,
    )


def timeline_rows(journey: list[JourneyEvent], lang: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows for `charts.timeline_chart`, and the lane labels in order."""
    lane_label = {lane: i18n.t(f"lane_{lane}", lang) for lane in LANES}
    rows = []
    for e in journey:
        tip = f"{e.event} · {e.organisation} · {e.what}".replace(" ·  · ", " · ").strip(" ·")
        if e.safety:
            tip += f" · {i18n.t('col_safety', lang)}: {e.safety}"
        day = i18n.t("col_day", lang)
        rows.append(
            {
                "x": round(e.year, 4),
                "x2": round(e.year + e.wait_days / DAYS_PER_YEAR, 4),
                "lane": lane_label[e.lane],
                "lost": e.facts_lost,
                "tip": f"{day} {e.time:.1f}: {tip}",
            }
        )
    return rows, [lane_label[lane] for lane in LANES]


def phase_bands(model: ChainModel, family: int, lang: str) -> list[dict[str, Any]]:
    """Bands of the family's phase of safety on the phase lane, from its phase-change records.

    A family the chain knew before the run (or before its first recorded change) is in a phase no
    record opened: its band runs from when it entered that phase, or from the run's first day.
    """
    cols = model.log.family_arrays(family)
    sel = cols["event"] == EventKind.PHASE_CHANGE
    times = cols["time"][sel].tolist()
    phases = cols["detail"][sel].tolist()
    pop = model.population
    first_phase = int(cols["value"][sel][0]) if times else int(pop.phase[family])
    if first_phase != SafetyPhase.NOT_IN_VIEW:
        since = 0.0 if times else max(float(pop.phase_since[family]), 0.0)
        times, phases = [since, *times], [first_phase, *phases]
    ends = [*times[1:], float(model.time)]
    lane = i18n.t("lane_phase", lang)
    return [
        {
            "x": round((t0 - model.start_day) / DAYS_PER_YEAR, 4),
            "x2": round((t1 - model.start_day) / DAYS_PER_YEAR, 4),
            "lane": lane,
            "phase": i18n.phase(int(p), lang),
        }
        for t0, t1, p in zip(times, ends, phases, strict=True)
        if t1 > t0
    ]
