"""Benchmark of the classroom dashboard (not a test: prints figures measured in one run).

    python benchmarks/bench_dashboard.py [--frames N] [--browser]

One frame = one simulated day (`ClassroomModel.step()`, region scale) plus refreshing the views:
the dashboard page is rendered in this process by Solara (`solara.render(Page())`, the same
component tree the server renders for a browser tab) and, after each step, re-rendered the way
SolaraViz triggers it (`force_update()`); the time covers building the Vega-Lite specs, the KPI
tiles, the network (redrawn once per simulated week), reacton's reconciliation and the widget
state updates - everything but sending the messages and drawing in the browser. Every tab is
timed (tabs render lazily: only the open one refreshes), for one run and for two side by side.
Frames are sampled at the policy start, after 2 and 4 policy years and at the end of 6 policy
years (the chain and its event log grow over the run, so later frames cost more). The figure
compared with the target is the worst median over tabs and modes.

`--browser` also starts `samenloop dashboard` and measures, with Debian's Chromium, the time from
clicking Step (render interval 1) until the page shows the new day: end to end, informational.

Target (issue 6): one simulated day plus refreshing the views at region scale <= 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from typing import Any

TARGET_MS = 100.0
TABS = ("live", "side_by_side", "case_journey")


def solara_frames(side_by_side: bool, frames: int) -> dict[str, Any]:
    """Step + Solara re-render, per tab, at several points of a 6-year run."""
    os.environ["SAMENLOOP_DASHBOARD_SCENARIO"] = "restructuring"
    os.environ["SAMENLOOP_DASHBOARD_COMPARE"] = "current-practice" if side_by_side else "—"
    os.environ["SAMENLOOP_DASHBOARD_YEARS"] = "6"
    import solara
    from mesa.visualization.utils import force_update

    from simulation.dashboard import app

    made: list[Any] = []
    base = app.ClassroomModel

    class Recording(base):  # type: ignore[misc, valid-type]
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            made.append(self)

    app.ClassroomModel = Recording  # type: ignore[misc]
    try:
        start = time.perf_counter()
        _, context = solara.render(app.Page(), handle_error=False)
        first_render_s = time.perf_counter() - start
    finally:
        app.ClassroomModel = base  # type: ignore[misc]
    model = made[-1]
    tabs = [t for t in TABS if side_by_side or t != "side_by_side"]
    frames_per_point = frames * len(tabs)
    checkpoints = [model.run_a.start_day + round(y * 365.25) for y in (0, 2, 4)]
    checkpoints.append(model.run_a.horizon_days - frames_per_point - 1)
    step_ms: list[float] = []
    frame_ms: dict[str, list[float]] = {t: [] for t in tabs}
    for at in checkpoints:
        while model.day < at:
            model.step()
        for tab in tabs:
            app.current_tab.set(TABS.index(tab) if tab != "case_journey" else 2)
            force_update()  # render the tab once before timing
            for _ in range(frames):
                t0 = time.perf_counter()
                model.step()
                t1 = time.perf_counter()
                force_update()
                t2 = time.perf_counter()
                step_ms.append((t1 - t0) * 1000)
                frame_ms[tab].append((t2 - t0) * 1000)
    app.current_tab.set(0)
    context.close()  # unmount, or its views would re-render with the next page's updates
    return {
        "mode": "side by side (2 runs)" if side_by_side else "single run",
        "first_render_with_warmup_s": round(first_render_s, 2),
        "step_ms_median": round(statistics.median(step_ms), 2),
        "frame_ms_median": {t: round(statistics.median(v), 1) for t, v in frame_ms.items()},
        "frame_ms_p90": {t: round(sorted(v)[int(0.9 * len(v))], 1) for t, v in frame_ms.items()},
    }


def browser_step_ms(clicks: int) -> dict[str, float]:
    """End to end: click Step (render interval 1) and wait until the page shows the next day."""
    import re
    import socket
    import subprocess
    import urllib.request

    from playwright.sync_api import expect, sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = os.path.join(os.path.dirname(sys.executable), "samenloop")
    server = subprocess.Popen(
        [exe, "dashboard", "--port", str(port), "--compare", "current-practice"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/")
            label = page.get_by_text(re.compile(r"^Time: "))
            label.wait_for(timeout=90_000)
            slider = page.locator(".v-input", has_text="Render Interval").get_by_role("slider")
            slider.focus()
            for _ in range(6):  # 7 -> 1
                slider.press("ArrowLeft")
            times = []
            for _ in range(clicks):
                before = label.inner_text()
                t0 = time.perf_counter()
                page.get_by_role("button", name="Step").click()
                expect(label).not_to_have_text(before, timeout=30_000)
                times.append((time.perf_counter() - t0) * 1000)
            browser.close()
        return {"clicks": clicks, "step_click_to_new_day_ms_median": round(statistics.median(times), 1)}
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=15, help="frames timed per tab at each sample point")
    parser.add_argument("--browser", action="store_true", help="also time Step end to end in Chromium")
    args = parser.parse_args()
    results = [solara_frames(False, args.frames), solara_frames(True, args.frames)]
    for r in results:
        print(json.dumps(r, indent=2))
    worst = max(v for r in results for v in r["frame_ms_median"].values())
    print(
        f"one simulated day + refresh of the views (median, worst tab and mode): {worst:.1f} ms; "
        f"target <= {TARGET_MS:.0f} ms: {'met' if worst <= TARGET_MS else 'NOT met'}"
    )
    if args.browser:
        print(json.dumps(browser_step_ms(10), indent=2))


if __name__ == "__main__":
    main()
