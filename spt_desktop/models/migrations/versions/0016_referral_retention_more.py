"""referral retention: a done referral keeps neither her municipality nor the note on why
she did not start

Issue 16, left over from 0015. Per field, by the whitepaper's purpose (the decision is in
DESIGN.md's privacy part):

- ``not_started_note``: the coach's free text on why a referral did not start. It can hold
  circumstances (health, care, debts) and serves no figure: the monitor and the stuurgroep
  count the reason code, which stays. Nothing is reported back for a referral that did not
  start (a letter needs a candidate). Cleared; the form no longer asks for it.
- ``municipality``: no figure reads a referral's municipality. The monitor splits the
  instroom by region and referrer from the candidate's own record (an accepted referral's
  candidate holds her municipality); a referral that did not start is counted by referrer
  and reason. Kept beside the date, the referring organisation and person and the reason,
  a small municipality (Texel, Uitgeest: a few thousand people of working age) points at
  one person for anyone who knows the referrer. Cleared, to '' as the other texts.

The triggers of 0015 are made again with the two fields added (same names); rows already
done are cleared now, and their conflicts about these fields dropped.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

TABLE = "referral"
# What a done referral may not keep, and what it is cleared to (frozen here;
# spt_desktop.models.referrals.PERSONAL is kept equal by tests/services/test_referrals.py).
PERSONAL: dict[str, str | None] = {
    "first_name": "", "last_name": "", "email": None, "phone": None,
    "question": "", "known": "", "municipality": "", "not_started_note": None,
}  # fmt: skip
DONE = "(new.status = 'not_started' OR new.candidate_id IS NOT NULL)"
TRIGGERS = ("ai", "au", "conflicts_ai", "conflicts_au")


def _sql(value: str | None) -> str:
    return "NULL" if value is None else "''"


def upgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_done_{name}")
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
