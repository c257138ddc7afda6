"""Vandaag: each role sees its own work first (issue 12 §5).

One list, grouped. A group is one entry of ``SOURCES``: its key (the page names it), the
role whose work it is (None: every coach's) and a function that reads its items. Adding
a group — the employer follow-ups of the arbeidsmarktcoach, say — is one more entry.

Whose work an item is: a candidate's work in a role belongs to the coach assigned to her
in that role; when nobody is (a placement without a jobcoach), to the coaches assigned to
her in any role, so nothing falls between two chairs. The groups of the roles the coach
holds come first, in the order of the journey.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.enums import (
    COACH_ROLES,
    CandidateStatus,
    HandoverStatus,
    MatchStatus,
    Role,
    VacancyStatus,
)
from spt_desktop.models import (
    Assignment,
    Candidate,
    Coach,
    Employer,
    Handover,
    Intake,
    Match,
    Placement,
    RetentionCheckpoint,
    Vacancy,
    Visit,
)
from spt_desktop.services.dto import TodayGroup, TodayItem, TodayList

OPEN = (CandidateStatus.ACTIVE, CandidateStatus.PLACED)
IN_SERVICE = (CandidateStatus.ACTIVE, CandidateStatus.PLACED, CandidateStatus.RETAINED)
WAITING = (MatchStatus.PROPOSED, MatchStatus.INTRODUCED, MatchStatus.TRIAL)
# A future need (or a vacancy's expected date) shows this many days before it is due.
NEED_AHEAD = timedelta(days=30)


@dataclass(frozen=True)
class Ask:
    """What a group's reader gets: the session, the coach, the day, and whose candidates
    are hers in a role (``mine(role)``: a subquery of candidate ids)."""

    s: Session
    me: str
    day: date

    def mine(self, role: Role | None) -> sa.ScalarSelect[str]:
        a = Assignment
        mine = sa.select(a.candidate_id).where(a.active, ~a.deleted, a.coach_id == self.me)
        if role is None:
            return mine.scalar_subquery()
        b = sa.orm.aliased(Assignment)
        held = sa.exists().where(
            b.candidate_id == a.candidate_id, b.role == role, b.active, ~b.deleted
        )
        return mine.where(sa.or_(a.role == role, ~held)).scalar_subquery()


Reader = Callable[[Ask], tuple[TodayItem, ...]]


@dataclass(frozen=True)
class Source:
    key: str
    role: Role | None
    read: Reader


def _walk(name: str) -> sa.ColumnElement[str]:
    """``+candidate.<name>``: keeps SQLite from looking rows up by that column's own
    index, so it walks the index of the due dates instead (services/queries.py)."""
    col = Candidate.__table__.c[name]
    return sa.literal_column(f"+candidate.{name}", type_=col.type)


def months_text(months: int) -> str:
    """ "1 maand", "3 maanden": how long after the start a checkpoint falls."""
    return "1 maand" if months == 1 else f"{months} maanden"


def _name(first: str, last: str) -> str:
    return f"{first} {last}"


def follow_ups(q: Ask) -> tuple[TodayItem, ...]:
    rows = q.s.execute(
        sa.select(Candidate.id, Candidate.first_name, Candidate.last_name,
                  Candidate.next_follow_up, Candidate.phase)
        .where(~Candidate.deleted, _walk("id").in_(q.mine(None)), _walk("status").in_(OPEN),
               Candidate.next_follow_up <= q.day)
        .order_by(Candidate.next_follow_up)
    )  # fmt: skip
    return tuple(
        TodayItem("follow_up", due or q.day, cid, _name(fn, ln), cid, phase.label)
        for cid, fn, ln, due, phase in rows
    )


def intakes(q: Ask) -> tuple[TodayItem, ...]:
    """The loopbaancoach's candidates still without an intake, oldest registration first."""
    held = sa.select(Intake.candidate_id).where(~Intake.deleted)
    rows = q.s.execute(
        sa.select(Candidate.id, Candidate.first_name, Candidate.last_name,
                  Candidate.registered_on)
        .where(~Candidate.deleted, Candidate.status == CandidateStatus.ACTIVE,
               Candidate.id.in_(q.mine(Role.LOOPBAANCOACH)), Candidate.id.not_in(held))
        .order_by(Candidate.registered_on)
    )  # fmt: skip
    return tuple(
        TodayItem("intake", reg, cid, _name(fn, ln), cid, "Nog geen intakegesprek")
        for cid, fn, ln, reg in rows
    )


def open_matches(q: Ask) -> tuple[TodayItem, ...]:
    """Matches waiting for an answer (voorgesteld, kennismaking, proefplaatsing)."""
    rows = q.s.execute(
        sa.select(Match.id, Match.proposed_on, Match.status, Employer.name, Candidate.id,
                  Candidate.first_name, Candidate.last_name)
        .join(Candidate, Candidate.id == Match.candidate_id)
        # Outer: the employer may be another SPT's, which this device never holds.
        .outerjoin(Employer, Employer.id == Match.employer_id)
        .where(~Match.deleted, Match.status.in_(WAITING), ~Candidate.deleted,
               Candidate.status.in_(OPEN),
               sa.or_(Match.coach_id == q.me,
                      Candidate.id.in_(q.mine(Role.ARBEIDSMARKTCOACH))))
        .order_by(Match.proposed_on)
    )  # fmt: skip
    return tuple(
        TodayItem("match", on, cid, _name(fn, ln), mid, f"{status.label} bij {employer}")
        if employer is not None
        # Another SPT's employer: the step alone; the UI says whose employer it is.
        else TodayItem("match", on, cid, _name(fn, ln), mid, status.label, elsewhere=True)
        for mid, on, status, employer, cid, fn, ln in rows
    )


def needs_due(q: Ask) -> tuple[TodayItem, ...]:
    """Open vacancies and future needs whose expected date comes within NEED_AHEAD: time
    to call the employer (lesson 10). Registry items: every arbeidsmarktcoach sees them."""
    rows = q.s.execute(
        sa.select(Vacancy.id, Vacancy.expected_on, Vacancy.kind, Vacancy.title, Employer.id,
                  Employer.name)
        .join(Employer, Employer.id == Vacancy.employer_id)
        .where(~Vacancy.deleted, ~Employer.deleted, Vacancy.status == VacancyStatus.OPEN,
               Vacancy.expected_on.is_not(None), Vacancy.expected_on <= q.day + NEED_AHEAD)
        .order_by(Vacancy.expected_on)
    )  # fmt: skip
    return tuple(
        TodayItem("future_need", due or q.day, "", employer, vid, f"{kind.label}: {title}", eid)
        for vid, due, kind, title, eid, employer in rows
    )


def checkpoints(q: Ask) -> tuple[TodayItem, ...]:
    rows = q.s.execute(
        sa.select(RetentionCheckpoint.id, RetentionCheckpoint.months,
                  RetentionCheckpoint.due_on, Candidate.id, Candidate.first_name,
                  Candidate.last_name)
        .join(Placement, Placement.id == RetentionCheckpoint.placement_id)
        .join(Candidate, Candidate.id == RetentionCheckpoint.candidate_id)
        .where(~RetentionCheckpoint.deleted, RetentionCheckpoint.done_on.is_(None),
               RetentionCheckpoint.due_on <= q.day, Placement.ended_on.is_(None),
               ~Placement.deleted, ~Candidate.deleted, _walk("status").in_(IN_SERVICE),
               # +id: start from the checkpoints due (ix_retention_checkpoint_due_on).
               _walk("id").in_(q.mine(Role.JOBCOACH)))
        .order_by(RetentionCheckpoint.due_on)
    )  # fmt: skip
    return tuple(
        TodayItem("checkpoint", due, cid, _name(fn, ln), pid, months_text(months))
        for pid, months, due, cid, fn, ln in rows
    )


def handovers(q: Ask) -> tuple[TodayItem, ...]:
    rows = q.s.execute(
        sa.select(Handover.id, Handover.created_at, Handover.to_role, Candidate.id,
                  Candidate.first_name, Candidate.last_name)
        .join(Candidate, Candidate.id == Handover.candidate_id)
        .where(Handover.to_coach_id == q.me, Handover.status == HandoverStatus.PENDING,
               ~Handover.deleted, ~Candidate.deleted)
        .order_by(Handover.created_at)
    )  # fmt: skip
    return tuple(
        TodayItem("handover", created.date(), cid, _name(fn, ln), hid, role.label)
        for hid, created, role, cid, fn, ln in rows
    )


def referrals(q: Ask) -> tuple[TodayItem, ...]:
    """Referrals given to her and not yet taken up (issue 16): no candidate yet; Enter
    opens the candidate form filled from the referral."""
    from spt_desktop.models import Referral
    from spt_desktop.services.referrals import OPEN as OPEN_REFERRAL

    rows = q.s.execute(
        sa.select(Referral.id, Referral.referred_on, Referral.intake_on, Referral.first_name,
                  Referral.last_name, Referral.referrer_kind, Referral.status)
        .where(Referral.coach_id == q.me, Referral.candidate_id.is_(None), ~Referral.deleted,
               Referral.status.in_(OPEN_REFERRAL))
        .order_by(Referral.referred_on)
    )  # fmt: skip
    return tuple(
        TodayItem("referral", intake or on, "", _name(fn, ln), rid,
                  f"{status.label}, via {kind.label}")
        for rid, on, intake, fn, ln, kind, status in rows
    )  # fmt: skip


def visit_follow_ups(q: Ask) -> tuple[TodayItem, ...]:
    # Each open candidate, the time of her latest visit (ix_visit_latest, newest first:
    # one index seek), and the visits then whose follow-up is due.
    w = sa.orm.aliased(Visit)
    latest_at = (
        sa.select(w.visited_at)
        .where(w.candidate_id == Candidate.id, ~w.deleted)
        .order_by(w.visited_at.desc())
        .limit(1)
        .correlate(Candidate)
        .scalar_subquery()
    )
    rows = q.s.execute(
        sa.select(Visit.id, Visit.follow_up_on, Candidate.id, Candidate.first_name,
                  Candidate.last_name)
        .select_from(Candidate)
        .join(Visit, sa.and_(Visit.candidate_id == Candidate.id,
                             Visit.visited_at == latest_at))
        .where(Candidate.id.in_(q.mine(Role.JOBCOACH)), ~Candidate.deleted,
               Candidate.status.in_(OPEN), ~Visit.deleted, Visit.follow_up_on <= q.day)
        .order_by(Visit.follow_up_on)
    )  # fmt: skip
    return tuple(
        TodayItem("visit_follow_up", due or q.day, cid, _name(fn, ln), vid, "Vervolgbezoek")
        for vid, due, cid, fn, ln in rows
    )


def loket_follow_ups(q: Ask) -> tuple[TodayItem, ...]:
    """Loket questions to follow up (issue 16 §2): those passed on to the coach, and
    for the loket and the coordinator those not passed on. No candidate; Enter opens
    the question on the Loket page."""
    from spt_common.enums import LOKET_ROLES
    from spt_desktop.services.loket import loket_follow_ups as due

    coach = q.s.get(Coach, q.me)
    keeps = coach is not None and bool(coach.role_set() & LOKET_ROLES)
    return tuple(
        TodayItem("loket_follow_up", row.follow_up_on or q.day, "", row.name or row.asker.label,
                  row.id, row.topic)
        for row in due(q.s, q.me, keeps, q.day)
    )  # fmt: skip


def employer_follow_ups(q: Ask) -> tuple[TodayItem, ...]:
    """The arbeidsmarktcoach's own employer follow-ups due (the contact log's, read as
    Werkgevers reads them): an employer's item, no candidate; Enter opens the employer."""
    from spt_desktop.services.employers import EmployerService

    return tuple(
        TodayItem(
            "employer_follow_up", a.due_on, "", a.employer_name, a.record_id,
            f"{a.title}: {a.detail}" if a.detail else a.title, a.employer_id,
        )
        for a in EmployerService.follow_ups_due(q.s, q.me, q.day)
    )  # fmt: skip


# In the order of the journey: the loopbaancoach's, the arbeidsmarktcoach's, the
# jobcoach's; handovers waiting for the coach first of all.
SOURCES: list[Source] = [
    Source("handovers", None, handovers),
    Source("referrals", None, referrals),
    Source("loket", None, loket_follow_ups),
    Source("intakes", Role.LOOPBAANCOACH, intakes),
    Source("follow_ups", Role.LOOPBAANCOACH, follow_ups),
    Source("employer_follow_ups", Role.ARBEIDSMARKTCOACH, employer_follow_ups),
    Source("matches", Role.ARBEIDSMARKTCOACH, open_matches),
    Source("future_needs", Role.ARBEIDSMARKTCOACH, needs_due),
    Source("checkpoints", Role.JOBCOACH, checkpoints),
    Source("visit_follow_ups", Role.JOBCOACH, visit_follow_ups),
]
# Registry work (not about a candidate of hers): only for coaches who hold the role.
ROLE_ONLY = frozenset({"future_needs"})


def today_list(s: Session, me: str, day: date) -> TodayList:
    """Every group with items for the coach ``me`` on ``day``: the groups of her own
    roles first, then other work that fell to her (a role nobody holds for a candidate)."""
    coach = s.get(Coach, me)
    roles = coach.role_set() if coach is not None else frozenset()
    ask = Ask(s, me, day)
    own: list[TodayGroup] = []
    other: list[TodayGroup] = []
    for source in SOURCES:
        if source.key in ROLE_ONLY and source.role not in roles:
            continue
        items = source.read(ask)
        if not items:
            continue
        group = TodayGroup(source.key, source.role, items)
        (own if source.role is None or source.role in roles else other).append(group)
    return TodayList(day, tuple(own + other))


def coach_roles(s: Session, me: str) -> tuple[Role, ...]:
    """The coach's own coach roles, in the order of the journey."""
    coach = s.get(Coach, me)
    held = coach.role_set() if coach is not None else frozenset()
    return tuple(r for r in COACH_ROLES if r in held)


__all__ = [
    "NEED_AHEAD",
    "ROLE_ONLY",
    "SOURCES",
    "Ask",
    "Source",
    "coach_roles",
    "months_text",
    "today_list",
]
