"""The employer approach travels (issue 12 §1): an employer with its branch, fund and
transitiebereidheid, a contact person who left, a vacancy with its gaps and a logged
contact with its follow-up reach a colleague of the same SPT through a real server on
loopback, and not a coach of another SPT; the same field changed on both sides is a
conflict, as for every record."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlalchemy as sa

from spt_common.enums import Spt
from spt_desktop.services import Services
from spt_desktop.sync import engine
from spt_desktop.sync.conflicts import open_conflicts
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import PASSWORD, Admin, LiveServer, local_rows, make_vault

TODAY = date(2026, 11, 30)


def bound(tmp_path: Path, name: str, url: str, email: str, spt: Spt = Spt.NOORD_HOLLAND):  # type: ignore[no-untyped-def]
    vault = make_vault(tmp_path / f"{name}.sptvault", spt)
    engine.login(vault, url, email, PASSWORD, device_name=name)
    return vault


def sync(vault, url: str):  # type: ignore[no-untyped-def]
    with Transport(url, retries=3, backoff=0.01) as t:
        return engine.sync(vault, transport=t)


def test_the_employer_approach_reaches_a_colleague_of_the_spt(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl", roles="arbeidsmarktcoach")
    admin.add_coach("bram@spt.nl", roles="arbeidsmarktcoach")
    admin.add_coach("cas@spt.nl", spt="spt_midden", roles="arbeidsmarktcoach")
    a = bound(tmp_path, "a", live.url, "anna@spt.nl")
    b = bound(tmp_path, "b", live.url, "bram@spt.nl")
    c = bound(tmp_path, "c", live.url, "cas@spt.nl", Spt.MIDDEN)
    svc = Services(a, today=lambda: TODAY)
    emp = svc.employers.create(
        {
            "name": "Zaanwarmte",
            "sector": "installatie",
            "municipality": "Zaanstad",
            "branch": "techniek_nederland",
            "training_fund": "wij_techniek",
            "transition_readiness": "open",
            "transition_notes": "Ruimte voor taalondersteuning",
        }
    )
    anna = svc.employers.add_contact(emp.id, {"name": "Anna de Boer"})
    svc.employers.mark_contact_left(anna.id)
    vac = svc.employers.add_vacancy(
        emp.id,
        {"title": "Monteur", "work_pattern": "shifts", "salary_min": 2600, "salary_max": 3100,
         "language_level": "B1", "work_level": "mbo2", "bbl_possible": True, "source": "wsp"},
    )  # fmt: skip
    logged = svc.employers.log_contact(
        emp.id,
        {"held_on": TODAY, "kind": "matchtafel", "contact_person_id": anna.id,
         "agreements": "Twee profielen", "follow_up_on": date(2026, 12, 7)},
    )  # fmt: skip
    assert sync(a, live.url).conflicts == 0
    kept = admin.records()  # the server validated and stored every one of them
    assert {emp.id, anna.id, vac.id, logged.id} <= set(kept)
    sync(b, live.url)
    sync(c, live.url)

    employer = local_rows(b, "employer")[emp.id]
    assert (employer["branch"], employer["training_fund"], employer["transition_readiness"]) == (
        "techniek_nederland", "wij_techniek", "open"
    )  # fmt: skip
    assert local_rows(b, "contact_person")[anna.id]["left_on"] == TODAY
    vacancy = local_rows(b, "vacancy")[vac.id]
    assert (vacancy["work_pattern"], vacancy["salary_max"], vacancy["bbl_possible"]) == (
        "shifts", 3100, True
    )  # fmt: skip
    [seen] = Services(b, today=lambda: TODAY).employers.contact_log(emp.id)
    assert (seen.id, seen.agreements, seen.contact_person_name) == (
        logged.id, "Twee profielen", "Anna de Boer"
    )  # fmt: skip
    # Anna's follow-up is hers: not on Bram's Vandaag.
    assert Services(b, today=lambda: date(2026, 12, 7)).employers.agenda().follow_ups == ()
    assert Services(a, today=lambda: date(2026, 12, 7)).employers.agenda().follow_ups != ()
    # Another SPT's registry stays there.
    assert local_rows(c, "employer_contact") == {} and local_rows(c, "employer") == {}

    # The same field on two devices: a conflict, both values kept.
    Services(a, today=lambda: TODAY).employers.update_logged_contact(
        logged.id, {"agreements": "Drie profielen"}
    )
    Services(b, today=lambda: TODAY).employers.update_logged_contact(
        logged.id, {"agreements": "Eén profiel", "follow_up_on": date(2026, 12, 14)}
    )
    assert sync(a, live.url).conflicts == 0
    assert sync(b, live.url).conflicts == 1
    [conflict] = open_conflicts(b)
    assert (conflict.field, conflict.mine, conflict.theirs) == (
        "agreements", "Eén profiel", "Drie profielen"
    )  # fmt: skip
    sync(a, live.url)
    row = local_rows(a, "employer_contact")[logged.id]
    assert (row["agreements"], row["follow_up_on"]) == ("Drie profielen", date(2026, 12, 14))


def test_an_employer_with_a_sector_no_laptop_knows_is_refused_and_blocks_no_colleague(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    """A device that sends a code outside its enum (here written into the vault by hand,
    as a tampered vault or a bug would) is refused by the server, record by record: before,
    the server stored it, and every colleague of the SPT failed to pull the shared
    registry (her laptop's column takes the enum's codes only)."""
    admin.add_coach("anna@spt.nl", roles="arbeidsmarktcoach")
    admin.add_coach("bram@spt.nl", roles="arbeidsmarktcoach")
    a = bound(tmp_path, "a", live.url, "anna@spt.nl")
    b = bound(tmp_path, "b", live.url, "bram@spt.nl")
    svc = Services(a, today=lambda: TODAY)
    bad = svc.employers.create({"name": "Zaanwarmte", "sector": "installatie",
                                "municipality": "Zaanstad"})  # fmt: skip
    good = svc.employers.create({"name": "Metaalhuis", "sector": "metaal",
                                 "municipality": "Hoorn"})  # fmt: skip
    with a.engine.begin() as c:
        c.execute(sa.text("UPDATE employer SET sector = 'techniek' WHERE id = :i"), {"i": bad.id})
    report = sync(a, live.url)
    assert report.refused == 1
    kept = admin.records()
    assert good.id in kept and bad.id not in kept
    sync(b, live.url)  # raised ValueError (onbekende waarde 'techniek') before
    assert set(local_rows(b, "employer")) == {good.id}
    assert [e.id for e in Services(b, today=lambda: TODAY).employers.find("")] == [good.id]
