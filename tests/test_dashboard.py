"""Classroom dashboard without a browser: assets, the classroom model, live series, views, launcher.

Browser tests are in test_dashboard_browser.py; the notebook in test_dashboard_notebook.py.
"""

from __future__ import annotations

import inspect
import socket
import stat
import subprocess
import tarfile
from pathlib import Path

import numpy as np
import pytest

from simulation.aggregates import SCALARS
from simulation.dashboard import assets, charts, i18n, journey, network, views
from simulation.dashboard.session import (
    CAPACITY_ORGS,
    MECHANISMS,
    NO_COMPARISON,
    ClassroomModel,
    Settings,
    build_scenario,
)
from simulation.enums import EventKind, Measure, OrgKind, Reason, ReportKind, SafetyPhase, SignalSource
from simulation.errors import SamenloopError
from simulation.model import ChainModel
from simulation.records import FACTS_LOST, SENDER_KEEPS_SAFETY
from simulation.scenario_files import load_scenario, scenario_from_overrides
from simulation.services import ServiceKind

YEARS = 2.0  # short horizons keep these tests quick; the dashboard's default is 6


@pytest.fixture(scope="module")
def pair() -> ClassroomModel:
    """Restructuring side by side with current practice, warmed up and run 120 policy days."""
    model = ClassroomModel(scenario_name="restructuring", compare_with="current-practice", years=YEARS, seed=4)
    for _ in range(120):
        model.step()
    return model


# ------------------------------------------------------------------------------------- assets
def test_asset_list_covers_what_solara_loads() -> None:
    needed = {spec for spec in assets.referenced_by_solara() if not spec.startswith(assets.NOT_NEEDED)}
    missing = needed - set(assets.PACKAGES)
    assert not missing, f"expected every CDN package Solara references in PACKAGES; missing {sorted(missing)}"
    assert "font-awesome@4.5.0" in assets.PACKAGES, "Solara's page links font-awesome 4.5.0 through the CDN proxy"


def _fake_npm(tmp_path: Path) -> tuple[Path, Path]:
    """An `npm` that packs a one-file package and logs each call (no network)."""
    calls = tmp_path / "calls.log"
    script = tmp_path / "npm"
    script.write_text(
        "#!/usr/bin/env bash\n"
        "set -e\n"
        f'echo "$@" >> {calls}\n'
        'spec="${@: -1}"; dest="${4}"\n'
        'work=$(mktemp -d); mkdir -p "$work/package/dist"\n'
        'echo "// $spec" > "$work/package/dist/main.js"\n'
        'name=$(echo "$spec" | tr "@/" "__").tgz\n'
        'tar -czf "$dest/$name" -C "$work" package\n'
        'echo "$name"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, calls


def test_prepare_fills_the_cache_once_and_repairs_partial_packages(tmp_path: Path) -> None:
    npm, calls = _fake_npm(tmp_path)
    cache = tmp_path / "cache"
    fetched = assets.prepare(cache, npm=str(npm), quiet=True)
    assert fetched == list(assets.PACKAGES), f"expected all {len(assets.PACKAGES)} packages fetched, got {fetched}"
    main = cache / "vega@5" / "dist" / "main.js"
    assert main.read_text(encoding="utf-8").strip() == "// vega@5", f"expected the package unpacked at {main}"
    assert assets.prepare(cache, npm=str(npm), quiet=True) == [], "expected nothing fetched the second time"
    assert len(calls.read_text(encoding="utf-8").splitlines()) == len(assets.PACKAGES)
    (cache / "requirejs@2.3.6" / ".samenloop-complete").unlink()  # as if interrupted while unpacking
    assert assets.prepare(cache, npm=str(npm), quiet=True) == ["requirejs@2.3.6"]


def test_prepare_without_npm_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(SamenloopError) as err:
        assets.prepare(tmp_path / "cache", npm="no-such-npm-here", quiet=True)
    assert "npm" in err.value.message() and "install" in err.value.message(), err.value.message()


def test_unpack_refuses_paths_outside_the_package(tmp_path: Path) -> None:
    evil = tmp_path / "evil.tgz"
    src = tmp_path / "x.txt"
    src.write_text("x", encoding="utf-8")
    with tarfile.open(evil, "w:gz") as archive:
        archive.add(src, arcname="package/../../escaped.txt")
    with pytest.raises(tarfile.TarError):
        assets._unpack(evil, tmp_path / "dest")
    assert not (tmp_path / "escaped.txt").exists(), "expected no file written outside the destination"


def test_environment_points_solara_at_the_cache(tmp_path: Path) -> None:
    env = assets.environment(tmp_path)
    assert env == {"SOLARA_ASSETS_PROXY_CACHE_DIR": str(tmp_path), "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "false"}


# ------------------------------------------------------------------------------ the scenario
def test_a_port_in_use_or_an_unknown_host_is_refused_before_the_server_starts() -> None:
    from simulation.dashboard.launcher import check_can_listen

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(SamenloopError) as busy:
            check_can_listen("127.0.0.1", port)
        assert busy.value.field == "--port" and busy.value.value == port
        assert "choose another --port" in (busy.value.fix or "")
    check_can_listen("127.0.0.1", port)  # free again: no error
    with pytest.raises(SamenloopError) as unknown:
        check_can_listen("no-such-host.invalid", port)
    assert unknown.value.field == "--host"


def test_build_scenario_applies_the_controls() -> None:
    settings = Settings(
        capacity_pct={"veilig_thuis": 150.0, "youth_protection": 50.0},
        attrition_pct=200.0,
        transition_years=3.5,
        integration_degree=0.4,
    )
    base = load_scenario("restructuring")
    built = build_scenario("restructuring", settings, ("samen_op_in_acuut",))
    orgs, base_orgs = built.organisations, base.organisations
    assert orgs.veilig_thuis.staff.fte == pytest.approx(1.5 * base_orgs.veilig_thuis.staff.fte)
    assert orgs.youth_protection.staff.fte == pytest.approx(0.5 * base_orgs.youth_protection.staff.fte)
    assert orgs.police.staff.fte == base_orgs.police.staff.fte, "expected organisations without a slider unchanged"
    assert orgs.police.staff.attrition_per_year == pytest.approx(2 * base_orgs.police.staff.attrition_per_year)
    assert built.restructuring.enabled and built.restructuring.transition_years == 3.5
    assert built.restructuring.integration_degree == pytest.approx(0.4)
    assert built.mechanisms.enabled_names() == ["samen_op_in_acuut"]


def test_mechanisms_come_on_top_of_the_scenario() -> None:
    built = build_scenario("intensive-collaboration", Settings(), ("samen_op_in_acuut",))
    assert built.mechanisms.enabled_names() == load_scenario("intensive-collaboration").mechanisms.enabled_names()


# ----------------------------------------------------------------------- the classroom model
def test_model_starts_after_the_warm_up_with_both_runs_in_lockstep(pair: ClassroomModel) -> None:
    a, b = pair.run_a, pair.run_b
    assert b is not None
    assert a.time == b.time == pair.time == a.start_day + 120, (a.time, b.time, pair.time)
    assert pair.day == a.start_day + 120
    assert pair.policy_year == pytest.approx(120 / 365.25)


def test_same_scenario_side_by_side_is_identical_until_policy_differs() -> None:
    same = ClassroomModel(compare_with="current-practice", years=YEARS, seed=2)
    for _ in range(30):
        same.step()
    assert same.live_b is not None
    np.testing.assert_array_equal(same.live_a.repeat_share, same.live_b.repeat_share)
    np.testing.assert_array_equal(same.live_a.waiting, same.live_b.waiting)
    assert len(same.run_a.log) == len(same.run_b.log), "expected identical runs with the same seed and scenario"


@pytest.mark.parametrize("other", ["intensive-collaboration", "restructuring", "combined"])
def test_side_by_side_runs_are_identical_through_the_warm_up(other: str) -> None:
    """The room must see no difference before year 0 (common random numbers until the policy starts)."""
    model = ClassroomModel(scenario_name=other, compare_with="current-practice", years=YEARS, seed=6)
    assert model.run_b is not None and model.live_b is not None
    start = model.run_a.start_day
    a, b = model.run_a.aggregates, model.run_b.aggregates
    np.testing.assert_array_equal(a.services[:start], b.services[:start], err_msg=f"{other}: queues differ in warm-up")
    same_scalars = [i for i, name in enumerate(SCALARS) if not name.endswith("_eur")]  # costs start at year 0
    np.testing.assert_array_equal(a.scalars[:start, same_scalars], b.scalars[:start, same_scalars])
    np.testing.assert_array_equal(model.live_a.handoff_cum[:start], model.live_b.handoff_cum[:start])


@pytest.mark.parametrize("decision_years", [0.05, 0.1])  # conversion in the first / second half of a day
def test_the_region_converts_on_its_conversion_date(decision_years: float) -> None:
    """The side-by-side view of restructuring needs the region to get its regional safety team."""
    timeline = {"preparation_years": 0.1, "pilot_years": 0.1, "decision_years": decision_years}
    scenario = scenario_from_overrides({"restructuring": timeline}, "restructuring")
    model = ChainModel(scenario, scale="region", years=1.0, warmup_years=0.5, seed=1)
    due = float(model.restructuring.conversion_day[0])
    while model.time + 1 < due:
        model.step()
        assert not model.region_converted[0], f"converted at day {model.time}, before its date {due}"
    for _ in range(2):
        model.step()
    assert model.region_converted[0], f"expected the region converted by day {model.time} (date {due:.2f})"
    rvt = model.org_by_kind[OrgKind.REGIONAL_SAFETY_TEAM][0]
    assert model.orgs[int(rvt)].active and model.workforce.headcount[rvt] > 0


def test_a_mechanism_switched_on_changes_run_a_only() -> None:
    model = ClassroomModel(compare_with="current-practice", samen_op_in_acuut=True, years=YEARS, seed=2)
    start = model.day
    assert model.live_b is not None
    np.testing.assert_array_equal(model.live_a.handoffs[:start], model.live_b.handoffs[:start])
    for _ in range(120):
        model.step()
    assert model.run_a.params.mechanisms.enabled_names() == ["samen_op_in_acuut"]
    assert model.run_b is not None and model.run_b.params.mechanisms.enabled_names() == []
    differs = np.flatnonzero(
        model.live_a.handoff_cum[: model.day].sum(axis=(1, 2)) != model.live_b.handoff_cum[: model.day].sum(axis=(1, 2))
    )
    assert differs.size > 0, "expected the handoffs of run A to differ from run B after 120 policy days"
    assert differs[0] >= start, f"expected no difference before the policy start (day {start}), first at {differs[0]}"


def test_model_params_match_the_model_keyword_arguments() -> None:
    """SolaraViz raises at runtime when a parameter is not a keyword of the model."""
    from simulation.dashboard import app

    params = app.model_params("nl", app.initial_settings())
    accepted = set(inspect.signature(ClassroomModel.__init__).parameters) - {"self"}
    assert set(params) <= accepted, f"unexpected parameters: {sorted(set(params) - accepted)}"
    assert {*MECHANISMS, *(f"capacity_{o}" for o in CAPACITY_ORGS), "seed", "scenario_name", "compare_with"} <= set(
        params
    )
    english = app.model_params("en", app.initial_settings())
    assert params["attrition"].label != english["attrition"].label, "expected the labels to follow the language"


# ---------------------------------------------------------------------------- live series
def test_live_series_match_the_model_state(pair: ClassroomModel) -> None:
    run, series = pair.run_a, pair.live_a
    d = series.days - 1
    waiting = np.zeros(len(OrgKind))
    for q in run.queues:
        waiting[run.org_kind[q.org]] += len(q.waiting)
    np.testing.assert_array_equal(series.waiting[d], waiting)
    pop = run.population
    reported = ~np.isnan(pop.first_report_time)
    assert series.professionals[d] == pytest.approx(pop.n_professionals[reported].mean())
    assert 0.0 < series.repeat_share[d] < 1.0, f"expected a share in (0, 1), got {series.repeat_share[d]}"
    np.testing.assert_array_equal(series.handoff_volume(), run.handoff_counts - series.handoff_cum[d - 28])
    total_started = sum(q.started for q in run.queues)
    assert series.started[: series.days].sum() == total_started, "expected every started job counted once"


def test_wait_days_is_the_mean_wait_of_started_work(pair: ClassroomModel) -> None:
    series = pair.live_a
    waits = series.wait_days()
    started = series.started[series.days - 28 : series.days].sum(axis=0)
    waited = series.waited[series.days - 28 : series.days].sum(axis=0)
    busy = started > 0
    np.testing.assert_allclose(waits[-1][busy], waited[busy] / started[busy])
    assert np.isnan(waits[-1][~busy]).all(), "expected no waiting time where nothing started"


# ------------------------------------------------------------------------------- journey
def test_family_arrays_equal_filtering_the_whole_log(pair: ClassroomModel) -> None:
    log = pair.run_a.log
    family = journey.escalated_families(pair.run_a)[0]
    for _ in range(2):  # again after more records arrive
        full = log.arrays()
        mine = log.family_arrays(family)
        keep = full["family"] == family
        for name, column in full.items():
            np.testing.assert_array_equal(mine[name], column[keep], err_msg=name)
        pair.step()


def test_journey_describes_every_handoff_with_wait_facts_and_holder(pair: ClassroomModel) -> None:
    run = pair.run_a
    family = journey.escalated_families(run)[0]
    cols = run.log.family_arrays(family)
    steps = journey.events(run, family, "en")
    handoffs = [e for e in steps if e.lane == "handoff"]
    sel = cols["event"] == EventKind.HANDOFF
    assert len(handoffs) == int(sel.sum()) > 0, "expected one handoff row per handoff record"
    np.testing.assert_allclose([e.wait_days for e in handoffs], cols["value"][sel], rtol=1e-6)
    assert [e.facts_lost for e in handoffs] == [bool(f & FACTS_LOST) for f in cols["flag"][sel]]
    kept = [bool(f & SENDER_KEEPS_SAFETY) for f in cols["flag"][sel]]
    assert [("keeps watch" in e.safety) for e in handoffs] == kept
    assert all(e.safety == "nobody" for e, k in zip(handoffs, kept, strict=True) if not k)
    assert [e.time for e in steps] == sorted(e.time for e in steps)
    dutch = journey.events(run, family, "nl")
    assert [e.event for e in dutch] != [e.event for e in steps], "expected Dutch event names"


def test_escalated_families_had_a_serious_incident_and_a_report(pair: ClassroomModel) -> None:
    pop = pair.run_a.population
    families = journey.escalated_families(pair.run_a, limit=15)
    assert 0 < len(families) <= 15
    assert all(pop.n_serious[f] > 0 and not np.isnan(pop.first_report_time[f]) for f in families)
    serious = [int(pop.n_serious[f]) for f in families]
    assert serious == sorted(serious, reverse=True), f"expected most serious first, got {serious}"


def test_summary_counts_come_from_the_population(pair: ClassroomModel) -> None:
    run = pair.run_a
    family = journey.escalated_families(run)[0]
    text = journey.summary(run, family, "en")
    assert f"handoffs: {run.population.n_handoffs[family]}" in text, text
    assert f"serious {run.population.n_serious[family]}" in text, text


def test_the_phase_lane_covers_the_phase_a_family_was_in_before_its_first_recorded_change(
    pair: ClassroomModel,
) -> None:
    """Families the chain knew before the run have no record that opened their phase: the lane
    showed nothing (no change yet) or began at the first change, while the summary named a phase."""
    run = pair.run_a
    pop, log = run.population, run.log.arrays()
    changed = np.unique(log["family"][log["event"] == EventKind.PHASE_CHANGE])
    known = np.flatnonzero(pop.phase != SafetyPhase.NOT_IN_VIEW)
    unchanged, first_changed = np.setdiff1d(known, changed)[0], np.intersect1d(known, changed)
    bands = journey.phase_bands(run, int(unchanged), "en")
    assert len(bands) == 1 and bands[0]["phase"] == i18n.phase(int(pop.phase[unchanged]), "en")
    assert bands[0]["x2"] == round((float(run.time) - run.start_day) / 365.25, 4)
    for family in first_changed[:20].tolist():
        cols = run.log.family_arrays(family)
        first = cols["event"] == EventKind.PHASE_CHANGE
        before = int(cols["value"][first][0])
        bands = journey.phase_bands(run, family, "en")
        if before != SafetyPhase.NOT_IN_VIEW:
            assert bands[0]["x"] == round(-run.start_day / 365.25, 4), "from the run's first day"
            assert bands[0]["phase"] == i18n.phase(before, "en")


def test_the_status_line_confirms_the_sliders_values() -> None:
    """The sliders show no number: after Reset the status line is where a trainer sees the values."""
    m = ClassroomModel(capacity_veilig_thuis=150, attrition=200, integration_degree=0.4, seed=7, warm_up=False)
    assert "Veilig Thuis 150%" in views.settings_line(m, "nl") and "Raad (RvdK) 100%" in views.settings_line(m, "nl")
    english = views.settings_line(m, "en")
    assert "staff attrition 200%" in english and "integration degree 0.4" in english and "seed 7" in english


# -------------------------------------------------------------------------- labels, charts
def test_every_label_and_code_has_dutch_and_english() -> None:
    assert all(len(pair) == 2 and all(pair) for key, pair in i18n.TEXT.items()), "empty label"
    for table, enum in (
        (i18n.ORG_SHORT, OrgKind),
        (i18n.PHASES, SafetyPhase),
        (i18n.EVENTS, EventKind),
        (i18n.SOURCES, SignalSource),
        (i18n.REPORT_KINDS, ReportKind),
        (i18n.MEASURES, Measure),
        (i18n.SERVICES, ServiceKind),
    ):
        assert set(table) == set(enum), f"expected a label for every {enum.__name__}"
    missing = {r.name for r in Reason} - set(i18n.REASONS_NL)
    assert not missing, f"expected a Dutch label for every Reason, missing {sorted(missing)}"
    assert set(i18n.MECHANISM_LABELS) == set(MECHANISMS)
    assert i18n.t("tab_journey", "nl") == "Casusreview" and i18n.t("tab_journey", "en") == "Case journey"


def test_thin_keeps_the_last_day_and_bounds_the_points() -> None:
    for n in (1, 5, 320, 321, 2500):
        idx = charts.thin(n)
        assert idx[-1] == n - 1 and idx[0] == 0
        assert len(idx) <= charts.MAX_POINTS + 1, (n, len(idx))
        assert np.all(np.diff(idx) > 0)


def test_comparison_chart_plots_the_difference() -> None:
    x = np.linspace(-1, 1, 50)
    a, b = np.arange(50.0), np.arange(50.0) * 2
    spec = charts.comparison_chart(
        "t", x, a, b, labels=("A", "B"), diff_title="d", x_title="x", y_title="y", x_domain=(-1.0, 1.0)
    )
    rows = spec["vconcat"][1]["layer"][1]["data"]["values"]
    assert [r["s0"] for r in rows] == [float(v) for v in (a - b)], "expected A − B per day"


def test_the_live_and_side_by_side_tabs_read_the_series_under_the_models_lock(
    pair: ClassroomModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With "Use Threads" a day is simulated while the page renders; reading the series without the
    lock mixed two days' rows and replaced the page with a traceback (shapes (2186,11) and (2185,11))."""
    import solara

    from simulation.dashboard import app, series

    owned: list[bool] = []
    for name in ("day_axis", "scalar", "wait_days"):
        read = getattr(series.LiveSeries, name)

        def watched(self, *args, _read=read):  # type: ignore[no-untyped-def]
            owned.append(pair.lock._is_owned())  # type: ignore[attr-defined]
            return _read(self, *args)

        monkeypatch.setattr(series.LiveSeries, name, watched)
    solara.render(app.LiveTab(pair, "nl"), handle_error=False)
    solara.render(app.CompareTab(pair, "en"), handle_error=False)
    assert owned and all(owned), f"{owned.count(False)} of {len(owned)} reads without the lock"


def test_live_specs_cover_every_live_view(pair: ClassroomModel) -> None:
    specs = views.live_specs(pair.run_a, pair.live_a, "en")
    assert set(specs) == {"repeat", "phases", "waiting", "wait_days", "per_family", "staff"}
    for name, spec in specs.items():
        data = spec["layer"][1]["data"]["values"]
        assert 0 < len(data) <= charts.MAX_POINTS + 1, (name, len(data))
        assert data[-1]["x"] == pytest.approx(pair.policy_year, abs=1e-3), f"{name}: expected the latest day plotted"
    labels = [row["series"] for row in specs["waiting"]["layer"][1]["transform"][1]["from"]["data"]["values"]]
    assert "Regional safety team" in labels, "expected the regional safety team in a restructuring run"


def test_compare_series_difference_is_zero_for_identical_runs() -> None:
    same = ClassroomModel(compare_with="current-practice", years=YEARS, seed=5)
    assert same.live_b is not None
    for key in views.COMPARE_METRICS:
        np.testing.assert_array_equal(views.compare_series(same.live_a, key), views.compare_series(same.live_b, key))
    assert {row[3] for row in views.compare_rows(same, "nl")} == {"0"}, "expected A − B shown as 0 everywhere"


# ------------------------------------------------------------------------------- network
def test_network_edges_carry_every_handoff(pair: ClassroomModel) -> None:
    volume = pair.live_a.handoff_volume()
    graph = network.live_graph(pair.run_a, volume)
    assert sum(d["volume"] for *_, d in graph.edges(data=True)) == int(volume.sum()) > 0
    converted = bool(pair.run_a.region_converted.any())
    assert (OrgKind.REGIONAL_SAFETY_TEAM in graph) == converted


def test_layout_is_seeded() -> None:
    first = dict(network.layout())
    network.layout.cache_clear()
    assert network.layout() == first, "expected the same positions from the seeded layout"


def test_network_figure_labels_follow_the_language(pair: ClassroomModel) -> None:
    graph = network.live_graph(pair.run_a, pair.live_a.handoff_volume())
    texts = {lang: {t.get_text() for t in network.draw(graph, lang).axes[0].texts} for lang in ("nl", "en")}
    assert "Politie" in texts["nl"] and "Police" in texts["en"], texts


# ------------------------------------------------------------------------------ launcher
def test_server_binds_to_localhost_and_uses_the_cache(tmp_path: Path) -> None:
    from simulation.dashboard import launcher

    command, env = launcher.server_command(
        port=9999,
        host="127.0.0.1",
        scenario="restructuring",
        compare=None,
        seed=3,
        years=4.0,
        lang="en",
        assets_dir=tmp_path,
    )
    assert command[command.index("--host") + 1] == "127.0.0.1" and command[command.index("--port") + 1] == "9999"
    assert env["SOLARA_ASSETS_PROXY_CACHE_DIR"] == str(tmp_path)
    assert env["SAMENLOOP_DASHBOARD_SCENARIO"] == "restructuring"
    assert env["SAMENLOOP_DASHBOARD_COMPARE"] == NO_COMPARISON


def test_cli_rejects_an_unknown_scenario_without_a_traceback(samenloop_cmd: list[str]) -> None:
    done = subprocess.run(
        [*samenloop_cmd, "dashboard", "--scenario", "restructurin"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, f"expected exit code 2, got {done.returncode}: {done.stderr}"
    assert "did you mean" in done.stderr.lower() and "'restructuring'" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_a_trainers_own_scenario_file_is_offered_and_labelled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--scenario my.yaml`: the file is checked at start, offered in the page's list (as an
    absolute path, whatever the server's folder) and labelled with its display name."""
    from simulation.dashboard import launcher, session

    own = tmp_path / "more-staff.yaml"
    own.write_text(
        "name: more-staff\ndisplay_name: VT met 20% meer mensen\nextends: current-practice\n"
        "overrides:\n  organisations:\n    veilig_thuis:\n      staff:\n        fte: 2400\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    _, env = launcher.server_command(
        port=9999,
        host="127.0.0.1",
        scenario="more-staff.yaml",
        compare="current-practice",
        seed=0,
        years=2.0,
        lang="nl",
        assets_dir=tmp_path,
    )
    assert env["SAMENLOOP_DASHBOARD_SCENARIO"] == str(own) and env["SAMENLOOP_DASHBOARD_COMPARE"] == "current-practice"
    monkeypatch.setenv(session.OWN_FILES_VARIABLE, env[session.OWN_FILES_VARIABLE])
    assert session.scenario_names()[-1] == str(own) and "restructuring" in session.scenario_names()
    model = ClassroomModel(scenario_name=str(own), compare_with="current-practice", years=YEARS, seed=0)
    assert model.run_a.workforce.headcount.sum() > model.run_b.workforce.headcount.sum()
    assert views.run_name(model, 0, "nl") == "VT met 20% meer mensen"
    assert views.run_name(model, 1, "en") == "Current practice"


def test_a_broken_own_scenario_file_is_refused_before_the_server_starts(tmp_path: Path) -> None:
    from simulation.dashboard import launcher

    broken = tmp_path / "broken.yaml"
    broken.write_text("name: broken\nextends: current-practice\noverrides:\n  organisatons: {}\n", encoding="utf-8")
    for scenario, expected in ((broken, "Did you mean 'organisations'"), (tmp_path / "gone.yaml", "no scenario file")):
        with pytest.raises(SamenloopError) as caught:
            launcher.server_command(
                port=9999,
                host="127.0.0.1",
                scenario=str(scenario),
                compare=None,
                seed=0,
                years=2.0,
                lang="nl",
                assets_dir=tmp_path,
            )
        assert expected in caught.value.message() and str(scenario) in caught.value.message(), caught.value.message()
