"""Where the encrypted drafts of unsaved forms live: rows of the ``setting`` table keyed
``draft:<form id>``, with the candidate the form is about in ``candidate_id`` (NULL for a
form about no one yet, such as ``register``, or about an employer). The form says whom it
is about when its draft is saved; nothing is read out of the form id (which once took an
employer's id at the end of one for a candidate's). So every draft about a candidate is
found by her id, which a purge (unassign, handover, erasure) and the access export need."""

from __future__ import annotations

import sqlalchemy as sa

from spt_desktop.models.bookkeeping import Setting

DRAFT_PREFIX = "draft:"
# Settings keys sort as text; every draft key lies in [FIRST, AFTER): ';' follows ':'.
_FIRST, _AFTER = DRAFT_PREFIX, DRAFT_PREFIX[:-1] + ";"


def draft_key(form_id: str) -> str:
    """The setting key of ``form_id``'s draft."""
    return DRAFT_PREFIX + form_id


def put_draft(conn: sa.Connection, form_id: str, value: str, about: str | None) -> None:
    """Keep ``value`` (JSON) as ``form_id``'s draft, about candidate ``about`` (or no one)."""
    key = draft_key(form_id)
    conn.execute(sa.delete(Setting).where(Setting.key == key))
    conn.execute(sa.insert(Setting).values(key=key, value=value, candidate_id=about))


def draft_rows(conn: sa.Connection) -> list[tuple[str, str]]:
    """Every draft as (form id, JSON value), read by a range of the key's index."""
    rows = conn.execute(
        sa.select(Setting.key, Setting.value).where(Setting.key >= _FIRST, Setting.key < _AFTER)
    )
    return [(key.removeprefix(DRAFT_PREFIX), value) for key, value in rows]


def draft_owners(conn: sa.Connection) -> dict[str, str]:
    """The candidate of every draft about one: form id -> candidate id."""
    rows = conn.execute(
        sa.select(Setting.key, Setting.candidate_id).where(
            Setting.key >= _FIRST, Setting.key < _AFTER, Setting.candidate_id.is_not(None)
        )
    )
    return {key.removeprefix(DRAFT_PREFIX): str(cid) for key, cid in rows}


def drafts_about(conn: sa.Connection, candidate_ids: list[str]) -> dict[str, str]:
    """The drafts about ``candidate_ids``: form id -> JSON value."""
    if not candidate_ids:
        return {}
    rows = conn.execute(
        sa.select(Setting.key, Setting.value).where(
            Setting.candidate_id.in_(candidate_ids),
            Setting.key >= _FIRST,
            Setting.key < _AFTER,
        )
    )
    return {key.removeprefix(DRAFT_PREFIX): value for key, value in rows}


def drop_drafts_about(conn: sa.Connection, candidate_ids: list[str]) -> int:
    """Delete the drafts about ``candidate_ids``; returns how many."""
    keys = [draft_key(f) for f in drafts_about(conn, candidate_ids)]
    if not keys:
        return 0
    return int(conn.execute(sa.delete(Setting).where(Setting.key.in_(keys))).rowcount)
