"""Which SPT Desktop version each laptop runs, as the server knows it: what its last login
or token refresh named in the version header (the desktop's ``Transport`` sends it with
every request), shown by ``spt-server devices`` (server migration 0014). An administrator
sees which laptops a higher ``--min-client-version`` would stop."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

import spt_desktop
from spt_common import protocol as p
from spt_desktop.sync.transport import Transport
from spt_server import cli, setup
from spt_server.db import make_engine
from spt_server.setup import MIGRATIONS, upgrade
from tests.support.server_kit import PASSWORD, Admin, LiveServer

EMAIL = "anna@spt.nl"


def listed(db_url: str, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str | None]]:
    capsys.readouterr()
    assert cli.main(["devices", "--db", db_url, "--email", EMAIL]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return [(r["name"], r["app_version"]) for r in rows]


def test_devices_shows_the_app_version_of_each_laptops_last_login_or_refresh(
    db_url: str, admin: Admin, live: LiveServer, capsys: pytest.CaptureFixture[str]
) -> None:
    admin.add_coach(EMAIL)
    login = p.LoginRequest(email=EMAIL, password=PASSWORD, device_name="laptop-1")
    with Transport(live.url) as app:
        first = app.login(login)
    assert listed(db_url, capsys) == [("laptop-1", spt_desktop.__version__)]
    # The laptop updated: its next token refresh names the new version.
    with Transport(live.url, version="0.2.0rc1") as updated:
        second = updated.refresh(first.refresh_token)
    assert listed(db_url, capsys) == [("laptop-1", "0.2.0rc1")]
    # A second laptop of hers, and requests that name no version or something that is
    # not one: the version noted stays as it was.
    with Transport(live.url, version="0.1.5") as other:
        other.login(login.model_copy(update={"device_name": "laptop-2"}))
    url = f"{live.url}{p.API_PREFIX}/auth/refresh"
    plain = httpx.post(url, json={"refresh_token": second.refresh_token})
    assert plain.status_code == 200
    odd = {p.CLIENT_VERSION_HEADER: "<b>1.0</b>"}
    assert (
        httpx.post(
            url, json={"refresh_token": plain.json()["refresh_token"]}, headers=odd
        ).status_code
        == 200
    )
    assert listed(db_url, capsys) == [("laptop-1", "0.2.0rc1"), ("laptop-2", "0.1.5")]


def test_a_device_of_schema_0013_upgrades_without_a_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from alembic import command
    from alembic.config import Config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0013")
    with engine.begin() as c:
        c.execute(
            sa.text(
                "INSERT INTO account (id, email, name, roles, spt, password_hash, active, "
                "created_at) VALUES ('a1', :e, 'Anna', 'loopbaancoach', 'spt_noord_holland', "
                "'x', 1, '2026-12-01 09:00:00')"
            ),
            {"e": EMAIL},
        )
        c.execute(
            sa.text(
                "INSERT INTO device (id, account_id, name, created_at) "
                "VALUES ('d1', 'a1', 'laptop-1', '2026-12-01 09:00:00')"
            )
        )
    upgrade(engine)  # what `spt-server init` does
    with Session(engine) as s:
        rows = setup.devices(s, email=EMAIL)
    engine.dispose()
    assert [(r["id"], r["app_version"]) for r in rows] == [("d1", None)]
    assert listed(url, capsys) == [("laptop-1", None)]
