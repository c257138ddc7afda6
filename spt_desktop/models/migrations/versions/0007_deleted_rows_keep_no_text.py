"""privacy: a deleted record keeps no content, in its row or in the search index

A delete is a tombstone (``deleted``), which sync needs; but the tombstone kept the whole
record, name and free text included, and the full-text index kept the words of deleted
text in its segments until a merge happened to rewrite them (issue 10 §4). Now:

- triggers clear a deleted row's content columns on every write path (services, a
  pulled tombstone, bulk loads): free text becomes '' (NULL where the column may be
  null), every other nullable value NULL. Kept: the id, the sync columns, the record
  references (candidate, plan, employer ... : a purge and the conflict store find rows
  by them) and the non-null codes, dates and numbers the schema requires;
- the search index runs with FTS5's ``secure-delete``: a deleted document's words leave
  the index at once (spt_desktop.sync.searchindex: bulk removals);
- the rows deleted before this version are cleared now, and the index is made anew
  once from the text still held (``rebuild``; ``optimize`` keeps delete markers, which
  hold words, in some cases), so the words deleted before are gone too.

Not cleared: ``audit_entry`` (names fields, never values; never deleted) and ``coach``
(the colleague directory the server keeps; history shows who did what).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None
# One-way: nothing downgrades a vault; an upgrade runs in one transaction, after an
# encrypted .bak copy of the vault (models/migrate.py), and that copy is the way back.
ONE_WAY = "vault migrations are one-way; restore the .bak copy made before the upgrade"

# Frozen here (migrations never import code that changes later; spt_desktop.sync.apply's
# TOMBSTONE_SCRUB is kept equal to it by tests/services/test_privacy_vault.py):
# table -> column -> the value a deleted row holds.
SCRUB: dict[str, dict[str, str | None]] = {
    "candidate": {
        "first_name": "", "last_name": "", "birth_date": None, "email": None, "phone": None,
        "municipality": "", "labour_market_region": "", "language_level": None,
        "hours_per_week": None, "availability": None, "salary_expectation": None,
        "skills": None, "interests": None, "motivation": None, "notes": None,
        "next_follow_up": None,
    },
    "consent": {"withdrawn_on": None},
    "intake": {
        "background": "", "motivation": "", "wishes": "", "obstacles": "",
        "persona_rationale": "",
    },
    "note": {"text": ""},
    "journey_event": {"from_phase": None, "reason": ""},
    "plan": {"summary": "", "reviewed_on": None, "agreed_on": None},
    "goal": {"description": ""},
    "action": {"description": "", "owner": "", "due_on": None},
    "activity": {"location": "", "notes": ""},
    "training": {
        "provider": "", "programme": "", "fund": None, "starts_on": None, "ends_on": None,
        "certificate": None,
    },
    "handover": {"summary": "", "accepted_at": None},
    "dropout": {"explanation": ""},
    "employer": {"name": "", "municipality": "", "address": "", "guidance_notes": ""},
    "contact_person": {"name": "", "function": "", "email": None, "phone": None},
    "vacancy": {"title": "", "description": "", "hours_per_week": None, "expected_on": None},
    "match": {"klik": None, "notes": ""},
    "placement": {"job_title": "", "ended_on": None},
    "retention_checkpoint": {"done_on": None, "outcome": None},
    "visit": {
        "site": "", "attendees": "", "topics": "", "progress_score": None,
        "wellbeing_score": None, "agreements": "", "notes": "", "follow_up_on": None,
        "signed_off_at": None,
    },
}  # fmt: skip


def _sql(value: str | None) -> str:
    return "NULL" if value is None else "''"


def _set(cols: dict[str, str | None]) -> str:
    return ", ".join(f'"{c}" = {_sql(v)}' for c, v in cols.items())


def _holds_content(cols: dict[str, str | None], row: str) -> str:
    return " OR ".join(f'{row}."{c}" IS NOT {_sql(v)}' for c, v in cols.items())


def upgrade() -> None:
    for table, cols in SCRUB.items():
        clear = f'UPDATE "{table}" SET {_set(cols)}'
        # The rows deleted before this version.
        op.execute(f"{clear} WHERE deleted AND ({_holds_content(cols, table)})")
        op.execute(
            f"CREATE TRIGGER {table}_scrub_ai AFTER INSERT ON {table} WHEN new.deleted "
            f"BEGIN {clear} WHERE id = new.id; END"
        )
        # Any later write to a tombstone (a tombstone pulled again, with content) too.
        listed = ", ".join(f'"{c}"' for c in cols)
        op.execute(
            f"CREATE TRIGGER {table}_scrub_au AFTER UPDATE OF deleted, {listed} ON {table} "
            f"WHEN new.deleted AND ({_holds_content(cols, 'new')}) "
            f"BEGIN {clear} WHERE id = new.id; END"
        )
    # Only a vault that deleted indexed text holds its words (~0.6 ms a document held).
    deleted = " UNION ALL ".join(
        f"SELECT 1 FROM {t} WHERE deleted" for t in ("candidate", "note", "visit", "intake")
    )
    if op.get_bind().exec_driver_sql(f"SELECT EXISTS ({deleted})").scalar():
        op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    op.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 1)")


def downgrade() -> None:
    raise NotImplementedError(ONE_WAY)
