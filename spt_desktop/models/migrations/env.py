"""Alembic environment for the vault. Always run with a live connection passed in
``config.attributes['connection']``: the vault is keyed, so Alembic never opens it itself."""

from __future__ import annotations

from alembic import context

from spt_desktop.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("vault migrations run only through spt_desktop.models.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
