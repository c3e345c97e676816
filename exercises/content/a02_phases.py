"""Assignment 2: phases of safety (phase timeline from records, time to stable safety, help x phase)."""

from content.cells import Assignment, Code, Md, Mistake, Solution, Tests

CELLS = [
    Md(
        {
            "nl": """
# Opdracht 2 — Fasen van veiligheid

**Tijd:** ongeveer 40 minuten · **Punten:** 10

De gedeelde visie *gefaseerd samenwerken aan veiligheid* ordent het werk in drie fasen:
**directe veiligheid** (het geweld nu stoppen), **stabiele veiligheid** (risicogestuurde zorg op de
oorzaken, zodat het geweld gestopt blijft) en **herstel** (gevolgen en trauma behandelen). In het
model heeft elk gezin een fase; bij elk incident valt het terug naar directe veiligheid. Hulp die
niet bij de fase past, werkt slecht.

### Leerdoelen
Na deze opdracht kun je
1. uit de gebeurtenissen (*records*) van een gezin de **tijdlijn van fasen** afleiden;
2. de **tijd tot stabiele veiligheid** na de eerste melding bepalen;
3. met kleine, herhaalbare simulaties laten zien **waarom herstelgerichte hulp vóór stabiele
   veiligheid slecht werkt**.

| deel | onderwerp | punten |
|---|---|---|
| A | De tijdlijn van fasen | 4 |
| B | Tijd tot stabiele veiligheid | 3 |
| C | Herstel te vroeg? | 3 |
""",
            "en": """
# Assignment 2 — Phases of safety

**Time:** about 40 minutes · **Points:** 10

The shared vision *gefaseerd samenwerken aan veiligheid* (phased collaboration on safety) orders
the work in three phases: **direct safety** (stop the violence now), **stable safety** (risk-driven
care on the causes, so the violence stays stopped) and **recovery** (treat the consequences and
trauma). In the model every family has a phase; at every incident it falls back to direct safety.
Help that does not fit the phase works poorly.

### Learning goals
After this assignment you can
1. derive a family's **timeline of phases** from its event records;
2. find the **time to stable safety** after the first report;
3. show with small, repeatable simulations **why recovery-oriented help before stable safety works
   poorly**.

| part | topic | points |
|---|---|---|
| A | The timeline of phases | 4 |
| B | Time to stable safety | 3 |
| C | Recovery too early? | 3 |
""",
        }
    ),
    Code(
        {
            "nl": """
# Voorbereiding (alleen-lezen): één regio, een half jaar inlooptijd en één beleidsjaar, seed 2
import numpy as np
import pandas as pd

from simulation.course import course_run, journey, phase_name, plot_phases
from simulation.enums import EventKind, SafetyPhase

result = course_run("current-practice", seed=2)
records = result.records          # één rij per gebeurtenis (zie simulation/records.py)
families = result.families        # één rij per gezin
end = result.end_day              # laatste dag van de run

# Het gezin dat we volgen: voor het eerst gemeld in het beleidsjaar, later stabiel, met de meeste faseveranderingen
candidates = families[(families.first_report_time >= result.start_day)
                      & (families.first_stable_time > families.first_report_time)]
changes = records[(records.event == EventKind.PHASE_CHANGE) & records.family.isin(candidates.family)]
counts = changes.groupby("family").size()
fam = int(counts[counts == counts.max()].index.min())
print("gezin", fam)
""",
            "en": """
# Setup (read-only): one region, half a year of warm-up and one policy year, seed 2
import numpy as np
import pandas as pd

from simulation.course import course_run, journey, phase_name, plot_phases
from simulation.enums import EventKind, SafetyPhase

result = course_run("current-practice", seed=2)
records = result.records          # one row per event (see simulation/records.py)
families = result.families        # one row per family
end = result.end_day              # last day of the run

# The family we follow: first reported in the policy year, stable later, with the most phase changes
candidates = families[(families.first_report_time >= result.start_day)
                      & (families.first_stable_time > families.first_report_time)]
changes = records[(records.event == EventKind.PHASE_CHANGE) & records.family.isin(candidates.family)]
counts = changes.groupby("family").size()
fam = int(counts[counts == counts.max()].index.min())
print("family", fam)
""",
        },
        grade_id="setup",
    ),
    Md(
        {
            "nl": """
De *journey* is hetzelfde verhaal als een leesbare tabel. In de ruwe `records` heeft een
faseverandering `event == EventKind.PHASE_CHANGE`, in `detail` de **nieuwe** fase (een code:
`SafetyPhase.DIRECT` = 1, `STABLE` = 2, `RECOVERY` = 3, `NOT_IN_VIEW` = 0) en in `time` de dag.
`phase_name(2)` geeft `"stable"`.
""",
            "en": """
The *journey* tells the same story as a readable table. In the raw `records` a phase change has
`event == EventKind.PHASE_CHANGE`, the **new** phase in `detail` (a code: `SafetyPhase.DIRECT` = 1,
`STABLE` = 2, `RECOVERY` = 3, `NOT_IN_VIEW` = 0) and the day in `time`. `phase_name(2)` gives
`"stable"`.
""",
        }
    ),
    Code(
        """
story = journey(result, fam)
story[story.event.isin(["incident", "report", "phase_change"])][["policy_day", "event", "organisation", "reason"]]
"""
    ),
    Md(
        {
            "nl": """
## Deel A — De tijdlijn van fasen (4 punten)

Schrijf `phase_timeline(records, family, end)`. Ze geeft een DataFrame met één rij per periode in
een fase, in de tijd geordend, met de kolommen
* `phase`: de naam van de fase (`"direct"`, `"stable"`, `"recovery"` of `"not_in_view"`);
* `start`: de dag waarop de fase begon (de `time` van de faseverandering);
* `end`: de dag waarop de volgende fase begon — voor de laatste periode: `end`;
* `days`: `end - start`.

**Foutgeval:** heeft het gezin geen enkele faseverandering (de keten zag het nooit), geef dan een
`ValueError` met het gezinsnummer in de melding.
""",
            "en": """
## Part A — The timeline of phases (4 points)

Write `phase_timeline(records, family, end)`. It returns a DataFrame with one row per period in a
phase, in time order, with the columns
* `phase`: the name of the phase (`"direct"`, `"stable"`, `"recovery"` or `"not_in_view"`);
* `start`: the day the phase began (the `time` of the phase change);
* `end`: the day the next phase began — for the last period: `end`;
* `days`: `end - start`.

**Error case:** if the family has no phase change at all (the chain never saw it), raise a
`ValueError` with the family's number in the message.
""",
        }
    ),
    Solution(
        "phase_timeline",
        {
            "nl": '''
def phase_timeline(records, family, end):
    """Eén rij per periode in een fase: phase, start, end, days."""
    ### BEGIN SOLUTION
    rows = records[(records.event == EventKind.PHASE_CHANGE) & (records.family == family)].sort_values("time")
    if rows.empty:
        raise ValueError(f"gezin {family} heeft geen faseveranderingen")
    starts = rows["time"].to_numpy()
    ends = np.append(starts[1:], end)
    return pd.DataFrame(
        {"phase": [phase_name(d) for d in rows["detail"]], "start": starts, "end": ends, "days": ends - starts}
    )
    ### END SOLUTION
''',
            "en": '''
def phase_timeline(records, family, end):
    """One row per period in a phase: phase, start, end, days."""
    ### BEGIN SOLUTION
    rows = records[(records.event == EventKind.PHASE_CHANGE) & (records.family == family)].sort_values("time")
    if rows.empty:
        raise ValueError(f"family {family} has no phase changes")
    starts = rows["time"].to_numpy()
    ends = np.append(starts[1:], end)
    return pd.DataFrame(
        {"phase": [phase_name(d) for d in rows["detail"]], "start": starts, "end": ends, "days": ends - starts}
    )
    ### END SOLUTION
''',
        },
    ),
    Code(
        """
timeline = phase_timeline(records, fam, end)
plot_phases(timeline)
timeline
"""
    ),
    Tests(
        "test_timeline_shape",
        2,
        {
            "nl": '''
"""phase_timeline(): kolommen, volgorde en aansluitende perioden."""
t = phase_timeline(records, fam, end)
assert list(t.columns) == ["phase", "start", "end", "days"], f"kolommen: {list(t.columns)}"
assert t["phase"].iloc[0] == "direct", f"een gezin komt in beeld in directe veiligheid, niet {t['phase'].iloc[0]!r}"
assert (t["start"].diff().dropna() >= 0).all(), "de perioden moeten in de tijd geordend zijn"
_joined = np.allclose(t["end"].iloc[:-1].to_numpy(), t["start"].iloc[1:].to_numpy())
assert _joined, "elke periode eindigt waar de volgende begint"
assert t["end"].iloc[-1] == end, f"de laatste periode eindigt op dag {end}"
### BEGIN HIDDEN TESTS
_rows = records[(records.event == EventKind.PHASE_CHANGE) & (records.family == fam)].sort_values("time")
assert len(t) == len(_rows), "er moet precies één rij per faseverandering zijn"
assert list(t["phase"]) == [phase_name(d) for d in _rows["detail"]], "de fasen kloppen niet met de records"
assert np.allclose(t["days"], t["end"] - t["start"]), "days moet end - start zijn"
### END HIDDEN TESTS
''',
            "en": '''
"""phase_timeline(): columns, order and adjoining periods."""
t = phase_timeline(records, fam, end)
assert list(t.columns) == ["phase", "start", "end", "days"], f"columns: {list(t.columns)}"
assert t["phase"].iloc[0] == "direct", f"a family comes into view in direct safety, not {t['phase'].iloc[0]!r}"
assert (t["start"].diff().dropna() >= 0).all(), "the periods must be in time order"
_joined = np.allclose(t["end"].iloc[:-1].to_numpy(), t["start"].iloc[1:].to_numpy())
assert _joined, "each period ends where the next begins"
assert t["end"].iloc[-1] == end, f"the last period ends on day {end}"
### BEGIN HIDDEN TESTS
_rows = records[(records.event == EventKind.PHASE_CHANGE) & (records.family == fam)].sort_values("time")
assert len(t) == len(_rows), "there must be exactly one row per phase change"
assert list(t["phase"]) == [phase_name(d) for d in _rows["detail"]], "the phases do not match the records"
assert np.allclose(t["days"], t["end"] - t["start"]), "days must be end - start"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_timeline_error",
        1,
        {
            "nl": '''
"""phase_timeline() geeft een ValueError voor een gezin zonder faseveranderingen."""
_phased = set(records.family[records.event == EventKind.PHASE_CHANGE])
never_seen = int(families.family[~families.family.isin(_phased)].iloc[0])
try:
    phase_timeline(records, never_seen, end)
except ValueError:
    pass
else:
    raise AssertionError(f"verwacht een ValueError voor gezin {never_seen}, dat de keten nooit zag")
### BEGIN HIDDEN TESTS
try:
    phase_timeline(records, never_seen, end)
except ValueError as error:
    assert str(never_seen) in str(error), "de foutmelding moet het gezinsnummer noemen"
### END HIDDEN TESTS
''',
            "en": '''
"""phase_timeline() raises a ValueError for a family without phase changes."""
_phased = set(records.family[records.event == EventKind.PHASE_CHANGE])
never_seen = int(families.family[~families.family.isin(_phased)].iloc[0])
try:
    phase_timeline(records, never_seen, end)
except ValueError:
    pass
else:
    raise AssertionError(f"expected a ValueError for family {never_seen}, which the chain never saw")
### BEGIN HIDDEN TESTS
try:
    phase_timeline(records, never_seen, end)
except ValueError as error:
    assert str(never_seen) in str(error), "the error message must name the family"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_timeline_other_families",
        1,
        {
            "nl": '''
"""phase_timeline() werkt voor elk gezin dat de keten zag."""
_other = int(records.family[(records.event == EventKind.PHASE_CHANGE) & (records.family != fam)].iloc[0])
assert len(phase_timeline(records, _other, end)) >= 1, f"ook gezin {_other} heeft minstens één periode"
### BEGIN HIDDEN TESTS
_seen = sorted(records.loc[records.event == EventKind.PHASE_CHANGE, "family"].unique())
for _f in _seen[:: max(1, len(_seen) // 15)]:
    _t = phase_timeline(records, int(_f), end)
    _r = records[(records.event == EventKind.PHASE_CHANGE) & (records.family == _f)].sort_values("time")
    assert len(_t) == len(_r) and np.isclose(_t["days"].sum(), end - _r["time"].min()), "fout bij een ander gezin"
### END HIDDEN TESTS
''',
            "en": '''
"""phase_timeline() works for every family the chain saw."""
_other = int(records.family[(records.event == EventKind.PHASE_CHANGE) & (records.family != fam)].iloc[0])
assert len(phase_timeline(records, _other, end)) >= 1, f"family {_other} also has at least one period"
### BEGIN HIDDEN TESTS
_seen = sorted(records.loc[records.event == EventKind.PHASE_CHANGE, "family"].unique())
for _f in _seen[:: max(1, len(_seen) // 15)]:
    _t = phase_timeline(records, int(_f), end)
    _r = records[(records.event == EventKind.PHASE_CHANGE) & (records.family == _f)].sort_values("time")
    assert len(_t) == len(_r) and np.isclose(_t["days"].sum(), end - _r["time"].min()), "wrong for another family"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel B — Tijd tot stabiele veiligheid (3 punten)

Schrijf `days_to_stable(records, family)`: het aantal dagen van de **eerste melding** (`event ==
EventKind.REPORT`) van het gezin tot de **eerste overgang naar stabiele veiligheid** op of na die
melding (een faseverandering met `detail == SafetyPhase.STABLE`).
* Werd het gezin na de eerste melding niet stabiel (binnen de run), geef dan `np.nan`.
* **Foutgeval:** werd het gezin nooit gemeld, geef dan een `ValueError` met het gezinsnummer.
""",
            "en": """
## Part B — Time to stable safety (3 points)

Write `days_to_stable(records, family)`: the number of days from the family's **first report**
(`event == EventKind.REPORT`) to its **first move into stable safety** at or after that report (a
phase change with `detail == SafetyPhase.STABLE`).
* If the family did not become stable after its first report (within the run), return `np.nan`.
* **Error case:** if the family was never reported, raise a `ValueError` with the family's number.
""",
        }
    ),
    Solution(
        "days_to_stable",
        {
            "nl": '''
def days_to_stable(records, family):
    """Dagen van de eerste melding tot de eerste stabiele veiligheid daarna (nan als die niet kwam)."""
    ### BEGIN SOLUTION
    own = records[records.family == family]
    reports = own.loc[own.event == EventKind.REPORT, "time"]
    if reports.empty:
        raise ValueError(f"gezin {family} is nooit gemeld")
    first = reports.min()
    later = own[(own.event == EventKind.PHASE_CHANGE) & (own.time >= first)]
    stable = later.loc[later.detail == SafetyPhase.STABLE, "time"]
    return float(stable.min() - first) if len(stable) else np.nan
    ### END SOLUTION
''',
            "en": '''
def days_to_stable(records, family):
    """Days from the first report to the first stable safety after it (nan if it never came)."""
    ### BEGIN SOLUTION
    own = records[records.family == family]
    reports = own.loc[own.event == EventKind.REPORT, "time"]
    if reports.empty:
        raise ValueError(f"family {family} was never reported")
    first = reports.min()
    later = own[(own.event == EventKind.PHASE_CHANGE) & (own.time >= first)]
    stable = later.loc[later.detail == SafetyPhase.STABLE, "time"]
    return float(stable.min() - first) if len(stable) else np.nan
    ### END SOLUTION
''',
        },
    ),
    Code('print(f"{days_to_stable(records, fam):.1f}")'),
    Tests(
        "test_days_to_stable",
        2,
        {
            "nl": '''
"""days_to_stable(): dagen van eerste melding tot eerste stabiele veiligheid."""
_row = families.set_index("family").loc[fam]
_expected = _row.first_stable_time - _row.first_report_time
_got = days_to_stable(records, fam)
assert np.isclose(_got, _expected), f"verwacht {_expected:.1f} dagen, kreeg {_got}"
### BEGIN HIDDEN TESTS
_reported = sorted(records.loc[records.event == EventKind.REPORT, "family"].unique())
_early = families[families.first_stable_time < families.first_report_time].family.head(5).tolist()
for _f in _reported[:: max(1, len(_reported) // 40)] + _early:
    _own = records[records.family == _f]
    _first = _own.loc[_own.event == EventKind.REPORT, "time"].min()
    _pc = _own[(_own.event == EventKind.PHASE_CHANGE) & (_own.time >= _first)]
    _st = _pc.loc[_pc.detail == SafetyPhase.STABLE, "time"]
    _want = _st.min() - _first if len(_st) else np.nan
    _got = days_to_stable(records, int(_f))
    _same = (np.isnan(_want) and np.isnan(_got)) or np.isclose(_got, _want)
    assert _same, "fout bij een ander gezin (let op: pas ná de eerste melding; nan als het niet stabiel werd)"
### END HIDDEN TESTS
''',
            "en": '''
"""days_to_stable(): days from the first report to the first stable safety."""
_row = families.set_index("family").loc[fam]
_expected = _row.first_stable_time - _row.first_report_time
_got = days_to_stable(records, fam)
assert np.isclose(_got, _expected), f"expected {_expected:.1f} days, got {_got}"
### BEGIN HIDDEN TESTS
_reported = sorted(records.loc[records.event == EventKind.REPORT, "family"].unique())
_early = families[families.first_stable_time < families.first_report_time].family.head(5).tolist()
for _f in _reported[:: max(1, len(_reported) // 40)] + _early:
    _own = records[records.family == _f]
    _first = _own.loc[_own.event == EventKind.REPORT, "time"].min()
    _pc = _own[(_own.event == EventKind.PHASE_CHANGE) & (_own.time >= _first)]
    _st = _pc.loc[_pc.detail == SafetyPhase.STABLE, "time"]
    _want = _st.min() - _first if len(_st) else np.nan
    _got = days_to_stable(records, int(_f))
    _same = (np.isnan(_want) and np.isnan(_got)) or np.isclose(_got, _want)
    assert _same, "wrong for another family (mind: only after the first report; nan if never stable)"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_days_to_stable_error",
        1,
        {
            "nl": '''
"""days_to_stable() geeft een ValueError voor een gezin dat nooit gemeld werd."""
_unreported = int(families.loc[families.first_report_time.isna(), "family"].iloc[0])
try:
    days_to_stable(records, _unreported)
except ValueError:
    pass
else:
    raise AssertionError(f"verwacht een ValueError voor gezin {_unreported}, dat nooit gemeld werd")
''',
            "en": '''
"""days_to_stable() raises a ValueError for a family that was never reported."""
_unreported = int(families.loc[families.first_report_time.isna(), "family"].iloc[0])
try:
    days_to_stable(records, _unreported)
except ValueError:
    pass
else:
    raise AssertionError(f"expected a ValueError for family {_unreported}, which was never reported")
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel C — Herstel te vroeg? (3 punten)

Vrijwillige hulp van het wijkteam past niet altijd bij de fase: soms krijgt een gezin dat nog niet
veilig is al herstelgerichte zorg. In het model bepaalt `p_help_matches_phase` hoe vaak de hulp wél
past. Hieronder draaien we twee varianten met **dezelfde drie seeds** (dus dezelfde gezinnen en
dezelfde incidenten zolang het beleid hun pad niet verandert):
* `fits`: de hulp past altijd bij de fase (`p_help_matches_phase = 1`);
* `too_early`: gezinnen krijgen steeds herstelzorg terwijl ze nog in directe veiligheid zijn
  (`p_help_matches_phase = 0`).

De tabel laat zien hoe goed elke soort hulp werkt in elke fase (1 = volledig).
""",
            "en": """
## Part C — Recovery too early? (3 points)

Voluntary help from the local team does not always fit the phase: sometimes a family that is not
yet safe already gets recovery-oriented care. In the model `p_help_matches_phase` sets how often
the help does fit. Below we run two variants with **the same three seeds** (so the same families
and the same incidents as long as policy does not change their path):
* `fits`: help always fits the phase (`p_help_matches_phase = 1`);
* `too_early`: families always get recovery care while still in direct safety
  (`p_help_matches_phase = 0`).

The table shows how well each kind of help works in each phase (1 = fully).
""",
        }
    ),
    Code(
        """
from simulation.enums import HelpType
from simulation.phases import effectiveness_table
from simulation.scenario_files import load_scenario

SEEDS = [1, 2, 3]
FITS = {"care": {"help": {"p_help_matches_phase": 1.0}}}
TOO_EARLY = {"care": {"help": {"p_help_matches_phase": 0.0}}}
fits = {s: course_run("current-practice", s, overrides=FITS) for s in SEEDS}
too_early = {s: course_run("current-practice", s, overrides=TOO_EARLY) for s in SEEDS}

help_table = effectiveness_table(load_scenario("current-practice").care.help)
pd.DataFrame(help_table[:, 1:], index=[h.name.lower() for h in HelpType], columns=["direct", "stable", "recovery"])
""",
        grade_id="setup_variants",
    ),
    Md(
        {
            "nl": """
1. Schrijf `stopped_share(result)`: het aandeel van de gezinnen **met minstens één melding in de
   beleidsperiode** (`n_reports_policy > 0` in `result.families`) bij wie het geweld aan het eind
   **gestopt** is (kolom `stopped`).
2. Zet in `differences` per seed (in de volgorde van `SEEDS`) het verschil
   `stopped_share(fits[s]) - stopped_share(too_early[s])`: een **gepaard** verschil, want beide
   varianten hebben dezelfde gezinnen.
""",
            "en": """
1. Write `stopped_share(result)`: the share of families **with at least one report in the policy
   period** (`n_reports_policy > 0` in `result.families`) whose violence has **stopped** at the end
   (column `stopped`).
2. Put in `differences`, per seed (in the order of `SEEDS`), the difference
   `stopped_share(fits[s]) - stopped_share(too_early[s])`: a **paired** difference, because both
   variants have the same families.
""",
        }
    ),
    Solution(
        "stopped_share",
        """
def stopped_share(result):
    ### BEGIN SOLUTION
    in_chain = result.families[result.families.n_reports_policy > 0]
    return float(in_chain.stopped.mean())
    ### END SOLUTION


### BEGIN SOLUTION
differences = [stopped_share(fits[s]) - stopped_share(too_early[s]) for s in SEEDS]
### END SOLUTION
differences
""",
    ),
    Tests(
        "test_stopped_share",
        1,
        {
            "nl": '''
"""stopped_share(): aandeel gestopt onder de gemelde gezinnen."""
_x = stopped_share(fits[1])
assert 0 < _x < 1, f"een aandeel ligt tussen 0 en 1, niet {_x}"
### BEGIN HIDDEN TESTS
for _r in (fits[2], too_early[3]):
    _f = _r.families[_r.families.n_reports_policy > 0]
    assert np.isclose(stopped_share(_r), _f.stopped.mean()), "stopped_share() telt niet de juiste gezinnen"
### END HIDDEN TESTS
''',
            "en": '''
"""stopped_share(): share stopped among the reported families."""
_x = stopped_share(fits[1])
assert 0 < _x < 1, f"a share lies between 0 and 1, not {_x}"
### BEGIN HIDDEN TESTS
for _r in (fits[2], too_early[3]):
    _f = _r.families[_r.families.n_reports_policy > 0]
    assert np.isclose(stopped_share(_r), _f.stopped.mean()), "stopped_share() does not count the right families"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_differences",
        2,
        {
            "nl": '''
"""differences: gepaarde verschillen per seed; hulp die past werkt beter."""
assert len(differences) == len(SEEDS), f"één verschil per seed, niet {len(differences)}"
assert all(d > 0 for d in differences), f"bij passende hulp stopt het geweld vaker, in elke seed: {differences}"
### BEGIN HIDDEN TESTS
for _s, _d in zip(SEEDS, differences):
    _a = fits[_s].families[fits[_s].families.n_reports_policy > 0].stopped.mean()
    _b = too_early[_s].families[too_early[_s].families.n_reports_policy > 0].stopped.mean()
    assert np.isclose(_d, _a - _b), "de verschillen moeten per seed en in de volgorde van SEEDS zijn"
### END HIDDEN TESTS
''',
            "en": '''
"""differences: paired differences per seed; help that fits works better."""
assert len(differences) == len(SEEDS), f"one difference per seed, not {len(differences)}"
assert all(d > 0 for d in differences), f"with fitting help violence stops more often, in every seed: {differences}"
### BEGIN HIDDEN TESTS
for _s, _d in zip(SEEDS, differences):
    _a = fits[_s].families[fits[_s].families.n_reports_policy > 0].stopped.mean()
    _b = too_early[_s].families[too_early[_s].families.n_reports_policy > 0].stopped.mean()
    assert np.isclose(_d, _a - _b), "the differences must be per seed and in the order of SEEDS"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
### Om over na te praten
* Zoek in de tabel hierboven op hoe goed herstelzorg werkt in directe veiligheid. Waarom is dat in
  de praktijk zo (denk aan een gezin waar het geweld nog doorgaat)?
* Het verschil is in elke seed positief. Waarom is een *gepaard* verschil (zelfde seed) sterker
  bewijs dan het verschil tussen twee willekeurige runs?
* In jouw tijdlijn valt het gezin bij elk incident terug naar directe veiligheid. Wat betekent dat
  voor hulp die net in de stabiele fase begonnen is?

*Wat het model wel en niet zegt:* de effectiviteit per fase is een aanname die de visie volgt
(bron: *gefaseerd samenwerken aan veiligheid*), met een bandbreedte; de richting, niet het precieze
getal, is de les.
""",
            "en": """
### To discuss
* Look up in the table above how well recovery care works in direct safety. Why is that so in
  practice (think of a family where the violence goes on)?
* The difference is positive in every seed. Why is a *paired* difference (same seed) stronger
  evidence than the difference between two arbitrary runs?
* In your timeline the family falls back to direct safety at every incident. What does that mean
  for help that has just started in the stable phase?

*What the model does and does not claim:* the effectiveness per phase is an assumption following
the vision (source: *gefaseerd samenwerken aan veiligheid*), with a range; the direction, not the
exact number, is the lesson.
""",
        }
    ),
]

ASSIGNMENT = Assignment(
    number="02",
    slug={"nl": "fasen", "en": "phases"},
    title={"nl": "Fasen van veiligheid", "en": "Phases of safety"},
    minutes=40,
    cells=CELLS,
    mistake=Mistake(
        "days_to_stable",
        """
def days_to_stable(records, family):
    own = records[records.family == family]
    first = own.loc[own.event == EventKind.REPORT, "time"].min()
    # counts from the family's first stable phase ever, even before the report, and never raises
    stable = own.loc[(own.event == EventKind.PHASE_CHANGE) & (own.detail == SafetyPhase.STABLE), "time"]
    return float(stable.min() - first)
""",
        fails=frozenset({"test_days_to_stable", "test_days_to_stable_error"}),
    ),
)
