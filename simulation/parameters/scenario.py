"""The scenario: every parameter of one run, composed from the groups, validated once."""

from __future__ import annotations

import hashlib
import json

from pydantic import Field

from simulation.parameters.base import Frozen
from simulation.parameters.care import CareParams
from simulation.parameters.handoffs import HandoffParams
from simulation.parameters.mechanisms import MechanismSet
from simulation.parameters.organisations import OrganisationParams
from simulation.parameters.population import PopulationParams
from simulation.parameters.restructuring import RestructuringParams


class Scenario(Frozen):
    """A complete, validated set of parameters with a name.

    Scenario files (YAML, in `scenarios/`) name a base and override values; the loader merges
    them onto the built-in defaults and validates the result into this object.
    """

    name: str = Field(
        "defaults",
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        description="Short identifier, as in the file name: letters, digits, '-', '_' and '.'.",
    )
    display_name: str = Field("Built-in defaults", description="Name shown in tables and plots.")
    description: str = Field("", description="What the scenario represents, in plain words.")
    population: PopulationParams = PopulationParams()
    organisations: OrganisationParams = OrganisationParams()
    handoffs: HandoffParams = HandoffParams()
    care: CareParams = CareParams()
    mechanisms: MechanismSet = MechanismSet()
    restructuring: RestructuringParams = RestructuringParams()

    def parameter_dict(self) -> dict:
        """All parameter values (without name and descriptions), as plain data."""
        return self.model_dump(mode="json", exclude={"name", "display_name", "description"})

    def content_hash(self) -> str:
        """A short hash of the parameter values: equal hashes mean equal models."""
        text = json.dumps(self.parameter_dict(), sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:16]
