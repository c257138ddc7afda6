"""The vault's files on disk: no plaintext in any of them, no stray files anywhere, and
every bad input refused with one clear error that changes no byte of any file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa

from spt_desktop.cli import messages as cli
from spt_desktop.models import Candidate
from spt_desktop.models.errors import VaultDamaged, VaultError
from spt_desktop.models.vault import Vault

from .conftest import (
    FAST_KDF,
    NEW_PASSPHRASE,
    PASSPHRASE,
    PROJECT_ROOT,
    VAULT_NAME,
    DamageCase,
    Scene,
    files_containing,
    folder_state,
    new_marker,
    recovery_input,
    write_marked,
)


def open_fds_under(folder: Path) -> list[str]:
    """This process's open file descriptors on files in ``folder``."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder) + os.sep):
            found.append(target)
    return found


# --- no plaintext -----------------------------------------------------------------------


def test_the_marker_search_would_see_plaintext(tmp_path: Path) -> None:
    """The check below is only worth something if it finds a marker stored in the clear."""
    marker = new_marker()
    conn = sqlite3.connect(tmp_path / "plain.db")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (f"Gesprek met {marker}",))
    conn.commit()
    conn.close()
    assert files_containing(tmp_path, marker) == ["plain.db"]


def test_no_plaintext_in_any_vault_file_open_or_locked(tmp_path: Path) -> None:
    from spt_desktop.services import Services

    marker = new_marker()
    vault, _ = Vault.create(tmp_path / VAULT_NAME, PASSPHRASE, kdf=FAST_KDF)
    try:
        ids = write_marked(vault, marker, candidates=8)
        # The marker really is in the vault, in the tables and in the full-text index.
        assert {r.id for r in Services(vault).queries.search(marker)} >= set(ids)
        # Open, with the recent writes still in the WAL (not yet checkpointed).
        names = {p.name for p in tmp_path.iterdir()}
        assert names == {VAULT_NAME, f"{VAULT_NAME}.key", f"{VAULT_NAME}-wal", f"{VAULT_NAME}-shm"}
        assert (tmp_path / f"{VAULT_NAME}-wal").stat().st_size > 0
        assert files_containing(tmp_path, marker) == []
    finally:
        vault.lock()
    assert sorted(p.name for p in tmp_path.iterdir()) == [VAULT_NAME, f"{VAULT_NAME}.key"]
    assert files_containing(tmp_path, marker) == []


CHILD = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    from tests.integration.conftest import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE, write_marked
    from spt_desktop.models.vault import Vault
    import sqlcipher3.dbapi2 as sqlcipher

    folder, tmp, marker = Path(sys.argv[1]), sys.argv[2], sys.argv[3]

    def temp_fds():
        found = []
        for fd in os.listdir("/proc/self/fd"):
            try:
                link = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue
            if link.startswith(tmp) or "etilqs" in link:
                found.append(link)
        return found

    def report(stage, **more):
        print(json.dumps({"stage": stage, "temp_fds": temp_fds(), **more}), flush=True)
        sys.stdin.readline()

    vault, _ = Vault.create(folder / "coach.spt", PASSPHRASE, kdf=FAST_KDF)
    write_marked(vault, marker, candidates=10)
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    with vault.engine.connect() as c:
        # A sort far larger than the page cache: SQLite spills it to a temp file unless
        # temp storage is in memory. The cursor stays open, the sorter with it.
        big = c.exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000)"
            " SELECT i, hex(randomblob(40)) || c.first_name AS h"
            " FROM n, (SELECT first_name FROM candidate LIMIT 1) AS c ORDER BY h"
        )
        big.fetchone()
        c.exec_driver_sql("CREATE TEMP TABLE scratch AS SELECT * FROM candidate")
        report("open")
        big.close()
    vault.lock()
    report("locked")

    # The control: a connection that does keep temp data in files shows up in this check.
    ctl = sqlcipher.connect(os.path.join(sys.argv[4], "control.db"))
    ctl.execute("PRAGMA key = 'x'")
    ctl.execute("PRAGMA temp_store = FILE")
    cur = ctl.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000)"
        " SELECT hex(randomblob(40)) AS h FROM n ORDER BY h"
    )
    cur.fetchone()
    report("control")
    """
)


def test_no_file_but_the_vaults_own_appears_anywhere(tmp_path: Path) -> None:
    folder, tmp, control = tmp_path / "kluis", tmp_path / "tmp", tmp_path / "control"
    for d in (folder, tmp, control):
        d.mkdir()
    marker = new_marker()
    env = {**os.environ, "TMPDIR": str(tmp), "SQLITE_TMPDIR": str(tmp)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), str(tmp), marker, str(control)],
        cwd=PROJECT_ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        stages = {}
        for expected_files in (
            {VAULT_NAME, f"{VAULT_NAME}.key", f"{VAULT_NAME}-wal", f"{VAULT_NAME}-shm"},
            {VAULT_NAME, f"{VAULT_NAME}.key"},
            {VAULT_NAME, f"{VAULT_NAME}.key"},
        ):
            line = child.stdout.readline()
            assert line, "the child died"
            stage = json.loads(line)
            stages[stage["stage"]] = stage
            assert {p.name for p in folder.iterdir()} == expected_files, stage["stage"]
            assert list(tmp.iterdir()) == [], stage["stage"]
            assert files_containing(folder, marker) == []
            child.stdin.write("\n")
            child.stdin.flush()
        assert child.wait() == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert stages["open"]["temp_fds"] == []
    assert stages["locked"]["temp_fds"] == []
    # Without in-memory temp storage the same check does see the spilled sort.
    assert any(str(tmp) in fd for fd in stages["control"]["temp_fds"])


# --- bad input --------------------------------------------------------------------------


def _attempt(case: DamageCase, scene: Scene, vault: Vault) -> None:
    if case.how == "passphrase":
        vault.unlock(case.passphrase)
    else:
        vault.unlock_with_recovery_key(recovery_input(case, scene.template), NEW_PASSPHRASE)


def test_bad_input_gives_one_clear_error_and_changes_no_byte(
    damage_case: DamageCase, scene: Scene, locked_vaults: list[Vault]
) -> None:
    damage_case.make(scene)
    before, other_before = folder_state(scene.folder), folder_state(scene.other)
    vault = Vault(scene.path)
    locked_vaults.append(vault)

    with pytest.raises(VaultError) as err:
        _attempt(damage_case, scene, vault)

    assert type(err.value) is damage_case.error
    assert cli.exit_code(err.value) == damage_case.exit_code
    for fragment in damage_case.says:
        assert fragment in cli.text(err.value)
    assert scene.template.marker.lower() not in cli.text(err.value).lower()
    assert not vault.is_unlocked
    assert open_fds_under(scene.folder) == []
    # Same names and same bytes: nothing written, nothing left behind.
    assert folder_state(scene.folder) == before
    assert folder_state(scene.other) == other_before


def test_tampered_page_in_the_middle_is_found_by_the_check(
    scene: Scene, locked_vaults: list[Vault]
) -> None:
    t = scene.template
    # Not the middle of the file: the schema grows with every migration, and its pages
    # (read at every unlock) end up anywhere. The notes' page holds data only.
    page = t.note_page
    assert page not in (1, t.setting_page, t.candidate_page)
    scene.flip_page(page)
    before = folder_state(scene.folder)
    vault = Vault(scene.path)
    locked_vaults.append(vault)

    vault.unlock(PASSPHRASE)  # unlock reads a few pages only; the check reads them all
    problems = vault.integrity_problems()
    vault.lock()

    assert f"HMAC verification failed for page {page}" in problems
    assert open_fds_under(scene.folder) == []
    assert folder_state(scene.folder) == before


def test_reading_a_tampered_page_gives_vault_damaged(
    scene: Scene, locked_vaults: list[Vault]
) -> None:
    scene.flip_page(scene.template.candidate_page)
    before = folder_state(scene.folder)
    vault = Vault(scene.path)
    locked_vaults.append(vault)
    vault.unlock(PASSPHRASE)

    with pytest.raises(VaultDamaged) as err, vault.transaction() as s:
        s.scalars(sa.select(Candidate)).all()
    assert "back-up" in cli.text(err.value)
    assert vault.integrity_problems() != []
    vault.lock()
    assert folder_state(scene.folder) == before


def test_the_damaged_vault_opens_again_once_restored(
    scene: Scene, locked_vaults: list[Vault]
) -> None:
    """Nothing a failed unlock did stays behind: the restored file opens as before."""
    good = scene.path.read_bytes()
    scene.flip_page(1)
    vault = Vault(scene.path)
    locked_vaults.append(vault)
    with pytest.raises(VaultError):
        vault.unlock(PASSPHRASE)
    scene.path.write_bytes(good)
    vault.unlock(PASSPHRASE)
    assert vault.integrity_problems() == []
    with vault.transaction() as s:
        count = s.scalar(sa.select(sa.func.count()).select_from(Candidate))
    assert count == 40
