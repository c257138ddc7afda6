"""schemathesis against the server's OpenAPI schema: no 5xx, every answer as documented,
data the schema allows accepted and data it does not allow refused (both generation modes).

A real server on a loopback port (SQLite and PostgreSQL), called with a real token of a
real coach, so requests get past authentication into push, pull and look-ups. Generated
ids are random UUIDs that would never meet a stored record; part of them are swapped
(deterministically, from the generated data) for ids of records that exist — the coach's
own and another coach's — so merge, scope and tombstone paths are reached too.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from spt_server import monitor
from tests.support.server_kit import NH, PASSWORD, Admin, LiveServer, candidate_change

API = "/api/v1"
EXAMPLES = 30  # per operation and database: enough to reach every branch, well under a minute
EXPLORE = settings.get_current_profile_name() == "explore"  # the nightly run draws new cases


@dataclass
class World:
    """A live server with two coaches and some records of each."""

    url: str
    headers: dict[str, str]
    refresh_token: str
    email: str
    known: list[tuple[str, str]] = field(default_factory=list)  # (entity, id)


def _change(entity: str, rid: str, fields: dict[str, Any]) -> dict[str, Any]:
    return {"entity": entity, "id": rid, "op": "upsert", "fields": fields}


_candidate = candidate_change


def _fill(http: httpx.Client, tokens: dict[str, Any], other: str) -> list[tuple[str, str]]:
    """A candidate with a note, a deleted candidate, an employer and a handover."""
    me = tokens["coach"]["id"]
    auth = {"authorization": "Bearer " + tokens["access_token"]}
    cand, gone, note, emp, hand = (str(uuid.uuid4()) for _ in range(5))
    changes = [
        _candidate(cand),
        _candidate(gone),
        _change(
            "note",
            note,
            {"candidate_id": cand, "author_id": me, "written_at": "2026-11-03T10:00", "text": "x"},
        ),
        _change(
            "employer",
            emp,
            {
                "name": "Kok",
                "sector": "installatie",
                "municipality": "Alkmaar",
                "spt": NH,
                "address": "",
                "praktijkopleiders": 1,
                "middenkader": 0,
                "guidance_notes": "",
            },
        ),
        _change(
            "handover",
            hand,
            {
                "candidate_id": cand,
                "from_coach_id": me,
                "from_role": "loopbaancoach",
                "to_coach_id": other,
                "to_role": "jobcoach",
                "summary": "Overdracht",
                "status": "pending",
                "created_at": "2026-11-04T09:00:00",
            },
        ),
    ]
    batch = {"batch_id": str(uuid.uuid4()), "changes": changes}
    r = http.post("/sync", json={"batch": batch}, headers=auth)
    assert r.status_code == 200, r.text
    delete = {"entity": "candidate", "id": gone, "op": "delete"}
    batch = {"batch_id": str(uuid.uuid4()), "changes": [delete]}
    assert http.post("/sync", json={"batch": batch}, headers=auth).status_code == 200
    return [
        ("candidate", cand),
        ("candidate", gone),
        ("note", note),
        ("employer", emp),
        ("handover", hand),
        ("coach", me),
    ]


@pytest.fixture(scope="module")
def world(module_db_url: str) -> Iterator[World]:
    url = module_db_url
    admin = Admin(url)
    admin.add_coach("anna@spt.nl", roles="loopbaancoach,coordinator")  # monitor too
    admin.add_coach("bob@spt.nl", roles="jobcoach")
    live = LiveServer(url).start()
    http = httpx.Client(base_url=live.url + API, timeout=30)
    logins = {}
    for email in ("anna@spt.nl", "bob@spt.nl"):
        r = http.post("/auth/login", json={"email": email, "password": PASSWORD})
        assert r.status_code == 200, r.text
        logins[email] = r.json()
    anna, bob = logins["anna@spt.nl"], logins["bob@spt.nl"]
    known = _fill(http, anna, bob["coach"]["id"]) + _fill(http, bob, anna["coach"]["id"])
    # The refresh cases get a second laptop of hers: presenting one token again and
    # again is reuse, which ends that device's session, not the one the others call with.
    second = http.post("/auth/login", json={"email": "anna@spt.nl", "password": PASSWORD})
    assert second.status_code == 200, second.text
    http.close()
    yield World(
        url=live.url,
        headers={"authorization": "Bearer " + anna["access_token"]},
        refresh_token=second.json()["refresh_token"],
        email="anna@spt.nl",
        known=known,
    )
    live.stop()
    admin.close()


def _pick(seed: object, n: int) -> int:
    """A stable choice from generated data (hypothesis stays in charge of the input)."""
    return int(hashlib.sha256(repr(seed).encode()).hexdigest(), 16) % n


def _fresh_candidate(world: World) -> str:
    cid = str(uuid.uuid4())
    batch = {"batch_id": str(uuid.uuid4()), "changes": [_candidate(cid)]}
    r = httpx.post(world.url + API + "/sync", json={"batch": batch}, headers=world.headers)
    assert r.status_code == 200, r.text
    return cid


def _fresh_referral(world: World) -> str:
    """A referral of NH waiting for a coach, recorded by her (she coordinates NH)."""
    from tests.server.test_referrals import referral

    change = referral(recorded_by=_coach_id(world))
    batch = {"batch_id": str(uuid.uuid4()), "changes": [change]}
    r = httpx.post(world.url + API + "/sync", json={"batch": batch}, headers=world.headers)
    assert r.status_code == 200, r.text
    return str(change["id"])


def _coach_id(world: World) -> str:
    return next(rid for entity, rid in world.known if entity == "coach")


def _aim(case: Any, world: World) -> None:
    """Swap part of the generated ids and secrets for real ones (2 in 3 cases)."""
    path = case.operation.path
    body = case.body
    if path.endswith("/records/{entity}/{record_id}"):
        params = case.path_parameters or {}
        k = _pick(params, 3 * len(world.known))
        if k < 2 * len(world.known):
            entity, rid = world.known[k % len(world.known)]
            params["record_id"] = rid
            if k < len(world.known):
                params["entity"] = entity
    elif path.endswith("/erase"):
        # Her candidates and Bob's (same SPT: she is its coordinator), or a random id.
        params = case.path_parameters or {}
        candidates = [rid for entity, rid in world.known if entity == "candidate"]
        k = _pick(params, 3 * len(candidates))
        if k < 2 * len(candidates):
            params["candidate_id"] = candidates[k % len(candidates)]
    elif path.endswith("/coordination/assignments") and isinstance(body, dict) and _pick(body, 3):
        # A live candidate of hers (the erase cases may have erased the known ones), to
        # herself in her coaching role (she coordinates NH).
        body["candidate_ids"] = [_fresh_candidate(world)]
        body["coach_id"] = next(rid for entity, rid in world.known if entity == "coach")
        body["role"] = "loopbaancoach"
        body.pop("spt", None)
    elif path.endswith("/referrals/assign") and isinstance(body, dict) and _pick(body, 3):
        # A referral of her SPT waiting for a coach, to herself (a loopbaancoach).
        body["referral_ids"] = [_fresh_referral(world)]
        body["coach_id"] = _coach_id(world)
        body.pop("spt", None)
    elif path.endswith("/sync") and isinstance(body, dict):
        batch = body.get("batch")
        changes = batch.get("changes") if isinstance(batch, dict) else None
        for i, ch in enumerate(changes if isinstance(changes, list) else []):
            if not isinstance(ch, dict):
                continue
            k = _pick((i, ch), 3 * len(world.known))
            if k < 2 * len(world.known):
                entity, rid = world.known[k % len(world.known)]
                ch["id"] = rid
                if k < len(world.known):
                    ch["entity"] = entity
            fields = ch.get("fields")
            if isinstance(fields, dict):
                for name in ("candidate_id", "employer_id", "coach_id", "to_coach_id"):
                    if name in fields:
                        fields[name] = world.known[_pick((name, ch), len(world.known))][1]
    elif path.endswith("/auth/login") and isinstance(body, dict) and _pick(body, 3):
        # Her right password only: wrong ones would rate-limit her after five tries.
        body["email"], body["password"] = world.email, PASSWORD
    elif path.endswith("/auth/refresh") and isinstance(body, dict) and _pick(body, 2):
        body["refresh_token"] = world.refresh_token


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,  # what the schema forbids is refused (strict types, patterns)
    positive_data_acceptance,  # what it allows is not refused as invalid
]


def _a_valid_period(query: dict[str, Any]) -> bool:
    try:
        start, end = date.fromisoformat(query["start"]), date.fromisoformat(query["end"])
    except (KeyError, TypeError, ValueError):
        return False
    first, last = monitor.FIRST_DAY, monitor.LAST_DAY
    in_range = first <= start <= last and first <= end <= last
    return in_range and start <= end and (end - start).days <= monitor.MAX_DAYS


def _run_operation(operation: Any, world: World, mode: GenerationMode) -> Counter[int | str]:
    """Hypothesis over one operation's generated requests; the status codes seen."""
    seen: Counter[int | str] = Counter()

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES * (5 if EXPLORE else 1),
        deadline=None,
        derandomize=not EXPLORE,  # the same cases on every run: CI must not flicker
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        if mode is GenerationMode.POSITIVE:
            _aim(case, world)  # real ids could turn invalid data valid again: not in negative
        period = mode is GenerationMode.POSITIVE and case.operation.path.endswith("/monitor")
        response = case.call_and_validate(
            base_url=world.url,
            headers=world.headers,
            checks=[c for c in CHECKS if not (period and c is positive_data_acceptance)],
        )
        if period and response.status_code == 422:
            # The one rule the schema cannot state (it spans two parameters): a period of
            # at most three years, start before end, within 2000-2099. Nothing else is
            # refused.
            assert not _a_valid_period(case.query or {}), (case.query, response.text)
        seen[response.status_code] += 1
        if "/sync" in case.operation.path and response.status_code == 200:
            for r in (response.json().get("push") or {}).get("results", []):
                seen[r["status"]] += 1

    check()
    return seen


def test_no_server_errors_and_answers_as_documented(world: World) -> None:
    # The Python API, not schemathesis' pytest plugin (which does not run on pytest 9).
    schema = schemathesis.openapi.from_url(world.url + API + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 6
    reached = {}
    unsatisfiable = []
    for operation in operations:
        seen = _run_operation(operation, world, GenerationMode.POSITIVE)
        reached[operation.label] = seen
        try:
            _run_operation(operation, world, GenerationMode.NEGATIVE)
        except Unsatisfiable:
            unsatisfiable.append(operation)
    # Nothing to make invalid: no input, or only the Authorization header (any text is a
    # header value; a wrong one is a 401, tested in test_authorisation.py).
    for operation in unsatisfiable:
        raw = operation.definition.raw
        names = [q["name"].lower() for q in raw.get("parameters", [])]
        assert "requestBody" not in raw and names in ([], ["authorization"]), operation.label
    # Real tokens and real ids: every operation answered 200 (204) at least once, so the
    # deep paths ran (not only the 401s and 422s in front of them).
    missed = [label for label, seen in reached.items() if not seen[200] and not seen[204]]
    assert not missed, reached
