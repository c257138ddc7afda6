"""The server hashes account passwords at argon2-cffi's default cost (Argon2id, RFC 9106's
low-memory choice), not the cheaper one the other tests run with (tests/conftest.py)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, extract_parameters
from argon2.profiles import RFC_9106_LOW_MEMORY

from spt_server import security

pytestmark = pytest.mark.real_password_cost


def test_a_password_is_hashed_at_argon2_cffis_default_cost() -> None:
    stored = security.hash_password("een wachtwoord")
    assert extract_parameters(stored) == extract_parameters(PasswordHasher().hash("x"))
    assert extract_parameters(stored) == RFC_9106_LOW_MEMORY
    assert security.verify_password(stored, "een wachtwoord")
    assert not security.verify_password(stored, "een ander wachtwoord")
