"""Test kit for the server and sync tests: databases (SQLite, PostgreSQL), a live server
on a loopback port, a fault-injecting proxy, vaults and small factories."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from spt_common.enums import Role, Spt
from spt_desktop.models.keyfile import KdfParams
from spt_desktop.models.vault import Vault

if TYPE_CHECKING:
    from spt_desktop.services.session import VaultSession

ROOT = Path(__file__).resolve().parents[2]
FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
PASSPHRASE = "correct paard batterij nietje"
PASSWORD = "wachtwoord-van-de-server"
NH, GA = "spt_noord_holland", "spt_groot_amsterdam"


# --- databases -----------------------------------------------------------------------


class PgCluster:
    """A PostgreSQL server for the session: SPT_TEST_POSTGRES_URL, or our own throwaway."""

    def __init__(self) -> None:
        self.url = os.environ.get("SPT_TEST_POSTGRES_URL")
        self.dir: str | None = None
        self.reason = ""
        self.template: str | None = None  # the database new ones copy (tests.support.templates)
        if self.url:
            return
        script = ROOT / "scripts" / "start-test-postgres.sh"
        if shutil.which("su") is None:
            self.reason = "geen su om PostgreSQL als gebruiker postgres te starten"
            return
        proc = subprocess.run([str(script)], capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            self.reason = "PostgreSQL kon niet starten: " + proc.stderr.strip()[-300:]
            return
        self.url = proc.stdout.strip().splitlines()[-1]
        self.dir = proc.stderr.strip().splitlines()[-1]

    def new_database(self, template: str | None = None) -> str:
        """A new database (a copy of the database ``template``); its URL."""
        assert self.url
        name = "spt_" + uuid.uuid4().hex[:12]
        engine = sa.create_engine(self.url, isolation_level="AUTOCOMMIT")
        with engine.connect() as c:
            copy = f" TEMPLATE {template}" if template else ""
            c.exec_driver_sql(f"CREATE DATABASE {name}{copy}")
        engine.dispose()
        return self.url.rsplit("/", 1)[0] + "/" + name

    def stop(self) -> None:
        if self.dir:
            script = ROOT / "scripts" / "start-test-postgres.sh"
            subprocess.run([str(script), "--stop", self.dir], check=False, capture_output=True)


def make_db(kind: str, tmp_path: Path, pg: PgCluster | None) -> str:
    """A fresh, initialised server database of ``kind`` (sqlite / postgresql): a copy of
    one the real migrations made, then ``setup.upgrade`` as for any (``templates``)."""
    from tests.support.templates import server_db

    if kind != "sqlite" and (pg is None or not pg.url):
        pytest.skip(pg.reason if pg else "geen PostgreSQL")
    return server_db(kind, tmp_path, pg)


class Admin:
    """Direct administration of a server database (what the admin CLI does)."""

    def __init__(self, url: str) -> None:
        from spt_server.db import make_engine

        self.engine = make_engine(url)

    def session(self) -> Session:
        return Session(self.engine)

    def add_coach(self, email: str, spt: str = NH, roles: str = "loopbaancoach") -> str:
        from spt_server import setup

        with self.session() as s, s.begin():
            return setup.add_coach(
                s,
                email=email,
                name=email.split("@")[0].title(),
                roles=roles.split(","),
                spt=spt,
                password=PASSWORD,
            )

    def assign(self, candidate_id: str, email: str, active: bool = True) -> None:
        from spt_server import setup

        with self.session() as s, s.begin():
            setup.assign(s, candidate_id, email, None, active)

    def revoke(self, email: str) -> None:
        from spt_server import setup

        with self.session() as s, s.begin():
            setup.revoke_device(s, device_id=None, email=email)

    def records(self, include_deleted: bool = False) -> dict[str, dict[str, Any]]:
        import json

        from spt_server.db import Record

        with self.session() as s:
            q = sa.select(Record)
            if not include_deleted:
                q = q.where(Record.deleted.is_(False))
            return {
                # The record's own fields first: an audit entry has a field named
                # "entity" (the audited kind) that must not hide the record's kind.
                r.id: {
                    **json.loads(r.data),
                    "entity": r.entity,
                    "rev": r.rev,
                    "deleted": r.deleted,
                    "candidate_id": r.candidate_id,
                }
                for r in s.execute(q).scalars()
            }

    def stats(self) -> dict[str, int]:
        from spt_server import setup

        with self.session() as s:
            return setup.stats(s)

    def close(self) -> None:
        self.engine.dispose()


# --- a live server -------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(proc: subprocess.Popen[bytes], port: int) -> None:
    """Until the ``spt-server serve`` started as ``proc`` answers its health check on
    ``port`` (fails at once if the process stopped)."""
    import httpx

    from spt_common import protocol as p

    while True:
        assert proc.poll() is None, "de server stopte"
        try:
            if httpx.get(f"http://127.0.0.1:{port}{p.API_PREFIX}/health").status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)


class LiveServer:
    """The real app under uvicorn on 127.0.0.1, in a thread; can be stopped and started
    again on the same port (a server restart)."""

    def __init__(
        self, db_url: str, port: int | None = None, *, tls: tuple[Path, Path] | None = None
    ) -> None:
        self.db_url = db_url
        self.port = port or free_port()
        self.tls = tls  # (certificate chain, key) PEM files: https instead of http
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    @property
    def server(self) -> Any:
        """The app's ``spt_server.app.Server`` (while started)."""
        return self._server.config.app.state.server

    def start(self) -> LiveServer:
        import uvicorn

        from spt_server import onewrite
        from spt_server.app import create_app

        app = create_app(self.db_url)
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_level="error",
            access_log=False,
            lifespan="off",
            http=onewrite.protocol(),  # as `spt-server serve` (its own sync path: SyncEntry)
            ssl_certfile=str(self.tls[0]) if self.tls else None,
            ssl_keyfile=str(self.tls[1]) if self.tls else None,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            assert self._thread is not None
            self._thread.join()
            app = self._server.config.app
            app.state.server.engine.dispose()
            self._server = None

    def restart(self) -> None:
        self.stop()
        self.start()


# --- a proxy that drops, duplicates and delays -----------------------------------------


class FaultProxy:
    """HTTP/1.1 proxy on loopback between client and server, one request at a time.

    ``faults`` is a list consumed one per request: None (pass), "drop_before" (close
    without forwarding), "drop_after" (forward, let the server commit, close without
    answering), "duplicate" (forward twice, answer with the second reply), "hold"
    (forward, let the server commit, keep the reply until ``release`` is set: a slow
    link, for as long as the test needs one; ``held`` counts the replies kept now).
    ``paths`` lists the path of every request, in order. "busy" answers 503 with
    Retry-After: 1 without forwarding (what the server answers when no database connection
    came free in time); ``arrived`` holds each request's time.monotonic() on arrival.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.faults: list[str | None] = []
        self.seen: list[str] = []
        self.paths: list[str] = []
        self.arrived: list[float] = []
        self.release = threading.Event()
        self.held = 0
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self.port = self._sock.getsockname()[1]
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._stop = True
        self.release.set()
        with contextlib.suppress(OSError):  # wakes the accept loop; it may be gone already
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        self._thread.join(timeout=5)
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            if self._stop:
                conn.close()
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    @staticmethod
    def _read_request(conn: socket.socket) -> bytes | None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            body += chunk
        return head + b"\r\n\r\n" + body

    def _forward(self, request: bytes) -> bytes:
        # One upstream connection per request, told to close: the reply ends at EOF.
        head, _, body = request.partition(b"\r\n\r\n")
        lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"connection:")]
        lines.append(b"Connection: close")
        with socket.create_connection(("127.0.0.1", self.target_port), timeout=60) as up:
            up.sendall(b"\r\n".join(lines) + b"\r\n\r\n" + body)
            reply = b""
            while True:
                chunk = up.recv(65536)
                if not chunk:
                    break
                reply += chunk
        return reply

    def _handle(self, conn: socket.socket) -> None:
        try:
            while True:
                request = self._read_request(conn)
                if request is None:
                    return
                self.arrived.append(time.monotonic())
                fault = self.faults.pop(0) if self.faults else None
                self.seen.append(fault or "pass")
                self.paths.append(request.split(b" ", 2)[1].decode("ascii", "replace"))
                if fault == "drop_before":
                    return
                if fault == "busy":
                    body = b'{"detail":{"code":"server_busy"}}'
                    conn.sendall(
                        b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n"
                        b"Content-Type: application/json\r\n"
                        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
                    )
                    continue
                try:
                    reply = self._forward(request)
                    if fault == "duplicate":
                        reply = self._forward(request)
                except OSError:
                    return  # server down: the client sees a dropped connection
                if fault == "drop_after" or not reply:
                    return
                if fault == "hold":
                    self.held += 1
                    self.release.wait()
                    self.held -= 1
                conn.sendall(_keep_alive(reply))
        except OSError:
            return
        finally:
            conn.close()


def _keep_alive(reply: bytes) -> bytes:
    head, _, body = reply.partition(b"\r\n\r\n")
    lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"connection:")]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


# --- wire records ----------------------------------------------------------------------


def uid() -> str:
    return str(uuid.uuid4())


def candidate_change(rid: str | None = None, spt: str = NH, **fields: Any) -> dict[str, Any]:
    """A push change registering a candidate, in wire form; any field can be overridden."""
    values = {
        "first_name": "Kim",
        "last_name": "de Vries",
        "municipality": "Alkmaar",
        "spt": spt,
        "labour_market_region": "Noord-Holland Noord",
        "referral_source": "uwv",
        "persona": "no_work_benefit_technical",
        "benefit_status": "ww",
        "phase": "orientation",
        "status": "active",
        "registered_on": "2026-11-02",
    } | fields
    return {"entity": "candidate", "id": rid or uid(), "op": "upsert", "fields": values}


# --- vaults and records ----------------------------------------------------------------


def make_vault(path: Path, spt: Spt = Spt.NOORD_HOLLAND) -> Vault:
    from tests.support.templates import create_vault

    v, _ = create_vault(
        path,
        PASSPHRASE,
        owner_name="Eigenaar",
        owner_email="eigenaar@example.org",
        owner_roles=(Role.LOOPBAANCOACH,),
        owner_spt=spt,
        kdf=FAST_KDF,
    )
    return v


def window_session(path: Path, url: str, email: str = "anna@spt.nl") -> VaultSession:
    """A new vault at ``path``, unlocked as the window unlocks it (``VaultSession``) and
    logged in to the server at ``url`` as ``email``."""
    from spt_desktop.services.session import VaultSession

    make_vault(path).lock()
    session = VaultSession(path)
    session.unlock(PASSPHRASE)
    session.login(url, email, PASSWORD)
    return session


def add_candidate(vault: Vault, first_name: str = "Kim", **kw: Any) -> str:
    from spt_desktop.models import Candidate

    values: dict[str, Any] = dict(
        first_name=first_name,
        last_name="de Vries",
        municipality="Alkmaar",
        spt="spt_noord_holland",
        labour_market_region="Noord-Holland Noord",
        referral_source="uwv",
        persona="no_work_benefit_technical",
        benefit_status="ww",
        phase="orientation",
        status="active",
        registered_on=date(2026, 11, 2),
    )
    values.update(kw)
    with vault.transaction() as s:
        c = Candidate(**values)
        s.add(c)
        s.flush()
        return c.id


def add_note(vault: Vault, candidate_id: str, text: str = "Eerste gesprek") -> str:
    from spt_desktop.models import Note

    with vault.transaction() as s:
        n = Note(
            candidate_id=candidate_id,
            author_id=vault.owner_id,
            written_at=datetime(2026, 11, 3, 10, 0),
            text=text,
        )
        s.add(n)
        s.flush()
        return n.id


def bound(tmp_path: Path, name: str, url: str, email: str = "anna@spt.nl") -> Vault:
    """A new vault ``name`` in ``tmp_path``, linked to the server at ``url`` as ``email``
    (one device named ``name``)."""
    from spt_desktop.sync import engine

    vault = make_vault(tmp_path / f"{name}.sptvault")
    engine.login(vault, url, email, PASSWORD, device_name=name)
    return vault


def unheard(vault: Vault) -> Vault:
    """``vault`` as a login to a server that said no push limits left it (a server of
    before: ``engine.S_LIMITS`` unset): its first push batch is p.MAX_BATCH, sent alone,
    until an answer says the server's size."""
    from spt_desktop.sync import engine

    with engine.remote_connection(vault) as conn:
        engine._put(conn, {engine.S_LIMITS: None})
    return vault


def add_notes(vault: Vault, candidate_id: str, n: int, text: str = "Gesprek") -> None:
    """``n`` notes in one transaction (each with its outbox entry)."""
    from spt_desktop.models import Note

    with vault.transaction() as s:
        for i in range(n):
            s.add(
                Note(
                    candidate_id=candidate_id,
                    author_id=vault.owner_id,
                    written_at=datetime(2026, 11, 3, 10, 0),
                    text=f"{text} {i}",
                )
            )


def add_handover(vault: Vault, candidate_id: str, to_coach: str) -> str:
    from spt_desktop.models import Handover

    with vault.transaction() as s:
        h = Handover(
            candidate_id=candidate_id,
            from_coach_id=vault.owner_id,
            from_role="loopbaancoach",
            to_coach_id=to_coach,
            to_role="jobcoach",
            summary="Warme overdracht",
            status="pending",
            created_at=datetime(2026, 11, 4, 9, 0),
        )
        s.add(h)
        s.flush()
        return h.id


def edit(vault: Vault, entity: str, rid: str, **values: Any) -> None:
    from spt_desktop.models import SYNCED_ENTITIES

    with vault.transaction() as s:
        obj = s.get(SYNCED_ENTITIES[entity], rid)
        assert obj is not None
        for k, v in values.items():
            setattr(obj, k, v)


def delete(vault: Vault, entity: str, rid: str) -> None:
    edit(vault, entity, rid, deleted=True)


def local_rows(vault: Vault, entity: str, include_deleted: bool = False) -> dict[str, Any]:
    from spt_desktop.models import SYNCED_ENTITIES

    table = SYNCED_ENTITIES[entity].__table__  # type: ignore[attr-defined]
    with vault.engine.connect() as c:
        q = sa.select(table)
        if not include_deleted:
            q = q.where(table.c.deleted.is_(False))
        return {r.id: dict(r._mapping) for r in c.execute(q)}


def count(vault: Vault, table: str, where: str = "1=1") -> int:
    with vault.engine.connect() as c:
        return int(c.exec_driver_sql(f"SELECT count(*) FROM {table} WHERE {where}").scalar())


# --- fixtures shared by tests/server and tests/sync ------------------------------------


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    cluster = PgCluster()
    yield cluster
    cluster.stop()
