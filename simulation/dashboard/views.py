"""What the dashboard shows, computed without Solara: labels, KPI values, chart specs, tables.

Pure functions of a `ClassroomModel` (or one run and its `LiveSeries`) and a language; the Solara
components in `app.py` display them, and the benchmark and the tests call them directly.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from typing import Any

import numpy as np

from simulation.dashboard import charts, i18n, network
from simulation.dashboard.series import DAYS_PER_YEAR, LiveSeries
from simulation.dashboard.session import CAPACITY_ORGS, ClassroomModel, scenario_label
from simulation.enums import OrgKind
from simulation.model import ChainModel

# Organisations shown in the waiting views (the ones with queues in the model).
WAITING_KINDS = (
    OrgKind.VEILIG_THUIS,
    OrgKind.REGIONAL_SAFETY_TEAM,
    OrgKind.CHILD_PROTECTION_BOARD,
    OrgKind.YOUTH_PROTECTION,
    OrgKind.LOCAL_TEAM,
    OrgKind.SPECIALIST_CARE,
    OrgKind.PROSECUTION,
    OrgKind.PROBATION,
)
# Decimals shown in the side-by-side table (counts: none).
DIGITS = {"m_repeat": 2, "m_professionals": 3, "m_handoffs": 3}
COMPARE_METRICS = (
    "m_repeat",
    "m_direct",
    "m_waiting_vt",
    "m_waiting_all",
    "m_staff",
    "m_vacancies",
    "m_professionals",
    "m_handoffs",
    "m_serious_week",
)


def phase_label(run: ChainModel, lang: str) -> str:
    """Warm-up, policy running, or end of the horizon."""
    if not run.running:
        return i18n.t("finished", lang)
    return i18n.t("warmup", lang) if run.policy_year < 0 else i18n.t("policy_running", lang)


def run_name(m: ClassroomModel, which: int, lang: str) -> str:
    """Run A (the scenario with the mechanisms switched on) or B (the comparison), labelled."""
    name = m.settings.scenario if which == 0 else m.settings.compare_with
    label = scenario_label(name, lang)
    if which == 0 and m.settings.mechanisms_on:
        label += " + " + ", ".join(i18n.mechanism(x, lang) for x in m.settings.mechanisms_on)
    return label


def settings_line(m: ClassroomModel, lang: str) -> str:
    """The sliders' values the runs were built with (the sliders themselves show no number)."""
    s = m.settings
    capacity = ", ".join(f"{i18n.org(OrgKind[org.upper()], lang)} {s.capacity_pct[org]:.0f}%" for org in CAPACITY_ORGS)
    return i18n.t(
        "settings_line",
        lang,
        capacity=capacity,
        attrition=s.attrition_pct,
        transition=s.transition_years,
        integration=s.integration_degree,
        years=s.years,
        seed=s.seed,
    )


def kpis(series: LiveSeries) -> dict[str, str]:
    """The KPI tiles of one run on the latest day, formatted."""
    d = series.days - 1
    vt = series.waiting[d, OrgKind.VEILIG_THUIS] + series.waiting[d, OrgKind.REGIONAL_SAFETY_TEAM]
    return {
        "kpi_in_view": f"{series.scalar('families_in_view')[-1]:,.0f}",
        "kpi_repeat": f"{100 * series.repeat_share[d]:.1f}%",
        "kpi_serious": f"{series.serious_last_week():.0f}",
        "kpi_waiting_vt": f"{vt:,.0f}",
        "kpi_vacancies": f"{series.scalar('vacancies')[-1]:,.0f}",
        "kpi_professionals": f"{series.professionals[d]:.2f}",
    }


def x_domain(run: ChainModel) -> tuple[float, float]:
    return (-run.start_day / DAYS_PER_YEAR, (run.horizon_days - run.start_day) / DAYS_PER_YEAR)


def markers(run: ChainModel, lang: str) -> list[tuple[float, str]]:
    """Vertical markers: policy start; restructuring conversion and end of transition."""
    marks = [(0.0, "0")]
    r = run.restructuring
    if r.enabled:
        for name, at in r.milestones()[1:]:
            if name in ("implementation", "completed"):
                marks.append(((at - run.start_day) / DAYS_PER_YEAR, i18n.restructuring_phase(name, lang)))
    return marks


def live_specs(run: ChainModel, series: LiveSeries, lang: str) -> dict[str, dict[str, Any]]:
    """The Vega-Lite specs of the live tab for one run (pure: used by the app and the benchmark)."""
    t = i18n.t
    x = series.day_axis()
    common: dict[str, Any] = {
        "x_title": t("axis_year", lang),
        "x_domain": x_domain(run),
        "markers": markers(run, lang),
    }
    phases = {
        i18n.phase(1, lang): series.scalar("phase_direct"),
        i18n.phase(2, lang): series.scalar("phase_stable"),
        i18n.phase(3, lang): series.scalar("phase_recovery"),
    }
    kinds = [k for k in WAITING_KINDS if k != OrgKind.REGIONAL_SAFETY_TEAM or run.restructuring.enabled]
    waiting = {i18n.org(k, lang): series.waiting[: series.days, k] for k in kinds}
    wait_days = series.wait_days()
    waits = {i18n.org(k, lang): wait_days[:, k] for k in kinds}
    return {
        "repeat": charts.line_chart(
            t("chart_repeat", lang),
            x,
            {t("kpi_repeat", lang): 100 * series.repeat_share[: series.days]},
            y_title=t("axis_pct", lang),
            **common,
        ),
        "phases": charts.line_chart(
            t("chart_phases", lang),
            x,
            phases,
            y_title=t("axis_families", lang),
            stacked=True,
            colours=charts.PHASE_COLOURS[1:],
            **common,
        ),
        "waiting": charts.line_chart(t("chart_waiting", lang), x, waiting, y_title=t("axis_families", lang), **common),
        "wait_days": charts.line_chart(t("chart_wait_days", lang), x, waits, y_title=t("axis_days", lang), **common),
        "per_family": charts.line_chart(
            t("chart_per_family", lang),
            x,
            {
                t("professionals", lang): series.professionals[: series.days],
                t("handoffs", lang): series.handoffs[: series.days],
                t("facts_lost", lang): series.facts_lost[: series.days],
            },
            y_title=t("axis_per_family", lang),
            **common,
        ),
        "staff": charts.line_chart(
            t("chart_staff", lang),
            x,
            {
                t("staff", lang): series.scalar("staff"),
                t("staff_present", lang): series.scalar("staff_present"),
                t("vacancies", lang): series.scalar("vacancies"),
            },
            y_title=t("axis_people", lang),
            **common,
        ),
    }


def network_figure(run: ChainModel, series: LiveSeries, lang: str) -> Any:
    return network.draw(network.live_graph(run, series.handoff_volume()), lang)


def network_png(run: ChainModel, series: LiveSeries, lang: str) -> bytes:
    """The network as PNG bytes (redrawn once per simulated week: it shows 28-day volumes)."""
    buffer = io.BytesIO()
    network_figure(run, series, lang).savefig(buffer, format="png")
    return buffer.getvalue()


def compare_series(series: LiveSeries, key: str) -> np.ndarray:
    """One comparison measure per recorded day."""
    n = series.days
    if key == "m_repeat":
        return 100 * series.repeat_share[:n]
    if key == "m_direct":
        return series.scalar("phase_direct")
    if key == "m_waiting_vt":
        return series.waiting[:n, OrgKind.VEILIG_THUIS] + series.waiting[:n, OrgKind.REGIONAL_SAFETY_TEAM]
    if key == "m_waiting_all":
        return series.waiting[:n].sum(axis=1)
    if key == "m_staff":
        return series.scalar("staff_present")
    if key == "m_vacancies":
        return series.scalar("vacancies")
    if key == "m_professionals":
        return series.professionals[:n]
    if key == "m_handoffs":
        return series.handoffs[:n]
    if key == "m_serious_week":
        return series.rolling_sum(series.scalar("serious_incidents"), 7)
    raise KeyError(key)


def compare_spec(m: ClassroomModel, key: str, lang: str) -> dict[str, Any]:
    assert m.run_b is not None and m.live_b is not None
    a, b = compare_series(m.live_a, key), compare_series(m.live_b, key)
    marks = markers(m.run_a, lang) + [x for x in markers(m.run_b, lang) if x[0] != 0.0]
    return charts.comparison_chart(
        i18n.t("compare_title", lang, metric=i18n.t(key, lang), a=run_name(m, 0, lang), b=run_name(m, 1, lang)),
        m.live_a.day_axis(),
        a,
        b,
        labels=(f"A: {run_name(m, 0, lang)}", f"B: {run_name(m, 1, lang)}"),
        diff_title=i18n.t("difference", lang),
        x_title=i18n.t("axis_year", lang),
        y_title=i18n.t(key, lang),
        x_domain=x_domain(m.run_a),
        markers=sorted(set(marks)),
    )


def compare_rows(m: ClassroomModel, lang: str) -> list[tuple[str, str, str, str]]:
    """The side-by-side table: every measure on the latest day for A, B and A − B ("0" when equal)."""
    assert m.live_b is not None
    rows = []
    for key in COMPARE_METRICS:
        a, b = compare_series(m.live_a, key)[-1], compare_series(m.live_b, key)[-1]
        digits = DIGITS.get(key, 0)
        diff = a - b
        shown = f"{diff:+,.{digits}f}" if abs(diff) >= 0.5 * 10**-digits else "0"
        rows.append((i18n.t(key, lang), f"{a:,.{digits}f}", f"{b:,.{digits}f}", shown))
    return rows


def html_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    cell = "padding:2px 10px;border-bottom:1px solid #ddd;text-align:left"
    th = "".join(f"<th style='{cell}'>{html.escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td style='{cell}'>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in rows
    )
    table = "border-collapse:collapse;font-size:0.9em"
    return f"<table style='{table}'><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"
