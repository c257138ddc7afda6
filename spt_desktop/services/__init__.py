"""Use cases of SPT Desktop. No Qt: every one runs headless (CLI, tests, server tools).

    services = Services(vault)
    cand = services.candidates.register({...}, {ConsentPurpose.PROCESSING: True})
    services.journey.move(cand.id, Phase.MATCHING, "Oriëntatie afgerond")
    changed = services.changing(lambda svc: svc.visits.log(cand.id, {...}))

Each call is one transaction and returns plain frozen dataclasses (services.dto).
``changing`` says what a use case changed (services.changes), read from its writes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from spt_desktop.services.base import Context
from spt_desktop.services.changes import Changed, Changes

if TYPE_CHECKING:
    from spt_desktop.models.vault import Vault
    from spt_desktop.services.coordination import CoordinationService
    from spt_desktop.services.documents import DocumentService
    from spt_desktop.services.dto import Dossier
    from spt_desktop.services.referrals import ReferralService

T = TypeVar("T")


class Services:
    """Every use case, over one vault. Built by the composition root (app.py, cli)."""

    def __init__(
        self,
        vault: Vault,
        today: Callable[[], date] | None = None,
        now: Callable[[], datetime] | None = None,
        acting_as: str | None = None,
    ) -> None:
        from spt_desktop.services.activities import ActivityService, TrainingService
        from spt_desktop.services.candidates import CandidateService, CoachService
        from spt_desktop.services.employers import EmployerService
        from spt_desktop.services.export import ExportService
        from spt_desktop.services.handovers import HandoverService
        from spt_desktop.services.journey import JourneyService
        from spt_desktop.services.loket import LoketService
        from spt_desktop.services.matching import MatchingService
        from spt_desktop.services.monitor import MonitorService
        from spt_desktop.services.plans import IntakeService, PlanService
        from spt_desktop.services.queries import QueryService
        from spt_desktop.services.visits import VisitService

        ctx = Context(vault, acting_as=acting_as)
        if today is not None:
            ctx.today = today
        if now is not None:
            ctx.now = now
        self._ctx = ctx
        self.candidates = CandidateService(ctx)
        self.coaches = CoachService(ctx)
        self.intake = IntakeService(ctx)
        self.plans = PlanService(ctx)
        self.journey = JourneyService(ctx)
        self.activities = ActivityService(ctx)
        self.training = TrainingService(ctx)
        self.employers = EmployerService(ctx)
        self.matching = MatchingService(ctx)
        self.visits = VisitService(ctx)
        self.handovers = HandoverService(ctx)
        self.queries = QueryService(ctx)
        self.export = ExportService(ctx)
        self.monitor = MonitorService(ctx)
        self.loket = LoketService(ctx)

    @cached_property
    def coordination(self) -> CoordinationService:
        """The coordinator's own settings in the vault (her team's figures come from the
        server, services/coordination.py); built on first use."""
        from spt_desktop.services.coordination import CoordinationService

        return CoordinationService(self._ctx)

    @cached_property
    def referrals(self) -> ReferralService:
        """Referrals (aanmeldingen) in and the terugkoppeling out (issue 16)."""
        from spt_desktop.services.referrals import ReferralService

        return ReferralService(self._ctx)

    @cached_property
    def documents(self) -> DocumentService:
        """Printing's use cases; built on first use, as ReportLab costs ~0.2 s to import
        and unlocking should not pay for it."""
        from spt_desktop.services.documents import DocumentService

        return DocumentService(self._ctx)

    # --- use cases made of others -----------------------------------------------------

    @property
    def actor_id(self) -> str:
        """The coach who acts (the vault's owner, or whom a support tool acts for)."""
        return self._ctx.actor_id

    def today(self) -> date:
        """The vault's today (tests and the demo fix it)."""
        return self._ctx.today()

    def changing(self, work: Callable[[Services], T]) -> Changed[T]:
        """Run the use case ``work`` and say what it changed (what its transactions
        wrote), as Anki's ops return ``OpChanges``: the caller never declares it."""
        return self._ctx.recording(lambda: work(self))

    def dossier(self, candidate_id: str) -> Dossier:
        """Everything one dossier shows, read in one transaction."""
        # Here, not at the top: ``spt-desktop sync`` imports this package (the demo mark)
        # and never builds a dossier.
        from spt_desktop.services.dto import Dossier

        cid = candidate_id
        with self._ctx.tx():
            matches = self.matching.for_candidate(cid)
            placements = self.matching.placements(cid)
            visits = self.visits.for_candidate(cid)
            employer_ids = {m.employer_id for m in matches} | {p.employer_id for p in placements}
            employer_ids |= {v.employer_id for v in visits if v.employer_id}
            return Dossier(
                candidate=self.candidates.get(cid),
                intakes=self.intake.for_candidate(cid),
                plan=self.plans.current(cid),
                plan_versions=self.plans.versions(cid),
                timeline=self.journey.timeline(cid),
                activities=self.activities.for_candidate(cid),
                trainings=self.training.for_candidate(cid),
                notes=self.candidates.notes(cid),
                matches=matches,
                placements=placements,
                visits=visits,
                handovers=self.handovers.for_candidate(cid),
                history=self.queries.history(cid),
                dropouts=self.queries.dropouts(cid),
                coaches={c.id: c.name for c in self.coaches.all()},
                employers=self.queries.employer_names(employer_ids),
                vacancies=self.queries.vacancy_titles(m.vacancy_id for m in matches),
            )


__all__ = ["Changed", "Changes", "Context", "Services"]
