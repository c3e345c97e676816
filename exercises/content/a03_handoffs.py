"""Assignment 3: handoffs versus joint work (counting from the records; Samen op in acuut, HG met VT & ZSM)."""

from content.cells import Assignment, Code, Md, Mistake, Solution, Tests

CELLS = [
    Md(
        {
            "nl": """
# Opdracht 3 — Overdrachten of samen optrekken

**Tijd:** ongeveer 45 minuten · **Punten:** 11

Elke overdracht kost tijd, kan informatie verliezen en kan worden teruggestuurd; intussen bewaakt
soms niemand de veiligheid. Twee werkwijzen uit de *Ontwikkelagenda Veiligheid voorop* vervangen
een overdracht door samenwerking: bij **Samen op in acuut** reageren politie en Veilig Thuis samen,
binnen een dag; bij **HG met VT & ZSM** brengt Veilig Thuis zijn kennis van het gezin aan de
ZSM-tafel. Wat levert dat op?

### Leerdoelen
Na deze opdracht kun je
1. uit de gebeurtenissen tellen hoeveel **overdrachten**, **verloren informatie** en
   **professionals** een gezin meemaakt — zoals het model zelf telt;
2. huidige praktijk en samenwerking **vergelijken over dezelfde seeds**;
3. met **dezelfde gezinnen** in beide varianten (gemeenschappelijke toevalsgetallen) laten zien
   wat samen optrekken per gezin verandert.

| deel | onderwerp | punten |
|---|---|---|
| A | Tellen uit de gebeurtenissen | 5 |
| B | Huidige praktijk tegenover samenwerking | 3 |
| C | Dezelfde gezinnen, twee werkwijzen | 3 |
""",
            "en": """
# Assignment 3 — Handoffs versus joint work

**Time:** about 45 minutes · **Points:** 11

Every handoff takes time, can lose information and can be sent back; meanwhile sometimes nobody
watches the family's safety. Two ways of working from the *Ontwikkelagenda Veiligheid voorop*
replace a handoff by joint work: in **Samen op in acuut** police and Veilig Thuis respond together,
within a day; in **HG met VT & ZSM** Veilig Thuis brings what it knows about the family to the ZSM
desk. What does that give?

### Learning goals
After this assignment you can
1. count from the event records how many **handoffs**, how much **lost information** and how many
   **professionals** a family meets — the way the model counts;
2. **compare** current practice with joint work **over the same seeds**;
3. show with **the same families** in both variants (common random numbers) what joint work
   changes for each family.

| part | topic | points |
|---|---|---|
| A | Counting from the records | 5 |
| B | Current practice versus joint work | 3 |
| C | The same families, two ways of working | 3 |
""",
        }
    ),
    Code(
        {
            "nl": """
# Voorbereiding (alleen-lezen): drie seeds, huidige praktijk en samenwerking (volledig ingevoerd vanaf dag 0)
import copy

import numpy as np
import pandas as pd

from simulation.course import PROFESSIONAL_SERVICES, course_run, flag_names, journey
from simulation.enums import EventKind, OrgKind, Reason
from simulation.records import FACTS_LOST, NO_HOLDER, REFUSED, SENDER_KEEPS_SAFETY

SEEDS = [1, 2, 3]
JOINT = {"mechanisms": {
    "samen_op_in_acuut": {"enabled": True, "ramp_years": 0.0, "coverage": 1.0},
    "hg_met_vt_en_zsm": {"enabled": True, "ramp_years": 0.0, "coverage": 1.0},
}}
current = {s: course_run("current-practice", s) for s in SEEDS}
joint = {s: course_run("current-practice", s, overrides=JOINT) for s in SEEDS}
result = current[1]
""",
            "en": """
# Setup (read-only): three seeds, current practice and joint work (fully in place from day 0)
import copy

import numpy as np
import pandas as pd

from simulation.course import PROFESSIONAL_SERVICES, course_run, flag_names, journey
from simulation.enums import EventKind, OrgKind, Reason
from simulation.records import FACTS_LOST, NO_HOLDER, REFUSED, SENDER_KEEPS_SAFETY

SEEDS = [1, 2, 3]
JOINT = {"mechanisms": {
    "samen_op_in_acuut": {"enabled": True, "ramp_years": 0.0, "coverage": 1.0},
    "hg_met_vt_en_zsm": {"enabled": True, "ramp_years": 0.0, "coverage": 1.0},
}}
current = {s: course_run("current-practice", s) for s in SEEDS}
joint = {s: course_run("current-practice", s, overrides=JOINT) for s in SEEDS}
result = current[1]
""",
        },
        grade_id="setup",
    ),
    Md(
        {
            "nl": """
### Overdrachten in de records
Een overdracht is een rij met `event == EventKind.HANDOFF`: `org_kind` is de afzender, `detail` de
ontvanger, `value` het aantal dagen tot de ontvanger het gezin heeft. De kolom `flag` is een
optelsom van bits: `FACTS_LOST` (1, informatie verloren), `REFUSED` (2, teruggestuurd en opnieuw
verstuurd), `SENDER_KEEPS_SAFETY` (4, de afzender bewaakt de veiligheid tijdens het wachten),
`NO_HOLDER` (16, niemand bewaakt de veiligheid). Test een bit met `(records.flag & FACTS_LOST) > 0`;
`flag_names(17)` geeft `['facts_lost', 'nobody_holds_safety']`.
""",
            "en": """
### Handoffs in the records
A handoff is a row with `event == EventKind.HANDOFF`: `org_kind` is the sender, `detail` the
receiver, `value` the number of days until the receiver has the family. The column `flag` is a sum
of bits: `FACTS_LOST` (1, information lost), `REFUSED` (2, sent back and sent again),
`SENDER_KEEPS_SAFETY` (4, the sender watches the family's safety while it waits), `NO_HOLDER`
(16, nobody watches its safety). Test a bit with `(records.flag & FACTS_LOST) > 0`;
`flag_names(17)` gives `['facts_lost', 'nobody_holds_safety']`.
""",
        }
    ),
    Code(
        """
handoffs = result.records[result.records.event == EventKind.HANDOFF]
handoffs.head()
"""
    ),
    Md(
        {
            "nl": """
## Deel A — Tellen uit de gebeurtenissen (5 punten)

Schrijf `chain_counts(result)`. Ze kijkt alleen naar de **beleidsperiode** (`time >= result.start_day`)
en geeft een DataFrame met **één rij per gezin in de keten** — de gezinnen met `n_reports_policy > 0`
in `result.families`, met het gezinsnummer als index — en drie kolommen met gehele getallen:
* `handoffs`: het aantal overdrachten; een **teruggestuurde** overdracht (bit `REFUSED`) telt
  **twee keer** (heen en terug);
* `facts_lost`: het aantal overdrachten waarbij informatie verloren ging (bit `FACTS_LOST`);
* `professionals`: hoe vaak het gezin een (nieuwe) professional ontmoet. Het model telt er één bij
  elke **start van werk** (`EventKind.CASE_START`) waarvan `detail` in `PROFESSIONAL_SERVICES`
  zit, bij elke **politie-inzet** (`EventKind.SIGNAL` met `org_kind == OrgKind.POLICE`) en bij
  elke **wisseling van professional** (`EventKind.STAFF_CHANGE`).

Een gezin in de keten zonder zulke gebeurtenissen krijgt 0. Het model houdt dezelfde tellingen bij
in `result.families` (`n_handoffs_policy`, …): jouw telling uit de records moet daarmee kloppen.

**Foutgeval:** is er in de beleidsperiode **geen enkel gezin** in de keten (bijvoorbeeld een run die
stopte voordat het beleid begon), dan geeft `chain_counts` een `ValueError` — een lege tabel zou
in een vergelijking stilletjes als "nul overdrachten" meetellen.
""",
            "en": """
## Part A — Counting from the records (5 points)

Write `chain_counts(result)`. It looks only at the **policy period** (`time >= result.start_day`)
and returns a DataFrame with **one row per family in the chain** — the families with
`n_reports_policy > 0` in `result.families`, with the family number as index — and three integer
columns:
* `handoffs`: the number of handoffs; a **refused** handoff (bit `REFUSED`) counts **twice**
  (there and back);
* `facts_lost`: the number of handoffs in which information was lost (bit `FACTS_LOST`);
* `professionals`: how often the family meets a (new) professional. The model counts one at every
  **start of work** (`EventKind.CASE_START`) whose `detail` is in `PROFESSIONAL_SERVICES`, at every
  **police callout** (`EventKind.SIGNAL` with `org_kind == OrgKind.POLICE`) and at every **change of
  professional** (`EventKind.STAFF_CHANGE`).

A family in the chain without such events gets 0. The model keeps the same counts in
`result.families` (`n_handoffs_policy`, …): your count from the records must match them.

**Error case:** if **no family at all** is in the chain in the policy period (for example a run that
stopped before the policy began), `chain_counts` raises a `ValueError` — an empty table would
silently count as "zero handoffs" in a comparison.
""",
        }
    ),
    Solution(
        "chain_counts",
        {
            "nl": '''
def chain_counts(result):
    """Per gezin in de keten: overdrachten, verloren informatie en professionals in de beleidsperiode."""
    ### BEGIN SOLUTION
    rec = result.records[result.records.time >= result.start_day]
    chain = result.families.loc[result.families.n_reports_policy > 0, "family"]
    if chain.empty:
        raise ValueError("geen enkel gezin in de keten in de beleidsperiode")
    h = rec[rec.event == EventKind.HANDOFF]
    handoffs = (1 + ((h.flag & REFUSED) > 0).astype(int)).groupby(h.family).sum()
    lost = ((h.flag & FACTS_LOST) > 0).astype(int).groupby(h.family).sum()
    met = rec[
        ((rec.event == EventKind.CASE_START) & rec.detail.isin(PROFESSIONAL_SERVICES))
        | ((rec.event == EventKind.SIGNAL) & (rec.org_kind == OrgKind.POLICE))
        | (rec.event == EventKind.STAFF_CHANGE)
    ]
    professionals = met.groupby("family").size()
    table = pd.DataFrame({"handoffs": handoffs, "facts_lost": lost, "professionals": professionals})
    return table.reindex(chain.to_numpy()).fillna(0).astype(int)
    ### END SOLUTION
''',
            "en": '''
def chain_counts(result):
    """Per family in the chain: handoffs, lost information and professionals in the policy period."""
    ### BEGIN SOLUTION
    rec = result.records[result.records.time >= result.start_day]
    chain = result.families.loc[result.families.n_reports_policy > 0, "family"]
    if chain.empty:
        raise ValueError("no family in the chain in the policy period")
    h = rec[rec.event == EventKind.HANDOFF]
    handoffs = (1 + ((h.flag & REFUSED) > 0).astype(int)).groupby(h.family).sum()
    lost = ((h.flag & FACTS_LOST) > 0).astype(int).groupby(h.family).sum()
    met = rec[
        ((rec.event == EventKind.CASE_START) & rec.detail.isin(PROFESSIONAL_SERVICES))
        | ((rec.event == EventKind.SIGNAL) & (rec.org_kind == OrgKind.POLICE))
        | (rec.event == EventKind.STAFF_CHANGE)
    ]
    professionals = met.groupby("family").size()
    table = pd.DataFrame({"handoffs": handoffs, "facts_lost": lost, "professionals": professionals})
    return table.reindex(chain.to_numpy()).fillna(0).astype(int)
    ### END SOLUTION
''',
        },
    ),
    Code(
        """
counts = chain_counts(result)
counts.describe().loc[["mean", "max"]]
"""
    ),
    Tests(
        "test_counts_handoffs",
        2,
        {
            "nl": '''
"""chain_counts(): één rij per gezin in de keten; overdrachten (teruggestuurd telt twee keer)."""
_c = chain_counts(result)
_fam = result.families.set_index("family")
_chain = _fam.index[_fam.n_reports_policy > 0]
assert sorted(_c.index) == sorted(_chain), f"verwacht {len(_chain)} gezinnen in de keten, kreeg {len(_c)} rijen"
_diff = int((_c.handoffs != _fam.loc[_c.index, "n_handoffs_policy"]).sum())
assert _diff == 0, f"bij {_diff} gezinnen klopt het aantal overdrachten niet met n_handoffs_policy"
### BEGIN HIDDEN TESTS
_fake = copy.copy(result)
_fake.records = result.records[result.records.event != EventKind.HANDOFF]
assert (chain_counts(_fake).handoffs == 0).all(), "tel de overdrachten uit de records, niet uit result.families"
_fake.records = result.records.assign(flag=result.records.flag | REFUSED)
_h = result.records[(result.records.event == EventKind.HANDOFF) & (result.records.time >= result.start_day)]
_twice = chain_counts(_fake).handoffs.sum() == 2 * _h.family.isin(_chain).sum()
assert _twice, "een teruggestuurde overdracht telt twee keer"
### END HIDDEN TESTS
''',
            "en": '''
"""chain_counts(): one row per family in the chain; handoffs (a refused one counts twice)."""
_c = chain_counts(result)
_fam = result.families.set_index("family")
_chain = _fam.index[_fam.n_reports_policy > 0]
assert sorted(_c.index) == sorted(_chain), f"expected {len(_chain)} families in the chain, got {len(_c)} rows"
_diff = int((_c.handoffs != _fam.loc[_c.index, "n_handoffs_policy"]).sum())
assert _diff == 0, f"for {_diff} families the number of handoffs differs from n_handoffs_policy"
### BEGIN HIDDEN TESTS
_fake = copy.copy(result)
_fake.records = result.records[result.records.event != EventKind.HANDOFF]
assert (chain_counts(_fake).handoffs == 0).all(), "count the handoffs from the records, not from result.families"
_fake.records = result.records.assign(flag=result.records.flag | REFUSED)
_h = result.records[(result.records.event == EventKind.HANDOFF) & (result.records.time >= result.start_day)]
_twice = chain_counts(_fake).handoffs.sum() == 2 * _h.family.isin(_chain).sum()
assert _twice, "a refused handoff counts twice"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_counts_facts_lost",
        1,
        {
            "nl": '''
"""chain_counts(): overdrachten waarbij informatie verloren ging."""
_c = chain_counts(result)
_fam = result.families.set_index("family")
_diff = int((_c.facts_lost != _fam.loc[_c.index, "n_facts_lost_policy"]).sum())
assert _diff == 0, f"bij {_diff} gezinnen klopt facts_lost niet met n_facts_lost_policy"
### BEGIN HIDDEN TESTS
_fake = copy.copy(result)
_fake.records = result.records.assign(flag=result.records.flag & ~FACTS_LOST)
assert (chain_counts(_fake).facts_lost == 0).all(), "tel verloren informatie uit de flag-bits van de records"
### END HIDDEN TESTS
''',
            "en": '''
"""chain_counts(): handoffs in which information was lost."""
_c = chain_counts(result)
_fam = result.families.set_index("family")
_diff = int((_c.facts_lost != _fam.loc[_c.index, "n_facts_lost_policy"]).sum())
assert _diff == 0, f"for {_diff} families facts_lost differs from n_facts_lost_policy"
### BEGIN HIDDEN TESTS
_fake = copy.copy(result)
_fake.records = result.records.assign(flag=result.records.flag & ~FACTS_LOST)
assert (chain_counts(_fake).facts_lost == 0).all(), "count lost information from the flag bits of the records"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_counts_professionals",
        1,
        {
            "nl": '''
"""chain_counts(): professionals die het gezin ontmoet."""
_c = chain_counts(result)
_fam = result.families.set_index("family")
_diff = int((_c.professionals != _fam.loc[_c.index, "n_professionals_policy"]).sum())
assert _diff == 0, f"bij {_diff} gezinnen klopt professionals niet met n_professionals_policy"
### BEGIN HIDDEN TESTS
_fake = copy.copy(result)
_fake.records = result.records[result.records.event != EventKind.SIGNAL]
assert (chain_counts(_fake).professionals <= _c.professionals).all(), "tel politie-inzetten uit de records"
assert chain_counts(_fake).professionals.sum() < _c.professionals.sum(), "tel politie-inzetten uit de records"
### END HIDDEN TESTS
''',
            "en": '''
"""chain_counts(): professionals the family meets."""
_c = chain_counts(result)
_fam = result.families.set_index("family")
_diff = int((_c.professionals != _fam.loc[_c.index, "n_professionals_policy"]).sum())
assert _diff == 0, f"for {_diff} families professionals differs from n_professionals_policy"
### BEGIN HIDDEN TESTS
_fake = copy.copy(result)
_fake.records = result.records[result.records.event != EventKind.SIGNAL]
assert (chain_counts(_fake).professionals <= _c.professionals).all(), "count police callouts from the records"
assert chain_counts(_fake).professionals.sum() < _c.professionals.sum(), "count police callouts from the records"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_counts_error",
        1,
        {
            "nl": '''
"""chain_counts() geeft een ValueError als er geen enkel gezin in de keten is."""
_fake = copy.copy(result)
_fake.families = result.families.assign(n_reports_policy=0)
try:
    chain_counts(_fake)
except ValueError:
    pass
else:
    raise AssertionError("verwacht een ValueError voor een run zonder gezinnen in de keten, maar er kwam geen fout")
### BEGIN HIDDEN TESTS
_one = result.families.n_reports_policy.where(result.families.index == result.families.n_reports_policy.idxmax(), 0)
_fake.families = result.families.assign(n_reports_policy=_one)
assert len(chain_counts(_fake)) == 1, "met één gezin in de keten is er geen fout, maar één rij"
### END HIDDEN TESTS
''',
            "en": '''
"""chain_counts() raises a ValueError when no family is in the chain."""
_fake = copy.copy(result)
_fake.families = result.families.assign(n_reports_policy=0)
try:
    chain_counts(_fake)
except ValueError:
    pass
else:
    raise AssertionError("expected a ValueError for a run without families in the chain, but no error was raised")
### BEGIN HIDDEN TESTS
_one = result.families.n_reports_policy.where(result.families.index == result.families.n_reports_policy.idxmax(), 0)
_fake.families = result.families.assign(n_reports_policy=_one)
assert len(chain_counts(_fake)) == 1, "with one family in the chain there is no error but one row"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel B — Huidige praktijk tegenover samenwerking (3 punten)

1. Maak `summary`: een DataFrame met de seeds (`SEEDS`) als index en vier kolommen met het
   **gemiddelde per gezin in de keten**: `handoffs_current`, `handoffs_joint`,
   `facts_lost_current`, `facts_lost_joint` (uit `chain_counts` van `current[s]` en `joint[s]`).
2. Zet `fewer_everywhere` op `True` als samenwerking in **elke** seed zowel minder overdrachten als
   minder verloren informatie per gezin geeft, anders op `False` — bereken het uit `summary`.
""",
            "en": """
## Part B — Current practice versus joint work (3 points)

1. Make `summary`: a DataFrame with the seeds (`SEEDS`) as index and four columns with the **mean
   per family in the chain**: `handoffs_current`, `handoffs_joint`, `facts_lost_current`,
   `facts_lost_joint` (from `chain_counts` of `current[s]` and `joint[s]`).
2. Set `fewer_everywhere` to `True` if joint work gives both fewer handoffs and less lost
   information per family in **every** seed, else to `False` — compute it from `summary`.
""",
        }
    ),
    Solution(
        "summary",
        """
### BEGIN SOLUTION
rows = {}
for s in SEEDS:
    c, j = chain_counts(current[s]), chain_counts(joint[s])
    rows[s] = {
        "handoffs_current": c.handoffs.mean(),
        "handoffs_joint": j.handoffs.mean(),
        "facts_lost_current": c.facts_lost.mean(),
        "facts_lost_joint": j.facts_lost.mean(),
    }
summary = pd.DataFrame.from_dict(rows, orient="index")
fewer_handoffs = summary.handoffs_joint < summary.handoffs_current
less_lost = summary.facts_lost_joint < summary.facts_lost_current
fewer_everywhere = bool((fewer_handoffs & less_lost).all())
### END SOLUTION
summary
""",
    ),
    Tests(
        "test_summary",
        2,
        {
            "nl": '''
"""summary: gemiddelden per gezin in de keten, per seed en werkwijze."""
assert list(summary.index) == SEEDS, f"de index moet de seeds {SEEDS} zijn, niet {list(summary.index)}"
_cols = {"handoffs_current", "handoffs_joint", "facts_lost_current", "facts_lost_joint"}
assert _cols <= set(summary.columns), f"kolommen ontbreken: {sorted(_cols - set(summary.columns))}"
### BEGIN HIDDEN TESTS
def _chain_mean(_result, _column):
    _f = _result.families
    return _f.loc[_f.n_reports_policy > 0, _column].mean()
for _s in SEEDS:
    for _col, _column, _runs in (
        ("handoffs_current", "n_handoffs_policy", current),
        ("handoffs_joint", "n_handoffs_policy", joint),
        ("facts_lost_current", "n_facts_lost_policy", current),
        ("facts_lost_joint", "n_facts_lost_policy", joint),
    ):
        assert np.isclose(summary.loc[_s, _col], _chain_mean(_runs[_s], _column)), f"{_col} klopt niet"
### END HIDDEN TESTS
''',
            "en": '''
"""summary: means per family in the chain, per seed and way of working."""
assert list(summary.index) == SEEDS, f"the index must be the seeds {SEEDS}, not {list(summary.index)}"
_cols = {"handoffs_current", "handoffs_joint", "facts_lost_current", "facts_lost_joint"}
assert _cols <= set(summary.columns), f"missing columns: {sorted(_cols - set(summary.columns))}"
### BEGIN HIDDEN TESTS
def _chain_mean(_result, _column):
    _f = _result.families
    return _f.loc[_f.n_reports_policy > 0, _column].mean()
for _s in SEEDS:
    for _col, _column, _runs in (
        ("handoffs_current", "n_handoffs_policy", current),
        ("handoffs_joint", "n_handoffs_policy", joint),
        ("facts_lost_current", "n_facts_lost_policy", current),
        ("facts_lost_joint", "n_facts_lost_policy", joint),
    ):
        assert np.isclose(summary.loc[_s, _col], _chain_mean(_runs[_s], _column)), f"{_col} is wrong"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_fewer_everywhere",
        1,
        {
            "nl": '''
"""fewer_everywhere: volgt uit summary."""
assert isinstance(fewer_everywhere, bool), "fewer_everywhere moet True of False zijn"
_h_ok = summary.handoffs_joint < summary.handoffs_current
_l_ok = summary.facts_lost_joint < summary.facts_lost_current
_want = bool((_h_ok & _l_ok).all())
assert fewer_everywhere == _want, "fewer_everywhere volgt niet uit de getallen in summary"
''',
            "en": '''
"""fewer_everywhere: follows from summary."""
assert isinstance(fewer_everywhere, bool), "fewer_everywhere must be True or False"
_h_ok = summary.handoffs_joint < summary.handoffs_current
_l_ok = summary.facts_lost_joint < summary.facts_lost_current
_want = bool((_h_ok & _l_ok).all())
assert fewer_everywhere == _want, "fewer_everywhere does not follow from the numbers in summary"
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel C — Dezelfde gezinnen, twee werkwijzen (3 punten)

Met dezelfde seed zijn het in beide varianten **dezelfde gezinnen** met dezelfde incidenten, tot het
beleid hun pad verandert. Daarom kun je per gezin vergelijken.
1. Zet in `joint_families` de gesorteerde lijst gezinsnummers (gewone `int`s) die in `joint[1]` in de
   beleidsperiode een besluit tot **gezamenlijke aanpak** kregen (`event == EventKind.DECISION` en
   `reason == Reason.JOINT_RESPONSE`).
2. Zet in `paired` per gezin uit `joint_families` het verschil in overdrachten:
   `handoffs` in `joint[1]` min `handoffs` in `current[1]` (uit `chain_counts`; een gezin dat in een
   run niet in de keten is telt daar als 0). Een `pd.Series` met het gezinsnummer als index.
""",
            "en": """
## Part C — The same families, two ways of working (3 points)

With the same seed both variants have **the same families** with the same incidents, until policy
changes their path. So you can compare family by family.
1. Put in `joint_families` the sorted list of family numbers (plain `int`s) that got a decision for
   **joint work** in `joint[1]` during the policy period (`event == EventKind.DECISION` and
   `reason == Reason.JOINT_RESPONSE`).
2. Put in `paired`, for each family in `joint_families`, the difference in handoffs: `handoffs` in
   `joint[1]` minus `handoffs` in `current[1]` (from `chain_counts`; a family not in the chain in a
   run counts as 0 there). A `pd.Series` with the family number as index.
""",
        }
    ),
    Solution(
        "paired",
        """
### BEGIN SOLUTION
rec = joint[1].records
policy = rec[rec.time >= joint[1].start_day]
decided = policy[(policy.event == EventKind.DECISION) & (policy.reason == Reason.JOINT_RESPONSE)]
joint_families = sorted(int(f) for f in decided.family.unique())
with_joint = chain_counts(joint[1]).handoffs.reindex(joint_families, fill_value=0)
without = chain_counts(current[1]).handoffs.reindex(joint_families, fill_value=0)
paired = with_joint - without
### END SOLUTION
print(len(joint_families), "families;", f"mean change in handoffs per family: {paired.mean():+.2f}")
""",
    ),
    Tests(
        "test_joint_families",
        1,
        {
            "nl": '''
"""joint_families: gezinnen met een besluit tot gezamenlijke aanpak."""
_n = len(joint_families)
assert _n > 100, f"bij volledige invoering krijgen honderden gezinnen een gezamenlijke aanpak, niet {_n}"
assert joint_families == sorted(joint_families), "joint_families moet gesorteerd zijn"
### BEGIN HIDDEN TESTS
_r = joint[1].records
_r = _r[_r.time >= joint[1].start_day]
_d = _r[(_r.event == EventKind.DECISION) & (_r.reason == Reason.JOINT_RESPONSE)]
_ok = joint_families == sorted(int(f) for f in _d.family.unique())
assert _ok, "joint_families klopt niet (alleen de beleidsperiode, elk gezin één keer)"
### END HIDDEN TESTS
''',
            "en": '''
"""joint_families: families with a decision for joint work."""
_n = len(joint_families)
assert _n > 100, f"fully rolled out, hundreds of families get joint work, not {_n}"
assert joint_families == sorted(joint_families), "joint_families must be sorted"
### BEGIN HIDDEN TESTS
_r = joint[1].records
_r = _r[_r.time >= joint[1].start_day]
_d = _r[(_r.event == EventKind.DECISION) & (_r.reason == Reason.JOINT_RESPONSE)]
_ok = joint_families == sorted(int(f) for f in _d.family.unique())
assert _ok, "joint_families is wrong (policy period only, each family once)"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_paired",
        2,
        {
            "nl": '''
"""paired: verschil in overdrachten per gezin; samen optrekken scheelt overdrachten."""
assert len(paired) == len(joint_families), "één verschil per gezin in joint_families"
assert paired.mean() < 0, f"gemiddeld minder overdrachten met samenwerking verwacht, kreeg {paired.mean():+.2f}"
### BEGIN HIDDEN TESTS
_fj = joint[1].families.set_index("family")
_fc = current[1].families.set_index("family")
_a = _fj.n_handoffs_policy.where(_fj.n_reports_policy > 0, 0)
_b = _fc.n_handoffs_policy.where(_fc.n_reports_policy > 0, 0)
_want = (_a - _b).loc[joint_families]
assert np.allclose(paired.loc[joint_families].to_numpy(), _want.to_numpy()), "de verschillen per gezin kloppen niet"
### END HIDDEN TESTS
''',
            "en": '''
"""paired: difference in handoffs per family; joint work saves handoffs."""
assert len(paired) == len(joint_families), "one difference per family in joint_families"
assert paired.mean() < 0, f"expected fewer handoffs with joint work on average, got {paired.mean():+.2f}"
### BEGIN HIDDEN TESTS
_fj = joint[1].families.set_index("family")
_fc = current[1].families.set_index("family")
_a = _fj.n_handoffs_policy.where(_fj.n_reports_policy > 0, 0)
_b = _fc.n_handoffs_policy.where(_fc.n_reports_policy > 0, 0)
_want = (_a - _b).loc[joint_families]
assert np.allclose(paired.loc[joint_families].to_numpy(), _want.to_numpy()), "the differences per family are wrong"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
### Om over na te praten
* Samenwerking scheelt overdrachten en verloren informatie. Verandert ook het aantal
  professionals per gezin? Bereken het gepaarde verschil in `professionals` en verklaar wat je ziet
  (wie ontmoet het gezin bij Samen op in acuut?).
* Zoek in `journey(joint[1], joint_families[0])` de gezamenlijke aanpak op. Welke overdracht was er
  in `current[1]` voor hetzelfde gezin?
* Wat kost samenwerking? (Kijk naar `metrics.compute(...)["hours_per_year"]`.)

*Wat het model wel en niet zegt:* de kansen op verlies en weigering per route zijn aannames met een
bandbreedte. Het model laat zien dat minder overdrachten minder verlies geven *als* die aannames
kloppen; het meet het niet.
""",
            "en": """
### To discuss
* Joint work saves handoffs and lost information. Does the number of professionals per family
  change too? Compute the paired difference in `professionals` and explain what you see (whom does
  the family meet in Samen op in acuut?).
* Find the joint response in `journey(joint[1], joint_families[0])`. Which handoff did the same
  family have in `current[1]`?
* What does joint work cost? (Look at `metrics.compute(...)["hours_per_year"]`.)

*What the model does and does not claim:* the chances of loss and refusal per route are assumptions
with a range. The model shows that fewer handoffs give less loss *if* those assumptions hold; it
does not measure it.
""",
        }
    ),
]

ASSIGNMENT = Assignment(
    number="03",
    slug={"nl": "overdrachten", "en": "handoffs"},
    title={"nl": "Overdrachten of samen optrekken", "en": "Handoffs versus joint work"},
    minutes=45,
    cells=CELLS,
    mistake=Mistake(
        "chain_counts",
        """
def chain_counts(result):
    rec = result.records[result.records.time >= result.start_day]
    chain = result.families.loc[result.families.n_reports_policy > 0, "family"]
    if chain.empty:
        raise ValueError("no family in the chain in the policy period")
    h = rec[rec.event == EventKind.HANDOFF]
    handoffs = h.groupby("family").size()  # forgets that a refused handoff goes there and back
    lost = ((h.flag & FACTS_LOST) > 0).astype(int).groupby(h.family).sum()
    met = rec[
        ((rec.event == EventKind.CASE_START) & rec.detail.isin(PROFESSIONAL_SERVICES))
        | ((rec.event == EventKind.SIGNAL) & (rec.org_kind == OrgKind.POLICE))
        | (rec.event == EventKind.STAFF_CHANGE)
    ]
    table = pd.DataFrame({"handoffs": handoffs, "facts_lost": lost, "professionals": met.groupby("family").size()})
    return table.reindex(chain.to_numpy()).fillna(0).astype(int)
""",
        fails=frozenset({"test_counts_handoffs", "test_summary", "test_paired"}),
    ),
)
