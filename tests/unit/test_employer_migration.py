"""Vault migration 0009 on a vault of 0008 with data (tests/fixtures/vaults/v0008): the
employers, contact persons and vacancies of before keep every value and get the new
fields empty; the new fields and the contact log can be written at once; a deleted row
of the changed and new tables keeps no content (0007's rule, triggers made anew)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from spt_desktop.models.migrate import SCHEMA_HEAD, current_revision
from spt_desktop.models.vault import Vault
from spt_desktop.services import Services
from tests.fixtures.make_vault_fixture import PASSPHRASE

BEFORE = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0008"
NEW = {
    "employer": ("branch", "training_fund", "transition_readiness", "transition_notes"),
    "contact_person": ("left_on",),
    "vacancy": ("work_pattern", "salary_min", "salary_max", "language_level", "work_level",
                "bbl_possible", "source"),
}  # fmt: skip


def _rows(vault: Vault, table: str) -> list[dict]:
    with vault.engine.connect() as c:
        return [dict(r._mapping) for r in c.execute(sa.text(f"SELECT * FROM {table} ORDER BY id"))]


def test_0009_on_a_0008_vault_with_data(tmp_path: Path) -> None:
    folder = tmp_path / "v0008"
    shutil.copytree(BEFORE, folder)
    path = folder / "demo.sptvault"
    old = Vault(path)
    old.unlock(PASSPHRASE)  # upgrades
    try:
        assert current_revision(old.engine) == SCHEMA_HEAD  # 0009 and what came after
        for table, columns in NEW.items():
            rows = _rows(old, table)
            assert rows, table  # the fixture has data here
            assert all(r[c] is None for r in rows for c in columns), table
        assert _rows(old, "employer_contact") == []

        svc = Services(old, today=lambda: date(2026, 11, 30))
        emp = svc.employers.find()[0]
        changed = svc.employers.update(
            emp.id, {"branch": "metaalunie", "transition_readiness": "high"}
        )
        assert changed.name == emp.name and changed.branch == "metaalunie"
        vac = svc.employers.vacancies(emp.id, status=None)
        logged = svc.employers.log_contact(
            emp.id,
            {"held_on": date(2026, 11, 20), "kind": "matchtafel", "agreements": "Drie profielen"},
        )
        if vac:
            svc.employers.update_vacancy(vac[0].id, {"work_pattern": "day", "salary_min": 2500})
        # A deleted contact log entry keeps no content (the scrub trigger of 0009).
        with old.engine.begin() as c:
            c.execute(
                sa.text("UPDATE employer_contact SET deleted = 1 WHERE id = :i"), {"i": logged.id}
            )
            c.execute(sa.text("UPDATE employer SET deleted = 1 WHERE id = :i"), {"i": emp.id})
        (row,) = _rows(old, "employer_contact")
        assert (row["agreements"], row["follow_up_on"]) == ("", None)
        gone = next(r for r in _rows(old, "employer") if r["id"] == emp.id)
        assert (gone["name"], gone["branch"], gone["transition_readiness"]) == ("", None, None)
    finally:
        old.lock()
