"""The default warm-up: simulated years before year 0 of every policy, not measured.

A run starts with empty queues (except the GI's supervision caseload, see `cases_at_start`) and no
family in help, so its first year has 10-15% more incidents than the years after it, and its
backlog takes time to clear where a function runs close to its capacity. When the Raad voor de
Kinderbescherming ran at about 90% of its capacity (calibration step 13), one warm-up year left
current practice's wait for a board investigation at 26 days in policy year 0 against 6-8 days
from year 2 on; two warm-up years, 9 days in year 0. Since step 15 (the board sized to its
published volume) one warm-up year gives 5.3 days in year 0 and 6.0 in year 1 against 1.9-3.7 from
year 2 on, and two, 6.0 and 3.9 days (median of ten region replications).
Two years is also the warm-up the calibration is measured with (docs/calibration.md, ODD §3.1).
"""

from __future__ import annotations

WARMUP_YEARS = 2.0
