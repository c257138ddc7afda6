"""Vault migration 0008 on a vault of schema 0007 with data: notes get ``visit_id``
(null: none of them is an aanvulling), trainings ``certifiable`` (false), and both
work at once — an aanvulling on a signed visit, a training's certifiable flag."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa

from spt_desktop.models import Note, Training, Visit
from spt_desktop.models.migrate import current_revision
from spt_desktop.models.vault import Vault
from spt_desktop.services import Services

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vaults" / "v0007"
FIXTURE_PASSPHRASE = "oude kluis uit versie een"


def test_0008_on_the_v0007_demo_vault(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "v0007")
    vault = Vault(tmp_path / "v0007" / "demo.sptvault")
    vault.unlock(FIXTURE_PASSPHRASE)
    try:
        assert current_revision(vault.engine) >= "0008"  # (later ones run too)
        with vault.transaction() as s:
            notes = s.scalars(sa.select(Note)).all()
            trainings = s.scalars(sa.select(Training)).all()
            assert len(notes) == 21 and len(trainings) == 3  # the manifest's counts
            assert {n.visit_id for n in notes} == {None}
            assert {t.certifiable for t in trainings} == {False}
            signed = s.scalars(
                sa.select(Visit).where(Visit.signed_off_at.is_not(None), ~Visit.deleted)
            ).first()
            assert signed is not None
            visit_id, training_id = signed.id, trainings[0].id
        svc = Services(vault, today=lambda: date(2026, 11, 30), now=lambda: datetime(2026, 11, 30))
        note = svc.visits.amend(visit_id, "Aanvulling na de upgrade: werkgever belde")
        assert note.visit_id == visit_id
        assert svc.training.update(training_id, {"certifiable": True}).certifiable
        with vault.transaction() as s:
            assert s.get(Note, note.id).visit_id == visit_id  # type: ignore[union-attr]
        assert vault.integrity_problems() == []
    finally:
        vault.lock()
