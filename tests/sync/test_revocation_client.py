"""Revocation that holds, seen from the client (issue 10 §1): real vaults, a real server on
loopback. A revoked vault is wiped on login, refresh or sync, keeps its revoked device id
and cannot log in again; a deactivated account is refused; a replayed refresh token ends
the session and the coach logs in again, losing nothing; the CLI says what happened."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from spt_desktop.cli import main as desktop_cli
from spt_desktop.cli import messages as cli
from spt_desktop.models.vault import Vault
from spt_desktop.sync import engine
from spt_desktop.sync.engine import S_ACCESS_UNTIL, S_DEVICE, S_REFRESH
from spt_desktop.sync.transport import AuthFailed, DeviceRevoked, Transport
from spt_server import setup
from spt_server.db import Device
from tests.support.server_kit import (
    PASSPHRASE,
    PASSWORD,
    Admin,
    LiveServer,
    add_candidate,
    add_note,
    count,
    make_vault,
)

EMAIL = "anna@spt.nl"


def bound(tmp_path: Path, name: str, url: str) -> Vault:
    vault = make_vault(tmp_path / f"{name}.sptvault")
    engine.login(vault, url, EMAIL, PASSWORD, device_name=name)
    return vault


def sync(vault: Vault, url: str) -> engine.SyncReport:
    with Transport(url, backoff=0.01) as t:
        return engine.sync(vault, transport=t)


def settings(vault: Vault) -> dict[str, str]:
    with vault.engine.connect() as c:
        return dict(c.exec_driver_sql("SELECT key, value FROM setting").fetchall())


def expire_access(vault: Vault) -> None:
    """The next request starts with a refresh (as after 15 minutes)."""
    with vault.engine.begin() as c:
        engine._put(c, {S_ACCESS_UNTIL: "0"})


def server_devices(admin: Admin) -> dict[str, bool]:
    with admin.session() as s:
        return {d.id: d.revoked_at is not None for d in s.scalars(sa.select(Device))}


def with_data(tmp_path: Path, live: LiveServer, name: str = "a") -> Vault:
    vault = bound(tmp_path, name, live.url)
    add_note(vault, add_candidate(vault))
    sync(vault, live.url)
    return vault


def wiped(vault: Vault) -> bool:
    return count(vault, "candidate") == 0 and count(vault, "note") == 0


def test_login_on_a_revoked_vault_wipes_it_and_a_wiped_vault_stays_refused(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach(EMAIL)
    a = with_data(tmp_path, live)
    device = settings(a)[S_DEVICE]
    admin.revoke(EMAIL)
    with pytest.raises(DeviceRevoked) as refused:
        engine.login(a, live.url, EMAIL, PASSWORD)
    assert "gewist" in cli.text(refused.value) and cli.exit_code(refused.value) == 3
    assert wiped(a)
    # The wiped vault keeps the id of the revoked device, and nothing to log in with.
    kept = settings(a)
    assert kept[engine.S_REVOKED] == device and S_REFRESH not in kept
    with pytest.raises(DeviceRevoked):
        engine.login(a, live.url, EMAIL, PASSWORD)
    assert server_devices(admin) == {device: True}  # no new device was issued to it
    assert sync(a, live.url).wiped  # and a sync says so again


def test_a_revoked_vault_is_wiped_when_its_refresh_is_refused(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach(EMAIL)
    a = with_data(tmp_path, live)
    expire_access(a)
    admin.revoke(EMAIL)
    with Transport(live.url, backoff=0.01) as t:
        report = engine.sync(a, transport=t)
        assert t.requests == 1  # the refresh: answered device_revoked, not "log in again"
    assert report.wiped and wiped(a)


def test_deactivation_wipes_her_vaults_and_reactivation_needs_a_new_vault(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach(EMAIL)
    a = with_data(tmp_path, live, "a")
    b = with_data(tmp_path, live, "b")
    expire_access(b)
    with admin.session() as s, s.begin():
        setup.deactivate(s, email=EMAIL)
    assert sync(a, live.url).wiped and wiped(a)  # by her access token
    assert sync(b, live.url).wiped and wiped(b)  # by her refresh token
    c = make_vault(tmp_path / "c.sptvault")
    with pytest.raises(AuthFailed) as refused:
        engine.login(c, live.url, EMAIL, PASSWORD)
    assert "uitgeschakeld" in cli.text(refused.value) and cli.exit_code(refused.value) == 3
    with admin.session() as s, s.begin():
        setup.reactivate(s, email=EMAIL)
    with pytest.raises(DeviceRevoked):
        engine.login(a, live.url, EMAIL, PASSWORD)
    engine.login(c, live.url, EMAIL, PASSWORD)
    assert settings(c)[S_DEVICE] != settings(a)[engine.S_REVOKED]
    sync(c, live.url)
    assert count(c, "candidate") == 2  # her dossiers, on the new laptop


def test_a_replayed_refresh_token_ends_the_session_and_loses_nothing(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach(EMAIL)
    a = with_data(tmp_path, live)
    stolen = settings(a)[S_REFRESH]
    expire_access(a)
    sync(a, live.url)  # rotates: the stolen copy is an old token now
    with httpx.Client(base_url=live.url + "/api/v1") as http:
        replay = http.post("/auth/refresh", json={"refresh_token": stolen})
    assert replay.status_code == 401
    cand = add_candidate(a, "Noor")
    expire_access(a)
    with pytest.raises(AuthFailed) as ended:
        sync(a, live.url)
    assert "opnieuw aan" in cli.text(ended.value) and cli.exit_code(ended.value) == 3
    assert count(a, "outbox") > 0 and count(a, "candidate") == 2  # nothing lost
    engine.login(a, live.url, EMAIL, PASSWORD)  # the same device, a new family
    assert sync(a, live.url).pushed > 0
    assert cand in admin.records()


def test_the_cli_says_what_happened(
    tmp_path: Path,
    admin: Admin,
    live: LiveServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SPT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("SPT_PASSWORD", PASSWORD)
    admin.add_coach(EMAIL)
    a = with_data(tmp_path, live)
    a.lock()
    path = str(tmp_path / "a.sptvault")
    admin.revoke(EMAIL)
    login = ["login", "--vault", path, "--server", live.url, "--email", EMAIL]
    assert desktop_cli(login) == 3
    err = capsys.readouterr().err
    assert "ingetrokken" in err and "gewist" in err
    assert desktop_cli(login) == 3
    assert "ingetrokken" in capsys.readouterr().err
    assert desktop_cli(["sync", "--vault", path]) == 3
    assert "ingetrokken" in capsys.readouterr().out
