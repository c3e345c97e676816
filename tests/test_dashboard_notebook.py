"""The classroom dashboard notebook runs top to bottom (and is committed without outputs)."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "03-classroom-dashboard.ipynb"
WIDGET = "application/vnd.jupyter.widget-view+json"


def test_dashboard_notebook_runs_top_to_bottom() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(not cell.get("outputs") and cell.get("execution_count") is None for cell in code), (
        f"{NOTEBOOK.name} is committed with outputs"
    )
    NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    outputs = [o for cell in code for o in cell.outputs]
    errors = [o for o in outputs if o.output_type == "error"]
    assert not errors, errors
    warnings = [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr" and "Warning" in o.text]
    assert not warnings, f"{NOTEBOOK.name} shows trainers warnings: {warnings}"
    page_cell = next(cell for cell in code if "Page()" in cell.source)
    assert any(WIDGET in o.get("data", {}) for o in page_cell.outputs), "expected the dashboard displayed as a widget"
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "day 421, policy year 0.15" in text, f"expected the model stepped 8 weeks past the warm-up: {text!r}"
    assert any("image/png" in o.get("data", {}) for o in outputs), "expected the static comparison plot"
