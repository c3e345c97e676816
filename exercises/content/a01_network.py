"""Assignment 1: the network and its legal powers (organisation graph, networkx)."""

from content.cells import Assignment, Code, Md, Mistake, Solution, Tests

CELLS = [
    Md(
        {
            "nl": """
# Opdracht 1 — Het netwerk en zijn wettelijke bevoegdheden

**Tijd:** ongeveer 40 minuten · **Punten:** 10

Elke organisatie in de keten handelt vanuit haar eigen wettelijke taak. Wie mag een tijdelijk
huisverbod opleggen? Wie beslist aan de ZSM-tafel? Wie vraagt de kinderrechter om een
ondertoezichtstelling? En langs welke overdrachten komt een gezin van een politie-inzet bij een
ondertoezichtstelling terecht? Het model legt dat vast als een **organisatiegraaf**: knopen zijn
organisaties met hun bevoegdheden, pijlen zijn de routes waarlangs gezinnen worden overgedragen.

### Leerdoelen
Na deze opdracht kun je
1. voor een bevoegdheid (huisverbod, ZSM-beslissing, verzoek om een beschermingsmaatregel, …)
   aangeven welke organisatie die heeft — in de huidige keten en na een herinrichting;
2. de organisatiegraaf lezen: wie kan een gezin aan wie overdragen;
3. de route van een politie-inzet naar een ondertoezichtstelling volgen en zien wat elke
   overdracht kost aan tijd en aan verloren informatie.

| deel | onderwerp | punten |
|---|---|---|
| A | Wie heeft welke bevoegdheid? | 3 |
| B | Wat bundelt een regionaal veiligheidsteam? | 2 |
| C | Van politie-inzet naar ondertoezichtstelling | 3 |
| D | De partners van Veilig Thuis en de zwakste schakel | 2 |
""",
            "en": """
# Assignment 1 — The network and its legal powers

**Time:** about 40 minutes · **Points:** 10

Every organisation in the chain acts from its own legal task. Who may impose a temporary
restraining order? Who decides at the ZSM desk? Who asks the juvenile court for a supervision
order? And along which handoffs does a family get from a police callout to a supervision order?
The model records this as an **organisation graph**: nodes are organisations with their powers,
arrows are the routes along which families are handed off.

### Learning goals
After this assignment you can
1. say for a legal power (restraining order, ZSM decision, request for a protection measure, …)
   which organisation holds it — in today's chain and after a restructuring;
2. read the organisation graph: who can hand a family to whom;
3. follow the route from a police callout to a supervision order and see what each handoff costs
   in time and in lost information.

| part | topic | points |
|---|---|---|
| A | Who holds which power? | 3 |
| B | What does a regional safety team bundle? | 2 |
| C | From police callout to supervision order | 3 |
| D | Veilig Thuis's partners and the weakest link | 2 |
""",
        }
    ),
    Code(
        {
            "nl": """
# Voorbereiding (alleen-lezen): de organisatiegraaf uit het model
import math

import networkx as nx
import pandas as pd

from simulation.course import chain_graph, draw_chain, power_glossary
from simulation.enums import OrgKind

G = chain_graph()                         # de keten van nu (huidige praktijk)
G_rvt = chain_graph(restructured=True)    # na bundeling van VT, Raad en GI in een regionaal veiligheidsteam
draw_chain(G);
""",
            "en": """
# Setup (read-only): the organisation graph from the model
import math

import networkx as nx
import pandas as pd

from simulation.course import chain_graph, draw_chain, power_glossary
from simulation.enums import OrgKind

G = chain_graph()                         # today's chain (current practice)
G_rvt = chain_graph(restructured=True)    # after bundling VT, the board and the GI into a regional safety team
draw_chain(G);
""",
        },
        grade_id="setup",
    ),
    Md(
        {
            "nl": """
### Zo lees je de graaf
* Een **knoop** is een soort organisatie, bijvoorbeeld `OrgKind.POLICE`. Elke knoop heeft een
  `label` (de naam) en `powers`: de lijst beslissingen die haar wettelijke taak toestaat.
* Een **pijl** `(a, b)` is een overdrachtsroute van `a` naar `b`, met `delay_days` (gemiddeld aantal
  dagen tot `b` het gezin heeft), `p_facts_lost` (kans dat informatie verloren gaat),
  `p_refused` (kans dat `b` het terugstuurt) en `p_sender_keeps_safety` (kans dat `a` de veiligheid
  blijft bewaken zolang het gezin wacht).

Voer de cel hieronder uit: je ziet één knoop, één pijl en de woordenlijst van bevoegdheden.
""",
            "en": """
### How to read the graph
* A **node** is a kind of organisation, for example `OrgKind.POLICE`. Each node has a `label`
  (its name) and `powers`: the list of decisions its legal task allows.
* An **arrow** `(a, b)` is a handoff route from `a` to `b`, with `delay_days` (mean days until `b`
  has the family), `p_facts_lost` (chance that information is lost), `p_refused` (chance that `b`
  sends it back) and `p_sender_keeps_safety` (chance that `a` keeps watching the family's safety
  while it waits).

Run the cell below: you see one node, one arrow and the glossary of powers.
""",
        }
    ),
    Code(
        {
            "nl": """
print(G.nodes[OrgKind.MAYOR])
print(G.edges[OrgKind.POLICE, OrgKind.VEILIG_THUIS])
power_glossary("nl")
""",
            "en": """
print(G.nodes[OrgKind.MAYOR])
print(G.edges[OrgKind.POLICE, OrgKind.VEILIG_THUIS])
power_glossary("en")
""",
        }
    ),
    Md(
        {
            "nl": """
## Deel A — Wie heeft welke bevoegdheid? (3 punten)

Schrijf de functie `holders(graph, power)`:
* Ze geeft een **gesorteerde lijst met de labels** van alle organisaties in `graph` waarvan
  `powers` de bevoegdheid `power` bevat. Voorbeeld: `holders(G, "supervision_order")` geeft
  `["RvdK"]`.
* Ze werkt voor elke graaf, dus ook voor `G_rvt` (de keten na herinrichting).
* **Foutgeval:** heeft geen enkele organisatie in de graaf deze bevoegdheid, dan geeft ze een
  `ValueError` met de naam van de bevoegdheid in de melding.

*Tip:* `for node in graph:` loopt langs de knopen; `graph.nodes[node]["powers"]` en
`graph.nodes[node]["label"]` geven bevoegdheden en naam.
""",
            "en": """
## Part A — Who holds which power? (3 points)

Write the function `holders(graph, power)`:
* It returns a **sorted list of the labels** of all organisations in `graph` whose `powers`
  contain `power`. Example: `holders(G, "supervision_order")` returns `["RvdK"]`.
* It works for any graph, so also for `G_rvt` (the chain after restructuring).
* **Error case:** if no organisation in the graph holds this power, it raises a `ValueError` whose
  message names the power.

*Hint:* `for node in graph:` loops over the nodes; `graph.nodes[node]["powers"]` and
`graph.nodes[node]["label"]` give the powers and the name.
""",
        }
    ),
    Solution(
        "holders",
        {
            "nl": '''
def holders(graph, power):
    """Gesorteerde labels van de organisaties in `graph` die bevoegdheid `power` hebben."""
    ### BEGIN SOLUTION
    found = sorted(graph.nodes[node]["label"] for node in graph if power in graph.nodes[node]["powers"])
    if not found:
        raise ValueError(f"geen organisatie heeft de bevoegdheid {power!r}")
    return found
    ### END SOLUTION
''',
            "en": '''
def holders(graph, power):
    """Sorted labels of the organisations in `graph` that hold the power `power`."""
    ### BEGIN SOLUTION
    found = sorted(graph.nodes[node]["label"] for node in graph if power in graph.nodes[node]["powers"])
    if not found:
        raise ValueError(f"no organisation holds the power {power!r}")
    return found
    ### END SOLUTION
''',
        },
    ),
    Code('holders(G, "restraining_order")'),
    Tests(
        "test_holders_known",
        1,
        {
            "nl": '''
"""holders() geeft de gesorteerde labels van wie een bevoegdheid heeft."""
result = holders(G, "supervision_order")
assert result == ["RvdK"], f"verwacht ['RvdK'], maar kreeg {result!r}"
### BEGIN HIDDEN TESTS
assert holders(G, "restraining_order") == ["Mayor", "Police"], "de lijst moet gesorteerd zijn en iedereen bevatten"
assert holders(G, "conditional_dismissal") == ["OM / ZSM"], "holders() moet elke bevoegdheid vinden"
assert all(isinstance(x, str) for x in holders(G, "completed")), "holders() moet labels (tekst) geven"
### END HIDDEN TESTS
''',
            "en": '''
"""holders() returns the sorted labels of who holds a power."""
result = holders(G, "supervision_order")
assert result == ["RvdK"], f"expected ['RvdK'], got {result!r}"
### BEGIN HIDDEN TESTS
assert holders(G, "restraining_order") == ["Mayor", "Police"], "the list must be sorted and complete"
assert holders(G, "conditional_dismissal") == ["OM / ZSM"], "holders() must find every power"
assert all(isinstance(x, str) for x in holders(G, "completed")), "holders() must return labels (text)"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_holders_error",
        1,
        {
            "nl": '''
"""holders() geeft een ValueError voor een bevoegdheid die niemand heeft."""
try:
    holders(G, "make_coffee")
except ValueError:
    pass
else:
    raise AssertionError("verwacht een ValueError voor 'make_coffee', maar er kwam geen fout")
### BEGIN HIDDEN TESTS
try:
    holders(G, "issue_passports")
except ValueError as error:
    assert "issue_passports" in str(error), "de foutmelding moet de naam van de bevoegdheid noemen"
else:
    raise AssertionError("holders() moet een ValueError geven als niemand de bevoegdheid heeft")
### END HIDDEN TESTS
''',
            "en": '''
"""holders() raises a ValueError for a power that nobody holds."""
try:
    holders(G, "make_coffee")
except ValueError:
    pass
else:
    raise AssertionError("expected a ValueError for 'make_coffee', but no error was raised")
### BEGIN HIDDEN TESTS
try:
    holders(G, "issue_passports")
except ValueError as error:
    assert "issue_passports" in str(error), "the error message must name the power"
else:
    raise AssertionError("holders() must raise a ValueError when nobody holds the power")
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_holders_other_graph",
        1,
        {
            "nl": '''
"""holders() werkt ook voor de keten na herinrichting."""
assert isinstance(holders(G_rvt, "arrest"), list), "holders() moet een lijst geven"
### BEGIN HIDDEN TESTS
assert holders(G_rvt, "supervision_order") == ["Regionaal Veiligheidsteam"], "holders() moet elke graaf aankunnen"
assert holders(G_rvt, "restraining_order") == ["Mayor", "Police"], "holders() moet elke graaf aankunnen"
### END HIDDEN TESTS
''',
            "en": '''
"""holders() also works for the chain after restructuring."""
assert isinstance(holders(G_rvt, "arrest"), list), "holders() must return a list"
### BEGIN HIDDEN TESTS
assert holders(G_rvt, "supervision_order") == ["Regionaal Veiligheidsteam"], "holders() must handle any graph"
assert holders(G_rvt, "restraining_order") == ["Mayor", "Police"], "holders() must handle any graph"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel B — Wat bundelt een regionaal veiligheidsteam? (2 punten)

In het herinrichtingsscenario gaan Veilig Thuis, de Raad voor de Kinderbescherming en de GI op in
een **Regionaal Veiligheidsteam** (`OrgKind.REGIONAL_SAFETY_TEAM` in `G_rvt`). Zet in `bundled` de
**gesorteerde lijst van bevoegdheden** die het regionaal veiligheidsteam heeft en Veilig Thuis
(`OrgKind.VEILIG_THUIS` in `G`) níét.

*Tip:* `set(a) - set(b)` geeft wat in `a` zit en niet in `b`.
""",
            "en": """
## Part B — What does a regional safety team bundle? (2 points)

In the restructuring scenario Veilig Thuis, the child protection board and the GI merge into a
**regional safety team** (`OrgKind.REGIONAL_SAFETY_TEAM` in `G_rvt`). Put in `bundled` the
**sorted list of powers** that the regional safety team holds and Veilig Thuis
(`OrgKind.VEILIG_THUIS` in `G`) does **not**.

*Hint:* `set(a) - set(b)` gives what is in `a` and not in `b`.
""",
        }
    ),
    Solution(
        "bundled",
        """
### BEGIN SOLUTION
rvt_powers = set(G_rvt.nodes[OrgKind.REGIONAL_SAFETY_TEAM]["powers"])
vt_powers = set(G.nodes[OrgKind.VEILIG_THUIS]["powers"])
bundled = sorted(rvt_powers - vt_powers)
### END SOLUTION
bundled
""",
    ),
    Tests(
        "test_bundled",
        2,
        {
            "nl": '''
"""bundled: de bevoegdheden die het veiligheidsteam extra heeft, gesorteerd."""
assert isinstance(bundled, list), f"bundled moet een lijst zijn, maar is {type(bundled).__name__}"
assert bundled == sorted(bundled), "bundled moet gesorteerd zijn"
assert "safety_conditions" not in bundled, "Veilig Thuis heeft die bevoegdheid al"
### BEGIN HIDDEN TESTS
assert bundled == ["no_measure", "supervision_order"], "bundled mist bevoegdheden of bevat er te veel"
### END HIDDEN TESTS
''',
            "en": '''
"""bundled: the powers the safety team holds in addition, sorted."""
assert isinstance(bundled, list), f"bundled must be a list, not {type(bundled).__name__}"
assert bundled == sorted(bundled), "bundled must be sorted"
assert "safety_conditions" not in bundled, "Veilig Thuis already holds that power"
### BEGIN HIDDEN TESTS
assert bundled == ["no_measure", "supervision_order"], "bundled misses powers or has too many"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel C — Van politie-inzet naar ondertoezichtstelling (3 punten)

Een gezin komt in beeld doordat de politie wordt gebeld. Uiteindelijk voert de GI een
ondertoezichtstelling uit.
1. Zet in `route` de **labels** van de organisaties op de kortste route in `G` van
   `OrgKind.POLICE` naar `OrgKind.YOUTH_PROTECTION`, in volgorde (gebruik `nx.shortest_path`).
2. Zet in `days` het **verwachte aantal dagen** dat het gezin onderweg is in overdrachten langs die
   route (de som van `delay_days` van de pijlen), en in `p_complete` de **kans dat bij geen enkele
   overdracht informatie verloren gaat** (het product van `1 - p_facts_lost`).
""",
            "en": """
## Part C — From police callout to supervision order (3 points)

A family comes into view because the police are called. In the end the GI carries out a
supervision order.
1. Put in `route` the **labels** of the organisations on the shortest route in `G` from
   `OrgKind.POLICE` to `OrgKind.YOUTH_PROTECTION`, in order (use `nx.shortest_path`).
2. Put in `days` the **expected number of days** the family spends in handoffs along that route
   (the sum of the arrows' `delay_days`), and in `p_complete` the **chance that no handoff loses
   information** (the product of `1 - p_facts_lost`).
""",
        }
    ),
    Solution(
        "route",
        """
### BEGIN SOLUTION
path = nx.shortest_path(G, OrgKind.POLICE, OrgKind.YOUTH_PROTECTION)
route = [G.nodes[node]["label"] for node in path]
### END SOLUTION
route
""",
    ),
    Tests(
        "test_route",
        1,
        {
            "nl": '''
"""route: de labels op de kortste route van politie naar GI."""
assert route[0] == "Police" and route[-1] == "GI", f"de route moet bij Police beginnen en bij GI eindigen: {route}"
### BEGIN HIDDEN TESTS
assert route == ["Police", "Veilig Thuis", "RvdK", "GI"], "dit is niet de kortste route"
### END HIDDEN TESTS
''',
            "en": '''
"""route: the labels on the shortest route from police to GI."""
assert route[0] == "Police" and route[-1] == "GI", f"the route must start at Police and end at GI: {route}"
### BEGIN HIDDEN TESTS
assert route == ["Police", "Veilig Thuis", "RvdK", "GI"], "this is not the shortest route"
### END HIDDEN TESTS
''',
        },
    ),
    Solution(
        "route_cost",
        """
### BEGIN SOLUTION
steps = list(zip(path[:-1], path[1:]))
days = sum(G.edges[a, b]["delay_days"] for a, b in steps)
p_complete = math.prod(1 - G.edges[a, b]["p_facts_lost"] for a, b in steps)
### END SOLUTION
print(f"{days:.1f} days in handoffs; chance that no facts are lost: {p_complete:.0%}")
""",
    ),
    Tests(
        "test_route_cost",
        2,
        {
            "nl": '''
"""days en p_complete: wat de route kost aan tijd en aan informatie."""
assert days > 0, f"days moet positief zijn, maar is {days}"
assert 0 < p_complete < 1, f"p_complete is een kans tussen 0 en 1, maar is {p_complete}"
### BEGIN HIDDEN TESTS
_path = nx.shortest_path(G, OrgKind.POLICE, OrgKind.YOUTH_PROTECTION)
_edges = [G.edges[a, b] for a, b in zip(_path[:-1], _path[1:])]
assert math.isclose(days, sum(e["delay_days"] for e in _edges), rel_tol=1e-9), "days klopt niet met de route"
_p = math.prod(1 - e["p_facts_lost"] for e in _edges)
assert math.isclose(p_complete, _p, rel_tol=1e-9), "p_complete klopt niet met de route"
### END HIDDEN TESTS
''',
            "en": '''
"""days and p_complete: what the route costs in time and in information."""
assert days > 0, f"days must be positive, but is {days}"
assert 0 < p_complete < 1, f"p_complete is a chance between 0 and 1, but is {p_complete}"
### BEGIN HIDDEN TESTS
_path = nx.shortest_path(G, OrgKind.POLICE, OrgKind.YOUTH_PROTECTION)
_edges = [G.edges[a, b] for a, b in zip(_path[:-1], _path[1:])]
assert math.isclose(days, sum(e["delay_days"] for e in _edges), rel_tol=1e-9), "days does not match the route"
_p = math.prod(1 - e["p_facts_lost"] for e in _edges)
assert math.isclose(p_complete, _p, rel_tol=1e-9), "p_complete does not match the route"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
## Deel D — De partners van Veilig Thuis en de zwakste schakel (2 punten)

1. Zet in `vt_partners` de **gesorteerde labels** van alle organisaties waaraan Veilig Thuis in `G`
   een gezin rechtstreeks kan overdragen (`G.successors(...)`).
2. Zet in `weakest` het paar `(van, naar)` — als labels — van de route in `G` waarop informatie
   **het vaakst** verloren gaat (de grootste `p_facts_lost`).
""",
            "en": """
## Part D — Veilig Thuis's partners and the weakest link (2 points)

1. Put in `vt_partners` the **sorted labels** of all organisations to which Veilig Thuis can hand
   a family directly in `G` (`G.successors(...)`).
2. Put in `weakest` the pair `(from, to)` — as labels — of the route in `G` on which information is
   lost **most often** (the largest `p_facts_lost`).
""",
        }
    ),
    Solution(
        "partners",
        """
### BEGIN SOLUTION
vt_partners = sorted(G.nodes[node]["label"] for node in G.successors(OrgKind.VEILIG_THUIS))
a, b = max(G.edges, key=lambda edge: G.edges[edge]["p_facts_lost"])
weakest = (G.nodes[a]["label"], G.nodes[b]["label"])
### END SOLUTION
vt_partners, weakest
""",
    ),
    Tests(
        "test_vt_partners",
        1,
        {
            "nl": '''
"""vt_partners: aan wie Veilig Thuis rechtstreeks overdraagt, gesorteerd."""
assert "Wijkteam" in vt_partners, f"Veilig Thuis draagt ook over aan het wijkteam; vt_partners = {vt_partners}"
assert vt_partners == sorted(vt_partners), "vt_partners moet gesorteerd zijn"
### BEGIN HIDDEN TESTS
_expected = sorted(G.nodes[n]["label"] for n in G.successors(OrgKind.VEILIG_THUIS))
assert vt_partners == _expected, "vt_partners mist partners of bevat er te veel"
### END HIDDEN TESTS
''',
            "en": '''
"""vt_partners: to whom Veilig Thuis hands off directly, sorted."""
assert "Wijkteam" in vt_partners, f"Veilig Thuis also hands off to the local team; vt_partners = {vt_partners}"
assert vt_partners == sorted(vt_partners), "vt_partners must be sorted"
### BEGIN HIDDEN TESTS
_expected = sorted(G.nodes[n]["label"] for n in G.successors(OrgKind.VEILIG_THUIS))
assert vt_partners == _expected, "vt_partners misses partners or has too many"
### END HIDDEN TESTS
''',
        },
    ),
    Tests(
        "test_weakest",
        1,
        {
            "nl": '''
"""weakest: de route met de grootste kans op verloren informatie."""
assert isinstance(weakest, tuple) and len(weakest) == 2, f"weakest moet een paar (van, naar) zijn: {weakest!r}"
### BEGIN HIDDEN TESTS
_edge = max(G.edges, key=lambda e: G.edges[e]["p_facts_lost"])
assert weakest == (G.nodes[_edge[0]]["label"], G.nodes[_edge[1]]["label"]), "dit is niet de zwakste route"
### END HIDDEN TESTS
''',
            "en": '''
"""weakest: the route with the largest chance of lost information."""
assert isinstance(weakest, tuple) and len(weakest) == 2, f"weakest must be a pair (from, to): {weakest!r}"
### BEGIN HIDDEN TESTS
_edge = max(G.edges, key=lambda e: G.edges[e]["p_facts_lost"])
assert weakest == (G.nodes[_edge[0]]["label"], G.nodes[_edge[1]]["label"]), "this is not the weakest route"
### END HIDDEN TESTS
''',
        },
    ),
    Md(
        {
            "nl": """
### Om over na te praten
* Waarom heeft het model de politie én de burgemeester als houder van `restraining_order`? (De
  politie bereidt het huisverbod voor; de burgemeester legt het op.)
* Het regionaal veiligheidsteam bundelt bevoegdheden. Welke overdrachten verdwijnen daardoor, en
  welke routes naar politie, OM en reclassering blijven gewoon bestaan?
* De kans dat onderweg niets verloren gaat, is een product: wat betekent een extra overdracht voor
  de informatie over een gezin?

*Wat het model wel en niet zegt:* de graaf volgt de wettelijke taken (BRIEF §2); vertragingen en
kansen zijn aannames met een bandbreedte (`samenloop params`), geen metingen.
""",
            "en": """
### To discuss
* Why does the model list both the police and the mayor as holders of `restraining_order`? (The
  police prepare the restraining order; the mayor imposes it.)
* The regional safety team bundles powers. Which handoffs disappear, and which routes to police, OM
  and probation stay as they are?
* The chance that nothing is lost on the way is a product: what does one extra handoff mean for
  the information about a family?

*What the model does and does not claim:* the graph follows the legal tasks (BRIEF §2); delays and
chances are assumptions with a range (`samenloop params`), not measurements.
""",
        }
    ),
]

ASSIGNMENT = Assignment(
    number="01",
    slug={"nl": "netwerk", "en": "network"},
    title={"nl": "Het netwerk en zijn wettelijke bevoegdheden", "en": "The network and its legal powers"},
    minutes=40,
    cells=CELLS,
    mistake=Mistake(
        "holders",
        """
def holders(graph, power):
    found = [graph.nodes[node]["label"] for node in graph if power in graph.nodes[node]["powers"]]
    if not found:
        raise ValueError(power)
    return found  # forgot to sort
""",
        fails=frozenset({"test_holders_known", "test_holders_other_graph"}),
    ),
)
