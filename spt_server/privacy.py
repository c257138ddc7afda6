"""Erasure (AVG art. 17) and retention of closed dossiers, on the server.

Erasing a candidate turns her record and every record hanging off her into tombstones
without content (``store.tombstone``), deletes the conflict rows about them, drops what
stored batch results still say of them, and revokes every coach's scope of her: each
device that holds her purges her at its next sync (the pull's ``purge`` list). What the
SPT monitor needs of her stays as one anonymous fact row (``monitor.keep_facts``); the
audit log gets one row of ids. Erased records cannot be written again: a tombstone is
final, and no one has her in scope.

Retention: an SPT's privacy officer sets how many months a closed dossier is kept
(``DEFAULT_MONTHS`` when unset: a default, not legal advice); ``enforce_retention``
erases every dossier closed longer ago than that.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from spt_server import audit, monitor, store
from spt_server.db import (
    Account,
    Batch,
    CandidateClosure,
    Conflict,
    Record,
    RetentionSetting,
    Scope,
)

DEFAULT_MONTHS = 24  # after closing; a default to start from, not legal advice
MAX_MONTHS = 1200
ERASER_ROLES = frozenset({"coordinator", "admin"})
DAY_SECONDS = 24 * 60 * 60

log = logging.getLogger(__name__)


class NotFound(Exception):
    """No candidate with that id."""


class NotAllowed(Exception):
    """The account may not erase this candidate."""


@dataclass(frozen=True)
class Erased:
    """What an erasure did: how many records became tombstones, scopes were revoked."""

    records: int
    scopes: int


# --- erasure -----------------------------------------------------------------------


def check_eraser(s: Session, account_id: str, candidate_id: str) -> None:
    """May ``account_id`` erase ``candidate_id``? A coordinator or admin of her SPT only.
    ``NotAllowed`` for anyone else (asked before anything is looked up), ``NotFound`` for
    an id that is no candidate."""
    account = s.get(Account, account_id)
    roles = set((account.roles if account else "").split(","))
    if account is None or not roles & ERASER_ROLES:
        raise NotAllowed()
    cand = _candidate(s, candidate_id)
    if _spt_of(cand) != account.spt:
        raise NotAllowed()


def erase(s: Session, candidate_id: str, *, actor: str | None, action: str = "erase") -> Erased:
    """Erase a candidate (see the module docstring), in the session's transaction.
    ``actor``: the account acting through the API; None for the command line and the
    retention job. Erasing her again scrubs again and changes nothing else."""
    # The writers' lock before anything is read: a push about her that is in flight
    # commits first and is read (and erased) here; one that comes later waits and finds
    # her gone (no scope, tombstones). Read after the lock, never from what the session
    # held before it (check_eraser loaded her record).
    seq = store.Sequence(s)
    seq.lock()
    cand = _candidate(s, candidate_id, fresh=True)
    records = list(
        s.scalars(
            sa.select(Record)
            .where(Record.candidate_id == candidate_id)
            .execution_options(populate_existing=True)
        )
    )
    if not cand.deleted:
        monitor.keep_facts(s, cand, records)
    ids = [r.id for r in records]
    for rec in sorted(records, key=lambda r: (r.id != candidate_id, r.rev)):
        if not rec.deleted or rec.data != "{}" or rec.field_revs != "{}":
            store.tombstone(s, rec, seq.next(), by=actor)
    for chunk in store._chunks(ids):
        s.execute(sa.delete(Conflict).where(Conflict.record_id.in_(chunk)))
    _scrub_batches(s, set(ids), _writers(s, candidate_id, records))
    scopes = 0
    for scope in s.scalars(
        sa.select(Scope).where(Scope.candidate_id == candidate_id, Scope.revoked_rev.is_(None))
    ):
        scope.revoked_rev = seq.next()
        scopes += 1
    s.info.get(store.SCOPE_CACHE, {}).clear()
    closure = s.get(CandidateClosure, candidate_id)
    if closure is not None:
        s.delete(closure)
    seq.flush()
    audit.log(s, action, "candidate", candidate_id, actor=actor)
    s.flush()
    return Erased(records=len(records), scopes=scopes)


def _candidate(s: Session, candidate_id: str, *, fresh: bool = False) -> Record:
    cand = s.get(Record, candidate_id, populate_existing=fresh)
    if cand is None or cand.entity != "candidate":
        raise NotFound()
    return cand


def _spt_of(cand: Record) -> str | None:
    if cand.spt is not None:
        return cand.spt
    spt = json.loads(cand.data).get("spt")  # a record from before migration 0005
    return spt if isinstance(spt, str) else None


def _writers(s: Session, candidate_id: str, records: list[Record]) -> set[str]:
    """Accounts that can have pushed about her: whoever had her in scope once, or was
    addressed by a record about her (a handover accepted from outside her scope)."""
    found = set(s.scalars(sa.select(Scope.account_id).where(Scope.candidate_id == candidate_id)))
    found |= {r.addressee for r in records if r.addressee}
    found |= {r.updated_by for r in records if r.updated_by}
    return found


def _scrub_batches(s: Session, ids: set[str], accounts: set[str]) -> None:
    """Stored batch results about her records lose what is left of them: results are
    stored without content (``store._without_content``), but a result keeps the record
    ids, and batches stored by an older server kept contents too. The results about her
    are dropped; a replay of such a batch answers without them (her records are gone)."""
    if not ids or not accounts:
        return
    # Only those accounts' batches are read (the index on batch.account_id): the table
    # holds every batch ever pushed.
    for chunk in store._chunks(sorted(ids), 100):
        hits = sa.or_(*(Batch.result.contains(i) for i in chunk))
        q = sa.select(Batch).where(Batch.account_id.in_(sorted(accounts)), hits)
        for batch in s.scalars(q):
            result: dict[str, Any] = json.loads(batch.result)
            kept = [r for r in result.get("results", []) if not _about(r, ids)]
            if len(kept) != len(result.get("results", [])):
                result["results"] = kept
                batch.result = json.dumps(result)


def _about(result: dict[str, Any], ids: set[str]) -> bool:
    record = result.get("record") or {}
    data = record.get("data") or {}
    return result.get("id") in ids or data.get("candidate_id") in ids


# --- retention ---------------------------------------------------------------------


def retention_months(s: Session, spt: str) -> int:
    """The months ``spt`` keeps a closed dossier (``DEFAULT_MONTHS`` when not set)."""
    row = s.get(RetentionSetting, spt)
    return row.months if row is not None else DEFAULT_MONTHS


def set_retention(s: Session, spt: str, months: int, *, actor: str | None) -> None:
    """Set ``spt``'s retention period; the audit log records that it changed."""
    if not 1 <= months <= MAX_MONTHS:
        raise ValueError(months)
    row = s.get(RetentionSetting, spt)
    if row is None:
        s.add(RetentionSetting(spt=spt, months=months))
    else:
        row.months = months
    audit.log(s, "set_retention", "spt", spt, actor=actor)


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (the 31st becomes the month's last day)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError  # pragma: no cover


def due(s: Session, today: date) -> list[str]:
    """Candidates whose dossier has been closed for at least her SPT's period."""
    out = []
    rows = s.execute(
        sa.select(CandidateClosure.candidate_id, CandidateClosure.closed_on, Record)
        .join(Record, Record.id == CandidateClosure.candidate_id)
        .order_by(CandidateClosure.closed_on, CandidateClosure.candidate_id)
    ).all()
    months: dict[str | None, int] = {}
    for cid, closed_on, rec in rows:
        spt = _spt_of(rec)
        if spt not in months:
            months[spt] = retention_months(s, spt) if spt else DEFAULT_MONTHS
        if add_months(closed_on, months[spt]) <= today:
            out.append(cid)
    return out


def enforce_retention(sessions: sessionmaker[Session], today: date) -> int:
    """Erase every dossier past its SPT's retention period (one transaction each, audit
    action "retention_erase"); returns how many."""
    with sessions() as s:
        ids = due(s, today)
    done = 0
    for cid in ids:
        with sessions() as s, s.begin():
            # Serialised with every writer (several server processes may run this at
            # once): a dossier another one erased meanwhile is left alone.
            store.Sequence(s).lock()
            if s.get(CandidateClosure, cid) is None:
                continue
            erase(s, cid, actor=None, action="retention_erase")
            done += 1
    return done


def run_daily(
    sessions: sessionmaker[Session], stop: threading.Event, interval: float = DAY_SECONDS
) -> None:
    """Enforce retention now and then every ``interval`` seconds until ``stop`` is set
    (the serve process runs this in a thread). A failure is logged without ids and
    tried again the next day."""
    while True:
        try:
            enforce_retention(sessions, date.today())
        except Exception as exc:  # the server keeps serving; try again tomorrow
            # The kind of failure only: its text may quote ids or SQL.
            log.error("Bewaartermijn handhaven mislukt (%s); morgen opnieuw.", type(exc).__name__)
        if stop.wait(interval):
            return


def start_daily(sessions: sessionmaker[Session]) -> threading.Event:
    """``run_daily`` in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(
        target=run_daily, args=(sessions, stop), name="spt-retention", daemon=True
    ).start()
    return stop
