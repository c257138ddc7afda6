"""The dossier's new fields travel (issue 12 §4): an aanvulling's ``visit_id``, a
training's ``certifiable``, the new activity kind and outcome — pushed by one device,
validated and stored by the real server on loopback, pulled by the other."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from spt_desktop.services import Services
from spt_desktop.sync import engine
from spt_desktop.sync.transport import Transport
from tests.support.server_kit import (
    PASSWORD,
    Admin,
    LiveServer,
    add_candidate,
    local_rows,
    make_vault,
)


def _sync(vault, url: str) -> engine.SyncReport:  # type: ignore[no-untyped-def]
    with Transport(url, retries=3, backoff=0.01) as t:
        return engine.sync(vault, transport=t)


def test_aanvulling_certifiable_and_new_activity_codes_sync(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    a = make_vault(tmp_path / "a.sptvault")
    engine.login(a, live.url, "anna@spt.nl", PASSWORD, device_name="a")
    b = make_vault(tmp_path / "b.sptvault")
    engine.login(b, live.url, "anna@spt.nl", PASSWORD, device_name="b")
    cand = add_candidate(a)
    svc = Services(a, today=lambda: date(2026, 11, 30), now=lambda: datetime(2026, 11, 30, 9))
    visit = svc.visits.log(cand, {"topics": "Eerste week"})
    svc.visits.sign_off(visit.id)
    note = svc.visits.amend(visit.id, "Werkgever belde na afloop")
    training = svc.training.add(
        cand, {"provider": "ROC Nova", "programme": "Monteur W", "certifiable": True}
    )
    act = svc.activities.add(cand, {"kind": "company_visit", "held_on": "2026-12-03"})
    svc.activities.cancel(act.id)

    report = _sync(a, live.url)
    assert report.conflicts == 0
    _sync(b, live.url)
    assert local_rows(b, "note")[note.id]["visit_id"] == visit.id
    assert local_rows(b, "training")[training.id]["certifiable"] is True
    pulled = local_rows(b, "activity")[act.id]
    assert (pulled["kind"], pulled["outcome"]) == ("company_visit", "cancelled")
    assert not b.integrity_problems()
