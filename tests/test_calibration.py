"""Calibration: target measures on hand-built records, the fitting pipeline, and the check command."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import numpy as np
import pytest
import yaml

from helpers import hand_built, run
from simulation.calibration import measures
from simulation.calibration.check import CheckRow, targets_met
from simulation.calibration.document import write_check
from simulation.calibration.fit import CALIBRATED, calibrate, overrides, write_calibration
from simulation.calibration.targets import load_cross_checks, load_targets
from simulation.enums import EventKind, OrgKind, Reason, ReportKind, SignalSource, ViolenceType
from simulation.parameters import Scenario
from simulation.results import RunResult
from simulation.services import ServiceKind

START, END = 365, 730  # one policy year after a one-year warm-up


def result(families: list[dict], events: list[dict]) -> RunResult:
    zeros = {"advice_requests": 0.0, "investigations": 0.0, "children_with_supervision_orders": 0.0}
    return hand_built(families, events, START, END, daily=zeros)


def test_report_measures_count_the_policy_period_only() -> None:
    families = [
        {"family": i, "violence_type": t, "n_children": 1, "first_report_time": np.nan}
        for i, t in enumerate(
            [
                ViolenceType.CHILD_ABUSE_NEGLECT,
                ViolenceType.PARTNER,
                ViolenceType.ELDER_ABUSE,
                ViolenceType.SEXUAL_ABUSE,
            ]
        )
    ]
    events = [
        {"time": 100.0, "event": EventKind.REPORT, "family": 0, "reason": SignalSource.POLICE},  # warm-up: ignored
        {
            "time": 400.0,
            "event": EventKind.REPORT,
            "family": 0,
            "reason": SignalSource.POLICE,
            "detail": ReportKind.NEW,
        },
        {
            "time": 410.0,
            "event": EventKind.REPORT,
            "family": 1,
            "reason": SignalSource.CITIZEN,
            "detail": ReportKind.REPEAT,
        },
        {
            "time": 420.0,
            "event": EventKind.REPORT,
            "family": 2,
            "reason": SignalSource.POLICE,
            "detail": ReportKind.FOLLOW_UP,
        },
        {
            "time": 430.0,
            "event": EventKind.REPORT,
            "family": 3,
            "reason": SignalSource.PROFESSIONAL,
            "detail": ReportKind.NEW,
        },
    ]
    r = result(families, events)
    years = (END - START) / 365.25
    assert measures.vt_reports_per_year(r) == pytest.approx(4 / years)
    assert measures.police_share_of_reports(r) == pytest.approx(0.5)
    assert measures.child_abuse_share_of_reports(r) == pytest.approx(0.5), "child abuse includes sexual abuse"
    assert measures.partner_share_of_reports(r) == pytest.approx(0.25)
    assert measures.elder_abuse_share_of_reports(r) == pytest.approx(0.25)
    assert measures.new_share_of_reports(r) == pytest.approx(0.5)
    assert measures.follow_up_share_of_reports(r) == pytest.approx(0.25)


def test_complaint_rate_and_reconviction() -> None:
    police = {"event": EventKind.DECISION, "org_kind": OrgKind.POLICE}
    events = [{**police, "time": 400.0 + i, "family": i, "reason": Reason.REGISTERED} for i in range(4)]
    events.append({**police, "time": 401.0, "family": 1, "reason": Reason.COMPLAINT})
    r = result(
        [{"family": i, "violence_type": 0, "n_children": 0, "first_report_time": np.nan} for i in range(4)], events
    )
    assert measures.complaint_rate(r) == pytest.approx(0.25)
    assert measures.police_registrations_per_year(r) == pytest.approx(4 / ((END - START) / 365.25))

    court = {"event": EventKind.DECISION, "org_kind": OrgKind.PROSECUTION}
    long_run = result(
        [{"family": i, "violence_type": 0, "n_children": 0, "first_report_time": np.nan} for i in range(3)],
        [
            {**court, "time": 400.0, "family": 0, "reason": Reason.SENTENCE_WITH_CONDITIONS},
            {**court, "time": 700.0, "family": 0, "reason": Reason.CUSTODIAL_SENTENCE},  # within two years: a repeat
            {**court, "time": 400.0, "family": 1, "reason": Reason.CUSTODIAL_SENTENCE},
            {**court, "time": 1300.0, "family": 1, "reason": Reason.SENTENCE_WITH_CONDITIONS},  # too late to count
            {**court, "time": 410.0, "family": 2, "reason": Reason.CONDITIONAL_DISMISSAL},  # not a conviction
        ],
    )
    long_run.meta["end_day"] = 365 + 4 * 365
    # Convictions followed for two years: family 0 at 400 (repeat), 0 at 700 (none), 1 at 400 (none).
    assert measures.hg_reconviction_2y_share(long_run) == pytest.approx(1 / 3)


def test_supervision_orders_are_counted_per_child_as_cbs_counts_them() -> None:
    result = run()
    policy = result.daily[result.daily["day"] >= result.start_day]
    families, children = policy["supervision_orders"].sum(), policy["children_with_supervision_orders"].sum()
    assert 0 < families < children <= 6 * families, (families, children)
    assert measures.supervision_orders_per_year(result) == pytest.approx(
        children * 26 / ((result.end_day - result.start_day) / 365.25)
    )


def test_every_target_measure_exists_and_targets_load() -> None:
    targets = load_targets()
    assert [t.id for t in targets] == [f"T{i}" for i in range(1, 13)]
    for target in targets:
        for m in target.measures:
            assert m.measure in measures.MEASURES
            assert m.low <= m.value <= m.high


def test_justice_volumes_count_the_policy_period_only() -> None:
    prosecutor = {"event": EventKind.DECISION, "org_kind": OrgKind.PROSECUTION}
    events = [
        {**prosecutor, "time": 100.0, "family": 0, "reason": Reason.COURT_CASE},  # warm-up: ignored
        {**prosecutor, "time": 400.0, "family": 0, "reason": Reason.COURT_CASE},
        {**prosecutor, "time": 400.0, "family": 1, "reason": Reason.DISMISS},
        {**prosecutor, "time": 500.0, "family": 1, "reason": Reason.PROBATION_ADVICE},
        {**prosecutor, "time": 800.0, "family": 2, "reason": Reason.COURT_CASE},  # after the horizon: ignored
    ]
    r = result(
        [{"family": i, "violence_type": 0, "n_children": 0, "first_report_time": np.nan} for i in range(3)], events
    )
    years = (END - START) / 365.25
    assert measures.court_cases_per_year(r) == pytest.approx(1 / years)
    assert measures.zsm_probation_advice_per_year(r) == pytest.approx(1 / years)


def test_veilig_thuis_path_measures_count_its_own_decisions_in_the_policy_period() -> None:
    vt, board = {"org_kind": OrgKind.VEILIG_THUIS}, {"org_kind": OrgKind.CHILD_PROTECTION_BOARD}
    events = [
        *({"time": 400.0 + i, "event": EventKind.REPORT, "family": i} for i in range(4)),
        {"time": 100.0, "event": EventKind.REPORT, "family": 0},  # warm-up: ignored
        {**vt, "time": 405.0, "event": EventKind.DECISION, "family": 0, "reason": Reason.SAFETY_CONDITIONS},
        {**vt, "time": 406.0, "event": EventKind.DECISION, "family": 1, "reason": Reason.CLOSE_WITH_ADVICE},
        {**vt, "time": 100.0, "event": EventKind.DECISION, "family": 2, "reason": Reason.SAFETY_CONDITIONS},
        *({**vt, "time": 405.0 + i, "event": EventKind.TRIAGE, "family": i} for i in range(4)),
        {**vt, "time": 405.0, "event": EventKind.ASSESSMENT, "family": 0, "detail": 1},
        {**vt, "time": 406.0, "event": EventKind.ASSESSMENT, "family": 1, "detail": 0},
        {**vt, "time": 407.0, "event": EventKind.ASSESSMENT, "family": 2, "detail": 0},
        {**vt, "time": 408.0, "event": EventKind.ASSESSMENT, "family": 3, "detail": 0},
        {**vt, "time": 500.0, "event": EventKind.ASSESSMENT, "family": 3, "detail": 1},  # not at a triage: ignored
        {**board, "time": 408.0, "event": EventKind.ASSESSMENT, "family": 3, "detail": 1},  # the board's: ignored
    ]
    r = result(
        [{"family": i, "violence_type": 0, "n_children": 0, "first_report_time": np.nan} for i in range(4)], events
    )
    assert measures.vt_conditions_share_of_reports(r) == pytest.approx(1 / 4)
    assert measures.vt_unsafe_share_of_triages(r) == pytest.approx(1 / 4)


def test_board_measures_count_children_in_the_policy_period() -> None:
    board = {"org_kind": OrgKind.CHILD_PROTECTION_BOARD}
    start = {**board, "event": EventKind.CASE_START, "detail": ServiceKind.BOARD_INVESTIGATION}
    end = {**board, "event": EventKind.DECISION}
    events = [
        {**start, "time": 100.0, "family": 0, "value": 50.0},  # warm-up: ignored
        {**start, "time": 400.0, "family": 0, "value": 10.0},
        {**start, "time": 410.0, "family": 1, "value": 30.0},
        {**start, "time": 420.0, "family": 2, "detail": ServiceKind.GI_SUPERVISION, "value": 90.0},  # not the board
        {**end, "time": 450.0, "family": 0, "reason": Reason.SUPERVISION_ORDER},
        {**end, "time": 460.0, "family": 1, "reason": Reason.NO_MEASURE},
        {**end, "time": 100.0, "family": 1, "reason": Reason.SUPERVISION_ORDER},  # warm-up: ignored
    ]
    children = [3, 1, 2]
    r = result(
        [
            {"family": i, "violence_type": 0, "n_children": c, "first_report_time": np.nan}
            for i, c in enumerate(children)
        ],
        events,
    )
    years = (END - START) / 365.25
    assert measures.board_investigations_per_year(r) == pytest.approx((3 + 1) / years)
    assert measures.board_measure_request_share(r) == pytest.approx(3 / 4), "three of the four children"
    assert measures.board_wait_days(r) == pytest.approx(20.0)


def test_cross_checks_load_and_never_count_as_targets(tmp_path: Path) -> None:
    cross_checks = load_cross_checks()
    assert [c.id for c in cross_checks] == [f"C{i}" for i in range(1, 10)]
    assert not any(c.fitted for c in cross_checks) and all(t.fitted for t in load_targets())
    for check in cross_checks:
        for m in check.measures:
            assert m.measure in measures.MEASURES and m.low <= m.value <= m.high
    target, cross_check = load_targets()[0], cross_checks[0]
    rows = [
        CheckRow(target, target.measures[0], target.measures[0].value, 0.0, 0.0),
        CheckRow(cross_check, cross_check.measures[0], 10 * cross_check.measures[0].high, 0.0, 0.0),
    ]
    assert targets_met(rows) == (1, 1), "a cross-check outside its band must not fail the check"
    doc = tmp_path / "calibration.md"
    write_check(rows, doc, "samenloop calibrate --check")
    text = doc.read_text(encoding="utf-8")
    assert "**1 of 1 targets within tolerance**" in text
    assert "| C1 | restraining orders per year |" in text and "never fail" in text


def test_calibration_pipeline_runs_and_writes_provenance(tmp_path: Path) -> None:
    fit = calibrate(budget=2, scale="region", seeds=1, years=0.75, warmup_years=0.25, jobs=1)
    assert np.isfinite(fit.loss) and set(fit.values) == set(CALIBRATED)
    path = write_calibration(
        fit,
        tmp_path / "calibration.yaml",
        scale="region",
        seeds=1,
        years=0.75,
        warmup_years=0.25,
        targets=load_targets(),
    )
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert {"date", "method", "loss", "targets", "values"} <= set(data)
    shares = [v for k, v in data["values"].items() if k.startswith("population.violence.")]
    assert sum(shares) == pytest.approx(1.0), "violence shares must still add up to one"
    Scenario.model_validate(overrides(fit.values))  # the written values form a valid scenario


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("- id: X\n  name: n\n  source: s\n  measures: [{measure: vt_reports_per_yer, value: 1}]\n",
         ["0.measures.0.measure", "Did you mean 'vt_reports_per_year'"]),
        ("- id: X\n  name: n\n  source: s\n  measures: [{measure: vt_reports_per_year, value: 1, range: [2, 3]}]\n",
         ["0.measures.0.range", "does not hold the value 1"]),
        ("- id: X\n  name: n\n  source: s\n  measures: [{measure: vt_reports_per_year, value: 1, tolerance: 0.1}]\n",
         ["0.measures.0.tolerance", "unknown key 'tolerance'", "range: [low, high]"]),
        ("- id: X\n  name: n\n  measures: [{measure: vt_reports_per_year, value: 1}]\n", ["0.source", "is missing"]),
        ("targets:\n  - id: X\n", ["Input should be a valid list", "a list of targets"]),
        ("- {id: X, name: n, source: s, measures: [\n", ["not valid YAML"]),
    ],
)  # fmt: skip
def test_a_bad_targets_file_is_one_clear_message(
    tmp_path: Path, samenloop_cmd: list[str], content: str, expected: list[str]
) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(content, encoding="utf-8")
    done = subprocess.run(
        [*samenloop_cmd, "calibrate", "--check", "--targets", str(path)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "250"},
    )
    message = done.stdout + done.stderr
    assert done.returncode == 2 and "Traceback" not in message, message
    for text in [str(path), *expected]:
        assert text in message, message


def test_check_fails_when_a_target_is_unreachable(tmp_path: Path, samenloop_cmd: list[str]) -> None:
    targets = yaml.safe_load(Path("simulation/data/targets.yaml").read_text(encoding="utf-8"))
    targets[0]["measures"][0]["value"] = 10_000_000  # T1: far beyond any plausible simulation
    path = tmp_path / "targets.yaml"
    path.write_text(yaml.safe_dump(targets), encoding="utf-8")
    done = subprocess.run(
        [
            *samenloop_cmd,
            "calibrate",
            "--check",
            "--targets",
            str(path),
            "--scale",
            "region",
            "--seeds",
            "1",
            "--years",
            "1",
            "--warmup-years",
            "0.5",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "T1" in done.stdout and "targets within tolerance" in done.stdout
    assert "Other public figures, not fitted" in done.stdout and "C4" in done.stdout
