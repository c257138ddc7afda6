"""The leaky-pipeline monitor of a whole SPT, for coordinators (issue 5 §2).

The same figures as the coach's desktop (``spt_common.monitor_figures``, standard library
only), computed over every candidate of the caller's SPT on the server, with no personal
data in the answer: no names, no ids, no coach split (a coach's caseload is small and
names a colleague), and every count from 1 to 4 shown as "<5" with the averages of such
rows left out. Only accounts with the role coordinator or admin may ask.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from datetime import date
from typing import Any, Literal, get_args

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from spt_common.monitor_figures import (
    CandidateFact,
    DropoutFact,
    Facts,
    MoveFact,
    Period,
    PlacementFact,
    Report,
    compute,
)
from spt_server.db import Account, AnonymousFact, Record

MONITOR_ROLES = frozenset({"coordinator", "admin"})
Dimension = Literal["persona", "region", "referral_source"]  # never "coach": see above
SERVER_DIMENSIONS: tuple[str, ...] = get_args(Dimension)
MAX_DAYS = 3 * 366 + 1  # a period of at most three years keeps one request cheap
# Periods within these years: a year-9999 end once overflowed the month walk (a 500).
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)
DATE_RANGE = "een datum (JJJJ-MM-DD) van 2000-01-01 tot en met 2099-12-31"
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
    if not FIRST_DAY <= start <= LAST_DAY or not FIRST_DAY <= end <= LAST_DAY:
        raise MonitorRefused(422, "invalid", "Kies een periode tussen 2000-01-01 en 2099-12-31.")
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
    return _with_erased(s, spt, Facts(candidates, moves, dropouts, placements))


# --- erased candidates: anonymous facts ------------------------------------------------


def _month(day: str) -> str:
    return day[:7]  # "YYYY-MM" of an ISO date


def _first_of(month: str) -> date:
    return date.fromisoformat(month + "-01")


def keep_facts(s: Session, cand: Record, records: list[Record]) -> None:
    """Before ``cand`` is erased: what the monitor counts of her, as one anonymous row
    (``AnonymousFact``): her SPT, persona, region and referrer, the months of her
    registration, phase moves, dropouts (phase and leak) and placements (start month and
    checkpoint outcomes). No id of hers, no name, no text, no day; counted beside the
    live records by ``load_facts``."""
    d = json.loads(cand.data)
    if not d.get("spt") or not d.get("registered_on"):
        return  # nothing the monitor counted
    live = [(r.entity, r.id, json.loads(r.data)) for r in records if not r.deleted]
    points: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for entity, _rid, x in live:
        if entity == "retention_checkpoint" and x.get("outcome"):
            points[x["placement_id"]].append((int(x["months"]), x["outcome"]))
    moves = [
        [x.get("from_phase"), x["to_phase"], _month(x["occurred_on"])]
        for entity, _rid, x in live
        if entity == "journey_event"
    ]
    dropouts = [
        [x["phase"], x["reason"], _month(x["occurred_on"])]
        for entity, _rid, x in live
        if entity == "dropout"
    ]
    placements = [
        [_month(x["starts_on"]), sorted(points[rid])]
        for entity, rid, x in live
        if entity == "placement"
    ]
    # Sorted: the order records were written in says nothing the monitor needs.
    s.add(
        AnonymousFact(
            id=str(uuid.uuid4()),
            spt=d["spt"],
            persona=d["persona"],
            region=d.get("labour_market_region") or "Onbekend",
            referral_source=d["referral_source"],
            registered=_month(d["registered_on"]),
            moves=json.dumps(sorted(moves, key=lambda m: (m[2], m[0] or "", m[1]))),
            dropouts=json.dumps(sorted(dropouts, key=lambda m: (m[2], m[0], m[1]))),
            placements=json.dumps(sorted(placements)),
        )
    )


def _with_erased(s: Session, spt: str, facts: Facts) -> Facts:
    """``facts`` plus those of the SPT's erased candidates, dated on the first of their
    month (figures per month and period of whole months come out the same as before
    the erasure; days in a phase are counted between those firsts)."""
    candidates = list(facts.candidates)
    moves, dropouts = list(facts.moves), list(facts.dropouts)
    placements = list(facts.placements)
    for row in s.scalars(sa.select(AnonymousFact).where(AnonymousFact.spt == spt)):
        cid = "erased:" + row.id
        candidates.append(
            CandidateFact(cid, row.persona, row.spt, row.region, row.referral_source, "",
                          _first_of(row.registered))
        )  # fmt: skip
        moves += [MoveFact(cid, f, t, _first_of(m)) for f, t, m in json.loads(row.moves)]
        dropouts += [DropoutFact(cid, ph, r, _first_of(m)) for ph, r, m in json.loads(row.dropouts)]
        placements += [
            PlacementFact(cid, _first_of(m), tuple((int(k), str(o)) for k, o in points))
            for m, points in json.loads(row.placements)
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
