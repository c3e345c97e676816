# nbgrader configuration of the Samenloop course (read from the current directory by `nbgrader`,
# by JupyterLab's formgrader when started here - `make lab` - and by `samenloop course ...`).
# Paths are relative to this file, so the course works from any checkout.
import os

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)
HERE = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.course_id = "samenloop"
c.CourseDirectory.root = HERE
# Grades live in gradebook.db in this folder (the default); it is not committed.

# A writable exchange for release / fetch / submit / collect / feedback (the default under
# /usr/local/share is not writable). On a shared server point SAMENLOOP_EXCHANGE at a folder every
# user can write to (mode 1777), e.g. /srv/nbgrader/exchange.
c.Exchange.root = os.environ.get("SAMENLOOP_EXCHANGE") or os.path.join(HERE, "exchange")
os.makedirs(c.Exchange.root, exist_ok=True)

# Every notebook starts with the shared header (course, how to work, privacy).
c.IncludeHeaderFooter.header = os.path.join(HERE, "source", "header.ipynb")

# Stubs in both languages (one header serves both versions).
c.ClearSolutions.code_stub = {"python": "# JOUW CODE HIER / YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "JOUW ANTWOORD HIER / YOUR ANSWER HERE"

# Execution: the longest cell runs a few small simulations (about 15 s on a busy 2-core machine
# without the run cache). 120 s per cell leaves room; an infinite loop costs one timeout, then the
# kernel is interrupted and the remaining cells still run.
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = True

# Grading: put deleted test cells back (their points are not lost by deleting them, nor won),
# and cap huge outputs (lines by nbgrader, characters by Samenloop).
c.OverwriteCells.add_missing_cells = True
c.LimitOutput.max_lines = 500
c.LimitOutput.max_traceback = 60
c.Autograde.autograde_preprocessors = [
    "nbgrader.preprocessors.Execute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "simulation.course.feedback.LimitOutputSize",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# Feedback must not reveal hidden tests. nbgrader's default feedback shows them, and removing
# them from the cell source (ClearHiddenTests) still leaves them in tracebacks, which quote the
# failing line and its neighbours. HideHiddenTestErrors replaces the error output of cells that
# hold hidden tests by the error's name and message (written to say what is expected, not how
# it is tested) before ClearHiddenTests removes the code. Other outputs (plots, tables) stay.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "simulation.course.feedback.HideHiddenTestErrors",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
