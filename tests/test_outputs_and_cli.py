"""Outputs: written atomically with provenance; the command line works and fails cleanly."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from simulation import runner

ROOT = Path(__file__).resolve().parents[1]


def test_outputs_carry_provenance(baseline, tmp_path: Path) -> None:
    out = runner.write_result(baseline, tmp_path / "run")
    for name in ("records", "families", "daily", "services", "organisations", "metrics"):
        meta = json.loads(pq.read_schema(out / f"{name}.parquet").metadata[b"samenloop"])
        for key in ("scenario_hash", "seed", "mesa_version", "python_version", "samenloop_version"):
            assert key in meta, f"{name}.parquet lacks provenance field {key}"
    first_line = (out / "daily.csv").read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# samenloop provenance:"), first_line
    daily = pd.read_csv(out / "daily.csv", comment="#")
    assert len(daily) == baseline.end_day


def test_a_failed_write_leaves_no_half_written_directory(
    baseline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "run"
    runner.write_result(baseline, target)
    before = sorted(p.name for p in target.iterdir())
    calls = {"n": 0}
    original = runner._write_parquet

    def failing(frame, path, meta):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return original(frame, path, meta)

    monkeypatch.setattr(runner, "_write_parquet", failing)
    with pytest.raises(OSError):
        runner.write_result(baseline, target)
    assert sorted(p.name for p in target.iterdir()) == before, "the earlier complete output was damaged"
    assert [p.name for p in tmp_path.iterdir()] == ["run"], "a staging directory was left behind"


def test_cli_run_writes_outputs_and_a_summary(tmp_path: Path, samenloop_cmd: list[str]) -> None:
    out = tmp_path / "cp"
    done = subprocess.run(
        [*samenloop_cmd, "run", "current-practice", "--years", "0.5", "--seed", "3", "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Professionals per family" in done.stdout and str(out) in done.stdout.replace("\n", "")
    assert (out / "records.parquet").exists() and (out / "metrics.csv").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["run", "no-such-scenario"], "no scenario called 'no-such-scenario'"),
        (["run", "current-practice", "--scale", "planet"], "unknown scale 'planet'"),
        (["run", "current-practice", "--years", "-1"], "--years"),
    ],
)
def test_cli_bad_options_exit_non_zero_without_traceback(
    samenloop_cmd: list[str], args: list[str], expected: str
) -> None:
    done = subprocess.run([*samenloop_cmd, *args], capture_output=True, text=True, check=False)
    assert done.returncode != 0
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert expected in done.stdout + done.stderr, done.stdout + done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["run", "current-practice", "--years", "0.1"],
        ["compare", "current-practice", "restructuring", "-n", "2", "--years", "0.1"],
        ["explore", "scenarios/explore/which-assumptions-decide.yaml"],
        ["demo", "--years", "0.1"],
    ],
    ids=["run", "compare", "explore", "demo"],
)
@pytest.mark.parametrize("where", ["under-a-file", "a-file"])
def test_an_output_path_that_cannot_be_written_is_refused_before_any_run(
    samenloop_cmd: list[str], tmp_path: Path, args: list[str], where: str
) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    out = blocker / "results" if where == "under-a-file" else blocker
    env = {**os.environ, "COLUMNS": "250"}
    done = subprocess.run(
        [*samenloop_cmd, *args, "--out", str(out)], capture_output=True, text=True, check=False, env=env, cwd=ROOT
    )
    output = done.stdout + done.stderr
    assert done.returncode == 2, output
    assert "Traceback" not in output, output
    assert "--out" in output and str(out) in output and "is a file" in output, output
    assert "simulat" not in done.stdout, "the command ran before it checked where to write"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_file_error_during_a_command_is_one_message_with_exit_code_1(capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    from simulation.cli_errors import user_errors

    @user_errors
    def writes_to_a_full_disk() -> None:
        raise OSError(28, "No space left on device", "results/run/records.parquet")

    with pytest.raises(typer.Exit) as stopped:
        writes_to_a_full_disk()
    assert stopped.value.exit_code == 1
    message = " ".join(capsys.readouterr().err.split())  # the console wraps long lines
    assert "results/run/records.parquet: No space left on device" in message, message
    assert "results already written are kept" in message, message


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["run", "scenarios/explore/which-assumptions-decide.yaml"], "this is an exploration spec"),
        (["explore", "scenarios/current-practice.yaml"], "this is a scenario file"),
        (["validate", "README.md"], "a scenario file is a YAML file"),
    ],
)
def test_a_file_of_the_wrong_kind_is_named_as_such(samenloop_cmd: list[str], args: list[str], expected: str) -> None:
    env = {**os.environ, "COLUMNS": "250"}
    done = subprocess.run([*samenloop_cmd, *args], capture_output=True, text=True, check=False, env=env, cwd=ROOT)
    output = done.stdout + done.stderr
    assert done.returncode == 2 and "Traceback" not in output, output
    assert expected in output and args[1] in output, output


def test_cli_lists_scenarios_parameters_and_schema(samenloop_cmd: list[str]) -> None:
    wide = {**os.environ, "COLUMNS": "250"}
    scenarios = subprocess.run([*samenloop_cmd, "scenarios"], capture_output=True, text=True, check=True, env=wide)
    assert "restructuring" in scenarios.stdout and "intensive-collaboration" in scenarios.stdout
    params = subprocess.run(
        [*samenloop_cmd, "params", "--assumptions", "--markdown"], capture_output=True, text=True, check=True
    )
    assert params.stdout.startswith("| parameter |") and "assumption" in params.stdout
    schema = json.loads(subprocess.run([*samenloop_cmd, "schema"], capture_output=True, text=True, check=True).stdout)
    assert "mechanisms" in schema["properties"]["overrides"]["properties"]


def test_parameters_doc_is_up_to_date() -> None:
    from simulation.cli import parameters_markdown
    from simulation.parameters import registry

    doc = Path(__file__).resolve().parents[1] / "docs" / "parameters.md"
    assert parameters_markdown(registry()) in doc.read_text(encoding="utf-8"), (
        "docs/parameters.md is out of date: run `make docs`"
    )


def test_demo_command_writes_the_comparison_report(tmp_path: Path, samenloop_cmd: list[str]) -> None:
    out = tmp_path / "demo"
    args = [*samenloop_cmd, "demo", "--replications", "2", "--years", "0.5", "--jobs", "1", "--quiet"]
    args += ["--out", str(out)]
    done = subprocess.run(args, capture_output=True, text=True, check=False, env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr, done.stderr
    report = (out / "report.html").read_text(encoding="utf-8")
    names = ("Current practice", "Intensive collaboration", "Restructuring", "Collaboration now, integration later")
    for name in names:
        assert name in report, f"{name} missing from the demo report"
    assert "Assessment table" in report and "report:" in done.stdout
    again = subprocess.run(args, capture_output=True, text=True, check=False)
    assert again.returncode == 0, "running the demo a second time must reuse the finished runs"


def test_planner_runs_and_the_calibration_share_one_warm_up() -> None:
    """`run`, `compare`, `explore`, `calibrate`, the Python API and the example exploration start
    measuring after the same warm-up, the one the calibration's targets were checked after: one
    year left the board's first-year backlog in the policy years (docs/ODD.md, initialisation)."""
    import inspect

    from simulation import cli
    from simulation.calibration.check import check
    from simulation.calibration.fit import calibrate
    from simulation.experiments.design import RunSettings
    from simulation.exploration.spec import ExploreSpec, load_spec
    from simulation.model import ChainModel
    from simulation.warmup import WARMUP_YEARS

    functions = [ChainModel.__init__, runner.run_scenario, check, calibrate, cli.run, cli.compare, cli.calibrate]
    defaults = {
        f"{f.__module__}.{f.__qualname__}": inspect.signature(f).parameters["warmup_years"].default for f in functions
    }
    defaults["RunSettings"] = RunSettings().warmup_years
    defaults["ExploreSpec"] = ExploreSpec.model_fields["warmup_years"].default
    defaults["example spec"] = load_spec(ROOT / "scenarios" / "explore" / "which-assumptions-decide.yaml").warmup_years
    assert defaults == dict.fromkeys(defaults, WARMUP_YEARS)
    calibration = (ROOT / "docs" / "calibration.md").read_text(encoding="utf-8")
    assert f"--warmup-years {WARMUP_YEARS:g}`: **" in calibration, "the calibration check was run after another warm-up"
