"""A key header forged with raised (or odd) KDF parameters is refused before any key
derivation, as a damaged key file, and changes no byte.

The header's checksum is a plain hash (it tells accidental damage from a wrong
passphrase), so whoever edits the parameters can recompute it: these headers pass the
checksum. Before the bounds were tightened, t=20, m=1 GiB, p=16 ran Argon2 for ~16 s and
then said the passphrase was wrong.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import pytest

from spt_desktop.cli import messages as cli
from spt_desktop.models import keyfile
from spt_desktop.models.errors import KeyHeaderDamaged
from spt_desktop.models.vault import Vault

from .conftest import HEADER_DAMAGED, PASSPHRASE, Scene, folder_state

GIB_KIB = 1024 * 1024
MIB_KIB = 1024


def _forge(scene: Scene, edit: Callable[[dict[str, Any]], None]) -> None:
    """Edit the header document, then recompute its checksum as a forger would."""
    doc = json.loads(scene.key_path.read_bytes())
    edit(doc)
    k, w = doc["kdf"], doc["wrap"]
    header = keyfile.KeyHeader(
        vault_id=doc["vault_id"],
        kdf=keyfile.KdfParams(int(k["t"]), int(k["m"]), int(k["p"])),
        salt=base64.b64decode(k["salt"]),
        nonce=base64.b64decode(w["nonce"]),
        wrapped=base64.b64decode(w["key"]),
    )
    doc["check"] = header.checksum()
    scene.key_path.write_text(json.dumps(doc, indent=2))


def _kdf(**values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda doc: doc["kdf"].update(values)


FORGED = {
    "memory-4-gib": _kdf(m=4 * GIB_KIB),
    "time-cost-1000": _kdf(t=1000),
    # Inside the old ceilings (m ≤ 1 GiB, t ≤ 20, p ≤ 16): each ran the KDF before.
    "old-ceilings-16-seconds": _kdf(t=20, m=GIB_KIB, p=16),
    "memory-1-gib": _kdf(m=GIB_KIB),
    "time-cost-20": _kdf(t=20, m=64 * MIB_KIB),
    "time-times-memory": _kdf(t=12, m=256 * MIB_KIB),
    "parallelism-16": _kdf(p=16),
    "salt-1-mib": _kdf(salt=base64.b64encode(bytes(1024 * 1024)).decode()),
}


@pytest.mark.parametrize("edit", FORGED.values(), ids=FORGED.keys())
def test_raised_kdf_parameters_are_a_damaged_key_file_at_once(
    scene: Scene, edit: Callable[[dict[str, Any]], None]
) -> None:
    _forge(scene, edit)
    before, other_before = folder_state(scene.folder), folder_state(scene.other)
    vault = Vault(scene.path)

    with pytest.raises(KeyHeaderDamaged) as err:
        vault.unlock(PASSPHRASE)

    assert cli.exit_code(err.value) == 1
    for fragment in HEADER_DAMAGED:
        assert fragment in cli.text(err.value)
    assert not vault.is_unlocked
    assert folder_state(scene.folder) == before
    assert folder_state(scene.other) == other_before


ODD = {
    # JSON numbers that int() would have accepted: not what the app writes.
    "time-cost-as-text": lambda doc: doc["kdf"].update(t=str(doc["kdf"]["t"])),
    "time-cost-as-float": lambda doc: doc["kdf"].update(t=float(doc["kdf"]["t"])),
    "parallelism-as-true": lambda doc: doc["kdf"].update(p=True),
    "vault-id-1-mib": lambda doc: doc.update(vault_id="a" * 1024 * 1024),
}


@pytest.mark.parametrize("edit", ODD.values(), ids=ODD.keys())
def test_fields_of_the_wrong_type_or_size_are_a_damaged_key_file(
    scene: Scene, edit: Callable[[dict[str, Any]], None]
) -> None:
    _forge(scene, edit)
    before = folder_state(scene.folder)

    with pytest.raises(KeyHeaderDamaged):
        Vault(scene.path).unlock(PASSPHRASE)
    assert folder_state(scene.folder) == before


def test_an_oversized_key_file_is_damaged_without_being_read_whole(scene: Scene) -> None:
    # A key file is ~450 bytes; a huge one (here a valid header padded to 1 MiB) is not
    # the app's, and must not be read into memory whole.
    scene.key_path.write_bytes(scene.key_path.read_bytes() + b" " * (1024 * 1024))
    before = folder_state(scene.folder)

    with pytest.raises(KeyHeaderDamaged):
        Vault(scene.path).unlock(PASSPHRASE)
    assert folder_state(scene.folder) == before


def test_a_raise_within_the_margin_still_opens(scene: Scene) -> None:
    """The bounds refuse forgeries, not a later release's headers: a raise to the limit
    of the margin (2x memory, 2x time, 2x lanes: 4x the default's work) opens the vault.
    (The default itself is what every other vault test opens.)"""
    data_key = keyfile.data_key_from_recovery(scene.template.recovery)
    vault_id = json.loads(scene.key_path.read_bytes())["vault_id"]
    raised = keyfile.KdfParams(time_cost=6, memory_kib=128 * MIB_KIB, parallelism=4)
    keyfile.write_header(scene.key_path, keyfile.wrap(data_key, PASSPHRASE, vault_id, raised))
    vault = Vault(scene.path)
    vault.unlock(PASSPHRASE)
    vault.lock()
