"""Declarative base, sync metadata and column types shared by every entity."""

# No ``from __future__ import annotations`` here nor in the other modules of mapped
# classes: SQLAlchemy reads each ``Mapped[...]`` annotation as an object, where a
# postponed one is a string it compiles and evaluates (~380 of them: ~75 M
# instructions, a sixth of the models' import and ~2 % of an `spt-desktop sync`
# process; tests/unit/test_models_import.py).

from datetime import UTC, datetime
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from spt_common.enums import Labelled
from spt_common.ids import uuid7

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A client-made record id: a time-ordered UUID, as text (same form in vault and
    wire; why time-ordered: ``spt_common.ids``)."""
    return uuid7()


def utcnow() -> datetime:
    """Now, as naive UTC (the form every timestamp has in the vault)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING)


class Code(sa.types.TypeDecorator[Labelled]):
    """A Labelled enum stored as its stable code (plain text, so migrations stay simple)."""

    impl = sa.String(40)
    cache_ok = True

    def __init__(self, enum: type[Labelled]) -> None:
        super().__init__()
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: sa.Dialect) -> str | None:
        if value is None:
            return None
        return self.enum.parse(str(value)).value

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> Labelled | None:
        return None if value is None else self.enum(value)


class Synced:
    """Sync metadata carried by every row that travels to the server.

    ``id`` is made on the device; ``server_rev`` is the server's sequence number of the
    last version the device has seen (None: never synced); ``modified_at`` is the device's
    clock and only informative — the server orders changes by its own sequence;
    ``deleted`` makes a tombstone, which is what a delete is.
    """

    __sync_entity__: ClassVar[str]
    # Append-only records never conflict: once written they are only ever read.
    __append_only__: ClassVar[bool] = False

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    server_rev: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)
    modified_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow, onupdate=utcnow)
    deleted: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default="0")


# Columns that describe a row's sync state rather than its content.
SYNC_COLUMNS = frozenset({"id", "server_rev", "modified_at", "deleted"})
