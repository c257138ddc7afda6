"""record.field_revs may be empty: every field at the record's revision

No table changes. From this revision on, the server stores a new record's ``field_revs``
as the empty string (``store.IMPLIED_REVS``): all its fields stand at the record's own
revision, and the first edit writes the map out (a tenth fewer bytes a pushed record,
issue 13). A server build from before this revision would read that empty text as JSON
and fail at the first edit of such a record; with this revision in the database, such a
build refuses to upgrade it (Alembic does not know the revision), so a rollback stops at
the start and not in the middle of a coach's sync.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 02:30:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    """Each implied map written out, as a build before 0016 reads it: every field of
    the record's data at the record's revision."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, data, rev FROM record WHERE field_revs = '' AND data IS NOT NULL")
    ).all()
    if rows:
        conn.execute(
            sa.text("UPDATE record SET field_revs = :revs WHERE id = :id"),
            [
                {"id": rid, "revs": json.dumps(dict.fromkeys(json.loads(data), rev))}
                for rid, data, rev in rows
            ],
        )
