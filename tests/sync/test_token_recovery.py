"""An access token the server no longer accepts (its signing key retired early, the
server's key moved) costs one refresh, not a new login: the sync goes on, nothing lost.
A refresh the server refuses still asks the coach to log in."""

from __future__ import annotations

from pathlib import Path

import pytest

from spt_desktop.models.vault import Vault
from spt_desktop.sync import engine
from spt_desktop.sync.transport import AuthFailed, Transport
from tests.support.server_kit import PASSWORD, Admin, LiveServer, add_candidate, make_vault


def _bound(tmp_path: Path, url: str) -> Vault:
    vault = make_vault(tmp_path / "a.sptvault")
    engine.login(vault, url, "anna@spt.nl", PASSWORD, device_name="a")
    return vault


def _set(vault: Vault, key: str, value: str) -> None:
    with vault.engine.begin() as c:
        c.exec_driver_sql("UPDATE setting SET value = ? WHERE key = ?", (value, key))


def test_a_refused_access_token_costs_one_refresh(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    vault = _bound(tmp_path, live.url)
    add_candidate(vault)
    # A well-formed token the server cannot verify, still "valid" for an hour locally.
    _set(vault, engine.S_ACCESS, "k0.eyJhIjoiYSJ9.c2lnbmF0dXVy")
    with Transport(live.url, backoff=0.01) as t:
        report = engine.sync(vault, transport=t)
    assert report.pushed > 0 and not report.wiped


def test_a_refused_refresh_still_asks_for_a_login(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    vault = _bound(tmp_path, live.url)
    add_candidate(vault)
    _set(vault, engine.S_ACCESS, "k0.eyJhIjoiYSJ9.c2lnbmF0dXVy")
    _set(vault, engine.S_REFRESH, "niet-een-echte-vernieuwingssleutel")
    with Transport(live.url, backoff=0.01) as t, pytest.raises(AuthFailed):
        engine.sync(vault, transport=t)
    with vault.engine.connect() as c:
        waiting = c.exec_driver_sql("SELECT count(*) FROM outbox").scalar()
    assert waiting > 0  # nothing lost: her work waits for the next sync
