"""The sync wire format, shared by the desktop client and the SPT server.

Pydantic only: no SQLAlchemy, no Qt, so the server can import it alone. Values travel as
JSON natives; dates as ``YYYY-MM-DD``, timestamps as naive UTC ISO 8601, enum members as
their stable code.

One request does a whole no-change sync: ``POST /api/v1/sync`` carries an optional push
batch and a pull cursor, and answers with the batch's results and the first pull page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain, repeat
from typing import Annotated, Any, Literal, Protocol, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    ValidationError,
    create_model,
)
from pydantic_core import SchemaValidator, core_schema

from spt_common.bsn import BSN_REFUSED, contains_bsn, find_bsn, nine_digits
from spt_common.codes import ENTITY_CODES
from spt_common.entities import EntityName
from spt_common.enums import Labelled

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"
MAX_BATCH = 500  # changes per push batch: what every server takes, sent until one says more
# What this server takes in one push batch, said in every sync answer's headers and the
# login's (the client fills its batches up to it, and up to the body size said beside
# it; kept by the vault from its login on, so its first push starts full): fewer,
# bigger batches, as each request has a fixed cost on the server (parsing, the
# middleware, a pull page, the commits). A batch of demo records is ~0.4 KB a change.
# 5,000 (2,000 until round 19): a 10k first push takes 83 requests, not 199, and each
# hand-over between two batches is on the push's serial path (answer out, the client's
# next post, the body read and unpacked: 6.7 ms a batch, 1.34 s of a 7.2 s push in a
# quiet trace). With the collector's young generation at ``app.GC_YOUNG`` the server's
# instructions of a 1k push are the same at any batch size (2,000: 3,293.6 M, 5,000:
# 3,335.7 M, 10,000: 3,295.3 M); the client's CPU of a 10k push −9 % (fewer answers to
# read and apply). Not 10,000: the pipeline's fill and drain (the first batch built, the
# last one answered, while the other end waits) grow with the batch (bench/SYNC.md,
# round 19).
MAX_BATCH_TAKEN = 5000
HEADER_MAX_BATCH = "spt-max-batch"  # changes in one push batch
HEADER_MAX_BODY = "spt-max-body"  # bytes in one request body (unpacked)
# Said "1" in every sync answer of a server that takes ``limit: 0`` (a push whose pull
# page the client will not use: no page is read, the cursor comes back as sent, ``more``
# true). A client sends 0 only to a server that said so; an older one refuses it.
HEADER_PAGE_OPTIONAL = "spt-page-optional"
MAX_PAGE = 2000  # records per pull page
DEFAULT_PAGE = MAX_PAGE  # fewer round trips: a 200-candidate caseload in 4 pages, not 8
MAX_TEXT = 100_000  # characters in one free-text field
INT_MAX = 2**31 - 1
# A revision in a JSON number: within 2**53 every JSON parser reads it exactly (RFC 8259),
# and far inside the server's 64-bit revisions (PostgreSQL bigint).
REV_MAX = 2**53 - 1
# A pull cursor: the revision (at most 18 digits: always inside a bigint) and, inside a
# newly granted candidate's records, ":" and a record id.
CURSOR_PATTERN = r"^[0-9]{1,18}(:[0-9a-f-]{1,36})?$"

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
Uuid = Annotated[str, StringConstraints(pattern=UUID_PATTERN, max_length=36)]
CodeStr = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_]{1,40}$")]

# Field kinds of each synced entity (spt_common.entities, same order), kept equal to the
# desktop's SQLAlchemy columns by tests/sync/test_sync_protocol.py. "strN": text of at most
# N characters; "ref": a record id; "code": an enum code; a trailing "?" means the field may
# be null. No BSN, anywhere.
ENTITY_FIELDS: dict[str, dict[str, str]] = {
    "coach": {"name": "str200", "email": "str320", "roles": "str200", "spt": "code"},
    "candidate": {
        "first_name": "str100",
        "last_name": "str150",
        "birth_date": "date?",
        "email": "str320?",
        "phone": "str40?",
        "municipality": "str100",
        "spt": "code",
        "labour_market_region": "str100",
        "referral_source": "code",
        "persona": "code",
        "benefit_status": "code",
        "language_level": "code?",
        "hours_per_week": "int?",
        "availability": "text?",
        "salary_expectation": "int?",
        "skills": "text?",
        "interests": "text?",
        "motivation": "text?",
        "notes": "text?",
        "phase": "code",
        "status": "code",
        "registered_on": "date",
        "next_follow_up": "date?",
        "closed_on": "date?",
        "closing_outcome": "code?",
    },
    "consent": {
        "candidate_id": "ref",
        "purpose": "code",
        "granted": "bool",
        "recorded_on": "date",
        "recorded_by": "ref",
        "withdrawn_on": "date?",
    },
    "assignment": {"candidate_id": "ref", "coach_id": "ref", "role": "code", "active": "bool"},
    "intake": {
        "candidate_id": "ref",
        "held_on": "date",
        "coach_id": "ref",
        "background": "text",
        "motivation": "text",
        "wishes": "text",
        "obstacles": "text",
        "persona_rationale": "text",
    },
    "note": {
        "candidate_id": "ref",
        "author_id": "ref",
        "written_at": "datetime",
        "text": "text",
        "visit_id": "ref?",
    },
    "journey_event": {
        "candidate_id": "ref",
        "from_phase": "code?",
        "to_phase": "code",
        "occurred_on": "date",
        "coach_id": "ref",
        "reason": "text",
    },
    "plan": {
        "candidate_id": "ref",
        "version": "int",
        "status": "code",
        "summary": "text",
        "reviewed_on": "date?",
        "agreed_on": "date?",
        "agreed_by": "ref?",
    },
    "goal": {"candidate_id": "ref", "plan_id": "ref", "position": "int", "description": "text"},
    "action": {
        "candidate_id": "ref",
        "goal_id": "ref",
        "position": "int",
        "description": "text",
        "owner": "str200",
        "due_on": "date?",
        "status": "code",
    },
    "activity": {
        "candidate_id": "ref",
        "kind": "code",
        "held_on": "date",
        "location": "str200",
        "outcome": "code",
        "notes": "text",
    },
    "training": {
        "candidate_id": "ref",
        "provider": "str200",
        "programme": "str200",
        "publicly_funded": "bool",
        "funding": "code",
        "fund": "code?",
        "starts_on": "date?",
        "ends_on": "date?",
        "status": "code",
        "certificate": "str200?",
        "certifiable": "bool",
    },
    "handover": {
        "candidate_id": "ref",
        "from_coach_id": "ref",
        "from_role": "code",
        "to_coach_id": "ref",
        "to_role": "code",
        "summary": "text",
        "status": "code",
        "created_at": "datetime",
        "accepted_at": "datetime?",
    },
    "dropout": {
        "candidate_id": "ref",
        "phase": "code",
        "reason": "code",
        "occurred_on": "date",
        "coach_id": "ref",
        "explanation": "text",
    },
    "employer": {
        "name": "str200",
        "sector": "code",
        "municipality": "str100",
        "spt": "code",
        "address": "str300",
        "praktijkopleiders": "int",
        "middenkader": "int",
        "guidance_notes": "text",
        # Vault 0009. Nullable, so an insert from a device of before stays valid.
        "branch": "code?",
        "training_fund": "code?",
        "transition_readiness": "code?",
        "transition_notes": "text?",
    },
    "contact_person": {
        "employer_id": "ref",
        "name": "str200",
        "function": "str200",
        "email": "str320?",
        "phone": "str40?",
        "left_on": "date?",
    },
    "vacancy": {
        "employer_id": "ref",
        "kind": "code",
        "title": "str200",
        "description": "text",
        "hours_per_week": "int?",
        "positions": "int",
        "expected_on": "date?",
        "status": "code",
        "work_pattern": "code?",
        "salary_min": "int?",
        "salary_max": "int?",
        "language_level": "code?",
        "work_level": "code?",
        "bbl_possible": "bool?",
        "source": "code?",
    },
    "employer_contact": {
        "employer_id": "ref",
        "contact_person_id": "ref?",
        "coach_id": "ref",
        "held_on": "date",
        "kind": "code",
        "agreements": "text",
        "follow_up_on": "date?",
        "follow_up_done_on": "date?",
    },
    "match": {
        "candidate_id": "ref",
        "employer_id": "ref",
        "vacancy_id": "ref?",
        "coach_id": "ref",
        "status": "code",
        "klik": "int?",
        "proposed_on": "date",
        "notes": "text",
        "introduced_on": "date?",
        "trial_on": "date?",
        "hired_on": "date?",
        "declined_on": "date?",
        "declined_by": "code?",
        "declined_reason": "text?",
    },
    "placement": {
        "candidate_id": "ref",
        "employer_id": "ref",
        "vacancy_id": "ref?",
        "match_id": "ref?",
        "jobcoach_id": "ref?",
        "job_title": "str200",
        "contract": "code",
        "starts_on": "date",
        "ended_on": "date?",
        "hours_per_week": "int?",
        "fund": "code?",
    },
    "retention_checkpoint": {
        "candidate_id": "ref",
        "placement_id": "ref",
        "months": "int",
        "due_on": "date",
        "done_on": "date?",
        "outcome": "code?",
        "note": "text?",
    },
    "visit": {
        "candidate_id": "ref",
        "placement_id": "ref?",
        "employer_id": "ref?",
        "coach_id": "ref",
        "visited_at": "datetime",
        "site": "str200",
        "mode": "code",
        "attendees": "text",
        "topics": "text",
        "progress_score": "int?",
        "wellbeing_score": "int?",
        "agreements": "text",
        "notes": "text",
        "follow_up_on": "date?",
        "dropout_risk": "bool",
        "signed_off_at": "datetime?",
    },
    "referral": {
        "spt": "code",
        "referred_on": "date",
        "referrer_kind": "code",
        "referrer_region": "str100?",
        "campaign": "str200?",
        "referrer_organisation": "str200",
        "referrer_person": "str200",
        "referrer_contact": "str320",
        "first_name": "str100",
        "last_name": "str150",
        "email": "str320?",
        "phone": "str40?",
        "municipality": "str100",
        "question": "text",
        "known": "text",
        "consent_spt": "bool",
        "consent_report_back": "bool",
        "status": "code",
        "intake_on": "date?",
        "not_started_reason": "code?",
        "not_started_note": "text?",
        "coach_id": "ref?",
        "candidate_id": "ref?",
        "recorded_by": "ref",
    },
    "referral_letter": {
        "candidate_id": "ref",
        "referral_id": "ref?",
        "moment": "code",
        "sent_on": "date",
        "coach_id": "ref",
        "recipient": "str300",
    },
    # Issue 16 §2: the loket register. ``name`` and ``contact`` only while it is open:
    # closing clears them (the server too: spt_server.store.LOKET_PERSONAL).
    "loket_question": {
        "spt": "code",
        "received_on": "date",
        "channel": "code",
        "asker": "code",
        "topic": "str200",
        "answer": "text",
        "to_coach_id": "ref?",
        "follow_up_on": "date?",
        "status": "code",
        "closed_on": "date?",
        "outcome": "code?",
        "outcome_id": "ref?",
        "name": "str200?",
        "contact": "str320?",
        "recorded_by": "ref",
    },
    "audit_entry": {
        "at": "datetime",
        "actor_id": "ref?",
        "action": "str20",
        "entity": "str40",
        "record_id": "ref",
        "candidate_id": "ref?",
        "fields": "text",
    },
}

# Records only ever written once; a visit joins them once signed off.
APPEND_ONLY = frozenset({"note", "journey_event", "audit_entry", "referral_letter"})
# The SPT's shared registries: everyone in the SPT sees them.
REGISTRIES = frozenset({"employer", "contact_person", "vacancy", "employer_contact"})
# Referrals (aanmeldingen) come into an SPT before anyone coaches them: besides the
# assigned coach (the record's addressee) and the linked candidate's coaches, accounts
# with one of these roles see and change every referral of their SPT.
REFERRAL_DESK_ROLES = frozenset({"loket", "coordinator", "admin"})
# Kept by the server (accounts); devices receive them but never push them.
SERVER_OWNED = frozenset({"coach"})


def field_kind(spec: str) -> tuple[str, bool]:
    """``("str200", True)`` for ``"str200?"``: the kind and whether null is allowed."""
    return spec.rstrip("?"), spec.endswith("?")


def _annotation(spec: str, codes: type[Labelled] | None = None) -> Any:
    """The type a field of ``spec`` takes; a code field's, one of ``codes``' codes."""
    kind, nullable = field_kind(spec)
    if kind.startswith("str"):
        base: Any = Annotated[str, StringConstraints(max_length=int(kind[3:]), strict=True)]
    elif kind == "text":
        base = Annotated[str, StringConstraints(max_length=MAX_TEXT, strict=True)]
    elif kind == "ref":
        base = Uuid
    elif kind == "code":
        # Its enum's codes only (spt_common.codes); a code field without one: the form.
        base = CodeStr if codes is None else Literal[tuple(m.value for m in codes)]
    elif kind == "int":
        base = Annotated[StrictInt, Field(ge=-INT_MAX, le=INT_MAX)]
    elif kind == "bool":
        base = StrictBool
    elif kind == "date":
        base = date
    elif kind == "datetime":
        base = datetime
    else:  # pragma: no cover - a typo in ENTITY_FIELDS
        raise ValueError(kind)
    return base | None if nullable else base


def _entity_model(entity: str, fields: dict[str, str]) -> type[BaseModel]:
    # Every field defaults to None so a partial update validates only what it names;
    # defaults are not validated, so a non-nullable field sent as null still fails.
    codes = ENTITY_CODES.get(entity, {})
    definitions: dict[str, Any] = {
        name: (_annotation(spec, codes.get(name)), None) for name, spec in fields.items()
    }
    model: type[BaseModel] = create_model(
        f"{entity.title().replace('_', '')}Fields",
        __config__=ConfigDict(extra="forbid"),
        **definitions,
    )
    return model


# The entity models and the validators made of them (``field_validators``,
# ``_sync_validator``) check what a server receives. They are built at their first use,
# not at import: 26 models, their validators and the body's one-pass validator were
# ~45 ms of CPU at import, and the desktop's sync, which imports this module for the
# wire's shapes, never checks a push (an ``spt-desktop sync`` process is about 0.7 s
# in all). The server builds them as it starts (``build_validators``), not at its first
# push.
_ENTITY_MODELS: dict[str, type[BaseModel]] | None = None
_FIELD_VALIDATORS: dict[str, SchemaValidator] | None = None
_SYNC_VALIDATOR: SchemaValidator | None = None


def entity_models() -> dict[str, type[BaseModel]]:
    """A pydantic model per synced entity, each field optional (``_entity_model``)."""
    global _ENTITY_MODELS
    if _ENTITY_MODELS is None:
        _ENTITY_MODELS = {
            name: _entity_model(name, fields) for name, fields in ENTITY_FIELDS.items()
        }
    return _ENTITY_MODELS


def _fields_validator(model: type[BaseModel]) -> SchemaValidator:
    """A validator of the fields ``model`` checks, each with the model's own schema, that
    gives back a dict of the fields named (in the model's order) instead of a model
    instance: the model filled in every field not named with its default, a record of
    twenty fields cost 2.6 times as much to validate (a first push validates tens of
    thousands). The same checks and the same errors (tests/unit/test_validate_fields)."""
    schema: Any = model.__pydantic_core_schema__
    fields = {}
    for name, field in schema["schema"]["fields"].items():
        inner = field["schema"]
        # Each field is "default None" around its own schema (see _entity_model).
        assert inner["type"] == "default" and inner["default"] is None, name
        fields[name] = core_schema.typed_dict_field(inner["schema"], required=False)
    return SchemaValidator(
        core_schema.typed_dict_schema(fields, extra_behavior="forbid", total=False)
    )


def field_validators() -> dict[str, SchemaValidator]:
    """Per entity, the validator of its fields (``_fields_validator``)."""
    global _FIELD_VALIDATORS
    if _FIELD_VALIDATORS is None:
        _FIELD_VALIDATORS = {
            name: _fields_validator(model) for name, model in entity_models().items()
        }
    return _FIELD_VALIDATORS


class InvalidFields(ValueError):
    """What arrived does not fit the entity's schema. The message names fields, not values."""


def _required(entity: str) -> tuple[str, ...]:
    return tuple(n for n, spec in ENTITY_FIELDS[entity].items() if not field_kind(spec)[1])


# What an insert must name, per entity: worked out once, not for each field of each
# record the server receives (~30 % of validate_fields in a first push).
REQUIRED_FIELDS = {entity: _required(entity) for entity in ENTITY_FIELDS}
REQUIRED_SETS = {entity: frozenset(names) for entity, names in REQUIRED_FIELDS.items()}
FIELD_COUNTS = {entity: len(fields) for entity, fields in ENTITY_FIELDS.items()}
DATETIME_FIELDS = {
    entity: frozenset(n for n, spec in fields.items() if field_kind(spec)[0] == "datetime")
    for entity, fields in ENTITY_FIELDS.items()
}
DATE_FIELDS = {
    entity: frozenset(n for n, spec in fields.items() if field_kind(spec)[0] == "date")
    for entity, fields in ENTITY_FIELDS.items()
}


@dataclass(frozen=True)
class _Shape:
    """What ``validate_fields`` needs to know of a set of field names, in the order sent,
    to write a validated change's values in wire form: which are dates and timestamps."""

    dates: tuple[str, ...]
    datetimes: tuple[str, ...]


# Per entity and field names as sent (bounded: any subset of fields can come): a push
# sends thousands of records of a few dozen shapes.
_SHAPES: dict[tuple[str, tuple[str, ...]], _Shape] = {}


def _shape(entity: str, names: tuple[str, ...]) -> _Shape:
    key = (entity, names)
    shape = _SHAPES.get(key)
    if shape is None:
        if len(_SHAPES) >= 4096:
            _SHAPES.clear()
        shape = _SHAPES[key] = _Shape(
            dates=tuple(n for n in names if n in DATE_FIELDS[entity]),
            datetimes=tuple(n for n in names if n in DATETIME_FIELDS[entity]),
        )
    return shape


def validate_fields(
    entity: str, values: dict[str, Any], *, full: bool, checked: bool = False, own: bool = False
) -> dict[str, Any]:
    """The values of ``entity`` checked and normalised to wire form (JSON natives), in
    the order of the entity's fields.

    ``full``: an insert, which must name every field that cannot be null.
    ``checked``: ``values`` are a ``CheckedChange``'s fields, which the body's one-pass
    validator (``parse_sync``) checked already, its dates and timestamps real ones as
    text of the wire's own form: only the required fields and the BSN are left.
    ``own`` (with ``checked``): ``values`` themselves are given back, not a copy (the
    caller changes nothing in them and compares by identity).

    What the model's JSON dump of the named fields gave, without the model (see
    _fields_validator) or the dump (a third of this function's time before): every
    kind but a date or a timestamp validates strictly (text, ids, codes, strict
    integers and booleans), so its value comes out as it went in; a date or timestamp
    comes out as the ISO text of what the model parsed (a timestamp in naive UTC).
    """
    validator = (_FIELD_VALIDATORS or field_validators()).get(entity)
    if validator is None:
        raise InvalidFields(f"onbekende soort gegevens: {entity}")
    if checked:
        # Its dates and timestamps real ones of the wire's form (``_WIRE_DATE``): as they
        # are. A copy unless the caller changes nothing in it (``own``).
        out = values if own else dict(values)
    else:
        shape = _shape(entity, tuple(values))
        try:
            out = validator.validate_python(values)  # in the fields' order
        except ValidationError as exc:
            where = sorted({".".join(str(p) for p in e["loc"]) for e in exc.errors()})
            raise InvalidFields("ongeldige velden: " + ", ".join(where)) from None
        for name in shape.dates:
            if (day := out[name]) is not None:
                out[name] = day.isoformat()
        for name in shape.datetimes:
            # Naive UTC on the wire: an aware timestamp is converted, never silently shifted.
            if (moment := out[name]) is not None:
                out[name] = _naive_utc(moment)
    # By sets and the entity's own lists, not by the names sent (a shape made of them
    # per record, its tuple hashed and looked up, was a fifth of this function). Every
    # name in ``out`` is one of the entity's (the validator, or the pass that checked
    # them, forbids others), so as many names as it has fields are all of them: what a
    # device sends of a new record (the set comparison cost ten times the count).
    if full and len(out) != FIELD_COUNTS[entity] and not out.keys() >= REQUIRED_SETS[entity]:
        missing = [n for n in REQUIRED_FIELDS[entity] if n not in out]
        raise InvalidFields("ontbrekende velden: " + ", ".join(missing))
    # refuse_bsn, its looks at the texts joined only (nearly every record holds no
    # number of nine digits, and those that do, a phone number's ten): the fields with
    # a BSN are named by refuse_bsn itself.
    texts = [v for n in FREE_TEXT_FIELDS[entity] if isinstance(v := out.get(n), str)]
    if texts and _holds_bsn("\x00".join(texts)):
        refuse_bsn(entity, out)
    return out


def refused_new(
    entity: str,
    values: list[dict[str, Any]],
    digits: Callable[[tuple[str, ...], list[dict[str, Any]]], list[int] | None] | None = None,
) -> list[int]:
    """The indices of ``values`` (dicts of fields of new records of ``entity`` that the
    pass over the body checked: ``ParsedChange``s' fields) that ``validate_fields(entity,
    v, full=True, checked=True)`` refuses, in order: a required field missing, a free
    text holding a BSN. It gives back each other one as it is.

    Column by column, for a first push's batch of one entity at once (``store._Bulk``'s
    new records by columns), where ``validate_fields`` is a Python call of ~10 us a
    record: the fields counted by ``map``; the records with nine digits or more in their
    free texts found at once (``digits``: the server's, ``spt_server.wire.many_digits``,
    whose None means it cannot tell; else the texts joined and counted here,
    ``nine_digits``); only their texts are looked at for a BSN, as ``validate_fields``
    looks. The same answers (tests/server/test_push_columns.py)."""
    count = FIELD_COUNTS.get(entity)
    if count is None:
        return list(range(len(values)))
    refused: set[int] = set()
    lengths = list(map(len, values))
    if lengths.count(count) != len(lengths):
        required = REQUIRED_SETS[entity]
        refused.update(
            i for i, n in enumerate(lengths) if n != count and not values[i].keys() >= required
        )
    free = FREE_TEXT_FIELDS[entity]
    if free:
        many = None if digits is None else digits(free, values)
        if many is None:
            try:
                columns = [map(dict.get, values, repeat(name)) for name in free]
                # filter(None): the texts, without None and "" (an empty text holds no
                # digits, and no number runs across the "\x00" either way).
                texts = filter(None, chain.from_iterable(zip(*columns, repeat("\x01"))))
                many = nine_digits("\x00".join(texts), len(values))
            except TypeError:  # a value that is no dict, a text that is no str: one by one
                many = None
        for i in range(len(values)) if many is None else many:
            texts_i = [t for n in free if isinstance(t := values[i].get(n), str)]
            if texts_i and _holds_bsn("\x00".join(texts_i)):
                refused.add(i)
    return sorted(refused)


def _holds_bsn(joined: str) -> bool:
    """Some text of ``joined`` (texts joined by ``"\\x00"``, which no number runs
    across) holds a BSN: ``contains_bsn`` of any of them, in one look at all. A candidate's
    phone number has nine digits or more, so her texts always passed the first look
    (``may_hold_bsn``) and each was then searched again on its own: 7 of the ~10 us a
    new candidate's fields cost a push (``find_bsn``'s own first look is
    ``may_hold_bsn``'s)."""
    return find_bsn(joined) is not None


# Per entity, the fields that hold free text ("strN" or "text" kinds): none may hold a BSN.
FREE_TEXT_FIELDS = {
    entity: tuple(
        n for n, spec in fields.items() if field_kind(spec)[0].startswith(("str", "text"))
    )
    for entity, fields in ENTITY_FIELDS.items()
}


def refuse_bsn(entity: str, values: dict[str, Any]) -> None:
    """No BSN anywhere (an SPT has no legal basis to hold one): refuse ``values`` when a
    free-text field holds one, naming the field (never the value)."""
    texts = [v for name in FREE_TEXT_FIELDS[entity] if isinstance(v := values.get(name), str)]
    # One look at all of them first (nearly every record holds no BSN).
    if not texts or not _holds_bsn("\x00".join(texts)):
        return
    bad = [
        name
        for name in FREE_TEXT_FIELDS[entity]
        if isinstance(value := values.get(name), str) and contains_bsn(value)
    ]
    if bad:
        raise InvalidFields(f"{', '.join(bad)} {BSN_REFUSED}")


def _naive_utc(value: datetime) -> str:
    if value.tzinfo is not None:
        from datetime import UTC

        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat()


# --- accounts ----------------------------------------------------------------------


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StrictRequest(BaseModel):
    """A request to the server: no unknown fields and no conversions (``false`` is not a
    revision, ``"5"`` is not a page size), as the OpenAPI schema says."""

    model_config = ConfigDict(extra="forbid", strict=True)


def _json_integer(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("geen geheel getal")
    return value


# Integers as JSON Schema means them: 5 and 5.0, not 5.5, "5" or false. (Pydantic's strict
# mode refuses 5.0, which the schema allows; its lax mode takes "5" and false.) The bounds
# come first: after the validator they would not reach the schema as minimum and maximum.
_AS_JSON = (Field(strict=False), BeforeValidator(_json_integer))
Revision = Annotated[int, Field(ge=0, le=REV_MAX), *_AS_JSON]
# 0: no page (``HEADER_PAGE_OPTIONAL``).
PageSize = Annotated[int, Field(ge=0, le=MAX_PAGE), *_AS_JSON]


# Text the server stores or looks up as is: PostgreSQL text cannot hold a NUL character.
NO_NUL = r"^[^\x00]*$"


class LoginRequest(StrictRequest):
    email: Annotated[str, StringConstraints(min_length=3, max_length=320, pattern=NO_NUL)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=1024)]
    device_name: Annotated[str, StringConstraints(max_length=200, pattern=NO_NUL)] = ""
    device_id: Uuid | None = None  # re-login on a device the server already knows


class RefreshRequest(StrictRequest):
    refresh_token: Annotated[str, StringConstraints(min_length=10, max_length=200)]


class CoachInfo(Strict):
    id: str
    name: str
    email: str
    roles: list[str]
    spt: str


class TokenPair(Strict):
    access_token: str
    refresh_token: str
    expires_in: int  # seconds the access token lives
    device_id: str
    coach: CoachInfo


class ErrorBody(BaseModel):
    """Every error answer: ``{"detail": {"code": ..., "message": ...}}``."""

    code: str
    message: str


# Codes in ErrorBody.code that the client acts on.
ERR_BAD_CREDENTIALS = "bad_credentials"
ERR_TOKEN_EXPIRED = "token_expired"
ERR_TOKEN_INVALID = "token_invalid"
ERR_DEVICE_REVOKED = "device_revoked"
ERR_ACCOUNT_INACTIVE = "account_inactive"  # deactivated by the administrator
ERR_TOKEN_REUSED = "token_reused"  # a rotated refresh token came back: its family ended
ERR_RATE_LIMITED = "rate_limited"
ERR_BATCH_CONFLICT = "batch_id_in_use"
ERR_BAD_CURSOR = "bad_cursor"
ERR_UPDATE_REQUIRED = "update_required"  # this client is older than the server's minimum


# --- the version handshake -----------------------------------------------------------
#
# Every request of the desktop names its version and the protocol it speaks (two headers).
# The server, configured with a minimum (and optionally a recommended) client version,
# answers as usual with ``X-SPT-Update: recommended`` when the client is older than the
# recommended version, and refuses with 426 (code ``update_required``, the header
# ``X-SPT-Update: required`` and ``X-SPT-Min-Version``) when it is older than the minimum
# or speaks an older protocol. The client keeps its unsynced work and works offline until
# it is updated. ``/health`` is never refused (monitoring, load balancers).

CLIENT_VERSION_HEADER = "X-SPT-Client-Version"
PROTOCOL_HEADER = "X-SPT-Protocol"
UPDATE_HEADER = "X-SPT-Update"  # in an answer: "recommended" or "required"
MIN_VERSION_HEADER = "X-SPT-Min-Version"  # in a 426: the version the server asks for
UPDATE_RECOMMENDED = "recommended"
UPDATE_REQUIRED = "required"
UPDATE_REQUIRED_STATUS = 426  # "Upgrade Required": this client must be updated first
# The oldest protocol the server still speaks; a client of an older one must update.
MIN_PROTOCOL = 1
# An environment variable each (spt-server serve --min-client-version / --recommended-...)
MIN_CLIENT_VERSION_ENV = "SPT_MIN_CLIENT_VERSION"
RECOMMENDED_CLIENT_VERSION_ENV = "SPT_RECOMMENDED_CLIENT_VERSION"

_VERSION = re.compile(r"^(0|[1-9][0-9]{0,5})(\.(0|[1-9][0-9]{0,5})){0,3}$")


def parse_version(text: str) -> tuple[int, ...] | None:
    """``"0.10.2"`` as ``(0, 10, 2)``, trailing zeros dropped so ``1.0`` equals ``1``;
    None for anything that is not one to four dotted whole numbers (a pre-release
    suffix included: a client that sends one counts as unknown)."""
    text = text.strip()
    if not _VERSION.match(text):
        return None
    parts = [int(x) for x in text.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def update_advice(
    client_version: str | None,
    client_protocol: str | None,
    *,
    minimum: tuple[int, ...] | None,
    recommended: tuple[int, ...] | None,
) -> str | None:
    """What the server says to a client that sent these headers: None (ok),
    ``UPDATE_RECOMMENDED`` or ``UPDATE_REQUIRED``. A client that names no (readable)
    version is older than the handshake: required when a minimum is set."""
    if client_protocol is not None:
        proto = client_protocol.strip()
        if not proto.isdigit() or int(proto) < MIN_PROTOCOL:
            return UPDATE_REQUIRED
    version = parse_version(client_version) if client_version else None
    if minimum is not None and (version is None or version < minimum):
        return UPDATE_REQUIRED
    if recommended is not None and (version is None or version < recommended):
        return UPDATE_RECOMMENDED
    return None


# --- push --------------------------------------------------------------------------


class Change(StrictRequest):
    """One record's change: all its fields for a new record, the changed ones otherwise.

    ``base_rev`` is the server revision the device's copy was based on (None: the device
    made the record). The server merges field by field against it.
    """

    entity: EntityName
    id: Uuid
    op: Literal["upsert", "delete"]
    base_rev: Revision | None = None
    fields: Annotated[dict[str, Any], Field(max_length=64)] = Field(default_factory=dict)


class PushBatch(StrictRequest):
    batch_id: Uuid
    changes: Annotated[list[Change], Field(max_length=MAX_BATCH_TAKEN)]


class FieldConflict(Strict):
    """The same field changed on two devices: the server kept ``theirs``; ``yours`` is
    the pushing device's value, kept by the server too and by the device's conflict store."""

    field: str
    yours: Any = None
    theirs: Any = None


ChangeStatus = Literal["applied", "conflict", "gone", "rejected", "forbidden"]


class Record(Strict):
    """A record as the server holds it."""

    entity: EntityName
    id: str
    rev: int
    deleted: bool = False
    data: dict[str, Any]


class ChangeResult(Strict):
    """What became of one change.

    applied: stored (or already there); conflict: stored except the fields listed;
    gone: the record was deleted meanwhile, nothing changed; rejected: refused as invalid
    or not allowed for this kind of record (``record`` is the server's version);
    forbidden: outside the coach's scope, nothing said about it.
    """

    id: str
    status: ChangeStatus
    rev: int | None = None
    conflicts: list[FieldConflict] = Field(default_factory=list)
    reason: str | None = None
    record: Record | None = None


class PushResult(Strict):
    batch_id: str
    results: list[ChangeResult]
    replayed: bool = False  # the batch was seen before; these are the first results
    # The changes applied as sent, by their place in the batch, when the client asked
    # for them so (``HEADER_PUSH_ANSWER``); absent otherwise. See ``APPLIED_RUNS``.
    applied: list[int] | None = None


# A push answer's results written compactly (issue 13, round 19). A first push's answer
# was one ``{"id": <36 characters>, "status": "applied", "rev": N}`` for nearly every
# change: 34 MiB of JSON for 10k candidates, written, packed, kept for replays, unpacked
# and read, for ids the client sent itself. A client that sends ``HEADER_PUSH_ANSWER:
# PUSH_ANSWER_RUNS`` with a sync gets its push's changes applied as sent (status
# "applied", a revision, nothing else to say) as runs in ``PushResult.applied``: a flat
# list of triples ``position, revision, count``, the changes at ``position`` ..
# ``position + count - 1`` of the batch as sent, applied at ``revision`` ..
# ``revision + count - 1``; the runs in the batch's order, none overlapping another.
# Every other change has its ``ChangeResult`` in ``results`` as before, in the batch's
# order: together each change of the batch has exactly one of the two. A server that
# knows the header answers with ``applied`` (a list, empty if no change went so): that
# is how it says so. A server that does not, and any answer to a client that does not
# ask, is the long form, byte for byte as before (``applied`` absent). A replay answers
# in the form asked, the same results as the first answer.
HEADER_PUSH_ANSWER = "spt-push-answer"
PUSH_ANSWER_RUNS = "runs"
APPLIED_RUNS = 3  # the numbers of one run in ``PushResult.applied``


def runs_fit(applied: Sequence[int], size: int, others: int) -> bool:
    """``applied`` is runs as ``PushResult.applied`` says them, of a batch of ``size``
    changes whose other ``others`` changes have their ``ChangeResult``: triples, each of
    integers (not booleans), a position past the run before, a count of at least one,
    revisions within ``REV_MAX``, and one result for every change."""
    if len(applied) % APPLIED_RUNS or set(map(type, applied)) - {int}:
        return False
    end = covered = 0
    for k in range(0, len(applied), APPLIED_RUNS):
        at, rev, n = applied[k : k + APPLIED_RUNS]
        if at < end or rev < 0 or n < 1 or rev + n - 1 > REV_MAX:
            return False
        end = at + n
        covered += n
    return end <= size and covered + others == size


def expanded(result: PushResult, ids: Sequence[str]) -> PushResult:
    """``result`` in the long form (``applied`` absent): its runs as the ``ChangeResult``
    each of their changes stands for, among the others in the batch's order. ``ids``:
    the ids of the batch's changes, as sent. ValueError: runs that do not fit it."""
    applied = result.applied
    if applied is None:
        return result
    others = result.results
    if not runs_fit(applied, len(ids), len(others)):
        raise ValueError("runs that do not fit the batch")
    out = in_batch_order(applied, others, ids, _applied_result)
    return PushResult(batch_id=result.batch_id, results=out, replayed=result.replayed)


def _applied_result(rid: str, rev: int) -> ChangeResult:
    return ChangeResult(id=rid, status="applied", rev=rev)


_R = TypeVar("_R")  # a result type: ``ChangeResult``, the client's ``WireResult``


def in_batch_order(
    applied: Sequence[int], others: Sequence[_R], ids: Sequence[str], make: Callable[[str, int], _R]
) -> list[_R]:
    """Every change's result in the batch's order: ``applied``'s runs (checked by
    ``runs_fit``) as ``make(id, revision)`` each, among ``others`` (the results said in
    full, in the batch's order). ``expanded``'s, and the client's in its own result type."""
    out: list[_R] = []
    done = 0  # of ``others``
    for k in range(0, len(applied), APPLIED_RUNS):
        at, rev, n = applied[k : k + APPLIED_RUNS]
        before = at - len(out)
        out += others[done : done + before]
        done += before
        out += map(make, ids[at : at + n], range(rev, rev + n))
    out += others[done:]
    return out


# --- pull --------------------------------------------------------------------------


class PullPage(Strict):
    records: list[Record]
    purge: list[str] = Field(default_factory=list)  # candidate ids that left the scope
    cursor: str
    more: bool


class SyncRequest(StrictRequest):
    """One round trip: push ``batch`` (if any), then pull a page past ``cursor``."""

    batch: PushBatch | None = None
    cursor: Annotated[str, StringConstraints(pattern=CURSOR_PATTERN, max_length=55)] | None = None
    limit: PageSize = DEFAULT_PAGE


@dataclass(slots=True)
class CheckedChange:
    """A ``Change`` as ``parse_sync`` makes it: the same attributes, its ``fields``
    checked against its entity's field schemas in the same pass as the body
    (``validate_fields(..., checked=True)`` then only looks at its dates and timestamps,
    the required fields and the BSN). A plain class, not a model: pydantic-core made a
    model instance (its dict, its set of fields) for 1.3 us a change, this for a fifth."""

    entity: str
    id: str
    op: Literal["upsert", "delete"]
    base_rev: int | None
    fields: dict[str, Any]


class ParsedChange(Protocol):
    """A change whose fields were checked in the pass that read the body: a
    ``CheckedChange``, or the server's own reading's (``spt_server.wire``, msgspec's) with
    the same attributes and values. ``validate_fields(..., checked=True)`` takes its
    fields; a ``Change`` (the two-pass way) is the one whose fields are still to check."""

    @property
    def entity(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def op(self) -> Literal["upsert", "delete"]: ...
    @property
    def base_rev(self) -> int | None: ...
    @property
    def fields(self) -> dict[str, Any]: ...


@dataclass(slots=True)
class CheckedBatch:
    """A ``PushBatch`` as ``parse_sync`` makes it (its changes ``CheckedChange``s; in
    ``spt_server.wire``'s, its own ``ParsedChange``s)."""

    batch_id: str
    changes: Sequence[ParsedChange]


@dataclass(slots=True)
class CheckedSync:
    """A ``SyncRequest`` as ``parse_sync`` makes it."""

    batch: CheckedBatch | None
    cursor: str | None
    limit: int


# What the server takes from either way of reading a body (``parse_sync``).
AnyChange = Change | ParsedChange
AnyChanges = list[Change] | Sequence[ParsedChange]  # a batch's, either way
AnyBatch = PushBatch | CheckedBatch
AnySync = SyncRequest | CheckedSync


# The wire's own form of a date and of a timestamp (naive UTC, as ``_naive_utc`` writes
# it), and only real ones: the one-pass validator takes these as text, and they come out
# of ``validate_fields`` as they are (``date.fromisoformat`` of each, and of each
# timestamp ``datetime.fromisoformat(...).isoformat()`` given back unchanged, was looked
# at per record after the pass: 0.4 us of each pushed record). Any other form, or no
# such day or time, fails the pass, and the body is read the two-pass way (where the
# validator parses it, corrects it, or refuses it). A year is 0001-9999, a leap day in
# a leap year (by 4, not by 100 unless by 400); a timestamp's fraction is six digits,
# never ``.000000`` (``isoformat`` leaves that out: the two-pass way corrects it).
_YEAR = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTH_DAY = (
    "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
    "|(?:0[13578]|1[02])-31)"
)
_DAY = f"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
_FRACTION = (
    "(?:[1-9][0-9]{5}|0[1-9][0-9]{4}|00[1-9][0-9]{3}|000[1-9][0-9]{2}|0000[1-9][0-9]|00000[1-9])"
)
_WIRE_DATE = f"^{_DAY}$"
_WIRE_DATETIME = f"^{_DAY}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.{_FRACTION})?$"


def _checked_fields_schema(entity: str) -> core_schema.CoreSchema:
    """``entity``'s fields as ``field_validators`` checks them, dates and timestamps as
    text of the wire's form (see ``_WIRE_DATE``)."""
    model_fields = entity_models()[entity].__pydantic_core_schema__["schema"]["fields"]
    fields = {}
    for name, spec in ENTITY_FIELDS[entity].items():
        kind, nullable = field_kind(spec)
        inner: Any
        if kind in ("date", "datetime"):
            pattern = _WIRE_DATE if kind == "date" else _WIRE_DATETIME
            inner = core_schema.str_schema(pattern=pattern, strict=True)
            if nullable:
                inner = core_schema.nullable_schema(inner)
        else:
            inner = model_fields[name]["schema"]["schema"]  # inside its "default None"
        fields[name] = core_schema.typed_dict_field(inner, required=False)
    return core_schema.typed_dict_schema(fields, extra_behavior="forbid", total=False)


def _sync_schema() -> core_schema.CoreSchema:
    """A ``SyncRequest``'s JSON as a ``CheckedSync``, each change a ``CheckedChange``
    whose fields its entity's schema checked (a union of changes discriminated by
    ``entity``), in one pass of pydantic-core over the body's bytes. Strict everywhere,
    so it takes a subset of what ``SyncRequest`` takes, with the same values
    (tests/unit/test_sync_body.py): a revision or page size sent as ``5.0``, a date in
    another form, a bad field fail it (``parse_sync`` then reads the body as before)."""
    uuid = core_schema.str_schema(pattern=UUID_PATTERN, max_length=36, strict=True)
    revision = core_schema.int_schema(ge=0, le=REV_MAX, strict=True)

    def field(name: str, schema: Any, **default: Any) -> core_schema.DataclassField:
        if default:
            schema = core_schema.with_default_schema(schema, **default)
        return core_schema.dataclass_field(name, schema)

    def made(cls: type, fields: list[core_schema.DataclassField]) -> core_schema.CoreSchema:
        arguments = core_schema.dataclass_args_schema(cls.__name__, fields, extra_behavior="forbid")
        return core_schema.dataclass_schema(cls, arguments, [f["name"] for f in fields], slots=True)

    def change(entity: str) -> core_schema.CoreSchema:
        return made(
            CheckedChange,
            [
                field("entity", core_schema.literal_schema([entity])),
                field("id", uuid),
                field("op", core_schema.literal_schema(["upsert", "delete"])),
                field("base_rev", core_schema.nullable_schema(revision), default=None),
                field("fields", _checked_fields_schema(entity), default_factory=dict),
            ],
        )

    changes = core_schema.tagged_union_schema(
        {name: change(name) for name in ENTITY_FIELDS}, discriminator="entity"
    )
    batch = made(
        CheckedBatch,
        [
            field("batch_id", uuid),
            field("changes", core_schema.list_schema(changes, max_length=MAX_BATCH_TAKEN)),
        ],
    )
    cursor = core_schema.str_schema(pattern=CURSOR_PATTERN, max_length=55, strict=True)
    page = core_schema.int_schema(ge=0, le=MAX_PAGE, strict=True)
    return made(
        CheckedSync,
        [
            field("batch", core_schema.nullable_schema(batch), default=None),
            field("cursor", core_schema.nullable_schema(cursor), default=None),
            field("limit", page, default=DEFAULT_PAGE),
        ],
    )


def _sync_validator() -> SchemaValidator:
    """The one-pass validator of a sync request's body (``_sync_schema``)."""
    global _SYNC_VALIDATOR
    if _SYNC_VALIDATOR is None:
        _SYNC_VALIDATOR = SchemaValidator(_sync_schema())
    return _SYNC_VALIDATOR


def build_validators() -> None:
    """Build what checks a server's input now (a server, as it starts), not at the first
    request that needs it (see ``_ENTITY_MODELS``)."""
    field_validators()
    _sync_validator()


def parse_sync(raw: bytes | str) -> AnySync:
    """A sync request's body, as a ``CheckedSync`` or else a ``SyncRequest`` (pydantic's
    ``ValidationError`` for a body that is not one: a 422).

    One pass over the bytes checks the body and every change's fields, into plain
    objects: a first push's server spent 2.8 us a change on the body as models and 4.7
    more validating each change's fields apart. A body that pass does not take as it
    is (see ``_sync_schema``) is read as before: ``SyncRequest`` first, each change's
    fields later by ``validate_fields``, which refuses or corrects them change by
    change."""
    try:
        checked: CheckedSync = (_SYNC_VALIDATOR or _sync_validator()).validate_json(raw)
    except ValidationError:
        return SyncRequest.model_validate_json(raw)
    return checked


class SyncResponse(Strict):
    protocol: int = PROTOCOL_VERSION
    coach_id: str
    push: PushResult | None = None
    pull: PullPage


class Health(Strict):
    status: str
    protocol: int
    version: str


# --- coordination (issue 15): the coordinator's view of her SPT ---------------------

COACHING_ROLE_CODES = ("loopbaancoach", "arbeidsmarktcoach", "jobcoach")
CoachingRole = Literal["loopbaancoach", "arbeidsmarktcoach", "jobcoach"]
MAX_ASSIGN = 500  # candidates in one assignment request
ERR_FORBIDDEN = "forbidden"
ERR_NOT_FOUND = "not_found"
ERR_BAD_COACH = "bad_coach"  # not an active coach of the SPT with that role


class TeamDevice(Strict):
    """One laptop of a coach, with the server's own times (naive UTC)."""

    id: str
    name: str
    # The end of the last sync the server answered, to within 30 s: a server process
    # notes a device's sync at most every 30 s (spt_server.app.NOTE_EVERY; every push is
    # noted), so an idle sync writes nothing.
    last_sync: datetime | None = None
    last_seen: datetime | None = None  # last login or token refresh


class TeamCoach(Strict):
    """One coach of the SPT as the coordinator steers her: no candidate in it."""

    id: str
    name: str
    roles: list[str]
    active: bool
    caseload: dict[str, int]  # phase code -> candidates actively assigned (not closed)
    open_handovers: int  # handovers she sent that wait for acceptance
    oldest_handover: datetime | None = None  # created_at of the oldest of them
    conflicts: int  # same-field conflicts her devices met in the last CONFLICT_DAYS
    devices: list[TeamDevice]


class TeamReport(Strict):
    spt: str
    conflict_days: int
    coaches: list[TeamCoach]


class CandidateAssignment(Strict):
    coach_id: str
    role: str


class CoordinatedCandidate(Strict):
    """A candidate of the SPT as the coordinator picks her for an assignment."""

    id: str
    name: str
    municipality: str
    phase: str
    registered_on: date
    assignments: list[CandidateAssignment]  # the active ones


class CandidateList(Strict):
    spt: str
    candidates: list[CoordinatedCandidate]


class AssignRequest(StrictRequest):
    """Assign candidates of the SPT to a coach in a role; whoever held that role on them
    before loses it (a reassignment). All or nothing."""

    spt: CodeStr | None = None
    candidate_ids: Annotated[list[Uuid], Field(min_length=1, max_length=MAX_ASSIGN)]
    coach_id: Uuid
    role: CoachingRole


class AssignResult(Strict):
    assigned: int  # assignments switched on (new or again)
    ended: int  # other coaches' assignments of that role switched off


TargetCount = Annotated[int, Field(ge=0, le=1_000_000), *_AS_JSON]
Percentage = Annotated[int, Field(ge=0, le=100), *_AS_JSON]
Year = Annotated[int, Field(ge=2000, le=2099), *_AS_JSON]


class TargetValues(StrictRequest):
    """A year's targets of an SPT (None: no target set)."""

    instroom: TargetCount | None = None
    placements: TargetCount | None = None
    sustained: TargetCount | None = None  # placements still in work after 12 months
    dropout_rate: Percentage | None = None  # % of the year's instroom that dropped out


class TargetsRequest(TargetValues):
    spt: CodeStr | None = None
    year: Year


class Realised(Strict):
    """What the year brought so far; counts 1-4 as "<5", a rate over them as None."""

    instroom: int | str
    placements: int | str
    sustained: int | str
    dropout_rate: float | None = None


class TargetsReport(Strict):
    spt: str
    year: int
    targets: TargetValues
    realised: Realised


class IntakeRow(Strict):
    group: str  # the Dutch label of a referrer or persona, or "Totaal"
    count: int | str  # 1-4 as "<5"
    # Issue 16: of them, how many were placed (a placement started) by now; 1-4 as "<5".
    placed: int | str = 0


class IntakeReport(Strict):
    """Candidates registered in [start, end] per referrer and per persona (aggregates)."""

    spt: str
    start: date
    end: date
    total: int | str
    by_referrer: list[IntakeRow]
    by_persona: list[IntakeRow]
    # Issue 16: those who came through a campaign, per campaign (from their referral).
    by_campaign: list[IntakeRow] = []


# --- referrals in the coordinator's Toewijzen (issue 16) ------------------------------


class CoordinatedReferral(Strict):
    """A referral of the SPT that waits for a loopbaancoach."""

    id: str
    name: str
    municipality: str
    referrer_kind: str  # a ReferralSource code
    referrer: str  # organisation, region or campaign, as recorded
    referred_on: date
    status: str  # a ReferralStatus code
    coach_id: str | None = None


class ReferralList(Strict):
    spt: str
    referrals: list[CoordinatedReferral]


class ReferralAssignRequest(StrictRequest):
    """Give referrals of the SPT to a loopbaancoach. All or nothing."""

    spt: CodeStr | None = None
    referral_ids: Annotated[list[Uuid], Field(min_length=1, max_length=MAX_ASSIGN)]
    coach_id: Uuid


class ReferralAssignResult(Strict):
    assigned: int
