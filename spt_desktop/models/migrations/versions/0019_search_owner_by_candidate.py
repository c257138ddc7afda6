"""search per keystroke: ``search_owner`` indexed by candidate

Search-as-you-type for a common word (``werkplek``, in most visit reports) or a name with
a particle (``de Vries``: ``de`` is in nearly every document) matched 60,000-240,000
documents at 20,000 candidates, and the caseload query turned every one of them into a
candidate before it could show the first 50 in name order: 50-180 ms of CPU a keystroke
(bench/VAULT.md, "Search per keystroke: common words and particles"). The caseload now
walks the candidates in name order and reads only their own documents until the page is
full (services/queries.py, services/textmatch.py); this index gives it a candidate's
documents without a scan. The full-text index itself, its triggers and the owner
table's rows are unchanged.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"


def upgrade() -> None:
    op.execute("CREATE INDEX ix_search_owner_candidate ON search_owner (candidate_id, doc)")


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
