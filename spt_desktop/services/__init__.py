"""Use cases of SPT Desktop. No Qt: every one runs headless (CLI, tests, server tools).

    services = Services(vault)
    cand = services.candidates.register({...}, {ConsentPurpose.PROCESSING: True})
    services.journey.move(cand.id, Phase.MATCHING, "Oriëntatie afgerond")

Each call is one transaction and returns plain frozen dataclasses (services.dto).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from spt_desktop.services.base import Context

if TYPE_CHECKING:
    from spt_desktop.models.vault import Vault
    from spt_desktop.services.documents import DocumentService


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
        self.ctx = ctx
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

    @cached_property
    def documents(self) -> DocumentService:
        """Printing's use cases; built on first use, as ReportLab costs ~0.2 s to import
        and unlocking should not pay for it."""
        from spt_desktop.services.documents import DocumentService

        return DocumentService(self.ctx)


__all__ = ["Context", "Services"]
