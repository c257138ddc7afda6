"""referral retention: a referral that is done keeps no personal data of its candidate

Issue 16 §1, minimal personal data the way the loket register does it (0014): a referral
holds the candidate's name, e-mail, phone, question and what was known only while it
waits. Set to "niet gestart" it never becomes a candidate, so it keeps none of them;
accepted, the candidate's own record (and the note written at acceptance) holds them, so
the referral's copy goes too. What stays is what the monitor and the stuurgroep need:
who referred (kind, organisation, region, campaign), the dates, status and reason.

The triggers ``referral_done_*`` clear them in the database whatever wrote the record (a
use case, a pulled record); ``secure_delete`` (vault.py) zeroes the freed bytes. The
conflict store keeps none of them for such a referral either. The columns stay as they
are: the names and texts are cleared to '' (allowed on the wire already, so old clients
read and send such a record), e-mail and phone to NULL.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

TABLE = "referral"
# What a done referral may not keep, and what it is cleared to (frozen here, as in 0014;
# spt_desktop.models.referrals.PERSONAL is kept equal by tests/services/test_referrals.py).
PERSONAL: dict[str, str | None] = {
    "first_name": "", "last_name": "", "email": None, "phone": None,
    "question": "", "known": "",
}  # fmt: skip
DONE = "(new.status = 'not_started' OR new.candidate_id IS NOT NULL)"


def _sql(value: str | None) -> str:
    return "NULL" if value is None else "''"


def upgrade() -> None:
    clear = f"UPDATE {TABLE} SET " + ", ".join(f"{c} = {_sql(v)}" for c, v in PERSONAL.items())
    holds = " OR ".join(f"new.{c} IS NOT {_sql(v)}" for c, v in PERSONAL.items())
    when = f"WHEN {DONE} AND ({holds})"
    op.execute(
        f"CREATE TRIGGER {TABLE}_done_ai AFTER INSERT ON {TABLE} {when} "
        f"BEGIN {clear} WHERE id = new.id; END"
    )
    op.execute(
        f"CREATE TRIGGER {TABLE}_done_au AFTER UPDATE OF status, candidate_id, "
        f"{', '.join(PERSONAL)} ON {TABLE} {when} BEGIN {clear} WHERE id = new.id; END"
    )
    listed = ", ".join(f"'{c}'" for c in PERSONAL)
    forget = (
        f"DELETE FROM sync_conflict WHERE record_id = new.id "
        f"AND (field IN ({listed}) OR field IS NULL)"
    )
    for event, name in (("INSERT", "ai"), ("UPDATE OF status, candidate_id", "au")):
        op.execute(
            f"CREATE TRIGGER {TABLE}_done_conflicts_{name} AFTER {event} ON {TABLE} "
            f"WHEN {DONE} BEGIN {forget}; END"
        )
    # Those already done before this version.
    done = DONE.replace("new.", "")
    op.execute(f"{clear} WHERE {done}")
    op.execute(
        f"DELETE FROM sync_conflict WHERE (field IN ({listed}) OR field IS NULL) AND "
        f"record_id IN (SELECT id FROM {TABLE} WHERE {done})"
    )


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
