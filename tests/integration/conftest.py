"""Fixtures for the vault's integration tests: real vault files on disk, a marker written
through the services, a catalogue of damaged vaults, and the CLI as a real subprocess.

The catalogue (``damage_case``) is shared by test_vault_files.py (in-process) and
test_vault_cli.py (through the CLI): every bad input must give the right error and
leave every byte of every file as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import string
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from spt_common.enums import ConsentPurpose, Role, Spt
from spt_desktop.models import keyfile
from spt_desktop.models.errors import (
    InvalidRecoveryKey,
    KeyDoesNotFit,
    KeyHeaderDamaged,
    KeyHeaderMissing,
    NotAVault,
    VaultDamaged,
    VaultError,
    VaultIOError,
    VaultMissing,
    WrongPassphrase,
    WrongRecoveryKey,
)
from spt_desktop.models.keyfile import KdfParams
from spt_desktop.models.vault import PAGE_SIZE, Vault

FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
PASSPHRASE = "groene tractor bij Schagen"
OTHER_PASSPHRASE = "blauwe tram naar Haarlem"
NEW_PASSPHRASE = "rode vuurtoren op Texel"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
VAULT_NAME = "coach.spt"
CANDIDATES = 40


def new_marker() -> str:
    """Letters only (names are validated; digits could look like a BSN)."""
    return "Qzv" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(12))


def files_containing(folder: Path, marker: str) -> list[str]:
    """Names of files in ``folder`` holding ``marker`` as written, in lower case (the
    full-text index folds case) or in upper case."""
    needles = {marker.encode(), marker.lower().encode(), marker.upper().encode()}
    return [
        p.name
        for p in sorted(folder.iterdir())
        if p.is_file() and any(n in p.read_bytes() for n in needles)
    ]


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with the SHA-256 of its bytes."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def write_marked(vault: Vault, marker: str, candidates: int = CANDIDATES) -> list[str]:
    """Write ``marker`` into every kind of free text a coach types, through the services:
    names, profile texts, intake, notes, visit reports, a handover, an employer."""
    from spt_desktop.services import Services

    services = Services(vault)
    colleague = services.coaches.add(
        "Joris de Wit", "joris@example.nl", [Role.JOBCOACH], Spt.NOORD_HOLLAND
    )
    services.employers.create(
        {
            "name": f"Installatiebedrijf {marker}",
            "sector": "installatie",
            "municipality": "Zaanstad",
        }
    )
    ids = []
    for i in range(candidates):
        cand = services.candidates.register(
            {
                "first_name": marker.capitalize(),
                "last_name": f"{marker} {i}",
                "municipality": "zaanstad",
                "referral_source": "uwv",
                "persona": "no_work_benefit_nontechnical",
                "benefit_status": "ww",
                "email": f"{marker}@example.nl",
                "skills": f"Lassen bij {marker}",
                "motivation": f"Wil de techniek in, zegt {marker}",
                "notes": f"Bijzonderheden {marker}",
            },
            {ConsentPurpose.PROCESSING: True},
        )
        services.intake.record(cand.id, {"background": f"Achtergrond {marker}"})
        services.candidates.add_note(cand.id, f"Gesprek met {marker} over schulden")
        services.visits.log(
            cand.id,
            {
                "topics": f"Inwerken {marker}",
                "notes": f"Gaat goed met {marker}",
                "agreements": f"Afspraak {marker}",
                "visited_at": datetime(2026, 11, 30, 10, 0),
            },
        )
        ids.append(cand.id)
    services.handovers.start(ids[0], colleague.id, Role.JOBCOACH, f"Overdracht {marker}")
    return ids


# --- the CLI as a subprocess ----------------------------------------------------------


@pytest.fixture
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """``run_cli("vault", "check", ..., env={...})``: `python -m spt_desktop` with no
    terminal and only the SPT_* variables given."""

    def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        base = {k: v for k, v in os.environ.items() if not k.startswith("SPT_")}
        return subprocess.run(
            [sys.executable, "-m", "spt_desktop", *args],
            cwd=PROJECT_ROOT,
            env={**base, **(env or {})},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
        )

    return run


# --- a vault with data, and another one -----------------------------------------------


@dataclass
class Template:
    folder: Path  # the coach's vault, with data, locked
    other: Path  # another coach's vault, locked
    recovery: str
    other_recovery: str
    marker: str
    setting_page: int  # root page of the `setting` table (read at every unlock)
    candidate_page: int  # root page of the `candidate` table
    note_page: int  # root page of the `note` table: holds data, never read at unlock
    pages: int


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    root = tmp_path_factory.mktemp("template")
    (root / "mine").mkdir()
    (root / "other").mkdir()
    marker = new_marker()
    vault, recovery = Vault.create(root / "mine" / VAULT_NAME, PASSPHRASE, kdf=FAST_KDF)
    write_marked(vault, marker)
    with vault.engine.connect() as c:
        roots = dict(c.exec_driver_sql("SELECT name, rootpage FROM sqlite_master").all())
    vault.lock()
    other, other_recovery = Vault.create(
        root / "other" / VAULT_NAME, OTHER_PASSPHRASE, kdf=FAST_KDF
    )
    other.lock()
    return Template(
        folder=root / "mine",
        other=root / "other",
        recovery=recovery,
        other_recovery=other_recovery,
        marker=marker,
        setting_page=roots["setting"],
        candidate_page=roots["candidate"],
        note_page=roots["note"],
        pages=(root / "mine" / VAULT_NAME).stat().st_size // PAGE_SIZE,
    )


@dataclass
class Scene:
    """A private copy of the template vaults for one test."""

    template: Template
    folder: Path
    other: Path

    @property
    def path(self) -> Path:
        return self.folder / VAULT_NAME

    @property
    def key_path(self) -> Path:
        return self.folder / (VAULT_NAME + ".key")

    def flip_page(self, page: int, offset: int = 1000, length: int = 16) -> None:
        """Flip bytes inside page ``page`` (1-based) of the vault file, in place."""
        with self.path.open("r+b") as f:
            f.seek((page - 1) * PAGE_SIZE + offset)
            data = f.read(length)
            f.seek((page - 1) * PAGE_SIZE + offset)
            f.write(bytes(b ^ 0xFF for b in data))

    def edit_header(self, section: str | None, field: str, value: Any) -> None:
        doc = json.loads(self.key_path.read_bytes())
        (doc if section is None else doc[section])[field] = value
        self.key_path.write_text(json.dumps(doc, indent=2))


@pytest.fixture
def scene(template: Template, tmp_path: Path) -> Scene:
    folder, other = tmp_path / "kluis", tmp_path / "ander"
    shutil.copytree(template.folder, folder)
    shutil.copytree(template.other, other)
    return Scene(template, folder, other)


# --- the catalogue of bad input -------------------------------------------------------


@dataclass(frozen=True)
class DamageCase:
    """One bad input: how to make it, how to try to open, what must come out."""

    name: str
    make: Callable[[Scene], None]
    error: type[VaultError]
    exit_code: int
    says: tuple[str, ...]  # fragments of the message: what is wrong and what to do
    # "passphrase": unlock with PASSPHRASE; "recovery": the recovery key (with a new
    # passphrase, as `vault recover` does); "typo": a mistyped recovery key;
    # "other-recovery": another vault's recovery key.
    how: str = "passphrase"
    passphrase: str = PASSPHRASE


def _nothing(scene: Scene) -> None:
    pass


def _plain_sqlite(scene: Scene) -> None:
    scene.path.unlink()
    conn = sqlite3.connect(scene.path)
    conn.execute("CREATE TABLE candidate (name TEXT)")
    conn.execute("INSERT INTO candidate VALUES ('Jan')")
    conn.commit()
    conn.close()


def _header_for_another_vault_id(scene: Scene) -> None:
    # The right data key wrapped under the right passphrase, but for another vault id:
    # the header belongs to a copy of this vault made elsewhere, or was swapped.
    data_key = keyfile.data_key_from_recovery(scene.template.recovery)
    header = keyfile.wrap(data_key, PASSPHRASE, keyfile.new_vault_id(), FAST_KDF)
    keyfile.write_header(scene.key_path, header)


WRONG_PASS = ("wachtwoordzin klopt niet", "herstelsleutel")
HEADER_DAMAGED = ("sleutelbestand", "beschadigd", "herstelsleutel", "back-up")
NOT_THIS_VAULT = ("geen SPT-kluis", "Kies het juiste kluisbestand", "back-up")

DAMAGE_CASES = [
    DamageCase("wrong-passphrase", _nothing, WrongPassphrase, 3, WRONG_PASS, passphrase="fout"),
    DamageCase(
        "wrong-passphrase-case", _nothing, WrongPassphrase, 3, WRONG_PASS,
        passphrase=PASSPHRASE.upper(),
    ),
    DamageCase(
        "other-vaults-recovery-key", _nothing, WrongRecoveryKey, 3,
        ("herstelsleutel hoort niet bij deze kluis",), how="other-recovery",
    ),
    DamageCase(
        "recovery-key-typo", _nothing, InvalidRecoveryKey, 3,
        ("herstelsleutel is niet geldig", "Controleer"), how="typo",
    ),
    DamageCase(
        "header-missing", lambda s: s.key_path.unlink(), KeyHeaderMissing, 1,
        ("sleutelbestand", "ontbreekt", "herstelsleutel", "back-up"),
    ),
    DamageCase(
        "header-truncated",
        lambda s: s.key_path.write_bytes(s.key_path.read_bytes()[:150]),
        KeyHeaderDamaged, 1, HEADER_DAMAGED,
    ),
    DamageCase(
        "header-garbage", lambda s: s.key_path.write_bytes(os.urandom(420)),
        KeyHeaderDamaged, 1, HEADER_DAMAGED,
    ),
    DamageCase(
        "header-empty", lambda s: s.key_path.write_bytes(b""),
        KeyHeaderDamaged, 1, HEADER_DAMAGED,
    ),
    DamageCase(
        "header-kdf-edited", lambda s: s.edit_header("kdf", "t", 3),
        KeyHeaderDamaged, 1, HEADER_DAMAGED,
    ),
    DamageCase(
        "header-kdf-downgraded", lambda s: s.edit_header("kdf", "m", 1024),
        KeyHeaderDamaged, 1, HEADER_DAMAGED,
    ),
    DamageCase(
        "header-vault-id-edited", lambda s: s.edit_header(None, "vault_id", "0" * 32),
        KeyHeaderDamaged, 1, HEADER_DAMAGED,
    ),
    DamageCase(
        "header-of-another-vault",
        lambda s: shutil.copy(s.other / (VAULT_NAME + ".key"), s.key_path),
        KeyDoesNotFit, 1, NOT_THIS_VAULT, passphrase=OTHER_PASSPHRASE,
    ),
    DamageCase(
        "header-for-another-vault-id", _header_for_another_vault_id, NotAVault, 1,
        (*NOT_THIS_VAULT, "andere kluis"),
    ),
    DamageCase(
        "vault-missing", lambda s: s.path.unlink(), VaultMissing, 1,
        ("Er is geen kluis", "Kies het juiste bestand"),
    ),
    DamageCase(
        "vault-random-bytes", lambda s: s.path.write_bytes(os.urandom(8 * PAGE_SIZE)),
        KeyDoesNotFit, 1, NOT_THIS_VAULT,
    ),
    DamageCase(
        "vault-empty", lambda s: s.path.write_bytes(b""), NotAVault, 1,
        (*NOT_THIS_VAULT, "leeg"),
    ),
    DamageCase(
        "vault-plain-sqlite", _plain_sqlite, NotAVault, 1, (*NOT_THIS_VAULT, "onversleuteld"),
    ),
    DamageCase(
        "vault-of-another-coach",
        lambda s: shutil.copy(s.other / VAULT_NAME, s.path),
        KeyDoesNotFit, 1, NOT_THIS_VAULT,
    ),
    DamageCase(
        "vault-page-1-tampered", lambda s: s.flip_page(1), KeyDoesNotFit, 1, NOT_THIS_VAULT,
    ),
    DamageCase(
        "vault-settings-page-tampered",
        lambda s: s.flip_page(s.template.setting_page),
        VaultDamaged, 1,
        ("beschadigd", "back-up", "Er is niets gewijzigd"),
    ),
    DamageCase(
        "vault-is-a-folder", lambda s: (s.path.unlink(), s.path.mkdir()), VaultIOError, 1,
        ("map, geen bestand", "niets half opgeslagen"),
    ),
    DamageCase(
        "vault-page-1-tampered-recovery", lambda s: s.flip_page(1), WrongRecoveryKey, 3,
        ("herstelsleutel hoort niet bij deze kluis", "back-up"), how="recovery",
    ),
]  # fmt: skip


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "damage_case" in metafunc.fixturenames:
        metafunc.parametrize("damage_case", DAMAGE_CASES, ids=[c.name for c in DAMAGE_CASES])


def recovery_input(case: DamageCase, template: Template) -> str:
    """The recovery key a case types."""
    if case.how == "other-recovery":
        return template.other_recovery
    if case.how == "typo":
        key = template.recovery
        return key[:5] + ("A" if key[5] != "A" else "B") + key[6:]
    return template.recovery


@pytest.fixture
def locked_vaults() -> Iterator[list[Vault]]:
    """Vaults a test opens; locked at the end whatever happens."""
    opened: list[Vault] = []
    yield opened
    for v in opened:
        v.lock()
