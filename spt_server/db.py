"""The server's own tables and engine (SQLite embedded, PostgreSQL in production).

Synced content lives in one generic ``record`` table: the entity name, the record's JSON
data, per-field revisions and the server revision. That keeps field-by-field merge and
scope rules generic and identical on SQLite and PostgreSQL; the per-entity schemas in
``spt_common.protocol`` check what goes in.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from spt_server.checkpoint import Checkpointer

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING)


class Account(Base):
    """A coach's login. Its id is the coach's record id on every device."""

    __tablename__ = "account"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(320), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    roles: Mapped[str] = mapped_column(sa.String(200))
    spt: Mapped[str] = mapped_column(sa.String(40))
    password_hash: Mapped[str] = mapped_column(sa.String(200))
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)
    # The revision at which a role given later made the SPT's desk records (loket
    # questions, referrals) hers: her pull brings the older ones at it (pull.desk_granted).
    desk_granted_rev: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)
    # The revision at which a role that made them hers was taken away: her pull purges
    # the desk records she no longer sees (pull.desk_revoked_ids).
    desk_revoked_rev: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)


class Device(Base):
    """One laptop of one coach; refresh tokens are bound to it and die with it."""

    __tablename__ = "device"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(sa.ForeignKey("account.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200), default="")
    # The live refresh token family (started by a login, see RefreshToken); None: no
    # session (never logged in, the family was revoked on reuse, or the device revoked).
    family_id: Mapped[str | None] = mapped_column(sa.String(36))
    refresh_expires: Mapped[datetime | None] = mapped_column(sa.DateTime)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)
    last_seen: Mapped[datetime | None] = mapped_column(sa.DateTime)
    # The end of the last sync the server answered for it (the server's clock, never
    # the client's): the coordinator's Team view flags laptops not seen for days.
    last_sync: Mapped[datetime | None] = mapped_column(sa.DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(sa.DateTime)
    # The SPT Desktop version its last login or token refresh named (the version header;
    # ``spt-server devices`` shows it): which laptops a higher minimum version would stop.
    # None: not said since migration 0014.
    app_version: Mapped[str | None] = mapped_column(sa.String(40))


class RefreshToken(Base):
    """A refresh token issued to a device, stored as its SHA-256 (a leak of the database
    hands out no session), in the family of the login that started it.

    Each refresh rotates: the token presented is marked ``rotated_at`` and a new one of
    the same family is issued. A token presented again after it was rotated away is
    reuse (a copy is in someone else's hands, RFC 9700 §4.14.2): the whole family is
    revoked. Rows stay until the device's next login starts a new family (or they are
    older than a refresh token may live), so a replay is recognised and a revoked
    device's tokens are answered ``device_revoked``."""

    __tablename__ = "refresh_token"

    hash: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(sa.ForeignKey("device.id"), index=True)
    family_id: Mapped[str] = mapped_column(sa.String(36))
    issued_at: Mapped[datetime] = mapped_column(sa.DateTime)
    rotated_at: Mapped[datetime | None] = mapped_column(sa.DateTime)


# The pull's shared streams (pull.shared_streams) each walk one of these partial indexes
# in revision order; the conditions are written exactly as the queries write them.
#
# SQLite evaluates every partial index's condition for every row a push inserts (ten
# comparisons of ``entity``, ~230 instructions each: ~2,400 of the ~18,500 SQLite spends
# on a pushed record, callgrind of a 10k first push's rows replayed bare; issue 13,
# round 18, helper "lite18"). An index whose stream asks for ``spt = ...`` or
# ``addressee = ...`` is conditioned on that column first: ``IS NOT NULL`` is one test
# of a register, false for ~95 % of the records (they have no SPT or no addressee), and
# the comparisons behind it are then skipped (-1,150 instructions a pushed record).
# Both databases know that the stream's equality implies ``IS NOT NULL``, so the
# streams walk the same indexes, which hold the same records (a record without that
# column was never found by them); migration 0020.
SHARED_INDEXES = (
    ("ix_record_coach_rev", ("rev",), "entity = 'coach'"),
    # Equalities, not ``IN``: SQLite evaluates an index's condition for every row
    # inserted, and an ``IN`` of more than two values builds a table for it each time
    # (2 us of each record a push inserts; migration 0017).
    (
        "ix_record_registry_spt_rev",
        ("spt", "rev"),
        "spt IS NOT NULL AND (entity = 'contact_person' OR entity = 'employer'"
        " OR entity = 'employer_contact' OR entity = 'vacancy')",
    ),
    (
        "ix_record_addressed_rev",
        ("addressee", "rev"),
        "addressee IS NOT NULL AND entity IN ('audit_entry', 'handover')",
    ),
    # The loket's and the coordinator's stream: every referral of the SPT (migration 0010).
    ("ix_record_referral_spt_rev", ("spt", "rev"), "spt IS NOT NULL AND entity = 'referral'"),
    # A coach's own referrals (migration 0011): without it her pull found them by the
    # addressee index, through every record addressed to her (each assignment of hers),
    # and sorted them: a pull's cost grew with her caseload (115 ms at 10,000).
    (
        "ix_record_referral_addressee_rev",
        ("addressee", "rev"),
        "addressee IS NOT NULL AND entity = 'referral'",
    ),
)

# The records addressed to a coach (``addressee = ...``: every query that reads it names
# one). Only those that have one: most records have none, and each of theirs was a
# B-tree insert for nothing (1 us of each record a push inserts; migration 0017).
ADDRESSEE_INDEX = ("ix_record_addressee", ("addressee",), "addressee IS NOT NULL")

# The records no device holds as stored (made, merged or corrected by the server): a
# device's page past revisions its own pushes wrote holds only these of her candidates'
# changes (``pull.read_page``'s ``own``). A candidate's assignments (``store._Bulk.
# _know_assigned``): by the candidate index, every record of each. Small shares of the
# records, each checked by one comparison (migration 0019).
UNSYNCED_INDEX = ("ix_record_unsynced_rev", ("rev",), "synced_device IS NULL")
ASSIGNMENT_INDEX = ("ix_record_assignment_candidate", ("candidate_id",), "entity = 'assignment'")


class Record(Base):
    """One synced record of any entity."""

    __tablename__ = "record"
    __table_args__ = (
        *(
            sa.Index(name, *cols, postgresql_where=sa.text(where), sqlite_where=sa.text(where))
            for name, cols, where in (
                *SHARED_INDEXES,
                ADDRESSEE_INDEX,
                UNSYNCED_INDEX,
                ASSIGNMENT_INDEX,
            )
        ),
        # A candidate's records, in revision order: those past a revision are one range
        # (a first pull per candidate, ``pull.changed_query``; migration 0018).
        sa.Index("ix_record_candidate_id_rev", "candidate_id", "rev"),
    )

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(sa.String(40))
    # The candidate it hangs off (a candidate's own id for a candidate): the unit of scope.
    candidate_id: Mapped[str | None] = mapped_column(sa.String(36))
    # Shared registries: the SPT whose coaches see it.
    spt: Mapped[str | None] = mapped_column(sa.String(40))
    # The coach a record is addressed to: a handover's receiver, an assignment's coach.
    addressee: Mapped[str | None] = mapped_column(sa.String(36))
    rev: Mapped[int] = mapped_column(sa.BigInteger, unique=True)
    deleted: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    data: Mapped[str] = mapped_column(sa.Text)  # JSON object, wire form
    field_revs: Mapped[str] = mapped_column(sa.Text)  # JSON {field: rev}
    # The device whose copy equals this revision (it pushed it from the latest base):
    # its pull skips the record instead of sending its own change back.
    synced_device: Mapped[str | None] = mapped_column(sa.String(36))
    updated_by: Mapped[str | None] = mapped_column(sa.String(36))
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)


class Scope(Base):
    """Which candidates a coach may see, and since/until which revision."""

    __tablename__ = "scope"
    # Every pull: the coach's scopes granted (granted stream) and revoked (purges) past
    # her cursor, without reading all her scopes (migration 0002).
    __table_args__ = (
        sa.Index("ix_scope_account_id_granted_rev", "account_id", "granted_rev"),
        sa.Index("ix_scope_account_id_revoked_rev", "account_id", "revoked_rev"),
        # A writing transaction finds the coaches whose scope it changed (watermarks).
        sa.Index("ix_scope_granted_rev", "granted_rev"),
    )

    account_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    candidate_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, index=True)
    granted_rev: Mapped[int] = mapped_column(sa.BigInteger)
    revoked_rev: Mapped[int | None] = mapped_column(sa.BigInteger, index=True)
    # Her latest revoke, kept when she is granted the candidate again (``revoked_rev``
    # is cleared then): her devices may have purged the dossier, their own records up
    # to it included, so the granted stream sends those again (migration 0011). None:
    # never revoked; her devices hold every record they wrote themselves.
    last_revoked_rev: Mapped[int | None] = mapped_column(sa.BigInteger)


class Batch(Base):
    """A push batch seen before, with its results: a replay answers from here."""

    __tablename__ = "batch"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    device_id: Mapped[str] = mapped_column(sa.String(36))
    result: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)


class Conflict(Base):
    """A same-field concurrent edit: the value kept in the record and the other one."""

    __tablename__ = "conflict"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    entity: Mapped[str] = mapped_column(sa.String(40))
    field: Mapped[str] = mapped_column(sa.String(64))
    kept: Mapped[str] = mapped_column(sa.Text)  # JSON
    other: Mapped[str] = mapped_column(sa.Text)  # JSON: the losing device's value
    account_id: Mapped[str] = mapped_column(sa.String(36))
    device_id: Mapped[str] = mapped_column(sa.String(36))
    at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)


class LoginLimit(Base):
    """Login attempts per key, for the rate limit (``spt_server.ratelimit``): one row per
    source address, per account and per (account, address) pair. Kept in the database so
    it holds across restarts and several server processes; keys are hashes, not the
    addresses and e-mail addresses themselves. Times are milliseconds since the epoch
    (plain integers: the same arithmetic in SQL on SQLite and PostgreSQL)."""

    __tablename__ = "login_limit"

    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    # Password checks reserved and not undone by a success: the wait grows with them.
    failures: Mapped[int] = mapped_column(sa.Integer)
    last_at: Mapped[int] = mapped_column(sa.BigInteger)  # the last reserved attempt
    # When the row may go: a day after the last attempt, 90 days after a success.
    expires_at: Mapped[int] = mapped_column(sa.BigInteger, index=True)
    # A pair whose account logged in from this address: the account's own backoff (an
    # attack from elsewhere) does not hold it up.
    known: Mapped[bool] = mapped_column(sa.Boolean, default=False)


class AdminAudit(Base):
    """Who did what to which account, device, candidate or SPT setting, and when: the
    server's audit log of administration (revoke, deactivate, erase, assign, ...).

    Ids and action codes only, never content: no names, e-mail addresses or texts. The
    actor is the account that acted through the API, or None for the ``spt-server``
    command line (the operator of the server)."""

    __tablename__ = "admin_audit"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow, index=True)
    actor_id: Mapped[str | None] = mapped_column(sa.String(36))
    action: Mapped[str] = mapped_column(sa.String(40))
    target_kind: Mapped[str] = mapped_column(sa.String(20))
    target_id: Mapped[str] = mapped_column(sa.String(64))


class CandidateClosure(Base):
    """The day the server learnt a candidate's dossier was closed (status "closed"): the
    retention period of her SPT counts from it. Ids and a date only."""

    __tablename__ = "candidate_closure"

    candidate_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    closed_on: Mapped[date] = mapped_column(sa.Date, index=True)


class RetentionSetting(Base):
    """How long an SPT keeps a closed dossier (months after closing), as its privacy
    officer set it; an SPT without a row keeps the default (``privacy.DEFAULT_MONTHS``)."""

    __tablename__ = "retention_setting"

    spt: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    months: Mapped[int] = mapped_column(sa.Integer)


class AnonymousFact(Base):
    """What the SPT monitor needs of one erased candidate, and nothing that leads back to
    her: no id of hers (a random one), no name, no free text, no timestamp of the
    erasure; dates as months (``YYYY-MM``). Kept at erasure so the pipeline's figures do
    not change when dossiers are erased."""

    __tablename__ = "anonymous_fact"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    spt: Mapped[str] = mapped_column(sa.String(40), index=True)
    persona: Mapped[str] = mapped_column(sa.String(40))
    region: Mapped[str] = mapped_column(sa.String(100))
    referral_source: Mapped[str] = mapped_column(sa.String(40))
    registered: Mapped[str] = mapped_column(sa.String(7))  # YYYY-MM
    # JSON lists: moves [[from|null, to, "YYYY-MM"]], dropouts [[phase, reason,
    # "YYYY-MM"]], placements [["YYYY-MM", [[months, outcome], ...]]]
    moves: Mapped[str] = mapped_column(sa.Text)
    dropouts: Mapped[str] = mapped_column(sa.Text)
    placements: Mapped[str] = mapped_column(sa.Text)


class SptTarget(Base):
    """One SPT's targets for one year, as its coordinator set them (None: no target).
    ``dropout_rate`` is a percentage of the year's instroom."""

    __tablename__ = "spt_target"

    spt: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    year: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    instroom: Mapped[int | None] = mapped_column(sa.Integer)
    placements: Mapped[int | None] = mapped_column(sa.Integer)
    sustained: Mapped[int | None] = mapped_column(sa.Integer)
    dropout_rate: Mapped[int | None] = mapped_column(sa.Integer)
    set_by: Mapped[str | None] = mapped_column(sa.String(36))
    set_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)


class Counter(Base):
    """The server's sequence. Taking the next value locks the row until commit, so
    revisions become visible in order and a pull cursor never skips one."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    value: Mapped[int] = mapped_column(sa.BigInteger)


class Watermark(Base):
    """Revisions that changed something in one pull scope: ``a:<account>`` (her
    candidates, her scope, what is addressed to her), ``s:<spt>`` (an SPT's registries),
    ``*`` (the staff directory). Every writing transaction adds a row per scope it changed
    (``store.Sequence``): a sync whose cursor is at or past the newest of its three keys
    has nothing to fetch, and is answered from three index lookups instead of the pull's
    queries. Rows are only added (pushes on PostgreSQL never wait on each other's
    watermark rows); the older rows of a key are pruned now and then."""

    __tablename__ = "watermark"

    key: Mapped[str] = mapped_column(sa.String(80), primary_key=True)
    rev: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True, autoincrement=False)


class RevLease(Base):
    """Revisions handed out to a push in flight (PostgreSQL; ``store.Sequence``): taken
    from the counter in a short transaction of their own, released when the push commits
    (in its transaction). A pull reads no further than below the oldest live lease, so a
    push that commits later with lower revisions is never skipped. ``xid`` is the push's
    transaction: a lease of an aborted one is ignored."""

    __tablename__ = "rev_lease"

    first: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(sa.BigInteger)
    xid: Mapped[int] = mapped_column(sa.BigInteger, index=True)


# ``Session.info``'s record of a transaction that moved watermarks or the auth epoch, for
# this process's caches of both (``marks.Marks``), at its commit: the (key, revision) of
# each watermark row it wrote (a push on PostgreSQL: store._marked), or True (anything
# else: the caches read them again before they answer).
WROTE = "spt_wrote_marks"


def bump_auth_epoch(session: Session) -> None:
    """Move the auth epoch (the counter row ``auth``), in the transaction that revokes a
    device, ends a session or deactivates an account: every server process checks the
    device again at its next request instead of trusting its earlier check."""
    session.info[WROTE] = True
    session.execute(
        sa.update(Counter).where(Counter.name == "auth").values(value=Counter.value + 1)
    )


class ServerSetting(Base):
    __tablename__ = "server_setting"

    key: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    value: Mapped[str] = mapped_column(sa.Text)


# SQL parameters are records' content and ids: never in an exception's text or a log line.
HIDE_PARAMETERS = True


# The page size of a new SQLite database. 16 KiB rather than SQLite's 4: a push inserts
# each record into the table and four indexes, and every page it dirties is written to
# the WAL at commit and again by the checkpoint; with larger pages fewer pages split and
# fewer are written (a bare replay of a 10k first push's rows: 8.7 -> 7.0 us a row).
# A database made before keeps its pages (``PRAGMA page_size`` and ``VACUUM``, offline,
# with ``journal_mode`` DELETE meanwhile, would change them).
SQLITE_PAGE_SIZE = 16384

# The WAL a SQLite server lets grow before a commit checkpoints it (pages; SQLite's
# default is 1,000, 16 MiB of these pages). Each checkpoint waits for two fdatasyncs (the
# WAL, then the database) in the request whose commit set it off, with the push thread
# doing nothing meanwhile, and copies again the hot index pages every earlier one copied.
# A 10k first push (bench_push_client.py, issue 13, helper "pushgap", load 12-16): 104
# fdatasyncs waiting 1.98 s at 1,000; 14 waiting 0.73 s at 8,000; the server wrote
# 1,213 -> 935 MB. The WAL file stays at up to this size (128 MiB) between checkpoints.
# Since round 17 the process's checkpoint thread (``spt_server.checkpoint``) copies the
# WAL from half this size on, beside the requests: a request's autocheckpoint is now the
# bound (the WAL past this size: what the thread has not copied yet, a commit or two),
# not the copy of the whole WAL.
SQLITE_WAL_PAGES = 8000

# How a SQLite server's commits reach the disk: FULL, as the vault's. In WAL mode NORMAL
# does not sync the WAL at a commit (only at a checkpoint): after a power cut or an OS
# crash the last committed transactions can be gone, while the server has already
# answered their pushes "applied" and the laptops have dropped the changes from their
# outboxes: the coach's work lost without a trace. FULL syncs the WAL at every commit
# (one fdatasync; a push's batch is one commit). Its cost is a wait, not CPU: a 10k
# first push's 197 commits each sync ~3.3 MB of WAL frames (fdatasyncs 16 -> 213,
# waiting 0.66 -> 1.56 s in them at load 6, strace of bench_push_server.py inproc);
# the server's CPU the same within the noise (replay 10.10 / 7.96 -> 9.72 / 8.02 s at
# load 11-15). Issue 13, round 16, helper "lite16".
SQLITE_SYNCHRONOUS = "FULL"

# The page cache of each SQLite connection (KiB; SQLite's default is 2,000 KiB, 125 of
# these pages). A push inserts every record into the table and its indexes, whose
# leaves a batch touches all over (a 10k first push's candidate and id indexes are
# ~40 MB): with 125 pages nearly every insert read its leaf again from the file or the
# WAL (a read of 16 KiB from the kernel each time: 164,000 reads, 2.7 GB, in a 10k first
# push, 90,000 at 32 MiB, most of what is left the checkpoints' reads of the WAL).
# Allocated as pages are read, up to this much per connection in the pool.
SQLITE_CACHE_KIB = 32_768


def bind_nulls_lite() -> None:
    """Python's ``sqlite3`` binds a parameter that is not exactly an int, float, str or
    bytearray through its adapters, and for a None it finds none: it then looks up
    ``__adapt__`` on its protocol type, whose miss formats an AttributeError message
    (``type_getattro``) that is dropped again: ~3,300 instructions a null bound, 4 % of a
    first push's server instructions (a new record binds about two: its candidate, SPT,
    addressee, device or author left empty; 72,724 in the 1k push's 37,464 rows; issue
    13, round 13, callgrind). An
    adapter for None that gives None back is found by one lookup in the adapters' dict,
    and the driver binds NULL as before (the vault does the same for sqlcipher3,
    ``spt_desktop.models.vault``). Once for the process: every statement on a SQLite
    server binds its nulls this way; what is stored is the same."""
    null: Callable[[None], None] = {}.get  # type: ignore[assignment]  # in C: gives None
    sqlite3.register_adapter(type(None), null)


def make_engine(url: str) -> sa.Engine:
    """An engine for ``url``; SQLite gets WAL with every commit synced to disk
    (SQLITE_SYNCHRONOUS), a generous busy timeout and a private file
    (security.SecretFileError when others can read it)."""
    if url.startswith("sqlite"):
        _private_sqlite_file(url)
        bind_nulls_lite()
        engine = sa.create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            hide_parameters=HIDE_PARAMETERS,
        )

        checkpoints = _checkpointer(url)
        if checkpoints is not None:
            engine.checkpoints = checkpoints  # type: ignore[attr-defined]  # for tests

            @event.listens_for(engine, "checkin")
            def _returned(_dbapi_conn: Any, _rec: Any) -> None:
                checkpoints.poke()  # a transaction ended: the WAL may have grown

            @event.listens_for(engine, "engine_disposed")
            def _disposed(_engine: sa.Engine) -> None:
                checkpoints.stop()

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _rec: Any) -> None:
            cur = dbapi_conn.cursor()
            # Before WAL: only a new, empty file takes it (an existing one keeps its own).
            cur.execute(f"PRAGMA page_size = {SQLITE_PAGE_SIZE}")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute(f"PRAGMA synchronous = {SQLITE_SYNCHRONOUS}")
            cur.execute(f"PRAGMA wal_autocheckpoint = {SQLITE_WAL_PAGES}")
            cur.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
            # Sorts, temporary b-trees and statement journals in memory, never in a temp
            # file (records' content; the vault does the same): SQLite writes them to
            # /var/tmp once they pass its temp cache (2 MB, about a pull page's rows).
            cur.execute("PRAGMA temp_store = MEMORY")
            cur.execute("PRAGMA busy_timeout = 30000")
            cur.close()

        return engine
    cache_long_statements()
    size, overflow = pool_config()
    engine = sa.create_engine(
        url,
        pool_size=size,
        max_overflow=overflow,
        pool_timeout=pool_timeout(),
        hide_parameters=HIDE_PARAMETERS,
    )
    ping_when_idle(engine)
    return engine


def _checkpointer(url: str) -> Checkpointer | None:
    """The WAL's checkpoint thread of a SQLite file (``spt_server.checkpoint``); None for
    a database in memory."""
    name = sa.engine.make_url(url).database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Checkpointer(name, SQLITE_WAL_PAGES, SQLITE_SYNCHRONOUS)


# psycopg keeps the conversion of a query's placeholders (its text split at each one)
# only for texts up to 4,096 bytes; the pull's page statement is 5.9 KB and was split
# anew on every sync (0.4-0.6 ms of server CPU: more than any other single step of a
# small push; issue 18). The server's statements are a few dozen fixed texts.
LONG_STATEMENT = 16_384


def cache_long_statements() -> None:
    """Let psycopg keep the conversion of statements up to LONG_STATEMENT bytes (its
    module setting; a psycopg without it is left alone)."""
    from psycopg import _queries

    if getattr(_queries, "MAX_CACHED_STATEMENT_LENGTH", LONG_STATEMENT) < LONG_STATEMENT:
        _queries.MAX_CACHED_STATEMENT_LENGTH = LONG_STATEMENT


# A pooled connection unused for longer than this is pinged before use (the database may
# have restarted meanwhile); one in steady use is not: under load a ping per checkout was
# a round trip more for every transaction.
PING_AFTER_IDLE = 10.0  # seconds


def ping_when_idle(engine: sa.Engine) -> None:
    """Ping a pooled connection before use only when it sat unused (PING_AFTER_IDLE)."""

    @event.listens_for(engine, "connect")
    def _fresh(_dbapi_conn: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def _back(_dbapi_conn: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _out(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("idle_since")
        if since is not None and time.monotonic() - since < PING_AFTER_IDLE:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_conn)
        except Exception:  # what a dead connection raises depends on the driver
            alive = False
        if not alive:
            # The pool drops this connection and checks out a new one.
            raise sa.exc.DisconnectionError()


# The connection pool of one server process (PostgreSQL), from the environment
# (``spt-server serve --pool-size/--max-overflow`` set these for every worker). The pool
# holds a connection for every request thread (``threads``: the app runs no more handlers
# at once than the pool has connections), so connections are opened once and kept, not
# opened and closed under load; the overflow is for the rest (the daily retention job).
POOL_SIZE_ENV = "SPT_DB_POOL_SIZE"
MAX_OVERFLOW_ENV = "SPT_DB_MAX_OVERFLOW"
POOL_SIZE = 16
MAX_OVERFLOW = 4


def pool_config() -> tuple[int, int]:
    """(pool size, overflow) from the environment, else the defaults."""

    def number(name: str, default: int, low: int) -> int:
        try:
            return max(low, int(os.environ.get(name, default)))
        except ValueError:
            return default

    return number(POOL_SIZE_ENV, POOL_SIZE, 1), number(MAX_OVERFLOW_ENV, MAX_OVERFLOW, 0)


# Seconds a request waits for a pooled connection before it is answered 503 (busy,
# with Retry-After: app.Guard); ``SPT_DB_POOL_TIMEOUT`` sets another.
POOL_TIMEOUT_ENV = "SPT_DB_POOL_TIMEOUT"
POOL_TIMEOUT = 30.0


def pool_timeout() -> float:
    """The pool's timeout (seconds) from the environment, else POOL_TIMEOUT."""
    try:
        value = float(os.environ.get(POOL_TIMEOUT_ENV, POOL_TIMEOUT))
    except ValueError:
        return POOL_TIMEOUT
    return value if value > 0 else POOL_TIMEOUT


def connections_per_process() -> int:
    """The most PostgreSQL connections one server process opens: its pool with the
    overflow (pool_config), and the revision leases' connection of its own
    (``store.Leases``: never one of the pool's, see there)."""
    size, overflow = pool_config()
    return size + overflow + 1


def connections_allowed(conn: sa.Connection) -> tuple[int, int]:
    """PostgreSQL's ``max_connections`` and how many of them ordinary roles may use (the
    rest is reserved for superusers and, from PostgreSQL 16, ``pg_use_reserved_connections``)."""
    most, reserved, more = conn.execute(
        sa.text(
            "SELECT current_setting('max_connections'), "
            "current_setting('superuser_reserved_connections'), "
            "current_setting('reserved_connections', true)"
        )
    ).one()
    return int(most), int(most) - int(reserved) - int(more or 0)


def _private_sqlite_file(url: str) -> None:
    """Create a new SQLite file 0600 before SQLite does (it would use 0644 under the
    usual umask), and refuse one that group or others can read: it holds every record.
    SQLite gives its -wal, -shm and -journal files the database file's mode; leftovers
    from before are checked too."""
    from spt_server.security import check_private

    name = sa.engine.make_url(url).database
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    path = Path(name)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError:
        return  # no such folder, no rights: SQLite's own error says it on connect
    sides = [path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")]
    check_private([path, *sides], "De database")


def session_factory(engine: sa.Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)
