"""Schema migrations of the vault (Alembic, numbered, batch mode for SQLite).

Unlocking compares the vault's revision with ``SCHEMA_HEAD`` without importing Alembic;
only a vault made by an older version pays for it — after an encrypted backup copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

if TYPE_CHECKING:
    from alembic.config import Config

    from spt_desktop.models.vault import Vault

# Kept equal to Alembic's head by tests/unit/test_migrations.py.
SCHEMA_HEAD = "0006"
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
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def upgrade_to_head(engine: sa.Engine) -> None:
    upgrade_to(engine, "head")


def upgrade_if_needed(vault: Vault) -> None:
    rev = current_revision(vault.engine)
    if rev == SCHEMA_HEAD:
        return
    vault.backup_copy(f"before-{SCHEMA_HEAD}.bak")
    upgrade_to_head(vault.engine)
