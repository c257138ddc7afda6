"""The vault's life-cycle as the desktop app needs it, without Qt and without SQLAlchemy
in the caller: create, unlock (passphrase or recovery key), lock, change the passphrase,
encrypted drafts of unsaved forms, per-vault preferences and sync.

    session = VaultSession(path)
    services = session.unlock("correct paard batterij nietje")
    session.save_draft("visit:abc", {"topics": "..."}, about="abc")
    session.lock()

Every method may block (key derivation, disk, network): the UI calls them from its one
background worker, never from the UI thread.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from spt_common.enums import Role, Spt
from spt_desktop.errors import Code, FieldError, Problem
from spt_desktop.models.drafts import DRAFT_PREFIX
from spt_desktop.models.passphrase import MIN_PASSPHRASE, Strength, passphrase_strength
from spt_desktop.services.errors import RuleViolation, ValidationError

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from spt_desktop.models.keyfile import KdfParams
    from spt_desktop.models.vault import Vault
    from spt_desktop.services import Services
    from spt_desktop.sync.engine import Answer, Exchange, PagesAhead, Syncer

AUTO_LOCK_KEY = "ui.auto_lock_minutes"
# The column widths the coach chose by dragging, per table: {table: {column: characters}}.
COLUMN_WIDTHS_KEY = "ui.column_widths"
DEFAULT_AUTO_LOCK_MINUTES = 10
AUTO_LOCK_LOW, AUTO_LOCK_HIGH = 1, 240  # minutes
# The demo vault holds made-up people only; its passphrase is printed on the unlock screen.
DEMO_PASSPHRASE = "demo techniek noord-holland"
DEMO_CANDIDATES = 400
VAULT_FILE = "coach.sptvault"


@dataclass(frozen=True)
class Owner:
    """Who the new vault belongs to."""

    name: str
    email: str = ""
    roles: tuple[Role, ...] = (Role.LOOPBAANCOACH,)
    spt: Spt = Spt.NOORD_HOLLAND


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows about sync."""

    linked: bool
    server_url: str | None
    last_sync: datetime | None
    unsynced: int
    conflicts: int  # open: fields changed on both sides, edits of what was deleted
    revoked: bool = False  # the server revoked this laptop; the vault was wiped
    refused: int = 0  # open: her records the server would not take (not conflicts)
    demo: bool = False  # a demo vault: never linked (services/demo_mark.py)
    # Colleagues' changes this version of the app cannot store yet (a newer app's code):
    # kept, applied after an update (sync.held). How many only, never what.
    held: int = 0


@dataclass(frozen=True)
class MemorySecurity:
    """The "extra geheugenbeveiliging" setting: what the coach chose (kept outside the
    vault, ``models.preferences``) and what this running app does. They differ after a
    change until the app starts again."""

    chosen: bool
    active: bool


@dataclass(frozen=True)
class Conflict:
    """One field both sides changed, or (``field`` None) a whole record of hers the server
    would not take or deleted elsewhere, as the coach sees it."""

    id: str
    entity: str
    record_id: str
    candidate_id: str | None
    kind: str  # field | deleted | forbidden | rejected (sync.conflicts)
    field: str | None
    mine: Any
    theirs: Any
    detected_at: datetime
    # Why the server would not take it (sync.conflicts.refusal_of); None: a conflict.
    refusal: str | None = None


# The fields of a whole record that name a coach, as Conflicten shows them.
COACH_FIELDS = ("coach_id", "from_coach_id", "to_coach_id")


@dataclass(frozen=True)
class ConflictNames:
    """The names Conflicten shows for the ids in its rows: whose dossier a record is
    about (as her caseload names the candidate), which colleague it names, and which
    employer a record of the employer register is (or is of), by the record's id."""

    candidates: dict[str, str]
    coaches: dict[str, str]
    employers: dict[str, str] = field(default_factory=dict)


# The most answers one vault step of the window's sync applies: the one ``send``
# brought, and the pages after it already in (asked for ahead, ``engine.PAGES_AHEAD``).
# Each is applied in its own transaction; fewer steps, fewer hand-offs through the UI
# thread per page (three a step). A 10k first pull's page is ~30 ms of the vault
# thread: a search typed meanwhile waits for at most these.
STEP_PAGES = 1 + 2


class SyncRun:
    """One sync of the window's, in steps that take turns between its two threads (the
    engine's ``Syncer``): a vault step on the vault thread, the request on the pool for
    work without the vault, a vault step for the answer, and so on.

        run = session.sync_start()          # vault thread
        while not run.finished:
            run.send()                      # any thread: network only
            session.sync_step(run)          # vault thread
        run.report, run.status

    While the server answers, the vault thread serves searches and dossiers.

    A push keeps two batches on the wire, as ``Syncer.run`` does: the vault step that
    makes a request carrying a full batch puts it on the wire itself, on the run's own
    network thread (``Syncer.launch``), builds the next batch and sends it behind it;
    ``send`` then waits for the answer already on its way. So the server works on one
    batch while the vault thread applies the answer to the one before.

    A pull asks for its pages ahead, as ``Syncer.run`` does (``engine.PagesAhead``):
    once ``send`` has a page and the page after it is known (``Syncer.foreseen``: a
    pull with nothing to push), the run's network thread asks for it, and for the page
    after each page it reads, up to ``engine.PAGES_AHEAD`` ahead of the vault steps; the
    next ``send`` takes the page already on its way. Each page is still applied by its
    own vault step, in its own transaction with its cursor, in order; a page asked for
    that is not the run's next request (the run pushes again, a token refresh) is waited
    for and dropped. A lock stops them without waiting (``_close``).

    The run's steps take one connection of the vault's pool for the run (``Syncer.keep``,
    given back when it ends or the vault locks), set up as ``run()``'s: no step finds a
    connection the app's commits emptied the cache of, the WAL is checkpointed once, at
    the end, and a first pull fills its tables as ``run()`` does (value indexes and
    search documents at the end). No transaction stays open between the steps."""

    def __init__(self, syncer: Syncer) -> None:
        self._syncer = syncer
        self._exchange: Exchange | None = None
        self._answer: Answer | None = None
        self._net: ThreadPoolExecutor | None = None  # made for a full batch or a page ahead
        self._on_the_wire: Future[Answer] | None = None  # the answer to ``_exchange``
        self._ahead: PagesAhead | None = None  # made for the first page foreseen
        self._guard = threading.Lock()  # ``_net`` and ``_ahead`` against ``_close``
        self._closed = False
        self.finished = False
        self.report: dict[str, Any] = {}
        self.status: SyncStatus | None = None  # None when finished: the vault was wiped

    @property
    def applied(self) -> bool:
        """Whether a step has written anything the pages show."""
        r = self._syncer.report()
        return bool(r.pushed or r.pulled or r.purged or r.wiped)

    def send(self) -> None:
        """The network step: the run's next request, no vault (any thread); or the
        answer to the one a vault step put on the wire (``Syncer.launch``), or to the
        page asked for ahead. Then the page after it is asked for, when it is known."""
        from concurrent.futures import CancelledError

        from spt_desktop.models.errors import VaultLocked

        exchange = self._exchange
        assert exchange is not None and self._answer is None
        wire, self._on_the_wire = self._on_the_wire, None
        if wire is not None:
            self._answer = wire.result()
            return
        ahead = self._ahead
        try:
            answer = ahead.take(exchange) if ahead is not None else None
            if answer is None:
                if ahead is not None:
                    ahead.drop()  # one request at a time on the connection
                answer = self._syncer.send(exchange)
        except CancelledError:
            raise VaultLocked() from None  # the lock stopped the run (``_close``)
        self._answer = answer
        self._ask_ahead(answer)

    def _ready(self) -> Answer | None:
        """Vault step: the answer to the next request when it is a page asked for ahead
        that is in already (not waited for); None: not."""
        exchange, ahead = self._exchange, self._ahead
        if exchange is None or ahead is None or self._on_the_wire is not None:
            return None
        return ahead.take(exchange, wait=False)

    def _ask_ahead(self, answer: Answer) -> None:
        """Network step: the page after ``answer``'s on its way now, and on from it
        (``engine.PagesAhead``), unless pages are going already or it is not known."""
        from concurrent.futures import ThreadPoolExecutor

        from spt_desktop.sync.engine import PagesAhead

        if self._ahead is not None and self._ahead.going():
            return
        foreseen = self._syncer.foreseen(answer)
        if foreseen is None:
            return
        with self._guard:
            if self._closed:
                return
            if self._net is None:
                self._net = ThreadPoolExecutor(1, thread_name_prefix="spt-sync")
            if self._ahead is None:
                self._ahead = PagesAhead(self._syncer, self._net)
            self._ahead.start(foreseen)

    def _launch(self) -> None:
        """Vault step: the next request on the wire now, when it carries a full batch."""
        from concurrent.futures import ThreadPoolExecutor

        from spt_common import protocol as p

        assert self._exchange is not None
        batch = self._exchange.body.get("batch")
        if batch is None or len(batch["changes"]) < p.MAX_BATCH:
            if self._net is None:
                return  # nothing to overlap: no thread for a small sync
        elif self._ahead is not None:
            self._ahead.drop()  # pages asked for ahead go first: their answers dropped
        with self._guard:
            if self._net is None:
                self._net = ThreadPoolExecutor(1, thread_name_prefix="spt-sync")
            net = self._net
        self._on_the_wire = self._syncer.launch(net, self._exchange)

    def _close(self) -> None:
        """The run's network thread ends after the request on the wire, if any (its
        answer is dropped; a batch in it is stored and goes with the next sync); pages
        asked for ahead are not waited for. Any thread; idempotent."""
        with self._guard:
            self._closed = True
            net, self._net = self._net, None
            ahead = self._ahead
        if ahead is not None:
            ahead.stop()
        if net is not None:
            net.shutdown(wait=False, cancel_futures=True)


class VaultSession:
    """One coach's vault file and, while unlocked, the use cases over it."""

    def __init__(
        self,
        path: Path | str,
        *,
        kdf: KdfParams | None = None,
        today: Callable[[], date] | None = None,
        now: Callable[[], datetime] | None = None,
        preferences: Path | None = None,
    ) -> None:
        """``preferences``: the file of this user's preferences read before an unlock
        (``models.preferences``); None keeps them in memory, at their defaults."""
        from spt_desktop.models.preferences import DevicePreferences, load_preferences
        from spt_desktop.models.vault import Vault

        self.path = Path(path)
        self._preferences_path = preferences
        self._preferences = (
            load_preferences(preferences) if preferences is not None else DevicePreferences()
        )
        # Read once, at the start: SQLCipher's memory security is process-wide, and
        # cannot be turned off in a running process.
        self._memory_security = self._preferences.extra_memory_security
        self._vault: Vault = Vault(self.path, memory_security=self._memory_security)
        self._kdf = kdf
        self._today = today
        self._now = now
        self._services: Services | None = None
        self._sync: SyncRun | None = None  # the window's sync in steps, if one runs

    # --- life-cycle ----------------------------------------------------------------

    @property
    def exists(self) -> bool:
        return self.path.exists()

    @property
    def is_unlocked(self) -> bool:
        return self._services is not None and self._vault.is_unlocked

    @property
    def services(self) -> Services:
        if self._services is None or not self._vault.is_unlocked:
            from spt_desktop.models.errors import VaultLocked

            raise VaultLocked()
        return self._services

    def create(self, passphrase: str, owner: Owner) -> str:
        """Make the vault and unlock it; returns the recovery key (show it once)."""
        from spt_desktop.models.keyfile import DEFAULT_KDF
        from spt_desktop.models.vault import Vault

        errors: dict[str, FieldError] = {}
        if not owner.name.strip():
            errors["name"] = FieldError(Problem.REQUIRED)
        if not owner.roles:
            errors["roles"] = FieldError(Problem.CHOOSE_A_ROLE)
        if not passphrase_strength(passphrase).acceptable:
            errors["passphrase"] = FieldError(Problem.WEAK_PASSPHRASE, minimum=MIN_PASSPHRASE)
        if errors:
            raise ValidationError(errors)
        vault, recovery = Vault.create(
            self.path,
            passphrase,
            owner_name=owner.name.strip(),
            owner_email=owner.email.strip(),
            owner_roles=owner.roles,
            owner_spt=owner.spt,
            kdf=self._kdf or DEFAULT_KDF,
            memory_security=self._memory_security,
        )
        self._vault = vault
        self._open_services()
        return recovery

    def unlock(self, passphrase: str) -> Services:
        self._vault.unlock(passphrase)
        return self._open_services()

    def unlock_with_recovery_key(self, key: str, new_passphrase: str | None = None) -> Services:
        self._vault.unlock_with_recovery_key(key, new_passphrase or None)
        return self._open_services()

    def lock(self) -> None:
        """Close the vault and forget the key. Safe to call when already locked. A sync
        in steps ends here: what it must not lose (new tokens) is stored first."""
        run, self._sync = self._sync, None
        try:
            if run is not None:
                try:
                    run._syncer.settle()
                finally:
                    run._syncer.release()  # before the vault closes its connections
                    run._close()  # its network thread ends after the request on the wire
        finally:
            self._services = None
            self._vault.lock()

    def change_passphrase(self, old: str, new: str) -> None:
        if not passphrase_strength(new).acceptable:
            raise ValidationError(
                {"new": FieldError(Problem.WEAK_PASSPHRASE, minimum=MIN_PASSPHRASE)}
            )
        self._vault.change_passphrase(old, new)

    def _open_services(self) -> Services:
        from spt_desktop.services import Services

        self._services = Services(self._vault, today=self._today, now=self._now)
        return self._services

    # --- drafts and preferences (rows inside the encrypted vault) -------------------

    def save_draft(self, form_id: str, values: dict[str, Any], *, about: str | None) -> list[str]:
        """Keep a form's unsaved contents, encrypted with the vault, as the draft of
        ``form_id`` about candidate ``about`` (None: about no one, e.g. a new candidate
        or an employer): a purge of her and her access export find it by that. A field
        that holds a BSN is left out (the SPT may not hold one, not even in a draft);
        returns the names of the fields left out, so the form can say why. A draft about
        a candidate who is no longer in the vault (purged meanwhile) is not kept."""
        from spt_common.bsn import contains_bsn
        from spt_desktop.models.drafts import put_draft

        refused = [
            n for n, v in values.items() if isinstance(v, str) and not _is_id(v) and contains_bsn(v)
        ]
        kept = {n: v for n, v in values.items() if n not in refused}
        if about is not None and not self._holds_candidate(about):
            self.drop_draft(form_id)
            return refused
        with self._vault.transaction() as s:
            put_draft(s.connection(), form_id, json.dumps(kept, default=str), about)
        return refused

    def load_draft(self, form_id: str) -> dict[str, Any] | None:
        raw = self._get(DRAFT_PREFIX + form_id)
        return json.loads(raw) if raw else None

    def drop_draft(self, form_id: str) -> None:
        self._put(DRAFT_PREFIX + form_id, None)

    def drafts(self) -> dict[str, dict[str, Any]]:
        """Every stored draft by form id."""
        from spt_desktop.models.drafts import draft_rows

        with self._vault.transaction() as s:
            rows = draft_rows(s.connection())
        return {form_id: json.loads(v) for form_id, v in rows}

    def draft_owners(self) -> dict[str, str]:
        """The candidate each stored draft is about, by form id (drafts about no one
        are not in it)."""
        from spt_desktop.models.drafts import draft_owners

        with self._vault.transaction() as s:
            return draft_owners(s.connection())

    def _holds_candidate(self, candidate_id: str) -> bool:
        from spt_desktop.models import Candidate

        with self._vault.transaction() as s:
            cand = s.get(Candidate, candidate_id)
            return cand is not None and not cand.deleted

    def auto_lock_minutes(self) -> int:
        raw = self._get(AUTO_LOCK_KEY)
        return int(raw) if raw and raw.isdigit() else DEFAULT_AUTO_LOCK_MINUTES

    def set_auto_lock_minutes(self, minutes: int) -> None:
        if not AUTO_LOCK_LOW <= int(minutes) <= AUTO_LOCK_HIGH:
            wrong = FieldError(Problem.MINUTES_OUT_OF_RANGE, low=AUTO_LOCK_LOW, high=AUTO_LOCK_HIGH)
            raise ValidationError({"auto_lock": wrong})
        self._put(AUTO_LOCK_KEY, str(int(minutes)))

    def column_widths(self) -> dict[str, dict[int, float]]:
        """The widths the coach gave table columns by dragging, per table key and column,
        in average characters of the table's font (so they follow the text size). What
        cannot be read counts as not chosen: a width must never keep a page from opening."""
        try:
            data = json.loads(self._get(COLUMN_WIDTHS_KEY) or "{}")
            return {
                str(table): {int(col): float(width) for col, width in columns.items()}
                for table, columns in data.items()
            }
        except (ValueError, TypeError, AttributeError):
            return {}

    def set_column_widths(self, table: str, widths: dict[int, float]) -> None:
        """Keep the widths chosen for ``table``'s columns (none: forget them)."""
        every = self.column_widths()
        kept = {int(c): round(float(w), 2) for c, w in widths.items() if 0 < float(w) < 1000}
        if kept:
            every[table] = kept
        else:
            every.pop(table, None)
        self._put(COLUMN_WIDTHS_KEY, json.dumps(every, sort_keys=True) if every else None)

    # --- preferences outside the vault (read before an unlock) -----------------------

    def memory_security(self) -> MemorySecurity:
        """Extra memory security: as chosen, and as this running app has it."""
        from spt_desktop.models.vault import memory_security_active

        return MemorySecurity(self._preferences.extra_memory_security, memory_security_active())

    def set_memory_security(self, on: bool) -> MemorySecurity:
        """Choose extra memory security for the next start of the app (VaultIOError when
        the preferences file cannot be written; nothing changes then)."""
        from dataclasses import replace

        from spt_desktop.models.preferences import save_preferences

        chosen = replace(self._preferences, extra_memory_security=bool(on))
        if self._preferences_path is not None:
            save_preferences(self._preferences_path, chosen)
        self._preferences = chosen
        return self.memory_security()

    def _get(self, key: str) -> str | None:
        from spt_desktop.models import Setting

        with self._vault.transaction() as s:
            row = s.get(Setting, key)
            return row.value if row is not None else None

    def _put(self, key: str, value: str | None) -> None:
        from spt_desktop.models import Setting

        with self._vault.transaction() as s:
            row = s.get(Setting, key)
            if value is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value

    # --- sync ----------------------------------------------------------------------

    def sync_status(self) -> SyncStatus:
        """Linked or not, last sync, local changes waiting, open conflicts."""
        from sqlalchemy import select

        from spt_desktop.models import Setting
        from spt_desktop.models.demo_mark import DEMO_MARK
        from spt_desktop.sync.apply import pending_count
        from spt_desktop.sync.conflicts import REFUSED_KINDS
        from spt_desktop.sync.engine import S_LAST_SYNC, S_REFRESH, S_SERVER
        from spt_desktop.sync.held import count as held_count
        from spt_desktop.sync.purge import S_REVOKED

        with self._vault.transaction() as s:
            # By their keys (the primary key's index): a prefix match would read every
            # setting, the coach's encrypted form drafts too.
            settings = dict(
                s.execute(
                    select(Setting.key, Setting.value).where(
                        Setting.key.in_((S_LAST_SYNC, S_REFRESH, S_SERVER, S_REVOKED, DEMO_MARK))
                    )
                ).all()
            )
            unsynced = pending_count(s.connection())
            waiting = held_count(s.connection()) if S_REFRESH in settings else 0
        last = settings.get(S_LAST_SYNC)
        found = self.conflicts() if S_REFRESH in settings else []
        refused = sum(1 for c in found if c.kind in REFUSED_KINDS)
        return SyncStatus(
            linked=S_REFRESH in settings,
            server_url=settings.get(S_SERVER),
            last_sync=datetime.fromisoformat(last) if last else None,
            unsynced=unsynced,
            conflicts=len(found) - refused,
            revoked=S_REVOKED in settings,
            refused=refused,
            demo=DEMO_MARK in settings,
            held=waiting,
        )

    def login(self, server_url: str, email: str, password: str) -> None:
        """Link this vault to the coach's account on the SPT server."""
        errors: dict[str, FieldError] = {}
        if not re.match(r"^https?://[^\s/]+", server_url.strip()):
            errors["server"] = FieldError(Problem.BAD_SERVER_ADDRESS)
        if not email.strip():
            errors["email"] = FieldError(Problem.REQUIRED)
        if not password:
            errors["password"] = FieldError(Problem.REQUIRED)
        if errors:
            raise ValidationError(errors)
        from spt_desktop.services.demo_mark import refuse_link_of_demo
        from spt_desktop.sync.engine import login

        refuse_link_of_demo(self._vault)  # before a byte goes to the server

        login(self._vault, server_url.strip(), email.strip(), password)
        self._open_services()  # the owner's id is now the server's

    def sync(self) -> dict[str, Any]:
        """Push and pull once; returns what happened (pushed, pulled, conflicts, ...)."""
        from spt_desktop.services.demo_mark import refuse_link_of_demo
        from spt_desktop.sync.engine import sync

        refuse_link_of_demo(self._vault)
        report = sync(self._vault)
        if report.wiped:
            self.lock()
        return report.as_dict()

    def sync_start(self) -> SyncRun:
        """The first vault step of a sync in steps (see ``SyncRun``)."""
        from spt_desktop.services.demo_mark import refuse_link_of_demo
        from spt_desktop.sync.engine import Syncer

        refuse_link_of_demo(self._vault)
        if self._sync is not None:
            self._end_sync(self._sync)
        run = SyncRun(Syncer(self._vault))
        self._sync = run
        try:
            run._syncer.keep()  # one connection for the run's steps, until it ends
            run._exchange = run._syncer.begin()
        except BaseException:
            self._end_sync(run)
            raise
        return self._after_step(run)

    def sync_step(self, run: SyncRun) -> SyncRun:
        """A vault step of a sync in steps: the answer ``run.send()`` brought back."""
        if run is not self._sync:
            from spt_desktop.models.errors import VaultLocked

            raise VaultLocked()  # the vault was locked meanwhile: that sync is over
        answer, run._answer = run._answer, None
        assert answer is not None, "send() first"
        try:
            run._exchange = run._syncer.apply(answer)
            # The pages after it that are in already (asked for ahead): applied now, each
            # in its own transaction, rather than one hand-off through the UI thread each.
            for _ in range(STEP_PAGES - 1):
                ready = run._ready()
                if ready is None:
                    break
                run._exchange = run._syncer.apply(ready)
        except BaseException:
            self._end_sync(run)
            raise
        return self._after_step(run)

    def _after_step(self, run: SyncRun) -> SyncRun:
        if run._exchange is not None:
            try:
                run._launch()
            except BaseException:
                self._end_sync(run)
                raise
            return run
        self._end_sync(run)
        report = run._syncer.report()
        run.finished, run.report = True, report.as_dict()
        if report.wiped:
            self.lock()
        else:
            run.status = self.sync_status()
        return run

    def _end_sync(self, run: SyncRun) -> None:
        """No more requests of ``run``; its transport closes (after the request on the
        wire, if any), tokens it received are kept."""
        if self._sync is run:
            self._sync = None
        try:
            run._syncer.settle()
        finally:
            run._syncer.release()
            run._close()

    def conflicts(self) -> list[Conflict]:
        from spt_desktop.sync.conflicts import open_conflicts

        return [
            Conflict(c.id, c.entity, c.record_id, c.candidate_id, c.kind, c.field, c.mine,
                     c.theirs, c.detected_at, c.refusal)
            for c in open_conflicts(self._vault)
        ]  # fmt: skip

    def conflict_names(self, conflicts: list[Conflict]) -> ConflictNames:
        """The names of the candidates, coaches and employers ``conflicts`` are about (a
        query each; one more per kind of register record among them)."""
        queries = self.services.queries
        coaches = [
            c.mine.get(name)
            for c in conflicts
            if isinstance(c.mine, dict)
            for name in COACH_FIELDS
            if isinstance(c.mine.get(name), str)
        ]
        return ConflictNames(
            queries.candidate_names(c.candidate_id for c in conflicts),
            queries.coach_names(coaches),
            queries.employer_names_of((c.entity, c.record_id) for c in conflicts),
        )

    def resolve_conflict(self, conflict_id: str, choice: Literal["mine", "theirs"]) -> None:
        from spt_desktop.sync.conflicts import resolve

        if choice not in ("mine", "theirs"):
            raise RuleViolation(Code.CONFLICT_CHOICE)
        resolve(self._vault, conflict_id, choice)

    # --- the demo --------------------------------------------------------------------

    def ensure_demo(
        self, today: date, n_candidates: int = DEMO_CANDIDATES, *, mark: bool = True
    ) -> bool:
        """Create the demo vault with made-up people unless it exists; leaves it locked.
        True when it was made now. It is marked as a demo vault (``demo_mark``: never
        linked to a server); ``mark=False`` only for tests and screenshots that push
        made-up people to a throwaway server of their own."""
        if self.exists:
            return False
        self.create(
            DEMO_PASSPHRASE,
            Owner(
                "Sanne Bakker",
                "sanne.bakker@example.nl",
                (Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, Role.JOBCOACH),
                Spt.NOORD_HOLLAND,
            ),
        )
        try:
            from spt_desktop.demo import fill_vault
            from spt_desktop.services.demo_mark import mark_demo

            if mark:  # first: a vault half filled is a demo vault too
                mark_demo(self._vault, "spt-desktop --demo")
            fill_vault(self._vault, n_candidates, seed=2026, today=today)
        finally:
            self.lock()
        return True


def vault_in(folder: Path | str) -> Path:
    """The vault file the app uses in ``folder``."""
    return Path(folder) / VAULT_FILE


__all__ = [
    "DEFAULT_AUTO_LOCK_MINUTES",
    "DEMO_PASSPHRASE",
    "Conflict",
    "ConflictNames",
    "MemorySecurity",
    "Owner",
    "Strength",
    "SyncRun",
    "SyncStatus",
    "VaultSession",
    "passphrase_strength",
    "vault_in",
]


def _is_id(value: str) -> bool:
    """A record's id (a UUID, as a choice in a form holds it), not typed text: its hex
    digits can pass for a BSN by chance and must not cost the draft its choice."""
    import uuid

    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False
