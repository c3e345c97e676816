"""How every command reports bad input: one clear message, exit code 2, no traceback.

A file the command cannot read or write (a full disk, a path under a file) is reported the same
way with exit code 1; commands check their output paths before they start work.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from simulation.errors import SamenloopError

err_console = Console(stderr=True)


def user_errors[F: Callable[..., Any]](function: F) -> F:
    """Turn `SamenloopError` into one clear message and exit code 2 (a file error: code 1; Ctrl-C:
    code 130)."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except SamenloopError as exc:
            _print_error(exc.message())
            raise typer.Exit(code=2) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            _print_error(
                f"{where}{exc.strerror or exc}\n  fix:     check the path, its permissions and the free disk "
                "space; results already written are kept"
            )
            raise typer.Exit(code=1) from None
        except KeyboardInterrupt:
            err_console.print("interrupted; results already written are kept (compare and explore: add --resume)")
            raise typer.Exit(code=130) from None

    return wrapper  # type: ignore[return-value]


def _print_error(message: str) -> None:
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, markup=True)
