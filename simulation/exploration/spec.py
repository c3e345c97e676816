"""Exploration specs: which scenarios, which uncertain assumptions, how to sample, what to ask.

A spec is a YAML file validated like a scenario file: unknown keys, unknown parameters,
scenarios or metrics, and ranges outside a parameter's valid range are errors that name the
file, the field, the value, what is allowed and how to fix it.

By default the uncertainties are the parameters labelled `assumption` that have a stated
plausible range and bear on the comparison: the effects of help, assessment, measures and
workload, and the handoffs and staffing of the main route from police through Veilig Thuis to
the board and the GI (`SHARED_DEFAULTS`), plus the effect parameters of every mechanism switched
on and of the restructuring when a scenario restructures. Population and calibrated parameters
stay fixed; a spec can include or exclude any parameter by pattern.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Collection
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, model_validator

from simulation import metrics, yaml_reading
from simulation.errors import ScenarioError, SpecError, did_you_mean
from simulation.experiments.design import SAMPLERS, Uncertainty
from simulation.experiments.worker import overrides_for
from simulation.parameters.registry import ParameterInfo, parameter_lookup
from simulation.parameters.scenario import Scenario
from simulation.scale import SCALES
from simulation.scenario_files import available_scenarios, check_display_names, load_scenario, scenario_from_overrides
from simulation.validation_messages import GROUP_EXPECTED, first_error, group_expected, missing, model_at, unknown_key
from simulation.warmup import WARMUP_YEARS

# Assumptions shared by all scenarios that bear on a comparison (used when a spec names none).
SHARED_DEFAULTS = (
    "care.help.*.stop_hazard_gain",
    "care.help.p_help_matches_phase",
    "care.help.quality_overload_slope",
    "care.assessment.sensitivity",
    "care.assessment.specificity",
    "care.assessment.lost_information_penalty",
    "care.measures.*",
    "care.workload.attrition_overload_slope",
    "care.workload.facts_lost_*",
    "care.workload.speed_up_under_backlog",
    "care.workload.flexible_staff_share",
    "handoffs.facts_lost_information_fraction",
    "handoffs.police_to_veilig_thuis.*",
    "handoffs.veilig_thuis_to_local_team.*",
    "handoffs.veilig_thuis_to_board.*",
    "handoffs.board_to_youth_protection.*",
    "organisations.veilig_thuis.staff.attrition_per_year",
    "organisations.child_protection_board.staff.attrition_per_year",
)
NOT_EXPLORED = ("enabled", "start_year", "ramp_years", "coverage", "development_eur_per_year", "p_refused")
DEFAULT_OUTCOMES = [
    "repeat_violence_18m",
    "serious_incidents_per_year",
    "stable_within_year",
    "professionals_per_family",
    "handoffs_per_family",
    "facts_lost_per_family",
    "triage_wait_days",
    "attrition_per_year",
    "cost_eur_per_year",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class UncertaintySelection(_Strict):
    """Which parameters vary, by glob patterns over parameter paths (e.g. `restructuring.*`)."""

    include: list[str] = Field(default_factory=list, description="Patterns to explore (default: see module doc).")
    exclude: list[str] = Field(default_factory=list, description="Patterns to keep fixed.")
    ranges: dict[str, tuple[float, float]] = Field(
        default_factory=dict, description="Ranges replacing the plausible range."
    )


class _Pairing(_Strict):
    """Two explored scenarios compared on one metric."""

    metric: str
    scenario: str
    than: str


class Question(_Pairing):
    """A yes/no question for scenario discovery: does `scenario` beat `than` on `metric`?"""

    name: str
    margin: float = Field(0.0, description="How much better (in the metric's unit) counts as beating.")
    final_year: bool = Field(False, description="Judge on the final year rather than the whole period.")


class BreakEven(_Pairing):
    """How large must `parameter` be for `scenario` to match `than` on `metric`?"""

    parameter: str


class ExploreSpec(_Strict):
    """An exploration under deep uncertainty."""

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")  # it names the output folder
    description: str = ""
    scenarios: list[str] = Field(
        min_length=1, description="Scenario names, or scenario files (paths read from the spec's folder)."
    )
    uncertainties: UncertaintySelection = Field(default_factory=UncertaintySelection)
    sampler: Literal["lhs", "sobol", "morris"] = "lhs"
    samples: int = Field(32, ge=2, le=100_000, description="LHS points, or the base size of Sobol/Morris designs.")
    replications: int = Field(2, ge=1, le=1000)
    seed: int = Field(1, ge=0)
    scale: Literal["region", "national"] = "region"
    years: float = Field(5.0, gt=0, le=30)
    warmup_years: float = Field(WARMUP_YEARS, ge=0, le=10)
    outcomes: list[str] = Field(default_factory=lambda: list(DEFAULT_OUTCOMES))
    questions: list[Question] = Field(default_factory=list)
    break_even: list[BreakEven] = Field(default_factory=list)

    @model_validator(mode="after")
    def _names_exist(self, info: ValidationInfo) -> ExploreSpec:
        folder = Path((info.context or {}).get("folder", "."))
        where = {name: _scenario_entry(name, i, folder) for i, name in enumerate(self.scenarios)}
        seen: dict[str, str] = {}
        for i, name in enumerate(self.scenarios):
            if where[name] in seen:
                earlier = seen[where[name]]
                same = "is listed twice" if name == earlier else f"is the same file as '{earlier}'"
                raise ValueError(f"scenarios.{i}|'{name}' {same}|each scenario once|remove one of them")
            seen[where[name]] = name
        checks: list[tuple[str, list[_Pairing]]] = [
            ("questions", list(self.questions)),
            ("break_even", list(self.break_even)),
        ]
        for field_name, items in checks:
            for i, item in enumerate(items):
                for attr in ("scenario", "than"):
                    value = getattr(item, attr)
                    if value not in self.scenarios:
                        raise ValueError(
                            f"{field_name}.{i}.{attr}|'{value}' is not one of the explored scenarios"
                            f"|{', '.join(self.scenarios)}"
                        )
                if item.scenario == item.than:
                    raise ValueError(
                        f"{field_name}.{i}.than|it compares '{item.scenario}' with itself"
                        f"|another of: {', '.join(s for s in self.scenarios if s != item.scenario)}"
                    )
                if item.metric not in metrics.METRICS:
                    raise ValueError(
                        f"{field_name}.{i}.metric|unknown metric '{item.metric}'."
                        f"{did_you_mean(item.metric, metrics.METRICS)}|{', '.join(metrics.METRICS)}"
                    )
                item.scenario, item.than = where[item.scenario], where[item.than]
        for i, name in enumerate(self.outcomes):
            if name not in metrics.METRICS:
                raise ValueError(
                    f"outcomes.{i}|unknown metric '{name}'.{did_you_mean(name, metrics.METRICS)}"
                    f"|{', '.join(metrics.METRICS)}"
                )
        self.scenarios = [where[name] for name in self.scenarios]
        return self


def _scenario_entry(entry: str, i: int, folder: Path) -> str:
    """A spec's scenario: a name from `samenloop scenarios`, or a scenario file (path relative to
    the spec's folder) as an absolute path, so that workers and `--resume` find the same file."""
    known = available_scenarios()
    if entry in known:
        return entry
    if Path(entry).suffix in (".yaml", ".yml"):
        path = folder / entry
        if path.is_file():
            return str(path.resolve())
        raise ValueError(
            f"scenarios.{i}|there is no scenario file {path} (a path is read from the spec's folder)"
            f"|a scenario file, or one of: {', '.join(known)}"
        )
    raise ValueError(f"scenarios.{i}|unknown scenario '{entry}'.{did_you_mean(entry, known)}|{', '.join(known)}")


def _relevant(row: ParameterInfo, loaded: Collection[Scenario]) -> bool:
    path = row.path
    if not (row.is_assumption and row.is_numeric and row.explicit_plausible):
        return False
    if path.rsplit(".", 1)[-1] in NOT_EXPLORED:
        return False
    if any(fnmatch.fnmatch(path, pattern) for pattern in SHARED_DEFAULTS):
        return True
    if path.startswith("restructuring."):
        return any(s.restructuring.enabled for s in loaded)
    if path.startswith("mechanisms."):
        mechanism = path.split(".")[1]
        return any(mechanism in s.mechanisms.enabled_names() for s in loaded)
    return False


def select_uncertainties(spec: ExploreSpec, file: str = "spec") -> list[Uncertainty]:
    """The uncertainties of a spec, with their ranges (checked against the valid ranges)."""
    lookup = parameter_lookup()
    loaded = {name: load_scenario(name) for name in spec.scenarios}
    chosen: list[str] = []
    if spec.uncertainties.include:
        for pattern in spec.uncertainties.include:
            matched = fnmatch.filter(lookup, pattern)
            if not matched:
                raise SpecError(
                    f"no parameter matches '{pattern}'.{did_you_mean(pattern, lookup)}",
                    file=file,
                    field="uncertainties.include",
                    value=pattern,
                    fix="use a parameter path from `samenloop params` (wildcards * allowed)",
                )
            chosen += [p for p in matched if lookup[p].is_numeric and p not in chosen]
    else:
        chosen = [p for p, row in lookup.items() if _relevant(row, loaded.values())]
    chosen += [p for p in spec.uncertainties.ranges if p not in chosen]
    for pattern in spec.uncertainties.exclude:
        chosen = [p for p in chosen if not fnmatch.fnmatch(p, pattern)]
    uncertainties = []
    for path in chosen:
        if path not in lookup:
            raise SpecError(
                f"unknown parameter '{path}'.{did_you_mean(path, lookup)}",
                file=file,
                field="uncertainties.ranges",
                value=path,
                fix="use a path from `samenloop params`",
            )
        row = lookup[path]
        low, high = spec.uncertainties.ranges.get(path, (row.plausible_low, row.plausible_high))
        if low is None or high is None or not low < high:
            raise SpecError(
                f"the range of {path} must have low < high",
                file=file,
                field=f"uncertainties.ranges.{path}",
                value=[low, high],
                fix="give [low, high] with low below high",
            )
        if (row.low is not None and low < row.low) or (row.high is not None and high > row.high):
            raise SpecError(
                f"the range of {path} leaves its valid range",
                file=file,
                field=f"uncertainties.ranges.{path}",
                value=[low, high],
                allowed=f"{row.low} to {row.high} {row.unit}",
                fix="narrow the range",
            )
        uncertainties.append(Uncertainty(path, float(low), float(high)))
    for i, item in enumerate(spec.break_even):
        if item.parameter not in {u.path for u in uncertainties}:
            raise SpecError(
                f"break-even parameter '{item.parameter}' is not among the explored uncertainties",
                file=file,
                field=f"break_even.{i}.parameter",
                value=item.parameter,
                fix="add it under uncertainties.include or uncertainties.ranges",
            )
    if not uncertainties:
        raise SpecError(
            "no uncertain parameters selected",
            file=file,
            field="uncertainties",
            fix="include parameters, or remove the exclusions",
        )
    _check_values(loaded, uncertainties, file)
    return uncertainties


def _check_values(scenarios: dict[str, Scenario], uncertainties: list[Uncertainty], file: str) -> None:
    """Refuse an uncertainty whose sampled values would make a scenario invalid, before any run.

    Each range is valid on its own, but a value may break a rule between parameters (the violence
    types' shares must add up to 1): every run would then fail. Each scenario is built with each
    uncertainty at its low and at its high.
    """
    for name, scenario in scenarios.items():
        for u in uncertainties:
            for value in (u.low, u.high):
                if exc := _invalid(scenario, {u.path: value}):
                    raise SpecError(
                        f"{u.path} cannot vary on its own: at {value:g} the scenario {name} is invalid ({exc.problem})",
                        file=file,
                        field="uncertainties",
                        value=[u.low, u.high],
                        fix=f"leave it out (add '{u.path}' under uncertainties.exclude), or change it in a "
                        "scenario file together with the parameters it is tied to",
                    )


def _invalid(scenario: Scenario, values: dict[str, float]) -> ScenarioError | None:
    """The error that the scenario with these uncertainty values gives, if any."""
    try:
        scenario_from_overrides(overrides_for(values), base=scenario)
    except ScenarioError as exc:
        return exc
    return None


def load_spec(path: Path) -> ExploreSpec:
    """Read and validate a spec file; every problem becomes a `SpecError`."""
    file = str(path)
    try:
        data = yaml_reading.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise SpecError(f"cannot read the file ({exc.strerror})", file=file, fix="check the path") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "unknown position"
        raise SpecError(
            f"the file is not valid YAML ({getattr(exc, 'problem', exc)} at {where})",
            file=file,
            fix="check indentation and colons around that line",
        ) from None
    if not isinstance(data, dict):
        raise SpecError("an exploration spec must be a mapping", file=file, fix="start with `name:` and `scenarios:`")
    if "overrides" in data and "scenarios" not in data:
        raise SpecError(
            "this is a scenario file, not an exploration spec",
            file=file,
            fix=f"run it with `samenloop run {file}`, or put its name under `scenarios:` in a spec",
        )
    try:
        spec = ExploreSpec.model_validate(data, context={"folder": Path(path).parent})
    except ValidationError as exc:
        raise _explain(first_error(exc), file) from None
    check_display_names({name: load_scenario(name) for name in spec.scenarios}, field="scenarios", file=file)
    return spec


_FORM = "see scenarios/explore/which-assumptions-decide.yaml for the form"


def _group_at(loc: Any) -> type[BaseModel]:
    return model_at(ExploreSpec, loc) or ExploreSpec


def _explain(error: Any, file: str) -> SpecError:
    location = ".".join(str(p) for p in error["loc"])
    message = error["msg"]
    if error["type"] == "value_error" and "|" in message:
        field, problem, allowed, *fix = message.removeprefix("Value error, ").split("|")
        return SpecError(problem, file=file, field=field, allowed=allowed, fix=fix[0] if fix else "correct the name")
    if error["type"] == "extra_forbidden":
        return unknown_key(SpecError, error["loc"], list(_group_at(error["loc"][:-1]).model_fields), file=file)
    if error["type"] in GROUP_EXPECTED:
        return group_expected(
            SpecError, error["loc"], error.get("input"), _group_at(error["loc"]), file=file, fix=_FORM
        )
    if error["type"] == "string_pattern_mismatch" and location == "name":
        return SpecError(
            "a spec's name is one word of letters, digits, '-', '_' and '.' (it names the output folder)",
            file=file,
            field="name",
            value=error.get("input"),
            fix="write e.g. `name: which-assumptions-decide`",
        )
    if error["type"] == "missing":
        return missing(SpecError, error["loc"], file=file, fix=f"add `{error['loc'][-1]}: ...` ({_FORM})")
    allowed = {"sampler": ", ".join(SAMPLERS), "scale": ", ".join(SCALES)}.get(location)
    return SpecError(
        message,
        file=file,
        field=location,
        value=error.get("input"),
        has_value=True,
        allowed=allowed,
        fix="correct the value",
    )
