"""nbgrader preprocessors of the course: feedback that hides hidden tests, and a cap on output size.

Referenced by name from `exercises/nbgrader_config.py`:

- `HideHiddenTestErrors` (feedback): a cell with hidden tests keeps only the name and message of
  its error. A traceback quotes the failing line and the lines around it, so it would show the
  hidden tests even after nbgrader's ClearHiddenTests has removed them from the cell's code.
- `LimitOutputSize` (autograding): nbgrader limits the number of output lines; a single line can
  still be megabytes long. This caps the characters of every output and drops huge images, so a
  runaway print cannot blow up the graded notebook or the feedback page.
"""

from __future__ import annotations

from typing import Any

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Bool, Integer, Unicode

HIDDEN_MARKER = "BEGIN HIDDEN TESTS"


class HideHiddenTestErrors(Preprocessor):
    """In cells that contain hidden tests, reduce errors to `name: message` and drop results."""

    enabled = Bool(True, help="nbconvert preprocessors are off unless enabled.").tag(config=True)

    note = Unicode(
        "(Details verborgen: deze cel bevat verborgen tests. / Details hidden: this cell contains hidden tests.)",
        help="Shown under the error message instead of the traceback.",
    ).tag(config=True)

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict[str, Any], index: int
    ) -> tuple[NotebookNode, dict[str, Any]]:
        if cell.cell_type != "code" or HIDDEN_MARKER not in cell.source:
            return cell, resources
        kept = []
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                message = f"{output.ename}: {output.evalue}".rstrip(": ")
                output.traceback = [message, self.note]
                kept.append(output)
            elif output.output_type == "stream":
                kept.append(output)
            # execute_result / display_data of a test cell can only come from the tests: drop them
        cell.outputs = kept
        return cell, resources


class LimitOutputSize(Preprocessor):
    """Cap the characters of each text output and drop images larger than a limit."""

    enabled = Bool(True, help="nbconvert preprocessors are off unless enabled.").tag(config=True)

    max_chars = Integer(20_000, help="Characters kept of each text output.").tag(config=True)
    max_image_chars = Integer(2_000_000, help="Largest image (base64 characters) kept.").tag(config=True)
    marker = "\n... output truncated (too long) ...\n"

    def _cut(self, text: str | list[str]) -> str:
        joined = "".join(text) if isinstance(text, list) else text
        return joined if len(joined) <= self.max_chars else joined[: self.max_chars] + self.marker

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict[str, Any], index: int
    ) -> tuple[NotebookNode, dict[str, Any]]:
        if cell.cell_type != "code":
            return cell, resources
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                output.text = self._cut(output.text)
            elif output.output_type in ("execute_result", "display_data"):
                data = output.get("data", {})
                for mime in list(data):
                    if mime.startswith("image/") and len(data[mime]) > self.max_image_chars:
                        del data[mime]
                    elif not mime.startswith("image/") and isinstance(data[mime], str | list):
                        data[mime] = self._cut(data[mime])
                if not data:
                    data["text/plain"] = "[image removed: too large]"
            elif output.output_type == "error":
                output.evalue = self._cut(output.evalue)
        return cell, resources
