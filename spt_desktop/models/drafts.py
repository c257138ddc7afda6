"""Where the encrypted drafts of unsaved forms live: rows of the ``setting`` table keyed
``draft:<form id>``. A form about a candidate has the id ``<kind>:<candidate id>``
(``visit:…``, ``handover:…``, ``intake:…``); a form about no one yet has only its kind
(``register``). So every draft about a candidate is found by her id, which a purge
(unassign, handover, erasure) and the access export need."""

from __future__ import annotations

import re

import sqlalchemy as sa

from spt_desktop.models.bookkeeping import Setting

DRAFT_PREFIX = "draft:"
# Settings keys sort as text; every draft key lies in [FIRST, AFTER): ';' follows ':'.
_FIRST, _AFTER = DRAFT_PREFIX, DRAFT_PREFIX[:-1] + ";"
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def draft_key(form_id: str) -> str:
    """The setting key of ``form_id``'s draft."""
    return DRAFT_PREFIX + form_id


def draft_candidate(form_id: str) -> str | None:
    """The candidate a form is about (record ids are UUIDs), or None."""
    _, sep, tail = form_id.rpartition(":")
    return tail if sep and _UUID.match(tail) else None


def draft_rows(conn: sa.Connection) -> list[tuple[str, str]]:
    """Every draft as (form id, JSON value), read by a range of the key's index."""
    rows = conn.execute(
        sa.select(Setting.key, Setting.value).where(Setting.key >= _FIRST, Setting.key < _AFTER)
    )
    return [(key.removeprefix(DRAFT_PREFIX), value) for key, value in rows]


def drafts_about(conn: sa.Connection, candidate_ids: list[str]) -> dict[str, str]:
    """The drafts about ``candidate_ids``: form id -> JSON value."""
    wanted = set(candidate_ids)
    return {
        form_id: value
        for form_id, value in draft_rows(conn)
        if form_id.rpartition(":")[2] in wanted and ":" in form_id
    }


def drop_drafts_about(conn: sa.Connection, candidate_ids: list[str]) -> int:
    """Delete the drafts about ``candidate_ids``; returns how many."""
    keys = [draft_key(f) for f in drafts_about(conn, candidate_ids)]
    if not keys:
        return 0
    return int(conn.execute(sa.delete(Setting).where(Setting.key.in_(keys))).rowcount)
