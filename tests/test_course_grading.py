"""The grading round trip for every assignment and language (nbgrader, in a temporary course).

One session fixture runs `course_support.round_trip` for each assignment, two at a time in spawned
processes (each runs many Jupyter kernels; nbgrader's own warnings stay out of this process). The
tests below then check its results:

- the source passes nbgrader's Validator (the CLI's exit code is 0 even on failure, so not used);
- the generated student version fails: inverted validation finds no test that passes;
- the student version holds no solution, no model answer and no hidden test;
- autograding gives full marks to the solution (after the trainer grades the written answers),
  zero to the untouched student version, and exactly the expected partial marks to a plausible
  mistake;
- an adversarial submission (exception at the top, huge output, infinite loop, edited and deleted
  test cells) is graded in the same batch without stopping it, with the same scores as the plain
  mistake because test cells are restored;
- feedback pages show results but no hidden test, also not in tracebacks;
- the grades export holds every submission.
"""

from __future__ import annotations

import html
import json
import multiprocessing
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from course_support import (
    LANGS,
    ROOT,
    STUDENTS,
    TOP_EXCEPTION,
    all_assignments,
    assignment,
    cells,
    expected_scores,
    grade_id,
    graded_points,
    hidden_lines,
    manual_points,
    solution_lines,
    source_text,
    tr,
)

pytestmark = pytest.mark.slow  # about 3-5 minutes: 72 notebook executions, two at a time
NUMBERS = [a.number for a in all_assignments()]
CASES = [(n, lang) for n in NUMBERS for lang in LANGS]
TESTS_DIR = str(Path(__file__).resolve().parent)


def _worker_init(tests_dir: str) -> None:
    sys.path.insert(0, tests_dir)


def _run(number: str, workdir: str) -> dict[str, Any]:
    import course_support

    return course_support.round_trip(number, workdir)


@pytest.fixture(scope="session")
def course_run_cache() -> str:
    """Runs are cached across test sessions in tests/artifacts (keyed by the model's code)."""
    configured = os.environ.get("SAMENLOOP_COURSE_CACHE")
    return configured or str(ROOT / "tests" / "artifacts" / "course-run-cache")


@pytest.fixture(scope="session")
def round_trips(tmp_path_factory: pytest.TempPathFactory, course_run_cache: str) -> dict[str, Any]:
    workdir = tmp_path_factory.mktemp("course")
    previous = os.environ.get("SAMENLOOP_COURSE_CACHE")
    os.environ["SAMENLOOP_COURSE_CACHE"] = course_run_cache  # inherited by the workers and their kernels
    results: dict[str, Any] = {}
    try:
        with ProcessPoolExecutor(
            max_workers=2,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_worker_init,
            initargs=(TESTS_DIR,),
        ) as pool:
            futures = {n: pool.submit(_run, n, str(workdir)) for n in NUMBERS}
            for number, future in futures.items():
                try:
                    results[number] = future.result(timeout=900)
                except Exception as exc:  # reported by every test of this assignment
                    results[number] = {"error": f"{type(exc).__name__}: {exc}"}
    finally:
        if previous is None:
            os.environ.pop("SAMENLOOP_COURSE_CACHE", None)
        else:
            os.environ["SAMENLOOP_COURSE_CACHE"] = previous
    timings = {
        n: {lang: r["languages"][lang]["timings"] for lang in LANGS} for n, r in results.items() if "error" not in r
    }
    artifacts = ROOT / "tests" / "artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    (artifacts / "course-timings.json").write_text(json.dumps(timings, indent=1), encoding="utf-8")
    return results


def _result(round_trips: dict[str, Any], number: str, lang: str) -> dict[str, Any]:
    trip = round_trips[number]
    assert "error" not in trip, f"the round trip of assignment {number} failed: {trip.get('error')}"
    return trip["languages"][lang]


def _text_of(html_page: str) -> str:
    """Visible text of an HTML page, without tags and whitespace (for leak searches)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", html_page))
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(("number", "lang"), CASES)
def test_source_passes_validation(round_trips, number, lang):
    result = _result(round_trips, number, lang)
    assert result["validate_source"] == {}, f"{result['assignment']}: source fails: {result['validate_source']}"


@pytest.mark.parametrize(("number", "lang"), CASES)
def test_student_version_fails_validation(round_trips, number, lang):
    result = _result(round_trips, number, lang)
    assert result["generated"][0], f"generate_assignment failed: {result['generated'][1]}"
    inverted = result["validate_release_inverted"]
    passing = [item["source"].splitlines()[0] for item in inverted.get("passed", [])]
    assert inverted == {}, f"{result['assignment']}: tests that pass without any answer: {passing}"


@pytest.mark.parametrize(("number", "lang"), CASES)
def test_student_version_has_no_solutions_or_hidden_tests(round_trips, number, lang):
    a = assignment(number)
    release = _result(round_trips, number, lang)["release"]
    text = "\n".join(source_text(c) for c in release["cells"])
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in text, f"{a.assignment_id(lang)}: student version contains {marker!r}"
    leaks = [line for line in solution_lines(a, lang) + hidden_lines(a, lang) if line in text]
    assert not leaks, f"{a.assignment_id(lang)}: solution or hidden-test lines in the student version: {leaks[:3]}"
    assert "raise NotImplementedError()" in text, "answer cells must hold the stub"
    assert "Samenloop — training / opleiding" in text, "the shared header must be on top"
    for cell in release["cells"]:
        if grade_id(cell) in manual_points(a):
            assert source_text(cell).strip() == "JOUW ANTWOORD HIER / YOUR ANSWER HERE", "written answers are empty"


@pytest.mark.parametrize(("number", "lang"), CASES)
def test_round_trip_gives_full_zero_and_partial_marks(round_trips, number, lang):
    a = assignment(number)
    result = _result(round_trips, number, lang)
    total = sum(graded_points(a).values()) + sum(manual_points(a).values())
    for student in ("solution", "untouched", "partly_wrong"):
        outcome = result["outcomes"][student]
        assert outcome["success"], f"{student}: autograde failed: {outcome['log'][-800:]}"
        scores = {g: s[0] for g, s in result["cell_scores"][student].items() if g in graded_points(a)}
        assert scores == expected_scores(a, student), f"{student}: per test cell expected vs got"
        assert outcome["max_score"] == total, f"max score {outcome['max_score']}, expected {total}"
    assert result["outcomes"]["untouched"]["score"] == 0.0, "an untouched student version scores zero"
    partial = result["outcomes"]["partly_wrong"]["score"]
    assert 0 < partial < total, f"a partly wrong answer gets partial marks, got {partial} of {total}"
    score, maximum, left = result["solution_after_manual"]
    assert (score, maximum, left) == (float(total), float(total), False), (
        f"the solution gets full marks once the written answers are graded: {score}/{maximum}, manual left: {left}"
    )
    if manual_points(a):
        assert result["outcomes"]["solution"]["needs_manual_grade"], "written answers wait for the trainer"


@pytest.mark.parametrize(("number", "lang"), CASES)
def test_adversarial_submission_is_graded_without_stopping_the_batch(round_trips, number, lang):
    a = assignment(number)
    result = _result(round_trips, number, lang)
    assert all(result["outcomes"][s]["success"] for s in STUDENTS), "every submission in the batch is graded"
    outcome = result["outcomes"]["adversarial"]
    scores = {g: s[0] for g, s in result["cell_scores"]["adversarial"].items() if g in graded_points(a)}
    assert scores == expected_scores(a, "adversarial"), "restored test cells give the plain mistake's scores"
    assert "deleted test cells were put back" in outcome["note"], f"note: {outcome['note']!r}"
    if result["infinite_loop"]:
        assert "a cell hit the time limit" in outcome["note"], f"note: {outcome['note']!r}"
    graded = result["autograded"]["adversarial"]
    by_id = {grade_id(c): source_text(c) for c in graded["cells"] if grade_id(c)}
    assert result["deleted_test"] in by_id, "the deleted test cell is back in the graded notebook"
    sources = {c.grade_id: tr(c.source, lang).strip() for c in a.cells if isinstance(c, cells.Tests)}
    for test_id in a.mistake.fails:
        assert by_id[test_id].strip() == sources[test_id], f"{test_id}: the edited test cell was restored"
    assert any(TOP_EXCEPTION in source_text(c) for c in graded["cells"]), "the trainee's own top cell stays"
    assert result["autograded_size"]["adversarial"] < 1_000_000, "huge outputs are capped"


@pytest.mark.parametrize(("number", "lang"), CASES)
def test_feedback_does_not_reveal_hidden_tests(round_trips, number, lang):
    a = assignment(number)
    result = _result(round_trips, number, lang)
    assert all(result["feedback_ok"].values()), f"feedback failed for {result['feedback_ok']}"
    notes = result["feedback_notes"].values()
    assert all("handed in outside the exchange" in n for n in notes), f"imported work: feedback by e-mail: {notes}"
    hidden = [re.sub(r"\s+", "", line) for line in hidden_lines(a, lang)]
    assert hidden, "the assignment has hidden tests to look for"
    for student in STUDENTS:
        page = _text_of(result["feedback_html"][student])
        leaks = [line for line in hidden if line in page]
        assert not leaks, f"{student}: feedback shows hidden test lines: {leaks[:2]}"
        first_test = next(c for c in a.cells if isinstance(c, cells.Tests))
        docstring = tr(first_test.source, lang).strip().splitlines()[0].strip('"')
        assert re.sub(r"\s+", "", docstring) in page, f"{student}: feedback should show the tests' visible part"


@pytest.mark.parametrize("number", NUMBERS)
def test_grades_export_lists_every_submission(round_trips, number):
    trip = round_trips[number]
    assert "error" not in trip, trip.get("error")
    lines = trip["export"].splitlines()
    assert lines[0].startswith("student,exercise,language,assignment,score,max_score,needs_manual_grade")
    rows = [line.split(",") for line in lines[1:]]
    assert len(rows) == len(STUDENTS) * len(LANGS), f"expected a row per submission, got {len(rows)}"
    assert {r[1] for r in rows} == {number} and {r[2] for r in rows} == set(LANGS), "exercise and language columns"
