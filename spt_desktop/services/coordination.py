"""The coordinator's steering of her SPT (issue 15), over the server's coordination API.

Two halves, for two threads:

- ``CoordinationService`` (the vault's worker): is the owner a coordinator, and a valid
  access token with the server's address (``access``). A token about to expire is renewed
  here, on the vault's thread, like the sync does: refresh tokens rotate, and two renewals
  racing with one token would end the session (reuse detection), so they never run beside
  a sync.
- ``CoordinationClient`` (``Ops.work``): the requests themselves, with that token; no vault.

Nothing the server answers is written to the vault: the team, other coaches' caseloads
and the SPT's figures are shown and forgotten.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from spt_common import protocol as p
from spt_common.monitor_figures import Period, Report, Table
from spt_desktop.errors import Code
from spt_desktop.models import Setting
from spt_desktop.services.base import Service
from spt_desktop.services.errors import ServiceError
from spt_desktop.sync.engine import S_ACCESS, S_ACCESS_UNTIL, S_DEVICE, S_REFRESH, S_SERVER
from spt_desktop.sync.transport import Transport

if TYPE_CHECKING:
    from spt_desktop.models.vault import Vault
    from spt_desktop.print.stuurgroep import StuurgroepData

COORDINATION_ROLES = frozenset({"coordinator", "admin"})
MARGIN = 60  # seconds: a token that expires sooner is renewed first
S_OVERDUE_DAYS = "coordination.overdue_days"  # the Team view's "not seen for N days"
DEFAULT_OVERDUE_DAYS = 7


@dataclass(frozen=True)
class Access:
    """Where and as whom to ask: the server's address and a valid access token."""

    server_url: str
    token: str
    device_id: str | None = None


class CoordinationService(Service):
    """The vault's side: who may coordinate, the token, the Team view's setting."""

    def is_coordinator(self) -> bool:
        """Does the owner hold the role coordinator (or admin)? The page shows only then;
        the server checks again on every request."""
        from spt_desktop.models import Coach

        with self.ctx.tx() as s:
            me = s.get(Coach, self.ctx.actor_id)
            return me is not None and bool(set(me.roles.split(",")) & COORDINATION_ROLES)

    def access(self, transport: Transport | None = None) -> Access:
        """The server's address and an access token valid for a minute at least (renewed
        and stored here when needed). Not linked: ServiceError NOT_LINKED."""
        values = self._settings()
        url = values.get(S_SERVER)
        if not url or S_REFRESH not in values:
            raise ServiceError(Code.NOT_LINKED)
        until = float(values.get(S_ACCESS_UNTIL) or 0)
        if S_ACCESS in values and until > time.time() + MARGIN:
            return Access(url, values[S_ACCESS], values.get(S_DEVICE))
        own = transport is None
        t = transport or Transport(url)
        try:
            pair = t.refresh(values[S_REFRESH])
        finally:
            if own:
                t.close()
        self._put(
            {
                S_REFRESH: pair.refresh_token,
                S_ACCESS: pair.access_token,
                S_ACCESS_UNTIL: str(time.time() + pair.expires_in),
            }
        )
        return Access(url, pair.access_token, values.get(S_DEVICE))

    def overdue_days(self) -> int:
        raw = self._settings((S_OVERDUE_DAYS,)).get(S_OVERDUE_DAYS)
        return int(raw) if raw and raw.isdigit() else DEFAULT_OVERDUE_DAYS

    def set_overdue_days(self, days: int) -> None:
        """Keep the setting (1 to 365 days; the page's spin box offers no other)."""
        self._put({S_OVERDUE_DAYS: str(max(1, min(365, int(days))))})

    def _settings(
        self, keys: tuple[str, ...] = (S_SERVER, S_REFRESH, S_ACCESS, S_ACCESS_UNTIL, S_DEVICE)
    ) -> dict[str, str]:
        import sqlalchemy as sa

        with self.ctx.tx() as s:
            rows = s.execute(sa.select(Setting.key, Setting.value).where(Setting.key.in_(keys)))
            return {k: v for k, v in rows}

    def _put(self, values: dict[str, str]) -> None:
        with self.ctx.tx() as s:
            for key, value in values.items():
                row = s.get(Setting, key)
                if row is None:
                    s.add(Setting(key=key, value=value))
                else:
                    row.value = value


class CoordinationClient:
    """The coordination API with one access token: for ``Ops.work`` (no vault)."""

    def __init__(self, access: Access, transport: Transport | None = None) -> None:
        self.access = access
        self.transport = transport or Transport(access.server_url)
        self._own = transport is None

    def close(self) -> None:
        if self._own:
            self.transport.close()

    def _get(self, path: str, **params: Any) -> bytes:
        return self.transport.call("GET", path, self.access.token, params=params)

    def team(self, spt: str | None = None) -> p.TeamReport:
        return p.TeamReport.model_validate_json(self._get("/coordination/team", spt=spt))

    def candidates(
        self, *, role: str | None = None, coach: str | None = None, spt: str | None = None
    ) -> p.CandidateList:
        raw = self._get("/coordination/candidates", role=role, coach=coach, spt=spt)
        return p.CandidateList.model_validate_json(raw)

    def assign(
        self, candidate_ids: list[str], coach_id: str, role: str, spt: str | None = None
    ) -> p.AssignResult:
        body = p.AssignRequest(
            candidate_ids=candidate_ids,
            coach_id=coach_id,
            role=role,  # type: ignore[arg-type]  # checked by the model
            spt=spt,
        ).model_dump(exclude_none=True)
        raw = self.transport.call("POST", "/coordination/assignments", self.access.token, body=body)
        return p.AssignResult.model_validate_json(raw)

    def referrals(self, spt: str | None = None) -> p.ReferralList:
        """The SPT's referrals that wait for a loopbaancoach (issue 16)."""
        return p.ReferralList.model_validate_json(self._get("/coordination/referrals", spt=spt))

    def assign_referrals(
        self, referral_ids: list[str], coach_id: str, spt: str | None = None
    ) -> p.ReferralAssignResult:
        body = p.ReferralAssignRequest(
            referral_ids=referral_ids, coach_id=coach_id, spt=spt
        ).model_dump(exclude_none=True)
        raw = self.transport.call(
            "POST", "/coordination/referrals/assign", self.access.token, body=body
        )
        return p.ReferralAssignResult.model_validate_json(raw)

    def targets(self, year: int, spt: str | None = None) -> p.TargetsReport:
        raw = self._get("/coordination/targets", year=year, spt=spt)
        return p.TargetsReport.model_validate_json(raw)

    def intake(self, start: date, end: date, spt: str | None = None) -> p.IntakeReport:
        raw = self._get("/coordination/intake", start=start.isoformat(), end=end.isoformat(),
                        spt=spt)  # fmt: skip
        return p.IntakeReport.model_validate_json(raw)

    def set_targets(self, request: p.TargetsRequest) -> p.TargetsReport:
        body = request.model_dump(exclude_none=True)
        raw = self.transport.call("PUT", "/coordination/targets", self.access.token, body=body)
        return p.TargetsReport.model_validate_json(raw)

    def monitor(self, start: date, end: date, by: str | None, spt: str | None = None) -> Report:
        """The SPT's suppressed figures from the server's /monitor, as the Monitor page's
        report (tables keyed like the coach's own)."""
        import json

        raw = self._get("/monitor", start=start.isoformat(), end=end.isoformat(), by=by, spt=spt)
        data = json.loads(raw)
        tables = tuple(
            Table(
                t["key"],
                t["title"],
                tuple(t["columns"]),
                tuple(tuple(r) for r in t["rows"]),
            )
            for t in data["tables"]
        )
        return Report(Period(start, end), by, tables)


def with_client(access: Access, fn: Callable[[CoordinationClient], Any]) -> Any:
    """Run ``fn`` with a client for ``access`` and close it (for ``Ops.work``)."""
    client = CoordinationClient(access)
    try:
        return fn(client)
    finally:
        client.close()


# --- Rapportage stuurgroep ------------------------------------------------------------


def quarters(start: date, end: date) -> list[tuple[str, date, date]]:
    """The calendar quarters [start, end] touches, each clipped to it: (label, from, to)."""
    out = []
    year, q = start.year, (start.month - 1) // 3
    while date(year, 3 * q + 1, 1) <= end:
        first = date(year, 3 * q + 1, 1)
        last = date(year + (q == 3), (3 * q + 3) % 12 + 1, 1) - timedelta(days=1)
        out.append((f"{year} K{q + 1}", max(first, start), min(last, end)))
        year, q = (year + 1, 0) if q == 3 else (year, q + 1)
    return out


def stuurgroep_data(
    client: CoordinationClient, start: date, end: date, today: date
) -> StuurgroepData:
    """Everything the stuurgroep's report shows, asked of the server (aggregates only)."""
    from spt_common.enums import Spt
    from spt_desktop.print.data import Letterhead
    from spt_desktop.print.stuurgroep import Quarter, StuurgroepData

    parts = []
    for label, first, last in quarters(start, end):
        intake = client.intake(first, last)
        parts.append(Quarter(label, first, last, intake, client.monitor(first, last, None)))
    spt_code = parts[0].intake.spt if parts else client.team().spt
    years = range(start.year, end.year + 1) if start <= end else range(0)
    targets = tuple(client.targets(y) for y in years)
    spt = Spt(spt_code)
    letterhead = Letterhead(spt, spt.label.removeprefix("SPT "), today)
    return StuurgroepData(letterhead, start, end, tuple(parts), targets)


def stuurgroep_pdf_for(vault: Vault, start: date, end: date, today: date | None = None) -> bytes:
    """The report as PDF bytes, for the vault's (coordinator) account: a token from the
    vault, the figures from the server, the PDF in memory (the caller writes it)."""
    from spt_desktop.print.stuurgroep import stuurgroep_pdf
    from spt_desktop.services.base import Context

    access = CoordinationService(Context(vault)).access()
    client = CoordinationClient(access)
    try:
        data = stuurgroep_data(client, start, end, today or date.today())
    finally:
        client.close()
    return stuurgroep_pdf(data)


def save_stuurgroep(client: CoordinationClient, start: date, end: date, today: date,
                    path: str) -> None:  # fmt: skip
    """The report for [start, end] written where the coordinator chose (for ``Ops.work``:
    the server's figures in, the PDF out, nothing of it in the vault)."""
    from spt_desktop.print.stuurgroep import stuurgroep_pdf
    from spt_desktop.services.documents import save_export

    save_export(path, stuurgroep_pdf(stuurgroep_data(client, start, end, today)))
