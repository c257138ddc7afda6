"""Records stored with a code no version of the app in use knows (``spt-server
check-codes``).

Since the protocol checks every code field against its enum (``spt_common.codes``), the
server refuses such a record as it is pushed. A server that ran before that fix may hold
some: one employer with the sector ``techniek`` stopped every colleague's pull of the
SPT's registry. Laptops from migration 0020 of the vault on hold such a change instead
(spt_desktop/sync/held.py), so nothing is stuck, but the record reaches no one until it
is corrected. This lists them: record id, entity and the names of the fields, never a
value (a free code could hold anything, a name even).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlalchemy as sa

from spt_common.codes import ENTITY_CODES

# Records read per round trip: the table is read once, in id order, a slice at a time
# (no cursor held open across the whole table on either database).
SLICE = 2_000


@dataclass(frozen=True)
class BadCodes:
    """A stored record whose code fields hold a code outside their enum."""

    entity: str
    record_id: str
    fields: tuple[str, ...]


def _allowed() -> dict[str, dict[str, frozenset[str]]]:
    return {
        entity: {name: frozenset(m.value for m in enum) for name, enum in fields.items()}
        for entity, fields in ENTITY_CODES.items()
    }


def bad_codes(engine: sa.Engine) -> list[BadCodes]:
    """Every stored record (tombstones too) with a code its field's enum does not hold,
    by entity, then id. One pass over the table in id order (its primary key), a slice
    per round trip."""
    from spt_server.db import Record

    allowed = _allowed()
    table = Record.__table__
    found: list[BadCodes] = []
    after = ""
    while True:
        q = (
            sa.select(table.c.id, table.c.entity, table.c.data)
            .where(table.c.id > after)
            .order_by(table.c.id)
            .limit(SLICE)
        )
        with engine.connect() as conn:
            rows = conn.execute(q).all()
        for rid, entity, text in rows:
            codes = allowed.get(entity)
            if not codes or not text:
                continue
            data = json.loads(text)
            wrong = tuple(
                name
                for name, known in codes.items()
                if data.get(name) is not None and data.get(name) not in known
            )
            if wrong:
                found.append(BadCodes(entity, rid, wrong))
        if len(rows) < SLICE:
            break
        after = rows[-1][0]
    return sorted(found, key=lambda b: (b.entity, b.record_id))
