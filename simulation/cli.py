"""Command line: `samenloop run | validate | scenarios | params | schema | ...`.

Bad input never shows a traceback: it prints one message that names the file, the field, the
value, what is allowed and how to fix it, and exits with code 2.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from simulation.cli_errors import err_console, user_errors
from simulation.course.cli import app as course_app
from simulation.errors import SamenloopError
from simulation.files import output_directory, output_file
from simulation.warmup import WARMUP_YEARS

if TYPE_CHECKING:
    from simulation.calibration.check import CheckRow

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Samenloop: simulate the chain of care and criminal justice around domestic violence and child abuse.",
)
console = Console()

ScaleOption = Annotated[str, typer.Option("--scale", help="region (one VT region) or national (26 regions).")]
YearsOption = Annotated[float, typer.Option("--years", min=0.1, max=30.0, help="Policy horizon in years.")]
SeedOption = Annotated[int, typer.Option("--seed", min=0, help="Run seed (all randomness flows from it).")]
DEMO_YEARS = 8.0  # the default roadmap's transition is over in year 5: three years after it


def _format(value: float) -> str:
    if value != value:  # nan
        return "–"
    if abs(value) >= 1e6:
        return f"{value / 1e6:.1f}M"  # no space: a table cell must not wrap inside a number
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
    warmup_years: Annotated[float, typer.Option(min=0.0, max=10.0, help="Warm-up before year 0.")] = WARMUP_YEARS,
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
    target = output_directory(out or Path("results") / f"{params.name}-seed{seed}")
    with console.status(f"simulating {params.display_name} ({scale}, {years:g} years, seed {seed})"):
        result = run_scenario(params, scale=scale, years=years, seed=seed, warmup_years=warmup_years)
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


JobsOption = Annotated[int, typer.Option("--jobs", "-j", min=1, max=256, help="Local worker processes.")]
AddressOption = Annotated[str | None, typer.Option("--address", help="Run on a Dask cluster: tcp://HOST:PORT.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar (for scripts).")]


@app.command()
@user_errors
def compare(
    scenarios: Annotated[
        list[str], typer.Argument(help="Two or more scenario names or files; the first is the baseline.")
    ],
    replications: Annotated[
        int,
        typer.Option(
            "--replications", "-n", min=2, max=10_000, help="Seeds per scenario (the same seeds for every scenario)."
        ),
    ] = 10,
    scale: ScaleOption = "region",
    years: YearsOption = 5.0,
    warmup_years: Annotated[float, typer.Option(min=0.0, max=10.0, help="Warm-up before year 0.")] = WARMUP_YEARS,
    jobs: JobsOption = 1,
    address: AddressOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="Output directory (default results/compare).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted comparison in --out.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Compare scenarios over replications with common random numbers; write an HTML report and data."""
    from simulation.compare import run_comparison
    from simulation.experiments.design import RunSettings
    from simulation.report import write_comparison_report
    from simulation.scale import scale_preset

    scale_preset(scale)
    target = output_directory(out or Path("results") / "compare")
    comparison = run_comparison(
        scenarios,
        replications=replications,
        out=target,
        jobs=jobs,
        address=address,
        resume=resume,
        quiet=quiet,
        settings=RunSettings(scale=scale, years=years, warmup_years=warmup_years),
    )
    report = write_comparison_report(comparison, target, command=" ".join(sys.argv))
    _print_comparison(comparison)
    console.print(f"report: [bold]{report}[/] (data beside it in {target})")


def _print_comparison(comparison: Any) -> None:
    from simulation import metrics
    from simulation.appraisal import MIN_REPLICATIONS_FOR_A_CLAIM
    from simulation.report import horizon_caveats
    from simulation.scenario_files import load_scenario

    labels = {s: load_scenario(s).display_name for s in comparison.scenarios}
    summary = comparison.summary().set_index(["metric", "scenario"])
    table = Table(title=f"Median [80% interval] over {len(comparison.design.seeds)} replications")
    table.add_column("metric", overflow="fold")
    for s in comparison.scenarios:
        table.add_column(labels[s], justify="right", overflow="fold")
    for name, m in metrics.METRICS.items():
        cells = [
            f"{_format(summary.loc[(name, s), 'median'])} [{_format(summary.loc[(name, s), 'p10'])}–"
            f"{_format(summary.loc[(name, s), 'p90'])}]"
            for s in comparison.scenarios
        ]
        table.add_row(f"{m.label} ({m.unit})", *cells)
    console.print(table)
    if len(comparison.design.seeds) < MIN_REPLICATIONS_FOR_A_CLAIM:
        console.print(
            f"note: with {len(comparison.design.seeds)} replications the report calls no difference clear "
            f"(that needs at least {MIN_REPLICATIONS_FOR_A_CLAIM}); use them to try things out"
        )
    for caveat in horizon_caveats(comparison, labels):
        console.print(f"note: {caveat}")


@app.command()
@user_errors
def explore(
    spec: Annotated[
        Path, typer.Argument(help="Exploration spec (YAML), e.g. scenarios/explore/which-assumptions-decide.yaml.")
    ],
    jobs: JobsOption = 1,
    address: AddressOption = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Output directory (default results/explore-<name>).")
    ] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted exploration in --out.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Explore which uncertain assumptions decide the comparison (EMA Workbench); write an HTML report."""
    from simulation.exploration import load_spec, run_exploration
    from simulation.exploration.report import write_exploration_report

    parsed = load_spec(spec)
    target = output_directory(out or Path("results") / f"explore-{parsed.name}")
    exploration = run_exploration(
        parsed, target, jobs=jobs, address=address, resume=resume, quiet=quiet, file=str(spec)
    )
    report = write_exploration_report(exploration, target, command=" ".join(sys.argv))
    console.print(f"{len(exploration.runs)} runs, {len(exploration.design.uncertainties)} uncertain assumptions")
    console.print(f"report: [bold]{report}[/] (data beside it in {target})")


@app.command()
@user_errors
def calibrate(
    check: Annotated[
        bool, typer.Option("--check", help="Compare the defaults with the targets; exit 1 if one fails.")
    ] = False,
    budget: Annotated[int, typer.Option("--budget", min=1, help="Trials of the optimiser (fitting only).")] = 100,
    scale: Annotated[
        str | None, typer.Option("--scale", help="Default: national for --check, region for fitting.")
    ] = None,
    seeds: Annotated[int, typer.Option("--seeds", min=1, help="Seeds per evaluation.")] = 3,
    years: Annotated[float, typer.Option("--years", min=0.5, max=30.0, help="Policy years measured.")] = 3.0,
    warmup_years: Annotated[float, typer.Option(min=0.0, max=10.0, help="Warm-up before measuring.")] = WARMUP_YEARS,
    jobs: JobsOption = 1,
    targets: Annotated[Path | None, typer.Option("--targets", help="Targets file (default: the packaged one).")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Where to write the fit (default: the defaults file).")
    ] = None,
    write_doc: Annotated[
        bool, typer.Option("--write-doc", help="With --check: put the table and figure into docs/calibration.md.")
    ] = False,
) -> None:
    """Fit the unsourced parameters to the public figures, or (--check) test the defaults against them."""
    from simulation.calibration.targets import load_targets
    from simulation.scale import scale_preset

    target_list = load_targets(targets)
    if out is not None and not check:
        output_file(out, "--out")
    if check:
        _calibration_check(
            target_list, scale_preset(scale or "national").name, seeds, years, warmup_years, jobs, write_doc
        )
        return
    scale = scale_preset(scale or "region").name
    from importlib.resources import files

    from simulation.calibration.fit import calibrate as fit_parameters
    from simulation.calibration.fit import write_calibration

    def progress(done: int, total: int, best: float) -> None:
        err_console.print(f"  {done}/{total} trials, best loss {best:.3f}")

    fit = fit_parameters(
        budget=budget,
        scale=scale,
        seeds=seeds,
        years=years,
        warmup_years=warmup_years,
        jobs=jobs,
        targets=target_list,
        progress=progress,
    )
    path = out or Path(str(files("simulation").joinpath("data/calibration.yaml")))
    write_calibration(fit, path, scale=scale, seeds=seeds, years=years, warmup_years=warmup_years, targets=target_list)
    console.print(f"best loss {fit.loss:.3f} after {fit.trials} trials; calibrated values written to [bold]{path}[/]")
    console.print("check them at national scale with: samenloop calibrate --check --jobs 2")


def _check_table(rows: list[CheckRow], title: str, fitted: bool) -> Table:
    table = Table(title=title)
    for column in ("target", "measure", "observed (tolerance)", "simulated median", "range over seeds", "within"):
        table.add_column(column, no_wrap=column != "measure")
    outside = "[red]no[/]" if fitted else "[yellow]no[/]"
    for row in rows:
        m = row.measure
        table.add_row(
            row.target.id,
            m.measure.replace("_", " "),
            f"{_format(m.value)} ({_format(m.low)}–{_format(m.high)})",
            _format(row.median),
            f"{_format(row.low)}–{_format(row.high)}",
            "[green]yes[/]" if row.within else outside,
        )
    return table


def _calibration_check(
    targets: Any, scale: str, seeds: int, years: float, warmup_years: float, jobs: int, write_doc: bool = False
) -> None:
    from simulation.calibration.check import check, targets_met
    from simulation.calibration.targets import load_cross_checks

    every = [*targets, *load_cross_checks()]
    with console.status(f"simulating current practice ({scale}, {seeds} seeds, {years:g} years)"):
        rows = check(scale=scale, seeds=seeds, years=years, warmup_years=warmup_years, jobs=jobs, targets=every)
    wide = Console(width=max(console.width, 130))
    for fitted, title in (
        (True, f"Calibration check: current practice, {scale} scale, {seeds} seeds, {years:g} years"),
        (False, "Other public figures, not fitted (reported; they never fail the check)"),
    ):
        wide.print(_check_table([row for row in rows if row.target.fitted == fitted], title, fitted))
    met, total = targets_met(rows)
    console.print(f"{met} of {total} targets within tolerance")
    if write_doc:
        from simulation.calibration.document import write_check
        from simulation.docs import DOCS

        command = (
            f"samenloop calibrate --check --scale {scale} --seeds {seeds} --years {years:g} "
            f"--warmup-years {warmup_years:g}"
        )
        console.print(f"written to {write_check(rows, DOCS / 'calibration.md', command)}")
    if met < total:
        raise typer.Exit(code=1)


@app.command()
@user_errors
def demo(
    out: Annotated[Path, typer.Option("--out", help="Where to write the report and data.")] = Path("results/demo"),
    replications: Annotated[int, typer.Option("--replications", "-n", min=2)] = 10,
    years: YearsOption = DEMO_YEARS,
    jobs: JobsOption = 2,
    quiet: QuietOption = False,
) -> None:
    """Compare the four default scenarios at region scale and write the report (what `make demo` runs).

    Eight policy years: the default roadmap's transition is over in year 5, and three years follow it."""
    from simulation.compare import run_comparison
    from simulation.experiments.design import RunSettings
    from simulation.report import write_comparison_report

    output_directory(out)
    names = ["current-practice", "intensive-collaboration", "restructuring", "combined"]
    settings = RunSettings(scale="region", years=years)
    try:
        comparison = run_comparison(
            names, replications=replications, out=out, jobs=jobs, resume=True, quiet=quiet, settings=settings
        )
    except SamenloopError as exc:
        if "another experiment" not in exc.problem:
            raise
        kept = out.with_name(f"{out.name}.previous")
        console.print(f"{out} holds an older demo; keeping it as {kept} and starting afresh")
        if kept.exists():
            import shutil

            shutil.rmtree(kept)
        out.rename(kept)
        comparison = run_comparison(
            names, replications=replications, out=out, jobs=jobs, quiet=quiet, settings=settings
        )
    report = write_comparison_report(comparison, out, command=" ".join(sys.argv))
    _print_comparison(comparison)
    console.print(f"report: [bold]{report}[/] (open it in a browser; data beside it in {out})")


@app.command()
@user_errors
def validate(
    files: Annotated[list[Path], typer.Argument(help="Scenario files or exploration specs to check.")],
) -> None:
    """Check scenario files and exploration specs (a spec: its runs and uncertainties); exit 2 at the first problem."""
    from simulation.scenario_files import NotAScenarioFile, load_scenario

    for file in files:
        try:
            scenario = load_scenario(file)
        except NotAScenarioFile:
            _validate_spec(file)
            continue
        console.print(f"[green]ok[/] {file}: {scenario.display_name} (hash {scenario.content_hash()})")


def _validate_spec(file: Path) -> None:
    """An exploration spec's design, as it would run: scenarios, runs and uncertain assumptions."""
    from simulation.exploration import build_design, load_spec
    from simulation.parameters.registry import parameter_lookup
    from simulation.scenario_files import load_scenario

    spec = load_spec(file)
    design = build_design(spec, str(file))
    settings = design.settings
    factors = (
        (len(design.samples), f"{spec.sampler} sample"),
        (len(spec.scenarios), "scenario"),
        (spec.replications, "replication"),
    )
    console.print(
        f"[green]ok[/] {file}: exploration '{spec.name}', {len(design.runs()):,} runs ("
        + " × ".join(f"{n} {what}{'s' if n != 1 else ''}" for n, what in factors)
        + f") of {settings.years:g} policy years after a "
        f"{settings.warmup_years:g}-year warm-up, at {settings.scale} scale"
    )
    console.print("scenarios: " + ", ".join(load_scenario(s).display_name for s in spec.scenarios))
    lookup = parameter_lookup()
    table = Table(title=f"{len(design.uncertainties)} uncertain assumptions")
    for column in ("parameter", "explored", "default", "unit"):
        table.add_column(column, overflow="fold")
    for u in design.uncertainties:
        row = lookup[u.path]
        table.add_row(u.path, f"{u.low:g} – {u.high:g}", f"{row.value:g}", row.unit)
    console.print(table)


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


@app.command()
@user_errors
def dashboard(
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port of the web server.")] = 8765,
    scenario: Annotated[
        str,
        typer.Option("--scenario", help="Scenario at start: a name or your own YAML file (changeable in the page)."),
    ] = "current-practice",
    compare: Annotated[
        str | None, typer.Option("--compare", help="Start side by side with this scenario (a name or a YAML file).")
    ] = None,
    seed: SeedOption = 0,
    years: Annotated[float, typer.Option("--years", min=2.0, max=10.0, help="Policy years after the warm-up.")] = 6.0,
    lang: Annotated[str, typer.Option("--lang", help="Language of the labels at start: nl or en.")] = "nl",
    host: Annotated[str, typer.Option("--host", help="Address to bind (default: this machine only).")] = "127.0.0.1",
    assets_dir: Annotated[
        Path | None,
        typer.Option("--assets-dir", help="Solara asset cache (default $SAMENLOOP_ASSETS_DIR or ~/.cache)."),
    ] = None,
    prepare_assets: Annotated[
        bool, typer.Option("--prepare-assets", help="Only fetch the page assets from the npm registry, then exit.")
    ] = False,
) -> None:
    """Serve the classroom dashboard (Mesa SolaraViz) on http://localhost:PORT/."""
    from simulation.dashboard import assets, launcher

    if prepare_assets:
        cache = assets_dir or assets.default_cache_dir()
        fetched = assets.prepare(cache, quiet=True)
        console.print(f"page assets ready in {cache} ({len(fetched)} fetched, {len(assets.PACKAGES)} needed)")
        return
    launcher.serve(
        port=port,
        host=host,
        scenario=scenario,
        compare=compare,
        seed=seed,
        years=years,
        lang=lang,
        assets_dir=assets_dir,
    )


app.add_typer(course_app, name="course")


def main() -> None:
    """Entry point of the `samenloop` console script."""
    app()


if __name__ == "__main__":
    main()
