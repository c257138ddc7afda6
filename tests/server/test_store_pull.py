"""The pull's streams, store level, on SQLite and PostgreSQL: a dossier that comes into
scope is sent once (each record in one stream: unchanged since the grant with the grant,
changed since in the changed stream), in its latest version; the device that wrote it
gets none of its own records back, not even from the start; a dossier granted again
after a purge comes back whole, the device's own records included; a plain cursor at
a grant's revision already has that grant."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy.orm import Session

from spt_common import protocol as p
from spt_server import pull, setup, store
from tests.support.server_kit import GA, NH, Admin, candidate_change, uid

EMAIL = "anna@spt.nl"


def note(cand: str, author: str) -> dict[str, Any]:
    fields = {
        "candidate_id": cand,
        "author_id": author,
        "written_at": "2026-11-03T10:00:00",
        "text": "Gesprek",
    }
    return {"entity": "note", "id": uid(), "op": "upsert", "fields": fields}


class Coach:
    """Two devices of one coach, pushing and pulling through the store."""

    def __init__(self, admin: Admin) -> None:
        self.engine = admin.engine
        self.id = admin.add_coach(EMAIL)
        self.laptop = store.Caller(self.id, NH, uid())
        self.desktop = store.Caller(self.id, NH, uid())

    def push(self, device: store.Caller, *changes: dict[str, Any]) -> list[p.ChangeResult]:
        batch = p.PushBatch.model_validate({"batch_id": uid(), "changes": list(changes)})
        with Session(self.engine) as s, s.begin():
            return store.push(s, device, batch).results

    def pull(self, device: store.Caller, cursor: str | None) -> tuple[set[str], list[str], str]:
        """Every record id and purge from ``cursor`` on (small pages), and the end cursor."""
        records, purged, cursor = self.pull_records(device, cursor)
        return {r.id for r in records}, purged, cursor

    def pull_records(
        self, device: store.Caller, cursor: str | None, limit: int = 2
    ) -> tuple[list[p.Record], list[str], str]:
        records: list[p.Record] = []
        purged: list[str] = []
        while True:
            with Session(self.engine) as s, s.begin():
                page = pull.pull(s, device, cursor, limit)
            records += page.records
            purged += page.purge
            cursor = page.cursor
            if not page.more:
                return records, purged, cursor

    def assign(self, cand: str, active: bool) -> None:
        with Session(self.engine) as s, s.begin():
            setup.assign(s, cand, EMAIL, None, active)


@pytest.fixture
def anna(admin: Admin) -> Coach:
    return Coach(admin)


def test_a_dossier_granted_again_comes_back_whole(anna: Coach) -> None:
    cand = uid()
    notes = [note(cand, anna.id) for _ in range(3)]
    anna.push(anna.laptop, candidate_change(cand), *notes)
    _, _, cursor = anna.pull(anna.laptop, None)
    anna.assign(cand, active=False)
    _, purged, cursor = anna.pull(anna.laptop, cursor)
    assert purged == [cand]
    anna.assign(cand, active=True)
    back, purged, _ = anna.pull(anna.laptop, cursor)
    assert purged == [] and {cand} | {n["id"] for n in notes} <= back


def test_a_plain_cursor_at_a_grant_has_that_grant(anna: Coach) -> None:
    cand = uid()
    anna.push(anna.laptop, candidate_change(cand))  # the grant is the last revision
    first, _, cursor = anna.pull(anna.desktop, None)
    assert cand in first and ":" not in cursor
    anna.push(anna.laptop, candidate_change())  # something new, so the pull looks
    again, _, _ = anna.pull(anna.desktop, cursor)
    assert cand not in again and len(again) == 2  # the new candidate and its assignment


def test_a_second_device_gets_each_record_once_in_its_latest_version(anna: Coach) -> None:
    cand = uid()
    anna.push(anna.laptop, candidate_change(cand))
    notes = [note(cand, anna.id) for _ in range(4)]
    anna.push(anna.laptop, *notes)  # after the grant
    revs = {r.id: r.rev for r in anna.push(anna.laptop, candidate_change(cand, phone="0612"))}
    for limit in (1, 2, 3, 1000):
        records, _, _ = anna.pull_records(anna.desktop, None, limit)
        ids = [r.id for r in records]
        assert len(ids) == len(set(ids)), limit  # each once, on any page size
        assert {cand} | {n["id"] for n in notes} <= set(ids)
        latest = next(r for r in records if r.id == cand)
        assert latest.rev == revs[cand] and latest.data["phone"] == "0612"


def test_the_device_that_wrote_a_dossier_gets_none_of_it_back(anna: Coach) -> None:
    """Its own records (stored as it pushed them) are not sent to it, with the grant or
    after it; what the server changed (a candidate filed under another SPT) and wrote
    (her assignment, the staff directory) is; the coach's other device gets it all
    (issue 13)."""
    cand, moved = uid(), uid()
    anna.push(anna.laptop, candidate_change(cand))
    notes = [note(cand, anna.id) for _ in range(3)]
    anna.push(anna.laptop, notes[0])  # her own, after the grant
    anna.push(anna.laptop, candidate_change(moved, spt=GA), *notes[1:])
    own = {cand} | {n["id"] for n in notes}
    for limit in (1, 2, 1000):
        records, _, _ = anna.pull_records(anna.laptop, None, limit)
        ids = [r.id for r in records]
        assert len(ids) == len(set(ids))
        assert moved in ids and not own & set(ids)
        assert {r.entity for r in records} == {"candidate", "assignment", "coach"}
        everything, _, _ = anna.pull_records(anna.desktop, None, limit)
        assert own | {moved} <= {r.id for r in everything}


def test_a_page_written_from_the_stored_json_is_the_page_pydantic_writes(anna: Coach) -> None:
    """``pull_json`` writes the records' stored JSON as it is: the bytes parse to exactly
    the page pydantic would have written, page by page: records with text that JSON
    escapes, then a tombstone and a purge."""
    cand, other = uid(), uid()
    text = 'Eerste "gesprek" — één\\n regel\u2028 \\ slot'
    odd = note(cand, anna.id)
    odd["fields"]["text"] = text
    anna.push(anna.laptop, candidate_change(cand), odd, candidate_change(other))
    seen: list[p.PullPage] = []

    def pull_all(cursor: str | None) -> str:
        while True:
            with Session(anna.engine) as s, s.begin():
                written = pull.pull_json(s, anna.desktop, cursor, 2)
            with Session(anna.engine) as s, s.begin():
                page = pull.pull(s, anna.desktop, cursor, 2)
            assert p.PullPage.model_validate_json(written) == page
            assert json.loads(written) == json.loads(page.model_dump_json())
            seen.append(page)
            cursor = page.cursor
            if not page.more:
                return cursor

    cursor = pull_all(None)
    anna.push(anna.laptop, {"entity": "candidate", "id": other, "op": "delete"})
    anna.assign(cand, active=False)
    pull_all(cursor)
    records = [r for page in seen for r in page.records]
    assert any(r.data.get("text") == text for r in records)
    assert any(r.deleted and r.id == other for r in records)
    assert any(cand in page.purge for page in seen)
