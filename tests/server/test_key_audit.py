"""Creating and retiring a signing key are administration like any other: each leaves a
row in the server's audit log (``spt-server audit``) with the key's id, derived from the
key by a one-way hash, and never the key itself."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from spt_server import audit, security
from spt_server.cli import main
from tests.support.server_kit import Admin

# No signing key from the environment, before and after (conftest).
pytestmark = pytest.mark.usefixtures("no_signing_key_env")


def _rows(db_url: str) -> list[tuple[str, str, str, str | None]]:
    admin = Admin(db_url)
    try:
        with admin.session() as s:
            return [(r.action, r.target_kind, r.target_id, r.actor_id) for r in audit.entries(s)]
    finally:
        admin.close()


def test_a_new_and_a_retired_key_are_logged_by_their_ids_only(
    db_url: str, admin: Admin, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = tmp_path / "signing-keys.json"
    assert main(["signing-key", "new", "--db", db_url, "--file", str(keys)]) == 0
    (first,) = security.read_key_file(keys).keys
    assert _rows(db_url) == [("signing_key_new", "key", first.kid, None)]

    # Too early to retire anything: nothing happens, nothing is logged.
    assert main(["signing-key", "new", "--db", db_url, "--file", str(keys)]) == 0
    second = security.read_key_file(keys).keys[1]
    assert main(["signing-key", "retire", "--db", db_url, "--file", str(keys)]) == 0
    assert [r[0] for r in _rows(db_url)] == ["signing_key_new", "signing_key_new"]

    # The second key has signed for longer than a token lives: the first can go.
    long_ago = int(time.time()) - 3 * security.ACCESS_TTL
    ring = security.KeyRing(
        (
            security.SigningKey(first.secret, signs_from=long_ago - 60, added=long_ago - 60),
            security.SigningKey(second.secret, signs_from=long_ago, added=long_ago),
        ),
        "file",
    )
    security.write_key_file(keys, ring)
    assert main(["signing-key", "retire", "--db", db_url, "--file", str(keys)]) == 0
    assert [k.kid for k in security.read_key_file(keys).keys] == [second.kid]
    assert _rows(db_url) == [
        ("signing_key_new", "key", first.kid, None),
        ("signing_key_new", "key", second.kid, None),
        ("signing_key_retire", "key", first.kid, None),
    ]

    capsys.readouterr()
    assert main(["audit", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert len([json.loads(line) for line in out.splitlines()]) == 3
    for key in (first, second):  # no key material, in any spelling
        for spelling in (key.secret.hex(), security._b64(key.secret)):
            assert spelling not in out
            assert spelling.rstrip("=") not in out


def test_a_first_key_before_init_is_logged_and_puts_no_key_in_the_database(
    tmp_path: Path,
) -> None:
    """The deployment's order: a key file first, then ``init --signing-key-file``. The
    key command prepares the database for its audit row without making a database key."""
    url = f"sqlite:///{tmp_path / 'server.db'}"
    keys = tmp_path / "signing-keys.json"
    assert main(["signing-key", "new", "--db", url, "--file", str(keys)]) == 0
    (key,) = security.read_key_file(keys).keys
    assert _rows(url) == [("signing_key_new", "key", key.kid, None)]
    admin = Admin(url)
    try:
        with admin.session() as s:
            from spt_server.db import ServerSetting
            from spt_server.setup import SIGNING_KEY

            assert s.get(ServerSetting, SIGNING_KEY) is None
    finally:
        admin.close()
    assert main(["init", "--db", url, "--signing-key-file", str(keys)]) == 0


def test_an_unreachable_database_stops_the_command_before_the_key_file_changes(
    tmp_path: Path,
) -> None:
    keys = tmp_path / "signing-keys.json"
    url = "postgresql+psycopg://spt@127.0.0.1:1/nergens"
    assert main(["signing-key", "new", "--db", url, "--file", str(keys)]) != 0
    assert not keys.exists()
