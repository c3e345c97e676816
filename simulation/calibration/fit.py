"""Fit the parameters no public source pins down to the public targets (Optuna, TPE sampler).

Why Optuna: the objective is a noisy, expensive simulation with some twenty bounded parameters
and no gradients. Optuna's tree-structured Parzen estimator handles that well with a few hundred
evaluations, supports ask/tell so evaluations run in parallel processes, and is what Covasim and
Starsim use for the same job. Each evaluation averages several seeds so the fit is not to noise.

Only the parameters in `CALIBRATED` are fitted; every parameter with a public source keeps its
value. The result is written to `simulation/data/calibration.yaml` with its provenance.
"""

from __future__ import annotations

import multiprocessing
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from simulation.calibration.measures import measure_all
from simulation.calibration.targets import Target, load_targets
from simulation.errors import SamenloopError
from simulation.files import write_text_atomic
from simulation.parameters.defaults import nest
from simulation.parameters.scenario import Scenario
from simulation.runner import run_scenario
from simulation.scenario_files import scenario_from_overrides
from simulation.warmup import WARMUP_YEARS

# Parameter -> search range. Population sizes, detection and reporting, risk dynamics, the
# decision chances after triage and capacities where only throughput is known.
CALIBRATED: dict[str, tuple[float, float]] = {
    "population.onset.new_families_per_year": (30_000, 70_000),
    "population.onset.share_known_at_start": (0.3, 0.85),
    "population.risk.incidents_per_year_median": (1.0, 2.5),
    "population.risk.p_stop_per_month": (0.02, 0.08),
    "population.risk.p_relapse_per_month": (0.02, 0.08),
    "population.signals.p_police_callout": (0.15, 0.4),
    "population.signals.p_professional_signal": (0.02, 0.1),
    "population.signals.p_citizen_signal": (0.02, 0.1),
    "population.signals.p_involved_professional_signal": (0.05, 0.4),
    "population.signals.advice_requests_without_incident_per_year": (80_000, 170_000),
    "population.signals.p_citizen_asks_advice": (0.4, 0.9),
    "organisations.police.p_register_incident": (0.6, 0.95),
    "organisations.veilig_thuis.p_investigation_if_unsafe": (0.04, 0.18),
    "organisations.veilig_thuis.p_conditions_if_unsafe": (0.03, 0.3),
    "organisations.veilig_thuis.p_board_if_unsafe_children": (0.2, 0.6),
    "organisations.veilig_thuis.share_triage": (0.25, 0.45),
    "organisations.veilig_thuis.monitoring.duration_days": (120.0, 365.0),
    "organisations.youth_protection.staff.fte": (550.0, 1100.0),
    "organisations.youth_protection.staff.attrition_per_year": (0.04, 0.2),
    "organisations.youth_protection.supervision.duration_days": (600.0, 1300.0),
    "organisations.child_protection_board.p_request_measure_if_unsafe": (0.15, 0.9),
    "organisations.prosecution.p_conditions_at_court": (0.25, 0.7),
    "organisations.prosecution.custody_days": (30.0, 365.0),
    "organisations.prosecution.p_stop_after_conviction": (0.0, 0.5),
    "care.help.supervision.stop_hazard_gain": (1.0, 12.0),
    "care.help.perpetrator_programme.stop_hazard_gain": (0.5, 8.0),
    "care.help.risk_care.stop_hazard_gain": (2.0, 12.0),
    "child_abuse_share": (0.4, 0.6),
    "partner_share": (0.25, 0.45),
}
INTEGER = {
    "population.onset.new_families_per_year",
    "population.signals.advice_requests_without_incident_per_year",
}
MAX_MAIN_SHARE = 0.92
OTHER_TYPES = ("ex_partner_stalking", "sexual_abuse", "honour_related", "elder_abuse", "financial_exploitation")


def overrides(values: dict[str, float]) -> dict[str, Any]:
    """Scenario overrides for calibrated values (violence shares renormalised to add up to one)."""
    flat = {k: (round(v) if k in INTEGER else float(v)) for k, v in values.items() if "." in k}
    if "child_abuse_share" in values or "partner_share" in values:
        mix = Scenario().population.violence
        child = values.get("child_abuse_share", mix.child_abuse_neglect.share)
        partner = values.get("partner_share", mix.partner.share)
        if child + partner > MAX_MAIN_SHARE:  # leave room for the other types
            child, partner = (v * MAX_MAIN_SHARE / (child + partner) for v in (child, partner))
        rest = sum(getattr(mix, t).share for t in OTHER_TYPES)
        scale = max(1.0 - child - partner, 0.0) / rest
        flat["population.violence.child_abuse_neglect.share"] = child
        flat["population.violence.partner.share"] = partner
        for t in OTHER_TYPES:
            flat[f"population.violence.{t}.share"] = getattr(mix, t).share * scale
    return nest(flat)


def simulate_measures(
    values: dict[str, float], seed: int, scale: str, years: float, warmup_years: float
) -> dict[str, float]:
    """Every target measure for one run with the given calibrated values (worker function)."""
    scenario = scenario_from_overrides(overrides(values), base=Scenario())
    return measure_all(run_scenario(scenario, scale=scale, years=years, seed=seed, warmup_years=warmup_years))


def _simulate(args: tuple[dict[str, float], int, str, float, float]) -> dict[str, float]:
    return simulate_measures(*args)


def loss(simulated: dict[str, float], targets: list[Target]) -> float:
    """Sum over measures of the squared deviation from the target in tolerance half-widths.

    Inside the band the deviation still counts (weighted down), so the fit aims at the centre.
    """
    total = 0.0
    for target in targets:
        for m in target.measures:
            value = simulated.get(m.measure, float("nan"))
            total += m.error(value) ** 2 + 0.1 * min(abs(m.deviation(value)), 10.0) ** 2
    return total


def _finite_mean(values: list[float]) -> float:
    finite = [v for v in values if v == v]
    return float(np.mean(finite)) if finite else float("nan")


@dataclass
class Fit:
    values: dict[str, float]
    loss: float
    simulated: dict[str, float]
    trials: int
    history: list[float] = field(default_factory=list)


def calibrate(
    *,
    budget: int,
    scale: str = "region",
    seeds: int = 3,
    years: float = 3.0,
    warmup_years: float = WARMUP_YEARS,
    jobs: int = 1,
    targets: list[Target] | None = None,
    seed: int = 0,
    progress: Any = None,
) -> Fit:
    """Search the calibrated parameters for the lowest loss; the current values are the first trial."""
    try:
        import optuna
    except ImportError:
        raise SamenloopError(
            "fitting needs Optuna, which is not installed",
            field="samenloop calibrate",
            fix="pip install -e '.[calibrate]' (the check, --check, works without it)",
        ) from None

    targets = targets or load_targets()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
        sampler = optuna.samplers.TPESampler(seed=seed, multivariate=True, n_startup_trials=min(20, budget))
    study = optuna.create_study(direction="minimize", sampler=sampler)
    current = current_values()
    study.enqueue_trial(current)
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("forkserver")) if jobs > 1 else None
    best: Fit | None = None
    history: list[float] = []
    try:
        done = 0
        while done < budget:
            batch = [study.ask() for _ in range(min(max(jobs, 1), budget - done))]
            proposals = [
                {name: trial.suggest_float(name, *bounds) for name, bounds in CALIBRATED.items()} for trial in batch
            ]
            tasks = [(p, s, scale, years, warmup_years) for p in proposals for s in range(1, seeds + 1)]
            results = list(pool.map(_simulate, tasks)) if pool else [_simulate(t) for t in tasks]
            for i, (trial, proposal) in enumerate(zip(batch, proposals, strict=True)):
                runs = results[i * seeds : (i + 1) * seeds]
                mean = {k: _finite_mean([r[k] for r in runs]) for k in runs[0]}
                value = loss(mean, targets)
                study.tell(trial, value)
                history.append(value)
                if best is None or value < best.loss:
                    best = Fit(proposal, value, mean, 0)
            done += len(batch)
            if progress is not None:
                progress(done, budget, best.loss if best else float("nan"))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    assert best is not None
    best.trials, best.history = budget, history
    return best


def current_values() -> dict[str, float]:
    """The calibrated parameters' values in the current defaults, clipped to their search ranges."""
    from simulation.parameters.defaults import default_scenario

    scenario = default_scenario()
    values: dict[str, float] = {}
    for name, (low, high) in CALIBRATED.items():
        if name == "child_abuse_share":
            value = scenario.population.violence.child_abuse_neglect.share
        elif name == "partner_share":
            value = scenario.population.violence.partner.share
        else:
            node: Any = scenario
            for part in name.split("."):
                node = getattr(node, part)
            value = float(node)
        values[name] = min(max(value, low), high)
    return values


def write_calibration(
    fit: Fit, path: Path, *, scale: str, seeds: int, years: float, warmup_years: float, targets: list[Target]
) -> Path:
    """Write the fitted values with their provenance (the defaults read this file)."""
    flat: dict[str, float] = {}

    def flatten(prefix: str, node: Any) -> None:
        for key, value in node.items():
            if isinstance(value, dict):
                flatten(f"{prefix}{key}.", value)
            else:
                flat[f"{prefix}{key}"] = value

    flatten("", overrides(fit.values))
    data = {
        "date": datetime.now(UTC).date().isoformat(),
        "method": f"Optuna TPE, {fit.trials} trials, {seeds} seeds per evaluation, {scale} scale, "
        f"{years:g} policy years after a {warmup_years:g}-year warm-up",
        "loss": round(fit.loss, 4),
        "targets": [t.id for t in targets],
        "simulated": {k: round(v, 6) for k, v in fit.simulated.items()},
        "values": {k: (int(v) if isinstance(v, int) else round(float(v), 6)) for k, v in flat.items()},
    }
    return write_text_atomic(
        path,
        "# Written by `samenloop calibrate`; read by simulation/parameters/defaults.py.\n"
        + yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
    )
