"""Secrets on the server: private data files, capped token lifetimes, and a signing key
kept out of the database (key file or environment), rotated with overlap.

The file tests run the real CLI as a process (`python -m spt_server.cli`) under the umask
of someone starting it by hand (022), or in-process through ``spt_server.cli.main``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from spt_server import audit, security
from spt_server.cli import main
from spt_server.db import make_engine
from tests.support.server_kit import PASSWORD, ROOT, Admin, LiveServer, free_port

API = "/api/v1"
TEN_YEARS = 10 * 365 * 24 * 3600


# No signing key from the environment, before and after (conftest).
pytestmark = pytest.mark.usefixtures("no_signing_key_env")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`spt-server ARGS` as a process with umask 022 (a shell's usual), this tree's code."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("SPT_")}
    return subprocess.run(
        [sys.executable, "-m", "spt_server.cli", *args],
        cwd=ROOT,
        env={**base, "PYTHONPATH": str(ROOT), **(env or {})},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=lambda: os.umask(0o022),
        timeout=120,  # a server that should have refused to start would run for ever
    )


def init(url: str) -> None:
    """What `spt-server init` does, with every connection closed afterwards (a test that
    edits the -shm file must not pull it from under an open, memory-mapped one)."""
    from spt_server.setup import upgrade

    engine = make_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()


# --- 1. data files are private ---------------------------------------------------------


def test_init_by_hand_makes_a_private_data_folder_and_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    r = cli("init", env={"SPT_SERVER_DATA": str(data)})
    assert r.returncode == 0, r.stderr
    db = data / "spt-server.db"
    assert mode(data) == 0o700
    assert mode(db) == 0o600

    # The WAL and shared-memory files appear while the database is in use.
    engine = make_engine(f"sqlite:///{db}")
    try:
        with engine.begin() as c:
            c.exec_driver_sql("CREATE TABLE probe (x INTEGER)")
            c.exec_driver_sql("INSERT INTO probe VALUES (1)")
            for suffix in ("-wal", "-shm"):
                side = db.with_name(db.name + suffix)
                assert side.exists() and mode(side) == 0o600, suffix
    finally:
        engine.dispose()


def test_a_database_url_given_by_hand_gets_a_private_file_too(tmp_path: Path) -> None:
    db = tmp_path / "elders.db"
    r = cli("init", "--db", f"sqlite:///{db}")
    assert r.returncode == 0, r.stderr
    assert mode(db) == 0o600


@pytest.mark.parametrize("bad_mode", [0o644, 0o640, 0o604], ids=oct)
def test_every_command_refuses_a_database_others_can_read(
    tmp_path: Path, bad_mode: int, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "server.db"
    url = f"sqlite:///{db}"
    init(url)
    db.chmod(bad_mode)
    before = db.read_bytes()
    for command in (["stats"], ["init"], ["revoke-device", "--email", "niemand@spt.nl"]):
        assert main([*command, "--db", url]) == 1, command
        assert f"chmod 600 {db}" in capsys.readouterr().err, command
    # The server itself, as a process: it must refuse, not start.
    r = cli("serve", "--db", url, "--port", str(free_port()))
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert f"chmod 600 {db}" in r.stderr and "Traceback" not in r.stderr
    assert mode(db) == bad_mode and db.read_bytes() == before  # told, not changed


def test_a_readable_leftover_shm_file_is_refused_as_well(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "server.db"
    init(f"sqlite:///{db}")
    shm = db.with_name(db.name + "-shm")
    shm.write_bytes(b"")
    shm.chmod(0o644)
    assert main(["stats", "--db", f"sqlite:///{db}"]) == 1
    assert f"chmod 600 {shm}" in capsys.readouterr().err


def test_the_app_itself_refuses_a_database_others_can_read(tmp_path: Path) -> None:
    from spt_server.app import create_app

    db = tmp_path / "server.db"
    init(f"sqlite:///{db}")
    db.chmod(0o644)
    with pytest.raises(security.SecretFileError) as err:
        create_app(f"sqlite:///{db}")
    assert f"chmod 600 {db}" in err.value.message


# --- 2. token lifetimes are capped on verification --------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _db_key(db_url: str) -> bytes:
    engine = make_engine(db_url)
    try:
        with engine.connect() as c:
            value = c.execute(
                sa.text("SELECT value FROM server_setting WHERE key = 'signing_key'")
            ).scalar_one()
    finally:
        engine.dispose()
    return bytes.fromhex(value)


def legacy_token(key: bytes, claims: Any) -> str:
    """A token as the server signed them before key ids: payload.signature."""
    payload = _b64(json.dumps(claims).encode())
    return payload + "." + _b64(hmac.new(key, payload.encode(), hashlib.sha256).digest())


def kid_token(key: bytes, claims: Any) -> str:
    """A token of the current form: key id.payload.signature over both."""
    signed = security.key_id(key) + "." + _b64(json.dumps(claims).encode())
    return signed + "." + _b64(hmac.new(key, signed.encode(), hashlib.sha256).digest())


def _me(live: LiveServer, token: str) -> httpx.Response:
    return httpx.get(live.url + API + "/me", headers={"authorization": "Bearer " + token})


def _login(live: LiveServer, email: str) -> dict[str, Any]:
    r = httpx.post(live.url + API + "/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    tokens: dict[str, Any] = r.json()
    return tokens


def _refused(r: httpx.Response) -> bool:
    return r.status_code == 401 and r.json()["detail"]["code"] == "token_invalid"


def test_a_correctly_signed_ten_year_token_is_refused(
    admin: Admin, live: LiveServer, db_url: str
) -> None:
    admin.add_coach("anna@spt.nl")
    tokens = _login(live, "anna@spt.nl")
    key = _db_key(db_url)
    claims = {"a": tokens["coach"]["id"], "d": tokens["device_id"]}
    now = int(time.time())

    assert _me(live, tokens["access_token"]).status_code == 200
    for make in (legacy_token, kid_token):
        assert _me(live, make(key, {**claims, "e": now + 600})).status_code == 200
        assert _refused(_me(live, make(key, {**claims, "e": now + TEN_YEARS}))), make
        # Just past what the server issues (15 minutes) plus the allowed clock skew.
        too_long = now + security.ACCESS_TTL + security.CLOCK_SKEW + 60
        assert _refused(_me(live, make(key, {**claims, "e": too_long}))), make


def test_tokens_without_the_fields_or_of_the_wrong_types_are_refused(
    admin: Admin, live: LiveServer, db_url: str
) -> None:
    admin.add_coach("anna@spt.nl")
    tokens = _login(live, "anna@spt.nl")
    key = _db_key(db_url)
    a, d, e = tokens["coach"]["id"], tokens["device_id"], int(time.time()) + 600
    bad_claims: list[Any] = [
        {"a": a, "d": d, "e": str(e)},
        {"a": a, "d": d, "e": float(e)},
        {"a": a, "d": d, "e": True},
        {"a": a, "d": d},
        {"a": a, "e": e},
        {"a": [a], "d": d, "e": e},
        [a, d, e],
    ]
    for claims in bad_claims:
        for make in (legacy_token, kid_token):
            assert _refused(_me(live, make(key, claims))), (claims, make)
    assert _refused(_me(live, "x" * 5000))


# --- 3. the signing key out of the database, rotated with overlap ----------------------


def _key_row(db_url: str) -> str | None:
    engine = make_engine(db_url)
    try:
        with engine.connect() as c:
            value: str | None = c.execute(
                sa.text("SELECT value FROM server_setting WHERE key = 'signing_key'")
            ).scalar_one_or_none()
    finally:
        engine.dispose()
    return value


def _kid(token: str) -> str:
    return token.split(".")[0]


@pytest.fixture
def restartable(db_url: str) -> Iterator[LiveServer]:
    server = LiveServer(db_url).start()
    yield server
    server.stop()


def test_move_the_key_out_then_rotate_with_overlap_and_retire(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restartable: LiveServer
) -> None:
    live = restartable
    Admin(db_url).add_coach("anna@spt.nl")
    db_key = _db_key(db_url)
    before = _login(live, "anna@spt.nl")
    # A token as the server signed it before key ids existed, still within its 15 minutes.
    claims = {"a": before["coach"]["id"], "d": before["device_id"], "e": int(time.time()) + 600}
    old_form = legacy_token(db_key, claims)
    assert _kid(before["access_token"]) == security.key_id(db_key)

    keys = tmp_path / "sleutels" / "signing-keys.json"
    assert main(["signing-key", "move-out", "--db", db_url, "--file", str(keys)]) == 0
    assert _key_row(db_url) is None
    assert mode(keys) == 0o600 and mode(keys.parent) == 0o700
    admin = Admin(db_url)
    with admin.session() as s:  # the move is in the audit log: the key's id only
        rows = [(r.action, r.target_kind, r.target_id) for r in audit.entries(s)]
    admin.close()
    assert ("signing_key_move_out", "key", security.key_id(db_key)) in rows
    monkeypatch.setenv("SPT_SIGNING_KEY_FILE", str(keys))
    live.restart()
    assert _key_row(db_url) is None  # the server made no new one
    for token in (before["access_token"], old_form):
        assert _me(live, token).status_code == 200

    assert (
        main(["signing-key", "new", "--db", db_url, "--file", str(keys), "--activate-in", "0"]) == 0
    )
    live.restart()
    after = _login(live, "anna@spt.nl")
    assert _kid(after["access_token"]) != _kid(before["access_token"])
    for token in (before["access_token"], old_form, after["access_token"]):
        assert _me(live, token).status_code == 200  # the overlap

    # Retiring now keeps the old key: tokens it signed may still be valid.
    assert main(["signing-key", "retire", "--db", db_url, "--file", str(keys)]) == 0
    assert len(security.read_key_file(keys).keys) == 2
    # A quarter of an hour later (the clock moved on) it goes.
    later = time.time() + security.ACCESS_TTL + security.CLOCK_SKEW + 1
    ring = security.read_key_file(keys)
    kept = security.retire_keys(ring, now=later)
    assert [k.kid for k in kept.keys] == [_kid(after["access_token"])]
    security.write_key_file(keys, kept)
    live.restart()
    assert _refused(_me(live, before["access_token"]))
    assert _refused(_me(live, old_form))
    assert _me(live, after["access_token"]).status_code == 200


def test_a_new_key_waits_before_it_signs_so_every_process_knows_it_first(
    tmp_path: Path,
) -> None:
    keys = tmp_path / "signing-keys.json"
    db = ["--db", f"sqlite:///{tmp_path / 'server.db'}"]  # its audit log
    assert main(["signing-key", "new", *db, "--file", str(keys)]) == 0  # the first signs at once
    assert main(["signing-key", "new", *db, "--file", str(keys)]) == 0  # default: in 10 minutes
    ring = security.read_key_file(keys)
    first, second = ring.keys
    now = time.time()
    assert ring.signer(now) == first
    assert ring.signer(now + 11 * 60) == second
    assert ring.find(second.kid) == second  # accepted at once, before it signs


def test_with_a_key_file_or_key_in_the_environment_the_database_gets_no_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = tmp_path / "signing-keys.json"
    url = f"sqlite:///{tmp_path / 'a.db'}"
    assert main(["signing-key", "new", "--db", url, "--file", str(keys)]) == 0
    assert main(["init", "--db", url, "--signing-key-file", str(keys)]) == 0
    assert _key_row(url) is None

    monkeypatch.delenv("SPT_SIGNING_KEY_FILE")  # the option above set it
    secret = os.urandom(32)
    monkeypatch.setenv("SPT_SIGNING_KEY", secret.hex())
    url = f"sqlite:///{tmp_path / 'b.db'}"
    assert main(["init", "--db", url]) == 0
    assert _key_row(url) is None
    Admin(url).add_coach("anna@spt.nl")
    live = LiveServer(url).start()
    try:
        tokens = _login(live, "anna@spt.nl")
        assert _kid(tokens["access_token"]) == security.key_id(secret)
        assert _me(live, tokens["access_token"]).status_code == 200
    finally:
        live.stop()


def test_a_key_file_others_can_read_or_that_is_missing_stops_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = tmp_path / "signing-keys.json"
    url = f"sqlite:///{tmp_path / 'server.db'}"
    assert main(["signing-key", "new", "--db", url, "--file", str(keys)]) == 0
    assert mode(keys) == 0o600
    assert main(["init", "--db", url, "--signing-key-file", str(keys)]) == 0
    monkeypatch.delenv("SPT_SIGNING_KEY_FILE")
    keys.chmod(0o640)
    serve = ["serve", "--db", url, "--port", str(free_port())]
    r = cli(*serve, "--signing-key-file", str(keys))  # as a process: it must not start
    assert r.returncode == 1 and f"chmod 600 {keys}" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr

    def refused(*extra: str) -> str:
        assert main([*serve, *extra]) == 1
        return capsys.readouterr().err

    monkeypatch.setenv("SPT_SIGNING_KEY_FILE", str(keys))
    assert f"chmod 600 {keys}" in refused()
    missing = tmp_path / "weg.json"
    err = refused("--signing-key-file", str(missing))
    assert "bestaat niet" in err and f"signing-key new --file {missing}" in err
    keys.chmod(0o600)
    keys.write_text('{"format": "iets anders"}')
    assert "beschadigd" in refused("--signing-key-file", str(keys))
    monkeypatch.delenv("SPT_SIGNING_KEY_FILE")
    monkeypatch.setenv("SPT_SIGNING_KEY", "abc")
    assert "SPT_SIGNING_KEY bevat geen geldige sleutel" in refused()


def test_with_a_key_file_a_key_left_in_the_database_signs_nothing(
    admin: Admin,
    db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Configured but not moved out: the database's key is ignored (a leaked backup
    signs nothing), and the server says how to remove it."""
    admin.add_coach("anna@spt.nl")
    db_key = _db_key(db_url)
    keys = tmp_path / "signing-keys.json"
    assert main(["signing-key", "new", "--db", db_url, "--file", str(keys)]) == 0
    monkeypatch.setenv("SPT_SIGNING_KEY_FILE", str(keys))
    with caplog.at_level("WARNING", logger="spt_server.setup"):
        live = LiveServer(db_url).start()
    try:
        assert "signing-key move-out" in caplog.text
        tokens = _login(live, "anna@spt.nl")
        claims = {"a": tokens["coach"]["id"], "d": tokens["device_id"]}
        claims["e"] = int(time.time()) + 600
        for make in (legacy_token, kid_token):
            assert _refused(_me(live, make(db_key, claims)))
        assert _me(live, tokens["access_token"]).status_code == 200
    finally:
        live.stop()
