"""The plain data the documents are printed from.

Frozen dataclasses, filled by ``spt_desktop.services.documents`` (or by hand in tests).
Codes are the domain enums, so every label comes from ``spt_common.enums``.

Two types guard what leaves the SPT:

- ``VisitReportData`` (for the employer) has no field for the coach's own notes, the
  wellbeing score or the dropout-risk flag, and is only made through
  ``VisitReportData.for_employer``, which drops the content of the visit when the
  candidate has not consented to sharing it with the employer.
- ``AanbodkrantProfile`` has no field for a name, contact details, address, municipality
  or birth date; ``AanbodkrantProfile.anonymise`` turns a birth date into an age band and
  scrubs names, e-mail addresses, phone numbers, postcodes and street addresses out of
  the free text it keeps.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from spt_common.enums import (
    ActionStatus,
    ActivityKind,
    ActivityOutcome,
    BenefitStatus,
    CandidateStatus,
    CheckpointOutcome,
    ClosingOutcome,
    ConsentPurpose,
    ContractKind,
    DropoutReason,
    FundingKind,
    HandoverStatus,
    LanguageLevel,
    MatchParty,
    MatchStatus,
    Persona,
    Phase,
    PlanStatus,
    ReferralSource,
    Role,
    Spt,
    TrainingFund,
    TrainingStatus,
    VisitMode,
)

# --- the frame every document shares -------------------------------------------------


@dataclass(frozen=True)
class Letterhead:
    """Who prints, for which region, and when: the header and footer of every page."""

    spt: Spt
    region: str
    printed_on: date


# --- the dossier ---------------------------------------------------------------------


@dataclass(frozen=True)
class CandidateProfile:
    """The candidate's personal data and profile, as the coach sees it."""

    full_name: str
    birth_date: date | None
    email: str | None
    phone: str | None
    municipality: str
    spt: Spt
    labour_market_region: str
    referral_source: ReferralSource
    persona: Persona
    benefit_status: BenefitStatus
    language_level: LanguageLevel | None
    hours_per_week: int | None
    availability: str | None
    salary_expectation: int | None
    skills: str | None
    interests: str | None
    motivation: str | None
    phase: Phase
    status: CandidateStatus
    registered_on: date
    next_follow_up: date | None = None
    closed_on: date | None = None
    closing_outcome: ClosingOutcome | None = None


@dataclass(frozen=True)
class AssignedCoach:
    role: Role
    name: str


@dataclass(frozen=True)
class ConsentLine:
    purpose: ConsentPurpose
    granted: bool
    recorded_on: date
    recorded_by: str
    withdrawn_on: date | None = None

    @property
    def active(self) -> bool:
        return self.granted and self.withdrawn_on is None


@dataclass(frozen=True)
class IntakeSummary:
    held_on: date
    coach: str
    background: str = ""
    motivation: str = ""
    wishes: str = ""
    obstacles: str = ""
    persona_rationale: str = ""


@dataclass(frozen=True)
class ActionLine:
    description: str
    owner: str
    due_on: date | None
    status: ActionStatus


@dataclass(frozen=True)
class GoalLine:
    description: str
    actions: tuple[ActionLine, ...] = ()


@dataclass(frozen=True)
class PlanVersion:
    """One version of a plan of approach with its goals and actions."""

    version: int
    status: PlanStatus
    summary: str = ""
    reviewed_on: date | None = None
    agreed_on: date | None = None
    agreed_by: str | None = None
    goals: tuple[GoalLine, ...] = ()


@dataclass(frozen=True)
class JourneyLine:
    occurred_on: date
    from_phase: Phase | None
    to_phase: Phase
    coach: str
    reason: str


@dataclass(frozen=True)
class ActivityLine:
    held_on: date
    kind: ActivityKind
    location: str
    outcome: ActivityOutcome
    notes: str = ""


@dataclass(frozen=True)
class TrainingLine:
    provider: str
    programme: str
    publicly_funded: bool
    funding: FundingKind
    fund: TrainingFund | None
    starts_on: date | None
    ends_on: date | None
    status: TrainingStatus
    certificate: str | None = None
    certifiable: bool = False  # certificeerbare eenheden / a recognised certificate


@dataclass(frozen=True)
class MatchLine:
    proposed_on: date
    employer: str
    vacancy: str | None
    status: MatchStatus
    klik: int | None
    coach: str
    notes: str = ""
    declined_by: MatchParty | None = None
    declined_reason: str | None = None


@dataclass(frozen=True)
class CheckpointLine:
    months: int
    due_on: date
    done_on: date | None
    outcome: CheckpointOutcome | None
    note: str | None = None


@dataclass(frozen=True)
class PlacementLine:
    employer: str
    job_title: str
    contract: ContractKind
    starts_on: date
    ended_on: date | None
    jobcoach: str | None
    checkpoints: tuple[CheckpointLine, ...] = ()


@dataclass(frozen=True)
class NoteLine:
    """A gespreksverslag, or an aanvulling on a signed-off visit."""

    written_at: datetime
    author: str
    text: str


@dataclass(frozen=True)
class VisitRecord:
    """A jobcoach visit as the SPT keeps it (internal: the dossier shows all of it)."""

    visited_at: datetime
    employer: str | None
    coach: str
    mode: VisitMode
    site: str = ""
    attendees: str = ""
    topics: str = ""
    progress_score: int | None = None
    wellbeing_score: int | None = None
    agreements: str = ""
    notes: str = ""
    follow_up_on: date | None = None
    dropout_risk: bool = False
    signed_off: bool = False
    amendments: tuple[NoteLine, ...] = ()  # aanvullingen after the sign-off (dossier only)


@dataclass(frozen=True)
class HandoverLine:
    created_at: datetime
    from_coach: str
    from_role: Role
    to_coach: str
    to_role: Role
    summary: str
    status: HandoverStatus
    accepted_at: datetime | None = None


@dataclass(frozen=True)
class DropoutLine:
    occurred_on: date
    phase: Phase
    reason: DropoutReason
    explanation: str = ""


@dataclass(frozen=True)
class DossierData:
    """Everything the Dossiersamenvatting shows: one candidate's whole dossier."""

    letterhead: Letterhead
    candidate: CandidateProfile
    coaches: tuple[AssignedCoach, ...] = ()
    consents: tuple[ConsentLine, ...] = ()
    intake: IntakeSummary | None = None
    plan: PlanVersion | None = None
    journey: tuple[JourneyLine, ...] = ()
    activities: tuple[ActivityLine, ...] = ()
    trainings: tuple[TrainingLine, ...] = ()
    notes: tuple[NoteLine, ...] = ()  # gespreksverslagen, oldest first
    matches: tuple[MatchLine, ...] = ()
    placements: tuple[PlacementLine, ...] = ()
    visits: tuple[VisitRecord, ...] = ()
    handovers: tuple[HandoverLine, ...] = ()
    dropouts: tuple[DropoutLine, ...] = ()


# --- the plan of approach, for signing -----------------------------------------------


@dataclass(frozen=True)
class PlanData:
    """The Plan van aanpak as candidate and coach sign it."""

    letterhead: Letterhead
    candidate_name: str
    coach_name: str
    coach_role: Role
    plan: PlanVersion


# --- the visit report for the employer -----------------------------------------------


@dataclass(frozen=True)
class VisitReportData:
    """One visit, as far as the employer may see it.

    There is no field for the coach's notes, the wellbeing score or the dropout-risk
    flag: those never go to an employer. Topics, agreements and the progress score are
    only filled when the candidate consented to sharing visit reports with the employer
    (``shared`` tells which). Make it with ``for_employer``.
    """

    letterhead: Letterhead
    employer: str
    candidate_name: str
    coach_name: str
    visited_at: datetime
    mode: VisitMode
    site: str
    follow_up_on: date | None
    signed_off: bool
    shared: bool
    attendees: str = ""
    topics: str = ""
    agreements: str = ""
    progress_score: int | None = None

    @classmethod
    def for_employer(
        cls,
        visit: VisitRecord,
        *,
        letterhead: Letterhead,
        employer: str,
        candidate_name: str,
        share_with_employer: bool,
    ) -> VisitReportData:
        """The employer's view of ``visit``. Without the candidate's consent
        (``share_with_employer`` False) only the appointment itself is kept: when, how,
        where, who the jobcoach is and when the next visit is."""
        shared = {
            "attendees": visit.attendees,
            "topics": visit.topics,
            "agreements": visit.agreements,
            "progress_score": visit.progress_score,
        }
        return cls(
            letterhead=letterhead,
            employer=employer,
            candidate_name=candidate_name,
            coach_name=visit.coach,
            visited_at=visit.visited_at,
            mode=visit.mode,
            site=visit.site,
            follow_up_on=visit.follow_up_on,
            signed_off=visit.signed_off,
            shared=share_with_employer,
            **(shared if share_with_employer else {}),  # type: ignore[arg-type]
        )


# --- the aanbodkrant -----------------------------------------------------------------

AGE_BANDS = (
    (0, "jonger dan 25 jaar"),
    (25, "25–34 jaar"),
    (35, "35–44 jaar"),
    (45, "45–54 jaar"),
    (55, "55 jaar en ouder"),
)
"""Lower bounds and labels; an age band is as precise as the aanbodkrant gets."""

REDACTED = "[…]"

# An employer or vacancy named by id that this device does not hold: another SPT's (a
# colleague's match or placement of her candidate; vault migration 0017). Its name never
# reaches this laptop, so a document says whose it is.
ELSEWHERE = "een werkgever van een ander SPT"
VACANCY_ELSEWHERE = "vacature van een ander SPT"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Dutch and international phone numbers: 06-12345678, 020 123 4567, +31 6 1234 5678.
_PHONE = re.compile(r"(?:\+|00)?\d(?:[\s-]?\(?\d\)?){8,}")
_POSTCODE = re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b")
_STREET = re.compile(
    r"\b[\w'-]*(?:straat|weg|laan|plein|gracht|kade|dijk|singel|pad|hof|dreef|steeg|"
    r"markt|park|plantsoen|erf|wal)\s+\d+\s?[a-zA-Z]?\b(?:[-\s]?\d+)?",
    re.IGNORECASE,
)


def age_band(birth_date: date | None, on: date) -> str | None:
    """The age band of someone born on ``birth_date`` (None when unknown)."""
    if birth_date is None:
        return None
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    label = AGE_BANDS[0][1]
    for lower, band in AGE_BANDS:
        if age >= lower:
            label = band
    return label


def scrub(text: str | None, names: tuple[str, ...] = ()) -> str:
    """``text`` without anything that points at the person: e-mail addresses, phone
    numbers, postcodes, street addresses and the given names (whole words)."""
    if not text:
        return ""
    out = _EMAIL.sub(REDACTED, text)
    out = _STREET.sub(REDACTED, out)
    out = _POSTCODE.sub(REDACTED, out)
    out = _PHONE.sub(REDACTED, out)
    for name in sorted({n.strip() for n in names if len(n.strip()) > 1}, key=len, reverse=True):
        out = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", REDACTED, out, flags=re.IGNORECASE)
    # "Kerkstraat 12, 1441 AB" becomes one mark, not a row of them.
    out = re.sub(rf"{re.escape(REDACTED)}(?:[\s,]*{re.escape(REDACTED)})+", REDACTED, out)
    return out.strip()


def profile_reference(candidate_id: str) -> str:
    """A short, stable reference an employer can quote; only the SPT can resolve it."""
    return "SPT-" + hashlib.sha256(candidate_id.encode()).hexdigest()[:6].upper()


@dataclass(frozen=True)
class AanbodkrantProfile:
    """One anonymised candidate in the aanbodkrant. Make it with ``anonymise``."""

    reference: str
    labour_market_region: str
    age_band: str | None
    language_level: LanguageLevel | None
    hours_per_week: int | None
    availability: str = ""
    skills: str = ""
    ambitions: str = ""
    orientation: tuple[ActivityKind, ...] = ()
    certificates: tuple[str, ...] = ()

    @classmethod
    def anonymise(
        cls,
        *,
        candidate_id: str,
        first_name: str,
        last_name: str,
        birth_date: date | None,
        labour_market_region: str,
        language_level: LanguageLevel | None,
        hours_per_week: int | None,
        availability: str | None,
        skills: str | None,
        interests: str | None,
        on: date,
        municipality: str = "",
        orientation: tuple[ActivityKind, ...] = (),
        certificates: tuple[str, ...] = (),
    ) -> AanbodkrantProfile:
        """The profile of one candidate with everything that identifies them taken out."""
        # The home municipality goes too: with an age band it narrows a person down.
        names = (
            first_name,
            last_name,
            f"{first_name} {last_name}",
            *(part for part in last_name.split() if part[:1].isupper()),
            municipality,
        )
        return cls(
            reference=profile_reference(candidate_id),
            labour_market_region=labour_market_region,
            age_band=age_band(birth_date, on),
            language_level=language_level,
            hours_per_week=hours_per_week,
            availability=scrub(availability, names),
            skills=scrub(skills, names),
            ambitions=scrub(interests, names),
            orientation=tuple(dict.fromkeys(orientation)),
            certificates=tuple(scrub(c, names) for c in certificates if c),
        )


@dataclass(frozen=True)
class AanbodkrantData:
    """One aanbodkrant: a batch of anonymised profiles and whom employers can call."""

    letterhead: Letterhead
    contact_name: str
    contact_email: str
    profiles: tuple[AanbodkrantProfile, ...] = field(default_factory=tuple)
