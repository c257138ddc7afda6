"""Model-based test of sync (hypothesis, stateful).

Three devices — two laptops of coach A, one of coach B — and a real server on loopback
behind a proxy that drops connections before and after the server commits and duplicates
requests; the server is restarted at random. Devices create, edit and delete candidates,
write notes, hand candidates over and accept handovers, offline, in random order.

After everyone syncs: every device agrees with the server on what is in its coach's scope;
every edit that did not survive was either seen by a later edit or is in its device's
conflict store; every note written exists on the server (unless its dossier moved to the
other coach before it was pushed, or was deleted: a candidate created and deleted offline
never leaves the laptop, and its notes go with it); nothing deleted comes back.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule

from spt_desktop.models.vault import Vault
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport, Unreachable
from tests.support.server_kit import (
    PASSWORD,
    Admin,
    FaultProxy,
    LiveServer,
    add_candidate,
    add_handover,
    add_note,
    delete,
    edit,
    local_rows,
    make_db,
    make_vault,
)

pytestmark = pytest.mark.slow

FIELDS = ("phone", "municipality", "email")
FAULTS = (None, None, "drop_before", "drop_after", "duplicate")


@dataclass
class Edit:
    device: int
    cand: str
    field: str
    value: str
    prior: frozenset[str]


class SyncModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="spt-model-"))
        self.db = make_db("sqlite", self.tmp, None)
        self.admin = Admin(self.db)
        self.coach = [self.admin.add_coach("a@spt.nl"), self.admin.add_coach("b@spt.nl")]
        self.owner = [0, 0, 1]  # device -> coach index
        self.live = LiveServer(self.db).start()
        self.proxy = FaultProxy(self.live.port)
        self.devices: list[Vault] = []
        for i, c in enumerate(self.owner):
            v = make_vault(self.tmp / f"d{i}.sptvault")
            engine.login(v, self.live.url, "ab"[c] + "@spt.nl", PASSWORD)
            self.devices.append(v)
        self.edits: list[Edit] = []
        self.seen: dict[tuple[int, str, str], set[str]] = {}
        self.notes: dict[str, tuple[int, str]] = {}
        self.moved: set[str] = set()  # candidates whose dossier changed hands
        self.deleted: set[str] = set()  # candidates some device deleted
        self.tombstones: set[str] = set()
        self.counter = 0
        for i in range(3):
            self._sync(i, None)

    def teardown(self) -> None:
        try:
            self.settle()
        finally:
            for v in self.devices:
                v.lock()
            self.proxy.close()
            self.live.stop()
            self.admin.close()
            shutil.rmtree(self.tmp, ignore_errors=True)

    # --- helpers ---------------------------------------------------------------------

    def _value(self, field: str) -> str:
        self.counter += 1
        return f"{field[:3]}-{self.counter}"

    def _local(self, d: int) -> list[str]:
        return sorted(local_rows(self.devices[d], "candidate"))

    def _pick(self, d: int, n: int) -> str | None:
        cands = self._local(d)
        return cands[n % len(cands)] if cands else None

    def _observe(self, d: int) -> None:
        for cid, row in local_rows(self.devices[d], "candidate").items():
            for f in FIELDS:
                if row[f] is not None:
                    self.seen.setdefault((d, cid, f), set()).add(row[f])

    def _sync(self, d: int, fault: str | None, retries: int = 3, compact: bool = True) -> None:
        self.proxy.faults = [fault] if fault else []
        with Transport(self.proxy.url, retries=retries, backoff=0.0) as t:
            t.compact = compact  # the push answer's form: a replay may ask the other
            try:
                engine.sync(self.devices[d], transport=t, page=7)
            except Unreachable:
                assert retries == 0  # only a device that gives up at once may fail
        self.proxy.faults = []
        self._observe(d)

    # --- rules -----------------------------------------------------------------------

    @rule(d=st.integers(0, 2), with_note=st.booleans())
    def create(self, d: int, with_note: bool) -> None:
        cid = add_candidate(self.devices[d], phone=self._value("phone"))
        if with_note:
            self.notes[add_note(self.devices[d], cid)] = (d, cid)
        self._observe(d)

    @rule(d=st.integers(0, 2), n=st.integers(0, 99), field=st.sampled_from(FIELDS))
    def edit_field(self, d: int, n: int, field: str) -> None:
        cid = self._pick(d, n)
        if cid is None:
            return
        value = self._value(field)
        prior = frozenset(self.seen.get((d, cid, field), set()))
        edit(self.devices[d], "candidate", cid, **{field: value})
        self.edits.append(Edit(d, cid, field, value, prior))
        self._observe(d)

    @rule(d=st.integers(0, 2), n=st.integers(0, 99))
    def write_note(self, d: int, n: int) -> None:
        cid = self._pick(d, n)
        if cid is not None:
            self.notes[add_note(self.devices[d], cid, text=self._value("note"))] = (d, cid)

    @rule(d=st.integers(0, 2), n=st.integers(0, 99))
    def delete_candidate(self, d: int, n: int) -> None:
        cid = self._pick(d, n)
        if cid is not None:
            delete(self.devices[d], "candidate", cid)
            self.deleted.add(cid)

    @rule(d=st.integers(0, 2), n=st.integers(0, 99))
    def hand_over(self, d: int, n: int) -> None:
        cid = self._pick(d, n)
        if cid is not None:
            other = self.coach[1 - self.owner[d]]
            add_handover(self.devices[d], cid, other)

    @rule(d=st.integers(0, 2))
    def accept_handovers(self, d: int) -> None:
        me = self.coach[self.owner[d]]
        for hid, h in local_rows(self.devices[d], "handover").items():
            if h["to_coach_id"] == me and h["status"] == "pending":
                edit(
                    self.devices[d],
                    "handover",
                    hid,
                    status="accepted",
                    accepted_at=datetime(2026, 11, 5, 9),
                )
                self.moved.add(h["candidate_id"])

    @rule(
        d=st.integers(0, 2),
        fault=st.sampled_from(FAULTS),
        give_up=st.booleans(),
        compact=st.booleans(),
    )
    def sync(self, d: int, fault: str | None, give_up: bool, compact: bool) -> None:
        self._sync(d, fault, retries=0 if give_up and fault else 3, compact=compact)

    @precondition(lambda self: True)
    @rule()
    def restart_server(self) -> None:
        self.live.restart()

    @rule()
    def settle(self) -> None:
        """Everyone syncs (twice round, no faults), then the invariants must hold."""
        for _ in range(2):
            for d in range(3):
                self._sync(d, None)
        self._check()

    # --- invariants ------------------------------------------------------------------

    def _check(self) -> None:
        server = self.admin.records(include_deleted=True)
        with self.admin.session() as s:
            from spt_server.db import Scope

            scope = {
                (a, c)
                for a, c in s.execute(
                    sa.select(Scope.account_id, Scope.candidate_id).where(
                        Scope.revoked_rev.is_(None)
                    )
                )
            }
        for d, v in enumerate(self.devices):
            me = self.coach[self.owner[d]]
            mine = {
                rid
                for rid, r in server.items()
                if r["entity"] == "candidate" and not r["deleted"] and (me, rid) in scope
            }
            local = local_rows(v, "candidate")
            assert set(local) == mine, f"device {d} disagrees on its candidates"
            for rid in mine:
                for f in FIELDS:
                    assert local[rid][f] == server[rid].get(f), (d, f)
            notes = {
                rid
                for rid, r in server.items()
                if r["entity"] == "note"
                and (me, r["candidate_id"]) in scope
                and not server[r["candidate_id"]]["deleted"]
            }
            local_notes = {
                rid for rid, r in local_rows(v, "note").items() if r["candidate_id"] in mine
            }
            assert local_notes == notes, f"device {d} disagrees on notes"
            with v.engine.connect() as c:
                assert c.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0
        # Nothing deleted returns.
        now_deleted = {rid for rid, r in server.items() if r["deleted"]}
        assert self.tombstones <= now_deleted
        self.tombstones = now_deleted
        # Nothing acknowledged is lost.
        for nid, (_d, cid) in self.notes.items():
            assert nid in server or cid in self.moved | self.deleted, "a note was lost"
        # Every edit survived, was seen by a later edit, or is a conflict on its device.
        conflicts = self._conflicts()
        for e in self.edits:
            rec = server.get(e.cand)
            if rec is None or rec["deleted"] or e.cand in self.moved:
                continue
            if rec.get(e.field) == e.value:
                continue
            seen_later = any(e.value in other.prior for other in self.edits)
            assert seen_later or (e.device, e.cand, e.field, e.value) in conflicts, (
                "an edit vanished without a conflict"
            )

    def _conflicts(self) -> set[tuple[int, str, str, str]]:
        out = set()
        for d, v in enumerate(self.devices):
            with v.engine.connect() as c:
                for rid, field, local in c.exec_driver_sql(
                    "SELECT record_id, field, local_value FROM sync_conflict WHERE kind='field'"
                ):
                    out.add((d, rid, field, json.loads(local)))
        return out


SyncModel.TestCase.settings = settings(
    # 12 fixed runs in every test run; the nightly "explore" profile draws 150 new ones.
    max_examples=150 if settings.get_current_profile_name() == "explore" else 12,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_sync_model = SyncModel.TestCase
