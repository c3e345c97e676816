"""Import submissions handed in outside JupyterLab: by e-mail or through a learning platform.

The trainer puts the files in one folder (or gives the platform's zip file) and runs
`samenloop course import FOLDER`. Two layouts are understood:

    FOLDER/<student>.ipynb              one notebook per trainee, named after the trainee
    FOLDER/<student>/<anything>.ipynb   one folder per trainee with one notebook in it

`--pattern` takes a regular expression with a group `student` for other file names, e.g.
`^(?P<student>[^_]+)_.*\\.ipynb$` for `anna_1234_opdracht.ipynb`. Which assignment a notebook
belongs to is read from its metadata (set by the course's notebooks) unless `--assignment` says it.

Every file is checked before anything is copied: a readable notebook, a valid student id, a known
assignment, one notebook per trainee and assignment. Problems are reported together, each with the
file, what is wrong and how to fix it; then nothing is imported (or, with `skip_invalid`, only the
good files are).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from simulation.course.grading import assignments, check_course_dir, resolve_assignments
from simulation.errors import SamenloopError

DEFAULT_PATTERN = r"^(?P<student>[^/\\]+?)\.ipynb$"
STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")


@dataclass
class Found:
    """One notebook that will be imported."""

    file: Path
    student: str
    assignment: str
    notebook: str


@dataclass
class ImportReport:
    """What an import did."""

    imported: list[Found] = field(default_factory=list)
    problems: list[SamenloopError] = field(default_factory=list)


class SubmissionError(SamenloopError):
    """A submission folder that cannot be imported (one or more files with problems)."""

    def __init__(self, problems: list[SamenloopError], imported: int = 0) -> None:
        self.problems = problems
        head = f"{len(problems)} file(s) could not be imported; " + (
            f"{imported} other file(s) were imported" if imported else "nothing was imported"
        )
        super().__init__(head)

    def message(self) -> str:
        return "\n".join([self.problem, *(p.message() for p in getattr(self, "problems", []))])


def _pattern(text: str | None) -> re.Pattern[str]:
    source = text or DEFAULT_PATTERN
    try:
        pattern = re.compile(source)
    except re.error as exc:
        raise SamenloopError(
            f"the file-name pattern is not a valid regular expression ({exc})",
            field="--pattern",
            value=source,
            fix=r"e.g. --pattern '^(?P<student>[^_]+)_.*\.ipynb$'",
        ) from None
    if "student" not in pattern.groupindex:
        raise SamenloopError(
            "the file-name pattern has no group named 'student'",
            field="--pattern",
            value=source,
            fix=r"name the part that is the trainee's id: (?P<student>...)",
        )
    return pattern


def _candidates(folder: Path, pattern: re.Pattern[str]) -> tuple[list[tuple[Path, str | None]], list[SamenloopError]]:
    """(file, student or None when the name does not match) for every notebook in the folder."""
    found: list[tuple[Path, str | None]] = []
    problems: list[SamenloopError] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name == "__MACOSX":
            continue
        if path.is_file() and path.suffix == ".ipynb":
            match = pattern.match(path.name)
            found.append((path, match.group("student") if match else None))
        elif path.is_dir():
            notebooks = sorted(p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
            if len(notebooks) == 1:
                found.append((notebooks[0], path.name))
            elif not notebooks:
                problems.append(
                    SamenloopError(
                        "this trainee's folder holds no notebook",
                        file=str(path),
                        fix="ask the trainee for the .ipynb file, or remove the empty folder",
                    )
                )
            else:
                problems.append(
                    SamenloopError(
                        "this trainee's folder holds more than one notebook",
                        file=str(path),
                        value=[p.name for p in notebooks],
                        fix="keep only the notebook to grade in the folder",
                    )
                )
        else:
            problems.append(
                SamenloopError(
                    "not a notebook", file=str(path), fix="hand in .ipynb files (unzip archives first or pass the zip)"
                )
            )
    return found, problems


def _read(path: Path) -> dict | None:
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return nb if isinstance(nb, dict) and isinstance(nb.get("cells"), list) else None


def scan(
    course: Path | str, folder: Path | str, assignment: str | None = None, pattern: str | None = None
) -> ImportReport:
    """Check a folder of submissions; nothing is copied (see `import_folder`)."""
    root = check_course_dir(course)
    by_id = {a.assignment_id: a for a in assignments(root)}
    by_meta = {(a.exercise, a.language): a for a in assignments(root)}
    if assignment is not None:
        resolve_assignments(root, [assignment], field="--assignment")
    source = Path(folder)
    if not source.exists():
        raise SamenloopError("the submission folder does not exist", file=str(source), fix="check the path")
    regex = _pattern(pattern)
    files, problems = _candidates(source, regex)
    report = ImportReport(problems=problems)
    if not files and not problems:
        report.problems.append(SamenloopError("no notebooks in this folder", file=str(source), fix="check the path"))
    seen: dict[tuple[str, str], Path] = {}
    for path, student in files:
        if student is None:
            report.problems.append(
                SamenloopError(
                    "the file name does not match the pattern for trainee ids",
                    file=str(path),
                    value=regex.pattern,
                    fix="rename it to <trainee-id>.ipynb, or pass --pattern",
                )
            )
            continue
        if not STUDENT_ID.match(student):
            report.problems.append(
                SamenloopError(
                    "not a usable trainee id",
                    file=str(path),
                    field="trainee id",
                    value=student,
                    allowed="letters, digits and . _ @ - (at most 64, starting with a letter or digit)",
                    fix="rename the file or folder to the trainee's id, e.g. anna.devries.ipynb",
                )
            )
            continue
        nb = _read(path)
        if nb is None:
            report.problems.append(
                SamenloopError(
                    "not a readable notebook (damaged or not JSON)",
                    file=str(path),
                    fix="ask the trainee to download it again with File → Download",
                )
            )
            continue
        target = by_id.get(assignment) if assignment else None
        if target is None:
            meta = nb.get("metadata", {}).get("samenloop", {})
            target = by_meta.get((str(meta.get("exercise", "")), str(meta.get("language", ""))))
        if target is None:
            report.problems.append(
                SamenloopError(
                    "cannot tell which assignment this notebook belongs to (no course metadata)",
                    file=str(path),
                    field="metadata.samenloop",
                    fix="pass --assignment with the assignment id",
                )
            )
            continue
        if (student, target.assignment_id) in seen:
            report.problems.append(
                SamenloopError(
                    "two notebooks of the same trainee for the same assignment",
                    file=str(path),
                    value=[str(seen[(student, target.assignment_id)]), str(path)],
                    fix="keep only the one to grade",
                )
            )
            continue
        seen[(student, target.assignment_id)] = path
        report.imported.append(Found(path, student, target.assignment_id, target.notebook))
    return report


def import_folder(
    course: Path | str,
    folder: Path | str,
    assignment: str | None = None,
    pattern: str | None = None,
    skip_invalid: bool = False,
) -> ImportReport:
    """Copy a folder (or zip file) of submissions into `submitted/<student>/<assignment>/`.

    Raises SubmissionError listing every problem; with `skip_invalid` the good files are imported
    first and the error still lists what was skipped.
    """
    root = check_course_dir(course)
    folder = Path(folder)
    with tempfile.TemporaryDirectory() as unpacked:
        if folder.is_file() and folder.suffix == ".zip":
            folder = _unzip(folder, Path(unpacked))
        report = scan(root, folder, assignment, pattern)
        if report.problems and not skip_invalid:
            raise SubmissionError(report.problems)
        for item in report.imported:
            target = root / "submitted" / item.student / item.assignment
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(item.file, target / f"{item.notebook}.ipynb")
            stamp = datetime.fromtimestamp(item.file.stat().st_mtime, UTC)
            (target / "timestamp.txt").write_text(stamp.strftime("%Y-%m-%d %H:%M:%S.%f %Z"), encoding="utf-8")
    if report.problems:
        raise SubmissionError(report.problems, imported=len(report.imported))
    return report


def _unzip(archive: Path, into: Path) -> Path:
    try:
        with zipfile.ZipFile(archive) as zf:
            for member in zf.namelist():
                if member.startswith("/") or ".." in Path(member).parts:
                    raise SamenloopError("the zip file holds an unsafe path", file=str(archive), value=member)
            zf.extractall(into)
    except zipfile.BadZipFile:
        raise SamenloopError("not a readable zip file", file=str(archive), fix="download it again") from None
    entries = [p for p in into.iterdir() if not p.name.startswith(".") and p.name != "__MACOSX"]
    return entries[0] if len(entries) == 1 and entries[0].is_dir() else into
