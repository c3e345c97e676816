"""Command line: `samenloop run | validate | scenarios | params | schema | ...`.

Bad input never shows a traceback: it prints one message that names the file, the field, the
value, what is allowed and how to fix it, and exits with code 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from simulation.errors import SamenloopError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Samenloop: simulate the chain of care and criminal justice around domestic violence and child abuse.",
)
console = Console()
err_console = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])

ScaleOption = Annotated[str, typer.Option("--scale", help="region (one VT region) or national (26 regions).")]
YearsOption = Annotated[float, typer.Option("--years", min=0.1, max=30.0, help="Policy horizon in years.")]
SeedOption = Annotated[int, typer.Option("--seed", min=0, help="Run seed (all randomness flows from it).")]


def user_errors[F: Callable[..., Any]](function: F) -> F:
    """Turn `SamenloopError` into one clear message and exit code 2."""

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


def _format(value: float) -> str:
    if value != value:  # nan
        return "–"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3f}"


@app.command()
@user_errors
def run(
    scenario: Annotated[str, typer.Argument(help="Scenario name (see `samenloop scenarios`) or YAML file.")],
    scale: ScaleOption = "region",
    years: YearsOption = 5.0,
    seed: SeedOption = 0,
    warmup_years: Annotated[float, typer.Option(min=0.0, max=10.0, help="Warm-up before year 0.")] = 1.0,
    out: Annotated[
        Path | None, typer.Option("--out", help="Output directory (default results/<scenario>-seed<S>).")
    ] = None,
    csv_all: Annotated[bool, typer.Option("--csv-all", help="Also write records and families as CSV.")] = False,
) -> None:
    """Run one scenario; write Parquet and CSV outputs and print a summary."""
    from simulation import metrics
    from simulation.runner import run_scenario, write_result
    from simulation.scale import scale_preset
    from simulation.scenario_files import load_scenario

    scale_preset(scale)
    params = load_scenario(scenario)
    with console.status(f"simulating {params.display_name} ({scale}, {years:g} years, seed {seed})"):
        result = run_scenario(params, scale=scale, years=years, seed=seed, warmup_years=warmup_years)
    target = out or Path("results") / f"{params.name}-seed{seed}"
    write_result(result, target, csv_all=csv_all)
    table = Table(title=f"{params.display_name}: {scale}, {years:g} years, seed {seed}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("unit")
    for name, value in metrics.compute(result).items():
        m = metrics.METRICS[name]
        table.add_row(m.label, _format(value), m.unit)
    console.print(table)
    console.print(f"outputs written to [bold]{target}[/]")


@app.command()
@user_errors
def demo(
    out: Annotated[Path, typer.Option("--out", help="Where to write the outputs.")] = Path("results/demo"),
    years: YearsOption = 5.0,
    seed: SeedOption = 0,
) -> None:
    """Run current practice, intensive collaboration and restructuring (region, one seed) side by side."""
    from simulation import metrics
    from simulation.runner import run_scenario, write_result
    from simulation.scenario_files import load_scenario

    names = ["current-practice", "intensive-collaboration", "restructuring"]
    results = {}
    for name in names:
        params = load_scenario(name)
        with console.status(f"simulating {params.display_name} (region, {years:g} years, seed {seed})"):
            results[name] = run_scenario(params, scale="region", years=years, seed=seed)
        write_result(results[name], out / name)
    table = Table(title=f"Region, {years:g} years, seed {seed} (one replication: no uncertainty shown)")
    table.add_column("metric")
    for name in names:
        table.add_column(results[name].meta["scenario_display_name"], justify="right")
    table.add_column("unit")
    values = {name: metrics.compute(result) for name, result in results.items()}
    for key, m in metrics.METRICS.items():
        table.add_row(m.label, *(_format(values[n][key]) for n in names), m.unit)
    console.print(table)
    console.print(f"outputs written to [bold]{out}[/] (one folder per scenario)")


@app.command()
@user_errors
def validate(files: Annotated[list[Path], typer.Argument(help="Scenario files to check.")]) -> None:
    """Check scenario files; exit 2 at the first problem."""
    from simulation.scenario_files import load_scenario

    for file in files:
        scenario = load_scenario(file)
        console.print(f"[green]ok[/] {file}: {scenario.display_name} (hash {scenario.content_hash()})")


@app.command()
@user_errors
def scenarios() -> None:
    """List the scenario files."""
    from simulation.scenario_files import available_scenarios, load_scenario, scenarios_dir

    table = Table(title=f"Scenarios in {scenarios_dir()}")
    for column in ("name", "display name", "mechanisms", "restructuring", "description"):
        table.add_column(column, overflow="fold")
    for name in available_scenarios():
        s = load_scenario(name)
        table.add_row(
            name,
            s.display_name,
            ", ".join(s.mechanisms.enabled_names()) or "–",
            "yes" if s.restructuring.enabled else "no",
            s.description,
        )
    console.print(table)


@app.command()
@user_errors
def params(
    scenario: Annotated[str, typer.Option(help="Show the values of this scenario.")] = "defaults",
    assumptions: Annotated[bool, typer.Option("--assumptions", help="Only parameters labelled assumption.")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print a Markdown table (docs/parameters.md).")] = False,
    match: Annotated[str, typer.Option(help="Only parameters whose path contains this text.")] = "",
) -> None:
    """The parameter registry: value, unit, valid and plausible range, source."""
    from simulation.parameters import registry
    from simulation.scenario_files import load_scenario

    rows = [r for r in registry(load_scenario(scenario)) if match in r.path and (r.is_assumption or not assumptions)]
    if markdown:
        sys.stdout.write(parameters_markdown(rows))
        return
    table = Table(title=f"{len(rows)} parameters ({scenario})")
    for column in ("parameter", "value", "unit", "valid", "plausible", "source"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(
            r.path, str(r.value), r.unit, _range(r.low, r.high), _range(r.plausible_low, r.plausible_high), r.source
        )
    console.print(table)


def _range(low: float | None, high: float | None) -> str:
    if low is None and high is None:
        return ""
    return f"{'' if low is None else f'{low:g}'}–{'' if high is None else f'{high:g}'}"


def parameters_markdown(rows: list[Any]) -> str:
    """The registry as a Markdown table (for docs/parameters.md)."""
    lines = [
        "| parameter | value | unit | valid range | plausible range | source | meaning |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        plausible = _range(r.plausible_low, r.plausible_high) + (
            "" if r.explicit_plausible or not r.is_numeric else " (generic ±50%)"
        )
        lines.append(
            f"| `{r.path}` | {r.value} | {r.unit} | {_range(r.low, r.high)} | {plausible} | {r.source} | {r.doc} |"
        )
    return "\n".join(lines) + "\n"


@app.command()
@user_errors
def schema() -> None:
    """Print the JSON schema of scenario files (for editors)."""
    from simulation.scenario_files import file_schema

    sys.stdout.write(json.dumps(file_schema(), indent=2) + "\n")


from simulation.course.cli import app as course_app  # noqa: E402  (the course's commands, issue 5)

app.add_typer(course_app, name="course")


def main() -> None:
    """Entry point of the `samenloop` console script."""
    app()


if __name__ == "__main__":
    main()
