"""Warm handovers (warme overdracht) between coaches and roles: pending until the
receiving coach accepts it on her device; accepting assigns her and releases the sender."""

from __future__ import annotations

import sqlalchemy as sa

from spt_common.enums import HandoverStatus, Phase, Role
from spt_desktop.errors import Code, Problem, Thing
from spt_desktop.models import Assignment, Candidate, Coach, Handover
from spt_desktop.services.base import Service, load
from spt_desktop.services.candidates import assign_coach
from spt_desktop.services.dto import HandoverDTO, HandoverTarget, from_row
from spt_desktop.services.errors import RuleViolation
from spt_desktop.services.validation import Checker

# Whom a candidate most likely goes to next, by her phase (whitepaper §3: the
# loopbaancoach hands over for matching, the arbeidsmarktcoach once she is placed).
_TOWARDS_WORK = (Role.ARBEIDSMARKTCOACH, Role.LOOPBAANCOACH, Role.JOBCOACH)
_IN_WORK = (Role.JOBCOACH, Role.ARBEIDSMARKTCOACH, Role.LOOPBAANCOACH)
NEXT_ROLES: dict[Phase, tuple[Role, ...]] = {
    Phase.ORIENTATION: _TOWARDS_WORK,
    Phase.DEEP_ORIENTATION: _TOWARDS_WORK,
    Phase.MATCHING: _IN_WORK,
    Phase.TRAINING: _IN_WORK,
    Phase.RETENTION: _IN_WORK,
}


class HandoverService(Service):
    def start(
        self,
        candidate_id: str,
        to_coach_id: str,
        to_role: Role,
        summary: str,
        from_role: Role | None = None,
    ) -> HandoverDTO:
        """Hand a candidate over to a colleague, with a summary she can start from."""
        c = Checker()
        role = c.code("to_role", Role, to_role)
        text = c.text("summary", summary, required=True, max_len=4000)
        if to_coach_id == self.ctx.actor_id:
            c.fail("to_coach_id", Problem.NOT_TO_YOURSELF)
        c.done()
        with self.ctx.tx() as s:
            load(s, Candidate, candidate_id, Thing.CANDIDATE)
            receiver = load(s, Coach, to_coach_id, Thing.COLLEAGUE)
            if role not in receiver.role_set():
                raise RuleViolation(Code.ROLE_NOT_HELD, role=role.value)  # type: ignore[union-attr]
            pending = s.scalar(
                sa.select(sa.func.count()).where(
                    Handover.candidate_id == candidate_id,
                    Handover.status == HandoverStatus.PENDING,
                    ~Handover.deleted,
                )
            )
            if pending:
                raise RuleViolation(Code.HANDOVER_PENDING)
            sender_role = from_role or self._my_role(s, candidate_id)
            handover = Handover(
                candidate_id=candidate_id,
                from_coach_id=self.ctx.actor_id,
                from_role=sender_role,
                to_coach_id=to_coach_id,
                to_role=role,
                summary=text,
                status=HandoverStatus.PENDING,
                created_at=self.ctx.now(),
            )
            s.add(handover)
            s.flush()
            return from_row(HandoverDTO, handover)

    def accept(self, handover_id: str) -> HandoverDTO:
        """Accept a handover addressed to me: I am assigned in the new role and the
        sender's assignment in her role ends."""
        with self.ctx.tx() as s:
            h = load(s, Handover, handover_id, Thing.HANDOVER)
            if h.to_coach_id != self.ctx.actor_id:
                raise RuleViolation(Code.HANDOVER_NOT_YOURS)
            if h.status != HandoverStatus.PENDING:
                raise RuleViolation(Code.HANDOVER_ACCEPTED)
            h.status, h.accepted_at = HandoverStatus.ACCEPTED, self.ctx.now()
            assign_coach(s, h.candidate_id, h.to_coach_id, h.to_role)
            for a in s.scalars(
                sa.select(Assignment).where(
                    Assignment.candidate_id == h.candidate_id,
                    Assignment.coach_id == h.from_coach_id,
                    Assignment.role == h.from_role,
                    Assignment.active,
                )
            ):
                a.active = False
            s.flush()
            return from_row(HandoverDTO, h)

    def waiting_for_me(self) -> list[HandoverDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Handover)
                .where(
                    Handover.to_coach_id == self.ctx.actor_id,
                    Handover.status == HandoverStatus.PENDING,
                    ~Handover.deleted,
                )
                .order_by(Handover.created_at)
            )
            return [from_row(HandoverDTO, h) for h in rows]

    def for_candidate(self, candidate_id: str) -> list[HandoverDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Handover)
                .where(Handover.candidate_id == candidate_id, ~Handover.deleted)
                .order_by(Handover.created_at)
            )
            return [from_row(HandoverDTO, h) for h in rows]

    def targets(self, candidate_id: str) -> list[HandoverTarget]:
        """Every colleague/role pair this candidate can go to, the likeliest first: the
        role of the journey's next step for her phase (orientation → arbeidsmarktcoach,
        matching and after → jobcoach), then colleagues of my SPT, then by name. Pairs
        that cannot be chosen are left out: a colleague's role she lacks, a coordinator
        without a coach role, a role she already has for this candidate."""
        with self.ctx.tx() as s:
            cand = load(s, Candidate, candidate_id, Thing.CANDIDATE)
            me = s.get(Coach, self.ctx.actor_id)
            held = {
                (coach_id, role)
                for coach_id, role in s.execute(
                    sa.select(Assignment.coach_id, Assignment.role).where(
                        Assignment.candidate_id == candidate_id,
                        Assignment.active,
                        ~Assignment.deleted,
                    )
                )
            }
            order = NEXT_ROLES[cand.phase]
            pairs = [
                HandoverTarget(coach.id, coach.name, role)
                for coach in s.scalars(
                    sa.select(Coach).where(Coach.id != self.ctx.actor_id, ~Coach.deleted)
                )
                for role in order
                if role in coach.role_set() and (coach.id, role) not in held
            ]
            spt = me.spt if me is not None else None
            by_id = {c.id: c for c in s.scalars(sa.select(Coach))}
            return sorted(
                pairs,
                key=lambda t: (
                    order.index(t.role),
                    by_id[t.coach_id].spt != spt,
                    t.coach_name.casefold(),
                ),
            )

    def _my_role(self, s: sa.orm.Session, candidate_id: str) -> Role:
        mine = s.scalars(
            sa.select(Assignment.role).where(
                Assignment.candidate_id == candidate_id,
                Assignment.coach_id == self.ctx.actor_id,
                Assignment.active,
                ~Assignment.deleted,
            )
        ).first()
        return mine or Role.LOOPBAANCOACH
