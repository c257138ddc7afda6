"""From a real vault to document data and PDFs: tombstones skipped, consent honoured."""

from __future__ import annotations

from datetime import date

import pytest

from spt_common.enums import CandidateStatus, ConsentPurpose, PlanStatus
from spt_desktop.errors import Code, Thing
from spt_desktop.models import Candidate, Consent, Plan, Visit
from spt_desktop.models.vault import Vault
from spt_desktop.print import aanbodkrant_pdf, dossier_pdf, plan_pdf, visit_report_pdf
from spt_desktop.services.documents import (
    aanbodkrant_data,
    aanbodkrant_profiles,
    dossier_data,
    plan_data,
    save_export,
    visit_report_data,
)
from spt_desktop.services.errors import NotFound, ServiceError
from tests.print.pdf_text import text
from tests.print.print_seed import TOMBSTONE, candidate, full_dossier

TODAY = date(2026, 11, 29)
ALL = {p: True for p in ConsentPurpose}


def test_dossier_from_the_vault(vault: Vault) -> None:
    seeded = full_dossier(vault)
    data = dossier_data(vault, seeded.candidate_id, TODAY)
    assert data.candidate.full_name == "Joëlle Verhoeven"
    assert data.letterhead.region == "Zaanstreek-Waterland"
    assert [c.purpose for c in data.consents] == [
        ConsentPurpose.PROCESSING,
        ConsentPurpose.SHARE_EMPLOYER,
        ConsentPurpose.AANBODKRANT,
    ]  # the tombstoned training-provider consent is not there
    assert data.plan is not None and data.plan.version == 2  # version 1 is superseded
    assert [a.description for a in data.plan.goals[0].actions] == [
        "Cv bijwerken",
        "Matchtafel bezoeken",
    ]
    assert len(data.visits) == 4 and data.visits[0].employer == "Zon & Dak Installaties B.V."
    assert [cp.months for cp in data.placements[0].checkpoints] == [1, 3, 6, 12]
    assert {c.name for c in data.coaches} == {"Sanne Bakker", "Peter Smit"}

    t = text(dossier_pdf(data))
    for value in (
        "Joëlle Verhoeven",
        "joelle.verhoeven@example.nl",
        "Keuze: zonnepanelen",
        "BBL monteur zon-PV",
        "Leerling-monteur zonnepanelen",
        "Afspraak 4: omvormer aansluiten onder toezicht.",
        "Geplaatst; begeleiding op de werkvloer.",
        "Tien jaar orderpicker.",
    ):
        assert value in t, value
    assert TOMBSTONE not in t
    assert "Oud doel" not in t


def test_tombstoned_candidate_is_not_found(vault: Vault) -> None:
    cid = candidate(vault, "Kees", "Jansen", ALL)
    with vault.transaction() as s:
        s.get(Candidate, cid).deleted = True  # type: ignore[union-attr]
    with pytest.raises(NotFound):
        dossier_data(vault, cid)
    with pytest.raises(NotFound):
        plan_data(vault, cid)


def test_plan_for_signing(vault: Vault) -> None:
    seeded = full_dossier(vault)
    data = plan_data(vault, seeded.candidate_id, today=TODAY)
    assert (data.coach_name, data.plan.status) == ("Sanne Bakker", PlanStatus.AGREED)
    t = text(plan_pdf(data))
    assert "Een BBL-plek" in t and "Matchtafel bezoeken" in t and TOMBSTONE not in t
    # An explicit older version can still be printed, and says it was replaced.
    with vault.transaction() as s:
        old = s.query(Plan).filter_by(candidate_id=seeded.candidate_id, version=1).one()
    assert "vervangen" in text(plan_pdf(plan_data(vault, seeded.candidate_id, old.id, TODAY)))
    with pytest.raises(NotFound) as gone:
        plan_data(vault, candidate(vault, "Kees", "Jansen", ALL))  # no plan at all
    assert gone.value.params == {"what": Thing.CANDIDATE_PLAN}


def test_visit_report_follows_the_latest_consent(vault: Vault) -> None:
    seeded = full_dossier(vault)
    shared = visit_report_data(vault, seeded.visit_id, TODAY)
    assert shared.shared and shared.agreements.startswith("Afspraak 1")
    t = text(visit_report_pdf(shared))
    assert "Afspraak 1" in t
    assert "INTERNE-NOTITIE" not in t and "Welzijn" not in t

    # Withdrawn later: a newer row for the same purpose wins.
    with vault.transaction() as s:
        s.add(
            Consent(
                candidate_id=seeded.candidate_id,
                purpose=ConsentPurpose.SHARE_EMPLOYER,
                granted=True,
                recorded_on=date(2026, 6, 1),
                recorded_by=vault.owner_id,
                withdrawn_on=date(2026, 6, 1),
            )
        )
    withheld = visit_report_data(vault, seeded.visit_id, TODAY)
    assert not withheld.shared
    t = text(visit_report_pdf(withheld))
    assert "Afspraak 1" not in t and "praktijkopleider Ruud" not in t
    assert "geen toestemming gegeven" in t


def test_tombstoned_visit_is_not_found(vault: Vault) -> None:
    seeded = full_dossier(vault)
    with vault.transaction() as s:
        s.get(Visit, seeded.visit_id).deleted = True  # type: ignore[union-attr]
    with pytest.raises(NotFound):
        visit_report_data(vault, seeded.visit_id)


def test_aanbodkrant_only_with_consent_and_anonymised(vault: Vault) -> None:
    yes = candidate(vault, "Anouk", "de Boer", ALL, skills="Anouk is handig; bel 0612345678")
    no = candidate(vault, "Bram", "Visser", {ConsentPurpose.PROCESSING: True})
    withdrawn = candidate(
        vault, "Chantal", "Mulder", {**ALL, ConsentPurpose.AANBODKRANT: date(2026, 5, 1)}
    )
    placed = candidate(vault, "Dirk", "Kok", ALL, status=CandidateStatus.PLACED)
    refused = candidate(vault, "Eva", "Smit", {**ALL, ConsentPurpose.AANBODKRANT: False})

    everyone = aanbodkrant_profiles(vault, today=TODAY)
    assert len(everyone) == 1  # only Anouk: active and consenting
    chosen = aanbodkrant_profiles(vault, [yes, no, withdrawn, placed, refused], TODAY)
    assert len(chosen) == 2  # Anouk and Dirk; the coach chose Dirk on purpose

    data = aanbodkrant_data(vault, [yes, no, withdrawn, placed, refused], TODAY)
    assert data.contact_name == "Sanne Bakker"
    assert data.letterhead.region == "Zaanstreek-Waterland"
    t = text(aanbodkrant_pdf(data))
    assert "2 kandidaten" in t and "Constructiebankwerker worden." in t
    assert "35–44 jaar" in t  # born 15-06-1990
    for forbidden in (
        "Anouk", "Boer", "Bram", "Visser", "Chantal", "Mulder", "Dirk", "Kok", "Eva", "Smit",
        "@example.nl", "06-87654321", "0612345678", "Zaanstad", "15-06-1990", "1990",
    ):  # fmt: skip
        assert forbidden not in t, forbidden


def test_an_export_that_cannot_be_written_says_why_by_code(tmp_path):
    """save_export's refusals are codes (the presenters word them), and write nothing."""
    with pytest.raises(ServiceError, match=Code.EXPORT_IS_A_FOLDER):
        save_export(tmp_path, b"%PDF")
    with pytest.raises(ServiceError, match=Code.EXPORT_FOLDER_GONE):
        save_export(tmp_path / "weg" / "dossier.pdf", b"%PDF")
    assert list(tmp_path.iterdir()) == []


def test_the_dossier_prints_the_checkpoint_note_and_the_closing(
    vault: Vault,
) -> None:
    """Behoud and the end of the journey on paper: the note of a checkpoint (why someone
    left) and the closing with its outcome and date."""
    from spt_desktop.services import Services

    day = date(2026, 11, 30)
    svc = Services(vault, today=lambda: day)
    kim = svc.candidates.register(
        {"first_name": "Kim", "last_name": "de Vries", "municipality": "Alkmaar",
         "referral_source": "uwv", "persona": "no_work_benefit_technical",
         "benefit_status": "ww"},
        {ConsentPurpose.PROCESSING: True},
    )  # fmt: skip
    emp = svc.employers.create(
        {"name": "Zaanwarmte B.V.", "sector": "installatie", "municipality": "Zaanstad"}
    )
    match = svc.matching.propose(kim.id, emp.id)
    placed = svc.matching.place(
        match.id, {"job_title": "Monteur", "contract": "bbl", "starts_on": "2026-10-15"}
    )
    first = placed.checkpoints[0]
    svc.journey.checkpoint(first.id, False, "Ruzie met de ploegleider", on=date(2026, 11, 20))
    svc.journey.drop_out(kim.id, "salary_gap")
    svc.journey.reactivate(kim.id, "Wil verder", "matching")
    svc.journey.close(kim.id, "retained", on=day)

    data = dossier_data(vault, kim.id, day)
    assert data.placements[0].checkpoints[0].note == "Ruzie met de ploegleider"
    assert (data.candidate.closed_on, data.candidate.closing_outcome.label) == (  # type: ignore[union-attr]
        day,
        "Duurzaam geplaatst",
    )
    t = text(dossier_pdf(data))
    assert "Dossier afgesloten op 30 november 2026: Duurzaam geplaatst." in t
    assert "20-11-2026 Uit dienst Ruzie met de ploegleider" in t


def test_the_dossier_prints_notes_aanvullingen_a_declined_match_and_certifiable(
    vault: Vault,
) -> None:
    """The rest of the working tabs on paper: a gespreksverslag, the aanvulling on a
    signed-off visit (under the visit, not among the verslagen), who declined a match
    and why, and a training that gives certificeerbare eenheden."""
    from datetime import datetime

    from spt_common.enums import MatchParty, MatchStatus
    from spt_desktop.services import Services

    day = date(2026, 11, 30)
    svc = Services(vault, today=lambda: day)
    kim = svc.candidates.register(
        {"first_name": "Kim", "last_name": "de Vries", "municipality": "Alkmaar",
         "referral_source": "uwv", "persona": "no_work_benefit_technical",
         "benefit_status": "ww"},
        {ConsentPurpose.PROCESSING: True},
    )  # fmt: skip
    svc.candidates.add_note(kim.id, "Wil naar de Techniektuin", datetime(2026, 11, 20, 10, 0))
    svc.training.add(
        kim.id,
        {"provider": "ROC Nova", "programme": "Monteur W", "certifiable": True,
         "funding": "scholingsvoucher", "starts_on": "2027-01-05"},
    )  # fmt: skip
    emp = svc.employers.create(
        {"name": "Metaalwerk Spaarne", "sector": "metaal", "municipality": "Haarlem"}
    )
    match = svc.matching.propose(kim.id, emp.id)
    svc.matching.advance(
        match.id, MatchStatus.DECLINED, by=MatchParty.EMPLOYER, reason="Geen lascertificaat"
    )
    visit = svc.visits.log(kim.id, {"topics": "Eerste week"})
    svc.visits.sign_off(visit.id)
    svc.visits.amend(visit.id, "BHV-cursus ingepland")

    data = dossier_data(vault, kim.id, day)
    assert [n.text for n in data.notes] == ["Wil naar de Techniektuin"]
    assert [a.text for a in data.visits[0].amendments] == ["BHV-cursus ingepland"]
    t = text(dossier_pdf(data))
    assert "Gespreksverslagen" in t and "Wil naar de Techniektuin" in t
    assert "Afgewezen door de werkgever: Geen lascertificaat" in t
    assert "Certificeerbare eenheden" in t
    assert "Afgetekend. Aanvulling van" in t and "BHV-cursus ingepland" in t
