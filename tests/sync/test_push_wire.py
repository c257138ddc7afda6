"""A push batch is written by SQLite (``apply._Shape.select_wire``): each change, new,
edited or deleted, says exactly what the ORM reads, made wire values as ``to_wire`` makes
them (timestamps with and without microseconds, booleans true, false and null, text with
quotes, newlines and accents), and the bytes sent are the changes the engine keeps."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
import zstandard

from spt_common import encoding
from spt_common import protocol as p
from spt_desktop import demo
from spt_desktop.models import SYNCED_ENTITIES
from spt_desktop.models.vault import Vault
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
    make_vault,
)

TODAY = date(2026, 11, 30)
ODD_TEXT = 'Zei: "goed"\nen toen\tweer \\ verder, één café ☕'


def _pushed(vault: Vault) -> None:
    """As if every record was pushed: each has a server revision, the outbox is empty."""
    with engine.remote_connection(vault) as conn:
        conn.exec_driver_sql("DELETE FROM outbox")
        for i, table in enumerate(apply.TABLES.values()):
            conn.execute(sa.update(table).values(server_rev=100 + i))


def _first(vault: Vault, entity: str) -> str:
    with vault.engine.connect() as conn:
        table = apply.TABLES[entity]
        rid = conn.execute(sa.select(table.c.id).where(table.c.deleted.is_(False))).scalar()
    assert rid is not None
    return str(rid)


def _orm_wire(vault: Vault, entity: str, rid: str) -> tuple[Any, dict[str, Any]]:
    with vault.transaction() as s:
        obj = s.get(SYNCED_ENTITIES[entity], rid)
        assert obj is not None
        return obj.server_rev, {n: apply.to_wire(getattr(obj, n)) for n in p.ENTITY_FIELDS[entity]}


def test_every_kind_of_change_is_written_as_the_orm_reads_it(tmp_path: Path) -> None:
    vault: Vault = make_vault(tmp_path / "bron.sptvault")
    demo.fill_vault(vault, 12, 7, TODAY)
    _pushed(vault)
    with vault.engine.connect() as conn:
        table = apply.TABLES["visit"]
        visits = [str(r) for r in conn.execute(sa.select(table.c.id).limit(3)).scalars()]
    vacancy, note = _first(vault, "vacancy"), _first(vault, "note")
    handover = _first(vault, "handover")
    # Whole records: timestamps with microseconds, none, at midnight; a null boolean.
    edit(vault, "visit", visits[0], visited_at=datetime(2026, 11, 30, 9, 5, 7, 42))
    edit(vault, "visit", visits[1], visited_at=datetime(2026, 11, 30), dropout_risk=True)
    edit(vault, "vacancy", vacancy, bbl_possible=None)
    edit(vault, "handover", handover, accepted_at=datetime(2026, 12, 1, 8, 0, 0, 500000))
    # Some fields; a delete.
    edit(vault, "note", note, text=ODD_TEXT)
    edit(vault, "visit", visits[2], deleted=True)
    with vault.engine.begin() as conn:
        batch = apply.build_batch(conn, limit=10_000)
    assert batch is not None
    # The edits, and the audit entries they wrote (new records).
    changes = {c["id"]: c for c in batch["batch"]["changes"] if c["entity"] != "audit_entry"}
    assert set(changes) == {*visits, vacancy, note, handover}
    # The bytes sent, stored and kept are one and the same batch.
    assert json.loads(apply.batch_text(batch))["batch"] == batch["batch"]
    sent = apply.request_body(None, 5, batch)
    assert sent is not None and json.loads(sent)["batch"] == batch["batch"]
    for rid, change in changes.items():
        rev, fields = _orm_wire(vault, change["entity"], rid)
        assert change["base_rev"] == rev
        if rid == visits[2]:
            assert change == {"entity": "visit", "id": rid, "op": "delete", "base_rev": rev}
        elif rid == note:
            assert change["fields"] == {"text": ODD_TEXT}
        else:
            named = set(change["fields"])
            assert change["fields"] == {n: fields[n] for n in named}
    assert changes[visits[0]]["fields"]["visited_at"] == "2026-11-30T09:05:07.000042"
    assert changes[visits[1]]["fields"]["visited_at"] == "2026-11-30T00:00:00"
    assert changes[visits[1]]["fields"]["dropout_risk"] is True
    assert changes[vacancy]["fields"]["bbl_possible"] is None
    assert changes[handover]["fields"]["accepted_at"] == "2026-12-01T08:00:00.500000"
    vault.lock()


def test_new_records_of_every_table_carry_every_field_as_the_orm_reads_it(
    tmp_path: Path,
) -> None:
    """A first push (every record new) of the demo: each change, field for field, what
    the ORM reads; every synced table the demo fills is in it."""
    vault: Vault = make_vault(tmp_path / "bron.sptvault")
    demo.fill_vault(vault, 12, 7, TODAY)
    edit(vault, "vacancy", _first(vault, "vacancy"), bbl_possible=None)
    with vault.engine.begin() as conn:
        batch = apply.build_batch(conn, limit=10_000)
    assert batch is not None
    changes = batch["batch"]["changes"]
    assert {c["entity"] for c in changes} >= set(p.ENTITY_FIELDS) - {"coach", "dropout"}
    for change in changes:
        rev, fields = _orm_wire(vault, change["entity"], change["id"])
        assert change == {
            "entity": change["entity"],
            "id": change["id"],
            "op": "upsert",
            "base_rev": rev,
            "fields": fields,
        }
    vault.lock()


# --- the batch kept until it is answered ---------------------------------------------


def test_the_pending_batch_is_kept_packed_and_a_vault_before_that_is_read(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """The batch stored before it is sent (``S_PENDING``) is its JSON packed by zstd
    (failed before: the JSON as text, 600 KB for a batch of 2,000 demo changes, written
    and moved once a batch); a batch a vault stored as JSON text before goes out as it
    was, with its id, and is acknowledged."""
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", live.url)
    add_notes(a, add_candidate(a), 300)
    with a.engine.begin() as conn:
        batch = apply.build_batch(conn, limit=10_000)
    assert batch is not None
    packed, text = apply.stored_batch(batch), apply.batch_text(batch)
    assert isinstance(packed, bytes) and len(packed) * 4 < len(text)
    assert apply.load_batch(packed) == apply.load_batch(text) == json.loads(text)
    # As an older vault left it: the batch stored as text, the sync cut off.
    with engine.remote_connection(a) as conn:
        engine._put(conn, {engine.S_PENDING: text})
    sent: list[str] = []

    class Noting(Transport):
        def sync_bytes(self, token: str, request: dict[str, Any] | bytes) -> bytes:
            body = json.loads(request) if isinstance(request, bytes) else request
            if body.get("batch"):
                sent.append(body["batch"]["batch_id"])
            return super().sync_bytes(token, request)

    with Noting(live.url) as t:
        report = engine.sync(a, transport=t)
    assert sent[0] == batch["batch"]["batch_id"]
    assert report.pushed == len(batch["batch"]["changes"]) and report.refused == 0
    assert count(a, "outbox") == 0
    a.lock()


# --- a batch packed once, for the vault and the wire (issue 13, round 8) --------------


def _frames(data: bytes) -> list[bytes]:
    """``data``'s zstd frames, each as it is."""
    out = []
    while data:
        reader = zstandard.ZstdDecompressor().decompressobj()
        reader.decompress(data)
        rest = reader.unused_data
        out.append(data[: len(data) - len(rest)])
        data = rest
    return out


def test_a_batch_is_packed_once_and_an_older_vaults_packed_batch_is_read(
    tmp_path: Path,
) -> None:
    """The batch the vault keeps and the request that carries it share one zstd frame
    of the batch's JSON (failed before: packed for the vault, then the whole request
    packed again by the transport); each reads back as its JSON. A batch a vault stored
    as one frame (round 7) still reads."""
    vault: Vault = make_vault(tmp_path / "bron.sptvault")
    add_notes(vault, add_candidate(vault), 300)
    with vault.engine.begin() as conn:
        batch = apply.build_batch(conn, limit=10_000)
    assert batch is not None
    text = apply.batch_text(batch)
    stored = apply.stored_batch(batch)
    body = apply.request_body("17", 5, batch)
    assert isinstance(stored, bytes) and isinstance(body, encoding.Packed)
    kept, sent = _frames(stored), _frames(body.zstd)
    assert len(kept) == len(sent) == 3 and kept[1] == sent[1]  # the same bytes
    assert len(kept[1]) * 4 < len(text)
    assert apply.load_batch(stored) == json.loads(text)
    assert encoding.decode(encoding.ZSTD, body.zstd, 10**8) == bytes(body)
    assert json.loads(body) == {"cursor": "17", "limit": 5, "batch": json.loads(text)["batch"]}
    older = zstandard.ZstdCompressor(level=1).compress(text.encode())  # round 7's form
    assert apply.load_batch(older) == json.loads(text)
    vault.lock()


@pytest.mark.parametrize("server_takes", ["zstd", "gzip", "nothing"])
def test_a_packed_batch_goes_as_the_server_takes_it(
    tmp_path: Path, admin: Admin, live: LiveServer, server_takes: str
) -> None:
    """A server that takes zstd gets the batch's frame as the vault keeps it
    (``S_PENDING``, read while the request goes out), between raw frames of the
    request's head and tail; one that lists only gzip gets gzip; a client that does
    not compress sends the plain JSON. Every server acknowledges the same batch."""
    admin.add_coach("anna@spt.nl")
    a = bound(tmp_path, "a", live.url)
    requests: list[tuple[str | None, bytes, Any]] = []

    def sent(request: httpx.Request) -> None:
        if request.url.path.endswith("/sync"):
            with a.engine.connect() as conn:  # the batch is stored before it is sent
                stored = conn.exec_driver_sql(
                    "SELECT value FROM setting WHERE key = ?", (engine.S_PENDING,)
                ).scalar()
            requests.append((request.headers.get("content-encoding"), request.content, stored))

    def answered(response: httpx.Response) -> None:
        if server_takes == "gzip":  # as a server that lists only gzip says it
            response.headers["accept-encoding"] = "gzip"

    with Transport(live.url, compress=server_takes != "nothing") as t:
        t._client.event_hooks = {"request": [sent], "response": [answered]}
        engine.sync(a, transport=t)  # nothing to push: it hears what the server takes
        add_notes(a, add_candidate(a), 300)
        requests.clear()
        report = engine.sync(a, transport=t)
    assert report.pushed > 300 and report.refused == 0  # the notes, their audit entries
    assert count(a, "outbox") == 0
    [(how, content, stored)] = [r for r in requests if r[2] is not None]
    if server_takes == "zstd":
        assert how == "zstd"
        assert _frames(content)[1] == _frames(stored)[1]  # the vault's very frame
        body = json.loads(encoding.decode("zstd", content, 10**8))
    elif server_takes == "gzip":
        assert how == "gzip"
        body = json.loads(encoding.decode("gzip", content, 10**8))
    else:
        assert how is None
        body = json.loads(content)
    assert body["batch"] == apply.load_batch(stored)["batch"]
    assert len(body["batch"]["changes"]) == report.pushed
    a.lock()
