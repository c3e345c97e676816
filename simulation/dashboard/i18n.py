"""Dutch and English labels of the dashboard (`t(key, lang)`), including the model's codes.

Dutch domain terms stay Dutch in both languages where trainers use them (Veilig Thuis, ZSM,
Samen op in acuut, casusreview); the rest is translated.
"""

from __future__ import annotations

from simulation.enums import EventKind, Measure, OrgKind, Reason, ReportKind, SafetyPhase, SignalSource
from simulation.services import ServiceKind

LANGS = ("nl", "en")
DEFAULT_LANG = "nl"

TEXT: dict[str, tuple[str, str]] = {
    # app chrome
    "title": ("Samenloop — klassikaal dashboard", "Samenloop — classroom dashboard"),
    "language": ("Taal", "Language"),
    "hint_title": ("Let op", "Note"),
    "tab_live": ("Live", "Live"),
    "tab_compare": ("Naast elkaar", "Side by side"),
    "tab_journey": ("Casusreview", "Case journey"),
    "tab_help": ("Uitleg", "Help"),
    # controls (model parameters)
    "scenario": ("Scenario", "Scenario"),
    "compare_with": ("Naast elkaar met (— = uit)", "Side by side with (— = off)"),
    "mechanisms_hint": (
        "Aangevinkte mechanismen komen bovenop het scenario (vanaf jaar 0). Wijzigingen gelden na Reset.",
        "Ticked mechanisms are added on top of the scenario (from year 0). Changes apply at Reset.",
    ),
    "capacity": ("Capaciteit {org} (%)", "Capacity {org} (%)"),
    "attrition": ("Personeelsverloop (%)", "Staff attrition (%)"),
    "transition_years": ("Transitieduur (jaar)", "Transition (years)"),
    "integration_degree": ("Integratiegraad (0–1)", "Integration degree (0–1)"),
    "years": ("Beleidsjaren", "Policy years"),
    "seed": ("Seed (toeval)", "Seed (randomness)"),
    # status line
    "status": (
        "Dag {day} · beleidsjaar {year:+.2f} · {phase}",
        "Day {day} · policy year {year:+.2f} · {phase}",
    ),
    "warmup": ("inloopjaar", "warm-up"),
    "policy_running": ("beleid loopt", "policy running"),
    "finished": ("einde van de looptijd", "end of the horizon"),
    "active_mechanisms": ("Actieve mechanismen", "Active mechanisms"),
    "live_shows_a": (
        "Tegels: A | B. Grafieken en netwerk: run A ({name}); vergelijk A en B op het tabblad Naast elkaar.",
        "Tiles: A | B. Charts and network: run A ({name}); compare A and B on the Side by side tab.",
    ),
    "settings_line": (
        "Instellingen (% van het scenario): capaciteit {capacity} · personeelsverloop {attrition:.0f}% · "
        "herinrichting: transitie {transition:g} jaar, integratiegraad {integration:g} · {years:g} beleidsjaren · "
        "seed {seed}",
        "Settings (% of the scenario): capacity {capacity} · staff attrition {attrition:.0f}% · "
        "restructuring: transition {transition:g} years, integration degree {integration:g} · {years:g} policy "
        "years · seed {seed}",
    ),
    "none": ("geen", "none"),
    "restructuring_phase": ("Herinrichting", "Restructuring"),
    "run_a": ("A", "A"),
    "run_b": ("B", "B"),
    # KPI tiles
    "kpi_in_view": ("Gezinnen in beeld", "Families in view"),
    "kpi_repeat": ("Herhaald geweld (28 d)", "Repeat violence (28 d)"),
    "kpi_serious": ("Ernstige incidenten (7 d)", "Serious incidents (7 d)"),
    "kpi_waiting_vt": ("Wachtend bij VT/RVT", "Waiting at VT/RVT"),
    "kpi_vacancies": ("Vacatures", "Vacancies"),
    "kpi_professionals": ("Professionals per gezin (tot nu toe)", "Professionals per family (so far)"),
    # chart titles and axes
    "chart_repeat": (
        "Herhaald geweld: % bekende gezinnen met nieuw incident (28 dagen)",
        "Repeat violence: % of known families with a new incident (28 days)",
    ),
    "chart_phases": ("Gezinnen per fase van veiligheid", "Families in each phase of safety"),
    "chart_waiting": ("Wachtlijst per organisatie (gezinnen)", "Waiting list per organisation (families)"),
    "chart_wait_days": (
        "Wachttijd per organisatie (dagen, gemiddeld over 28 dagen)",
        "Waiting time per organisation (days, mean over 28 days)",
    ),
    "chart_per_family": (
        "Professionals en overdrachten per gezin, opgeteld sinds de start",
        "Professionals and handoffs per family, counted since the start",
    ),
    "chart_staff": ("Personeel en vacatures", "Staff and vacancies"),
    "chart_network": (
        "Organisatienetwerk: overdrachten in de laatste 28 dagen",
        "Organisation network: handoffs in the last 28 days",
    ),
    "axis_year": ("Beleidsjaar (grijs = inloopjaar)", "Policy year (grey = warm-up)"),
    "axis_pct": ("%", "%"),
    "axis_families": ("gezinnen", "families"),
    "axis_days": ("dagen", "days"),
    "axis_per_family": ("per gezin", "per family"),
    "axis_people": ("personen", "people"),
    "series": ("Reeks", "Series"),
    "organisation": ("Organisatie", "Organisation"),
    "professionals": ("Professionals", "Professionals"),
    "handoffs": ("Overdrachten", "Handoffs"),
    "facts_lost": ("Verloren informatie", "Facts lost"),
    "staff": ("Personeel", "Staff"),
    "staff_present": ("Aanwezig", "Present"),
    "vacancies": ("Vacatures", "Vacancies"),
    "outside": ("Buiten de keten", "Outside the chain"),
    "network_caption": (
        "Lijndikte en getal = overdrachten in de laatste 28 dagen (per week bijgewerkt); grijs = route zonder "
        "overdrachten; ↻ = overdrachten binnen het Regionaal Veiligheidsteam.",
        "Line width and number = handoffs in the last 28 days (updated weekly); grey = route without handoffs; "
        "↻ = handoffs inside the regional safety team.",
    ),
    # side by side
    "compare_off": (
        "Kies in de zijbalk ‘Naast elkaar met’ een tweede scenario en druk op Reset. Beide runs krijgen "
        "dezelfde seed: dezelfde gezinnen en incidenten, tot beleid het pad van een gezin verandert.",
        "Choose a second scenario under ‘Side by side with’ in the sidebar and press Reset. Both runs get "
        "the same seed: the same families and incidents, until policy changes a family's path.",
    ),
    "metric": ("Maat", "Measure"),
    "difference": ("Verschil A − B", "Difference A − B"),
    "compare_title": ("{metric}: A = {a}, B = {b}", "{metric}: A = {a}, B = {b}"),
    "compare_table_metric": ("Maat (laatste dag)", "Measure (latest day)"),
    "m_repeat": ("Herhaald geweld (%)", "Repeat violence (%)"),
    "m_direct": ("Gezinnen in directe veiligheid", "Families in direct safety"),
    "m_waiting_vt": ("Wachtlijst VT/RVT", "Waiting list VT/RVT"),
    "m_waiting_all": ("Wachtlijst alle organisaties", "Waiting list, all organisations"),
    "m_staff": ("Personeel (aanwezig)", "Staff (present)"),
    "m_vacancies": ("Vacatures", "Vacancies"),
    "m_professionals": ("Professionals per gezin", "Professionals per family"),
    "m_handoffs": ("Overdrachten per gezin", "Handoffs per family"),
    "m_serious_week": ("Ernstige incidenten per week", "Serious incidents per week"),
    # case journey
    "journey_pick": (
        "Kies een gezin (geëscaleerd: ernstig incident, bekend bij VT)",
        "Pick a family (escalated: serious incident, known to VT)",
    ),
    "journey_family_id": ("of typ een gezinsnummer", "or type a family number"),
    "journey_run": ("Run", "Run"),
    "journey_none": (
        "Nog geen geëscaleerde gezinnen: laat het model verder lopen.",
        "No escalated families yet: let the model run on.",
    ),
    "journey_option": (
        "Gezin {id} · {serious} ernstig · {handoffs} overdrachten",
        "Family {id} · {serious} serious · {handoffs} handoffs",
    ),
    "journey_title": ("Tijdlijn van gezin {id}", "Timeline of family {id}"),
    "journey_summary": (
        "Fase nu: {phase} · incidenten: {incidents} (ernstig {serious}) · meldingen: {reports} · "
        "professionals: {professionals} · overdrachten: {handoffs} · verloren informatie: {lost} · "
        "regie: {lead}",
        "Phase now: {phase} · incidents: {incidents} (serious {serious}) · reports: {reports} · "
        "professionals: {professionals} · handoffs: {handoffs} · facts lost: {lost} · lead: {lead}",
    ),
    "journey_no_events": ("Geen gebeurtenissen voor dit gezin (nog).", "No events for this family (yet)."),
    "journey_more": ("… en {n} eerdere gebeurtenissen", "… and {n} earlier events"),
    "journey_caption": (
        "Paarse balk: de wachttijd na een overdracht, tot de ontvanger begint. Rood kruis: bij die "
        "overdracht ging informatie verloren.",
        "Purple bar: the wait after a handoff, until the receiver starts. Red cross: facts were lost in that handoff.",
    ),
    "lane": ("Soort", "Kind"),
    "col_day": ("Dag", "Day"),
    "col_year": ("Jaar", "Year"),
    "col_event": ("Gebeurtenis", "Event"),
    "col_org": ("Organisatie", "Organisation"),
    "col_what": ("Wat", "What"),
    "col_safety": ("Veiligheid in handen van", "Safety held by"),
    "lane_incident": ("Incident", "Incident"),
    "lane_signal": ("Signaal/melding", "Signal/report"),
    "lane_assessment": ("Triage/beoordeling", "Triage/assessment"),
    "lane_decision": ("Besluit", "Decision"),
    "lane_handoff": ("Overdracht", "Handoff"),
    "lane_work": ("Start werk", "Work starts"),
    "lane_measure": ("Maatregel/overleg", "Measure/meeting"),
    "lane_phase": ("Fase", "Phase"),
    "serious": ("ernstig", "serious"),
    "minor": ("licht", "minor"),
    "unsafe": ("onveilig", "unsafe"),
    "safe": ("veilig", "safe"),
    "wait": ("wacht {days:.1f} d", "waits {days:.1f} d"),
    "lost": ("informatie verloren", "facts lost"),
    "refused": ("geweigerd en teruggestuurd", "refused and returned"),
    "holder_sender": ("{org} (afzender houdt zicht)", "{org} (sender keeps watch)"),
    "holder_nobody": ("niemand", "nobody"),
    "to": ("naar", "to"),
    "from": ("van", "from"),
    "nobody": ("niemand", "nobody"),
    "joint": ("gezamenlijk", "joint"),
    "for_days": ("{days:.0f} dagen", "{days:.0f} days"),
    "since_report": ("{days:.1f} d na de melding", "{days:.1f} d after the report"),
    "acute": ("acuut", "acute"),
    # help
    "help_md": (
        """
### Wat u ziet
Eén Veilig Thuis-regio met synthetische gezinnen (geen echte casussen). Eén stap is één dag;
**Step** zet zoveel dagen als de *render interval* (standaard een week).

- **Startpunt.** Het model draait bij het openen eerst een *inloopjaar*: de keten begint leeg en
  moet wachtrijen, caseloads en personeel opbouwen. Dat jaar staat grijs links van jaar 0; beleid
  (mechanismen, herinrichting) begint in jaar 0. Zo leest de klas het vollopen niet als beleidseffect.
  Eén inloopjaar is wat kort: de achterstand van dat eerste jaar loopt in jaar 0 en 1 nog weg
  (wachttijd voor een raadsonderzoek 5 à 6 dagen in jaar 0 en 1, daarna 2 à 4).
  Vergelijk daarom met het tweede scenario, niet met het begin van de lijn. Planners rekenen met
  twee inloopjaren.
- **Herhaald geweld** (benadering): van de gezinnen die ooit bij Veilig Thuis zijn gemeld en nog in
  beeld zijn, het percentage met een nieuw incident in de laatste 28 dagen, ná hun eerste melding.
- **Fasen van veiligheid**: directe veiligheid, stabiele veiligheid, herstel (visie *gefaseerd
  samenwerken aan veiligheid*).
- **Wachtlijst**: gezinnen die bij een organisatie zijn aangekomen en op de start van het werk
  wachten. **Wachttijd**: gemiddelde dagen tussen aankomst en start van het werk dat in de laatste
  28 dagen begon.
- **Professionals en overdrachten per gezin**: gemiddelde tot nu toe over alle ooit gemelde gezinnen.
  De lijnen stijgen ook zonder beleid: elk gezin telt op zolang het in beeld is. Vergelijk scenario's
  op hetzelfde moment (Naast elkaar), niet het begin met het eind.
- **Netwerk**: routes tussen organisaties (networkx, vaste lay-out); lijndikte = overdrachten in
  de laatste 28 dagen.
- **Naast elkaar**: twee runs met dezelfde seed lopen gelijk op (*common random numbers*): dezelfde
  gezinnen en incidenten tot beleid het pad van een gezin verandert. Het verschil is dus beleid, geen toeval.
- **Casusreview**: de tijdlijn van één gezin: incidenten, signalen, meldingen, triage, besluiten,
  overdrachten met wachttijd, verloren informatie, faseovergangen en wie de veiligheid bewaakte.

Het model verkent gevolgen van aannames; het voorspelt niets over een gezin.
""",
        """
### What you see
One Veilig Thuis region with synthetic families (no real cases). One step is one day;
**Step** advances as many days as the *render interval* (a week by default).

- **Start point.** When the page opens the model first runs a *warm-up year*: the chain starts
  empty and has to build up queues, caseloads and staff. That year is shaded grey left of year 0;
  policy (mechanisms, restructuring) starts at year 0, so the room does not read the chain filling
  up as an effect of policy.
  One warm-up year is a little short: the backlog of that first year still clears in years 0 and 1
  (wait for a board investigation 5-6 days in years 0 and 1, 2-4 after).
  So compare with the second scenario, not with the start of the line. Planners' runs use two
  warm-up years.
- **Repeat violence** (proxy): of the families ever reported to Veilig Thuis and still in view,
  the share with a new incident in the last 28 days, after their first report.
- **Phases of safety**: direct safety, stable safety, recovery (the shared vision *gefaseerd
  samenwerken aan veiligheid*).
- **Waiting list**: families that arrived at an organisation and wait for the work to start.
  **Waiting time**: mean days between arrival and start of the work that started in the last 28 days.
- **Professionals and handoffs per family**: mean so far over all families ever reported.
  The lines rise without any policy: each family adds up for as long as it is in view. Compare
  scenarios at the same moment (Side by side), not the start with the end.
- **Network**: routes between organisations (networkx, fixed layout); line width = handoffs in
  the last 28 days.
- **Side by side**: two runs with the same seed advance in lockstep (common random numbers): the
  same families and incidents until policy changes a family's path, so the difference is policy, not chance.
- **Case journey**: one family's timeline: incidents, signals, reports, triage, decisions, handoffs
  with waiting times, facts lost, phase changes and who held its safety.

The model explores consequences of assumptions; it predicts nothing about a family.
""",
    ),
}

ORG_SHORT: dict[OrgKind, tuple[str, str]] = {
    OrgKind.VEILIG_THUIS: ("Veilig Thuis", "Veilig Thuis"),
    OrgKind.POLICE: ("Politie", "Police"),
    OrgKind.MAYOR: ("Burgemeester", "Mayor"),
    OrgKind.PROSECUTION: ("OM / ZSM", "OM / ZSM"),
    OrgKind.CHILD_PROTECTION_BOARD: ("Raad (RvdK)", "Board (RvdK)"),
    OrgKind.YOUTH_PROTECTION: ("GI", "GI"),
    OrgKind.PROBATION: ("Reclassering", "Probation"),
    OrgKind.LOCAL_TEAM: ("Wijkteam", "Local team"),
    OrgKind.SPECIALIST_CARE: ("Specialistische zorg", "Specialist care"),
    OrgKind.SAFETY_HOUSE: ("Zorg- en Veiligheidshuis", "Care & Safety House"),
    OrgKind.REGIONAL_SAFETY_TEAM: ("Regionaal Veiligheidsteam", "Regional safety team"),
}
PHASES: dict[SafetyPhase, tuple[str, str]] = {
    SafetyPhase.NOT_IN_VIEW: ("niet in beeld", "not in view"),
    SafetyPhase.DIRECT: ("directe veiligheid", "direct safety"),
    SafetyPhase.STABLE: ("stabiele veiligheid", "stable safety"),
    SafetyPhase.RECOVERY: ("herstel", "recovery"),
}
EVENTS: dict[EventKind, tuple[str, str]] = {
    EventKind.INCIDENT: ("incident", "incident"),
    EventKind.SIGNAL: ("signaal", "signal"),
    EventKind.REPORT: ("melding bij VT", "report to VT"),
    EventKind.ADVICE: ("adviesvraag", "advice request"),
    EventKind.TRIAGE: ("triage", "triage"),
    EventKind.DECISION: ("besluit", "decision"),
    EventKind.HANDOFF: ("overdracht", "handoff"),
    EventKind.HANDOFF_START: ("start na overdracht", "start after handoff"),
    EventKind.PHASE_CHANGE: ("faseovergang", "phase change"),
    EventKind.STAFF_CHANGE: ("personeelswisseling", "staff change"),
    EventKind.CASE_START: ("start werk", "work starts"),
    EventKind.CASE_END: ("einde werk", "work ends"),
    EventKind.MEASURE_START: ("maatregel", "measure"),
    EventKind.ASSESSMENT: ("veiligheidsbeoordeling", "safety assessment"),
    EventKind.MEETING: ("multidisciplinair overleg", "multi-agency meeting"),
    EventKind.POLICY: ("beleid", "policy"),
}
SOURCES: dict[SignalSource, tuple[str, str]] = {
    SignalSource.UNSEEN: ("niemand zag het", "nobody saw it"),
    SignalSource.POLICE: ("politie", "police"),
    SignalSource.PROFESSIONAL: ("professional", "professional"),
    SignalSource.CITIZEN: ("burger/slachtoffer", "citizen/victim"),
    SignalSource.INVOLVED_PROFESSIONAL: ("betrokken professional", "involved professional"),
}
REPORT_KINDS: dict[ReportKind, tuple[str, str]] = {
    ReportKind.NEW: ("nieuwe melding", "new report"),
    ReportKind.REPEAT: ("hermelding", "repeat report"),
    ReportKind.FOLLOW_UP: ("vervolgmelding", "follow-up report"),
}
MEASURES: dict[Measure, tuple[str, str]] = {
    Measure.RESTRAINING_ORDER: ("tijdelijk huisverbod", "restraining order"),
    Measure.DETENTION: ("in verzekering/detentie", "detention"),
    Measure.SAFETY_CONDITIONS: ("veiligheidsvoorwaarden", "safety conditions"),
    Measure.SAFETY_PLAN: ("gezamenlijk veiligheidsplan", "joint safety plan"),
}
SERVICES: dict[ServiceKind, tuple[str, str]] = {
    ServiceKind.VT_TRIAGE: ("triage en veiligheidsbeoordeling", "triage and safety assessment"),
    ServiceKind.VT_INVESTIGATION: ("onderzoek VT", "VT investigation"),
    ServiceKind.VT_MONITORING: ("voorwaarden en vervolg", "conditions and follow-up"),
    ServiceKind.POLICE_COMPLAINT: ("aangifte", "criminal complaint"),
    ServiceKind.MAYOR_ORDER: ("huisverbod", "restraining order"),
    ServiceKind.ZSM_DECISION: ("ZSM-beslissing", "ZSM decision"),
    ServiceKind.OM_DECISION: ("OM-beslissing", "prosecution decision"),
    ServiceKind.PROBATION_ADVICE: ("reclasseringsadvies", "probation advice"),
    ServiceKind.PROBATION_SUPERVISION: ("reclasseringstoezicht", "probation supervision"),
    ServiceKind.BOARD_INVESTIGATION: ("raadsonderzoek", "board investigation"),
    ServiceKind.GI_SUPERVISION: ("ondertoezichtstelling (GI)", "supervision order (GI)"),
    ServiceKind.LOCAL_HELP: ("hulp wijkteam", "local team help"),
    ServiceKind.SPECIALIST_TREATMENT: ("specialistische behandeling", "specialist treatment"),
    ServiceKind.ZVH_MEETING: ("casusoverleg ZVH", "ZVH case meeting"),
    ServiceKind.MDA_TEAM: ("MDA++", "MDA++"),
    ServiceKind.VT_FOLLOW_UP: ("monitoring na overdracht", "monitoring after handover"),
}
# Keyed by name, so that a label can exist before its code does (codes added on other branches).
REASONS_NL: dict[str, str] = {
    "NONE": "",
    "CLOSE_WITH_ADVICE": "afsluiten met advies",
    "HAND_OVER_LOCAL_TEAM": "overdragen aan wijkteam",
    "VT_INVESTIGATION": "onderzoek door VT",
    "SAFETY_CONDITIONS": "veiligheidsvoorwaarden",
    "REQUEST_BOARD_INVESTIGATION": "verzoek tot raadsonderzoek",
    "INFORM_POLICE": "politie informeren",
    "ARREST": "aanhouding",
    "COMPLAINT": "aangifte",
    "RESTRAINING_ORDER": "tijdelijk huisverbod",
    "REPORT_TO_VT": "melding aan VT",
    "DISMISS": "sepot",
    "CONDITIONAL_DISMISSAL": "voorwaardelijk sepot",
    "COURT_CASE": "dagvaarding",
    "SENTENCE_WITH_CONDITIONS": "straf met voorwaarden",
    "SUPERVISION_ORDER": "ondertoezichtstelling",
    "NO_MEASURE": "geen maatregel",
    "PROBATION_ADVICE": "reclasseringsadvies",
    "PROBATION_SUPERVISION": "reclasseringstoezicht",
    "BEHAVIOURAL_TRAINING": "gedragsinterventie",
    "SPECIALIST_TREATMENT": "specialistische behandeling",
    "LOCAL_HELP": "hulp wijkteam",
    "MULTI_AGENCY_CASE": "multidisciplinaire casus",
    "REFUSED": "geweigerd",
    "FACTS_LOST": "informatie verloren",
    "JOINT_RESPONSE": "samen op (gezamenlijke reactie)",
    "DROPPED_OUT": "uitgevallen",
    "COMPLETED": "afgerond",
    "HIRE": "aangenomen",
    "LEAVE": "vertrokken",
    "PROFESSIONAL_CHANGE": "wisseling van professional",
    "ORDER_ENDED": "maatregel beëindigd",
    "MECHANISM_RAMP": "uitrol mechanisme",
    "RESTRUCTURING_PHASE": "fase herinrichting",
    "ACTION_MEETING": "actieoverleg",
    "NO_SLOT": "geen plek",
    "REGISTERED": "geregistreerd als HG-incident",
    "COURT_JUDGEMENT": "uitspraak rechter",
    "CUSTODIAL_SENTENCE": "onvoorwaardelijke gevangenisstraf",
    "TEAM_PLAN": "één plan in het regionaal veiligheidsteam",
    "NO_COMPLAINT": "geen aangifte",
    "FOLLOW_UP": "monitoring na overdracht",
}
MECHANISM_LABELS: dict[str, tuple[str, str]] = {
    "samen_op_in_acuut": ("Samen op in acuut", "Samen op in acuut (joint acute response)"),
    "actieoverleg": ("Actieoverleg", "Actieoverleg (action meeting)"),
    "hg_met_vt_en_zsm": ("HG met VT & ZSM", "HG with VT & ZSM"),
    "samen_op_bij_strafbare_km": ("Samen op bij strafbare KM", "Joint work on criminal child abuse"),
    "mda_plus_plus": ("MDA++", "MDA++"),
    "restraining_order_well_used": ("Huisverbod goed benut", "Restraining order used well"),
    "case_reviews_and_training": ("Casusreviews en gezamenlijk leren", "Case reviews and joint training"),
    "information_sharing": ("Afspraken informatiedeling", "Information-sharing agreements"),
    "stronger_local_teams": ("Sterkere wijkteams", "Stronger local teams"),
}
SCENARIO_LABELS: dict[str, tuple[str, str]] = {
    "current-practice": ("Huidige praktijk", "Current practice"),
    "intensive-collaboration": ("Intensieve samenwerking", "Intensive collaboration"),
    "restructuring": ("Herinrichting", "Restructuring"),
    "combined": ("Nu samenwerken, later integreren", "Collaboration now, integration later"),
}
RESTRUCTURING_PHASES: dict[str, tuple[str, str]] = {
    "none": ("geen", "none"),
    "preparation": ("voorbereiding", "preparation"),
    "pilots": ("pilots", "pilots"),
    "decision": ("evaluatie en besluit", "evaluation and decision"),
    "implementation": ("landelijke invoering", "national implementation"),
    "completed": ("afgerond", "completed"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "nl" else pair[1]


def t(key: str, lang: str, **values: object) -> str:
    """The label `key` in `lang`, formatted with `values`."""
    text = _pick(TEXT[key], lang)
    return text.format(**values) if values else text


def org(kind: int, lang: str) -> str:
    """Short name of an organisation kind (-1: outside the chain)."""
    if kind < 0 or kind >= len(OrgKind):
        return t("outside", lang)
    return _pick(ORG_SHORT[OrgKind(kind)], lang)


def phase(code: int, lang: str) -> str:
    return _pick(PHASES[SafetyPhase(code)], lang)


def event(code: int, lang: str) -> str:
    return _pick(EVENTS[EventKind(code)], lang)


def source(code: int, lang: str) -> str:
    return _pick(SOURCES[SignalSource(code)], lang)


def report_kind(code: int, lang: str) -> str:
    return _pick(REPORT_KINDS[ReportKind(code)], lang)


def measure(code: int, lang: str) -> str:
    return _pick(MEASURES[Measure(code)], lang)


def service(code: int, lang: str) -> str:
    return _pick(SERVICES[ServiceKind(code)], lang)


def reason(code: int, lang: str) -> str:
    name = Reason(code).name
    return REASONS_NL.get(name, name.lower().replace("_", " ")) if lang == "nl" else name.lower().replace("_", " ")


def mechanism(name: str, lang: str) -> str:
    return _pick(MECHANISM_LABELS[name], lang)


def scenario(name: str, lang: str) -> str:
    pair = SCENARIO_LABELS.get(name)
    return _pick(pair, lang) if pair else name


def restructuring_phase(name: str, lang: str) -> str:
    return _pick(RESTRUCTURING_PHASES.get(name, (name, name)), lang)
