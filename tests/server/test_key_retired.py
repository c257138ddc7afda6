"""A signing key retired from the key file stops verifying within a second, in every
server process, without a restart (``security.KeyFileWatch``, ``app.Server.keys``).

Before, the server read its keys once at start and kept the tokens it had verified: a
token signed by a retired key (a leaked one's, a forger's) kept working until every
instance was restarted. The idle path stays without a database round trip: a request
reads a clock, a process looks at the file (one ``stat``) at most once a second."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from spt_common import protocol as p
from spt_server import security
from spt_server.cli import main
from tests.support.server_kit import PASSWORD, ROOT, Admin, LiveServer, free_port, wait_healthy

# No signing key from the environment, before and after (conftest).
pytestmark = pytest.mark.usefixtures("no_signing_key_env")


def two_keys(path: Path) -> tuple[security.SigningKey, security.SigningKey]:
    """A key file whose old key may be retired: the new one has signed for longer than a
    token lives."""
    now = int(time.time())
    old = security.SigningKey(b"\x01" * security.KEY_BYTES, signs_from=0, added=now - 7200)
    new = security.SigningKey(b"\x02" * security.KEY_BYTES, signs_from=now - 3600, added=now - 3700)
    security.write_key_file(path, security.KeyRing((old, new), "file"))
    return old, new


def login(base: str, email: str) -> dict[str, Any]:
    r = httpx.post(f"{base}{p.API_PREFIX}/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    tokens: dict[str, Any] = r.json()
    return tokens


def signed_by(key: security.SigningKey, tokens: dict[str, Any]) -> str:
    """A token for the same account and device, signed by ``key`` (what someone who has
    the key can make, within the server's 15 minutes)."""
    return security.issue_access(
        security.KeyRing((key,), "file"), tokens["coach"]["id"], tokens["device_id"]
    )


def sync(base: str, token: str) -> httpx.Response:
    with httpx.Client() as http:  # a new connection: any worker may take it
        return http.post(
            f"{base}{p.API_PREFIX}/sync", json={}, headers={"authorization": f"Bearer {token}"}
        )


def me(base: str, token: str) -> httpx.Response:
    return httpx.get(f"{base}{p.API_PREFIX}/me", headers={"authorization": f"Bearer {token}"})


def refused(r: httpx.Response) -> bool:
    return r.status_code == 401 and r.json()["detail"]["code"] == p.ERR_TOKEN_INVALID


def test_a_retired_keys_tokens_are_refused_within_a_second_cached_or_not(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = tmp_path / "signing-keys.json"
    old, new = two_keys(keys)
    monkeypatch.setenv("SPT_SIGNING_KEY_FILE", str(keys))
    admin = Admin(db_url)
    admin.add_coach("anna@spt.nl")
    admin.close()
    live = LiveServer(db_url).start()
    try:
        tokens = login(live.url, "anna@spt.nl")
        assert tokens["access_token"].startswith(new.kid + ".")
        forged = signed_by(old, tokens)
        assert sync(live.url, forged).status_code == 200
        assert sync(live.url, forged).status_code == 200  # from the process's cache
        assert me(live.url, forged).status_code == 200

        assert main(["signing-key", "retire", "--db", db_url, "--file", str(keys)]) == 0
        assert [k.kid for k in security.read_key_file(keys).keys] == [new.kid]
        server = live.server
        at = time.monotonic() + security.KEY_RECHECK
        server.clock = lambda: at  # a second on: the process looks at its file again

        assert refused(sync(live.url, forged))  # before: 200 until a restart
        assert refused(me(live.url, forged))
        assert sync(live.url, tokens["access_token"]).status_code == 200
        assert me(live.url, tokens["access_token"]).status_code == 200
    finally:
        live.stop()


def test_between_two_looks_a_request_reads_no_file(tmp_path: Path) -> None:
    keys = tmp_path / "signing-keys.json"
    two_keys(keys)
    watch = security.KeyFileWatch(security.read_key_file(keys), now=100.0)
    first = watch.ring
    reads = 0
    real = security.read_key_file

    def counting(path: Path) -> security.KeyRing:
        nonlocal reads
        reads += 1
        return real(path)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(security, "read_key_file", counting)
        assert watch.current(100.5) is first and reads == 0  # not due: not even a stat
        assert watch.current(101.0) is first and reads == 1  # the first look reads it
        assert watch.current(102.5) is first and reads == 1  # unchanged: a stat only
        security.write_key_file(keys, security.KeyRing(first.keys[1:], "file"))
        assert watch.current(102.9) is first  # not due yet
        changed = watch.current(103.6)
        assert reads == 2 and [k.kid for k in changed.keys] == [first.keys[1].kid]


def test_a_key_file_that_cannot_be_read_again_keeps_the_keys_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    keys = tmp_path / "signing-keys.json"
    two_keys(keys)
    watch = security.KeyFileWatch(security.read_key_file(keys), now=0.0)
    ring = watch.ring
    keys.write_text("geen sleutels")
    with caplog.at_level(logging.WARNING, logger="spt_server"):
        assert watch.current(5.0) is ring
    assert "beschadigd" in caplog.text and ring.keys[0].secret.hex() not in caplog.text
    keys.unlink()
    assert watch.current(10.0) is ring


def test_two_worker_processes_both_refuse_a_retired_key(db_url: str, tmp_path: Path) -> None:
    """``serve --workers 2``: each worker process has its own cache of verified tokens;
    both drop the retired key's within KEY_RECHECK of ``signing-key retire``."""
    keys = tmp_path / "signing-keys.json"
    old, _ = two_keys(keys)
    admin = Admin(db_url)
    admin.add_coach("anna@spt.nl")
    admin.close()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPT_")}
    env.update(PYTHONPATH=str(ROOT), SPT_SIGNING_KEY_FILE=str(keys))
    cmd = [sys.executable, "-m", "spt_server.cli", "serve", "--db", db_url, "--port", str(port),
           "--workers", "2", "--no-retention", "--log-level", "error"]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    try:
        wait_healthy(proc, port)
        children = subprocess.run(
            ["pgrep", "-P", str(proc.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        assert len(children) >= 2
        forged = signed_by(old, login(base, "anna@spt.nl"))
        assert {sync(base, forged).status_code for _ in range(12)} == {200}  # cached in each

        assert main(["signing-key", "retire", "--db", db_url, "--file", str(keys)]) == 0
        time.sleep(security.KEY_RECHECK + 0.2)  # each worker's next look is due
        answers = [sync(base, forged) for _ in range(12)]
        assert all(refused(r) for r in answers), [r.status_code for r in answers]
    finally:
        proc.terminate()
        proc.wait()
