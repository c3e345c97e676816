"""Build the course's source notebooks (Dutch and English) from one description per assignment.

Each assignment is written once, in `exercises/content/aNN_*.py`, as a list of cells whose text
has a Dutch and an English version. This script writes both notebooks, so that cells, grade ids
and points are the same in both languages by construction (and a test checks it):

    exercises/source/header.ipynb                   shared header (both languages)
    exercises/source/nl-01-netwerk/01-netwerk.ipynb  one assignment id per language
    exercises/source/en-01-network/01-network.ipynb

Usage: python exercises/build_notebooks.py [--check]   (--check: exit 1 if a file would change)
The notebooks are written without outputs and with fixed cell ids, so a rebuild is byte-stable.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from content.cells import CONTENT, LANGS, Answer, Assignment, Cell, Code, Md, Solution, tr  # noqa: E402


def _meta(kind: str, grade_id: str, points: int | None = None) -> dict[str, Any]:
    grade = kind in ("tests", "answer")
    meta: dict[str, Any] = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": kind in ("tests", "locked"),
        "schema_version": 3,
        "solution": kind in ("solution", "answer"),
        "task": False,
    }
    if grade:
        meta["points"] = points
    return meta


def _cell(cell: Cell, lang: str, index: int) -> dict[str, Any]:
    if isinstance(cell, Md):
        return _markdown(tr(cell.text, lang), f"md-{index:02d}", None)
    if isinstance(cell, Answer):
        return _markdown(tr(cell.text, lang), cell.grade_id, _meta("answer", cell.grade_id, cell.points))
    if isinstance(cell, Code):
        meta = _meta("locked", cell.grade_id) if cell.grade_id else None
        return _code(tr(cell.source, lang), cell.grade_id or f"code-{index:02d}", meta)
    if isinstance(cell, Solution):
        return _code(tr(cell.source, lang), cell.grade_id, _meta("solution", cell.grade_id))
    return _code(tr(cell.source, lang), cell.grade_id, _meta("tests", cell.grade_id, cell.points))


def _markdown(text: str, cell_id: str, nbgrader: dict[str, Any] | None) -> dict[str, Any]:
    metadata = {"nbgrader": nbgrader} if nbgrader else {}
    return {"cell_type": "markdown", "id": cell_id, "metadata": metadata, "source": text.strip("\n")}


def _code(source: str, cell_id: str, nbgrader: dict[str, Any] | None) -> dict[str, Any]:
    metadata = {"nbgrader": nbgrader} if nbgrader else {}
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": cell_id,
        "metadata": metadata,
        "outputs": [],
        "source": source.strip("\n"),
    }


def notebook(assignment: Assignment, lang: str) -> dict[str, Any]:
    """The source notebook of one assignment in one language (nbformat 4.5, as a dict)."""
    other = "en" if lang == "nl" else "nl"
    cells = [_cell(c, lang, i) for i, c in enumerate(assignment.cells)]
    return _wrap(
        cells,
        {
            "exercise": assignment.number,
            "language": lang,
            "title": assignment.title[lang],
            "other_language": assignment.assignment_id(other),
            "minutes": assignment.minutes,
            "points": assignment.points,
        },
    )


def _wrap(cells: list[dict[str, Any]], samenloop: dict[str, Any] | None) -> dict[str, Any]:
    metadata: dict[str, Any] = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    if samenloop:
        metadata["samenloop"] = samenloop
    return {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def _content(name: str) -> Any:
    return importlib.import_module(f"content.{name}")


def header() -> dict[str, Any]:
    """The shared header notebook: nbgrader puts its cells on top of every released notebook."""
    texts = _content("header").HEADER
    return _wrap([_markdown(text, f"header-{i}", None) for i, text in enumerate(texts)], None)


def assignments() -> list[Assignment]:
    """Every assignment of the course, in order."""
    return [_content(name).ASSIGNMENT for name in CONTENT]


def outputs() -> dict[Path, dict[str, Any]]:
    """Every file this script writes, with its content."""
    files = {HERE / "source" / "header.ipynb": header()}
    for assignment in assignments():
        for lang in LANGS:
            folder = HERE / "source" / assignment.assignment_id(lang)
            files[folder / f"{assignment.notebook_name(lang)}.ipynb"] = notebook(assignment, lang)
    return files


def dump(nb: dict[str, Any]) -> str:
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the files are up to date")
    args = parser.parse_args(argv)
    stale = []
    for path, nb in outputs().items():
        text = dump(nb)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{'out of date' if args.check else 'wrote'}: {path.relative_to(HERE)}")
    if args.check and stale:
        print("fix: python exercises/build_notebooks.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
