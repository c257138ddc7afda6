"""What the use cases return: plain frozen dataclasses, never live ORM objects.

A DTO is filled from a row by field name (``from_row``), so adding a column to an entity
and the same-named field to its DTO is all it takes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from spt_common.enums import (
    ActionStatus,
    ActivityKind,
    ActivityOutcome,
    BenefitStatus,
    BranchOrganisation,
    CandidateStatus,
    CheckpointOutcome,
    ClosingOutcome,
    ConsentPurpose,
    ContractKind,
    DropoutReason,
    EmployerContactKind,
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
    Sector,
    Spt,
    TrainingFund,
    TrainingStatus,
    TransitionReadiness,
    VacancyKind,
    VacancySource,
    VacancyStatus,
    VisitMode,
    WorkLevel,
    WorkPattern,
)
from spt_common.ids import is_time_ordered

T = TypeVar("T")


def from_row(cls: type[T], row: Any, **extra: Any) -> T:
    """An instance of the dataclass ``cls`` with each field read from ``row`` by name
    (``extra`` supplies fields the row does not have)."""
    values = {
        f.name: extra[f.name] if f.name in extra else getattr(row, f.name)
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in extra or hasattr(row, f.name)
    }
    return cls(**values)


@dataclass(frozen=True)
class CoachDTO:
    id: str
    name: str
    email: str
    roles: str
    spt: Spt

    @property
    def role_list(self) -> tuple[Role, ...]:
        return tuple(Role(r) for r in self.roles.split(",") if r)


@dataclass(frozen=True)
class ConsentDTO:
    id: str
    purpose: ConsentPurpose
    granted: bool
    recorded_on: date
    recorded_by: str
    withdrawn_on: date | None

    @property
    def active(self) -> bool:
        return self.granted and self.withdrawn_on is None


@dataclass(frozen=True)
class AssignmentDTO:
    id: str
    coach_id: str
    role: Role
    active: bool


@dataclass(frozen=True)
class CandidateDTO:
    id: str
    first_name: str
    last_name: str
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
    notes: str | None
    phase: Phase
    status: CandidateStatus
    registered_on: date
    next_follow_up: date | None
    closed_on: date | None = None
    closing_outcome: ClosingOutcome | None = None
    consents: tuple[ConsentDTO, ...] = ()
    assignments: tuple[AssignmentDTO, ...] = ()

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def dossier_number(self) -> str:
        return dossier_number(self.id)

    def has_consent(self, purpose: ConsentPurpose) -> bool:
        return any(c.purpose == purpose and c.active for c in self.consents)


@dataclass(frozen=True)
class CaseloadRow:
    """One line of the caseload table: just what the table shows and filters on."""

    id: str
    first_name: str
    last_name: str
    municipality: str
    persona: Persona
    phase: Phase
    status: CandidateStatus
    next_follow_up: date | None
    registered_on: date

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class IntakeDTO:
    id: str
    candidate_id: str
    held_on: date
    coach_id: str
    background: str
    motivation: str
    wishes: str
    obstacles: str
    persona_rationale: str


@dataclass(frozen=True)
class NoteDTO:
    id: str
    candidate_id: str
    author_id: str
    written_at: datetime
    text: str
    visit_id: str | None = None  # an aanvulling on this signed-off visit


@dataclass(frozen=True)
class ActionDTO:
    id: str
    description: str
    owner: str
    due_on: date | None
    status: ActionStatus


@dataclass(frozen=True)
class GoalDTO:
    id: str
    description: str
    actions: tuple[ActionDTO, ...] = ()


@dataclass(frozen=True)
class PlanDTO:
    id: str
    candidate_id: str
    version: int
    status: PlanStatus
    summary: str
    reviewed_on: date | None
    agreed_on: date | None
    agreed_by: str | None
    goals: tuple[GoalDTO, ...] = ()


@dataclass(frozen=True)
class JourneyEventDTO:
    id: str
    candidate_id: str
    from_phase: Phase | None
    to_phase: Phase
    occurred_on: date
    coach_id: str
    reason: str

    @property
    def is_move_back(self) -> bool:
        order = list(Phase)
        return self.from_phase is not None and order.index(self.to_phase) < order.index(
            self.from_phase
        )


@dataclass(frozen=True)
class ActivityDTO:
    id: str
    candidate_id: str
    kind: ActivityKind
    held_on: date
    location: str
    outcome: ActivityOutcome
    notes: str


@dataclass(frozen=True)
class TrainingDTO:
    id: str
    candidate_id: str
    provider: str
    programme: str
    publicly_funded: bool
    funding: FundingKind
    fund: TrainingFund | None
    starts_on: date | None
    ends_on: date | None
    status: TrainingStatus
    certificate: str | None
    certifiable: bool = False  # certificeerbare eenheden / a recognised certificate


@dataclass(frozen=True)
class EmployerDTO:
    id: str
    name: str
    sector: Sector
    municipality: str
    spt: Spt
    address: str
    praktijkopleiders: int
    middenkader: int
    guidance_notes: str
    branch: BranchOrganisation | None = None
    training_fund: TrainingFund | None = None
    transition_readiness: TransitionReadiness | None = None
    transition_notes: str | None = None


@dataclass(frozen=True)
class EmployerRow:
    """One line of the Werkgevers list: the employer and what it has open."""

    employer: EmployerDTO
    open_vacancies: int
    future_needs: int

    @property
    def id(self) -> str:
        return self.employer.id


@dataclass(frozen=True)
class ContactPersonDTO:
    id: str
    employer_id: str
    name: str
    function: str
    email: str | None
    phone: str | None
    left_on: date | None = None

    @property
    def active(self) -> bool:
        return self.left_on is None


@dataclass(frozen=True)
class VacancyDTO:
    id: str
    employer_id: str
    kind: VacancyKind
    title: str
    description: str
    hours_per_week: int | None
    positions: int
    expected_on: date | None
    status: VacancyStatus
    work_pattern: WorkPattern | None = None
    salary_min: int | None = None
    salary_max: int | None = None
    language_level: LanguageLevel | None = None
    work_level: WorkLevel | None = None
    bbl_possible: bool | None = None
    source: VacancySource | None = None


@dataclass(frozen=True)
class EmployerContactDTO:
    """One contact of the employer approach (lesson 7), with the names it refers to."""

    id: str
    employer_id: str
    contact_person_id: str | None
    coach_id: str
    held_on: date
    kind: EmployerContactKind
    agreements: str
    follow_up_on: date | None
    follow_up_done_on: date | None
    contact_person_name: str = ""
    coach_name: str = ""

    @property
    def follow_up_open(self) -> bool:
        return self.follow_up_on is not None and self.follow_up_done_on is None


@dataclass(frozen=True)
class AgendaItem:
    """One line of the arbeidsmarktcoach's Vandaag. ``kind``: ``employer_follow_up``
    (``record_id`` an employer contact), ``open_match`` (a match; ``candidate_*`` set)
    or ``future_need`` (a vacancy of kind future need)."""

    kind: str
    due_on: date
    record_id: str
    employer_id: str
    employer_name: str  # '' for another SPT's employer, which this device does not hold
    title: str  # what it is about: the contact's kind, the function
    detail: str  # what was agreed, the match's step, the places
    candidate_id: str | None = None
    candidate_name: str = ""


@dataclass(frozen=True)
class EmployerAgenda:
    """What the arbeidsmarktcoach has to do (issue 12 §5): her employer follow-ups due,
    her matches waiting for an answer, and the future needs coming due (the SPT's)."""

    on: date
    follow_ups: tuple[AgendaItem, ...] = ()
    open_matches: tuple[AgendaItem, ...] = ()
    future_needs: tuple[AgendaItem, ...] = ()

    @property
    def count(self) -> int:
        return len(self.follow_ups) + len(self.open_matches) + len(self.future_needs)


@dataclass(frozen=True)
class MatchDTO:
    id: str
    candidate_id: str
    employer_id: str
    vacancy_id: str | None
    coach_id: str
    status: MatchStatus
    klik: int | None
    proposed_on: date
    notes: str
    introduced_on: date | None = None
    trial_on: date | None = None
    hired_on: date | None = None
    declined_on: date | None = None
    declined_by: MatchParty | None = None
    declined_reason: str | None = None

    @property
    def open(self) -> bool:
        """Still under way: not placed, not declined."""
        return self.status not in (MatchStatus.PLACED, MatchStatus.DECLINED)


@dataclass(frozen=True)
class CheckpointDTO:
    id: str
    months: int
    due_on: date
    done_on: date | None
    outcome: CheckpointOutcome | None
    note: str | None = None
    placement_id: str = ""


@dataclass(frozen=True)
class PlacementDTO:
    id: str
    candidate_id: str
    employer_id: str
    vacancy_id: str | None
    match_id: str | None
    jobcoach_id: str | None
    job_title: str
    contract: ContractKind
    starts_on: date
    ended_on: date | None
    checkpoints: tuple[CheckpointDTO, ...] = ()
    hours_per_week: int | None = None
    fund: TrainingFund | None = None


@dataclass(frozen=True)
class VisitDTO:
    id: str
    candidate_id: str
    placement_id: str | None
    employer_id: str | None
    coach_id: str
    visited_at: datetime
    site: str
    mode: VisitMode
    attendees: str
    topics: str
    progress_score: int | None
    wellbeing_score: int | None
    agreements: str
    notes: str
    follow_up_on: date | None
    dropout_risk: bool
    signed_off_at: datetime | None


@dataclass(frozen=True)
class HandoverDTO:
    id: str
    candidate_id: str
    from_coach_id: str
    from_role: Role
    to_coach_id: str
    to_role: Role
    summary: str
    status: HandoverStatus
    created_at: datetime
    accepted_at: datetime | None


@dataclass(frozen=True)
class DropoutDTO:
    id: str
    candidate_id: str
    phase: Phase
    reason: DropoutReason
    occurred_on: date
    coach_id: str
    explanation: str


@dataclass(frozen=True)
class HistoryEntry:
    """One audit line: who did what to which record, when — never the content."""

    at: datetime
    actor_id: str | None
    action: str
    entity: str
    record_id: str
    fields: str


@dataclass(frozen=True)
class TodayItem:
    """One thing on Vandaag. ``kind`` says what it is and so what Enter does (a group's
    items share it): follow_up, intake, checkpoint, handover, visit_follow_up, match,
    future_need, employer_follow_up, ... An employer's item has no candidate.
    ``elsewhere``: the item's employer is another SPT's, not on this device (``detail``
    then leaves it out; the UI says so)."""

    kind: str
    due_on: date
    candidate_id: str
    candidate_name: str
    record_id: str
    detail: str
    employer_id: str = ""
    elsewhere: bool = False


@dataclass(frozen=True)
class TodayGroup:
    """One group of Vandaag: whose work it is (a role; None: every coach's) and its items."""

    key: str
    role: Role | None
    items: tuple[TodayItem, ...] = ()


@dataclass(frozen=True)
class TodayList:
    """Vandaag: the groups of the roles the coach holds, in the order of the journey."""

    on: date
    groups: tuple[TodayGroup, ...] = ()

    def group(self, key: str) -> tuple[TodayItem, ...]:
        """The items of the group ``key`` (none when the coach has no such group)."""
        return next((g.items for g in self.groups if g.key == key), ())

    @property
    def follow_ups(self) -> tuple[TodayItem, ...]:
        return self.group("follow_ups")

    @property
    def checkpoints(self) -> tuple[TodayItem, ...]:
        return self.group("checkpoints")

    @property
    def handovers(self) -> tuple[TodayItem, ...]:
        return self.group("handovers")

    @property
    def visit_follow_ups(self) -> tuple[TodayItem, ...]:
        return self.group("visit_follow_ups")

    @property
    def count(self) -> int:
        return sum(len(g.items) for g in self.groups)


@dataclass(frozen=True)
class CaseloadFilter:
    coach_id: str | None = None
    mine: bool = False  # only the acting coach's candidates (coach_id left None)
    role: Role | None = None
    phases: frozenset[Phase] = field(default_factory=frozenset)
    personas: frozenset[Persona] = field(default_factory=frozenset)
    statuses: frozenset[CandidateStatus] = field(default_factory=frozenset)
    text: str = ""
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class Dossier:
    """Everything one dossier shows (``Services.dossier``), read in one transaction: the
    window's dossier, and what its Dossiersamenvatting prints (documents.printable_dossier)."""

    candidate: CandidateDTO
    intakes: list[IntakeDTO] = field(default_factory=list)
    plan: PlanDTO | None = None
    plan_versions: list[PlanDTO] = field(default_factory=list)
    timeline: list[JourneyEventDTO] = field(default_factory=list)
    activities: list[ActivityDTO] = field(default_factory=list)
    trainings: list[TrainingDTO] = field(default_factory=list)
    notes: list[NoteDTO] = field(default_factory=list)  # oldest first
    matches: list[MatchDTO] = field(default_factory=list)
    placements: list[PlacementDTO] = field(default_factory=list)
    visits: list[VisitDTO] = field(default_factory=list)
    handovers: list[HandoverDTO] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)
    dropouts: list[DropoutDTO] = field(default_factory=list)
    coaches: dict[str, str] = field(default_factory=dict)  # name by id
    employers: dict[str, str] = field(default_factory=dict)  # name by id
    vacancies: dict[str, str] = field(default_factory=dict)  # title by id


@dataclass(frozen=True)
class HandoverTarget:
    """A colleague and a role of hers a candidate can be handed over to."""

    coach_id: str
    coach_name: str
    role: Role


def dossier_number(candidate_id: str) -> str:
    """The short number a coach reads in the dossier's header and gives the headless
    commands: 8 random characters of the id, upper case ("3F2A91C0"). Of a time-ordered
    id (version 7) its last 8: its first 8 are the clock, the same for every dossier
    opened in the same minute. Of an older (random) id its first 8, as it always had."""
    if is_time_ordered(candidate_id):
        return candidate_id[-8:].upper()
    return candidate_id.replace("-", "")[:8].upper()


@dataclass(frozen=True)
class CandidateRef:
    """A candidate found by a name or a dossier number (``spt-desktop print``)."""

    id: str
    full_name: str
    municipality: str

    @property
    def dossier_number(self) -> str:
        return dossier_number(self.id)
