"""How every command reports bad input: one clear message, exit code 2, no traceback."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

import typer
from rich.console import Console

from simulation.errors import SamenloopError

err_console = Console(stderr=True)


def user_errors[F: Callable[..., Any]](function: F) -> F:
    """Turn `SamenloopError` into one clear message and exit code 2 (Ctrl-C: code 130)."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except SamenloopError as exc:
            err_console.print(f"[bold red]error:[/] {exc.message()}", highlight=False, markup=True)
            raise typer.Exit(code=2) from None
        except KeyboardInterrupt:
            err_console.print("interrupted; results already written are kept")
            raise typer.Exit(code=130) from None

    return wrapper  # type: ignore[return-value]
