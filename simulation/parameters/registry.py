"""The parameter registry: one row per parameter with value, unit, ranges and source.

Built by walking the pydantic declarations of `Scenario`, so the docs, `samenloop params`,
the reports and the uncertainty exploration all read the same machine-readable metadata.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from simulation.parameters.base import ASSUMPTION, Frozen
from simulation.parameters.defaults import calibration, calibration_source, default_scenario
from simulation.parameters.scenario import Scenario

_META_FIELDS = {"name", "display_name", "description"}


@dataclass(frozen=True)
class ParameterInfo:
    """Metadata of one parameter."""

    path: str
    value: Any
    unit: str
    low: float | None
    high: float | None
    plausible_low: float | None
    plausible_high: float | None
    source: str
    doc: str
    explicit_plausible: bool

    @property
    def is_assumption(self) -> bool:
        return self.source.startswith(ASSUMPTION)

    @property
    def is_numeric(self) -> bool:
        return isinstance(self.value, int | float) and not isinstance(self.value, bool)


def _bounds(info: FieldInfo) -> tuple[float | None, float | None]:
    low = high = None
    for item in info.metadata:
        low = getattr(item, "ge", low)
        high = getattr(item, "le", high)
    return low, high


def _generic_plausible(value: Any, low: float | None, high: float | None) -> list[float | None]:
    """Value ±50%, inside the valid range; for parameters without a stated plausible range."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return [None, None]
    lo, hi = sorted((value * 0.5, value * 1.5))
    if low is not None:
        lo = max(lo, low)
    if high is not None:
        hi = min(hi, high)
    return [lo, hi]


def _walk(
    model: BaseModel, prefix: str, sources: dict[str, str], ranges: dict[str, tuple[float, float]]
) -> list[ParameterInfo]:
    rows: list[ParameterInfo] = []
    own_sources = {f"{prefix}{key}": value for key, value in getattr(model, "SOURCES", {}).items()}
    sources = {**own_sources, **sources}
    own_ranges = {f"{prefix}{key}": value for key, value in getattr(model, "PLAUSIBLE", {}).items()}
    ranges = {**own_ranges, **ranges}
    for name, info in type(model).model_fields.items():
        if not prefix and name in _META_FIELDS:
            continue
        value = getattr(model, name)
        path = f"{prefix}{name}"
        if isinstance(value, Frozen):
            rows.extend(_walk(value, f"{path}.", sources, ranges))
            continue
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        low, high = _bounds(info)
        stated = ranges.get(path, extra.get("plausible"))
        if isinstance(stated, list | tuple):
            plausible: list[float | None] = [float(stated[0]), float(stated[1])]  # type: ignore[arg-type]
        else:
            plausible = _generic_plausible(value, low, high)
        unit = str(extra.get("unit", "switch" if isinstance(value, bool) else ""))
        source = sources.get(path, str(extra.get("source", ASSUMPTION)))
        rows.append(
            ParameterInfo(
                path=path,
                value=value,
                unit=unit,
                low=low,
                high=high,
                plausible_low=plausible[0],
                plausible_high=plausible[1],
                source=source,
                doc=info.description or "",
                explicit_plausible=stated is not None,
            )
        )
    return rows


def registry(scenario: Scenario | None = None) -> list[ParameterInfo]:
    """Every parameter of `scenario` (default: the built-in defaults), in declaration order.

    Parameters fitted by the calibration carry the calibration as their source.
    """
    calibrated = dict.fromkeys(calibration()["values"], calibration_source())
    return _walk(scenario or default_scenario(), "", calibrated, {})


def parameter_lookup(scenario: Scenario | None = None) -> dict[str, ParameterInfo]:
    """The registry keyed by dotted path."""
    return {row.path: row for row in registry(scenario)}
