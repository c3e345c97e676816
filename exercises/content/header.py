"""The shared header of every released notebook (both languages in one header)."""

HEADER = [
    """
# Samenloop — training / opleiding

*Nederlands hieronder · English below*

**NL.** Deze opdracht hoort bij de Samenloop-training voor professionals van Veilig Thuis, politie,
OM/ZSM, de Raad voor de Kinderbescherming, reclassering en de lokale teams. Een simulatiemodel van
de keten doet het zware werk; jouw code is kort. Alle gezinnen zijn **synthetisch**: er zit geen
enkele echte casus in het model.

**EN.** This assignment belongs to the Samenloop training for professionals of Veilig Thuis, police,
OM/ZSM, the child protection board, probation and the local teams. A simulation model of the chain
does the heavy lifting; your code is short. All families are **synthetic**: no real case is in the
model.
""",
    """
### Zo werk je / How to work

**NL.** Voer de cellen van boven naar beneden uit (Shift+Enter). Vervang `raise NotImplementedError()`
door jouw code en schrijf in de tekstcellen jouw antwoord. De testcellen geven direct feedback; bij
het nakijken draaien ook verborgen tests. Verander of verwijder geen testcellen: bij het nakijken
worden ze teruggezet. Vóór het inleveren: *Kernel → Restart Kernel and Run All Cells*, dan *Validate*.

**EN.** Run the cells from top to bottom (Shift+Enter). Replace `raise NotImplementedError()` with
your code and write your answer in the text cells. The test cells give feedback at once; grading
also runs hidden tests. Do not change or delete test cells: grading puts them back. Before handing
in: *Kernel → Restart Kernel and Run All Cells*, then *Validate*.

Het model is verkennend: het laat zien wat volgt uit de aannames, nooit een voorspelling voor een
gezin. / The model is exploratory: it shows what follows from its assumptions, never a prediction
for a family.
""",
]
