"""`samenloop course ...`: the trainer's commands for the graded course (nbgrader).

    samenloop course status                      assignments, submissions, grading left
    samenloop course check [ASSIGNMENT...]       run the source notebooks: every test must pass
    samenloop course generate [ASSIGNMENT...]    student versions in exercises/release/
    samenloop course release [ASSIGNMENT...]     to the exchange (trainees fetch in JupyterLab)
    samenloop course handout [ASSIGNMENT...]     zip files for e-mail or a learning platform
    samenloop course collect [ASSIGNMENT...]     submissions from the exchange
    samenloop course import FOLDER               submissions handed in by e-mail or a platform
    samenloop course autograde ASSIGNMENT        grade every submission (one failure stops nothing)
    samenloop course feedback ASSIGNMENT         feedback pages without hidden tests [--release]
    samenloop course export [--to grades.csv]    grades as CSV

Manual grading of the written answers happens in formgrader: `make lab`, then Nbgrader → Formgrader.
Heavy imports (nbgrader, the model) happen inside the commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from simulation.cli_errors import err_console, user_errors
from simulation.files import output_directory, output_file

if TYPE_CHECKING:
    from simulation.course.grading import Outcome

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="The graded training course: generate, release, collect or import, autograde, feedback, export.",
)
console = Console()

CourseOption = Annotated[
    Path | None, typer.Option("--course", help="The course directory (default: the repository's exercises/).")
]
AssignmentsArg = Annotated[list[str] | None, typer.Argument(help="Assignment ids (default: all).", show_default=False)]


def _course(course: Path | None) -> Path:
    from simulation.course.grading import check_course_dir, default_course_dir

    return check_course_dir(course or default_course_dir())


def _report(outcomes: list[Outcome], title: str, scores: bool = False) -> None:
    """Print one row per outcome; exit 1 when any failed (after all of them ran)."""
    table = Table(title=title)
    table.add_column("assignment")
    if any(o.student for o in outcomes):
        table.add_column("trainee")
    if scores:
        table.add_column("score", justify="right")
        table.add_column("manual grading")
        table.add_column("time", justify="right")
    table.add_column("result")
    for o in outcomes:
        row = [o.assignment] + ([o.student or ""] if any(x.student for x in outcomes) else [])
        if scores:
            row.append(f"{o.score:g} / {o.max_score:g}" if o.score is not None and o.max_score is not None else "–")
            row.append("needed" if o.needs_manual_grade else "")
            row.append(f"{o.seconds:.0f} s")
        row.append(("[green]ok[/]" if o.success else "[red]failed[/]") + (f" ({o.note})" if o.note else ""))
        table.add_row(*row)
    console.print(table)
    failed = [o for o in outcomes if not o.success]
    for o in failed:
        where = " ".join(part for part in (o.assignment, o.student) if part)
        reason = o.note or _last_error(o.log)
        err_console.print(f"[red]failed:[/] {where}: {reason}", highlight=False)
    if failed:
        raise typer.Exit(code=1)


def _last_error(log: str) -> str:
    """The last error line of a log (no traceback), or a pointer to what to check."""
    lines = [line.strip() for line in log.splitlines() if "Error" in line or "error" in line]
    return lines[-1] if lines else "see the messages above"


@app.command()
@user_errors
def status(course: CourseOption = None) -> None:
    """The assignments with their points, and per assignment: submitted, graded, manual grading left."""
    from simulation.course.grading import assignments, grades, submitted_students

    root = _course(course)
    graded: dict[str, list[dict[str, object]]] = {}
    for row in grades(root):
        graded.setdefault(str(row["assignment"]), []).append(row)
    table = Table(title=f"Course in {root}")
    for column in ("assignment", "title", "points", "released", "submitted", "graded", "manual grading left"):
        table.add_column(column)
    for a in assignments(root):
        rows = graded.get(a.assignment_id, [])
        table.add_row(
            a.assignment_id,
            a.title,
            str(a.points),
            "yes" if (root / "release" / a.assignment_id).exists() else "no",
            str(len(submitted_students(root, a.assignment_id))),
            str(len(rows)),
            str(sum(1 for r in rows if r["needs_manual_grade"])),
        )
    console.print(table)


@app.command()
@user_errors
def check(assignments: AssignmentsArg = None, course: CourseOption = None) -> None:
    """Run every source notebook with nbgrader's validator (all tests must pass); exit 1 if one fails."""
    from simulation.course.grading import check_sources

    with console.status("running the source notebooks"):
        outcomes = check_sources(_course(course), assignments)
    _report(outcomes, "Source notebooks (all tests must pass)")


@app.command()
@user_errors
def generate(assignments: AssignmentsArg = None, course: CourseOption = None) -> None:
    """Make the student versions (solutions and hidden tests removed) in release/."""
    from simulation.course.grading import generate as run

    _report(run(_course(course), assignments), "Student versions (release/)")


@app.command()
@user_errors
def release(assignments: AssignmentsArg = None, course: CourseOption = None) -> None:
    """Release student versions to the exchange; trainees fetch them under Nbgrader → Assignments."""
    from simulation.course.grading import release as run

    _report(run(_course(course), assignments), "Released to the exchange")


@app.command()
@user_errors
def handout(
    assignments: AssignmentsArg = None,
    course: CourseOption = None,
    to: Annotated[
        Path | None, typer.Option("--to", help="Folder for the zip files (default: exercises/handout).")
    ] = None,
) -> None:
    """Zip the student versions for e-mail or a learning platform."""
    from simulation.course.grading import handout as run

    if to is not None:
        output_directory(to, "--to")
    for path in run(_course(course), assignments, to):
        console.print(f"wrote [bold]{path}[/]")


@app.command()
@user_errors
def collect(assignments: AssignmentsArg = None, course: CourseOption = None) -> None:
    """Collect submitted notebooks from the exchange into submitted/."""
    from simulation.course.grading import collect as run

    _report(run(_course(course), assignments), "Collected from the exchange")


@app.command(name="import")
@user_errors
def import_(
    folder: Annotated[Path, typer.Argument(help="Folder (or zip file) with the handed-in notebooks.")],
    assignment: Annotated[
        str | None, typer.Option("--assignment", help="Assignment id (default: read from each notebook).")
    ] = None,
    pattern: Annotated[
        str | None, typer.Option("--pattern", help="Regex for file names with a group (?P<student>...).")
    ] = None,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Import the good files even when others have problems.")
    ] = False,
    course: CourseOption = None,
) -> None:
    """Import submissions handed in by e-mail or through a learning platform into submitted/."""
    from simulation.course.submissions import import_folder

    report = import_folder(_course(course), folder, assignment, pattern, skip_invalid)
    for item in report.imported:
        console.print(f"imported {item.file} → submitted/{item.student}/{item.assignment}/{item.notebook}.ipynb")
    console.print(f"[green]{len(report.imported)} submission(s) imported[/]")


@app.command()
@user_errors
def autograde(
    assignment: Annotated[str, typer.Argument(help="Assignment id.")],
    student: Annotated[list[str] | None, typer.Option("--student", help="Only these trainees.")] = None,
    course: CourseOption = None,
) -> None:
    """Grade every submission of an assignment; test and read-only cells are restored first."""
    from simulation.course.grading import autograde as run

    with console.status(f"grading {assignment}"):
        outcomes = run(_course(course), assignment, student)
    _report(outcomes, f"Autograded {assignment}", scores=True)
    if any(o.needs_manual_grade for o in outcomes):
        console.print("Written answers need manual grading: `make lab`, then Nbgrader → Formgrader.")


@app.command()
@user_errors
def feedback(
    assignment: Annotated[str, typer.Argument(help="Assignment id.")],
    student: Annotated[list[str] | None, typer.Option("--student", help="Only these trainees.")] = None,
    release: Annotated[bool, typer.Option("--release", help="Also release it to the exchange.")] = False,
    course: CourseOption = None,
) -> None:
    """Feedback pages (HTML, in feedback/) that do not reveal hidden tests."""
    from simulation.course.grading import feedback as run

    _report(run(_course(course), assignment, student, release), f"Feedback for {assignment}")


@app.command()
@user_errors
def export(
    to: Annotated[Path | None, typer.Option("--to", help="CSV file (default exercises/grades.csv).")] = None,
    course: CourseOption = None,
) -> None:
    """Export all grades to CSV: trainee, exercise, language, score, whether manual grading is left."""
    from simulation.course.grading import export as run

    if to is not None:
        output_file(to, "--to")
    console.print(f"grades written to [bold]{run(_course(course), to)}[/]")
