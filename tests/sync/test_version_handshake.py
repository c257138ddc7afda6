"""The version handshake (issue 17 §1): every request names the app's version and
protocol; the server, configured with a minimum (and a recommended) client version,
answers ok, "update recommended" or "update required". An old client is told to update,
keeps its offline work, and the updated app syncs it. Real parts: the SPT server under
uvicorn on 127.0.0.1, ``spt-desktop`` in its own process, real vault files."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

import spt_desktop
from spt_common import protocol as p
from spt_desktop.cli.messages import TOO_NEW
from spt_desktop.models.vault import Vault
from spt_server import cli as server_cli
from tests.support.server_kit import (
    PASSPHRASE,
    PASSWORD,
    Admin,
    LiveServer,
    add_candidate,
    add_note,
    count,
    edit,
    local_rows,
    make_vault,
)
from tests.support.tls_kit import desktop

OLD = "0.0.9"  # a build still on some laptop
CURRENT = spt_desktop.__version__


@pytest.fixture
def versions(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The server's version settings, as the environment gives them (none at first:
    empty). Set, not deleted: ``spt-server serve`` writes them into the environment
    itself, and monkeypatch restores only what it set."""
    monkeypatch.setenv(p.MIN_CLIENT_VERSION_ENV, "")
    monkeypatch.setenv(p.RECOMMENDED_CLIENT_VERSION_ENV, "")
    return monkeypatch


@pytest.fixture
def anna(admin: Admin) -> str:
    return admin.add_coach("anna@spt.nl")


def ask(url: str, version: str | None, protocol: str | None = None) -> httpx.Response:
    """A login as a client of ``version`` sends it (None: a client from before the
    handshake, which sends no version)."""
    headers = {}
    if version is not None:
        headers[p.CLIENT_VERSION_HEADER] = version
    if protocol is not None:
        headers[p.PROTOCOL_HEADER] = protocol
    body = {"email": "anna@spt.nl", "password": PASSWORD}
    return httpx.post(f"{url}{p.API_PREFIX}/auth/login", json=body, headers=headers)


def test_parse_version_orders_versions_as_numbers() -> None:
    assert p.parse_version("0.10.0") == (0, 10) > p.parse_version("0.9.3") == (0, 9, 3)
    assert p.parse_version("1") == p.parse_version("1.0.0") == (1,)
    for bad in ("", "v1.2", "1.2.3rc1", "1..2", "01.2", "1.2.3.4.5", "1.2 beta"):
        assert p.parse_version(bad) is None, bad


def test_the_server_answers_ok_recommended_or_required(
    versions: pytest.MonkeyPatch, db_url: str, anna: str
) -> None:
    versions.setenv(p.MIN_CLIENT_VERSION_ENV, "0.1")
    versions.setenv(p.RECOMMENDED_CLIENT_VERSION_ENV, "0.3.0")
    live = LiveServer(db_url).start()
    try:
        # Older than the minimum, or no version at all (a client from before the
        # handshake): 426, the code, and the version asked for. The login did not happen.
        for version in (OLD, None, "nonsense"):
            refused = ask(live.url, version)
            assert refused.status_code == p.UPDATE_REQUIRED_STATUS == 426, version
            assert refused.json()["detail"]["code"] == p.ERR_UPDATE_REQUIRED
            assert refused.headers[p.UPDATE_HEADER] == p.UPDATE_REQUIRED
            assert refused.headers[p.MIN_VERSION_HEADER] == "0.1.0"
        # At least the minimum, older than the recommended: served, with the advice.
        advised = ask(live.url, "0.1.0", "1")
        assert advised.status_code == 200
        assert advised.headers[p.UPDATE_HEADER] == p.UPDATE_RECOMMENDED
        assert ask(live.url, "0.2.9").headers[p.UPDATE_HEADER] == p.UPDATE_RECOMMENDED
        # Up to date: served, nothing said.
        current = ask(live.url, "0.3", "1")
        assert current.status_code == 200 and p.UPDATE_HEADER not in current.headers
        # A protocol older than the server speaks is refused whatever the version.
        assert ask(live.url, "9.0.0", "0").status_code == 426
        # A big batch from an old app (days offline) gets the 426 too, read to its end
        # first: not a reset halfway that the app would take for the network.
        big = httpx.post(
            f"{live.url}{p.API_PREFIX}/sync",
            content=b"[" + b"0," * 2_000_000 + b"0]",
            headers={p.CLIENT_VERSION_HEADER: OLD, "content-type": "application/json"},
        )
        assert big.status_code == 426
        # /health answers anyone (monitoring, the load balancer).
        health = httpx.get(f"{live.url}{p.API_PREFIX}/health")
        assert health.status_code == 200 and health.json()["protocol"] == p.PROTOCOL_VERSION
    finally:
        live.stop()


def test_without_a_minimum_every_version_is_served(
    versions: pytest.MonkeyPatch, live: LiveServer, anna: str
) -> None:
    for version in (OLD, None, "nonsense"):
        answer = ask(live.url, version)
        assert answer.status_code == 200 and p.UPDATE_HEADER not in answer.headers


def test_serve_refuses_a_version_setting_that_is_no_version(
    versions: pytest.MonkeyPatch, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo must stop the server, not let every old app through."""
    code = server_cli.main(["serve", "--db", db_url, "--min-client-version", "0,2"])
    assert code == server_cli.USAGE
    assert "SPT_MIN_CLIENT_VERSION='0,2' is geen versie" in capsys.readouterr().err


def unsynced(path: Path) -> int:
    vault = Vault(path)
    vault.unlock(PASSPHRASE)
    try:
        return count(vault, "outbox")
    finally:
        vault.lock()


def test_an_old_app_is_told_to_update_keeps_its_work_and_the_new_one_syncs_it(
    tmp_path: Path, versions: pytest.MonkeyPatch, db_url: str, admin: Admin, anna: str
) -> None:
    live = LiveServer(db_url).start()
    path = tmp_path / "anna.sptvault"
    make_vault(path).lock()
    try:
        # The laptop was linked while every version was welcome.
        login = desktop(
            "login", "--vault", str(path), "--server", live.url, "--email", "anna@spt.nl"
        )
        assert login.returncode == 0, login.stderr

        # IT raises the minimum to this release; the laptop still runs an old build.
        versions.setenv(p.MIN_CLIENT_VERSION_ENV, CURRENT)
        live.restart()
        vault = Vault(path)
        vault.unlock(PASSPHRASE)
        kim = add_candidate(vault)  # offline work
        vault.lock()
        waiting = unsynced(path)

        old = desktop("sync", "--vault", str(path), version=OLD)
        assert old.returncode == TOO_NEW == 5, old.stderr
        assert f"minstens {CURRENT}, deze laptop heeft {OLD}" in old.stderr
        assert "gewoon doorwerken" in old.stderr and "Er is niets verloren" in old.stderr
        assert "Traceback" not in old.stderr
        assert unsynced(path) == waiting
        assert admin.stats()["candidates"] == 0

        # She works on offline; the old app still refuses to sync, and loses nothing.
        vault.unlock(PASSPHRASE)
        add_note(vault, kim, "Gesprek over de opleiding")
        vault.lock()
        again = desktop("sync", "--vault", str(path), version=OLD)
        assert again.returncode == TOO_NEW
        assert unsynced(path) > waiting

        # The app is updated (the same vault file, the current build): everything goes.
        new = desktop("sync", "--vault", str(path), "--json")
        assert new.returncode == 0, new.stderr
        report = json.loads(new.stdout)
        assert report["update"] is None and report["pushed"] >= 2
        assert unsynced(path) == 0
        stats = admin.stats()
        assert (stats["candidates"], stats["notes"]) == (1, 1)
    finally:
        live.stop()


def test_an_app_older_than_recommended_syncs_and_is_told_calmly(
    tmp_path: Path, versions: pytest.MonkeyPatch, db_url: str, admin: Admin, anna: str
) -> None:
    versions.setenv(p.RECOMMENDED_CLIENT_VERSION_ENV, "99.0")
    live = LiveServer(db_url).start()
    path = tmp_path / "anna.sptvault"
    vault = make_vault(path)
    add_candidate(vault)
    vault.lock()
    try:
        login = desktop(
            "login", "--vault", str(path), "--server", live.url, "--email", "anna@spt.nl"
        )
        assert login.returncode == 0, login.stderr
        synced = desktop("sync", "--vault", str(path))
        assert synced.returncode == 0, synced.stderr
        lines = synced.stdout.splitlines()
        assert lines[0].startswith("Verstuurd: ")
        assert lines[1].startswith("Er is een nieuwere versie van SPT Desktop")
        assert admin.stats()["candidates"] == 1
        as_json = desktop("sync", "--vault", str(path), "--json")
        assert json.loads(as_json.stdout)["update"] == p.UPDATE_RECOMMENDED
    finally:
        live.stop()


@pytest.mark.parametrize("why", ["offline", "update_required"])
def test_an_edit_made_while_the_batch_waits_goes_with_it_and_meets_no_conflict(
    tmp_path: Path, versions: pytest.MonkeyPatch, db_url: str, admin: Admin, anna: str, why: str
) -> None:
    """The batch a failed sync built waits for the next one; an edit of the same record
    made meanwhile goes after it. It builds on her own push, so it is no conflict (it was
    one, "met die van een collega", and the vault showed her older value)."""
    from spt_desktop.sync import engine
    from spt_desktop.sync.transport import Transport, Unreachable, UpdateRequired

    live = LiveServer(db_url).start()
    vault = make_vault(tmp_path / "anna.sptvault")
    try:
        engine.login(vault, live.url, "anna@spt.nl", PASSWORD)
        kim = add_candidate(vault)
        refusal: type[Exception]
        if why == "offline":
            live.stop()
            refusal, old = Unreachable, Transport(live.url, retries=0)
        else:
            versions.setenv(p.MIN_CLIENT_VERSION_ENV, CURRENT)
            live.restart()
            refusal, old = UpdateRequired, Transport(live.url, version=OLD)
        with old, pytest.raises(refusal):
            engine.sync(vault, transport=old)
        edit(vault, "candidate", kim, municipality="Den Helder")

        if why == "offline":
            live.start()
        with Transport(live.url) as new:
            report = engine.sync(vault, transport=new)
        assert report.conflicts == 0
        assert local_rows(vault, "candidate")[kim]["municipality"] == "Den Helder"
        assert admin.records()[kim]["municipality"] == "Den Helder"
        assert count(vault, "outbox") == 0
    finally:
        vault.lock()
        live.stop()
