"""Support for the course tests: the assignment descriptions, submissions and one grading round trip.

`round_trip(number)` copies the course into a temporary directory and, for both languages of one
assignment: validates the source, generates the student version, validates it inverted, builds
four submissions (the solution, the untouched student version, a partly wrong one and an
adversarial one), autogrades them as one batch, grades the written answers by hand where there
are any, and generates feedback. It returns plain data so the tests (and a process pool) can use
it.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
if str(EXERCISES) not in sys.path:
    sys.path.insert(0, str(EXERCISES))

from content import cells as cells  # noqa: E402  (re-exported for the tests)
from content.cells import CONTENT, LANGS, Answer, Assignment, Solution, Tests, tr  # noqa: E402

STUDENTS = ("solution", "untouched", "partly_wrong", "adversarial")
LOOP_LANGUAGE = ("nl", "en")  # assignments with an even number put the infinite loop in Dutch, odd ones in English
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)
SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)
TOP_EXCEPTION = 'raise RuntimeError("an exception at the top of the notebook")'
HUGE_OUTPUT = '\nprint("x" * 3_000_000)\nfor _i in range(20_000):\n    print("line", _i)\n'
INFINITE_LOOP = "\nimport time as _time\nwhile True:\n    _time.sleep(0.05)\n"
# Seconds per cell while testing (the course uses 120): with the run cache every real cell takes a second or two.
TEST_TIMEOUT = 10


def all_assignments() -> list[Assignment]:
    import importlib

    return [importlib.import_module(f"content.{name}").ASSIGNMENT for name in CONTENT]


def assignment(number: str) -> Assignment:
    import importlib

    return importlib.import_module(f"content.{CONTENT[int(number) - 1]}").ASSIGNMENT


def read_nb(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def write_nb(nb: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding="utf-8")


def source_text(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def grade_id(cell: dict[str, Any]) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def graded_points(a: Assignment) -> dict[str, int]:
    """Autograded test cells and their points."""
    return {c.grade_id: c.points for c in a.cells if isinstance(c, Tests)}


def manual_points(a: Assignment) -> dict[str, int]:
    return {c.grade_id: c.points for c in a.cells if isinstance(c, Answer)}


class _Public:
    """What a trainee may see: everything outside solutions, hidden tests and model answers."""

    def __init__(self, a: Assignment, lang: str) -> None:
        parts = []
        for cell in a.cells:
            if not isinstance(cell, Answer):
                text = tr(cell.text if isinstance(cell, cells.Md) else cell.source, lang)
                parts.append(SOLUTION.sub("", HIDDEN.sub("", text)))
        self.text = "\n".join(parts)

    def __contains__(self, line: str) -> bool:
        return line in self.text


def _public_lines(a: Assignment, lang: str) -> _Public:
    return _Public(a, lang)


def hidden_lines(a: Assignment, lang: str) -> list[str]:
    """Lines of hidden tests worth searching for: long enough to be specific, and not also public."""
    public = _public_lines(a, lang)
    lines = []
    for cell in a.cells:
        if isinstance(cell, Tests):
            for block in HIDDEN.findall(tr(cell.source, lang)):
                lines += [line.strip() for line in block.splitlines() if len(line.strip()) >= 16]
    return [line for line in lines if line not in public]


def solution_lines(a: Assignment, lang: str) -> list[str]:
    """Lines of solutions and model answers worth searching for (not also public)."""
    public = _public_lines(a, lang)
    lines = []
    for cell in a.cells:
        if isinstance(cell, Solution):
            for block in SOLUTION.findall(tr(cell.source, lang)):
                lines += [line.strip() for line in block.splitlines() if len(line.strip()) >= 16]
        elif isinstance(cell, Answer):
            lines += [line.strip() for line in tr(cell.text, lang).splitlines() if len(line.strip()) >= 24]
    return [line for line in lines if line not in public]


# ------------------------------------------------------------------------ submissions
def _cells_by_id(nb: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {gid: cell for cell in nb["cells"] if (gid := grade_id(cell))}


def solution_submission(release: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    """The student version with every answer cell filled in from the source (a full solution)."""
    nb = copy.deepcopy(release)
    answers = _cells_by_id(source)
    for cell in nb["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution"):
            cell["source"] = source_text(answers[meta["grade_id"]])
    return nb


def with_mistake(solution: dict[str, Any], a: Assignment, lang: str) -> dict[str, Any]:
    """The solution with the assignment's plausible mistake in one answer cell."""
    nb = copy.deepcopy(solution)
    _cells_by_id(nb)[a.mistake.grade_id]["source"] = tr(a.mistake.source, lang).strip("\n")
    return nb


def adversarial(
    solution: dict[str, Any], a: Assignment, lang: str, infinite_loop: bool = True
) -> tuple[dict[str, Any], str]:
    """Everything at once: an exception in a new first cell, a huge output, the mistake followed by
    an infinite loop, the failing tests edited to pass, and a passing test cell deleted.

    Returns the notebook and the grade id of the deleted test cell. Expected after grading: the
    same per-cell scores as the partly wrong submission (edited and deleted cells are restored).
    """
    nb = with_mistake(solution, a, lang)
    by_id = _cells_by_id(nb)
    if infinite_loop:
        by_id[a.mistake.grade_id]["source"] += INFINITE_LOOP
    first_answer = next(c for c in a.cells if isinstance(c, Solution))
    by_id[first_answer.grade_id]["source"] += HUGE_OUTPUT
    for test_id in a.mistake.fails:
        by_id[test_id]["source"] = "pass  # edited by the trainee"
    deleted = [gid for gid in graded_points(a) if gid not in a.mistake.fails][-1]
    nb["cells"] = [c for c in nb["cells"] if grade_id(c) != deleted]
    nb["cells"].insert(
        0,
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "trainee-top",
            "metadata": {},
            "outputs": [],
            "source": TOP_EXCEPTION,
        },
    )
    return nb, deleted


def expected_scores(a: Assignment, student: str) -> dict[str, float]:
    """Expected autograded score per test cell (manual answers excluded)."""
    points = graded_points(a)
    if student == "solution":
        return {gid: float(p) for gid, p in points.items()}
    if student == "untouched":
        return dict.fromkeys(points, 0.0)
    return {gid: 0.0 if gid in a.mistake.fails else float(p) for gid, p in points.items()}


# ------------------------------------------------------------------------- round trip
def round_trip(number: str, workdir: str) -> dict[str, Any]:
    """Validate, generate, submit, autograde, grade by hand and give feedback for one assignment."""
    import os

    from nbgrader.api import Gradebook
    from nbgrader.validator import Validator

    from simulation.course import grading
    from simulation.course.submissions import import_folder

    a = assignment(number)
    course = Path(workdir) / f"course-{number}"
    shutil.copytree(EXERCISES, course, ignore=shutil.ignore_patterns(*GENERATED, "__pycache__"))
    os.environ["SAMENLOOP_EXCHANGE"] = str(Path(workdir) / f"exchange-{number}")  # never a real exchange
    out: dict[str, Any] = {"number": number, "languages": {}}
    config = grading.load_config(course)  # the course's own time limit: the first run fills the run cache
    for lang in LANGS:
        aid, name = a.assignment_id(lang), a.notebook_name(lang)
        result: dict[str, Any] = {"assignment": aid, "timings": {}}
        started = time.perf_counter()
        result["validate_source"] = Validator(config=config).validate(str(course / "source" / aid / f"{name}.ipynb"))
        result["timings"]["validate_source"] = time.perf_counter() - started

        [generated] = grading.generate(course, [aid])
        result["generated"] = (generated.success, generated.log[-2000:])
        release_path = course / "release" / aid / f"{name}.ipynb"
        inverted = Validator(config=config)
        inverted.invert = True
        result["validate_release_inverted"] = inverted.validate(str(release_path))
        result["release"] = read_nb(release_path)

        release = read_nb(release_path)
        source = read_nb(course / "source" / aid / f"{name}.ipynb")
        solved = solution_submission(release, source)
        # the infinite loop costs one time-out; one language per assignment is enough to show it
        result["infinite_loop"] = loop = lang == LOOP_LANGUAGE[int(number) % 2]
        attack, deleted = adversarial(solved, a, lang, infinite_loop=loop)
        inbox = Path(workdir) / f"inbox-{number}-{lang}"
        for student, nb in {
            "solution": solved,
            "untouched": release,
            "partly_wrong": with_mistake(solved, a, lang),
            "adversarial": attack,
        }.items():
            write_nb(nb, inbox / f"{student}.ipynb")
        import_folder(course, inbox)
        result["deleted_test"] = deleted

        started = time.perf_counter()
        outcomes = grading.autograde(course, aid, STUDENTS, Execute={"timeout": TEST_TIMEOUT})
        result["timings"]["autograde_batch"] = time.perf_counter() - started
        result["outcomes"] = {o.student: vars(o) for o in outcomes}
        result["timings"].update({f"autograde_{o.student}": o.seconds for o in outcomes})
        result["cell_scores"] = {}
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
            for student in STUDENTS:
                sub = gb.find_submission_notebook(name, aid, student)
                result["cell_scores"][student] = {
                    g.name: (g.auto_score, g.max_score, g.needs_manual_grade) for g in sub.grades
                }
            # the trainer grades the written answers of the solution in formgrader: full marks
            for g in gb.find_submission_notebook(name, aid, "solution").grades:
                if g.name in manual_points(a):  # as formgrader does when a score is entered
                    g.manual_score = g.max_score
                    g.needs_manual_grade = False
            gb.db.commit()
            sub = gb.find_submission(aid, "solution")
            result["solution_after_manual"] = (float(sub.score), float(sub.max_score), bool(sub.needs_manual_grade))
        result["autograded"] = {
            s: read_nb(course / "autograded" / s / aid / f"{name}.ipynb") for s in STUDENTS if outcomes_ok(result, s)
        }
        result["autograded_size"] = {
            s: (course / "autograded" / s / aid / f"{name}.ipynb").stat().st_size
            for s in STUDENTS
            if outcomes_ok(result, s)
        }
        feedback = grading.feedback(course, aid, STUDENTS, release=True)
        result["feedback_ok"] = {o.student: o.success for o in feedback}
        result["feedback_notes"] = {o.student: o.note for o in feedback}
        result["feedback_html"] = {
            s: (course / "feedback" / s / aid / f"{name}.html").read_text(encoding="utf-8")
            for s in STUDENTS
            if (course / "feedback" / s / aid / f"{name}.html").exists()
        }
        out["languages"][lang] = result
    out["export"] = (course / "grades.csv").read_text() if grading.export(course) else ""
    return out


def outcomes_ok(result: dict[str, Any], student: str) -> bool:
    return bool(result["outcomes"].get(student, {}).get("success"))


GENERATED = ("release", "submitted", "autograded", "feedback", "gradebook.db", "exchange", "handout", "grades.csv")
