"""Two SPTs on one live server: Anna (Noord-Holland) guides Kim; Kerem (Groot-Amsterdam)
matches her at his SPT's employer, and Anna's laptop gets that match by a real sync but
never the employer (the server sends a coach her own SPT's registries; vault migration
0017). For the tests of what the screens and documents say of such an employer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from spt_common.enums import MatchStatus, Spt
from spt_desktop.models.vault import Vault
from spt_desktop.services import Services
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import PASSWORD, Admin, add_candidate, make_vault

EMPLOYER = "Scheepswerf Noordzeekanaal"
ELSEWHERE = "een werkgever van een ander SPT"


@dataclass
class Elsewhere:
    anna: Vault  # unlocked, after her pull
    kim: str
    match: str
    placement: str | None
    visit: str | None


def add_accounts(admin: Admin) -> None:
    """Anna (the three coach roles, Noord-Holland) and Kerem (Groot-Amsterdam)."""
    admin.add_coach("anna@spt.nl", roles="loopbaancoach,arbeidsmarktcoach,jobcoach")
    admin.add_coach("kerem@spt.nl", spt="spt_groot_amsterdam", roles="arbeidsmarktcoach,jobcoach")


def matched_elsewhere(tmp_path: Path, admin: Admin, url: str, *, placed: bool = False) -> Elsewhere:
    """Kim, Anna's candidate, matched by Kerem at his Amsterdam employer (hired and, with
    ``placed``, placed there with a visit by Kerem), pulled by Anna's laptop."""
    anna = make_vault(tmp_path / "anna.sptvault")
    kerem = make_vault(tmp_path / "kerem.sptvault", spt=Spt.GROOT_AMSTERDAM)
    with Transport(url) as t:
        engine.login(anna, url, "anna@spt.nl", PASSWORD, device_name="anna", transport=t)
        engine.login(kerem, url, "kerem@spt.nl", PASSWORD, device_name="kerem", transport=t)
        kim = add_candidate(anna)
        engine.sync(anna, transport=t)
        admin.assign(kim, "kerem@spt.nl")
        engine.sync(kerem, transport=t)
        svc = Services(
            kerem, today=lambda: date(2026, 11, 20), now=lambda: datetime(2026, 11, 20, 10)
        )
        emp = svc.employers.create(
            {"name": EMPLOYER, "sector": "metaal", "municipality": "Amsterdam"}
        )
        vac = svc.employers.add_vacancy(emp.id, {"title": "Scheepsbouwer", "hours_per_week": 36})
        match = svc.matching.propose(kim, emp.id, vac.id, notes="Wil graag buiten werken")
        svc.matching.advance(match.id, MatchStatus.INTRODUCED, 4)
        svc.matching.advance(match.id, MatchStatus.HIRED)
        placement = visit = None
        if placed:
            placement = svc.matching.place(
                match.id, {"job_title": "Scheepsbouwer", "contract": "bbl",
                           "starts_on": date(2026, 11, 2)},
            ).id  # fmt: skip
            visit = svc.visits.log(
                kim, {"topics": "Eerste week", "placement_id": placement,
                      "site": "Werf, hal 2"},
            ).id  # fmt: skip
        report = engine.sync(kerem, transport=t)
        assert report.conflicts == 0, report
        kerem.lock()
        engine.sync(anna, transport=t)
    with anna.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM employer").scalar() == 0
        assert c.exec_driver_sql("SELECT count(*) FROM match").scalar() == 1
    return Elsewhere(anna, kim, match.id, placement, visit)
