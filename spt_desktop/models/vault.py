"""A coach's vault: one SQLCipher file plus its key header beside it.

    Vault.create(path, passphrase) -> (vault, recovery key)   # shown once
    vault = Vault(path); vault.unlock(passphrase)
    with vault.transaction() as s: ...                       # one unit of work
    vault.lock()                                              # every connection closed

Lock closes every session and connection and forgets the key; unlock opens again.
Nothing is written to any file before the key is known to be right, so a wrong
passphrase, a damaged header or a file that is not a vault leaves every byte as it was.
"""

from __future__ import annotations

import os
import shutil
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlalchemy as sa
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from spt_common.enums import Role, Spt
from spt_desktop.errors import Reason
from spt_desktop.models import keyfile
from spt_desktop.models.base import utcnow
from spt_desktop.models.bookkeeping import Setting
from spt_desktop.models.errors import (
    SQLITE_IO_CODES,
    KeyDoesNotFit,
    KeyHeaderDamaged,
    KeyHeaderMissing,
    NoSqlCipher,
    NotAVault,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultIOError,
    VaultLocked,
    VaultMissing,
    WeakPassphrase,
    WrongRecoveryKey,
)
from spt_desktop.models.passphrase import MIN_PASSPHRASE, passphrase_strength
from spt_desktop.models.people import Coach
from spt_desktop.models.tracking import ACTOR

# The vault's driver (sqlcipher3, a copy of an older Python's sqlite3 module) binds a
# parameter that is not exactly an int, float, str or bytearray through its adapters, and
# for a None it finds none of: it then asks the protocol for ``__adapt__`` and the None
# for ``__conform__`` with ``PyObject_HasAttrString``, which makes, formats and drops an
# AttributeError each time: ~10,000 instructions, ~1 us, a null bound. A 10k first pull
# binds ~300k nulls (fields a record leaves empty): ~0.3 s of the client's CPU (issue 13,
# round 11: callgrind). An adapter for None that gives None back is found by one lookup
# in the adapters' dict, and the driver binds NULL as before. Registered once for the
# process, so every statement of the app binds its nulls this way; the value stored is
# the same. (Python 3.11's own sqlite3 module makes the exception too: the server binds
# its nulls the same way, ``spt_server.db.bind_nulls_lite``.)
sqlcipher.register_adapter(type(None), {}.get)

# Statements a vault connection keeps prepared, by their text (the driver's LRU cache;
# its default, between 100 and 150 by a micro-bench, is fewer than the texts a first
# pull takes turns with: the pull's multi-row INSERTs of each table in sizes of 2^k
# rows, ~20 tables, besides its other statements): every text pushed out was parsed
# again the next time it came, ~550 of a 10k first pull's quarter (issue 13, round 12,
# callgrind: 0.2 G instructions of its 8.7 G on round 11's code, ~0.05 G more beside
# the search-indexed tables' sized statements). A statement of 64 rows holds some tens
# of KiB while it is kept.
STATEMENT_CACHE = 512

KEY_SUFFIX = ".key"
SQLITE_PLAIN_MAGIC = b"SQLite format 3\x00"
PAGE_SIZE = 4096
# SQLite result codes that mean "this page does not decrypt or does not parse".
_DAMAGE_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB

# Pinned SQLCipher 4 settings: a future SQLCipher with other defaults still reads our files.
CIPHER_PRAGMAS = (
    "PRAGMA cipher_page_size = 4096",
    "PRAGMA cipher_hmac_algorithm = HMAC_SHA512",
    "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512",
    "PRAGMA kdf_iter = 256000",
    "PRAGMA cipher_plaintext_header_size = 0",
)
# Applied once the key is known to be right.
SESSION_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",  # sorts and temp indexes never touch disk
    "PRAGMA secure_delete = ON",  # purged candidates leave no old pages behind
    "PRAGMA busy_timeout = 5000",
)

_sqlcipher_checked = False


def check_sqlcipher(module: ModuleType = sqlcipher) -> str:
    """The SQLCipher version of the DB-API ``module`` (the vault's driver by default);
    NoSqlCipher when it is plain SQLite or SQLCipher 3."""
    global _sqlcipher_checked
    conn = module.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    if not row or not row[0]:
        raise NoSqlCipher()
    version = str(row[0])
    if int(version.split(".")[0]) < 4:
        raise NoSqlCipher(version)
    if module is sqlcipher:
        _sqlcipher_checked = True
    return version


def _sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code behind a (wrapped) database error."""
    code = getattr(getattr(exc, "orig", exc), "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_damage(exc: BaseException) -> bool:
    """Whether a database error means a page that does not decrypt or parse."""
    return _sqlite_code(exc) in _DAMAGE_CODES


def vault_error_for(exc: BaseException, path: Path) -> VaultError | None:
    """The vault error a database error stands for: damage, or the disk (full,
    read-only, no rights); None for anything else (a constraint, a bug)."""
    code = _sqlite_code(exc)
    if code in _DAMAGE_CODES:
        return VaultDamaged(str(path))
    if code in SQLITE_IO_CODES:
        return VaultIOError.from_sqlite(str(path), code)
    return None


def key_path_for(path: Path) -> Path:
    return path.with_name(path.name + KEY_SUFFIX)


def check_passphrase_strength(passphrase: str) -> None:
    """The rule of every new passphrase (``models.passphrase``): the wizard's meter, the
    CLI and this class refuse the same ones."""
    strength = passphrase_strength(passphrase)
    if not strength.acceptable:
        reason = Reason.TOO_SHORT if len(passphrase) < MIN_PASSPHRASE else Reason.REPEATED
        raise WeakPassphrase(reason, MIN_PASSPHRASE)


def memory_security_active(module: ModuleType = sqlcipher) -> bool:
    """Whether SQLCipher's ``cipher_memory_security`` is on in this process. It is one
    switch for the whole process, and once on it stays on: ``= OFF`` is ignored."""
    conn = module.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_memory_security").fetchone()
    finally:
        conn.close()
    return bool(row) and str(row[0]) == "1"


def _key_connection(
    dbapi_conn: Any, key_pragma: str | None, path: str, memory_security: bool = False
) -> None:
    """Key a new connection, pin the cipher settings, prove the key with a read, then
    apply the session settings (only now: they may write)."""
    if key_pragma is None:
        raise VaultLocked()
    cur = dbapi_conn.cursor()
    try:
        cur.execute(key_pragma)
        # Before the first read: another process's checkpoint makes us wait, not fail.
        cur.execute("PRAGMA busy_timeout = 5000")
        cur.execute("PRAGMA cipher_log_level = NONE")
        if memory_security:
            # Off unless asked for (SQLCipher's own default since 4.5.0): it locks and
            # wipes every allocation of SQLite, which made applying pulled pages 12x
            # dearer in CPU (README, "The vault"). SQLCipher wipes its key material
            # either way.
            cur.execute("PRAGMA cipher_memory_security = ON")
        for pragma in CIPHER_PRAGMAS:
            cur.execute(pragma)
        try:
            cur.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError:
            raise KeyDoesNotFit(path) from None
        for pragma in SESSION_PRAGMAS:
            cur.execute(pragma)
    finally:
        cur.close()


class Vault:
    """One coach's encrypted vault. ``memory_security``: SQLCipher's
    ``cipher_memory_security`` on this vault's connections (``models.preferences``); it
    is one switch for the whole process and cannot be turned off again in it."""

    def __init__(self, path: Path | str, *, memory_security: bool = False) -> None:
        self.path = Path(path)
        self.memory_security = memory_security
        self.key_path = key_path_for(self.path)
        self._engine: sa.Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._open_sessions: weakref.WeakSet[Session] = weakref.WeakSet()
        self._forget_key: Callable[[], None] | None = None
        # Every DB-API connection the engine has open, by id: lock() closes even those a
        # caller checked out of the pool and never returned (dispose() does not).
        self._raw_connections: dict[int, Any] = {}
        self._lock = threading.RLock()
        self.vault_id: str | None = None
        self.owner_id: str | None = None

    # --- creating ------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        passphrase: str,
        *,
        owner_name: str = "Mijn profiel",
        owner_email: str = "",
        owner_roles: tuple[Role, ...] = (Role.LOOPBAANCOACH,),
        owner_spt: Spt = Spt.NOORD_HOLLAND,
        kdf: keyfile.KdfParams = keyfile.DEFAULT_KDF,
        memory_security: bool = False,
    ) -> tuple[Vault, str]:
        """Make a new vault; returns it unlocked and the recovery key (show it once)."""
        check_passphrase_strength(passphrase)
        vault = cls(path, memory_security=memory_security)
        # A stale -wal/-shm would be replayed into the new file: refuse as for a vault.
        for p in (vault.path, vault.key_path, *vault.side_files()):
            if p.exists():
                raise VaultExists(str(p))
        try:
            vault.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise VaultIOError.from_os(str(vault.path.parent), exc) from None
        try:
            # Owner-only from the first byte; SQLite gives -wal/-shm the same mode.
            os.close(os.open(vault.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise VaultExists(str(vault.path)) from None
        except OSError as exc:
            raise VaultIOError.from_os(str(vault.path), exc) from None
        data_key = keyfile.new_data_key()
        vault_id = keyfile.new_vault_id()
        header = keyfile.wrap(data_key, passphrase, vault_id, kdf)
        vault._open_engine(data_key, verify=False)
        from spt_desktop.models.migrate import upgrade_to_head

        try:
            upgrade_to_head(vault.engine)
            owner = Coach(
                name=owner_name,
                email=owner_email,
                roles=",".join(r.value for r in owner_roles),
                spt=owner_spt,
            )
            with vault._session_factory().begin() as s:
                s.add(owner)
                s.flush()
                s.add_all(
                    [
                        Setting(key="vault_id", value=vault_id),
                        Setting(key="owner_coach_id", value=owner.id),
                        Setting(key="created_at", value=utcnow().isoformat()),
                    ]
                )
            keyfile.write_header(vault.key_path, header)
        except BaseException as exc:
            vault.lock()
            for p in (vault.path, vault.key_path, *vault.side_files()):
                p.unlink(missing_ok=True)
            translated = vault_error_for(exc, vault.path)
            if translated is not None:
                raise translated from None
            raise
        vault._load_identity()
        return vault, keyfile.recovery_key(data_key)

    # --- unlocking -----------------------------------------------------------------

    def unlock(self, passphrase: str) -> None:
        """Open the vault with the coach's passphrase."""
        header = self._read_header()
        self._open_checked(keyfile.unwrap(header, passphrase), header.vault_id)

    def unlock_with_recovery_key(self, recovery: str, new_passphrase: str | None = None) -> None:
        """Open with the recovery key. With ``new_passphrase`` (required when the header is
        missing or damaged) a fresh header is written for it."""
        data_key = keyfile.data_key_from_recovery(recovery)
        if new_passphrase is not None:
            check_passphrase_strength(new_passphrase)
        try:
            expected: str | None = self._read_header().vault_id
        except (KeyHeaderMissing, KeyHeaderDamaged):
            if new_passphrase is None:
                raise
            expected = None
        try:
            self._open_checked(data_key, expected)
        except KeyDoesNotFit:
            # The checksum passed, so the key was typed right: it is another vault's.
            raise WrongRecoveryKey() from None
        if new_passphrase is not None:
            assert self.vault_id is not None
            keyfile.write_header(
                self.key_path, keyfile.wrap(data_key, new_passphrase, self.vault_id)
            )

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key under ``new``. Instant and atomic; the vault is untouched."""
        check_passphrase_strength(new)
        header = self._read_header()
        data_key = keyfile.unwrap(header, old)
        keyfile.write_header(
            self.key_path, keyfile.wrap(data_key, new, header.vault_id, header.kdf)
        )

    def _read_header(self) -> keyfile.KeyHeader:
        if not self.path.exists():
            raise VaultMissing(str(self.path))
        return keyfile.read_header(self.key_path)

    def _open_checked(self, data_key: bytes, expected_vault_id: str | None) -> None:
        self._check_file_looks_encrypted()
        with self._lock:
            self.lock()
            self._open_engine(data_key, verify=True)
            try:
                self._load_identity()
            except sa.exc.DatabaseError as exc:
                self.lock()
                translated = vault_error_for(exc, self.path)
                if translated is not None:
                    raise translated from None
                raise NotAVault(str(self.path), Reason.NO_VAULT_DATA) from None
            except BaseException:
                self.lock()
                raise
            if expected_vault_id is not None and self.vault_id != expected_vault_id:
                self.lock()
                raise NotAVault(str(self.path), Reason.OTHER_VAULTS_HEADER)
        from spt_desktop.models.migrate import upgrade_if_needed

        # Any failure from here on locks again: a vault is either open and current, or
        # closed with every connection gone (a refused newer vault included).
        try:
            upgrade_if_needed(self)
        except sa.exc.DatabaseError as exc:
            self.lock()
            translated = vault_error_for(exc, self.path)
            if translated is not None:
                raise translated from None
            raise
        except BaseException:
            self.lock()
            raise

    def _check_file_looks_encrypted(self) -> None:
        """Refuse, before SQLCipher sees it, a file it would take for a new database (an
        empty file: keying it would write a fresh page 1) or a plain SQLite file."""
        try:
            with self.path.open("rb") as f:
                head = f.read(PAGE_SIZE)
        except FileNotFoundError:
            raise VaultMissing(str(self.path)) from None
        except OSError as exc:
            raise VaultIOError.from_os(str(self.path), exc) from None
        if head.startswith(SQLITE_PLAIN_MAGIC):
            raise NotAVault(str(self.path), Reason.PLAIN_SQLITE)
        if len(head) < PAGE_SIZE:
            raise NotAVault(str(self.path), Reason.EMPTY_OR_SHORT)

    def _load_identity(self) -> None:
        settings = self.read_settings(("vault_id", "owner_coach_id"))
        if "vault_id" not in settings:
            raise NotAVault(str(self.path), Reason.NO_VAULT_DATA)
        self.vault_id = settings["vault_id"]
        self.owner_id = settings.get("owner_coach_id")

    def read_settings(self, keys: tuple[str, ...]) -> dict[str, str]:
        """The vault settings of ``keys`` that are set (key -> value), read on the
        driver's cursor: no ORM session, so unlocking and a headless sync do not
        configure the ORM's mappers or compile an ORM query (~40 ms of an
        ``spt-desktop sync`` process) for a read of two rows. A database error is the
        vault error it stands for, as in ``transaction``."""
        marks = ", ".join("?" * len(keys))
        sql = f"SELECT key, value FROM {Setting.__tablename__} WHERE key IN ({marks})"
        try:
            with self.engine.connect() as conn:
                rows = conn.exec_driver_sql(sql, keys).all()
        except sa.exc.DatabaseError as exc:
            translated = vault_error_for(exc, self.path)
            if translated is not None:
                raise translated from exc
            raise
        return {str(k): str(v) for k, v in rows}

    # --- the engine ----------------------------------------------------------------

    def _open_engine(self, data_key: bytes, *, verify: bool) -> None:
        if not _sqlcipher_checked:
            check_sqlcipher()
        # Held only here; lock() empties it, so a session or connection a caller kept past
        # lock() cannot open the file again through the old engine.
        secret = {"key_pragma": f"PRAGMA key = \"x'{data_key.hex()}'\""}
        path = str(self.path)
        memory_security = self.memory_security
        engine = sa.create_engine(
            "sqlite:///" + path,
            module=sqlcipher,
            poolclass=QueuePool,
            pool_size=2,
            max_overflow=4,
            connect_args={"check_same_thread": False, "cached_statements": STATEMENT_CACHE},
        )

        @event.listens_for(engine, "connect", insert=True)
        def _key_and_check(dbapi_conn: Any, _record: Any) -> None:
            try:
                _key_connection(dbapi_conn, secret.get("key_pragma"), path, memory_security)
            except BaseException:
                # The pool does not close a connection whose connect event failed: an
                # open file descriptor on the vault would outlive the failed unlock.
                dbapi_conn.close()
                raise
            self._raw_connections[id(dbapi_conn)] = dbapi_conn

        @event.listens_for(engine, "close")
        @event.listens_for(engine, "close_detached")
        def _forget_connection(dbapi_conn: Any, *_args: Any) -> None:
            self._raw_connections.pop(id(dbapi_conn), None)

        if verify:
            # Raise here, on the caller's thread, rather than on first use.
            try:
                with engine.connect():
                    pass
            except NotAVault:
                secret.clear()
                engine.dispose()
                raise
            except sa.exc.DatabaseError as exc:
                secret.clear()
                engine.dispose()
                raise vault_error_for(exc, self.path) or VaultDamaged(path) from None
        self._engine = engine
        self._forget_key = secret.clear
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)

    @property
    def engine(self) -> sa.Engine:
        if self._engine is None:
            raise VaultLocked()
        return self._engine

    @property
    def is_unlocked(self) -> bool:
        return self._engine is not None

    def _session_factory(self) -> sessionmaker[Session]:
        if self._sessions is None:
            raise VaultLocked()
        return self._sessions

    @contextmanager
    def transaction(self, actor_id: str | None = None) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on error."""
        session = self._session_factory()()
        session.info[ACTOR] = actor_id or self.owner_id
        self._open_sessions.add(session)
        try:
            with session.begin():
                yield session
        except sa.exc.DatabaseError as exc:
            # A page that no longer decrypts, a full disk: one clear error instead of
            # SQLite's words. The transaction has been rolled back.
            translated = vault_error_for(exc, self.path)
            if translated is not None:
                raise translated from exc
            raise
        finally:
            session.close()

    # --- locking -------------------------------------------------------------------

    def lock(self) -> None:
        """Close every session and connection and forget the key."""
        with self._lock:
            for s in list(self._open_sessions):
                s.close()
            self._open_sessions = weakref.WeakSet()
            if self._forget_key is not None:
                self._forget_key()
            self._forget_key = None
            if self._engine is not None:
                self._engine.dispose()
            for conn in list(self._raw_connections.values()):
                conn.close()
            self._raw_connections.clear()
            self._engine = None
            self._sessions = None

    def side_files(self) -> tuple[Path, ...]:
        return tuple(self.path.with_name(self.path.name + s) for s in ("-wal", "-shm", "-journal"))

    def backup_copy(self, suffix: str) -> Path:
        """An encrypted copy of the vault file beside it (before a migration)."""
        with self.engine.connect() as c:
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        target = self.path.with_name(f"{self.path.name}.{suffix}")
        shutil.copy2(self.path, target)
        return target

    def integrity_problems(self) -> list[str]:
        """SQLCipher's page check plus SQLite's integrity and foreign-key checks: empty
        when all is well. A reference the server may leave outside this device (a
        match's, placement's or visit's employer or vacancy of another SPT) has no foreign
        key since vault migration 0017, and an unlocked vault is at the head: every
        foreign key left is a reference this device must hold."""
        problems: list[str] = []
        with self.engine.connect() as c:
            try:
                problems += [r[0] for r in c.exec_driver_sql("PRAGMA cipher_integrity_check")]
                rows = [r[0] for r in c.exec_driver_sql("PRAGMA integrity_check")]
                problems += [r for r in rows if r != "ok"]
                problems += [
                    f"foreign key: {r[0]}" for r in c.exec_driver_sql("PRAGMA foreign_key_check")
                ]
            except sa.exc.DatabaseError as exc:
                # A check that cannot even finish has found damage, or caused by it.
                if not (problems or is_damage(exc)):
                    raise
                problems.append("controle afgebroken: " + str(exc.orig))
        return problems
