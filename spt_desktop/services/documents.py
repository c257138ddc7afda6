"""Reading a dossier from the vault into the plain data the documents print from.

    data = dossier_data(vault, candidate_id)          # -> print.data.DossierData
    pdf = spt_desktop.print.dossier_pdf(data)         # pure: no vault, no disk

Tombstoned rows (``deleted``) are skipped everywhere. Consent decides what leaves the
SPT: the Bezoekverslag carries the visit's content only with ``share_employer`` consent,
and the aanbodkrant holds only candidates with ``aanbodkrant`` consent, anonymised.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_desktop.models import (
    Action,
    Activity,
    Assignment,
    Candidate,
    Coach,
    Consent,
    Dropout,
    Employer,
    Goal,
    Handover,
    Intake,
    JourneyEvent,
    Match,
    Placement,
    Plan,
    RetentionCheckpoint,
    Training,
    Vacancy,
    Visit,
)
from spt_desktop.models.atomic import write_atomic
from spt_desktop.models.base import Synced
from spt_desktop.models.enums import (
    ActivityOutcome,
    CandidateStatus,
    ConsentPurpose,
    PlanStatus,
    Role,
    TrainingStatus,
)
from spt_desktop.print.data import (
    AanbodkrantData,
    AanbodkrantProfile,
    ActionLine,
    ActivityLine,
    AssignedCoach,
    CandidateProfile,
    CheckpointLine,
    ConsentLine,
    DossierData,
    DropoutLine,
    GoalLine,
    HandoverLine,
    IntakeSummary,
    JourneyLine,
    Letterhead,
    MatchLine,
    PlacementLine,
    PlanData,
    PlanVersion,
    TrainingLine,
    VisitRecord,
    VisitReportData,
)
from spt_desktop.services.base import Service, load
from spt_desktop.services.errors import NotFound, ServiceError

if TYPE_CHECKING:
    from spt_desktop.models.vault import Vault

S = TypeVar("S", bound=Synced)
UNKNOWN = "onbekend"
CANDIDATE = "Deze kandidaat"


# --- small readers ------------------------------------------------------------------


def _live(session: Session, model: type[S], *where: Any, order: Sequence[Any] = ()) -> list[S]:
    """The rows of ``model`` matching ``where``, tombstones left out."""
    q = sa.select(model).where(~model.deleted, *where).order_by(*order)
    return list(session.scalars(q))


class _Names:
    """Coach and employer names by id, read once per document (a handful of rows)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._coaches = {i: n for i, n in session.execute(sa.select(Coach.id, Coach.name))}
        self._employers: dict[str, str] = {}
        self._vacancies: dict[str, str] = {}

    def coach(self, coach_id: str | None) -> str:
        return self._coaches.get(coach_id or "", UNKNOWN)

    def employers(self, ids: Iterable[str | None]) -> None:
        want = {i for i in ids if i} - self._employers.keys()
        if want:
            rows = self._session.execute(
                sa.select(Employer.id, Employer.name).where(Employer.id.in_(want))
            )
            self._employers.update({i: n for i, n in rows})

    def employer(self, employer_id: str | None) -> str | None:
        return self._employers.get(employer_id) if employer_id else None

    def vacancies(self, ids: Iterable[str | None]) -> None:
        want = {i for i in ids if i}
        if want:
            rows = self._session.execute(
                sa.select(Vacancy.id, Vacancy.title).where(Vacancy.id.in_(want))
            )
            self._vacancies.update({i: t for i, t in rows})

    def vacancy(self, vacancy_id: str | None) -> str | None:
        return self._vacancies.get(vacancy_id) if vacancy_id else None


def current_consents(session: Session, candidate_id: str) -> dict[ConsentPurpose, Consent]:
    """The latest live consent row per purpose (a later row overrides an earlier one)."""
    rows = _live(
        session,
        Consent,
        Consent.candidate_id == candidate_id,
        order=(Consent.recorded_on, Consent.modified_at),
    )
    return {row.purpose: row for row in rows}


def has_consent(session: Session, candidate_id: str, purpose: ConsentPurpose) -> bool:
    """Whether ``purpose`` is consented to now: granted and not withdrawn."""
    row = current_consents(session, candidate_id).get(purpose)
    return row is not None and row.granted and row.withdrawn_on is None


def _letterhead(cand: Candidate, today: date) -> Letterhead:
    return Letterhead(cand.spt, cand.labour_market_region, today)


def _profile(cand: Candidate) -> CandidateProfile:
    return CandidateProfile(
        full_name=cand.full_name,
        birth_date=cand.birth_date,
        email=cand.email,
        phone=cand.phone,
        municipality=cand.municipality,
        spt=cand.spt,
        labour_market_region=cand.labour_market_region,
        referral_source=cand.referral_source,
        persona=cand.persona,
        benefit_status=cand.benefit_status,
        language_level=cand.language_level,
        hours_per_week=cand.hours_per_week,
        availability=cand.availability,
        salary_expectation=cand.salary_expectation,
        skills=cand.skills,
        interests=cand.interests,
        motivation=cand.motivation,
        phase=cand.phase,
        status=cand.status,
        registered_on=cand.registered_on,
        next_follow_up=cand.next_follow_up,
    )


# --- the plan of approach -----------------------------------------------------------


def _current_plan(session: Session, candidate_id: str) -> Plan | None:
    """The newest version that is not superseded; else the newest there is."""
    plans = _live(session, Plan, Plan.candidate_id == candidate_id, order=(Plan.version,))
    current = [p for p in plans if p.status is not PlanStatus.SUPERSEDED]
    newest = current or plans
    return newest[-1] if newest else None


def _plan_version(session: Session, plan: Plan, names: _Names) -> PlanVersion:
    goals = _live(session, Goal, Goal.plan_id == plan.id, order=(Goal.position,))
    actions = _live(
        session,
        Action,
        Action.goal_id.in_([g.id for g in goals]),
        order=(Action.position,),
    )
    by_goal: dict[str, list[ActionLine]] = {}
    for a in actions:
        by_goal.setdefault(a.goal_id, []).append(
            ActionLine(a.description, a.owner, a.due_on, a.status)
        )
    return PlanVersion(
        version=plan.version,
        status=plan.status,
        summary=plan.summary,
        reviewed_on=plan.reviewed_on,
        agreed_on=plan.agreed_on,
        agreed_by=names.coach(plan.agreed_by) if plan.agreed_by else None,
        goals=tuple(GoalLine(g.description, tuple(by_goal.get(g.id, ()))) for g in goals),
    )


def _assignments(session: Session, candidate_id: str) -> list[Assignment]:
    return _live(
        session,
        Assignment,
        Assignment.candidate_id == candidate_id,
        Assignment.active,
        order=(Assignment.role,),
    )


# --- the dossier ---------------------------------------------------------------------


def _journey(s: Session, cid: str, names: _Names) -> tuple[JourneyLine, ...]:
    rows = _live(
        s,
        JourneyEvent,
        JourneyEvent.candidate_id == cid,
        order=(JourneyEvent.occurred_on, JourneyEvent.modified_at),
    )
    return tuple(
        JourneyLine(e.occurred_on, e.from_phase, e.to_phase, names.coach(e.coach_id), e.reason)
        for e in rows
    )


def _activities(s: Session, cid: str) -> tuple[ActivityLine, ...]:
    rows = _live(s, Activity, Activity.candidate_id == cid, order=(Activity.held_on,))
    return tuple(ActivityLine(a.held_on, a.kind, a.location, a.outcome, a.notes) for a in rows)


def _trainings(s: Session, cid: str) -> tuple[TrainingLine, ...]:
    rows = _live(s, Training, Training.candidate_id == cid, order=(Training.starts_on,))
    return tuple(
        TrainingLine(
            t.provider,
            t.programme,
            t.publicly_funded,
            t.funding,
            t.fund,
            t.starts_on,
            t.ends_on,
            t.status,
            t.certificate,
        )
        for t in rows
    )


def _matches(s: Session, cid: str, names: _Names) -> tuple[MatchLine, ...]:
    rows = _live(s, Match, Match.candidate_id == cid, order=(Match.proposed_on,))
    names.employers(m.employer_id for m in rows)
    names.vacancies(m.vacancy_id for m in rows)
    return tuple(
        MatchLine(
            m.proposed_on,
            names.employer(m.employer_id) or UNKNOWN,
            names.vacancy(m.vacancy_id),
            m.status,
            m.klik,
            names.coach(m.coach_id),
            m.notes,
        )
        for m in rows
    )


def _placements(s: Session, cid: str, names: _Names) -> tuple[PlacementLine, ...]:
    rows = _live(s, Placement, Placement.candidate_id == cid, order=(Placement.starts_on,))
    names.employers(p.employer_id for p in rows)
    checkpoints = _live(
        s,
        RetentionCheckpoint,
        RetentionCheckpoint.candidate_id == cid,
        order=(RetentionCheckpoint.months,),
    )
    return tuple(
        PlacementLine(
            employer=names.employer(p.employer_id) or UNKNOWN,
            job_title=p.job_title,
            contract=p.contract,
            starts_on=p.starts_on,
            ended_on=p.ended_on,
            jobcoach=names.coach(p.jobcoach_id) if p.jobcoach_id else None,
            checkpoints=tuple(
                CheckpointLine(c.months, c.due_on, c.done_on, c.outcome)
                for c in checkpoints
                if c.placement_id == p.id
            ),
        )
        for p in rows
    )


def _visit_record(v: Visit, names: _Names) -> VisitRecord:
    return VisitRecord(
        visited_at=v.visited_at,
        employer=names.employer(v.employer_id),
        coach=names.coach(v.coach_id),
        mode=v.mode,
        site=v.site,
        attendees=v.attendees,
        topics=v.topics,
        progress_score=v.progress_score,
        wellbeing_score=v.wellbeing_score,
        agreements=v.agreements,
        notes=v.notes,
        follow_up_on=v.follow_up_on,
        dropout_risk=v.dropout_risk,
        signed_off=v.signed_off_at is not None,
    )


def _visits(s: Session, cid: str, names: _Names) -> tuple[VisitRecord, ...]:
    rows = _live(s, Visit, Visit.candidate_id == cid, order=(Visit.visited_at,))
    names.employers(v.employer_id for v in rows)
    return tuple(_visit_record(v, names) for v in rows)


def _handovers(s: Session, cid: str, names: _Names) -> tuple[HandoverLine, ...]:
    rows = _live(s, Handover, Handover.candidate_id == cid, order=(Handover.created_at,))
    return tuple(
        HandoverLine(
            h.created_at,
            names.coach(h.from_coach_id),
            h.from_role,
            names.coach(h.to_coach_id),
            h.to_role,
            h.summary,
            h.status,
            h.accepted_at,
        )
        for h in rows
    )


def _dropouts(s: Session, cid: str) -> tuple[DropoutLine, ...]:
    rows = _live(s, Dropout, Dropout.candidate_id == cid, order=(Dropout.occurred_on,))
    return tuple(DropoutLine(d.occurred_on, d.phase, d.reason, d.explanation) for d in rows)


def _intake(s: Session, cid: str, names: _Names) -> IntakeSummary | None:
    rows = _live(s, Intake, Intake.candidate_id == cid, order=(Intake.held_on,))
    if not rows:
        return None
    i = rows[-1]
    return IntakeSummary(
        i.held_on,
        names.coach(i.coach_id),
        i.background,
        i.motivation,
        i.wishes,
        i.obstacles,
        i.persona_rationale,
    )


def dossier_data(vault: Vault, candidate_id: str, today: date | None = None) -> DossierData:
    """The whole dossier of one candidate, for the Dossiersamenvatting."""
    with vault.transaction() as s:
        cand = load(s, Candidate, candidate_id, CANDIDATE)
        names = _Names(s)
        consents = current_consents(s, candidate_id).values()
        plan = _current_plan(s, candidate_id)
        return DossierData(
            letterhead=_letterhead(cand, today or date.today()),
            candidate=_profile(cand),
            coaches=tuple(
                AssignedCoach(a.role, names.coach(a.coach_id))
                for a in _assignments(s, candidate_id)
            ),
            consents=tuple(
                ConsentLine(
                    c.purpose,
                    c.granted,
                    c.recorded_on,
                    names.coach(c.recorded_by),
                    c.withdrawn_on,
                )
                for c in sorted(consents, key=lambda c: list(ConsentPurpose).index(c.purpose))
            ),
            intake=_intake(s, candidate_id, names),
            plan=_plan_version(s, plan, names) if plan else None,
            journey=_journey(s, candidate_id, names),
            activities=_activities(s, candidate_id),
            trainings=_trainings(s, candidate_id),
            matches=_matches(s, candidate_id, names),
            placements=_placements(s, candidate_id, names),
            visits=_visits(s, candidate_id, names),
            handovers=_handovers(s, candidate_id, names),
            dropouts=_dropouts(s, candidate_id),
        )


def plan_data(
    vault: Vault, candidate_id: str, plan_id: str | None = None, today: date | None = None
) -> PlanData:
    """The Plan van aanpak for signing: ``plan_id``, or the current version. The coach who
    signs is the one who agreed the plan, else the candidate's loopbaancoach."""
    with vault.transaction() as s:
        cand = load(s, Candidate, candidate_id, CANDIDATE)
        if plan_id is None:
            plan = _current_plan(s, candidate_id)
        else:
            plan = load(s, Plan, plan_id, "Dit plan van aanpak")
            if plan.candidate_id != candidate_id:
                plan = None
        if plan is None:
            raise NotFound("Een plan van aanpak van deze kandidaat")
        names = _Names(s)
        roles = {a.coach_id: a.role for a in _assignments(s, candidate_id)}
        coach_id = plan.agreed_by or next(
            (cid for cid, role in roles.items() if role is Role.LOOPBAANCOACH),
            next(iter(roles), vault.owner_id),
        )
        return PlanData(
            letterhead=_letterhead(cand, today or date.today()),
            candidate_name=cand.full_name,
            coach_name=names.coach(coach_id),
            coach_role=roles.get(coach_id or "", Role.LOOPBAANCOACH),
            plan=_plan_version(s, plan, names),
        )


def visit_report_data(vault: Vault, visit_id: str, today: date | None = None) -> VisitReportData:
    """One visit as the employer may see it: its content only with the candidate's
    consent to share visit reports with the employer."""
    with vault.transaction() as s:
        visit = load(s, Visit, visit_id, "Dit bezoek")
        cand = load(s, Candidate, visit.candidate_id, CANDIDATE)
        names = _Names(s)
        employer_id = visit.employer_id
        if employer_id is None and visit.placement_id:
            employer_id = load(s, Placement, visit.placement_id, "De plaatsing").employer_id
        names.employers([employer_id])
        employer = names.employer(employer_id)
        if employer is None:
            raise NotFound("De werkgever van dit bezoek")
        return VisitReportData.for_employer(
            _visit_record(visit, names),
            letterhead=_letterhead(cand, today or date.today()),
            employer=employer,
            candidate_name=cand.full_name,
            share_with_employer=has_consent(s, cand.id, ConsentPurpose.SHARE_EMPLOYER),
        )


# --- the aanbodkrant -----------------------------------------------------------------


def _anonymised(s: Session, cand: Candidate, today: date) -> AanbodkrantProfile:
    activities = _live(
        s,
        Activity,
        Activity.candidate_id == cand.id,
        Activity.outcome.in_([ActivityOutcome.POSITIVE, ActivityOutcome.NEUTRAL]),
        order=(Activity.held_on,),
    )
    certificates = _live(
        s,
        Training,
        Training.candidate_id == cand.id,
        Training.status == TrainingStatus.COMPLETED,
        order=(Training.ends_on,),
    )
    return AanbodkrantProfile.anonymise(
        candidate_id=cand.id,
        first_name=cand.first_name,
        last_name=cand.last_name,
        municipality=cand.municipality,
        birth_date=cand.birth_date,
        labour_market_region=cand.labour_market_region,
        language_level=cand.language_level,
        hours_per_week=cand.hours_per_week,
        availability=cand.availability,
        skills=cand.skills,
        interests=cand.interests,
        on=today,
        orientation=tuple(a.kind for a in activities),
        certificates=tuple(t.certificate for t in certificates if t.certificate),
    )


def aanbodkrant_profiles(
    vault: Vault, candidate_ids: Sequence[str] | None = None, today: date | None = None
) -> tuple[AanbodkrantProfile, ...]:
    """Anonymised profiles of the candidates with aanbodkrant consent (granted, not
    withdrawn). Without ``candidate_ids``: every active candidate with that consent.
    Candidates without consent are left out, whoever asked for them."""
    on = today or date.today()
    with vault.transaction() as s:
        q = sa.select(Candidate).where(~Candidate.deleted)
        if candidate_ids is None:
            q = q.where(Candidate.status == CandidateStatus.ACTIVE)
        else:
            q = q.where(Candidate.id.in_(list(candidate_ids)))
        candidates = list(s.scalars(q.order_by(Candidate.registered_on, Candidate.id)))
        return tuple(
            _anonymised(s, c, on)
            for c in candidates
            if has_consent(s, c.id, ConsentPurpose.AANBODKRANT)
        )


def aanbodkrant_data(
    vault: Vault, candidate_ids: Sequence[str] | None = None, today: date | None = None
) -> AanbodkrantData:
    """One aanbodkrant: the profiles, with the vault's owner as the employers' contact."""
    on = today or date.today()
    profiles = aanbodkrant_profiles(vault, candidate_ids, on)
    with vault.transaction() as s:
        owner = load(s, Coach, vault.owner_id or "", "Uw coachprofiel")
        regions = sorted({p.labour_market_region for p in profiles})
        return AanbodkrantData(
            letterhead=Letterhead(owner.spt, ", ".join(regions), on),
            contact_name=owner.name,
            contact_email=owner.email,
            profiles=profiles,
        )


class DocumentService(Service):
    """The same readers as a use case over the services' context (and its clock)."""

    def dossier(self, candidate_id: str) -> DossierData:
        return dossier_data(self.ctx.vault, candidate_id, self.ctx.today())

    def plan(self, candidate_id: str, plan_id: str | None = None) -> PlanData:
        return plan_data(self.ctx.vault, candidate_id, plan_id, self.ctx.today())

    def visit_report(self, visit_id: str) -> VisitReportData:
        return visit_report_data(self.ctx.vault, visit_id, self.ctx.today())

    def aanbodkrant(self, candidate_ids: Sequence[str] | None = None) -> AanbodkrantData:
        return aanbodkrant_data(self.ctx.vault, candidate_ids, self.ctx.today())

    # --- rendered documents (bytes; the caller decides where they go) --------------

    def dossier_pdf(self, candidate_id: str) -> bytes:
        from spt_desktop.print import dossier_pdf

        return dossier_pdf(self.dossier(candidate_id))

    def plan_pdf(self, candidate_id: str, plan_id: str | None = None) -> bytes:
        from spt_desktop.print import plan_pdf

        return plan_pdf(self.plan(candidate_id, plan_id))

    def visit_report_pdf(self, visit_id: str) -> bytes:
        from spt_desktop.print import visit_report_pdf

        return visit_report_pdf(self.visit_report(visit_id))

    def aanbodkrant_pdf(self, candidate_ids: Sequence[str] | None = None) -> bytes:
        from spt_desktop.print import aanbodkrant_pdf

        return aanbodkrant_pdf(self.aanbodkrant(candidate_ids))


PrintData = DossierData | PlanData | VisitReportData | AanbodkrantData


def render(data: PrintData) -> bytes:
    """The PDF of a document's data. Pure: no vault, no disk, so it runs on any thread
    (the window renders off the vault's worker)."""
    from spt_desktop import print as documents

    if isinstance(data, DossierData):
        return documents.dossier_pdf(data)
    if isinstance(data, PlanData):
        return documents.plan_pdf(data)
    if isinstance(data, VisitReportData):
        return documents.visit_report_pdf(data)
    return documents.aanbodkrant_pdf(data)


def documents_of(services: Any) -> DocumentService:
    """The document use cases of a ``Services``."""
    docs = services.documents
    assert isinstance(docs, DocumentService)
    return docs


def save_export(path: str | Path, data: bytes) -> None:
    """Write an export (PDF, CSV) exactly where the user chose and nowhere else,
    atomically: temp file beside it → fsync → rename. Disk trouble becomes a Dutch
    message that names no file content."""
    target = Path(path)
    try:
        if target.is_dir():
            raise ServiceError("Dat is een map; kies een bestandsnaam.")
        write_atomic(target, data)
    except OSError as exc:
        raise ServiceError(_disk_message(exc)) from None


def _disk_message(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return (
            "De schijf is vol; het bestand is niet opgeslagen. "
            "Maak ruimte vrij of kies een andere plek."
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            "In die map mag niet worden geschreven; het bestand is niet opgeslagen. "
            "Kies een andere map."
        )
    if exc.errno == errno.ENOENT:
        return "Die map bestaat niet (meer); het bestand is niet opgeslagen. Kies een andere map."
    return "Het bestand kon niet worden opgeslagen. Kies een andere plek en probeer het opnieuw."
