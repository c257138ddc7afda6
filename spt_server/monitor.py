"""The leaky-pipeline monitor of a whole SPT, for coordinators (issue 5 §2).

The same figures as the coach's desktop (``spt_desktop.monitor_figures``, standard library
only), computed over every candidate of the caller's SPT on the server, with no personal
data in the answer: no names, no ids, no coach split (a coach's caseload is small and
names a colleague), and every count from 1 to 4 shown as "<5" with the averages of such
rows left out. Only accounts with the role coordinator or admin may ask.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from spt_desktop.monitor_figures import (
    CandidateFact,
    DropoutFact,
    Facts,
    MoveFact,
    Period,
    PlacementFact,
    Report,
    compute,
)
from spt_server.db import Account, Record

MONITOR_ROLES = frozenset({"coordinator", "admin"})
SERVER_DIMENSIONS = ("persona", "region", "referral_source")  # never "coach": see above
MAX_DAYS = 3 * 366 + 1  # a period of at most three years keeps one request cheap
ENTITIES = ("candidate", "journey_event", "dropout", "placement", "retention_checkpoint")

Cell = int | float | str | None


class MonitorTable(BaseModel):
    key: str
    title: str
    columns: list[str]
    rows: list[list[Cell]]


class MonitorReport(BaseModel):
    """Every figure for one SPT and period; counts under 5 are "<5"."""

    spt: str
    start: date
    end: date
    by: str | None
    candidates: int | str = Field(description='kandidaten in het SPT; "<5" als het er minder zijn')
    tables: list[MonitorTable]


class MonitorRefused(Exception):
    """Why the monitor is not shown: (HTTP status, code, Dutch message)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def check_request(
    s: Session, account_id: str, own_spt: str, start: date, end: date, by: str | None,
    spt: str | None,
) -> str:  # fmt: skip
    """The SPT whose monitor the caller may see; MonitorRefused otherwise."""
    account = s.get(Account, account_id)
    roles = set((account.roles if account else "").split(","))
    if not roles & MONITOR_ROLES:
        raise MonitorRefused(
            403, "forbidden", "De monitor van het SPT is er voor coördinatoren en beheerders."
        )
    if by is not None and by not in SERVER_DIMENSIONS:
        raise MonitorRefused(
            422, "invalid", "Indeling kan zijn: persona, region of referral_source."
        )
    if end < start or (end - start).days > MAX_DAYS:
        raise MonitorRefused(
            422, "invalid", "Kies een periode van hoogstens drie jaar, begin vóór einde."
        )
    if spt is not None and spt != own_spt and "admin" not in roles:
        raise MonitorRefused(403, "forbidden", "U ziet alleen de monitor van uw eigen SPT.")
    return spt or own_spt


def load_facts(s: Session, spt: str) -> Facts:
    """The plain facts of one SPT's candidates, from the synced records (one query)."""
    rows: dict[str, list[tuple[str, str | None, dict[str, Any]]]] = defaultdict(list)
    for entity, rid, cid, data in s.execute(
        sa.select(Record.entity, Record.id, Record.candidate_id, Record.data).where(
            Record.entity.in_(ENTITIES), Record.deleted.is_(False)
        )
    ):
        rows[entity].append((rid, cid, json.loads(data)))
    candidates = [
        CandidateFact(
            rid, d["persona"], d["spt"], d.get("labour_market_region") or "Onbekend",
            d["referral_source"], "", date.fromisoformat(d["registered_on"]),
        )
        for rid, _, d in rows["candidate"]
        if d.get("spt") == spt
    ]  # fmt: skip
    ours = {c.id for c in candidates}
    moves = [
        MoveFact(cid, d.get("from_phase"), d["to_phase"], date.fromisoformat(d["occurred_on"]))
        for _, cid, d in rows["journey_event"]
        if cid in ours
    ]
    dropouts = [
        DropoutFact(cid, d["phase"], d["reason"], date.fromisoformat(d["occurred_on"]))
        for _, cid, d in rows["dropout"]
        if cid in ours
    ]
    points: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for _, cid, d in rows["retention_checkpoint"]:
        if cid in ours and d.get("outcome"):
            points[d["placement_id"]].append((int(d["months"]), d["outcome"]))
    placements = [
        PlacementFact(cid, date.fromisoformat(d["starts_on"]), tuple(sorted(points[rid])))
        for rid, cid, d in rows["placement"]
        if cid is not None and cid in ours
    ]
    return Facts(candidates, moves, dropouts, placements)


def spt_monitor(s: Session, spt: str, start: date, end: date, by: str | None) -> MonitorReport:
    """The suppressed figures of ``spt`` for [start, end], split by ``by``."""
    facts = load_facts(s, spt)
    report: Report = compute(facts, Period(start, end), by).suppressed()
    n = len(facts.candidates)
    return MonitorReport(
        spt=spt,
        start=start,
        end=end,
        by=by,
        candidates=n if n == 0 or n >= 5 else "<5",
        tables=[
            MonitorTable(
                key=t.key,
                title=t.title,
                columns=list(t.columns),
                rows=[list(r) for r in t.rows],
            )
            for t in report.tables
        ],
    )


def answer(
    s: Session, account_id: str, own_spt: str, start: date, end: date, by: str | None,
    spt: str | None = None,
) -> MonitorReport:  # fmt: skip
    """The request as the API gets it: check who asks and what, then compute."""
    which = check_request(s, account_id, own_spt, start, end, by, spt)
    return spt_monitor(s, which, start, end, by)
