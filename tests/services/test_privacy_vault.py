"""Privacy in the vault (issue 10 §4), on real SQLCipher vault files: a purge takes the
candidate's form drafts along; a deleted record keeps no text, in its row or in the
search index; the access export holds everything still held and nothing deleted; a
draft never keeps a BSN."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from spt_desktop.models.vault import Vault
from spt_desktop.services.session import Owner, VaultSession
from spt_desktop.sync.purge import purge_candidates
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.services.factories import ONLY_PROCESSING, profile


@pytest.fixture
def session(tmp_path: Path) -> Iterator[VaultSession]:
    s = VaultSession(
        tmp_path / "coach.sptvault",
        kdf=FAST_KDF,
        now=lambda: datetime(2026, 11, 30, 9, 15),
    )
    s.create(PASSPHRASE, Owner("Sanne Bakker", "sanne@example.nl"))
    yield s
    s.lock()


def vault_of(session: VaultSession) -> Vault:
    return session._vault  # the test reads the file's rows itself


def raw_dump(vault: Vault) -> str:
    """Every value of every table in the decrypted vault (the FTS shadow tables too,
    blobs decoded), as one text to search."""
    out: list[str] = []
    with vault.engine.connect() as conn:
        tables = [
            name
            for (name,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        ]
        for name in tables:
            for row in conn.exec_driver_sql(f'SELECT * FROM "{name}"'):
                for value in row:
                    if isinstance(value, bytes):
                        out.append(value.decode("utf-8", "replace"))
                    elif value is not None:
                        out.append(str(value))
    return "\n".join(out)


# --- a purge takes the drafts along ---------------------------------------------------


def test_a_purge_removes_the_drafts_about_that_candidate_and_no_others(
    session: VaultSession,
) -> None:
    svc = session.services
    x = svc.candidates.register(profile(first_name="Xandra"), ONLY_PROCESSING)
    y = svc.candidates.register(profile(first_name="Yusuf"), ONLY_PROCESSING)
    session.save_draft(f"visit:{x.id}", {"topics": "Xandra-geheim werkplek"})
    session.save_draft(f"intake:{x.id}", {"background": "Xandra-geheim achtergrond"})
    session.save_draft(f"handover:{x.id}", {"summary": "Xandra-geheim overdracht"})
    session.save_draft(f"visit:{y.id}", {"topics": "Yusuf werkplek"})
    session.save_draft("register", {"first_name": "Nog niemand"})
    vault = vault_of(session)
    with vault.engine.begin() as conn:
        purge_candidates(conn, [x.id])
    assert set(session.drafts()) == {f"visit:{y.id}", "register"}
    assert "Xandra-geheim" not in raw_dump(vault)
    assert "Yusuf werkplek" in raw_dump(vault)


def test_a_draft_about_a_candidate_no_longer_in_the_vault_is_not_kept(
    session: VaultSession,
) -> None:
    """A form left open while a sync purged its candidate: locking saves the open
    forms as drafts, but not one about someone who has left the vault."""
    x = session.services.candidates.register(profile(), ONLY_PROCESSING)
    with vault_of(session).engine.begin() as conn:
        purge_candidates(conn, [x.id])
    session.save_draft(f"visit:{x.id}", {"topics": "na de purge"})
    assert session.drafts() == {}


# --- no BSN in a draft ------------------------------------------------------------------


def test_a_draft_is_stored_without_the_fields_that_hold_a_bsn(session: VaultSession) -> None:
    x = session.services.candidates.register(profile(), ONLY_PROCESSING)
    refused = session.save_draft(
        f"visit:{x.id}",
        {"topics": "Pasnummer 1112.22.333", "agreements": "Start maandag", "notes": "06-12345678"},
    )
    assert refused == ["topics"]
    assert session.load_draft(f"visit:{x.id}") == {
        "agreements": "Start maandag",
        "notes": "06-12345678",
    }
    assert "1112.22.333" not in raw_dump(vault_of(session))


def _json_rows(vault: Vault, sql: str) -> list[Any]:
    with vault.engine.connect() as conn:
        return [json.loads(v) for (v,) in conn.exec_driver_sql(sql)]
