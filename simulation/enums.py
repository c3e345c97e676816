"""Enumerations of the states, kinds and reasons that the model records.

Integer enums, so that they fit in numpy columns of the event log and family arrays.
Dutch domain terms are kept in the docstrings; see the glossary in docs/ODD.md.
"""

from __future__ import annotations

from enum import IntEnum


class ViolenceType(IntEnum):
    """Main type of violence in a family (BRIEF §3; reported mix in FIGURES T4)."""

    PARTNER = 0
    EX_PARTNER_STALKING = 1
    CHILD_ABUSE_NEGLECT = 2
    SEXUAL_ABUSE = 3
    HONOUR_RELATED = 4
    ELDER_ABUSE = 5
    FINANCIAL_EXPLOITATION = 6


class ComplicatingFactor(IntEnum):
    """Bit positions of complicating factors in a family's `factors` bitmask."""

    ADDICTION = 0
    PSYCHIATRIC = 1
    MILD_INTELLECTUAL_DISABILITY = 2
    POVERTY = 3


class SafetyPhase(IntEnum):
    """Phase of safety (visie *gefaseerd samenwerken aan veiligheid*, 2021).

    NOT_IN_VIEW: the chain does not know the family (yet, or no more).
    DIRECT: violence ongoing or recent; work aims at stopping it now (*directe veiligheid*).
    STABLE: violence stopped for a sustained period; work on the underlying risks
        (*stabiele veiligheid*).
    RECOVERY: stable and risk low; treating consequences and trauma (*herstel*).
    """

    NOT_IN_VIEW = 0
    DIRECT = 1
    STABLE = 2
    RECOVERY = 3


class OrgKind(IntEnum):
    """The partner organisations of the chain (BRIEF §2)."""

    VEILIG_THUIS = 0
    POLICE = 1
    MAYOR = 2
    PROSECUTION = 3  # Openbaar Ministerie, including the ZSM desk
    CHILD_PROTECTION_BOARD = 4  # Raad voor de Kinderbescherming (RvdK)
    YOUTH_PROTECTION = 5  # gecertificeerde instelling (GI)
    PROBATION = 6  # reclassering (3RO)
    LOCAL_TEAM = 7  # wijkteam / lokaal team
    SPECIALIST_CARE = 8
    SAFETY_HOUSE = 9  # Zorg- en Veiligheidshuis (ZVH)
    REGIONAL_SAFETY_TEAM = 10  # Regionaal Veiligheidsteam (RVT), restructuring only

    @property
    def label(self) -> str:
        return ORG_LABELS[self]


ORG_LABELS: dict[OrgKind, str] = {
    OrgKind.VEILIG_THUIS: "Veilig Thuis",
    OrgKind.POLICE: "Police",
    OrgKind.MAYOR: "Mayor",
    OrgKind.PROSECUTION: "OM / ZSM",
    OrgKind.CHILD_PROTECTION_BOARD: "RvdK",
    OrgKind.YOUTH_PROTECTION: "GI",
    OrgKind.PROBATION: "Probation (3RO)",
    OrgKind.LOCAL_TEAM: "Wijkteam",
    OrgKind.SPECIALIST_CARE: "Specialist care",
    OrgKind.SAFETY_HOUSE: "Zorg- en Veiligheidshuis",
    OrgKind.REGIONAL_SAFETY_TEAM: "Regionaal Veiligheidsteam",
}


class Severity(IntEnum):
    """Severity of one incident."""

    MINOR = 0
    SERIOUS = 1  # serious escalation: serious physical or sexual harm, threat to life


class SignalSource(IntEnum):
    """Who brought an incident into view of the chain (FIGURES B: reporters)."""

    UNSEEN = 0
    POLICE = 1
    PROFESSIONAL = 2
    CITIZEN = 3  # victim, family member or bystander
    INVOLVED_PROFESSIONAL = 4  # a professional already working with the family


class ReportKind(IntEnum):
    """Prior contact of a Veilig Thuis report (FIGURES T5)."""

    NEW = 0
    REPEAT = 1  # hermelding: known within 3 years, VT no longer involved
    FOLLOW_UP = 2  # vervolgmelding: VT still involved


class HelpType(IntEnum):
    """Kinds of help and intervention; their effect depends on the safety phase."""

    RISK_CARE = 0  # risk-driven care on the causes of violence (phase 2 work)
    TREATMENT = 1  # specialist treatment of a complicating factor
    RECOVERY_CARE = 2  # trauma and recovery-oriented care (phase 3 work)
    PERPETRATOR_PROGRAMME = 3  # behavioural intervention by probation
    SUPERVISION = 4  # court-ordered supervision (OTS) or probation supervision


class Measure(IntEnum):
    """Direct-safety measures that lower the incident rate while they last."""

    RESTRAINING_ORDER = 0  # tijdelijk huisverbod
    DETENTION = 1  # suspect held after arrest or sentenced
    SAFETY_CONDITIONS = 2  # VT voorwaarden en vervolg, or conditions of a dismissal/sentence
    SAFETY_PLAN = 3  # joint acute safety plan (Samen op in acuut, actieoverleg)


class EventKind(IntEnum):
    """Kinds of event records (one flat log per run)."""

    INCIDENT = 0
    SIGNAL = 1
    REPORT = 2
    ADVICE = 3
    TRIAGE = 4
    DECISION = 5
    HANDOFF = 6
    HANDOFF_START = 7  # the receiving organisation starts work on a handed-off family
    PHASE_CHANGE = 8
    STAFF_CHANGE = 9
    CASE_START = 10
    CASE_END = 11
    MEASURE_START = 12
    ASSESSMENT = 13
    MEETING = 14  # multi-agency table (actieoverleg, MDA++, ZVH case meeting)
    POLICY = 15  # mechanism rollout step or restructuring phase change


class Reason(IntEnum):
    """Reasons recorded with events: the decision taken, or why something happened."""

    NONE = 0
    CLOSE_WITH_ADVICE = 1
    HAND_OVER_LOCAL_TEAM = 2
    VT_INVESTIGATION = 3
    SAFETY_CONDITIONS = 4
    REQUEST_BOARD_INVESTIGATION = 5
    INFORM_POLICE = 6
    ARREST = 7
    COMPLAINT = 8
    RESTRAINING_ORDER = 9
    REPORT_TO_VT = 10
    DISMISS = 11
    CONDITIONAL_DISMISSAL = 12
    COURT_CASE = 13
    SENTENCE_WITH_CONDITIONS = 14
    SUPERVISION_ORDER = 15  # ondertoezichtstelling (OTS)
    NO_MEASURE = 16
    PROBATION_ADVICE = 17
    PROBATION_SUPERVISION = 18
    BEHAVIOURAL_TRAINING = 19
    SPECIALIST_TREATMENT = 20
    LOCAL_HELP = 21
    MULTI_AGENCY_CASE = 22
    REFUSED = 23  # receiving organisation returned the handoff
    FACTS_LOST = 24
    JOINT_RESPONSE = 25
    DROPPED_OUT = 26
    COMPLETED = 27
    HIRE = 28
    LEAVE = 29
    PROFESSIONAL_CHANGE = 30
    ORDER_ENDED = 31
    MECHANISM_RAMP = 32
    RESTRUCTURING_PHASE = 33
    ACTION_MEETING = 34
    NO_SLOT = 35
    REGISTERED = 36  # police registered the callout as an HG incident
    COURT_JUDGEMENT = 37
    CUSTODIAL_SENTENCE = 38
    TEAM_PLAN = 39  # a regional safety team agreed one plan with a named lead
    NO_COMPLAINT = 40  # the police spoke with the family after VT informed them; no complaint followed
    FOLLOW_UP = 41  # VT keeps monitoring a family it judged unsafe and handed over (monitoring na overdracht)
