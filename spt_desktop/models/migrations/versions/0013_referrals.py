"""referrals: the warm handover into the SPT (aanmelding) and the feedback letters sent
back to the referrer (terugkoppeling)

Issue 16 §1. Two new tables, nothing changed in the others:

- ``referral``: who referred whom, when, with what question and what is already known,
  the consents to share with the SPT and to report back, the status (ontvangen → intake
  gepland → in begeleiding, or niet gestart with a reason), the loopbaancoach it is
  assigned to and the candidate made of it. The coach and the candidate are plain ids:
  the loket's and the coordinator's vaults hold referrals whose coach or candidate they
  never receive.
- ``referral_letter``: each terugkoppeling printed (moment, date, recipient), append-only.

A deleted row keeps no content (0007): both tables get their scrub triggers.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

CODE = sa.String(length=40)
ID = sa.String(length=36)

# Frozen here, as in 0007 (spt_desktop.sync.apply's TOMBSTONE_SCRUB is kept equal to
# 0007's SCRUB updated by the later ones', by tests/services/test_privacy_vault.py).
SCRUB: dict[str, dict[str, str | None]] = {
    "referral": {
        "referrer_region": None, "campaign": None, "referrer_organisation": "",
        "referrer_person": "", "referrer_contact": "", "first_name": "", "last_name": "",
        "email": None, "phone": None, "municipality": "", "question": "", "known": "",
        "intake_on": None, "not_started_reason": None, "not_started_note": None,
    },
    "referral_letter": {"recipient": ""},
}  # fmt: skip


def _sql(value: str | None) -> str:
    return "NULL" if value is None else "''"


def _set(cols: dict[str, str | None]) -> str:
    return ", ".join(f'"{c}" = {_sql(v)}' for c, v in cols.items())


def _holds_content(cols: dict[str, str | None], row: str) -> str:
    return " OR ".join(f'{row}."{c}" IS NOT {_sql(v)}' for c, v in cols.items())


def _scrub_triggers(table: str, cols: dict[str, str | None]) -> None:
    """0007's two triggers, for ``table`` with ``cols``."""
    clear = f'UPDATE "{table}" SET {_set(cols)}'
    op.execute(
        f"CREATE TRIGGER {table}_scrub_ai AFTER INSERT ON {table} WHEN new.deleted "
        f"BEGIN {clear} WHERE id = new.id; END"
    )
    listed = ", ".join(f'"{c}"' for c in cols)
    op.execute(
        f"CREATE TRIGGER {table}_scrub_au AFTER UPDATE OF deleted, {listed} ON {table} "
        f"WHEN new.deleted AND ({_holds_content(cols, 'new')}) "
        f"BEGIN {clear} WHERE id = new.id; END"
    )


def _sync_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", ID, nullable=False),
        sa.Column("server_rev", sa.BigInteger(), nullable=True),
        sa.Column("modified_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "referral",
        sa.Column("spt", CODE, nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("referrer_kind", CODE, nullable=False),
        sa.Column("referrer_region", sa.String(length=100), nullable=True),
        sa.Column("campaign", sa.String(length=200), nullable=True),
        sa.Column("referrer_organisation", sa.String(length=200), nullable=False),
        sa.Column("referrer_person", sa.String(length=200), nullable=False),
        sa.Column("referrer_contact", sa.String(length=320), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=150), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("municipality", sa.String(length=100), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("known", sa.Text(), nullable=False),
        sa.Column("consent_spt", sa.Boolean(), nullable=False),
        sa.Column("consent_report_back", sa.Boolean(), nullable=False),
        sa.Column("status", CODE, nullable=False),
        sa.Column("intake_on", sa.Date(), nullable=True),
        sa.Column("not_started_reason", CODE, nullable=True),
        sa.Column("not_started_note", sa.Text(), nullable=True),
        sa.Column("coach_id", ID, nullable=True),
        sa.Column("candidate_id", ID, nullable=True),
        sa.Column("recorded_by", ID, nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    for column in ("coach_id", "candidate_id"):
        op.create_index(op.f(f"ix_referral_{column}"), "referral", [column], unique=False)
    op.create_table(
        "referral_letter",
        sa.Column("candidate_id", ID, nullable=False),
        sa.Column("referral_id", ID, nullable=True),
        sa.Column("moment", CODE, nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("coach_id", ID, nullable=False),
        sa.Column("recipient", sa.String(length=300), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_referral_letter_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"], ["coach.id"], name=op.f("fk_referral_letter_coach_id_coach")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_letter")),
    )
    op.create_index(
        op.f("ix_referral_letter_candidate_id"), "referral_letter", ["candidate_id"], unique=False
    )
    for table, cols in SCRUB.items():
        _scrub_triggers(table, cols)


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
