"""The sync time a coordinator sees (``device.last_sync``), to within NOTE_EVERY (30 s;
issue 18): a sync of a device this server process noted less than 30 s ago writes
nothing (on PostgreSQL an idle sync is then a read-only statement: no transaction id, no
WAL, no commit); a first sync, one 30 s or more after the last note, and every push note
it; a revoked device is never noted. The process's clock is injected (``Server.clock``):
both sides of the bound, exactly. In process, on SQLite and PostgreSQL, with the device
check cached (PostgreSQL's idle probe, ``app._idle_answer``) and checked again at every
sync (``CHECK_TTL`` 0: the usual path)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
import sqlalchemy as sa

from spt_common import protocol as p
from spt_server import app, security
from spt_server.db import Device
from tests.server.test_store_bulk import batch
from tests.support.server_kit import Admin, candidate_change, uid

T0 = 1_000.0
WRITES = ("UPDATE", "INSERT", "DELETE")


class Laptop:
    """Anna's laptop, synced in process by a server whose clock the test sets."""

    def __init__(self, url: str) -> None:
        self.admin = Admin(url)
        self.anna = self.admin.add_coach("anna@spt.nl")
        self.device = uid()
        with self.admin.session() as s, s.begin():
            s.add(Device(id=self.device, account_id=self.anna, name="laptop", family_id=uid()))
        self.server = app.Server(url)
        self.now = T0
        self.server.clock = lambda: self.now
        key = self.server.key
        self.claims = security.read_access(key, security.issue_access(key, self.anna, self.device))
        self.cursor: str | None = None
        self.statements: list[str] = []
        sa.event.listen(sa.engine.Engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.statements.append(" ".join(statement.split()))

    def sync(self, *changes: dict[str, Any]) -> dict[str, Any]:
        body = p.SyncRequest(cursor=self.cursor, batch=batch(*changes) if changes else None)
        answer: dict[str, Any] = json.loads(app.sync_answer(self.server, body, self.claims))
        self.cursor = answer["pull"]["cursor"]
        return answer

    def catch_up(self, at: float) -> None:
        """Her first syncs, at ``at``: what is there for her (the staff list)."""
        self.now = at
        while self.sync()["pull"]["more"]:
            pass

    def idle(self, at: float) -> list[str]:
        """An idle sync at ``at`` (nothing new for her): the statements that wrote."""
        self.now = at
        self.statements.clear()
        assert self.sync()["pull"]["records"] == []
        return [s for s in self.statements if s.upper().startswith(WRITES) or "UPDATE " in s]

    def last_sync(self) -> datetime | None:
        with self.admin.session() as s:
            return s.get(Device, self.device).last_sync  # type: ignore[union-attr]

    def close(self) -> None:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", self._seen)
        self.server.threads.shutdown(wait=False)
        self.server.engine.dispose()
        self.admin.close()


@pytest.fixture(params=["cached", "checked"])
def laptop(
    db_url: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Laptop]:
    # "cached": the device check trusted for the test (PostgreSQL's idle probe);
    # "checked": the device checked in the database at every sync (the usual path).
    monkeypatch.setattr(app, "CHECK_TTL", 3600.0 if request.param == "cached" else 0.0)
    lap = Laptop(db_url)
    yield lap
    lap.close()


def test_an_idle_sync_within_30_s_of_the_last_note_writes_nothing(laptop: Laptop) -> None:
    assert app.NOTE_EVERY == 30.0
    assert laptop.last_sync() is None
    laptop.catch_up(T0)  # a first sync: noted
    first = laptop.last_sync()
    assert first is not None
    # Up to just under 30 s later: nothing written, the time stays.
    for at in (T0 + 1.0, T0 + 15.0, T0 + 29.999):
        assert laptop.idle(at) == [], at
        assert laptop.last_sync() == first
    # 30 s after the note, exactly: noted again; and the bound counts from that note.
    written = laptop.idle(T0 + 30.0)
    assert any("device" in s.lower() for s in written), written
    second = laptop.last_sync()
    assert second is not None and second > first
    assert laptop.idle(T0 + 59.999) == []
    assert laptop.last_sync() == second
    laptop.idle(T0 + 60.0)
    third = laptop.last_sync()
    assert third is not None and third > second


def test_a_push_always_notes_and_the_bound_counts_from_it(laptop: Laptop) -> None:
    laptop.catch_up(T0)
    first = laptop.last_sync()
    laptop.now = T0 + 5.0
    assert laptop.sync(candidate_change())["push"]["results"][0]["status"] == "applied"
    pushed = laptop.last_sync()
    assert first is not None and pushed is not None and pushed > first
    while laptop.sync()["pull"]["more"]:  # what her push made (still at T0 + 5)
        pass
    assert laptop.last_sync() == pushed
    # Her push was noted at T0 + 5: the bound counts from there.
    assert laptop.idle(T0 + 34.999) == []
    assert laptop.last_sync() == pushed
    laptop.idle(T0 + 35.0)
    later = laptop.last_sync()
    assert later is not None and later > pushed


@pytest.mark.parametrize("when", [10.0, 30.0])
def test_a_revoked_device_is_never_noted(laptop: Laptop, when: float) -> None:
    """Revoked 10 s after its last note (its next sync not due) or 30 s after (due): the
    sync is refused and the time stays what it was."""
    laptop.catch_up(T0)
    first = laptop.last_sync()
    laptop.admin.revoke("anna@spt.nl")
    laptop.now = T0 + when
    with pytest.raises(app.ApiError) as refused:
        laptop.sync()
    assert refused.value.status_code == 403
    assert laptop.last_sync() == first
    laptop.now = T0 + 100.0
    with pytest.raises(app.ApiError):
        laptop.sync()
    assert laptop.last_sync() == first
