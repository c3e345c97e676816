"""Parameters are data with provenance.

Every numeric parameter is declared with `param(...)`: its default, unit, valid range
(enforced when a scenario loads), plausible range (used by the uncertainty exploration)
and source - a row of ../shared/domain/FIGURES.md, a document, or the word `assumption`.
The registry (`simulation.parameters.registry`) walks these declarations to render
`samenloop params`, docs/parameters.md and the assumption list of every report.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

ASSUMPTION = "assumption"


class Frozen(BaseModel):
    """Base of every parameter group: immutable, and unknown keys are errors.

    A group may name, in `SOURCES`, sources for the fields of its sub-groups where the
    sub-group's own default source does not fit (e.g. the GI's attrition is published,
    other organisations' is not), and in `PLAUSIBLE`, plausible ranges where the sub-group's
    shared range does not fit its value (e.g. recovery care barely stops violence; the police
    hand a restraining order to the mayor within hours, not days). Keys are dotted paths
    relative to the group. A default always lies inside its plausible range (tested).
    """

    SOURCES: ClassVar[dict[str, str]] = {}
    PLAUSIBLE: ClassVar[dict[str, tuple[float, float]]] = {}

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


def param(
    default: Any,
    *,
    unit: str,
    low: float | None = None,
    high: float | None = None,
    source: str = ASSUMPTION,
    doc: str,
    plausible: tuple[float, float] | None = None,
) -> Any:
    """Declare one parameter.

    Args:
        default: value in the built-in defaults.
        unit: unit of the value (`days`, `per year`, `probability`, `FTE`, `EUR`, ...).
        low, high: valid range, checked at load time (inclusive).
        source: FIGURES.md row (e.g. `FIGURES T7`), document, `derived: ...`, or `assumption`.
        doc: meaning in one sentence.
        plausible: range an expert would still find credible; explored under uncertainty.
            Without it, the registry uses the value ±50% within the valid range and marks the
            range as generic (the exploration then leaves the parameter fixed by default).
    """
    extra = {"unit": unit, "source": source}
    if plausible is not None:
        extra["plausible"] = [plausible[0], plausible[1]]  # type: ignore[assignment]
    return Field(default, ge=low, le=high, description=doc, json_schema_extra=extra)  # type: ignore[arg-type]


def probability(
    default: float, *, doc: str, source: str = ASSUMPTION, plausible: tuple[float, float] | None = None
) -> Any:
    """A probability per named event (names start with `p_`)."""
    return param(default, unit="probability", low=0.0, high=1.0, source=source, doc=doc, plausible=plausible)


def share(default: float, *, doc: str, source: str = ASSUMPTION, plausible: tuple[float, float] | None = None) -> Any:
    """A fraction of a whole (of staff, of families, of cases)."""
    return param(default, unit="fraction", low=0.0, high=1.0, source=source, doc=doc, plausible=plausible)
