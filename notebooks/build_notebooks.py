"""Build the planner notebooks (committed without outputs): python notebooks/build_notebooks.py."""

import nbformat as nbf


def nb(cells):
    notebook = nbf.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [nbf.v4.new_markdown_cell(c[1]) if c[0] == "md" else nbf.v4.new_code_cell(c[1]) for c in cells]
    return notebook


compare = nb(
    [
        (
            "md",
            """# Comparing scenarios with honest uncertainty

This notebook is for planners. It compares **current practice**, **intensive collaboration** and
**restructuring** (regional safety teams) on the same synthetic families, with several replications.
Every scenario gets the same list of seeds (*common random numbers*): for one seed the families and
their incidents are the same in every scenario until a policy changes a family's path, so the
difference between scenarios is the policy, not chance.

The runs here are small (one region, two years, four replications) so the notebook runs in about a
minute. For real comparisons use `samenloop compare ... --replications 20 --years 5 --jobs 2`
(see `docs/experiments.md`); the report it writes contains everything shown here and more.""",
        ),
        (
            "code",
            """import tempfile
from pathlib import Path

from simulation.compare import run_comparison
from simulation.experiments.design import RunSettings

out = Path(tempfile.mkdtemp()) / "comparison"
comparison = run_comparison(
    ["current-practice", "intensive-collaboration", "restructuring"],
    replications=4,
    settings=RunSettings(scale="region", years=2.0, warmup_years=0.5),
    out=out,
    jobs=2,
    quiet=True,
)
comparison.runs[["scenario", "seed", "professionals_per_family", "repeat_violence_18m"]].head()""",
        ),
        (
            "md",
            """## Medians and intervals over the policy period

`summary()` gives, per metric and scenario, the median and the 80% (`p10`-`p90`) and 95%
(`p2_5`-`p97_5`) intervals over replications.""",
        ),
        (
            "code",
            """summary = comparison.summary()
shown = ["professionals_per_family", "handoffs_per_family", "triage_wait_days", "cost_eur_per_year"]
summary[summary["metric"].isin(shown)]""",
        ),
        (
            "md",
            """## Paired differences

`differences()` compares each scenario with the baseline (the first one) *seed by seed*.
`better_share` is the share of replications in which the scenario did better. An interval that
includes zero means the difference is not larger than the noise of these runs.""",
        ),
        (
            "code",
            """diffs = comparison.differences()
diffs[diffs["metric"].isin(["professionals_per_family", "handoffs_per_family", "triage_wait_days"])][
    ["metric", "scenario", "median", "p10", "p90", "better_share"]
]""",
        ),
        (
            "md",
            """## The assessment table in plain language

Each row reads the paired difference: "clearly better/worse" only when the 80% interval lies on one
side of zero. Group verdicts never name a winner the intervals do not support.""",
        ),
        (
            "code",
            """from simulation.appraisal import assessment_table, group_verdicts
from simulation.scenario_files import load_scenario

labels = {s: load_scenario(s).display_name for s in comparison.scenarios}
rows = assessment_table(comparison, labels)
for sentence in group_verdicts(rows, comparison, labels):
    print(sentence)""",
        ),
        (
            "md",
            """## The path over time

Monthly series with bands show transition dips and catch-up. The restructuring roadmap starts after
the warm-up: in two years it has not converted this region yet, so any difference here comes from
the announcement (extra outflow, slower hiring).""",
        ),
        (
            "code",
            """from simulation import plots

bands = comparison.monthly_bands()
plots.time_series(bands, ["professionals_per_family", "triage_wait_days", "staff", "attrition"], labels)""",
        ),
        (
            "code",
            """from simulation.compare import describe_crossing

crossing = comparison.crossing("triage_wait_days", "intensive-collaboration", "restructuring")
print(describe_crossing(crossing, labels))""",
        ),
        (
            "md",
            """## The full report

The same HTML report that `samenloop compare` writes, with every assumption and its source:""",
        ),
        (
            "code",
            """from simulation.report import write_comparison_report

report = write_comparison_report(comparison, out)
print(report, f"{report.stat().st_size / 1e6:.1f} MB")""",
        ),
    ]
)

explore = nb(
    [
        (
            "md",
            """# Which assumptions decide the answer?

Planners disagree less about the model than about its assumptions: how deep is the productivity dip
of a merger, how large is the gain after it, how much do joint responses really save? This notebook
explores such *deep uncertainty* with the EMA Workbench (TU Delft): it samples the assumptions
labelled `assumption` in the parameter registry over their plausible ranges, runs both scenarios for
every sample with the same seeds, and asks which combinations of assumptions make restructuring beat
intensive collaboration (scenario discovery with PRIM), which assumptions matter most (feature
scoring), and where the break-even lies.

The example spec is `scenarios/explore/which-assumptions-decide.yaml`. Here we run a shrunken version
(few samples, short horizon) so that the notebook finishes in a couple of minutes; the command line
runs the full spec: `samenloop explore scenarios/explore/which-assumptions-decide.yaml --jobs 2`.""",
        ),
        (
            "code",
            """import tempfile
from pathlib import Path

from simulation.exploration import build_design, load_spec, run_exploration

spec = load_spec(Path("..") / "scenarios" / "explore" / "which-assumptions-decide.yaml")
small = spec.model_copy(update={"samples": 8, "replications": 1, "years": 2.0, "warmup_years": 0.5})
design = build_design(small)
print(f"{len(design.uncertainties)} uncertain assumptions, {len(design.runs())} runs")
[u.path for u in design.uncertainties][:12]""",
        ),
        (
            "code",
            """out = Path(tempfile.mkdtemp()) / "exploration"
exploration = run_exploration(small, out, jobs=2, quiet=True)
exploration.x.iloc[:3, :5]""",
        ),
        (
            "md",
            """## Which assumptions matter? (feature scores)

Extra-trees feature scores: how much each assumption helps predict an outcome across the samples.
With so few samples the scores are rough; the full spec has 48 samples and two replications.""",
        ),
        (
            "code",
            """scores = exploration.feature_scores
scores.max(axis=1).sort_values(ascending=False).head(10)""",
        ),
        (
            "md",
            """## When does restructuring beat collaboration? (PRIM)

For each question PRIM looks for a box in the space of assumptions where the answer is mostly
"yes": *coverage* is the share of all "yes" cases inside the box, *density* the share of "yes"
inside it.""",
        ),
        (
            "code",
            """for d in exploration.discoveries:
    print(d["question"].name, f"yes in {100 * d['share_true']:.0f}% of samples")
    if d.get("box") is not None:
        print(f"  box: coverage {d['coverage']:.2f}, density {d['density']:.2f}")
        for limit in d["limits"]:
            print(f"  {limit['parameter']}: {limit['low']:.3g} to {limit['high']:.3g}")
    else:
        print(" ", d["note"])""",
        ),
        (
            "md",
            """## Break-even

How large must the post-merger efficiency gain be for restructuring to cost no more than
collaboration? The line is a linear fit of the paired advantage per sample; the interval comes from
resampling the samples.""",
        ),
        (
            "code",
            """for b in exploration.break_evens:
    item = b["item"]
    print(item.parameter, "break-even at", round(b["break_even"], 3), "inside the range:", b["inside_range"])""",
        ),
        (
            "code",
            """from simulation.exploration.report import write_exploration_report

report = write_exploration_report(exploration, out)
print(report)""",
        ),
    ]
)

nbf.write(compare, "notebooks/01-compare-scenarios.ipynb")
nbf.write(explore, "notebooks/02-explore-uncertainty.ipynb")
