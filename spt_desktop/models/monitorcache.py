"""Where the monitor keeps its prepared facts between sessions (services/monitor.py).

``monitor_snapshot`` holds one row: the prepared facts of the whole vault, encoded.
``monitor_dirty`` lists the candidates whose facts changed since that snapshot was
written. Triggers (migration 0006) add a candidate whenever one of the rows the monitor
reads changes, in the same transaction as the change, so the list cannot miss one; a
hard delete of a candidate (a purge) drops the snapshot, so no fact of a purged
candidate stays behind in it.
"""

# No ``from __future__ import annotations``: see models/base.py.

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from spt_desktop.models.base import Base


class MonitorSnapshot(Base):
    __tablename__ = "monitor_snapshot"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True)  # always 1
    # What wrote it (format, Python and marshal versions): another one is not read.
    format: Mapped[str] = mapped_column(sa.String(60))
    data: Mapped[bytes] = mapped_column(sa.LargeBinary)


class MonitorDirty(Base):
    __tablename__ = "monitor_dirty"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012  (SQLAlchemy reads it)

    candidate_id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
