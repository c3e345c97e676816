"""Assignment 5: scenario thinking (replications with common random numbers, paired differences, the dip)."""

from content.cells import Answer, Assignment, Code, Md, Mistake, Solution, Tests

CELLS = [
    Md(
        {
            "nl": """
# Opdracht 5 — Scenariodenken

**Tijd:** ongeveer 45 minuten · **Punten:** 14

Het netwerk vraagt om twee scenario's naast elkaar uit te werken: **intensieve samenwerking**
vanuit de praktijk van nu, en **herinrichting** (Veilig Thuis, de Raad en de GI gebundeld in
regionale veiligheidsteams). En het zegt dat een combinatie beide kan verslaan. Een simulatie geeft
geen één getal maar een spreiding: elke seed is een andere, even plausibele wereld.

### Leerdoelen
Na deze opdracht kun je
1. scenario's vergelijken met **herhalingen en gemeenschappelijke toevalsgetallen** (dezelfde seed =
   dezelfde gezinnen en incidenten), via **gepaarde verschillen**;
2. uitkomsten samenvatten met een **mediaan en een bandbreedte**, en zien of een verschil in elke
   herhaling dezelfde kant op wijst;
3. de **overgangsdip** van een herinrichting in de tijd laten zien;
4. een onderbouwd **pleidooi** schrijven voor een gecombineerd scenario.

| deel | onderwerp | punten |
|---|---|---|
| A | Gepaarde verschillen | 4 |
| B | Mediaan en bandbreedte | 3 |
| C | De overgangsdip | 3 |
| D | Pleidooi voor een combinatie (nakijken door de trainer) | 4 |

*Om de runs kort te houden duurt de routekaart van de herinrichting hier ongeveer vier maanden tot
de overgang (in het scenariobestand drie jaar): het gaat om de vorm van de dip, niet om de datum.*
""",
            "en": """
# Assignment 5 — Scenario thinking

**Time:** about 45 minutes · **Points:** 14

The network asks for two scenarios to be worked out side by side: **intensive collaboration** from
today's practice, and **restructuring** (Veilig Thuis, the board and the GI bundled into regional
safety teams). And it says a combination may beat both. A simulation gives not one number but a
spread: every seed is another, equally plausible world.

### Learning goals
After this assignment you can
1. compare scenarios with **replications and common random numbers** (the same seed = the same
   families and incidents), through **paired differences**;
2. summarise results with a **median and a range**, and see whether a difference points the same way
   in every replication;
3. show the **transition dip** of a restructuring over time;
4. write a reasoned **argument** for a combined scenario.

| part | topic | points |
|---|---|---|
| A | Paired differences | 4 |
| B | Median and range | 3 |
| C | The transition dip | 3 |
| D | Argument for a combination (graded by the trainer) | 4 |

*To keep the runs short, the restructuring roadmap here takes about four months to the conversion
(three years in the scenario file): the shape of the dip matters, not its date.*
""",
        }
    ),
    Code(
        {
            "nl": """
# Voorbereiding (alleen-lezen): drie seeds, anderhalf beleidsjaar per run
import numpy as np
import pandas as pd

from simulation import metrics
from simulation.course import course_run

SEEDS = [1, 2, 3]
YEARS = 1.5
FAST_ROADMAP = {"restructuring": {"preparation_years": 0.1, "pilot_years": 0.1, "decision_years": 0.1}}
METRICS = ["handoffs_per_family", "facts_lost_per_family", "unprotected_waits_per_family", "triage_wait_days"]
current = {s: course_run("current-practice", s, years=YEARS) for s in SEEDS}
""",
            "en": """
# Setup (read-only): three seeds, one and a half policy years per run
import numpy as np
import pandas as pd

from simulation import metrics
from simulation.course import course_run

SEEDS = [1, 2, 3]
YEARS = 1.5
FAST_ROADMAP = {"restructuring": {"preparation_years": 0.1, "pilot_years": 0.1, "decision_years": 0.1}}
METRICS = ["handoffs_per_family", "facts_lost_per_family", "unprotected_waits_per_family", "triage_wait_days"]
current = {s: course_run("current-practice", s, years=YEARS) for s in SEEDS}
""",
        },
        grade_id="setup",
    ),
    Code(
        {
            "nl": "# Intensieve samenwerking (alleen-lezen)\n"
            'collaboration = {s: course_run("intensive-collaboration", s, years=YEARS) for s in SEEDS}',
            "en": "# Intensive collaboration (read-only)\n"
            'collaboration = {s: course_run("intensive-collaboration", s, years=YEARS) for s in SEEDS}',
        },
        grade_id="runs_collaboration",
    ),
    Code(
        {
            "nl": "# Herinrichting met een korte routekaart (alleen-lezen)\n"
            'restructuring = {s: course_run("restructuring", s, years=YEARS, overrides=FAST_ROADMAP) for s in SEEDS}',
            "en": "# Restructuring with a short roadmap (read-only)\n"
            'restructuring = {s: course_run("restructuring", s, years=YEARS, overrides=FAST_ROADMAP) for s in SEEDS}',
        },
        grade_id="runs_restructuring",
    ),
    Md(
        {
            "nl": """
Een maat uitrekenen voor één run gaat zo: `metrics.METRICS["handoffs_per_family"](result)`.
`metrics.METRICS[naam].label`, `.unit` en `.better` (`"lower"` of `"higher"`) vertellen wat de maat
betekent.
""",
            "en": """
You compute a measure for one run like this: `metrics.METRICS["handoffs_per_family"](result)`.
`metrics.METRICS[name].label`, `.unit` and `.better` (`"lower"` or `"higher"`) say what it means.
""",
        }
    ),
    Code(
        """
pd.DataFrame(
    {name: [metrics.METRICS[name].label, metrics.METRICS[name].unit, metrics.METRICS[name].better] for name in METRICS},
    index=["label", "unit", "better"],
).T
"""
    ),
    Md(
        {
            "nl": """
## Deel A — Gepaarde verschillen (4 punten)

1. Schrijf `paired_differences(runs_a, runs_b, metric)`. `runs_a` en `runs_b` zijn dicts
   `{seed: result}`. De functie geeft een `pd.Series` met de seeds (oplopend) als index en per seed
   `maat(runs_a[seed]) - maat(runs_b[seed])`, met `maat = metrics.METRICS[metric]`.
   **Foutgeval:** hebben `runs_a` en `runs_b` niet precies dezelfde seeds, dan is een gepaarde
   vergelijking onmogelijk: geef een `ValueError`.
2. Maak `differences`: een DataFrame met de seeds als index en één kolom per maat in `METRICS`, met
   het gepaarde verschil **samenwerking min huidige praktijk**.
""",
            "en": """
## Part A — Paired differences (4 points)

1. Write `paired_differences(runs_a, runs_b, metric)`. `runs_a` and `runs_b` are dicts
   `{seed: result}`. The function returns a `pd.Series` with the seeds (ascending) as index and per
   seed `measure(runs_a[seed]) - measure(runs_b[seed])`, with `measure = metrics.METRICS[metric]`.
   **Error case:** if `runs_a` and `runs_b` do not have exactly the same seeds, a paired comparison
   is impossible: raise a `ValueError`.
2. Make `differences`: a DataFrame with the seeds as index and one column per measure in `METRICS`,
   with the paired difference **collaboration minus current practice**.
""",
        }
    ),
    Solution(
        "paired_differences",
        {
            "nl": '''
def paired_differences(runs_a, runs_b, metric):
    """Per seed: maat(runs_a) - maat(runs_b); alleen als beide dezelfde seeds hebben."""
    ### BEGIN SOLUTION
    if set(runs_a) != set(runs_b):
        raise ValueError(f"niet dezelfde seeds: {sorted(runs_a)} en {sorted(runs_b)}")
    measure = metrics.METRICS[metric]
    seeds = sorted(runs_a)
    return pd.Series([measure(runs_a[s]) - measure(runs_b[s]) for s in seeds], index=seeds)
    ### END SOLUTION


### BEGIN SOLUTION
differences = pd.DataFrame({name: paired_differences(collaboration, current, name) for name in METRICS})
### END SOLUTION
differences
''',
            "en": '''
def paired_differences(runs_a, runs_b, metric):
    """Per seed: measure(runs_a) - measure(runs_b); only if both have the same seeds."""
    ### BEGIN SOLUTION
    if set(runs_a) != set(runs_b):
        raise ValueError(f"not the same seeds: {sorted(runs_a)} and {sorted(runs_b)}")
    measure = metrics.METRICS[metric]
    seeds = sorted(runs_a)
    return pd.Series([measure(runs_a[s]) - measure(runs_b[s]) for s in seeds], index=seeds)
    ### END SOLUTION


### BEGIN SOLUTION
differences = pd.DataFrame({name: paired_differences(collaboration, current, name) for name in METRICS})
### END SOLUTION
differences
''',
        },
    ),
    Tests(
        "test_paired_values",
        2,
        {
            "nl": '''
"""paired_differences(): per seed het verschil tussen twee runs met dezelfde seed."""
_d = paired_differences(restructuring, current, "triage_wait_days")
assert list(_d.index) == SEEDS, f"de index moet de seeds {SEEDS} zijn, niet {list(_d.index)}"
### BEGIN HIDDEN TESTS
for _name in ("professionals_per_family", "repeat_report_share"):
    _m = metrics.METRICS[_name]
    _want = [_m(collaboration[s]) - _m(current[s]) for s in SEEDS]
    _ok = np.allclose(paired_differences(collaboration, current, _name).to_numpy(), _want)
    assert _ok, "verschillen per seed kloppen niet"
_shuffled = {s: current[s] for s in reversed(SEEDS)}
_ok = list(paired_differences(_shuffled, collaboration, "triage_wait_days").index) == SEEDS
assert _ok, "de seeds moeten oplopend staan"
### END HIDDEN TESTS
''',
            "en": '''
"""paired_differences(): per seed the difference between two runs with the same seed."""
_d = paired_differences(restructuring, current, "triage_wait_days")
assert list(_d.index) == SEEDS, f"the index must be the seeds {SEEDS}, not {list(_d.index)}"
### BEGIN HIDDEN TESTS
for _name in ("professionals_per_family", "repeat_report_share"):
    _m = metrics.METRICS[_name]
    _want = [_m(collaboration[s]) - _m(current[s]) for s in SEEDS]
    _ok = np.allclose(paired_differences(collaboration, current, _name).to_numpy(), _want)
    assert _ok, "differences per seed are wrong"
_shuffled = {s: current[s] for s in reversed(SEEDS)}
_ok = list(paired_differences(_shuffled, collaboration, "triage_wait_days").index) == SEEDS
assert _ok, "the seeds must be ascending"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_paired_error",
        1,
        {
            "nl": '''
"""paired_differences() geeft een ValueError als de seeds niet gelijk zijn."""
try:
    paired_differences({1: current[1], 2: current[2]}, {1: collaboration[1], 3: collaboration[3]}, "triage_wait_days")
except ValueError:
    pass
else:
    raise AssertionError("verwacht een ValueError: seeds {1, 2} en {1, 3} kun je niet paren")
''',
            "en": '''
"""paired_differences() raises a ValueError when the seeds differ."""
try:
    paired_differences({1: current[1], 2: current[2]}, {1: collaboration[1], 3: collaboration[3]}, "triage_wait_days")
except ValueError:
    pass
else:
    raise AssertionError("expected a ValueError: seeds {1, 2} and {1, 3} cannot be paired")
''',
        },
    ),
    Tests(
        "test_differences_table",
        1,
        {
            "nl": '''
"""differences: samenwerking min huidige praktijk, per seed en maat."""
assert list(differences.index) == SEEDS and list(differences.columns) == METRICS, "index SEEDS, kolommen METRICS"
### BEGIN HIDDEN TESTS
for _name in METRICS:
    _m = metrics.METRICS[_name]
    _ok = np.allclose(differences[_name].to_numpy(), [_m(collaboration[s]) - _m(current[s]) for s in SEEDS])
    assert _ok, "samenwerking min huidige praktijk"
### END HIDDEN TESTS
''',
            "en": '''
"""differences: collaboration minus current practice, per seed and measure."""
assert list(differences.index) == SEEDS and list(differences.columns) == METRICS, "index SEEDS, columns METRICS"
### BEGIN HIDDEN TESTS
for _name in METRICS:
    _m = metrics.METRICS[_name]
    _ok = np.allclose(differences[_name].to_numpy(), [_m(collaboration[s]) - _m(current[s]) for s in SEEDS])
    assert _ok, "collaboration minus current practice"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel B — Mediaan en bandbreedte (3 punten)

Schrijf `summarise(values)` voor een `pd.Series` met één getal per seed. De functie geeft een dict
met `"median"` (de mediaan), `"low"` en `"high"` (het kleinste en grootste getal: de bandbreedte over
de herhalingen) en `"consistent"`: `True` als **alle** getallen groter dan 0 zijn of **alle** kleiner
dan 0, anders `False`. Maak daarna `summary`: een DataFrame met één rij per maat in `METRICS` en de
kolommen `median`, `low`, `high`, `consistent`, voor de kolommen van `differences`.
""",
            "en": """
## Part B — Median and range (3 points)

Write `summarise(values)` for a `pd.Series` with one number per seed. It returns a dict with
`"median"` (the median), `"low"` and `"high"` (the smallest and largest number: the range over the
replications) and `"consistent"`: `True` if **all** numbers are above 0 or **all** are below 0,
else `False`. Then make `summary`: a DataFrame with one row per measure in `METRICS` and the columns
`median`, `low`, `high`, `consistent`, for the columns of `differences`.
""",
        }
    ),
    Solution(
        "summarise",
        """
def summarise(values):
    ### BEGIN SOLUTION
    return {
        "median": float(values.median()),
        "low": float(values.min()),
        "high": float(values.max()),
        "consistent": bool((values > 0).all() or (values < 0).all()),
    }
    ### END SOLUTION


### BEGIN SOLUTION
summary = pd.DataFrame({name: summarise(differences[name]) for name in METRICS}).T
### END SOLUTION
summary
""",
    ),
    Tests(
        "test_summarise",
        2,
        {
            "nl": '''
"""summarise(): mediaan, bandbreedte en of alle herhalingen dezelfde kant op wijzen."""
_s = summarise(pd.Series([3.0, -1.0, 2.0, 5.0]))
assert np.isclose(_s["median"], 2.5) and _s["low"] == -1.0 and _s["high"] == 5.0, f"kreeg {_s}"
assert _s["consistent"] is False or _s["consistent"] == False, "3, -1, 2, 5 wijzen niet allemaal dezelfde kant op"
### BEGIN HIDDEN TESTS
assert bool(summarise(pd.Series([-0.2, -0.1, -0.3]))["consistent"]) is True, "allemaal negatief is consistent"
assert bool(summarise(pd.Series([0.0, 0.1, 0.2]))["consistent"]) is False, "een verschil van 0 wijst geen kant op"
assert np.isclose(summarise(pd.Series([7.0]))["median"], 7.0), "ook één herhaling"
### END HIDDEN TESTS
''',
            "en": '''
"""summarise(): median, range and whether all replications point the same way."""
_s = summarise(pd.Series([3.0, -1.0, 2.0, 5.0]))
assert np.isclose(_s["median"], 2.5) and _s["low"] == -1.0 and _s["high"] == 5.0, f"got {_s}"
assert _s["consistent"] is False or _s["consistent"] == False, "3, -1, 2, 5 do not all point the same way"
### BEGIN HIDDEN TESTS
assert bool(summarise(pd.Series([-0.2, -0.1, -0.3]))["consistent"]) is True, "all negative is consistent"
assert bool(summarise(pd.Series([0.0, 0.1, 0.2]))["consistent"]) is False, "a difference of 0 points no way"
assert np.isclose(summarise(pd.Series([7.0]))["median"], 7.0), "also for one replication"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_summary_table",
        1,
        {
            "nl": '''
"""summary: één rij per maat met median, low, high, consistent."""
assert list(summary.index) == METRICS, f"één rij per maat: {list(summary.index)}"
assert {"median", "low", "high", "consistent"} <= set(summary.columns), "kolommen median, low, high, consistent"
### BEGIN HIDDEN TESTS
for _name in METRICS:
    _ok = np.isclose(float(summary.loc[_name, "median"]), differences[_name].median())
    assert _ok, "de mediaan per maat klopt niet"
    assert np.isclose(float(summary.loc[_name, "high"]), differences[_name].max()), "high per maat klopt niet"
### END HIDDEN TESTS
''',
            "en": '''
"""summary: one row per measure with median, low, high, consistent."""
assert list(summary.index) == METRICS, f"one row per measure: {list(summary.index)}"
assert {"median", "low", "high", "consistent"} <= set(summary.columns), "columns median, low, high, consistent"
### BEGIN HIDDEN TESTS
for _name in METRICS:
    _ok = np.isclose(float(summary.loc[_name, "median"]), differences[_name].median())
    assert _ok, "the median per measure is wrong"
    assert np.isclose(float(summary.loc[_name, "high"]), differences[_name].max()), "high per measure is wrong"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel C — De overgangsdip (3 punten)

Een herinrichting kost eerst iets: mensen vertrekken, nieuwe collega's moeten inwerken, werkrelaties
moeten opnieuw groeien. `result.daily` heeft per dag onder meer `staff_present` (aanwezige
professionals) en `year` (jaren sinds de start van het beleid; negatief in de inlooptijd).
1. Schrijf `quarterly(result, column)`: het **gemiddelde per kwartaal** van `result.daily[column]`
   over de beleidsperiode, als `pd.Series` met index `0, 1, 2, …` (kwartaal `k` = de dagen met
   `k <= year * 4 < k + 1`).
2. Zet in `dip` per kwartaal de **mediaan over de seeds** van het gepaarde verschil
   `quarterly(restructuring[s], "staff_present") - quarterly(current[s], "staff_present")`.
3. Zet in `worst_quarter` het kwartaal (een `int`) waarin `dip` het laagst is.
""",
            "en": """
## Part C — The transition dip (3 points)

A restructuring first costs something: people leave, new colleagues need to learn the job, working
relationships must grow again. `result.daily` has per day among others `staff_present`
(professionals present) and `year` (years since the policy start; negative in the warm-up).
1. Write `quarterly(result, column)`: the **mean per quarter** of `result.daily[column]` over the
   policy period, as a `pd.Series` with index `0, 1, 2, …` (quarter `k` = the days with
   `k <= year * 4 < k + 1`).
2. Put in `dip`, per quarter, the **median over the seeds** of the paired difference
   `quarterly(restructuring[s], "staff_present") - quarterly(current[s], "staff_present")`.
3. Put in `worst_quarter` the quarter (an `int`) in which `dip` is lowest.
""",
        }
    ),
    Solution(
        "quarterly",
        """
def quarterly(result, column):
    ### BEGIN SOLUTION
    daily = result.daily[result.daily.year >= 0]
    quarter = np.floor(daily.year * 4).astype(int)
    return daily[column].groupby(quarter).mean()
    ### END SOLUTION


### BEGIN SOLUTION
per_seed = pd.DataFrame(
    {s: quarterly(restructuring[s], "staff_present") - quarterly(current[s], "staff_present") for s in SEEDS}
)
dip = per_seed.median(axis=1)
worst_quarter = int(dip.idxmin())
### END SOLUTION
ax = dip.plot(marker="o", title="Restructuring minus current practice: professionals present (median of seeds)")
ax.axhline(0, color="grey", linewidth=0.8)
ax.set_xlabel("quarter since the policy start")
ax.set_ylabel("professionals present (difference)");
""",
    ),
    Tests(
        "test_quarterly",
        1,
        {
            "nl": '''
"""quarterly(): gemiddelde per kwartaal van de beleidsperiode."""
_q = quarterly(current[1], "staff_present")
assert list(_q.index) == list(range(6)), f"anderhalf jaar = kwartalen 0 tot en met 5, niet {list(_q.index)}"
### BEGIN HIDDEN TESTS
_d = current[2].daily[current[2].daily.year >= 0]
_want = _d.groupby(np.floor(_d.year * 4).astype(int))["vacancies"].mean()
_ok = np.allclose(quarterly(current[2], "vacancies").to_numpy(), _want.to_numpy())
assert _ok, "de kwartaalgemiddelden kloppen niet"
### END HIDDEN TESTS
''',
            "en": '''
"""quarterly(): mean per quarter of the policy period."""
_q = quarterly(current[1], "staff_present")
assert list(_q.index) == list(range(6)), f"one and a half years = quarters 0 to 5, not {list(_q.index)}"
### BEGIN HIDDEN TESTS
_d = current[2].daily[current[2].daily.year >= 0]
_want = _d.groupby(np.floor(_d.year * 4).astype(int))["vacancies"].mean()
assert np.allclose(quarterly(current[2], "vacancies").to_numpy(), _want.to_numpy()), "the quarterly means are wrong"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_dip",
        2,
        {
            "nl": '''
"""dip en worst_quarter: de overgangsdip van de herinrichting."""
assert len(dip) == 6 and dip.min() < 0, f"verwacht een dip (minder professionals aanwezig): {dip.round(1).tolist()}"
assert isinstance(worst_quarter, int), "worst_quarter moet een geheel getal zijn"
### BEGIN HIDDEN TESTS
def _q(_r):
    _d = _r.daily[_r.daily.year >= 0]
    return _d.groupby(np.floor(_d.year * 4).astype(int))["staff_present"].mean()
_want = pd.DataFrame({s: _q(restructuring[s]) - _q(current[s]) for s in SEEDS}).median(axis=1)
_ok = np.allclose(dip.to_numpy(), _want.to_numpy())
assert _ok, "dip moet de mediaan over de seeds van de gepaarde verschillen zijn"
assert worst_quarter == int(_want.idxmin()), "worst_quarter is niet het laagste kwartaal"
### END HIDDEN TESTS
''',
            "en": '''
"""dip and worst_quarter: the transition dip of the restructuring."""
assert len(dip) == 6 and dip.min() < 0, f"expected a dip (fewer professionals present): {dip.round(1).tolist()}"
assert isinstance(worst_quarter, int), "worst_quarter must be a whole number"
### BEGIN HIDDEN TESTS
def _q(_r):
    _d = _r.daily[_r.daily.year >= 0]
    return _d.groupby(np.floor(_d.year * 4).astype(int))["staff_present"].mean()
_want = pd.DataFrame({s: _q(restructuring[s]) - _q(current[s]) for s in SEEDS}).median(axis=1)
assert np.allclose(dip.to_numpy(), _want.to_numpy()), "dip must be the median over the seeds of the paired differences"
assert worst_quarter == int(_want.idxmin()), "worst_quarter is not the lowest quarter"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel D — Pleidooi voor een combinatie (4 punten, nakijken door de trainer)

Het netwerk schrijft dat een combinatie beide scenario's kan verslaan. Schrijf een pleidooi van
8 tot 12 zinnen voor een **gecombineerd scenario**: wat begin je nu, wat later, en waarom in die
volgorde? Gebruik **minstens twee getallen** uit `summary` of `dip` (met hun bandbreedte), noem een
**risico** van jouw combinatie, en zeg wat het model **niet** kan zeggen. Je mag extra runs doen,
bijvoorbeeld `course_run("combined", s, years=YEARS)` — klein houden.

*Het nakijkmodel:* 1 punt gebruik van getallen met bandbreedte, 1 punt volgorde en timing
onderbouwd (de dip), 1 punt een reëel risico of voorwaarde, 1 punt eerlijk over wat het model niet
zegt.
""",
            "en": """
## Part D — Argument for a combination (4 points, graded by the trainer)

The network writes that a combination may beat both scenarios. Write an argument of 8 to 12
sentences for a **combined scenario**: what do you start now, what later, and why in that order?
Use **at least two numbers** from `summary` or `dip` (with their range), name a **risk** of your
combination, and say what the model **cannot** tell. You may do extra runs, e.g.
`course_run("combined", s, years=YEARS)` — keep them small.

*Marking scheme:* 1 point numbers used with their range, 1 point order and timing argued (the dip),
1 point a real risk or precondition, 1 point honest about what the model does not say.
""",
        }
    ),
    Answer(
        "argument_combined",
        4,
        {
            "nl": """
*Modelantwoord (voor de trainer).* Begin nu met de samenwerkingsmechanismen: over drie herhalingen
geven ze minder verloren informatie en minder wachten zonder dat iemand de veiligheid bewaakt, en
die verschillen wijzen in elke herhaling dezelfde kant op (zie de mediaan en bandbreedte in
`summary`). Het aantal overdrachten daalt niet vanzelf: nieuwe tafels betekenen ook nieuwe
overdrachten; en samenwerken kost uren (de wachttijd voor de beoordeling loopt iets op). Een
herinrichting kost eerst capaciteit: in de mediaan van de seeds zijn rond de
overgang duidelijk minder professionals aanwezig (`dip`, het laagste kwartaal kort na de
overgang), en wachttijden voor de veiligheidsbeoordeling lopen op. Bundel daarom pas later, als
de samenwerking staat en werkrelaties met politie, OM en reclassering stevig zijn, en dan regio
voor regio zodat niet het hele land tegelijk in de dip zit. Risico: twee veranderingen tegelijk
vragen veel van dezelfde mensen; uitstroom kan de dip verdiepen. Voorwaarde: een wettelijke basis
voor informatiedeling en voldoende specialistische hulp. Het model zegt niet wat er in een echte
regio gebeurt: de effecten zijn aannames met een bandbreedte, drie seeds zijn weinig, en de
routekaart is hier ingekort.
""",
            "en": """
*Model answer (for the trainer).* Start now with the collaboration mechanisms: over three
replications they give less lost information and fewer waits with nobody watching the family's
safety, and these differences point the same way in every replication (see the median and range
in `summary`). The number of handoffs does not simply fall: new tables also mean new handoffs; and
collaboration costs hours (the wait for the assessment rises a little). A restructuring first
costs capacity: in the median of the seeds clearly fewer
professionals are present around the conversion (`dip`, the lowest quarter shortly after it), and
waits for the safety assessment rise. So bundle later, once collaboration is in place and working
relations with police, OM and probation are strong, and then region by region so the whole
country is not in the dip at once. Risk: two changes at once ask a lot of the same people; outflow
can deepen the dip. Precondition: a legal basis for information sharing and enough specialist
help. The model does not say what happens in a real region: the effects are assumptions with a
range, three seeds are few, and the roadmap is shortened here.
""",
        },
    ),
    Md(
        {
            "nl": """
### Om over na te praten
* Waarom is het gepaarde verschil (zelfde seed) nauwkeuriger dan het verschil tussen twee runs met
  verschillende seeds? Probeer het: `metrics.METRICS["triage_wait_days"](collaboration[1]) -
  metrics.METRICS["triage_wait_days"](current[2])`.
* Welke maat zou een gezin zelf het belangrijkst vinden? En een professional? En een bestuurder?
* Wat verandert er als de overgang twee keer zo lang duurt (`transition_years`)?

*Wat het model wel en niet zegt:* drie herhalingen laten zien hoe groot het toeval is, niet hoe
onzeker de aannames zelf zijn; daarvoor is een verkenning over de parameterbandbreedtes nodig (de
vergelijking voor planners).
""",
            "en": """
### To discuss
* Why is the paired difference (same seed) more precise than the difference between two runs with
  different seeds? Try it: `metrics.METRICS["triage_wait_days"](collaboration[1]) -
  metrics.METRICS["triage_wait_days"](current[2])`.
* Which measure would a family itself find most important? And a professional? And a director?
* What changes if the transition takes twice as long (`transition_years`)?

*What the model does and does not claim:* three replications show how large chance is, not how
uncertain the assumptions themselves are; that needs an exploration over the parameter ranges (the
planners' comparison).
""",
        }
    ),
]

ASSIGNMENT = Assignment(
    number="05",
    slug={"nl": "scenarios", "en": "scenarios"},
    title={"nl": "Scenariodenken", "en": "Scenario thinking"},
    minutes=45,
    cells=CELLS,
    mistake=Mistake(
        "summarise",
        """
def summarise(values):
    return {
        "median": float(values.mean()),  # the mean is not the median
        "low": float(values.min()),
        "high": float(values.max()),
        "consistent": bool((values > 0).all() or (values < 0).all()),
    }


summary = pd.DataFrame({name: summarise(differences[name]) for name in METRICS}).T
""",
        fails=frozenset({"test_summarise", "test_summary_table"}),
    ),
)
