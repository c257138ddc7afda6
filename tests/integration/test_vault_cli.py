"""`spt-desktop vault create|check|passwd|recover`, run as a real subprocess: exit codes,
one Dutch line on stderr for every failure, never a traceback, never a secret."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from spt_common.enums import Role, Spt
from spt_desktop.models import Coach, keyfile
from spt_desktop.models.errors import WrongPassphrase
from spt_desktop.models.vault import Vault

from .conftest import (
    FAST_KDF,
    NEW_PASSPHRASE,
    PASSPHRASE,
    PROJECT_ROOT,
    VAULT_NAME,
    DamageCase,
    Scene,
    folder_state,
    recovery_input,
)

RunCli = Callable[..., subprocess.CompletedProcess[str]]
RECOVERY_PATTERN = re.compile(r"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){13}\b")


def assert_one_error_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    """The failure is reported as exactly one line on stderr, and nothing else."""
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("spt-desktop: ")
    assert result.stdout == ""
    return lines[0]


def assert_no_secrets(result: subprocess.CompletedProcess[str], *secrets: str) -> None:
    output = result.stdout + result.stderr
    for secret in secrets:
        assert secret not in output
        assert secret.lower() not in output.lower()


# --- create -----------------------------------------------------------------------------


def test_create_shows_the_recovery_key_once(tmp_path: Path, run_cli: RunCli) -> None:
    path = tmp_path / VAULT_NAME
    result = run_cli(
        "vault", "create", "--vault", str(path),
        "--name", "Anna de Vries", "--email", "anna@example.nl",
        "--role", "jobcoach", "--role", "arbeidsmarktcoach", "--spt", "spt_midden",
        env={"SPT_PASSPHRASE": PASSPHRASE},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    keys = RECOVERY_PATTERN.findall(result.stdout)
    assert len(keys) == 1
    assert "herstelsleutel" in result.stdout and "één keer" in result.stdout
    assert_no_secrets(result, PASSPHRASE)
    assert sorted(p.name for p in tmp_path.iterdir()) == [VAULT_NAME, f"{VAULT_NAME}.key"]

    vault = Vault(path)
    vault.unlock(PASSPHRASE)
    with vault.transaction() as s:
        owner = s.get_one(Coach, vault.owner_id)
        assert (owner.name, owner.email, owner.spt) == (
            "Anna de Vries",
            "anna@example.nl",
            Spt.MIDDEN,
        )
        assert owner.role_set() == {Role.JOBCOACH, Role.ARBEIDSMARKTCOACH}
    vault.lock()
    vault.unlock_with_recovery_key(keys[0])
    vault.lock()
    assert keyfile.read_header(vault.key_path).kdf == keyfile.DEFAULT_KDF


@pytest.mark.parametrize(
    ("env", "extra", "code", "says"),
    [
        ({"SPT_PASSPHRASE": "kort"}, [], 2, "minstens"),
        # Long enough, but the wizard's meter calls it weak: one rule everywhere.
        ({"SPT_PASSPHRASE": "aaaaaaaaaaaa"}, [], 2, "te zwak"),
        ({}, [], 2, "SPT_PASSPHRASE is niet gezet"),
    ],
    ids=["weak-passphrase", "repeated-characters", "no-passphrase-no-terminal"],
)
def test_create_refuses_and_leaves_nothing(
    tmp_path: Path, run_cli: RunCli, env: dict[str, str], extra: list[str], code: int, says: str
) -> None:
    result = run_cli("vault", "create", "--vault", str(tmp_path / VAULT_NAME), *extra, env=env)
    assert says in assert_one_error_line(result, code)
    assert list(tmp_path.iterdir()) == []


def test_create_never_overwrites(scene: Scene, run_cli: RunCli) -> None:
    before = folder_state(scene.folder)
    result = run_cli(
        "vault", "create", "--vault", str(scene.path), env={"SPT_PASSPHRASE": NEW_PASSPHRASE}
    )
    assert "Er staat al een kluis" in assert_one_error_line(result, 1)
    assert folder_state(scene.folder) == before


def test_usage_errors_exit_2(tmp_path: Path, run_cli: RunCli) -> None:
    for args in (
        ["vault", "create", "--vault", str(tmp_path / "x"), "--role", "directeur"],
        ["vault", "check"],
        ["vault", "bestaat-niet"],
    ):
        result = run_cli(*args, env={"SPT_PASSPHRASE": PASSPHRASE})
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


# --- check ------------------------------------------------------------------------------


def test_check_a_healthy_vault(scene: Scene, run_cli: RunCli) -> None:
    before = folder_state(scene.folder)
    env = {"SPT_PASSPHRASE": PASSPHRASE}
    text = run_cli("vault", "check", "--vault", str(scene.path), env=env)
    assert text.returncode == 0, text.stderr
    assert "Controle: in orde" in text.stdout
    assert re.search(r"^  candidate\s+40$", text.stdout, re.MULTILINE)

    as_json = run_cli("vault", "check", "--vault", str(scene.path), "--json", env=env)
    assert as_json.returncode == 0, as_json.stderr
    report = json.loads(as_json.stdout)
    assert report["ok"] is True and report["problems"] == []
    assert report["counts"]["candidate"] == 40
    assert report["counts"]["visit"] == 40
    assert report["schema"] and report["sqlcipher"].startswith("4.")
    for result in (text, as_json):
        assert_no_secrets(result, PASSPHRASE, scene.template.recovery, scene.template.marker)
    assert folder_state(scene.folder) == before


def test_check_finds_a_tampered_page(scene: Scene, run_cli: RunCli) -> None:
    page = scene.template.note_page  # a data page unlock does not read
    scene.flip_page(page)
    before = folder_state(scene.folder)
    env = {"SPT_PASSPHRASE": PASSPHRASE}

    text = run_cli("vault", "check", "--vault", str(scene.path), env=env)
    assert text.returncode == 1
    assert "NIET IN ORDE" in text.stdout and "back-up" in text.stdout
    assert "Traceback" not in text.stderr
    as_json = run_cli("vault", "check", "--vault", str(scene.path), "--json", env=env)
    assert as_json.returncode == 1
    report = json.loads(as_json.stdout)
    assert report["ok"] is False
    assert f"HMAC verification failed for page {page}" in report["problems"]
    assert folder_state(scene.folder) == before


def test_bad_input_through_the_cli(damage_case: DamageCase, scene: Scene, run_cli: RunCli) -> None:
    damage_case.make(scene)
    before, other_before = folder_state(scene.folder), folder_state(scene.other)
    recovery = recovery_input(damage_case, scene.template)
    if damage_case.how == "passphrase":
        env = {"SPT_PASSPHRASE": damage_case.passphrase}
        result = run_cli("vault", "check", "--vault", str(scene.path), env=env)
    else:
        env = {"SPT_RECOVERY_KEY": recovery, "SPT_NEW_PASSPHRASE": NEW_PASSPHRASE}
        result = run_cli("vault", "recover", "--vault", str(scene.path), env=env)

    line = assert_one_error_line(result, damage_case.exit_code)
    for fragment in damage_case.says:
        assert fragment in line
    assert_no_secrets(result, damage_case.passphrase, recovery, NEW_PASSPHRASE)
    assert folder_state(scene.folder) == before
    assert folder_state(scene.other) == other_before


# --- passwd -----------------------------------------------------------------------------


def test_passwd(scene: Scene, run_cli: RunCli) -> None:
    vault_bytes = folder_state(scene.folder)[VAULT_NAME]
    result = run_cli(
        "vault", "passwd", "--vault", str(scene.path),
        env={"SPT_PASSPHRASE": PASSPHRASE, "SPT_NEW_PASSPHRASE": NEW_PASSPHRASE},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "gewijzigd" in result.stdout
    assert_no_secrets(result, PASSPHRASE, NEW_PASSPHRASE)
    state = folder_state(scene.folder)
    assert sorted(state) == [VAULT_NAME, f"{VAULT_NAME}.key"]
    assert state[VAULT_NAME] == vault_bytes
    assert keyfile.read_header(scene.key_path).kdf == FAST_KDF  # cost kept as it was
    with pytest.raises(WrongPassphrase):
        Vault(scene.path).unlock(PASSPHRASE)
    vault = Vault(scene.path)
    vault.unlock(NEW_PASSPHRASE)
    vault.lock()


@pytest.mark.parametrize(
    ("env", "code", "says"),
    [
        (
            {"SPT_PASSPHRASE": "fout fout fout", "SPT_NEW_PASSPHRASE": NEW_PASSPHRASE},
            3,
            "klopt niet",
        ),
        ({"SPT_PASSPHRASE": PASSPHRASE, "SPT_NEW_PASSPHRASE": "kort"}, 2, "minstens"),
        ({"SPT_PASSPHRASE": PASSPHRASE}, 2, "SPT_NEW_PASSPHRASE is niet gezet"),
    ],
    ids=["wrong-old", "weak-new", "no-new-no-terminal"],
)
def test_passwd_refused_changes_nothing(
    scene: Scene, run_cli: RunCli, env: dict[str, str], code: int, says: str
) -> None:
    before = folder_state(scene.folder)
    result = run_cli("vault", "passwd", "--vault", str(scene.path), env=env)
    assert says in assert_one_error_line(result, code)
    assert_no_secrets(result, *env.values())
    assert folder_state(scene.folder) == before


# --- recover ----------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["intact", "missing", "damaged"])
def test_recover_writes_a_fresh_header(scene: Scene, run_cli: RunCli, header: str) -> None:
    if header == "missing":
        scene.key_path.unlink()
    elif header == "damaged":
        scene.edit_header("kdf", "t", 3)
    vault_bytes = folder_state(scene.folder)[VAULT_NAME]
    typed = scene.template.recovery.lower().replace("-", " ")
    result = run_cli(
        "vault", "recover", "--vault", str(scene.path),
        env={"SPT_RECOVERY_KEY": typed, "SPT_NEW_PASSPHRASE": NEW_PASSPHRASE},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "nieuwe wachtwoordzin" in result.stdout
    assert_no_secrets(result, scene.template.recovery, typed, NEW_PASSPHRASE)
    state = folder_state(scene.folder)
    assert sorted(state) == [VAULT_NAME, f"{VAULT_NAME}.key"]
    assert state[VAULT_NAME] == vault_bytes  # only the header is rewritten
    with pytest.raises(WrongPassphrase):
        Vault(scene.path).unlock(PASSPHRASE)
    vault = Vault(scene.path)
    vault.unlock(NEW_PASSPHRASE)
    vault.lock()


def test_recover_needs_both_secrets(scene: Scene, run_cli: RunCli) -> None:
    before = folder_state(scene.folder)
    no_key = run_cli("vault", "recover", "--vault", str(scene.path))
    assert "SPT_RECOVERY_KEY" in assert_one_error_line(no_key, 2)
    no_new = run_cli(
        "vault", "recover", "--vault", str(scene.path),
        env={"SPT_RECOVERY_KEY": scene.template.recovery},
    )  # fmt: skip
    assert "SPT_NEW_PASSPHRASE" in assert_one_error_line(no_new, 2)
    assert_no_secrets(no_new, scene.template.recovery)
    assert folder_state(scene.folder) == before


# --- at a terminal ----------------------------------------------------------------------


class Terminal:
    """The CLI on a real pseudo-terminal, as a coach or IT person runs it: prompts are
    read from the tty with echo off (getpass)."""

    def __init__(self, *args: str) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SPT_")}
        pid, fd = pty.fork()
        if pid == 0:  # pragma: no cover - the child
            os.chdir(PROJECT_ROOT)
            os.execve(sys.executable, [sys.executable, "-m", "spt_desktop", *args], env)
        self.pid, self.fd, self.seen = pid, fd, ""

    def expect(self, text: str) -> None:
        while text not in self.seen:
            # A guard against a hang, not a time limit on the CLI.
            ready, _, _ = select.select([self.fd], [], [], 120)
            assert ready, f"no {text!r} on the terminal; saw {self.seen!r}"
            self.seen += self._read()

    def type(self, line: str) -> None:
        os.write(self.fd, line.encode() + b"\n")

    def finish(self) -> int:
        while chunk := self._read():
            self.seen += chunk
        os.close(self.fd)
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)

    def _read(self) -> str:
        try:
            return os.read(self.fd, 4096).decode(errors="replace")
        except OSError:  # EIO: the child closed the terminal
            return ""


def test_create_at_a_terminal_asks_twice_and_echoes_nothing(tmp_path: Path) -> None:
    term = Terminal("vault", "create", "--vault", str(tmp_path / VAULT_NAME))
    term.expect("Nieuwe wachtwoordzin voor de kluis: ")
    term.type(PASSPHRASE)
    term.expect("Nogmaals ter controle: ")
    term.type(PASSPHRASE)
    assert term.finish() == 0
    assert len(RECOVERY_PATTERN.findall(term.seen)) == 1
    assert PASSPHRASE not in term.seen
    vault = Vault(tmp_path / VAULT_NAME)
    vault.unlock(PASSPHRASE)
    vault.lock()


def test_create_at_a_terminal_with_two_different_answers(tmp_path: Path) -> None:
    term = Terminal("vault", "create", "--vault", str(tmp_path / VAULT_NAME))
    term.expect("Nieuwe wachtwoordzin voor de kluis: ")
    term.type(PASSPHRASE)
    term.expect("Nogmaals ter controle: ")
    term.type(NEW_PASSPHRASE)
    assert term.finish() == 2
    assert "niet gelijk" in term.seen and "Traceback" not in term.seen
    assert PASSPHRASE not in term.seen and NEW_PASSPHRASE not in term.seen
    assert list(tmp_path.iterdir()) == []


def test_passwd_at_a_terminal(scene: Scene) -> None:
    term = Terminal("vault", "passwd", "--vault", str(scene.path))
    term.expect("Huidige wachtwoordzin: ")
    term.type(PASSPHRASE)
    term.expect("Nieuwe wachtwoordzin: ")
    term.type(NEW_PASSPHRASE)
    term.expect("Nogmaals ter controle: ")
    term.type(NEW_PASSPHRASE)
    assert term.finish() == 0
    assert PASSPHRASE not in term.seen and NEW_PASSPHRASE not in term.seen
    vault = Vault(scene.path)
    vault.unlock(NEW_PASSPHRASE)
    vault.lock()
