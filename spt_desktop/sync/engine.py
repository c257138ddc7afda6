"""The sync client: bind a vault to an account, push the outbox, pull the scope.

One sync is a loop of round trips. Each sends the pending push batch (if any) and a pull
cursor and gets the batch's results and a page of records; the results, the page, the new
cursor and the removal of the acknowledged outbox entries are written in ONE local
transaction. A connection dropped anywhere leaves either the old state (the batch is sent
again with the same id, which the server answers from its record) or the new one.

Pulled records are applied with foreign keys off on that one connection: the server orders
changes by its sequence, not parent before child, and a page can end between the two. The
server is the authority on references; the next pages complete them.
"""

from __future__ import annotations

import json
import platform
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

import sqlalchemy as sa

from spt_desktop.models import SYNCED_ENTITIES, Coach, OutboxEntry, Setting, SyncConflict
from spt_desktop.models.base import Code, utcnow
from spt_desktop.models.vault import Vault
from spt_desktop.sync import protocol as p
from spt_desktop.sync.purge import IN_IDS, in_ids, purge_candidates, wipe
from spt_desktop.sync.transport import DeviceRevoked, SyncError, TokenExpired, Transport

# Settings keys (inside the encrypted vault, never in plain files).
S_SERVER = "sync.server_url"
S_ACCOUNT = "sync.account_id"
S_DEVICE = "sync.device_id"
S_REFRESH = "sync.refresh_token"
S_ACCESS = "sync.access_token"
S_ACCESS_UNTIL = "sync.access_expires"
S_CURSOR = "sync.cursor"
S_PENDING = "sync.pending_batch"
S_LAST_SYNC = "sync.last_sync"

TABLES = {name: cls.__table__ for name, cls in SYNCED_ENTITIES.items()}  # type: ignore[attr-defined]


@dataclass(frozen=True)
class SyncReport:
    """What one sync did."""

    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    purged: int = 0
    requests: int = 0
    wiped: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "conflicts": self.conflicts,
            "purged": self.purged,
            "requests": self.requests,
            "wiped": self.wiped,
        }


class NotLoggedIn(SyncError):
    exit_code = 3

    def __init__(self) -> None:
        super().__init__(
            "Deze kluis is nog niet gekoppeld aan de SPT-server. Meld eerst aan met "
            "'spt-desktop login --vault PAD --server URL --email E'."
        )


# --- values between wire and vault ---------------------------------------------------


def _from_wire(kind: str) -> Any:
    if kind == "date":
        return lambda v: None if v is None else date.fromisoformat(v)
    if kind == "datetime":
        return lambda v: None if v is None else datetime.fromisoformat(v)
    return None


CONVERTERS: dict[str, dict[str, Any]] = {
    entity: {
        name: conv
        for name, spec in fields.items()
        if (conv := _from_wire(p.field_kind(spec)[0])) is not None
    }
    for entity, fields in p.ENTITY_FIELDS.items()
}


def to_wire(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)  # a StrEnum member becomes its plain code
    return value


def from_wire(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    """A record's wire data as column values (every field; absent means null)."""
    conv = CONVERTERS[entity]
    out: dict[str, Any] = {}
    for name in p.ENTITY_FIELDS[entity]:
        value = data.get(name)
        c = conv.get(name)
        out[name] = c(value) if c is not None and value is not None else value
    return out


# --- settings ------------------------------------------------------------------------


def _driver_cursor(conn: sa.Connection) -> Any:
    """The DB-API cursor of ``conn``'s connection (in its current transaction)."""
    return conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]


_SETTING = Setting.__tablename__
_OUTBOX = OutboxEntry.__tablename__
SYNC_KEYS = (
    S_SERVER,
    S_ACCOUNT,
    S_DEVICE,
    S_REFRESH,
    S_ACCESS,
    S_ACCESS_UNTIL,
    S_CURSOR,
    S_PENDING,
    S_LAST_SYNC,
)


def _settings(conn: sa.Connection) -> dict[str, str]:
    """The sync settings, each found by its key in the primary key's index (a LIKE on
    the key cannot use it and reads every setting, drafts of forms included)."""
    cursor = _driver_cursor(conn)
    marks = ", ".join("?" * len(SYNC_KEYS))
    sql = f"SELECT key, value FROM {_SETTING} WHERE key IN ({marks})"
    return dict(cursor.execute(sql, SYNC_KEYS).fetchall())


def _put(conn: sa.Connection, values: dict[str, str | None]) -> None:
    """Set (None: remove) sync settings; one statement each (the setting table has no
    triggers, so OR REPLACE is just an upsert)."""
    cursor = _driver_cursor(conn)
    for key, value in values.items():
        if value is None:
            cursor.execute(f"DELETE FROM {_SETTING} WHERE key = ?", (key,))
        else:
            cursor.execute(
                f"INSERT OR REPLACE INTO {_SETTING} (key, value) VALUES (?, ?)", (key, value)
            )


@contextmanager
def remote_connection(vault: Vault) -> Iterator[sa.Connection]:
    """One transaction for applying server state: foreign keys off (see module doc), and
    no outbox or audit rows (Core statements do not run the ORM's tracking hook)."""
    with vault.engine.connect() as conn:
        # Must run outside a transaction: SQLite ignores it inside one.
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        conn.commit()
        try:
            with conn.begin():
                yield conn
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys = ON")
            conn.commit()


# --- login ---------------------------------------------------------------------------


def login(
    vault: Vault,
    server_url: str,
    email: str,
    password: str,
    *,
    transport: Transport | None = None,
    device_name: str | None = None,
) -> p.CoachInfo:
    """Bind ``vault`` to the coach's server account and this device.

    The vault's owner was made locally with a random id; from now on her id is the
    server's. The Coach row, every reference to it and the owner setting change in one
    transaction. Nothing has been pushed yet, so every such row is still in the outbox
    as an insert and travels with the new id.
    """
    with vault.engine.connect() as conn:
        current = _settings(conn)
    own = transport is None
    transport = transport or Transport(server_url)
    try:
        pair = transport.login(
            p.LoginRequest(
                email=email,
                password=password,
                device_name=(device_name or platform.node())[:200],
                device_id=current.get(S_DEVICE),
            )
        )
    finally:
        if own:
            transport.close()
    bound = current.get(S_ACCOUNT)
    if bound and bound != pair.coach.id:
        raise SyncError(
            "Deze kluis hoort bij een ander account. Meld aan met het account van de "
            "eigenaar, of maak een nieuwe kluis voor dit account."
        )
    with remote_connection(vault) as conn:
        if vault.owner_id and vault.owner_id != pair.coach.id:
            _rebind_owner(conn, vault.owner_id, pair.coach)
        if bound != pair.coach.id:
            _put(conn, {S_CURSOR: None, S_PENDING: None})
        _put(conn, {S_SERVER: server_url.rstrip("/"), S_ACCOUNT: pair.coach.id})
        _store_tokens(conn, pair)
    vault.owner_id = pair.coach.id
    return pair.coach


def _rebind_owner(conn: sa.Connection, old: str, coach: p.CoachInfo) -> None:
    table = cast(sa.Table, Coach.__table__)
    conn.execute(sa.delete(table).where(table.c.id == coach.id))
    conn.execute(
        sa.update(table)
        .where(table.c.id == old)
        .values(
            id=coach.id,
            name=coach.name,
            email=coach.email,
            roles=",".join(coach.roles),
            spt=coach.spt,
        )
    )
    for t in Coach.metadata.sorted_tables:
        for col in t.columns:
            refs_coach = any(fk.column.table.name == "coach" for fk in col.foreign_keys)
            if refs_coach or (t.name == "audit_entry" and col.name == "actor_id"):
                conn.execute(sa.update(t).where(col == old).values({col.name: coach.id}))
    conn.execute(sa.update(Setting).where(Setting.key == "owner_coach_id").values(value=coach.id))
    # The coach directory is the server's: the local draft of the owner is not pushed.
    conn.execute(sa.delete(OutboxEntry).where(OutboxEntry.entity == "coach"))


def _store_tokens(conn: sa.Connection, pair: p.TokenPair) -> None:
    _put(
        conn,
        {
            S_DEVICE: pair.device_id,
            S_REFRESH: pair.refresh_token,
            S_ACCESS: pair.access_token,
            S_ACCESS_UNTIL: str(time.time() + pair.expires_in),
        },
    )


# --- sync ----------------------------------------------------------------------------


class Syncer:
    """One sync run of one vault.

    The run holds one connection of the vault's pool from start to end: every
    transaction of the run finds the pages the previous one read still in its cache (in
    WAL mode a commit by another connection empties a connection's cache, and several
    connections taking turns made every page of a push or pull be read and decrypted
    again), and the switch of foreign keys is made once per run, not per page.
    """

    def __init__(self, vault: Vault, transport: Transport, *, page: int = p.DEFAULT_PAGE) -> None:
        self.vault = vault
        self.transport = transport
        self.page = page
        self.pushed = self.pulled = self.conflicts = self.purged = 0
        self._token: tuple[str, float] | None = None  # access token, valid until
        self._conn: sa.Connection | None = None
        self._remote = False  # foreign keys are off on the run's connection

    def run(self) -> SyncReport:
        start = self.transport.requests
        try:
            with self.vault.engine.connect() as conn:
                self._conn = conn
                try:
                    self._loop()
                finally:
                    self._conn = None
                    self._restore(conn)
        except DeviceRevoked:
            wipe(self.vault)
            return SyncReport(requests=self.transport.requests - start, wiped=True)
        return SyncReport(
            pushed=self.pushed,
            pulled=self.pulled,
            conflicts=self.conflicts,
            purged=self.purged,
            requests=self.transport.requests - start,
        )

    @property
    def conn(self) -> sa.Connection:
        assert self._conn is not None, "only inside run()"
        return self._conn

    @contextmanager
    def _local(self) -> Iterator[sa.Connection]:
        """One transaction on the run's connection."""
        with self.conn.begin():
            yield self.conn

    @contextmanager
    def _applying(self) -> Iterator[sa.Connection]:
        """One transaction for applying server state: foreign keys off (see the module
        doc; switched back when the run ends), no outbox or audit rows (Core statements
        do not run the ORM's tracking hook)."""
        if not self._remote:
            # Must run outside a transaction: SQLite ignores it inside one.
            self.conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            self.conn.commit()
            self._remote = True
        with self.conn.begin():
            yield self.conn

    def _restore(self, conn: sa.Connection) -> None:
        """The connection goes back to the pool as it came: foreign keys on."""
        if conn.in_transaction():
            conn.rollback()
        if self._remote:
            conn.exec_driver_sql("PRAGMA foreign_keys = ON")
            conn.commit()
            self._remote = False

    def _loop(self) -> None:
        # One read up front: with nothing to push, a sync is this read, one request and
        # one small write (the common case: a laptop syncing every few minutes).
        with self._local() as conn:
            settings = _settings(conn)
            idle = not self._has_outbox(conn)
        if S_REFRESH not in settings:
            raise NotLoggedIn()
        if S_ACCESS in settings:
            self._token = (settings[S_ACCESS], float(settings.get(S_ACCESS_UNTIL, "0")))
        cursor = settings.get(S_CURSOR)
        # With nothing in the outbox at the start, a sync only pulls (changes made while
        # it runs go with the next sync, as any later).
        pushing = not idle or bool(settings.get(S_PENDING))
        batch = self._pending_or_next() if pushing else None
        while True:
            request: dict[str, Any] = {"cursor": cursor, "limit": self.page}
            if batch is not None:
                request["batch"] = batch["batch"]
            resp = self._send(request)
            # The page was read after the push, so it already holds the push's effects.
            batch = self._apply(resp, batch, cursor, pushing)
            cursor = resp.pull.cursor
            if not resp.pull.more and batch is None:
                break

    def _send(self, request: dict[str, Any]) -> p.SyncResponse:
        token = self._access_token()
        try:
            return self.transport.sync(token, request)
        except TokenExpired:
            return self.transport.sync(self._access_token(force=True), request)

    def _access_token(self, *, force: bool = False) -> str:
        if not force and self._token is not None and self._token[1] > time.time() + 30:
            return self._token[0]
        with self._local() as conn:
            s = _settings(conn)
        pair = self.transport.refresh(s[S_REFRESH])
        with self._local() as conn:
            _store_tokens(conn, pair)
        self._token = (pair.access_token, time.time() + pair.expires_in)
        return pair.access_token

    @staticmethod
    def _has_outbox(conn: sa.Connection) -> bool:
        return (
            _driver_cursor(conn).execute(f"SELECT 1 FROM {_OUTBOX} LIMIT 1").fetchone() is not None
        )

    # --- push ----------------------------------------------------------------------

    def _pending_or_next(self) -> dict[str, Any] | None:
        """The batch in flight (sent, not acknowledged), else a new one from the outbox,
        stored before it is sent so a retry after a crash sends the very same batch."""
        with self._local() as conn:
            pending = conn.execute(
                sa.select(Setting.value).where(Setting.key == S_PENDING)
            ).scalar()
            if pending:
                loaded: dict[str, Any] = json.loads(pending)
                return loaded
            batch = build_batch(conn)
            if batch is not None:
                _put(conn, {S_PENDING: json.dumps(batch)})
            return batch

    # --- apply ---------------------------------------------------------------------

    def _apply(
        self,
        resp: p.SyncResponse,
        batch: dict[str, Any] | None,
        cursor: str | None,
        pushing: bool,
    ) -> dict[str, Any] | None:
        """Apply one answer; returns the next batch to send (None: nothing left).

        The next batch is built and stored in the same transaction as this answer (one
        commit per round trip, not two): after a crash the next sync sends it first,
        exactly as stored."""
        page = resp.pull
        if batch is None and not page.records and not page.purge and page.cursor == cursor:
            # Nothing came back: only note the sync (no foreign-key switch, one write).
            # The time shown in the status bar needs no flush to disk of its own (the
            # vault's FULL synchronous mode costs a WAL fsync per commit, most of a
            # no-change sync's local time): should power fail now, the next commit's
            # flush, or the previous time, is all the coach can lose. WAL keeps the
            # commit atomic either way.
            raw = _driver_cursor(self.conn)
            mode = int(raw.execute("PRAGMA synchronous").fetchone()[0])
            raw.execute("PRAGMA synchronous = NORMAL")
            try:
                with self._local() as conn:
                    _put(conn, {S_LAST_SYNC: utcnow().isoformat()})
            finally:
                raw.execute(f"PRAGMA synchronous = {mode:d}")
            return self._pending_or_next() if pushing else None
        with self._applying() as conn:
            following = None
            if batch is not None and resp.push is not None:
                conn.execute(sa.delete(OutboxEntry).where(OutboxEntry.seq <= batch["max_seq"]))
                _put(conn, {S_PENDING: None})
                self.pushed += len(batch["batch"]["changes"])
                self.conflicts += apply_results(conn, batch, resp.push)
            elif batch is not None:
                following = batch  # not answered: still pending, sent again
            self.pulled += apply_page(conn, resp.pull.records)
            purge_candidates(conn, resp.pull.purge)
            self.purged += len(resp.pull.purge)
            _put(conn, {S_CURSOR: resp.pull.cursor, S_LAST_SYNC: utcnow().isoformat()})
            if pushing and following is None:
                following = build_batch(conn)
                if following is not None:
                    _put(conn, {S_PENDING: json.dumps(following)})
            return following


def sync(
    vault: Vault, *, transport: Transport | None = None, page: int = p.DEFAULT_PAGE
) -> SyncReport:
    """Push everything waiting, pull everything new; see the module doc."""
    if transport is None:
        with vault.engine.connect() as conn:
            url = _settings(conn).get(S_SERVER)
        if url is None:
            raise NotLoggedIn()
        with Transport(url) as t:
            return Syncer(vault, t, page=page).run()
    return Syncer(vault, transport, page=page).run()


# --- building a batch ----------------------------------------------------------------


def build_batch(conn: sa.Connection, limit: int = p.MAX_BATCH) -> dict[str, Any] | None:
    """The next push batch from the outbox: at most ``limit`` records, several edits of
    one record folded into one change with the current values of every named field."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    max_seq = 0
    cursor = _driver_cursor(conn)
    try:
        for seq, entity, rid, op, fields in cursor.execute(
            f"SELECT seq, entity, record_id, op, fields FROM {_OUTBOX} ORDER BY seq"
        ):
            key = (entity, rid)
            if key not in groups:
                if len(groups) >= limit:
                    break
                groups[key] = {"delete": False, "all": False, "fields": set()}
            g = groups[key]
            max_seq = seq
            if op == "delete":
                g["delete"] = True
            elif op == "insert" or fields is None:
                g["all"] = True
            else:
                g["fields"].update(json.loads(fields))
    finally:
        cursor.close()
    if not groups:
        return None
    changes = _changes(conn, groups)
    return {
        "batch": {"batch_id": str(uuid.uuid4()), "changes": changes},
        "max_seq": max_seq,
    }


def _changes(
    conn: sa.Connection, groups: dict[tuple[str, str], dict[str, Any]]
) -> list[dict[str, Any]]:
    by_entity: dict[str, list[str]] = {}
    for entity, rid in groups:
        if entity not in p.SERVER_OWNED and entity in TABLES:
            by_entity.setdefault(entity, []).append(rid)
    # The current rows, read raw and turned into wire values by each column's own
    # conversion (as SQLAlchemy reads them, then to_wire): (server_rev, deleted, fields).
    current: dict[str, tuple[Any, ...]] = {}
    cursor = _driver_cursor(conn)
    for entity, ids in by_entity.items():
        shape = _shape(conn, entity)
        for rid, rev, deleted, *values in cursor.execute(shape.select, (json.dumps(ids),)):
            wire = [
                v if conv is None or v is None else conv(v)
                for v, conv in zip(values, shape.wire, strict=True)
            ]
            current[rid] = (rev, deleted, wire)
    changes = []
    for (entity, rid), g in groups.items():
        if entity not in by_entity:
            continue
        row = current.get(rid)
        if row is None or g["delete"] or row[1]:
            base = row[0] if row is not None else None
            changes.append({"entity": entity, "id": rid, "op": "delete", "base_rev": base})
            continue
        shape = _shape(conn, entity)
        values = row[2]
        if g["all"]:
            fields = dict(zip(shape.fields, values, strict=True))
        else:
            fields = {
                n: values[shape.position[n]] for n in sorted(g["fields"]) if n in shape.position
            }
            if not fields:
                continue
        changes.append(
            {"entity": entity, "id": rid, "op": "upsert", "base_rev": row[0], "fields": fields}
        )
    return changes


# --- applying results and pages ------------------------------------------------------


def _pending_fields(conn: sa.Connection, ids: list[str]) -> dict[str, set[str] | None]:
    """Those of ``ids`` with local changes not yet pushed: their changed fields (None:
    all). Asked per page for the page's ids: reading the whole outbox for every page made
    a first push of a big vault quadratic. An empty outbox (a device that only pulls, a
    first pull) is one step of SQLite's."""
    cursor = _driver_cursor(conn)
    if cursor.execute(f"SELECT 1 FROM {_OUTBOX} LIMIT 1").fetchone() is None:
        return {}
    rows = cursor.execute(
        f"SELECT record_id, op, fields FROM {_OUTBOX} WHERE record_id {IN_IDS} ORDER BY seq",
        (json.dumps(ids),),
    ).fetchall()
    out: dict[str, set[str] | None] = {}
    for rid, op, fields in rows:
        if op != "update" or fields is None:
            out[rid] = None
        elif rid not in out or out[rid] is not None:
            prev = out.get(rid) or set()
            out[rid] = prev | set(json.loads(fields))
    return out


_REFUSED = {"gone": "deleted", "rejected": "rejected", "forbidden": "forbidden"}


@dataclass(frozen=True)
class _Found:
    """A conflict to record: what the coach sent and what the server kept."""

    change: dict[str, Any]
    kind: str
    field: str | None
    local: Any
    theirs: Any
    rev: int | None


def apply_results(conn: sa.Connection, batch: dict[str, Any], result: p.PushResult) -> int:
    """Record the server's answer to a batch; returns the number of new conflicts.

    Acknowledged records get their server revision in one UPDATE per entity (only that
    column: no trigger re-indexes anything), conflicts in one INSERT, the server's
    versions of refused records as one page."""
    changes = {c["id"]: c for c in batch["batch"]["changes"]}
    pending = _pending_fields(conn, list(changes))
    found: list[_Found] = []
    revs: dict[str, list[tuple[str, int]]] = {}
    records: list[p.Record] = []
    for res in result.results:
        change = changes.get(res.id)
        if change is None:
            continue
        entity = change["entity"]
        if res.status in ("applied", "conflict") and res.rev is not None and res.id not in pending:
            revs.setdefault(entity, []).append((res.id, res.rev))
        for c in res.conflicts:
            found.append(_Found(change, "field", c.field, c.yours, c.theirs, res.rev))
            table = TABLES[entity]
            value = from_wire(entity, {c.field: c.theirs})[c.field]
            conn.execute(sa.update(table).where(table.c.id == res.id).values({c.field: value}))
        if res.status in _REFUSED:
            if change["op"] == "upsert":
                theirs = res.record.data if res.record else None
                local = change.get("fields", {})
                found.append(_Found(change, _REFUSED[res.status], None, local, theirs, res.rev))
            if res.record is not None:
                records.append(res.record)
    apply_page(conn, records)
    if revs:
        cursor = _driver_cursor(conn)
        for entity, rows in revs.items():
            # One statement per entity, the (id, revision) pairs as one JSON parameter:
            # under cipher_memory_security this costs a fraction of an executemany
            # (see IN_IDS). Vault migration 0004: a new revision fires no search trigger.
            table = _shape(conn, entity).table
            cursor.execute(
                f"UPDATE {table} SET server_rev = acked.rev FROM (SELECT value ->> 0 AS id, "
                f"value ->> 1 AS rev FROM json_each(?)) AS acked WHERE {table}.id = acked.id",
                (json.dumps(rows),),
            )
    _record_conflicts(conn, found)
    return len(found)


def _record_conflicts(conn: sa.Connection, found: list[_Found]) -> None:
    if not found:
        return
    # The candidate each conflict is about, so a purge of the candidate takes it along.
    # A change that does not name it (a delete, an edit of other fields) asks the vault,
    # one query per entity.
    candidate: dict[str, Any] = {}
    ask: dict[str, list[str]] = {}
    for f in found:
        entity, rid = f.change["entity"], f.change["id"]
        fields = f.change.get("fields") or {}
        if entity == "candidate":
            candidate[rid] = rid
        elif fields.get("candidate_id") is not None:
            candidate[rid] = fields["candidate_id"]
        elif entity in TABLES and "candidate_id" in TABLES[entity].c:
            ask.setdefault(entity, []).append(rid)
    for entity, ids in ask.items():
        table = TABLES[entity]
        q = sa.select(table.c.id, table.c.candidate_id).where(in_ids(table.c.id, ids))
        candidate.update({rid: cand for rid, cand in conn.execute(q)})
    now = utcnow()
    conn.execute(
        sa.insert(SyncConflict),
        [
            {
                "id": str(uuid.uuid4()),
                "entity": f.change["entity"],
                "record_id": f.change["id"],
                "candidate_id": candidate.get(f.change["id"]),
                "kind": f.kind,
                "field": f.field,
                "local_value": json.dumps(f.local),
                "server_value": json.dumps(f.theirs),
                "server_rev": f.rev,
                # A microsecond apart: Conflicten lists them in the order found.
                "detected_at": now + timedelta(microseconds=i),
            }
            for i, f in enumerate(found)
        ],
    )


def apply_page(conn: sa.Connection, records: list[p.Record]) -> int:
    """Write pulled records into the vault. A record with local changes not yet pushed
    keeps those fields (and its base revision, so the server can still tell a conflict);
    a tombstone always wins.

    The rest, per entity in one pass: one read of the rows already here, one plain
    INSERT executemany for new records, and for known ones an UPDATE of only the columns
    whose value differs (none: nothing is written). A page often repeats what the vault
    holds (the server sends a newly granted dossier in full, and echoes records its own
    effects touched); rewriting those would re-index their text for search for nothing.
    Statements go to the driver as SQLAlchemy would bind them (its own type processors),
    so the stored values are the same as through the ORM; no ON CONFLICT clause, which in
    SQLite would also override the conflict handling of the vault's triggers.
    """
    if not records:
        return 0
    pending = _pending_fields(conn, [rec.id for rec in records])
    now = utcnow()
    plain: dict[str, dict[str, p.Record]] = {}
    for rec in records:
        if rec.entity not in TABLES:
            continue
        if rec.id in pending:
            _apply_over_local(conn, rec, pending[rec.id], now)
            continue
        # The same record twice in a page: the later one is the newer.
        plain.setdefault(rec.entity, {})[rec.id] = rec
    if plain:
        cursor = _driver_cursor(conn)
        for entity, recs in plain.items():
            shape = _shape(conn, entity)
            _write_rows(cursor, shape, recs, shape.stamp(now))
    return len(records)


@dataclass(frozen=True)
class _Shape:
    """How one entity's rows go to the driver: its content fields in wire order, each
    with the conversion from wire value to stored value, and the statements."""

    table: str
    fields: tuple[str, ...]
    columns: tuple[str, ...]  # quoted: server_rev, deleted, then the fields
    convert: tuple[Any, ...]  # per field: wire value -> stored value, or None (as is)
    wire: tuple[Any, ...]  # per field: stored value -> wire value, or None (as is)
    position: dict[str, int]  # field name -> its index in ``fields``
    stamp: Any  # a naive UTC datetime -> stored value (modified_at)
    insert: str
    insert_json: str  # the same rows as one JSON array of arrays
    indexed: bool  # the search index holds its text (full-text triggers fire)
    select: str  # the rows here of a JSON array of ids

    def stored(self, rec: p.Record) -> tuple[Any, ...]:
        """(server_rev, deleted, *fields) as the vault stores them; absent fields null."""
        data = rec.data
        values: list[Any] = [rec.rev, 1 if rec.deleted else 0]
        for name, conv in zip(self.fields, self.convert, strict=True):
            value = data.get(name)
            values.append(value if conv is None or value is None else conv(value))
        return tuple(values)


_SHAPES: dict[str, _Shape] = {}
# Entities whose text the search index holds (vault migrations 0001, 0004): their new
# rows go in as one INSERT ... SELECT from a JSON array. Under cipher_memory_security
# each full-text insert of an executemany cost 2-4x as much (notes 1.1 s -> 0.27 s for
# 1,455, visits 2.9 s -> 1.7 s for 3,000); for other tables executemany is the faster.
SEARCHED = frozenset({"candidate", "note", "visit", "intake"})


def _shape(conn: sa.Connection, entity: str) -> _Shape:
    shape = _SHAPES.get(entity)
    if shape is None:
        shape = _SHAPES[entity] = _make_shape(conn.dialect, entity)
    return shape


def _make_shape(dialect: sa.Dialect, entity: str) -> _Shape:
    table = TABLES[entity]
    fields = tuple(p.ENTITY_FIELDS[entity])

    def processor(column: str) -> Any:
        col = table.c[column]
        return col.type.dialect_impl(dialect).bind_processor(dialect)

    def chain(wire: Any, bind: Any) -> Any:
        if wire is None:
            return bind
        if bind is None:
            return wire
        return lambda v: bind(wire(v))

    convert = tuple(chain(CONVERTERS[entity].get(name), processor(name)) for name in fields)

    def reader(column: str) -> Any:
        col = table.c[column]
        if isinstance(col.type, Code):
            return None  # stored as its code, which is its wire form
        result = col.type.dialect_impl(dialect).result_processor(dialect, None)
        if result is None:
            return None
        return lambda v: to_wire(result(v))

    stamp = processor("modified_at") or (lambda v: v)
    quote = dialect.identifier_preparer.quote
    name = dialect.identifier_preparer.format_table(table)
    cols = ", ".join(quote(c) for c in fields)
    return _Shape(
        table=name,
        fields=fields,
        columns=tuple(quote(c) for c in ("server_rev", "deleted", *fields)),
        convert=convert,
        wire=tuple(reader(name) for name in fields),
        position={name: i for i, name in enumerate(fields)},
        stamp=stamp,
        insert=(
            f"INSERT INTO {name} (id, server_rev, deleted, modified_at, {cols}) "
            f"VALUES ({', '.join('?' * (len(fields) + 4))})"
        ),
        insert_json=(
            f"INSERT INTO {name} (id, server_rev, deleted, modified_at, {cols}) SELECT "
            + ", ".join(f"value ->> {i}" for i in range(len(fields) + 4))
            + " FROM json_each(?)"
        ),
        indexed=entity in SEARCHED,
        select=f"SELECT id, server_rev, deleted, {cols} FROM {name} WHERE id {IN_IDS}",
    )


def _write_rows(cursor: Any, shape: _Shape, recs: dict[str, p.Record], stamp: str) -> None:
    ids = list(recs)
    here: dict[str, tuple[Any, ...]] = {}
    for row in cursor.execute(shape.select, (json.dumps(ids),)):
        here[row[0]] = tuple(row[1:])
    inserts: list[tuple[Any, ...]] = []
    updates: dict[tuple[int, ...], list[tuple[Any, ...]]] = {}
    for rid, rec in recs.items():
        new = shape.stored(rec)
        old = here.get(rid)
        if old is None:
            inserts.append((rid, new[0], new[1], stamp, *new[2:]))
            continue
        # Positions (0: server_rev, 1: deleted, 2...: fields) whose value differs.
        changed = tuple(i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b)
        if changed:
            values = [new[i] for i in changed]
            if changed != (0,):
                values.append(stamp)  # the content changed here now
            updates.setdefault(changed, []).append((*values, rid))
    if inserts and shape.indexed:
        cursor.execute(shape.insert_json, (json.dumps(inserts),))
    elif inserts:
        cursor.executemany(shape.insert, inserts)
    for changed, rows in updates.items():
        sets = [f"{shape.columns[i]} = ?" for i in changed]
        if changed != (0,):
            sets.append("modified_at = ?")
        cursor.executemany(f"UPDATE {shape.table} SET {', '.join(sets)} WHERE id = ?", rows)


def _apply_over_local(
    conn: sa.Connection, rec: p.Record, local: set[str] | None, now: datetime
) -> None:
    table = TABLES[rec.entity]
    exists = conn.execute(sa.select(table.c.id).where(table.c.id == rec.id)).first()
    if rec.deleted:
        if exists:
            conn.execute(sa.update(table).where(table.c.id == rec.id).values(deleted=True))
        return
    if local is None or not exists:
        return  # made or deleted here and not pushed yet: the push will settle it
    values = {k: v for k, v in from_wire(rec.entity, rec.data).items() if k not in local}
    if values:
        values["modified_at"] = now
        conn.execute(sa.update(table).where(table.c.id == rec.id).values(values))
