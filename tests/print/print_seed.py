"""A dossier written into a real vault with the ORM."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from spt_common.enums import (
    ActionStatus,
    ActivityKind,
    ActivityOutcome,
    BenefitStatus,
    CandidateStatus,
    CheckpointOutcome,
    ConsentPurpose,
    ContractKind,
    FundingKind,
    HandoverStatus,
    LanguageLevel,
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
    VacancyKind,
    VacancyStatus,
    VisitMode,
)
from spt_desktop.models import (
    Action,
    Activity,
    Assignment,
    Candidate,
    Coach,
    Consent,
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
from spt_desktop.models.vault import Vault

TOMBSTONE = "WEGGEGOOID-RECORD"  # text only tombstoned rows carry


@dataclass(frozen=True)
class Seeded:
    candidate_id: str
    visit_id: str
    plan_id: str
    employer_id: str
    jobcoach_id: str


def candidate(
    vault: Vault,
    first: str,
    last: str,
    consents: dict[ConsentPurpose, bool | date],
    **over: object,
) -> str:
    """A candidate with consent rows; a date as value means granted, then withdrawn."""
    owner = vault.owner_id
    fields: dict[str, object] = dict(
        first_name=first,
        last_name=last,
        birth_date=date(1990, 6, 15),
        email=f"{first.lower()}@example.nl",
        phone="06-87654321",
        municipality="Zaanstad",
        spt=Spt.NOORD_HOLLAND,
        labour_market_region="Zaanstreek-Waterland",
        referral_source=ReferralSource.UWV,
        persona=Persona.NO_WORK_BENEFIT_TECHNICAL,
        benefit_status=BenefitStatus.WW,
        language_level=LanguageLevel.B1,
        hours_per_week=36,
        availability="Fulltime, geen nachtdiensten.",
        skills="Ervaring met lassen en plaatwerk; rijbewijs B.",
        interests="Constructiebankwerker worden.",
        motivation="Wil terug naar technisch werk.",
        phase=Phase.MATCHING,
        status=CandidateStatus.ACTIVE,
        registered_on=date(2026, 1, 5),
    )
    fields.update(over)
    with vault.transaction() as s:
        cand = Candidate(**fields)
        s.add(cand)
        s.flush()
        for purpose, value in consents.items():
            s.add(
                Consent(
                    candidate_id=cand.id,
                    purpose=purpose,
                    granted=bool(value),
                    recorded_on=date(2026, 1, 5),
                    recorded_by=owner,
                    withdrawn_on=value if isinstance(value, date) else None,
                )
            )
        return cand.id


def full_dossier(vault: Vault, n_visits: int = 4) -> Seeded:
    """Joëlle's dossier: every section filled, plus tombstoned rows that must not show."""
    owner = vault.owner_id
    assert owner
    cid = candidate(
        vault,
        "Joëlle",
        "Verhoeven",
        {
            ConsentPurpose.PROCESSING: True,
            ConsentPurpose.SHARE_EMPLOYER: True,
            ConsentPurpose.AANBODKRANT: True,
        },
        birth_date=date(1988, 3, 14),
        email="joelle.verhoeven@example.nl",
        phone="06-12345678",
        municipality="Purmerend",
        persona=Persona.EMPLOYED_OUTSIDE_TECH,
        skills="Handig met gereedschap; woont Kerkstraat 12, 1441 AB Purmerend.",
        interests="Monteur zonnepanelen; Joëlle wil doorgroeien.",
        phase=Phase.RETENTION,
        status=CandidateStatus.PLACED,
    )
    with vault.transaction() as s:
        jobcoach = Coach(
            name="Peter Smit", email="p.smit@example.nl", roles="jobcoach", spt=Spt.NOORD_HOLLAND
        )
        employer = Employer(
            name="Zon & Dak Installaties B.V.",
            sector=Sector.INSTALLATIE,
            municipality="Zaanstad",
            spt=Spt.NOORD_HOLLAND,
        )
        s.add_all([jobcoach, employer])
        s.flush()
        vacancy = Vacancy(
            employer_id=employer.id,
            kind=VacancyKind.OPEN,
            title="BBL monteur zon-PV",
            status=VacancyStatus.FILLED,
        )
        s.add(vacancy)
        s.add_all(
            [
                Assignment(candidate_id=cid, coach_id=owner, role=Role.LOOPBAANCOACH),
                Assignment(candidate_id=cid, coach_id=jobcoach.id, role=Role.JOBCOACH),
                Consent(  # a tombstone: must not count
                    candidate_id=cid,
                    purpose=ConsentPurpose.SHARE_TRAINING_PROVIDER,
                    granted=True,
                    recorded_on=date(2026, 1, 6),
                    recorded_by=owner,
                    deleted=True,
                ),
                Intake(
                    candidate_id=cid,
                    held_on=date(2026, 1, 5),
                    coach_id=owner,
                    background="Tien jaar orderpicker.",
                    motivation="Zoekt vakmanschap.",
                    wishes="Maximaal 32 uur.",
                    obstacles="Kinderopvang op vrijdag.",
                    persona_rationale="Heeft werk buiten de techniek.",
                ),
                JourneyEvent(
                    candidate_id=cid, from_phase=None, to_phase=Phase.ORIENTATION,
                    occurred_on=date(2026, 1, 5), coach_id=owner, reason="Aangemeld bij het SPT",
                ),
                JourneyEvent(
                    candidate_id=cid, from_phase=Phase.ORIENTATION, to_phase=Phase.MATCHING,
                    occurred_on=date(2026, 2, 1), coach_id=owner, reason="Keuze: zonnepanelen",
                ),
                JourneyEvent(
                    candidate_id=cid, from_phase=Phase.MATCHING, to_phase=Phase.ORIENTATION,
                    occurred_on=date(2026, 2, 2), coach_id=owner, reason=TOMBSTONE, deleted=True,
                ),
                Activity(
                    candidate_id=cid, kind=ActivityKind.TECHNIEKTUIN, held_on=date(2026, 1, 20),
                    location="Techniektuin Hoorn", outcome=ActivityOutcome.POSITIVE,
                    notes="Enthousiast.",
                ),
                Training(
                    candidate_id=cid, provider="VCA Opleidingen Noord", programme="VCA Basis",
                    publicly_funded=False, funding=FundingKind.SCHOLINGSVOUCHER, fund=None,
                    starts_on=date(2026, 2, 10), ends_on=date(2026, 2, 11),
                    status=TrainingStatus.COMPLETED, certificate="VCA Basis",
                ),
                Training(
                    candidate_id=cid, provider="Techniek College", programme="BBL Monteur",
                    publicly_funded=True, funding=FundingKind.FUND, fund=TrainingFund.WIJ_TECHNIEK,
                    starts_on=date(2026, 3, 2), ends_on=None,
                    status=TrainingStatus.IN_PROGRESS, certificate=None,
                ),
            ]
        )  # fmt: skip
        old_plan = Plan(candidate_id=cid, version=1, status=PlanStatus.SUPERSEDED, summary="Oud")
        plan = Plan(
            candidate_id=cid,
            version=2,
            status=PlanStatus.AGREED,
            summary="Naar een BBL-plek als monteur zonnepanelen.",
            agreed_on=date(2026, 2, 3),
            agreed_by=owner,
        )
        s.add_all([old_plan, plan])
        s.flush()
        goal = Goal(candidate_id=cid, plan_id=plan.id, position=1, description="Een BBL-plek")
        old_goal = Goal(candidate_id=cid, plan_id=old_plan.id, position=1, description="Oud doel")
        s.add_all([goal, old_goal])
        s.flush()
        s.add_all(
            [
                Action(candidate_id=cid, goal_id=goal.id, position=1,
                       description="Cv bijwerken", owner="Kandidaat",
                       due_on=date(2026, 2, 20), status=ActionStatus.DONE),
                Action(candidate_id=cid, goal_id=goal.id, position=2,
                       description="Matchtafel bezoeken", owner="Arbeidsmarktcoach",
                       due_on=date(2026, 3, 1), status=ActionStatus.OPEN),
                Action(candidate_id=cid, goal_id=goal.id, position=3,
                       description=TOMBSTONE, owner="Kandidaat",
                       due_on=None, status=ActionStatus.OPEN, deleted=True),
            ]
        )  # fmt: skip
        match = Match(
            candidate_id=cid, employer_id=employer.id, vacancy_id=vacancy.id, coach_id=owner,
            status=MatchStatus.PLACED, klik=5, proposed_on=date(2026, 2, 15),
            notes="Direct een klik.",
        )  # fmt: skip
        s.add(match)
        s.flush()
        placement = Placement(
            candidate_id=cid, employer_id=employer.id, vacancy_id=vacancy.id, match_id=match.id,
            jobcoach_id=jobcoach.id, job_title="Leerling-monteur zonnepanelen",
            contract=ContractKind.BBL, starts_on=date(2026, 3, 2),
        )  # fmt: skip
        s.add(placement)
        s.flush()
        for months, done in ((1, True), (3, True), (6, False), (12, False)):
            s.add(
                RetentionCheckpoint(
                    candidate_id=cid,
                    placement_id=placement.id,
                    months=months,
                    due_on=date(2026, 3, 2) + timedelta(days=30 * months),
                    done_on=date(2026, 3, 2) + timedelta(days=30 * months) if done else None,
                    outcome=CheckpointOutcome.RETAINED if done else None,
                )
            )
        start = datetime(2026, 3, 9, 9, 30)
        visits = [
            Visit(
                candidate_id=cid, placement_id=placement.id, employer_id=employer.id,
                coach_id=jobcoach.id, visited_at=start + timedelta(days=7 * i),
                site="Werkplaats Zaandam", mode=VisitMode.ON_SITE,
                attendees="Kandidaat, praktijkopleider Ruud",
                topics=f"Voortgang week {i + 1}", progress_score=4, wellbeing_score=2,
                agreements=f"Afspraak {i + 1}: omvormer aansluiten onder toezicht.",
                notes="INTERNE-NOTITIE zorgen thuis", dropout_risk=i == 0,
                follow_up_on=(start + timedelta(days=7 * i + 14)).date(),
                signed_off_at=start + timedelta(days=7 * i, hours=2),
            )
            for i in range(n_visits)
        ]  # fmt: skip
        visits.append(
            Visit(
                candidate_id=cid, employer_id=employer.id, coach_id=jobcoach.id,
                visited_at=start, mode=VisitMode.PHONE, topics=TOMBSTONE, deleted=True,
            )
        )  # fmt: skip
        s.add_all(visits)
        s.add(
            Handover(
                candidate_id=cid, from_coach_id=owner, from_role=Role.LOOPBAANCOACH,
                to_coach_id=jobcoach.id, to_role=Role.JOBCOACH,
                summary="Geplaatst; begeleiding op de werkvloer.", status=HandoverStatus.ACCEPTED,
                created_at=datetime(2026, 3, 2, 10, 0), accepted_at=datetime(2026, 3, 2, 11, 0),
            )
        )  # fmt: skip
        s.flush()
        return Seeded(cid, visits[0].id, plan.id, employer.id, jobcoach.id)
