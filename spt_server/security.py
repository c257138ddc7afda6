"""Passwords (Argon2id), signed short-lived access tokens, opaque refresh tokens."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ACCESS_TTL = 15 * 60  # seconds: short, so a revoked device loses access quickly
REFRESH_TTL_DAYS = 60

_hasher = PasswordHasher()  # argon2-cffi's defaults are Argon2id (RFC 9106 low-memory)
# A hash of a random password, so an unknown e-mail address costs as much as a known one.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored or _DUMMY_HASH, password) and stored is not None
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


def issue_access(key: bytes, account_id: str, device_id: str, ttl: int = ACCESS_TTL) -> str:
    payload = _b64(
        json.dumps({"a": account_id, "d": device_id, "e": int(time.time()) + ttl}).encode()
    )
    sig = _b64(hmac.new(key, payload.encode(), hashlib.sha256).digest())
    return f"{payload}.{sig}"


def read_access(key: bytes, token: str) -> AccessClaims:
    """The claims of a valid token; TokenError(token_invalid|token_expired) otherwise."""
    try:
        payload, sig = token.split(".")
        expected = _b64(hmac.new(key, payload.encode(), hashlib.sha256).digest())
        if not hmac.compare_digest(sig, expected):
            raise TokenError("token_invalid")
        doc = json.loads(_unb64(payload))
        claims = AccessClaims(str(doc["a"]), str(doc["d"]), int(doc["e"]))
    except TokenError:
        raise
    except (ValueError, KeyError, TypeError):
        raise TokenError("token_invalid") from None
    if claims.expires < time.time():
        raise TokenError("token_expired")
    return claims
