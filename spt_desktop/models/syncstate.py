"""Local sync state: the conflict store.

A conflict is a field changed on this device and, concurrently, on another: the server
kept the other value (now in the record), this row keeps the device's own value until the
coach chooses. Not synced itself: it describes this device's view.
"""

# No ``from __future__ import annotations``: see models/base.py.

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from spt_desktop.models.base import Base, new_id, utcnow


class SyncConflict(Base):
    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(sa.String(40))
    record_id: Mapped[str] = mapped_column(sa.String(36), index=True)
    # So a purge of the candidate takes the conflict with it.
    candidate_id: Mapped[str | None] = mapped_column(sa.String(36), index=True)
    # field: the same field edited on two devices; deleted: edited here, deleted
    # elsewhere; rejected: the server refused the change (e.g. a signed-off visit).
    kind: Mapped[str] = mapped_column(sa.String(20))
    field: Mapped[str | None] = mapped_column(sa.String(64))
    local_value: Mapped[str] = mapped_column(sa.Text)  # JSON
    server_value: Mapped[str] = mapped_column(sa.Text)  # JSON
    server_rev: Mapped[int | None] = mapped_column(sa.BigInteger)
    detected_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(sa.DateTime, index=True)
    resolution: Mapped[str | None] = mapped_column(sa.String(20))  # mine / theirs


class HeldChange(Base):
    """A pulled change this version of the app cannot store (a code it does not know
    yet, from a colleague on a newer version): kept as it came, out of the way of the
    rest of its page (``sync.apply``), and tried again by a newer version of the app
    (``app_version``: the one that held it), or dropped for a newer change of the same
    record. A purge of the candidate takes it with it (``candidate_id``). Not synced."""

    __tablename__ = "held_change"

    record_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(sa.String(40))
    candidate_id: Mapped[str | None] = mapped_column(sa.String(36), index=True)
    rev: Mapped[int] = mapped_column(sa.BigInteger)
    record: Mapped[str] = mapped_column(sa.Text)  # JSON: the record as pulled
    app_version: Mapped[str] = mapped_column(sa.String(40))
    held_at: Mapped[datetime] = mapped_column(sa.DateTime, default=utcnow)
