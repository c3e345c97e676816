"""Regenerate docs/parameters.md from the parameter registry: `python -m simulation.docs`."""

from __future__ import annotations

from pathlib import Path

from simulation.cli import parameters_markdown
from simulation.parameters import registry

HEADER = """# Parameters

Generated from the parameter registry (`python -m simulation.docs`, or `make docs`); do not edit
by hand. Every parameter has a unit, a valid range (checked when a scenario loads), a plausible
range (explored under uncertainty) and a source: a row of `FIGURES.md`, a document, or the label
`assumption`. Plausible ranges marked *generic* are the value ±50% and are not explored by
default. `samenloop params` shows the same table for any scenario.

"""


DOCS = Path(__file__).resolve().parents[1] / "docs"


def write(path: Path = DOCS / "parameters.md") -> Path:
    rows = registry()
    assumptions = sum(r.is_assumption for r in rows)
    summary = f"{len(rows)} parameters, of which {assumptions} are labelled `assumption`.\n\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + summary + parameters_markdown(rows), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"wrote {write()}")
