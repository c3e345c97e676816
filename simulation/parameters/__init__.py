"""Typed, frozen, validated parameters with units, ranges and sources."""

from simulation.parameters.registry import ParameterInfo, parameter_lookup, registry
from simulation.parameters.scenario import Scenario

__all__ = ["ParameterInfo", "Scenario", "parameter_lookup", "registry"]
