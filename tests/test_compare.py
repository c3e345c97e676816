"""The planners' comparison: paired differences, crossings, readings that never overclaim, the report."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from simulation import metrics
from simulation.appraisal import assessment_table, group_verdicts, read
from simulation.compare import Comparison, _crossing_month, describe_crossing, in_sentence
from simulation.experiments.design import RunSettings, comparison_design
from simulation.experiments.outcomes import SERIES
from simulation.report import _dips, roadmap
from simulation.scenario_files import load_scenario


def synthetic(values: dict[str, list[float]], monthly: dict[str, np.ndarray] | None = None) -> Comparison:
    """A comparison whose every metric takes the given per-seed values per scenario."""
    scenarios = list(values)
    seeds = list(range(1, len(values[scenarios[0]]) + 1))
    design = comparison_design(scenarios, len(seeds), RunSettings(years=2.0))
    rows = []
    for scenario in scenarios:
        for seed, v in zip(seeds, values[scenario], strict=True):
            row = {"key": f"s00000-{scenario}-seed{seed}", "sample": 0, "scenario": scenario, "seed": seed}
            for name in metrics.METRICS:
                row[name] = v
                row[f"final_year__{name}"] = v
            rows.append(row)
    runs = pd.DataFrame(rows).set_index("key")
    arrays = {}
    for name in SERIES:
        series = monthly or {s: np.zeros(24) for s in scenarios}
        arrays[f"monthly__{name}"] = np.stack([series[r["scenario"]] + 0.0 for _, r in runs.iterrows()])
    return Comparison(design=design, runs=runs, arrays=arrays, baseline=scenarios[0])


def test_paired_differences_use_the_same_seed() -> None:
    comparison = synthetic({"a": [10, 20, 30, 40, 50], "b": [11, 21, 31, 41, 51]})
    diffs = comparison.differences()
    row = diffs[diffs["metric"] == "triage_wait_days"].iloc[0]
    # Unpaired, the spread is 40; paired, every difference is exactly +1.
    assert row["p2_5"] == pytest.approx(1.0) and row["p97_5"] == pytest.approx(1.0), row.to_dict()
    assert row["better_share"] == 0.0, "lower waits are better: b (higher) is never better"


def test_readings_only_claim_what_the_interval_supports() -> None:
    clear = synthetic({"a": [10, 20, 30, 40, 50, 60, 70], "b": [9, 19, 29, 39, 49, 59, 69]})
    noisy = synthetic({"a": [10, 20, 30, 40, 50, 60, 70], "b": [12, 17, 33, 38, 51, 58, 71]})
    labels = {"a": "A", "b": "B"}
    clear_row = clear.differences().query("metric == 'triage_wait_days'").iloc[0]
    noisy_row = noisy.differences().query("metric == 'triage_wait_days'").iloc[0]
    assert read(clear_row, "A", "B").verdict == "better"
    assert read(noisy_row, "A", "B").verdict == "unclear"
    assert "no clear difference" in read(noisy_row, "A", "B").text
    verdicts = group_verdicts(assessment_table(noisy, labels), noisy, labels)
    assert all("no clear difference" in v for v in verdicts), verdicts


def test_too_few_replications_make_no_claim() -> None:
    """Five replications that all agree still make no "clear" difference: with fewer than seven,
    an 80% interval misses zero by chance for one metric in ten or more."""
    few = synthetic({"a": [10, 20, 30, 40, 50], "b": [9, 19, 29, 39, 49]})
    labels = {"a": "A", "b": "B"}
    row = few.differences().query("metric == 'triage_wait_days'").iloc[0]
    reading = read(row, "A", "B")
    assert reading.verdict == "unclear" and "too few replications to tell (5" in reading.text, reading.text
    verdicts = group_verdicts(assessment_table(few, labels), few, labels)
    assert len(verdicts) == 1 and "Too few replications (5)" in verdicts[0] and "--replications 7" in verdicts[0]


def test_the_chance_of_a_clear_reading_without_a_real_difference_is_as_stated() -> None:
    """The table behind the report's "chance alone" sentence, against a fresh simulation: with no
    real difference, how often does the 80% interval of n paired differences miss zero?"""
    from simulation.appraisal import CLEAR_BY_CHANCE

    rng = np.random.default_rng(7)
    for n in (2, 5, 7, 10):
        d = rng.normal(size=(100_000, n))
        missed = ((np.quantile(d, 0.1, axis=1) > 0) | (np.quantile(d, 0.9, axis=1) < 0)).mean()
        stated = CLEAR_BY_CHANCE.get(n, {2: 0.57, 5: 0.10}.get(n))
        assert missed == pytest.approx(stated, abs=0.006), (n, missed)


def test_the_report_says_how_many_clear_readings_chance_alone_would_give() -> None:
    from simulation.appraisal import chance_note

    labels = {"a": "A", "b": "B"}
    seven = synthetic({"a": [10, 20, 30, 40, 50, 60, 70], "b": [9, 19, 29, 39, 49, 59, 69]})
    note = chance_note(assessment_table(seven, labels), seven)
    assert "over 7 replications misses zero for about 3.9% of metrics" in note, note
    assert f"of the {len(metrics.METRICS)} metric readings" in note, note
    five = synthetic({"a": [10, 20, 30, 40, 50], "b": [9, 19, 29, 39, 49]})
    assert chance_note(assessment_table(five, labels), five) == ""  # below the minimum: no claims to weigh


def test_mixed_results_name_no_winner() -> None:
    comparison = synthetic({"a": [10, 20, 30, 40, 50, 60, 70], "b": [11, 21, 31, 41, 51, 61, 71]})
    # Lower is better for some metrics and higher for others: b is clearly worse on the former,
    # clearly better on the latter.
    labels = {"a": "A", "b": "B"}
    verdicts = group_verdicts(assessment_table(comparison, labels), comparison, labels)
    mixed = [v for v in verdicts if v.startswith("Safety")]
    assert mixed and "no overall winner" in mixed[0], mixed


@pytest.mark.parametrize(
    ("advantage", "expected"),
    [
        (np.r_[-np.ones(20), np.ones(28)], 20 + 3),  # behind, then ahead for good (six-month smoothing)
        (np.ones(48), 0.0),  # ahead from the start
        (-np.ones(48), np.inf),  # never
        (np.r_[np.ones(20), -np.ones(28)], np.inf),  # ahead first, then falls behind
    ],
)
def test_crossing_month(advantage: np.ndarray, expected: float) -> None:
    assert _crossing_month(advantage) == expected


def test_crossing_sentence_reports_years_and_interval() -> None:
    months = 60
    a = np.r_[np.full(30, 2.0), np.full(30, 0.0)]  # lower is better for serious incidents
    b = np.ones(months)
    comparison = synthetic({"a": [1, 2, 3], "b": [1, 2, 3]}, monthly={"a": b, "b": a})
    c = comparison.crossing("serious_incidents", "b", "a")
    assert c["years"] == pytest.approx(33 / 12, abs=0.01)
    text = describe_crossing(c, {"a": "A", "b": "B"})
    assert text.startswith("B overtakes A on serious escalations after 2.8 years"), text


def test_crossing_skips_months_without_values_and_keeps_never_in_its_interval() -> None:
    """Repeat violence has no value in its last twelve months (its follow-up is not over); a
    resample of replications that never crosses is `inf`, and the interval must say "never"."""
    comparison = synthetic({"a": [0.0] * 5, "b": [0.0] * 5})
    worse, better_later = np.ones(48), np.r_[np.ones(12), np.full(24, -10.0), np.ones(12)]
    for series in (worse, better_later):
        series[36:] = np.nan
    per_run = {"a": [np.zeros(48)] * 5, "b": [better_later] + [worse] * 4}  # lower is better
    comparison.arrays["monthly__repeat_violence_12m"] = np.stack([*per_run["a"], *per_run["b"]])

    c = comparison.crossing("repeat_violence_12m", "b", "a")

    # mean advantage -1 for a year, then (10 - 4) / 5 = 1.2: the six-month mean turns positive in month 14
    assert c["years"] == pytest.approx(14 / 12)
    assert np.isfinite(c["p10_years"]) and c["p90_years"] == np.inf
    assert 0.2 < c["never_share"] < 0.5  # resamples without the one better replication: (4/5)^5 = 0.33
    text = describe_crossing(c, {"a": "A", "b": "B"})
    assert text.endswith(f"after 1.2 years (80% interval {c['p10_years']:.1f} years–never)."), text


def test_compare_command_writes_report_and_tidy_data(tmp_path: Path, samenloop_cmd: list[str]) -> None:
    out = tmp_path / "cmp"
    args = [
        *samenloop_cmd,
        "compare",
        "current-practice",
        "restructuring",
        "--replications",
        "3",
        "--years",
        "0.5",
        "--warmup-years",
        "0.25",
        "--quiet",
        "--out",
        str(out),
    ]
    done = subprocess.run(args, capture_output=True, text=True, check=False, env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr, done.stderr  # half a year: no repeat violence measured yet
    report = (out / "report.html").read_text(encoding="utf-8")
    for section in (
        "Assessment table",
        "What the intervals support",
        "Assumptions",
        "Provenance",
        "Organisation network: Restructuring",
        "Starting points of the reform",
        "Beoordelingskader",
    ):
        assert section in report, f"report lacks {section!r}"
    assert report.count("data:image/png;base64,") >= 6, "figures must be embedded"
    # Half a year ends long before the default roadmap converts the region: the report and the
    # command both say that only the announcement is compared.
    assert "Restructuring: no region converts before the end of this comparison" in report
    assert "no region converts before the end of this comparison" in done.stdout
    runs = pd.read_parquet(out / "runs.parquet")
    assert sorted(runs["seed"].unique()) == [1, 2, 3]
    assert runs.groupby("scenario")["seed"].apply(sorted).map(tuple).nunique() == 1, "seeds must be shared"
    for name in ("summary.csv", "differences.csv", "monthly_bands.csv", "monthly_differences.csv"):
        assert (out / name).exists(), name


def test_a_planners_own_scenario_file_is_compared_without_warm_up(tmp_path: Path, samenloop_cmd: list[str]) -> None:
    own = tmp_path / "my scenarios" / "more-vt-staff.yaml"
    own.parent.mkdir()
    own.write_text(
        "name: more-vt-staff\ndisplay_name: More Veilig Thuis staff\ndescription: 20% more VT staff.\n"
        "extends: current-practice\noverrides:\n  organisations:\n    veilig_thuis:\n      staff: {fte: 1224.0}\n",
        encoding="utf-8",
    )
    out = tmp_path / "cmp"
    args = ["compare", "current-practice", str(own), "-n", "2", "--years", "0.2", "--warmup-years", "0", "-q"]
    done = subprocess.run(
        [*samenloop_cmd, *args, "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Warning" not in done.stderr, done.stderr  # no warm-up: no zero-day run for Mesa to warn about
    assert "More Veilig Thuis staff" in done.stdout
    assert len(list((out / "runs").glob("*.npz"))) == 4
    runs = pd.read_parquet(out / "runs.parquet")
    assert set(runs["scenario"]) == {"current-practice", str(own)}


def test_compare_rejects_bad_requests(tmp_path: Path, samenloop_cmd: list[str]) -> None:
    for args, expected in (
        (["current-practice", "restructurin"], "Did you mean 'restructuring'"),
        (["current-practice", "current-practice"], "at least two different scenarios"),
        (["current-practice", "restructuring", "restructuring"], "a scenario is named more than once"),
    ):
        done = subprocess.run(
            [*samenloop_cmd, "compare", *args, "--out", str(tmp_path / "x")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert expected in done.stderr, done.stderr


def test_a_design_refuses_scenarios_that_would_share_run_files() -> None:
    """Run files are named after the scenario: two levers with one label would overwrite each other."""
    from simulation.errors import SpecError

    with pytest.raises(SpecError, match="share their run files"):
        comparison_design(["/a/b.yaml", "/a_b.yaml"], 2, RunSettings())


def test_two_scenarios_with_one_name_are_refused(tmp_path: Path, samenloop_cmd: list[str]) -> None:
    copy = tmp_path / "current-practice-edited.yaml"
    copy.write_text(Path("scenarios/current-practice.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run(
        [*samenloop_cmd, "compare", "current-practice", str(copy), "--out", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "250"},
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "all called 'Current practice'" in done.stderr and str(copy) in done.stderr, done.stderr
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("crossing", "expected"),
    [
        ({"years": np.inf, "p10_years": np.inf, "p90_years": np.inf, "never_share": 1.0}, "any resampled replication."),
        ({"years": np.inf, "p10_years": np.inf, "p90_years": np.inf, "never_share": 0.95}, "(in 5% of resampled"),
        ({"years": np.inf, "p10_years": 2.5, "p90_years": np.inf, "never_share": 0.6}, "interval 2.5 years–never"),
        ({"years": 0.0, "p10_years": 0.0, "p90_years": 0.5, "ahead_from_start": True}, "stays ahead (from when on:"),
    ],
)
def test_crossing_sentence_never_prints_an_empty_interval(crossing: dict, expected: str) -> None:
    c = {"series": "serious_incidents", "scenario": "b", "other": "a", "horizon_years": 5.0, "ahead_from_start": False}
    text = describe_crossing({**c, **crossing}, {"a": "A", "b": "B"})
    assert expected in text and "never–never" not in text, text


def test_labels_keep_their_acronyms_in_sentences() -> None:
    assert in_sentence("Wait for VT safety assessment") == "wait for VT safety assessment"


def test_a_dip_within_the_noise_is_called_so() -> None:
    months, seeds = 24, 6
    dip = np.r_[np.zeros(6), np.full(6, 5.0), np.zeros(12)]  # waits rise by 5 days in the first year
    noise = np.array([1.0, 1.0, 1.0, 1.0, -1.0, -1.0])  # per seed: most a little worse, some better
    comparison = synthetic({"current-practice": [0.0] * seeds, "restructuring": [0.0] * seeds})
    for series, extra in (("triage_wait_days", dip), ("attrition", np.zeros(months))):
        runs = [np.zeros(months)] * seeds + [extra + 0.01 * np.arange(months) * sign for sign in noise]
        comparison.arrays[f"monthly__{series}"] = np.stack(runs)
    labels = {"current-practice": "Now", "restructuring": "RVT"}

    sentences = _dips(comparison, comparison.monthly_differences(), labels)

    triage = next(s for s in sentences if "wait for VT safety assessment" in s)
    attrition = next(s for s in sentences if "staff attrition" in s)
    assert triage.startswith("RVT: wait for VT safety assessment is at worst 5") and "noise" not in triage, triage
    assert attrition.endswith("within the noise: the interval includes zero."), attrition


def test_the_report_says_when_a_restructuring_is_not_over_before_the_horizon() -> None:
    timeline = {"preparation_years": 1.0, "pilot_years": 1.5, "decision_years": 0.5, "transition_years": 2.0}
    params = load_scenario("restructuring").restructuring.model_copy(update={"integration_degree": 0.7, **timeline})

    cell, caveat = roadmap(params, RunSettings(years=5.0), "RVT")
    assert cell == "yes, integration 0.7: the region converts in year 3.0; the transition is over in year 5.0"
    assert caveat is not None and caveat.startswith("RVT: the transition is over only in year 5.0, at the end"), caveat
    assert caveat.endswith("Run with --years 8 or more to see the years after it."), caveat
    assert roadmap(params, RunSettings(years=8.0), "RVT")[1] is None, "three years after the transition"
    before = roadmap(params, RunSettings(years=2.0), "RVT")[1]
    assert before is not None and "no region converts before" in before, before
    national, _ = roadmap(params, RunSettings(scale="national", years=8.0), "RVT")
    assert "pilot regions convert in year 1.0, the others in year 3.0" in national, national
    assert roadmap(load_scenario("current-practice").restructuring, RunSettings(), "Now") == ("no", None)
