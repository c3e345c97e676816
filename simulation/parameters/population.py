"""Parameters of the synthetic family population, its risk dynamics and its signals.

Population sizes are national; the scale preset divides them (a region is 1/26).
The population holds households whose violence is serious enough that it could come
into view of the chain; many of them never do (FIGURES B, prevalence).
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import model_validator

from simulation.parameters.base import Frozen, param, probability, share


class ViolenceTypeParams(Frozen):
    """One type of violence: how common it is and how it behaves."""

    share: float = share(
        0.1,
        doc="Share of families whose main violence is of this type.",
        source="FIGURES T4 (mix of reports, 2024) as the starting point; calibrated",
    )
    incident_rate_multiplier: float = param(
        1.0,
        unit="ratio",
        low=0.1,
        high=5.0,
        plausible=(0.5, 2.0),
        doc="Incident rate relative to the population median.",
    )
    serious_multiplier: float = param(
        1.0,
        unit="ratio",
        low=0.1,
        high=10.0,
        plausible=(0.5, 3.0),
        doc="Chance that an incident is a serious escalation, relative to the base.",
    )
    p_children: float = probability(0.5, doc="Probability that the household has children.")


def _type(share_: float, rate: float, serious: float, children: float) -> ViolenceTypeParams:
    return ViolenceTypeParams(
        share=share_, incident_rate_multiplier=rate, serious_multiplier=serious, p_children=children
    )


class ViolenceMix(Frozen):
    """Mix of violence types in the at-risk population (BRIEF §3)."""

    PLAUSIBLE: ClassVar[dict[str, tuple[float, float]]] = {
        "financial_exploitation.serious_multiplier": (0.1, 1.0),  # rarely physical harm
    }

    partner: ViolenceTypeParams = _type(0.34, 1.0, 1.0, 0.55)
    ex_partner_stalking: ViolenceTypeParams = _type(0.06, 1.4, 1.5, 0.45)
    child_abuse_neglect: ViolenceTypeParams = _type(0.48, 1.0, 0.7, 1.0)
    sexual_abuse: ViolenceTypeParams = _type(0.03, 0.6, 3.0, 0.8)
    honour_related: ViolenceTypeParams = _type(0.01, 1.0, 3.0, 0.7)
    elder_abuse: ViolenceTypeParams = _type(0.03, 0.8, 1.0, 0.0)
    financial_exploitation: ViolenceTypeParams = _type(0.05, 0.7, 0.3, 0.2)

    @model_validator(mode="after")
    def _shares_sum_to_one(self) -> ViolenceMix:
        total = sum(t.share for t in self.types())
        if abs(total - 1.0) > 1e-6:
            raise ValueError(
                f"the shares of the violence types add up to {total:.4f}; they must add up to 1 "
                "(adjust population.violence.<type>.share)"
            )
        return self

    def types(self) -> list[ViolenceTypeParams]:
        """The types in `ViolenceType` order."""
        return [getattr(self, name) for name in type(self).model_fields]


class HouseholdParams(Frozen):
    """Household composition and complicating factors."""

    mean_children_if_any: float = param(
        1.9,
        unit="children",
        low=1.0,
        high=5.0,
        plausible=(1.6, 2.3),
        source="derived: FIGURES T12 (22 children per 18 families) rounded up for large families",
        doc="Mean number of children in households with children.",
    )
    p_two_adults: float = probability(0.7, doc="Probability that two adults live in the household.")
    p_addiction: float = probability(0.25, doc="Share of families with an addiction problem.", plausible=(0.15, 0.35))
    p_psychiatric: float = probability(0.3, doc="Share of families with psychiatric problems.", plausible=(0.2, 0.4))
    p_mild_intellectual_disability: float = probability(
        0.12, doc="Share of families with a parent with a mild intellectual disability.", plausible=(0.08, 0.2)
    )
    p_poverty: float = probability(
        0.35, doc="Share of families in poverty or with problem debts.", plausible=(0.25, 0.45)
    )
    p_care_avoiding: float = probability(
        0.2, doc="Share of families that avoid care (zorgmijdend).", plausible=(0.1, 0.3)
    )


class RiskParams(Frozen):
    """Latent risk: incidents per year, escalation, stopping and relapse."""

    incidents_per_year_median: float = param(
        2.1,
        unit="incidents per year",
        low=0.1,
        high=50.0,
        plausible=(1.0, 5.0),
        doc="Median incident rate of a family at onset.",
    )
    incidents_per_year_log_sd: float = param(
        0.9,
        unit="log units",
        low=0.0,
        high=3.0,
        plausible=(0.5, 1.3),
        doc="Spread (sd of the log) of incident rates between families.",
    )
    max_incidents_per_year: float = param(
        60.0, unit="incidents per year", low=1.0, high=365.0, doc="Upper bound of a family's incident rate."
    )
    mean_reversion_per_month: float = param(
        0.08,
        unit="share of the gap per month",
        low=0.01,
        high=1.0,
        plausible=(0.03, 0.2),
        doc="How fast a family's log incident rate returns to its own level after escalating or calming down "
        "(at least 0.01, a half-life of about 6 years: without a pull back, rates have no steady spread to "
        "start from).",
    )
    monthly_log_sd: float = param(
        0.15,
        unit="log units per month",
        low=0.0,
        high=1.0,
        plausible=(0.05, 0.3),
        doc="Month-to-month escalation and de-escalation (sd of the change of the log incident rate).",
    )
    factor_log_level: float = param(
        0.25,
        unit="log units per factor",
        low=0.0,
        high=2.0,
        plausible=(0.1, 0.5),
        doc="How much each complicating factor raises a family's own level of violence (log of the ratio).",
    )
    care_avoidance_log_level: float = param(
        0.3,
        unit="log units",
        low=0.0,
        high=2.0,
        plausible=(0.1, 0.6),
        doc="How much care avoidance raises a family's own level of violence (log of the ratio).",
    )
    p_stop_per_month: float = probability(
        0.03, doc="Monthly chance that violence stops without help (desistance).", plausible=(0.005, 0.08)
    )
    p_relapse_per_month: float = probability(
        0.04,
        doc="Monthly chance that violence resumes just after it stopped, without recovery care.",
        plausible=(0.01, 0.08),
    )
    relapse_decay_months: float = param(
        12.0,
        unit="months",
        low=0.5,
        high=120.0,
        plausible=(6.0, 24.0),
        doc="Time scale on which the chance of relapse fades the longer violence has stopped.",
    )
    stopped_rate_factor: float = param(
        0.03,
        unit="ratio",
        low=0.0,
        high=1.0,
        plausible=(0.0, 0.1),
        doc="Residual incident rate just after violence stopped, relative to before.",
    )
    stopped_rate_decay_months: float = param(
        12.0,
        unit="months",
        low=0.5,
        high=240.0,
        plausible=(6.0, 36.0),
        doc="Time scale on which the residual incident rate fades the longer violence has stopped.",
    )
    p_serious_base: float = probability(
        0.05, doc="Chance that an incident of a median-risk family is a serious escalation.", plausible=(0.02, 0.1)
    )
    serious_risk_elasticity: float = param(
        0.5,
        unit="elasticity",
        low=0.0,
        high=2.0,
        plausible=(0.2, 1.0),
        doc="How strongly the chance of a serious incident rises with the incident rate.",
    )
    unsafe_incidents_per_year: float = param(
        7.0,
        unit="incidents per year",
        low=0.0,
        high=20.0,
        plausible=(3.0, 10.0),
        doc=(
            "Incident rate above which a family is truly unsafe (ground truth for assessment): "
            "structural unsafety, a pattern of repeated violence."
        ),
        source=(
            "set by hand against FIGURES B (H1 2022: about 40% of reports judged acute and/or "
            "structurally unsafe; cross-check C6, docs/calibration.md step 14)"
        ),
    )
    acute_window_days: float = param(
        30.0,
        unit="days",
        low=0.0,
        high=365.0,
        plausible=(7.0, 90.0),
        doc="A family is also truly unsafe this long after a serious incident (ground truth for assessment).",
    )


class OnsetParams(Frozen):
    """Size of the at-risk population (national figures; scaled by the preset)."""

    history_years: float = param(
        10.0,
        unit="years",
        low=0.0,
        high=30.0,
        plausible=(8.0, 15.0),
        source="derived: long enough for the starting state to be forgotten (the population alone settles "
        "in about eight years)",
        doc="Years before the run in which households' violence begins, escalates, stops and resumes, month "
        "by month, so that the run starts from the population's own steady state.",
    )
    history_stop_multiplier: float = param(
        1.35,
        unit="ratio",
        low=1.0,
        high=10.0,
        plausible=(1.0, 2.0),
        source="derived: the model's own steady state in current practice (violence stopped 1.33-1.35 times "
        "as often among active households as without help; region, seed 1, years 4-8)",
        doc="Average effect of help and convictions on the chance that violence stops, in the years before "
        "the run (the history simulates no chain).",
    )
    families_at_start: int = param(
        0,
        unit="families (national)",
        low=0,
        high=2_000_000,
        plausible=(0, 250_000),
        source="derived: none needed with ten years of history; without one, about 150,000 at day 0 "
        "(FIGURES T1/T5 and prevalence B)",
        doc="Households with violence already going on when the history begins (without a history: at day 0).",
    )
    new_families_per_year: int = param(
        45_000,
        unit="families per year (national)",
        low=0,
        high=1_000_000,
        plausible=(30_000, 70_000),
        source="derived: FIGURES T5 (34% of ≈127,000 reports are new families); calibrated",
        doc="Households in which violence starts during the run.",
    )
    share_known_at_start: float = share(
        0.5,
        doc="Share of the households with violence at the start that Veilig Thuis already knows "
        "(a report in the three years before), so that repeat reports are recognised from day one.",
        source="calibrated to FIGURES T5",
        plausible=(0.3, 0.85),
    )


class SignalParams(Frozen):
    """Whether an incident comes into view of the chain, and through whom (BRIEF §3 step 2)."""

    p_police_callout: float = probability(
        0.15,
        doc="Chance that police are called to a minor incident.",
        plausible=(0.08, 0.4),
        source="calibrated to FIGURES T3/T7",
    )
    police_serious_multiplier: float = param(
        3.0,
        unit="ratio",
        low=1.0,
        high=10.0,
        plausible=(2.0, 5.0),
        doc="How much more often police are called to a serious incident.",
    )
    p_professional_signal: float = probability(
        0.025,
        doc="Chance that a professional (school, doctor, youth care) notices an incident.",
        plausible=(0.02, 0.15),
        source="calibrated to FIGURES T2/T3",
    )
    children_professional_multiplier: float = param(
        2.0,
        unit="ratio",
        low=1.0,
        high=5.0,
        plausible=(1.5, 3.0),
        doc="Professionals notice incidents in families with children more often.",
    )
    p_involved_professional_signal: float = probability(
        0.2,
        doc="Chance that a professional already working with the family notices an incident.",
        plausible=(0.15, 0.5),
    )
    p_citizen_signal: float = probability(
        0.025,
        doc="Chance that the victim, relatives or bystanders contact Veilig Thuis.",
        plausible=(0.02, 0.15),
        source="calibrated to FIGURES T2/T3",
    )
    care_avoidance_signal_factor: float = param(
        0.6,
        unit="ratio",
        low=0.0,
        high=1.0,
        plausible=(0.4, 0.9),
        doc="Signals from care-avoiding families are this much less likely.",
    )
    p_professional_asks_advice: float = probability(
        0.65,
        doc="Chance that a professional asks advice instead of reporting.",
        source="derived: FIGURES B (advice requests 56% professionals)",
    )
    p_citizen_asks_advice: float = probability(
        0.8,
        doc="Chance that a citizen asks advice instead of reporting.",
        source="derived: FIGURES B (advice requests 43% citizens)",
    )
    p_advice_becomes_report: float = probability(
        0.12, doc="Chance that an advice request is turned into a report.", plausible=(0.05, 0.25)
    )
    advice_requests_without_incident_per_year: int = param(
        110_000,
        unit="requests per year (national)",
        low=0,
        high=500_000,
        plausible=(70_000, 140_000),
        source="calibrated to FIGURES T2",
        doc="Advice requests about worries that are not about a modelled incident.",
    )


class PopulationParams(Frozen):
    """The synthetic population: composition, risk, onset and signals."""

    onset: OnsetParams = OnsetParams()
    households: HouseholdParams = HouseholdParams()
    violence: ViolenceMix = ViolenceMix()
    risk: RiskParams = RiskParams()
    signals: SignalParams = SignalParams()
