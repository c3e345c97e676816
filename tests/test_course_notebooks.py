"""The course's source notebooks: built from exercises/content/, identical in both languages, complete.

Static checks (no kernels): the committed notebooks equal what the build script writes, the Dutch
and English versions have the same cells, grade ids and points, and every assignment has learning
goals, a heading with points per part, graded tests and hidden tests.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from course_support import EXERCISES, LANGS, all_assignments, cells, grade_id, read_nb, source_text, tr

ASSIGNMENTS = all_assignments()
NUMBERS = [a.number for a in ASSIGNMENTS]


def _source(a, lang):
    return read_nb(EXERCISES / "source" / a.assignment_id(lang) / f"{a.notebook_name(lang)}.ipynb")


def _structure(nb):
    """What must be equal between languages: per cell its type and nbgrader metadata."""
    out = []
    for cell in nb["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        out.append(
            (
                cell["cell_type"],
                cell.get("id"),
                meta.get("grade_id"),
                meta.get("points"),
                meta.get("grade"),
                meta.get("solution"),
                meta.get("locked"),
            )
        )
    return out


def test_course_has_at_least_six_assignments_in_two_languages():
    ids = sorted(p.name for p in (EXERCISES / "source").iterdir() if p.is_dir())
    assert len(ASSIGNMENTS) >= 6, f"expected at least 6 assignments, found {len(ASSIGNMENTS)}"
    expected = sorted(a.assignment_id(lang) for a in ASSIGNMENTS for lang in LANGS)
    assert ids == expected, f"expected source folders {expected}, found {ids}"
    assert (EXERCISES / "source" / "header.ipynb").exists(), "the shared header notebook is missing"


def test_committed_notebooks_are_what_the_build_script_writes():
    proc = subprocess.run(
        [sys.executable, str(EXERCISES / "build_notebooks.py"), "--check"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, f"notebooks out of date (run make course-notebooks):\n{proc.stdout}{proc.stderr}"


@pytest.mark.parametrize("number", NUMBERS)
def test_languages_have_identical_cells_grade_ids_and_points(number):
    a = next(x for x in ASSIGNMENTS if x.number == number)
    nl, en = _source(a, "nl"), _source(a, "en")
    assert _structure(nl) == _structure(en), f"assignment {number}: cells differ between nl and en"
    assert nl["metadata"]["samenloop"]["points"] == en["metadata"]["samenloop"]["points"] == a.points
    for cell_nl, cell_en in zip(nl["cells"], en["cells"], strict=True):
        if cell_nl["cell_type"] == "markdown" and len(source_text(cell_nl)) > 80:
            assert source_text(cell_nl) != source_text(cell_en), (
                f"assignment {number}, cell {cell_nl['id']}: the Dutch text equals the English one"
            )


@pytest.mark.parametrize("number", NUMBERS)
@pytest.mark.parametrize("lang", LANGS)
def test_assignment_follows_the_course_conventions(number, lang):
    a = next(x for x in ASSIGNMENTS if x.number == number)
    nb = _source(a, lang)
    intro = source_text(nb["cells"][0])
    goals = "Leerdoelen" if lang == "nl" else "Learning goals"
    assert goals in intro, f"{a.assignment_id(lang)}: learning goals must come first"
    assert a.minutes <= 45, f"{a.assignment_id(lang)}: {a.minutes} minutes, at most 45 allowed"
    unit = "punten" if lang == "nl" else "points"
    headings = [int(n) for c in nb["cells"] for n in re.findall(rf"^## .*\((\d+) {unit}", source_text(c), re.M)]
    assert sum(headings) == a.points, f"{a.assignment_id(lang)}: parts add up to {sum(headings)}, not {a.points}"
    assert len(headings) >= 3, f"{a.assignment_id(lang)}: expected a heading with points per part"
    for cell in nb["cells"]:
        assert cell.get("outputs", []) == [] and cell.get("execution_count") is None, "sources have no outputs"
    tests = [c for c in a.cells if isinstance(c, cells.Tests)]
    assert tests, "every assignment has autograded tests"
    for cell in tests:
        text = tr(cell.source, lang).strip()
        assert re.match(r'^""".+"""$', text.splitlines()[0]), f"{cell.grade_id}: starts with a one-line docstring"
        visible = text.split("### BEGIN HIDDEN TESTS")[0]
        assert "assert " in visible or "AssertionError" in visible, f"{cell.grade_id}: needs a visible test"
    assert any("### BEGIN HIDDEN TESTS" in tr(c.source, lang) for c in tests), "hidden tests for edge cases"
    ids = [grade_id(c) for c in nb["cells"] if grade_id(c)]
    assert len(ids) == len(set(ids)), f"duplicate grade ids: {ids}"
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids), f"grade ids must be stable identifiers: {ids}"


@pytest.mark.parametrize("number", NUMBERS)
def test_each_answer_cell_is_marked_and_each_mistake_is_real(number):
    a = next(x for x in ASSIGNMENTS if x.number == number)
    answers = {c.grade_id for c in a.cells if isinstance(c, cells.Solution)}
    tests = {c.grade_id for c in a.cells if isinstance(c, cells.Tests)}
    for cell in a.cells:
        if isinstance(cell, cells.Solution):
            for lang in LANGS:
                assert "### BEGIN SOLUTION" in tr(cell.source, lang), f"{cell.grade_id}: no solution region"
        if isinstance(cell, cells.Answer):
            assert cell.points >= 1, f"{cell.grade_id}: a written answer carries points"
    assert a.mistake.grade_id in answers, f"the mistake must replace an answer cell, not {a.mistake.grade_id}"
    assert a.mistake.fails and a.mistake.fails < tests, f"the mistake must fail some, not all, tests: {a.mistake.fails}"
