"""Intake conversations and plans of approach.

A plan of approach is versioned. The latest version is either a draft (editable) or
agreed (frozen). Editing after agreement starts a new draft version, copied from the
agreed one; agreeing it supersedes the earlier agreed version. Marking an action done
or cancelled is progress, not a rewrite, and is allowed on an agreed plan.

So the coach edits what she sees: changing or removing a goal or an action of the
agreed plan makes the new draft version (a copy) and changes the copy there; the agreed
version stays as it was agreed. Older versions are history and are not edited.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.enums import ActionStatus, PlanStatus
from spt_desktop.errors import Code, Problem, Thing
from spt_desktop.models import Action, Candidate, Goal, Intake, Plan
from spt_desktop.services.base import Service, load
from spt_desktop.services.dto import ActionDTO, GoalDTO, IntakeDTO, PlanDTO, from_row
from spt_desktop.services.errors import NotFound, RuleViolation
from spt_desktop.services.refusals import Refused
from spt_desktop.services.validation import Checker

INTAKE_TEXTS = ("background", "motivation", "wishes", "obstacles", "persona_rationale")


class IntakeService(Service):
    def record(self, candidate_id: str, values: Mapping[str, Any]) -> IntakeDTO:
        """Record an intake conversation (held today unless ``held_on`` is given)."""
        fields = _check_intake(values, partial=False)
        with self.ctx.tx() as s:
            load(s, Candidate, candidate_id, Thing.CANDIDATE)
            intake = Intake(
                candidate_id=candidate_id,
                coach_id=self.ctx.actor_id,
                **{"held_on": self.ctx.today(), **fields},
            )
            s.add(intake)
            s.flush()
            return from_row(IntakeDTO, intake)

    def update(self, intake_id: str, values: Mapping[str, Any]) -> IntakeDTO:
        fields = _check_intake(values, partial=True)
        with self.ctx.tx() as s:
            intake = load(s, Intake, intake_id, Thing.INTAKE)
            for name, value in fields.items():
                setattr(intake, name, value)
            s.flush()
            return from_row(IntakeDTO, intake)

    def for_candidate(self, candidate_id: str) -> list[IntakeDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Intake)
                .where(Intake.candidate_id == candidate_id, ~Intake.deleted)
                .order_by(Intake.held_on)
            )
            return [from_row(IntakeDTO, r) for r in rows]


def _check_intake(values: Mapping[str, Any], *, partial: bool) -> dict[str, Any]:
    c = Checker()
    for name in sorted(set(values) - {*INTAKE_TEXTS, "held_on"}):
        c.fail(name, Problem.UNKNOWN_FIELD)
    out: dict[str, Any] = {}
    for name in INTAKE_TEXTS:
        if not partial or name in values:
            out[name] = c.text(name, values.get(name), max_len=4000)
    if "held_on" in values:
        out["held_on"] = c.day("held_on", values["held_on"], required=True)
    if not partial and not any(out.get(n) for n in INTAKE_TEXTS):
        c.fail("background", Problem.INTAKE_EMPTY)
    c.done()
    return out


def plan_dto(s: Session, plan: Plan) -> PlanDTO:
    goals = s.scalars(
        sa.select(Goal).where(Goal.plan_id == plan.id, ~Goal.deleted).order_by(Goal.position)
    ).all()
    actions = s.scalars(
        sa.select(Action)
        .where(Action.goal_id.in_([g.id for g in goals]), ~Action.deleted)
        .order_by(Action.position)
    ).all()
    by_goal: dict[str, list[ActionDTO]] = {}
    for a in actions:
        by_goal.setdefault(a.goal_id, []).append(from_row(ActionDTO, a))
    return from_row(
        PlanDTO,
        plan,
        goals=tuple(from_row(GoalDTO, g, actions=tuple(by_goal.get(g.id, []))) for g in goals),
    )


def _latest(s: Session, candidate_id: str) -> Plan | None:
    return s.scalars(
        sa.select(Plan)
        .where(Plan.candidate_id == candidate_id, ~Plan.deleted)
        .order_by(Plan.version.desc())
        .limit(1)
    ).first()


class PlanService(Service):
    def current(self, candidate_id: str) -> PlanDTO | None:
        """The latest version (draft or agreed), or None when there is no plan yet."""
        with self.ctx.tx() as s:
            plan = _latest(s, candidate_id)
            return None if plan is None else plan_dto(s, plan)

    def versions(self, candidate_id: str) -> list[PlanDTO]:
        with self.ctx.tx() as s:
            rows = s.scalars(
                sa.select(Plan)
                .where(Plan.candidate_id == candidate_id, ~Plan.deleted)
                .order_by(Plan.version)
            ).all()
            return [plan_dto(s, p) for p in rows]

    def draft(self, candidate_id: str) -> PlanDTO:
        """The editable version: the latest draft, or a new draft copied from the latest
        agreed version (or an empty version 1)."""
        with self.ctx.tx() as s:
            return plan_dto(s, self._draft(s, candidate_id))

    def _draft(self, s: Session, candidate_id: str) -> Plan:
        load(s, Candidate, candidate_id, Thing.CANDIDATE)
        latest = _latest(s, candidate_id)
        if latest is not None and latest.status == PlanStatus.DRAFT:
            return latest
        plan = Plan(
            candidate_id=candidate_id,
            version=1 if latest is None else latest.version + 1,
            status=PlanStatus.DRAFT,
            summary="" if latest is None else latest.summary,
        )
        s.add(plan)
        s.flush()
        if latest is not None:
            _copy_goals(s, latest, plan)
        return plan

    def set_summary(self, candidate_id: str, summary: str) -> PlanDTO:
        c = Checker()
        text = c.text("summary", summary, max_len=4000)
        c.done()
        with self.ctx.tx() as s:
            plan = self._draft(s, candidate_id)
            plan.summary = text
            s.flush()
            return plan_dto(s, plan)

    def add_goal(self, candidate_id: str, description: str) -> GoalDTO:
        c = Checker()
        text = c.text("description", description, required=True, max_len=1000)
        c.done()
        with self.ctx.tx() as s:
            plan = self._draft(s, candidate_id)
            # After the last position ever used: a removed goal's position is not reused,
            # so goals and their copies in a new version pair up by position.
            last = s.scalar(sa.select(sa.func.max(Goal.position)).where(Goal.plan_id == plan.id))
            goal = Goal(
                candidate_id=candidate_id,
                plan_id=plan.id,
                position=0 if last is None else last + 1,
                description=text,
            )
            s.add(goal)
            s.flush()
            return from_row(GoalDTO, goal)

    def add_action(
        self, goal_id: str, description: str, owner: str, due_on: date | str | None = None
    ) -> ActionDTO:
        c = Checker()
        text = c.text("description", description, required=True, max_len=1000)
        who = c.text("owner", owner, required=True)
        due = c.day("due_on", due_on)
        c.done()
        with self.ctx.tx() as s:
            goal = self._editable_goal(s, goal_id)
            last = s.scalar(
                sa.select(sa.func.max(Action.position)).where(Action.goal_id == goal.id)
            )
            action = Action(
                candidate_id=goal.candidate_id,
                goal_id=goal.id,
                position=0 if last is None else last + 1,
                description=text,
                owner=who,
                due_on=due,
                status=ActionStatus.OPEN,
            )
            s.add(action)
            s.flush()
            return from_row(ActionDTO, action)

    def update_goal(self, goal_id: str, description: str) -> GoalDTO:
        """Reword a goal (of the draft; of the agreed plan: in a new draft version)."""
        c = Checker()
        text = c.text("description", description, required=True, max_len=1000)
        c.done()
        with self.ctx.tx() as s:
            goal = self._editable_goal(s, goal_id)
            goal.description = text
            s.flush()
            return from_row(GoalDTO, goal)

    def remove_goal(self, goal_id: str) -> None:
        """Take a goal and its actions out of the plan (of the draft; of the agreed plan:
        out of a new draft version, the agreed one keeps it)."""
        with self.ctx.tx() as s:
            goal = self._editable_goal(s, goal_id)
            goal.deleted = True
            for action in s.scalars(sa.select(Action).where(Action.goal_id == goal.id)):
                action.deleted = True

    def update_action(
        self, action_id: str, description: str, owner: str, due_on: date | str | None = None
    ) -> ActionDTO:
        """Change what an action is, who does it and by when."""
        c = Checker()
        text = c.text("description", description, required=True, max_len=1000)
        who = c.text("owner", owner, required=True)
        due = c.day("due_on", due_on)
        c.done()
        with self.ctx.tx() as s:
            action = self._editable_action(s, action_id)
            action.description, action.owner, action.due_on = text, who, due
            s.flush()
            return from_row(ActionDTO, action)

    def remove_action(self, action_id: str) -> None:
        """Take an action out of the plan (one entered by mistake; an action that is no
        longer needed is better marked "vervallen")."""
        with self.ctx.tx() as s:
            self._editable_action(s, action_id).deleted = True

    def set_action_status(self, action_id: str, status: ActionStatus) -> ActionDTO:
        """Progress on an action; allowed on an agreed plan too."""
        c = Checker()
        st = c.code("status", ActionStatus, status)
        c.done()
        with self.ctx.tx() as s:
            action = load(s, Action, action_id, Thing.ACTION)
            action.status = st  # type: ignore[assignment]
            s.flush()
            return from_row(ActionDTO, action)

    def agree(self, plan_id: str, on: date | None = None) -> PlanDTO:
        """Agree the draft with the candidate: it becomes frozen and supersedes the
        earlier agreed version."""
        with self.ctx.tx() as s:
            plan = load(s, Plan, plan_id, Thing.PLAN)
            if plan.status != PlanStatus.DRAFT:
                raise RuleViolation(Code.PLAN_NOT_DRAFT)
            has_goals = s.scalar(
                sa.select(sa.func.count()).where(Goal.plan_id == plan.id, ~Goal.deleted)
            )
            if not has_goals:
                raise RuleViolation(Code.PLAN_WITHOUT_GOALS)
            for older in s.scalars(
                sa.select(Plan).where(
                    Plan.candidate_id == plan.candidate_id,
                    Plan.status == PlanStatus.AGREED,
                    Plan.id != plan.id,
                )
            ):
                older.status = PlanStatus.SUPERSEDED
            day = on or self.ctx.today()
            plan.status, plan.agreed_on, plan.reviewed_on = PlanStatus.AGREED, day, day
            plan.agreed_by = self.ctx.actor_id
            s.flush()
            return plan_dto(s, plan)

    def _editable_goal(self, s: Session, goal_id: str) -> Goal:
        """The goal to change: itself in a draft; in the agreed version, its copy in the
        draft version after it (made now when there is none yet)."""
        goal = load(s, Goal, goal_id, Thing.GOAL)
        plan = load(s, Plan, goal.plan_id, Thing.PLAN)
        if plan.status == PlanStatus.DRAFT:
            return goal
        if plan.status != PlanStatus.AGREED:
            raise Refused(Code.PLAN_VERSION_OLD)
        draft = self._draft(s, plan.candidate_id)
        copy = s.scalars(
            sa.select(Goal).where(
                Goal.plan_id == draft.id, Goal.position == goal.position, ~Goal.deleted
            )
        ).first()
        if copy is None:  # taken out of the draft version already
            raise NotFound(Thing.GOAL)
        return copy

    def _editable_action(self, s: Session, action_id: str) -> Action:
        """The action to change, found the same way as its goal."""
        action = load(s, Action, action_id, Thing.ACTION)
        goal = load(s, Goal, action.goal_id, Thing.GOAL)
        editable = self._editable_goal(s, goal.id)
        if editable.id == goal.id:
            return action
        copy = s.scalars(
            sa.select(Action).where(
                Action.goal_id == editable.id, Action.position == action.position, ~Action.deleted
            )
        ).first()
        if copy is None:  # taken out of the draft version already
            raise NotFound(Thing.ACTION)
        return copy


def _copy_goals(s: Session, source: Plan, target: Plan) -> None:
    goals = s.scalars(
        sa.select(Goal).where(Goal.plan_id == source.id, ~Goal.deleted).order_by(Goal.position)
    ).all()
    for g in goals:
        copy = Goal(
            candidate_id=g.candidate_id,
            plan_id=target.id,
            position=g.position,
            description=g.description,
        )
        s.add(copy)
        s.flush()
        for a in s.scalars(sa.select(Action).where(Action.goal_id == g.id, ~Action.deleted)).all():
            s.add(
                Action(
                    candidate_id=a.candidate_id,
                    goal_id=copy.id,
                    position=a.position,
                    description=a.description,
                    owner=a.owner,
                    due_on=a.due_on,
                    status=a.status,
                )
            )
