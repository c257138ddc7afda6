"""Taking data out of the vault: a candidate who left the coach's scope, or everything
when the device was revoked. SQLCipher with ``secure_delete`` zeroes the freed pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import sqlalchemy as sa

from spt_desktop.models import (
    SYNCED_ENTITIES,
    AuditEntry,
    Base,
    OutboxEntry,
    Setting,
    later_indexes,
)
from spt_desktop.models.drafts import drop_drafts_about
from spt_desktop.models.idsets import in_ids
from spt_desktop.models.syncstate import SyncConflict
from spt_desktop.models.vault import Vault
from spt_desktop.sync import held
from spt_desktop.sync.searchindex import bulk_removal, feeds_search, removing

if TYPE_CHECKING:
    from spt_desktop.sync.transport import PulledPage

# Conflict kinds that hold the coach's own unsent work, refused by the server.
UNDELIVERED = ("forbidden", "rejected")
# The id of the revoked device a wiped vault was: kept, and presented at every login, so
# the server refuses it and the vault never comes back to life by logging in again.
S_REVOKED = "revoked_device_id"
# Settings a wiped vault keeps: enough to open it and to stay refused, nothing about anyone.
KEEP_SETTINGS = ("vault_id", "owner_coach_id", "created_at", S_REVOKED)


def _candidate_tables() -> list[sa.Table]:
    """Tables of rows hanging off a candidate, children first."""
    names = {cls.__table__.name for cls in SYNCED_ENTITIES.values()}  # type: ignore[attr-defined]
    return [
        t
        for t in reversed(Base.metadata.sorted_tables)
        if t.name in names and "candidate_id" in t.c and t.name != AuditEntry.__tablename__
    ]


def gone_candidates(page: PulledPage) -> frozenset[str]:
    """Purged candidates whose own record came as a tombstone on the same page: the
    server's sign that she was erased or deleted, not handed over."""
    if not page.purge:
        return frozenset()
    purged = set(page.purge)
    return frozenset(
        r["id"]
        for r in page.records
        if r["entity"] == "candidate" and r.get("deleted") and r["id"] in purged
    )


def purge_candidates(
    conn: sa.Connection, candidate_ids: list[str], *, gone: frozenset[str] = frozenset()
) -> int:
    """Remove candidates and every row about them from the vault (the outbox entries,
    the local audit entries, the drafts of unsaved forms about them and the conflicts
    too, except the coach's own refused writing, which Conflicten shows until she closes
    it; the server keeps its audit).

    ``gone``: those of them that no longer exist anywhere (erased, or deleted): her
    refused writing about them goes too, since there is no one left to pass it on to
    and an erasure means nothing of the person stays (AVG art. 17).
    One statement per table: a page can name hundreds of purged candidates, most not
    even in the vault. Returns the rows removed."""
    if not candidate_ids:
        return 0
    return _purge(conn, candidate_ids, gone)


def _purge(conn: sa.Connection, cands: list[str], gone: frozenset[str]) -> int:
    removed = 0
    ids: list[str] = list(cands)
    cand = SYNCED_ENTITIES["candidate"].__table__  # type: ignore[attr-defined]
    with removing(conn, _indexed_rows(conn, cands)):
        for table in _candidate_tables():
            removed += _delete_about(conn, table, cands, ids)
        removed += conn.execute(sa.delete(cand).where(in_ids(cand.c.id, cands))).rowcount
    removed += _delete_about(conn, cast(sa.Table, AuditEntry.__table__), cands, ids)
    removed += _purge_loket(conn, cands)
    removed += _purge_referrals(conn, cands)
    conn.execute(sa.delete(OutboxEntry).where(in_ids(OutboxEntry.record_id, ids)))
    drop_drafts_about(conn, cands)
    held.purge(conn, cands)  # changes about them this version could not store
    # Her own writing the server refused (written offline after the dossier left her) is
    # kept for Conflicten until she closes it: nothing she wrote disappears unseen.
    conn.execute(
        sa.delete(SyncConflict).where(
            in_ids(SyncConflict.candidate_id, cands),
            SyncConflict.kind.not_in(UNDELIVERED)
            | (SyncConflict.entity == AuditEntry.__tablename__)  # bookkeeping, not her text
            | SyncConflict.resolved_at.is_not(None),
        )
    )
    erased = [c for c in cands if c in gone]
    if erased:
        conn.execute(sa.delete(SyncConflict).where(in_ids(SyncConflict.candidate_id, erased)))
    return removed


def _purge_loket(conn: sa.Connection, ids: list[str]) -> int:
    """Loket questions among the purged ids: one passed on to another coach leaves this
    device (the server scopes a question as it scopes a candidate, spt_server.store), and
    so does the SPT's register when her loket role is taken away; with the drafts of
    their forms and their conflicts (but her own refused writing, as for a candidate:
    a question names no candidate, so the candidate purge does not find them)."""
    from spt_desktop.models.loket import drop_question_drafts

    table = cast(sa.Table, SYNCED_ENTITIES["loket_question"].__table__)  # type: ignore[attr-defined]
    gone = [r[0] for r in conn.execute(sa.select(table.c.id).where(in_ids(table.c.id, ids)))]
    if not gone:
        return 0
    drop_question_drafts(conn, gone)
    _drop_conflicts_of(conn, gone)
    return int(conn.execute(sa.delete(table).where(in_ids(table.c.id, gone))).rowcount)


def _drop_conflicts_of(conn: sa.Connection, record_ids: list[str]) -> None:
    """The conflicts about these records, but the coach's own refused writing."""
    conn.execute(
        sa.delete(SyncConflict).where(
            in_ids(SyncConflict.record_id, record_ids),
            SyncConflict.kind.not_in(UNDELIVERED) | SyncConflict.resolved_at.is_not(None),
        )
    )


def _purge_referrals(conn: sa.Connection, ids: list[str]) -> int:
    """Referrals among the purged ids: one given to another coach before it was linked
    leaves this device (spt_server.store.referral_moved), with the drafts of its forms
    and its conflicts (but her own refused writing, as for a candidate)."""
    from spt_desktop.models.referrals import drop_referral_drafts

    table = cast(sa.Table, SYNCED_ENTITIES["referral"].__table__)  # type: ignore[attr-defined]
    gone = [r[0] for r in conn.execute(sa.select(table.c.id).where(in_ids(table.c.id, ids)))]
    if not gone:
        return 0
    for rid in gone:
        drop_referral_drafts(conn, rid)
    _drop_conflicts_of(conn, gone)
    return int(conn.execute(sa.delete(table).where(in_ids(table.c.id, gone))).rowcount)


def _indexed_rows(conn: sa.Connection, cands: list[str]) -> int:
    """How many documents of the search index the purge of ``cands`` removes."""
    total = 0
    cand = cast(sa.Table, SYNCED_ENTITIES["candidate"].__table__)  # type: ignore[attr-defined]
    for table in [*_candidate_tables(), cand]:
        if feeds_search(conn, table.name):
            col = table.c.id if table.name == "candidate" else table.c.candidate_id
            q = sa.select(sa.func.count()).select_from(table).where(in_ids(col, cands))
            total += int(conn.execute(q).scalar() or 0)
    return total


def _delete_about(conn: sa.Connection, table: sa.Table, cands: list[str], ids: list[str]) -> int:
    """Delete ``table``'s rows about ``cands``; their ids go to ``ids`` (for the outbox)."""
    about = in_ids(table.c.candidate_id, cands)
    rows = [r[0] for r in conn.execute(sa.select(table.c.id).where(about))]
    if not rows:
        return 0
    ids += rows
    return int(conn.execute(sa.delete(table).where(about)).rowcount)


def wipe(vault: Vault) -> None:
    """Everything out: every synced row, the outbox, conflicts, tokens and cursor.

    The vault stays a valid, empty vault (so the app can say what happened); the freed
    pages are zeroed by ``secure_delete`` and VACUUM rewrites the file without them.
    """
    from spt_desktop.sync.engine import remote_connection

    names = {cls.__table__.name for cls in SYNCED_ENTITIES.values()}  # type: ignore[attr-defined]
    # One bulk removal from the search index: the index is rewritten empty at the end.
    with remote_connection(vault) as conn, bulk_removal(conn):
        _remember_revoked_device(conn)
        for table in reversed(Base.metadata.sorted_tables):
            if table.name == "coach" and vault.owner_id:
                # Her own profile is not someone else's data; the app still knows her.
                conn.execute(sa.delete(table).where(table.c.id != vault.owner_id))
            elif table.name in names or table.name in ("outbox", "sync_conflict", "held_change"):
                conn.execute(sa.delete(table))
        # Indexes a pull left for its end, made on the emptied tables before their
        # record goes with the settings.
        later_indexes.build_later(conn)
        conn.execute(sa.delete(Setting).where(Setting.key.not_in(KEEP_SETTINGS)))
        if conn.dialect.has_table(conn, "search_fts"):
            conn.exec_driver_sql("DELETE FROM search_fts")
    with vault.engine.connect() as conn:
        conn.exec_driver_sql("VACUUM")
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _remember_revoked_device(conn: sa.Connection) -> None:
    """Keep the vault's device id as the revoked one (the first wipe's stays). Whoever
    can open the vault could delete it, but that is the coach herself with her
    passphrase, not a quiet way back: the server refuses the device at login."""
    from spt_desktop.sync.engine import S_DEVICE

    keys = (S_DEVICE, S_REVOKED)
    held = dict(
        conn.execute(sa.select(Setting.key, Setting.value).where(Setting.key.in_(keys))).all()
    )
    if S_DEVICE in held and S_REVOKED not in held:
        conn.execute(sa.insert(Setting).values(key=S_REVOKED, value=held[S_DEVICE]))
