"""A match and a placement at another SPT's employer (which this vault never receives:
the server sends a coach her own SPT's employers only) are written locally since vault
migration 0017, and the lists do not drop them: the arbeidsmarktcoach's agenda keeps the
match (no employer name), the placement letter to the referrer leaves the employer out."""

from __future__ import annotations

from spt_common.enums import LetterMoment
from tests.conftest import TODAY
from tests.services.factories import ALL_CONSENTS, profile

OUTSIDE = "00000000-0000-4000-8000-0000000000ee"


def test_a_match_and_placement_at_an_employer_not_here_stay_listed(services, vault) -> None:  # type: ignore[no-untyped-def]
    cand = services.candidates.register(profile(), ALL_CONSENTS)
    with vault.engine.begin() as c:  # as the pull writes them
        c.exec_driver_sql(
            "INSERT INTO match (id, candidate_id, employer_id, vacancy_id, coach_id, status,"
            " proposed_on, notes, modified_at, deleted) VALUES ('m-out', ?, ?, ?, ?,"
            " 'trial', ?, '', '2026-12-01 10:00:00', 0)",
            (cand.id, OUTSIDE, OUTSIDE, services.actor_id, TODAY.isoformat()),
        )
        c.exec_driver_sql(
            "INSERT INTO placement (id, candidate_id, employer_id, vacancy_id, job_title,"
            " contract, starts_on, modified_at, deleted) VALUES ('p-out', ?, ?, NULL,"
            " 'Monteur', 'regular', ?, '2026-12-01 10:00:00', 0)",
            (cand.id, OUTSIDE, TODAY.isoformat()),
        )
    agenda = services.employers.agenda()
    assert [(m.record_id, m.employer_id, m.employer_name) for m in agenda.open_matches] == [
        ("m-out", OUTSIDE, "")
    ]
    letter = services.referrals.letter(cand.id, LetterMoment.PLACEMENT)
    assert [label for label, _ in letter.facts] == ["Functie", "Contract", "Gestart op"]
    assert ("Functie", "Monteur") in letter.facts
