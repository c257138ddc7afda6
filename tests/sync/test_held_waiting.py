"""What names a held record waits with it (``sync.held.WAITS_FOR``).

A new candidate (or employer) this version cannot store is held; before, her notes,
plans and the rest of her dossier still went in, naming a candidate the vault does not
have: found nowhere by the coach, counted as damage by the vault's integrity check,
until an update brought her. Now they are held with her, counted with her ("N changes
wait for an update"), and go in the moment she does: after an update, or when a newer
change of hers this version can store arrives. A held *update* of a record the vault
has makes nothing wait."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from spt_desktop.services import Services
from spt_desktop.sync import held
from spt_desktop.sync.apply import apply_page, to_wire
from spt_desktop.sync.engine import remote_connection
from tests.support.server_kit import (
    Admin,
    LiveServer,
    add_candidate,
    add_note,
    local_rows,
    make_vault,
)
from tests.sync.test_held_changes import TODAY, bound, held_rows, server_sector, sync

NEW_PHASE = "x_nieuwe_fase"  # a phase a newer version of the app knows


def wire(vault: Any, entity: str, rid: str, rev: int, **data: Any) -> dict[str, Any]:
    """A record of ``vault`` as a pulled page has it."""
    from spt_common import protocol as p

    row = local_rows(vault, entity)[rid]
    fields = {name: to_wire(row[name]) for name in p.ENTITY_FIELDS[entity]}
    return {"entity": entity, "id": rid, "rev": rev, "deleted": False, "data": fields | data}


def dangling(vault: Any) -> list[Any]:
    """References the vault's rows make to rows it lacks (a note's author, a coach of
    the vault the records were made in, aside: the directory is not what this tests)."""
    with vault.engine.connect() as c:
        return [r for r in c.exec_driver_sql("PRAGMA foreign_key_check") if r[2] != "coach"]


def test_a_held_new_candidates_dossier_waits_with_her_and_goes_in_with_her(
    tmp_path: Path,
) -> None:
    source = make_vault(tmp_path / "bron.sptvault")  # what the server sends, made here
    kim = add_candidate(source, "Kim")
    first, second = add_note(source, kim, "Eerste"), add_note(source, kim, "Tweede")
    lot = add_candidate(source, "Lotte")
    other = add_note(source, lot, "Van Lotte")
    vault = make_vault(tmp_path / "v.sptvault")

    with remote_connection(vault) as c:
        apply_page(
            c,
            [
                wire(source, "candidate", kim, 10, phase=NEW_PHASE),
                wire(source, "note", first, 11),
                wire(source, "candidate", lot, 12),
                wire(source, "note", other, 13),
            ],
        )
        assert held.count(c) == 2
        apply_page(c, [wire(source, "note", second, 14)])  # a later page: waits too
        assert held.count(c) == 3
    assert kim not in local_rows(vault, "candidate")
    assert set(local_rows(vault, "note")) == {other}  # Lotte's: nothing of hers waits
    assert dangling(vault) == []
    waits = {r[0]: r for r in held_rows(vault)}
    assert set(waits) == {kim, first, second}

    # A newer change of Kim this version can store: she goes in, her notes with her.
    with remote_connection(vault) as c:
        apply_page(c, [wire(source, "candidate", kim, 20)])
        assert held.count(c) == 0
    assert kim in local_rows(vault, "candidate")
    assert set(local_rows(vault, "note")) == {first, second, other}
    assert dangling(vault) == []


def test_after_an_update_the_candidate_and_what_waited_go_in_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spt_common.enums import Labelled, Phase

    source = make_vault(tmp_path / "bron.sptvault")
    kim = add_candidate(source, "Kim")
    note = add_note(source, kim, "Eerste")
    vault = make_vault(tmp_path / "v.sptvault")
    with remote_connection(vault) as c:
        # The note first, then (a higher revision) the candidate: in separate pages.
        apply_page(c, [wire(source, "candidate", kim, 10, phase=NEW_PHASE)])
        apply_page(c, [wire(source, "note", note, 11)])
        assert held.count(c) == 2

    import spt_desktop

    monkeypatch.setattr(spt_desktop, "__version__", "99.0.0")
    parse = Phase.parse

    def knows(cls: type[Labelled], code: str) -> Any:
        return type("Known", (), {"value": code})() if code == NEW_PHASE else parse(code)

    monkeypatch.setattr(Phase, "parse", classmethod(knows))
    with remote_connection(vault) as c:
        held.retry(c)
        assert held.count(c) == 0
        notes = c.exec_driver_sql("SELECT id FROM note").all()
        phase = c.exec_driver_sql("SELECT phase FROM candidate WHERE id = ?", (kim,)).scalar()
    assert [n[0] for n in notes] == [note] and phase == NEW_PHASE


def test_a_held_update_of_a_record_the_vault_has_makes_nothing_wait(tmp_path: Path) -> None:
    source = make_vault(tmp_path / "bron.sptvault")
    kim = add_candidate(source, "Kim")
    note = add_note(source, kim, "Eerste")
    vault = make_vault(tmp_path / "v.sptvault")
    with remote_connection(vault) as c:
        apply_page(c, [wire(source, "candidate", kim, 10)])
        apply_page(c, [wire(source, "candidate", kim, 11, phase=NEW_PHASE)])
        apply_page(c, [wire(source, "note", note, 12)])
        assert held.count(c) == 1
    assert note in local_rows(vault, "note")


def test_a_refused_new_row_takes_what_names_it_on_its_page_out_again(tmp_path: Path) -> None:
    """A new candidate refused as she is written (a newer app's null where this version
    requires a value), her note on the same page written before: out again, held."""
    source = make_vault(tmp_path / "bron.sptvault")
    kim = add_candidate(source, "Kim")
    note = add_note(source, kim, "Eerste")
    vault = make_vault(tmp_path / "v.sptvault")
    with remote_connection(vault) as c:
        # The note's table first in the page, so it is written before the candidate's.
        apply_page(
            c, [wire(source, "note", note, 11), wire(source, "candidate", kim, 12, last_name=None)]
        )
        assert held.count(c) == 2
    assert local_rows(vault, "note") == {} and kim not in local_rows(vault, "candidate")
    assert dangling(vault) == []


def test_a_vacancy_of_a_new_employer_waits_end_to_end(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """Through a live server: Bram's first sync meets an employer of a newer app (a
    sector his version does not know) with a vacancy; both wait (2 counted). Anna then
    gives the employer a sector both know: both go in at Bram's next sync."""
    admin.add_coach("anna@spt.nl", roles="arbeidsmarktcoach")
    admin.add_coach("bram@spt.nl", roles="arbeidsmarktcoach")
    a = bound(tmp_path, "a", live.url, "anna@spt.nl")
    b = bound(tmp_path, "b", live.url, "bram@spt.nl")
    svc = Services(a, today=lambda: TODAY)
    emp = svc.employers.create(
        {"name": "Zaanwarmte", "sector": "installatie", "municipality": "Zaanstad"}
    )
    vac = svc.employers.add_vacancy(emp.id, {"title": "Monteur"})
    sync(a, live.url)
    server_sector(admin, emp.id, "ruimtevaart")

    assert sync(b, live.url).held == 2
    assert emp.id not in local_rows(b, "employer") and vac.id not in local_rows(b, "vacancy")
    assert dangling(b) == []

    svc.employers.update(emp.id, {"sector": "metaal"})
    sync(a, live.url)
    assert sync(b, live.url).held == 0
    assert local_rows(b, "employer")[emp.id]["sector"] == "metaal"
    assert vac.id in local_rows(b, "vacancy")
    with b.engine.connect() as c:
        assert c.execute(sa.text("SELECT count(*) FROM held_change")).scalar() == 0
