"""The classroom model: what one browser tab runs - one chain, or two side by side in lockstep.

`ClassroomModel` is the Mesa model that SolaraViz drives. Its keyword arguments are the
dashboard's controls (scenario, mechanisms switched on, capacity, attrition, restructuring
timeline, seed, horizon), so SolaraViz's Reset can rebuild it from them. It holds run A (the
chosen scenario with the mechanisms switched on) and, in side-by-side mode, run B (the
comparison scenario with the same capacity, attrition, restructuring settings and seed, without
the extra mechanisms). Both are `ChainModel`s; they face the same families and incidents until a
policy changes a family's path (common random numbers), so their difference is the policy.

Start point: the warm-up (default one year, in which queues, caseloads and staff fill up from an
empty chain) is simulated when the model is built, so the class starts at policy year 0 with a
chain that is already running. The warm-up stays visible, shaded grey, left of year 0: a chain
that fills up from empty would otherwise be read as an effect of policy.
One year, not the planners' two (`simulation.warmup`): a Reset stays quick, and the board's
first-year backlog that still clears in years 0-1 is the same in both models of the page.

No Solara or browser code here: tests and the benchmark drive this module directly.
"""

from __future__ import annotations

import functools
import os
import threading
from dataclasses import dataclass, field
from typing import Any

import mesa

from simulation.dashboard import i18n
from simulation.dashboard.series import LiveSeries
from simulation.model import ChainModel
from simulation.parameters.mechanisms import MechanismSet
from simulation.parameters.scenario import Scenario
from simulation.scenario_files import available_scenarios, load_scenario, scenario_from_overrides

OWN_FILES_VARIABLE = "SAMENLOOP_DASHBOARD_OWN_FILES"
MECHANISMS: tuple[str, ...] = tuple(MechanismSet.model_fields)
# Organisations whose capacity the trainer can change (percent of the scenario's staff).
CAPACITY_ORGS: tuple[str, ...] = ("veilig_thuis", "child_protection_board", "youth_protection", "local_team")
STAFF_GROUPS: tuple[str, ...] = (
    "veilig_thuis",
    "police",
    "mayor",
    "prosecution",
    "probation",
    "child_protection_board",
    "youth_protection",
    "local_team",
    "specialist_care",
    "safety_house",
)
NO_COMPARISON = "—"
SCALE = "region"
WARMUP_YEARS = 1.0


@dataclass(frozen=True)
class Settings:
    """The dashboard's controls, as one value (what a Reset builds from)."""

    scenario: str = "current-practice"
    compare_with: str = NO_COMPARISON
    mechanisms_on: tuple[str, ...] = ()
    capacity_pct: dict[str, float] = field(default_factory=dict)
    attrition_pct: float = 100.0
    transition_years: float = 2.0
    integration_degree: float = 0.7
    years: float = 6.0
    seed: int = 0

    @property
    def side_by_side(self) -> bool:
        return self.compare_with not in ("", NO_COMPARISON, None)


def build_scenario(name: str, settings: Settings, mechanisms_on: tuple[str, ...] = ()) -> Scenario:
    """The scenario `name` with the dashboard's parameter changes and extra mechanisms applied."""
    base = load_scenario(name)
    overrides: dict[str, Any] = {"organisations": {}, "mechanisms": {}}
    for group in STAFF_GROUPS:
        staff = getattr(base.organisations, group).staff
        changes: dict[str, float] = {}
        pct = settings.capacity_pct.get(group, 100.0)
        if pct != 100.0:
            changes["fte"] = staff.fte * pct / 100.0
        if settings.attrition_pct != 100.0:
            changes["attrition_per_year"] = min(staff.attrition_per_year * settings.attrition_pct / 100.0, 1.0)
        if changes:
            overrides["organisations"][group] = {"staff": changes}
    for mechanism in mechanisms_on:
        overrides["mechanisms"][mechanism] = {"enabled": True}
    overrides["restructuring"] = {
        "transition_years": settings.transition_years,
        "integration_degree": settings.integration_degree,
    }
    return scenario_from_overrides(overrides, base, name=base.name)


class ClassroomModel(mesa.Model):
    """One browser tab's simulation: run A, and run B in side-by-side mode, stepped in lockstep.

    One step is one simulated day of every run. Keyword arguments are the dashboard controls
    (SolaraViz passes them again on Reset); `capacity_<org>` and `attrition` are percentages of
    the scenario's values.
    """

    def __init__(
        self,
        scenario_name: str = "current-practice",
        compare_with: str = NO_COMPARISON,
        samen_op_in_acuut: bool = False,
        actieoverleg: bool = False,
        hg_met_vt_en_zsm: bool = False,
        samen_op_bij_strafbare_km: bool = False,
        mda_plus_plus: bool = False,
        restraining_order_well_used: bool = False,
        case_reviews_and_training: bool = False,
        information_sharing: bool = False,
        stronger_local_teams: bool = False,
        capacity_veilig_thuis: float = 100.0,
        capacity_child_protection_board: float = 100.0,
        capacity_youth_protection: float = 100.0,
        capacity_local_team: float = 100.0,
        attrition: float = 100.0,
        transition_years: float = 2.0,
        integration_degree: float = 0.7,
        years: float = 6.0,
        seed: int = 0,
        warm_up: bool = True,
    ) -> None:
        super().__init__(rng=int(seed))
        flags = locals()
        self.settings = Settings(
            scenario=scenario_name,
            compare_with=compare_with,
            mechanisms_on=tuple(m for m in MECHANISMS if flags[m]),
            capacity_pct={org: float(flags[f"capacity_{org}"]) for org in CAPACITY_ORGS},
            attrition_pct=float(attrition),
            transition_years=float(transition_years),
            integration_degree=float(integration_degree),
            years=float(years),
            seed=int(seed),
        )
        # Held while a day is simulated; views that read the event log take it too, so a render
        # from another thread never interleaves with a step.
        self.lock = threading.RLock()
        s = self.settings
        self.run_a = self._chain(build_scenario(s.scenario, s, s.mechanisms_on))
        self.live_a = LiveSeries(self.run_a)
        self.run_b: ChainModel | None = None
        self.live_b: LiveSeries | None = None
        if s.side_by_side:
            self.run_b = self._chain(build_scenario(s.compare_with, s))
            self.live_b = LiveSeries(self.run_b)
        if warm_up:
            for _ in range(self.run_a.start_day):
                self.step()

    def _chain(self, scenario: Scenario) -> ChainModel:
        s = self.settings
        return ChainModel(scenario, scale=SCALE, years=s.years, warmup_years=WARMUP_YEARS, seed=s.seed)

    def step(self) -> None:
        """Simulate one day of every run and record the views' numbers."""
        with self.lock:
            if not self.run_a.running:
                self.running = False
                return
            self.run_a.step()
            self.live_a.record()
            if self.run_b is not None and self.live_b is not None:
                self.run_b.step()
                self.live_b.record()
            self.running = self.run_a.running

    @property
    def runs(self) -> list[tuple[ChainModel, LiveSeries]]:
        """(model, series) of every run, A first."""
        pairs = [(self.run_a, self.live_a)]
        if self.run_b is not None and self.live_b is not None:
            pairs.append((self.run_b, self.live_b))
        return pairs

    @property
    def day(self) -> int:
        """Days simulated so far (including the warm-up)."""
        return self.live_a.days

    @property
    def policy_year(self) -> float:
        return self.run_a.policy_year


def scenario_names() -> list[str]:
    """Scenarios the dashboard offers: the scenario files by name, then a trainer's own files (the
    launcher's `--scenario`/`--compare` given as paths, passed on as absolute paths)."""
    own = [p for p in os.environ.get(OWN_FILES_VARIABLE, "").split(os.pathsep) if p]
    return [*available_scenarios(), *own]


@functools.cache
def _display_name(name: str) -> str:
    return load_scenario(name).display_name


def scenario_label(name: str, lang: str) -> str:
    """A scenario's label: the translated name of a built-in scenario, else its display name."""
    return i18n.scenario(name, lang) if name in i18n.SCENARIO_LABELS else _display_name(name)
