"""Pulled changes this version of the app cannot store: held, not refused.

A colleague on a newer version of SPT Desktop can store a code this version does not
know yet (a new sector, a new dropout reason): the server is upgraded first
(docs/deploy.md) and takes it. Before, one such record made the bind of its pulled page
raise (``onbekende waarde``), the page's transaction rolled back, and the pull of every
laptop still on the older version stopped there for good.

Now ``apply.apply_page`` holds such a change here (vault table ``held_change``,
migration 0020), as it came, in the transaction of its page: the rest of the page
applies and the cursor moves on. A held change is

- tried again by another version of the app than the one that held it (``retry``, at
  the start of a sync: after an update, it applies as any pulled record, with the same
  merge rules; one still unstorable is held again, by the new version);
- replaced by a newer change of the same record that cannot be stored either, and
  dropped for a newer one that can (``drop_superseded``) or when what the vault holds
  is already as new (``retry``);
- deleted with the candidate's data (``purge``: a purge, the candidate's removal; a
  wipe empties the table).

The coach is told how many changes wait for an update, never what they hold
(``count``; services.session.SyncStatus). The check costs a first pull nothing: a page
is looked at record by record only when converting it raised (``apply._held_back``),
and a page whose records all convert pays one probe of this (empty) table
(``any_held``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import sqlalchemy as sa

import spt_desktop
from spt_desktop.models.base import utcnow
from spt_desktop.models.syncstate import HeldChange

if TYPE_CHECKING:
    from spt_desktop.sync.transport import WireRecord

_HELD = HeldChange.__tablename__


# A record that names a held record the vault has no row of (a note of a new candidate
# whose phase this version does not know, a vacancy of such an employer) is held with it,
# marked with the id it waits for: the vault never holds a reference to a record it
# lacks (its integrity check would count it as damage, and the coach would find the note
# nowhere), and the coach's count says everything that waits. It goes in as soon as the
# record it waits for does (``release``), or with it after an update (``retry``).
WAITS_FOR: Final = "waits_for"


def app_version() -> str:
    """This app's version, read when asked (an update changes it between runs; a test
    moves it)."""
    return spt_desktop.__version__


def _cursor(conn: sa.Connection) -> Any:
    return conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]


def candidate_of(rec: WireRecord) -> str | None:
    """The candidate a pulled record is about (a purge of her finds it by this)."""
    if rec["entity"] == "candidate":
        return rec["id"]
    cand = (rec.get("data") or {}).get("candidate_id")
    return cand if isinstance(cand, str) else None


def hold(conn: sa.Connection, records: Iterable[WireRecord]) -> int:
    """Keep ``records`` as they came, by this version of the app; an older held change
    of the same record is replaced, a newer one stays. Returns how many."""
    version = app_version()
    stamp = utcnow().isoformat(" ", "microseconds")
    rows = [
        (
            rec["id"],
            rec["entity"],
            candidate_of(rec),
            int(rec["rev"]),
            json.dumps(
                {
                    "entity": rec["entity"],
                    "id": rec["id"],
                    "rev": rec["rev"],
                    "deleted": bool(rec.get("deleted", False)),
                    "data": rec.get("data") or {},
                    # Held only because a record it names is held (``WAITS_FOR``).
                    **({WAITS_FOR: rec[WAITS_FOR]} if rec.get(WAITS_FOR) else {}),
                }
            ),
            version,
            stamp,
        )
        for rec in records
    ]
    if rows:
        _cursor(conn).executemany(
            f"INSERT INTO {_HELD} (record_id, entity, candidate_id, rev, record, app_version, "
            "held_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (record_id) DO UPDATE SET "
            "entity = excluded.entity, candidate_id = excluded.candidate_id, "
            "rev = excluded.rev, record = excluded.record, app_version = excluded.app_version, "
            f"held_at = excluded.held_at WHERE excluded.rev >= {_HELD}.rev",
            rows,
        )
    return len(rows)


def absent(conn: sa.Connection, candidates: dict[str, str]) -> set[str]:
    """Of ``candidates`` (id -> entity) and the held records, the ids the vault has no
    row of (a held update of a record it has leaves that record in place: nothing that
    names it waits)."""
    from spt_desktop.sync.apply import TABLES

    cursor = _cursor(conn)
    ids = dict(candidates)
    ids.update(cursor.execute(f"SELECT record_id, entity FROM {_HELD}").fetchall())
    by_entity: dict[str, list[str]] = {}
    for rid, entity in ids.items():
        if entity in TABLES:
            by_entity.setdefault(entity, []).append(rid)
    out: set[str] = set()
    for entity, some in by_entity.items():
        table = conn.dialect.identifier_preparer.format_table(TABLES[entity])
        here = {
            r[0]
            for r in cursor.execute(
                f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(some),),
            )
        }
        out.update(rid for rid in some if rid not in here)
    return out


def release(conn: sa.Connection) -> list[WireRecord]:
    """The records held only because a record they name was held (``WAITS_FOR``) whose
    record is held no more (stored by a newer change, or gone): taken out, to be applied
    now (held again, unmarked, if this version cannot store them for their own sake)."""
    cursor = _cursor(conn)
    rows = cursor.execute(
        f"SELECT record_id, record FROM {_HELD} WHERE record ->> '$.{WAITS_FOR}' IS NOT NULL "
        f"AND record ->> '$.{WAITS_FOR}' NOT IN (SELECT record_id FROM {_HELD})"
    ).fetchall()
    if not rows:
        return []
    cursor.execute(
        f"DELETE FROM {_HELD} WHERE record_id IN (SELECT value FROM json_each(?))",
        (json.dumps([r[0] for r in rows]),),
    )
    out: list[WireRecord] = []
    for _, text in rows:
        rec = json.loads(text)
        rec.pop(WAITS_FOR, None)
        out.append(rec)
    out.sort(key=lambda r: r["rev"])
    return out


def any_held(conn: sa.Connection) -> bool:
    """Whether any change is held (one step of SQLite on the table's first page)."""
    return _cursor(conn).execute(f"SELECT 1 FROM {_HELD} LIMIT 1").fetchone() is not None


def count(conn: sa.Connection) -> int:
    """How many changes wait for another version of the app."""
    return int(_cursor(conn).execute(f"SELECT count(*) FROM {_HELD}").fetchone()[0])


def drop_superseded(conn: sa.Connection, revs: dict[str, int]) -> None:
    """Records stored at these revisions (id -> rev): a held change of one of them that
    is not newer goes (the newer wins, as in any pull)."""
    if revs:
        _cursor(conn).execute(
            f"DELETE FROM {_HELD} WHERE rev <= "
            f"(SELECT j.value FROM json_each(?) AS j WHERE j.key = {_HELD}.record_id)",
            (json.dumps(revs),),
        )


def rebase(conn: sa.Connection, pushed: dict[str, tuple[int, dict[str, Any]]]) -> list[WireRecord]:
    """Held changes of records this device's push was just applied to (id -> (the
    revision the server gave it, the change pushed)): the server stored her change over
    the record it had, the held one, and sends this device none of it back (it holds
    what it pushed, the server believes: "no echo"). So the server's record at that
    revision is the held one with her change over it: returned, to be applied as a
    pulled record (held again if this version still cannot store it), and the held rows
    deleted. Before, the held change stayed, counted, and an update dropped it as older
    than the row: the newer app's values never came."""
    if not pushed:
        return []
    cursor = _cursor(conn)
    rows = cursor.execute(
        f"SELECT record FROM {_HELD} WHERE record_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(pushed)),),
    ).fetchall()
    out: list[WireRecord] = []
    for (text,) in rows:
        rec = json.loads(text)
        rev, change = pushed[rec["id"]]
        if rev <= rec["rev"]:
            continue
        gone = change.get("op") == "delete"
        data = {} if gone else {**(rec.get("data") or {}), **(change.get("fields") or {})}
        out.append(
            {"entity": rec["entity"], "id": rec["id"], "rev": rev, "deleted": gone, "data": data}
        )
    if out:
        cursor.execute(
            f"DELETE FROM {_HELD} WHERE record_id IN (SELECT value FROM json_each(?))",
            (json.dumps([r["id"] for r in out]),),
        )
    return out


def purge(conn: sa.Connection, ids: list[str]) -> None:
    """Held changes about these candidates, or of these records (a loket question or a
    referral purged by its own id), deleted with the rest of their data."""
    if ids:
        _cursor(conn).execute(
            f"DELETE FROM {_HELD} WHERE candidate_id IN (SELECT value FROM json_each(?1)) "
            "OR record_id IN (SELECT value FROM json_each(?1))",
            (json.dumps(ids),),
        )


def due(conn: sa.Connection) -> bool:
    """Whether a change held by another version of the app waits (``retry``)."""
    probe = f"SELECT 1 FROM {_HELD} WHERE app_version != ? LIMIT 1"
    return _cursor(conn).execute(probe, (app_version(),)).fetchone() is not None


def retry(conn: sa.Connection) -> int:
    """The changes held by another version of the app, applied now as pulled records
    (in the caller's transaction, foreign keys off, as a page): those older than what
    the vault holds are dropped (at the same revision one applies: a page writes only
    what differs), those this version cannot store either are held again,
    by it. Returns how many were taken out to try."""
    from spt_desktop.sync.apply import TABLES, apply_page

    cursor = _cursor(conn)
    rows = cursor.execute(
        f"SELECT record FROM {_HELD} WHERE app_version != ? ORDER BY rev", (app_version(),)
    ).fetchall()
    if not rows:
        return 0
    records: list[WireRecord] = [json.loads(r[0]) for r in rows]
    for rec in records:
        rec.pop(WAITS_FOR, None)  # marked anew if it still waits
    cursor.execute(
        f"DELETE FROM {_HELD} WHERE record_id IN (SELECT value FROM json_each(?))",
        (json.dumps([r["id"] for r in records]),),
    )
    newer: list[WireRecord] = []
    by_entity: dict[str, list[WireRecord]] = {}
    for rec in records:
        if rec["entity"] in TABLES:
            by_entity.setdefault(rec["entity"], []).append(rec)
    for entity, recs in by_entity.items():
        table = conn.dialect.identifier_preparer.format_table(TABLES[entity])
        stored = dict(
            cursor.execute(
                f"SELECT id, server_rev FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps([r["id"] for r in recs]),),
            ).fetchall()
        )
        # Only one older than what the vault holds goes: at the same revision the row
        # may still lack it (a field conflict's server value it could not store).
        newer += [r for r in recs if (stored.get(r["id"]) or 0) <= r["rev"]]
    newer.sort(key=lambda r: r["rev"])
    apply_page(conn, newer)
    return len(records)
