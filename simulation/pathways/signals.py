"""From incident to signal: who sees an incident, and what reaches Veilig Thuis.

An incident is serious with a chance that rises with the family's risk; it is seen by police
(a callout), by a professional already working with the family, by another professional, by
the victim or a bystander - or by nobody. Seen incidents become police callouts, advice
requests or reports (FIGURES B: reporters). Reports are classified as new, repeat
(hermelding) or follow-up (vervolgmelding) from the family's history (FIGURES T5).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from simulation import phases
from simulation.arrays import IntArray, add_at
from simulation.enums import EventKind, OrgKind, Reason, ReportKind, Severity, SignalSource
from simulation.jobs import ACUTE, NORMAL
from simulation.pathways import police
from simulation.services import ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel

REPEAT_WINDOW_DAYS = 3 * 365.25


def handle_incidents(model: ChainModel, fam: IntArray, times: NDArray[np.float64]) -> None:
    """Severity, signal and first response for the day's incidents."""
    pop = model.population
    params = model.params.population
    risk, sig = params.risk, params.signals
    counters = pop.n_incidents[fam]
    u_severity = model.streams.keyed_array("severity", fam, counters)
    u_signal = model.streams.keyed_array("signal", fam, counters)
    relative = pop.latent_rate[fam] / risk.incidents_per_year_median
    p_serious = np.clip(
        risk.p_serious_base * pop.serious_multiplier[fam] * relative**risk.serious_risk_elasticity, 0.0, 0.95
    )
    serious = u_severity < p_serious
    add_at(pop.n_serious, fam[serious], 1)
    np.maximum.at(pop.last_serious_time, fam[serious], times[serious])
    avoid = np.where(pop.care_avoiding[fam], sig.care_avoidance_signal_factor, 1.0)
    p_police = np.clip(sig.p_police_callout * np.where(serious, sig.police_serious_multiplier, 1.0) * avoid, 0, 1)
    watched = (pop.watchers[fam] > 0) | (pop.open_cases[fam] > 0)
    local_gain = 1.0 + model.params.mechanisms.stronger_local_teams.signal_gain * model.mechanisms.covers(
        "stronger_local_teams", fam, float(times[0])
    ) * (pop.in_service[fam, ServiceKind.LOCAL_HELP] > 0)
    p_involved = np.where(watched, np.clip(sig.p_involved_professional_signal * local_gain, 0, 1), 0.0)
    p_professional = np.clip(
        sig.p_professional_signal
        * np.where(pop.n_children[fam] > 0, sig.children_professional_multiplier, 1.0)
        * avoid,
        0,
        1,
    )
    p_citizen = np.clip(sig.p_citizen_signal * avoid, 0, 1)
    source = np.full(fam.size, SignalSource.UNSEEN, dtype=np.int16)
    remaining = np.ones(fam.size)
    threshold = np.zeros(fam.size)
    for code, p in (
        (SignalSource.POLICE, p_police),
        (SignalSource.INVOLVED_PROFESSIONAL, p_involved),
        (SignalSource.PROFESSIONAL, p_professional),
        (SignalSource.CITIZEN, p_citizen),
    ):
        lower = threshold.copy()
        threshold = threshold + remaining * p
        remaining = remaining * (1.0 - p)
        source[(u_signal >= lower) & (u_signal < threshold)] = code
    model.log.add_many(
        times,
        EventKind.INCIDENT,
        family=fam,
        reason=source,
        detail=np.where(serious, Severity.SERIOUS, Severity.MINOR),
        value=pop.latent_rate[fam],
    )
    model.day_counts["incidents"] += fam.size
    model.day_counts["serious_incidents"] += int(serious.sum())
    model.day_counts["unseen_incidents"] += int((source == SignalSource.UNSEEN).sum())
    phases.after_incidents(pop, fam, times, model.log)

    by_police = source == SignalSource.POLICE
    police.callouts(model, fam[by_police], times[by_police], serious[by_police])
    involved = source == SignalSource.INVOLVED_PROFESSIONAL
    _involved_professional(model, fam[involved], times[involved], serious[involved])
    for code, p_advice in (
        (SignalSource.PROFESSIONAL, sig.p_professional_asks_advice),
        (SignalSource.CITIZEN, sig.p_citizen_asks_advice),
    ):
        sel = source == code
        _advice_or_report(model, fam[sel], times[sel], serious[sel], code, p_advice)


def _involved_professional(
    model: ChainModel, fam: IntArray, times: NDArray[np.float64], serious: NDArray[np.bool_]
) -> None:
    """A professional already involved notices renewed violence: report it (the local team: hand
    the family back to VT), or (stronger local teams) the local team acts on it itself and keeps
    the case without a handoff."""
    pop = model.population
    if fam.size == 0:
        return
    with_local_team = pop.in_service[fam, ServiceKind.LOCAL_HELP] > 0
    covered = model.mechanisms.covers("stronger_local_teams", fam, float(times[0]))
    keeps = (
        with_local_team
        & covered
        & ~serious
        & (pop.draws("local_team_keeps", fam) < model.params.mechanisms.stronger_local_teams.p_keeps_case)
    )
    kept = fam[keeps]
    if kept.size:
        orgs = model.org_for(OrgKind.LOCAL_TEAM, pop.region[kept])
        model.log.add_many(
            times[keeps],
            EventKind.SIGNAL,
            family=kept,
            org=orgs,
            org_kind=OrgKind.LOCAL_TEAM,
            detail=SignalSource.INVOLVED_PROFESSIONAL,
        )
        pop.last_contact_time[kept] = times[keeps]
    # The local team hands its family back to VT (a handoff); other professionals report.
    for report, route in ((~keeps & ~with_local_team, None), (~keeps & with_local_team, "local_team_to_veilig_thuis")):
        sender = model.org_for(OrgKind.LOCAL_TEAM, pop.region[fam[report]]) if route else -1
        receive_reports(
            model,
            fam[report],
            times[report],
            SignalSource.INVOLVED_PROFESSIONAL,
            priority=triage_priority(model, fam[report], serious[report]),
            sender=sender,
            route=route,
        )


def _advice_or_report(
    model: ChainModel,
    fam: IntArray,
    times: NDArray[np.float64],
    serious: NDArray[np.bool_],
    source: SignalSource,
    p_advice: float,
) -> None:
    if fam.size == 0:
        return
    pop = model.population
    u = pop.draws("advice_or_report", fam)
    asks = (u < p_advice) & ~serious
    advised = fam[asks]
    vt = model.org_for_service(ServiceKind.VT_TRIAGE, pop.region[advised])
    model.log.add_many(
        times[asks],
        EventKind.ADVICE,
        family=advised,
        org=vt,
        org_kind=model.org_kind[vt] if vt.size else OrgKind.VEILIG_THUIS,
        detail=source,
    )
    model.advice_requests(advised.size, pop.region[advised])
    becomes_report = pop.draws("advice_to_report", advised) < model.params.population.signals.p_advice_becomes_report
    to_report = np.concatenate([fam[~asks], advised[becomes_report]])
    at = np.concatenate([times[~asks], times[asks][becomes_report] + 1.0])
    prio = np.concatenate(
        [triage_priority(model, fam[~asks], serious[~asks]), np.full(int(becomes_report.sum()), NORMAL)]
    )
    receive_reports(model, to_report, at, source, priority=prio)


def triage_priority(model: ChainModel, fam: IntArray, serious: NDArray[np.bool_]) -> NDArray[np.int64]:
    """VT's priority for reports about `fam`: a report after a serious incident is triaged as acute
    with chance `p_acute_if_serious` (FIGURES B), any other report as normal."""
    acute = serious.copy()
    if acute.any():
        p_acute = model.params.organisations.veilig_thuis.p_acute_if_serious
        acute[acute] = model.population.draws("vt_acute", fam[acute]) < p_acute
    return np.where(acute, ACUTE, NORMAL)


def report_kind(model: ChainModel, fam: IntArray, now: ArrayLike) -> NDArray[np.int16]:
    """New, repeat (hermelding) or follow-up (vervolgmelding), from the family's history."""
    pop = model.population
    known = (np.asarray(now) - pop.last_report_time[fam]) <= REPEAT_WINDOW_DAYS
    kind = np.where(pop.vt_open[fam] > 0, ReportKind.FOLLOW_UP, np.where(known, ReportKind.REPEAT, ReportKind.NEW))
    return kind.astype(np.int16)


def receive_reports(
    model: ChainModel,
    fam: IntArray,
    times: NDArray[np.float64],
    source: ArrayLike,
    *,
    priority: ArrayLike = NORMAL,
    sender: ArrayLike = -1,
    route: str | None = None,
    flags: ArrayLike = 0,
    extra: ArrayLike = 0.0,
) -> IntArray:
    """Reports to Veilig Thuis (or the regional safety team): record them and queue triage.

    Returns the organisation that receives each report.
    """
    pop = model.population
    if fam.size == 0:
        return np.empty(0, dtype=np.int64)
    model.dispatch.send(
        fam,
        ServiceKind.VT_TRIAGE,
        times,
        reason=Reason.REPORT_TO_VT,
        sender=sender,
        route=route,
        priority=priority,
        flags=flags,
        extra=extra,
    )
    kind = report_kind(model, fam, times)
    vt = model.org_for_service(ServiceKind.VT_TRIAGE, pop.region[fam])
    model.log.add_many(
        times, EventKind.REPORT, family=fam, org=vt, org_kind=model.org_kind[vt], reason=source, detail=kind
    )
    first = np.isnan(pop.first_report_time[fam])
    pop.first_report_time[fam[first]] = times[first]
    pop.last_report_time[fam] = times
    add_at(pop.n_reports, fam, 1)  # two reports about one family can arrive in one batch
    add_at(pop.vt_open, fam, 1)
    add_at(model.day_report_kinds, kind, 1)
    phases.enter_view(pop, fam, times, model.log)
    return vt
