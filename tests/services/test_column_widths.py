"""The column widths a coach chose, kept in the vault's settings (ui/columns.py)."""

from __future__ import annotations

from spt_desktop.services.session import COLUMN_WIDTHS_KEY, Owner, VaultSession
from tests.conftest import FAST_KDF, PASSPHRASE


def test_widths_are_kept_per_table_across_a_lock(tmp_path):  # type: ignore[no-untyped-def]
    session = VaultSession(tmp_path / "v.sptvault", kdf=FAST_KDF)
    session.create(PASSPHRASE, Owner("Sanne Bakker"))
    assert session.column_widths() == {}
    session.set_column_widths("caseload/0", {1: 21.456, 3: 8})
    session.set_column_widths("monitor/monitorTable_phases", {2: 5.0})
    session.lock()
    session.unlock(PASSPHRASE)
    assert session.column_widths() == {
        "caseload/0": {1: 21.46, 3: 8.0},
        "monitor/monitorTable_phases": {2: 5.0},
    }
    session.set_column_widths("caseload/0", {})  # forgotten
    assert session.column_widths() == {"monitor/monitorTable_phases": {2: 5.0}}


def test_unreadable_widths_count_as_none_chosen(tmp_path):  # type: ignore[no-untyped-def]
    """A setting this version cannot read never keeps a page from opening."""
    session = VaultSession(tmp_path / "v.sptvault", kdf=FAST_KDF)
    session.create(PASSPHRASE, Owner("Sanne Bakker"))
    for raw in ("niet json", "[1, 2]", '{"caseload/0": {"x": 3}}', '{"t": 5}'):
        session._put(COLUMN_WIDTHS_KEY, raw)
        assert session.column_widths() == {}, raw
    session.set_column_widths("caseload/0", {1: 12})
    assert session.column_widths() == {"caseload/0": {1: 12.0}}
