"""Prioritisation rules for the action meeting (actieoverleg): who gets the limited slots.

A rule receives the waiting candidates as a DataFrame and returns them in the order in which
the meeting should take them (the first `slots` rows are discussed). Columns:

    family         family id
    proposed_day   model day on which the family was proposed
    waiting_days   days since then
    acute          True if the family came in through an acute report
    risk_score     the chain's estimate of the incident rate (incidents per year)
    children       number of children in the household
    serious_incidents  serious incidents so far
    reports        reports so far
    care_avoiding  True if the family avoids care

Rules must not change the table's contents, only its order. Trainees write their own rule in
exercise 4; the model checks that what comes back is a reordering of what went in.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

PrioritisationRule = Callable[[pd.DataFrame], pd.DataFrame]


def first_come_first_served(candidates: pd.DataFrame) -> pd.DataFrame:
    """In the order the families were proposed."""
    return candidates.sort_values("proposed_day", kind="stable")


def highest_risk_first(candidates: pd.DataFrame) -> pd.DataFrame:
    """Acute families first, then by estimated risk; ties keep the order of proposal."""
    return candidates.sort_values(["acute", "risk_score"], ascending=[False, False], kind="stable")


RULES: dict[str, PrioritisationRule] = {
    "first_come_first_served": first_come_first_served,
    "highest_risk_first": highest_risk_first,
}
