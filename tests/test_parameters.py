"""The parameter registry: every parameter has a unit, a range and a source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from simulation.parameters import Scenario, registry

SIMULATION = Path(__file__).resolve().parent.parent / "simulation"


def test_every_parameter_is_read_by_the_model() -> None:
    # A parameter in the registry and the docs that no code reads would let planners explore an
    # assumption that changes nothing (two were found this way: acute triage, return to VT).
    code = "\n".join(p.read_text() for p in SIMULATION.rglob("*.py") if "parameters" not in p.parts)
    names = {row.path.rsplit(".", 1)[-1] for row in registry()}
    unread = sorted(n for n in names if not re.search(rf"[.\"']{re.escape(n)}\b", code))
    assert not unread, f"parameters no code outside simulation/parameters reads: {unread}"


def test_every_parameter_has_unit_range_and_source() -> None:
    problems = []
    for row in registry():
        if not row.unit:
            problems.append(f"{row.path}: no unit")
        if not row.source:
            problems.append(f"{row.path}: no source")
        if not row.doc:
            problems.append(f"{row.path}: no description")
        if row.is_numeric and (row.low is None or row.high is None):
            problems.append(f"{row.path}: no valid range")
        if row.is_numeric and row.plausible_low is not None and row.low is not None and row.plausible_low < row.low:
            problems.append(f"{row.path}: plausible range below the valid range")
        if row.is_numeric and row.low is not None and not (row.low <= row.value <= row.high):
            problems.append(f"{row.path}: default {row.value} outside {row.low}..{row.high}")
    assert not problems, "parameters without provenance:\n" + "\n".join(problems)


def test_every_default_lies_in_its_plausible_range() -> None:
    """The baseline must be a point of the space the exploration samples."""
    outside = [
        f"{row.path}: default {row.value} outside plausible {row.plausible_low}..{row.plausible_high}"
        for row in registry()
        if row.is_numeric
        and row.plausible_low is not None
        and row.plausible_high is not None
        and not (row.plausible_low <= row.value <= row.plausible_high)
    ]
    assert not outside, "\n".join(outside)


def test_sources_name_figures_rows_or_say_assumption() -> None:
    rows = registry()
    sourced = [r for r in rows if not r.is_assumption]
    assert sourced, "expected some parameters with a public source"
    for row in sourced:
        assert any(word in row.source for word in ("FIGURES", "calibrated", "derived", "scenario choice")), (
            f"{row.path}: source {row.source!r} names neither a FIGURES row nor 'assumption'"
        )


def test_scenario_is_frozen_and_rejects_unknown_keys() -> None:
    scenario = Scenario()
    with pytest.raises(ValidationError):
        scenario.name = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Scenario.model_validate({"population": {"risk": {"not_a_parameter": 1}}})


def test_content_hash_follows_values_not_names() -> None:
    a = Scenario()
    b = Scenario(name="other", display_name="Other")
    c = Scenario.model_validate({"care": {"workload": {"hourly_cost_eur": 81.0}}})
    assert a.content_hash() == b.content_hash(), "the hash should ignore names"
    assert a.content_hash() != c.content_hash(), "the hash should change with a value"
