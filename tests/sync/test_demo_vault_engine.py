"""A demo vault (made-up people) never reaches a server, whoever drives the sync engine:
``engine.login`` and ``engine.sync`` refuse it themselves, before a byte is sent, not only
the services in front of them (Instellingen and ``spt-desktop login`` check first). A
real server on loopback: it must see no device and no record."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from spt_desktop.errors import Code
from spt_desktop.models.demo_mark import DEMO_MARK
from spt_desktop.models.vault import Vault
from spt_desktop.services.demo_mark import mark_demo
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import PASSWORD, Admin, LiveServer, add_candidate, make_vault


def _server_rows(admin: Admin) -> tuple[int, int]:
    with admin.engine.connect() as c:
        devices = c.execute(sa.text("SELECT count(*) FROM device")).scalar_one()
        records = c.execute(sa.text("SELECT count(*) FROM record")).scalar_one()
    return devices, records


def _settings(vault: Vault) -> dict[str, str]:
    with vault.engine.connect() as c:
        return dict(c.exec_driver_sql("SELECT key, value FROM setting").fetchall())


def test_login_refuses_a_demo_vault_before_anything_is_sent(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    before = _server_rows(admin)
    vault = make_vault(tmp_path / "demo.sptvault")
    add_candidate(vault)
    mark_demo(vault, "test")
    kept = _settings(vault)
    with Transport(live.url) as t, pytest.raises(engine.DemoVault) as refused:
        engine.login(vault, live.url, "anna@spt.nl", PASSWORD, transport=t, device_name="d")
    assert refused.value.code is Code.DEMO_NOT_LINKED
    assert _server_rows(admin) == before  # no device, no record
    assert _settings(vault) == kept  # no server address, no token, no account


def test_sync_refuses_a_demo_vault_that_was_linked(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """A vault linked first and marked after (by hand, or an older app that wrote the
    mark without refusing): its made-up caseload is not pushed."""
    admin.add_coach("anna@spt.nl")
    vault = make_vault(tmp_path / "demo.sptvault")
    engine.login(vault, live.url, "anna@spt.nl", PASSWORD, device_name="d")
    add_candidate(vault)
    with vault.engine.begin() as c:
        c.exec_driver_sql("INSERT INTO setting (key, value) VALUES (?, 'test')", (DEMO_MARK,))
    before = _server_rows(admin)
    with Transport(live.url) as t, pytest.raises(engine.DemoVault):
        engine.sync(vault, transport=t)
    assert _server_rows(admin) == before
    with vault.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM outbox").scalar() > 0  # kept
