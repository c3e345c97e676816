"""Benchmark of the classroom dashboard (not a test: prints figures measured in one run).

    python benchmarks/bench_dashboard.py [--frames N] [--browser]

One frame = one simulated day (`ClassroomModel.step()`, region scale) plus refreshing the views
that the page shows after a step: the six live charts as Vega-Lite specs serialised to JSON (what
the widgets send), the KPI tiles, the organisation network drawn with networkx and rendered to
PNG; in side-by-side mode also the comparison chart, and the case journey of the top escalated
family. Frames are sampled at the start of the policy period and after 2, 4 and the last policy
years (the chain grows over the run, so later frames cost more).

`--browser` also starts the dashboard server and measures, with Debian's Chromium, the time from
clicking Step (render interval 1) until the page shows the new day (end to end, informational).

Target (issue 6): one simulated day plus refreshing the views at region scale <= 100 ms.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time

TARGET_MS = 100.0


def refresh(model, lang: str = "nl", journey_too: bool = True) -> int:  # type: ignore[no-untyped-def]
    """Everything the page recomputes after a step; returns bytes sent for the charts."""
    from simulation.dashboard import app, charts, journey

    specs = app.live_specs(model.run_a, model.live_a, lang)
    sent = sum(len(json.dumps(spec)) for spec in specs.values())
    for _, series in model.runs:
        app._kpis(series)
    figure = app.network_figure(model.run_a, model.live_a, lang)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    sent += buffer.tell()
    if model.run_b is not None:
        sent += len(json.dumps(app.compare_spec(model, "m_repeat", lang)))
    if journey_too:
        families = journey.escalated_families(model.run_a)
        if families:
            steps = journey.events(model.run_a, families[0], lang)
            rows, lanes = journey.timeline_rows(steps, lang)
            bands = journey.phase_bands(model.run_a, families[0], lang)
            spec = charts.timeline_chart(
                "t", rows, lanes, x_title="x", lane_title="y", phase_rows=bands, phase_colours={}
            )
            sent += len(json.dumps(spec))
    return sent


def measure(side_by_side: bool, frames: int) -> dict[str, object]:
    from simulation.dashboard.session import ClassroomModel

    start = time.perf_counter()
    model = ClassroomModel(
        scenario_name="restructuring", compare_with="current-practice" if side_by_side else "—", years=6.0, seed=1
    )
    build_s = time.perf_counter() - start
    horizon = model.run_a.horizon_days
    checkpoints = [model.run_a.start_day + round(y * 365.25) for y in (0, 2, 4)] + [horizon - frames - 1]
    step_ms: list[float] = []
    frame_ms: list[float] = []
    sent: list[int] = []
    by_point: dict[str, float] = {}
    for at in checkpoints:
        while model.day < at:
            model.step()
        point: list[float] = []
        for _ in range(frames):
            t0 = time.perf_counter()
            model.step()
            t1 = time.perf_counter()
            sent.append(refresh(model))
            t2 = time.perf_counter()
            step_ms.append((t1 - t0) * 1000)
            frame_ms.append((t2 - t0) * 1000)
            point.append((t2 - t0) * 1000)
        by_point[f"year {model.policy_year:.1f}"] = statistics.median(point)
    return {
        "mode": "side by side (2 runs)" if side_by_side else "single run",
        "build_and_warmup_s": round(build_s, 2),
        "step_ms_median": round(statistics.median(step_ms), 2),
        "frame_ms_median": round(statistics.median(frame_ms), 1),
        "frame_ms_p90": round(sorted(frame_ms)[int(0.9 * len(frame_ms))], 1),
        "frame_ms_max": round(max(frame_ms), 1),
        "frame_ms_by_policy_year": {k: round(v, 1) for k, v in by_point.items()},
        "kb_per_frame": round(statistics.median(sent) / 1024, 1),
    }


def browser_step_ms(clicks: int) -> dict[str, float]:
    """End to end: click Step (render interval 1) and wait until the page shows the next day."""
    import os
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
    parser.add_argument("--frames", type=int, default=15, help="frames timed at each sample point")
    parser.add_argument("--browser", action="store_true", help="also time Step end to end in Chromium")
    args = parser.parse_args()
    results = [measure(False, args.frames), measure(True, args.frames)]
    for r in results:
        print(json.dumps(r, indent=2))
    worst = max(float(r["frame_ms_median"]) for r in results)  # type: ignore[arg-type]
    print(
        f"one simulated day + view refresh (median, worst mode): {worst:.1f} ms; target <= {TARGET_MS:.0f} ms: "
        f"{'met' if worst <= TARGET_MS else 'NOT met'}"
    )
    if args.browser:
        print(json.dumps(browser_step_ms(10), indent=2))


if __name__ == "__main__":
    main()
