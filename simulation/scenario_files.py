"""Scenario files: YAML data that extends a base scenario and overrides values.

A file looks like::

    name: intensive-collaboration
    display_name: Intensive collaboration
    description: Mechanisms rolled out over time from today's practice.
    extends: current-practice        # another file in scenarios/, or `defaults`
    overrides:
      mechanisms:
        samen_op_in_acuut: {enabled: true, start_year: 0.25}

Loading resolves the chain of bases, merges the overrides onto the built-in defaults and
validates the result once. Every problem becomes a `ScenarioError` that names the file that
set the value, the field, the value, what is allowed and how to fix it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from simulation import yaml_reading
from simulation.errors import ScenarioError, SpecError, did_you_mean
from simulation.parameters.defaults import default_scenario
from simulation.parameters.scenario import Scenario
from simulation.validation_messages import GROUP_EXPECTED, first_error, group_expected, model_at, unknown_key

BUILT_IN = "defaults"
_TOP_LEVEL = ("name", "display_name", "description", "extends", "overrides")


class NotAScenarioFile(ScenarioError):
    """The file is an exploration spec (it lists scenarios), not a scenario file."""


def scenarios_dir() -> Path:
    """Where scenario files live: $SAMENLOOP_SCENARIOS, else the repository's `scenarios/`."""
    configured = os.environ.get("SAMENLOOP_SCENARIOS")
    if configured:
        return Path(configured)
    beside_package = Path(__file__).resolve().parents[1] / "scenarios"
    return beside_package if beside_package.is_dir() else Path.cwd() / "scenarios"


def available_scenarios(directory: Path | None = None) -> list[str]:
    """Names of the scenario files in `directory` (default: `scenarios_dir()`)."""
    directory = directory or scenarios_dir()
    return sorted(p.stem for p in directory.glob("*.yaml"))


def resolve_path(name_or_path: str | Path, directory: Path | None = None) -> Path:
    """A scenario name (`restructuring`) or a path to a YAML file, as an existing path."""
    directory = directory or scenarios_dir()
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") and candidate.exists():
        return candidate
    named = directory / f"{name_or_path}.yaml"
    if named.exists():
        return named
    names = available_scenarios(directory)
    if candidate.suffix in (".yaml", ".yml"):
        raise ScenarioError(
            "there is no scenario file at this path",
            file=str(candidate),
            fix="check the path, or give one of the scenario names: " + ", ".join(names),
        )
    if candidate.is_file():
        raise ScenarioError(
            "a scenario file is a YAML file ending in .yaml or .yml",
            file=str(candidate),
            fix="rename the file, or give one of the scenario names: " + ", ".join(names),
        )
    raise ScenarioError(
        f"no scenario called '{name_or_path}'.{did_you_mean(str(name_or_path), names)}",
        allowed=", ".join([BUILT_IN, *names]) or BUILT_IN,
        fix=f"give a file path or one of the names in {directory}",
    )


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml_reading.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown position"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ScenarioError(
            f"the file is not valid YAML ({problem} at {where})",
            file=str(path),
            fix="check indentation and colons around that line",
        ) from None
    except OSError as exc:
        raise ScenarioError(
            f"cannot read the file ({exc.strerror})", file=str(path), fix="check the path and permissions"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ScenarioError(
            "a scenario file must be a mapping of keys to values",
            file=str(path),
            value=type(data).__name__,
            allowed=", ".join(_TOP_LEVEL),
            fix="start the file with `name:` and `overrides:`",
        )
    if {"scenarios", "sampler"} & set(data) and "overrides" not in data:
        raise NotAScenarioFile(
            "this is an exploration spec, not a scenario file",
            file=str(path),
            fix=f"run it with `samenloop explore {path}`",
        )
    for key in data:
        if key not in _TOP_LEVEL:
            raise ScenarioError(
                f"unknown top-level key '{key}'.{did_you_mean(str(key), _TOP_LEVEL)}",
                file=str(path),
                field=str(key),
                allowed=", ".join(_TOP_LEVEL),
                fix="move parameters under `overrides:`",
            )
    overrides = data.get("overrides") or {}
    if not isinstance(overrides, dict):
        raise ScenarioError(
            "`overrides` must be a mapping",
            file=str(path),
            field="overrides",
            value=overrides,
            fix="indent the overridden groups under `overrides:`",
        )
    return data


def _merge(
    base: dict[str, Any], update: dict[str, Any], origin: dict[str, str], source: str, prefix: str = ""
) -> dict[str, Any]:
    """Deep-merge `update` onto `base`, noting in `origin` which file set each leaf."""
    merged = dict(base)
    for key, value in update.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value, origin, source, f"{path}.")
        else:
            merged[key] = value
            origin[path] = source
    return merged


def _layers(path: Path, directory: Path) -> list[tuple[Path, dict[str, Any]]]:
    """The chain of files from the outermost base to `path`."""
    chain: list[tuple[Path, dict[str, Any]]] = []
    seen: list[Path] = []
    current: Path | None = path
    while current is not None:
        resolved = current.resolve()
        if resolved in seen:
            cycle = " → ".join(p.name for p in [*seen, resolved])
            raise ScenarioError(
                f"scenario bases form a cycle: {cycle}",
                file=str(path),
                field="extends",
                fix="make one of them extend `defaults`",
            )
        seen.append(resolved)
        data = _read_yaml(current)
        chain.append((current, data))
        base = data.get("extends", BUILT_IN)
        if not isinstance(base, str):
            raise ScenarioError(
                "`extends` must be a scenario name",
                file=str(current),
                field="extends",
                value=base,
                fix="write e.g. `extends: current-practice`",
            )
        if base == BUILT_IN:
            current = None
            continue
        try:
            current = resolve_path(
                base, directory if not (current.parent / f"{base}.yaml").exists() else current.parent
            )
        except ScenarioError as exc:
            raise ScenarioError(
                f"the base scenario '{base}' does not exist.{did_you_mean(base, available_scenarios(directory))}",
                file=str(current),
                field="extends",
                value=base,
                allowed=exc.allowed,
                fix="name an existing scenario or `defaults`",
            ) from None
    return list(reversed(chain))


def _explain(error: Any, origin: dict[str, str], default_file: str) -> ScenarioError:
    loc = tuple(error["loc"])
    field = ".".join(str(p) for p in loc)
    file = origin.get(field) or next(
        (origin[k] for k in origin if k.startswith(field + ".") or field.startswith(k + ".")), default_file
    )
    kind = error["type"]
    value = error.get("input")
    parent = model_at(Scenario, loc[:-1])
    if kind == "extra_forbidden":
        names = list(parent.model_fields) if parent else []
        what = "mechanism" if loc[:1] == ("mechanisms",) and len(loc) == 2 else "key"
        return unknown_key(ScenarioError, loc, names, file=file, what=what)
    info = None
    if parent is not None:
        info = parent.model_fields.get(str(loc[-1]))
    allowed = None
    if info is not None:
        low = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
        high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        unit = extra.get("unit", "")
        if low is not None or high is not None:
            allowed = f"{low if low is not None else '-∞'} to {high if high is not None else '∞'} {unit}".strip()
        elif info.annotation is bool:
            allowed = "true or false"
    group = model_at(Scenario, loc) if kind in GROUP_EXPECTED else None
    if group is not None:
        first = next(iter(group.model_fields))
        fix = f"indent its settings below the key, e.g. `{loc[-1]}: {{{first}: ...}}`, or remove the key"
        return group_expected(ScenarioError, loc, value, group, file=file, fix=fix)
    if kind == "string_pattern_mismatch" and field == "name":
        return ScenarioError(
            "a scenario name is one word of letters, digits, '-', '_' and '.' (it names output folders)",
            file=default_file,
            field="name",
            value=value,
            fix="write e.g. `name: more-vt-staff` at the top of the file",
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        problem = "value out of range"
        fix = f"use a value from {allowed}" if allowed else "use a value in range"
    elif kind.endswith("_type") or kind.endswith("_parsing"):
        problem = f"wrong type ({error['msg'].lower()})"
        fix = f"write a value of the right type ({allowed})" if allowed else "write a value of the right type"
    else:
        problem = error["msg"].removeprefix("Value error, ")  # a rule between values (our own validator)
        fix = "correct the values named above"
    return ScenarioError(
        problem, file=file, field=field or "overrides", value=value, has_value=True, allowed=allowed, fix=fix
    )


def load_scenario(name_or_path: str | Path, directory: Path | None = None) -> Scenario:
    """Load, merge and validate a scenario by name or path.

    Raises:
        ScenarioError: for any problem, with file, field, value, what is allowed and a fix.
    """
    directory = directory or scenarios_dir()
    if str(name_or_path) == BUILT_IN:
        return default_scenario()
    path = resolve_path(name_or_path, directory)
    origin: dict[str, str] = {}
    # Start from the complete defaults, so that overriding one field of a group keeps the
    # group's other values (e.g. the GI's caseload norm when only its case length changes).
    merged: dict[str, Any] = _merge(default_scenario().parameter_dict(), {}, origin, "defaults")
    layers = _layers(path, directory)
    for layer_path, data in layers:
        merged = _merge(merged, data.get("overrides") or {}, origin, str(layer_path))
    # Name, display name and description are the file's own, never its base's: a planner's
    # variant of current practice must not appear as "Current practice" in a report.
    own = layers[-1][1]
    meta: dict[str, Any] = {"name": own.get("name", path.stem)}
    meta["display_name"] = own.get("display_name", meta["name"])
    if "description" in own:
        meta["description"] = own["description"]
    try:
        return Scenario.model_validate({**merged, **meta})
    except ValidationError as exc:
        raise _explain(first_error(exc), origin, str(path)) from None


def check_display_names(loaded: dict[str, Scenario], *, field: str, file: str | None = None) -> None:
    """Refuse scenarios (name or path -> scenario) that share a display name: a report could not
    tell them apart."""
    by_label: dict[str, list[str]] = {}
    for name, scenario in loaded.items():
        by_label.setdefault(scenario.display_name, []).append(name)
    for label, same in by_label.items():
        if len(same) > 1:
            raise SpecError(
                f"these scenarios are all called '{label}', so the report could not tell them apart",
                file=file,
                field=field,
                value=same,
                fix="give each scenario file its own `name:` and `display_name:`",
            )


def scenario_from_overrides(
    overrides: dict[str, Any], base: str | Path | Scenario = BUILT_IN, name: str | None = None
) -> Scenario:
    """A scenario made in code (notebooks, exploration): a base plus nested overrides."""
    base_scenario = base if isinstance(base, Scenario) else load_scenario(base)
    data = _merge(base_scenario.model_dump(), overrides, {}, "overrides")
    if name:
        data["name"] = name
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise _explain(first_error(exc), {}, "overrides") from None


def file_schema() -> dict[str, Any]:
    """JSON schema of a scenario file (for editors): the parameter groups under `overrides`."""
    params = Scenario.model_json_schema()
    groups = {k: v for k, v in params["properties"].items() if k not in ("name", "display_name", "description")}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Samenloop scenario file",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string"},
            "display_name": {"type": "string"},
            "description": {"type": "string"},
            "extends": {"type": "string", "description": "Base scenario name, or `defaults`."},
            "overrides": {"type": "object", "additionalProperties": False, "properties": groups},
        },
        "$defs": params.get("$defs", {}),
    }
