"""Schema migrations of the vault (Alembic, numbered, batch mode for SQLite).

Unlocking compares the vault's revision with ``SCHEMA_HEAD`` without importing Alembic;
only a vault made by an older version pays for it — after an encrypted backup copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from spt_desktop.models import later_indexes

if TYPE_CHECKING:
    from alembic.config import Config

    from spt_desktop.models.vault import Vault

# Kept equal to Alembic's head by tests/unit/test_migrations.py.
SCHEMA_HEAD = "0020"
MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as c:
        if not sa.inspect(c).has_table("alembic_version"):
            return None
        return c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade_to(engine: sa.Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        # One transaction for the whole upgrade. The driver (pysqlite's rules) begins one
        # only before an INSERT, UPDATE or DELETE, so a migration whose first statements
        # are DDL committed them on their own: 0018 cut off after its DROP TABLE lost the
        # search index for good. SQLite's DDL is transactional; BEGIN makes it so here.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def upgrade_to_head(engine: sa.Engine) -> None:
    upgrade_to(engine, "head")


def is_newer(rev: str | None) -> bool:
    """True for a revision this app does not know: made by a newer version (ours are
    numbered, so any other name is not ours either)."""
    if rev is None:
        return False
    return not rev.isdigit() or int(rev) > int(SCHEMA_HEAD)


def upgrade_if_needed(vault: Vault) -> None:
    """Bring an older vault to ``SCHEMA_HEAD`` after an encrypted backup copy; refuse a
    newer one before anything is written (the caller locks again)."""
    from spt_desktop.models.errors import VaultTooNew

    rev = current_revision(vault.engine)
    if is_newer(rev):
        raise VaultTooNew()
    if rev is not None:
        # Indexes a pull cut off left unbuilt (``later_indexes``): made again before
        # anything runs on the vault, a migration that may need them included.
        later_indexes.repair(vault.engine)
    if rev == SCHEMA_HEAD:
        return
    vault.backup_copy(f"before-{SCHEMA_HEAD}.bak")
    upgrade_to_head(vault.engine)
