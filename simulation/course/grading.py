"""The trainer's grading lifecycle on top of nbgrader, in-process and with clear errors.

generate (student version) → release / handout → collect / import → autograde → manual grading in
formgrader → feedback → export. Every step reads the course's own `nbgrader_config.py` (wherever
it is called from), goes on with the other submissions when one fails, and reports per
submission. nbgrader's exit codes and logs are not trusted for results: scores are read from the
gradebook.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import re
import sys
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulation.errors import SamenloopError, did_you_mean

CONFIG_FILE = "nbgrader_config.py"


@dataclass(frozen=True)
class AssignmentInfo:
    """One assignment of the course (from its source notebook's metadata)."""

    assignment_id: str
    notebook: str
    exercise: str
    language: str
    title: str
    points: int


@dataclass
class Outcome:
    """What one step did for one assignment and (where it applies) one student."""

    assignment: str
    student: str | None
    success: bool
    score: float | None = None
    max_score: float | None = None
    needs_manual_grade: bool = False
    note: str = ""
    log: str = ""
    seconds: float = 0.0


def default_course_dir() -> Path:
    """`exercises/` of this checkout, else `exercises/` in the current directory."""
    beside = Path(__file__).resolve().parents[2] / "exercises"
    return beside if (beside / CONFIG_FILE).exists() else Path.cwd() / "exercises"


def check_course_dir(course: Path | str) -> Path:
    """The course directory as an absolute path; a clear error when it is not one."""
    path = Path(course).resolve()
    if not (path / CONFIG_FILE).is_file():
        raise SamenloopError(
            "not an nbgrader course directory (no nbgrader_config.py)",
            file=str(path),
            fix="pass --course with the folder that holds nbgrader_config.py (the repository's exercises/)",
        )
    return path


def load_config(course: Path | str) -> Any:
    """The course's nbgrader configuration, with its root set to the course directory."""
    from traitlets.config.loader import PyFileConfigLoader

    path = check_course_dir(course)
    config = PyFileConfigLoader(CONFIG_FILE, path=str(path)).load_config()
    config.CourseDirectory.root = str(path)
    return config


def _ensure_tools_on_path() -> None:
    """nbgrader runs `alembic` from PATH when it creates a gradebook; use this environment's."""
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")


def nbgrader_api(course: Path | str, **settings: Any) -> Any:
    """An `NbGraderAPI` for the course; `settings` override config values, e.g.
    `{"Execute": {"timeout": 20}}`."""
    from nbgrader.apps import NbGraderAPI

    _ensure_tools_on_path()
    config = load_config(course)
    for section, values in settings.items():
        for key, value in values.items():
            setattr(getattr(config, section), key, value)
    api = NbGraderAPI(config=config)
    api.log.setLevel(logging.WARNING)
    return api


def assignments(course: Path | str) -> list[AssignmentInfo]:
    """The assignments in `source/`, in order, with exercise number and language."""
    path = check_course_dir(course)
    found = []
    for notebook in sorted((path / "source").glob("*/*.ipynb")):
        meta = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {}).get("samenloop", {})
        found.append(
            AssignmentInfo(
                assignment_id=notebook.parent.name,
                notebook=notebook.stem,
                exercise=str(meta.get("exercise", "")),
                language=str(meta.get("language", "")),
                title=str(meta.get("title", notebook.stem)),
                points=int(meta.get("points", 0)),
            )
        )
    return found


def resolve_assignments(course: Path | str, requested: Iterable[str] | None, field: str = "assignment") -> list[str]:
    """Requested assignment ids (all when none), checked against `source/`; `field` names the option."""
    known = [a.assignment_id for a in assignments(course)]
    wanted = list(requested or [])
    if not wanted:
        return known
    for name in wanted:
        if name not in known:
            raise SamenloopError(
                f"unknown assignment{did_you_mean(name, known)}",
                field=field,
                value=name,
                allowed=", ".join(known),
                fix="use an assignment id from `samenloop course status`",
            )
    return wanted


def check_sources(course: Path | str, requested: Iterable[str] | None = None) -> list[Outcome]:
    """Run every source notebook with nbgrader's validator: all tests must pass (also warms the run
    cache before a session). nbgrader's `validate` command exits 0 even on failure; this does not."""
    from nbgrader.validator import Validator

    config = load_config(course)
    root = Path(config.CourseDirectory.root)
    outcomes = []
    for a in resolve_assignments(root, requested):
        for notebook in sorted((root / "source" / a).glob("*.ipynb")):
            started = time.perf_counter()
            problems = Validator(config=config).validate(str(notebook))
            seconds = time.perf_counter() - started
            details = [
                f"{kind}: {item.get('source', '').splitlines()[0] if item.get('source') else ''} "
                f"{item.get('raw_error', '').strip().splitlines()[-1] if item.get('raw_error') else ''}".strip()
                for kind, items in problems.items()
                for item in items
            ]
            note = f"{notebook.name}, {seconds:.0f} s"
            if problems:
                note = f"{notebook.name}: {len(details)} cell(s) fail; first: {details[0]}"
            outcomes.append(Outcome(a, None, not problems, note=note, log="\n".join(details)))
    return outcomes


def generate(course: Path | str, requested: Iterable[str] | None = None) -> list[Outcome]:
    """The student versions in `release/` (solutions and hidden tests removed, header added)."""
    api = nbgrader_api(course)
    return [_outcome(a, None, api.generate_assignment(a, force=True)) for a in resolve_assignments(course, requested)]


def release(course: Path | str, requested: Iterable[str] | None = None) -> list[Outcome]:
    """Release student versions to the exchange (trainees fetch them in JupyterLab)."""
    api = nbgrader_api(course)
    outcomes = []
    for a in resolve_assignments(course, requested):
        _require(Path(api.coursedir.root) / "release" / a, f"the student version of {a}", "samenloop course generate")
        api.unrelease(a)  # releasing again replaces the earlier release
        outcomes.append(_outcome(a, None, api.release_assignment(a)))
    return outcomes


def handout(course: Path | str, requested: Iterable[str] | None = None, to: Path | None = None) -> list[Path]:
    """Zip files of the student versions, for e-mail or a learning platform."""
    root = check_course_dir(course)
    target = Path(to) if to else root / "handout"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for a in resolve_assignments(course, requested):
        folder = root / "release" / a
        _require(folder, f"the student version of {a}", "samenloop course generate")
        archive = target / f"{a}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for file in sorted(folder.rglob("*")):
                if file.is_file():
                    zf.write(file, Path(a) / file.relative_to(folder))
        written.append(archive)
    return written


def collect(course: Path | str, requested: Iterable[str] | None = None) -> list[Outcome]:
    """Collect submissions from the exchange into `submitted/`."""
    api = nbgrader_api(course)
    return [_outcome(a, None, api.collect(a)) for a in resolve_assignments(course, requested)]


def submitted_students(course: Path | str, assignment: str) -> list[str]:
    """Students with a submission of `assignment` in `submitted/`."""
    root = check_course_dir(course)
    return sorted(p.parent.name for p in (root / "submitted").glob(f"*/{assignment}") if p.is_dir())


def autograde(
    course: Path | str,
    assignment: str,
    students: Iterable[str] | None = None,
    **settings: Any,
) -> list[Outcome]:
    """Autograde each submission (locked and test cells restored from the source); one failing
    submission does not stop the others. Scores come from the gradebook."""
    [assignment] = resolve_assignments(course, [assignment])
    who = list(students or submitted_students(course, assignment))
    if not who:
        raise SamenloopError(
            "no submissions to grade",
            field="assignment",
            value=assignment,
            fix="collect them (`samenloop course collect`) or import a folder (`samenloop course import`)",
        )
    _generated_first(course, assignment)
    api = nbgrader_api(course, **settings)
    root = Path(api.coursedir.root)
    outcomes = []
    for student in who:
        damaged = _damaged_notebooks(root / "submitted" / student / assignment)
        if damaged:
            note = f"not a readable notebook (damaged or not JSON): {damaged[0]}; ask the trainee to hand it in again"
            outcomes.append(Outcome(assignment, student, False, note=note))
            continue
        started = time.perf_counter()
        outcome = _outcome(assignment, student, api.autograde(assignment, student, force=True))
        outcome.seconds = time.perf_counter() - started
        if outcome.success:
            _add_score(api, outcome)
            outcome.note = _execution_notes(root, assignment, student)
        else:
            outcome.note = _failure(root, f"autograde-{assignment}-{student}", outcome.log)
        outcomes.append(outcome)
    return outcomes


def feedback(
    course: Path | str, assignment: str, students: Iterable[str] | None = None, release: bool = False
) -> list[Outcome]:
    """Feedback pages (HTML) for graded submissions, without hidden tests; optionally released
    to the exchange so trainees fetch them in JupyterLab."""
    [assignment] = resolve_assignments(course, [assignment])
    api = nbgrader_api(course)
    root = Path(api.coursedir.root)
    who = list(students or sorted(p.parent.name for p in (root / "autograded").glob(f"*/{assignment}")))
    if not who:
        raise SamenloopError(
            "no graded submissions", field="assignment", value=assignment, fix="run `samenloop course autograde` first"
        )
    outcomes = []
    for student in who:
        outcome = _outcome(assignment, student, api.generate_feedback(assignment, student, force=True))
        folder = root / "feedback" / student / assignment
        if outcome.success and release and not (folder / "submission_secret.txt").exists():
            # nbgrader can only return feedback through the exchange for work submitted through it
            outcome.note = f"not released (handed in outside the exchange): send {folder}/*.html"
        elif outcome.success and release:
            released = api.release_feedback(assignment, student)
            outcome.success = bool(released.get("success"))
            outcome.log += released.get("log", "") + released.get("error", "")
            outcome.note = "released to the exchange" if outcome.success else ""
        outcomes.append(outcome)
    return outcomes


def grades(course: Path | str) -> list[dict[str, Any]]:
    """One row per submission in the gradebook: exercise, language, scores, manual grading left."""
    from nbgrader.api import Gradebook, MissingEntry

    _ensure_tools_on_path()
    config = load_config(course)
    info = {a.assignment_id: a for a in assignments(course)}
    db = Path(config.CourseDirectory.root) / "gradebook.db"
    if not db.exists():
        return []
    rows = []
    with Gradebook(f"sqlite:///{db}") as gb:
        for assignment in gb.assignments:
            for student in gb.students:
                try:
                    sub = gb.find_submission(assignment.name, student.id)
                except MissingEntry:
                    continue
                meta = info.get(assignment.name)
                rows.append(
                    {
                        "student": student.id,
                        "exercise": meta.exercise if meta else "",
                        "language": meta.language if meta else "",
                        "assignment": assignment.name,
                        "score": round(float(sub.score), 2),
                        "max_score": float(sub.max_score),
                        "needs_manual_grade": bool(sub.needs_manual_grade),
                        "timestamp": sub.timestamp.isoformat() if sub.timestamp else "",
                    }
                )
    return sorted(rows, key=lambda r: (r["student"], r["exercise"], r["assignment"]))


def export(course: Path | str, to: Path | None = None) -> Path:
    """Write the grades to CSV (one row per trainee and assignment; both languages together)."""
    root = check_course_dir(course)
    target = Path(to) if to else root / "grades.csv"
    rows = grades(root)
    fields = ["student", "exercise", "language", "assignment", "score", "max_score", "needs_manual_grade", "timestamp"]
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return target


# ----------------------------------------------------------------------------- helpers
def _require(path: Path, what: str, fix: str) -> None:
    if not path.exists():
        raise SamenloopError(f"{what} does not exist yet", file=str(path), fix=f"run `{fix}` first")


def _generated_first(course: Path | str, assignment: str) -> None:
    root = check_course_dir(course)
    _require(root / "release" / assignment, f"the student version of {assignment}", "samenloop course generate")
    _require(root / "gradebook.db", "the gradebook", "samenloop course generate")


def _outcome(assignment: str, student: str | None, result: dict[str, Any]) -> Outcome:
    success = bool(result.get("success"))
    log = result.get("log", "") or ""
    if not success:
        log += "\n" + (result.get("error", "") or "")
    return Outcome(assignment, student, success, log=log.strip())


def _damaged_notebooks(folder: Path) -> list[Path]:
    """Submitted notebooks that are not readable JSON notebooks (nbgrader would fail on them)."""
    damaged = []
    for notebook in sorted(folder.glob("*.ipynb")):
        try:
            cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells")
        except (OSError, UnicodeDecodeError, ValueError, AttributeError):
            cells = None
        if not isinstance(cells, list):
            damaged.append(notebook)
    return damaged


def _failure(root: Path, name: str, log: str) -> str:
    """Keep nbgrader's full log in logs/ and return the error in one line (no traceback)."""
    logs = root / "logs"
    logs.mkdir(exist_ok=True)
    path = logs / f"{name}.log"
    path.write_text(log, encoding="utf-8")
    errors = [
        line.strip()
        for line in log.splitlines()
        if re.match(r"^\s*[\w.]*(Error|Exception): ", line) and "NbGraderException" not in line
    ]
    reason = errors[-1] if errors else "nbgrader could not grade this submission"
    return f"{reason} (full log: {path})"


def _add_score(api: Any, outcome: Outcome) -> None:
    with api.gradebook as gb:
        sub = gb.find_submission(outcome.assignment, outcome.student)
        outcome.score = float(sub.score)
        outcome.max_score = float(sub.max_score)
        outcome.needs_manual_grade = bool(sub.needs_manual_grade)


def _execution_notes(root: Path, assignment: str, student: str) -> str:
    """Hints for the trainer from the graded notebook: time-outs and errors outside test cells."""
    notes = set()
    for notebook in (root / "autograded" / student / assignment).glob("*.ipynb"):
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
        for cell in cells:
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error" and output.get("ename") == "CellTimeoutError":
                    notes.add("a cell hit the time limit")
            if "was missing from the submission" in "".join(cell.get("source", "")):
                notes.add("deleted test cells were put back")
    return "; ".join(sorted(notes))
