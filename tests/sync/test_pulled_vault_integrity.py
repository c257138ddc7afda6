"""A laptop's first pull of a coach's caseload leaves a vault that passes its own
integrity check: a reference the server legitimately leaves outside the laptop (another
SPT's employer or vacancy, which a candidate's match, placement or visit may name) is not
damage; a reference the laptop should hold and does not still is. Real vaults, a real
server on loopback."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa

from spt_desktop import demo
from spt_desktop.demo.coaches import _COLLEAGUES
from spt_desktop.models.vault import Vault
from spt_desktop.services import Services
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import PASSWORD, Admin, LiveServer, add_candidate, make_vault

REGISTRY_PARENTS = {"employer", "vacancy", "contact_person"}


def bound(tmp_path: Path, name: str, url: str) -> Vault:
    vault = make_vault(tmp_path / f"{name}.sptvault")
    engine.login(vault, url, "anna@spt.nl", PASSWORD, device_name=name)
    return vault


def staff(admin: Admin) -> None:
    """Anna and the demo's colleagues as accounts: the staff directory every device
    receives names them, so the demo's references to colleagues are to real accounts
    (fill_vault reuses a vault's coaches by name)."""
    from spt_server import setup

    admin.add_coach("anna@spt.nl", roles="loopbaancoach,arbeidsmarktcoach,jobcoach")
    with admin.session() as s, s.begin():
        for i, (name, spt, roles) in enumerate(_COLLEAGUES):
            setup.add_coach(
                s,
                email=f"collega{i}@spt.nl",
                name=name,
                roles=roles.split(","),
                spt=spt,
                password=PASSWORD,
            )


def fk_parents(vault: Vault) -> set[tuple[str, str]]:
    with vault.engine.connect() as c:
        return {(r[0], r[2]) for r in c.exec_driver_sql("PRAGMA foreign_key_check")}


def outside_ids(vault: Vault) -> set[tuple[str, str]]:
    """(table, registry) of the match, placement and visit rows naming an employer or
    vacancy this vault does not hold."""
    found = set()
    with vault.engine.connect() as c:
        for table in ("visit", "match", "placement"):
            for col, parent in (("employer_id", "employer"), ("vacancy_id", "vacancy")):
                if table == "visit" and col == "vacancy_id":
                    continue
                if c.exec_driver_sql(
                    f"SELECT 1 FROM {table} t WHERE t.{col} IS NOT NULL AND NOT EXISTS "
                    f"(SELECT 1 FROM {parent} p WHERE p.id = t.{col}) LIMIT 1"
                ).first():
                    found.add((table, parent))
    return found


def pulled_caseload(tmp_path: Path, admin: Admin, live: LiveServer) -> Vault:
    """A demo caseload of a Noord-Holland coach, pushed by one laptop and first-pulled
    by a new one (returned, unlocked)."""
    staff(admin)
    source = bound(tmp_path, "bron", live.url)
    with Transport(live.url) as t:
        engine.sync(source, transport=t)  # the staff directory first
    demo.fill_vault(source, 40, 7, date(2026, 11, 30))
    with Transport(live.url) as t:
        engine.sync(source, transport=t)
    assert source.integrity_problems() == []
    source.lock()
    laptop = bound(tmp_path, "laptop", live.url)
    with Transport(live.url) as t:
        engine.sync(laptop, transport=t)
    return laptop


def test_a_first_pulled_caseload_has_no_integrity_problems(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """Before: every match, placement and visit at a Groot-Amsterdam employer of a Noord-
    Holland coach's candidates was a 'foreign key' problem on her new laptop."""
    laptop = pulled_caseload(tmp_path, admin, live)
    # The caseload does name employers and vacancies the laptop never receives (the
    # server gives her her own SPT's registries), and nothing else is missing.
    # Those are plain ids since vault migration 0017, no foreign keys any more.
    assert ("visit", "employer") in outside_ids(laptop)
    assert ("match", "vacancy") in outside_ids(laptop)
    assert {parent for _child, parent in fk_parents(laptop)} <= REGISTRY_PARENTS
    with laptop.engine.connect() as c:
        spts = {r[0] for r in c.exec_driver_sql("SELECT DISTINCT spt FROM employer")}
        assert spts == {"spt_noord_holland"}
        assert c.exec_driver_sql("SELECT count(*) FROM coach").scalar() == 1 + len(_COLLEAGUES)
    assert laptop.integrity_problems() == []
    laptop.lock()


def test_a_reference_the_laptop_should_hold_is_still_a_problem(tmp_path: Path) -> None:
    """A note whose author is missing (the staff directory reaches every device) and a
    contact person whose employer is missing (an SPT's registry comes whole) stay
    problems."""
    vault = make_vault(tmp_path / "v.sptvault")
    kim = add_candidate(vault)
    ghost = "00000000-0000-4000-8000-000000000001"
    with vault.engine.begin() as c:
        c.exec_driver_sql("PRAGMA foreign_keys = OFF")
        c.execute(
            sa.text(
                "INSERT INTO note (id, candidate_id, author_id, written_at, text, "
                "modified_at, deleted) VALUES (:id, :cand, :ghost, '2026-11-03 10:00:00', "
                "'x', '2026-11-03 10:00:00', 0)"
            ),
            {"id": "00000000-0000-4000-8000-000000000002", "cand": kim, "ghost": ghost},
        )
        c.execute(
            sa.text(
                "INSERT INTO contact_person (id, employer_id, name, function, modified_at, "
                "deleted) VALUES (:id, :ghost, 'Ria', '', '2026-11-03 10:00:00', 0)"
            ),
            {"id": "00000000-0000-4000-8000-000000000003", "ghost": ghost},
        )
    assert sorted(vault.integrity_problems()) == [
        "foreign key: contact_person",
        "foreign key: note",
    ]
    vault.lock()


def test_a_visit_is_logged_at_another_spts_employer(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """The jobcoach logs a visit for her candidate placed at a Groot-Amsterdam employer:
    the laptop that made the placement can, a new laptop refused it (FOREIGN KEY
    constraint failed: the visit takes the placement's employer, which it never got;
    vault migration 0017 made those references plain ids)."""
    laptop = pulled_caseload(tmp_path, admin, live)
    with laptop.engine.connect() as c:
        cand, placement = c.exec_driver_sql(
            "SELECT p.candidate_id, p.id FROM placement p LEFT JOIN employer e "
            "ON e.id = p.employer_id WHERE e.id IS NULL ORDER BY p.id LIMIT 1"
        ).one()
    svc = Services(laptop, today=lambda: date(2026, 11, 30), now=lambda: datetime(2026, 11, 30, 9))
    visit = svc.visits.log(cand, {"topics": "Eerste week", "placement_id": placement})
    assert visit.placement_id == placement
    # With that placement her current one, the visit form's defaults name its employer,
    # though the laptop does not hold it (the site is left for the jobcoach to type).
    with laptop.engine.begin() as c:
        c.exec_driver_sql(
            "UPDATE placement SET ended_on = NULL, starts_on = '2026-11-29' WHERE id = ?",
            (placement,),
        )
        employer = c.exec_driver_sql(
            "SELECT employer_id FROM placement WHERE id = ?", (placement,)
        ).scalar_one()
    defaults = svc.visits.defaults(cand)
    assert defaults.placement_id == placement and defaults.employer_id == employer
    assert defaults.site == ""
    laptop.lock()
