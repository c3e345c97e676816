"""Workforce: leavers open vacancies that are recruited for, also across a transfer of positions."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import variant
from simulation.enums import OrgKind
from simulation.model import ChainModel
from simulation.queues import Caseload
from simulation.randomness import RandomStreams
from simulation.records import EventLog
from simulation.services import ServiceKind
from simulation.workforce import OrgStaffing, Workforce


def workforce(positions: list[int], attrition_per_year: float) -> Workforce:
    n = len(positions)
    staffing = OrgStaffing(
        attrition_per_year=np.full(n, attrition_per_year),
        hiring_lag_days=np.full(n, 60.0),
        sick_leave_share=np.zeros(n),
        hours_per_day=np.full(n, 5.0),
        years_to_full=np.ones(n),
        new_hire_productivity=np.full(n, 0.5),
    )
    return Workforce(
        staffing, np.asarray(positions), np.full(n, 5.0), np.random.default_rng(1), RandomStreams(2), EventLog()
    )


def test_paid_hours_are_hours_of_work_over_the_productivity_of_who_does_them() -> None:
    wf = workforce([20, 20], attrition_per_year=0.0)
    wf.experience_days[wf.org == 1] = 0.0  # organisation 1: all new (at half productivity)
    wf.step(0)
    orgs, work = np.array([0, 1]), np.array([10.0, 10.0])
    new_staff = 1.0 - 0.5 * np.exp(-1.0 / 365.25)  # a day's experience, a year to full productivity
    paid = wf.paid_hours(orgs, work)
    assert paid[1] == pytest.approx(10.0 / new_staff)
    assert 10.0 < paid[0] < paid[1], "experienced staff need fewer paid hours for the same work"
    # A team's efficiency gain saves paid hours; time lost to meetings is booked on its own.
    wf.productivity_factor[1] = 1.25
    wf.overhead_share[1] = 0.3
    wf.step(1)
    new_staff = 1.0 - 0.5 * np.exp(-2.0 / 365.25)
    assert wf.paid_hours(orgs, work)[1] == pytest.approx(10.0 / (new_staff * 1.25))


def test_new_staff_make_a_caseload_weigh_more_and_cost_more_paid_hours() -> None:
    """A caseload's slots stay at its maximum per FTE, but, as for a job queue, its workload and
    its paid hours follow the productivity of who carries it (new staff, a transition dip)."""
    model = ChainModel(variant({}), scale="region", years=0.1, seed=4)
    gi = next(q for q in model.queues if isinstance(q, Caseload) and q.service == ServiceKind.GI_SUPERVISION)
    wf, kind = model.workforce, OrgKind.YOUTH_PROTECTION

    def measure() -> tuple[float, float, int]:
        model.hours_today[:] = 0.0
        model._caseload_hours()
        model.update_workload()
        return float(model.part_workload[gi.org, kind]), float(model.hours_today[kind]), model.caseload_capacity(gi)

    workload, hours, slots = measure()
    before = wf.work_per_paid_hour[gi.org]
    wf.experience_days[wf.org == gi.org] = 0.0  # everyone on the GI's staff starts today
    wf._refresh_productivity()
    after = wf.work_per_paid_hour[gi.org]
    assert after < 0.6 * before
    new_workload, new_hours, new_slots = measure()
    assert new_slots == slots, "the maximum caseload sets the slots, whoever fills them"
    assert new_workload == pytest.approx(workload * before / after)
    assert new_hours == pytest.approx(hours * before / after)


@pytest.mark.parametrize("share", [1.0, 0.5])
def test_vacancies_moved_by_a_transfer_are_still_recruited_for(share: float) -> None:
    wf = workforce([40, 10, 0], attrition_per_year=2.0)
    for day in range(60):  # many leave; their positions are being recruited for
        wf.step(day)
    assert wf.vacancies[0] >= 3 and wf.pending[0] == wf.vacancies[0]

    wf.transfer(0, 2, share, np.random.default_rng(3))

    assert wf.pending[2] > 0, "recruitments under way must move with the positions"
    wf.attrition_multiplier[:] = 0.0  # nobody leaves any more: every open position must be filled
    for day in range(60, 60 + 3 * 365):
        wf.step(day)
    assert wf.headcount.tolist() == wf.funded.tolist() and wf.pending.tolist() == [0, 0, 0]


def test_after_a_conversion_every_vacancy_is_being_recruited_for() -> None:
    model = ChainModel(variant({}, "restructuring"), scale="region", years=4.0, warmup_years=0.5, seed=3)
    model.run()
    wf = model.workforce
    team = int(model.org_by_kind[OrgKind.REGIONAL_SAFETY_TEAM][0])
    assert model.region_converted[0] and wf.funded[team] > 0
    assert (wf.pending >= wf.vacancies).all(), {"vacancies": wf.vacancies.tolist(), "pending": wf.pending.tolist()}


def test_a_team_formed_by_transfers_takes_the_staff_conditions_of_those_who_joined() -> None:
    wf = workforce([30, 10, 0], attrition_per_year=0.1)
    wf.staffing.attrition_per_year[:] = [0.15, 0.105, 0.9]  # the empty team's own value must not count
    present = wf.present[:2].sum()
    wf.transfer(0, 2, 1.0, np.random.default_rng(3))
    wf.transfer(1, 2, 1.0, np.random.default_rng(4))
    expected = (30 * 0.15 + 10 * 0.105) / 40
    assert wf.staffing.attrition_per_year[2] == pytest.approx(expected)
    # Today's attendance moves too: the team can work the day it is formed.
    assert wf.present[2] == present and wf.present[:2].sum() == 0


def test_an_organisation_keeps_its_leavers_whatever_happens_to_the_others() -> None:
    # Common random numbers: each professional's draws are keyed by who they are and the day, so
    # more turnover in organisation 0 (more leavers, more hires) leaves organisation 1 as it was.
    runs = []
    for attrition_of_org_0 in (0.1, 0.9):
        wf = workforce([40, 25], attrition_per_year=0.3)
        wf.staffing.attrition_per_year[0] = attrition_of_org_0
        wf.staffing.sick_leave_share[:] = 0.05
        leavers, present = [], []
        for day in range(2 * 365):
            wf.step(day)
            leavers.append(wf.leavers_today.copy())
            present.append(wf.present.copy())
        runs.append((np.array(leavers), np.array(present)))
    (leavers_a, present_a), (leavers_b, present_b) = runs
    assert leavers_b[:, 0].sum() > 2 * leavers_a[:, 0].sum(), "organisation 0 must differ between the runs"
    assert leavers_a[:, 1].sum() > 5
    assert (leavers_a[:, 1] == leavers_b[:, 1]).all() and (present_a[:, 1] == present_b[:, 1]).all()
