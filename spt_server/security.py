"""Passwords (Argon2id), signed short-lived access tokens, opaque refresh tokens, and the
secrets' files: the signing keys (a key file or the environment) and the private-file
check the database and the key file share.

Access tokens are ``<key id>.<payload>.<signature>``: HMAC-SHA256 over the key id and the
payload, the payload being ``{"a": account, "d": device, "e": expiry}`` in base64url JSON.
The server signs with its newest key and accepts every key it still has, so a key can be
rotated with overlap (see ``KeyRing``). Tokens of the form before key ids
(``<payload>.<signature>``) are still accepted when one of the keys signed them: see
``read_access``.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import logging
import os
import secrets
import stat
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ACCESS_TTL = 15 * 60  # seconds: short, so a revoked device loses access quickly
# Seconds a token's expiry may lie beyond ACCESS_TTL from now: clocks of the server
# processes (one machine, or several kept by NTP) differ by far less than this.
CLOCK_SKEW = 60
MAX_TOKEN_CHARS = 1024  # ours are ~200; anything longer is not one of ours
REFRESH_TTL_DAYS = 60

_hasher = PasswordHasher()  # argon2-cffi's defaults are Argon2id (RFC 9106 low-memory)


@functools.cache
def _dummy_hash() -> str:
    """A hash of a random password, so an unknown e-mail address costs as much as a known
    one. Made on first use, not at import: every admin command imports this module."""
    return _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored or _dummy_hash(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """Refresh tokens are stored hashed: a database leak does not hand out sessions."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class AccessClaims:
    account_id: str
    device_id: str
    expires: int


class TokenError(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: bytes, text: str) -> str:
    return _b64(hmac.new(secret, text.encode(), hashlib.sha256).digest())


# --- signing keys ----------------------------------------------------------------------

KEY_BYTES = 32
KEY_FILE_FORMAT = "spt-server-signing-keys"
KEY_FILE_ENV = "SPT_SIGNING_KEY_FILE"  # path of a key file
KEY_ENV = "SPT_SIGNING_KEY"  # or the keys themselves: hex, comma-separated, first signs
NEW_KEY_DELAY = 10 * 60  # seconds a new key is accepted before it signs (see KeyRing)


def key_id(secret: bytes) -> str:
    """A key's id, derived from it: the same key has the same id in the database, a key
    file or the environment, so moving it keeps every token it signed valid."""
    return hashlib.sha256(b"spt-signing-key-id:" + secret).hexdigest()[:12]


@dataclass(frozen=True)
class SigningKey:
    """One key. It verifies tokens from the moment the server has it, and signs new ones
    from ``signs_from`` (Unix time) on, until a newer key takes over."""

    secret: bytes = field(repr=False)
    signs_from: int = 0
    added: int = 0

    @property
    def kid(self) -> str:
        return key_id(self.secret)


@dataclass(frozen=True)
class KeyRing:
    """The server's signing keys, oldest first, and where they came from.

    Rotation with overlap, also across several server processes: a new key is accepted
    at once but signs only from its ``signs_from`` (by default 10 minutes on), so every
    process knows it (``KeyFileWatch``: within a second) before any token signed with it
    exists; the old key keeps verifying until it is retired, which ``retire_keys``
    allows once the newer key has signed for longer than a token lives.
    """

    keys: tuple[SigningKey, ...]
    source: str  # "database", "file" or "environment"
    path: Path | None = None  # the key file read (``KeyFileWatch``)

    def signer(self, now: float | None = None) -> SigningKey:
        """The key that signs now: the newest whose time has come (else the first)."""
        moment = time.time() if now is None else now
        active = [k for k in self.keys if k.signs_from <= moment]
        if not active:
            return min(self.keys, key=lambda k: k.signs_from)
        return max(reversed(active), key=lambda k: k.signs_from)  # ties: the later listed

    def find(self, kid: str) -> SigningKey | None:
        return self._by_kid.get(kid)

    @functools.cached_property
    def _by_kid(self) -> dict[str, SigningKey]:
        # Made once: a key's id is a hash of it, and every request's token names one.
        found: dict[str, SigningKey] = {}
        for key in self.keys:
            found.setdefault(key.kid, key)  # the first listed, as a search would find
        return found


def retire_keys(ring: KeyRing, now: float | None = None) -> KeyRing:
    """``ring`` without the keys no token still valid can carry: a key goes once a newer
    key has been signing for longer than ACCESS_TTL (plus the clock skew). The signing
    key and keys still waiting to sign always stay."""
    moment = time.time() if now is None else now
    current = ring.signer(moment)
    cutoff = moment - ACCESS_TTL - CLOCK_SKEW

    def needed(key: SigningKey) -> bool:
        if key == current or key.signs_from > moment:
            return True
        # Superseded when a newer key started signing; retired a token-life after that.
        successors = [k.signs_from for k in ring.keys if k.signs_from > key.signs_from]
        return not successors or min(successors) > cutoff

    return replace(ring, keys=tuple(k for k in ring.keys if needed(k)))


class SecretFileError(Exception):
    """A secret's file that is unsafe, missing or unreadable; the message is Dutch, says
    what to do, and names only file paths."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_private(paths: Iterable[Path], what: str) -> None:
    """SecretFileError when any of ``paths`` that exists is open to group or others.

    The files hold every record (the database) or what signs every session (the key
    file): only the server's own user may read them."""
    if os.name == "nt":
        return  # POSIX modes do not describe Windows ACLs (the server runs on Linux)
    exposed = []
    for path in paths:
        try:
            st = path.stat()
        except FileNotFoundError:
            continue
        if stat.S_IMODE(st.st_mode) & 0o077:
            exposed.append(str(path))
    if exposed:
        raise SecretFileError(
            f"{what} is leesbaar of schrijfbaar voor andere gebruikers van deze computer "
            f"({', '.join(exposed)}). Uit voorzorg start de server niet en doet spt-server "
            "er niets mee. Maak het alleen voor de gebruiker van de server toegankelijk: "
            f"chmod 600 {' '.join(exposed)}"
        )


def key_source_configured(env: Mapping[str, str] | None = None) -> bool:
    """True when the environment names a key file or holds keys (the database keeps none)."""
    env = os.environ if env is None else env
    return bool(env.get(KEY_FILE_ENV) or env.get(KEY_ENV))


def configured_keys(env: Mapping[str, str] | None = None) -> KeyRing | None:
    """The keys of SPT_SIGNING_KEY_FILE, else of SPT_SIGNING_KEY, else None (the server
    falls back to the key in its database)."""
    env = os.environ if env is None else env
    if env.get(KEY_FILE_ENV):
        return read_key_file(Path(env[KEY_FILE_ENV]))
    if env.get(KEY_ENV):
        return _env_keys(env[KEY_ENV])
    return None


def _env_keys(text: str) -> KeyRing:
    """``hex[,hex...]``: the first signs, the others are accepted (rotation by hand)."""
    try:
        secrets_ = [bytes.fromhex(part.strip()) for part in text.split(",") if part.strip()]
    except ValueError:
        secrets_ = []
    if not secrets_ or any(len(s) != KEY_BYTES for s in secrets_):
        raise SecretFileError(
            f"{KEY_ENV} bevat geen geldige sleutel(s): verwacht {2 * KEY_BYTES} hexadecimale "
            "tekens per sleutel, komma-gescheiden. Maak er een met: "
            "python3 -c 'import secrets; print(secrets.token_hex(32))'"
        )
    first, *others = secrets_
    keys = [SigningKey(s, signs_from=0) for s in others] + [SigningKey(first, signs_from=1)]
    return KeyRing(tuple(keys), "environment")


def read_key_file(path: Path) -> KeyRing:
    """The keys in the key file at ``path``, which must be private to the server's user."""
    if not path.is_file():
        raise SecretFileError(
            f"Het sleutelbestand {path} bestaat niet (of is geen bestand). Maak het met: "
            f"spt-server signing-key new --file {path}"
        )
    check_private([path], f"Het sleutelbestand {path}")
    damaged = SecretFileError(
        f"Het sleutelbestand {path} is beschadigd of geen SPT-sleutelbestand. Zet het terug "
        f"uit uw back-up, of maak een nieuw: spt-server signing-key new --file {path} "
        "(apparaten die in het laatste kwartier synchroniseerden, melden zich dan opnieuw aan)."
    )
    try:
        with path.open("rb") as f:
            doc = json.loads(f.read(1024 * 1024))  # a few keys: ~200 bytes each
        if doc["format"] != KEY_FILE_FORMAT or doc["version"] != 1:
            raise damaged
        keys = tuple(
            SigningKey(bytes.fromhex(k["secret"]), int(k["signs_from"]), int(k["added"]))
            for k in doc["keys"]
        )
    except OSError:
        raise SecretFileError(
            f"Het sleutelbestand {path} kan niet worden gelezen: controleer dat de server "
            "eigenaar is (chown) en dat het 600 is."
        ) from None
    except (ValueError, KeyError, TypeError):
        raise damaged from None
    if not keys or any(len(k.secret) != KEY_BYTES for k in keys):
        raise damaged
    return KeyRing(keys, "file", path)


# Seconds between two looks of a serving process at its key file (``KeyFileWatch``): a
# key retired (or added) there holds in every process within this, without a restart.
KEY_RECHECK = 1.0


class KeyFileWatch:
    """The keys of a key file as a serving process uses them: the file looked at again
    (one ``stat``) at most every KEY_RECHECK seconds, and read again when it changed
    (``signing-key retire`` and ``new`` replace it: a new inode). So a retired key stops
    verifying within a second in every worker process, with no restart and no database
    round trip per request; between two looks a request pays a clock read.

    A file that can no longer be read (moved away, opened up to others, damaged) keeps
    the keys read before, with a warning in the log (paths only, never a key)."""

    def __init__(self, ring: KeyRing, now: float) -> None:
        if ring.path is None:
            raise ValueError("a key ring read from a file")
        self.path = ring.path
        self.ring = ring
        # Unknown until the first look, KEY_RECHECK after the start: the file read
        # once more then (a change between the start's read and a stat is not missed).
        self._seen: tuple[int, ...] | None = None
        self._due = now + KEY_RECHECK

    def current(self, now: float) -> KeyRing:
        """The keys to use at ``now`` (the monotonic clock): the same ring object while
        the file has not changed."""
        if now < self._due:
            return self.ring
        self._due = now + KEY_RECHECK
        seen: tuple[int, ...]
        try:
            st = self.path.stat()
            seen = (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        except OSError:
            seen = ()
        if seen == self._seen:
            return self.ring
        self._seen = seen
        try:
            ring = read_key_file(self.path)
        except SecretFileError as exc:
            logging.getLogger("spt_server").warning(
                "%s De server blijft de sleutels gebruiken die hij al had.", exc.message
            )
            return self.ring
        if ring.keys != self.ring.keys:
            self.ring = ring
        return self.ring


def write_key_file(path: Path, ring: KeyRing) -> None:
    """Write the key file atomically, readable by this user only (folder too, if new)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    doc = {
        "format": KEY_FILE_FORMAT,
        "version": 1,
        "keys": [
            {
                "id": k.kid,  # for people reading the file; the id is derived, not read
                "added": k.added,
                "signs_from": k.signs_from,
                "comment": "tekent vanaf " + _utc(k.signs_from),
                "secret": k.secret.hex(),
            }
            for k in ring.keys
        ],
    }
    fd, tmp = tempfile.mkstemp(prefix=".signing-keys-", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(fd, "w") as f:
            json.dump(doc, f, indent=2)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _utc(moment: int) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%d %H:%M UTC")


def add_new_key(path: Path, delay: int = NEW_KEY_DELAY, now: float | None = None) -> SigningKey:
    """Add a fresh key to the key file at ``path`` (made if missing), keeping the old
    ones. It signs after ``delay`` seconds; the first key of a new file at once."""
    moment = int(time.time() if now is None else now)
    ring = read_key_file(path) if path.exists() else KeyRing((), "file")
    key = SigningKey(
        secrets.token_bytes(KEY_BYTES),
        signs_from=moment + (delay if ring.keys else 0),
        added=moment,
    )
    write_key_file(path, replace(ring, keys=(*ring.keys, key)))
    return key


# --- access tokens ---------------------------------------------------------------------


def issue_access(keys: KeyRing, account_id: str, device_id: str, ttl: int = ACCESS_TTL) -> str:
    """A signed access token; ``ttl`` is capped at ACCESS_TTL (longer ones are refused)."""
    claims = {"a": account_id, "d": device_id, "e": int(time.time()) + min(ttl, ACCESS_TTL)}
    key = keys.signer()
    signed = f"{key.kid}.{_b64(json.dumps(claims).encode())}"
    return f"{signed}.{_mac(key.secret, signed)}"


def read_access(keys: KeyRing, token: str, now: float | None = None) -> AccessClaims:
    """The claims of a valid token; TokenError(token_invalid|token_expired) otherwise.

    Invalid: not signed by a key of ``keys``, claims missing or of the wrong type, or an
    expiry further away than this server ever issues (ACCESS_TTL plus CLOCK_SKEW): the
    lifetime is capped here, not only at issue, so even someone holding the key cannot
    make a token that lasts.

    A token without key id (issued before key ids, at most ACCESS_TTL ago) is checked
    against every key: the desktop keeps its access token in the vault and answers
    token_invalid with "log in again", so refusing them would send every coach who
    synchronised in the last quarter of an hour before the upgrade to the login screen.
    They die by themselves within 15 minutes, or at once when their key is retired.
    """
    moment = time.time() if now is None else now
    try:
        if len(token) > MAX_TOKEN_CHARS:
            raise TokenError("token_invalid")
        parts = token.split(".")
        if len(parts) == 3:
            key = keys.find(parts[0])
            signed = f"{parts[0]}.{parts[1]}"
            if key is None or not hmac.compare_digest(parts[2], _mac(key.secret, signed)):
                raise TokenError("token_invalid")
        elif len(parts) == 2:
            if not any(hmac.compare_digest(parts[1], _mac(k.secret, parts[0])) for k in keys.keys):
                raise TokenError("token_invalid")
        else:
            raise TokenError("token_invalid")
        doc = json.loads(_unb64(parts[-2]))
    except TokenError:
        raise
    except (ValueError, TypeError):
        raise TokenError("token_invalid") from None
    claims = _claims(doc)
    if claims.expires > moment + ACCESS_TTL + CLOCK_SKEW:
        raise TokenError("token_invalid")
    if claims.expires < moment:
        raise TokenError("token_expired")
    return claims


def _claims(doc: object) -> AccessClaims:
    """The claims, exactly as issue_access writes them; token_invalid otherwise."""
    if not isinstance(doc, dict):
        raise TokenError("token_invalid")
    a, d, e = doc.get("a"), doc.get("d"), doc.get("e")
    if not (isinstance(a, str) and isinstance(d, str) and type(e) is int):
        raise TokenError("token_invalid")
    return AccessClaims(a, d, e)
