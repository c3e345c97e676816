"""The classroom dashboard in a real browser: Playwright driving Debian's Chromium.

The server is `samenloop dashboard` started as a subprocess on a free port (side by side with
current practice, so every page holds two runs) and stopped at the end. Every test opens its
own browser context, that is its own Solara session, so it starts from a fresh model at the end
of the warm-up (day 365). Screenshots of every view go to tests/artifacts/screenshots/ (ignored
by git) for review.

Without Chromium or the page assets these tests skip on a laptop; with CI=true they fail.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from simulation.dashboard import assets
from simulation.errors import SamenloopError

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "tests" / "artifacts" / "screenshots"
CHROMIUM = Path(os.environ.get("SAMENLOOP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
START_DAY = 365  # the warm-up year is simulated before the page shows
STEP_DAYS = 7  # the default render interval: Step advances a week
LOAD_TIMEOUT = 120_000  # ms; page, assets and two warmed-up models on a busy 2-core machine


def _cannot_run(reason: str) -> None:
    """Skip on a laptop; fail in CI, where the browser tests must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright: launch Debian's Chromium (never `playwright install`)."""
    if not CHROMIUM.exists():
        _cannot_run(f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": {"width": 1500, "height": 1000}}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ensure_browser_and_assets() -> None:
    """Chromium is installed and Solara's page assets are in the cache (fetched from npm if not)."""
    if not CHROMIUM.exists():
        _cannot_run(f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)")
    if assets.missing_packages():
        try:
            assets.prepare(quiet=True)
        except SamenloopError as exc:
            _cannot_run(f"page assets missing and cannot be fetched: {exc.message()}")


def wait_until_serving(url: str, server: subprocess.Popen[bytes], log_path: Path, timeout: float = 120.0) -> None:
    """Poll `url` until it answers 200; fail with the server's log if it exits or takes too long."""
    deadline = time.monotonic() + timeout
    while True:
        if server.poll() is not None:
            pytest.fail(f"server exited ({server.returncode}):\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"server not ready after {timeout:.0f} s:\n{log_path.read_text()[-3000:]}")
        time.sleep(0.5)


@contextmanager
def dashboard_server(args: list[str], log_path: Path) -> Iterator[str]:
    """`samenloop dashboard ARGS` on a free port; yields its URL, stops it (by its PID) at the end."""
    ensure_browser_and_assets()
    port = _free_port()
    exe = Path(sys.executable).with_name("samenloop")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "simulation.cli"]
    command += ["dashboard", "--port", str(port), *args]
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_serving(url, server, log_path)
        yield url
    finally:
        stop(server, timeout_s=20)


@pytest.fixture(scope="session")
def dashboard_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A dashboard server for this test session, side by side with current practice."""
    args = ["--compare", "current-practice", "--years", "4", "--seed", "0"]
    with dashboard_server(args, tmp_path_factory.mktemp("dashboard") / "server.log") as url:
        yield url


def stop(server: subprocess.Popen[bytes], timeout_s: float) -> None:
    """Terminate a server process; kill it if it does not stop within `timeout_s`."""
    server.terminate()
    try:
        server.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=timeout_s)


def shot(page: Page, name: str, selector: str | None = None) -> None:
    """Save a screenshot of the page (or of one view) for review."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = page.locator(selector).first if selector else page
    target.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def model_day(page: Page) -> int:
    """SolaraViz's "Time: N" card (model time in days)."""
    text = page.get_by_text(re.compile(r"^Time: ")).inner_text()
    return round(float(text.split(":", 1)[1]))


def open_dashboard(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_text(re.compile(r"^Time: "))).to_have_text(f"Time: {START_DAY}.0", timeout=LOAD_TIMEOUT)
    expect(page.locator(".view-repeat .vega-embed svg.marks").first).to_be_visible(timeout=LOAD_TIMEOUT)


def step(page: Page, times: int = 1) -> None:
    for _ in range(times):
        before = model_day(page)
        page.get_by_role("button", name="Step").click()
        expect(page.get_by_text(re.compile(r"^Time: "))).to_have_text(f"Time: {before + STEP_DAYS}.0", timeout=30_000)


def open_tab(page: Page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def differences(page: Page) -> list[str]:
    """The A − B column of the side-by-side table."""
    rows = page.locator(".compare-table tbody tr")
    expect(rows.first).to_be_visible(timeout=30_000)
    return [rows.nth(i).locator("td").nth(3).inner_text() for i in range(rows.count())]


# ------------------------------------------------------------------------------------ tests
def test_page_loads_and_shows_the_plots(page: Page, dashboard_url: str) -> None:
    open_dashboard(page, dashboard_url)
    for view in ("repeat", "phases", "waiting", "wait_days", "per_family", "staff"):
        chart = page.locator(f".view-{view} .vega-embed svg.marks")
        expect(chart).to_be_visible(timeout=30_000)
        marks = chart.locator("g.mark-line path, g.mark-area path")
        assert marks.count() > 0, f"expected lines or areas drawn in the {view} chart"
    network = page.locator(".view-network img")
    expect(network).to_be_visible(timeout=30_000)
    width = network.evaluate("img => img.naturalWidth")
    assert width > 200, f"expected the network drawn as an image, natural width {width}"
    assert page.get_by_text("Dag 365").count() == 1, "expected the status line at the end of the warm-up"
    shot(page, "01-live-nl")
    for view in ("repeat", "phases", "waiting", "wait_days", "per_family", "staff", "network"):
        page.locator(f".view-{view}").scroll_into_view_if_needed()
        shot(page, f"02-view-{view}", f".view-{view}")


def test_step_advances_the_model_time(page: Page, dashboard_url: str) -> None:
    open_dashboard(page, dashboard_url)
    assert model_day(page) == START_DAY
    step(page)
    assert model_day(page) == START_DAY + STEP_DAYS
    expect(page.get_by_text(f"Dag {START_DAY + STEP_DAYS} ")).to_be_visible()
    step(page, 2)
    assert model_day(page) == START_DAY + 3 * STEP_DAYS


def test_play_and_pause(page: Page, dashboard_url: str) -> None:
    open_dashboard(page, dashboard_url)
    page.get_by_role("button", name="▶").click()
    pause = page.get_by_role("button", name="❚❚")
    expect(pause).to_be_visible(timeout=10_000)
    deadline = time.monotonic() + 60
    while model_day(page) < START_DAY + 3 * STEP_DAYS:
        assert time.monotonic() < deadline, f"expected play to advance the model, still at day {model_day(page)}"
        page.wait_for_timeout(250)
    pause.click()
    expect(page.get_by_role("button", name="▶")).to_be_visible(timeout=10_000)
    page.wait_for_timeout(500)  # a step in progress when Pause was pressed may still land
    paused_at = model_day(page)
    page.wait_for_timeout(2000)
    assert model_day(page) == paused_at, f"expected the model to stay at day {paused_at} while paused"
    assert paused_at > START_DAY + 2 * STEP_DAYS


def test_switching_a_mechanism_on_changes_a_displayed_figure(page: Page, dashboard_url: str) -> None:
    open_dashboard(page, dashboard_url)
    open_tab(page, "Naast elkaar")
    step(page, 8)
    before = differences(page)
    assert set(before) == {"0"}, f"expected identical runs (same scenario, same seed), got A − B = {before}"
    checkbox = page.get_by_role("checkbox", name="Samen op in acuut")
    checkbox.check(force=True)
    expect(checkbox).to_be_checked()
    page.wait_for_timeout(500)  # let the server take the new parameter before Reset
    page.get_by_role("button", name="Reset").click()
    expect(page.locator(".status-line")).to_contain_text(
        "A: Huidige praktijk + Samen op in acuut — Actieve mechanismen: Samen op in acuut", timeout=LOAD_TIMEOUT
    )
    expect(page.locator(".status-line")).to_contain_text("B: Huidige praktijk — Actieve mechanismen: geen")
    assert model_day(page) == START_DAY, "expected Reset to start again after the warm-up"
    step(page, 12)
    after = differences(page)
    assert any(value != "0" for value in after), f"expected A − B to differ from 0 after 12 weeks, got {after}"
    shot(page, "03-mechanism-on-side-by-side")


def test_two_tabs_hold_independent_models(browser: Browser, dashboard_url: str) -> None:
    first = browser.new_context(viewport={"width": 1500, "height": 1000}).new_page()
    second = browser.new_context(viewport={"width": 1500, "height": 1000}).new_page()
    try:
        open_dashboard(first, dashboard_url)
        step(first, 2)
        open_dashboard(second, dashboard_url)
        assert model_day(second) == START_DAY, "expected a new tab to start from its own model"
        step(second)
        assert model_day(second) == START_DAY + STEP_DAYS
        first.wait_for_timeout(500)
        assert model_day(first) == START_DAY + 2 * STEP_DAYS, "expected the first tab untouched by the second"
    finally:
        first.context.close()
        second.context.close()


def test_side_by_side_shows_two_runs_and_a_difference(page: Page, dashboard_url: str) -> None:
    open_dashboard(page, dashboard_url)
    page.get_by_role("button", name=re.compile(r"^Scenario")).click()
    page.get_by_role("option", name="restructuring").click()
    page.get_by_role("button", name="Reset").click()
    expect(page.locator(".status-line")).to_contain_text("A: Herinrichting", timeout=LOAD_TIMEOUT)
    open_tab(page, "Naast elkaar")
    step(page, 4)
    chart = page.locator(".view-compare .vega-embed svg.marks")
    expect(chart).to_be_visible(timeout=30_000)
    expect(chart.get_by_text("A: Herinrichting")).to_be_visible()
    expect(chart.get_by_text("B: Huidige praktijk")).to_be_visible()
    expect(chart.get_by_text("Verschil A − B")).to_be_visible()
    lines = chart.locator("g.mark-line path")
    assert lines.count() >= 2, f"expected a line per run, found {lines.count()}"
    assert chart.locator("g.mark-area path").count() >= 1, "expected the difference drawn"
    assert len(differences(page)) == 9
    page.get_by_role("button", name=re.compile(r"^Maat")).click()
    page.get_by_role("option", name="Wachtlijst VT/RVT").click()
    expect(chart.get_by_text(re.compile(r"^Wachtlijst VT/RVT: A = "))).to_be_visible(timeout=30_000)
    shot(page, "04-side-by-side")


def test_case_journey_shows_a_timeline_for_a_chosen_family(page: Page, dashboard_url: str) -> None:
    open_dashboard(page, dashboard_url)
    open_tab(page, "Casusreview")
    picker = page.get_by_role("button", name=re.compile(r"^Kies een gezin"))
    expect(picker).to_be_visible(timeout=30_000)
    picker.click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    assert options.count() >= 2, "expected a list of escalated families"
    choice = options.nth(1).inner_text()
    family = re.search(r"Gezin (\d+)", choice)
    assert family, choice
    options.nth(1).click()
    chart = page.locator(".view-journey .vega-embed svg.marks")
    expect(chart.get_by_text(f"Tijdlijn van gezin {family.group(1)}")).to_be_visible(timeout=30_000)
    for lane in ("Incident", "Overdracht", "Fase"):
        expect(chart.get_by_text(lane, exact=True)).to_be_visible()
    assert chart.locator("g.mark-symbol path").count() > 3, "expected the family's events as points"
    table = page.locator(".journey-table tbody tr")
    assert table.count() > 3, "expected the events listed under the timeline"
    expect(page.locator(".journey-table")).to_contain_text("overdracht")
    expect(page.locator(".journey-table")).to_contain_text("Veiligheid in handen van")
    expect(page.locator(".journey-summary")).to_contain_text("overdrachten:")
    page.locator(".view-journey").scroll_into_view_if_needed()
    shot(page, "05-case-journey")


def test_language_switch_changes_labels(page: Page, dashboard_url: str) -> None:
    open_dashboard(page, dashboard_url)
    expect(page.get_by_role("tab", name="Casusreview")).to_be_visible()
    expect(page.locator(".view-waiting svg").get_by_text("Wachtlijst per organisatie (gezinnen)")).to_be_visible()
    page.get_by_role("button", name="en", exact=True).click()
    expect(page.get_by_role("tab", name="Case journey")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("tab", name="Casusreview")).to_have_count(0)
    expect(page.locator(".view-waiting svg").get_by_text("Waiting list per organisation (families)")).to_be_visible(
        timeout=30_000
    )
    expect(page.get_by_text("Day 365 · policy year")).to_be_visible()
    expect(page.get_by_text("Capacity Veilig Thuis (%)")).to_be_visible()
    expect(page.get_by_text("Samenloop — classroom dashboard")).to_be_visible()
    shot(page, "06-live-en")
    open_tab(page, "Help")
    expect(page.locator(".help")).to_contain_text("Repeat violence")
    shot(page, "07-help-en")
    page.get_by_role("button", name="nl", exact=True).click()
    expect(page.get_by_role("tab", name="Uitleg")).to_be_visible(timeout=30_000)
    expect(page.locator(".help")).to_contain_text("Herhaald geweld")


def test_a_trainers_own_scenario_file_runs_in_the_page(page: Page, tmp_path: Path) -> None:
    own = tmp_path / "meer-personeel.yaml"
    own.write_text(
        "name: meer-personeel\ndisplay_name: VT met meer mensen\nextends: current-practice\n"
        "overrides:\n  organisations:\n    veilig_thuis:\n      staff:\n        fte: 2400\n",
        encoding="utf-8",
    )
    with dashboard_server(["--scenario", str(own), "--years", "2"], tmp_path / "server.log") as url:
        open_dashboard(page, url)
        expect(page.locator(".status-line")).to_contain_text("A: VT met meer mensen")
        step(page)
        page.get_by_role("button", name=re.compile(r"^Scenario")).click()
        expect(page.get_by_role("option", name=str(own))).to_be_visible()
        shot(page, "09-own-scenario")


def test_the_same_dashboard_runs_inside_jupyterlab(page: Page, tmp_path: Path) -> None:
    """The notebook (copied, so autosave cannot write outputs into the repository) in JupyterLab."""
    ensure_browser_and_assets()
    lab = Path(sys.executable).with_name("jupyter-lab")
    if not lab.exists():
        _cannot_run("JupyterLab is not installed (pip install -e '.[test]')")
    notebook = ROOT / "notebooks" / "03-classroom-dashboard.ipynb"
    (tmp_path / notebook.name).write_bytes(notebook.read_bytes())
    port, token = _free_port(), "samenloop-test"
    env = {**os.environ, **assets.environment(assets.default_cache_dir())}
    command = [str(lab), "--no-browser", f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={tmp_path}"]  # fmt: skip
    if os.geteuid() == 0:
        command.append("--allow-root")
    with (tmp_path / "lab.log").open("w", encoding="utf-8") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp_path)
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/api", server, tmp_path / "lab.log")
        page.goto(f"http://127.0.0.1:{port}/lab/tree/{notebook.name}?token={token}", timeout=LOAD_TIMEOUT)
        expect(page.locator(".jp-Notebook")).to_be_visible(timeout=LOAD_TIMEOUT)
        page.wait_for_timeout(2000)  # let the kernel start before running
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        output = page.locator(".jp-OutputArea")
        expect(output.locator(".view-repeat .vega-embed svg.marks").first).to_be_visible(timeout=LOAD_TIMEOUT)
        expect(output.get_by_role("tab", name="Casusreview")).to_be_visible()
        expect(output.locator(".status-line")).to_contain_text("A: Herinrichting")
        expect(output.locator("img").last).to_be_visible(timeout=LOAD_TIMEOUT)  # the static comparison plot
        output.locator(".view-repeat").first.scroll_into_view_if_needed()
        shot(page, "08-jupyterlab")
    finally:
        stop(server, timeout_s=30)
