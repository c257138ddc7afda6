"""The wire protocol: its field schemas match the desktop's columns; it is light to import."""

from __future__ import annotations

import subprocess
import sys

import pytest
import sqlalchemy as sa

from spt_common import protocol as p
from spt_common.codes import ENTITY_CODES
from spt_desktop.models import SYNCED_ENTITIES
from spt_desktop.models.base import SYNC_COLUMNS, Code


def kind_of(column: sa.Column) -> str:  # type: ignore[type-arg]
    t = column.type
    if column.foreign_keys or (isinstance(t, sa.String) and t.length == 36):
        return "ref"
    if isinstance(t, Code):
        return "code"
    if isinstance(t, sa.Text):
        return "text"
    if isinstance(t, sa.String):
        return f"str{t.length}"
    if isinstance(t, sa.Boolean):
        return "bool"
    if isinstance(t, sa.Integer):
        return "int"
    if isinstance(t, sa.DateTime):
        return "datetime"
    if isinstance(t, sa.Date):
        return "date"
    raise AssertionError(f"unmapped column type {t!r}")


def test_entity_schemas_match_the_desktop_columns() -> None:
    assert set(p.ENTITY_FIELDS) == set(SYNCED_ENTITIES)
    for name, cls in SYNCED_ENTITIES.items():
        columns = {
            c.name: kind_of(c) + ("?" if c.nullable else "")
            for c in cls.__table__.columns  # type: ignore[attr-defined]
            if c.name not in SYNC_COLUMNS and c.computed is None  # sort_name: SQLite's, not synced
        }
        assert p.ENTITY_FIELDS[name] == columns, name
        assert (name in p.APPEND_ONLY) == (cls.__append_only__ and name != "visit"), name


def test_every_code_field_takes_the_codes_of_the_desktops_column() -> None:
    """A code field's enum (spt_common.codes) is its desktop column's (``Code(enum)``): the
    server refuses every code a colleague's laptop could not store."""
    desktop: dict[str, dict[str, type]] = {}
    for entity, cls in SYNCED_ENTITIES.items():
        for col in cls.__table__.columns:  # type: ignore[attr-defined]
            if isinstance(col.type, Code):
                desktop.setdefault(entity, {})[col.name] = col.type.enum
    assert desktop == ENTITY_CODES
    for entity, fields in p.ENTITY_FIELDS.items():
        named = {n for n, spec in fields.items() if p.field_kind(spec)[0] == "code"}
        assert named == set(ENTITY_CODES.get(entity, {})), entity


def test_a_code_outside_its_enum_is_refused_naming_the_field_not_the_value() -> None:
    for entity, fields in ENTITY_CODES.items():
        for name, enum in fields.items():
            good = next(iter(enum)).value
            assert p.validate_fields(entity, {name: good}, full=False) == {name: good}
            with pytest.raises(p.InvalidFields) as refused:
                p.validate_fields(entity, {name: "techniek_x"}, full=False)
            assert name in str(refused.value) and "techniek_x" not in str(refused.value)


def test_no_bsn_field_anywhere() -> None:
    for fields in p.ENTITY_FIELDS.values():
        assert not any("bsn" in f.lower() or "burgerservice" in f.lower() for f in fields)


def test_validation_normalises_and_names_fields_not_values() -> None:
    ok = p.validate_fields(
        "note",
        {"written_at": "2026-11-03T10:00:00+01:00", "text": "x"},
        full=False,
    )
    assert ok == {"written_at": "2026-11-03T09:00:00", "text": "x"}
    try:
        p.validate_fields("candidate", {"phone": "0" * 41, "hours_per_week": True}, full=False)
    except p.InvalidFields as exc:
        assert "phone" in str(exc) and "hours_per_week" in str(exc)
        assert "000" not in str(exc)
    else:
        raise AssertionError("accepted")


def test_protocol_imports_nothing_heavy() -> None:
    code = (
        "import sys; import spt_common.protocol; "
        "bad = [m for m in ('sqlalchemy', 'PySide6', 'httpx', 'sqlcipher3') if m in sys.modules];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
