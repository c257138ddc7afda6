"""Which words Conflicten gives a refused record (sync.conflicts.refusal_of): from the
push result's status and the change's entity, her own SPT for a referral."""

from __future__ import annotations

from spt_desktop.sync.conflicts import refusal_of

NH = "spt_noord_holland"


def test_each_refusal_has_its_own_word() -> None:
    assert refusal_of("employer", "forbidden", {"spt": "spt_midden"}, None, NH) == "register"
    assert refusal_of("vacancy", "forbidden", {}, None, NH) == "register"
    assert refusal_of("loket_question", "forbidden", {}, None, NH) == "loket"
    assert refusal_of("loket_question", "rejected", {"to_coach_id": "x"}, {}, NH) == "colleague"
    assert refusal_of("referral", "forbidden", {"spt": NH}, None, NH) == "referral"
    assert refusal_of("referral", "forbidden", {"spt": "spt_midden"}, None, NH) == "spt_referral"
    assert refusal_of("handover", "rejected", {}, None, NH) == "colleague"
    assert refusal_of("assignment", "rejected", {}, None, NH) == "colleague"
    # A handover the server has (accepted, frozen) is refused for a rule, not a colleague.
    assert refusal_of("handover", "rejected", {}, {"status": "accepted"}, NH) == "rule"
    assert refusal_of("note", "forbidden", {"text": "x"}, None, NH) == "dossier"
    assert refusal_of("visit", "rejected", {}, {"topics": "x"}, NH) == "rule"


def test_a_conflict_is_no_refusal() -> None:
    assert refusal_of("candidate", "field", "a", "b", NH) is None
    assert refusal_of("note", "deleted", {}, None, NH) is None
