"""Scale presets: one Veilig Thuis region, or the whole country.

`region` simulates one VT region: 1/26 of national demand, with its share of its district's
police, OM, board and probation. `national` simulates 26 VT regions and 10 districts. Which
scale is right is itself an open question of the reform (BRIEF §2); the preset only sets the
size of the simulated world, not the policy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulation.arrays import IntArray
from simulation.errors import SamenloopError

N_VT_REGIONS = 26
N_DISTRICTS = 10


@dataclass(frozen=True)
class ScalePreset:
    """Size of the simulated world."""

    name: str
    n_regions: int
    n_districts: int
    share: float  # share of national demand and capacity

    def region_district(self) -> IntArray:
        """District of each region (consecutive regions share a district)."""
        return (np.arange(self.n_regions) * self.n_districts) // self.n_regions


SCALES = {
    "region": ScalePreset("region", 1, 1, 1.0 / N_VT_REGIONS),
    "national": ScalePreset("national", N_VT_REGIONS, N_DISTRICTS, 1.0),
}


def scale_preset(name: str) -> ScalePreset:
    """The preset called `name`."""
    try:
        return SCALES[name]
    except KeyError:
        raise SamenloopError(
            f"unknown scale '{name}'",
            field="scale",
            value=name,
            allowed=", ".join(SCALES),
            fix="use --scale region or --scale national",
        ) from None
