"""Real vaults and real server databases, their schemas copied from templates the real
migrations made once per test process (the suite's time: issue "ci5").

A vault: ``Vault.create`` as the app runs it (its own data key, vault id, KDF header,
owner and settings, a real SQLCipher file), but the schema at head is copied
(``sqlcipher_export``) from the one the real ``migrate.upgrade_to_head`` made for the
process's first vault, instead of Alembic running the vault's migrations again: those
were three quarters of a vault's making (~0.25 s of CPU of ~0.33; the suite makes
thousands). tests/unit/test_templates.py holds a vault made so equal to one
``Vault.create`` makes alone (schema, pragmas, rows). Tests of the migrations and of
``Vault.create`` itself call it as the app does.

A server database: a copy of one the real ``setup.upgrade`` made (SQLite: its file;
PostgreSQL: ``CREATE DATABASE ... TEMPLATE``), without its signing key; then the real
``setup.upgrade`` on the copy (Alembic finds it at head) seeds it as for any new
database, a signing key of its own included.
"""

from __future__ import annotations

import atexit
import contextlib
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from spt_desktop.models import migrate
from spt_desktop.models.vault import Vault

if TYPE_CHECKING:
    from tests.support.server_kit import PgCluster

_lock = threading.RLock()
_dir: Path | None = None
_vault_schema: Path | None = None  # the migrated schema, an empty plaintext SQLite file
_server_file: Path | None = None  # SQLite server database at head, no signing key
_upgrade_to_head = migrate.upgrade_to_head  # the real one


def _template_dir() -> Path:
    global _dir
    if _dir is None:
        _dir = Path(tempfile.mkdtemp(prefix="spt-test-templates-"))
        atexit.register(shutil.rmtree, _dir, True)
    return _dir


# --- vaults ----------------------------------------------------------------------------


def create_vault(path: Path | str, passphrase: str, **kw: Any) -> tuple[Vault, str]:
    """``Vault.create(path, passphrase, **kw)``, its schema copied from the template."""
    with _lock, schemas_from_template():
        return Vault.create(path, passphrase, **kw)


@contextlib.contextmanager
def schemas_from_template() -> Iterator[None]:
    """While in it, every vault made (``Vault.create``, any thread: the app's worker)
    gets its schema from the template; a vault that is not new is upgraded for real."""
    before = migrate.upgrade_to_head
    migrate.upgrade_to_head = _schema_from_template
    try:
        yield
    finally:
        migrate.upgrade_to_head = before


def _schema_from_template(engine: sa.Engine) -> None:
    """``upgrade_to_head`` for a vault being made: its empty file gets the schema (and
    the rows the migrations write) of the template; the first vault of the process is
    migrated for real and becomes the template. A vault that is not empty is upgraded
    for real."""
    global _vault_schema
    with engine.connect() as c:
        raw = c.connection.driver_connection
        assert raw is not None
        empty = raw.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    if not empty:
        _upgrade_to_head(engine)
        return
    with _lock:
        if _vault_schema is None:
            _upgrade_to_head(engine)
            target = _template_dir() / "vault-schema.db"
            with engine.connect() as c:
                _export(c, target, "SELECT sqlcipher_export('template')")
            _vault_schema = target
            return
    with engine.connect() as c:
        _export(c, _vault_schema, "SELECT sqlcipher_export('main', 'template')")
        # sqlcipher_export writes virtual tables (the search index) into sqlite_schema
        # directly: this connection's cached schema does not have them; the next one
        # reads the schema from the file.
        c.invalidate()


def _export(c: sa.Connection, template: Path, statement: str) -> None:
    """``statement`` (a ``sqlcipher_export``) run with the plain file ``template``
    attached as ``template``, detached after."""
    raw = c.connection.driver_connection
    assert raw is not None
    raw.execute("ATTACH DATABASE ? AS template KEY ''", (str(template),))
    try:
        raw.execute(statement)
    finally:
        raw.execute("DETACH DATABASE template")


# --- server databases ------------------------------------------------------------------


def server_db(kind: str, tmp_path: Path, pg: PgCluster | None) -> str:
    """A fresh, initialised server database of ``kind`` (sqlite / postgresql) as
    ``setup.upgrade`` leaves one, from the template of its kind."""
    from spt_server.db import make_engine
    from spt_server.setup import upgrade

    if kind == "sqlite":
        target = tmp_path / "server.db"
        shutil.copy(_sqlite_template(), target)  # its mode too (owner only: the server checks)
        url = f"sqlite:///{target}"
    else:
        assert pg is not None and pg.url
        url = pg.new_database(template=_pg_template(pg))
    engine = make_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    return url


def _made(url: str) -> None:
    """The real ``setup.upgrade`` on ``url``, then its signing key dropped (each copy
    makes its own, as a new database does)."""
    from spt_server.db import make_engine
    from spt_server.setup import SIGNING_KEY, upgrade

    engine = make_engine(url)
    try:
        upgrade(engine)
        with engine.begin() as c:
            c.execute(sa.text("DELETE FROM server_setting WHERE key = :k"), {"k": SIGNING_KEY})
    finally:
        engine.dispose()


def _sqlite_template() -> Path:
    global _server_file
    with _lock:
        if _server_file is None:
            target = _template_dir() / "server.db"
            _made(f"sqlite:///{target}")
            # Closed: its WAL is in the file, which alone is copied.
            assert not Path(f"{target}-wal").exists()
            _server_file = target
        return _server_file


def _pg_template(pg: PgCluster) -> str:
    with _lock:
        if pg.template is None:
            url = pg.new_database()
            _made(url)  # disposed: no session on it (CREATE DATABASE ... TEMPLATE needs none)
            pg.template = url.rsplit("/", 1)[1]
        return pg.template
