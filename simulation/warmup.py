"""The default warm-up: simulated years before year 0 of every policy, not measured.

A run starts with empty queues (except the GI's supervision caseload, see `cases_at_start`) and no
family in help, so its first year has 10-15% more incidents than the years after it. The Raad
voor de Kinderbescherming's investigations run at about 90% of their capacity: the backlog of that
first year takes about a year and a half to clear. After one warm-up year, current practice's wait
for a board investigation was 26 days in policy year 0 and 6-8 days from year 2 on (median of ten
region replications); after two warm-up years it is 9 days in year 0 and 6-7 days after. Two
years is also the warm-up the calibration was measured with (docs/calibration.md).
"""

from __future__ import annotations

WARMUP_YEARS = 2.0
