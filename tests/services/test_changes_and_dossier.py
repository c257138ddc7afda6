"""Use cases say what they changed (read from what their transactions wrote), a
dossier is read in one transaction, and 'my candidates' is a filter, not a magic id."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from spt_common.enums import ConsentPurpose, Role
from spt_desktop.services.changes import Changes
from spt_desktop.services.dto import CaseloadFilter
from tests.services.factories import ONLY_PROCESSING, employer, profile


def test_a_write_says_what_it_changed(services):  # type: ignore[no-untyped-def]
    registered = services.changing(lambda svc: svc.candidates.register(profile(), ONLY_PROCESSING))
    assert registered.value.first_name == "Fatma"
    assert registered.changes == Changes(candidates=True, dossier=True)
    cid = registered.value.id

    made = services.changing(lambda svc: svc.employers.create(employer()))
    assert made.changes == Changes(employers=True)

    consent = services.changing(
        lambda svc: svc.candidates.set_consent(cid, ConsentPurpose.AANBODKRANT, True)
    )
    assert consent.changes == Changes(candidates=True, dossier=True)

    read = services.changing(lambda svc: svc.dossier(cid))
    assert read.changes == Changes()  # a read changes nothing

    # Several use cases in one: what any of them changed.
    both = services.changing(
        lambda svc: (
            svc.employers.create(employer(name="Tweede B.V.")),
            svc.candidates.update(cid, {"skills": "lassen"}),
        )
    )
    assert both.changes == Changes(candidates=True, dossier=True, employers=True)


def test_a_dossier_is_read_in_one_transaction(services, vault, monkeypatch):  # type: ignore[no-untyped-def]
    cid = services.candidates.register(profile(), ONLY_PROCESSING).id
    for n in range(3):  # matches at three employers: their names in one query
        emp = services.employers.create(employer(name=f"Werkgever {n} B.V."))
        services.matching.propose(cid, emp.id)
    opened: list[Session] = []
    real = vault.transaction

    @contextmanager
    def counted(actor_id: str | None = None) -> Iterator[Session]:
        with real(actor_id) as session:
            opened.append(session)
            yield session

    monkeypatch.setattr(vault, "transaction", counted)
    dossier = services.dossier(cid)
    assert len(opened) == 1
    assert dossier.candidate.id == cid and len(dossier.matches) == 3
    assert sorted(dossier.employers.values()) == [f"Werkgever {n} B.V." for n in range(3)]
    assert dossier.coaches[services.actor_id]


def test_my_candidates_is_a_filter(services):  # type: ignore[no-untyped-def]
    mine = services.candidates.register(profile(), ONLY_PROCESSING)
    assert [r.id for r in services.queries.caseload(CaseloadFilter(mine=True))] == [mine.id]
    assert services.queries.count(CaseloadFilter(mine=True, role=Role.JOBCOACH)) == 0
