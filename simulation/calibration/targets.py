"""Calibration targets as data (`simulation/data/targets.yaml`) and how close a simulation is to them."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import yaml

from simulation.calibration.measures import MEASURES
from simulation.errors import SpecError, did_you_mean

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


def load_targets(path: Path | None = None) -> list[Target]:
    """The targets in `path` (default: the packaged targets.yaml)."""
    file = str(path) if path else "simulation/data/targets.yaml"
    text = (
        Path(path).read_text(encoding="utf-8")
        if path
        else files("simulation").joinpath("data/targets.yaml").read_text()
    )
    targets = []
    for i, item in enumerate(yaml.safe_load(text)):
        measures = []
        for j, m in enumerate(item["measures"]):
            if m["measure"] not in MEASURES:
                raise SpecError(
                    f"unknown measure '{m['measure']}'.{did_you_mean(m['measure'], MEASURES)}",
                    file=file,
                    field=f"{i}.measures.{j}.measure",
                    allowed=", ".join(MEASURES),
                    fix="use a function of simulation/calibration/measures.py",
                )
            value = float(m["value"])
            low, high = m.get("range", (value * (1 - DEFAULT_TOLERANCE), value * (1 + DEFAULT_TOLERANCE)))
            measures.append(Measure(item["id"], m["measure"], value, m.get("unit", ""), float(low), float(high)))
        targets.append(
            Target(str(item["id"]), item["name"], str(item.get("year", "")), item["source"], tuple(measures))
        )
    return targets
