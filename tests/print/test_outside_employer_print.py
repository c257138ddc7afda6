"""The documents of a candidate matched and placed at another SPT's employer, which her
coach's laptop never holds (a colleague of that SPT made the match; a real sync brought
it): the Dossiersamenvatting said "onbekend" for its employer and left its vacancy
empty, and the Bezoekverslag of a visit there was refused ("De werkgever van dit bezoek
bestaat niet (meer)", and a sync would never bring it). They now say whose it is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from spt_desktop.print import dossier_pdf, visit_report_pdf
from spt_desktop.services.documents import dossier_data, visit_report_data
from tests.print.pdf_text import text
from tests.support.outside import ELSEWHERE, add_accounts, matched_elsewhere
from tests.support.server_kit import Admin, LiveServer, make_db

pytest.importorskip("uvicorn")

TODAY = date(2026, 11, 30)


@pytest.fixture
def two_spts(tmp_path: Path) -> Iterator[tuple[Admin, LiveServer]]:
    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    add_accounts(admin)
    live = LiveServer(url).start()
    yield admin, live
    live.stop()
    admin.close()


def test_the_dossier_names_another_spts_employer_as_such(tmp_path: Path, two_spts) -> None:  # type: ignore[no-untyped-def]
    admin, live = two_spts
    got = matched_elsewhere(tmp_path, admin, live.url, placed=True)
    data = dossier_data(got.anna, got.kim, TODAY)
    assert [m.employer for m in data.matches] == [ELSEWHERE]
    assert [m.vacancy for m in data.matches] == ["vacature van een ander SPT"]
    assert [p.employer for p in data.placements] == [ELSEWHERE]
    assert [v.employer for v in data.visits] == [ELSEWHERE]
    assert "onbekend" not in text(dossier_pdf(data))
    got.anna.lock()


def test_the_visit_report_of_a_visit_at_another_spts_employer_prints(
    tmp_path: Path, two_spts
) -> None:  # type: ignore[no-untyped-def]
    admin, live = two_spts
    got = matched_elsewhere(tmp_path, admin, live.url, placed=True)
    assert got.visit is not None
    data = visit_report_data(got.anna, got.visit, TODAY)
    assert data.employer == ELSEWHERE and data.site == "Werf, hal 2"
    assert f"Voor {ELSEWHERE}" in text(visit_report_pdf(data)).replace("\n", " ")
    got.anna.lock()
