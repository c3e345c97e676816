"""Assignment 4: risk under limited capacity (a prioritisation rule for the actieoverleg)."""

from content.cells import Answer, Assignment, Code, Md, Mistake, Solution, Tests

CELLS = [
    Md(
        {
            "nl": """
# Opdracht 4 — Risico bij beperkte capaciteit (actieoverleg)

**Tijd:** ongeveer 45 minuten · **Punten:** 12

Aan de wekelijkse tafel van het **actieoverleg** bespreken politie, OM, Veilig Thuis, de Raad en de
reclassering gezinnen met een hoog risico en spreken ze één samenhangend pakket af (bestuurlijk,
strafrechtelijk, civiel). De tafel heeft maar een paar plekken per week; wie na twee weken niet
besproken is, valt van de lijst. **Wie gaat voor?** In het model bepaalt een *prioriteringsregel*
de volgorde. Jij schrijft die regel; het model gebruikt hem.

### Leerdoelen
Na deze opdracht kun je
1. een prioriteringsregel opschrijven die **acute gezinnen voorrang** geeft en **eerlijk is bij
   gelijke gevallen**;
2. je regel in het model laten werken en vergelijken met **wie het eerst komt, het eerst maalt**;
3. beargumenteren wie er bij jouw regel **buiten de boot valt**, en wat verloren informatie
   betekent voor een regel die op risico sorteert.

| deel | onderwerp | punten |
|---|---|---|
| A | Jouw prioriteringsregel | 5 |
| B | De regel in het model | 4 |
| C | Wie valt buiten de boot? (nakijken door de trainer) | 3 |
""",
            "en": """
# Assignment 4 — Risk under limited capacity (actieoverleg)

**Time:** about 45 minutes · **Points:** 12

At the weekly **actieoverleg** (action meeting) police, OM, Veilig Thuis, the child protection
board and probation discuss high-risk families and agree one combined set of measures
(administrative, criminal, civil). The table has only a few slots a week; a family not discussed
within two weeks leaves the list. **Who goes first?** In the model a *prioritisation rule* sets the
order. You write the rule; the model uses it.

### Learning goals
After this assignment you can
1. write a prioritisation rule that puts **acute families first** and is **fair between equal
   cases**;
2. let the model use your rule and compare it with **first come, first served**;
3. argue who **loses out** under your rule, and what lost information means for a rule that ranks
   by risk.

| part | topic | points |
|---|---|---|
| A | Your prioritisation rule | 5 |
| B | The rule in the model | 4 |
| C | Who loses out? (graded by the trainer) | 3 |
""",
        }
    ),
    Code(
        {
            "nl": """
# Voorbereiding (alleen-lezen)
import numpy as np
import pandas as pd

from simulation.course import course_run, example_candidates
from simulation.enums import EventKind, Reason
from simulation.prioritisation import first_come_first_served

candidates = example_candidates()   # een kleine wachtlijst, zoals het model hem elke week aan de regel geeft
candidates
""",
            "en": """
# Setup (read-only)
import numpy as np
import pandas as pd

from simulation.course import course_run, example_candidates
from simulation.enums import EventKind, Reason
from simulation.prioritisation import first_come_first_served

candidates = example_candidates()   # a small waiting list, as the model gives it to the rule every week
candidates
""",
        },
        grade_id="setup",
    ),
    Md(
        {
            "nl": """
### De wachtlijst
Eén rij per voorgedragen gezin: `family` (nummer), `proposed_day` en `waiting_days` (wanneer
voorgedragen, hoe lang het al wacht), `acute` (kwam binnen via een acute melding),
`risk_score` (de inschatting van de keten: incidenten per jaar — minder betrouwbaar als
informatie verloren ging), `children`, `serious_incidents` (ernstige incidenten tot nu toe), `reports` (meldingen tot
nu toe), `care_avoiding` (zorgmijdend) en `region`. Elke week neemt de tafel de **eerste rijen**
van de tabel die jouw regel teruggeeft, zoveel als er plekken zijn.
""",
            "en": """
### The waiting list
One row per proposed family: `family` (number), `proposed_day` and `waiting_days` (when proposed,
how long it has waited), `acute` (came in through an acute report), `risk_score` (the chain's
estimate: incidents per year — noisier when information was lost), `children`,
`serious_incidents` (serious incidents so far), `reports` (reports so far), `care_avoiding` and
`region`. Every week the table takes the **first rows** of the table your rule returns, as many as
there are slots.
""",
        }
    ),
    Md(
        {
            "nl": """
## Deel A — Jouw prioriteringsregel (5 punten)

Schrijf `my_rule(candidates)`. De regel
1. zet **alle acute gezinnen vóór alle niet-acute** gezinnen;
2. ordent binnen die twee groepen op een **risicomaat naar keuze** uit de kolommen (bijvoorbeeld
   eerst `serious_incidents`, dan `risk_score`), hoogste eerst — maar **niet** op `family`: dat
   nummer zegt niets over het gezin;
3. is **stabiel bij gelijke gevallen**: gezinnen die jouw regel niet uit elkaar kan houden, houden
   de volgorde waarin ze binnenkwamen (gebruik `sort_values(..., kind="stable")`);
4. geeft **dezelfde tabel terug, alleen in een andere volgorde** — geen rijen of kolommen erbij,
   eraf of veranderd (het model controleert dat);
5. werkt ook voor een **lege** wachtlijst.

**Foutgeval:** ontbreekt de kolom `acute`, geef dan een `ValueError` die de kolom noemt.
""",
            "en": """
## Part A — Your prioritisation rule (5 points)

Write `my_rule(candidates)`. The rule
1. puts **all acute families before all non-acute** families;
2. orders within these two groups by a **risk measure of your choice** from the columns (for
   example first `serious_incidents`, then `risk_score`), highest first — but **not** by `family`:
   that number says nothing about the family;
3. is **stable under ties**: families your rule cannot tell apart keep the order in which they
   came (use `sort_values(..., kind="stable")`);
4. returns **the same table, only in another order** — no rows or columns added, dropped or changed
   (the model checks this);
5. also works for an **empty** waiting list.

**Error case:** if the column `acute` is missing, raise a `ValueError` that names the column.
""",
        }
    ),
    Solution(
        "my_rule",
        {
            "nl": '''
def my_rule(candidates):
    """Jouw volgorde voor de wachtlijst van het actieoverleg (zie de eisen hierboven)."""
    ### BEGIN SOLUTION
    if "acute" not in candidates.columns:
        raise ValueError("de wachtlijst heeft geen kolom 'acute'")
    return candidates.sort_values(
        ["acute", "serious_incidents", "risk_score"], ascending=[False, False, False], kind="stable"
    )
    ### END SOLUTION
''',
            "en": '''
def my_rule(candidates):
    """Your order for the action meeting's waiting list (see the requirements above)."""
    ### BEGIN SOLUTION
    if "acute" not in candidates.columns:
        raise ValueError("the waiting list has no column 'acute'")
    return candidates.sort_values(
        ["acute", "serious_incidents", "risk_score"], ascending=[False, False, False], kind="stable"
    )
    ### END SOLUTION
''',
        },
    ),
    Code("my_rule(candidates)"),
    Tests(
        "test_rule_reorders",
        1,
        {
            "nl": '''
"""my_rule() geeft dezelfde tabel terug, alleen in een andere volgorde."""
_out = my_rule(candidates.copy())
assert isinstance(_out, pd.DataFrame), "de regel moet een DataFrame teruggeven"
assert list(_out.columns) == list(candidates.columns), "de kolommen moeten hetzelfde blijven"
assert _out.sort_index().equals(candidates), "de regel mag alleen de volgorde veranderen"
### BEGIN HIDDEN TESTS
_rng = np.random.default_rng(41)
_big = pd.concat([candidates] * 5, ignore_index=True).assign(family=np.arange(40), risk_score=_rng.gamma(2.0, 6.0, 40))
_same = my_rule(_big.copy()).sort_index().equals(_big)
assert _same, "de regel mag alleen de volgorde veranderen (ook bij een andere wachtlijst)"
### END HIDDEN TESTS
''',
            "en": '''
"""my_rule() returns the same table, only in another order."""
_out = my_rule(candidates.copy())
assert isinstance(_out, pd.DataFrame), "the rule must return a DataFrame"
assert list(_out.columns) == list(candidates.columns), "the columns must stay the same"
assert _out.sort_index().equals(candidates), "the rule may only change the order"
### BEGIN HIDDEN TESTS
_rng = np.random.default_rng(41)
_big = pd.concat([candidates] * 5, ignore_index=True).assign(family=np.arange(40), risk_score=_rng.gamma(2.0, 6.0, 40))
assert my_rule(_big.copy()).sort_index().equals(_big), "the rule may only change the order (also for another list)"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_rule_acute_first",
        2,
        {
            "nl": '''
"""my_rule(): alle acute gezinnen vóór alle niet-acute."""
_acute = my_rule(candidates.copy())["acute"].tolist()
assert _acute == sorted(_acute, reverse=True), f"acute gezinnen moeten vooraan staan: {_acute}"
### BEGIN HIDDEN TESTS
_rng = np.random.default_rng(7)
for _n in (3, 17, 60):
    _t = pd.DataFrame({
        "family": _rng.permutation(1000)[:_n], "proposed_day": np.sort(_rng.uniform(0, 30, _n)),
        "waiting_days": _rng.uniform(0, 14, _n), "acute": _rng.random(_n) < 0.3,
        "risk_score": _rng.gamma(2.0, 8.0, _n), "children": _rng.integers(0, 4, _n),
        "serious_incidents": _rng.integers(0, 5, _n), "reports": _rng.integers(1, 9, _n),
        "care_avoiding": _rng.random(_n) < 0.2, "region": np.zeros(_n, dtype=int),
    })
    _a = my_rule(_t.copy())["acute"].tolist()
    assert _a == sorted(_a, reverse=True), "acute gezinnen moeten vooraan staan, ook bij andere wachtlijsten"
### END HIDDEN TESTS
''',
            "en": '''
"""my_rule(): all acute families before all non-acute ones."""
_acute = my_rule(candidates.copy())["acute"].tolist()
assert _acute == sorted(_acute, reverse=True), f"acute families must come first: {_acute}"
### BEGIN HIDDEN TESTS
_rng = np.random.default_rng(7)
for _n in (3, 17, 60):
    _t = pd.DataFrame({
        "family": _rng.permutation(1000)[:_n], "proposed_day": np.sort(_rng.uniform(0, 30, _n)),
        "waiting_days": _rng.uniform(0, 14, _n), "acute": _rng.random(_n) < 0.3,
        "risk_score": _rng.gamma(2.0, 8.0, _n), "children": _rng.integers(0, 4, _n),
        "serious_incidents": _rng.integers(0, 5, _n), "reports": _rng.integers(1, 9, _n),
        "care_avoiding": _rng.random(_n) < 0.2, "region": np.zeros(_n, dtype=int),
    })
    _a = my_rule(_t.copy())["acute"].tolist()
    assert _a == sorted(_a, reverse=True), "acute families must come first, also for other waiting lists"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_rule_stable_ties",
        1,
        {
            "nl": '''
"""my_rule(): gelijke gevallen houden hun volgorde."""
_twins = candidates.iloc[[0, 0, 0]].assign(family=[301, 302, 303]).reset_index(drop=True)
assert my_rule(_twins.copy())["family"].tolist() == [301, 302, 303], "gelijke gevallen moeten op volgorde blijven"
### BEGIN HIDDEN TESTS
_many = pd.concat([candidates.iloc[[1]]] * 150 + [candidates.iloc[[0]]] * 150, ignore_index=True)
_many = _many.assign(family=np.random.default_rng(3).permutation(300) + 1000)
_order = my_rule(_many.copy())
for _key, _group in _order.groupby("acute", sort=False):
    _kept = list(_group.index) == sorted(_group.index)
    assert _kept, "gelijke gevallen moeten op volgorde blijven (ook bij lange lijsten)"
### END HIDDEN TESTS
''',
            "en": '''
"""my_rule(): ties keep their order."""
_twins = candidates.iloc[[0, 0, 0]].assign(family=[301, 302, 303]).reset_index(drop=True)
assert my_rule(_twins.copy())["family"].tolist() == [301, 302, 303], "equal cases must keep their order"
### BEGIN HIDDEN TESTS
_many = pd.concat([candidates.iloc[[1]]] * 150 + [candidates.iloc[[0]]] * 150, ignore_index=True)
_many = _many.assign(family=np.random.default_rng(3).permutation(300) + 1000)
_order = my_rule(_many.copy())
for _key, _group in _order.groupby("acute", sort=False):
    assert list(_group.index) == sorted(_group.index), "equal cases must keep their order (also in long lists)"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_rule_empty_and_error",
        1,
        {
            "nl": '''
"""my_rule(): lege wachtlijst, en een ValueError als de kolom acute ontbreekt."""
assert len(my_rule(candidates.iloc[:0].copy())) == 0, "een lege wachtlijst blijft leeg"
try:
    my_rule(candidates.drop(columns=["acute"]))
except ValueError as error:
    assert "acute" in str(error), "de foutmelding moet de kolom 'acute' noemen"
else:
    raise AssertionError("verwacht een ValueError als de kolom 'acute' ontbreekt")
''',
            "en": '''
"""my_rule(): an empty waiting list, and a ValueError when the column acute is missing."""
assert len(my_rule(candidates.iloc[:0].copy())) == 0, "an empty waiting list stays empty"
try:
    my_rule(candidates.drop(columns=["acute"]))
except ValueError as error:
    assert "acute" in str(error), "the error message must name the column 'acute'"
else:
    raise AssertionError("expected a ValueError when the column 'acute' is missing")
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel B — De regel in het model (4 punten)

Hieronder draait het model een half beleidsjaar met het actieoverleg volledig ingevoerd, voor twee
seeds: één keer met **wie het eerst komt, het eerst maalt** (`fcfs`) en één keer met **jouw regel**
(`mine`). Zelfde seed = dezelfde gezinnen en incidenten.
""",
            "en": """
## Part B — The rule in the model (4 points)

Below the model runs half a policy year with the action meeting fully in place, for two seeds:
once with **first come, first served** (`fcfs`) and once with **your rule** (`mine`). Same seed =
the same families and incidents.
""",
        }
    ),
    Code(
        """
SEEDS = [1, 2]
ACTION = {"mechanisms": {"actieoverleg": {"enabled": True, "ramp_years": 0.0, "coverage": 1.0}}}
HALF_YEAR = {"years": 0.5, "overrides": ACTION}
fcfs = {s: course_run("current-practice", s, prioritisation=first_come_first_served, **HALF_YEAR) for s in SEEDS}
mine = {s: course_run("current-practice", s, prioritisation=my_rule, **HALF_YEAR) for s in SEEDS}
""",
        grade_id="runs",
    ),
    Md(
        {
            "nl": """
1. Schrijf `discussed(result)`: de **gesorteerde lijst gezinsnummers** (gewone `int`s, elk gezin één
   keer) die in de beleidsperiode (`time >= result.start_day`) aan het actieoverleg zijn besproken
   (`event == EventKind.MEETING` en `reason == Reason.ACTION_MEETING`).
2. Maak `comparison`: een DataFrame met de seeds als index en de kolommen `"fcfs"` en `"mine"`, met
   per run het **gemiddelde `incidents_per_year`** (uit `result.families`) van de besproken gezinnen.
""",
            "en": """
1. Write `discussed(result)`: the **sorted list of family numbers** (plain `int`s, each family once)
   discussed at the action meeting in the policy period (`time >= result.start_day`)
   (`event == EventKind.MEETING` and `reason == Reason.ACTION_MEETING`).
2. Make `comparison`: a DataFrame with the seeds as index and the columns `"fcfs"` and `"mine"`,
   with per run the **mean `incidents_per_year`** (from `result.families`) of the families discussed.
""",
        }
    ),
    Solution(
        "discussed",
        """
def discussed(result):
    ### BEGIN SOLUTION
    rec = result.records
    met = rec[(rec.event == EventKind.MEETING) & (rec.reason == Reason.ACTION_MEETING) & (rec.time >= result.start_day)]
    return sorted(int(f) for f in met.family.unique())
    ### END SOLUTION


def mean_risk(result):
    ### BEGIN SOLUTION
    families = result.families.set_index("family")
    return float(families.loc[discussed(result), "incidents_per_year"].mean())
    ### END SOLUTION


### BEGIN SOLUTION
comparison = pd.DataFrame(
    {"fcfs": [mean_risk(fcfs[s]) for s in SEEDS], "mine": [mean_risk(mine[s]) for s in SEEDS]}, index=SEEDS
)
### END SOLUTION
comparison
""",
    ),
    Tests(
        "test_discussed",
        1,
        {
            "nl": '''
"""discussed(): de besproken gezinnen, gesorteerd en elk één keer."""
_d = discussed(fcfs[1])
assert len(_d) > 10 and _d == sorted(set(_d)), f"verwacht een gesorteerde lijst zonder dubbelen ({len(_d)} gezinnen)"
### BEGIN HIDDEN TESTS
for _r in (fcfs[2], mine[1]):
    _rec = _r.records[_r.records.time >= _r.start_day]
    _m = _rec[(_rec.event == EventKind.MEETING) & (_rec.reason == Reason.ACTION_MEETING)]
    _ok = discussed(_r) == sorted(int(f) for f in _m.family.unique())
    assert _ok, "discussed() klopt niet (alleen het actieoverleg, alleen de beleidsperiode)"
### END HIDDEN TESTS
''',
            "en": '''
"""discussed(): the families discussed, sorted and each once."""
_d = discussed(fcfs[1])
assert len(_d) > 10 and _d == sorted(set(_d)), f"expected a sorted list without duplicates, got {len(_d)} families"
### BEGIN HIDDEN TESTS
for _r in (fcfs[2], mine[1]):
    _rec = _r.records[_r.records.time >= _r.start_day]
    _m = _rec[(_rec.event == EventKind.MEETING) & (_rec.reason == Reason.ACTION_MEETING)]
    _ok = discussed(_r) == sorted(int(f) for f in _m.family.unique())
    assert _ok, "discussed() is wrong (action meeting only, policy period only)"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_comparison",
        1,
        {
            "nl": '''
"""comparison: gemiddeld risico van de besproken gezinnen, per seed en regel."""
_shape = list(comparison.index) == SEEDS and list(comparison.columns) == ["fcfs", "mine"]
assert _shape, "index SEEDS, kolommen fcfs en mine"
### BEGIN HIDDEN TESTS
for _s in SEEDS:
    for _col, _runs in (("fcfs", fcfs), ("mine", mine)):
        _r = _runs[_s]
        _rec = _r.records[_r.records.time >= _r.start_day]
        _fams = _rec[(_rec.event == EventKind.MEETING) & (_rec.reason == Reason.ACTION_MEETING)].family.unique()
        _want = _r.families.set_index("family").loc[_fams, "incidents_per_year"].mean()
        assert np.isclose(comparison.loc[_s, _col], _want), "de gemiddelden in comparison kloppen niet"
### END HIDDEN TESTS
''',
            "en": '''
"""comparison: mean risk of the families discussed, per seed and rule."""
_shape = list(comparison.index) == SEEDS and list(comparison.columns) == ["fcfs", "mine"]
assert _shape, "index SEEDS, columns fcfs and mine"
### BEGIN HIDDEN TESTS
for _s in SEEDS:
    for _col, _runs in (("fcfs", fcfs), ("mine", mine)):
        _r = _runs[_s]
        _rec = _r.records[_r.records.time >= _r.start_day]
        _fams = _rec[(_rec.event == EventKind.MEETING) & (_rec.reason == Reason.ACTION_MEETING)].family.unique()
        _want = _r.families.set_index("family").loc[_fams, "incidents_per_year"].mean()
        assert np.isclose(comparison.loc[_s, _col], _want), "the means in comparison are wrong"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_rule_used_by_model",
        2,
        {
            "nl": '''
"""Het model gebruikt jouw regel echt aan de tafel."""
assert discussed(mine[1]) != discussed(fcfs[1]), "met jouw regel bespreekt de tafel andere gezinnen dan bij fcfs"
### BEGIN HIDDEN TESTS
from simulation.model import ChainModel
from simulation.scenario_files import scenario_from_overrides
_seen = []
def _spy(_c):
    _o = my_rule(_c)
    _seen.append(_o)
    return _o
_scenario = scenario_from_overrides(ACTION, "current-practice")
_model = ChainModel(_scenario, years=0.3, warmup_years=0.05, seed=5, prioritisation=_spy)
_model.run()
assert _seen and _model.action_meeting.discussed_total > 0, "het model riep de regel niet aan"
_agenda = _model.action_meeting.last_agenda
assert list(_agenda.index) == list(_seen[-1].index), "de agenda volgt de volgorde van jouw regel niet"
_acute_first = _agenda["acute"].tolist() == sorted(_agenda["acute"], reverse=True)
assert _acute_first, "op de agenda staan acute gezinnen niet vooraan"
_first = _agenda.groupby("region").head(1)
assert _first["discussed"].all(), "de eerste van jouw volgorde krijgt een plek"
### END HIDDEN TESTS
''',
            "en": '''
"""The model really uses your rule at the table."""
assert discussed(mine[1]) != discussed(fcfs[1]), "with your rule the table discusses other families than with fcfs"
### BEGIN HIDDEN TESTS
from simulation.model import ChainModel
from simulation.scenario_files import scenario_from_overrides
_seen = []
def _spy(_c):
    _o = my_rule(_c)
    _seen.append(_o)
    return _o
_scenario = scenario_from_overrides(ACTION, "current-practice")
_model = ChainModel(_scenario, years=0.3, warmup_years=0.05, seed=5, prioritisation=_spy)
_model.run()
assert _seen and _model.action_meeting.discussed_total > 0, "the model did not call the rule"
_agenda = _model.action_meeting.last_agenda
assert list(_agenda.index) == list(_seen[-1].index), "the agenda does not follow your rule's order"
_acute_first = _agenda["acute"].tolist() == sorted(_agenda["acute"], reverse=True)
assert _acute_first, "acute families are not first on the agenda"
_first = _agenda.groupby("region").head(1)
assert _first["discussed"].all(), "the first in your order gets a slot"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel C — Wie valt buiten de boot? (3 punten, nakijken door de trainer)

Schrijf in 5 tot 8 zinnen:
* welke gezinnen bij jouw regel (bijna) nooit aan de beurt komen, en of dat aanvaardbaar is;
* wat er gebeurt met een gezin waarvan de `risk_score` te laag is omdat bij een overdracht
  informatie verloren ging (zie opdracht 3) — en hoe de tafel dat zou kunnen opvangen;
* of je `waiting_days` of `children` in je regel zou opnemen, en waarom.

Gebruik minstens één getal uit `comparison`.
""",
            "en": """
## Part C — Who loses out? (3 points, graded by the trainer)

Write 5 to 8 sentences:
* which families (almost) never get a turn under your rule, and whether that is acceptable;
* what happens to a family whose `risk_score` is too low because information was lost at a
  handoff (see assignment 3) — and how the table could catch that;
* whether you would put `waiting_days` or `children` in your rule, and why.

Use at least one number from `comparison`.
""",
        }
    ),
    Answer(
        "reflection_rule",
        3,
        {
            "nl": """
*Modelantwoord (voor de trainer).* Met acute gezinnen eerst en dan op ernstige incidenten en risico
krijgen niet-acute gezinnen met een lage `risk_score` bijna nooit een plek: binnen twee weken vallen
ze van de lijst. Het gemiddelde risico van de besproken gezinnen ligt met de eigen regel duidelijk
hoger dan bij fcfs (zie `comparison`), dus de schaarse plekken gaan naar de zwaarste gezinnen. Een
gezin waarvan bij een overdracht informatie verloren ging, krijgt een ruisige en vaak te lage
inschatting en verdwijnt zo onterecht naar achteren; de tafel kan dat opvangen door gezinnen met
verloren informatie of veel meldingen apart te toetsen. `waiting_days` als tweede sleutel voorkomt
dat dezelfde gezinnen steeds afvallen; `children` weegt mee omdat kinderen geen eigen stem hebben.
""",
            "en": """
*Model answer (for the trainer).* With acute families first and then serious incidents and risk,
non-acute families with a low `risk_score` almost never get a slot: within two weeks they leave the
list. The mean risk of the families discussed is clearly higher with the own rule than with fcfs
(see `comparison`), so the scarce slots go to the most serious families. A family whose information
was lost at a handoff gets a noisy and often too low estimate and wrongly drops back; the table can
catch that by checking families with lost information or many reports separately. `waiting_days` as
a second key keeps the same families from dropping off every time; `children` matters because
children have no voice of their own.
""",
        },
    ),
    Md(
        {
            "nl": """
### Om over na te praten
* Vergelijk je regel met die van een collega uit een andere organisatie. Waar verschillen jullie
  prioriteiten, en waarom?
* Het model kijkt alleen naar incidenten. Welke afwegingen van de echte tafel zitten er niet in?

*Wat het model wel en niet zegt:* het aantal plekken en de effecten van de tafel zijn aannames
(`samenloop params --match actieoverleg`); het model laat zien hoe een regel de plekken verdeelt,
niet welke regel in de praktijk juist is.
""",
            "en": """
### To discuss
* Compare your rule with that of a colleague from another organisation. Where do your priorities
  differ, and why?
* The model only looks at incidents. Which considerations of the real table are not in it?

*What the model does and does not claim:* the number of slots and the effects of the table are
assumptions (`samenloop params --match actieoverleg`); the model shows how a rule shares the slots,
not which rule is right in practice.
""",
        }
    ),
]

ASSIGNMENT = Assignment(
    number="04",
    slug={"nl": "actieoverleg", "en": "actieoverleg"},
    title={"nl": "Risico bij beperkte capaciteit (actieoverleg)", "en": "Risk under limited capacity (actieoverleg)"},
    minutes=45,
    cells=CELLS,
    mistake=Mistake(
        "my_rule",
        """
def my_rule(candidates):
    if "acute" not in candidates.columns:
        raise ValueError("acute")
    return candidates.sort_values("risk_score", ascending=False, kind="stable")  # forgot: acute first
""",
        fails=frozenset({"test_rule_acute_first", "test_rule_used_by_model"}),
    ),
)
