"""The key header (Argon2id → AES-GCM wrapped data key), the recovery key, atomic writes."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from spt_desktop.cli import messages as cli
from spt_desktop.models import keyfile
from spt_desktop.models.atomic import write_atomic
from spt_desktop.models.errors import (
    InvalidRecoveryKey,
    KeyHeaderDamaged,
    KeyHeaderMissing,
    WrongPassphrase,
)
from spt_desktop.models.keyfile import KdfParams

FAST_KDF = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
PASSPHRASE = "paarse vlinder boven Hoorn"
FIXED_KEY = bytes(range(32))
FIXED_RECOVERY = "AAAQ-EAYE-AUDA-OCAJ-BIFQ-YDIO-B4IB-CEQT-CQKR-MFYY-DENB-WHA5-DYPQ-3U7X"
BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@pytest.fixture
def header_file(tmp_path: Path) -> Path:
    path = tmp_path / "kluis.spt.key"
    keyfile.write_header(path, keyfile.wrap(FIXED_KEY, PASSPHRASE, "ab" * 16, FAST_KDF))
    return path


def _doc(path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(path.read_bytes())
    return doc


def _write_doc(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(json.dumps(doc))


# --- KDF parameters -------------------------------------------------------------------


def test_default_kdf_meets_owasp_floor() -> None:
    kdf = keyfile.DEFAULT_KDF
    assert kdf == KdfParams()
    assert kdf.memory_kib >= 19 * 1024
    assert kdf.time_cost >= 2
    assert kdf.parallelism >= 1
    assert (keyfile.MIN_MEMORY_KIB, keyfile.MIN_TIME_COST) == (19 * 1024, 2)


def test_wrap_unwrap_round_trip_and_wrong_passphrase() -> None:
    header = keyfile.wrap(FIXED_KEY, PASSPHRASE, "v1", FAST_KDF)
    assert keyfile.unwrap(header, PASSPHRASE) == FIXED_KEY
    with pytest.raises(WrongPassphrase) as err:
        keyfile.unwrap(header, PASSPHRASE + " ")
    assert "herstelsleutel" in cli.text(err.value)
    assert cli.exit_code(err.value) == 3


def test_each_wrap_uses_fresh_salt_and_nonce() -> None:
    a = keyfile.wrap(FIXED_KEY, PASSPHRASE, "v1", FAST_KDF)
    b = keyfile.wrap(FIXED_KEY, PASSPHRASE, "v1", FAST_KDF)
    assert a.salt != b.salt and a.nonce != b.nonce and a.wrapped != b.wrapped


# --- the header file ------------------------------------------------------------------


def test_header_file_round_trip_is_owner_only_and_holds_no_key(header_file: Path) -> None:
    header = keyfile.read_header(header_file)
    assert keyfile.unwrap(header, PASSPHRASE) == FIXED_KEY
    assert stat.S_IMODE(header_file.stat().st_mode) == 0o600
    raw = header_file.read_bytes()
    assert FIXED_KEY.hex().encode() not in raw
    assert base64.b64encode(FIXED_KEY) not in raw
    assert PASSPHRASE.encode() not in raw
    assert sorted(p.name for p in header_file.parent.iterdir()) == [header_file.name]


def test_missing_header(tmp_path: Path) -> None:
    with pytest.raises(KeyHeaderMissing) as err:
        keyfile.read_header(tmp_path / "weg.key")
    assert "herstelsleutel" in cli.text(err.value)


def _truncate(p: Path) -> None:
    p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2])


def _garbage(p: Path) -> None:
    p.write_bytes(os.urandom(400))


def _empty(p: Path) -> None:
    p.write_bytes(b"")


def _not_an_object(p: Path) -> None:
    p.write_text("[1, 2, 3]")


def _edit(section: str | None, field: str, value: Any) -> Any:
    def edit(p: Path) -> None:
        doc = _doc(p)
        (doc if section is None else doc[section])[field] = value
        _write_doc(p, doc)

    return edit


def _drop(field: str) -> Any:
    def drop(p: Path) -> None:
        doc = _doc(p)
        del doc[field]
        _write_doc(p, doc)

    return drop


@pytest.mark.parametrize(
    "damage",
    [
        _truncate,
        _garbage,
        _empty,
        _not_an_object,
        _edit("kdf", "t", 3),  # in range: only the checksum notices
        _edit("kdf", "m", 32 * 1024),
        _edit("kdf", "p", 2),
        _edit("kdf", "t", 1),  # below the floor
        _edit("kdf", "salt", base64.b64encode(b"x" * 16).decode()),
        _edit("kdf", "name", "pbkdf2"),
        _edit("wrap", "nonce", "not base64!"),
        _edit("wrap", "key", base64.b64encode(b"k" * 48).decode()),
        _edit(None, "vault_id", "cd" * 16),
        _edit(None, "version", 2),
        _edit(None, "format", "keepass"),
        _drop("check"),
        _drop("wrap"),
    ],
    ids=lambda f: getattr(f, "__name__", "edit"),
)
def test_damaged_header_is_reported_as_damaged(header_file: Path, damage: Any) -> None:
    damage(header_file)
    with pytest.raises(KeyHeaderDamaged) as err:
        keyfile.read_header(header_file)
    assert "beschadigd" in cli.text(err.value)
    assert "herstelsleutel" in cli.text(err.value)


def _forge(path: Path, **kdf: int) -> None:
    """A deliberate edit that also recomputes the checksum."""
    h = keyfile.read_header(path)
    params = {"time_cost": h.kdf.time_cost, "memory_kib": h.kdf.memory_kib}
    params["parallelism"] = h.kdf.parallelism
    params.update(kdf)
    forged = keyfile.KeyHeader(h.vault_id, KdfParams(**params), h.salt, h.nonce, h.wrapped)
    path.write_bytes(forged.to_json())


def test_forged_kdf_params_do_not_decrypt(header_file: Path) -> None:
    # The checksum is no defence against a deliberate edit; the GCM associated data is.
    _forge(header_file, time_cost=3)
    header = keyfile.read_header(header_file)
    with pytest.raises(WrongPassphrase):
        keyfile.unwrap(header, PASSPHRASE)


@pytest.mark.parametrize(
    "params",
    [
        {"memory_kib": 8 * 1024},  # below OWASP: a downgrade
        {"time_cost": 1},
        {"memory_kib": 64 * 1024 * 1024},  # 64 GiB: would make unlock allocate it
        {"time_cost": 10_000},
        {"parallelism": 0},
    ],
)
def test_forged_header_outside_kdf_range_is_refused(header_file: Path, params: Any) -> None:
    _forge(header_file, **params)
    with pytest.raises(KeyHeaderDamaged):
        keyfile.read_header(header_file)


# --- the recovery key -----------------------------------------------------------------


def test_recovery_key_format_and_round_trip() -> None:
    text = keyfile.recovery_key(FIXED_KEY)
    assert text == FIXED_RECOVERY
    groups = text.split("-")
    assert len(groups) == 14 and all(len(g) == 4 for g in groups)
    assert keyfile.data_key_from_recovery(text) == FIXED_KEY


@pytest.mark.parametrize(
    "typed",
    [
        FIXED_RECOVERY.lower(),
        FIXED_RECOVERY.replace("-", ""),
        FIXED_RECOVERY.replace("-", " "),
        "  " + FIXED_RECOVERY.replace("-", " - ").lower() + "\n",
        FIXED_RECOVERY.replace("O", "0").replace("I", "1").replace("B", "8"),
    ],
)
def test_recovery_key_is_tolerant_of_case_spaces_dashes_and_lookalikes(typed: str) -> None:
    assert keyfile.data_key_from_recovery(typed) == FIXED_KEY


def test_every_single_character_typo_is_caught() -> None:
    plain = FIXED_RECOVERY.replace("-", "")
    for i, original in enumerate(plain):
        for other in BASE32.replace(original, ""):
            typo = plain[:i] + other + plain[i + 1 :]
            with pytest.raises(InvalidRecoveryKey):
                keyfile.data_key_from_recovery(typo)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        FIXED_RECOVERY[:-5],  # a group short
        FIXED_RECOVERY + "-AAAA",  # a group too many
        FIXED_RECOVERY[:10] + FIXED_RECOVERY[11] + FIXED_RECOVERY[10] + FIXED_RECOVERY[12:],
        FIXED_RECOVERY.replace("A", "9", 1),  # not base32
        "kluis wachtwoord",
    ],
)
def test_malformed_recovery_key(typed: str) -> None:
    with pytest.raises(InvalidRecoveryKey) as err:
        keyfile.data_key_from_recovery(typed)
    assert "herstelsleutel" in cli.text(err.value)
    assert cli.exit_code(err.value) == 3


# --- atomic writes --------------------------------------------------------------------


def test_write_atomic_replaces_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "bestand"
    write_atomic(target, b"eerste")
    write_atomic(target, b"tweede")
    assert target.read_bytes() == b"tweede"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["bestand"]


def test_failed_write_atomic_keeps_old_file_and_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "bestand"
    write_atomic(target, b"oud")
    with pytest.raises(TypeError):
        write_atomic(target, "geen bytes")  # type: ignore[arg-type]  # fails mid-write
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["bestand"]
