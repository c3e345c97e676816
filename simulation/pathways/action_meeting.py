"""Actieoverleg: a weekly multi-agency table for high-risk families, with limited slots.

Police, OM, VT, the board and probation meet weekly at the Zorg- en Veiligheidshuis. High-risk
families proposed since the last meeting wait for a slot; the prioritisation rule decides who
is discussed (`simulation.prioritisation`). A discussed family gets one plan with a named lead,
the facts of all partners on the table, and a combined set of administrative, criminal and civil
measures started at once (shorter handoffs). Families not discussed within two weeks leave the
list and continue on their ordinary path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from simulation.arrays import IntArray
from simulation.enums import OrgKind, Reason
from simulation.errors import SamenloopError
from simulation.jobs import ACUTE
from simulation.prioritisation import PrioritisationRule, highest_risk_first
from simulation.services import ServiceKind

if TYPE_CHECKING:
    from simulation.model import ChainModel

PARTICIPANTS = (
    OrgKind.POLICE,
    OrgKind.PROSECUTION,
    OrgKind.VEILIG_THUIS,
    OrgKind.CHILD_PROTECTION_BOARD,
    OrgKind.PROBATION,
)
MAX_WAIT_DAYS = 14.0


class ActionMeeting:
    """The weekly tables of all regions."""

    def __init__(self, model: ChainModel, rule: PrioritisationRule | None = None) -> None:
        self.model = model
        self.rule: PrioritisationRule = rule or highest_risk_first
        self._rows: list[tuple[int, float, bool, float]] = []
        self.discussed_total = 0
        self.last_agenda: pd.DataFrame | None = None

    def propose(
        self, fam: IntArray, now: NDArray[np.float64], acute: NDArray[np.bool_], score: NDArray[np.float64]
    ) -> None:
        """Put high-risk families on the list (only while the mechanism is running)."""
        if fam.size == 0 or self.model.mechanisms.level("actieoverleg", float(now.min())) <= 0:
            return
        self._rows.extend(zip(fam.tolist(), now.tolist(), acute.tolist(), score.tolist(), strict=True))

    def candidates(self, now: float) -> pd.DataFrame:
        """The waiting list as the prioritisation rule sees it."""
        pop = self.model.population
        columns = zip(*self._rows, strict=True) if self._rows else ([], [], [], [])
        fam, day, acute, score = (np.asarray(c, dtype=float) for c in columns)
        fam = fam.astype(np.int64)
        return pd.DataFrame(
            {
                "family": fam,
                "proposed_day": day,
                "waiting_days": now - day,
                "acute": acute.astype(bool),
                "risk_score": score,
                "children": pop.n_children[fam].astype(int),
                "serious_incidents": pop.n_serious[fam],
                "reports": pop.reports_ever(fam),
                "care_avoiding": pop.care_avoiding[fam],
                "region": pop.region[fam].astype(int),
            }
        )

    def meet(self, now: float) -> None:
        """Hold this week's meetings in every region."""
        model = self.model
        if model.mechanisms.level("actieoverleg", now) <= 0 or not self._rows:
            self._rows = []
            return
        table = self.candidates(now)
        ordered = self.rule(table.copy())
        _check_reordering(table, ordered)
        slots = model.params.mechanisms.actieoverleg.slots_per_week * model.scale_share / model.n_regions
        taken = []
        for _region, rows in ordered.groupby("region", sort=True):
            n = int(slots) + (1 if model.streams.stream("action_meeting_slots").random() < slots - int(slots) else 0)
            taken.append(rows.index[:n])
        chosen_index = np.concatenate([np.asarray(t) for t in taken]) if taken else np.empty(0, dtype=int)
        chosen = table.loc[chosen_index]
        self.last_agenda = ordered.assign(discussed=ordered.index.isin(chosen_index))
        fam = chosen["family"].to_numpy(np.int64)
        self.discussed_total += fam.size
        self._act(fam, now)
        keep = (~table.index.isin(chosen_index)) & (table["waiting_days"] < MAX_WAIT_DAYS)
        rest = table[keep]
        self._rows = list(
            zip(
                rest["family"].tolist(),
                rest["proposed_day"].tolist(),
                rest["acute"].tolist(),
                rest["risk_score"].tolist(),
                strict=True,
            )
        )

    def _act(self, fam: IntArray, now: float) -> None:
        model = self.model
        if fam.size == 0:
            return
        pop = model.population
        p = model.params.mechanisms.actieoverleg
        zvh = model.org_for(OrgKind.SAFETY_HOUSE, pop.region[fam])
        times = np.full(fam.size, now)
        model.record_meeting(fam, zvh, times, Reason.ACTION_MEETING)
        per_partner = p.hours_per_case / len(PARTICIPANTS)
        for kind in PARTICIPANTS:
            model.book_hours(model.org_for(kind, pop.region[fam]), np.full(fam.size, per_partner))
        factor = p.combined_delay_factor
        order = pop.perpetrator_at_home[fam] & (pop.draws("table_order", fam) < p.p_restraining_order)
        model.dispatch.send(
            fam[order],
            ServiceKind.MAYOR_ORDER,
            times[order],
            reason=Reason.RESTRAINING_ORDER,
            sender=zvh[order],
            route="safety_house_to_mayor",
            priority=ACUTE,
            delay_factor=factor,
        )
        criminal = pop.draws("table_criminal", fam) < p.p_criminal_route
        criminal &= model.not_in(ServiceKind.POLICE_COMPLAINT, fam) & model.not_in(ServiceKind.OM_DECISION, fam)
        model.dispatch.send(
            fam[criminal],
            ServiceKind.POLICE_COMPLAINT,
            times[criminal],
            reason=Reason.COMPLAINT,
            sender=zvh[criminal],
            route="safety_house_to_police",
            delay_factor=factor,
        )
        civil = (pop.n_children[fam] > 0) & (pop.draws("table_civil", fam) < p.p_civil_route_children)
        civil &= model.not_in(ServiceKind.BOARD_INVESTIGATION, fam) & model.not_in(ServiceKind.GI_SUPERVISION, fam)
        model.dispatch.send(
            fam[civil],
            ServiceKind.BOARD_INVESTIGATION,
            times[civil],
            reason=Reason.REQUEST_BOARD_INVESTIGATION,
            sender=zvh[civil],
            route="safety_house_to_board",
            delay_factor=factor,
        )


def _check_reordering(before: pd.DataFrame, after: object) -> None:
    if not isinstance(after, pd.DataFrame):
        raise SamenloopError(
            f"the prioritisation rule returned {type(after).__name__}, not a DataFrame",
            field="prioritisation rule",
            fix="return the candidates table, sorted (e.g. with .sort_values)",
        )
    if sorted(after.index.tolist()) != sorted(before.index.tolist()) or list(after.columns) != list(before.columns):
        raise SamenloopError(
            "the prioritisation rule must return the same candidates, only in another order",
            field="prioritisation rule",
            fix="sort the table; do not add, drop or change rows or columns",
        )
