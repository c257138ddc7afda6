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

import os
import platform
import threading
import time
from collections import deque
from collections.abc import Callable, Container, Iterator
from concurrent.futures import Future, InvalidStateError, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

import sqlalchemy as sa

from spt_common import protocol as p
from spt_desktop.errors import Code
from spt_desktop.gc_pause import paused_if_free
from spt_desktop.models import Coach, OutboxEntry, Setting, later_indexes
from spt_desktop.models.base import utcnow
from spt_desktop.models.demo_mark import DEMO_MARK
from spt_desktop.models.errors import VaultLocked
from spt_desktop.models.vault import Vault
from spt_desktop.sync import held as held_changes
from spt_desktop.sync.apply import (
    PUSH_CACHE_KIB,
    RUN_CACHE_KIB,
    S_ACKED,
    OutboxRead,
    acknowledge,
    apply_page,
    apply_results,
    build_batch,
    change_ids,
    driver_cursor,
    each_change_id,
    has_outbox,
    load_batch,
    read_outbox,
    request_body,
    stored_batch,
    sweep_outbox,
)
from spt_desktop.sync.purge import S_REVOKED, gone_candidates, purge_candidates, wipe
from spt_desktop.sync.transport import (
    CLIENT_MAX_BATCH,
    MIN_BODY,
    DeviceRevoked,
    Limits,
    PulledPage,
    SyncAnswer,
    SyncError,
    TokenExpired,
    TokenInvalid,
    Transport,
    on_sent,
    read_answer,
)

# Settings keys (inside the encrypted vault, never in plain files).
S_SERVER = "sync.server_url"
S_ACCOUNT = "sync.account_id"
S_DEVICE = "sync.device_id"
S_REFRESH = "sync.refresh_token"
S_ACCESS = "sync.access_token"
S_ACCESS_UNTIL = "sync.access_expires"
S_CURSOR = "sync.cursor"
S_PENDING = "sync.pending_batch"
# The batch after the pending one, sent before the pending one's answer was applied
# (``Syncer.run`` keeps two batches on the wire): stored before it is sent, so a sync cut
# off meanwhile sends it again with the same id once the pending one is answered. Kept
# in the place after the pending one's (``_SLOTS``).
S_PENDING_NEXT = "sync.pending_next"
S_PENDING_THIRD = "sync.pending_third"
# Where the stored batches are kept, in turn (``stored_slots``): the batch sent behind the
# pending one goes to the place after the pending one's, and stays there when the pending
# one is answered: from then on it is the pending batch, and the next goes after it.
# Before, it was moved to S_PENDING: an UPDATE of its key rewrote all of it (~20 pages
# of the vault) and zeroed its old pages, 38 pages to the WAL a batch, each encrypted
# (a sixth of what a first push wrote). Which is which follows from the places taken:
# one is the pending batch; of two (always neighbours in this turn) the first in turn
# is. A vault of before holds S_PENDING, and maybe S_PENDING_NEXT behind it: the same.
_SLOTS = (S_PENDING, S_PENDING_NEXT, S_PENDING_THIRD)
S_LAST_SYNC = "sync.last_sync"
# The push batch limits the server said last (changes, bytes, whether it takes a push
# without a page: ``Transport.batch_limits``), as "2000 8388608 1", and the encoding it
# takes in request bodies when one was heard with them ("2000 8388608 1 zstd"; kept
# since the login, whose answer says them too): the next sync builds its first batch
# that big, packed, and sends the second behind it at once, instead of a first batch of
# p.MAX_BATCH alone while it waits to hear them. A server that never said any gets
# p.MAX_BATCH, as before.
S_LIMITS = "sync.server_limits"
# A run that only pulls commits its pages together up to this many records (eight of
# the server's biggest pages; see Syncer._keep_open): per commit, SQLCipher encrypts
# every database page written, and the pages of a first pull dirty the same ones.
PULL_TX_RECORDS = 8 * p.MAX_PAGE
# The WAL a run lets grow before SQLite checkpoints it (pages of 4 KiB; SQLite's own
# default is 1,000): the run's commits are checkpointed once, at its end (see
# Syncer._holding).
RUN_WAL_PAGES = 65_536
# The same for the window's sync in steps (``Syncer.keep``): 64 MiB. The app stays open
# all day and its first pull or push is the big one: with RUN_WAL_PAGES its WAL grew to
# 205 MB (10k first pull; the vault 183 MB), with this to 75 MB (its first push: 168 ->
# 65 MB), for six checkpoints more (six fsyncs, their wait +0-0.1 s in these runs) and
# the same CPU: a first pull's pages are new pages, copied once either way (bytes
# written +0.2 MB; a push's +8 MB). SQLite checkpoints only after a commit, so the WAL
# may pass the bound by one commit: a page of the pull, a batch of the push (issue 13,
# round 18).
STEPS_WAL_PAGES = 16_384
# A WAL frame: a header of 24 bytes and one vault page (``vault.CIPHER_PRAGMAS``).
WAL_PAGE, WAL_FRAME_HEADER = 4096, 24
# While ``run()`` pushes, the WAL its answers' commits wrote is copied into the vault by
# a thread of its own after every this many of them (``Checkpointer``): a 10k first push
# in batches of 5,000 changes, 10 copies of ~4,500 frames (of 2,000: 25 of ~1,800), the
# last one beside the pages after the push, not after them (issue 13, round 19).
CHECKPOINT_EVERY = 8


@dataclass(frozen=True)
class SyncReport:
    """What one sync did."""

    pushed: int = 0
    pulled: int = 0
    # New conflicts: a field changed here and on the server, an edit of what was deleted
    # elsewhere. Records the server would not take are ``refused``, not conflicts (both
    # wait at Conflicten; sync.conflicts.REFUSED_KINDS).
    conflicts: int = 0
    purged: int = 0
    requests: int = 0
    wiped: bool = False
    # The server's advice (the version handshake): None, or p.UPDATE_RECOMMENDED when a
    # newer SPT Desktop is recommended. (Required: the sync raises UpdateRequired.)
    update: str | None = None
    refused: int = 0
    # Pulled changes this version of the app cannot store (``sync.held``), waiting for
    # an update: all of them, not only this sync's.
    held: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "conflicts": self.conflicts,
            "refused": self.refused,
            "purged": self.purged,
            "requests": self.requests,
            "wiped": self.wiped,
            "update": self.update,
            "held": self.held,
        }


class VaultWiped(DeviceRevoked):
    """The server answered that this device is revoked; the vault has been wiped."""

    default_code = Code.VAULT_WIPED


class NotLoggedIn(SyncError):
    """This vault has no account yet: log in first."""

    default_code = Code.NOT_LINKED


class DemoVault(SyncError):
    """A demo vault (made-up people, ``models.demo_mark``): never linked, never synced."""

    default_code = Code.DEMO_NOT_LINKED


# --- settings ------------------------------------------------------------------------


_SETTING = Setting.__tablename__
SYNC_KEYS = (
    S_SERVER,
    S_ACCOUNT,
    S_DEVICE,
    S_REFRESH,
    S_ACCESS,
    S_ACCESS_UNTIL,
    S_CURSOR,
    S_PENDING,
    S_PENDING_NEXT,
    S_PENDING_THIRD,
    S_LAST_SYNC,
    S_REVOKED,
    S_ACKED,
    S_LIMITS,
    DEMO_MARK,
)


def _settings(conn: sa.Connection, keys: tuple[str, ...] = SYNC_KEYS) -> dict[str, str]:
    """The sync settings (or those of ``keys``), each found by its key in the primary
    key's index (a LIKE on the key cannot use it and reads every setting, drafts of
    forms included). On the driver's cursor: a select of the ORM's attributes made a
    headless sync configure every mapper and compile an ORM query (~40 ms of CPU)."""
    cursor = driver_cursor(conn)
    marks = ", ".join("?" * len(keys))
    sql = f"SELECT key, value FROM {_SETTING} WHERE key IN ({marks})"
    return dict(cursor.execute(sql, keys).fetchall())


def _after(slot: str) -> str:
    """The place of the batch stored behind one kept at ``slot`` (``_SLOTS``)."""
    return _SLOTS[(_SLOTS.index(slot) + 1) % len(_SLOTS)]


def stored_slots(held: Container[str]) -> tuple[str | None, str | None]:
    """Of the settings' keys ``held``: where the pending batch is kept and where the one
    stored behind it is (``_SLOTS``; None: none)."""
    taken = [slot for slot in _SLOTS if slot in held]
    if not taken:
        return None, None
    if len(taken) == 1:
        return taken[0], None
    if _after(taken[1]) == taken[0]:  # the last place and the first: the last goes first
        return taken[1], taken[0]
    return taken[0], taken[1]


def _put(conn: sa.Connection, values: dict[str, str | bytes | None]) -> None:
    """Set (None: remove) sync settings; one statement each (the setting table has no
    triggers, so OR REPLACE is just an upsert)."""
    cursor = driver_cursor(conn)
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
    if DEMO_MARK in current:  # before a byte goes to the server
        raise DemoVault()
    own = transport is None
    transport = transport or Transport(server_url)
    try:
        pair = transport.login(
            p.LoginRequest(
                email=email,
                password=password,
                device_name=(device_name or platform.node())[:200],
                # A wiped vault presents the device it was: the server refuses it.
                device_id=current.get(S_REVOKED) or current.get(S_DEVICE),
            )
        )
    except DeviceRevoked:
        wipe(vault)
        raise VaultWiped() from None
    finally:
        if own:
            transport.close()
    bound = current.get(S_ACCOUNT)
    if bound and bound != pair.coach.id:
        raise SyncError(Code.OTHER_ACCOUNT)
    with remote_connection(vault) as conn:
        if vault.owner_id and vault.owner_id != pair.coach.id:
            _rebind_owner(conn, vault.owner_id, pair.coach)
        if bound != pair.coach.id:
            _put(conn, {S_CURSOR: None, S_LIMITS: None, **dict.fromkeys(_SLOTS)})
        said = _said_limits(transport)
        if said is not None:
            # The push limits the login's answer said (a server of before says none):
            # the first sync builds its first batch by them and sends the second behind
            # it at once (``S_LIMITS``), as any sync after one that heard them.
            _put(conn, {S_LIMITS: said})
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


@dataclass(frozen=True)
class Exchange:
    """One request of a sync as plain data, for the network step: no vault in it.

    ``refresh_token`` set: a token refresh, after which ``body`` goes with the new
    access token; else ``body`` goes with ``token``. The secrets stay out of ``repr``."""

    body: dict[str, Any] = field(repr=False)
    token: str | None = field(default=None, repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    # ``body`` as JSON, its batch as built and stored (``apply.request_body``); None: the
    # transport writes ``body``.
    content: bytes | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Answer:
    """What the network step brought back for an ``Exchange``: the server's answer, new
    tokens, or the refusal (raised, or acted on, by the next vault step)."""

    exchange: Exchange
    response: SyncAnswer | None = None
    tokens: p.TokenPair | None = field(default=None, repr=False)
    error: SyncError | None = None
    # A sync answer the server gave (2xx) as it came, not read yet (``send(read=False)``):
    # the vault step reads it (``_read``) into ``response``, or ``error`` when it is not
    # a sync answer.
    body: bytes | None = field(default=None, repr=False)


def _read(answer: Answer) -> Answer:
    """``answer`` with its body read (``transport.read_answer``), if it came unread."""
    if answer.body is None:
        return answer
    try:
        return Answer(answer.exchange, response=read_answer(answer.body))
    except SyncError as exc:  # not a sync answer (MalformedAnswer)
        return Answer(answer.exchange, error=exc)


class Syncer:
    """One sync run of one vault, in steps that take turns between two threads:

        exchange = syncer.begin()                  # vault: settings, the batch to push
        while exchange is not None:
            answer = syncer.send(exchange)         # network only: no vault connection
            exchange = syncer.apply(answer)        # vault: one transaction per answer

    The window runs ``begin`` and ``apply`` on its vault thread and ``send`` on its pool
    for work without the vault, so a search or a dossier opened while the server answers
    waits for no one; ``run()`` takes the steps in turn on one thread (the CLI, tests).

    Nothing of the protocol depends on where the steps run: the batch to push is stored
    before it is sent (a retry sends the same batch id), an answer's results, page and
    cursor are written in one transaction, a refresh's new tokens are stored before the
    request that needs them goes out, and a revoked device is wiped by the vault step
    that reads the refusal.

    ``run()`` holds one connection of the vault's pool from start to end: every
    transaction of the run finds the pages the previous one read still in its cache (in
    WAL mode a commit by another connection empties a connection's cache, and several
    connections taking turns made every page of a push or pull be read and decrypted
    again), and the switch of foreign keys is made once per run, not per page. Steps
    taken one by one borrow a connection per step and give it back as it came (foreign
    keys on): between them, the vault thread serves the rest of the app.
    """

    def __init__(
        self, vault: Vault, transport: Transport | None = None, *, page: int = p.DEFAULT_PAGE
    ) -> None:
        self.vault = vault
        # None: one for the vault's own server, made by begin() and closed by close().
        self.transport = transport
        self._own_transport = transport is None
        self.page = page
        self.pushed = self.pulled = self.conflicts = self.refused = self.purged = 0
        self.held_count = 0  # changes held as the run ends (``sync.held``)
        self.wiped = False
        self._requests_at_start = transport.requests if transport is not None else 0
        self._token: tuple[str, float] | None = None  # access token, valid until
        self._cursor: str | None = None
        self._batch: dict[str, Any] | None = None  # sent (or about to be), not answered
        self._pushing = False
        self._retried = False  # the request was sent again after a refresh
        self._conn: sa.Connection | None = None
        self._held = False  # run(): one connection for the whole run
        self._kept = False  # the window's steps: one connection for them all (``keep``)
        self._in_step = False  # inside ``_step`` on the connection ``keep`` took
        self._remote = False  # foreign keys are off on the connection
        # A refresh rotates the refresh token on the server, which takes the old one for
        # stolen if it comes again: its successor must be stored even when the vault is
        # locked while the answer is on its way (settle()).
        self._guard = threading.Lock()
        self._refreshing = threading.Event()
        self._refreshing.set()  # no refresh on the wire
        self._unstored: p.TokenPair | None = None
        self._settled = False
        self._sending = False
        # Applying answers commits with synchronous=NORMAL (see _applying); the mode the
        # connection had (None: not relaxed) and whether a commit since waits for a flush.
        self._durable_mode: int | None = None
        self._unflushed = False
        # The push is done and its outbox swept while pages are still to come (``_apply``):
        # the WAL the run wrote is checkpointed before they are (``_checkpoint_early``).
        self._swept_early = False
        # The thread that copies the run's WAL into the vault while the push goes on
        # (``_committed``), made at the CHECKPOINT_EVERY-th commit of an answer.
        self._checkpointer: Checkpointer | None = None
        self._commits = 0
        self._next: _Prebuilt | None = None  # see _prebuild
        self._inflight: _InFlight | None = None  # see _pipeline
        self._next_stored = False  # a batch is stored behind the pending one (_pipeline)
        self._slot = S_PENDING  # where the pending batch is kept (``_SLOTS``)
        # The limits as the vault holds them (S_LIMITS), and whether this run's batches
        # are built by them before the server said any in this run.
        self._limits: str | None = None
        self._remembered = False
        self._cache_size: int | None = None  # the held connection's own (see _holding)
        self._outbox: OutboxRead | None = None  # see _repeated
        self._outbox_due = False  # read once the first request is out (_read_outbox)
        self._wal_pages: int | None = None  # the held connection's own autocheckpoint
        # A pull's transaction left open for the next page (_keep_open), the records it
        # holds, and whether the page being applied keeps it open.
        self._open: sa.RootTransaction | None = None
        self._open_records = 0
        self._keep = False

    # --- the steps -------------------------------------------------------------------

    def begin(self) -> Exchange | None:
        """Vault step: read the settings, take the batch to push; the first request
        (None: nothing to do, a vault wiped before)."""
        with self._step():
            # One read up front: with nothing to push, a sync is this read, one request
            # and one small write (the common case: a laptop syncing every few minutes).
            with self._local() as conn:
                settings = _settings(conn)
                if DEMO_MARK in settings:  # made-up people never reach a server
                    raise DemoVault()
                acked = int(settings.get(S_ACKED, "0"))
                if acked:  # a sync that ended before its end (a crash, a lock)
                    sweep_outbox(conn, acked)
                idle = not has_outbox(conn)
                # On the connection run() holds: which records the answers must ask
                # the outbox about (see ``_repeated``), read once the first request is
                # on its way (``_read_outbox``).
                self._outbox = None
                self._outbox_due = self._held and not idle
                if self._outbox_due:  # see PUSH_CACHE_KIB; back when the push is done
                    _cache_kib(conn, PUSH_CACHE_KIB)
                retry = S_REFRESH in settings and held_changes.due(conn)
                self.held_count = held_changes.count(conn)
            if retry:
                # Changes an earlier version of the app could not store: this one tries
                # them (``sync.held``), as a page, before the pull goes on.
                with self._applying() as conn:
                    held_changes.retry(conn)
            if S_REFRESH in settings:
                return self._first(settings, idle)
        if S_REVOKED in settings:  # wiped before: it stays so
            self._revoked(again=not self._own_transport)
            return None
        raise NotLoggedIn()

    def _first(self, settings: dict[str, str], idle: bool) -> Exchange:
        """The run's state from the settings ``begin`` read; its first request."""
        if self.transport is None:
            self.transport = Transport(settings[S_SERVER])
        self._limits = settings.get(S_LIMITS)
        self._remembered = _remember_limits(self.transport, self._limits)
        if S_ACCESS in settings:
            self._token = (settings[S_ACCESS], float(settings.get(S_ACCESS_UNTIL, "0")))
        self._cursor = settings.get(S_CURSOR)
        pending, behind = stored_slots(settings)
        self._next_stored = behind is not None
        # With nothing in the outbox at the start, a sync only pulls (changes made while
        # it runs go with the next sync, as any later).
        self._pushing = not idle or pending is not None
        self._batch = self._pending_or_next() if self._pushing else None
        request = self._request()
        limits = self._transport().limits
        batch = self._batch
        if (
            batch is not None
            and limits.said
            and limits.page_optional
            and len(batch["batch"]["changes"]) >= limits.max_batch
        ):
            # A full batch at the size the server said: the outbox likely holds more,
            # and the batch behind it goes before its answer is applied (``_pipeline``),
            # which drops that answer's page (``_apply_answer``). So none is asked, as
            # for every batch sent behind another but the last: the first push's first
            # answer came with a page the server read, wrote and packed and the vault
            # read and dropped, while the server had nothing else to do (issue 13,
            # gap16). Should no batch go behind it, its answer's empty page leaves the
            # cursor where it was, and the next request asks for the page.
            request["limit"] = 0
        return self._exchange(request)

    def send(self, exchange: Exchange, *, read: bool = True) -> Answer:
        """Network step: the request and nothing else (no vault, any thread). A refusal
        comes back in the answer, for the next vault step to act on. ``read`` False: a
        sync answer comes back as its bytes (``Answer.body``), for the vault step to read
        (``_read``): the network thread is then free at once to send the batch queued
        behind this one (``_send_after``)."""
        transport = self._transport()
        with self._guard:
            if self._settled:  # the vault was locked meanwhile: this run is over
                raise VaultLocked()
            self._sending = True
            if exchange.refresh_token is not None:
                self._refreshing.clear()
        try:
            if exchange.refresh_token is not None:
                pair = transport.refresh(exchange.refresh_token)
                with self._guard:
                    self._unstored = pair
                return Answer(exchange, tokens=pair)
            assert exchange.token is not None
            request = exchange.body if exchange.content is None else exchange.content
            if not read:
                return Answer(exchange, body=transport.sync_bytes(exchange.token, request))
            return Answer(exchange, response=transport.sync(exchange.token, request))
        except SyncError as exc:
            return Answer(exchange, error=exc)
        finally:
            with self._guard:
                self._sending = False
                self._refreshing.set()
                closing = self._settled
            if closing:
                self.close()

    def apply(self, answer: Answer) -> Exchange | None:
        """Vault step: act on an answer; the next request (None: the sync is done)."""
        answer = _read(answer)
        resp = answer.response
        if answer.error is not None or (
            resp is not None and resp.push is None and "batch" in answer.exchange.body
        ):
            # The batch sent behind this one was not sent (``_send_after``), or its
            # answer is not wanted: it is sent again, stored, once this one is answered.
            self._land()
        if isinstance(answer.error, DeviceRevoked):
            self._revoked()
            return None
        with self._step():
            following = self._apply_answer(answer)
            if following is None:
                self._flush()
            elif self._swept_early:
                self._checkpoint_early()
            return following

    def run(self) -> SyncReport:
        """Every step in turn (see the class doc), the network step on a second thread
        so the vault's work overlaps the server's: while a batch is on the wire the next
        one is built (``_prebuild``), and while a page is applied the pages after it are
        asked for when those requests are already known (``foreseen``): the network
        thread asks for each next page as soon as it has read the one before, up to
        ``PAGES_AHEAD`` of them ahead of the vault thread (``PagesAhead``; the 10k
        first pull's wall -30 % in pairs, bench/SYNC.md round 13). Each answer is still
        applied in its own transaction, in order; a request foreseen wrongly (a pull: it
        changes nothing on the server) is dropped and the right one sent.

        The cyclic garbage collector is paused for the run (``paused_if_free``): a page
        makes thousands of objects (its records, their rows) and no cycles, and each
        collection it set off walked every object of the process: a sixth of a first
        pull's CPU. The window's sync steps pause it the same way (``ui.ops``)."""
        with (
            paused_if_free(),
            self._holding(),
            ThreadPoolExecutor(1, thread_name_prefix="spt-sync") as net,
        ):
            exchange = self.begin()
            ahead = PagesAhead(self, net)
            try:
                while exchange is not None:
                    flight = self._inflight
                    answer: Answer | None = None
                    if flight is not None and flight.exchange is exchange:
                        # Sent behind the batch just answered (``_pipeline``).
                        self._inflight = None
                        ahead.drop()
                        answer = self._send_and_build_ahead(net, exchange, flight.answer)
                    else:
                        answer = ahead.take(exchange)
                        if answer is None:
                            ahead.drop()  # one request at a time on the connection
                            answer = self._send_and_build_ahead(net, exchange)
                    if not ahead.going():
                        foreseen = self.foreseen(answer)
                        if foreseen is not None:
                            ahead.start(foreseen)
                    exchange = self.apply(answer)
            finally:
                ahead.drop()  # wait for them; their answers are not needed
                self._land()
        return self.report()

    def report(self) -> SyncReport:
        requests = 0 if self.transport is None else self.transport.requests
        return SyncReport(
            pushed=self.pushed,
            pulled=self.pulled,
            conflicts=self.conflicts,
            refused=self.refused,
            purged=self.purged,
            requests=requests - self._requests_at_start,
            wiped=self.wiped,
            update=None if self.transport is None else self.transport.update,
            held=self.held_count,
        )

    def settle(self) -> None:
        """Before the vault locks in the middle of a run (vault thread): no request of
        this run goes out any more, a refresh on the wire is waited for (the transport's
        timeouts bound the wait), and new tokens not stored yet are stored, so the coach
        stays signed in. The answer to a sync request on the wire is dropped: its batch
        is sent again, with the same id, by the next sync."""
        with self._guard:
            self._settled = True
            idle = not self._sending
        if idle:
            self.close()
        self._refreshing.wait()
        with self._guard:
            pair, self._unstored = self._unstored, None
        if pair is not None and self.vault.is_unlocked:
            with self._step(), self._local() as conn:
                _store_tokens(conn, pair)

    def close(self) -> None:
        """Close the transport this run made for itself (idempotent)."""
        if self._own_transport and self.transport is not None:
            self.transport.close()

    # --- between the steps -----------------------------------------------------------

    def _transport(self) -> Transport:
        assert self.transport is not None, "begin() first"
        return self.transport

    def _request(self) -> dict[str, Any]:
        request: dict[str, Any] = {"cursor": self._cursor, "limit": self.page}
        if self._batch is not None:
            request["batch"] = self._batch["batch"]
        return request

    def _exchange(self, body: dict[str, Any], *, refresh: bool = False) -> Exchange:
        """``body`` with a valid access token, or a refresh first."""
        token = self._token
        batch = self._batch
        content = None
        if batch is not None and body.get("batch") is batch["batch"]:
            content = request_body(body["cursor"], body["limit"], batch)
        # A run that pushes wants a token that lasts while a batch waits behind another
        # (``PIPELINE_TOKEN_MARGIN``): with less left, ``_pipeline`` sent each batch
        # only after the answer before, until the token came within 30 s of its end.
        margin = PIPELINE_TOKEN_MARGIN if self._pushing else 30
        if not refresh and token is not None and token[1] > time.time() + margin:
            return Exchange(body, token=token[0], content=content)
        with self._local() as conn:
            refresh_token = _settings(conn)[S_REFRESH]
        return Exchange(body, refresh_token=refresh_token, content=content)

    def _apply_answer(self, answer: Answer) -> Exchange | None:
        exchange = answer.exchange
        if answer.error is not None:
            return self._refused(exchange, answer.error)
        if answer.tokens is not None:
            pair = answer.tokens
            with self._guard:
                self._unstored = None
            with self._local() as conn:
                _store_tokens(conn, pair)
            self._token = (pair.access_token, time.time() + pair.expires_in)
            return Exchange(exchange.body, token=pair.access_token, content=exchange.content)
        assert answer.response is not None
        self._retried = False
        resp = answer.response
        flight = self._inflight
        # The page was read after the push, so it already holds the push's effects. It
        # is applied when it was asked from the cursor the vault holds and no batch is
        # on the wire behind this one (``_pipeline``): else the cursor stays, and the
        # pull goes on from it once the push is done.
        page = flight is None and exchange.body.get("cursor") == self._cursor
        self._batch = self._apply(resp, self._batch, self._cursor, self._pushing, page=page)
        if flight is not None and self._batch is flight.batch:
            return flight.exchange
        self._land()
        if page:
            self._cursor = resp.pull.cursor
            if not resp.pull.more and self._batch is None:
                return None
        return self._exchange(self._request())

    def _repeated(self, conn: sa.Connection) -> frozenset[str] | None:
        """The records an answer must ask the outbox about for changes since their
        batch (``apply.read_outbox``): those with several entries when the run began,
        while no other connection has written to the vault since (its ``data_version``:
        the app's edits meanwhile come through another connection); else None (all).
        Only on the connection run() holds."""
        known = self._outbox
        if known is None or not self._held or self._outbox_due:
            return None
        version = int(driver_cursor(conn).execute("PRAGMA data_version").fetchone()[0])
        if version != known.version:
            self._outbox = None  # written to meanwhile: every record is asked, as before
            return None
        return known.repeated

    def _keep_limits(self, conn: sa.Connection) -> None:
        """The batch limits the server has said, kept in the vault when they are news
        (``S_LIMITS``), in the transaction of the answer that said them."""
        said = _said_limits(self._transport())
        if said is not None and said != self._limits:
            _put(conn, {S_LIMITS: said})
            self._limits = said

    def _refused(self, exchange: Exchange, error: SyncError) -> Exchange:
        if (
            self._remembered
            and "batch" in exchange.body
            and error.params.get("status") in (413, 415, 422)
        ):
            # A batch built by the limits kept from an earlier sync was too big for the
            # server (it takes less now), or packed with an encoding it no longer takes
            # (415): it was not applied, so it and the one stored behind it (never sent:
            # it goes only after this one's answer) are built again, by the limits the
            # server says, from the outbox that still holds their entries. This sync
            # fails as refused; the next one goes.
            with self._local() as conn:
                _put(conn, {S_LIMITS: None, **dict.fromkeys(_SLOTS)})
        if (
            isinstance(error, TokenExpired | TokenInvalid)
            and exchange.refresh_token is None
            and not self._retried
        ):
            # Expired, or refused (a signing key retired early): one refresh, then the
            # server's answer stands (a refresh refused asks the coach to log in).
            self._retried = True
            return self._exchange(exchange.body, refresh=True)
        raise error

    def _revoked(self, *, again: bool = True) -> None:
        """The server revoked this device: everything out of the vault (``again``
        False: a vault wiped before, which stays as it is)."""
        self._release()
        if again:
            wipe(self.vault)
        self.wiped = True

    # --- connections -----------------------------------------------------------------

    @property
    def conn(self) -> sa.Connection:
        assert self._conn is not None, "only inside a step"
        return self._conn

    @contextmanager
    def _holding(self) -> Iterator[None]:
        """One connection for every step of ``run()``."""
        conn = self._connect(RUN_WAL_PAGES)
        self._held = True
        try:
            yield
        finally:
            if self._conn is conn:
                self._release()

    def keep(self) -> None:
        """Vault step, before ``begin``, of a sync in steps (the window's,
        ``services.session.SyncRun``): one connection for all its steps until
        ``release``, set up as ``run()``'s (``_connect``: its page cache, the WAL
        checkpointed once, at the end), so that a step does not take a connection the
        app used meanwhile (its cache emptied by the app's commits; each page's commit
        checkpointing the WAL), and a first pull's pages go in as ``run()``'s do
        (``apply_page``'s ``bulk``). Unlike ``run()``'s, it holds no transaction between
        the steps (``_held`` stays False: every answer commits in its own step, and the
        app writes between the steps, on the pool's other connections)."""
        if self._conn is None:
            self._connect(STEPS_WAL_PAGES)
            self._kept = True

    def release(self) -> None:
        """The connection ``keep`` took, back to the pool as it came (idempotent)."""
        if self._kept:
            self._kept = False
            self._release()

    def _connect(self, wal_pages: int) -> sa.Connection:
        """A connection of the pool for the run's steps (``_holding``, ``keep``), its WAL
        let grow to ``wal_pages`` before a checkpoint."""
        conn = self.vault.engine.connect()
        self._conn = conn
        # A page cache for the run's whole work (see RUN_CACHE_KIB): its lookups by id
        # land anywhere in a big vault's indexes.
        raw = driver_cursor(conn)
        self._cache_size = int(raw.execute("PRAGMA cache_size").fetchone()[0])
        raw.execute(f"PRAGMA cache_size = {-RUN_CACHE_KIB:d}")
        # No checkpoint after each commit (RUN_WAL_PAGES): one at the end (``_flush``).
        # SQLite checkpoints the WAL into the database after any commit that leaves it
        # over 1,000 pages: each of a big pull's commits did, with two fsyncs each (the
        # WAL, then the database), and wrote again every page the commit before had
        # written (10k first pull: 157 fsyncs, 2.7 s of waiting; 88 and 0.9 s with one
        # checkpoint at the end). The WAL keeps every commit atomic either way.
        self._wal_pages = int(raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        # It answers with the new value: read, so that no statement stays in progress
        # (a VACUUM on the connection, as a wipe makes, refuses to run beside one).
        raw.execute(f"PRAGMA wal_autocheckpoint = {max(wal_pages, self._wal_pages):d}")
        raw.fetchall()
        return conn

    def _release(self) -> None:
        """The held connection back to the pool as it came."""
        self._stop_checkpointer()
        conn, self._conn, self._held, self._kept = self._conn, None, False, False
        self._open = None  # rolled back by _restore: its pages are pulled again
        if conn is not None:
            try:
                self._restore(conn)
            finally:
                conn.close()

    @contextmanager
    def _step(self) -> Iterator[None]:
        """The connection of one vault step: the held one, or one borrowed for it. The
        one ``keep`` took ends each step outside a transaction, as a borrowed one goes
        back to the pool (``_restore``): nothing holds the vault between the steps."""
        if self._conn is not None:
            if not self._kept or self._in_step:
                yield
                return
            self._in_step = True
            try:
                yield
            finally:
                self._in_step = False
                conn = self._conn
                if conn is not None and conn.in_transaction():
                    conn.rollback()
            return
        with self.vault.engine.connect() as conn:
            self._conn = conn
            try:
                yield
            finally:
                self._conn = None
                self._restore(conn)

    @contextmanager
    def _local(self) -> Iterator[sa.Connection]:
        """One transaction on the step's connection (the pages an open one holds are
        committed first)."""
        self._commit_open()
        with self.conn.begin():
            yield self.conn

    @contextmanager
    def _applying(self) -> Iterator[sa.Connection]:
        """One transaction for applying server state: foreign keys off (see the module
        doc; switched back when the step or the run ends), no outbox or audit rows (Core
        statements do not run the ORM's tracking hook).

        The transaction a page left open (``_keep_open``) goes on: its pages and this
        one commit together, with this one's cursor. Else a new one. The body decides,
        by ``_keep_open``, whether this one commits at its end."""
        tx = self._open
        self._open = None
        if tx is None:
            if not self._remote:
                # Must run outside a transaction: SQLite ignores it inside one.
                self.conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
                self.conn.commit()
                self._remote = True
            self._relax()
            tx = self.conn.begin()
            self._open_records = 0
        self._keep = False
        try:
            yield self.conn
        except BaseException:
            tx.rollback()  # the pages of the open transaction with it: pulled again
            raise
        if self._keep:
            self._open = tx
        else:
            tx.commit()
            self._committed()
        self._unflushed = True

    def _commit_open(self) -> None:
        """Commit the pages an open transaction holds (with their last cursor) before
        anything else runs on the connection."""
        tx, self._open = self._open, None
        if tx is not None:
            tx.commit()

    def _keep_open(self, page: PulledPage) -> bool:
        """Whether the transaction of a page that answered no batch and makes none (and
        with none on the wire) stays open for the next page(s) (``PULL_TX_RECORDS``):
        the run holds its connection and more pages are to come, asked for with no
        batch (a first pull after its first page; the pages after a push's last batch).

        A commit writes every database page the transaction dirtied to the WAL, each
        encrypted by SQLCipher; a first pull's pages touch the same index pages (ids,
        the search index's segments) again and again, so several vault pages per commit
        write each of them once. The guarantee stays: the records of every page in the
        transaction and the cursor past the last one are committed together (a run cut
        off loses the open pages, which are pulled again, never a page without its
        cursor or a cursor without its page)."""
        if not self._held or not page.more:
            return False
        self._open_records += len(page.records)
        return self._open_records < PULL_TX_RECORDS

    def _restore(self, conn: sa.Connection) -> None:
        """The connection goes back to the pool as it came: foreign keys on, its own
        synchronous mode."""
        if conn.in_transaction():
            conn.rollback()
        if self._remote:
            conn.exec_driver_sql("PRAGMA foreign_keys = ON")
            conn.commit()
            self._remote = False
        if self._durable_mode is not None:
            driver_cursor(conn).execute(f"PRAGMA synchronous = {self._durable_mode:d}")
            self._durable_mode = None
        if self._cache_size is not None:
            driver_cursor(conn).execute(f"PRAGMA cache_size = {self._cache_size:d}")
            self._cache_size = None
        self._checkpoint_as_before(conn)

    def _checkpoint_as_before(self, conn: sa.Connection) -> None:
        """The connection's own autocheckpoint again (see ``_holding``): its next
        commit checkpoints the WAL the run left, if over that size."""
        if self._wal_pages is not None:
            raw = driver_cursor(conn)
            raw.execute(f"PRAGMA wal_autocheckpoint = {self._wal_pages:d}").fetchall()
            self._wal_pages = None

    def _relax(self) -> None:
        """Commits of this run without a flush to disk of their own (synchronous=NORMAL)
        until ``_flush``: the vault's FULL mode costs a WAL fsync per commit, a tenth of
        a first push's local time. WAL keeps each commit atomic either way, and the
        protocol makes a lost one harmless should power fail before the flush: a page
        and its cursor are one transaction (a lost one is pulled again), and a lost
        pending batch leaves its outbox entries, sent again with the same values (the
        server answers a record it has, with those values, as applied)."""
        if self._durable_mode is None:
            raw = driver_cursor(self.conn)
            self._durable_mode = int(raw.execute("PRAGMA synchronous").fetchone()[0])
            raw.execute("PRAGMA synchronous = NORMAL")

    def _committed(self) -> None:
        """After an answer's commit: while ``run()`` pushes, every CHECKPOINT_EVERY-th
        wakes the thread that copies the WAL into the vault (``Checkpointer``)."""
        if not self._held or not self._pushing:
            return
        self._commits += 1
        if self._commits % CHECKPOINT_EVERY == 0:
            self._checkpoint_aside()

    def _checkpoint_aside(self) -> None:
        if self._checkpointer is None:
            self._checkpointer = Checkpointer(self.vault)
        self._checkpointer.wake()

    def _stop_checkpointer(self) -> None:
        """The checkpoint thread's copy waited for, its connection back to the pool."""
        checkpointer, self._checkpointer = self._checkpointer, None
        if checkpointer is not None:
            checkpointer.stop()

    def _checkpoint_early(self) -> None:
        """The WAL the run has written so far, copied into the vault (a checkpoint, as the
        run's end makes: ``_holding``, ``_flush``) once its push is done while the rest
        of the pull is still on its way: the end then copies only what those last pages
        wrote. By the checkpoint thread when the push made one (``_committed``): the
        vault thread applies the pages meanwhile. Else on the connection ``run()``
        holds, outside any transaction; PASSIVE: it waits for no one, and copies what no
        reader still needs."""
        self._swept_early = False
        if not self._held or self._open is not None:
            return
        if self._checkpointer is not None:
            self._checkpointer.wake()
            return
        driver_cursor(self.conn).execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def _flush(self) -> None:
        """The end of a sync: one commit in the vault's own mode, which flushes the WAL,
        so every commit of the run is on disk (a no-change sync has none to flush)."""
        self._commit_open()
        # The thread's copy done first: the last commit's checkpoint copies the rest.
        self._stop_checkpointer()
        if not self._unflushed:
            return
        if self._durable_mode is not None:
            driver_cursor(self.conn).execute(f"PRAGMA synchronous = {self._durable_mode:d}")
            self._durable_mode = None
        # The run's last commit checkpoints what its commits wrote, once (``_holding``).
        own = self._wal_pages
        self._checkpoint_as_before(self.conn)
        with self._local() as conn:
            sweep_outbox(conn)
            # The indexes a pull left for its end (this run's, or a run cut off before).
            later_indexes.build_later(conn)
            _put(conn, {S_LAST_SYNC: utcnow().isoformat()})
            self.held_count = held_changes.count(conn)
        self._unflushed = False
        if own is not None and self._kept:
            self._truncate_wal(own)

    def _truncate_wal(self, own: int) -> None:
        """The end of the window's sync (its steps, ``keep``): the WAL file cut back to
        nothing once the run's last commit has checkpointed it (``_flush``), when the
        run left it bigger than the connection's own bound (``own`` pages: its
        autocheckpoint then copied it all). SQLite reuses a WAL file from its start after
        a checkpoint but never makes it smaller: the window's 10k first pull left 205 MB
        beside a vault of 183 MB (its first push 168 MB) until the vault locked, all day
        in a window left open (issue 13, round 18). ``run()`` leaves it to the lock that
        follows it (`spt-desktop sync`: the vault's last connection closed, SQLite
        removes the WAL): the cut takes ~0.1 s of waiting for the file system (10k: 27
        ms of CPU), which a first push's end would wait for.

        TRUNCATE copies nothing more here and waits for no one: with no busy timeout, a
        reader of another connection still on the WAL (none in the app: its vault
        thread is the one reader) makes it return at once, and the file stays as SQLite
        leaves it. A small sync's WAL, under the bound, is not checkpointed here: its
        pages are copied with a later commit's, as before."""
        wal = f"{self.vault.path}-wal"
        try:
            size = os.stat(wal).st_size
        except OSError:
            return
        if size <= own * (WAL_PAGE + WAL_FRAME_HEADER):
            return
        raw = driver_cursor(self.conn)
        busy = int(raw.execute("PRAGMA busy_timeout").fetchone()[0])
        raw.execute("PRAGMA busy_timeout = 0").fetchall()
        try:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            raw.execute(f"PRAGMA busy_timeout = {busy:d}").fetchall()

    # --- ahead of the answer (run) ------------------------------------------------------

    def _send_and_build_ahead(
        self,
        net: ThreadPoolExecutor,
        exchange: Exchange,
        on_the_wire: Future[Answer] | None = None,
    ) -> Answer:
        """Send ``exchange`` (``on_the_wire``: already sent); when it carries a full batch
        (the outbox likely holds more), on the second thread while this one builds the
        next (``_prebuild``) and sends it behind it (``_pipeline``). Anything else goes
        out from this thread: a no-change sync or a small push has nothing to overlap,
        and handing a request to another thread and back costs two wake-ups. An answer
        from the second thread comes unread (``send(read=False)``) and is read here, so
        that thread sends the batch behind it first."""
        self._next = self._built_behind()
        batch = exchange.body.get("batch")
        full = batch is not None and len(batch["changes"]) >= p.MAX_BATCH
        if on_the_wire is None:
            if not full:
                answer = self.send(exchange)
                self._read_outbox()
                return answer
            on_the_wire = net.submit(self.send, exchange, read=False)
        # With the limits said (or kept), the batch behind is built and queued first,
        # then the outbox read (0.1 s at 10k): it goes out as soon as the first answer
        # is in, and the server no longer waits for that read (issue 13, gap16). Built
        # before the server said them, it is built after the read as before: the first
        # answer, which says them, is then likely in, and a batch built by the size
        # that answer says goes behind it.
        early = self._outbox_due and self._transport().limits.said
        if not early:
            self._read_outbox()
        if full:
            self._prebuild(exchange)
            handed = self._pipeline(net, exchange, on_the_wire)
            if handed is not None:
                on_the_wire = handed
        if early:
            self._read_outbox()
        return _read(on_the_wire.result())

    def launch(self, net: ThreadPoolExecutor, exchange: Exchange) -> Future[Answer] | None:
        """Vault step of a sync in steps (the window's, ``services.session.SyncRun``):
        ``exchange`` goes on the wire now, on ``net``, when it carries a full batch (the
        outbox likely holds more), and the batch after it is built and sent behind it
        (``_pipeline``), as ``run()`` does: the server works on the next batch while the
        vault thread applies the answer before. Returns the answer to come; None: the
        network step sends ``exchange`` itself (anything but a full batch, as in
        ``run()``). Exactly one step of the run calls it per request."""
        flight = self._inflight
        if flight is not None and flight.exchange is exchange:
            self._inflight = None  # sent behind the batch just answered
            on_the_wire = flight.answer
        else:
            self._next = None
            batch = exchange.body.get("batch")
            if batch is None or len(batch["changes"]) < p.MAX_BATCH:
                return None
            on_the_wire = net.submit(self.send, exchange, read=False)
        batch = exchange.body.get("batch")
        if batch is not None and len(batch["changes"]) >= p.MAX_BATCH:
            with self._step():
                self._prebuild(exchange, to_send=True)
                handed = self._pipeline(net, exchange, on_the_wire)
            if handed is not None:
                on_the_wire = handed
        if not self._held:
            self._next = None  # built on a borrowed connection: used only if sent now
        return on_the_wire

    def _pipeline(
        self, net: ThreadPoolExecutor, exchange: Exchange, answer: Future[Answer]
    ) -> Future[Answer] | None:
        """The batch built ahead (``_prebuild``) goes out right behind ``exchange``'s,
        before that one's answer is applied: the server works on it while this thread
        applies the answer before, so a push takes the longer of the two ends' work, not
        their sum. Stored first (in the place after the pending one's: ``_SLOTS``), so a
        sync cut off sends it again with the same id (``_apply`` makes it the pending batch
        when the one before is acknowledged). Sent by the network thread only after
        ``exchange`` was answered (``_send_after``), so the server takes the batches in
        outbox order.

        Returns ``exchange``'s answer as the vault step is to wait for it: handed over
        once the batch behind it is written to the connection (``transport.on_sent``),
        so that the vault thread, reading and applying that answer, does not hold the GIL
        while the network thread still has the batch behind to send (None: nothing sent
        behind it; wait for ``answer``).

        Only when nothing in it can change with the answer before: none of its records
        is in ``exchange``'s batch (whose results give them their new base revision),
        and that answer's page is not applied (``_apply_answer``: the pages of a run
        are applied once no batch is on the wire behind them, from the cursor they were
        asked from). Its own page is the rest of the pull when it is the outbox's last
        batch, else none (``limit`` 0; one record from a server that does not take 0,
        which is not applied either)."""
        ready, transport, token = self._next, self.transport, self._token
        if (
            ready is None
            or ready.batch is None
            or ready.text is None
            or transport is None
            # Built before the server said its limits: the first answer may make the
            # next batch bigger (said since, while it was built: it is built again).
            or not ready.said
            or exchange.refresh_token is not None
            or token is None
            or token[1] <= time.time() + PIPELINE_TOKEN_MARGIN
            # One is stored behind the pending batch already (a sync cut off, or a
            # batch that was not sent after a refusal): it goes next, as it is. Not
            # this one, stored there with the answer before (``_build_behind``).
            or (self._next_stored and not ready.early)
        ):
            return None
        changes = ready.batch["batch"]["changes"]
        sent = exchange.body["batch"]
        if not ready.early and not change_ids({"batch": sent}).isdisjoint(
            each_change_id(ready.batch)
        ):
            return None  # (``_build_behind`` checked it)
        self._next = None
        if not ready.early:
            self._relax()
            with self._local() as conn:
                _put(conn, {_after(self._slot): ready.text})
            self._unflushed = self._next_stored = True
        # Its page is the rest of the pull when it is the outbox's last batch; else none
        # (one record from a server that does not take 0), which is not applied.
        limit = self.page if len(changes) < ready.limit else int(not transport.page_optional)
        body = {"cursor": self._cursor, "limit": limit, "batch": ready.batch["batch"]}
        content = request_body(self._cursor, limit, ready.batch)
        following = Exchange(body, token=token[0], content=content)
        handed: Future[Answer] = Future()
        sent_after = net.submit(self._send_after, answer, following, handed)
        # Whatever becomes of it (refused, not sent, cancelled): the answer before is
        # handed over at the latest when it is done.
        sent_after.add_done_callback(_handing(answer, handed))
        self._inflight = _InFlight(following, sent_after, ready.batch)
        return handed

    def _send_after(
        self, before: Future[Answer], exchange: Exchange, handed: Future[Answer]
    ) -> Answer:
        """Network thread: ``exchange`` when the batch before it was acknowledged (the
        thread took that request first); else nothing goes out (``_land``). ``before``'s
        answer goes to ``handed`` as soon as ``exchange``'s body is written (``_pipeline``).

        Acknowledged: the server answered it (2xx), which it does for a batch only once
        the batch is committed, and always with its results. That answer is read by the
        vault step (``send(read=False)``), not here: this one goes out as soon as the
        one before is in, instead of after its JSON was parsed and checked (~2 ms of a
        2,000-change batch's results, with the server waiting; issue 13, helper
        "pushgap"). Should the answer read as no sync answer after all, this one's answer
        is dropped (``apply``: ``_land``) and it goes again, stored, with the same id,
        after the one before, which is sent again too: the server answers both from its
        record, in their order."""
        prior = before.result()
        if prior.body is None and (prior.response is None or prior.response.push is None):
            return Answer(exchange, error=SyncError(Code.SERVER_REFUSED))
        with on_sent(lambda: _hand(before, handed)):
            return self.send(exchange, read=False)

    def _land(self) -> None:
        """The batch sent behind the one answered (``_pipeline``) is not waited for any
        more: its answer is dropped once it is in (it stays stored, and goes again)."""
        flight, self._inflight = self._inflight, None
        if flight is not None:
            flight.answer.exception()

    def _read_outbox(self) -> None:
        """Once a run's first request is on its way (its answer not applied yet): which
        records the answers must ask the outbox about (``_repeated``). Read before that
        request went out, it held the request back: a scan of the whole outbox (10k first
        push: 0.1 s) while the server waited (issue 13, helper "pushgap"). Nothing is
        acknowledged before its answer is applied, so the entries read are the same; a
        commit by another connection meanwhile is in what is read, and one after it
        changes ``data_version``, as before."""
        if not self._outbox_due:
            return
        self._outbox_due = False
        with self._local() as conn:
            self._outbox = read_outbox(conn)

    def _prebuild(self, exchange: Exchange, *, to_send: bool = False) -> None:
        """While ``exchange``'s batch is on the wire: the batch after it, built from the
        outbox entries past it (read only; see ``_prebuilt_batch`` for when it is used).
        Only on the connection ``run()`` holds: on a connection of the pool, the app's
        own writes through it would not change its ``data_version``. ``to_send``: for
        ``_pipeline`` only, in the same vault step (``launch``), on any connection."""
        if self._built_behind() is not None:
            return  # built (and stored) with the answer before (``_build_behind``)
        self._next = None
        batch = self._batch
        if (
            not (self._held or to_send)  # data_version: a connection no one else writes to
            or not self._pushing
            or batch is None
            or exchange.refresh_token is not None
            or "batch" not in exchange.body
        ):
            return
        # The limits it is built by, read once before: the answer on the wire may say
        # others meanwhile (the network thread), and the batch is as big as these.
        limits = self.transport.limits if self.transport is not None else None
        said = limits is not None and limits.said
        limit, max_bytes = limits.batch_limits() if limits is not None else self._batch_limits()
        with self._local() as conn:
            version = int(driver_cursor(conn).execute("PRAGMA data_version").fetchone()[0])
            following = build_batch(conn, limit, after=batch["max_seq"], max_bytes=max_bytes)
        text = stored_batch(following) if following is not None else None
        self._next = _Prebuilt(batch["max_seq"], version, following, text, limit, said)

    def _prebuilt_batch(
        self, conn: sa.Connection, batch: dict[str, Any], resp: SyncAnswer
    ) -> _Prebuilt | None:
        """The batch built while ``batch`` was on the wire, if it is the one
        ``build_batch`` would build now: built past this batch, nothing committed to the
        vault since by anyone else (``PRAGMA data_version``), and none of its records
        touched by this answer (not in the acknowledged batch, its refused records or
        the page, and no candidate purged)."""
        ready, self._next = self._next, None
        if ready is None or ready.after != batch["max_seq"] or not self._held:
            return None
        version = int(driver_cursor(conn).execute("PRAGMA data_version").fetchone()[0])
        if version != ready.version:
            return None
        if ready.batch is None:
            return ready
        if len(ready.batch["batch"]["changes"]) >= ready.limit > 0 and (
            self._batch_limits()[0] > ready.limit
        ):
            return None  # full at a size the server has since said it exceeds: a bigger one
        if resp.pull.purge:
            return None
        touched = change_ids(batch)
        touched.update(r["id"] for r in resp.pull.records)
        if resp.push is not None:
            touched.update(r.id for r in resp.push.results if r.record is not None)
        if not touched.isdisjoint(each_change_id(ready.batch)):
            return None
        return ready

    def _build_behind(self, conn: sa.Connection, pending: dict[str, Any]) -> None:
        """In the transaction of an answer whose batch had the next one sent behind it
        (``pending``: the pending batch now, on the wire): the batch after ``pending``,
        built and stored behind it here, for ``_pipeline`` to send once ``pending`` is
        answered (``_built_behind``). Before, it was built after this commit and stored by
        a commit of its own, whose pages the next answer's transaction wrote again when it
        deleted the batch (zeroed: ``secure_delete``): each stored batch written twice,
        two commits a batch (10k first push: ~4,600 WAL frames and 197 commits; issue
        13, helper "gaps14"). Here it takes the pages the answered batch frees.

        Only on the connection ``run()`` holds, when ``_pipeline`` sends it behind
        ``pending`` as it is: built by limits the server said, none of its records in
        ``pending``, and an access token that lasts past the pipeline's margin with room
        to spare (``_pipeline`` checks it again a moment later). Else nothing is built
        here: ``_prebuild`` builds it, as before."""
        transport, token = self.transport, self._token
        if (
            not self._held
            or transport is None
            or token is None
            or token[1] <= time.time() + 2 * PIPELINE_TOKEN_MARGIN
        ):
            return
        limits = transport.limits
        if not limits.said:
            return
        limit, max_bytes = limits.batch_limits()
        version = int(driver_cursor(conn).execute("PRAGMA data_version").fetchone()[0])
        following = build_batch(conn, limit, after=pending["max_seq"], max_bytes=max_bytes)
        text = None
        if following is not None:
            if not change_ids(pending).isdisjoint(each_change_id(following)):
                return  # it waits for pending's answer (``_pipeline``)
            text = stored_batch(following)
            _put(conn, {_after(self._slot): text})
            self._next_stored = True
        self._next = _Prebuilt(pending["max_seq"], version, following, text, limit, True, True)

    def _built_behind(self) -> _Prebuilt | None:
        """The batch after the pending one (``self._batch``) when ``_build_behind`` built
        it, and stored it if any, with the answer before; else None."""
        ready, batch = self._next, self._batch
        if ready is None or not ready.early or batch is None or ready.after != batch["max_seq"]:
            return None
        return ready

    def foreseen(self, answer: Answer) -> Exchange | None:
        """The request after ``answer`` when it is known before the answer is applied:
        the next page of a pull, with no batch to go with it (the batch just sent is
        answered and the one built after it is empty, or this sync does not push) and a
        valid access token. None: not known (``apply`` makes it)."""
        following = self._page_after(answer)
        if following is None:
            return None
        if self._inflight is not None or answer.exchange.body.get("cursor") != self._cursor:
            return None  # its page is not applied (``_apply_answer``)
        if self._pushing:
            resp = answer.response
            assert resp is not None  # ``_page_after`` found its next page
            answered = resp.push is not None or self._batch is None
            nothing_next = self._batch is None or (
                self._next is not None and self._next.batch is None
            )
            if not (answered and nothing_next):
                return None
        return following

    def _page_after(self, answer: Answer) -> Exchange | None:
        """The request of the page after ``answer``'s (the network thread's
        ``PagesAhead``, and ``foreseen``), from that answer alone (its cursor), with
        the access token the run holds while it stays valid; None: no page follows, or
        the token is about to expire."""
        resp = answer.response
        token = self._token
        if resp is None or not resp.pull.more or token is None or token[1] <= time.time() + 30:
            return None
        return Exchange({"cursor": resp.pull.cursor, "limit": self.page}, token=token[0])

    # --- push ----------------------------------------------------------------------

    def _pending_or_next(self) -> dict[str, Any] | None:
        """The batch in flight (sent, not acknowledged), else a new one from the outbox,
        stored before it is sent so a retry after a crash sends the very same batch."""
        with self._local() as conn:
            held = _settings(conn, _SLOTS)
            pending, _ = stored_slots(held)
            if pending is not None:
                self._slot = pending
                return load_batch(held[pending])
            batch = self._build(conn)
            if batch is not None:
                self._slot = S_PENDING
                _put(conn, {S_PENDING: stored_batch(batch)})
            return batch

    def _build(self, conn: sa.Connection, *, after: int = 0) -> dict[str, Any] | None:
        """The next batch (``build_batch``) as big as the server said it takes."""
        limit, max_bytes = self._batch_limits()
        return build_batch(conn, limit, after=after, max_bytes=max_bytes)

    def _batch_limits(self) -> tuple[int, int | None]:
        """Changes and bytes in a push batch: what the server said (``Transport``)."""
        if self.transport is None:
            return p.MAX_BATCH, None
        return self.transport.batch_limits()

    # --- apply ---------------------------------------------------------------------

    def _apply(
        self,
        resp: SyncAnswer,
        batch: dict[str, Any] | None,
        cursor: str | None,
        pushing: bool,
        *,
        page: bool = True,
    ) -> dict[str, Any] | None:
        """Apply one answer (``page`` False: its results only); returns the next batch
        to send (None: nothing left).

        The next batch is built and stored in the same transaction as this answer (one
        commit per round trip, not two): after a crash the next sync sends it first,
        exactly as stored. One sent already behind this one (``_pipeline``) is it."""
        pulled = resp.pull
        if (
            page
            and batch is None
            and not pulled.records
            and not pulled.purge
            and pulled.cursor == cursor
        ):
            # Nothing came back: only note the sync (no foreign-key switch, one write).
            # The time shown in the status bar needs no flush to disk of its own (the
            # vault's FULL synchronous mode costs a WAL fsync per commit, most of a
            # no-change sync's local time): should power fail now, the next commit's
            # flush, or the previous time, is all the coach can lose. WAL keeps the
            # commit atomic either way.
            raw = driver_cursor(self.conn)
            mode = int(raw.execute("PRAGMA synchronous").fetchone()[0])
            raw.execute("PRAGMA synchronous = NORMAL")
            try:
                with self._local() as conn:
                    _put(conn, {S_LAST_SYNC: utcnow().isoformat()})
                    self._keep_limits(conn)
                    # Indexes a pull cut off before left for its end (none: one read).
                    later_indexes.build_later(conn)
            finally:
                raw.execute(f"PRAGMA synchronous = {mode:d}")
            return self._pending_or_next() if pushing else None
        with self._applying() as conn:
            self._keep_limits(conn)
            following = None
            if batch is not None and resp.push is not None:
                # Done, deleted at the end of the sync (see S_ACKED).
                acknowledge(conn, batch["max_seq"])
                following, self._slot = _promote_next(conn, self._inflight, self._slot)
                self._next_stored = False
                self.pushed += len(batch["batch"]["changes"])
                recorded = apply_results(conn, batch, resp.push, repeated=self._repeated(conn))
                self.conflicts += recorded.conflicts
                self.refused += recorded.refused
                if pushing and self._inflight is not None and following is self._inflight.batch:
                    self._build_behind(conn, following)
            elif batch is not None:
                following = batch  # not answered: still pending, sent again
            if page:
                # More pages to come on the connection run() holds (or the window's
                # steps keep): tables this page begins to fill get their indexes at the
                # end of the run (``_flush``).
                bulk = (self._held or self._kept) and pulled.more
                self.pulled += apply_page(conn, pulled.records, bulk=bulk)
                purge_candidates(conn, pulled.purge, gone=gone_candidates(pulled))
                self.purged += len(pulled.purge)
                _put(conn, {S_CURSOR: pulled.cursor, S_LAST_SYNC: utcnow().isoformat()})
            if pushing and following is None:
                ready = None if batch is None else self._prebuilt_batch(conn, batch, resp)
                if ready is not None:
                    following, text = ready.batch, ready.text
                else:
                    following = self._build(conn)
                    text = stored_batch(following) if following is not None else None
                if text is not None:  # none is stored (answered, nothing behind it)
                    self._slot = S_PENDING
                    _put(conn, {S_PENDING: text})
                if following is None and batch is not None and resp.push is not None:
                    # The push is done: its outbox entries go now, in the transaction of
                    # its last results, not at the run's end (``_flush``). When pages
                    # are still to come, the next is on the wire meanwhile (``run``:
                    # ``foreseen``), so this and the checkpoint after it
                    # (``_checkpoint_early``) overlap the server's work on it instead of
                    # following the last answer (10k first push: 0.15 s of CPU and
                    # ~0.3 s of writing and flushing; issue 13, helper "pushgap").
                    sweep_outbox(conn, batch["max_seq"])
                    self._swept_early = page and pulled.more
                    if self._held:
                        _cache_kib(conn, RUN_CACHE_KIB)  # the push's (``begin``) given back
            self._keep = (
                page
                and batch is None
                and following is None
                and self._inflight is None
                and self._keep_open(pulled)
            )
            return following


def _cache_kib(conn: sa.Connection, kib: int) -> None:
    """The page cache of ``conn`` (the connection ``run()`` holds) at ``kib`` KiB; a
    smaller one than it had frees the pages past it."""
    driver_cursor(conn).execute(f"PRAGMA cache_size = {-kib:d}")


def _said_limits(transport: Transport) -> str | None:
    """The batch limits ``transport`` heard from the server, as ``S_LIMITS`` keeps them
    (None: it heard none)."""
    limits = transport.limits
    if not limits.said:
        return None
    said = f"{limits.max_batch:d} {limits.max_body:d} {int(limits.page_optional):d}"
    takes = transport.server_takes
    return said if takes is None else f"{said} {takes}"


def _remember_limits(transport: Transport, kept: str | None) -> bool:
    """The limits the vault kept (``S_LIMITS``) for a transport that has heard none yet;
    whether it took them. Kept nonsense is ignored (the transport's defaults stay)."""
    if transport.limits_said or not kept:
        return False
    parts = kept.split()
    if len(parts) not in (3, 4) or not all(part.isdigit() for part in parts[:3]):
        return False
    batch, body, optional = (int(part) for part in parts[:3])
    if batch < 1 or body < MIN_BODY:
        return False
    transport.limits = Limits(True, min(batch, CLIENT_MAX_BATCH), body, optional == 1)
    if len(parts) == 4:  # the encoding it takes in request bodies, heard with them
        transport.remember_takes(parts[3])
    return True


def _promote_next(
    conn: sa.Connection, flight: _InFlight | None, slot: str
) -> tuple[dict[str, Any] | None, str]:
    """The pending batch (kept at ``slot``) is answered: the one stored behind it, if any,
    is the pending batch now, where it is, and the next to send (``flight``: the same,
    on the wire already; else read back, as a sync cut off left it). Returns it and its
    place (S_PENDING when there is none: where the next batch built goes)."""
    cursor = driver_cursor(conn)
    cursor.execute(f"DELETE FROM {_SETTING} WHERE key = ?", (slot,))
    behind = _after(slot)
    if flight is not None:
        return flight.batch, behind
    row = cursor.execute(f"SELECT value FROM {_SETTING} WHERE key = ?", (behind,)).fetchone()
    if row is None:
        return None, S_PENDING
    return load_batch(row[0]), behind


def _hand(done: Future[Answer], handed: Future[Answer]) -> None:
    """``handed`` takes ``done``'s outcome once ``done`` has one; the first call does
    (``_pipeline``: when the batch behind is written, else when its sending is over)."""

    def copy(outcome: Future[Answer]) -> None:
        try:
            if outcome.cancelled():
                handed.cancel()
            elif (error := outcome.exception()) is not None:
                handed.set_exception(error)
            else:
                handed.set_result(outcome.result())
        except InvalidStateError:  # handed over already
            pass

    if not handed.done():
        done.add_done_callback(copy)


def _handing(done: Future[Answer], handed: Future[Answer]) -> Callable[[Future[Answer]], None]:
    """A done callback that hands ``done``'s outcome to ``handed`` (``_hand``), then
    lets go of both. A ``Future`` keeps its callbacks after it is done, and the batch
    sent behind each answer (``_pipeline``) would keep, through its callback, the
    answer before it, and that one the one before it, back to the run's first: every
    request body and answer of a push held until the run ended (10k first push: the
    client's memory 100 -> 870 MB, 200,000 pages faulted in; issue 13, round 17)."""
    held = [done, handed]

    def hand(_: Future[Answer]) -> None:
        if held:
            before, after = held
            held.clear()
            _hand(before, after)

    return hand


# How long an access token must stay valid for a batch to be sent behind another: it may
# wait for the server's answer to the one before.
PIPELINE_TOKEN_MARGIN = 120


@dataclass(frozen=True)
class _InFlight:
    """A batch sent behind the one on the wire before that one's answer is applied
    (``Syncer._pipeline``)."""

    exchange: Exchange
    answer: Future[Answer]
    batch: dict[str, Any]


@dataclass(frozen=True)
class _Prebuilt:
    """A batch built while the one before it was on the wire (``Syncer._prebuild``)."""

    after: int  # the outbox sequence number it was built past
    version: int  # the vault's PRAGMA data_version when it was built
    batch: dict[str, Any] | None  # None: the outbox held nothing more
    text: str | bytes | None  # ``batch`` as stored for a retry (``stored_batch``)
    limit: int = 0  # the most changes a batch could have when it was built
    said: bool = False  # built by limits the server said (``Transport.limits_said``)
    # Built, and stored if any, in the transaction of the answer before (``_build_behind``).
    early: bool = False


# How many pages of a pull ``run()`` has asked for ahead of the one it applies: the next
# page's request goes out as soon as the network thread has read the page before it, not
# when the vault thread comes to apply that one (``PagesAhead``).
PAGES_AHEAD = 2


class PagesAhead:
    """The pages of a pull asked for ahead of the vault thread (``run()``; the window's
    sync in steps, ``services.session.SyncRun``, from its network step), in order.

    The vault thread starts the chain with the request it foresees (``Syncer.foreseen``:
    a pull with nothing to push); then the network thread asks for the page after each
    page it reads (``Syncer._page_after``), while at most ``PAGES_AHEAD`` requests wait
    for the vault thread, so the server works on page n + 2 while page n + 1 is read and
    page n applied. A page request changes nothing on the server: one that turns out not
    to be the request the run makes next (the run pushes again, the token was refreshed)
    is waited for and dropped, as the one page foreseen always was."""

    def __init__(self, syncer: Syncer, net: ThreadPoolExecutor, depth: int | None = None) -> None:
        self._syncer = syncer
        self._net = net
        self._depth = PAGES_AHEAD if depth is None else depth
        self._lock = threading.Lock()
        self._queue: deque[tuple[Exchange, Future[Answer]]] = deque()
        self._stalled: Exchange | None = None  # the next request, held back (queue full)
        self._stopped = False

    def going(self) -> bool:
        """Whether pages are on their way (or one is held back to go)."""
        with self._lock:
            return bool(self._queue) or self._stalled is not None

    def start(self, exchange: Exchange) -> None:
        """Vault thread: ask for ``exchange``'s page, and on from it."""
        with self._lock:
            self._stopped = False
            self._submit(exchange)

    def take(self, exchange: Exchange, *, wait: bool = True) -> Answer | None:
        """Vault thread: the answer to ``exchange`` when it is the first request on its
        way (waited for; ``wait`` False: only when it is in already); None: it is not
        (nothing is taken)."""
        with self._lock:
            if not self._queue or not _same(self._queue[0][0], exchange):
                return None
            if not wait and not self._queue[0][1].done():
                return None
            _, future = self._queue.popleft()
            if self._stalled is not None and not self._stopped:
                stalled, self._stalled = self._stalled, None
                self._submit(stalled)
        return future.result()

    def drop(self) -> None:
        """Vault thread: no more requests ahead; those on their way are waited for (one
        request at a time on the connection) and their answers dropped."""
        with self._lock:
            self._stopped = True
            self._stalled = None
            waiting = list(self._queue)
            self._queue.clear()
        for _, future in waiting:
            future.exception()

    def stop(self) -> None:
        """Any thread: no more requests ahead, and none waited for (the run is over: the
        window's sync ended or the vault locked; its transport closes after the request
        on the wire, ``Syncer.settle``)."""
        with self._lock:
            self._stopped = True
            self._stalled = None
            self._queue.clear()

    def _submit(self, exchange: Exchange) -> None:
        # Under the lock.
        if len(self._queue) >= self._depth:
            self._stalled = exchange
            return
        self._queue.append((exchange, self._net.submit(self._fetch, exchange)))

    def _fetch(self, exchange: Exchange) -> Answer:
        """Network thread: ``exchange``'s answer, the request after it sent on."""
        answer = self._syncer.send(exchange)
        following = self._syncer._page_after(answer)
        if following is not None:
            with self._lock:
                if not self._stopped:
                    self._submit(following)
        return answer


class Checkpointer:
    """A thread that copies the WAL of ``run()`` into the vault file (a PASSIVE
    checkpoint, on a connection of its own) each time it is woken, while the run's
    connection goes on applying answers: the end of the run (``_flush``'s last commit,
    the connection's own autocheckpoint) then copies only what was written since the
    last copy, instead of the whole push's WAL on the vault thread with the server idle.

    PASSIVE takes no lock a writer waits for and copies only frames no reader still
    needs; SQLite keeps the copy safe beside the other connection's commits (one process,
    the WAL's shared index). The vault's raw key is on the pool's connections, so a new
    one costs no key derivation. A failure here is dropped: the run's end copies the WAL
    either way."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._cond = threading.Condition()
        self._due = self._stopping = False
        self._thread = threading.Thread(target=self._run, name="spt-vault-checkpoint", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Vault thread: copy what is written by now (once the copy running is done)."""
        with self._cond:
            self._due = True
            self._cond.notify()

    def stop(self) -> None:
        """Vault thread: the copy running waited for; none more. The connection is back
        in the pool when this returns."""
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join()

    def _run(self) -> None:
        try:
            with self._vault.engine.connect() as conn:
                raw = driver_cursor(conn)
                while self._next():
                    self._checkpoint(raw)
        except Exception:  # the vault locked meanwhile, a busy file: the end copies it
            pass

    def _next(self) -> bool:
        with self._cond:
            while not self._due and not self._stopping:
                self._cond.wait()
            self._due = False
            return not self._stopping

    def _checkpoint(self, raw: Any) -> tuple[int, int, int]:
        """One copy: SQLite's (busy, frames in the WAL, frames copied)."""
        return cast(tuple[int, int, int], raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone())


def _same(a: Exchange, b: Exchange) -> bool:
    """Whether two requests are the same request."""
    return a.body == b.body and a.token == b.token and a.refresh_token == b.refresh_token


def sync(
    vault: Vault, *, transport: Transport | None = None, page: int = p.DEFAULT_PAGE
) -> SyncReport:
    """Push everything waiting, pull everything new, every step on this thread (see
    ``Syncer``); without ``transport``, with one of its own to the vault's server."""
    syncer = Syncer(vault, transport, page=page)
    try:
        return syncer.run()
    finally:
        syncer.close()
