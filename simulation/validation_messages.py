"""Plain messages for pydantic's validation errors, shared by the loaders of scenario files,
exploration specs and calibration targets: pydantic's own wording ("Field required", "valid
dictionary or instance of actieoverlegparams") never reaches a user.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from simulation.errors import SamenloopError, did_you_mean

GROUP_EXPECTED = ("model_type", "dict_type")  # pydantic's error types for a value where a group belongs


def first_error(exc: ValidationError) -> ErrorDetails:
    """The error to report: a misspelt key before the "missing" key it causes, else the first."""
    errors = exc.errors()
    return next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])


def model_at(root: type[BaseModel], loc: Sequence[Any]) -> type[BaseModel] | None:
    """The group of settings (a pydantic model) at `loc` under `root`, skipping list positions;
    None when `loc` leads out of the groups."""
    model = root
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        annotation = field.annotation if field is not None else None
        found = [c for c in (annotation, *get_args(annotation)) if isinstance(c, type) and issubclass(c, BaseModel)]
        if not found:
            return None
        model = found[0]
    return model


def _field(loc: Sequence[Any]) -> str:
    return ".".join(str(p) for p in loc)


def unknown_key[E: SamenloopError](
    error_class: type[E],
    loc: Sequence[Any],
    names: list[str],
    *,
    file: str,
    what: str = "key",
    fix: str = "correct the spelling or remove the key",
) -> E:
    key = str(loc[-1])
    return error_class(
        f"unknown {what} '{key}'.{did_you_mean(key, names)}",
        file=file,
        field=_field(loc),
        allowed=", ".join(names),
        fix=fix,
    )


def missing[E: SamenloopError](error_class: type[E], loc: Sequence[Any], *, file: str, fix: str) -> E:
    return error_class(f"the setting '{loc[-1]}' is missing", file=file, field=_field(loc), fix=fix)


def group_expected[E: SamenloopError](
    error_class: type[E], loc: Sequence[Any], value: Any, group: type[BaseModel], *, file: str, fix: str
) -> E:
    return error_class(
        "wrong type: a group of settings belongs here, not a single value",
        file=file,
        field=_field(loc),
        value=value,
        has_value=True,
        allowed=", ".join(group.model_fields),
        fix=fix,
    )
