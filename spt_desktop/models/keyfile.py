"""The vault's key header: the random data key, wrapped with a key derived from the
coach's passphrase — the hierarchy password managers use.

    passphrase --Argon2id(salt, t, m, p)--> wrapping key --AES-256-GCM--> data key
    data key == raw SQLCipher key of the vault file

Changing the passphrase re-wraps the data key (instant; the vault file is untouched).
The KDF parameters, the format version and the vault id are bound into the GCM
associated data, so a header edited by hand does not decrypt. A plain checksum over all
fields tells accidental damage (a bad disk, an editor, a half-copied file) apart from a
wrong passphrase; it is no defence against a deliberate edit, and needs to be none: a
forged header still does not decrypt.

The recovery key *is* the data key (plus a 24-bit checksum), written in base32 groups.
It therefore opens the vault even when the header is lost or damaged, and a new header
can be written from it. It has 256 bits of entropy, so it needs no slow KDF.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from spt_desktop.models.atomic import write_atomic
from spt_desktop.models.errors import (
    InvalidRecoveryKey,
    KeyHeaderDamaged,
    KeyHeaderMissing,
    VaultIOError,
    WrongPassphrase,
)

FORMAT = "spt-vault-key"
VERSION = 1
DATA_KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. OWASP's floor is m=19 MiB, t=2, p=1; we pick 64 MiB, t=3, p=2,
    which still derives in ~0.1–0.2 s on a five-year-old two-core laptop (see bench/)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2

    def as_dict(self) -> dict[str, int]:
        return {"t": self.time_cost, "m": self.memory_kib, "p": self.parallelism}


DEFAULT_KDF = KdfParams()
# What a header may carry, checked before any key derivation: a header outside these
# bounds is reported as damaged at once. The checksum cannot stop a forger (it is a plain
# hash), so without bounds a header edited to t=20, m=1 GiB, p=16 ran Argon2 for ~16 s and
# then blamed the passphrase.
# - Floors: OWASP's minimum (m=19 MiB, t=2, p=1); the tests and the self-test write it.
#   Anything weaker is a downgrade.
# - Ceilings: the app writes DEFAULT_KDF (t=3, m=64 MiB, p=2). A later release may raise
#   the cost, and an older app must still open such a vault, so each ceiling is ~4x the
#   default: m ≤ 256 MiB (fine on any laptop that runs the app), t ≤ 12, p ≤ 8 (lanes;
#   more than a laptop's cores buys nothing). The work (t × m, what the time depends on)
#   is capped at 4x the default's as well: ≤ 0.8 s where the default takes 0.1–0.2 s.
MIN_MEMORY_KIB, MIN_TIME_COST = 19 * 1024, 2
MAX_MEMORY_KIB, MAX_TIME_COST, MAX_PARALLELISM = 256 * 1024, 12, 8
MAX_WORK_KIB = 4 * DEFAULT_KDF.time_cost * DEFAULT_KDF.memory_kib
# The app writes a 16-byte salt (RFC 9106's recommendation) and AES-GCM's 12-byte nonce;
# up to 64 bytes of salt is accepted for a future change. A header file is ~450 bytes.
MIN_SALT, MAX_SALT, NONCE_BYTES, WRAPPED_BYTES = 16, 64, 12, DATA_KEY_BYTES + 16
MAX_VAULT_ID, MAX_HEADER_BYTES = 64, 16 * 1024


@dataclass(frozen=True)
class KeyHeader:
    vault_id: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def aad(self) -> bytes:
        return _aad(self.vault_id, self.kdf)

    def checksum(self) -> str:
        """Over every field: a header damaged by accident is reported as damaged, not as
        a wrong passphrase (which would send the coach hunting for a typo)."""
        body = self.aad() + self.salt + self.nonce + self.wrapped
        return hashlib.blake2b(body, digest_size=16, person=b"spt-key-header").hexdigest()

    def to_json(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "kdf": {"name": "argon2id", **self.kdf.as_dict(), "salt": _b64(self.salt)},
            "wrap": {"name": "aes-256-gcm", "nonce": _b64(self.nonce), "key": _b64(self.wrapped)},
            "check": self.checksum(),
        }
        return (json.dumps(doc, indent=2) + "\n").encode()


def _aad(vault_id: str, kdf: KdfParams) -> bytes:
    return json.dumps([FORMAT, VERSION, vault_id, kdf.as_dict()], sort_keys=True).encode()


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def derive_wrapping_key(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def wrap(
    data_key: bytes, passphrase: str, vault_id: str, kdf: KdfParams = DEFAULT_KDF
) -> KeyHeader:
    """A header holding ``data_key`` wrapped under ``passphrase``."""
    check_kdf_bounds(kdf)  # never write a header that read_header would refuse
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    wk = derive_wrapping_key(passphrase, salt, kdf)
    ct = AESGCM(wk).encrypt(nonce, data_key, _aad(vault_id, kdf))
    return KeyHeader(vault_id, kdf, salt, nonce, ct)


def unwrap(header: KeyHeader, passphrase: str) -> bytes:
    """The data key; WrongPassphrase when the passphrase does not open the header."""
    wk = derive_wrapping_key(passphrase, header.salt, header.kdf)
    try:
        return AESGCM(wk).decrypt(header.nonce, header.wrapped, header.aad())
    except InvalidTag:
        raise WrongPassphrase() from None


def read_header(path: Path) -> KeyHeader:
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_HEADER_BYTES + 1)  # a huge file is damaged, not read whole
    except FileNotFoundError:
        raise KeyHeaderMissing(str(path)) from None
    except OSError as exc:
        raise VaultIOError.from_os(str(path), exc) from None
    try:
        if len(raw) > MAX_HEADER_BYTES:
            raise ValueError("too large for a key header")
        return _parse(json.loads(raw))
    except (ValueError, KeyError, TypeError):
        raise KeyHeaderDamaged(str(path)) from None


def _parse(doc: Any) -> KeyHeader:
    if doc["format"] != FORMAT or doc["version"] != VERSION:
        raise ValueError("unknown format")
    k, w = doc["kdf"], doc["wrap"]
    if k["name"] != "argon2id" or w["name"] != "aes-256-gcm":
        raise ValueError("unknown algorithm")
    kdf = KdfParams(_integer(k["t"]), _integer(k["m"]), _integer(k["p"]))
    check_kdf_bounds(kdf)
    vault_id = doc["vault_id"]
    if not isinstance(vault_id, str) or not 0 < len(vault_id) <= MAX_VAULT_ID:
        raise ValueError("vault id")
    header = KeyHeader(
        vault_id=vault_id,
        kdf=kdf,
        salt=_bytes(k["salt"], MAX_SALT),
        nonce=_bytes(w["nonce"], NONCE_BYTES),
        wrapped=_bytes(w["key"], WRAPPED_BYTES),
    )
    sizes = (len(header.salt), len(header.nonce), len(header.wrapped))
    if sizes[0] < MIN_SALT or sizes[1:] != (NONCE_BYTES, WRAPPED_BYTES):
        raise ValueError("wrong field sizes")
    if doc["check"] != header.checksum():
        raise ValueError("checksum mismatch")
    return header


def check_kdf_bounds(kdf: KdfParams) -> None:
    """ValueError when ``kdf`` is outside what a header may carry (see MAX_WORK_KIB)."""
    if not (
        MIN_MEMORY_KIB <= kdf.memory_kib <= MAX_MEMORY_KIB
        and MIN_TIME_COST <= kdf.time_cost <= MAX_TIME_COST
        and 1 <= kdf.parallelism <= MAX_PARALLELISM
        and kdf.time_cost * kdf.memory_kib <= MAX_WORK_KIB
    ):
        raise ValueError("KDF parameters outside the accepted range")


def _integer(value: Any) -> int:
    """A JSON integer as the app writes it: no text, no float, no true/false."""
    if type(value) is not int:
        raise ValueError("not an integer")
    return value


def _bytes(text: Any, max_bytes: int) -> bytes:
    """Base64 ``text`` of at most ``max_bytes`` bytes, checked before decoding."""
    if not isinstance(text, str) or len(text) > 4 * ((max_bytes + 2) // 3):
        raise ValueError("field too long")
    return base64.b64decode(text, validate=True)


def write_header(path: Path, header: KeyHeader) -> None:
    """Replace the header file atomically: a crash leaves the old one or the new one."""
    try:
        write_atomic(path, header.to_json())
    except OSError as exc:
        raise VaultIOError.from_os(str(path), exc) from None


# --- recovery key -----------------------------------------------------------------------

_CHECK_BYTES = 3  # 32 + 3 bytes = 280 bits = 56 base32 characters = 14 groups of four


def _checksum(data_key: bytes) -> bytes:
    return hashlib.blake2b(data_key, digest_size=_CHECK_BYTES, person=b"spt-recovery").digest()


def recovery_key(data_key: bytes) -> str:
    """The printable recovery key for ``data_key``: 14 groups of four characters."""
    text = base64.b32encode(data_key + _checksum(data_key)).decode()
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def data_key_from_recovery(text: str) -> bytes:
    """The data key in a typed recovery key; tolerant of spaces, dashes, case and the
    look-alikes 0/O, 1/I, 8/B. InvalidRecoveryKey when the checksum does not match."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    try:
        raw = base64.b32decode(cleaned)
    except ValueError:
        raise InvalidRecoveryKey() from None
    key, check = raw[:DATA_KEY_BYTES], raw[DATA_KEY_BYTES:]
    if len(key) != DATA_KEY_BYTES or len(check) != _CHECK_BYTES or _checksum(key) != check:
        raise InvalidRecoveryKey()
    return key


def new_vault_id() -> str:
    return os.urandom(16).hex()
