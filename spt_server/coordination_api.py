"""The coordination endpoints (issue 15), registered by ``spt_server.app``.

Authorisation of every route here: coordinator or admin only (403 ``forbidden`` for a
coach, before anything is looked up); a coordinator for her own SPT only (403 for any
other ``spt``); an admin for any SPT. See ``spt_server.coordination.which_spt``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Annotated, TypeVar

from fastapi import FastAPI, Query

from spt_common import protocol as p
from spt_server import coordination
from spt_server.app import ERROR_RESPONSES, ApiError, Auth, _error

if TYPE_CHECKING:
    from spt_server.app import Server

T = TypeVar("T")
PREFIX = f"{p.API_PREFIX}/coordination"
REFUSALS = {
    **ERROR_RESPONSES,
    403: _error("geen coördinator of beheerder van dit SPT (of apparaat ingetrokken)"),
}
SptParam = Annotated[p.CodeStr | None, Query(description="het SPT (alleen een beheerder kiest)")]

__all__ = ["Auth", "register"]


@contextmanager
def _refusals() -> Iterator[None]:
    try:
        yield
    except coordination.Refused as exc:
        raise ApiError(exc.status, exc.code, exc.message) from None


def register(app: FastAPI, server: Server) -> None:
    """Add the coordination routes to ``app``."""

    def run(fn: Callable[..., T], *args: object, **kw: object) -> T:
        with _refusals(), server.transaction() as s:
            return fn(s, *args, **kw)

    @app.get(f"{PREFIX}/team", response_model=p.TeamReport, responses=REFUSALS)
    def team(who: Auth, spt: SptParam = None) -> p.TeamReport:
        """Het team van het SPT: coaches, rollen, caseload per fase, open overdrachten,
        conflicten en per apparaat de laatste synchronisatie. Wordt gelogd."""
        return run(coordination.team, who, spt)

    @app.get(f"{PREFIX}/candidates", response_model=p.CandidateList, responses=REFUSALS)
    def candidates(
        who: Auth,
        spt: SptParam = None,
        role: p.CoachingRole | None = None,
        coach: p.Uuid | None = None,
    ) -> p.CandidateList:
        """Open kandidaten van het SPT om toe te wijzen: zonder coach in ``role`` (of
        zonder enige coach), of die van ``coach`` (om een caseload over te dragen).
        Wordt gelogd."""
        return run(coordination.candidates, who, spt, without_role=role, coach=coach)

    @app.post(
        f"{PREFIX}/assignments",
        response_model=p.AssignResult,
        responses={
            **REFUSALS,
            404: _error(
                "een kandidaat niet gevonden in dit SPT, of geen actieve coach ervan met deze rol"
            ),
        },
    )
    def assign(body: p.AssignRequest, who: Auth) -> p.AssignResult:
        """Wijs kandidaten toe aan een coach in een rol; wie die rol had, verliest hem.
        Alles of niets; elke wijziging wordt gelogd."""
        return run(coordination.assign, who, body)

    @app.get(f"{PREFIX}/referrals", response_model=p.ReferralList, responses=REFUSALS)
    def referrals(who: Auth, spt: SptParam = None) -> p.ReferralList:
        """Aanmeldingen van het SPT die nog geen loopbaancoach hebben. Wordt gelogd."""
        return run(coordination.referrals, who, spt)

    @app.post(
        f"{PREFIX}/referrals/assign",
        response_model=p.ReferralAssignResult,
        responses={
            **REFUSALS,
            404: _error("een aanmelding niet gevonden in dit SPT, of geen actieve loopbaancoach"),
        },
    )
    def assign_referrals(body: p.ReferralAssignRequest, who: Auth) -> p.ReferralAssignResult:
        """Geef aanmeldingen aan een loopbaancoach; haar volgende synchronisatie brengt
        ze. Alles of niets; elke wijziging wordt gelogd."""
        return run(coordination.assign_referrals, who, body)

    @app.get(f"{PREFIX}/targets", response_model=p.TargetsReport, responses=REFUSALS)
    def targets(
        who: Auth,
        year: Annotated[int, Query(ge=2000, le=2099)],
        spt: SptParam = None,
    ) -> p.TargetsReport:
        """De doelen van het SPT voor een jaar en wat er tot nu toe gerealiseerd is."""
        return run(coordination.targets, who, spt, year)

    @app.get(f"{PREFIX}/intake", response_model=p.IntakeReport, responses=REFUSALS)
    def intake(who: Auth, start: date, end: date, spt: SptParam = None) -> p.IntakeReport:
        """Instroom van het SPT in een periode, per verwijzer en per persona; aantallen
        onder 5 als "<5" (voor de rapportage aan de stuurgroep)."""
        return run(coordination.intake, who, spt, start, end)

    @app.put(f"{PREFIX}/targets", response_model=p.TargetsReport, responses=REFUSALS)
    def set_targets(body: p.TargetsRequest, who: Auth) -> p.TargetsReport:
        """Stel de doelen van het SPT voor een jaar in. Wordt gelogd."""
        return run(coordination.set_targets, who, body)
