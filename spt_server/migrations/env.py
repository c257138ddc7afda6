"""Alembic environment of the server database; run through ``spt_server.setup.upgrade``."""

from __future__ import annotations

from alembic import context

from spt_server.db import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("server migrations run only through spt_server.setup.upgrade")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
