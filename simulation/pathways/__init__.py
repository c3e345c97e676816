"""Pathways: what each organisation does when its work on a family starts and ends.

Each module holds the decisions of one part of the chain, vectorised over the batch of families
whose work ends at the same time. `ON_START` and `ON_FINISH` map each function to its handler.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulation.services import ServiceKind as S

if TYPE_CHECKING:
    from simulation.operations import Handler


def handlers() -> tuple[dict[S, Handler], dict[S, Handler]]:
    """(on_start, on_finish) handlers of every function."""
    from simulation.pathways import care, child_protection, justice, police, veilig_thuis

    on_start: dict[S, Handler] = {
        S.LOCAL_HELP: care.start_local_help,
        S.MDA_TEAM: care.start_mda,
        S.PROBATION_SUPERVISION: justice.start_supervision,
    }
    on_finish: dict[S, Handler] = {
        S.VT_TRIAGE: veilig_thuis.after_triage,
        S.VT_INVESTIGATION: veilig_thuis.after_investigation,
        S.VT_MONITORING: veilig_thuis.after_monitoring,
        S.VT_FOLLOW_UP: veilig_thuis.after_follow_up,
        S.POLICE_COMPLAINT: police.after_complaint,
        S.MAYOR_ORDER: justice.after_order_decision,
        S.ZSM_DECISION: justice.after_zsm,
        S.OM_DECISION: justice.after_regular_decision,
        S.PROBATION_SUPERVISION: justice.end_supervision,
        S.BOARD_INVESTIGATION: child_protection.after_board_investigation,
        S.GI_SUPERVISION: child_protection.end_guardianship,
        S.LOCAL_HELP: care.end_local_help,
        S.SPECIALIST_TREATMENT: care.end_treatment,
        S.ZVH_MEETING: care.after_case_meeting,
        S.MDA_TEAM: care.end_mda,
    }
    return on_start, on_finish
