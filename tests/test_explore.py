"""Exploration under deep uncertainty: specs are validated; a small exploration runs end to end."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import numpy as np
import pytest
import yaml

from simulation.errors import SpecError
from simulation.exploration import build_design, load_spec, run_exploration

ROOT = Path(__file__).resolve().parents[1]
TINY = {
    "name": "tiny",
    "scenarios": ["intensive-collaboration", "restructuring"],
    "sampler": "lhs",
    "samples": 6,
    "replications": 1,
    "years": 0.5,
    "warmup_years": 0.25,
    "uncertainties": {
        "include": [
            "restructuring.efficiency_gain",
            "restructuring.productivity_dip",
            "mechanisms.information_sharing.facts_lost_reduction",
        ]
    },
    "questions": [
        {
            "name": "fewer_professionals",
            "metric": "professionals_per_family",
            "scenario": "restructuring",
            "than": "intensive-collaboration",
        }
    ],
    "break_even": [
        {
            "parameter": "restructuring.efficiency_gain",
            "metric": "cost_eur_per_year",
            "scenario": "restructuring",
            "than": "intensive-collaboration",
        }
    ],
}


def write(tmp_path: Path, data: dict, name: str = "spec.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_example_spec_is_valid_and_selects_assumptions() -> None:
    spec = load_spec(ROOT / "scenarios" / "explore" / "which-assumptions-decide.yaml")
    design = build_design(spec)
    paths = [u.path for u in design.uncertainties]
    assert "restructuring.productivity_dip" in paths and "restructuring.efficiency_gain" in paths
    assert not any(p.startswith("population.") for p in paths), "calibrated population parameters must stay fixed"
    assert len(design.runs()) == spec.samples * len(spec.scenarios) * spec.replications


def test_explored_ranges_straddle_the_baseline() -> None:
    """Each default uncertainty is explored on both sides of its default (unless the default sits
    on a bound of its valid range), so the exploration is not shifted away from the baseline."""
    from simulation.parameters.registry import parameter_lookup

    lookup = parameter_lookup()
    spec = load_spec(ROOT / "scenarios" / "explore" / "which-assumptions-decide.yaml")
    one_sided = []
    for u in build_design(spec).uncertainties:
        row = lookup[u.path]
        on_valid_bound = row.value in (row.low, row.high)
        if not (u.low < row.value < u.high or (on_valid_bound and u.low <= row.value <= u.high)):
            one_sided.append(f"{u.path}: default {row.value}, explored {u.low}..{u.high}")
    assert not one_sided, "\n".join(one_sided)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"samplr": "lhs"}, "unknown key 'samplr'"),
        ({"scenarios": ["intensive-collaboration", "restructurin"]}, "Did you mean 'restructuring'"),
        ({"outcomes": ["professionals_per_famly"]}, "Did you mean 'professionals_per_family'"),
        ({"sampler": "grid"}, "lhs, sobol, morris"),
        ({"uncertainties": {"ranges": {"restructuring.productivity_dip": [0.5, 1.5]}}}, "leaves its valid range"),
        ({"uncertainties": {"include": ["restructuring.nothing*"]}}, "no parameter matches"),
        (  # a share tied to the other types' shares: every sampled run would be an invalid scenario
            {"uncertainties": {"include": ["restructuring.efficiency_gain", "population.violence.partner.share"]}},
            "population.violence.partner.share cannot vary on its own",
        ),
        ({"uncertainties": 3}, "a group of settings belongs here"),
        ({"name": "../elsewhere"}, "a spec's name is one word"),
        ({"questions": [{"name": "q", "metrik": "cost_eur_per_year"}]}, "Did you mean 'metric'"),
        ({"questions": [{"name": "q", "scenario": "restructuring", "than": "restructuring"}]}, "the setting 'metric'"),
        (
            {
                "questions": [
                    {"name": "q", "metric": "cost_eur_per_year", "scenario": "restructuring", "than": "restructuring"}
                ]
            },
            "compares 'restructuring' with itself",
        ),
        (
            {
                "break_even": [
                    {
                        "parameter": "care.help.p_help_matches_phase",
                        "metric": "cost_eur_per_year",
                        "scenario": "restructuring",
                        "than": "intensive-collaboration",
                    }
                ]
            },
            "not among the explored",
        ),
    ],
)
def test_bad_specs_get_clear_errors(tmp_path: Path, change: dict, expected: str) -> None:
    path = write(tmp_path, {**TINY, **change})
    with pytest.raises(SpecError) as caught:
        build_design(load_spec(path), file=str(path))
    message = caught.value.message()
    assert expected in message and str(path) in message and "fix:" in message, message


def own_scenario(folder: Path, display_name: str = "My restructuring") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.yaml").write_text(
        f"name: mine\ndisplay_name: {display_name}\nextends: restructuring\n"
        "overrides:\n  restructuring:\n    efficiency_gain: 0.1\n",
        encoding="utf-8",
    )


def test_a_spec_explores_own_scenario_files_relative_to_its_folder(tmp_path: Path) -> None:
    own_scenario(tmp_path / "own")
    question = {**TINY["questions"][0], "scenario": "own/mine.yaml"}
    pairing = {**TINY["break_even"][0], "scenario": "own/mine.yaml"}
    spec = load_spec(
        write(
            tmp_path,
            {
                **TINY,
                "scenarios": ["intensive-collaboration", "own/mine.yaml"],
                "questions": [question],
                "break_even": [pairing],
            },
        )
    )
    mine = str((tmp_path / "own" / "mine.yaml").resolve())
    assert spec.scenarios == ["intensive-collaboration", mine]  # absolute: workers and --resume find it
    assert spec.questions[0].scenario == mine and spec.break_even[0].scenario == mine
    design = build_design(spec)
    assert set(design.runs()["scenario"]) == {"intensive-collaboration", mine}
    assert "restructuring.productivity_dip" in [u.path for u in design.uncertainties]


@pytest.mark.parametrize(
    ("scenarios", "display_name", "expected"),
    [
        (["intensive-collaboration", "own/missing.yaml"], "Mine", "there is no scenario file"),
        (["restructuring", "restructuring"], "Mine", "'restructuring' is listed twice"),
        (["own/mine.yaml", "./own/mine.yaml"], "Mine", "is the same file as 'own/mine.yaml'"),
        (["restructuring", "own/mine.yaml"], "Restructuring", "all called 'Restructuring'"),
    ],
)
def test_a_spec_refuses_missing_repeated_or_indistinguishable_scenarios(
    tmp_path: Path, scenarios: list[str], display_name: str, expected: str
) -> None:
    own_scenario(tmp_path / "own", display_name)
    spec = {**TINY, "scenarios": scenarios, "questions": [], "break_even": []}
    path = write(tmp_path, spec)
    with pytest.raises(SpecError) as caught:
        load_spec(path)
    assert expected in caught.value.message() and str(path) in caught.value.message(), caught.value.message()


def test_validate_shows_a_specs_runs_and_uncertainties_before_anything_runs(
    tmp_path: Path, samenloop_cmd: list[str]
) -> None:
    good = write(tmp_path, TINY)
    done = subprocess.run(
        [*samenloop_cmd, "validate", str(good), "scenarios/restructuring.yaml"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert done.returncode == 0, done.stderr
    assert "12 runs (6 lhs samples × 2 scenarios × 1 replication)" in done.stdout, done.stdout
    assert "3 uncertain assumptions" in done.stdout and "restructuring.productivity_dip" in done.stdout
    assert "ok scenarios/restructuring.yaml" in done.stdout
    bad = write(tmp_path, {**TINY, "scenarios": ["restructuring", "restructuring"]}, name="bad.yaml")
    done = subprocess.run([*samenloop_cmd, "validate", str(bad)], capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "listed twice" in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_a_key_given_twice_in_a_spec_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text("name: t\nscenarios: [restructuring]\nsamples: 4\nsamples: 8\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_spec(path)
    assert "the key 'samples' appears twice" in caught.value.message() and "line 4" in caught.value.message()


def test_cli_bad_spec_exits_cleanly(tmp_path: Path, samenloop_cmd: list[str]) -> None:
    path = write(tmp_path, {**TINY, "replications": 0})
    done = subprocess.run(
        [*samenloop_cmd, "explore", str(path), "--out", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "replications" in done.stderr, done.stderr


def test_small_exploration_runs_and_analyses(tmp_path: Path) -> None:
    from simulation.exploration.report import write_exploration_report

    exploration = run_exploration(load_spec(write(tmp_path, TINY)), tmp_path / "out", quiet=True)
    assert len(exploration.runs) == 12
    x = exploration.x
    assert set(x.columns) == {
        "restructuring.efficiency_gain",
        "restructuring.productivity_dip",
        "mechanisms.information_sharing.facts_lost_reduction",
    }
    lo, hi = -0.05, 0.15  # plausible range of the efficiency gain
    assert x["restructuring.efficiency_gain"].between(lo, hi).all()
    discovery = exploration.discoveries[0]
    assert 0.0 <= discovery["share_true"] <= 1.0
    assert np.isfinite(exploration.break_evens[0]["slope"])
    report = write_exploration_report(exploration, tmp_path / "out").read_text(encoding="utf-8")
    assert "Break-even" in report and "fewer_professionals" in report and "Assumptions explored" in report
    # Within half a year no explored assumption has acted yet (the merger and the rollout come
    # later), so no outcome varies: nothing to score, and the report says so.
    assert exploration.feature_scores.empty and "this exploration has none" in report


@pytest.mark.parametrize(
    ("sampler", "scored", "expected"),
    [
        ("lhs", False, "this exploration has none"),
        ("sobol", False, "No outcome varied"),
        ("morris", True, "No outcome varied"),
    ],
)
def test_the_report_says_why_it_shows_no_sensitivity_table(sampler: str, scored: bool, expected: str) -> None:
    from types import SimpleNamespace

    import pandas as pd

    from simulation.exploration.report import _sensitivity_note

    scores = pd.DataFrame({"a": [1.0]}) if scored else pd.DataFrame()
    note = _sensitivity_note(SimpleNamespace(spec=SimpleNamespace(sampler=sampler), feature_scores=scores))  # type: ignore[arg-type]
    assert expected in note


def test_sobol_design_gives_sensitivity_indices(tmp_path: Path) -> None:
    spec = {
        **TINY,
        "scenarios": ["intensive-collaboration"],
        "sampler": "sobol",
        "samples": 4,
        "questions": [],
        "break_even": [],
        "outcomes": ["facts_lost_per_family"],
        "years": 1.5,  # the per-family metrics follow families for a year
        "uncertainties": {
            "include": [
                "mechanisms.information_sharing.facts_lost_reduction",
                "handoffs.facts_lost_information_fraction",
                "handoffs.veilig_thuis_to_local_team.p_facts_lost",
            ]
        },
    }
    exploration = run_exploration(load_spec(write(tmp_path, spec)), tmp_path / "out", quiet=True)
    assert len(exploration.runs) == 4 * (3 + 2), "Sobol without second order: N(D+2) samples"
    table = exploration.sensitivity["facts_lost_per_family"]
    assert {"S1", "ST"} <= set(table.columns) and len(table) == 3
    lost = table.set_index("parameter")["ST"]
    assert lost["handoffs.veilig_thuis_to_local_team.p_facts_lost"] > 0, "the chance of losing facts must matter"


def test_an_exploration_of_one_assumption_is_analysed(tmp_path: Path) -> None:
    """One uncertain assumption: feature scoring (a third of the inputs, rounded) must still use it."""
    from simulation.exploration.report import write_exploration_report

    lost = "handoffs.veilig_thuis_to_local_team.p_facts_lost"  # acts from day one in both scenarios
    spec = {
        **TINY,
        "uncertainties": {"include": [lost]},
        "break_even": [{**TINY["break_even"][0], "parameter": lost, "metric": "facts_lost_per_family"}],
    }
    exploration = run_exploration(load_spec(write(tmp_path, spec)), tmp_path / "out", quiet=True)
    scores = exploration.feature_scores
    assert list(scores.index) == [lost] and len(scores.columns) > 0
    assert np.allclose(scores.to_numpy(), 1.0), "with one input, it carries all of the score"
    for column in scores.columns:  # only outcomes that vary are scored
        metric, scenario = column.removesuffix(")").split(" (")
        assert exploration.outcome(metric, scenario).nunique() > 1, column
    report = write_exploration_report(exploration, tmp_path / "out").read_text(encoding="utf-8")
    assert "Break-even" in report and "analysed with feature scores (figure below)" in report


class _Advantage:
    """A stand-in for an exploration: given parameter values and advantages per sample."""

    def __init__(self, x: list[float], d: list[float]) -> None:
        from types import SimpleNamespace

        import pandas as pd

        self.x = pd.DataFrame({"p": x})
        self._d = pd.Series(d, dtype=float)
        self.spec = SimpleNamespace(seed=1)

    def advantage(self, *_: object) -> object:
        return self._d


@pytest.mark.parametrize(
    ("x", "d", "expected"),
    [
        ([0.1, 0.2, 0.3, 0.4], [np.nan] * 4, "a value in only 0 samples"),
        ([0.2] * 6, [1.0, -1.0, 2.0, 0.5, -0.5, 1.5], "takes a single value"),
        ([0.1, 0.1, 0.1, 0.4], [1.0, 1.2, 0.9, -2.0], None),  # resamples of one value: no slope, no warning
    ],
)
def test_break_even_without_a_line_to_fit_says_why(x: list[float], d: list[float], expected: str | None) -> None:
    from simulation.exploration.analysis import break_even
    from simulation.exploration.spec import BreakEven

    item = BreakEven(parameter="p", metric="cost_eur_per_year", scenario="a", than="b")
    result = break_even(_Advantage(x, d), item)  # type: ignore[arg-type]
    if expected is None:
        assert "note" not in result and result["inside_range"] and 0.1 < result["break_even"] < 0.4
        assert result["p10"] <= result["p90"]
    else:
        assert expected in result["note"] and not result["inside_range"]
