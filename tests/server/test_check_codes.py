"""``spt-server check-codes`` on SQLite and PostgreSQL: records a server stored before
it checked codes (an employer with sector ``techniek``, a plan ``active``) are listed by
entity, id and field names, never their values, and the command exits 1; a database
without any exits 0. More records than one slice of the read are all looked at."""

from __future__ import annotations

import json
from typing import Any

import pytest

from spt_server import cli, codecheck
from spt_server.db import Record
from tests.support.server_kit import Admin


def store(admin: Admin, rows: list[tuple[str, str, dict[str, Any]]]) -> None:
    """Records as a server before the check stored them (straight into the table)."""
    with admin.session() as s, s.begin():
        start = len(s.query(Record).all())
        for i, (rid, entity, data) in enumerate(rows, start=start + 1):
            s.add(
                Record(
                    id=rid,
                    entity=entity,
                    candidate_id=data.get("candidate_id"),
                    spt="spt_noord_holland",
                    rev=i,
                    deleted=False,
                    data=json.dumps(data),
                    field_revs=json.dumps(dict.fromkeys(data, i)),
                )
            )


def check(db_url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["check-codes", "--db", db_url])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_records_with_unknown_codes_are_listed_without_their_values(
    db_url: str, admin: Admin, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert check(db_url, capsys) == (0, "Geen records met een onbekende code.\n")
    monkeypatch.setattr(codecheck, "SLICE", 3)  # several slices per entity
    ok = {"name": "Zaanwarmte", "sector": "installatie", "spt": "spt_noord_holland"}
    store(
        admin,
        [
            *[(f"e-ok-{i}", "employer", ok) for i in range(5)],
            ("e-bad", "employer", {**ok, "sector": "techniek", "branch": "geheim-xyz"}),
            ("p-bad", "plan", {"candidate_id": "c-1", "status": "active"}),
            ("p-ok", "plan", {"candidate_id": "c-1", "status": None}),
            ("n-1", "note", {"candidate_id": "c-1", "text": "techniek"}),  # no code field
        ],
    )
    code, out = check(db_url, capsys)
    assert code == 1
    lines = out.splitlines()
    assert "employer  e-bad  sector, branch" in lines
    assert "plan  p-bad  status" in lines
    assert "2 record(s) met een onbekende code" in out
    assert not any(word in out for word in ("techniek", "geheim", "active", "e-ok", "p-ok"))
