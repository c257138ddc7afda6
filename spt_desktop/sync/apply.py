"""What travels in a sync, and how it meets the vault: a push batch built from the
outbox, the server's answers to it applied (acks, conflicts, refused records), and a
pulled page applied in bulk (the sync loop itself: ``spt_desktop.sync.engine``).
"""

from __future__ import annotations

import io
import json
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate, chain, compress, count, groupby, repeat
from operator import (
    add,
    and_,
    attrgetter,
    eq,
    is_not,
    itemgetter,
    methodcaller,
    ne,
    not_,
    sub,
)
from typing import TYPE_CHECKING, Any, NamedTuple, cast, overload

import msgspec
import pydantic_core
import sqlalchemy as sa

from spt_common import encoding
from spt_common import protocol as p
from spt_common.ids import uuid7s
from spt_desktop.models import (
    SYNCED_ENTITIES,
    OutboxEntry,
    Setting,
    SyncConflict,
    later_indexes,
    later_search,
)
from spt_desktop.models.base import Code, utcnow
from spt_desktop.models.idsets import IN_IDS, in_ids
from spt_desktop.sync import held
from spt_desktop.sync.conflicts import REFUSED_KINDS
from spt_desktop.sync.searchindex import feeds_search, removing

if TYPE_CHECKING:
    from spt_desktop.sync.transport import PushAnswer, WireRecord, WireResult

TABLES = {name: cls.__table__ for name, cls in SYNCED_ENTITIES.items()}  # type: ignore[attr-defined]

_OUTBOX = OutboxEntry.__tablename__
_SETTING = Setting.__tablename__

# The outbox entries the server has acknowledged, by sequence number: every entry up to
# and including it is done and only waits to be deleted (``sweep_outbox``). A batch always
# takes the outbox from its start, in order, so what is acknowledged is always such a
# prefix. Deleting it batch by batch cost most of a big first push: the outbox's index on
# ``record_id`` (uuids, random) lost 2,000 entries spread over its whole width per batch,
# and every page of it they touched was read, decrypted, encrypted and written again
# (a 10k first push: 59 ms of CPU per batch with the index, 1.5 ms without). Deleted once
# at the end of the sync, each page of the index is written once.
S_ACKED = "sync.outbox_acked"


def driver_cursor(conn: sa.Connection) -> Any:
    """The DB-API cursor of ``conn``'s connection (in its current transaction)."""
    return conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]


def json_text(value: Any) -> str:
    """``value`` as JSON text, for SQLite's ``json_each`` (a parameter of ids, of (id,
    revision) pairs): written by pydantic-core, 3x as fast as ``json.dumps`` (three such
    arrays a batch were 1 us of a first push's client CPU a record). Text, not bytes: a
    BLOB is JSONB to SQLite's JSON functions."""
    return pydantic_core.to_json(value).decode()


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


# A deleted record keeps no content (issue 10 §4): free text becomes '' (None where the
# field may be null), every other nullable value None. Kept: the id, sync columns, the
# references (a purge and the conflict store find rows by them) and the non-null codes,
# dates and numbers the schema requires. Vault migration 0007's triggers clear the same
# columns on every other write path; a test keeps the two equal. Not cleared: the audit
# (names fields, never values) and the colleague directory the server keeps.
UNSCRUBBED = frozenset({"audit_entry", "coach"})


def _scrubbed(entity: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, spec in p.ENTITY_FIELDS[entity].items():
        kind, nullable = p.field_kind(spec)
        if kind == "ref":
            continue
        if nullable:
            out[name] = None
        elif kind.startswith("str") or kind == "text":
            out[name] = ""
    return out


TOMBSTONE_SCRUB: dict[str, dict[str, Any]] = {
    entity: cleared
    for entity in p.ENTITY_FIELDS
    if entity not in UNSCRUBBED and (cleared := _scrubbed(entity))
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


# --- the outbox ----------------------------------------------------------------------


def acked_through(conn: sa.Connection) -> int:
    """The last outbox sequence number the server has acknowledged and that is still in
    the outbox (0: none; see ``S_ACKED``)."""
    cursor = driver_cursor(conn)
    row = cursor.execute(f"SELECT value FROM {_SETTING} WHERE key = ?", (S_ACKED,)).fetchone()
    return int(row[0]) if row is not None else 0


def acknowledge(conn: sa.Connection, max_seq: int) -> None:
    """The server has the batch built up to ``max_seq``: its outbox entries are done (in
    the transaction of its results; ``sweep_outbox`` deletes them)."""
    driver_cursor(conn).execute(
        f"INSERT OR REPLACE INTO {_SETTING} (key, value) VALUES (?, ?)", (S_ACKED, str(max_seq))
    )


def sweep_outbox(conn: sa.Connection, through: int | None = None) -> None:
    """Delete the acknowledged outbox entries, all at once (``through``: ``S_ACKED`` as
    the caller read it; None: read it here)."""
    through = acked_through(conn) if through is None else through
    if through:
        cursor = driver_cursor(conn)
        rest = cursor.execute(f"SELECT 1 FROM {_OUTBOX} WHERE seq > ? LIMIT 1", (through,))
        if rest.fetchone() is None:
            # All of it (the end of a push): a DELETE without WHERE on a table without
            # triggers is SQLite's truncate, which frees the table's and its index's
            # pages whole instead of taking out row after row (the end of a 10k first
            # push: 1.0 -> 0.14 s of CPU). Sequence numbers start again at 1 either way.
            # Its freed pages are not zeroed (see ``secure_delete_off``).
            with secure_delete_off(cursor):
                cursor.execute(f"DELETE FROM {_OUTBOX}")
        else:
            with page_cache(cursor):
                cursor.execute(f"DELETE FROM {_OUTBOX} WHERE seq <= ?", (through,))
        cursor.execute(f"DELETE FROM {_SETTING} WHERE key = ?", (S_ACKED,))


# The outbox emptied whole at the end of a push (``sweep_outbox``) may leave its freed
# pages as they are, where the vault's ``secure_delete`` zeroes every freed page: an
# outbox entry holds a record's entity and id, the op and the names of the fields it
# changed, never a value, and all of it is still in the vault's live pages when it is
# swept (the records themselves; the audit keeps entity, id and field names of every
# edit, also after a purge). A purge deletes a candidate's outbox entries row by row,
# zeroed. Zeroing them cost a 10k first push 13,600 pages read, then written to the WAL
# encrypted and copied to the database: 0.5 s of the client's ~7.5 s of CPU.


@contextmanager
def secure_delete_off(cursor: Any) -> Iterator[None]:
    """``cursor``'s connection with ``secure_delete`` off meanwhile, then as it was (for
    pages freed that hold nothing ``secure_delete`` is for: the outbox, above)."""
    before = int(cursor.execute("PRAGMA secure_delete").fetchone()[0])
    if not before:
        yield
        return
    cursor.execute("PRAGMA secure_delete = 0").fetchall()
    try:
        yield
    finally:
        cursor.execute(f"PRAGMA secure_delete = {before:d}").fetchall()


# The page cache of a connection while it works through a whole push (KiB, as SQLite's
# negative cache_size). The vault's default (2 MiB) holds a sliver of a big vault's
# indexes: every lookup by a record's id (a uuid: anywhere in its index) read and
# decrypted a page again, and a deletion of 391k outbox entries wrote its index pages out
# and read them back over and over (10k first push: 5.9 s of CPU, 1.4 s with this cache).
# Only pages in use take memory; the cache shrinks back when the work is done.
RUN_CACHE_KIB = 64 * 1024

# The page cache of the connection ``run()`` holds while it pushes (``Syncer.begin`` to
# the push's end, where the outbox is swept): big enough that no page a push reads is
# read and decrypted twice. A first push reads each record once (its batch) and the
# outbox twice: its entries to build the batches, then all of its pages again for the
# truncate that empties it at the end (``sweep_outbox``: SQLite reads every page it
# frees), by when the run's cache (RUN_CACHE_KIB) had long dropped them (10k first push:
# 12,900 pages read and decrypted again, ~7 % of the client's instructions). Only pages
# read take memory: a push of a few records, or of a vault the size of a coach's
# caseload (a few MiB), takes no more than before; a 10k vault's first push ~150 MiB
# more, given back when the push is done (``Syncer._apply``).
PUSH_CACHE_KIB = 256 * 1024


@contextmanager
def page_cache(cursor: Any, kib: int = RUN_CACHE_KIB) -> Iterator[None]:
    """``cursor``'s connection with a page cache of at least ``kib`` KiB meanwhile."""
    before = int(cursor.execute("PRAGMA cache_size").fetchone()[0])
    if (-before if before < 0 else before * 4) >= kib:  # KiB, or pages of 4 KiB
        yield
        return
    cursor.execute(f"PRAGMA cache_size = {-kib:d}")
    try:
        yield
    finally:
        cursor.execute(f"PRAGMA cache_size = {before:d}")


def pending_count(conn: sa.Connection) -> int:
    """How many outbox entries the server has not acknowledged: what the coach is told is
    not yet synchronised (acknowledged entries wait for ``sweep_outbox`` while a run goes
    on, or until the next run after one that stopped early)."""
    probe = f"SELECT count(*) FROM {_OUTBOX} WHERE seq > ?"
    return int(driver_cursor(conn).execute(probe, (acked_through(conn),)).fetchone()[0])


def has_outbox(conn: sa.Connection, acked: int = 0) -> bool:
    """Whether the outbox holds an entry the server has not acknowledged."""
    probe = f"SELECT 1 FROM {_OUTBOX} WHERE seq > ? LIMIT 1"
    return driver_cursor(conn).execute(probe, (acked,)).fetchone() is not None


# --- building a batch ----------------------------------------------------------------


def build_batch(
    conn: sa.Connection,
    limit: int = p.MAX_BATCH,
    *,
    after: int = 0,
    max_bytes: int | None = None,
) -> dict[str, Any] | None:
    """The next push batch from the outbox: at most ``limit`` records, several edits of
    one record folded into one change with the current values of every named field.
    ``after``: only outbox entries past that sequence number (the batch after one still
    in the outbox, built while it is on the wire). ``max_bytes``: at most that many bytes
    of changes as JSON (the server's body limit), fewer records when they are large;
    one record always goes, whatever its size. Entries acknowledged but not yet deleted
    (``S_ACKED``) are done: never sent again."""
    after = max(after, acked_through(conn))
    groups, max_seq = _outbox_groups(conn, limit, after)
    if not groups:
        return None
    keys, pieces = _change_pieces(conn, groups)
    size = len(pieces.joined) if isinstance(pieces, Joined) else sum(map(len, pieces))
    if max_bytes is not None and pieces and size + len(pieces) - 1 > max_bytes:
        fit = _records_that_fit(groups, keys, pieces, max_bytes)
        groups, max_seq = _outbox_groups(conn, fit, after)
        keys, pieces = _change_pieces(conn, groups)
    batch_id = str(uuid.uuid4())
    changes = Changes(keys, pieces)
    built = Built({"batch": {"batch_id": batch_id, "changes": changes}, "max_seq": max_seq})
    # The changes' JSON as SQLite joined them (one run of a table), else joined here;
    # the batch's head and tail are kept beside it, not copied around it (``Built``).
    built.head = b'{"batch_id":"' + batch_id.encode() + b'","changes":['
    built.joined = pieces.joined if isinstance(pieces, Joined) else b",".join(pieces)
    return built


# A change's JSON (a piece of a built batch) into plain data, as pydantic-core's
# ``from_json`` gives it, by msgspec at about half its cost (a first push reads the
# change of each of its ~19,000 refusals back).
_decode_json = msgspec.json.Decoder().decode


class Changes(Sequence[dict[str, Any]]):
    """A built batch's changes (``build_batch``): each change's entity and id at hand,
    its dict parsed from its JSON only when it is read. The engine and ``apply_results``
    need the ids of every change of a batch, and the whole change only of the few the
    server did not simply take (a conflict, a refusal, a record changed again since):
    parsing every change of every batch back into Python values (``from_json`` of the
    600 KB a batch of 2,000 demo records is) was a tenth of a first push's client CPU.

    Not a list: written to JSON only as ``Built.wire`` (json.dumps and pydantic-core
    refuse it rather than write something else); ``list(changes)`` gives the dicts."""

    __slots__ = ("_keys", "_parsed", "_pieces")

    def __init__(self, keys: list[tuple[str, str]], pieces: Sequence[bytes]) -> None:
        self._keys = keys  # (entity, id) of each change, in batch order
        self._pieces = pieces  # each change's JSON, as sent
        self._parsed: dict[int, dict[str, Any]] = {}

    def __len__(self) -> int:
        return len(self._keys)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self._keys)
        change = self._parsed.get(index)
        if change is None:
            change = self._parsed[index] = _decode_json(self._pieces[index])
        return change

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self[i] for i in range(len(self._keys)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Changes):
            return list(self._pieces) == list(other._pieces)
        return isinstance(other, list) and list(self) == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Changes({len(self._keys)})"

    @property
    def entity_ids(self) -> list[tuple[str, str]]:
        """(entity, id) of each change, in batch order (nothing parsed)."""
        return self._keys


def change_keys(changes: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
    """(entity, id) of each of a batch's changes: a built batch's without parsing them
    (``Changes``), a stored one's from its dicts."""
    if isinstance(changes, Changes):
        return changes.entity_ids
    return [(c["entity"], c["id"]) for c in changes]


def change_ids(batch: dict[str, Any]) -> set[str]:
    """The ids of the records a batch (``{"batch": ..., "max_seq"}``) changes."""
    return set(each_change_id(batch))


def each_change_id(batch: dict[str, Any]) -> Iterator[str]:
    """The ids of ``batch``'s changes, one by one (for ``set.isdisjoint``: no second
    set of a batch's 2,000 ids made to be compared with one)."""
    return map(_SECOND, change_keys(batch["batch"]["changes"]))


class Built(dict[str, Any]):
    """A batch as ``build_batch`` made it, with the JSON of its ``"batch"`` (``wire``)
    written once: measured against the server's body limit, stored until it is answered
    (``batch_text``) and sent (``request_body``) as those very bytes. Before, each of the
    three wrote the batch again: a first push's 39k changes were 60 MiB of JSON written
    for 20 MiB sent.

    Kept in two parts: the changes' JSON (``joined``: the buffer SQLite wrote, 0.5-1 MB
    for 2,000 changes) and the few bytes before it (``head``); the whole (``wire``) is
    put together only where plain JSON is wanted (a server or vault without zstd).
    Packed, the changes are one zstd frame between raw frames of what goes around them
    (``stored_batch``, ``request_body``). Before, the batch's JSON was copied whole once
    more as it was built (10k first push: 197 copies of ~1 MB, ~1 % of the client's
    instructions; bench/SYNC.md, round 17)."""

    head: bytes  # ``{"batch_id":"…","changes":[``
    joined: bytes  # the changes' JSON, separated by commas
    tail = b"]}"
    packed: bytes | None = None  # ``joined`` as a zstd frame, once made (``packed_wire``)

    @property
    def wire(self) -> bytes:
        """The batch's JSON (``{"batch_id": …, "changes": […]}``), put together."""
        return b"".join((self.head, self.joined, self.tail))


def batch_text(batch: dict[str, Any]) -> str:
    """A batch as JSON (``json.loads`` gives it back): written by pydantic-core, 2-3x as
    fast as ``json.dumps`` for the same value (a tenth of a first push's CPU was
    ``json.dumps`` of its batches); a batch ``build_batch`` made is not written again
    (``Built``)."""
    if not isinstance(batch, Built):
        return pydantic_core.to_json(batch).decode()
    tail = batch.tail + b',"max_seq":%d}' % batch["max_seq"]
    return b"".join((b'{"batch":', batch.head, batch.joined, tail)).decode()


# A stored batch (``stored_batch``) packed by zstd starts with its frame's magic number;
# JSON text (as every vault stored it before) never does.
_ZSTD_MAGIC = encoding.ZSTD_MAGIC
# zstd's level for a batch, packed once for the vault and the wire (``packed_wire``):
# on a first push's batches level 1 packs as small as 3 in two thirds of the time
# (914 KiB of JSON: 1.16 against 1.72 ms, 97 KiB either way; bench/SYNC.md, round 8).
_PACK_LEVEL = 1
_packer = threading.local()  # a compressor per thread: made, one costs 100+ us


def packed_wire(batch: dict[str, Any]) -> bytes | None:
    """A built batch's changes (``Built.joined``) as one zstd frame, made once: the
    vault keeps it (``stored_batch``) and the request carries it (``request_body``),
    each between raw frames of the JSON around it. Before, the batch was packed for the
    vault (level 1) and the request packed again by the transport (level 3). None: not
    a built batch, or zstd not installed."""
    if not isinstance(batch, Built) or encoding.zstandard is None:
        return None
    packed = batch.packed
    if packed is None:
        compressor = getattr(_packer, "zstd", None)
        if compressor is None:
            compressor = _packer.zstd = encoding.zstandard.ZstdCompressor(level=_PACK_LEVEL)
        packed = batch.packed = bytes(compressor.compress(batch.joined))
    return packed


def stored_batch(batch: dict[str, Any]) -> str | bytes:
    """A batch as the vault keeps it until it is answered (``S_PENDING``, and the one
    behind it): its JSON packed by zstd. A first push stores every batch once and moves
    it once (from the key of the batch behind to the pending one's): at 600 KB a batch,
    both rewrote some 300 pages of the vault, each encrypted at commit, a tenth of the
    push's CPU on the client; packed, a tenth of that, for 0.6 ms. A built batch is the
    frame the request carries (``packed_wire``) between two raw frames of the JSON
    around it. Plain JSON text where zstd is not installed. ``load_batch`` reads each."""
    if encoding.zstandard is None:
        return batch_text(batch)
    packed = packed_wire(batch)
    if packed is None:
        text = pydantic_core.to_json(batch)
        return bytes(encoding.zstandard.ZstdCompressor(level=_PACK_LEVEL).compress(text))
    assert isinstance(batch, Built)  # (``packed_wire`` packs nothing else)
    head = b'{"batch":' + batch.head
    tail = batch.tail + b',"max_seq":%d}' % batch["max_seq"]
    return encoding.raw_frame(head) + packed + encoding.raw_frame(tail)


def load_batch(value: str | bytes) -> dict[str, Any]:
    """A batch as ``stored_batch`` (or a vault before it: one zstd frame, or JSON text)
    stored it."""
    if isinstance(value, bytes) and value.startswith(_ZSTD_MAGIC):
        if encoding.zstandard is None:  # pragma: no cover - packed where zstd was
            raise RuntimeError("zstandard is needed to read this vault's pending batch")
        reader = encoding.zstandard.ZstdDecompressor().stream_reader(
            io.BytesIO(value), read_across_frames=True
        )
        with reader:
            value = reader.readall()
    loaded: dict[str, Any] = json.loads(value)
    return loaded


def request_body(cursor: str | None, limit: int, batch: dict[str, Any] | None) -> bytes | None:
    """The JSON of a sync request (``{"cursor", "limit", "batch"}``) carrying ``batch``
    as the bytes ``build_batch`` wrote, with its zstd form (``encoding.Packed``): the
    changes' frame as the vault keeps it (``packed_wire``) between raw frames of the
    request's head and tail, for a server that takes zstd. None: ``batch`` has none (a batch read
    back from the vault after a crash: the transport writes that request itself)."""
    if not isinstance(batch, Built):
        return None
    head = b'{"cursor":' + pydantic_core.to_json(cursor) + b',"limit":%d,"batch":' % limit
    head += batch.head
    tail = batch.tail + b"}"
    body = encoding.Packed(b"".join((head, batch.joined, tail)))  # one copy of the changes
    packed = packed_wire(batch)
    if packed is not None:
        body.zstd = encoding.raw_frame(head) + packed + encoding.raw_frame(tail)
    return body


# What a record's outbox entries ask to send (``_outbox_groups``): its delete, every
# field (an insert, or an update that named none), or the named fields (a set of them).
_DELETE = 2
_ALL = 1
Group = int | set[str]
_FIRST, _SECOND, _THIRD, _FOURTH = (itemgetter(i) for i in range(4))


def _outbox_groups(
    conn: sa.Connection, limit: int, after: int
) -> tuple[dict[tuple[str, str], Group], int]:
    """The outbox entries past ``after`` of the first ``limit`` records, grouped by
    record in the order of their first entry (``Group``: a delete beats every field,
    which beats some); the last entry's sequence number. Most entries are a record's
    only one (an insert): its group is a constant, no set or dict made for it.

    The first ``limit`` entries are read as one row (``_outbox_head``); when each is
    an insert of a record of its own (a first push: every entry), they are the first
    ``limit`` groups as they are, made by C loops (``dict.fromkeys``) instead of a
    Python step per entry. The entries after them go through the step per entry as
    before: those of records already taken fold into their groups, the first of
    another record ends the batch. Else every entry goes through it."""
    groups: dict[tuple[str, str], Group] = {}
    max_seq = 0
    cursor = driver_cursor(conn)
    get = groups.get
    try:
        head = _outbox_head(cursor, limit, after) if limit > 0 else None
        if head is not None:
            groups, max_seq = head
            get = groups.get
            after = max_seq
        # What each entry asks is decided by SQLite: _DELETE, _ALL, or the named fields
        # (JSON text); no string made per entry for its op.
        rows = cursor.execute(
            f"SELECT seq, entity, record_id, CASE WHEN op = 'delete' THEN {_DELETE} "
            f"WHEN op = 'insert' OR fields IS NULL THEN {_ALL} ELSE fields END "
            f"FROM {_OUTBOX} WHERE seq > ? ORDER BY seq",
            (after,),
        )
        for seq, entity, rid, asks in rows:
            key = (entity, rid)
            g = get(key)
            state: Group = asks if type(asks) is int else set(json.loads(asks))
            if g is None:
                if len(groups) >= limit:
                    break
                groups[key] = state
            elif isinstance(g, set) and isinstance(state, set):
                g.update(state)  # both name fields
            elif g != _DELETE and (isinstance(g, set) or state == _DELETE):
                groups[key] = state  # a delete beats every field, which beats some
            max_seq = seq
    finally:
        cursor.close()
    return groups, max_seq


# ``_outbox_head``'s statement: the first entries past a sequence number, at most a
# number of them, as one row. Each aggregate takes the rows in the subquery's order (a
# co-routine of the outbox's rowid order: no ORDER BY inside an aggregate, which has
# SQLite sort the rows again for each; see ``_joined_run``).
_HEAD_SQL = (
    "SELECT max(seq), total(whole), group_concat(record_id, ','), group_concat(entity, ',') "
    "FROM (SELECT seq, entity, record_id, "
    "op != 'delete' AND (op = 'insert' OR fields IS NULL) AS whole "
    f"FROM {_OUTBOX} WHERE seq > ? ORDER BY seq LIMIT ?)"
)


def _outbox_head(
    cursor: Any, limit: int, after: int
) -> tuple[dict[tuple[str, str], Group], int] | None:
    """The first ``limit`` outbox entries past ``after`` when each asks for every field
    of a record of its own (an insert: a first push's every entry): their records'
    groups (``_ALL`` each, by (entity, id), in order) and the last one's sequence
    number. None when any asks for less or for a delete, two name one record, or there
    is none (``_outbox_groups`` steps through the entries then).

    Read as one row (the ids and entities joined by SQLite, split by ``str.split``):
    not a row of four values to the driver for each entry (10k first push: 391k rows,
    ~0.6 s of the client's CPU building batches, a tenth of it)."""
    last, whole, ids, entities = cursor.execute(_HEAD_SQL, (after, limit)).fetchone()
    if last is None:
        return None
    rids = ids.split(",")
    kinds = entities.split(",")
    n = len(rids)
    if whole != n or len(kinds) != n:  # len(kinds): a comma in an id
        return None
    groups: dict[tuple[str, str], Group] = dict.fromkeys(zip(kinds, rids, strict=True), _ALL)
    if len(groups) != n:
        return None  # a record with two entries among them
    return groups, int(last)


def _records_that_fit(
    groups: dict[tuple[str, str], Group],
    keys: list[tuple[str, str]],
    pieces: Sequence[bytes],
    max_bytes: int,
) -> int:
    """How many of ``groups`` (from the first) have their changes (``pieces``, as JSON)
    within ``max_bytes`` (commas included); at least one. A group without a change (a
    record not synced) counts as nothing."""
    order = {key: i for i, key in enumerate(groups)}
    used = 0
    for key, piece in zip(keys, pieces, strict=True):
        used += len(piece) + 1
        if used > max_bytes:
            return max(1, order[key])
    return len(groups)


def _change_pieces(
    conn: sa.Connection, groups: dict[tuple[str, str], Group]
) -> tuple[list[tuple[str, str]], Sequence[bytes]]:
    """The change of each group (in order) as its JSON, and the group's key beside it
    (two lists, in step); groups of records that are not synced have none.

    A new record, or one whose every field goes, is written by SQLite itself
    (``_Shape.select_wire``: each column as its wire value, then the change around it):
    a first push is almost only such changes, and building each as Python values and
    writing them out cost half of the client's CPU of a first push. A delete and a
    change of some fields are made from it here."""
    by_entity: dict[str, list[str]] = {}
    for entity, run in groupby(groups, _FIRST):
        if entity not in p.SERVER_OWNED and entity in TABLES:
            by_entity.setdefault(entity, []).extend(map(_SECOND, run))
    cursor = driver_cursor(conn)
    if len(by_entity) == 1:
        entity, ids = next(iter(by_entity.items()))
        if (
            len(ids) == len(groups) > 1
            and list(groups.values()).count(_ALL) == len(groups)
            and ids == sorted(ids)
        ):
            joined = _joined_run(cursor, _shape(conn, entity), ids)
            if joined is not None:
                return list(groups), joined
    # The current rows: (id, server_rev, deleted, the change of every field as JSON).
    current: dict[str, Any] = {}
    for entity, ids in by_entity.items():
        current.update(_wire_rows(cursor, _shape(conn, entity), ids))
    rows: list[Any] = list(map(current.get, map(_SECOND, groups)))
    if (
        None not in rows
        and not any(map(_THIRD, rows))  # none deleted
        and list(groups.values()).count(_ALL) == len(groups)
    ):
        # Every group a new record (or every field of one) that is here: the common
        # case (a first push), each change as SQLite wrote it, taken by C loops.
        return list(groups), list(map(_FOURTH, rows))
    keys: list[tuple[str, str]] = []
    pieces: list[bytes] = []
    key_to, piece_to = keys.append, pieces.append
    for key, g in groups.items():
        row = current.get(key[1])
        if g == _ALL and row is not None and not row[2]:
            key_to(key)  # a new record, every field
            piece_to(row[3])
            continue
        entity, rid = key
        if entity not in by_entity:
            continue
        if row is None or g == _DELETE or row[2]:
            base = row[1] if row is not None else None
            delete = {"entity": entity, "id": rid, "op": "delete", "base_rev": base}
            key_to(key)
            piece_to(pydantic_core.to_json(delete))
            continue
        change = pydantic_core.from_json(row[3])
        every = change["fields"]
        fields = {n: every[n] for n in sorted(g) if n in every}  # type: ignore[arg-type]
        if not fields:
            continue
        change["fields"] = fields
        key_to(key)
        piece_to(pydantic_core.to_json(change))
    return keys, pieces


class Joined(Sequence[bytes]):
    """A batch's changes as SQLite joined them (``_joined_run``): one buffer, the changes
    separated by commas, each found by its place in it (a piece is cut out only when
    it is read: a refusal, a conflict)."""

    __slots__ = ("_ends", "_starts", "joined")

    def __init__(self, joined: bytes, lengths: list[int]) -> None:
        self.joined = joined
        ends = list(accumulate(map(add, lengths, repeat(1))))  # each end and its comma
        self._starts = [0, *ends[:-1]]
        self._ends = list(map(sub, ends, repeat(1)))

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> bytes: ...

    @overload
    def __getitem__(self, index: slice) -> list[bytes]: ...

    def __getitem__(self, index: int | slice) -> bytes | list[bytes]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self.joined[self._starts[index] : self._ends[index]]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


_JOINED_SQL: dict[str, str] = {}  # table -> ``_joined_run``'s statement


def _joined_run(cursor: Any, shape: _Shape, ids: list[str]) -> Joined | None:
    """The changes of ``ids`` (one entity's new records, ascending: a first push's batch
    of one table) as SQLite writes them (``_Shape.select_wire``), joined by SQLite into
    one buffer, read by one range of the id index: one row to the driver instead of a
    row per record (a step, four columns, a tuple each: 2,000 rows 3.5 -> 2.1 ms).
    None when the range holds any other record, or a record here is deleted: the
    caller goes row by row."""
    sql = _JOINED_SQL.get(shape.table)
    if sql is None:
        head = "SELECT id, server_rev, deleted, "
        tail = f" FROM {shape.table} WHERE id {IN_IDS}"
        assert shape.select_wire.startswith(head) and shape.select_wire.endswith(tail)
        piece = shape.select_wire[len(head) : -len(tail)]
        # No ORDER BY inside the aggregates: SQLite sorts for each one that has it
        # (three sorts of the batch: more than the rows one by one cost). The three
        # take the rows in one and the same order, that of the range; the ids, in
        # their order, must be the batch's, so pieces and lengths are in it too.
        sql = _JOINED_SQL[shape.table] = (
            "SELECT json_group_array(id), max(deleted), json_group_array(octet_length(piece)), "
            "CAST(group_concat(piece, ',') AS BLOB) "
            f"FROM (SELECT id, deleted, {piece} AS piece FROM {shape.table} "
            "WHERE id BETWEEN ? AND ? ORDER BY id LIMIT ?)"
        )
    found, deleted, lengths, joined = cursor.execute(sql, (ids[0], ids[-1], len(ids))).fetchone()
    # The ids found as SQLite wrote their JSON array, against the batch's written the
    # same way (compact, UTF-8): the same text is the same ids in the same order (an id
    # that the two would escape differently only sends the batch row by row). Not 2,000
    # strings parsed back to compare them.
    if deleted or found is None or found != json_text(ids):
        return None
    run = Joined(joined, pydantic_core.from_json(lengths))
    if len(joined) != run._ends[-1]:  # pragma: no cover - a piece with a NUL, say
        return None
    return run


# A batch's rows of one entity read by a range of ids when its ids ascend (``_wire_rows``),
# at most this many rows past their number.
_RANGE_SLACK = 64
_RANGE_SQL: dict[str, str] = {}  # entity -> ``select_wire`` by a range of ids


def _wire_rows(cursor: Any, shape: _Shape, ids: list[str]) -> dict[str, tuple[Any, ...]]:
    """The rows here of ``ids`` (one entity's) as ``_Shape.select_wire`` reads them, by
    id. Ids in ascending order (a first push: time-ordered ids, in the order they were
    made, as the outbox lists them) are read by one range of the id index, in its
    order, at most ``_RANGE_SLACK`` rows past their number: each row found by the step
    to the next entry of the index instead of a search of it for each id of a JSON
    array, and no temporary index of the array (10k first push: 2.3 -> 1.7 us a row).
    Rows in the range that are not asked for are left out; asked ones past the limit
    (other records between them) are read by id, as are ids in any other order."""
    found: dict[str, tuple[Any, ...]] = {}
    rest = ids
    if len(ids) > 1 and ids == sorted(ids):
        sql = _RANGE_SQL.get(shape.table)
        if sql is None:
            where = f"WHERE id {IN_IDS}"
            assert shape.select_wire.endswith(where)
            sql = _RANGE_SQL[shape.table] = (
                shape.select_wire[: -len(where)] + "WHERE id BETWEEN ? AND ? ORDER BY id LIMIT ?"
            )
        rows = cursor.execute(sql, (ids[0], ids[-1], len(ids) + _RANGE_SLACK)).fetchall()
        if list(map(_FIRST, rows)) == ids:
            return dict(zip(ids, rows, strict=True))
        found = dict(zip(map(_FIRST, rows), rows, strict=True))
        rest = [rid for rid in ids if rid not in found]
        found = {rid: found[rid] for rid in ids if rid in found}
        if not rest:
            return found
    rows = cursor.execute(shape.select_wire, (json_text(rest),)).fetchall()
    found.update(zip(map(_FIRST, rows), rows, strict=True))
    return found


# --- applying results and pages ------------------------------------------------------


class OutboxRead(NamedTuple):
    """What a run read of the outbox when it started (``read_outbox``): the records
    with more than one entry not yet acknowledged, and the vault's ``PRAGMA
    data_version`` then (another connection's commit changes it; the run's own do not)."""

    repeated: frozenset[str]
    version: int


def read_outbox(conn: sa.Connection) -> OutboxRead:
    """The records with more than one outbox entry past ``S_ACKED`` (one scan of the
    outbox's index on ``record_id``: 10k first push, 391k entries, 55-110 ms).

    While no other connection writes to the vault (``OutboxRead.version``), a record of
    an answered batch that is not among them has no entry past its batch: its one entry
    went in that batch (a batch takes every entry of its records up to its last, and
    the run adds none). So the answer's check for records changed since their batch
    (``_pending_fields``) asks the outbox about those few only, not about every record
    of every batch (2,000 lookups in the ``record_id`` index a batch: 1 us a pushed
    record)."""
    cursor = driver_cursor(conn)
    version = int(cursor.execute("PRAGMA data_version").fetchone()[0])
    rows = cursor.execute(
        f"SELECT record_id FROM {_OUTBOX} WHERE seq > ? GROUP BY record_id HAVING count(*) > 1",
        (acked_through(conn),),
    )
    return OutboxRead(frozenset(rid for (rid,) in rows), version)


def _pending_fields(
    conn: sa.Connection, ids: list[str], repeated: frozenset[str] | None = None
) -> dict[str, set[str] | None]:
    """Those of ``ids`` with local changes not yet pushed: their changed fields (None:
    all). Asked per page for the page's ids: reading the whole outbox for every page made
    a first push of a big vault quadratic. An empty outbox (a device that only pulls, a
    first pull) is one step of SQLite's. Entries acknowledged (``S_ACKED``) are done.
    ``repeated``: only these can have any (``read_outbox``), the others are not asked."""
    if repeated is not None:
        ids = [rid for rid in ids if rid in repeated]
        if not ids:
            return {}
    acked = acked_through(conn)
    if not has_outbox(conn, acked):
        return {}
    rows = (
        driver_cursor(conn)
        .execute(
            f"SELECT record_id, op, fields FROM {_OUTBOX} "
            f"WHERE record_id {IN_IDS} AND seq > ? ORDER BY seq",
            (json_text(ids), acked),
        )
        .fetchall()
    )
    out: dict[str, set[str] | None] = {}
    for rid, op, fields in rows:
        if op != "update" or fields is None:
            out[rid] = None
        elif rid not in out or out[rid] is not None:
            prev = out.get(rid) or set()
            out[rid] = prev | set(json.loads(fields))
    return out


_REFUSED = {"gone": "deleted", "rejected": "rejected", "forbidden": "forbidden"}


def _builds_on_push(change: dict[str, Any], pending: set[str] | None) -> bool:
    """Whether a record changed again after its batch was built (the batch waited: the
    laptop was offline, or the server asked for an update) may take the revision that
    batch made as its base: only when she changed nothing but fields the batch carried
    (all of them, for a new record). Those the server took as they were ("applied": no
    one else had changed them), so the edit builds on her own push; sent with the older
    base it would meet that push as a colleague's conflict. Any other field keeps the
    older base, so a colleague's change of it since still meets hers as a conflict."""
    if pending is None or change["op"] != "upsert":
        return False
    pushed: dict[str, Any] = change.get("fields", {})
    return pending <= pushed.keys()


class _Found(NamedTuple):
    """A conflict to record: what the coach sent and what the server kept (a tuple: a
    first push records some 19,000, and a frozen dataclass's ``__init__`` sets each
    field through ``object.__setattr__``)."""

    change: dict[str, Any]
    kind: str
    field: str | None
    local: Any
    theirs: Any
    rev: int | None


class Recorded(NamedTuple):
    """What an answer to a batch left for the coach: new conflicts (a field both sides
    changed, an edit of what was deleted elsewhere) and records the server refused."""

    conflicts: int
    refused: int


_RESULT_ID = attrgetter("id")
_RESULT_STATUS = attrgetter("status")
_RESULT_REV = attrgetter("rev")
_RESULT_CONFLICTS = attrgetter("conflicts")


def _plain_revs(
    keys: list[tuple[str, str]],
    ids: list[str],
    results: list[WireResult],
    pending: dict[str, set[str] | None],
) -> tuple[dict[str, dict[str, int]], list[WireResult]]:
    """The revisions of the changes the server applied as sent (status "applied", a
    revision, no conflicts), by entity, and the other results (conflicts, refusals, an
    applied change without a revision: ``apply_results`` goes through those one by
    one, where such a result does exactly what it does here).

    Taken by C loops (``map``, ``compress``) when the answer lists its results in the
    batch's order, as the server writes them: a first push's 391k results, nearly all
    such, went through a Python step each (~0.3 s of the client's CPU at 10k). A
    record with changes since its batch (``pending``) goes the one-by-one way, as does
    every result of an answer in any other order.

    Only calls that take no Python object of their own per result: ``operator.eq``
    with ``repeat``, ``attrgetter``; not a bound ``__eq__`` (a method-wrapper: an
    argument tuple made for each call) or a ``methodcaller`` (the method looked up and
    bound for each): those were 4,500 instructions a result, a batch of 2,000 results
    9 M (10k first push: ~1.7 G, 4 % of the client's)."""
    n = len(results)
    if n == 0 or list(map(_RESULT_ID, results)) != ids:
        return {}, results
    statuses = list(map(_RESULT_STATUS, results))
    rev_list = list(map(_RESULT_REV, results))
    ok: list[bool] | None = None  # None: every one
    if (
        pending
        or statuses.count("applied") != n
        or None in rev_list
        or any(map(_RESULT_CONFLICTS, results))
    ):
        applied = map(eq, statuses, repeat("applied"))
        with_rev = map(is_not, rev_list, repeat(None))
        alone = map(not_, map(_RESULT_CONFLICTS, results))
        ok = list(map(and_, map(and_, applied, with_rev), alone))
        if pending:
            ok = [o and rid not in pending for o, rid in zip(ok, ids, strict=True)]
    entities = list(map(_FIRST, keys))
    revs: dict[str, dict[str, int]] = {}
    kinds = dict.fromkeys(entities)
    for entity in kinds:
        if len(kinds) == 1:
            mask = ok
        else:
            same = map(eq, entities, repeat(entity))
            mask = list(same if ok is None else map(and_, ok, same))
        pairs = zip(ids, rev_list, strict=True)
        acked = dict(pairs if mask is None else compress(pairs, mask))
        if acked:
            revs[entity] = acked
    if ok is None or ok.count(True) == n:
        return revs, []
    return revs, list(compress(results, map(not_, ok)))


def apply_results(
    conn: sa.Connection,
    batch: dict[str, Any],
    result: PushAnswer | p.PushResult,
    *,
    repeated: frozenset[str] | None = None,
) -> Recorded:
    """Record the server's answer to a batch; returns the new conflicts and refusals.
    ``repeated``: the only records that can have changed since their batch was built
    (``read_outbox``, while it holds); None: any can.

    The results are ``transport.WireResult`` (``read_answer``); a ``p.PushResult`` (a
    test's) is read as the server writes it. Either in the long form or the compact
    one (``p.HEADER_PUSH_ANSWER``: the changes applied as sent as runs of positions,
    ``_run_revs``), to the same effect; runs that do not fit the batch are no answer
    to it (``transport.MalformedAnswer``: nothing recorded). Acknowledged records get
    their server revision in one UPDATE per entity (only that column: no trigger
    re-indexes anything), conflicts in one INSERT, the server's versions of refused
    records as one page."""
    results = _wire_results(result) if isinstance(result, p.PushResult) else result.results
    applied = result.applied
    # A change's dict is read only where it is needed (a built batch parses it then:
    # ``Changes``): a conflict, a refusal, a record changed again since its batch.
    changes = batch["batch"]["changes"]
    keys = change_keys(changes)
    ids = list(map(_SECOND, keys))
    at = dict(zip(ids, count()))
    pending = _pending_fields(conn, ids, repeated)
    found: list[_Found] = []
    records: list[WireRecord] = []
    # Changes applied to records held here (``held.rebase``): looked for only when some
    # change is held (one probe of the empty table a batch otherwise).
    over_held: dict[str, tuple[int, dict[str, Any]]] | None = {} if held.any_held(conn) else None
    revs: dict[str, dict[str, int]] = {}
    if applied is not None:
        if not p.runs_fit(applied, len(ids), len(results)):
            from spt_desktop.sync.transport import MalformedAnswer

            raise MalformedAnswer()
        if over_held is None and len(at) == len(ids):
            revs, late = _run_revs(keys, ids, applied, at, pending)
            results = late + results if late else results
        else:  # every applied change looked at, one by one, in the batch's order
            results = _in_order(ids, applied, results)
    elif over_held is None:  # else every applied change is looked at, one by one
        revs, results = _plain_revs(keys, ids, results, pending)
    for res in results:
        rid = res.id
        i = at.get(rid)
        if i is None:
            continue
        entity = keys[i][0]
        status, rev = res.status, res.rev
        if (
            rev is not None
            and status in ("applied", "conflict")
            and (
                rid not in pending
                or (status == "applied" and _builds_on_push(changes[i], pending[rid]))
            )
        ):
            revs.setdefault(entity, {})[rid] = rev
            if over_held is not None and status == "applied":
                over_held[rid] = (rev, changes[i])
        conflicts = res.conflicts
        if not conflicts and status not in _REFUSED:
            continue
        change = changes[i]
        for c in conflicts:
            field, theirs = c.field, c.theirs
            found.append(_Found(change, "field", field, c.yours, theirs, rev))
            _take_theirs(conn, entity, rid, field, theirs)
        if status in _REFUSED:
            record = cast("WireRecord | None", res.record)
            if change["op"] == "upsert":
                # A deleted record's content is not kept, not even as "theirs".
                kept = record is not None and not record.get("deleted", False)
                theirs = record["data"] if kept and record is not None else None
                local = change.get("fields", {})
                found.append(_Found(change, _REFUSED[status], None, local, theirs, rev))
            if record is not None:
                records.append(record)
    apply_page(conn, records)
    if revs:
        cursor = driver_cursor(conn)
        for entity, acked in revs.items():
            # One statement per entity, the revisions as one JSON object by id: under
            # cipher_memory_security this costs a fraction of an executemany (see
            # IN_IDS); an object's members come out of json_each as key and value, where
            # [id, revision] pairs were parsed again by ``->>`` for each (2,000 rows:
            # 4.1 -> 2.7 ms). Vault migration 0004: a new revision fires no search trigger.
            table = _shape(conn, entity).table
            cursor.execute(
                f"UPDATE {table} SET server_rev = acked.value FROM json_each(?) AS acked "
                f"WHERE {table}.id = acked.key",
                (json_text(acked),),
            )
    if over_held:
        # The server's records of held ones her push changed: they come back to no one
        # (``held.rebase``), so they are made here, and applied (or held again).
        apply_page(conn, held.rebase(conn, over_held))
    _record_conflicts(conn, found)
    refused = sum(1 for f in found if f.kind in REFUSED_KINDS)
    return Recorded(len(found) - refused, refused)


def _run_revs(
    keys: list[tuple[str, str]],
    ids: list[str],
    applied: list[int],
    at: dict[str, int],
    pending: dict[str, set[str] | None],
) -> tuple[dict[str, dict[str, int]], list[WireResult]]:
    """``_plain_revs`` of a compact answer's runs (``p.PushResult.applied``, checked by
    ``p.runs_fit``; every id of the batch once): the revisions of the changes they
    stand for, by entity, and those of them whose records changed since their batch
    (``pending``) as their ``WireResult``, for ``apply_results`` to go through one by
    one (as ``_plain_revs`` leaves them). A run is a slice of the batch's ids beside a
    range of revisions, taken by C loops (``zip``, ``compress``): a first push's batch
    is one run of one to a few entities, where a long answer's 2,000 results were each
    read from JSON into a struct and gathered."""
    from spt_desktop.sync.transport import WireResult

    entities = list(map(_FIRST, keys))
    revs: dict[str, dict[str, int]] = {}
    for k in range(0, len(applied), p.APPLIED_RUNS):
        first, rev, n = applied[k : k + p.APPLIED_RUNS]
        run_ids = ids[first : first + n]
        kinds = entities[first : first + n]
        for entity in dict.fromkeys(kinds):
            pairs: Iterable[tuple[str, int]] = zip(run_ids, range(rev, rev + n), strict=True)
            if len(kinds) != kinds.count(entity):
                pairs = compress(pairs, map(eq, kinds, repeat(entity)))
            revs.setdefault(entity, {}).update(pairs)
    late: list[WireResult] = []
    for rid in pending:
        i = at.get(rid)
        acked = None if i is None else revs.get(keys[i][0])
        if acked is not None and rid in acked:
            late.append(WireResult(id=rid, status="applied", rev=acked.pop(rid)))
    return {entity: acked for entity, acked in revs.items() if acked}, late


def _in_order(ids: list[str], applied: list[int], results: list[WireResult]) -> list[WireResult]:
    """A compact answer's results in the long form (``p.expanded``), as ``WireResult``:
    the changes of its runs among the others, in the batch's order."""
    from spt_desktop.sync.transport import WireResult

    def make(rid: str, rev: int) -> WireResult:
        return WireResult(id=rid, status="applied", rev=rev)

    return p.in_batch_order(applied, results, ids, make)


def _wire_results(result: p.PushResult) -> list[WireResult]:
    """A ``p.PushResult``'s results as ``read_answer`` gives them."""
    from spt_desktop.sync.transport import WireResult

    dumped = result.model_dump(mode="json", exclude_defaults=True)["results"]
    return msgspec.convert(dumped, list[WireResult])


def _take_theirs(conn: sa.Connection, entity: str, rid: str, field: str, theirs: Any) -> None:
    """The server's value of a field both sides changed, into the row. One this version
    cannot store (a newer app's code) is left out: the record comes in the answer's page
    at its new revision, and is held there with the rest of it (``sync.held``)."""
    table = TABLES[entity]
    try:
        value = from_wire(entity, {field: theirs})[field]
        conn.execute(sa.update(table).where(table.c.id == rid).values({field: value}))
    except (ValueError, TypeError, OverflowError, sa.exc.StatementError) as exc:
        # A value SQLite refuses (a newer app's null in a NOT NULL column: ``refused``)
        # is left out the same way; the one UPDATE changed nothing.
        cause = exc.orig if isinstance(exc, sa.exc.StatementError) else exc
        if not isinstance(cause, ValueError | TypeError) and not refused(conn, exc):
            raise


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
    # One executemany on the driver: through SQLAlchemy's insert of a list of dicts each
    # row cost ~20 us (a first push records some 5 % of its records so: 1 us a record).
    # The values as JSON by msgspec (compact, UTF-8: what ``json.loads`` reads back the
    # same as ``json.dumps``'s text, at a fifth of its cost), the ids made together (one
    # read of the system's randomness): a first push's ~19,000 refusals were ~15 us of
    # the client's CPU each, a twentieth of it (issue 13, round 15).
    stamps = _conflict_stamps(conn, utcnow(), len(found))
    rows = [
        (
            cid,
            f.change["entity"],
            f.change["id"],
            candidate.get(f.change["id"]),
            f.kind,
            f.field,
            _json_value(f.local),
            "null" if f.theirs is None else _json_value(f.theirs),
            f.rev,
            stamp,
        )
        for f, stamp, cid in zip(found, stamps, uuid7s(len(found)), strict=True)
    ]
    driver_cursor(conn).executemany(_INSERT_CONFLICT, rows)


def _json_value(value: Any) -> str:
    """A conflict's value (read from JSON: a change of the batch, the server's answer)
    as the JSON text ``sync_conflict`` keeps, for ``json.loads``. A value msgspec
    cannot write goes to ``json.dumps``, which raises as it always did for one that is
    not JSON at all."""
    try:
        return _encode_json(value).decode()
    except (TypeError, ValueError, OverflowError):
        return json.dumps(value)


_encode_json = msgspec.json.Encoder().encode


_CONFLICT = SyncConflict.__table__
_INSERT_CONFLICT = (
    f"INSERT INTO {SyncConflict.__tablename__} (id, entity, record_id, candidate_id, kind, "
    "field, local_value, server_value, server_rev, detected_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _conflict_stamps(conn: sa.Connection, now: datetime, n: int) -> list[Any]:
    """``n`` values of ``detected_at`` a microsecond apart from ``now`` (Conflicten lists
    conflicts in the order found), as the column stores them. When no second is crossed
    they differ only in their last six digits, which are written here: the column's own
    processor (~2 us a value: a first push records some 20,000 refusals) writes the
    first, and it ends in ``now``'s microseconds; else each by the processor."""
    stamp = _conflict_stamp(conn)
    first = stamp(now)
    tail = f"{now.microsecond:06d}"
    if isinstance(first, str) and first.endswith(tail) and now.microsecond + n <= 1_000_000:
        head = first[: -len(tail)]
        return [f"{head}{us:06d}" for us in range(now.microsecond, now.microsecond + n)]
    return [stamp(now + timedelta(microseconds=i)) for i in range(n)]


def _conflict_stamp(conn: sa.Connection) -> Any:
    """``detected_at`` as its column stores it (the column type's own bind processor)."""
    dialect = conn.dialect
    column = _CONFLICT.c.detected_at
    bind = column.type.dialect_impl(dialect).bind_processor(dialect)
    return bind or (lambda value: value)


def wire_record(rec: p.Record) -> WireRecord:
    """A record model (a refused change's server version, a test's record) as a pulled
    page holds it."""
    return {
        "entity": rec.entity,
        "id": rec.id,
        "rev": rec.rev,
        "deleted": rec.deleted,
        "data": rec.data,
    }


def apply_page(
    conn: sa.Connection,
    records: Sequence[WireRecord | p.Record],
    *,
    bulk: bool = False,
    released: bool = False,
) -> int:
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

    ``bulk``: more pages of this pull follow on this connection (``engine.Syncer.run``):
    a table this page begins to fill from (nearly) nothing gets its value indexes built
    and its search documents put in once at the end of the pull (``_later_indexes``),
    and the page's inserts skip the scrub triggers (``_quiet_scrub``).

    ``released``: the records are those ``held.release`` took out (no release again).
    """
    if not records:
        return 0
    # A pulled page's records are plain data already (``transport.read_answer``).
    page = [r if isinstance(r, dict) else wire_record(r) for r in records]
    pending = _pending_fields(conn, [rec["id"] for rec in page])
    now = utcnow()
    plain: dict[str, dict[str, WireRecord]] = {}
    unstorable: list[WireRecord] = []  # held, not applied (``sync.held``)
    for rec in page:
        entity, rid = rec["entity"], rec["id"]
        if entity not in TABLES:
            continue
        if rid in pending:
            if not (rec.get("deleted") or _storable(conn, rec)):
                unstorable.append(rec)
                continue
            try:
                _apply_over_local(conn, rec, pending[rid], now)
            except Exception as exc:  # one statement: refused, it changed nothing
                if not refused(conn, exc):
                    raise
                unstorable.append(rec)
            continue
        # The same record twice in a page: the later one is the newer.
        by_id = plain.get(entity)
        if by_id is None:
            by_id = plain[entity] = {}
        by_id[rid] = rec
    # Tombstones without content (a server from migration 0005 on keeps none): they mark
    # the rows held here as deleted and bring no row of their own (there is nothing to
    # fill its columns with).
    tombs = {
        e: [r for r in recs.values() if r.get("deleted") and not r["data"]]
        for e, recs in plain.items()
    }
    for entity, gone in tombs.items():
        if gone:
            plain[entity] = {
                i: r for i, r in plain[entity].items() if r["data"] or not r.get("deleted")
            }
    cursor = driver_cursor(conn)

    def planned() -> list[tuple[_Shape, _Plan]]:
        return [
            (shape, _plan_rows(cursor, shape, recs, shape.stamp(now)))
            for entity, recs in plain.items()
            if recs
            for shape in (_shape(conn, entity),)
        ]

    try:
        plans = planned()
    except (ValueError, TypeError):
        # A value this version cannot store (a code of a newer app's): those records are
        # held, the rest of the page goes on (``sync.held``). Only a page that raised
        # is looked at record by record.
        held_back = _held_back(conn, plain)
        if not held_back:
            raise
        unstorable += held_back
        plans = planned()
    # Something is held (or is now): records of the page that name a held record the
    # vault lacks wait with it (``held.WAITS_FOR``). Otherwise nothing is looked at.
    holding = bool(unstorable) or held.any_held(conn)
    if holding and _waiting(conn, plain, unstorable):
        plans = planned()
    # Rows here whose indexed text is rewritten or deleted: each takes its words out of
    # the search index (sync.searchindex: many at once are cheaper in bulk).
    rewritten = sum(plan.reindexed for shape, plan in plans if shape.indexed)
    rewritten += sum(len(gone) for e, gone in tombs.items() if gone and _shape(conn, e).indexed)
    if bulk:
        _later_indexes(conn, plans)
        _quiet_scrub(conn, plans)
    # Search-indexed tables whose index triggers wait for the end of the pull
    # (``later_search``): their new rows go in by statements of sizes made once, as the
    # other tables' (``_insert_rows``).
    search_waits = _search_waiting(conn, plans)
    with removing(conn, rewritten):
        for entity, gone in tombs.items():
            if gone:
                table = TABLES[entity]
                conn.execute(
                    sa.update(table)
                    .where(table.c.id == sa.bindparam("rid"))
                    .values(deleted=True, server_rev=sa.bindparam("rev"), modified_at=now),
                    [{"rid": r["id"], "rev": r["rev"]} for r in gone],
                )
        try:
            for shape, plan in plans:
                _execute(cursor, shape, plan, sized=not shape.indexed or shape.name in search_waits)
        except Exception as exc:
            # A value SQLite refuses as it is written (a null in a NOT NULL column, an
            # integer beyond 64 bits, a value it cannot bind): the refused statement
            # changed nothing, those before it stay. The rest of the page goes again,
            # row by row, and the rows refused are held (``_execute_each``). Nothing
            # is checked beforehand: a page that raises nothing pays nothing.
            if not refused(conn, exc):
                raise
            refused_now, inserted = _execute_each(conn, cursor, plain, now)
            inserted.update(rid for shape, plan in plans for rid in map(_ID, plan.inserts))
            unstorable += refused_now
            # What names a new record refused here waits with it: out again if in.
            waiting = _waiting(conn, plain, refused_now, add=False)
            _take_out(conn, [r for r in waiting if r["id"] in inserted])
            unstorable += waiting
    if unstorable or holding:
        _settle_held(conn, page, unstorable, released=released)
    return len(records)


def _storable(conn: sa.Connection, rec: WireRecord) -> bool:
    """Whether this version can store ``rec``'s values (its every conversion runs)."""
    try:
        _shape(conn, rec["entity"]).stored(rec)
    except (ValueError, TypeError):
        return False
    return True


def _held_back(conn: sa.Connection, plain: dict[str, dict[str, WireRecord]]) -> list[WireRecord]:
    """The records of ``plain`` this version cannot store, taken out of it."""
    out: list[WireRecord] = []
    for recs in plain.values():
        for rid, rec in list(recs.items()):
            if not _storable(conn, rec):
                out.append(rec)
                del recs[rid]
    return out


# Per entity, its fields that name another record.
_REFS: dict[str, tuple[str, ...]] = {
    entity: tuple(name for name, spec in fields.items() if p.field_kind(spec)[0] == "ref")
    for entity, fields in p.ENTITY_FIELDS.items()
}
_ID = itemgetter(0)


def _waiting(
    conn: sa.Connection,
    plain: dict[str, dict[str, WireRecord]],
    unstorable: list[WireRecord],
    *,
    add: bool = True,
) -> list[WireRecord]:
    """The records of ``plain`` that name a record held (before, or by this page:
    ``unstorable``) of which the vault has no row, or one of them in turn: taken out of
    ``plain``, marked with the id they wait for (``held.WAITS_FOR``), and (``add``)
    added to ``unstorable``. A tombstone waits for nothing."""
    lacking = held.absent(conn, {r["id"]: r["entity"] for r in unstorable})
    out: list[WireRecord] = []
    more = bool(lacking)
    while more:
        more = False
        for entity, recs in plain.items():
            refs = _REFS.get(entity, ())
            if not refs:
                continue
            for rid, rec in list(recs.items()):
                if rec.get("deleted"):
                    continue
                data = rec["data"]
                parent = next((v for f in refs if (v := data.get(f)) in lacking), None)
                if parent is not None:
                    del recs[rid]
                    out.append({**rec, held.WAITS_FOR: parent})
                    lacking.add(rid)
                    more = True
    if add:
        unstorable += out
    return out


def _take_out(conn: sa.Connection, recs: list[WireRecord]) -> None:
    """Rows this page inserted that turn out to wait (``_waiting``) deleted again."""
    cursor = driver_cursor(conn)
    by_entity: dict[str, list[str]] = {}
    for rec in recs:
        by_entity.setdefault(rec["entity"], []).append(rec["id"])
    for entity, ids in by_entity.items():
        cursor.execute(
            f"DELETE FROM {_shape(conn, entity).table} WHERE id {IN_IDS}", (json.dumps(ids),)
        )


def refused(conn: sa.Connection, exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite (or its driver) refusing a value as it is written: a
    constraint (NOT NULL; the vault has no CHECK, and foreign keys are off while pulled
    records apply), an integer beyond 64 bits, a value of a type it cannot bind. Either
    way the statement changed nothing. Raised by the driver or wrapped by SQLAlchemy."""
    if isinstance(exc, sa.exc.StatementError) and exc.orig is not None:
        exc = exc.orig
    dbapi = conn.dialect.dbapi
    kinds: tuple[type[BaseException], ...] = (OverflowError,)
    if dbapi is not None:
        kinds += (dbapi.IntegrityError, dbapi.InterfaceError)
    return isinstance(exc, kinds)


def _execute_each(
    conn: sa.Connection, cursor: Any, plain: dict[str, dict[str, WireRecord]], now: datetime
) -> tuple[list[WireRecord], set[str]]:
    """After a statement of the page was refused (``refused``): the page's records
    planned again against what the vault now holds (what its statements before wrote
    compares equal and is not written again), each row then written by a statement of
    its own. Those SQLite refuses are taken out of ``plain`` and returned, to be held
    (a refused statement of one row changed nothing), with the ids of the rows it
    inserted. Only a page that raised comes here."""
    out: list[WireRecord] = []
    inserted: set[str] = set()
    for entity, recs in plain.items():
        if not recs:
            continue
        shape = _shape(conn, entity)
        plan = _plan_rows(cursor, shape, recs, shape.stamp(now))
        for row in plan.inserts:
            try:
                _insert_rows(cursor, shape, [row])
                inserted.add(row[0])
            except Exception as exc:
                if not refused(conn, exc):
                    raise
                out.append(recs.pop(row[0]))
        for changed, rows in plan.updates.items():
            for row in rows:
                try:
                    _execute(cursor, shape, _Plan([], {changed: [row]}, 0))
                except Exception as exc:
                    if not refused(conn, exc):
                        raise
                    out.append(recs.pop(row[-1]))
    return out, inserted


def _settle_held(
    conn: sa.Connection,
    page: list[WireRecord],
    unstorable: list[WireRecord],
    *,
    released: bool = False,
) -> None:
    """After a page: held changes its stored records supersede go, its unstorable ones
    are held (``sync.held``), and those that waited for a record held no more go in
    (``held.release``; not again for the records released: they are such a page)."""
    skipped = {id(rec) for rec in unstorable}
    revs = {r["id"]: r["rev"] for r in page if id(r) not in skipped and r["entity"] in TABLES}
    held.drop_superseded(conn, revs)
    # A candidate deleted (or erased) takes her held changes with her.
    gone = [r["id"] for r in page if r["entity"] == "candidate" and r.get("deleted")]
    held.purge(conn, gone)
    held.hold(conn, [r for r in unstorable if not gone or held.candidate_of(r) not in gone])
    if not released:
        free = held.release(conn)
        if free:
            apply_page(conn, free, released=True)


@dataclass(frozen=True)
class _Shape:
    """How one entity's rows go to the driver: its content fields in wire order, each
    with the conversion from wire value to stored value, and the statements."""

    table: str  # quoted for SQL
    name: str  # as sqlite_master names it
    fields: tuple[str, ...]
    columns: tuple[str, ...]  # quoted: server_rev, deleted, then the fields
    convert: tuple[Any, ...]  # per field: wire value -> stored value, or None (as is)
    converting: tuple[tuple[int, Any], ...]  # (position in ``stored``'s row, conversion)
    position: dict[str, int]  # field name -> its index in ``fields``
    stamp: Any  # a naive UTC datetime -> stored value (modified_at)
    insert: str
    insert_rows: str  # ``insert`` without its VALUES: the start of a multi-row INSERT
    row_marks: str  # ``(?, ?, ...)``: one row's VALUES
    indexed: bool  # the search index holds its text (full-text triggers fire)
    # Positions in ``stored``'s row (1: deleted, 2...: fields) an UPDATE of which fires
    # the search index's triggers (their ``UPDATE OF`` columns: the indexed text, the
    # candidate and ``deleted``, vault migration 0004); empty for a table not indexed.
    searched: frozenset[int]
    select: str  # the rows here of a JSON array of ids
    last_id: str  # the greatest id the table holds (NULL: none)
    # The rows of a JSON array of ids as (id, server_rev, deleted, the change that sends
    # every field, written by SQLite as JSON: ``_wire_json``).
    select_wire: str
    scrub: tuple[tuple[int, Any], ...]  # a tombstone's (field position, cleared value)

    def stored(self, rec: WireRecord) -> tuple[Any, ...]:
        """(server_rev, deleted, *fields) as the vault stores them; absent fields null.
        A tombstone's content is cleared before it is written, whatever the server
        sent: never stored, and a tombstone pulled again compares equal (no rewrite)."""
        # Every field read in one pass (map over dict.get), then only the fields with a
        # conversion visited: a first pull calls this for every record it brings.
        deleted = rec.get("deleted", False)
        values: list[Any] = [rec["rev"], 1 if deleted else 0, *map(rec["data"].get, self.fields)]
        for i, conv in self.converting:
            value = values[i]
            if value is not None:
                values[i] = conv(value)
        if deleted:
            for i, cleared in self.scrub:
                values[2 + i] = cleared
        return tuple(values)

    def new_rows(
        self, ids: list[str], recs: Iterable[WireRecord], stamp: Any
    ) -> list[tuple[Any, ...]] | None:
        """The INSERT rows (id, server_rev, deleted, modified_at, *fields) of records
        none of which the vault holds, as ``stored`` makes them record by record, made
        column by column: each field read from every record by one ``map``, each
        conversion run once per distinct value of its column, the rows zipped. A first
        pull brings 375k records that way (``stored`` and the row around it were a
        sixth of its client's CPU, in Python steps per record). None (the caller goes
        record by record) for a tombstone, a value of a type the fast way does not
        take, or a conversion that raises: the record-by-record way then does exactly
        what it always did, errors included."""
        recs = list(recs)
        if any(map(_DELETED, recs)):
            return None  # its content is cleared (``stored``); never in a first pull
        datas = list(map(_DATA, recs))
        columns: list[Any] = [list(map(dict.get, datas, repeat(f))) for f in self.fields]
        try:
            for i, conv in self.converting:
                column = columns[i - 2]
                distinct = set(column)
                distinct.discard(None)
                if not distinct:
                    continue
                # Only values of one type a conversion expects: between types equal
                # values (True, 1, 1.0) would share one entry of the map below.
                kinds = set(map(type, distinct))
                if kinds not in (_STR, _BOOL):
                    return None
                stored = {v: conv(v) for v in distinct}
                if any(type(s) is not str or s != v for v, s in stored.items()):
                    stored[None] = None
                    columns[i - 2] = list(map(stored.__getitem__, column))
        except Exception:  # the record-by-record way raises it again
            return None
        return list(zip(ids, map(_REV, recs), repeat(0), repeat(stamp), *columns, strict=False))


_DATA = itemgetter("data")
_REV = itemgetter("rev")
_STR = {str}
_DELETED = methodcaller("get", "deleted", False)
_BOOL = {bool}


_SHAPES: dict[str, _Shape] = {}
# New rows of entities whose text the search index holds (``_feeds_search``) go in by
# multi-row INSERT ... VALUES statements of up to ``_MARKS`` values (``_insert_rows``),
# not one statement per row: FTS5 writes what it has indexed to a new segment of its
# index at the end of every statement, so an executemany made a segment per row, and
# merged them again and again (2-4x the cost: notes 1.1 s -> 0.27 s for 1,455). Round 5
# sent them as one INSERT ... SELECT from a JSON array, whose ``value ->> i`` parse each
# row's JSON again per column: 10k first pull, 0.8-1.3 s of client CPU more than these
# statements (issue 13, round 6; bench_pull_apply.py).
# The other tables' new rows go in by such statements too, of at most ``_SIZED_ROWS``
# rows, the rest cut into chunks whose sizes are powers of two, so that each statement's
# text is made and prepared once per table and size (a statement is prepared again after
# every change of the schema, which a bulk page's transaction makes: ``_quiet_scrub``;
# preparing a statement costs about as much per row as inserting it, so big ones were
# no cheaper: statements of up to 32,766 values cost a quarter of the 10k replay 1.44 G
# instructions of SQLite's parser, 64 rows 0.71 G). One statement per row (executemany)
# opened
# a statement journal per row on every table with an INSERT trigger (the ``monitor_*``
# triggers, the scrub triggers of a page too small to quiet them), into which SQLite
# copies every page of the table and its indexes the row changes that the transaction
# had already written: ~2 pages of 4 KiB a row (issue 13, round 11: callgrind; 10k
# first pull replay, apply ~0.25 s of CPU less).
_MARKS = 32_766  # SQLite's smallest default limit of a statement's ? (3.32 on)
_ROW_SQL: dict[tuple[str, int], str] = {}  # a table's statement of so many rows
_SIZED_ROWS = 64  # a power of two


def _shape(conn: sa.Connection, entity: str) -> _Shape:
    shape = _SHAPES.get(entity)
    if shape is None:
        shape = _SHAPES[entity] = _make_shape(conn.dialect, entity, _feeds_search(conn, entity))
    return shape


def _feeds_search(conn: sa.Connection, entity: str) -> bool:
    """Whether the vault's full-text triggers index this entity's rows."""
    return feeds_search(conn, TABLES[entity].name)


def _make_shape(dialect: sa.Dialect, entity: str, indexed: bool) -> _Shape:
    table = TABLES[entity]
    fields = tuple(p.ENTITY_FIELDS[entity])

    def processor(column: str) -> Any:
        col = table.c[column]
        bind = col.type.dialect_impl(dialect).bind_processor(dialect)
        if isinstance(col.type, Code) and bind is not None:
            return _known_codes(col.type, bind)
        return bind

    def chain(wire: Any, bind: Any) -> Any:
        if wire is None:
            return bind
        if bind is None:
            return wire
        return lambda v: bind(wire(v))

    def conversion(name: str) -> Any:
        bind = processor(name)
        fast = _stored_as_wire(p.field_kind(p.ENTITY_FIELDS[entity][name])[0], bind)
        return fast or chain(CONVERTERS[entity].get(name), bind)

    convert = tuple(conversion(name) for name in fields)

    stamp = processor("modified_at") or (lambda v: v)
    quote = dialect.identifier_preparer.quote
    name = dialect.identifier_preparer.format_table(table)
    cols = ", ".join(quote(c) for c in fields)
    return _Shape(
        table=name,
        name=table.name,
        fields=fields,
        columns=tuple(quote(c) for c in ("server_rev", "deleted", *fields)),
        convert=convert,
        converting=tuple((2 + i, conv) for i, conv in enumerate(convert) if conv is not None),
        position={name: i for i, name in enumerate(fields)},
        stamp=stamp,
        insert=(
            f"INSERT INTO {name} (id, server_rev, deleted, modified_at, {cols}) "
            f"VALUES ({', '.join('?' * (len(fields) + 4))})"
        ),
        insert_rows=f"INSERT INTO {name} (id, server_rev, deleted, modified_at, {cols}) VALUES ",
        row_marks="(" + ", ".join("?" * (len(fields) + 4)) + ")",
        indexed=indexed,
        searched=_searched(entity, fields) if indexed else frozenset(),
        select=f"SELECT id, server_rev, deleted, {cols} FROM {name} WHERE id {IN_IDS}",
        last_id=f"SELECT max(id) FROM {name}",
        select_wire=(
            f"SELECT id, server_rev, deleted, CAST({_wire_json(table, entity, quote)} AS BLOB) "
            f"FROM {name} WHERE id {IN_IDS}"
        ),
        scrub=tuple((fields.index(f), v) for f, v in TOMBSTONE_SCRUB.get(entity, {}).items()),
    )


def _searched(entity: str, fields: tuple[str, ...]) -> frozenset[int]:
    """The positions of ``stored``'s row whose change fires ``entity``'s search index
    triggers on an UPDATE (``_Shape.searched``), as ``later_search.SOURCES`` names the
    columns the vault's migrations index; every position but the revision for a table
    indexed some other way (counted as rewritten, as before)."""
    source = later_search.SOURCES.get(TABLES[entity].name)
    if source is None:
        return frozenset(range(1, 2 + len(fields)))
    _, candidate, text = source
    watched = {candidate, *text}
    return frozenset({1} | {2 + i for i, name in enumerate(fields) if name in watched})


def _wire_json(table: sa.Table, entity: str, quote: Any) -> str:
    """SQL for an upsert of every field of a row as JSON, as the Python way (the
    column's own result processor, then ``to_wire``) writes it: a Boolean (stored 0/1)
    as true/false, a DateTime (stored ``YYYY-MM-DD HH:MM:SS.ffffff``) as
    ``datetime.isoformat`` writes it (a ``T``, no fraction when it is .000000); every
    other column (text, codes, ids, integers, dates as ``YYYY-MM-DD``) as it is stored.
    ``tests/sync/test_push_wire.py`` holds the two ways equal on every synced table."""
    parts = []
    for name in p.ENTITY_FIELDS[entity]:
        col, q = table.c[name], quote(name)
        if isinstance(col.type, sa.Boolean):
            value = (
                f"CASE WHEN {q} IS NULL THEN NULL WHEN {q} THEN json('true') ELSE json('false') END"
            )
        elif isinstance(col.type, sa.DateTime):
            value = (
                f"CASE WHEN {q} IS NULL THEN NULL "
                f"WHEN length({q}) = 10 THEN {q} || 'T00:00:00' "
                f"WHEN length({q}) = 26 AND substr({q}, 20) = '.000000' "
                f"THEN substr({q}, 1, 10) || 'T' || substr({q}, 12, 8) "
                f"ELSE substr({q}, 1, 10) || 'T' || substr({q}, 12) END"
            )
        elif isinstance(col.type, sa.Date | sa.Integer | sa.String | Code):
            value = q
        else:  # pragma: no cover - a column type this function does not know
            raise TypeError(f"{entity}.{name}: {col.type!r}")
        parts.append(f"'{name}', {value}")
    fields = f"json_object({', '.join(parts)})"
    # The change around its fields by ``concat`` (one buffer, its constant parts copied
    # as they are) where an outer ``json_object`` wrote its four keys again for every row
    # and copied the fields' JSON into a second buffer; the same text (``json_quote``
    # writes a value as ``json_object`` does). The entity is a table's name.
    assert entity.isidentifier()
    return (
        f"""concat('{{"entity":"{entity}","id":', json_quote(id), """
        """',"op":"upsert","base_rev":', json_quote(server_rev), ',"fields":', """
        f"{fields}, '}}')"
    )


# Wire dates already checked (``_date_stored``): a page holds few distinct dates (a first
# pull: 1.1 million date fields) and each was parsed and written again.
_DATES: dict[str, str] = {}
_DATES_KEPT = 100_000


def _date_stored(value: str) -> str:
    """A wire date (``YYYY-MM-DD``) as SQLAlchemy's SQLite DATE stores it: checked by
    ``date.fromisoformat`` (anything else raises, as on the column's own way), then
    written in the storage format, which for a date is its ISO form; once per date."""
    stored = _DATES.get(value)
    if stored is None:
        stored = date.fromisoformat(value).isoformat()
        if len(_DATES) < _DATES_KEPT:
            _DATES[value] = stored
    return stored


def _datetime_stored(bind: Any) -> Any:
    """A wire timestamp (naive UTC ISO 8601) as SQLAlchemy's SQLite DATETIME stores it
    (``YYYY-MM-DD HH:MM:SS.ffffff``: ISO with a space and microseconds); one with a UTC
    offset goes the column's own way (``bind``, which drops the offset)."""

    def stored(value: str) -> Any:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is not None:
            return bind(parsed)
        return parsed.isoformat(" ", "microseconds")

    return stored


# Probes of a column's own bind processor: the fast conversion is used only where it
# writes the very string the column would (SQLAlchemy's SQLite types in their default
# storage format), so the vault holds the same values either way.
_DATE_PROBES: dict[date, str] = {date(2026, 11, 30): "2026-11-30", date(987, 1, 2): "0987-01-02"}
_DATETIME_PROBES: dict[date, str] = {
    datetime(2026, 11, 30, 9, 5, 7, 42): "2026-11-30 09:05:07.000042",
    datetime(987, 1, 2): "0987-01-02 00:00:00.000000",
}


def _stored_as_wire(kind: str, bind: Any) -> Any:
    """For a date or timestamp column whose stored form is its wire text rewritten: a
    conversion from the wire text straight to it (no parsed value built and formatted
    again); None otherwise."""
    probes: dict[date, str] | None = {"date": _DATE_PROBES, "datetime": _DATETIME_PROBES}.get(kind)
    if probes is None or bind is None:
        return None
    try:
        if any(bind(value) != text for value, text in probes.items()):
            return None
    except (TypeError, ValueError):
        return None
    return _date_stored if kind == "date" else _datetime_stored(bind)


def _known_codes(code: Code, bind: Any) -> Any:
    """``bind`` for a Code column, its known codes first: a pulled page holds one or more
    codes per record, and parsing each into its enum and back cost a seventh of applying
    a first pull. The stored value is the same (a known code is stored as it is); an
    unknown one goes through ``bind`` (and is refused there)."""
    known = {member.value: member.value for member in code.enum}

    def process(value: Any) -> Any:
        found = known.get(value) if type(value) is str else None
        return found if found is not None else bind(value)

    return process


# A table's value indexes wait for the end of a pull (``models.later_indexes``) when a
# page of it brings at least LATER_FROM new rows of the table while it holds fewer than
# LATER_BELOW: a first pull into this vault, or a big dossier into an almost empty
# table. A table that holds more keeps its indexes (building them again would cost more
# than the rows the pull adds to them). The same for the documents of the search index
# (``models.later_search``), from SEARCH_LATER_FROM new rows of a table it indexes.
LATER_FROM = 200
LATER_BELOW = 1_000
SEARCH_LATER_FROM = 200


def _later_indexes(conn: sa.Connection, plans: list[tuple[_Shape, _Plan]]) -> None:
    """Drop for the rest of the pull the value indexes (and the search index's INSERT
    triggers) of the tables this page begins to fill (see LATER_FROM), recorded in the
    vault in this page's transaction."""
    filling = {shape.name for shape, plan in plans if len(plan.inserts) >= LATER_FROM}
    searched = {
        shape.name
        for shape, plan in plans
        if shape.indexed and len(plan.inserts) >= SEARCH_LATER_FROM
    }
    if not filling and not searched:
        return
    cursor = driver_cursor(conn)
    # The rows held first (at most LATER_BELOW read): once the pull has filled a table,
    # this is all a page costs; the schema is read only for a table still nearly empty
    # (sqlite_master holds every trigger's text: 2 ms a read).
    empty = {
        name
        for name in sorted(filling | searched)
        if cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {_quoted(conn, name)} LIMIT {LATER_BELOW:d})"
        ).fetchone()[0]
        < LATER_BELOW
    }
    if empty & filling:
        later_indexes.drop_for_pull(conn, sorted(empty & filling))
    if empty & searched:
        later_search.drop_for_pull(conn, sorted(empty & searched))


# The ``*_scrub_ai`` triggers (vault migration 0007) clear the content of a row inserted
# as deleted. A pulled row never needs them: ``_Shape.stored`` clears a tombstone's
# content itself, and a first pull brings no tombstone rows at all. Yet SQLite runs
# each AFTER INSERT trigger's program for every row to test its WHEN (a frame per row):
# 10k first pull replay, ~0.2 s of CPU. So for a page that inserts at least QUIET_FROM
# rows into a table, its scrub trigger is dropped for the rest of the transaction and
# made again, from its own text, right before the transaction commits (``_scrub_back``,
# a listener on the engine's commits): no commit ever lacks it, a rollback (or a kill)
# undoes the drop with the rest, and every other connection sees it all along.
QUIET_FROM = 1_000
_QUIET = "spt.scrub_quiet"  # Connection.info: (name, sql) of the triggers dropped


def _quiet_scrub(conn: sa.Connection, plans: list[tuple[_Shape, _Plan]]) -> None:
    """Drop for this transaction the scrub triggers of the tables this page inserts at
    least QUIET_FROM rows into (see QUIET_FROM)."""
    tables = [shape.name for shape, plan in plans if len(plan.inserts) >= QUIET_FROM]
    if not tables:
        return
    quiet: list[tuple[str, str]] = conn.info.setdefault(_QUIET, [])
    names = [f"{t}_scrub_ai" for t in tables if f"{t}_scrub_ai" not in dict(quiet)]
    if not names:
        return
    engine = conn.engine
    if not sa.event.contains(engine, "commit", _scrub_back):
        sa.event.listen(engine, "commit", _scrub_back)
        sa.event.listen(engine, "rollback", _scrub_undone)
    cursor = driver_cursor(conn)
    marks = ", ".join("?" * len(names))
    found = cursor.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
        names,
    ).fetchall()
    if not found:
        return
    # Inside the transaction: the driver opens none before DDL, which would then commit
    # on its own. A write opens it.
    if not cursor.connection.in_transaction:
        cursor.execute(f"DELETE FROM {_SETTING} WHERE 0")
    for name, sql in found:
        quiet.append((name, sql))
        cursor.execute(f'DROP TRIGGER "{name}"')


def _scrub_back(conn: sa.Connection) -> None:
    """Before a commit: the scrub triggers dropped in the transaction made again."""
    quiet = conn.info.pop(_QUIET, None)
    if not quiet:
        return
    cursor = driver_cursor(conn)
    marks = ", ".join("?" * len(quiet))
    there = {
        r[0]
        for r in cursor.execute(
            f"SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
            [name for name, _ in quiet],
        )
    }
    for name, sql in quiet:
        if name not in there:
            cursor.execute(sql)


def _scrub_undone(conn: sa.Connection) -> None:
    """A rollback: SQLite has undone the drops with the rest."""
    conn.info.pop(_QUIET, None)


def _quoted(conn: sa.Connection, name: str) -> str:
    return str(conn.dialect.identifier_preparer.quote(name))


@dataclass
class _Plan:
    """What a page writes to one entity's table: new rows, and updates grouped by the
    positions of the columns they change."""

    inserts: list[tuple[Any, ...]]
    updates: dict[tuple[int, ...], list[tuple[Any, ...]]]
    reindexed: int  # updates that rewrite the row's text in the search index


def _plan_rows(cursor: Any, shape: _Shape, recs: dict[str, WireRecord], stamp: str) -> _Plan:
    ids = list(recs)
    here: dict[str, tuple[Any, ...]] = {}
    if not _all_past(cursor, shape, ids):
        for row in cursor.execute(shape.select, (json.dumps(ids),)):
            here[row[0]] = tuple(row[1:])
    if not here:
        # None of them here (a first pull's every page): new rows only.
        rows = shape.new_rows(ids, recs.values(), stamp)
        if rows is not None:
            return _Plan(rows, {}, 0)
    plan = _Plan([], {}, 0)
    searched = shape.searched
    for rid, rec in recs.items():
        new = shape.stored(rec)
        old = here.get(rid)
        if old is None:
            plan.inserts.append((rid, new[0], new[1], stamp, *new[2:]))
            continue
        # Positions (0: server_rev, 1: deleted, 2...: fields) whose value differs, by C
        # loops: the generator over ``zip`` took ~5 us a candidate's row (~2 us now),
        # and the pages after a 10k first push, on the push's end, bring 2,712 of them
        # known here (the ``spt`` the server set; issue 13, round 19).
        if len(old) != len(new):
            raise ValueError("a stored row and a pulled record of different shapes")
        changed = tuple(compress(count(), map(ne, old, new)))
        if changed:
            values = [new[i] for i in changed]
            if changed != (0,):
                values.append(stamp)  # the content changed here now
                # The UPDATE sets only the columns that changed, so the index's
                # triggers fire only when one of theirs is among them: a candidate
                # whose ``spt`` the server set (each one of a first push, in the page
                # after it) keeps its document. Counting every changed row made a 1k
                # first push rebuild the whole index (``removing``: 267 rows against
                # 7,317 documents) for none rewritten, 5.9 % of its instructions.
                if not searched.isdisjoint(changed):
                    plan.reindexed += 1
            plan.updates.setdefault(changed, []).append((*values, rid))
    return plan


def _all_past(cursor: Any, shape: _Shape, ids: list[str]) -> bool:
    """Whether every one of ``ids`` sorts after the last id the table holds (or it holds
    none): then none of them is here, and their rows need not be looked up. The ids are
    time-ordered (v7) and a pull brings records in the order the server took them, so a
    first pull's pages mostly come so (10k: 16 of 375 pages of an entity did not); the
    lookup of 2,000 ids by ``json_each`` cost a page ~1 ms. One step down the primary
    key's index; SQLite compares text by its UTF-8 bytes, which orders as Python's
    ``str`` does (by code point)."""
    top = cursor.execute(shape.last_id).fetchone()[0]
    return top is None or min(ids) > top


def _insert_rows(
    cursor: Any, shape: _Shape, rows: list[tuple[Any, ...]], *, sized: bool = False
) -> None:
    """``rows`` as few multi-row INSERT statements as SQLite's limit of values allows
    (the text of a full statement made once per table; a shorter last one each time).
    ``sized``: statements of at most ``_SIZED_ROWS`` rows, what is left after the full
    ones as statements of powers of two rows, each statement's text made once per table
    and size (see ``_ROW_SQL``)."""
    per = max(1, _MARKS // len(rows[0]))
    if sized:
        per = min(per, _SIZED_ROWS)
    at, total = 0, len(rows)
    while at < total:
        left = total - at
        n = per if left >= per else (1 << (left.bit_length() - 1) if sized else left)
        key = (shape.table, n)
        sql = _ROW_SQL.get(key)
        if sql is None:
            sql = shape.insert_rows + ", ".join([shape.row_marks] * n)
            if n == per or sized:
                _ROW_SQL[key] = sql
        cursor.execute(sql, list(chain.from_iterable(rows[at : at + n])))
        at += n


def _search_waiting(conn: sa.Connection, plans: list[tuple[_Shape, _Plan]]) -> frozenset[str]:
    """The search-indexed tables among ``plans``' inserts whose index triggers are down
    (``later_search``: recorded in the vault in the transaction that dropped them, and
    made again in the one that removes the record); one read of the record, only when
    a page inserts into such a table."""
    if not any(shape.indexed and plan.inserts for shape, plan in plans):
        return frozenset()
    return frozenset(later_search.pending(conn))


def _execute(cursor: Any, shape: _Shape, plan: _Plan, *, sized: bool | None = None) -> None:
    """``plan``'s rows into ``shape``'s table (``sized``: see below; None: the table's
    own way, one statement a page for a search-indexed table)."""
    if sized is None:
        sized = not shape.indexed
    if plan.inserts:
        # The search-indexed tables' in as few statements as can be while their index
        # triggers fire (FTS5 flushes a segment per statement), the others' (and theirs
        # while the triggers wait: ``sized``) in statements of sizes made once: a
        # statement is prepared again after every change of the schema, and a bulk page
        # changes it (``_quiet_scrub``, ``_later_indexes``); a page's statement of ~1,000
        # rows was a new text each page, parsed for as long as its rows took to insert.
        _insert_rows(cursor, shape, plan.inserts, sized=sized)
    for changed, rows in plan.updates.items():
        sets = [f"{shape.columns[i]} = ?" for i in changed]
        if changed != (0,):
            sets.append("modified_at = ?")
        cursor.executemany(f"UPDATE {shape.table} SET {', '.join(sets)} WHERE id = ?", rows)


def _apply_over_local(
    conn: sa.Connection, rec: WireRecord, local: set[str] | None, now: datetime
) -> None:
    entity, rid = rec["entity"], rec["id"]
    table = TABLES[entity]
    exists = conn.execute(sa.select(table.c.id).where(table.c.id == rid)).first()
    if rec.get("deleted"):
        if exists:
            scrub = TOMBSTONE_SCRUB.get(entity, {})
            conn.execute(sa.update(table).where(table.c.id == rid).values(deleted=True, **scrub))
        return
    if local is None or not exists:
        return  # made or deleted here and not pushed yet: the push will settle it
    values = {k: v for k, v in from_wire(entity, rec["data"]).items() if k not in local}
    if values:
        values["modified_at"] = now
        conn.execute(sa.update(table).where(table.c.id == rid).values(values))
