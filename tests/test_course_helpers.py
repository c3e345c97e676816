"""The course helpers in simulation/course: run cache, graph, journey, case, feedback preprocessors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from simulation.course import runs
from simulation.course.cases import escalated_case, example_candidates
from simulation.course.feedback import HideHiddenTestErrors, LimitOutputSize
from simulation.course.journeys import FLAGS, PROFESSIONAL_SERVICES, flag_names, journey
from simulation.course.network import POWERS, chain_graph, power_glossary
from simulation.enums import EventKind, OrgKind, Severity
from simulation.organisations import LEGAL_POWERS
from simulation.prioritisation import first_come_first_served
from simulation.records import FACTS_LOST, NO_HOLDER
from simulation.runner import run_scenario

SMALL = {"years": 0.4, "warmup_years": 0.2}
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
TABLES = ("records", "families", "daily", "services", "organisations")


@pytest.fixture()
def disk_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SAMENLOOP_COURSE_CACHE", str(tmp_path / "cache"))
    runs.clear_memory()
    yield tmp_path / "cache"
    runs.clear_memory()


def test_cached_run_equals_a_fresh_run(disk_cache):
    first = runs.course_run("current-practice", 4, **SMALL)
    assert len(list(disk_cache.iterdir())) == 1, "the run is written to the disk cache"
    runs.clear_memory()
    cached = runs.course_run("current-practice", 4, **SMALL)
    fresh = run_scenario("current-practice", seed=4, scale="region", **SMALL)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(cached, name), getattr(fresh, name), check_exact=True, obj=name)
        pd.testing.assert_frame_equal(getattr(cached, name), getattr(first, name), check_exact=True, obj=name)
    assert cached.meta["scenario_hash"] == fresh.meta["scenario_hash"]


def test_cache_keys_separate_seeds_overrides_and_rules(disk_cache):
    base = runs.course_run("current-practice", 4, **SMALL)
    other_seed = runs.course_run("current-practice", 5, **SMALL)
    never_fits = {"care": {"help": {"p_help_matches_phase": 0.0}}}
    changed = runs.course_run("current-practice", 4, overrides=never_fits, **SMALL)
    assert not base.records.equals(other_seed.records), "another seed gives another run"
    assert base.meta["scenario_hash"] != changed.meta["scenario_hash"], "overrides change the scenario"
    on = {"mechanisms": {"actieoverleg": {"enabled": True, "ramp_years": 0.0, "coverage": 1.0}}}
    runs.course_run("current-practice", 4, overrides=on, prioritisation=first_come_first_served, **SMALL)
    calls = []

    def custom(candidates):
        calls.append(len(candidates))
        return candidates

    runs.course_run("current-practice", 4, overrides=on, prioritisation=custom, **SMALL)
    assert calls, "a custom rule is really run"
    assert len(list(disk_cache.iterdir())) == 4, "library rules are cached on disk, custom rules only in memory"


def test_results_from_the_cache_are_copies(disk_cache):
    one = runs.course_run("current-practice", 4, **SMALL)
    one.records.loc[:, "family"] = -7
    again = runs.course_run("current-practice", 4, **SMALL)
    assert (again.records["family"] != -7).any(), "changing a returned result must not change the cache"


def test_cache_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("SAMENLOOP_COURSE_CACHE", "off")
    assert runs.cache_dir() is None
    monkeypatch.delenv("SAMENLOOP_COURSE_CACHE")
    assert runs.cache_dir() is not None and runs.cache_dir().name == "course-runs"


def test_chain_graph_carries_the_legal_powers():
    graph = chain_graph()
    for kind in graph:
        assert graph.nodes[kind]["powers"] == sorted(r.name.lower() for r in LEGAL_POWERS[kind])
    merged = chain_graph(restructured=True)
    assert OrgKind.REGIONAL_SAFETY_TEAM in merged and OrgKind.VEILIG_THUIS not in merged
    glossary = power_glossary("nl")
    held = {r.name.lower() for powers in LEGAL_POWERS.values() for r in powers}
    assert set(glossary["power"]) == held, "every power that someone holds is in the glossary"
    assert held <= set(POWERS), f"powers without a Dutch/English meaning: {sorted(held - set(POWERS))}"
    with pytest.raises(ValueError, match="lang"):
        power_glossary("de")


def test_journey_reads_the_records(baseline):
    family = int(baseline.families.sort_values("n_handoffs", ascending=False)["family"].iloc[0])
    story = journey(baseline, family)
    own = baseline.records[baseline.records["family"] == family]
    assert len(story) == len(own) and story["time"].is_monotonic_increasing
    handoffs = story[story["event"] == "handoff"]
    raw = own[own["event"] == EventKind.HANDOFF]
    assert list(handoffs["to"]) == [OrgKind(int(d)).label for d in raw["detail"]]
    assert list(handoffs["facts_lost"]) == list((raw["flag"] & FACTS_LOST) > 0)
    assert flag_names(FACTS_LOST | NO_HOLDER) == ["facts_lost", "nobody_holds_safety"]
    assert set(FLAGS.values()) <= set(story.columns)
    assert PROFESSIONAL_SERVICES, "some services bring a professional"
    with pytest.raises(ValueError, match="not in this run"):
        journey(baseline, 10**9)


def test_escalated_case_fits_the_case_review(monkeypatch):
    monkeypatch.setenv("SAMENLOOP_COURSE_CACHE", str(ARTIFACTS / "course-run-cache"))
    result = runs.course_run("current-practice", 3)
    case = escalated_case(result)
    r = result.records
    own = r[(r["family"] == case.family) & (r["time"] < case.escalation_time)]
    at = r[(r["family"] == case.family) & (r["time"] == case.escalation_time) & (r["event"] == EventKind.INCIDENT)]
    assert (at["detail"] == Severity.SERIOUS).any() and case.escalation_time >= result.start_day
    assert (own["event"] == EventKind.REPORT).sum() >= 2
    handoffs = own[own["event"] == EventKind.HANDOFF]
    assert ((handoffs["flag"] & FACTS_LOST) > 0).any() and ((handoffs["flag"] & NO_HOLDER) > 0).any()
    signals = own[own["event"].isin([EventKind.SIGNAL, EventKind.REPORT, EventKind.ADVICE])]
    assert signals["org_kind"].nunique() >= 2 and not (own["event"] == EventKind.MEETING).any()


def test_example_candidates_is_a_waiting_list():
    table = example_candidates()
    assert list(table.columns) == [
        "family",
        "proposed_day",
        "waiting_days",
        "acute",
        "risk_score",
        "children",
        "serious_incidents",
        "reports",
        "care_avoiding",
        "region",
    ]
    assert table["acute"].any() and not table["acute"].all() and table["risk_score"].duplicated().any()


def test_feedback_keeps_hidden_tests_out_of_errors():
    source = 'assert f(1) == 1\n### BEGIN HIDDEN TESTS\nassert f(2) == 99, "f must grow"\n### END HIDDEN TESTS'
    cell = new_code_cell(source)
    cell.outputs = [
        new_output("stream", name="stdout", text="printed by f\n"),
        new_output("error", ename="AssertionError", evalue="f must grow", traceback=["... assert f(2) == 99 ..."]),
        new_output("execute_result", data={"text/plain": "99"}, execution_count=1),
    ]
    out, _ = HideHiddenTestErrors().preprocess_cell(cell, {}, 0)
    text = str(out.outputs)
    assert "f(2) == 99" not in text and "f must grow" in text and "printed by f" in text
    assert [o.output_type for o in out.outputs] == ["stream", "error"]
    notebook = new_notebook(cells=[new_code_cell(source)])
    notebook.cells[0].outputs = [new_output("error", ename="AssertionError", evalue="m", traceback=["f(2) == 99"])]
    processed, _ = HideHiddenTestErrors()(notebook, {})  # the way nbconvert calls it: must be enabled
    assert "f(2) == 99" not in str(processed.cells[0].outputs), "the preprocessor runs when nbgrader calls it"
    visible = new_code_cell("assert f(1) == 1")
    visible.outputs = [new_output("error", ename="AssertionError", evalue="", traceback=["assert f(1) == 1"])]
    kept, _ = HideHiddenTestErrors().preprocess_cell(visible, {}, 0)
    assert kept.outputs[0].traceback == ["assert f(1) == 1"], "cells without hidden tests keep their traceback"


def test_huge_outputs_are_capped():
    cell = new_code_cell("print('x' * 10**6)")
    big_image = "A" * 3_000_000
    cell.outputs = [
        new_output("stream", name="stdout", text="x" * 1_000_000),
        new_output("display_data", data={"image/png": big_image}),
        new_output("display_data", data={"text/plain": "y" * 50_000, "image/png": "small"}),
    ]
    out = LimitOutputSize()(new_notebook(cells=[cell]), {})[0].cells[0]  # as nbgrader calls it
    assert len(out.outputs[0].text) < 25_000 and "truncated" in out.outputs[0].text
    assert out.outputs[1].data == {"text/plain": "[image removed: too large]"}
    assert out.outputs[2].data["image/png"] == "small" and len(out.outputs[2].data["text/plain"]) < 25_000
