"""On the command line too, a demo vault and a server never meet (product decision,
2026-12-05): `spt-desktop login` and `sync` refuse a vault `spt-desktop demo` filled,
before asking the password or sending anything, and `spt-desktop demo` refuses a vault
that is linked to a server, before adding anyone. Before, both went ahead."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server_kit import PASSPHRASE, PASSWORD

REFUSED = "Dit is een oefenkluis met verzonnen gegevens; die wordt niet aan een server gekoppeld."
INTO_LINKED = "Deze kluis is gekoppeld aan een server; daar komen geen verzonnen demogegevens"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPT_")}
    env["SPT_PASSPHRASE"] = PASSPHRASE
    env["SPT_PASSWORD"] = PASSWORD
    return subprocess.run(
        [sys.executable, "-m", "spt_desktop", *args],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=300,
    )  # fmt: skip


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[object, str]]:
    pytest.importorskip("uvicorn")
    from tests.support.server_kit import Admin, LiveServer, make_db

    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("anna@spt.nl")
    server = LiveServer(url).start()
    yield admin, server.url
    server.stop()
    admin.close()


def test_login_and_sync_refuse_a_demo_vault(tmp_path: Path, live) -> None:  # type: ignore[no-untyped-def]
    admin, url = live
    before = admin.records()
    path = str(tmp_path / "demo.sptvault")
    made = run("demo", "--vault", path, "--candidates", "3", "--today", "2026-11-30")
    assert made.returncode == 0, made.stderr

    login = run("login", "--vault", path, "--server", url, "--email", "anna@spt.nl")
    assert login.returncode != 0
    assert REFUSED in login.stderr and "Traceback" not in login.stderr, login.stderr
    sync = run("sync", "--vault", path)
    assert sync.returncode != 0
    assert REFUSED in sync.stderr, sync.stderr
    assert admin.records() == before  # nothing reached the server

    from spt_desktop.models.vault import Vault
    from spt_desktop.services.demo_mark import LINK_KEYS

    vault = Vault(Path(path))
    vault.unlock(PASSPHRASE)
    try:
        with vault.engine.connect() as c:
            marks = ", ".join("?" * len(LINK_KEYS))
            stored = c.exec_driver_sql(
                f"SELECT count(*) FROM setting WHERE key IN ({marks})", LINK_KEYS
            ).scalar()
        assert stored == 0
    finally:
        vault.lock()


def test_demo_refuses_a_linked_vault(tmp_path: Path, live) -> None:  # type: ignore[no-untyped-def]
    from tests.support.server_kit import bound

    _admin, url = live
    vault = bound(tmp_path, "anna", url)
    path = str(vault.path)
    vault.lock()
    refused = run("demo", "--vault", path, "--candidates", "3")
    assert refused.returncode != 0
    assert INTO_LINKED in refused.stderr and "Traceback" not in refused.stderr, refused.stderr

    from spt_desktop.models.vault import Vault

    again = Vault(Path(path))
    again.unlock(PASSPHRASE)
    try:
        with again.engine.connect() as c:
            n = c.exec_driver_sql("SELECT count(*) FROM candidate").scalar()
            mark = c.exec_driver_sql(
                "SELECT count(*) FROM setting WHERE key = 'demo.made_up_people'"
            ).scalar()
        assert n == 0 and mark == 0
    finally:
        again.lock()
