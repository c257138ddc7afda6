"""Rows about rows: the audit trail, the sync outbox and the vault's own settings."""

# No ``from __future__ import annotations``: see models/base.py.

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from spt_desktop.models.base import Base, Synced


class AuditEntry(Synced, Base):
    """Who did what to which record, when. Never the record's content: ``fields`` names
    the changed fields, never their values. Append-only; the server keeps it."""

    __tablename__ = "audit_entry"
    __sync_entity__ = "audit_entry"
    __append_only__ = True

    at: Mapped[datetime] = mapped_column(sa.DateTime, index=True)
    actor_id: Mapped[str | None] = mapped_column(sa.String(36))
    action: Mapped[str] = mapped_column(sa.String(20))  # create / update / delete
    entity: Mapped[str] = mapped_column(sa.String(40))
    record_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    # The candidate the record belongs to, so a dossier's history and a purge find it.
    candidate_id: Mapped[str | None] = mapped_column(sa.String(36), index=True)
    fields: Mapped[str] = mapped_column(sa.Text, default="")


class OutboxEntry(Base):
    """A local change waiting to be pushed. Written in the same transaction as the change.

    The outbox names the changed fields; push reads their current values, so several
    edits of one record before a sync travel as one change.
    """

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(sa.String(40))
    record_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    op: Mapped[str] = mapped_column(sa.String(10))  # insert / update / delete
    fields: Mapped[str | None] = mapped_column(sa.Text)  # JSON list; None: every field
    base_rev: Mapped[int | None] = mapped_column(sa.BigInteger)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)


class Setting(Base):
    """Key/value settings stored inside the vault (owner, sync cursor, tokens, drafts)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    value: Mapped[str] = mapped_column(sa.Text)
    # A form's draft (``models/drafts.py``): the candidate it is about, as the form said
    # (a purge and the access export find her drafts by it); None for anything else.
    candidate_id: Mapped[str | None] = mapped_column(sa.String(36), index=True)
