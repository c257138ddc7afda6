"""Taking data out of the vault: a candidate who left the coach's scope, or everything
when the device was revoked. SQLCipher with ``secure_delete`` zeroes the freed pages."""

from __future__ import annotations

import sqlalchemy as sa

from spt_desktop.models import SYNCED_ENTITIES, AuditEntry, Base, OutboxEntry, Setting
from spt_desktop.models.syncstate import SyncConflict
from spt_desktop.models.vault import Vault

# Settings a wiped vault keeps: enough to open it, nothing about anyone.
KEEP_SETTINGS = ("vault_id", "owner_coach_id", "created_at")


def _candidate_tables() -> list[sa.Table]:
    """Tables of rows hanging off a candidate, children first."""
    names = {cls.__table__.name for cls in SYNCED_ENTITIES.values()}  # type: ignore[attr-defined]
    return [
        t
        for t in reversed(Base.metadata.sorted_tables)
        if t.name in names and "candidate_id" in t.c and t.name != AuditEntry.__tablename__
    ]


def purge_candidate(conn: sa.Connection, candidate_id: str) -> int:
    """Remove a candidate and every row about her from the vault (the outbox entries, the
    local audit entries and the conflicts too; the server keeps its audit). Returns rows."""
    removed = 0
    ids: list[str] = [candidate_id]
    for table in _candidate_tables():
        rows = [
            r[0]
            for r in conn.execute(sa.select(table.c.id).where(table.c.candidate_id == candidate_id))
        ]
        ids += rows
        if rows:
            removed += conn.execute(
                sa.delete(table).where(table.c.candidate_id == candidate_id)
            ).rowcount
    cand = SYNCED_ENTITIES["candidate"].__table__  # type: ignore[attr-defined]
    removed += conn.execute(sa.delete(cand).where(cand.c.id == candidate_id)).rowcount
    audit = AuditEntry.__table__
    audit_ids = [
        r[0]
        for r in conn.execute(sa.select(audit.c.id).where(audit.c.candidate_id == candidate_id))
    ]
    removed += conn.execute(sa.delete(audit).where(audit.c.candidate_id == candidate_id)).rowcount
    ids += audit_ids
    for i in range(0, len(ids), 500):
        conn.execute(sa.delete(OutboxEntry).where(OutboxEntry.record_id.in_(ids[i : i + 500])))
    conn.execute(sa.delete(SyncConflict).where(SyncConflict.candidate_id == candidate_id))
    return removed


def wipe(vault: Vault) -> None:
    """Everything out: every synced row, the outbox, conflicts, tokens and cursor.

    The vault stays a valid, empty vault (so the app can say what happened); the freed
    pages are zeroed by ``secure_delete`` and VACUUM rewrites the file without them.
    """
    from spt_desktop.sync.engine import remote_connection

    names = {cls.__table__.name for cls in SYNCED_ENTITIES.values()}  # type: ignore[attr-defined]
    with remote_connection(vault) as conn:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name == "coach" and vault.owner_id:
                # Her own profile is not someone else's data; the app still knows her.
                conn.execute(sa.delete(table).where(table.c.id != vault.owner_id))
            elif table.name in names or table.name in ("outbox", "sync_conflict"):
                conn.execute(sa.delete(table))
        conn.execute(sa.delete(Setting).where(Setting.key.not_in(KEEP_SETTINGS)))
        if conn.dialect.has_table(conn, "search_fts"):
            conn.exec_driver_sql("DELETE FROM search_fts")
    with vault.engine.connect() as conn:
        conn.exec_driver_sql("VACUUM")
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
