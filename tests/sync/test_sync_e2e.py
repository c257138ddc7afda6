"""End to end with real processes: ``spt-server`` (init, add-coach, serve, assign, stats,
revoke-device) on a loopback port, and two vaults syncing through ``spt-desktop login``
and ``spt-desktop sync``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from spt_desktop.models.vault import Vault
from tests.support.server_kit import (
    PASSPHRASE,
    PASSWORD,
    add_candidate,
    add_note,
    count,
    free_port,
    local_rows,
    make_vault,
)

BIN = Path(sys.executable).parent


def run(tool: str, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"SPT_PASSWORD": PASSWORD, "SPT_PASSPHRASE": PASSPHRASE}
    proc = subprocess.run(
        [str(BIN / tool), *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    db = f"sqlite:///{tmp_path / 'server.db'}"
    run("spt-server", "init", "--db", db)
    port = free_port()
    proc = subprocess.Popen(
        [str(BIN / "spt-server"), "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    while True:
        try:
            if httpx.get(url + "/api/v1/health").status_code == 200:
                break
        except httpx.TransportError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "") from None
            time.sleep(0.05)
    yield db, url
    proc.terminate()
    proc.wait()


def add_coach(
    db: str, email: str, name: str, roles: str, spt: str = "spt_noord_holland", ok: bool = True
) -> subprocess.CompletedProcess[str]:
    """``spt-server add-coach`` as an administrator types it."""
    args = ("--db", db, "--email", email, "--name", name, "--role", roles, "--spt", spt)
    return run("spt-server", "add-coach", *args, ok=ok)


def reopen(path: Path) -> Vault:
    v = Vault(path)
    v.unlock(PASSPHRASE)
    return v


def test_two_vaults_sync_through_the_headless_commands(
    tmp_path: Path, server: tuple[str, str]
) -> None:
    db, url = server
    coach_id = add_coach(db, "anna@spt.nl", "Anna", "loopbaancoach,jobcoach").stdout.strip()
    add_coach(db, "bob@spt.nl", "Bob", "jobcoach")
    a_path, b_path = tmp_path / "a.sptvault", tmp_path / "b.sptvault"
    a = make_vault(a_path)
    cand = add_candidate(a)
    add_note(a, cand)
    a.lock()
    make_vault(b_path).lock()

    assert (
        "Anna"
        in run(
            "spt-desktop",
            "login",
            "--vault",
            str(a_path),
            "--server",
            url,
            "--email",
            "anna@spt.nl",
        ).stdout
    )
    run("spt-desktop", "login", "--vault", str(b_path), "--server", url, "--email", "bob@spt.nl")
    first = json.loads(run("spt-desktop", "sync", "--vault", str(a_path), "--json").stdout)
    assert first["pushed"] >= 3 and first["conflicts"] == 0
    stats = json.loads(run("spt-server", "stats", "--db", db).stdout)
    assert stats["candidates"] == 1 and stats["notes"] == 1 and stats["coaches"] == 2

    # Bob sees nothing of hers until the coordinator assigns him.
    run("spt-desktop", "sync", "--vault", str(b_path))
    b = reopen(b_path)
    assert count(b, "candidate") == 0
    b.lock()
    run("spt-server", "assign", "--db", db, "--candidate", cand, "--coach", "bob@spt.nl")
    out = run("spt-desktop", "sync", "--vault", str(b_path)).stdout
    assert "ontvangen" in out
    b = reopen(b_path)
    assert set(local_rows(b, "candidate")) == {cand} and count(b, "note") == 1
    assert b.owner_id != coach_id
    b.lock()

    # Unassigned: purged from his vault at the next sync.
    run("spt-server", "unassign", "--db", db, "--candidate", cand, "--coach", "bob@spt.nl")
    purged = json.loads(run("spt-desktop", "sync", "--vault", str(b_path), "--json").stdout)
    assert purged["purged"] == 1
    b = reopen(b_path)
    assert count(b, "candidate") == 0 and count(b, "note") == 0
    b.lock()

    # Revoked: her vault is wiped at the next contact (exit 3).
    run("spt-server", "revoke-device", "--db", db, "--email", "anna@spt.nl")
    wiped = run("spt-desktop", "sync", "--vault", str(a_path), ok=False)
    assert wiped.returncode == 3 and "ingetrokken" in wiped.stdout
    a = reopen(a_path)
    assert count(a, "candidate") == 0 and count(a, "note") == 0
    a.lock()


def test_sync_without_a_server_exits_4_and_keeps_everything(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'server.db'}"
    run("spt-server", "init", "--db", db)
    add_coach(db, "anna@spt.nl", "Anna", "loopbaancoach")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    a_path = tmp_path / "a.sptvault"
    a = make_vault(a_path)
    add_candidate(a)
    a.lock()
    down = run(
        "spt-desktop",
        "login",
        "--vault",
        str(a_path),
        "--server",
        url,
        "--email",
        "anna@spt.nl",
        ok=False,
    )
    assert down.returncode == 4 and "niet bereikbaar" in down.stderr
    unbound = run("spt-desktop", "sync", "--vault", str(a_path), ok=False)
    assert unbound.returncode == 3 and "login" in unbound.stderr
    a = reopen(a_path)
    assert count(a, "candidate") == 1 and count(a, "outbox") > 0
    a.lock()


def test_admin_commands_report_usage_errors(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'server.db'}"
    run("spt-server", "init", "--db", db)
    bad_role = add_coach(db, "x@spt.nl", "X", "tovenaar", "spt_midden", ok=False)
    assert bad_role.returncode == 2 and "rol" in bad_role.stderr
    missing = run(
        "spt-server", "assign", "--db", db, "--candidate", "nope", "--coach", "x@spt.nl", ok=False
    )
    assert missing.returncode == 2
    bad_db = run("spt-server", "stats", "--db", "nonsense://", ok=False)
    assert bad_db.returncode == 2
