"""User-facing errors: what was wrong, where, the value received, what is allowed, how to fix it.

The CLI prints these as one message and exits with a non-zero code, never with a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


class SamenloopError(Exception):
    """An error in user input (a scenario file, a spec, a command-line option, a submission)."""

    def __init__(
        self,
        problem: str,
        *,
        file: str | None = None,
        field: str | None = None,
        value: Any = None,
        allowed: str | None = None,
        fix: str | None = None,
        has_value: bool = False,
    ) -> None:
        self.problem = problem
        self.file = file
        self.field = field
        self.value = value
        self.has_value = has_value or value is not None
        self.allowed = allowed
        self.fix = fix
        super().__init__(self.message())

    def message(self) -> str:
        where = " → ".join(part for part in (self.file, self.field) if part)
        lines = [f"{where}: {self.problem}" if where else self.problem]
        if self.has_value:
            lines.append(f"  value:   {self.value!r}")
        if self.allowed:
            lines.append(f"  allowed: {self.allowed}")
        if self.fix:
            lines.append(f"  fix:     {self.fix}")
        return "\n".join(lines)


class ScenarioError(SamenloopError):
    """A scenario file that cannot be loaded."""


class SpecError(SamenloopError):
    """An experiment specification (comparison, exploration, calibration) that cannot be used."""


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """' Did you mean 'x'?' for the nearest candidate, or '' when nothing is close."""
    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""
