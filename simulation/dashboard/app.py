"""The classroom dashboard: Mesa's SolaraViz around the chain model, with Samenloop's own views.

Run it with `samenloop dashboard` (a Solara server on 127.0.0.1) or display `Page()` in a
notebook. Each browser tab gets its own model: `Page` builds it per session with `use_memo`
(toolchain.md: a model built at module level would be shared by every tab). SolaraViz provides
the app bar, the controls (Reset, ▶/❚❚, Step, play interval = speed, render interval = days per
Step and per frame) and the model parameters; the main area holds the views in four tabs (live,
side by side, case journey, help). Views re-render when SolaraViz signals a step
(`mesa.visualization.utils.update_counter`) and read the model's incremental series; charts are
Vega-Lite specs built as dicts, the network a matplotlib figure drawn with networkx.

Settings from the launcher arrive as environment variables (`SAMENLOOP_DASHBOARD_*`).
"""

from __future__ import annotations

import html
import os
from typing import Any

import markdown
import solara
import solara.lab
import solara.widgets
from mesa.visualization import Slider, SolaraViz
from mesa.visualization.utils import update_counter

from simulation.dashboard import charts, i18n, journey, views
from simulation.dashboard.session import (
    CAPACITY_ORGS,
    MECHANISMS,
    NO_COMPARISON,
    ClassroomModel,
    scenario_names,
)
from simulation.enums import OrgKind
from simulation.model import ChainModel

ENV_PREFIX = "SAMENLOOP_DASHBOARD_"
PLAY_INTERVAL_MS = 100
RENDER_INTERVAL_DAYS = 7


def _env(name: str, default: str) -> str:
    return os.environ.get(ENV_PREFIX + name, default)


def initial_settings() -> dict[str, Any]:
    """Start values of the controls (the launcher's --scenario, --compare, --seed, --years)."""
    return {
        "scenario_name": _env("SCENARIO", "current-practice"),
        "compare_with": _env("COMPARE", NO_COMPARISON) or NO_COMPARISON,
        "years": float(_env("YEARS", "6")),
        "seed": int(_env("SEED", "0")),
    }


language = solara.reactive(_env("LANG", i18n.DEFAULT_LANG))  # one value per browser session
current_tab = solara.reactive(0)
compare_metric = solara.reactive("m_repeat")
picked_family = solara.reactive(-1)
picked_run = solara.reactive(0)


def model_params(lang: str, start: dict[str, Any]) -> dict[str, Any]:
    """SolaraViz's model parameters (keys = `ClassroomModel` keyword arguments), labelled in `lang`."""
    names = scenario_names()
    params: dict[str, Any] = {
        "scenario_name": {
            "type": "Select",
            "value": start["scenario_name"],
            "values": names,
            "label": i18n.t("scenario", lang),
        },
        "compare_with": {
            "type": "Select",
            "value": start["compare_with"],
            "values": [NO_COMPARISON, *names],
            "label": i18n.t("compare_with", lang),
        },
    }
    for name in MECHANISMS:
        params[name] = {"type": "Checkbox", "value": False, "label": i18n.mechanism(name, lang)}
    for org in CAPACITY_ORGS:
        kind = OrgKind[org.upper()]
        params[f"capacity_{org}"] = Slider(
            i18n.t("capacity", lang, org=i18n.org(kind, lang)), value=100, min=50, max=200, step=10
        )
    params["attrition"] = Slider(i18n.t("attrition", lang), value=100, min=50, max=300, step=10)
    params["transition_years"] = Slider(
        i18n.t("transition_years", lang), value=2.0, min=0.5, max=6.0, step=0.5, dtype=float
    )
    params["integration_degree"] = Slider(
        i18n.t("integration_degree", lang), value=0.7, min=0.0, max=1.0, step=0.1, dtype=float
    )
    params["years"] = Slider(i18n.t("years", lang), value=start["years"], min=2.0, max=10.0, step=1.0, dtype=float)
    params["seed"] = Slider(i18n.t("seed", lang), value=start["seed"], min=0, max=99, step=1)
    return params


@solara.component
def Markdown(text: str, style: str = "", classes: list[str] | None = None) -> None:
    """Markdown rendered on the server (solara.Markdown would load mermaid from the CDN)."""
    solara.HTML(tag="div", unsafe_innerHTML=markdown.markdown(text), style=style, classes=classes or [])


@solara.component
def Page() -> None:
    """The dashboard page: one `ClassroomModel` per browser session."""
    start = solara.use_memo(initial_settings, [])
    model: solara.Reactive[ClassroomModel] = solara.use_reactive(solara.use_memo(lambda: ClassroomModel(**start), []))
    lang = language.value
    SolaraViz(
        model,
        components=[],
        model_params=model_params(lang, start),
        name=i18n.t("title", lang),
        play_interval=PLAY_INTERVAL_MS,
        render_interval=RENDER_INTERVAL_DAYS,
    )
    with solara.AppBar():
        solara.ToggleButtonsSingle(value=language, values=list(i18n.LANGS), dense=True)
    with solara.Sidebar(), solara.Card(i18n.t("hint_title", lang)):
        Markdown(i18n.t("mechanisms_hint", lang))
    Views(model)


@solara.component
def Views(model: solara.Reactive[ClassroomModel]) -> None:
    """Status line and the four tabs; re-rendered after every SolaraViz step."""
    update_counter.get()
    m = model.value
    lang = language.value
    StatusLine(m, lang)
    with solara.lab.Tabs(value=current_tab, lazy=True):
        with solara.lab.Tab(i18n.t("tab_live", lang)):
            LiveTab(m, lang)
        with solara.lab.Tab(i18n.t("tab_compare", lang)):
            CompareTab(m, lang)
        with solara.lab.Tab(i18n.t("tab_journey", lang)):
            JourneyTab(m, lang)
        with solara.lab.Tab(i18n.t("tab_help", lang)):
            Markdown(i18n.t("help_md", lang), classes=["help"])


# ----------------------------------------------------------------------------- status and KPIs


@solara.component
def StatusLine(m: ClassroomModel, lang: str) -> None:
    update_counter.get()  # re-render after every step (the arguments stay the same object)
    run = m.run_a
    text = i18n.t("status", lang, day=m.day, year=run.policy_year, phase=views.phase_label(run, lang))
    parts = [f"**{text}**"]
    for which, (chain, _) in enumerate(m.runs):
        mechanisms = ", ".join(i18n.mechanism(x, lang) for x in chain.params.mechanisms.enabled_names())
        line = f"{'AB'[which]}: {html.escape(views.run_name(m, which, lang))} — {i18n.t('active_mechanisms', lang)}: "
        line += mechanisms or i18n.t("none", lang)
        if chain.restructuring.enabled:
            phase = i18n.restructuring_phase(chain.restructuring.phase_name(float(chain.time)), lang)
            line += f" — {i18n.t('restructuring_phase', lang)}: {phase}"
        parts.append(line)
    parts.append(html.escape(views.settings_line(m, lang)))
    Markdown("  \n".join(parts), style="font-size:0.9em", classes=["status-line"])


@solara.component
def Kpis(m: ClassroomModel, lang: str) -> None:
    update_counter.get()  # re-render after every step (the arguments stay the same object)
    with m.lock:  # with "Use Threads" a day may be simulated while the page renders
        values = [views.kpis(series) for _, series in m.runs]
    with solara.Row(style={"flex-wrap": "wrap", "gap": "8px"}):
        for key in values[0]:
            shown = " | ".join(v[key] for v in values)
            with solara.Card(style={"min-width": "150px", "padding": "4px 10px", "margin": "0"}, classes=["kpi"]):
                solara.Text(i18n.t(key, lang), style={"font-size": "0.8em", "color": "#555"})
                solara.HTML(tag="div", unsafe_innerHTML=html.escape(shown), style="font-size:1.35em;font-weight:600")


# ------------------------------------------------------------------------------------- charts
class ChartSpec:
    """A Vega-Lite spec handed to `Chart` by reference.

    Passed as a plain dict, reacton would walk and deep-compare thousands of data rows on every
    render; wrapped, it compares by identity and the spec goes to the widget in one assignment.
    """

    __slots__ = ("data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data


@solara.component
def Chart(spec: ChartSpec) -> None:
    element = solara.widgets.VegaLite.element()

    def push() -> None:
        solara.get_widget(element).spec = spec.data

    solara.use_effect(push, [spec])


@solara.component
def LiveTab(m: ClassroomModel, lang: str) -> None:
    update_counter.get()  # re-render after every step (the arguments stay the same object)
    Kpis(m, lang)
    run, series = m.run_a, m.live_a
    if m.run_b is not None:  # the tiles show A | B; the charts show A only
        solara.Text(i18n.t("live_shows_a", lang, name=views.run_name(m, 0, lang)), style={"font-size": "0.9em"})
    with m.lock:  # the series of one day: a step from another thread would add a row to some of them
        specs = views.live_specs(run, series, lang)
        png = solara.use_memo(lambda: views.network_png(run, series, lang), [id(run), series.days // 7, lang])
    with solara.Columns([1, 1], classes=["live-grid"]):
        with solara.Column():
            for key in ("repeat", "waiting", "per_family"):
                with solara.Card(margin=0, classes=[f"view-{key}"]):
                    Chart(ChartSpec(specs[key]))
            with solara.Card(i18n.t("chart_network", lang), margin=0, classes=["view-network"]):
                solara.Image(png)
                solara.Text(i18n.t("network_caption", lang), style={"font-size": "0.8em"})
        with solara.Column():
            for key in ("phases", "wait_days", "staff"):
                with solara.Card(margin=0, classes=[f"view-{key}"]):
                    Chart(ChartSpec(specs[key]))


# ---------------------------------------------------------------------------------- side by side
@solara.component
def CompareTab(m: ClassroomModel, lang: str) -> None:
    update_counter.get()  # re-render after every step (the arguments stay the same object)
    if m.run_b is None or m.live_b is None:
        solara.Info(i18n.t("compare_off", lang))
        return
    labels = {i18n.t(k, lang): k for k in views.COMPARE_METRICS}
    solara.Select(
        label=i18n.t("metric", lang),
        value=i18n.t(compare_metric.value, lang),
        values=list(labels),
        on_value=lambda label: compare_metric.set(labels[label]),
        style={"max-width": "420px"},
    )
    with m.lock:
        spec, rows = views.compare_spec(m, compare_metric.value, lang), views.compare_rows(m, lang)
    with solara.Card(margin=0, classes=["view-compare"]):
        Chart(ChartSpec(spec))
    head = (i18n.t("compare_table_metric", lang), "A", "B", "A − B")
    table = views.html_table(head, rows)
    solara.HTML(tag="div", unsafe_innerHTML=table, classes=["compare-table"])


# ----------------------------------------------------------------------------------- case journey
@solara.component
def JourneyTab(m: ClassroomModel, lang: str) -> None:
    update_counter.get()  # re-render after every step (the arguments stay the same object)
    runs = m.runs
    which = min(picked_run.value, len(runs) - 1)
    run = runs[which][0]
    with solara.Row(style={"align-items": "center", "gap": "16px", "flex-wrap": "wrap"}):
        if len(runs) > 1:
            names = [f"A: {views.run_name(m, 0, lang)}", f"B: {views.run_name(m, 1, lang)}"]
            solara.ToggleButtonsSingle(
                value=names[which], values=names, on_value=lambda name: picked_run.set(names.index(name))
            )
        with m.lock:
            candidates = journey.escalated_families(run)
        family = picked_family.value if picked_family.value < run.population.n else -1
        if family < 0 and candidates:
            family = candidates[0]
        FamilyPicker(
            run, [family, *candidates] if family >= 0 and family not in candidates else candidates, family, lang
        )
    if family < 0:
        solara.Info(i18n.t("journey_none", lang))
    else:
        Journey(m, run, family, lang)


@solara.component
def FamilyPicker(run: ChainModel, candidates: list[int], family: int, lang: str) -> None:
    """A list of escalated families, and a box to type any family number."""
    pop = run.population
    options = {
        i18n.t("journey_option", lang, id=f, serious=int(pop.n_serious[f]), handoffs=int(pop.n_handoffs[f])): f
        for f in candidates
    }
    if options:
        solara.Select(
            label=i18n.t("journey_pick", lang),
            value=next((label for label, f in options.items() if f == family), None),
            values=list(options),
            on_value=lambda label: picked_family.set(options[label]),
            style={"min-width": "420px"},
            classes=["journey-pick"],
        )
    solara.InputInt(
        i18n.t("journey_family_id", lang),
        value=max(family, 0),
        on_value=lambda v: picked_family.set(int(v)) if 0 <= int(v) < pop.n else None,
        continuous_update=False,
        style={"max-width": "220px"},
    )


@solara.component
def Journey(m: ClassroomModel, run: ChainModel, family: int, lang: str) -> None:
    """Summary line, timeline and the list of events (newest first) of one family."""
    with m.lock:
        steps = journey.events(run, family, lang)
        bands = journey.phase_bands(run, family, lang)
        Markdown(html.escape(journey.summary(run, family, lang)), classes=["journey-summary"])
    if not steps:
        solara.Info(i18n.t("journey_no_events", lang))
        return
    rows, lanes = journey.timeline_rows(steps, lang)
    spec = charts.timeline_chart(
        i18n.t("journey_title", lang, id=family),
        rows,
        lanes,
        x_title=i18n.t("axis_year", lang),
        lane_title=i18n.t("lane", lang),
        phase_rows=bands,
        phase_colours={i18n.phase(code, lang): colour for code, colour in enumerate(charts.PHASE_COLOURS)},
    )
    with solara.Card(margin=0, classes=["view-journey"]):
        Chart(ChartSpec(spec))
        solara.Text(i18n.t("journey_caption", lang), style={"font-size": "0.8em"})
    shown = steps[-80:][::-1]
    head = tuple(i18n.t(k, lang) for k in ("col_day", "col_year", "col_event", "col_org", "col_what", "col_safety"))
    table_rows = [(f"{e.time:.1f}", f"{e.year:+.2f}", e.event, e.organisation, e.what, e.safety) for e in shown]
    solara.HTML(tag="div", unsafe_innerHTML=views.html_table(head, table_rows), classes=["journey-table"])
    if len(steps) > len(shown):
        solara.Text(i18n.t("journey_more", lang, n=len(steps) - len(shown)))
