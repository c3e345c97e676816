"""Scenario files: every shipped file loads; bad input gives one clear message."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from simulation.errors import ScenarioError
from simulation.scenario_files import available_scenarios, load_scenario

EXPECTED = {"current-practice", "intensive-collaboration", "restructuring", "combined"}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_scenarios_load() -> None:
    names = set(available_scenarios())
    assert names >= EXPECTED, f"missing scenario files: {EXPECTED - names}"
    for name in names:
        scenario = load_scenario(name)
        assert scenario.name == name


def test_scenarios_differ_only_where_they_say() -> None:
    current = load_scenario("current-practice")
    collaboration = load_scenario("intensive-collaboration")
    restructuring = load_scenario("restructuring")
    combined = load_scenario("combined")
    assert current.mechanisms.enabled_names() == [] and not current.restructuring.enabled
    assert len(collaboration.mechanisms.enabled_names()) == 9 and not collaboration.restructuring.enabled
    assert restructuring.mechanisms.enabled_names() == [] and restructuring.restructuring.enabled
    assert combined.mechanisms.enabled_names() and combined.restructuring.enabled
    # Nothing else differs: the organisations and population are the same in all four.
    for other in (collaboration, restructuring, combined):
        assert other.population == current.population and other.organisations == current.organisations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: x\noverrides:\n  population: [unclosed\n", ["not valid YAML", "line"]),
        (
            "name: x\noverrides:\n  population:\n    risk:\n      p_stop_per_mnth: 0.1\n",
            ["unknown key 'p_stop_per_mnth'", "Did you mean 'p_stop_per_month'", "population.risk.p_stop_per_mnth"],
        ),
        (
            "name: x\noverrides:\n  care:\n    workload:\n      hourly_cost_eur: cheap\n",
            ["wrong type", "care.workload.hourly_cost_eur", "'cheap'", "EUR per professional hour"],
        ),
        (
            "name: x\noverrides:\n  population:\n    risk:\n      p_stop_per_month: 1.7\n",
            ["out of range", "1.7", "0.0 to 1.0 probability"],
        ),
        (  # no pull back to a family's own level: rates would have no steady spread to start from
            "name: x\noverrides:\n  population:\n    risk:\n      mean_reversion_per_month: 0\n",
            ["out of range", "0.01 to 1.0 share of the gap per month"],
        ),
        (
            "name: x\noverrides:\n  population:\n    violence:\n      partner: {share: 0.5}\n",
            ["population.violence: the shares of the violence types add up to 1.1904"],
        ),
        ("name: x\nextends: no-such-base\n", ["base scenario 'no-such-base' does not exist", "extends"]),
        (
            "name: x\noverrides:\n  mechanisms:\n    samen_op_acuut: {enabled: true}\n",
            ["unknown mechanism 'samen_op_acuut'", "Did you mean 'samen_op_in_acuut'"],
        ),
        ("name: x\nparams: {}\n", ["unknown top-level key 'params'", "overrides"]),
        (
            "name: x\noverrides:\n  population: {}\n  care: {}\n  population: {}\n",
            ["the key 'population' appears twice", "line 5"],
        ),
        ("name: x\nscenarios: [restructuring]\nsampler: lhs\n", ["this is an exploration spec", "samenloop explore"]),
        ("name: ../../elsewhere\n", ["a scenario name is one word", "'../../elsewhere'", "name: more-vt-staff"]),
        (
            "name: x\noverrides:\n  mechanisms:\n    actieoverleg: yes\n",
            ["a group of settings belongs here", "mechanisms.actieoverleg", "enabled, start_year", "{enabled: ...}"],
        ),
    ],
)
def test_bad_scenarios_name_file_field_value_and_fix(tmp_path: Path, text: str, expected: list[str]) -> None:
    path = write(tmp_path, "bad", text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path, directory=tmp_path)
    message = caught.value.message()
    assert str(path) in message, f"message does not name the file:\n{message}"
    assert "fix:" in message, f"message does not say how to fix it:\n{message}"
    for fragment in expected:
        assert fragment in message, f"expected {fragment!r} in:\n{message}"


def test_a_variant_is_named_by_its_own_file_not_by_its_base(tmp_path: Path) -> None:
    bare = write(tmp_path, "more-staff", "extends: current-practice\noverrides: {}\n")
    named = write(tmp_path, "named", "name: vt-plus\nextends: current-practice\noverrides: {}\n")
    assert load_scenario(bare).display_name == "more-staff"
    assert load_scenario(bare).description != load_scenario("current-practice").description
    assert (load_scenario(named).name, load_scenario(named).display_name) == ("vt-plus", "vt-plus")
    assert load_scenario("current-practice").display_name == "Current practice"


def test_value_error_names_the_file_that_set_it(tmp_path: Path) -> None:
    write(tmp_path, "base", "name: base\noverrides:\n  population:\n    risk: {p_stop_per_month: 3.0}\n")
    child = write(tmp_path, "child", "name: child\nextends: base\noverrides: {}\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(child, directory=tmp_path)
    assert "base.yaml" in caught.value.message(), caught.value.message()


def test_cycle_of_bases_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a", "name: a\nextends: b\n")
    write(tmp_path, "b", "name: b\nextends: a\n")
    with pytest.raises(ScenarioError, match="cycle"):
        load_scenario(tmp_path / "a.yaml", directory=tmp_path)


def test_violence_shares_must_add_up(tmp_path: Path) -> None:
    path = write(tmp_path, "shares", "name: s\noverrides:\n  population:\n    violence:\n      partner: {share: 0.9}\n")
    with pytest.raises(ScenarioError, match="add up to"):
        load_scenario(path, directory=tmp_path)


def test_cli_reports_bad_file_without_traceback(tmp_path: Path, samenloop_cmd: list[str]) -> None:
    path = write(tmp_path, "bad", "name: x\noverrides:\n  population:\n    risk: {p_stop_per_month: 2}\n")
    done = subprocess.run([*samenloop_cmd, "validate", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 2, f"expected exit code 2, got {done.returncode}"
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    assert "p_stop_per_month" in done.stderr and "fix:" in done.stderr, done.stderr


def test_cli_validates_good_files(samenloop_cmd: list[str]) -> None:
    files = [str(p) for p in sorted(Path(__file__).resolve().parents[1].joinpath("scenarios").glob("*.yaml"))]
    done = subprocess.run([*samenloop_cmd, "validate", *files], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("ok") == len(files), done.stdout


def test_overriding_one_field_keeps_the_declared_siblings(tmp_path: Path) -> None:
    from simulation.parameters.defaults import default_scenario

    path = write(
        tmp_path,
        "one",
        "name: one\noverrides:\n  organisations:\n    youth_protection:\n"
        "      supervision: {duration_days: 700}\n  care:\n    help:\n"
        "      recovery_care: {stop_hazard_gain: 0.4}\n",
    )
    scenario = load_scenario(path, directory=tmp_path)
    defaults = default_scenario()
    gi = scenario.organisations.youth_protection.supervision
    assert gi.duration_days == 700
    assert gi.norm_per_fte == defaults.organisations.youth_protection.supervision.norm_per_fte, (
        "the GI's caseload norm fell back to the generic caseload default"
    )
    recovery = scenario.care.help.recovery_care
    assert recovery.in_direct == defaults.care.help.recovery_care.in_direct, "phase effectiveness was reset"
