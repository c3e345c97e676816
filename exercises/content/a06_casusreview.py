"""Assignment 6: case review (casusreview) of a seeded family that escalated."""

from content.cells import Answer, Assignment, Code, Md, Mistake, Solution, Tests

CELLS = [
    Md(
        {
            "nl": """
# Opdracht 6 — Casusreview

**Tijd:** ongeveer 45 minuten · **Punten:** 13

Na een ernstig incident kijkt het netwerk terug: waar had de keten kunnen handelen? In de
stalkingszaak die de inspecties in 2019 onderzochten, bereikten signalen verschillende
organisaties zonder dat iemand ze samenvoegde tot één beeld. In deze opdracht doe je een
casusreview van een **synthetisch** gezin uit het model: het geweld escaleerde nadat de keten het
gezin al meerdere keren had gezien.

### Leerdoelen
Na deze opdracht kun je in de gebeurtenissen van één gezin
1. aanwijzen **waar informatie verloren ging**;
2. aanwijzen **waar het gezin wachtte en wie intussen de veiligheid bewaakte** — of dat niemand
   dat deed;
3. aanwijzen **welke signalen verschillende organisaties bereikten zonder samengevoegd te worden**;
4. in een korte reflectie benoemen waar de keten had kunnen handelen.

| deel | onderwerp | punten |
|---|---|---|
| A | Waar ging informatie verloren? | 3 |
| B | Wachten, en wie hield de veiligheid vast? | 3 |
| C | Signalen die niet samenkwamen | 3 |
| D | Reflectie (nakijken door de trainer) | 4 |
""",
            "en": """
# Assignment 6 — Case review (casusreview)

**Time:** about 45 minutes · **Points:** 13

After a serious incident the network looks back: where could the chain have acted? In the stalking
case the inspectorates reviewed in 2019, signals reached different organisations without anyone
combining them into one picture. In this assignment you review the case of a **synthetic** family
from the model: its violence escalated after the chain had already seen the family several times.

### Learning goals
After this assignment you can point out in the events of one family
1. **where information was lost**;
2. **where the family waited and who watched its safety meanwhile** — or that nobody did;
3. **which signals reached different organisations without being combined**;
4. and name in a short reflection where the chain could have acted.

| part | topic | points |
|---|---|---|
| A | Where was information lost? | 3 |
| B | Waiting, and who held the family's safety? | 3 |
| C | Signals that were not combined | 3 |
| D | Reflection (graded by the trainer) | 4 |
""",
        }
    ),
    Code(
        {
            "nl": """
# Voorbereiding (alleen-lezen): één regio, seed 3; het gezin voor de review en zijn gebeurtenissen vóór de escalatie
import numpy as np
import pandas as pd

from simulation.course import course_run, escalated_case, journey
from simulation.enums import EventKind
from simulation.records import FACTS_LOST, NO_HOLDER, SENDER_KEEPS_SAFETY

result = course_run("current-practice", seed=3)
case = escalated_case(result)
story = journey(result, case.family)
before = story[story.time < case.escalation_time]
print(f"gezin {case.family}: ernstig incident op dag {case.escalation_time - result.start_day:.0f} van het beleidsjaar")
before.drop(columns=["time"])
""",
            "en": """
# Setup (read-only): one region, seed 3; the family for the review and its events before the escalation
import numpy as np
import pandas as pd

from simulation.course import course_run, escalated_case, journey
from simulation.enums import EventKind
from simulation.records import FACTS_LOST, NO_HOLDER, SENDER_KEEPS_SAFETY

result = course_run("current-practice", seed=3)
case = escalated_case(result)
story = journey(result, case.family)
before = story[story.time < case.escalation_time]
print(f"family {case.family}: serious incident on day {case.escalation_time - result.start_day:.0f} of the policy year")
before.drop(columns=["time"])
""",
        },
        grade_id="setup",
    ),
    Md(
        {
            "nl": """
### Zo lees je het verhaal
`before` is de *journey* van het gezin tot vlak vóór het ernstige incident, één rij per
gebeurtenis: `policy_day` (dagen sinds de start van het beleid), `event`, `organisation` (wie),
`to` (naar wie, bij een overdracht), `reason` (welk besluit, of wie het signaal gaf), `service` (welk
werk startte), `days` (bij een overdracht: dagen tot de ontvanger het gezin had; bij een start van
werk: dagen dat het daar wachtte; bij een triage: dagen sinds de melding) en de kolommen `facts_lost`, `refused`, `sender_keeps_safety`,
`nobody_holds_safety` en `joint` (waar/onwaar).
""",
            "en": """
### How to read the story
`before` is the family's *journey* up to just before the serious incident, one row per event:
`policy_day` (days since the policy start), `event`, `organisation` (who), `to` (to whom, for a
handoff), `reason` (which decision, or who gave the signal), `service` (which work started), `days`
(for a handoff: days until the receiver had the family; for a start of work: days it waited there;
for a triage: days since the report) and the columns `facts_lost`, `refused`, `sender_keeps_safety`, `nobody_holds_safety` and `joint`
(true/false).
""",
        }
    ),
    Md(
        {
            "nl": """
## Deel A — Waar ging informatie verloren? (3 punten)

Schrijf `lost_handoffs(events)`: ze geeft de overdrachten in een journey-tabel `events` waarbij
informatie verloren ging, in de tijd geordend, als lijst van paren `(van, naar)` met de namen uit
de kolommen `organisation` en `to`. Ging er nergens informatie verloren, dan is dat een lege lijst.
Zet daarna `lost_at = lost_handoffs(before)`.

**Foutgeval:** is `events` **leeg** (de keten zag het gezin nooit), dan geeft `lost_handoffs` een
`ValueError`: "geen verlies" en "niets gezien" zijn in een review niet hetzelfde.
""",
            "en": """
## Part A — Where was information lost? (3 points)

Write `lost_handoffs(events)`: it returns the handoffs in a journey table `events` in which
information was lost, in time order, as a list of pairs `(from, to)` with the names from the columns
`organisation` and `to`. If information was lost nowhere, that is an empty list. Then set
`lost_at = lost_handoffs(before)`.

**Error case:** if `events` is **empty** (the chain never saw the family), `lost_handoffs` raises a
`ValueError`: in a review "no loss" and "nothing seen" are not the same.
""",
        }
    ),
    Solution(
        "lost_at",
        {
            "nl": '''
def lost_handoffs(events):
    """De overdrachten in `events` met verloren informatie, als (van, naar), in de tijd geordend."""
    ### BEGIN SOLUTION
    if events.empty:
        raise ValueError("geen gebeurtenissen: de keten zag dit gezin nooit")
    lost = events[(events.event == "handoff") & events.facts_lost]
    return list(zip(lost.organisation, lost.to))
    ### END SOLUTION


lost_at = lost_handoffs(before)
lost_at
''',
            "en": '''
def lost_handoffs(events):
    """The handoffs in `events` with lost information, as (from, to), in time order."""
    ### BEGIN SOLUTION
    if events.empty:
        raise ValueError("no events: the chain never saw this family")
    lost = events[(events.event == "handoff") & events.facts_lost]
    return list(zip(lost.organisation, lost.to))
    ### END SOLUTION


lost_at = lost_handoffs(before)
lost_at
''',
        },
    ),
    Tests(
        "test_lost_at",
        2,
        {
            "nl": '''
"""lost_at: de overdrachten met verloren informatie, als (van, naar)."""
_ok = isinstance(lost_at, list) and len(lost_at) >= 1
assert _ok, f"in deze casus ging minstens één keer informatie verloren: {lost_at!r}"
assert all(isinstance(p, tuple) and len(p) == 2 for p in lost_at), "elk element is een paar (van, naar)"
### BEGIN HIDDEN TESTS
from simulation.enums import OrgKind as _K
_r = result.records
_h = _r[(_r.family == case.family) & (_r.event == EventKind.HANDOFF) & (_r.time < case.escalation_time)]
_h = _h[(_h.flag & FACTS_LOST) > 0].sort_values("time", kind="stable")
_want = [(_K(int(a)).label, _K(int(b)).label) for a, b in zip(_h.org_kind, _h.detail)]
assert lost_at == _want, "lost_at klopt niet: (van, naar), alle overdrachten met verlies, in de tijd geordend"
### END HIDDEN TESTS
''',
            "en": '''
"""lost_at: the handoffs with lost information, as (from, to)."""
assert isinstance(lost_at, list) and len(lost_at) >= 1, f"in this case information was lost at least once: {lost_at!r}"
assert all(isinstance(p, tuple) and len(p) == 2 for p in lost_at), "each element is a pair (from, to)"
### BEGIN HIDDEN TESTS
from simulation.enums import OrgKind as _K
_r = result.records
_h = _r[(_r.family == case.family) & (_r.event == EventKind.HANDOFF) & (_r.time < case.escalation_time)]
_h = _h[(_h.flag & FACTS_LOST) > 0].sort_values("time", kind="stable")
_want = [(_K(int(a)).label, _K(int(b)).label) for a, b in zip(_h.org_kind, _h.detail)]
assert lost_at == _want, "lost_at is wrong: (from, to), every handoff with loss, in time order"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_lost_handoffs_error",
        1,
        {
            "nl": '''
"""lost_handoffs() geeft een ValueError voor een lege journey."""
try:
    lost_handoffs(before.iloc[0:0])
except ValueError:
    pass
else:
    raise AssertionError("verwacht een ValueError voor een lege tabel, maar er kwam geen fout")
### BEGIN HIDDEN TESTS
_quiet = before[~before.facts_lost]
assert len(_quiet) > 0 and lost_handoffs(_quiet) == [], "zonder verlies is het een lege lijst, geen fout"
### END HIDDEN TESTS
''',
            "en": '''
"""lost_handoffs() raises a ValueError for an empty journey."""
try:
    lost_handoffs(before.iloc[0:0])
except ValueError:
    pass
else:
    raise AssertionError("expected a ValueError for an empty table, but no error was raised")
### BEGIN HIDDEN TESTS
_quiet = before[~before.facts_lost]
assert len(_quiet) > 0 and lost_handoffs(_quiet) == [], "without loss it is an empty list, not an error"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel B — Wachten, en wie hield de veiligheid vast? (3 punten)

1. Zet in `unprotected_days` het totale aantal dagen dat het gezin wachtte terwijl **niemand** de
   veiligheid bewaakte: de som van `days` over alle rijen van `before` met `nobody_holds_safety`
   (onderweg in een overdracht én wachtend bij de ontvanger).
2. Zet in `holders` de **gesorteerde lijst** van organisaties (`organisation`) die bij een overdracht
   de veiligheid **wél** bleven bewaken (`sender_keeps_safety`), elke organisatie één keer.
""",
            "en": """
## Part B — Waiting, and who held the family's safety? (3 points)

1. Put in `unprotected_days` the total number of days the family waited while **nobody** watched its
   safety: the sum of `days` over all rows of `before` with `nobody_holds_safety` (in transit in a
   handoff and waiting at the receiver).
2. Put in `holders` the **sorted list** of organisations (`organisation`) that **did** keep watching
   the family's safety at a handoff (`sender_keeps_safety`), each organisation once.
""",
        }
    ),
    Solution(
        "waiting",
        """
### BEGIN SOLUTION
unprotected_days = float(before.loc[before.nobody_holds_safety, "days"].sum())
holders = sorted(set(before.loc[before.sender_keeps_safety, "organisation"]))
### END SOLUTION
print(f"{unprotected_days:.1f} days with nobody holding the family's safety; kept watching: {holders}")
""",
    ),
    Tests(
        "test_unprotected_days",
        2,
        {
            "nl": '''
"""unprotected_days: dagen wachten zonder dat iemand de veiligheid bewaakte."""
_ok = unprotected_days > 0
assert _ok, f"dit gezin is gekozen omdat het wachtte zonder dat iemand de veiligheid bewaakte; niet {unprotected_days}"
### BEGIN HIDDEN TESTS
_r = result.records
_own = _r[(_r.family == case.family) & (_r.time < case.escalation_time) & ((_r.flag & NO_HOLDER) > 0)]
_own = _own[_own.event.isin([EventKind.HANDOFF, EventKind.CASE_START])]
_ok = np.isclose(unprotected_days, float(_own.value.sum()))
assert _ok, "tel overdrachten én wachten bij de ontvanger, alleen zonder bewaker"
### END HIDDEN TESTS
''',
            "en": '''
"""unprotected_days: days waiting while nobody watched the family's safety."""
_ok = unprotected_days > 0
assert _ok, f"this family was chosen because it waited with nobody watching its safety; not {unprotected_days}"
### BEGIN HIDDEN TESTS
_r = result.records
_own = _r[(_r.family == case.family) & (_r.time < case.escalation_time) & ((_r.flag & NO_HOLDER) > 0)]
_own = _own[_own.event.isin([EventKind.HANDOFF, EventKind.CASE_START])]
_ok = np.isclose(unprotected_days, float(_own.value.sum()))
assert _ok, "count handoffs and waiting at the receiver, only without a holder"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_holders",
        1,
        {
            "nl": '''
"""holders: wie bij een overdracht de veiligheid bleef bewaken."""
assert holders == sorted(set(holders)), "holders is gesorteerd, elke organisatie één keer"
assert len(holders) >= 1, f"in deze casus bleef minstens één organisatie de veiligheid bewaken: {holders}"
### BEGIN HIDDEN TESTS
from simulation.enums import OrgKind as _K
_r = result.records
_k = _r[(_r.family == case.family) & (_r.time < case.escalation_time) & ((_r.flag & SENDER_KEEPS_SAFETY) > 0)]
assert holders == sorted({_K(int(k)).label for k in _k.org_kind}), "holders mist organisaties of heeft er te veel"
### END HIDDEN TESTS
''',
            "en": '''
"""holders: who kept watching the family's safety at a handoff."""
assert holders == sorted(set(holders)), "holders is sorted, each organisation once"
assert len(holders) >= 1, f"in this case at least one organisation kept watching the family's safety: {holders}"
### BEGIN HIDDEN TESTS
from simulation.enums import OrgKind as _K
_r = result.records
_k = _r[(_r.family == case.family) & (_r.time < case.escalation_time) & ((_r.flag & SENDER_KEEPS_SAFETY) > 0)]
assert holders == sorted({_K(int(k)).label for k in _k.org_kind}), "holders misses organisations or has too many"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel C — Signalen die niet samenkwamen (3 punten)

Signalen zijn de rijen van `before` met `event` gelijk aan `"signal"` (een politie-inzet),
`"report"` (een melding bij Veilig Thuis) of `"advice"` (een adviesvraag).
1. Zet in `reached` de **gesorteerde lijst** van organisaties die een signaal ontvingen, en in
   `sources` de **gesorteerde lijst** van wie de signalen gaven (de kolom `reason`: bijvoorbeeld
   `"police"`, `"professional"`, `"citizen"`).
2. Zet `combined` op `True` als de signalen vóór de escalatie ooit **samenkwamen aan één tafel** (een
   rij met `event == "meeting"`: een casusoverleg in het Zorg- en Veiligheidshuis, het
   actieoverleg of MDA++), anders op `False`.
""",
            "en": """
## Part C — Signals that were not combined (3 points)

Signals are the rows of `before` with `event` equal to `"signal"` (a police callout), `"report"` (a
report to Veilig Thuis) or `"advice"` (an advice request).
1. Put in `reached` the **sorted list** of organisations that received a signal, and in `sources`
   the **sorted list** of who gave the signals (the column `reason`: for example `"police"`,
   `"professional"`, `"citizen"`).
2. Set `combined` to `True` if the signals ever **came together at one table** before the
   escalation (a row with `event == "meeting"`: a case meeting at the Zorg- en Veiligheidshuis, the
   actieoverleg or MDA++), else to `False`.
""",
        }
    ),
    Solution(
        "signals",
        """
### BEGIN SOLUTION
signals = before[before.event.isin(["signal", "report", "advice"])]
reached = sorted(set(signals.organisation))
sources = sorted(set(signals.reason))
combined = bool((before.event == "meeting").any())
### END SOLUTION
print("reached:", reached, "| sources:", sources, "| combined at one table:", combined)
""",
    ),
    Tests(
        "test_signals",
        2,
        {
            "nl": '''
"""reached en sources: welke organisaties signalen kregen, en van wie."""
assert len(reached) >= 2, f"in deze casus bereikten signalen minstens twee organisaties: {reached}"
assert reached == sorted(set(reached)) and sources == sorted(set(sources)), "gesorteerd, elk één keer"
### BEGIN HIDDEN TESTS
from simulation.enums import OrgKind as _K, SignalSource as _S
_r = result.records
_sig = _r[(_r.family == case.family) & (_r.time < case.escalation_time)]
_sig = _sig[_sig.event.isin([EventKind.SIGNAL, EventKind.REPORT, EventKind.ADVICE])]
assert reached == sorted({_K(int(k)).label for k in _sig.org_kind}), "reached klopt niet"
_codes = np.where(_sig.event == EventKind.REPORT, _sig.reason, _sig.detail)
_src = [_S(int(c)).name.lower() for c in _codes]
assert sources == sorted(set(_src)), "sources klopt niet"
### END HIDDEN TESTS
''',
            "en": '''
"""reached and sources: which organisations got signals, and from whom."""
assert len(reached) >= 2, f"in this case signals reached at least two organisations: {reached}"
assert reached == sorted(set(reached)) and sources == sorted(set(sources)), "sorted, each once"
### BEGIN HIDDEN TESTS
from simulation.enums import OrgKind as _K, SignalSource as _S
_r = result.records
_sig = _r[(_r.family == case.family) & (_r.time < case.escalation_time)]
_sig = _sig[_sig.event.isin([EventKind.SIGNAL, EventKind.REPORT, EventKind.ADVICE])]
assert reached == sorted({_K(int(k)).label for k in _sig.org_kind}), "reached is wrong"
_codes = np.where(_sig.event == EventKind.REPORT, _sig.reason, _sig.detail)
_src = [_S(int(c)).name.lower() for c in _codes]
assert sources == sorted(set(_src)), "sources is wrong"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_combined",
        1,
        {
            "nl": '''
"""combined: kwamen de signalen ooit samen aan één tafel?"""
assert isinstance(combined, bool), "combined moet True of False zijn"
### BEGIN HIDDEN TESTS
_r = result.records
_met = ((_r.family == case.family) & (_r.time < case.escalation_time) & (_r.event == EventKind.MEETING)).any()
assert combined == bool(_met), "combined klopt niet met de gebeurtenissen"
### END HIDDEN TESTS
''',
            "en": '''
"""combined: did the signals ever come together at one table?"""
assert isinstance(combined, bool), "combined must be True or False"
### BEGIN HIDDEN TESTS
_r = result.records
_met = ((_r.family == case.family) & (_r.time < case.escalation_time) & (_r.event == EventKind.MEETING)).any()
assert combined == bool(_met), "combined does not match the events"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel D — Reflectie (4 punten, nakijken door de trainer)

Schrijf 8 tot 12 zinnen zoals in een casusreview:
* noem **twee of drie momenten** (met `policy_day`) waarop de keten had kunnen handelen, en wat
  er dan had kunnen gebeuren;
* wie had de signalen kunnen **samenvoegen**, en aan welke tafel;
* welke werkwijze uit de *Ontwikkelagenda Veiligheid voorop* (Samen op in acuut, actieoverleg,
  HG met VT & ZSM, informatiedeling, …) had hier het meest geholpen, en waarom;
* wat een synthetische casus **niet** kan laten zien.

*Het nakijkmodel:* 1 punt momenten concreet uit de gebeurtenissen, 1 punt samenvoegen (wie, waar),
1 punt passende werkwijze met onderbouwing, 1 punt grenzen van de synthetische casus.
""",
            "en": """
## Part D — Reflection (4 points, graded by the trainer)

Write 8 to 12 sentences as in a case review:
* name **two or three moments** (with `policy_day`) at which the chain could have acted, and what
  could have happened then;
* who could have **combined** the signals, and at which table;
* which way of working from the *Ontwikkelagenda Veiligheid voorop* (Samen op in acuut,
  actieoverleg, HG met VT & ZSM, information sharing, …) would have helped most here, and why;
* what a synthetic case **cannot** show.

*Marking scheme:* 1 point moments concrete from the events, 1 point combining (who, where), 1 point a
fitting way of working with reasons, 1 point limits of the synthetic case.
""",
        }
    ),
    Answer(
        "reflection_case",
        4,
        {
            "nl": """
*Modelantwoord (voor de trainer; de details volgen uit de tabel).* Na de eerste politie-inzet droeg
Veilig Thuis het gezin over aan het wijkteam; bij die overdracht ging informatie verloren en het
gezin wachtte ruim een maand zonder dat iemand de veiligheid bewaakte. Toen een professional kort
daarna meldde, beoordeelde Veilig Thuis het gezin — met onvolledige informatie — als veilig en sloot
af met advies; het OM seponeerde de aangifte. Het signaal van de politie en dat van de professional
kwamen zo bij verschillende organisaties binnen zonder dat iemand ze samenvoegde; er was geen
casusoverleg. Veilig Thuis had bij de tweede melding de politie-informatie erbij kunnen halen en
het gezin voor het actieoverleg kunnen voordragen; met HG met VT & ZSM had de kennis van Veilig
Thuis de beslissing van het OM kunnen voeden, en met afspraken over informatiedeling was het verlies
bij de overdracht kleiner geweest. Een warme overdracht, waarbij Veilig Thuis de veiligheid bewaakt
tot het wijkteam start, had het gat van een maand gedicht. Een synthetische casus laat zien hoe
mechanismen samen uitpakken, niet wat professionals wisten, dachten of hadden kunnen weten.
""",
            "en": """
*Model answer (for the trainer; details follow from the table).* After the first police callout
Veilig Thuis handed the family to the local team; information was lost in that handoff and the
family waited more than a month with nobody watching its safety. When a professional reported
shortly after, Veilig Thuis assessed the family — with incomplete information — as safe and closed
with advice; the OM dismissed the complaint. The police signal and the professional's signal thus
reached different organisations without anyone combining them; there was no case meeting. At the
second report Veilig Thuis could have brought in the police information and proposed the family for
the actieoverleg; with HG met VT & ZSM Veilig Thuis's knowledge could have informed the OM's
decision, and with information-sharing agreements less would have been lost at the handoff. A warm
handoff, in which Veilig Thuis watches the family's safety until the local team starts, would have
closed the month-long gap. A synthetic case shows how mechanisms play out together, not what
professionals knew, thought or could have known.
""",
        },
    ),
    Md(
        {
            "nl": """
### Om over na te praten
* Kijk met `journey(result, case.family)` ook ná de escalatie: wat deed de keten toen wél?
* Draai dezelfde seed met intensieve samenwerking (`course_run("intensive-collaboration", 3)`) en
  zoek hetzelfde gezin op. Liep het anders? Waarom kan één gezin geen bewijs zijn?

*Wat het model wel en niet zegt:* het gezin is synthetisch en gekozen volgens vaste regels
(`escalated_case`); het is een oefencasus, geen reconstructie van een echte zaak.
""",
            "en": """
### To discuss
* Use `journey(result, case.family)` to look after the escalation too: what did the chain do then?
* Run the same seed with intensive collaboration (`course_run("intensive-collaboration", 3)`) and
  find the same family. Did it go differently? Why can one family not be evidence?

*What the model does and does not claim:* the family is synthetic and chosen by fixed rules
(`escalated_case`); it is a practice case, not a reconstruction of a real one.
""",
        }
    ),
]

ASSIGNMENT = Assignment(
    number="06",
    slug={"nl": "casusreview", "en": "casusreview"},
    title={"nl": "Casusreview", "en": "Case review (casusreview)"},
    minutes=45,
    cells=CELLS,
    mistake=Mistake(
        "lost_at",
        """
def lost_handoffs(events):
    if events.empty:
        raise ValueError("no events: the chain never saw this family")
    lost = events[events.facts_lost]
    return list(zip(lost.to, lost.organisation))  # (to, from): the wrong way round


lost_at = lost_handoffs(before)
""",
        fails=frozenset({"test_lost_at"}),
    ),
)
