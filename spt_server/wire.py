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
from itertools import groupby, repeat
from operator import attrgetter, itemgetter
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
# A timestamp: 19-26 characters here (the form's lengths), its form checked for the
# batch at once (_moments_ok).
_Moment = Annotated[str, msgspec.Meta(min_length=19, max_length=26)]
_CodeForm = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_]{1,40}\Z")]
_Revision = Annotated[int, msgspec.Meta(ge=0, le=p.REV_MAX)]
_Cursor = Annotated[str, msgspec.Meta(pattern=_anchored(p.CURSOR_PATTERN), max_length=55)]
_Page = Annotated[int, msgspec.Meta(ge=0, le=p.MAX_PAGE)]


def _kind(entity: str, name: str, spec: str, whole: bool = False) -> Any:
    """The type a field of ``spec`` takes here (``protocol._annotation``'s checks);
    unset when not sent, unless ``whole``."""
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
    return base if whole else base | msgspec.UnsetType  # not sent: left out of the dict


class WireChange(msgspec.Struct, tag_field="entity", forbid_unknown_fields=True, gc=False):
    """A change as ``parse_sync`` makes it (``protocol.CheckedChange``'s attributes): one
    class per entity (``_CHANGES``: its tag, and its fields that entity's), whose
    ``fields`` is then the dict of the fields sent and ``shape`` the struct they were
    read into (the body's ``"fields"``; its JSON is the record's ``data`` column as
    ``store.data_json`` writes the dict, by msgspec's encoder of the struct, a fifth
    cheaper). Not tracked by the garbage collector: nothing in it refers back.

    Each entity has two such classes: one whose fields are all required (a new
    record's, as a device sends it: its dict made by ``asdict``, without looking for
    fields not sent) and one whose fields may be left out (an edit's; ``to_builtins``
    leaves them out of the dict). ``parse_sync`` reads a body the first way, else the
    second."""

    entity: ClassVar[str]
    id: str
    op: Literal["upsert", "delete"]
    base_rev: int | None = None
    # The body's "fields" (``shape``) and their dict (``fields``, set by parse_sync; a
    # "_fields" sent is no UNSET: refused, the body handed on).
    shape: msgspec.Struct | None = None
    fields: dict[str, Any] = msgspec.field(default_factory=dict, name="_fields")


def _fields_struct(entity: str, whole: bool) -> type[msgspec.Struct]:
    """``entity``'s fields as a struct: ``whole``, each one required, else each one
    left unset when not sent (and left out of ``encode``)."""
    definitions = [
        (name, _kind(entity, name, spec, True))
        if whole
        else (name, _kind(entity, name, spec), _UNSET)
        for name, spec in p.ENTITY_FIELDS[entity].items()
    ]
    return msgspec.defstruct(
        f"{entity}_{'whole' if whole else 'fields'}",
        definitions,
        forbid_unknown_fields=True,
        omit_defaults=True,
        gc=False,
    )


def _change_struct(entity: str, whole: bool) -> type[WireChange]:
    fields = _fields_struct(entity, whole)
    shape: Any = (
        msgspec.field(name="fields")
        if whole
        else msgspec.field(default_factory=fields, name="fields")
    )
    made: type[WireChange] = msgspec.defstruct(  # type: ignore[assignment]
        f"{entity}_{'new' if whole else 'change'}",
        [
            ("id", _Id),
            ("op", Literal["upsert", "delete"]),
            ("shape", fields, shape),
            ("base_rev", _Revision | None, None),
            ("fields", msgspec.UnsetType, msgspec.field(default=_UNSET, name="_fields")),
        ],
        bases=(WireChange,),
        kw_only=True,
        tag=entity,
        namespace={"entity": entity},
    )
    return made


def _named(entity: str, kind: str) -> tuple[str, ...]:
    specs = p.ENTITY_FIELDS[entity].items()
    return tuple(name for name, spec in specs if p.field_kind(spec)[0] == kind)


def _sync_decoder(changes: dict[str, type[WireChange]]) -> msgspec.json.Decoder[Any]:
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
    return msgspec.json.Decoder(sync)


class _Reader:
    """The decoders (every field required: ``whole``; any field left out: ``decoder``)
    and, per change class, the names of its references, dates and timestamps."""

    def __init__(self) -> None:
        whole = {entity: _change_struct(entity, True) for entity in p.ENTITY_FIELDS}
        some = {entity: _change_struct(entity, False) for entity in p.ENTITY_FIELDS}
        self.named: dict[type, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
            cls: (_named(e, "ref"), _named(e, "date"), _named(e, "datetime"))
            for changes in (whole, some)
            for e, cls in changes.items()
        }
        self.whole = _sync_decoder(whole)
        self.decoder = _sync_decoder(some)


_READER: _Reader | None = None


def build() -> None:
    """Build the decoder now (a server, as it starts), not at the first push."""
    global _READER
    if _READER is None:
        _READER = _Reader()


_SHAPE, _ID = attrgetter("shape"), attrgetter("id")
_asdict, _to_builtins = msgspec.structs.asdict, msgspec.to_builtins
_repeat, _get = repeat, dict.get
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


# Timestamps of the wire's form (``protocol._WIRE_DATETIME``), each ended by a line end.
# The repetition possessive (``*+``): no timestamp holds a line end, so a failed one
# cannot be matched by giving back the ones before it, and ``re`` then keeps no state
# to go back to per timestamp (35.3 -> 21.0 M instructions for the 10,874 of a 1k first
# push; each timestamp still matched by the form's own backtracking).
_MOMENTS = re.compile(f"(?:{p._WIRE_DATETIME[1:-1]}\n)*+")


def _moments_ok(moments: list[Any]) -> bool:
    """Each text of ``moments`` (19-26 characters each; None is skipped) a real
    timestamp of the wire's form: all at once, joined by line ends, by one match (a
    text with a line end in it cannot pass: each of the form's is 19 or 26 long, two
    need 39). Nearly every timestamp of a push is another: msgspec's pattern a value
    (a call of ``re`` each) cost a first push four times this."""
    if not moments:
        return True
    joined = "\n".join(filter(None, moments))
    return not joined or _MOMENTS.fullmatch(joined + "\n") is not None


def parse_sync(raw: bytes) -> p.AnySync:
    """A sync request's body: read here when ``protocol.parse_sync`` would take it in its
    one pass (the same ``CheckedSync``, its changes ``WireChange``s), else by it."""
    reader = _READER
    if reader is None:
        build()
        reader = _READER
        assert reader is not None
    try:
        # A first push's changes name every field: read so (``asdict`` then makes each
        # dict, with nothing unset to leave out); any other body read again, fields
        # that are not sent left unset (an edit's first change fails the first reading
        # at once).
        body = reader.whole.decode(raw)
        whole = True
    except msgspec.DecodeError:  # its ValidationError too
        try:
            body = reader.decoder.decode(raw)
        except msgspec.DecodeError:
            return p.parse_sync(raw)
        whole = False
    batch = body.batch
    if batch is None:
        return p.CheckedSync(None, body.cursor, body.limit)
    changes: list[WireChange] = batch.changes
    shapes = list(map(_SHAPE, changes))
    dicts = list(map(_asdict, shapes)) if whole else _to_builtins(shapes)
    _drain(map(setattr, changes, _repeat("fields"), dicts))
    # Each run of one change class's references, dates and timestamps, field by field
    # from the dicts (in C: a loop in Python cost a third of this function; a set of
    # the values, hashed, cost more than checking each).
    refs: set[Any] = set()
    days: set[Any] = set()
    moments: list[Any] = []
    named = reader.named
    end = 0
    for cls, same in groupby(map(type, changes)):
        start, end = end, end + len(list(same))
        ref_names, day_names, moment_names = named[cls]
        if not (ref_names or day_names or moment_names):
            continue
        run = dicts[start:end]
        for name in ref_names:
            refs.update(map(_get, run, _repeat(name)))
        for name in day_names:
            days.update(map(_get, run, _repeat(name)))
        for name in moment_names:
            moments += map(_get, run, _repeat(name))
    refs.discard(None)
    ids = [batch.batch_id, *map(_ID, changes), *refs]
    if not (_ids_ok(ids) and _days_ok(days) and _moments_ok(moments)):
        return p.parse_sync(raw)
    return p.CheckedSync(p.CheckedBatch(batch.batch_id, changes), body.cursor, body.limit)


# ``many_digits``' translate: each ASCII digit's byte to "1", every other byte deleted but
# "[" (in UTF-8 no other character has one of those bytes).
_DIGIT_ONES = bytes.maketrans(b"0123456789", b"1111111111")
_NOT_DIGIT_OR_OPEN = bytes(b for b in range(256) if not (0x30 <= b <= 0x39 or b == 0x5B))
_write_json = msgspec.json.Encoder().encode


def many_digits(free: tuple[str, ...], values: list[dict[str, Any]]) -> list[int] | None:
    """``protocol.refused_new``'s first look (its ``digits``): the indices of ``values``
    whose ``free`` fields hold nine ASCII digits or more between them, in order
    (``nine_digits`` of their texts, each record's joined), or None when this look
    cannot tell (a field left out, a value msgspec does not write,
    a "[" in a text).

    The free fields of each record taken as one tuple (``itemgetter``) and the whole
    run written as one JSON array of them by msgspec: each text's characters as they
    are but for an escape of a quote, a backslash or a control character (which adds
    digits, never takes one away: a record only looked at more closely). Then one
    translate keeps the digits (as "1") and the "["s, which only open the array and
    each record's array when no text holds one (counted), and nine ones in a row are
    nine digits of one record. The texts taken from the dicts, joined in Python
    (``filter``, ``chain``, ``zip``, ``str.join``) and encoded to UTF-8 cost a 1k first
    push ~127 M instructions; this ~80 M (bench/SYNC.md, round 18)."""
    n = len(values)
    try:
        get = itemgetter(*free)
        rows = list(map(get, values)) if len(free) > 1 else list(zip(map(get, values)))
        compact = _write_json(rows).translate(_DIGIT_ONES, _NOT_DIGIT_OR_OPEN)
    except (KeyError, TypeError, ValueError):  # UnicodeEncodeError: a lone surrogate
        return None
    if compact.count(b"[") != n + 1:
        return None
    found: list[int] = []
    at = compact.find(_NINE_ONES)
    part, start = -2, 0  # the array's own "[" and the first record's come first
    while at >= 0:
        part += compact.count(b"[", start, at)
        found.append(part)
        start = compact.find(b"[", at)  # the next record's
        if start < 0:
            break
        at = compact.find(_NINE_ONES, start)
    return found


_NINE_ONES = b"1" * 9
