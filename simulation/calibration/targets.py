"""Calibration targets as data (`simulation/data/targets.yaml`) and how close a simulation is to them."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from simulation import yaml_reading
from simulation.calibration.measures import MEASURES
from simulation.errors import SpecError, did_you_mean
from simulation.validation_messages import first_error, missing, model_at, unknown_key

DEFAULT_TOLERANCE = 0.15


@dataclass(frozen=True)
class Measure:
    """One measured quantity of a target, with what counts as reproducing it."""

    target: str
    measure: str
    value: float
    unit: str
    low: float
    high: float

    @property
    def is_range(self) -> bool:
        return not (
            self.low == self.value * (1 - DEFAULT_TOLERANCE) and self.high == self.value * (1 + DEFAULT_TOLERANCE)
        )

    def within(self, simulated: float) -> bool:
        return self.low <= simulated <= self.high

    def error(self, simulated: float) -> float:
        """Distance outside the tolerance band in units of the band's half-width (0 inside)."""
        half = (self.high - self.low) / 2
        if simulated != simulated:
            return 10.0
        if simulated < self.low:
            return (self.low - simulated) / half
        if simulated > self.high:
            return (simulated - self.high) / half
        return 0.0

    def deviation(self, simulated: float) -> float:
        """Signed distance from the target value in half-widths (for the loss, also inside the band)."""
        if simulated != simulated:
            return 10.0
        centre = (self.low + self.high) / 2
        return (simulated - centre) / ((self.high - self.low) / 2)


@dataclass(frozen=True)
class Target:
    """A public figure with its source and its measures."""

    id: str
    name: str
    year: str
    source: str
    measures: tuple[Measure, ...]
    fitted: bool = True  # False for a cross-check: reported beside the targets, never fitted or required


class _MeasureEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    measure: str
    value: float
    unit: str = ""
    range: tuple[float, float] | None = None

    @model_validator(mode="after")
    def _known_and_ordered(self) -> _MeasureEntry:
        if self.measure not in MEASURES:
            raise ValueError(
                f"unknown measure '{self.measure}'.{did_you_mean(self.measure, MEASURES)}|measure|"
                + ", ".join(MEASURES)
            )
        if self.range is not None and not self.range[0] <= self.value <= self.range[1]:
            raise ValueError(
                f"the range {list(self.range)} does not hold the value {self.value:g}|range|low <= value <= high"
            )
        return self


class _TargetEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    year: str | int = ""
    source: str
    measures: list[_MeasureEntry] = Field(min_length=1)


_TargetList = TypeAdapter(list[_TargetEntry])


def load_cross_checks() -> list[Target]:
    """The packaged cross-checks (data/cross_checks.yaml): public figures reported, not fitted."""
    return load_targets(packaged="cross_checks.yaml", fitted=False)


def load_targets(path: Path | None = None, *, packaged: str = "targets.yaml", fitted: bool = True) -> list[Target]:
    """The targets in `path` (default: the packaged targets.yaml).

    Raises:
        SpecError: the file cannot be read, is not YAML, or an entry is not a valid target.
    """
    file = str(path) if path else f"simulation/data/{packaged}"
    try:
        text = (
            Path(path).read_text(encoding="utf-8")
            if path
            else files("simulation").joinpath(f"data/{packaged}").read_text(encoding="utf-8")
        )
        data = yaml_reading.safe_load(text)
    except OSError as exc:
        raise SpecError(
            f"cannot read the targets file ({exc.strerror})", file=file, fix="check the --targets path"
        ) from None
    except yaml.YAMLError as exc:
        raise SpecError(
            f"the file is not valid YAML ({exc})", file=file, fix="check the indentation and brackets"
        ) from None
    try:
        entries = _TargetList.validate_python(data)
    except ValidationError as exc:
        raise _explain(first_error(exc), file) from None
    return [
        Target(
            e.id,
            e.name,
            str(e.year),
            e.source,
            tuple(
                Measure(e.id, m.measure, m.value, m.unit, *(m.range or _tolerance_band(m.value))) for m in e.measures
            ),
            fitted,
        )
        for e in entries
    ]


def _tolerance_band(value: float) -> tuple[float, float]:
    return value * (1 - DEFAULT_TOLERANCE), value * (1 + DEFAULT_TOLERANCE)


_FORM = "see the packaged simulation/data/targets.yaml for the form of a target"


def _explain(error: Any, file: str) -> SpecError:
    location = ".".join(str(p) for p in error["loc"])
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "value_error" and "|" in message:
        problem, field, allowed = message.split("|")
        return SpecError(problem, file=file, field=f"{location}.{field}", allowed=allowed, fix="correct the entry")
    if error["type"] == "extra_forbidden":
        names = list((model_at(_TargetEntry, error["loc"][:-1]) or _TargetEntry).model_fields)
        return unknown_key(
            SpecError,
            error["loc"],
            names,
            file=file,
            fix="correct the spelling or remove the key (a measure's band is `range: [low, high]`)",
        )
    if error["type"] == "missing":
        return missing(SpecError, error["loc"], file=file, fix=_FORM)
    allowed = "a list of targets, each with id, name, source and measures" if not error["loc"] else None
    return SpecError(
        message,
        file=file,
        field=location or None,
        value=error.get("input"),
        has_value=True,
        allowed=allowed,
        fix=_FORM,
    )
