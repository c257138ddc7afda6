"""The arbeidsmarktcoach's use cases (issue 12 §1): employers with branch, fund and
transitiebereidheid, twins in one gemeente, contact persons who leave, vacancies with
their gaps, the contact log with its follow-ups, and her agenda for Vandaag."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from spt_common.enums import (
    BranchOrganisation,
    MatchParty,
    MatchStatus,
    Sector,
    TrainingFund,
    TransitionReadiness,
    VacancyKind,
    VacancyStatus,
    WorkPattern,
)
from spt_desktop.cli import messages as cli
from spt_desktop.services.changes import Changes
from spt_desktop.services.employers import DuplicateEmployer
from spt_desktop.services.errors import ValidationError
from tests.conftest import TODAY
from tests.services.factories import ONLY_PROCESSING, employer, profile


def test_employer_keeps_branch_fund_and_transitiebereidheid(services) -> None:
    made = services.employers.create(
        employer(
            branch="techniek_nederland",
            training_fund="wij_techniek",
            transition_readiness="open",
            transition_notes="Ruimte voor instromers met begeleiding",
        )
    )
    got = services.employers.get(made.id)
    assert got.branch == BranchOrganisation.TECHNIEK_NEDERLAND
    assert got.training_fund == TrainingFund.WIJ_TECHNIEK
    assert got.transition_readiness == TransitionReadiness.OPEN
    assert got.transition_notes == "Ruimte voor instromers met begeleiding"
    changed = services.employers.update(made.id, {"transition_readiness": "", "branch": "fme"})
    assert changed.transition_readiness is None and changed.branch == BranchOrganisation.FME


def test_a_second_employer_of_one_name_in_one_gemeente_needs_a_yes(services) -> None:
    first = services.employers.create(employer())
    with pytest.raises(DuplicateEmployer) as caught:
        services.employers.create(employer(name=" installatiebedrijf zaanwarmte b.v. "))
    assert caught.value.existing.id == first.id
    assert set(caught.value.errors) == {"name"}
    assert "er staat al een werkgever" in cli.field_texts(caught.value)["name"]
    assert len(services.employers.find()) == 1  # nothing saved
    # Another gemeente is another employer; a confirmed twin is saved.
    services.employers.create(employer(municipality="Purmerend"))
    services.employers.create(employer(), allow_duplicate=True)
    assert len(services.employers.find()) == 3
    # Renaming into a twin asks too; saving the same name again does not.
    other = services.employers.create(employer(name="Anders B.V."))
    with pytest.raises(DuplicateEmployer):
        services.employers.update(other.id, {"name": "Installatiebedrijf Zaanwarmte B.V."})
    services.employers.update(first.id, {"name": "Installatiebedrijf Zaanwarmte B.V."})


def test_bad_employer_input_is_named_per_field(services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.employers.create(
            employer(name="", branch="fnv", transition_readiness="7", praktijkopleiders=-1)
        )
    assert set(caught.value.errors) == {
        "name", "branch", "transition_readiness", "praktijkopleiders"
    }  # fmt: skip


def test_overview_searches_name_gemeente_and_sector_and_filters(services) -> None:
    a = services.employers.create(employer(name="Zaanwarmte", municipality="Zaanstad"))
    b = services.employers.create(
        employer(name="Laswerken Kok", sector="metaal", municipality="Purmerend")
    )
    c = services.employers.create(
        employer(name="Bouw & Co", sector="bouw", municipality="Edam-Volendam")
    )
    services.employers.add_vacancy(b.id, {"title": "Lasser"})
    services.employers.add_vacancy(
        c.id, {"title": "Timmerman", "kind": "future_need", "expected_on": date(2027, 3, 1)}
    )
    filled = services.employers.add_vacancy(a.id, {"title": "Monteur"})
    services.employers.set_vacancy_status(filled.id, VacancyStatus.FILLED)

    def names(**kw) -> list[str]:
        return [r.employer.name for r in services.employers.overview(**kw)]

    assert names(text="purmer") == ["Laswerken Kok"]
    assert names(text="metaal") == ["Laswerken Kok"]  # the sector's label
    assert names(text="zaan") == ["Zaanwarmte"]
    assert names(sector=Sector.BOUW) == ["Bouw & Co"]
    assert names(municipality="Zaanstad") == ["Zaanwarmte"]
    assert names(open_only=True) == ["Bouw & Co", "Laswerken Kok"]
    rows = {r.employer.name: r for r in services.employers.overview()}
    assert (rows["Laswerken Kok"].open_vacancies, rows["Laswerken Kok"].future_needs) == (1, 0)
    assert (rows["Bouw & Co"].open_vacancies, rows["Bouw & Co"].future_needs) == (0, 1)
    assert (rows["Zaanwarmte"].open_vacancies, rows["Zaanwarmte"].future_needs) == (0, 0)
    assert services.employers.municipalities() == ["Edam-Volendam", "Purmerend", "Zaanstad"]


def test_contact_person_leaves_and_stays_listed_last(services) -> None:
    emp = services.employers.create(employer())
    anna = services.employers.add_contact(emp.id, {"name": "Anna de Boer"})
    services.employers.add_contact(emp.id, {"name": "Bram Smit"})
    left = services.employers.mark_contact_left(anna.id)
    assert left.left_on == TODAY and not left.active
    assert [c.name for c in services.employers.contacts(emp.id)] == ["Bram Smit", "Anna de Boer"]
    assert [c.name for c in services.employers.contacts(emp.id, include_left=False)] == [
        "Bram Smit"
    ]
    assert services.employers.mark_contact_left(anna.id, left=False).active


def test_vacancy_gaps_and_their_checks(services) -> None:
    emp = services.employers.create(employer())
    vac = services.employers.add_vacancy(
        emp.id,
        {
            "title": "Servicemonteur warmtepompen",
            "hours_per_week": 38,
            "work_pattern": "shifts",
            "salary_min": 2600,
            "salary_max": 3100,
            "language_level": "B1",
            "work_level": "mbo2",
            "bbl_possible": True,
            "source": "aanbodkrant",
        },
    )
    assert vac.work_pattern == WorkPattern.SHIFTS and vac.bbl_possible is True
    with pytest.raises(ValidationError) as caught:
        services.employers.add_vacancy(
            emp.id, {"title": "X", "salary_min": 3000, "salary_max": 2500, "work_level": "mbo9"}
        )
    assert set(caught.value.errors) == {"salary_max", "work_level"}
    with pytest.raises(ValidationError) as caught:
        services.employers.update_vacancy(vac.id, {"salary_max": 2000})
    assert set(caught.value.errors) == {"salary_max"}
    assert services.employers.vacancies(emp.id)[0].salary_max == 3100  # nothing saved
    closed = services.employers.set_vacancy_status(vac.id, VacancyStatus.CLOSED)
    assert closed.status == VacancyStatus.CLOSED
    assert services.employers.vacancies(emp.id) == []


def test_contact_log_with_follow_up_and_its_checks(services) -> None:
    emp = services.employers.create(employer())
    anna = services.employers.add_contact(emp.id, {"name": "Anna de Boer"})
    changed = services.changing(
        lambda svc: svc.employers.log_contact(
            emp.id,
            {
                "held_on": TODAY - timedelta(days=10),
                "kind": "visit",
                "contact_person_id": anna.id,
                "agreements": "Twee kandidaten voorstellen",
                "follow_up_on": TODAY - timedelta(days=1),
            },
        )
    )
    logged = changed.value
    assert changed.changes == Changes(employers=True)
    assert logged.contact_person_name == "Anna de Boer" and logged.follow_up_open
    with pytest.raises(ValidationError) as caught:
        services.employers.log_contact(
            emp.id,
            {
                "held_on": TODAY + timedelta(days=1),
                "kind": "nope",
                "follow_up_on": TODAY - timedelta(days=30),
            },
        )
    assert set(caught.value.errors) == {"held_on", "kind", "follow_up_on"}
    with pytest.raises(ValidationError) as caught:
        services.employers.log_contact(
            emp.id, {"held_on": TODAY, "kind": "phone", "follow_up_on": TODAY - timedelta(days=1)}
        )
    assert set(caught.value.errors) == {"follow_up_on"}
    other = services.employers.create(employer(name="Ander"))
    stranger = services.employers.add_contact(other.id, {"name": "Vreemde"})
    with pytest.raises(ValidationError) as caught:
        services.employers.log_contact(
            emp.id, {"held_on": TODAY, "kind": "phone", "contact_person_id": stranger.id}
        )
    assert set(caught.value.errors) == {"contact_person_id"}
    assert len(services.employers.contact_log(emp.id)) == 1
    # The follow-up call is the follow-up: the earlier one is done by it.
    services.employers.log_contact(emp.id, {"held_on": TODAY, "kind": "phone"})
    log = services.employers.contact_log(emp.id)
    assert [c.kind.value for c in log] == ["phone", "visit"]
    assert log[1].follow_up_done_on == TODAY


def test_agenda_lists_follow_ups_open_matches_and_future_needs(services) -> None:
    emp = services.employers.create(employer())
    due = services.employers.log_contact(
        emp.id,
        {"held_on": TODAY - timedelta(days=7), "kind": "matchtafel", "follow_up_on": TODAY},
    )
    services.employers.log_contact(
        services.employers.create(employer(name="Later")).id,
        {"held_on": TODAY, "kind": "phone", "follow_up_on": TODAY + timedelta(days=3)},
    )
    soon = services.employers.add_vacancy(
        emp.id,
        {"title": "Monteur", "kind": "future_need", "expected_on": TODAY + timedelta(days=20)},
    )
    services.employers.add_vacancy(
        emp.id,
        {"title": "Later", "kind": "future_need", "expected_on": TODAY + timedelta(days=90)},
    )
    vac = services.employers.add_vacancy(emp.id, {"title": "Lasser"})
    cand = services.candidates.register(profile(), ONLY_PROCESSING)
    match = services.matching.propose(cand.id, emp.id, vac.id)
    agenda = services.employers.agenda()
    assert [i.record_id for i in agenda.follow_ups] == [due.id]
    assert agenda.follow_ups[0].employer_name == emp.name
    assert [i.record_id for i in agenda.future_needs] == [soon.id]
    assert [(i.record_id, i.candidate_id, i.title) for i in agenda.open_matches] == [
        (match.id, cand.id, "Lasser")
    ]
    assert agenda.count == 3
    services.matching.advance(
        match.id, MatchStatus.DECLINED, by=MatchParty.EMPLOYER, reason="Ander profiel gezocht"
    )
    services.employers.complete_follow_up(due.id)
    services.employers.set_vacancy_status(soon.id, VacancyStatus.FILLED)
    assert services.employers.agenda().count == 0
    assert services.employers.agenda(TODAY + timedelta(days=3)).count == 1


def test_kind_future_need_needs_its_date(services) -> None:
    emp = services.employers.create(employer())
    with pytest.raises(ValidationError) as caught:
        services.employers.add_vacancy(emp.id, {"title": "X", "kind": VacancyKind.FUTURE_NEED})
    assert set(caught.value.errors) == {"expected_on"}


def test_each_register_record_is_named_by_its_employer(services) -> None:
    """Conflicten names a conflict of the employer register by its employer: the
    employer itself, or the employer of a contact person, vacancy or contact moment."""
    zaan = services.employers.create(employer(name="Zaanwarmte"))
    hoorn = services.employers.create(employer(name="Hoorn Elektro", municipality="Purmerend"))
    anna = services.employers.add_contact(hoorn.id, {"name": "Anna de Boer"})
    vac = services.employers.add_vacancy(zaan.id, {"title": "Servicemonteur"})
    logged = services.employers.log_contact(
        hoorn.id, {"held_on": TODAY, "kind": "visit", "agreements": "Terugbellen"}
    )
    records = [
        ("employer", zaan.id),
        ("contact_person", anna.id),
        ("vacancy", vac.id),
        ("employer_contact", logged.id),
        ("note", zaan.id),  # not of the register: left out, even with an employer's id
        ("vacancy", "weg"),  # gone since: left out
    ]
    assert services.queries.employer_names_of(records) == {
        zaan.id: "Zaanwarmte",
        anna.id: "Hoorn Elektro",
        vac.id: "Zaanwarmte",
        logged.id: "Hoorn Elektro",
    }
    assert services.queries.employer_names_of([]) == {}
