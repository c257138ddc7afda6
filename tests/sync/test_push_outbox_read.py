"""An answer to a push batch asks the outbox about records changed since their batch only
where there can be any (issue 13, round 7: the client's CPU per pushed record). A run
reads once, as it starts, which records have several outbox entries; while no other
connection writes to the vault, a record with one entry has none past its batch, so the
answers of a first push look none up (2,000 lookups in the ``record_id`` index a batch
before: 1 us a pushed record). An edit made meanwhile (another connection) puts every
record back to the lookup. Real vaults, a real server on loopback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spt_common import protocol as p
from spt_desktop.sync import apply, engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import (
    Admin,
    LiveServer,
    add_candidate,
    add_notes,
    bound,
    count,
    edit,
    local_rows,
    unheard,
)
from tests.sync.test_push_outbox import statements
from tests.sync.test_sync_pipeline import NOTES


def _lookups(seen: list[str], vault: Any, *more: str) -> list[str]:
    """The statements that looked up outbox entries by record id (``_pending_fields``)
    of the vault's notes or of ``more``: an answer to a batch's (a pulled page's, for
    the records it brings, looks up no note: the server sends a device none of its own)."""
    ids = [*local_rows(vault, "note"), *more]
    return [s for s in seen if "FROM outbox WHERE record_id" in s and any(i in s for i in ids)]


def _note(vault: Any) -> str:
    return str(next(iter(local_rows(vault, "note"))))


def test_a_first_push_looks_up_no_record_in_the_outbox(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    # Two batches: p.MAX_BATCH, then the rest (a vault that has not heard the limits).
    a, b = unheard(bound(tmp_path, "a", live.url)), bound(tmp_path, "b", live.url)
    add_notes(a, add_candidate(a), NOTES)
    waiting = count(a, "outbox")
    with statements(a) as seen, Transport(live.url) as t:
        report = engine.sync(a, transport=t)
    assert report.pushed == waiting and report.requests == 2 and report.conflicts == 0
    # Failed before: one lookup of every record of the batch per answer (2).
    assert _lookups(seen, a) == []
    with Transport(live.url) as t:
        engine.sync(b, transport=t)
    assert len(local_rows(b, "note")) == NOTES


def test_a_record_changed_again_later_in_the_outbox_is_looked_up(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """A candidate edited, then a batch's worth of other records, then edited again: her
    second entry goes in the second batch, so the first batch's answer must find it (she
    keeps her older base revision for the field not yet pushed)."""
    admin.add_coach("anna@spt.nl")
    a, b = bound(tmp_path, "a", live.url), bound(tmp_path, "b", live.url)
    cand = add_candidate(a)
    with Transport(live.url) as t:
        engine.sync(a, transport=t)
    edit(a, "candidate", cand, phone="0612345678")
    add_notes(a, cand, p.MAX_BATCH_TAKEN + 100)  # the batch size the first sync heard
    edit(a, "candidate", cand, email="kim@example.nl")
    with statements(a) as seen, Transport(live.url) as t:
        report = engine.sync(a, transport=t)
    assert report.conflicts == report.refused == 0 and count(a, "outbox") == 0
    lookups = _lookups(seen, a, cand)
    # The first batch's answer, about her alone (failed before: both answers, every
    # record of each).
    assert len(lookups) == 1
    assert not any(note in lookups[0] for note in local_rows(a, "note"))
    with Transport(live.url) as t:
        engine.sync(b, transport=t)
    there = local_rows(b, "candidate")[cand]
    assert there["phone"] == "0612345678" and there["email"] == "kim@example.nl"


class _EditingMeanwhile(Transport):
    """The real transport; while the first push batch is on the wire, the coach edits a
    candidate of it in the app (another connection of the vault)."""

    def __init__(self, url: str, vault: Any, cand: str) -> None:
        super().__init__(url)
        self.vault, self.cand, self.done = vault, cand, False

    def sync_bytes(self, token: str, request: dict[str, Any] | bytes) -> bytes:
        if not self.done:
            self.done = True
            edit(self.vault, "candidate", self.cand, email="kim@example.nl")
        return super().sync_bytes(token, request)


def test_an_edit_made_during_the_run_puts_every_record_back_to_the_lookup(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    a, b = bound(tmp_path, "a", live.url), bound(tmp_path, "b", live.url)
    cand = add_candidate(a)
    with Transport(live.url) as t:
        engine.sync(a, transport=t)
    edit(a, "candidate", cand, phone="0612345678")
    with statements(a) as seen, _EditingMeanwhile(live.url, a, cand) as t:
        report = engine.sync(a, transport=t)
    assert report.conflicts == report.refused == 0 and count(a, "outbox") == 0
    # The first answer found the edit made while its batch was out (of a field not in
    # the batch: she keeps her older base revision for it), which then went in a batch
    # of its own. Without the vault's data_version to tell, no record would have been
    # looked up: she had one outbox entry when the run began.
    assert len(_lookups(seen, a, cand)) >= 1
    with Transport(live.url) as t:
        engine.sync(b, transport=t)
    there = local_rows(b, "candidate")[cand]
    assert there["phone"] == "0612345678" and there["email"] == "kim@example.nl"
    assert local_rows(a, "candidate")[cand]["server_rev"] == there["server_rev"]


def test_the_outbox_read_names_only_records_with_several_entries(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", live.url)
    cand = add_candidate(a)
    add_notes(a, cand, 3)
    note = _note(a)
    edit(a, "note", note, text="Nog eens")
    with a.engine.connect() as conn:
        read = apply.read_outbox(conn)
    assert read.repeated == frozenset({note})
