"""Revocation that holds (issue 10 §1), on SQLite and PostgreSQL against a live server:

- a revoked device stays revoked: its login is refused, whatever it sends, and every
  endpoint its tokens reach answers ``device_revoked`` (403), so the client wipes;
- a deactivated account is refused at login and refresh, its devices are revoked, and
  reactivation lets the coach in again on a new device only;
- refresh tokens rotate in families: a token presented after it was rotated away revokes
  its family (not the device), is logged, and the coach logs in again;
- two refreshes racing with one token: at most one succeeds.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from spt_server import audit, cli, setup
from spt_server.db import Device
from tests.support.server_kit import PASSWORD, Admin, LiveServer, uid

API = "/api/v1"
EMAIL = "anna@spt.nl"


def client(live: LiveServer) -> httpx.Client:
    return httpx.Client(base_url=live.url + API, timeout=30)


def login(live: LiveServer, password: str = PASSWORD, **extra: Any) -> httpx.Response:
    with client(live) as http:
        return http.post("/auth/login", json={"email": EMAIL, "password": password, **extra})


def refresh(live: LiveServer, token: str) -> httpx.Response:
    with client(live) as http:
        return http.post("/auth/refresh", json={"refresh_token": token})


def code(r: httpx.Response) -> tuple[int, str]:
    return r.status_code, r.json()["detail"]["code"]


def authorised_calls(live: LiveServer, access: str) -> list[httpx.Response]:
    """One call to every endpoint that takes an access token."""
    auth = {"authorization": "Bearer " + access}
    with client(live) as http:
        return [
            http.get("/me", headers=auth),
            http.post("/sync", json={}, headers=auth),
            http.get(f"/records/candidate/{uid()}", headers=auth),
            http.get("/monitor", params={"start": "2026-01-01", "end": "2026-12-31"}, headers=auth),
        ]


def audit_rows(admin: Admin) -> list[tuple[str, str, str]]:
    with admin.session() as s:
        return [(r.action, r.target_kind, r.target_id) for r in audit.entries(s)]


def devices(admin: Admin) -> dict[str, bool]:
    """Every device: revoked or not."""
    with admin.session() as s:
        return {d.id: d.revoked_at is not None for d in s.scalars(sa.select(Device))}


# --- revoked devices -------------------------------------------------------------------


def test_a_revoked_device_cannot_log_in_again_whatever_it_sends(
    admin: Admin, live: LiveServer
) -> None:
    admin.add_coach(EMAIL)
    first = login(live).json()
    device = first["device_id"]
    admin.revoke(EMAIL)
    # Today the server quietly made a new device and the vault came back to life.
    assert code(login(live, device_id=device)) == (403, "device_revoked")
    assert code(login(live, "fout-wachtwoord", device_id=device)) == (403, "device_revoked")
    assert devices(admin) == {device: True}  # no new device was made for it
    # A new vault (no device id) is a new device: the coach on a re-issued laptop.
    fresh = login(live)
    assert fresh.status_code == 200 and fresh.json()["device_id"] != device


def test_every_endpoint_a_revoked_devices_tokens_reach_says_device_revoked(
    admin: Admin, live: LiveServer
) -> None:
    admin.add_coach(EMAIL)
    first = login(live).json()
    rotated = refresh(live, first["refresh_token"]).json()
    admin.revoke(EMAIL)
    for r in authorised_calls(live, rotated["access_token"]):
        assert code(r) == (403, "device_revoked"), r.request.url
    # The current refresh token and one rotated away: the client learns it is revoked.
    assert code(refresh(live, rotated["refresh_token"])) == (403, "device_revoked")
    assert code(refresh(live, first["refresh_token"])) == (403, "device_revoked")


# --- deactivated accounts ----------------------------------------------------------------


def test_deactivation_revokes_every_device_and_refuses_login_and_refresh(
    db_url: str, admin: Admin, live: LiveServer
) -> None:
    coach = admin.add_coach(EMAIL)
    one, two = login(live).json(), login(live).json()
    assert cli.main(["deactivate", "--db", db_url, "--email", EMAIL]) == 0
    assert devices(admin) == {one["device_id"]: True, two["device_id"]: True}
    for pair in (one, two):
        assert code(refresh(live, pair["refresh_token"])) == (403, "device_revoked")
        assert code(login(live, device_id=pair["device_id"])) == (403, "device_revoked")
        for r in authorised_calls(live, pair["access_token"]):
            assert code(r) == (403, "device_revoked")
    # A new vault: the right password is refused (and says why), a wrong one as ever.
    assert code(login(live)) == (403, "account_inactive")
    assert code(login(live, "fout-wachtwoord")) == (401, "bad_credentials")
    rows = audit_rows(admin)
    assert ("deactivate", "account", coach) in rows
    assert {r for r in rows if r[0] == "revoke_device"} == {
        ("revoke_device", "device", one["device_id"]),
        ("revoke_device", "device", two["device_id"]),
    }


def test_reactivation_lets_the_coach_in_on_a_new_device_only(
    db_url: str, admin: Admin, live: LiveServer
) -> None:
    coach = admin.add_coach(EMAIL)
    old = login(live).json()
    assert cli.main(["deactivate", "--db", db_url, "--email", EMAIL]) == 0
    assert cli.main(["reactivate", "--db", db_url, "--email", EMAIL]) == 0
    assert code(login(live, device_id=old["device_id"])) == (403, "device_revoked")
    assert code(refresh(live, old["refresh_token"])) == (403, "device_revoked")
    new = login(live)
    assert new.status_code == 200 and new.json()["device_id"] != old["device_id"]
    assert refresh(live, new.json()["refresh_token"]).status_code == 200
    assert ("reactivate", "account", coach) in audit_rows(admin)


def test_devices_lists_what_revoke_device_names(
    db_url: str, admin: Admin, live: LiveServer, capsys: pytest.CaptureFixture[str]
) -> None:
    admin.add_coach(EMAIL)
    one = login(live, device_name="laptop-1").json()["device_id"]
    two = login(live, device_name="laptop-2").json()["device_id"]
    assert cli.main(["revoke-device", "--db", db_url, "--device", one]) == 0
    capsys.readouterr()
    assert cli.main(["devices", "--db", db_url, "--email", EMAIL]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["id"], r["name"], r["revoked_at"] is not None) for r in rows] == [
        (one, "laptop-1", True),
        (two, "laptop-2", False),
    ]


def test_deactivating_an_unknown_address_is_a_usage_error(db_url: str, admin: Admin) -> None:
    assert cli.main(["deactivate", "--db", db_url, "--email", "niemand@spt.nl"]) == 2
    assert cli.main(["reactivate", "--db", db_url, "--email", "niemand@spt.nl"]) == 2
    assert audit_rows(admin) == []


# --- refresh token families ------------------------------------------------------------


def test_a_replayed_old_refresh_token_revokes_its_family_not_the_device(
    admin: Admin, live: LiveServer
) -> None:
    admin.add_coach(EMAIL)
    t1 = login(live).json()
    t2 = refresh(live, t1["refresh_token"]).json()
    t3 = refresh(live, t2["refresh_token"]).json()  # the real device's current token
    # An attacker replays an old token: refused, and the family is revoked, so neither
    # the attacker nor anyone holding a token of it can go on.
    assert code(refresh(live, t1["refresh_token"])) == (401, "token_reused")
    assert code(refresh(live, t3["refresh_token"])) == (401, "token_reused")
    assert code(refresh(live, t2["refresh_token"])) == (401, "token_reused")
    for r in authorised_calls(live, t3["access_token"]):
        assert code(r)[0] == 401  # the family's access tokens end with it
    device = t1["device_id"]
    assert devices(admin) == {device: False}  # the device is not revoked
    assert [r for r in audit_rows(admin) if r[0] == "refresh_reuse"] == [
        ("refresh_reuse", "device", device)
    ]  # logged once, however often the dead family is presented
    # The coach logs in again with her password: same device, a new family.
    again = login(live, device_id=device).json()
    assert again["device_id"] == device
    assert refresh(live, again["refresh_token"]).status_code == 200
    assert refresh(live, t3["refresh_token"]).status_code == 401  # the old family is gone


def test_the_previous_token_replayed_after_a_rotation_revokes_the_family(
    admin: Admin, live: LiveServer
) -> None:
    """Today the token just rotated away was answered again and the real device's new
    token died: whoever replayed it took over the session silently."""
    admin.add_coach(EMAIL)
    t1 = login(live).json()
    t2 = refresh(live, t1["refresh_token"]).json()
    assert code(refresh(live, t1["refresh_token"])) == (401, "token_reused")
    assert code(refresh(live, t2["refresh_token"])) == (401, "token_reused")


def test_a_new_login_ends_the_devices_previous_family(admin: Admin, live: LiveServer) -> None:
    admin.add_coach(EMAIL)
    first = login(live).json()
    second = login(live, device_id=first["device_id"]).json()
    assert second["device_id"] == first["device_id"]
    assert refresh(live, first["refresh_token"]).status_code == 401
    assert refresh(live, second["refresh_token"]).status_code == 200
    assert [r for r in audit_rows(admin) if r[0] == "refresh_reuse"] == []


def test_two_refreshes_with_one_token_at_once_at_most_one_succeeds(
    admin: Admin, live: LiveServer
) -> None:
    admin.add_coach(EMAIL)
    token = login(live).json()["refresh_token"]
    n = 6
    start = threading.Barrier(n)
    answers: list[int] = []

    def race() -> None:
        with client(live) as http:
            http.get("/health")  # connected before the start
            start.wait()
            answers.append(http.post("/auth/refresh", json={"refresh_token": token}).status_code)

    threads = [threading.Thread(target=race) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == n
    assert answers.count(200) <= 1
    assert set(answers) <= {200, 401}, answers  # refused, never a server error


def test_each_act_is_logged_once_and_a_repeat_changes_nothing(admin: Admin) -> None:
    coach = admin.add_coach(EMAIL)
    for act in ("reactivate", "deactivate", "deactivate", "reactivate", "reactivate"):
        with admin.session() as s, s.begin():
            getattr(setup, act)(s, email=EMAIL.upper())
    assert audit_rows(admin) == [("deactivate", "account", coach), ("reactivate", "account", coach)]


def test_a_device_logged_in_before_token_families_stays_logged_in(
    db_url: str, admin: Admin
) -> None:
    """Migration 0004 moves each device's tokens into a family of its own (and back)."""
    from alembic import command
    from alembic.config import Config

    from spt_server import security
    from spt_server.db import make_engine
    from spt_server.setup import MIGRATIONS, upgrade

    coach = admin.add_coach(EMAIL)
    engine = make_engine(db_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    current, previous = "nieuw-" + uid(), "oud-" + uid()
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO device (id, account_id, name, refresh_hash, previous_hash, "
                "refresh_expires, created_at) VALUES (:id, :a, 'laptop', :r, :p, :x, :c)"
            ),
            {
                "id": uid(),
                "a": coach,
                "r": security.token_hash(current),
                "p": security.token_hash(previous),
                "x": datetime(2099, 1, 1),
                "c": datetime(2026, 11, 1),
            },
        )
    upgrade(engine)
    engine.dispose()
    live = LiveServer(db_url).start()
    try:
        assert refresh(live, current).status_code == 200
        assert code(refresh(live, previous)) == (401, "token_reused")
    finally:
        live.stop()
