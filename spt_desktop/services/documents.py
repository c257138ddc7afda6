"""Reading a dossier from the vault into the plain data the documents print from.

    data = dossier_data(vault, candidate_id)          # -> print.data.DossierData
                                                      # (from Services.dossier: one read)
    pdf = spt_desktop.print.dossier_pdf(data)         # pure: no vault, no disk

Tombstoned rows (``deleted``) are skipped everywhere. Consent decides what leaves the
SPT: the Bezoekverslag carries the visit's content only with ``share_employer`` consent,
and the aanbodkrant holds only candidates with ``aanbodkrant`` consent, anonymised.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.enums import (
    ActivityOutcome,
    CandidateStatus,
    ConsentPurpose,
    PlanStatus,
    Role,
    TrainingStatus,
)
from spt_desktop.errors import Code, Thing
from spt_desktop.models import (
    Action,
    Activity,
    Assignment,
    Candidate,
    Coach,
    Consent,
    Employer,
    Goal,
    Placement,
    Plan,
    Training,
    Vacancy,
    Visit,
)
from spt_desktop.models.atomic import write_atomic
from spt_desktop.models.base import Synced
from spt_desktop.print.data import (
    ELSEWHERE,
    VACANCY_ELSEWHERE,
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
    NoteLine,
    PlacementLine,
    PlanData,
    PlanVersion,
    TrainingLine,
    VisitRecord,
    VisitReportData,
)
from spt_desktop.print.letter_data import ReferralLetterData
from spt_desktop.services.base import Service, load
from spt_desktop.services.dto import ConsentDTO, Dossier, PlacementDTO, VisitDTO, from_row
from spt_desktop.services.errors import NotFound, ServiceError

if TYPE_CHECKING:
    from spt_desktop.models.vault import Vault

S = TypeVar("S", bound=Synced)
UNKNOWN = "onbekend"
CANDIDATE = Thing.CANDIDATE


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
        """The name of an employer read by ``employers``; one not on this device is
        another SPT's (``ELSEWHERE``)."""
        return self._employers.get(employer_id, ELSEWHERE) if employer_id else None

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


def _visit_record(
    v: VisitDTO,
    employer: Callable[[str | None], str | None],
    coach: Callable[[str | None], str],
) -> VisitRecord:
    """A visit as the documents print it (the dossier and the visit report alike)."""
    return VisitRecord(
        visited_at=v.visited_at,
        employer=employer(v.employer_id),
        coach=coach(v.coach_id),
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


def dossier_data(vault: Vault, candidate_id: str, today: date | None = None) -> DossierData:
    """The whole dossier of one candidate, for the Dossiersamenvatting: the dossier as
    the window shows it (``Services.dossier``, one read), laid out for paper."""
    from spt_desktop.services import Services

    day = today or date.today()
    return printable_dossier(Services(vault, today=lambda: day).dossier(candidate_id), day)


def printable_dossier(d: Dossier, today: date) -> DossierData:
    """The Dossiersamenvatting's data from the dossier the window shows: names for ids,
    the current plan, consents as they stand now; tombstones were left out by the read."""
    cand = d.candidate

    def coach(coach_id: str | None) -> str:
        return d.coaches.get(coach_id or "", UNKNOWN)

    def employer(employer_id: str | None) -> str | None:
        # The dossier read names every employer this device holds: the others are
        # another SPT's.
        return d.employers.get(employer_id, ELSEWHERE) if employer_id else None

    current: dict[ConsentPurpose, ConsentDTO] = {c.purpose: c for c in cand.consents}
    order = list(ConsentPurpose)
    plans = sorted(d.plan_versions, key=lambda p: p.version)
    standing = [p for p in plans if p.status is not PlanStatus.SUPERSEDED] or plans
    plan = standing[-1] if standing else None
    intake = d.intakes[-1] if d.intakes else None

    def checkpoints(p: PlacementDTO) -> tuple[CheckpointLine, ...]:
        return tuple(
            CheckpointLine(c.months, c.due_on, c.done_on, c.outcome, c.note) for c in p.checkpoints
        )

    return DossierData(
        letterhead=Letterhead(cand.spt, cand.labour_market_region, today),
        candidate=CandidateProfile(
            **{f.name: getattr(cand, f.name) for f in fields(CandidateProfile)}
        ),
        coaches=tuple(
            AssignedCoach(a.role, coach(a.coach_id))
            for a in sorted(cand.assignments, key=lambda a: a.role.value)
            if a.active
        ),
        consents=tuple(
            ConsentLine(c.purpose, c.granted, c.recorded_on, coach(c.recorded_by), c.withdrawn_on)
            for c in sorted(current.values(), key=lambda c: order.index(c.purpose))
        ),
        intake=IntakeSummary(
            intake.held_on,
            coach(intake.coach_id),
            intake.background,
            intake.motivation,
            intake.wishes,
            intake.obstacles,
            intake.persona_rationale,
        )
        if intake
        else None,
        plan=PlanVersion(
            version=plan.version,
            status=plan.status,
            summary=plan.summary,
            reviewed_on=plan.reviewed_on,
            agreed_on=plan.agreed_on,
            agreed_by=coach(plan.agreed_by) if plan.agreed_by else None,
            goals=tuple(
                GoalLine(
                    g.description,
                    tuple(
                        ActionLine(a.description, a.owner, a.due_on, a.status) for a in g.actions
                    ),
                )
                for g in plan.goals
            ),
        )
        if plan
        else None,
        journey=tuple(
            JourneyLine(e.occurred_on, e.from_phase, e.to_phase, coach(e.coach_id), e.reason)
            for e in d.timeline
        ),
        activities=tuple(
            ActivityLine(a.held_on, a.kind, a.location, a.outcome, a.notes) for a in d.activities
        ),
        trainings=tuple(
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
                t.certifiable,
            )
            for t in d.trainings
        ),
        matches=tuple(
            MatchLine(
                m.proposed_on,
                employer(m.employer_id) or UNKNOWN,
                d.vacancies.get(m.vacancy_id, VACANCY_ELSEWHERE) if m.vacancy_id else None,
                m.status,
                m.klik,
                coach(m.coach_id),
                m.notes,
                m.declined_by,
                m.declined_reason,
            )
            for m in d.matches
        ),
        placements=tuple(
            PlacementLine(
                employer=employer(p.employer_id) or UNKNOWN,
                job_title=p.job_title,
                contract=p.contract,
                starts_on=p.starts_on,
                ended_on=p.ended_on,
                jobcoach=coach(p.jobcoach_id) if p.jobcoach_id else None,
                checkpoints=checkpoints(p),
            )
            for p in d.placements
        ),
        notes=tuple(
            NoteLine(n.written_at, coach(n.author_id), n.text)
            for n in d.notes
            if n.visit_id is None
        ),
        visits=tuple(
            replace(
                _visit_record(v, employer, coach),
                amendments=tuple(
                    NoteLine(n.written_at, coach(n.author_id), n.text)
                    for n in d.notes
                    if n.visit_id == v.id
                ),
            )
            for v in reversed(d.visits)  # the window reads them newest first
        ),
        handovers=tuple(
            HandoverLine(
                h.created_at,
                coach(h.from_coach_id),
                h.from_role,
                coach(h.to_coach_id),
                h.to_role,
                h.summary,
                h.status,
                h.accepted_at,
            )
            for h in d.handovers
        ),
        dropouts=tuple(
            DropoutLine(x.occurred_on, x.phase, x.reason, x.explanation) for x in d.dropouts
        ),
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
            plan = load(s, Plan, plan_id, Thing.PLAN)
            if plan.candidate_id != candidate_id:
                plan = None
        if plan is None:
            raise NotFound(Thing.CANDIDATE_PLAN)
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
        visit = load(s, Visit, visit_id, Thing.VISIT)
        cand = load(s, Candidate, visit.candidate_id, CANDIDATE)
        names = _Names(s)
        employer_id = visit.employer_id
        if employer_id is None and visit.placement_id:
            employer_id = load(s, Placement, visit.placement_id, Thing.PLACEMENT).employer_id
        names.employers([employer_id])
        employer = names.employer(employer_id)
        if employer is None:
            raise NotFound(Thing.VISIT_EMPLOYER)
        return VisitReportData.for_employer(
            _visit_record(from_row(VisitDTO, visit), names.employer, names.coach),
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
        owner = load(s, Coach, vault.owner_id or "", Thing.COACH_PROFILE)
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


PrintData = DossierData | PlanData | VisitReportData | AanbodkrantData | ReferralLetterData


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
    if isinstance(data, ReferralLetterData):
        return documents.referral_letter_pdf(data)
    return documents.aanbodkrant_pdf(data)


def documents_of(services: Any) -> DocumentService:
    """The document use cases of a ``Services``."""
    docs = services.documents
    assert isinstance(docs, DocumentService)
    return docs


def save_export(path: str | Path, data: bytes) -> None:
    """Write an export (PDF, CSV) exactly where the user chose and nowhere else,
    atomically: temp file beside it → fsync → rename. Disk trouble becomes an error
    code (the presenters word it) that names no file content."""
    target = Path(path)
    try:
        if target.is_dir():
            raise ServiceError(Code.EXPORT_IS_A_FOLDER)
        write_atomic(target, data)
    except OSError as exc:
        raise ServiceError(_disk_code(exc)) from None


def _disk_code(exc: OSError) -> Code:
    if exc.errno == errno.ENOSPC:
        return Code.EXPORT_DISK_FULL
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Code.EXPORT_NOT_ALLOWED
    if exc.errno == errno.ENOENT:
        return Code.EXPORT_FOLDER_GONE
    return Code.EXPORT_FAILED
