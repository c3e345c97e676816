"""The building blocks of an assignment: cells with a Dutch and an English text.

Used by `exercises/build_notebooks.py` and by the course tests (mistakes, points).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LANGS = ("nl", "en")
Text = str | dict[str, str]  # one text for both languages, or {"nl": ..., "en": ...}
CONTENT = ("a01_network", "a02_phases", "a03_handoffs", "a04_actieoverleg", "a05_scenarios", "a06_casusreview")


def tr(text: Text, lang: str) -> str:
    """The text in one language."""
    if isinstance(text, str):
        return text
    return text[lang]


@dataclass(frozen=True)
class Md:
    """Instructions (markdown), not graded."""

    text: Text


@dataclass(frozen=True)
class Code:
    """Code the trainee gets. With `grade_id` it is read-only and restored when graded."""

    source: Text
    grade_id: str | None = None


@dataclass(frozen=True)
class Solution:
    """An autograded answer: the part between the solution markers is replaced in the release."""

    grade_id: str
    source: Text


@dataclass(frozen=True)
class Tests:
    """A graded test cell (read-only; the part between the hidden-test markers is not released)."""

    grade_id: str
    points: int
    source: Text


@dataclass(frozen=True)
class Answer:
    """A written answer, graded by hand in formgrader. `text` is the model answer (source only)."""

    grade_id: str
    points: int
    text: Text


Cell = Md | Code | Solution | Tests | Answer


@dataclass(frozen=True)
class Mistake:
    """A plausible wrong answer, used by the tests: which tests it must fail (all others pass)."""

    grade_id: str
    source: Text
    fails: frozenset[str]


@dataclass(frozen=True)
class Assignment:
    """One assignment, in both languages."""

    number: str
    slug: dict[str, str]
    title: dict[str, str]
    minutes: int
    cells: list[Cell]
    mistake: Mistake
    notes: dict[str, Any] = field(default_factory=dict)

    def assignment_id(self, lang: str) -> str:
        return f"{lang}-{self.number}-{self.slug[lang]}"

    def notebook_name(self, lang: str) -> str:
        return f"{self.number}-{self.slug[lang]}"

    @property
    def points(self) -> int:
        return sum(c.points for c in self.cells if isinstance(c, Tests | Answer))
