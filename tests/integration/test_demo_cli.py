"""`spt-desktop demo` as a real process: creates or unlocks a vault, fills it, prints
counts, and maps every failure to one Dutch line and its exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from spt_desktop.models.keyfile import KdfParams
from spt_desktop.models.vault import Vault

PASSPHRASE = "demo kluis voor de cursus"
FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)


def run(*args: str, passphrase: str | None = PASSPHRASE) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPT_")}
    if passphrase is not None:
        env["SPT_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "spt_desktop", "demo", *args],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=300,
    )  # fmt: skip


def counts(stdout: str) -> dict[str, int]:
    out = {}
    for line in stdout.splitlines():
        label, _, number = line.strip().rpartition(" ")
        if number.isdigit():
            out[label.strip()] = int(number)
    return out


def test_demo_creates_a_vault_and_is_reproducible(tmp_path: Path) -> None:
    a, b = tmp_path / "a.sptvault", tmp_path / "b.sptvault"
    first = run("--vault", str(a), "--candidates", "60", "--seed", "4", "--today", "2026-11-30")
    assert first.returncode == 0, first.stderr
    assert "Herstelsleutel" in first.stdout and "Traceback" not in first.stderr
    got = counts(first.stdout)
    assert got["kandidaten"] == 60 and got["werkplekbezoeken"] > 0
    assert got["totaal"] == sum(v for k, v in got.items() if k != "totaal")

    second = run("--vault", str(b), "--candidates", "60", "--seed", "4", "--today", "2026-11-30")
    assert counts(second.stdout) == got

    vault = Vault(a)
    vault.unlock(PASSPHRASE)
    try:
        assert vault.integrity_problems() == []
        with vault.engine.connect() as c:
            n = c.exec_driver_sql("SELECT count(*) FROM candidate").scalar()
            roles = c.exec_driver_sql(
                "SELECT roles FROM coach WHERE id = ?", (vault.owner_id,)
            ).scalar()
        assert n == 60 and roles == "loopbaancoach,arbeidsmarktcoach,jobcoach"
    finally:
        vault.lock()


def test_demo_fills_an_existing_vault(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "bestaand.sptvault", PASSPHRASE, kdf=FAST_KDF)
    path = str(vault.path)
    vault.lock()
    done = run("--vault", path, "--candidates", "15")
    assert done.returncode == 0, done.stderr
    assert "Herstelsleutel" not in done.stdout
    assert counts(done.stdout)["kandidaten"] == 15


@pytest.mark.parametrize(
    ("args", "passphrase", "code", "says"),
    [
        (["--candidates", "0"], PASSPHRASE, 2, "--candidates"),
        (["--candidates", "tien"], PASSPHRASE, 2, "ongeldige waarde (int)"),
        (["--candidates", "5", "--today", "30-11-2026"], PASSPHRASE, 2, "--today"),
        (["--candidates", "5"], "dit is niet de wachtwoordzin", 3, "wachtwoordzin klopt niet"),
        (["--candidates", "5"], None, 2, "SPT_PASSPHRASE"),
    ],
)
def test_demo_errors_have_exit_codes(  # type: ignore[no-untyped-def]
    tmp_path: Path, args, passphrase, code, says
) -> None:
    vault, _ = Vault.create(tmp_path / "kluis.sptvault", PASSPHRASE, kdf=FAST_KDF)
    path = str(vault.path)
    vault.lock()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = run("--vault", path, *args, passphrase=passphrase)
    assert result.returncode == code, result.stderr
    assert says in result.stderr and "Traceback" not in result.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_demo_on_a_missing_key_file_says_so(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "kluis.sptvault", PASSPHRASE, kdf=FAST_KDF)
    vault.lock()
    vault.key_path.unlink()
    result = run("--vault", str(vault.path), "--candidates", "5")
    assert result.returncode == 1
    assert "sleutelbestand" in result.stderr.lower() and "Traceback" not in result.stderr
