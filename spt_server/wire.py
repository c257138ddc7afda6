"""A sync request's body read by msgspec: the server's first reading of every ``/sync``.

``parse_sync`` takes a body only when it is one that ``spt_common.protocol.parse_sync``'s
one pass would take as it is (a ``CheckedSync``), and gives back the same values: its
changes' fields checked against their entity's field kinds (text lengths, its enum's
codes, strict integers and booleans, record ids, the wire's dates and timestamps, no
field that is not the entity's), each change's ``fields`` a dict in the entity's order.
Anything else (a field of another kind or form, a date that is no real day, a body that
is no sync request) it hands to ``protocol.parse_sync``, which reads it as before (the
one pass of pydantic-core, or else the two-pass way that refuses or corrects change by
change, naming the field): every refusal and correction is that one's. The two readings
are held equal by tests/server/test_wire_body.py.

Why: pydantic-core's one pass cost a first push 3.7-4.7 us a change, most of it its JSON
read into Python (``validate_json``, even validating nothing, 3.1-3.4). msgspec decodes the
body into its structs in about 1 us a change, and this function gives the same objects
in about half the one pass's CPU (bench/SYNC.md, round 11). Its patterns are Python's
``re``, called once a value (~0.5 us each, ~4.4 values a change: ids, references,
dates): so ids and
references are checked here 36 characters long by msgspec and their form for the whole
batch at once (``_ids_ok``), dates 10 long and their form once for every distinct day
(``_days_ok``). Timestamps (~0.3 a change) and the rare code fields without an enum keep
msgspec's pattern, anchored with ``\\Z`` (Python's ``$`` also matches before a final
newline, pydantic-core's does not).

msgspec is a dependency of the server's extra only: the desktop never reads a push.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable
from itertools import chain, repeat
from operator import attrgetter
from operator import call as _call
from typing import Annotated, Any, ClassVar, Literal, Union

import msgspec

from spt_common import protocol as p
from spt_common.codes import ENTITY_CODES


def _anchored(pattern: str) -> str:
    """``pattern`` (``^...$``) as Python's ``re`` reads pydantic-core's: ``$`` only at
    the very end (``\\Z``)."""
    assert pattern.startswith("^") and pattern.endswith("$"), pattern
    return pattern[:-1] + r"\Z"


_UNSET = msgspec.UNSET
# An id or reference: 36 characters here, their form checked for the batch (_ids_ok).
_Id = Annotated[str, msgspec.Meta(min_length=36, max_length=36)]
# A date: 10 characters here, its form checked once per distinct day (_days_ok).
_Day = Annotated[str, msgspec.Meta(min_length=10, max_length=10)]
_Moment = Annotated[str, msgspec.Meta(pattern=_anchored(p._WIRE_DATETIME))]
_CodeForm = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_]{1,40}\Z")]
_Revision = Annotated[int, msgspec.Meta(ge=0, le=p.REV_MAX)]
_Cursor = Annotated[str, msgspec.Meta(pattern=_anchored(p.CURSOR_PATTERN), max_length=55)]
_Page = Annotated[int, msgspec.Meta(ge=0, le=p.MAX_PAGE)]


def _kind(entity: str, name: str, spec: str) -> Any:
    """The type a field of ``spec`` takes here (``protocol._annotation``'s checks)."""
    kind, nullable = p.field_kind(spec)
    codes = ENTITY_CODES.get(entity, {}).get(name)
    base: Any
    if kind.startswith("str"):
        base = Annotated[str, msgspec.Meta(max_length=int(kind[3:]))]
    elif kind == "text":
        base = Annotated[str, msgspec.Meta(max_length=p.MAX_TEXT)]
    elif kind == "ref":
        base = _Id
    elif kind == "code":
        base = _CodeForm if codes is None else Literal[tuple(m.value for m in codes)]
    elif kind == "int":
        base = Annotated[int, msgspec.Meta(ge=-p.INT_MAX, le=p.INT_MAX)]
    elif kind == "bool":
        base = bool
    elif kind == "date":
        base = _Day
    elif kind == "datetime":
        base = _Moment
    else:  # pragma: no cover - a typo in ENTITY_FIELDS
        raise ValueError(kind)
    if nullable:
        base = base | None
    return base | msgspec.UnsetType  # not sent: left out of the dict


class WireChange(msgspec.Struct, tag_field="entity", forbid_unknown_fields=True, gc=False):
    """A change as ``parse_sync`` makes it (``protocol.CheckedChange``'s attributes): one
    class per entity (``_CHANGES``: its tag, and its ``fields`` that entity's), whose
    ``fields`` is then the dict of the fields sent. Not tracked by the garbage collector:
    nothing in it refers back."""

    entity: ClassVar[str]
    id: str
    op: Literal["upsert", "delete"]
    base_rev: int | None = None
    fields: dict[str, Any] = {}


def _fields_struct(entity: str) -> type[msgspec.Struct]:
    definitions = [
        (name, _kind(entity, name, spec), _UNSET) for name, spec in p.ENTITY_FIELDS[entity].items()
    ]
    return msgspec.defstruct(
        f"{entity}_fields", definitions, forbid_unknown_fields=True, omit_defaults=True, gc=False
    )


def _change_struct(entity: str) -> type[WireChange]:
    fields = _fields_struct(entity)
    made: type[WireChange] = msgspec.defstruct(  # type: ignore[assignment]
        f"{entity}_change",
        [
            ("id", _Id),
            ("op", Literal["upsert", "delete"]),
            ("base_rev", _Revision | None, None),
            ("fields", fields, msgspec.field(default_factory=fields)),
        ],
        bases=(WireChange,),
        tag=entity,
        namespace={"entity": entity},
    )
    return made


def _getter(names: tuple[str, ...]) -> Any:
    """A tuple of ``names``' values of a fields struct (sent or not): an ``attrgetter``
    (in C), of one name twice (of one it gives the value, not a tuple)."""
    if not names:
        return lambda _fields: ()
    return attrgetter(*names) if len(names) > 1 else attrgetter(names[0], names[0])


def _named(entity: str, kind: str) -> tuple[str, ...]:
    specs = p.ENTITY_FIELDS[entity].items()
    return tuple(name for name, spec in specs if p.field_kind(spec)[0] == kind)


class _Reader:
    """The decoder and, per change class, the getters of its references and dates."""

    def __init__(self) -> None:
        changes = {entity: _change_struct(entity) for entity in p.ENTITY_FIELDS}
        # Per change class, its references' and dates' values (sent or not) in one tuple.
        self.named = {
            cls: _getter(_named(e, "ref") + _named(e, "date")) for e, cls in changes.items()
        }
        change: Any = Union[tuple(changes.values())]  # noqa: UP007

        batch = msgspec.defstruct(
            "Batch",
            [
                ("batch_id", _Id),
                ("changes", Annotated[list[change], msgspec.Meta(max_length=p.MAX_BATCH_TAKEN)]),
            ],
            forbid_unknown_fields=True,
            gc=False,
        )
        sync = msgspec.defstruct(
            "Sync",
            [
                ("batch", batch | None, None),
                ("cursor", _Cursor | None, None),
                ("limit", _Page, p.DEFAULT_PAGE),
            ],
            forbid_unknown_fields=True,
            gc=False,
        )
        self.decoder: msgspec.json.Decoder[Any] = msgspec.json.Decoder(sync)


_READER: _Reader | None = None


def build() -> None:
    """Build the decoder now (a server, as it starts), not at the first push."""
    global _READER
    if _READER is None:
        _READER = _Reader()


_FIELDS, _ID = attrgetter("fields"), attrgetter("id")
_chain, _repeat = chain.from_iterable, repeat
_drain: Callable[[Iterable[Any]], None] = deque(maxlen=0).extend  # runs an iterator, keeps nothing
# An id's characters as its form has them: a hexadecimal digit "0", a dash and a line end
# themselves, anything else "x"; and an id in that form, with its line end.
_FORM = bytes(48 if c in b"0123456789abcdef" else c if c in b"-\n" else 120 for c in range(256))
_ONE_FORM = b"00000000-0000-0000-0000-000000000000\n"


def _ids_ok(ids: list[str]) -> bool:
    """Each of ``ids`` (36 characters each) a record id of ``protocol.UUID_PATTERN``'s
    form: lower-case hexadecimal digits, dashes after the 8th, 12th, 16th and 20th. All
    at once: joined by line ends, each character mapped to its kind (one
    ``bytes.translate`` by a table, no deletions: its fast loop), and compared with
    that many ids' form."""
    joined = "\n".join(ids) + "\n"  # 37 characters an id
    if not joined.isascii():  # (and no lone surrogate to encode)
        return False
    return joined.encode().translate(_FORM) == _ONE_FORM * len(ids)


# Days of the wire's form seen real already (bounded): a push names a few hundred distinct
# days in thousands of records.
_DAYS: set[str] = set()
_DAY = re.compile(_anchored(p._WIRE_DATE))


def _days_ok(days: set[Any]) -> bool:
    """Each text of ``days`` (10 characters each; None and unset are skipped) a real day
    of the wire's form (``protocol._WIRE_DATE``)."""
    new = days.difference(_DAYS)
    new.discard(None)
    new.discard(_UNSET)
    if not new:
        return True
    if not all(_DAY.match(day) for day in new):
        return False
    if len(_DAYS) > 100_000:
        _DAYS.clear()
    _DAYS.update(new)
    return True


def parse_sync(raw: bytes) -> p.AnySync:
    """A sync request's body: read here when ``protocol.parse_sync`` would take it in its
    one pass (the same ``CheckedSync``, its changes ``WireChange``s), else by it."""
    reader = _READER
    if reader is None:
        build()
        reader = _READER
        assert reader is not None
    try:
        body = reader.decoder.decode(raw)
    except msgspec.DecodeError:  # its ValidationError too
        return p.parse_sync(raw)
    batch = body.batch
    if batch is None:
        return p.CheckedSync(None, body.cursor, body.limit)
    changes: list[WireChange] = batch.changes
    # Per change in C (map, chain, attrgetter): a loop in Python cost a third of this
    # function. Each change's references and dates (one getter a class), each distinct
    # value once: references are 36 characters long, dates 10 (their types say so).
    fields_of = list(map(_FIELDS, changes))
    named = set(_chain(map(_call, map(reader.named.__getitem__, map(type, changes)), fields_of)))
    named.discard(None)
    named.discard(_UNSET)
    days = {value for value in named if len(value) == 10}
    ids = [batch.batch_id, *map(_ID, changes), *named.difference(days)]
    _drain(map(setattr, changes, _repeat("fields"), msgspec.to_builtins(fields_of)))
    if not (_ids_ok(ids) and _days_ok(days)):
        return p.parse_sync(raw)
    return p.CheckedSync(p.CheckedBatch(batch.batch_id, changes), body.cursor, body.limit)
