from __future__ import annotations

import json
from datetime import date, datetime

import pytest
import sqlalchemy as sa

from spt_common.enums import (
    CandidateStatus,
    DropoutReason,
    Persona,
    Phase,
    Role,
    Spt,
)
from spt_desktop.models import SYNCED_ENTITIES, AuditEntry, OutboxEntry
from spt_desktop.services.dto import CaseloadFilter
from spt_desktop.services.errors import RuleViolation
from spt_desktop.services.queries import fts_query
from tests.conftest import TODAY
from tests.services.factories import ONLY_PROCESSING, employer, profile


def _register(services, first, last, **over):
    return services.candidates.register(
        profile(first_name=first, last_name=last, **over), ONLY_PROCESSING
    )


def test_caseload_filters_by_coach_role_phase_persona_status(services):
    colleague = services.coaches.add(
        "Joris de Wit", "joris@spt.nl", [Role.ARBEIDSMARKTCOACH], Spt.NOORD_HOLLAND
    )
    a = _register(services, "Ahmed", "El Amrani", persona="employed_outside_tech")
    b = _register(services, "Bram", "van Dijk")
    c = _register(services, "Chantal", "Koster")
    services.journey.move(b.id, Phase.MATCHING, "klaar")
    services.journey.drop_out(c.id, DropoutReason.LANGUAGE_GAP)
    services.candidates.assign(a.id, colleague.id, Role.ARBEIDSMARKTCOACH)

    def ids(**kw):
        return [r.id for r in services.queries.caseload(CaseloadFilter(**kw))]

    assert ids() == [b.id, a.id, c.id]  # (van) Dijk, El Amrani, Koster: Dutch order
    assert ids(coach_id=colleague.id) == [a.id]
    assert ids(role=Role.ARBEIDSMARKTCOACH) == [a.id]
    assert ids(phases=frozenset({Phase.MATCHING})) == [b.id]
    assert ids(personas=frozenset({Persona.EMPLOYED_OUTSIDE_TECH})) == [a.id]
    assert ids(statuses=frozenset({CandidateStatus.DROPPED_OUT})) == [c.id]
    assert services.queries.count(CaseloadFilter(statuses=frozenset({CandidateStatus.ACTIVE}))) == 2
    assert ids(limit=1, offset=1) == [a.id]


def test_full_text_search_is_prefix_diacritic_blind_and_injection_safe(services):
    a = _register(services, "José", "Dos Santos")
    b = _register(services, "Jos", "Groen", skills="Elektrotechniek en zonnepanelen")
    services.candidates.add_note(a.id, "Wil graag lassen leren")
    cand_ids = lambda text: {r.id for r in services.queries.search(text)}  # noqa: E731

    assert cand_ids("jose") == {a.id}
    assert cand_ids("jos") == {a.id, b.id}
    assert cand_ids("zonnep") == {b.id}
    assert cand_ids("lass") == {a.id}
    assert cand_ids("jos groen") == {b.id}
    for hostile in ['"', "jos*)", "NEAR(", "a OR b", "-", "' OR 1=1 --"]:
        services.queries.search(hostile)  # never raises
    assert fts_query('jo"s') == '"jo"* "s"*'
    assert fts_query("  ") is None


def test_visit_text_is_searchable(services):
    a = _register(services, "Anouk", "Visser")
    services.visits.log(a.id, {"topics": "Veiligheidsinstructie hoogwerker"})
    assert [r.id for r in services.queries.search("hoogwerk")] == [a.id]


def test_search_follows_edits_and_deletes_and_sorts_dutch(services, vault):
    a = _register(services, "Anouk", "van Vliet")
    b = _register(services, "Bas", "Aalders")
    c = _register(services, "Cor", "de Boer", skills="lassen")
    note = services.candidates.add_note(b.id, "Wil lassen leren")

    def ids(text: str, **f: object) -> list[str]:
        return [r.id for r in services.queries.caseload(CaseloadFilter(text=text, **f))]  # type: ignore[arg-type]

    assert ids("lass") == [b.id, c.id]  # Aalders, (de) Boer
    assert ids("b") == [c.id] and ids("V") == [a.id]  # one letter: last-name initial
    assert ids("") == [b.id, c.id, a.id]  # ..., (van) Vliet
    assert ids("", phases=frozenset({Phase.ORIENTATION}), limit=2) == [b.id, c.id]
    services.candidates.update(c.id, {"skills": "metselen"})
    assert ids("lass") == [b.id]
    with vault.transaction() as s:  # a tombstoned note leaves the index
        s.get(SYNCED_ENTITIES["note"], note.id).deleted = True
    assert ids("lass") == []
    assert ids("metsel") == [c.id]
    # The owner table maps exactly the indexed documents to their candidates.
    with vault.engine.connect() as conn:
        fts = set(conn.exec_driver_sql("SELECT rowid, candidate_id FROM search_fts"))
        owner = set(conn.exec_driver_sql("SELECT doc, candidate_id FROM search_owner"))
    assert fts == owner and len(fts) == 3


def test_today_lists_follow_ups_checkpoints_handovers_and_visit_follow_ups(services, vault):
    a = _register(services, "Anna", "de Boer", next_follow_up="2026-11-29")
    _register(services, "Later", "Nog", next_follow_up="2026-12-20")
    emp = services.employers.create(employer())
    match = services.matching.propose(a.id, emp.id)
    services.matching.place(
        match.id, {"job_title": "Monteur", "contract": "bbl", "starts_on": "2026-10-15"}
    )
    services.visits.log(
        a.id,
        {"topics": "Start", "follow_up_on": "2026-11-28",
         "visited_at": datetime(2026, 11, 1, 9)},
    )  # fmt: skip

    today = services.queries.today()
    assert today.on == TODAY
    assert [i.candidate_id for i in today.follow_ups] == [a.id]
    assert [i.detail for i in today.checkpoints] == ["1 maand"]
    assert [i.due_on for i in today.visit_follow_ups] == [date(2026, 11, 28)]
    # A newer visit without follow-up clears the visit follow-up.
    services.visits.log(a.id, {"topics": "Gesprek", "visited_at": datetime(2026, 11, 29, 9)})
    assert services.queries.today().visit_follow_ups == ()


def test_every_change_writes_outbox_and_audit_in_its_transaction(services, vault):
    cand = _register(services, "Piet", "Jansen")
    services.journey.move(cand.id, Phase.DEEP_ORIENTATION, "Techniektuin")
    with vault.transaction() as s:
        outbox = s.execute(sa.select(OutboxEntry.entity, OutboxEntry.record_id)).all()
        audits = s.scalars(sa.select(AuditEntry)).all()
    synced = {(e, r) for e, r in outbox}
    for audit in audits:
        assert (audit.entity, audit.record_id) in synced
        assert ("audit_entry", audit.id) in synced
    assert {e for e, _ in outbox} >= {"candidate", "consent", "assignment", "journey_event"}
    assert set(e for e, _ in outbox) <= set(SYNCED_ENTITIES)

    # A failing use case writes nothing: no half change, no outbox, no audit.
    before = len(outbox)
    with pytest.raises(RuleViolation):
        services.journey.move(cand.id, Phase.DEEP_ORIENTATION, "dubbel")
    with vault.transaction() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(OutboxEntry)) == before


def test_history_names_actions_never_content(services):
    cand = _register(services, "Karin", "Smit")
    services.candidates.update(cand.id, {"notes": "Gevoelige informatie"})
    history = services.queries.history(cand.id)
    assert {(h.action, h.entity) for h in history} >= {
        ("create", "candidate"),
        ("update", "candidate"),
    }
    assert "Gevoelige" not in json.dumps([h.__dict__ for h in history], default=str)


def test_export_holds_everything_about_one_or_all_candidates(services):
    a = _register(services, "Eva", "Mulder")
    b = _register(services, "Noah", "Bos")
    services.intake.record(a.id, {"background": "Kapper"})
    services.visits.log(a.id, {"topics": "Kennismaking"})
    one = services.export.export(a.id)
    (doc,) = one["candidates"]
    assert (doc["id"], doc["first_name"], doc["last_name"]) == (a.id, "Eva", "Mulder")
    assert doc["intakes"][0]["background"] == "Kapper"
    assert doc["visits"][0]["topics"] == "Kennismaking"
    assert doc["journey"][0]["to_phase"] == "orientation"
    assert doc["history"] and doc["consents"][0]["purpose"] == "processing"
    assert {c["id"] for c in services.export.export()["candidates"]} == {a.id, b.id}
    json.dumps(one)  # plain JSON all the way down
